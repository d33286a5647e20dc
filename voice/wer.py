"""Intelligibility, measured offline: word error rate of speech against its caption.

pocketsphinx (PyPI) ships a general American English model; it transcribes the wav, and the
word error rate is the word-level edit distance to the caption's spoken words divided by their
number. pocketsphinx is a weak listener, so read the figure as a comparison between voices and
a guard against gibberish, not as an absolute quality score.

``python -m voice.wer FILE.wav "caption"`` prints the transcript and the rate;
``python -m voice.wer --captions FILE [--voice kokoro flite] [--limit N]`` speaks each line of
FILE with each voice (through the synth cache) and prints the rate over all lines.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from functools import cache
from pathlib import Path

import numpy as np

from .engines import read_wav, resample
from .normalise import normalise

ASR_RATE = 16_000  # the rate pocketsphinx's en-us model was trained on


def words(text: str) -> list[str]:
    """Lower-case words to compare: the caption's spoken form, punctuation and hyphens gone."""
    spoken = normalise(text).lower().replace("-", " ")
    return re.findall(r"[a-z0-9']+", spoken)


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    """Fewest word substitutions, insertions and deletions turning ``ref`` into ``hyp``."""
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


@cache
def _decoder():
    try:
        from pocketsphinx import Decoder
    except ImportError as err:
        raise RuntimeError(f"pocketsphinx is not installed ({err}); install it with: "
                           ".venv/bin/pip install pocketsphinx==5.1.1") from err
    return Decoder(samprate=ASR_RATE, loglevel="FATAL")


def transcribe(wav: Path) -> str:
    """What pocketsphinx hears in a wav (any rate; resampled to 16 kHz)."""
    samples, rate = read_wav(wav)
    pcm = np.round(np.clip(resample(samples, rate, ASR_RATE), -1, 1) * 32767).astype("<i2")
    dec = _decoder()
    dec.start_utt()
    dec.process_raw(pcm.tobytes(), full_utt=True)
    dec.end_utt()
    hyp = dec.hyp()
    return hyp.hypstr if hyp is not None else ""


def word_error_rate(wav: Path, text: str) -> tuple[float, int, int]:
    """(rate, errors, reference words) of ``wav`` heard against caption ``text``."""
    ref = words(text)
    errors = edit_distance(ref, words(transcribe(wav)))
    return errors / max(1, len(ref)), errors, len(ref)


def _survey(captions: Path, voices: list[str], limit: int) -> None:
    from .synth import synthesize

    lines = [s for s in captions.read_text(encoding="utf-8").splitlines() if s.strip()][:limit]
    for voice in voices:
        errors = total = 0
        audio = spent = 0.0
        for line in lines:
            start = time.perf_counter()
            speech = synthesize(line, voice)
            spent += 0.0 if speech.cached else time.perf_counter() - start
            audio += speech.duration
            _, e, n = word_error_rate(speech.path, line)
            errors, total = errors + e, total + n
        caption_words = sum(len(s.split()) for s in lines)
        print(f"{voice}: {len(lines)} sentences, word error rate {errors / total:.3f} "
              f"({errors}/{total}), {60 * caption_words / audio:.0f} caption words/min, "
              f"{audio:.1f} s of speech, {spent:.1f} s synthesizing (cache misses)")


def main(argv: list[str] | None = None) -> int:
    """Command line: one wav against its caption, or a survey of caption lines."""
    p = argparse.ArgumentParser(prog="python -m voice.wer", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("wav", nargs="?", type=Path)
    p.add_argument("text", nargs="?")
    p.add_argument("--captions", type=Path, help="a file of caption sentences, one a line")
    p.add_argument("--voice", nargs="+", default=["kokoro", "flite"])
    p.add_argument("--limit", type=int, default=15)
    args = p.parse_args(argv)
    if args.captions:
        _survey(args.captions, args.voice, args.limit)
    elif args.wav and args.text:
        rate, errors, n = word_error_rate(args.wav, args.text)
        print(f"heard: {transcribe(args.wav)}\nword error rate {rate:.3f} ({errors}/{n})")
    else:
        p.error("give WAV and TEXT, or --captions FILE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
