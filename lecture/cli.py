"""``python -m lecture``: the lecture builder's command line.

    python -m lecture render [--quality l|m|h|k] [--voice kokoro|flite|none] [--jobs N]
                             [--only SLUG ...] [--out DIR] [--manifest FILE.toml|module:ATTR]
                             [--no-slides] [--tex-cache DIR]
    python -m lecture script [--out DIR] [--manifest ...]   the recording script of a build
    python -m lecture doctor       check the system pieces a render needs
    python -m lecture list         the chapters, in lecture order, and whether each exists
    python -m lecture audit [--out DIR] [--json FILE] [--hold S]   motion and caption-band audit

Exit status: 0 all good; 1 a chapter or a lecture-level step failed (the summary says which);
2 bad arguments (one line on stderr); 130 interrupted (finished chapters are kept).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

from . import audio, doctor, manifest
from .build import BuildBusy, build
from .manifest import ROOT
from .options import (
    DEFAULT_OUT,
    DEFAULT_QUALITY,
    DEFAULT_TEX_CACHE,
    DEFAULT_VOICE,
    QUALITIES,
    default_jobs,
    default_voice,
    quality_help,
)


class UsageError(Exception):
    """Bad arguments: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line, no usage dump, status 2
        raise UsageError(message)


def _folder(text: str) -> Path:
    # Path("") is Path("."): an empty value would silently mean the current folder.
    if not text.strip():
        raise argparse.ArgumentTypeError("give a folder, not an empty string")
    try:
        return Path(text).expanduser()
    except RuntimeError:  # ~user with no such user
        raise argparse.ArgumentTypeError(f"cannot expand {text!r}: no such home folder") from None


def _shown(folder: Path) -> str:
    """A default folder as the help names it: relative to the repository."""
    return str(folder.relative_to(ROOT))


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m lecture", description="Build the L1 vs L2 lecture.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    r = sub.add_parser("render", help="render the chapters and assemble the lecture")
    r.add_argument("--quality", "-q", default=DEFAULT_QUALITY, choices=QUALITIES,
                   help="manim quality: " + quality_help())
    r.add_argument("--voice", choices=audio.VOICES,
                   help="who speaks the captions: kokoro (neural), flite (fast, robotic), none "
                   f"(silent outputs, reading-time pacing); default $LECTURE_VOICE, else "
                   f"{DEFAULT_VOICE}")
    r.add_argument("--jobs", "-j", type=int, default=default_jobs(),
                   help="chapters rendered at the same time (default: number of cores)")
    r.add_argument("--only", nargs="+", metavar="SLUG", help="render only these chapters")
    r.add_argument("--out", type=_folder, default=DEFAULT_OUT,
                   help=f"output folder (default: {_shown(DEFAULT_OUT)})")
    r.add_argument("--manifest", help="chapter list: a .toml file or module:ATTR "
                   f"(default: {_shown(manifest.DEFAULT)})")
    r.add_argument("--tex-cache", type=_folder, default=DEFAULT_TEX_CACHE,
                   help="folder whose Tex/ and texts/ caches all renders share "
                   f"(default: {_shown(DEFAULT_TEX_CACHE)})")
    r.add_argument("--no-slides", action="store_true", help="skip the pptx/html decks")
    r.add_argument("--no-doctor", action="store_true", help="skip the preflight check")
    sc = sub.add_parser("script", help="write the recording script of the last build")
    sc.add_argument("--out", type=_folder, default=DEFAULT_OUT,
                    help=f"the built lecture folder (default: {_shown(DEFAULT_OUT)})")
    sc.add_argument("--manifest", help="chapter list (default: the lecture's)")
    sub.add_parser("doctor", help="check latex, dvisvgm, ffmpeg, cairo, pango")
    ls = sub.add_parser("list", help="list the chapters of the manifest")
    ls.add_argument("--manifest")
    a = sub.add_parser("audit", help="measure still frames and the caption band of a build")
    a.add_argument("--out", type=_folder, default=DEFAULT_OUT,
                   help=f"the built lecture folder (default: {_shown(DEFAULT_OUT)})")
    a.add_argument("--json", type=Path, metavar="FILE", help="also write the report as JSON")
    a.add_argument("--hold", type=float, metavar="SECONDS",
                   help="list holds longer than this (default 5)")
    a.add_argument("--only", nargs="+", metavar="SLUG", help="audit only these chapters")
    a.add_argument("--jobs", "-j", type=int, help="ffmpeg processes (at most 2)")
    return p


