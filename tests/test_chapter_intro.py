"""Chapter 1 (intro): smoke, sections, displayed values, control frames."""

from __future__ import annotations

import re

import numpy as np
import pytest
from manim import Text, config
from manim.utils.testing.frames_comparison import frames_comparison

from lecture.manifest import CHAPTERS
from mathutils import anscombe, descend, lad_fit
from scenes import style
from scenes.intro import LAM, LR, MAX_LIFT, OUTLIER_INDEX, STEPS, TARGET, W0, LectureOpening
from tests.chapter_tools import PACE, render_small, run_dry, subcaptions

__module_test__ = "intro"

BEATS = ["cold-open-outlier", "cold-open-zero", "title", "roadmap"]
METHODS = ["cold_open_outlier", "cold_open_zero", "title_beat", "roadmap_beat"]


def _layout(scene) -> dict:
    """Where the top-level mobjects are, and the smallest text size on screen."""
    boxes = [(m.get_left()[0], m.get_right()[0], m.get_bottom()[1], m.get_top()[1])
             for m in scene.mobjects if m.width > 0 or m.height > 0]
    sizes = [f._font_size * f.height / f.initial_height
             for m in scene.mobjects for f in m.get_family()
             if isinstance(f, Text) and f.initial_height > 0]
    return {"boxes": boxes, "smallest": min(sizes, default=np.inf)}


class _Probe(LectureOpening):
    """The chapter as it is, recording the layout after every beat."""

    def setup(self):
        super().setup()
        self.layouts = {}
        for name in METHODS:
            beat = getattr(self, name)

            def recorded(beat=beat, name=name):
                beat()
                self.layouts[name] = _layout(self)

            setattr(self, name, recorded)


@pytest.fixture(scope="module")
def dry():
    return run_dry(_Probe)


def test_every_beat_inside_the_margins_with_readable_text(dry):
    half_w = config.frame_width / 2 - style.EDGE + 0.02
    half_h = config.frame_height / 2 - style.EDGE + 0.02
    assert set(dry.layouts) == set(METHODS)
    for name, lay in dry.layouts.items():
        for left, right, bottom, top in lay["boxes"]:
            assert -half_w <= left and right <= half_w, name
            # nothing in the caption-safe band at the bottom (chapter standard, rule 11)
            assert style.FLOOR - 0.02 <= bottom and top <= half_h, name
        assert lay["smallest"] >= style.SMALL_SIZE - 0.01, name


def test_smoke_and_narration(dry):
    lines = subcaptions(dry)
    assert lines and all(s.strip() for s in lines)
    # the roadmap announces every other chapter by number, in its group, and the next by title
    groups = " ".join(s for s in lines if s.startswith("Chapters "))
    for n, c in enumerate(CHAPTERS, 1):
        if c.slug != "intro":
            assert re.search(rf"\b{n}\b", groups), c.slug
    assert any(CHAPTERS[1].title in s for s in lines)


def test_sections_in_order(tmp_path):
    sections = render_small(LectureOpening, tmp_path)
    assert [s["name"] for s in sections] == BEATS
    assert PACE[0] <= sum(float(s["duration"]) for s in sections) <= PACE[1]


def test_teaser_fits_match_independent_oracles(dry):
    x, y = anscombe(1)
    assert np.array_equal(dry.teaser_x, x) and np.array_equal(dry.teaser_y, y)
    assert dry.lifts[0] == 0.0 and dry.lifts[-1] == MAX_LIFT
    for d, ols, lad in zip(dry.lifts, dry.ols_lines, dry.lad_lines, strict=True):
        ym = y.copy()
        ym[OUTLIER_INDEX] += d
        slope, intercept = np.polyfit(x, ym, 1)
        assert ols == pytest.approx([intercept, slope], rel=1e-9, abs=1e-9)
        # the LAD line holds: it is the original data's LAD line at every lift
        assert lad == pytest.approx(list(lad_fit(x, y)), abs=1e-9)
    assert dry.ols_lines[-1][1] - dry.ols_lines[0][1] > 0.3  # a visible swing


def test_weights_snap_to_zero_under_l1_only(dry):
    kw = {"target": TARGET, "lam": LAM, "lr": LR, "steps": STEPS, "method": "proximal"}
    assert np.array_equal(dry.l1_weights, descend(W0, penalty="l1", **kw))
    assert np.array_equal(dry.l2_weights, descend(W0, penalty="l2", **kw))
    k = dry.zero_step
    assert 0 < k < STEPS and np.all(dry.l1_weights[k:] == 0.0) and dry.l1_weights[k - 1] != 0.0
    # the step before shows a clearly nonzero readout (3 decimals), so "exactly 0" is a snap
    assert dry.l1_weights[k - 1] >= 0.01
    # independent oracle: the L2 prox-gradient fixed point is TARGET / (1 + 2 LAM)
    assert dry.l2_weights[-1] == pytest.approx(TARGET / (1 + 2 * LAM), rel=1e-2)
    assert np.all(dry.l2_weights > 0.0)


def test_roadmap_is_the_manifest(dry):
    assert dry.roadmap == [(i + 1, c.title) for i, c in enumerate(CHAPTERS)]


@frames_comparison(base_scene=LectureOpening)
def test_cold_open_outlier_frame(scene):
    scene.cold_open_outlier()


@frames_comparison(base_scene=LectureOpening)
def test_cold_open_zero_frame(scene):
    scene.cold_open_zero()


@frames_comparison(base_scene=LectureOpening)
def test_roadmap_frame(scene):
    scene.roadmap_beat()


def test_roadmap_of_another_chapter_list(tmp_path, monkeypatch):
    """A build of another chapter list (LECTURE_CHAPTERS) leaves this lecture's groups empty:
    the roadmap shows only what the list holds, numbered its way."""
    other = tmp_path / "chapters.toml"
    other.write_text('[[chapter]]\nslug = "intro"\ntitle = "L1 vs L2"\n\n'
                     '[[chapter]]\nslug = "shapes"\ntitle = "Shapes"\n')
    monkeypatch.setenv("LECTURE_CHAPTERS", str(other))
    lines = subcaptions(run_dry(LectureOpening))
    assert "Chapter 2 also belongs to this lecture." in lines
    assert "We start with chapter 2: Shapes." in lines
