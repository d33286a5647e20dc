"""Small media helpers: ffprobe, subtitles (SRT/WebVTT), and whole-or-nothing file writes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

# --- whole-or-nothing writes -------------------------------------------------------------

TMP_MARK = ".tmp-"


def tmp_path(path: Path) -> Path:
    """A temporary sibling of ``path`` (same folder, so a rename is atomic; same suffix)."""
    return path.with_name(f".{path.stem}{TMP_MARK}{os.getpid()}{path.suffix}")


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (temp file, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp_path(path)
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def write_json(path: Path, data) -> None:
    """Write ``data`` as indented JSON, whole or not at all."""
    write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def copy_file(src: Path, dst: Path) -> None:
    """Copy ``src`` to ``dst`` whole or not at all."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp_path(dst)
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def link_or_copy(src: Path, dst: Path) -> None:
    """Hard-link ``src`` as ``dst`` (no extra disk space), or copy where links fail."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if dst.exists():
        dst.unlink()
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def remove_stale_tmp(folder: Path) -> None:
    """Delete temp files and folders a killed build left in ``folder`` (not recursive)."""
    if folder.is_dir():
        for p in folder.iterdir():
            if p.name.startswith(".") and TMP_MARK in p.name:
                if p.is_dir() and not p.is_symlink():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink(missing_ok=True)


# --- ffprobe -----------------------------------------------------------------------------


@dataclass(frozen=True)
class VideoInfo:
    """What a chapter's video stream is: used to check chapters join by stream copy."""

    codec: str
    width: int
    height: int
    fps: Fraction
    pix_fmt: str
    frames: int
    duration: float

    @property
    def format_key(self) -> tuple:
        """Everything that must match for the concat demuxer's stream copy."""
        return (self.codec, self.width, self.height, self.fps, self.pix_fmt)


def ffprobe(path: Path, *entries: str) -> dict:
    """ffprobe's JSON for ``path`` (``entries`` like ``-show_streams``, ``-show_chapters``)."""
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-of", "json", *entries, str(path)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out)


def video_info(path: Path) -> VideoInfo:
    """Codec, size, frame rate, pixel format, frame count and duration of the first video."""
    data = ffprobe(path, "-show_streams", "-show_format", "-select_streams", "v:0")
    s = data["streams"][0]
    fps = Fraction(s["r_frame_rate"])
    frames = int(s.get("nb_frames") or 0)
    duration = float(s.get("duration") or data["format"]["duration"])
    return VideoInfo(s["codec_name"], int(s["width"]), int(s["height"]), fps, s["pix_fmt"],
                     frames, duration)


# --- subtitles -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """One caption: start and end in seconds, and its text."""

    start: float
    end: float
    text: str

    def shifted(self, offset: float, limit: float | None = None) -> Cue:
        """This cue moved by ``offset`` seconds, its end clipped to ``limit`` if given."""
        end = self.end + offset
        if limit is not None:
            end = min(end, limit)
        return Cue(self.start + offset, max(end, self.start + offset), self.text)


_SRT_TIME = re.compile(
    r"(\d+):(\d\d):(\d\d)[,.](\d{1,3})\s*-->\s*(\d+):(\d\d):(\d\d)[,.](\d{1,3})"
)


def _secs(h: str, m: str, s: str, ms: str) -> float:
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms.ljust(3, "0")) / 1000


def parse_srt(text: str) -> list[Cue]:
    """The cues of an SRT file, in file order."""
    cues = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        lines = block.strip().split("\n")
        for i, line in enumerate(lines):
            m = _SRT_TIME.search(line)
            if m:
                g = m.groups()
                body = "\n".join(lines[i + 1:]).strip()
                cues.append(Cue(_secs(*g[:4]), _secs(*g[4:]), body))
                break
    return cues


def _stamp(t: float, sep: str) -> str:
    ms = max(0, round(t * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def format_srt(cues: list[Cue]) -> str:
    """SRT text for ``cues``."""
    return "".join(
        f"{i}\n{_stamp(c.start, ',')} --> {_stamp(c.end, ',')}\n{c.text}\n\n"
        for i, c in enumerate(cues, 1)
    )


def format_vtt(cues: list[Cue], ids: list[str] | None = None) -> str:
    """WebVTT text for ``cues`` (optionally with cue identifiers)."""
    parts = ["WEBVTT\n\n"]
    for i, c in enumerate(cues):
        head = f"{ids[i]}\n" if ids else ""
        text = c.text.replace("-->", "->")
        parts.append(f"{head}{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}\n{text}\n\n")
    return "".join(parts)


def ffmetadata_escape(text: str) -> str:
    """Escape a value for ffmpeg's FFMETADATA format."""
    return re.sub(r"([=;#\\\n])", r"\\\1", text)
