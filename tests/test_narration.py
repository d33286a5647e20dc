"""The narration path (scenes/components.say -> scenes/narration): voice choice, sentence ids,
captions that start with their speech and last as long as it, the silent fallback."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from manim import Circle, Create, FadeIn, Scene, Square, tempconfig

from scenes import narration
from scenes.components import narrate_steps, say

FPS = 5


class _Talk(Scene):
    """Two beats, three sentences, one of them spanning its animation."""

    SLUG = "talk"

    def construct(self):
        self.next_section("first")
        say(self, "A circle appears.", Create(Circle()), run_time=0.4)
        say(self, "Then a square fades in, slowly.", FadeIn(Square()), span=True)
        self.next_section("second")
        narrate_steps(self, "Two short steps.", [(FadeIn(Circle()),), (FadeIn(Square()),)])


def _render(tmp_path: Path, voice: str, monkeypatch, cache: bool = False
            ) -> tuple[Scene, Path]:
    monkeypatch.setenv(narration.ENV, voice)
    with tempconfig({"media_dir": str(tmp_path), "pixel_height": 144, "pixel_width": 256,
                     "frame_rate": FPS, "disable_caching": not cache, "write_to_movie": True,
                     "progress_bar": "none"}):
        scene = _Talk()
        scene.render()
    return scene, next(tmp_path.rglob("_Talk.mp4"))


def _streams(video: Path) -> list[str]:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=codec_type",
                          "-of", "csv=p=0", str(video)], capture_output=True, text=True)
    return out.stdout.split()


def test_voice_choice(monkeypatch):
    monkeypatch.delenv(narration.ENV, raising=False)
    assert narration.voice_choice() == "kokoro"  # the lecture's default voice
    monkeypatch.setenv(narration.ENV, " Flite ")
    assert narration.voice_choice() == "flite"
    monkeypatch.setenv(narration.ENV, "robot")
    with pytest.raises(ValueError, match="LECTURE_VOICE='robot'"):
        narration.voice_choice()


def test_silent_narration_keeps_reading_time(tmp_path, monkeypatch):
    scene, video = _render(tmp_path, "none", monkeypatch)
    spoken = json.loads((tmp_path / "narration" / "_Talk.json").read_text())
    assert [e["id"] for e in spoken] == ["talk/first/01", "talk/first/02", "talk/second/01"]
    assert all(e["source"] == "none" and e["duration"] == 0.0 for e in spoken)
    cues = scene.renderer.file_writer.subcaptions
    for cue, entry in zip(cues, spoken, strict=True):
        need = narration.reading_time(entry["text"])
        assert cue.start.total_seconds() == pytest.approx(entry["start"], abs=1e-3)
        assert (cue.end - cue.start).total_seconds() >= need - 1e-3
    assert _streams(video) == ["video"]  # nothing spoken, no audio track


@pytest.mark.skipif(shutil.which("flite") is None, reason="Debian's flite is not installed")
def test_spoken_captions_start_with_their_speech_and_last_as_long(tmp_path, monkeypatch):
    scene, video = _render(tmp_path, "flite", monkeypatch)
    spoken = json.loads((tmp_path / "narration" / "_Talk.json").read_text())
    cues = scene.renderer.file_writer.subcaptions
    assert [e["source"] for e in spoken] == ["flite"] * 3
    for cue, entry in zip(cues, spoken, strict=True):
        assert cue.content == entry["text"]
        assert cue.start.total_seconds() == pytest.approx(entry["start"], abs=1e-3)
        assert (cue.end - cue.start).total_seconds() >= entry["duration"] + narration.PAUSE - 1e-3
    # span=True: the square's fade lasts the whole spoken sentence
    second, third = spoken[1], spoken[2]
    assert third["start"] - second["start"] == pytest.approx(
        second["duration"] + narration.PAUSE, abs=1.0 / FPS)
    assert sorted(_streams(video)) == ["audio", "video"]


@pytest.mark.skipif(shutil.which("flite") is None, reason="Debian's flite is not installed")
def test_a_re_render_from_manims_cache_keeps_every_sentence(tmp_path, monkeypatch):
    """manim skips add_sound while it reuses a cached animation; the narration must not."""
    _render(tmp_path, "flite", monkeypatch, cache=True)
    _, video = _render(tmp_path, "flite", monkeypatch, cache=True)  # every play from the cache
    spoken = json.loads((tmp_path / "narration" / "_Talk.json").read_text())
    rate = 8000
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(video), "-f", "s16le", "-ac", "1",
                          "-ar", str(rate), "-"], capture_output=True, check=True).stdout
    pcm = np.frombuffer(raw, dtype=np.int16).astype(float)
    for entry in spoken:
        a, b = int(entry["start"] * rate), int((entry["start"] + entry["duration"]) * rate)
        assert np.sqrt(np.mean(pcm[a:b] ** 2)) > 100, entry["id"]  # audible, not silence


def test_house_render_settings_never_reuse_manims_cache():
    """A cached play advances the clock by its exact run time, a rendered one by whole frames:
    with the cache, a re-render's captions and sentences would drift against its video."""
    import configparser

    cfg = configparser.ConfigParser()
    cfg.read(Path(__file__).resolve().parent.parent / "manim.cfg")
    assert cfg.getboolean("CLI", "disable_caching")
