"""``python -m lecture audit``: how much of a built lecture holds still, and what sits where
captions are drawn (chapter standard rules 10 and 11).

One ffmpeg decode per chapter video (two at most at a time), sampled at 10 fps: one branch runs
``freezedetect`` on a 320 px copy (as the 2026-11-29 review measured), the other returns the
bottom 15 % as raw pixels to compare with ``manim.cfg``'s background. The spans are then cut by
beat and caption. Times are seconds within the chapter.
"""

from __future__ import annotations

import configparser
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import numpy as np

from . import media
from .manifest import ROOT

# Motion: freezedetect's settings as the review used them.
SAMPLE_FPS = 10  # frames per second looked at
MOTION_WIDTH = 320  # px: small enough that encoding noise averages out
FREEZE_NOISE = 0.0005  # freezedetect n: mean difference below this is "the same frame"
FREEZE_MIN = 1.0  # s, freezedetect d: shorter stills do not count as frozen
HOLD = 5.0  # s: holds longer than this are listed (--hold)
EDGE = 1.5 / SAMPLE_FPS  # s: a caption's first/last sampled frame may still show its neighbour
# Targets of rule 10, marked in the table.
MAX_HOLD = 8.0
LONG_HOLD = 5.0  # s: at most MAX_LONG_HOLDS holds longer than this per chapter
MAX_LONG_HOLDS = 3
MAX_FROZEN = 0.60
# Caption-safe band (rule 11): the bottom 1.2 of the frame's 8 units.
FRAME_UNITS = 8.0
BAND_UNITS = 1.2
BAND_WIDTH = 640  # px: the band is decoded at most this wide
BG_TOLERANCE = 24  # per channel (0-255): x264 noise on a flat background stays below ~4
BAND_MIN_PIXELS = 4  # fewer off-background pixels than this are noise, not content
MAX_FFMPEG = 2
FALLBACK_BACKGROUND = "#14161B"
SETTINGS = ("SAMPLE_FPS", "MOTION_WIDTH", "FREEZE_NOISE", "FREEZE_MIN", "EDGE", "MAX_HOLD",
            "LONG_HOLD", "MAX_LONG_HOLDS", "MAX_FROZEN", "BAND_UNITS", "BAND_WIDTH",
            "BG_TOLERANCE", "BAND_MIN_PIXELS")  # copied into the JSON report


_RUNNING: set[subprocess.Popen] = set()  # ffmpeg processes of this audit, killed if it stops
_STOP = threading.Event()  # set when the audit stops early: a chapter starting now stops too


class AuditError(Exception):
    """The build folder cannot be audited: reported as one line, exit status 2."""


