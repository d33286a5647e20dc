"""Problems with one answer or many (grid routes, LAD ties, a copied feature) against
independent oracles: math, scipy's linprog, scikit-learn."""

import math

import numpy as np
import pytest
from scipy.optimize import linprog
from sklearn.linear_model import Lasso, Ridge

from mathutils import shortest_paths
from mathutils.lad import best_intercepts, lad_family, lad_tie, nudge_example
from mathutils.norms import path_length
from mathutils.paths import grid_distances, route_word
from mathutils.selection import twin_features


# ---------------------------------------------------------------- distances on a grid
@pytest.mark.parametrize("m,n", [(6, 6), (3, 2), (1, 0), (0, 0), (5, 9)])
def test_grid_distances(m, n):
    g = grid_distances(m, n)
    assert g.euclidean == pytest.approx(math.hypot(m, n), rel=1e-15)
    assert g.taxicab == m + n
    assert g.routes == math.comb(m + n, n)


def test_six_by_six_numbers():
    g = grid_distances(6, 6)
    assert g.euclidean == pytest.approx(6 * math.sqrt(2)) and round(g.euclidean, 2) == 8.49
    assert g.taxicab == 12 and g.routes == 924


def test_every_shortest_route_has_the_taxicab_length():
    for path in shortest_paths(3, 2):
        assert path_length(path, 1) == 5
        assert path_length(path, 2) == 5  # unit steps: both norms count blocks
    straight = np.array([[0, 0], [6, 6]])
    assert path_length(straight, 2) == pytest.approx(6 * math.sqrt(2))
    assert path_length(straight, 1) == 12
    with pytest.raises(ValueError, match="path"):
        path_length(np.zeros((3, 3)))


def test_route_words_are_all_arrangements():
    from itertools import permutations

    words = [route_word(p) for p in shortest_paths(3, 2)]
    assert sorted(words) == sorted(set("".join(w) for w in permutations("RRRUU")))
    assert route_word([[0, 0], [1, 0], [1, 1]]) == "RU"
    with pytest.raises(ValueError, match="right or up"):
        route_word([[0, 0], [1, 1]])


# ---------------------------------------------------------------- LAD ties
def _lad_minimum_by_linprog(x, y):
    n = len(x)
    c = np.concatenate([[0.0, 0.0], np.ones(2 * n)])
    eye = np.eye(n)
    res = linprog(c, A_eq=np.hstack([np.ones((n, 1)), x[:, None], eye, -eye]), b_eq=y,
                  bounds=[(None, None)] * 2 + [(0, None)] * (2 * n), method="highs-ipm")
    assert res.success
    return res.fun


def _tie_data():
    ex = nudge_example()
    return ex.data_at(ex.tie_position)


def test_the_nudge_tie_has_two_optimal_vertices():
    x, y = _tie_data()
    tie = lad_tie(x, y)
    assert len(tie.vertices) == 2 and not tie.unique
    assert tie.loss == pytest.approx(_lad_minimum_by_linprog(x, y), rel=1e-9)


def test_every_convex_combination_is_optimal():
    x, y = _tie_data()
    tie = lad_tie(x, y)
    best = _lad_minimum_by_linprog(x, y)
    a, b = lad_family(tie, np.linspace(0, 1, 41))
    losses = np.abs(y[None, :] - a[:, None] - b[:, None] * x[None, :]).sum(axis=1)
    np.testing.assert_allclose(losses, best, rtol=1e-9)
    # beyond the ends of the segment the loss goes up: the optimal set is exactly the segment
    v = np.array([[line.intercept, line.slope] for line in tie.vertices])
    for outside in (v[0] - 0.05 * (v[1] - v[0]), v[1] + 0.05 * (v[1] - v[0])):
        assert np.abs(y - outside[0] - outside[1] * x).sum() > best + 1e-6


