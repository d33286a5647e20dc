"""mathutils.selection against independent oracles (brute force, sklearn, hand-made cases)."""

from __future__ import annotations

import numpy as np
import pytest

from mathutils import (
    constrained_minimum,
    diabetes,
    lasso_alpha_max,
    lasso_path,
    lp_norm,
    quadratic_loss,
    random_losses,
    ridge_path,
    unit_ball,
    zero_coefficient_rate,
)
from mathutils.geometry import (
    clip_polyline,
    contact_level,
    contact_path,
    ellipse_outline,
    exact_zero_hits,
    zero_tallies,
)
from mathutils.norms import unit_balls
from mathutils.selection import DiabetesPaths, diabetes_paths, features_kept, zero_indices

Q = np.array([[1.5, 0.9], [0.9, 2.5]])
C = np.array([1.3, 1.9])


# ---- unit balls ------------------------------------------------------------------------------
def test_unit_balls_stack_unit_ball_and_have_norm_one():
    ps = [np.inf, 4.0, 2.0, 1.0, 0.5]
    out = unit_balls(ps, 40)
    assert out.shape == (5, 40, 2)
    for p, pts in zip(ps, out, strict=True):
        np.testing.assert_array_equal(pts, unit_ball(p, 40))
        np.testing.assert_allclose(lp_norm(pts, p, axis=1), 1.0, rtol=1e-12)
    # same ray for every p: the directions agree point by point
    ang = np.arctan2(out[..., 1], out[..., 0])
    np.testing.assert_allclose(np.diff(ang, axis=0), 0.0, atol=1e-12)


@pytest.mark.parametrize("ps", [[], [[1.0, 2.0]], [0.0], [-1.0], [np.nan]])
def test_unit_balls_rejects_bad_ps(ps):
    with pytest.raises(ValueError, match="ps"):
        unit_balls(ps)


def test_unit_balls_rejects_bad_n():
    with pytest.raises(ValueError, match="n"):
        unit_balls([1.0], 3)


# ---- contact points and levels -----------------------------------------------------------------
def _brute_force_min(Q, c, p, t, m=200_001):
    """Minimum of the loss over a dense sample of the sphere ||w||_p = t (oracle)."""
    theta = np.linspace(0, 2 * np.pi, m)
    d = np.column_stack([np.cos(theta), np.sin(theta)])
    w = t * d / lp_norm(d, p, axis=1)[:, None]
    vals = quadratic_loss(Q, c, w)
    return w[np.argmin(vals)], float(vals.min())


@pytest.mark.parametrize("p", [1, 2])
@pytest.mark.parametrize("t", [0.3, 1.0, 1.8])
def test_contact_path_matches_brute_force(p, t):
    w = contact_path(Q, C, p, [t])[0]
    w_bf, v_bf = _brute_force_min(Q, C, p, t)
    assert quadratic_loss(Q, C, w) <= v_bf + 1e-9
    np.testing.assert_allclose(w, w_bf, atol=2e-4)
    assert lp_norm(w, p) <= t * (1 + 1e-12)


def test_contact_path_is_constrained_minimum_row_by_row():
    ts = np.array([0.0, 0.5, 1.0, 2.0, 5.0])
    for p in (1, 2):
        out = contact_path(Q, C, p, ts)
        assert out.shape == (5, 2)
        for t, row in zip(ts, out, strict=True):
            np.testing.assert_array_equal(row, constrained_minimum(Q, C, p, t))
    np.testing.assert_array_equal(contact_path(Q, C, 1, [5.0])[0], C)  # inside: c itself


def test_contact_path_rejects_bad_input():
    with pytest.raises(ValueError, match="budgets"):
        contact_path(Q, C, 1, [-0.1])
    with pytest.raises(ValueError, match="budgets"):
        contact_path(Q, C, 1, [[1.0]])
    with pytest.raises(ValueError, match="center"):
        contact_path(Q, [1.0, 2.0, 3.0], 1, [1.0])
    with pytest.raises(ValueError, match="Q"):
        contact_path(-Q, C, 1, [1.0])
    with pytest.raises(ValueError, match="p"):
        contact_path(Q, C, 3, [1.0])


