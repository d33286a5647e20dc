"""The voiced build: sound in every output, loudness, sync, takes and the recording script.

A test manifest (tests/fixtures/voice_manifest.toml) of one tiny chapter that speaks three
sentences and one that says nothing is built at -ql with the fast voice (flite), once voiced and
once with ``--voice none``. The checks read the outputs back with ffprobe/ffmpeg.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lecture import audio, cli, manifest, media
from lecture.build import build

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.skipif(shutil.which("flite") is None, reason="flite is not installed")


def _build(chapters, out: Path, **kw):
    log = io.StringIO()
    result = build(chapters, out=out, quality="l", jobs=2, live=False, stream=log, **kw)
    return result, log.getvalue()


def _streams(path: Path) -> list[dict]:
    return media.ffprobe(path, "-show_streams")["streams"]


def _of(path: Path, kind: str) -> list[dict]:
    return [s for s in _streams(path) if s["codec_type"] == kind]


def _outputs(out: Path) -> list[Path]:
    return [out / "lecture.mp4", *sorted((out / "chapters").glob("*.mp4")),
            *sorted((out / "clips").glob("*/*.mp4"))]


@pytest.fixture(scope="module")
def spoken(tmp_path_factory):
    """The voice manifest built with flite, a stale take of one sentence in place:
    (chapters, out, result, log, recordings folder)."""
    root = tmp_path_factory.mktemp("voice")
    fx = root / "fixtures"
    shutil.copytree(FIXTURES, fx)
    rec = root / "recordings"
    old = os.environ.get("LECTURE_RECORDINGS")
    os.environ["LECTURE_RECORDINGS"] = str(rec)
    try:
        from voice import SentenceId, accept_recording, synthesize

        sid = SentenceId("talk", "appear", 2)
        sid.wav().parent.mkdir(parents=True)
        shutil.copyfile(synthesize("It moves to the right.", "flite").path, sid.wav())
        accept_recording(sid, "It moves to the left.")  # the caption says right: stale
        chapters = manifest.load(str(fx / "voice_manifest.toml"))
        out = root / "out"
        result, log = _build(chapters, out, voice="flite")
        assert result.exit_status == 0, log
        yield chapters, out, result, log, rec
    finally:
        if old is None:
            os.environ.pop("LECTURE_RECORDINGS", None)
        else:
            os.environ["LECTURE_RECORDINGS"] = old


def test_one_aac_track_in_every_output(spoken):
    out = spoken[1]
    for path in _outputs(out):
        tracks = _of(path, "audio")
        assert [t["codec_name"] for t in tracks] == ["aac"], path
        assert int(tracks[0]["sample_rate"]) == audio.RATE
    for path in [out / "lecture.mp4", *sorted((out / "chapters").glob("*.mp4"))]:
        assert [s["codec_name"] for s in _of(path, "subtitle")] == ["mov_text"], path


def test_audio_lasts_as_long_as_the_video(spoken):
    out = spoken[1]
    frame = 1 / 15  # -ql
    for path in _outputs(out):
        (v,), (a,) = _of(path, "video"), _of(path, "audio")
        assert float(v["r_frame_rate"].split("/")[0]) == 15, path
        assert float(v["start_time"]) == float(a["start_time"]) == 0.0, path
        assert abs(float(a["duration"]) - float(v["duration"])) <= frame, path


def test_lecture_audio_is_continuous(spoken):
    """One track as long as the chapters' samples together, and decoded it lines up with
    them: no gap, no AAC priming at a seam (the decoder keeps the last frame's padding only)."""
    import numpy as np

    out = spoken[1]
    pcm = np.frombuffer(subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(out / "lecture.mp4"), "-map", "0:a", "-f", "s16le",
         "-ac", "1", "-"], capture_output=True, check=True).stdout, dtype="<i2")
    listed = json.loads((out / "chapters.json").read_text())
    n = sum(audio.samples(c["duration"]) for c in listed)
    assert n <= len(pcm) < n + 1024
    (track,) = _of(out / "lecture.mp4", "audio")
    assert float(track["duration"]) == pytest.approx(n / audio.RATE, abs=1e-3)
    parts = []
    for c in listed:
        stamp = json.loads((out / ".work" / "stamps" / f"{c['slug']}.json").read_text())
        wav = out / stamp["audio"]["file"]
        parts.append(np.frombuffer(wav.read_bytes()[-2 * audio.samples(c["duration"]):], "<i2"))
    joined = np.concatenate(parts).astype(float)
    got = pcm[:n].astype(float)
    # the best alignment of the decoded track with the joined chapters is no shift at all
    lags = range(-480, 481, 16)
    score = [float(np.dot(joined[max(0, k):n + min(0, k)], got[max(0, -k):n - max(0, k)]))
             for k in lags]
    assert list(lags)[int(np.argmax(score))] == 0


