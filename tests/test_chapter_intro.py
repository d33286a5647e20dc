"""Chapter 1 (intro): smoke, sections, displayed values, control frames."""

from __future__ import annotations

import re

import numpy as np
import pytest
from manim.utils.testing.frames_comparison import frames_comparison

from lecture.manifest import CHAPTERS
from mathutils import anscombe, lad_fit, unit_ball
from scenes import geometry
from scenes.intro import CORNER_CENTER, CORNER_Q, CORNER_T, MAX_LIFT, OUTLIER_INDEX, LectureOpening
from tests.chapter_tools import PACE, render_small, run_dry, subcaptions

__module_test__ = "intro"

BEATS = ["cold-open-outlier", "cold-open-corner", "title", "roadmap"]


@pytest.fixture(scope="module")
def dry():
    return run_dry(LectureOpening)


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


def test_second_teaser_is_chapter_3s_contact_with_a_corner_for_l1_only(dry):
    # the teaser previews chapter 3's own picture: the same loss and budget
    assert np.array_equal(CORNER_Q, geometry.Q) and np.array_equal(CORNER_CENTER, geometry.W_HAT)
    assert CORNER_T == geometry.T_FIRST

    def loss(w):
        d = np.asarray(w, float) - CORNER_CENTER
        return np.einsum("...i,ij,...j->...", d, CORNER_Q, d)

    # independent oracle: w hat lies outside both balls, so the constrained minimum is the
    # best point of the ball's outline; search a dense outline by brute force
    for p in (1, 2):
        rim = unit_ball(p, 200_000) * CORNER_T
        assert np.sum(np.abs(CORNER_CENTER) ** p) ** (1 / p) > CORNER_T
        best = rim[np.argmin(loss(rim))]
        w = dry.corner_contacts[p]
        assert w == pytest.approx(best, abs=1e-4), p
        assert dry.corner_levels[p] == pytest.approx(float(loss(w)), rel=1e-12), p
        # the grown curves end on the contact ellipse: it passes through the contact point
        last = np.concatenate(dry.corner_grow[p][-1])
        assert np.min(np.linalg.norm(last - w, axis=1)) < 0.05, p
        assert dry.corner_grow[p][0] and np.allclose(np.concatenate(dry.corner_grow[p][0]),
                                                     CORNER_CENTER)
    # the diamond is touched at a corner: one weight exactly 0 (what the tag says) ...
    assert dry.corner_contacts[1][0] == 0.0 and dry.corner_contacts[1][1] == CORNER_T
    # ... the circle on its side: both weights clearly nonzero at the readouts' 2 decimals
    assert np.all(np.abs(dry.corner_contacts[2]) >= 0.01)


def test_roadmap_is_the_manifest(dry):
    assert dry.roadmap == [(i + 1, c.title) for i, c in enumerate(CHAPTERS)]


@frames_comparison(base_scene=LectureOpening)
def test_cold_open_outlier_frame(scene):
    scene.cold_open_outlier()


@frames_comparison(base_scene=LectureOpening)
def test_cold_open_corner_frame(scene):
    scene.cold_open_corner()


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