@pytest.mark.parametrize("p", [1, 2])
def test_contact_level_is_first_touch(p):
    t = 1.0
    lv = contact_level(Q, C, p, t)
    assert lv == pytest.approx(_brute_force_min(Q, C, p, t)[1], abs=1e-9)
    # the ellipse at this level stays outside the ball and touches it
    e = ellipse_outline(Q, C, lv, 20_000)
    norms = lp_norm(e, p, axis=1)
    assert norms.min() >= t - 1e-4
    assert norms.min() <= t + 1e-3
    # a smaller level does not reach the ball
    assert lp_norm(ellipse_outline(Q, C, 0.95 * lv, 2000), p, axis=1).min() > t


def test_contact_level_is_zero_when_center_inside():
    assert contact_level(Q, C, 2, 10.0) == 0.0


# ---- ellipses ----------------------------------------------------------------------------------
def test_ellipse_outline_is_on_the_level_set():
    for level in (0.5, 2.0, 7.3):
        pts = ellipse_outline(Q, C, level, 64)
        assert pts.shape == (64, 2)
        np.testing.assert_allclose(quadratic_loss(Q, C, pts), level, rtol=1e-12)
    np.testing.assert_allclose(ellipse_outline(Q, C, 0.0, 8), np.tile(C, (8, 1)))
    unit = ellipse_outline(Q, C, 1.0, 32) - C
    np.testing.assert_allclose(ellipse_outline(Q, C, 4.0, 32) - C, 2.0 * unit, atol=1e-14)


def test_ellipse_outline_rejects_bad_input():
    with pytest.raises(ValueError, match="level"):
        ellipse_outline(Q, C, -1.0)
    with pytest.raises(ValueError, match="n"):
        ellipse_outline(Q, C, 1.0, 2)
    with pytest.raises(ValueError, match="Q"):
        ellipse_outline([[1.0, 2.0], [0.0, 1.0]], C, 1.0)


# ---- clipping ----------------------------------------------------------------------------------
def test_clip_polyline_cases():
    square = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    runs = clip_polyline(square, [-1, -1], [2, 2])
    assert len(runs) == 1
    np.testing.assert_array_equal(runs[0], np.vstack([square, square[:1]]))
    assert clip_polyline(square + 10, [-1, -1], [2, 2]) == []
    # a circle crossing the right edge: one run, wrapped across the start, all inside
    th = 2 * np.pi * np.arange(100) / 100
    circle = np.column_stack([np.cos(th), np.sin(th)])
    runs = clip_polyline(circle, [-2, -2], [0.5, 2])
    assert len(runs) == 1
    assert np.all(runs[0][:, 0] <= 0.5)
    assert len(runs[0]) == int(np.sum(circle[:, 0] <= 0.5))
    # a band cuts it into two runs
    runs = clip_polyline(circle, [-2, -0.5], [2, 0.5])
    assert len(runs) == 2
    assert all(np.all(np.abs(r[:, 1]) <= 0.5) for r in runs)
    # open polyline
    line = np.column_stack([np.linspace(-2, 2, 9), np.zeros(9)])
    runs = clip_polyline(line, [-1, -1], [1, 1], closed=False)
    assert len(runs) == 1
    np.testing.assert_array_equal(runs[0][:, 0], [-1.0, -0.5, 0.0, 0.5, 1.0])


def test_clip_polyline_rejects_bad_input():
    with pytest.raises(ValueError, match="points"):
        clip_polyline(np.zeros((3, 3)), [0, 0], [1, 1])
    with pytest.raises(ValueError, match="lo and hi"):
        clip_polyline(np.zeros((3, 2)), [1, 0], [1, 1])


