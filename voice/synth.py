"""Synthesize a caption once: a cache of wav files keyed by what decides the sound.

Key = sha256 of (format, engine, voice, speed, engine identity (model checksums or flite's
version), normalised words). Entry = ``<cache>/synth/<key>.wav`` (16-bit PCM mono 24 kHz) and
``<key>.json`` (duration, caption, words, engine...). The json is written last, so an entry
without it is unfinished and is made again; several renders may synthesize at once safely.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path

from . import artefacts, engines
from .normalise import normalise
from .recordings import SentenceId, find_recording

log = logging.getLogger("voice")

# Bump when the wav format or the key recipe changes: old entries are then never hit.
FORMAT = 1


@dataclass(frozen=True)
class Speech:
    """One spoken sentence, ready to be placed on the timeline.

    Attributes
    ----------
    path : Path
        The wav (the cache entry, or the lecturer's recording).
    duration : float
        Seconds of audio.
    text : str
        The caption as shown.
    words : str
        What was spoken (``normalise(text)``).
    source : str
        The engine name, or ``"recording"``.
    cached : bool
        True when no synthesis ran.
    problem : str
        Why a recording for this sentence was *not* used (stale / unmarked), else "".
    """

    path: Path
    duration: float
    text: str
    words: str
    source: str
    cached: bool
    problem: str = ""


def synth_dir() -> Path:
    """``<voice cache>/synth``."""
    return artefacts.cache_dir() / "synth"


def cache_key(eng: engines.Engine, words: str) -> str:
    """The cache key of ``words`` spoken by ``eng``."""
    recipe = [FORMAT, eng.name, eng.voice, eng.speed, eng.identity(), words]
    return hashlib.sha256(json.dumps(recipe, ensure_ascii=False).encode()).hexdigest()


def synthesize(text: str, voice: str | engines.Engine = "kokoro",
               folder: Path | None = None) -> Speech:
    """The speech for a caption, from the cache or synthesized now and cached.

    Parameters
    ----------
    text : str
        The caption sentence.
    voice : str or Engine
        ``"kokoro"`` (default), ``"flite"``, or an engine object.
    folder : Path, optional
        The cache folder; default ``synth_dir()``.

    Returns
    -------
    Speech
    """
    eng = engines.engine(voice) if isinstance(voice, str) else voice
    words = normalise(text)
    folder = folder or synth_dir()
    key = cache_key(eng, words)
    wav, meta = folder / f"{key}.wav", folder / f"{key}.json"
    try:
        info = json.loads(meta.read_text(encoding="utf-8"))
        if wav.is_file():
            return Speech(wav, float(info["duration"]), text, words, eng.name, True)
    except (OSError, ValueError, KeyError):
        pass
    samples = eng.render(words)
    folder.mkdir(parents=True, exist_ok=True)
    # Unique temporary names: parallel chapter renders may make the same sentence at once.
    tag = f".{os.getpid()}.part"
    tmp = wav.with_name(wav.name + tag)
    engines.write_wav(tmp, samples)
    tmp.replace(wav)
    duration = len(samples) / engines.RATE
    info = {"format": FORMAT, "engine": eng.name, "voice": eng.voice, "speed": eng.speed,
            "identity": eng.identity(), "text": text, "words": words, "duration": duration,
            "rate": engines.RATE, "samples": len(samples)}
    tmp = meta.with_name(meta.name + tag)
    tmp.write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(meta)
    return Speech(wav, duration, text, words, eng.name, False)


def speak(text: str, sid: SentenceId | None = None, voice: str | engines.Engine = "kokoro",
          recordings: Path | None = None, folder: Path | None = None) -> Speech:
    """The lecturer's recording of sentence ``sid`` when it is current, else synthetic speech.

    A recording that is stale or was never accepted is not used; the returned Speech says
    why in ``problem`` (and it is logged), so the builder can list it.

    Parameters
    ----------
    text : str
        The caption sentence.
    sid : SentenceId, optional
        Its id; without one, no recording is looked for.
    voice : str or Engine
        The synthetic voice, as for ``synthesize``.
    recordings, folder : Path, optional
        The recordings folder and the synth cache folder (defaults: see their modules).
    """
    rec = find_recording(sid, text, recordings) if sid is not None else None
    if rec is not None and rec.usable:
        return Speech(rec.wav, engines.wav_duration(rec.wav), text, normalise(text),
                      "recording", True)
    speech = synthesize(text, voice, folder)
    if rec is not None:
        log.warning(rec.problem)
        speech = replace(speech, problem=rec.problem)
    return speech
