"""Chapter computation: smoke, sections, displayed values against oracles, control frames.

The chapter uses the lecture's one notation: the lasso minimises 1/2||y - Xw||^2 + lam||w||_1
(scikit-learn's Lasso with alpha = lam / n) and ridge 1/2||y - Xw||^2 + lam||w||^2
(scikit-learn's Ridge with alpha = 2 lam).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from manim.utils.testing.frames_comparison import frames_comparison
from scipy.optimize import minimize_scalar
from sklearn.linear_model import Lasso, Ridge

from mathutils import soft_threshold
from mathutils.coordinate import lasso_objective
from mathutils.cost import closed_form_flops, coordinate_descent_flops
from scenes import style
from scenes.computation import (
    CD_START,
    COST_N,
    COST_P,
    LASSO_LAM,
    MANY,
    RIDGE_LAM,
    SLICE_TOP,
    SLICE_U,
    WINDOW,
    FormulaVersusAlgorithm,
)
from tests.chapter_tools import PACE, render_small, run_dry, subcaptions

__module_test__ = "computation"

BEATS = ["title", "closed-form", "no-formula", "coordinate-descent", "cost", "takeaway"]
CONTROL = Path(__file__).parent / "control_data" / "computation"


@pytest.fixture(scope="module")
def dry():
    return run_dry(FormulaVersusAlgorithm)


def test_smoke_and_narration(dry):
    lines = subcaptions(dry)
    assert len(lines) >= 20 and all(s.strip() for s in lines)
    text = " ".join(lines)
    assert "exactly zero" in text
    assert "one linear solve" in text  # the real reason: the pattern is the work
    assert "machine precision" in text and "exact minimum" not in text
    assert "1/(2n)" not in text and "seed" not in text


def test_sections_in_order(tmp_path):
    sections = render_small(FormulaVersusAlgorithm, tmp_path)
    assert [s["name"] for s in sections] == BEATS
    assert PACE[0] <= sum(float(s["duration"]) for s in sections) <= PACE[1]


def test_ridge_answer_is_sklearns(dry):
    # 1/2||y - Xw||^2 + lam||w||^2 is scikit-learn's Ridge at alpha = 2 lam
    sk = Ridge(alpha=2 * RIDGE_LAM, solver="cholesky").fit(dry.X, dry.y)
    np.testing.assert_allclose(dry.ridge.coef, sk.coef_, rtol=1e-10)
    # the displayed matrix is X^T X + 2 lam I and really gives the displayed answer
    Xc = dry.X - dry.X.mean(axis=0)
    np.testing.assert_allclose(dry.ridge.matrix, Xc.T @ Xc + 2 * RIDGE_LAM * np.eye(2))
    np.testing.assert_allclose(np.linalg.solve(dry.ridge.matrix, dry.ridge.rhs), sk.coef_,
                               rtol=1e-10)


def test_the_one_valid_pattern_is_the_lasso(dry):
    sp = dry.patterns
    assert len(sp.patterns) == 9 and sp.valid.sum() == 1
    n = len(dry.y)
    sk = Lasso(alpha=LASSO_LAM / n, tol=1e-14, max_iter=1_000_000).fit(dry.X, dry.y).coef_
    # the narration: "w1 positive, w2 exactly zero"
    assert list(sp.patterns[dry.valid]) == [1, 0] == list(np.sign(sk))
    np.testing.assert_allclose(dry.exact, sk, atol=1e-8)
    assert dry.many_patterns == 3**MANY


def test_coordinate_descent_trace(dry):
    tr = dry.trace
    it = tr.iterates
    assert tr.converged and tr.lam == LASSO_LAM
    np.testing.assert_array_equal(it[0], CD_START)
    # each move changes one coordinate, by the screen's rule w_j <- S(z_j, lam) / G_jj
    for k, j in enumerate(tr.axes):
        assert it[k + 1][1 - j] == it[k][1 - j]
        assert it[k + 1][j] == soft_threshold(tr.z[k], LASSO_LAM) / tr.gram[j]
    # the story the narration tells, move by move (1-based in the words)
    assert it[1, 0] == 0.0 and abs(tr.z[0]) <= LASSO_LAM  # move 1: w1 into the dead zone
    assert it[2, 1] != 0.0 and abs(tr.z[1]) > LASSO_LAM  # move 2: w2 slides
    assert it[3, 0] > 0.0  # move 3: w1 leaves zero
    assert it[4, 1] < it[2, 1] and it[5, 0] > it[3, 0]  # moves 4, 5: the zig-zag
    assert it[6, 1] == 0.0 and np.all(it[6:, 1] == 0.0)  # move 6: w2 zero for good
    assert np.array_equal(it[7], dry.exact) or np.max(np.abs(it[7] - dry.exact)) < 1e-14
    assert np.all(it[7:] == it[7])  # after move 7 nothing changes: the last sweep stops it
    assert tr.sweeps == (len(tr.axes) + 1) // 2
    # the end is the lasso's minimum to machine precision (scikit-learn, tight)
    sk = Lasso(alpha=LASSO_LAM / len(dry.y), tol=1e-14, max_iter=1_000_000).fit(dry.X, dry.y)
    np.testing.assert_allclose(tr.final, sk.coef_, atol=1e-8)
    assert dry.final_gap <= 1e-14 * np.max(np.abs(dry.exact))
    # every iterate stays inside the plotted window; the objective never goes up
    (a, b), (c, d) = WINDOW
    assert np.all((it[:, 0] >= a) & (it[:, 0] <= b))
    assert np.all((it[:, 1] >= c) & (it[:, 1] <= d))
    vals = lasso_objective(dry.X, dry.y, it, LASSO_LAM, convention="lecture")
    assert np.all(np.diff(vals) <= 1e-12 * vals[0])


def test_each_slice_is_minimised_where_the_move_lands(dry):
    tr = dry.trace
    for k, j in enumerate(tr.axes):
        sl, h = dry.slices[k], dry.heights[k]
        land = tr.iterates[k + 1, j]
        assert sl.axis == j and sl.minimiser == pytest.approx(land, abs=1e-12)
        assert sl.z == pytest.approx(tr.z[k], rel=1e-12)
        # heights are above the slice's minimum, which is 0 at the landing point
        assert h.min() >= -1e-9 and h[np.searchsorted(sl.u, land)] == 0.0
        # oracle: scipy on the objective along the line
        def along(u, k=k, j=j):
            w = tr.iterates[k].copy()
            w[j] = u
            return float(lasso_objective(dry.X, dry.y, w, LASSO_LAM, convention="lecture"))
        res = minimize_scalar(along, bounds=SLICE_U, method="bounded",
                              options={"xatol": 1e-9})
        assert land == pytest.approx(res.x, abs=1e-4)
        # the move's start and end are drawn: inside the slice plot's range
        start = tr.iterates[k, j]
        for u in (start, land, sl.centre):
            assert SLICE_U[0] <= u <= SLICE_U[1]
        assert np.interp(start, sl.u, h) <= SLICE_TOP


def test_contours_fit_the_window_and_kinks_lie_on_axes(dry):
    (a, b), (c, d) = WINDOW
    for curve in dry.ridge_contours + dry.lasso_contours:
        assert curve[:, 0].min() >= a and curve[:, 0].max() <= b
        assert curve[:, 1].min() >= c and curve[:, 1].max() <= d
    assert len(dry.kinks) >= 8 and np.all(np.any(dry.kinks == 0.0, axis=1))
    vals = lasso_objective(dry.X, dry.y, dry.kinks, LASSO_LAM, convention="lecture")
    assert np.all(vals - dry.lasso_min > 0)


def test_cost_counts(dry):
    cg = dry.cost
    assert list(cg.p) == list(COST_P) and cg.n == COST_N
    for k, p in enumerate(COST_P):
        assert cg.closed_form[k] == closed_form_flops(COST_N, p)
        assert cg.coordinate_descent[k] == coordinate_descent_flops(
            COST_N, p, cg.sweeps[k], cg.support[k])
    # "one or two sweeps were enough"
    assert np.all((cg.sweeps >= 1) & (cg.sweeps <= 2))
    # the picture's message: the closed form grows faster than the measured coordinate descent
    ratio = cg.closed_form / cg.coordinate_descent
    assert ratio[-1] > ratio[0] > 1


@pytest.mark.parametrize("name", ["closed_form_frame", "coordinate_descent_frame", "cost_frame"])
def test_control_frames_keep_the_caption_band_empty(name):
    frame = np.load(CONTROL / f"{name}.npz")["frame_data"][-1]
    band = frame[int(round(frame.shape[0] * (1 - style.CAPTION_BAND / 8.0))):, :, :3]
    background = frame[0, 0, :3].astype(int)  # the test renderer's background (a bare corner)
    assert np.abs(band.astype(int) - background).max() <= 8


@frames_comparison(base_scene=FormulaVersusAlgorithm)
def test_closed_form_frame(scene):
    scene.closed_form()


@frames_comparison(base_scene=FormulaVersusAlgorithm)
def test_coordinate_descent_frame(scene):
    scene.coordinate_descent()


@frames_comparison(base_scene=FormulaVersusAlgorithm)
def test_cost_frame(scene):
    scene.cost_beat()
