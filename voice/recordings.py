"""Your own voice: a recording for one sentence replaces its synthetic speech.

Layout, at the repository root (the recordings are source material, so they are committed)::

    recordings/<chapter>/<beat>/<NN>.wav    the take (PCM wav, any rate, mono or stereo)
    recordings/<chapter>/<beat>/<NN>.json   {"id": ..., "text": ..., "text_sha256": ...}

``<chapter>`` is the chapter slug (e.g. ``sparsity``), ``<beat>`` the beat (manim section)
slug, ``NN`` the sentence's index within the beat, from 01. The sidecar records which text
was read; it is written by ``accept_recording`` (``python -m voice accept ID "text"``) once the
take is in place. A take whose sidecar is missing, or whose text no longer matches the caption,
is reported and never used: the synthetic voice speaks the current text instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .artefacts import ROOT


def recordings_dir() -> Path:
    """``recordings/`` at the repository root, or ``$LECTURE_RECORDINGS``."""
    return Path(os.environ.get("LECTURE_RECORDINGS") or ROOT / "recordings")


@dataclass(frozen=True, order=True)
class SentenceId:
    """One caption sentence: chapter slug, beat slug, 1-based index within the beat.

    Written ``chapter/beat/NN``, e.g. ``sparsity/penalties/03``.
    """

    chapter: str
    beat: str
    index: int

    def __post_init__(self) -> None:
        for part in (self.chapter, self.beat):
            if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", part):
                raise ValueError(f"{part!r}: chapter and beat are slugs (a-z, 0-9, - and _)")
        if self.index < 1:
            raise ValueError(f"sentence index starts at 1, got {self.index}")

    def __str__(self) -> str:
        return f"{self.chapter}/{self.beat}/{self.index:02d}"

    @classmethod
    def parse(cls, text: str) -> SentenceId:
        """Read ``chapter/beat/NN``."""
        try:
            chapter, beat, index = text.strip().split("/")
            return cls(chapter, beat, int(index))
        except ValueError as err:
            raise ValueError(f"{text!r} is not a sentence id chapter/beat/NN ({err})") from None

    def wav(self, root: Path | None = None) -> Path:
        """Where the recording of this sentence goes."""
        return (root or recordings_dir()) / self.chapter / self.beat / f"{self.index:02d}.wav"

    def sidecar(self, root: Path | None = None) -> Path:
        """The JSON beside the recording naming the text it reads."""
        return self.wav(root).with_suffix(".json")


def text_sha256(text: str) -> str:
    """Hash of a caption, blind to line breaks and repeated spaces only."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


@dataclass(frozen=True)
class Recording:
    """A take found for a sentence; ``usable`` only when its sidecar matches the text."""

    id: SentenceId
    wav: Path
    usable: bool
    problem: str = ""


def find_recording(sid: SentenceId, text: str, root: Path | None = None) -> Recording | None:
    """The recording for ``sid`` if one exists (usable or stale), else None.

    Parameters
    ----------
    sid : SentenceId
        The sentence.
    text : str
        Its current caption text.
    root : Path, optional
        The recordings folder; default ``recordings_dir()``.
    """
    wav = sid.wav(root)
    if not wav.is_file():
        return None
    side = sid.sidecar(root)
    try:
        recorded = json.loads(side.read_text(encoding="utf-8"))["text_sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return Recording(sid, wav, False, f"recording {wav} has no valid {side.name}, so the "
                         f"text it reads is unknown; after checking it, run: "
                         f'python -m voice accept {sid} "<its text>"')
    if recorded != text_sha256(text):
        return Recording(sid, wav, False, f"recording {wav} is stale: the sentence {sid} has "
                         f"changed since it was recorded; record it again, then run: "
                         f'python -m voice accept {sid} "<the new text>"')
    return Recording(sid, wav, True)


def accept_recording(sid: SentenceId, text: str, root: Path | None = None) -> Path:
    """Declare that the recording of ``sid`` reads ``text``: writes its sidecar.

    Raises FileNotFoundError when the wav is not in place.
    """
    wav = sid.wav(root)
    if not wav.is_file():
        raise FileNotFoundError(f"no recording at {wav}")
    side = sid.sidecar(root)
    body = {"id": str(sid), "text": " ".join(text.split()), "text_sha256": text_sha256(text)}
    part = side.with_name(side.name + ".part")
    part.write_text(json.dumps(body, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    part.replace(side)
    return side
