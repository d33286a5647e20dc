"""The narration's sound in the outputs: one loudness-normalised track per chapter, sliced for
the beat clips and joined once for the lecture.

A voiced render (``LECTURE_VOICE`` kokoro or flite) leaves manim's chapter video with the spoken
sentences mixed in (``scene.add_sound``) and the mix itself as ``<Scene>.wav`` beside it; manim's
section clips have no sound (manim issue #3347). Per chapter the builder:

1. measures the mix (ffmpeg ``ebur128``, BS.1770 integrated loudness and true peak);
2. applies the gain that brings it to ``TARGET_LUFS`` and a limiter (at 4x oversampling) that
   keeps the peaks at ``LIMIT_DBFS``, resampled to 48 kHz mono and cut or padded to exactly the
   video's length (``.work/audio/NN-slug.wav``); measured again, the gain corrected once if the
   limiter cost more than ``TOLERANCE`` LU;
3. muxes it as one AAC track with the video stream copied (never re-encoded), and the chapter's
   captions as a mov_text subtitle track; each beat clip gets its exact slice of the same PCM.

``lecture.mp4`` joins the normalised PCM of every chapter and encodes it once, so the track is
continuous (no per-file AAC priming or padding at chapter boundaries). A chapter that speaks no
sentence gets silence of its length. With ``--voice none`` none of this runs: outputs are silent.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import media

VOICES = ("kokoro", "flite", "none")
RATE = 48_000  # Hz: the AAC tracks and the normalised PCM; a whole number of samples per frame
TARGET_LUFS = -16.0  # integrated loudness for online video
MAX_TRUE_PEAK = -1.0  # dBTP, the limit the outputs must keep
# The limiter's ceiling, a sample peak at 4x oversampling: leaves room for the AAC encoder's
# overshoot (measured 0.1-0.3 dB at 192 kbit/s) below MAX_TRUE_PEAK.
LIMIT_DBFS = -2.5
LOUDNESS_RANGE = 1.0  # LU: the lecture's integrated loudness may miss TARGET_LUFS by this much
TOLERANCE = 0.3  # LU: a second gain pass when the first lands further than this from the target
SILENCE = -70.0  # LUFS: ebur128's absolute gate; a mix this quiet has nothing to normalise
# 192 kbit/s: at 128 kbit/s ffmpeg's AAC encoder overshot Kokoro speech limited at -2.5 dBFS by
# up to 3.4 dB (robustness: +0.9 dBTP, measured 2026-11-29); at 192 kbit/s by 0.1 dB.
AAC = ("-c:a", "aac", "-b:a", "192k", "-ac", "1", "-ar", str(RATE))


def voice_problem(voice: str) -> str:
    """Why a render with ``voice`` cannot speak here ("" when it can), naming the fix."""
    if voice not in VOICES:
        return f"--voice must be one of {', '.join(VOICES)}, not {voice!r}"
    other = "or render with --voice flite (fast, robotic) or --voice none (silent)"
    if voice == "kokoro":
        from voice import artefacts

        if importlib.util.find_spec("kokoro_onnx") is None:
            return (f"--voice kokoro: the Python package kokoro-onnx is not installed; "
                    f"install it with: {artefacts.PIP_COMMAND}; {other}")
        try:
            artefacts.kokoro_files()
        except artefacts.ArtefactError as err:
            return f"--voice kokoro: {err}; {other}"
    if voice == "flite" and shutil.which("flite") is None:
        return ("--voice flite: the program flite is not installed; install it with: "
                "sudo apt-get install flite; or render with --voice none (silent)")
    return ""


@dataclass(frozen=True)
class Loudness:
    """What ``ebur128`` measures: integrated loudness (LUFS) and true peak (dBTP)."""

    integrated: float
    true_peak: float


def _ffmpeg(*args: str) -> str:
    proc = subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", *args],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("ffmpeg failed: " + proc.stderr.strip()[-800:])
    return proc.stderr


def measure(path: Path, stream: str = "a:0") -> Loudness:
    """Integrated loudness and true peak of ``path``'s audio (ffmpeg ebur128, peak=true)."""
    log = _ffmpeg("-nostats", "-i", str(path), "-map", f"0:{stream}",
                  "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-")
    summary = log[log.rfind("Summary:"):]
    i = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    p = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    if not (i and p):
        raise RuntimeError(f"ebur128 gave no summary for {path}")
    return Loudness(float(i.group(1)), float(p.group(1)))


def has_audio(path: Path) -> bool:
    """Whether ``path`` has an audio stream."""
    return bool(media.ffprobe(path, "-show_streams", "-select_streams", "a")["streams"])