def test_loudness_for_online_video(spoken):
    out, result = spoken[1], spoken[2]
    loud = audio.measure(out / "lecture.mp4")
    assert -17.0 <= loud.integrated <= -15.0 and loud.true_peak <= -1.0, loud
    assert result.loudness == (loud.integrated, loud.true_peak)
    talk = audio.measure(out / "chapters" / "01-talk.mp4")
    assert -17.0 <= talk.integrated <= -15.0 and talk.true_peak <= -1.0, talk
    assert f"{loud.integrated:.1f} LUFS" in spoken[3]


def test_cues_start_with_their_sentences(spoken):
    """Each caption starts within 0.3 s of its sentence, in the stamp and in lecture.mp4's sound
    (silence ends there)."""
    out = spoken[1]
    listed = json.loads((out / "chapters.json").read_text())
    cues = media.parse_srt((out / "lecture.srt").read_text())
    log = subprocess.run(["ffmpeg", "-nostdin", "-i", str(out / "lecture.mp4"), "-map", "0:a",
                          "-af", "silencedetect=noise=-45dB:d=0.1", "-f", "null", "-"],
                         capture_output=True, text=True).stderr
    sound_starts = [0.0, *(float(x) for x in re.findall(r"silence_end: ([\d.]+)", log))]
    spoken_lines = 0
    for ch in listed:
        stamp = json.loads((out / ".work" / "stamps" / f"{ch['slug']}.json").read_text())
        for e in stamp["narration"]:
            at = ch["start"] + e["start"]
            cue = next(c for c in cues if c.text == e["text"])
            assert abs(cue.start - at) <= 0.3, (e["id"], cue.start, at)
            assert any(at - 0.05 <= t <= at + 0.3 for t in sound_starts), (e["id"], at)
            spoken_lines += 1
    assert spoken_lines == 3


def test_stale_take_reported_never_used(spoken):
    _, out, result, log, _ = spoken
    assert len(result.unused_takes) == 1
    assert result.unused_takes[0].startswith("talk/appear/02: ")
    assert "stale" in result.unused_takes[0] and "talk/appear/02" in log
    stamp = json.loads((out / ".work" / "stamps" / "talk.json").read_text())
    entry = next(e for e in stamp["narration"] if e["id"] == "talk/appear/02")
    assert entry["source"] == "flite" and entry["problem"]


def test_script_lists_every_sentence(spoken, capsys):
    chapters, out = spoken[0], spoken[1]
    fx = Path(chapters[0].path).parent.parent
    assert cli.main(["script", "--out", str(out), "--manifest",
                     str(fx / "voice_manifest.toml")]) == 0
    rows = json.loads((out / "script.json").read_text())
    ids = ["talk/appear/01", "talk/appear/02", "talk/leave/01"]
    assert [r["id"] for r in rows] == ids
    text = (out / "script.md").read_text()
    assert all(f"`{i}`" in text for i in ids)
    assert "python -m voice accept" in text and "NOT USED" in text
    assert rows[1]["take"].endswith("talk/appear/02.wav") and rows[0]["take_state"] == "none"


