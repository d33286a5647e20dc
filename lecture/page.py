"""The lecture page: ``index.html`` beside lecture.mp4, to watch, navigate and search it offline.

One HTML file plus a small assets folder (``index_assets/``: the page's CSS and JS, one
thumbnail per chapter). The page plays ``lecture.mp4`` in a plain ``<video>`` with two
``<track>`` elements (captions and chapters, as data: URLs, since browsers refuse a .vtt
file from a ``file://`` page) and embeds the chapters, beats and captions as JSON for the
chapter list, the transcript and the search. No library, no network, no server code: it works
from ``file://`` and from any static host. The template, CSS and JS are in ``page_assets/``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import shutil
import subprocess
from pathlib import Path
from string import Template

from . import media

PAGE_REVISION = "1"
SOURCE = Path(__file__).with_name("page_assets")
ASSETS = "index_assets"
THUMB_WIDTH = 320
# The thumbnail is the chapter's last picture: its last beat's end, minus this (seconds), so
# the closing fade-out (if any) has not started yet.
THUMB_BEFORE_END = 1.5


def _data_url(text: str) -> str:
    return "data:text/vtt;charset=utf-8;base64," + base64.b64encode(text.encode()).decode()


def thumb_time(chapter: dict) -> float:
    """When, in the chapter's own video, its key picture is on screen (see THUMB_BEFORE_END).

    ``chapter`` is an entry of the page data (lecture times)."""
    end = chapter["beats"][-1]["end"] if chapter["beats"] else chapter["end"]
    return max(0.0, min(end, chapter["end"]) - chapter["start"] - THUMB_BEFORE_END)


def _thumbnail(video: Path, at: float, dest: Path) -> None:
    cmd = ["ffmpeg", "-nostdin", "-y", "-v", "error", "-ss", f"{at:.3f}", "-i", str(video),
           "-frames:v", "1", "-vf", f"scale={THUMB_WIDTH}:-2", "-q:v", "4", str(dest)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0 or not dest.is_file():
        raise RuntimeError(f"no thumbnail from {video.name} at {at:.2f} s: "
                           + proc.stderr.strip()[-400:])


def page_data(out: Path, deck: str | None) -> dict:
    """The page's JSON: chapters, each with its beats, each with its captions."""
    chapters = json.loads((out / "chapters.json").read_text(encoding="utf-8"))
    clips = json.loads((out / "clips" / "index.json").read_text(encoding="utf-8"))
    cues = media.parse_srt((out / "lecture.srt").read_text(encoding="utf-8"))
    beats = [{"number": c["number"], "beat": c["beat"], "clip": c["file"], "slide": i,
              "start": c["lecture_start"], "end": c["lecture_end"], "cues": []}
             for i, c in enumerate(clips)]
    for cue in cues:  # a caption belongs to the beat it starts in (SRT times are cut to ms)
        into = [b for b in beats if b["start"] - 5e-3 <= cue.start] or beats[:1]
        if into:
            into[-1]["cues"].append([round(cue.start, 3), round(cue.end, 3), cue.text])
    data = {"slides": deck, "chapters": []}
    for ch in chapters:
        mine = [b for b, c in zip(beats, clips, strict=True) if c["chapter"] == ch["slug"]]
        name = Path(ch["file"]).stem
        data["chapters"].append({
            "number": ch["number"], "slug": ch["slug"], "title": ch["title"],
            "start": ch["start"], "end": ch["end"], "thumb": f"{ASSETS}/thumbs/{name}.jpg",
            "beats": mine, "file": ch["file"],
        })
    return data


def build_page(out: Path, work: Path, title: str, slides: bool = True, view=None) -> str:
    """Write ``index.html`` and ``index_assets/`` into ``out`` (skipped when nothing changed).

    ``slides``: link each beat to its slide in ``slides/lecture.html`` (only if that deck
    exists). Returns "written" or "up to date". The assets folder is built aside and swapped
    in whole, then index.html is written whole.
    """
    deck = "slides/lecture.html" if slides and (out / "slides" / "lecture.html").is_file() else None
    inputs = ["chapters.json", "clips/index.json", "lecture.srt", "lecture.vtt", "chapters.vtt"]
    sources = sorted(p for p in SOURCE.iterdir() if p.is_file())
    assembled = work / "assembled.json"
    digest = hashlib.sha256(json.dumps([
        PAGE_REVISION, title, deck, THUMB_WIDTH, THUMB_BEFORE_END,
        assembled.read_text() if assembled.is_file() else "",
        [(out / p).read_text(encoding="utf-8") for p in inputs],
        [(p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in sources],
    ]).encode()).hexdigest()
    stamp = work / "page.json"
    try:
        if (json.loads(stamp.read_text())["digest"] == digest and (out / "index.html").is_file()
                and (out / ASSETS).is_dir()):
            return "up to date"
    except (OSError, ValueError, KeyError):
        pass
    if view is not None:
        view.note("writing the lecture page (index.html)")
    data = page_data(out, deck)

    tmp = out / f".{ASSETS}{media.TMP_MARK}{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    (tmp / "thumbs").mkdir(parents=True)
    for name in ("page.css", "page.js"):
        shutil.copyfile(SOURCE / name, tmp / name)
    for ch in data["chapters"]:
        _thumbnail(out / ch.pop("file"), thumb_time(ch), tmp / "thumbs" / Path(ch["thumb"]).name)
    old = out / f".{ASSETS}-old{media.TMP_MARK}{os.getpid()}"
    if (out / ASSETS).exists():
        os.replace(out / ASSETS, old)
    os.replace(tmp, out / ASSETS)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)

    page = Template((SOURCE / "index.html").read_text(encoding="utf-8")).substitute(
        title=html.escape(title), assets=ASSETS, version=digest[:12], video="lecture.mp4",
        poster=html.escape(data["chapters"][0]["thumb"]) if data["chapters"] else "",
        captions=_data_url((out / "lecture.vtt").read_text(encoding="utf-8")),
        chapters=_data_url((out / "chapters.vtt").read_text(encoding="utf-8")),
        deck_link=f' &middot; <a href="{deck}">slides</a>' if deck else "",
        data=json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"),
    )
    media.write_text(out / "index.html", page)
    media.write_json(stamp, {"digest": digest})
    return "written"
