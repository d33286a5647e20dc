"""Minimal builder: render every chapter present, in manifest order, with the root manim.cfg.

(The full builder — joining, captions, clips, slides — grows from here.)
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from .manifest import ROOT, present

QUALITIES = ("l", "m", "h", "k")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen command; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m lecture")
    sub = parser.add_subparsers(dest="command", required=True)
    render = sub.add_parser("render", help="render every chapter present")
    render.add_argument("--quality", default="h", choices=QUALITIES)
    args = parser.parse_args(argv)
    failed = []
    for ch in present():
        print(f"lecture: rendering {ch.slug} ({ch.file}) at -q{args.quality}", flush=True)
        cmd = [sys.executable, "-m", "manim", "render", "--config_file", str(ROOT / "manim.cfg"),
               f"-q{args.quality}", "--save_sections", ch.file, ch.scene]
        if subprocess.run(cmd, cwd=ROOT).returncode != 0:
            failed.append(ch.slug)
    if failed:
        print(f"lecture: failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0
