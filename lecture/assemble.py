"""Assemble the lecture from the chapters' stamps: join the chapters into ``lecture.mp4``, write
the captions, ``chapters.json``/``.vtt`` and the clip index, then the slides and the page.

Only from a complete set: if any present chapter is not up to date, nothing lecture-level is
written. Reads the stamps only (see :mod:`lecture.stamps`), never manim's folders.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from . import audio, media
from .render import ChapterJob, State
from .stamps import BUILDER_REVISION, read_json, read_stamp, stamp_valid
from .view import View

if TYPE_CHECKING:
    from .build import BuildResult

# What a join writes; all there and made from the same stamps: the join is skipped.
PRODUCTS = ("lecture.mp4", "lecture.srt", "lecture.vtt", "chapters.vtt", "chapters.json",
            "clips/index.json")


def assemble(result: BuildResult, work: Path, view: View, slides: bool = True) -> None:
    """Join the chapters, write captions, chapter lists, the clip index, the slides, the page.

    Only from a complete set: if any present chapter is not up to date, nothing lecture-level
    is written (an existing lecture.mp4 from an earlier build is left as it was).
    """
    out = result.out
    jobs = result.jobs
    if not jobs:
        result.problems.append("no chapter has a scene file yet: nothing to build")
        result.assembled = "incomplete"
        return
    stamps = [read_stamp(work, j.chapter.slug) for j in jobs]
    missing = [j.name for j, s in zip(jobs, stamps, strict=True) if not stamp_valid(s, j, out)]
    if missing:
        result.assembled = "incomplete"
        text = "lecture.mp4 not written: not built: " + ", ".join(missing)
        skipped = {j.name for j in jobs if j.state == State.SKIPPED}
        if set(missing) <= skipped:  # --only left them out on purpose: not an error
            result.notes.append(text + " (left out by --only)")
        else:
            result.problems.append(text)
        return
    formats = {json.dumps([s["format"], bool(s.get("audio"))], sort_keys=True) for s in stamps}
    if len(formats) > 1:
        result.assembled = "failed"
        result.problems.append("lecture.mp4 not written: chapters differ in format: "
                               + "; ".join(sorted(formats)))
        return
    _prune(out, jobs)
    digest = hashlib.sha256(json.dumps(
        [BUILDER_REVISION, result.title, [{k: v for k, v in s.items() if k != "render_seconds"}
                                          for s in stamps]]
    ).encode()).hexdigest()
    done = read_json(work / "assembled.json")
    if done.get("digest") == digest and all((out / p).is_file() for p in PRODUCTS):
        result.assembled, result.lecture_written = "up to date", True
    else:
        view.note("joining chapters into lecture.mp4")
        _write_lecture(out, work, stamps, result.title)
        done = {"digest": digest}
        if any(s.get("audio") for s in stamps):
            loud = audio.measure(out / "lecture.mp4")
            done["loudness"] = {"integrated": loud.integrated, "true_peak": loud.true_peak}
        media.write_json(work / "assembled.json", done)
        result.assembled, result.lecture_written = "written", True
    if done.get("loudness"):
        result.loudness = (done["loudness"]["integrated"], done["loudness"]["true_peak"])
        lufs, peak = result.loudness
        if abs(lufs - audio.TARGET_LUFS) > audio.LOUDNESS_RANGE or peak > audio.MAX_TRUE_PEAK:
            result.notes.append(f"lecture.mp4 misses its loudness target: {lufs:.1f} LUFS, true "
                                f"peak {peak:.1f} dBTP (want {audio.TARGET_LUFS:g} "
                                f"+/- {audio.LOUDNESS_RANGE:g} LUFS, <= {audio.MAX_TRUE_PEAK:g})")
    from .script import write_script

    try:
        write_script(out, stamps)
    except Exception as exc:  # noqa: BLE001 - report, keep the lecture
        result.problems.append(f"recording script not written: {type(exc).__name__}: {exc}")
    if slides:
        from .slides import build_slides

        try:
            result.slides = build_slides(out, work, stamps, view, result.title)
        except Exception as exc:  # noqa: BLE001 - report, keep the lecture
            result.slides = "failed"
            result.problems.append(f"slides not written: {type(exc).__name__}: {exc}")
    from .page import build_page

    try:
        result.page = build_page(out, work, result.title,
                                 slides=result.slides in ("written", "up to date"), view=view)
    except Exception as exc:  # noqa: BLE001 - report, keep the lecture
        result.page = "failed"
        result.problems.append(f"lecture page not written: {type(exc).__name__}: {exc}")


def _prune(out: Path, jobs: list[ChapterJob]) -> None:
    """Remove chapter files and clip folders no chapter of this build owns (renamed ones)."""
    names = {j.name for j in jobs}
    for p in (out / "chapters").glob("*.mp4"):
        if p.stem not in names:
            p.unlink()
    for d in (out / "clips").iterdir():
        if d.is_dir() and d.name not in names:
            shutil.rmtree(d)


def timeline(stamps: list[dict]) -> list[tuple[float, float]]:
    """(start, end) of each chapter in the joined lecture, in seconds."""
    spans, t = [], 0.0
    for s in stamps:
        spans.append((t, t + s["duration"]))
        t += s["duration"]
    return spans


def _write_lecture(out: Path, work: Path, stamps: list[dict], title: str) -> None:
    spans = timeline(stamps)
    cues: list[media.Cue] = []
    chapters_json, clip_index = [], []
    for s, (start, end) in zip(stamps, spans, strict=True):
        for a, b, text in s["cues"]:
            cues.append(media.Cue(a, b, text).shifted(start, limit=end))
        chapters_json.append({
            "number": s["number"], "slug": s["slug"], "title": s["title"],
            "start": round(start, 6), "end": round(end, 6), "duration": round(s["duration"], 6),
            "file": s["file"], "clips": [c["file"] for c in s["sections"]],
        })
        for c in s["sections"]:
            clip_index.append({
                "chapter": s["slug"], "chapter_number": s["number"], "chapter_title": s["title"],
                "number": c["number"], "beat": c["beat"], "file": c["file"],
                "start": c["start"], "end": c["end"],
                "lecture_start": round(start + c["start"], 6),
                "lecture_end": round(start + c["end"], 6), "notes": c["notes"],
            })
    media.write_text(out / "lecture.srt", media.format_srt(cues))
    media.write_text(out / "lecture.vtt", media.format_vtt(cues))
    chapter_cues = [media.Cue(a, b, s["title"]) for s, (a, b) in zip(stamps, spans, strict=True)]
    media.write_text(out / "chapters.vtt",
                     media.format_vtt(chapter_cues, ids=[s["slug"] for s in stamps]))
    media.write_json(out / "chapters.json", chapters_json)
    media.write_json(out / "clips" / "index.json", clip_index)
    _join(out, work, stamps, spans, bool(cues), title)


def _listing(path: Path, files: list[Path], durations: list[float] | None = None) -> Path:
    """A concat demuxer list; with ``durations`` (each file's video length) the next file
    starts exactly there, whatever other track of the file lasts longer, and each file's own
    time 0 is its start (``inpoint 0``: an AAC track's priming packet, at -1024 samples, would
    otherwise shift the file's video by 21 ms)."""
    lines = []
    for i, f in enumerate(files):
        lines.append("file '" + str(f).replace("'", "'\\''") + "'\n")
        if durations:
            lines.append(f"inpoint 0\nduration {durations[i]:.6f}\n")
    path.write_text("".join(lines))
    return path


def _join(out: Path, work: Path, stamps: list[dict], spans, captions: bool, title: str) -> None:
    """ffmpeg concat demuxer, video stream copy: chapters + chapter markers + mov_text captions;
    with a voice, the chapters' normalised PCM joined and encoded once as one AAC track (so no
    priming or padding lands at a chapter boundary)."""
    work.mkdir(parents=True, exist_ok=True)
    listing = _listing(work / "concat.txt", [out / s["file"] for s in stamps],
                       [s["duration"] for s in stamps])
    voiced = all(s.get("audio") for s in stamps)
    meta = [";FFMETADATA1", "title=" + media.ffmetadata_escape(title)]
    for s, (a, b) in zip(stamps, spans, strict=True):
        meta += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={round(a * 1000)}",
                 f"END={round(b * 1000)}", "title=" + media.ffmetadata_escape(s["title"])]
    metafile = work / "chapters.ffmeta"
    metafile.write_text("\n".join(meta) + "\n", encoding="utf-8")
    target = out / "lecture.mp4"
    tmp = media.tmp_path(target)
    cmd = ["ffmpeg", "-nostdin", "-y", "-v", "error", *(["-copyts"] if voiced else []),
           "-f", "concat", "-safe", "0", "-i", str(listing), "-i", str(metafile)]
    maps = ["-map", "0:v", "-map_metadata", "1", "-map_chapters", "1", "-c:v", "copy"]
    k = 2
    if voiced:
        sound = _listing(work / "concat-audio.txt", [out / s["audio"]["file"] for s in stamps])
        cmd += ["-f", "concat", "-safe", "0", "-i", str(sound)]
        maps += ["-map", f"{k}:a", *audio.AAC]
        k += 1
    if captions:
        cmd += ["-i", str(out / "lecture.srt")]
        maps += ["-map", f"{k}:s", "-c:s", "mov_text", "-metadata:s:s:0", "language=eng",
                 "-metadata:s:s:0", "title=Narration"]
    cmd += [*maps, "-movflags", "+faststart", "-f", "mp4", str(tmp)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError("ffmpeg join failed: " + proc.stderr.strip()[-800:])
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
