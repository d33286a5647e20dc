"""Chapter 8 (recap): smoke, sections, displayed values, layout of every beat, control frames."""

from __future__ import annotations

import numpy as np
import pytest
from manim import Text, config
from manim.utils.testing.frames_comparison import frames_comparison

from mathutils import (
    absolute_loss,
    anscombe,
    count_shortest_paths,
    diabetes,
    lad_optimal_lines,
    lasso,
    lasso_alpha_max,
    ridge,
)
from mathutils.recap import noisy_line
from scenes import style
from scenes.recap import (
    CD_CENTER,
    CD_LAM,
    CD_Q,
    GRID,
    ROWS,
    STABLE_INDEX,
    STABLE_SEED,
    Scorecard,
)
from tests.chapter_tools import PACE, render_small, run_dry, subcaptions

__module_test__ = "recap"

BEATS = ["title", "robustness", "stability", "solutions", "computation", "sparsity",
         "scorecard"]
METHODS = ["title_beat", "robustness", "stability", "solutions", "computation", "sparsity",
           "scorecard"]


def _layout(scene) -> dict:
    """Where the top-level mobjects are, and the smallest text size on screen."""
    boxes = [(m.get_left()[0], m.get_right()[0], m.get_bottom()[1], m.get_top()[1])
             for m in scene.mobjects if m.width > 0 or m.height > 0]
    sizes = [f._font_size * f.height / f.initial_height
             for m in scene.mobjects for f in m.get_family()
             if isinstance(f, Text) and f.initial_height > 0]
    return {"boxes": boxes, "smallest": min(sizes, default=np.inf)}


class _Probe(Scorecard):
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


def test_smoke_and_narration(dry):
    lines = subcaptions(dry)
    assert lines and all(s.strip() for s in lines)
    text = " ".join(lines)
    assert "quadratically" in text and "not exponentially" in text
    assert "ridge is not sparse" in text and "exception, not the rule" in text


def test_sections_in_order(tmp_path):
    sections = render_small(Scorecard, tmp_path)
    assert [s["name"] for s in sections] == BEATS
    assert PACE[0] <= sum(float(s["duration"]) for s in sections) <= PACE[1]


def test_every_beat_inside_the_margins_with_readable_text(dry):
    half_w = config.frame_width / 2 - style.EDGE + 0.02
    half_h = config.frame_height / 2 - style.EDGE + 0.02
    assert set(dry.layouts) == set(METHODS)
    for name, lay in dry.layouts.items():
        for left, right, bottom, top in lay["boxes"]:
            assert -half_w <= left and right <= half_w, name
            assert -half_h <= bottom and top <= half_h, name
        assert lay["smallest"] >= style.SMALL_SIZE - 0.01, name


def test_table_and_reminder_do_not_overlap(dry):
    table = dry._table_group()
    for name in METHODS[1:-1]:
        lefts = [b[0] for b in dry.layouts[name]["boxes"] if b[0] > table.get_right()[0]]
        assert lefts and min(lefts) >= table.get_right()[0] + style.GAP_L - 1e-6, name


def test_rows_say_the_corrected_words():
    text = {slug: f"{verdict} {note}" for slug, _n, verdict, note in ROWS}
    assert [r[0] for r in ROWS] == BEATS[1:-1]
    assert "as a loss" in text["robustness"] and "not exponentially" in text["robustness"]
    assert "as a loss" in text["stability"]
    assert "possibly many" in text["solutions"] and "exception" in text["solutions"]
    assert "closed form" in text["computation"] and "iterative" in text["computation"]
    assert "as a penalty" in text["sparsity"] and "not sparse" in text["sparsity"]


def test_robustness_values(dry):
    x, y = anscombe(3)
    slope, intercept = np.polyfit(x, y, 1)
    assert list(dry.robust_ols) == pytest.approx([intercept, slope], rel=1e-9)
    (best,) = lad_optimal_lines(x, y)  # unique LAD line: through the ten collinear points
    assert list(dry.robust_lad) == pytest.approx(list(best), abs=1e-9)
    assert absolute_loss(dry.robust_lad, x, y) < absolute_loss(dry.robust_ols, x, y)
    # the rise starts on the LAD line (both fits nearly agree: the ten points are collinear
    # up to Anscombe's rounding) and ends at the real data
    assert dry.robust_rise_ols[0] == pytest.approx(dry.robust_rise_lad[0], abs=1e-2)
    assert dry.robust_rise_ols[-1] == pytest.approx([intercept, slope], rel=1e-9)
    assert np.ptp(dry.robust_rise_lad, axis=0) == pytest.approx([0, 0], abs=1e-9)


def test_stability_values(dry):
    x, y = noisy_line(7, np.random.default_rng(STABLE_SEED), intercept=1.0, slope=0.5,
                      noise=1.0)
    for d, ols, lad in zip(dry.stable_shifts, dry.stable_ols_slopes, dry.stable_lad_slopes,
                           strict=True):
        xm = x.copy()
        xm[STABLE_INDEX] += d
        assert ols == pytest.approx(np.polyfit(xm, y, 1)[0], rel=1e-9)
        slopes = [ln.slope for ln in lad_optimal_lines(xm, y)]  # brute-force LAD optimum
        assert min(slopes) - 1e-7 <= lad <= max(slopes) + 1e-7
    assert dry.stable_jump > 10 * dry.stable_ols_range  # a jump, not a drift


def test_solution_counts(dry):
    m, n = GRID
    assert dry.path_count == count_shortest_paths(m, n) == 35
    assert (dry.l1_length, dry.l2_length) == (m + n, pytest.approx(np.hypot(m, n)))
    for p in dry.paths:
        assert tuple(p[0]) == (0, 0) and tuple(p[-1]) == (m, n)
        assert np.all(np.abs(np.diff(p, axis=0)).sum(axis=1) == 1)
    assert len({tuple(map(tuple, p)) for p in dry.paths}) == len(dry.paths)


def test_computation_values(dry):
    ridge_ref = np.linalg.solve(CD_Q + 2 * CD_LAM * np.eye(2), CD_Q @ CD_CENTER)
    assert dry.ridge_solution == pytest.approx(ridge_ref)
    end = dry.cd_iterates[dry.cd_steps]
    g = CD_Q @ (end - CD_CENTER)  # KKT of the lasso at the shown end point, to 1e-2
    assert np.all(end != 0) and g + CD_LAM * np.sign(end) == pytest.approx([0, 0], abs=1e-2)
    assert 5 < dry.cd_steps < 2 * 30


def test_sparsity_values(dry):
    X, y = diabetes()
    assert dry.lasso_alphas[0] == pytest.approx(lasso_alpha_max(X, y))
    k = dry.mark_index
    ref = lasso(X, y, dry.lasso_alphas[k]).coef
    assert dry.lasso_coefs[k] == pytest.approx(ref, abs=1e-6)
    assert dry.lasso_zeros == int(np.sum(ref == 0.0)) and dry.lasso_zeros > 0
    assert dry.ridge_coefs[k] == pytest.approx(ridge(X, y, dry.ridge_alphas[k]).coef)
    assert dry.ridge_zeros_anywhere == 0 and np.all(dry.ridge_coefs != 0.0)


@frames_comparison(base_scene=Scorecard)
def test_robustness_frame(scene):
    scene.robustness()


@frames_comparison(base_scene=Scorecard)
def test_sparsity_frame(scene):
    scene.sparsity()


@frames_comparison(base_scene=Scorecard)
def test_scorecard_frame(scene):
    scene.scorecard()