def _writable_folder(folder: Path, flag: str) -> Path:
    """``folder``, created; UsageError naming ``flag`` if it cannot be written."""
    try:
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"{flag} {folder} exists and is not a folder; give a folder")
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{os.getpid()}"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:  # also a name too long, or a file where a parent should be
        raise UsageError(f"{flag} {folder} is not a writable folder "
                         f"({exc.strerror or exc})") from None
    return folder


def _chapters(spec: str | None) -> tuple[manifest.Chapter, ...]:
    try:
        return manifest.load(spec)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _render(args) -> int:
    chapters = _chapters(args.manifest)
    slugs = [c.slug for c in chapters]
    if args.only:
        unknown = [s for s in args.only if s not in slugs]
        if unknown:
            raise UsageError(f"unknown chapter {', '.join(map(repr, unknown))}; choose from "
                             + ", ".join(slugs))
        twice = sorted({s for s in args.only if args.only.count(s) > 1})
        if twice:
            raise UsageError(f"--only names {', '.join(map(repr, twice))} more than once; "
                             "name each chapter once")
        absent = [c for c in chapters if c.slug in args.only and not c.path.exists()]
        if absent:
            raise UsageError(f"chapter {absent[0].slug!r} has no scene file yet "
                             f"({absent[0].file}); write it or leave it out of --only")
    if not any(c.path.exists() for c in chapters):  # a wrong manifest, not a failed build
        raise UsageError("no chapter of the manifest has a scene file yet: nothing to render "
                         f"(first: {chapters[0].file})")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
    out = _writable_folder(args.out, "--out")
    tex_cache = _writable_folder(args.tex_cache, "--tex-cache")
    args.voice = args.voice or default_voice()
    problem = audio.voice_problem(args.voice)
    if problem:
        if args.voice not in audio.VOICES:
            problem = f"LECTURE_VOICE={args.voice!r} is not a voice; use one of " \
                      + ", ".join(audio.VOICES)
        raise UsageError(problem)
    if not args.no_doctor and doctor.run(verbose=False, stream=sys.stderr) != 0:
        print("lecture: preflight failed: install the above, then run again.", file=sys.stderr)
        return 1
    result = build(chapters, out=out, quality=args.quality, jobs=args.jobs, only=args.only,
                   tex_cache=tex_cache, slides=not args.no_slides,
                   title=manifest.lecture_title(args.manifest), voice=args.voice)
    return result.exit_status


def _script(args) -> int:
    from .script import write_script
    from .stamps import read_stamp

    chapters = _chapters(args.manifest)
    stamps = [s for c in chapters
              if (s := read_stamp(args.out / ".work", c.slug)) and "narration" in s]
    if not stamps:
        raise UsageError(f"no build in {args.out} to take the narration from; build it first, "
                         f"e.g. (quick): python -m lecture render --quality l --voice none "
                         f"--out {args.out}")
    md, js = write_script(args.out, stamps)
    n = sum(len(s["narration"]) for s in stamps)
    print(f"lecture: recording script of {n} sentences: {md} and {js.name}")
    missing = [c.slug for c in chapters if c.path.exists()
               and c.slug not in {s["slug"] for s in stamps}]
    if missing:
        print(f"lecture: not built, so not in the script: {', '.join(missing)}")
    return 0


def _audit(args) -> int:
    from . import audit  # numpy only when auditing

    hold = audit.HOLD if args.hold is None else args.hold
    jobs = audit.MAX_FFMPEG if args.jobs is None else args.jobs
    if not (math.isfinite(hold) and hold > 0) or jobs < 1:  # "nan" parses as a float
        raise UsageError("--hold must be positive and --jobs at least 1")
    try:
        return audit.main(args.out.expanduser(), args.json, hold=hold, jobs=jobs,
                          only=args.only)
    except audit.AuditError as exc:
        raise UsageError(str(exc)) from None


def _list(args) -> int:
    chapters = _chapters(args.manifest)
    for i, c in enumerate(chapters, 1):
        state = "ok     " if c.path.exists() else "missing"
        print(f"{i:2d}  {c.slug:12} {state}  {c.scene:24} {c.title}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen command; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
        if args.command == "doctor":
            return doctor.run(verbose=True)
        if args.command == "list":
            return _list(args)
        if args.command == "audit":
            return _audit(args)
        if args.command == "script":
            return _script(args)
        return _render(args)
    except UsageError as exc:  # one line, even if a message quotes a multi-line error
        print("python -m lecture: error: " + " ".join(str(exc).split()), file=sys.stderr)
        return 2
    except BuildBusy as exc:
        print(f"python -m lecture: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("lecture: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into e.g. head: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
