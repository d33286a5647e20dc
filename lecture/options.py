"""What a build is asked to do: the qualities manim renders at, every default, and the options
of one build (:class:`BuildOptions`). The CLI and :func:`lecture.build.build` read their
defaults from here, so they are spelled once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .manifest import ROOT


@dataclass(frozen=True)
class Quality:
    """One of manim's qualities: its ``-q`` letter, picture height and frame rate."""

    flag: str
    height: int
    fps: int

    @property
    def folder(self) -> str:
        """The folder manim renders into at this quality (manim.constants.QUALITIES): 480p15."""
        return f"{self.height}p{self.fps}"


# manim's qualities, in order; keyed by the -q letter.
QUALITIES = {q.flag: q for q in (Quality("l", 480, 15), Quality("m", 720, 30),
                                  Quality("h", 1080, 60), Quality("k", 2160, 60))}

DEFAULT_QUALITY = "h"
DEFAULT_OUT = ROOT / "build" / "lecture"
DEFAULT_TEX_CACHE = ROOT / "media"  # its Tex/ and texts/ caches are shared by all renders
DEFAULT_VOICE = "kokoro"  # LECTURE_VOICE of the renders: kokoro, flite or none (lecture.audio)
DEFAULT_TITLE = "Lecture"  # when neither the manifest nor its first chapter names the lecture


def default_voice() -> str:
    """The voice unless told: ``LECTURE_VOICE`` when set (the one setting a plain ``manim``
    render reads too, see scenes/narration.py), else ``DEFAULT_VOICE``."""
    return os.environ.get("LECTURE_VOICE", "").strip().lower() or DEFAULT_VOICE


def default_jobs() -> int:
    """Chapters rendered at the same time unless told: the number of cores."""
    return os.cpu_count() or 1


def quality_help() -> str:
    """``l 480p15, m 720p30, h 1080p60 (default), k 2160p60``."""
    return ", ".join(f"{q.flag} {q.folder}" + (" (default)" if q.flag == DEFAULT_QUALITY else "")
                     for q in QUALITIES.values())


@dataclass(frozen=True)
class BuildOptions:
    """One build's settings, resolved (see :func:`lecture.build.build` for their meaning)."""

    out: Path  # absolute
    title: str
    stream: TextIO  # where progress and the summary go
    quality: str = DEFAULT_QUALITY
    jobs: int = 1  # manim processes at once
    only: tuple[str, ...] = ()  # render just these slugs (empty: every chapter that changed)
    live: bool = False  # a live table rather than one line per event
    tex_cache: Path = DEFAULT_TEX_CACHE
    slides: bool = True
    voice: str = DEFAULT_VOICE  # kokoro, flite or none (silent outputs)

    @property
    def work(self) -> Path:
        """Manim media folders, logs and stamps: what makes rebuilds incremental."""
        return self.out / ".work"