def samples(seconds: float) -> int:
    """Samples at ``RATE`` in ``seconds`` (exact for 15, 30, 60 fps frame boundaries)."""
    return round(seconds * RATE)


def normalise(src: Path | None, dest: Path, duration: float) -> dict:
    """Write ``src``'s audio to ``dest``, normalised, 48 kHz mono PCM, exactly ``duration``
    seconds long (silence when ``src`` is None or silent). Returns what was done and measured:
    ``{"integrated", "true_peak", "gain", "silent"}`` (the figures of ``dest``)."""
    n = samples(duration)
    tmp = media.tmp_path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    before = measure(src) if src is not None else None
    try:
        if before is None or before.integrated <= SILENCE:
            _ffmpeg("-y", "-v", "error", "-f", "lavfi", "-i", f"anullsrc=r={RATE}:cl=mono",
                    "-af", f"atrim=end_sample={n}", "-c:a", "pcm_s16le", str(tmp))
            result = {"integrated": None, "true_peak": None, "gain": 0.0, "silent": True}
        else:
            gain = TARGET_LUFS - before.integrated
            after = _apply(src, tmp, gain, n)
            if abs(after.integrated - TARGET_LUFS) > TOLERANCE:
                gain += TARGET_LUFS - after.integrated
                after = _apply(src, tmp, gain, n)
            result = {"integrated": after.integrated, "true_peak": after.true_peak,
                      "gain": round(gain, 2), "silent": False}
        tmp.replace(dest)
    finally:
        tmp.unlink(missing_ok=True)
    return result


def _apply(src: Path, dest: Path, gain: float, n: int) -> Loudness:
    limit = 10 ** (LIMIT_DBFS / 20)
    chain = (f"aresample={4 * RATE},volume={gain:.3f}dB,"
             f"alimiter=limit={limit:.4f}:level=0:attack=5:release=50:asc=0,"
             f"aresample={RATE},apad,atrim=end_sample={n}")
    _ffmpeg("-y", "-v", "error", "-i", str(src), "-map", "0:a:0", "-af", chain, "-ac", "1",
            "-c:a", "pcm_s16le", str(dest))
    return measure(dest)


def unheard(pcm: Path, narration: list[dict]) -> list[dict]:
    """The spoken sentences of ``narration`` (duration at least 0.3 s) during which ``pcm`` is
    silent throughout: sound that never reached the mix."""
    log = _ffmpeg("-nostats", "-i", str(pcm), "-af", "silencedetect=noise=-50dB:d=0.2",
                  "-f", "null", "-")
    starts = [float(x) for x in re.findall(r"silence_start: (-?[\d.]+)", log)]
    ends = [float(x) for x in re.findall(r"silence_end: ([\d.]+)", log)]
    quiet = list(zip(starts, [*ends, float("inf")][:len(starts)], strict=True))
    lost = []
    for e in narration:
        d = float(e.get("duration") or 0)
        if d < 0.3:
            continue
        a, b = float(e["start"]) + 0.05, float(e["start"]) + d - 0.05
        if any(s <= a and b <= t for s, t in quiet):
            lost.append(e)
    return lost


def mux(video: Path, dest: Path, audio: Path | None = None, span: tuple[float, float] | None = None,
        srt: Path | None = None) -> None:
    """``dest`` = ``video``'s video stream, copied, plus ``audio`` (a PCM file, or the samples
    ``span`` = (start, end) seconds of it) as one AAC track, plus ``srt`` as a mov_text track.
    Written whole or not at all."""
    cmd = ["-y", "-v", "error", "-i", str(video)]
    maps = ["-map", "0:v:0", "-c:v", "copy"]
    k = 1
    if audio is not None:
        cmd += ["-i", str(audio)]
        maps += ["-map", f"{k}:a:0", *AAC]
        if span is not None:
            a, b = samples(span[0]), samples(span[1])
            maps += ["-af", f"atrim=start_sample={a}:end_sample={b},asetpts=PTS-STARTPTS"]
        k += 1
    if srt is not None:
        cmd += ["-i", str(srt)]
        maps += ["-map", f"{k}:s:0", "-c:s", "mov_text", "-metadata:s:s:0", "language=eng",
                 "-metadata:s:s:0", "title=Narration"]
    tmp = media.tmp_path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        _ffmpeg(*cmd, *maps, "-map_metadata", "0", "-movflags", "+faststart", "-f", "mp4",
                str(tmp))
        tmp.replace(dest)
    finally:
        tmp.unlink(missing_ok=True)
