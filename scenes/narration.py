"""The voice of the narration: every caption is spoken, and the speech sets its length.

:func:`speak_caption` is called by the one narration path (``components.say`` and
``components.narrate_steps``): it starts the caption's speech at the current moment of the
scene and returns how long the caption must stay up. The voice is chosen by the environment
variable ``LECTURE_VOICE``: ``kokoro`` (the default: Kokoro-82M, offline), ``flite`` (fast,
robotic, for drafts) or ``none`` (silent; captions last their reading time). The builder sets
it from ``python -m lecture render --voice``; for a plain ``manim`` render set it in the shell.

Each sentence has a stable id ``<chapter>/<beat>/<NN>`` (NN counts from 01 within the beat),
under which a lecturer's own recording replaces the synthetic voice (see ``voice``). What was
spoken is written, as the render goes, to ``<media_dir>/narration/<Scene>.json`` for the builder
(the recording script, stale recordings, caption sync).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from manim import Scene, config

from scenes import style

ENV = "LECTURE_VOICE"
VOICES = ("kokoro", "flite", "none")
PAUSE = 0.4  # seconds of quiet after a spoken sentence before the next caption


def voice_choice() -> str:
    """The voice of this render, from ``LECTURE_VOICE`` (default ``kokoro``)."""
    choice = os.environ.get(ENV, "").strip().lower() or "kokoro"
    if choice not in VOICES:
        raise ValueError(f"{ENV}={choice!r} is not a voice; use one of {', '.join(VOICES)}")
    return choice


def reading_time(text: str) -> float:
    """Seconds a viewer needs to read ``text`` at the house narration pace."""
    return max(1.5, len(text.split()) / style.WORDS_PER_SECOND)


def speak_caption(scene: Scene, text: str) -> float:
    """Start speaking ``text`` now (unless the voice is ``none``) and return the seconds its
    caption needs: the speech plus a short pause, or the reading time when silent."""
    voice = voice_choice()
    chapter, beat, index = _next_id(scene)
    start = scene.renderer.time
    if voice == "none":
        entry = {"duration": 0.0, "source": "none", "problem": ""}
        need = reading_time(text)
    else:
        from voice import SentenceId, speak  # loads the speech engines only when speaking

        speech = speak(text, SentenceId(chapter, beat, index), voice=voice)
        _play(scene, speech.path)
        entry = {"duration": round(speech.duration, 3), "source": speech.source,
                 "problem": speech.problem}
        need = speech.duration + PAUSE
    _record(scene, {"id": f"{chapter}/{beat}/{index:02d}", "chapter": chapter, "beat": beat,
                    "index": index, "text": text, "start": round(start, 3), **entry})
    return need


def _play(scene: Scene, wav: Path) -> None:
    """Put the sentence's sound on the chapter's audio at the current moment.

    Not ``scene.add_sound``: manim adds nothing while it fast-forwards through an animation
    taken from its cache, so a re-render would lose every sentence said after a cached play.
    Only a real skip (a dry run, a range of animations left out) adds no sound.
    """
    renderer = scene.renderer
    if getattr(renderer, "_original_skipping_status", renderer.skip_animations):
        return
    renderer.file_writer.add_sound(str(wav), renderer.time)


def _next_id(scene: Scene) -> tuple[str, str, int]:
    """(chapter slug, beat slug, index from 1 within the beat) of the next sentence."""
    chapter = getattr(scene, "SLUG", "") or type(scene).__name__.lower()
    sections = scene.renderer.file_writer.sections
    beat = sections[-1].name if sections else "start"
    counts = scene.__dict__.setdefault("_sentences_per_beat", {})
    counts[beat] = counts.get(beat, 0) + 1
    return chapter, beat, counts[beat]


def _record(scene: Scene, entry: dict) -> None:
    """Add ``entry`` to the scene's narration list and rewrite its JSON (written whole each
    time, so an interrupted render leaves a complete list of what it said)."""
    spoken = scene.__dict__.setdefault("_spoken", [])
    spoken.append(entry)
    if config.dry_run:
        return
    path = Path(config.media_dir) / "narration" / f"{type(scene).__name__}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(spoken, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