def background(cfg: Path = ROOT / "manim.cfg") -> tuple[int, int, int]:
    """The render background colour from ``manim.cfg`` as RGB."""
    parser = configparser.ConfigParser()
    parser.read(cfg)
    value = parser.get("CLI", "background_color", fallback=FALLBACK_BACKGROUND).lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def measure(video: Path, bg: tuple[int, int, int]) -> tuple[list[tuple[float, float]], list]:
    """Freeze spans ``(start, end)`` and, per sampled frame, how high content reaches into the
    caption band (frame units, 0.0 = clear)."""
    try:
        info = media.video_info(video)
    except (subprocess.CalledProcessError, LookupError, ValueError):
        raise AuditError(f"ffprobe cannot read {video}") from None
    band_h = max(1, round(info.height * BAND_UNITS / FRAME_UNITS))
    out_w = min(BAND_WIDTH, info.width)
    out_h = max(1, round(band_h * out_w / info.width))
    graph = (f"[0:v]fps={SAMPLE_FPS},split[m][b];"
             f"[m]scale={MOTION_WIDTH}:-2,freezedetect=n={FREEZE_NOISE}:d={FREEZE_MIN}[mo];"
             f"[b]format=rgb24,crop={info.width}:{band_h}:0:{info.height - band_h},"
             f"scale={out_w}:{out_h},format=rgb24[bo]")
    cmd = ["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-v", "info", "-i", str(video),
           "-filter_complex", graph, "-map", "[mo]", "-f", "null", "-",
           "-map", "[bo]", "-f", "rawvideo", "pipe:1"]
    size, ref = out_w * out_h * 3, np.array(bg, dtype=np.int16)
    heights: list[float] = []
    # stderr to a file: a pipe we do not read while reading stdout could fill and stall ffmpeg
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log)
        _RUNNING.add(proc)
        if _STOP.is_set():
            proc.kill()
        assert proc.stdout is not None
        read_all = False
        try:
            while chunk := proc.stdout.read(size * 64):  # whole frames; a short one only at EOF
                frames = np.frombuffer(chunk[: len(chunk) // size * size], np.uint8)
                frames = frames.reshape(-1, out_h, out_w, 3).astype(np.int16)
                # off-background pixels per frame and row (top row first)
                rows = (np.abs(frames - ref).max(axis=3) > BG_TOLERANCE).sum(axis=2)
                hit = rows.sum(axis=1) >= BAND_MIN_PIXELS
                top = np.where(hit, (rows > 0).argmax(axis=1), out_h)
                heights += np.round((out_h - top) / out_h * BAND_UNITS, 3).tolist()
            read_all = True
        finally:  # interrupted: do not leave ffmpeg decoding into a closed pipe
            if not read_all:
                proc.kill()
            _RUNNING.discard(proc)
        if proc.wait() != 0:
            log.seek(0)
            tail = log.read().decode(errors="replace").strip().splitlines()[-1:]
            raise AuditError(f"ffmpeg could not decode {video}: {' '.join(tail)}")
        log.seek(0)
        text = log.read().decode(errors="replace")
    freezes, start = [], None
    for kind, t in re.findall(r"freezedetect\.freeze_(start|end): ([\d.]+)", text):
        if kind == "start":
            start = float(t)
        elif start is not None:
            freezes.append((start, float(t)))
            start = None
    if start is not None:  # still at the end: freezedetect never reports an end
        freezes.append((start, info.duration))
    return freezes, heights


def _overlap(spans: list[tuple[float, float]], a: float, b: float) -> float:
    return sum(max(0.0, min(e, b) - max(s, a)) for s, e in spans)


def _share(spans: list[tuple[float, float]], a: float, b: float) -> float:
    return round(_overlap(spans, a, b) / max(b - a, 1e-9), 3)


def _still(spans: list[tuple[float, float]], a: float, b: float) -> bool:
    """Nothing changes in [a, b]: one freeze covers it, apart from a sampled frame at each end."""
    lo, hi = a + EDGE, max(a + EDGE, b - EDGE)
    return any(s <= lo + 1e-6 and e >= hi - 1e-6 for s, e in spans)


def _beat_at(beats: list[dict], t: float) -> str:
    return next((b["beat"] for b in beats if b["start"] <= t < b["end"]),
                beats[-1]["beat"] if beats else "")


def _chapter_report(ch: dict, freezes, heights, beats, cues, hold: float) -> dict:
    """Everything the audit says about one chapter, JSON-ready."""
    dur, off = ch["duration"], ch["start"]
    freezes = [(s, min(e, dur)) for s, e in freezes if s < dur]
    holds = [{"chapter": ch["slug"], "beat": _beat_at(beats, s), "start": round(s, 3),
              "end": round(e, 3), "duration": round(e - s, 3),
              "lecture_start": round(off + s, 3), "over_target": e - s > MAX_HOLD}
             for s, e in freezes if e - s > hold]
    step = 1 / SAMPLE_FPS
    hit_at = [k for k, h in enumerate(heights) if h > 0]
    runs: list[list[int]] = []  # [first, last] sampled frame of each run with band content
    for k in hit_at:
        if runs and k == runs[-1][1] + 1:
            runs[-1][1] = k
        else:
            runs.append([k, k])
    captions, ends = [], []
    for c in cues:
        last = min(len(heights) - 1, math.floor((c.end - 1e-3) * SAMPLE_FPS))
        ends.append(last)
        captions.append({"start": round(c.start, 3), "end": round(c.end, 3), "text": c.text,
                         "beat": _beat_at(beats, c.start),
                         "frozen_share": _share(freezes, c.start, c.end),
                         "still": _still(freezes, c.start, c.end),
                         "last_frame_band": heights[last] if last >= 0 else 0.0})
    band = [{"chapter": ch["slug"], "beat": _beat_at(beats, a * step), "start": round(a * step, 3),
             "end": round((b + 1) * step, 3), "reaches": max(heights[a:b + 1]),
             "caption_ends": sum(a <= e <= b for e in ends)} for a, b in runs]
    beat_rows = [{"number": b["number"], "beat": b["beat"], "start": b["start"], "end": b["end"],
                  "frozen_share": _share(freezes, b["start"], b["end"]),
                  "holds": sum(h["beat"] == b["beat"] for h in holds),
                  "still_captions": sum(c["still"] and c["beat"] == b["beat"] for c in captions),
                  "band_frames": sum(b["start"] <= k * step < b["end"] for k in hit_at)}
                 for b in beats]
    frozen = _overlap(freezes, 0.0, dur)
    report = {"number": ch["number"], "slug": ch["slug"], "title": ch["title"],
              "file": ch["file"], "start": off, "duration": dur,
              "frozen_seconds": round(frozen, 3), "frozen_share": round(frozen / dur, 4),
              "holds_over": len(holds),
              "holds_over_5s": sum(e - s > LONG_HOLD for s, e in freezes),
              "longest_hold": round(max((e - s for s, e in freezes), default=0.0), 3),
              "still_captions": sum(c["still"] for c in captions), "captions": captions,
              "band_frames": len(hit_at),
              "band_caption_ends": sum(c["last_frame_band"] > 0 for c in captions),
              "freezes": [[round(s, 3), round(e, 3)] for s, e in freezes], "holds": holds,
              "band_hits": band, "beats": beat_rows}
    report["violations"] = [v for v, bad in [
        (f"hold > {MAX_HOLD:g} s", report["longest_hold"] > MAX_HOLD),
        (f"> {MAX_LONG_HOLDS} holds > {LONG_HOLD:g} s", report["holds_over_5s"] > MAX_LONG_HOLDS),
        (f"> {MAX_FROZEN:.0%} frozen", report["frozen_share"] > MAX_FROZEN),
        ("content in the band at a caption's end", report["band_caption_ends"] > 0)] if bad]
    return report


def _load(folder: Path) -> tuple[list[dict], list[dict], list[media.Cue] | None]:
    """chapters.json, clips/index.json and lecture.srt; AuditError if the build is unusable."""
    if not (folder / "chapters.json").is_file() and (partial := _from_stamps(folder)):
        return partial
    try:
        chapters = json.loads((folder / "chapters.json").read_text(encoding="utf-8"))
        if not [(c["slug"], c["file"]) for c in chapters]:
            raise ValueError("it lists no chapter")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise AuditError(f"{folder} is not a built lecture (chapters.json: "
                         f"{getattr(exc, 'strerror', None) or exc})") from None
    try:
        beats = json.loads((folder / "clips" / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        beats = []
    srt = folder / "lecture.srt"
    cues = media.parse_srt(srt.read_text(encoding="utf-8")) if srt.is_file() else None
    return chapters, beats, cues


def _from_stamps(folder: Path) -> tuple[list[dict], list[dict], None] | None:
    """A build with ``--only`` writes no chapters.json: audit the chapters it rendered, each in
    its own time (from the stamps the builder keeps per chapter), or None if there are none."""
    chapters, beats = [], []
    for stamp in sorted((folder / ".work" / "stamps").glob("*.json")):
        try:
            s = json.loads(stamp.read_text(encoding="utf-8"))
            ch = {k: s[k] for k in ("number", "slug", "title", "file", "duration")}
            sections = s["sections"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if (folder / ch["file"]).is_file():
            chapters.append({**ch, "start": 0.0, "end": ch["duration"]})
            beats += [{**b, "chapter": ch["slug"]} for b in sections]
    chapters.sort(key=lambda c: c["number"])
    return (chapters, beats, None) if chapters else None


def _chapter_cues(folder: Path, ch: dict, cues: list[media.Cue] | None) -> list[media.Cue]:
    """The chapter's captions in chapter time: from lecture.srt, else the build's stamp."""
    if cues is not None:
        return [c.shifted(-ch["start"]) for c in cues
                if ch["start"] - 1e-3 <= c.start < ch["end"] - 1e-3]
    stamp = folder / ".work" / "stamps" / f"{ch['slug']}.json"
    try:
        raw = json.loads(stamp.read_text(encoding="utf-8"))["cues"]
    except (OSError, ValueError, KeyError):
        return []
    return [media.Cue(a, b, t) for a, b, t in raw]


def run(folder: Path, hold: float = HOLD, jobs: int = MAX_FFMPEG, only=None,
        progress=sys.stderr) -> dict:
    """Audit the build in ``folder``; progress lines go to ``progress`` (None: quiet)."""
    chapters, beats, cues = _load(folder)
    if only:
        unknown = sorted(set(only) - {c["slug"] for c in chapters})
        if unknown:
            raise AuditError(f"unknown chapter {', '.join(unknown)} in {folder / 'chapters.json'}")
        chapters = [c for c in chapters if c["slug"] in only]
    missing = [c["file"] for c in chapters if not (folder / c["file"]).is_file()]
    if missing:
        raise AuditError(f"{folder}: chapter video missing: {', '.join(missing)}")
    bg, reports, t0 = background(), {}, time.perf_counter()
    _STOP.clear()
    pool = ThreadPoolExecutor(max_workers=max(1, min(jobs, MAX_FFMPEG)))
    futures = {pool.submit(measure, folder / c["file"], bg): c for c in chapters}
    try:
        for fut in as_completed(futures):
            ch = futures[fut]
            freezes, heights = fut.result()
            ch_beats = [b for b in beats if b.get("chapter") == ch["slug"]]
            reports[ch["slug"]] = _chapter_report(
                ch, freezes, heights, ch_beats, _chapter_cues(folder, ch, cues), hold)
            if progress:
                print(f"audit: [{len(reports)}/{len(chapters)}] {Path(ch['file']).stem}: "
                      f"{ch['duration']:.1f} s, {time.perf_counter() - t0:.1f} s elapsed",
                      file=progress, flush=True)
    except BaseException:  # Ctrl-C or a bad video: start no more chapters, stop the running ones
        _STOP.set()
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in list(_RUNNING):
            proc.kill()
        raise
    pool.shutdown()
    rows = [reports[c["slug"]] for c in chapters]
    total = sum(r["duration"] for r in rows)
    return {
        "build": str(folder), "hold": hold,
        "background": "#" + bytes(bg).hex().upper(),
        "settings": {name.lower(): globals()[name] for name in SETTINGS},
        "lecture": {"duration": round(total, 3),
                    "frozen_share": round(sum(r["frozen_seconds"] for r in rows)
                                          / max(total, 1e-9), 4),
                    **{k: sum(r[k] for r in rows) for k in
                       ("holds_over", "holds_over_5s", "still_captions", "band_frames",
                        "band_caption_ends")},
                    "longest_hold": max((r["longest_hold"] for r in rows), default=0.0)},
        "chapters": rows,
    }


def _mark(text: str, bad: bool) -> str:
    return text + (" !" if bad else "  ")


def summary(report: dict) -> str:
    """The per-chapter table (targets missed marked with !)."""
    head = f"holds>{LONG_HOLD:g}s"  # the target's count; --hold only sets what is listed
    lines = [f"{'chapter':<16}{'running':>9}{'frozen':>9}{head:>11}{'longest':>10}"
             f"{'still captions':>16}{'band: ends/frames':>19}"]
    rows = [(f"{r['number']:02d} {r['slug']}", r, len(r["captions"]), True)
            for r in report["chapters"]]
    rows.append(("lecture", report["lecture"], sum(n for _, _, n, _ in rows), False))
    for name, r, n_caps, chapter in rows:
        frozen = _mark(f"{r['frozen_share']:.0%}", r["frozen_share"] > MAX_FROZEN)
        holds = _mark(str(r["holds_over_5s"]), chapter and r["holds_over_5s"] > MAX_LONG_HOLDS)
        longest = _mark(f"{r['longest_hold']:.1f} s", r["longest_hold"] > MAX_HOLD)
        still = f"{r['still_captions']}/{n_caps}"
        band = _mark(f"{r['band_caption_ends']}/{r['band_frames']}", r["band_caption_ends"] > 0)
        lines.append(f"{name:<16}{r['duration']:>7.1f} s{frozen:>9}{holds:>11}{longest:>10}"
                     f"{still:>14}  {band:>19}")
    lines.append(f"! target missed: a hold > {MAX_HOLD:g} s, > {MAX_LONG_HOLDS} holds > "
                 f"{LONG_HOLD:g} s, > {MAX_FROZEN:.0%} frozen, band content at a caption's end")
    return "\n".join(lines)


def _where(r: dict, x: dict) -> str:
    span = f"{x['start']:.1f}-{x['end']:.1f} s"
    return f"  {r['number']:02d} {r['slug']:<12} {span:>15}"


def details(report: dict) -> str:
    """Every listed hold and every run of frames with content in the caption band."""
    lines = [f"\nholds longer than {report['hold']:g} s (chapter time; ! longer than "
             f"{MAX_HOLD:g} s):"]
    for r in report["chapters"]:
        lines += [_where(r, x) + "  " + _mark(f"{x['duration']:4.1f} s", x["over_target"])
                  + "  " + x["beat"] for x in r["holds"]]
    lines.append(f"\ncontent in the caption band (the bottom {BAND_UNITS} units; how high it "
                 f"reaches; captions whose last frame shows it):")
    for r in report["chapters"]:
        lines += [f"{_where(r, x)}  up to {x['reaches']:.2f}  caption ends: "
                  f"{x['caption_ends']}  {x['beat']}" for x in r["band_hits"]]
    return "\n".join(lines)


def main(folder: Path, json_out: Path | None = None, hold: float = HOLD, jobs: int = MAX_FFMPEG,
         only=None) -> int:
    """Run the audit, print the table and the lists, write the JSON; 0 whatever it finds."""
    if not folder.is_dir():
        raise AuditError(f"no build folder at {folder} (build it with: python -m lecture render)")
    # fail before decoding, not after it
    if json_out is not None and (json_out.is_dir() or not json_out.parent.is_dir()
                                 or not os.access(json_out.parent, os.W_OK)):
        raise AuditError(f"--json {json_out}: cannot write a file there")
    report = run(folder, hold=hold, jobs=jobs, only=only)
    print(f"motion audit of {folder}: freezedetect at {SAMPLE_FPS} fps, {MOTION_WIDTH} px, "
          f"n={FREEZE_NOISE}, d={FREEZE_MIN:g} s")
    print(summary(report) + "\n" + details(report))
    if json_out is not None:
        media.write_json(json_out, report)
    return 0
