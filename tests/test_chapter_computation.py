"""Chapter computation: smoke, sections, displayed values against oracles, control frames."""

from __future__ import annotations

import numpy as np
import pytest
from manim.utils.testing.frames_comparison import frames_comparison
from sklearn.linear_model import Lasso, Ridge

from mathutils import lasso, soft_threshold
from mathutils.coordinate import closed_form_flops, coordinate_descent_flops, lasso_objective
from scenes.computation import (
    CD_START,
    COST_N,
    COST_P,
    LASSO_ALPHA,
    RIDGE_ALPHA,
    WINDOW,
    FormulaVersusAlgorithm,
)
from tests.chapter_tools import PACE, render_small, run_dry, subcaptions

__module_test__ = "computation"

BEATS = ["title", "closed-form", "no-formula", "coordinate-descent", "cost", "takeaway"]


@pytest.fixture(scope="module")
def dry():
    return run_dry(FormulaVersusAlgorithm)


def test_smoke_and_narration(dry):
    lines = subcaptions(dry)
    assert len(lines) >= 15 and all(s.strip() for s in lines)
    assert any("exactly zero" in s for s in lines)


def test_sections_in_order(tmp_path):
    sections = render_small(FormulaVersusAlgorithm, tmp_path)
    assert [s["name"] for s in sections] == BEATS
    assert PACE[0] <= sum(float(s["duration"]) for s in sections) <= PACE[1]


def test_ridge_answer_is_sklearns(dry):
    sk = Ridge(alpha=RIDGE_ALPHA, solver="cholesky").fit(dry.X, dry.y)
    np.testing.assert_allclose(dry.ridge.coef, sk.coef_, rtol=1e-10)
    # the displayed matrix and right-hand side really give the displayed answer
    np.testing.assert_allclose(np.linalg.solve(dry.ridge.matrix, dry.ridge.rhs), sk.coef_,
                               rtol=1e-10)


def test_coordinate_descent_trace(dry):
    tr = dry.trace
    assert tr.converged
    np.testing.assert_array_equal(tr.iterates[0], CD_START)
    # each move changes one coordinate, by a soft threshold
    for k, j in enumerate(tr.axes):
        assert tr.iterates[k + 1][1 - j] == tr.iterates[k][1 - j]
        assert tr.iterates[k + 1][j] == soft_threshold(tr.targets[k], tr.thresholds[k])
    # it zig-zags (several real moves) and ends with w2 exactly 0, w1 not
    assert dry.moved.sum() >= 5 and dry.zero_move >= 5
    assert np.all(tr.iterates[dry.zero_move:, 1] == 0.0) and tr.iterates[dry.zero_move - 1, 1] != 0
    assert tr.final[1] == 0.0 and tr.final[0] != 0.0
    # the end is the lasso's minimum: scikit-learn (tight) and mathutils agree, same zero
    sk = Lasso(alpha=LASSO_ALPHA, tol=1e-14, max_iter=1_000_000).fit(dry.X, dry.y)
    np.testing.assert_allclose(tr.final, sk.coef_, atol=1e-9)
    assert sk.coef_[1] == 0.0
    np.testing.assert_allclose(tr.final, lasso(dry.X, dry.y, LASSO_ALPHA).coef, atol=1e-12)
    # every iterate stays inside the plotted window; the objective never goes up
    (a, b), (c, d) = WINDOW
    assert np.all((tr.iterates[:, 0] >= a) & (tr.iterates[:, 0] <= b))
    assert np.all((tr.iterates[:, 1] >= c) & (tr.iterates[:, 1] <= d))
    assert np.all(np.diff(lasso_objective(dry.X, dry.y, tr.iterates, LASSO_ALPHA)) <= 1e-12)


def test_contours_fit_the_window_and_kinks_lie_on_axes(dry):
    (a, b), (c, d) = WINDOW
    for curve in dry.ridge_contours + dry.lasso_contours:
        assert curve[:, 0].min() >= a and curve[:, 0].max() <= b
        assert curve[:, 1].min() >= c and curve[:, 1].max() <= d
    assert len(dry.kinks) >= 8 and np.all(np.any(dry.kinks == 0.0, axis=1))
    vals = lasso_objective(dry.X, dry.y, dry.kinks, LASSO_ALPHA) - dry.lasso_min
    assert np.all(vals > 0)


def test_soft_threshold_curve(dry):
    z = dry.z_grid
    np.testing.assert_allclose(dry.soft, np.sign(z) * np.maximum(np.abs(z) - 1.0, 0.0))


def test_cost_counts(dry):
    cg = dry.cost
    assert list(cg.p) == list(COST_P) and cg.n == COST_N
    for k, p in enumerate(COST_P):
        assert cg.closed_form[k] == closed_form_flops(COST_N, p)
        assert cg.coordinate_descent[k] == coordinate_descent_flops(
            COST_N, p, cg.sweeps[k], cg.support[k])
    assert np.all(cg.sweeps >= 1)
    # the picture's message: the closed form grows faster than the measured coordinate descent
    ratio = cg.closed_form / cg.coordinate_descent
    assert ratio[-1] > ratio[0] > 1


@frames_comparison(base_scene=FormulaVersusAlgorithm)
def test_closed_form_frame(scene):
    scene.closed_form()


@frames_comparison(base_scene=FormulaVersusAlgorithm)
def test_coordinate_descent_frame(scene):
    scene.coordinate_descent()


@frames_comparison(base_scene=FormulaVersusAlgorithm)
def test_cost_frame(scene):
    scene.cost_beat()
