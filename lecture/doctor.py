"""``python -m lecture doctor``: are the system pieces a render needs here?

Checks LaTeX (with the ``standalone`` class manim's templates use), dvisvgm, ffmpeg/ffprobe,
cairo and pango, and prints the exact ``apt-get`` command for whatever is missing. Also run as
a preflight before every render, so a missing piece fails in a second, not mid-render. Which
package provides what is read from ``scripts/system-packages.txt``, the list
``scripts/system-deps.sh`` installs.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

from .manifest import ROOT

PACKAGE_LIST = ROOT / "scripts" / "system-packages.txt"


@dataclass(frozen=True)
class Check:
    """One requirement: what it is, whether it is met, and the Debian packages providing it."""

    name: str
    ok: bool
    packages: tuple[str, ...]
    detail: str = ""


def _has(program: str) -> bool:
    return shutil.which(program) is not None


def _pkg_config(*modules: str) -> bool | None:
    """True/False from pkg-config, or None when pkg-config itself is missing."""
    if not _has("pkg-config"):
        return None
    return subprocess.run(["pkg-config", "--exists", *modules],
                          capture_output=True).returncode == 0


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _kpsewhich(name: str) -> bool:
    if not _has("kpsewhich"):
        return False
    out = subprocess.run(["kpsewhich", name], capture_output=True, text=True)
    return out.returncode == 0 and bool(out.stdout.strip())


def packages_for(need: str) -> tuple[str, ...]:
    """The Debian packages that provide ``need`` (a check), from :data:`PACKAGE_LIST`."""
    pkgs = []
    for line in PACKAGE_LIST.read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        if words and need in words[1:]:
            pkgs.append(words[0])
    if not pkgs:
        raise RuntimeError(f"{PACKAGE_LIST} names no package for {need!r}")
    return tuple(pkgs)


def checks() -> list[Check]:
    """Every requirement, checked (takes a fraction of a second)."""
    latex = _has("latex")
    found = {
        "latex": latex,
        "standalone.cls": latex and _kpsewhich("standalone.cls"),
        **{tool: _has(tool) for tool in ("dvisvgm", "ffmpeg", "ffprobe")},
    }
    for lib, module in (("cairo", "cairo"), ("pangocairo", "manimpango")):
        found[lib] = _pkg_config(lib)
        if found[lib] is None:  # no pkg-config: the Python binding importing is good enough
            found[lib] = _importable(module)
    return [Check(name, bool(found[need]), packages_for(need), detail)
            for need, name, detail in _CHECKS]


# Each check: its key in the package list, its name in the report, what it is for.
_CHECKS = (
    ("latex", "latex", "compiles MathTex"),
    ("standalone.cls", "LaTeX class standalone.cls", "manim's TeX template"),
    ("dvisvgm", "dvisvgm", "turns TeX output into SVG"),
    ("ffmpeg", "ffmpeg", "joins chapters, muxes captions"),
    ("ffprobe", "ffprobe", "reads durations and formats"),
    ("cairo", "cairo", "draws frames and text"),
    ("pangocairo", "pangocairo", "draws frames and text"),
)


def apt_command(missing: list[Check]) -> str:
    """The one command that installs everything ``missing`` needs."""
    pkgs = sorted({p for c in missing for p in c.packages})
    sudo = "" if _is_root() else "sudo "
    return (f"{sudo}apt-get update && {sudo}apt-get install -y --no-install-recommends "
            + " ".join(pkgs))


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def run(verbose: bool = True, stream=None) -> int:
    """Print the checks (all when verbose, else only problems); 0 if all pass, else 1."""
    stream = stream or sys.stdout
    results = checks()
    missing = [c for c in results if not c.ok]
    if verbose:
        for c in results:
            print(f"  {'ok     ' if c.ok else 'MISSING'}  {c.name:28} {c.detail}", file=stream)
    if missing:
        names = ", ".join(c.name for c in missing)
        print(f"lecture doctor: missing {names}. Install with:", file=stream)
        print(f"  {apt_command(missing)}", file=stream)
        return 1
    if verbose:
        print("lecture doctor: everything a render needs is here.", file=stream)
    return 0