def test_script_without_a_build_says_which_build_to_run(tmp_path, capsys):
    assert cli.main(["script", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--voice none" in err and "render" in err


def test_voiced_build_passes_the_silent_build_checks(spoken):
    """Formats, exact durations, chapter markers on the first frames, captions, clips, slides."""
    from tests import test_lecture_build as silent

    chapters, out = spoken[0], spoken[1]
    silent.check_same_format(out)
    silent.check_duration_is_sum(out)
    silent.check_markers(out, chapters)
    silent.check_captions(out, chapters)
    silent.check_clips(out, chapters)
    silent.check_slides(out)


def test_decks_voiced_and_presenter_silent_16_9_posters_of_their_beats(spoken):
    import zipfile

    out = spoken[1]
    index = json.loads((out / "clips" / "index.json").read_text())
    for name, muted in (("lecture", False), ("lecture-presenter", True)):
        with zipfile.ZipFile(out / "slides" / f"{name}.pptx") as z:
            size = re.search(r"<p:sldSz[^>]*>", z.read("ppt/presentation.xml").decode()).group()
            assert 'cx="12192000" cy="6858000"' in size and "screen4x3" not in size
            assert b"<PresentationFormat>Widescreen<" in z.read("docProps/app.xml")
            posters = []
            for i in range(1, len(index) + 1):
                slide = z.read(f"ppt/slides/slide{i}.xml").decode()
                assert ('mute="1"' in slide) == muted
                rels = z.read(f"ppt/slides/_rels/slide{i}.xml.rels").decode()
                (png,) = re.findall(r'Target="\.\./media/([^"]+\.png)"', rels)
                posters.append(z.read(f"ppt/media/{png}"))
        assert len(set(posters)) == len(index)  # one poster per beat, none shared or blank
    page = (out / "slides" / "lecture-presenter.html").read_text()
    assert page.count("data-background-video-muted") == page.count('data-background-video="')
    # the voiced deck speaks from its first slide (manim-slides mutes the first one)
    assert "data-background-video-muted" not in (out / "slides" / "lecture.html").read_text()
    for deck in ("lecture", "lecture-presenter"):  # Space on an ended beat goes on
        assert "if (currentVideos[0].ended) Reveal.next();" in (out / "slides" /
                                                                f"{deck}.html").read_text()


def test_new_take_rerenders_only_its_chapter(spoken):
    """Runs last on the shared build: accepting the take for the current text makes it used."""
    chapters, out, _, _, _ = spoken
    from voice import SentenceId, accept_recording

    accept_recording(SentenceId("talk", "appear", 2), "It moves to the right.")
    again, log = _build(chapters, out, voice="flite", slides=False)
    assert again.exit_status == 0, log
    assert again.rendered == ["talk"] and again.unused_takes == []
    stamp = json.loads((out / ".work" / "stamps" / "talk.json").read_text())
    entry = next(e for e in stamp["narration"] if e["id"] == "talk/appear/02")
    assert entry["source"] == "recording" and not entry["problem"]


def test_voice_none_keeps_outputs_silent(tmp_path):
    chapters = manifest.load(str(FIXTURES / "voice_manifest.toml"))
    out = tmp_path / "out"
    result, log = _build(chapters, out, voice="none", slides=False)
    assert result.exit_status == 0 and result.loudness is None, log
    for path in _outputs(out):
        assert not _of(path, "audio"), path
    stamp = json.loads((out / ".work" / "stamps" / "talk.json").read_text())
    assert stamp["audio"] is None and {e["source"] for e in stamp["narration"]} == {"none"}
    assert len(json.loads((out / "script.json").read_text())) == 3


def test_voice_from_the_environment_unless_told(monkeypatch):
    from lecture.options import DEFAULT_VOICE, default_voice

    monkeypatch.delenv("LECTURE_VOICE", raising=False)
    assert default_voice() == DEFAULT_VOICE == "kokoro"
    monkeypatch.setenv("LECTURE_VOICE", "flite")
    assert default_voice() == "flite"


def test_kokoro_missing_stops_before_rendering(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LECTURE_VOICE_CACHE", str(tmp_path / "empty"))
    problem = audio.voice_problem("kokoro")
    assert "--voice flite" in problem and ("voice fetch" in problem or "pip install" in problem)
    out = tmp_path / "out"
    code = cli.main(["render", "--manifest", str(FIXTURES / "voice_manifest.toml"), "--out",
                     str(out), "-q", "l", "--no-doctor", "--voice", "kokoro"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "--voice flite" in err
    assert not (out / "chapters").exists()


def test_a_sentence_missing_from_the_mix_is_caught(tmp_path):
    """manim drops a sound added after an animation it took from its cache; a chapter whose
    mix is silent where a sentence was spoken must not pass (the builder fails it)."""
    pcm = tmp_path / "mix.wav"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                    "sine=frequency=220:duration=1.5:sample_rate=48000", "-af", "apad=pad_dur=2",
                    str(pcm)], check=True)
    said = {"id": "a/b/01", "start": 0.2, "duration": 1.0}
    lost = {"id": "a/b/02", "start": 2.0, "duration": 1.0}
    assert audio.unheard(pcm, [said, lost]) == [lost]