# ---- random losses: tallies --------------------------------------------------------------------
def test_zero_tallies_match_zero_coefficient_rate():
    trials, seed = 300, 7
    losses = random_losses(trials, np.random.default_rng(seed))
    for p in (1, 2):
        tally = zero_tallies(losses, p, 2.0)
        assert tally.shape == (trials,)
        assert set(np.diff(np.concatenate([[0], tally]))) <= {0, 1}
        rate = zero_coefficient_rate(p, trials, np.random.default_rng(seed), 2.0)
        assert tally[-1] / trials == rate
    # independent count, straight from constrained_minimum
    hits = [np.any(constrained_minimum(q, c, 1, 2.0) == 0.0)
            for q, c in zip(losses.Q, losses.center, strict=True)]
    np.testing.assert_array_equal(zero_tallies(losses, 1, 2.0), np.cumsum(hits))
    assert zero_tallies(losses, 2, 2.0)[-1] == 0  # the circle: no exact zeros


def _corner_by_kkt(Q, c, t):
    """Oracle: is the L1-ball minimum a corner? Closed-form optimality at each corner.

    The corner v (one coordinate ±t, the other 0) is the minimum of (w-c)^T Q (w-c) over
    |w1| + |w2| <= t iff c lies outside the ball and -grad at v is in the normal cone there:
    with i the nonzero coordinate, -g_i has the sign of v_i and |g_j| <= |g_i|.
    Returns (is_corner, margin); the margin is how far from a tie the decision is.
    """
    if np.abs(c).sum() <= t:
        return False, np.abs(c).sum() - t
    best = (False, -np.inf)
    for i in (0, 1):
        for s in (-1.0, 1.0):
            v = np.zeros(2)
            v[i] = s * t
            g = 2 * Q @ (v - c)
            j = 1 - i
            margin = min(-g[i] * s, abs(g[i]) - abs(g[j]))
            if margin > best[1]:
                best = (margin >= 0, margin)
    return best


def test_exact_zero_hits_against_corner_optimality():
    losses = random_losses(400, np.random.default_rng(11))
    for t in (0.5, 2.0, 5.0):
        hits = exact_zero_hits(losses, 1, t)
        assert hits.dtype == bool and hits.shape == (400,)
        np.testing.assert_array_equal(np.cumsum(hits), zero_tallies(losses, 1, t))
        decided = 0
        for k, (q, c) in enumerate(zip(losses.Q, losses.center, strict=True)):
            corner, margin = _corner_by_kkt(q, c, t)
            if abs(margin) < 1e-9 * (1 + np.abs(q).max() * (np.abs(c).max() + t)):
                continue  # a tie within rounding: either answer is right
            assert hits[k] == corner, (t, k)
            decided += 1
        assert decided >= 395
        assert 0 < hits.sum() < 400  # both kinds occur
    assert not exact_zero_hits(losses, 2, 2.0).any()  # the circle has no corners


def test_exact_zero_hits_rejects_bad_input():
    losses = random_losses(3, np.random.default_rng(0))
    with pytest.raises(ValueError, match="losses"):
        exact_zero_hits((losses.Q, losses.center), 1)
    with pytest.raises(ValueError, match="p"):
        exact_zero_hits(losses, 3)
    with pytest.raises(ValueError, match="t"):
        exact_zero_hits(losses, 1, -0.5)


def test_zero_tallies_rejects_bad_input():
    losses = random_losses(3, np.random.default_rng(0))
    with pytest.raises(ValueError, match="losses"):
        zero_tallies((losses.Q, losses.center), 1)
    with pytest.raises(ValueError, match="p"):
        zero_tallies(losses, 0)
    with pytest.raises(ValueError, match="t"):
        zero_tallies(losses, 1, -1.0)


# ---- paths: kept counts and zero points --------------------------------------------------------
def test_features_kept_and_zero_indices_by_hand():
    alphas = np.array([0.1, 0.2, 0.3, 0.4])
    coefs = np.array([
        [1.0, 2.0, 0.0, 5.0],
        [0.5, 0.0, 0.0, 4.0],
        [0.0, 1.0, 0.0, 3.0],
        [0.0, 0.0, 0.0, 2.0],
    ])
    np.testing.assert_array_equal(features_kept(coefs), [3, 2, 2, 1])
    # column 1 drops out, re-enters, drops out for good at index 3
    np.testing.assert_array_equal(zero_indices(alphas, coefs), [2, 3, 0, -1])


