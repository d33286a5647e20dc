"""Benchmark: the lecture builder on this machine (not a test; prints figures).

In one run, on private copies of the chapters that exist (the repository is never edited):

1. cold full build (fresh output folder, fresh manim and TeX caches) at each quality asked
   for (default -ql and -qh): wall time, seconds of video, render time / video time;
2. the builder (``--jobs 2``, everything: renders, join, clips, slides) vs rendering the same
   chapters one after another with plain ``manim`` (cold as well), as a ratio;
3. a no-op rebuild (nothing changed): wall time of ``python -m lecture render``;
4. a rebuild after editing one narration line in one beat of one chapter: wall time and
   which chapters were re-rendered (the target: only the edited one);
5. the motion audit's table (``python -m lecture audit``) of the last quality built.

Targets on 2 cores: whole lecture at 1080p60 in <= 1.5x its running time, at 480p15 in
<= 0.15x; no-op rebuild < 5 s; an edit re-renders only the edited chapter.

    .venv/bin/python benchmarks/lecture_build.py                # -ql and -qh (slow)
    .venv/bin/python benchmarks/lecture_build.py --qualities l  # only -ql
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lecture import audit, manifest  # noqa: E402


def _copy_chapters(dest: Path) -> tuple[Path, list[manifest.Chapter]]:
    """Copy the present chapters into ``dest`` and write a manifest TOML for the copies."""
    dest.mkdir(parents=True)
    present = manifest.present()
    lines = []
    for c in manifest.CHAPTERS:  # absent chapters stay listed (and absent) so numbers hold
        target = dest / Path(c.file).name
        if c in present:
            shutil.copy2(c.path, target)
        lines += ["[[chapter]]", f"slug = {json.dumps(c.slug)}",
                  f"file = {json.dumps(target.name)}", f"scene = {json.dumps(c.scene)}",
                  f"title = {json.dumps(c.title)}", ""]
    toml = dest / "manifest.toml"
    toml.write_text("\n".join(lines))
    return toml, list(manifest.load(str(toml)))


def _lecture(*args: str) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "lecture", "render", *args], cwd=ROOT,
                         capture_output=True, text=True)
    return time.perf_counter() - t0, run


def _video_seconds(out: Path) -> float:
    """Seconds of video of the chapters built (from their stamps: also when one failed)."""
    stamps = [json.loads(p.read_text()) for p in (out / ".work" / "stamps").glob("*.json")]
    return sum(s["duration"] for s in stamps) or float("nan")


def _rendered(stdout: str) -> list[str]:
    return re.findall(r"\] \d\d-([\w-]+): done", stdout)


def _plain_manim(chapters: list[manifest.Chapter], quality: str, media: Path) -> float:
    t0 = time.perf_counter()
    for c in chapters:
        if not c.path.exists():
            continue
        subprocess.run(
            [sys.executable, "-m", "manim", "render", "--config_file", str(ROOT / "manim.cfg"),
             f"-q{quality}", "--save_sections", "--media_dir", str(media),
             "--progress_bar", "none", str(c.path), c.scene],
            cwd=ROOT, check=False, capture_output=True)
    return time.perf_counter() - t0


def _edit_one_beat(chapters: list[manifest.Chapter]) -> str | None:
    """Change the wording of one narration line (the second ``say``) of one chapter."""
    for c in chapters:
        if not c.path.exists():
            continue
        src = c.path.read_text()
        hits = [m.start() for m in re.finditer(r'say\(self, f?"', src)]
        if len(hits) >= 2:
            at = src.index('"', hits[1]) + 1
            c.path.write_text(src[:at] + "So: " + src[at:])
            return c.slug
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--qualities", default="l,h", help="comma-separated, e.g. l or l,h")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    ap.add_argument("--no-sequential", action="store_true",
                    help="skip the plain-manim sequential comparison")
    ap.add_argument("--no-audit", action="store_true", help="skip the motion audit at the end")
    args = ap.parse_args()
    qualities = [q.strip() for q in args.qualities.split(",") if q.strip()]
    base = args.keep or Path(tempfile.mkdtemp(prefix="lecture-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    toml, chapters = _copy_chapters(base / "src")
    n = sum(c.path.exists() for c in chapters)
    print(f"lecture build benchmark: {n} chapter(s) present "
          f"({', '.join(c.slug for c in chapters if c.path.exists())}), --jobs {args.jobs}")
    rows = []
    for q in qualities:
        out, tex = base / f"out-{q}", base / f"tex-{q}"
        wall, run = _lecture("--manifest", str(toml), "--out", str(out), "-q", q,
                             "--jobs", str(args.jobs), "--tex-cache", str(tex))
        video = _video_seconds(out)
        ok = "ok" if run.returncode == 0 else f"exit {run.returncode}"
        rows.append((f"cold full build -q{q} ({ok})", f"{wall:.1f} s",
                     f"{video:.1f} s video, {wall / video:.2f}x"))
        print(f"  {rows[-1][0]}: {rows[-1][1]} for {rows[-1][2]}", flush=True)
        if run.returncode != 0:
            print(run.stdout[-3000:], run.stderr[-2000:])
        if q != qualities[0]:
            continue
        if not args.no_sequential:
            seq = _plain_manim(chapters, q, base / f"plain-media-{q}")
            rows.append((f"plain manim, one after another -q{q}", f"{seq:.1f} s",
                         f"builder/plain = {wall / seq:.2f}"))
            print(f"  {rows[-1][0]}: {rows[-1][1]} ({rows[-1][2]})", flush=True)
        noop, run = _lecture("--manifest", str(toml), "--out", str(out), "-q", q,
                             "--jobs", str(args.jobs), "--tex-cache", str(tex))
        why = sorted(set(re.findall(r"rendering \((changed: [^)]*)\)", run.stdout)))
        rows.append((f"no-op rebuild -q{q}", f"{noop:.2f} s",
                     f"rendered: {_rendered(run.stdout) or 'none'}"
                     + (f" ({'; '.join(why)}: the tree changed meanwhile)" if why else "")))
        print(f"  {rows[-1][0]}: {rows[-1][1]} ({rows[-1][2]})", flush=True)
        edited = _edit_one_beat(chapters)
        if edited:
            again, run = _lecture("--manifest", str(toml), "--out", str(out), "-q", q,
                                  "--jobs", str(args.jobs), "--tex-cache", str(tex))
            rows.append((f"rebuild after editing one beat of {edited} -q{q}",
                         f"{again:.1f} s", f"rendered: {_rendered(run.stdout)}"))
            print(f"  {rows[-1][0]}: {rows[-1][1]} ({rows[-1][2]})", flush=True)
    print("\n| measure | time | note |\n|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} |")
    if qualities and not args.no_audit:  # after the timings, so it cannot slow them
        print(f"\nmotion audit of the -q{qualities[-1]} build:", flush=True)
        try:
            print(audit.summary(audit.run(base / f"out-{qualities[-1]}", progress=None)))
        except audit.AuditError as exc:
            print(f"  not audited: {exc}")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