def test_lad_family_ends_and_unique_case():
    x, y = _tie_data()
    tie = lad_tie(x, y)
    a, b = lad_family(tie, [0.0, 1.0])
    assert (a[0], b[0]) == pytest.approx(tie.vertices[0])
    assert (a[1], b[1]) == pytest.approx(tie.vertices[-1])
    one = lad_tie([0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 0.0, 1.0])
    assert one.unique
    a, b = lad_family(one, [0.2, 0.9])
    assert a[0] == a[1] == one.vertices[0].intercept
    with pytest.raises(ValueError, match="t must"):
        lad_family(tie, [1.5])


# ---------------------------------------------------------------- twin features
def _twin_data(seed=0, n=30):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    return x, 1.5 * x + 0.5 * rng.normal(size=n) + 0.7


# ---------------------------------------------------------------- best intercepts per slope
def _lad_intercept_by_linprog(x, y, b):
    """min over a of sum |y - b x - a| as a linear program (the slope fixed)."""
    n = len(x)
    eye = np.eye(n)
    res = linprog(np.r_[0.0, np.ones(2 * n)], A_eq=np.hstack([np.ones((n, 1)), eye, -eye]),
                  b_eq=y - b * x, bounds=[(None, None)] + [(0, None)] * (2 * n),
                  method="highs")
    assert res.success
    return res.x[0], res.fun


def test_best_intercepts_against_linprog_and_polyfit():
    from mathutils.lad import slope_profiles

    x, y = _tie_data()
    slopes = np.linspace(-0.4, 1.4, 13)
    l1, l2 = best_intercepts(x, y, slopes)
    p1, p2 = slope_profiles(x, y, slopes)
    for b, a1, a2, v1, v2 in zip(slopes, l1, l2, p1, p2, strict=True):
        a_lp, best = _lad_intercept_by_linprog(x, y, b)
        # n = 5 is odd: the L1-best intercept is unique, the LP finds the same one
        assert a1 == pytest.approx(a_lp, abs=1e-8)
        assert np.abs(y - a1 - b * x).sum() == pytest.approx(best, rel=1e-9) == v1
        # the L2-best intercept for a fixed slope: the least-squares fit of y - b x on 1
        assert a2 == pytest.approx(np.polyfit(np.zeros_like(x), y - b * x, 0)[0], rel=1e-12)
        assert ((y - a2 - b * x) ** 2).sum() == pytest.approx(v2, rel=1e-12)


def test_the_tie_profile_is_flat_between_the_vertex_slopes():
    from mathutils.lad import slope_profiles

    x, y = _tie_data()
    tie = lad_tie(x, y)
    lo, hi = tie.vertices[0].slope, tie.vertices[-1].slope
    inside = np.linspace(lo, hi, 17)
    l1, _ = slope_profiles(x, y, inside)
    np.testing.assert_allclose(l1, _lad_minimum_by_linprog(x, y), rtol=1e-9)
    outside, _ = slope_profiles(x, y, [lo - 0.05, hi + 0.05])
    assert np.all(outside > tie.loss + 1e-3)
    # the intercepts along the flat bottom are the optimal family's
    a, b = lad_family(tie, np.linspace(0, 1, 9))
    np.testing.assert_allclose(best_intercepts(x, y, b)[0], a, atol=1e-9)


def test_best_intercepts_bad_input():
    with pytest.raises(ValueError, match="slopes"):
        best_intercepts([0.0, 1.0], [0.0, 1.0], [[0.1]])
    with pytest.raises(ValueError, match="x"):
        best_intercepts([0.0, np.nan], [0.0, 1.0], [0.1])
    with pytest.raises(ValueError, match="at least 1"):
        best_intercepts([], [], [0.1])


