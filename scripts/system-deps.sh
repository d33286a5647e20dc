#!/usr/bin/env bash
# Make sure the Debian packages manim needs here are installed: every package named in
# scripts/system-packages.txt (the one list; lecture/doctor.py reads it too).
# Installs the missing ones when run as root (one apt-get update first); otherwise prints the
# exact command to run and fails. Fast when everything is present (one dpkg-query a package).
set -euo pipefail
PKGS=()
while read -r pkg _; do
  [[ -z "$pkg" || "$pkg" == \#* ]] || PKGS+=("$pkg")
done < "$(dirname "${BASH_SOURCE[0]}")/system-packages.txt"
missing=()
for p in "${PKGS[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -eq 0 ]]; then
  echo "setup: installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: missing system packages: ${missing[*]}" >&2
  echo "setup: run this, then run make again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
