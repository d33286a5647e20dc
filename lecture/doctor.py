"""``python -m lecture doctor``: are the system pieces a render needs here?

Checks LaTeX (with the ``standalone`` class manim's templates use), dvisvgm, ffmpeg/ffprobe,
cairo and pango, and prints the exact ``apt-get``
command for whatever is missing. Also run as a preflight before every render, so a missing
piece fails in a second, not mid-render.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from dataclasses import dataclass


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


def checks() -> list[Check]:
    """Every requirement, checked (takes a fraction of a second)."""
    latex = _has("latex")
    result = [
        Check("latex", latex, ("texlive-latex-base", "texlive-latex-recommended"),
              "compiles MathTex"),
        Check("LaTeX class standalone.cls", latex and _kpsewhich("standalone.cls"),
              ("texlive-latex-extra",), "manim's TeX template"),
        Check("dvisvgm", _has("dvisvgm"), ("dvisvgm",), "turns TeX output into SVG"),
        Check("ffmpeg", _has("ffmpeg"), ("ffmpeg",), "joins chapters, muxes captions"),
        Check("ffprobe", _has("ffprobe"), ("ffmpeg",), "reads durations and formats"),
    ]
    for lib, module, pkg in (("cairo", "cairo", "libcairo2-dev"),
                             ("pangocairo", "manimpango", "libpango1.0-dev")):
        found = _pkg_config(lib)
        if found is None:  # no pkg-config: the Python binding importing is good enough
            found = _importable(module)
        result.append(Check(lib, bool(found), (pkg, "pkg-config"), "draws frames and text"))
    return result


def apt_command(missing: list[Check]) -> str:
    """The one command that installs everything ``missing`` needs."""
    pkgs = sorted({p for c in missing for p in c.packages})
    sudo = "" if _is_root() else "sudo "
    return (f"{sudo}apt-get update && {sudo}apt-get install -y --no-install-recommends "
            + " ".join(pkgs))


def _is_root() -> bool:
    import os

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