# ---------------------------------------------------------------- twin features, lecture scaling
def _direct_objective(x, y, w, lam, power):
    """1/2 ||y - a - X w||^2 + lam R(w) with the best (unpenalised) intercept a."""
    X = np.column_stack([x, x])
    r = y - X @ w
    r = r - r.mean()
    return 0.5 * (r ** 2).sum() + lam * (np.abs(w) ** power).sum()


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("lam", [0.5, 5.0])
def test_twin_features_against_sklearn(seed, lam):
    x, y = _twin_data(seed, n=12)
    tw = twin_features(x, y, lam)
    n = len(x)
    # scikit-learn's lasso is (1/2n)||.||^2 + alpha ||w||_1: alpha = lam / n
    sk = Lasso(alpha=lam / n, tol=1e-14, max_iter=1_000_000).fit(tw_X := np.c_[x, x], y)
    assert sk.coef_.sum() == pytest.approx(tw.s, abs=1e-8) and sk.coef_.prod() >= 0
    # scikit-learn's ridge is ||.||^2 + alpha ||w||^2: alpha = 2 ridge_lam
    rk = Ridge(alpha=2 * tw.ridge_lam).fit(tw_X, y)
    np.testing.assert_allclose(tw.ridge_coef, rk.coef_, rtol=1e-9)
    # least squares alone: any split of s_ls (numpy's lstsq gives the minimum-norm one)
    ls = np.linalg.lstsq(np.c_[x - x.mean(), x - x.mean()], y - y.mean(), rcond=None)[0]
    assert ls.sum() == pytest.approx(tw.s_ls, rel=1e-12)


def test_twin_features_segment_is_flat_and_nothing_beats_it():
    x, y = _twin_data(1, n=12)
    lam = 5.0
    tw = twin_features(x, y, lam)
    pts = tw.split(np.linspace(0, 1, 21))
    ours = tw.lasso_value(pts)
    direct = [_direct_objective(x, y, w, lam, 1) for w in pts]
    np.testing.assert_allclose(ours, direct, rtol=1e-12)
    np.testing.assert_allclose(ours, ours[0], rtol=1e-12)  # flat along the edge
    # brute force over a grid of (w1, w2): nothing is lower than the segment
    g = np.linspace(-1.0, 2.0, 121)
    W = np.stack(np.meshgrid(g, g), axis=-1).reshape(-1, 2)
    assert tw.lasso_value(W).min() >= ours[0] - 1e-12
    # ridge: the equal split is the one minimiser of its objective on the grid's neighbourhood
    rv = tw.ridge_value(W)
    assert rv.min() >= tw.ridge_value(tw.ridge_coef) - 1e-12
    assert tw.ridge_value(tw.ridge_coef) == pytest.approx(
        _direct_objective(x, y, tw.ridge_coef, tw.ridge_lam, 2), rel=1e-12)
    for off in ([0.02, -0.02], [-0.05, 0.05]):
        assert tw.ridge_value(tw.ridge_coef + off) > tw.ridge_value(tw.ridge_coef) + 1e-6
    # the data loss only sees the sum: constant along w1 + w2 = c
    c = 0.4
    np.testing.assert_allclose(
        [_direct_objective(x, y, np.array([t, c - t]), 0.0, 1) for t in (-0.5, 0.2, 0.9)],
        tw.data_loss(c), rtol=1e-12)


def test_twin_features_edge_cases_and_bad_input():
    x, y = _twin_data(0, n=12)
    tw = twin_features(x, y, 0.0)
    assert tw.s == pytest.approx(tw.s_ls) and tw.ridge_lam == 0.0
    with pytest.raises(ValueError, match="lam"):
        twin_features(x, y, 1e6)  # the lasso's answer is 0: no tie
    with pytest.raises(ValueError, match="lam"):
        twin_features(x, y, -1.0)
    with pytest.raises(ValueError, match="constant"):
        twin_features(np.ones(4), np.arange(4.0), 1.0)
    with pytest.raises(ValueError, match="w must"):
        tw.lasso_value([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="t must"):
        tw.split([2.0])