def test_zero_indices_rejects_bad_input():
    with pytest.raises(ValueError, match="increasing"):
        zero_indices([0.2, 0.1], np.zeros((2, 1)))
    with pytest.raises(ValueError, match="same length"):
        zero_indices([0.1, 0.2], np.zeros((3, 1)))
    with pytest.raises(ValueError, match="coefs"):
        features_kept(np.zeros(3))


def test_diabetes_paths_equal_the_solvers():
    d = diabetes_paths(n=40)
    assert isinstance(d, DiabetesPaths)
    X, y = diabetes()
    assert d.alpha_max == lasso_alpha_max(X, y)
    np.testing.assert_allclose(d.lasso_alphas[[0, -1]], d.alpha_max * 10 ** np.array([-2.5, 0.2]))
    np.testing.assert_allclose(d.ridge_alphas[[0, -1]], [1e-2, 1e4])
    assert np.all(np.diff(d.lasso_alphas) > 0) and np.all(np.diff(d.ridge_alphas) > 0)
    np.testing.assert_array_equal(d.lasso_coefs, lasso_path(X, y, d.lasso_alphas))
    np.testing.assert_array_equal(d.ridge_coefs, ridge_path(X, y, d.ridge_alphas))
    np.testing.assert_array_equal(d.lasso_kept, np.count_nonzero(d.lasso_coefs, axis=1))
    np.testing.assert_array_equal(d.lasso_zero_index, zero_indices(d.lasso_alphas, d.lasso_coefs))


def test_diabetes_lasso_selects_ridge_only_shrinks():
    d = diabetes_paths(n=200)
    assert d.lasso_kept[0] == 10 and d.lasso_kept[-1] == 0
    assert np.all(np.diff(d.lasso_kept) <= 0)  # one by one, never back on this grid
    assert np.all(d.ridge_kept == 10)
    assert np.all(d.lasso_zero_index > 0)
    # beyond alpha_max every coefficient is 0; just below it at least one is not
    beyond = d.lasso_alphas >= d.alpha_max
    assert np.all(d.lasso_coefs[beyond] == 0.0)
    assert np.all(d.lasso_kept[~beyond] >= 1)
    # each zero point is the first grid alpha from which the coefficient stays 0
    for j, i in enumerate(d.lasso_zero_index):
        assert np.all(d.lasso_coefs[i:, j] == 0.0) and d.lasso_coefs[i - 1, j] != 0.0


def test_diabetes_paths_against_sklearn():
    linear_model = pytest.importorskip("sklearn.linear_model")
    d = diabetes_paths(n=12)
    X, y = diabetes()
    for a, row in zip(d.lasso_alphas, d.lasso_coefs, strict=True):
        ref = linear_model.Lasso(alpha=a, tol=1e-12, max_iter=1_000_000).fit(X, y).coef_
        np.testing.assert_allclose(row, ref, atol=1e-4 * np.abs(ref).max() + 1e-9)
        np.testing.assert_array_equal(row == 0.0, ref == 0.0)
    for a, row in zip(d.ridge_alphas, d.ridge_coefs, strict=True):
        ref = linear_model.Ridge(alpha=a).fit(X, y).coef_
        np.testing.assert_allclose(row, ref, rtol=1e-8, atol=1e-10)


def test_diabetes_paths_rejects_bad_ranges():
    with pytest.raises(ValueError, match="lasso_decades"):
        diabetes_paths(lasso_decades=(0.0, -1.0))
    with pytest.raises(ValueError, match="ridge_log10"):
        diabetes_paths(ridge_log10=(1.0, np.inf))
    with pytest.raises(ValueError, match="n"):
        diabetes_paths(n=1)
