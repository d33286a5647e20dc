"""mathutils.norms against independent oracles: numpy, closed forms, scipy's scalar minimiser."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import minimize_scalar

from mathutils import (
    descend,
    hard_threshold,
    lp_norm,
    map_threshold,
    penalty,
    penalty_slope,
    ridge_shrink,
    soft_threshold,
    threshold_map,
    unit_ball,
)

FAST = settings(max_examples=60, deadline=None)
floats = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
vectors = arrays(float, st.integers(1, 12), elements=floats)


# ---------------------------------------------------------------- lp_norm
@pytest.mark.parametrize("p", [1, 2, np.inf])
def test_lp_norm_matches_numpy(p):
    rng = np.random.default_rng(1)
    for _ in range(20):
        x = rng.normal(size=int(rng.integers(1, 30))) * 10
        assert lp_norm(x, p) == pytest.approx(np.linalg.norm(x, p), rel=1e-13)


@pytest.mark.parametrize("p", [1, 2, np.inf])
def test_lp_norm_axis_matches_numpy(p):
    x = np.random.default_rng(2).normal(size=(7, 3))
    np.testing.assert_allclose(lp_norm(x, p, axis=1), np.linalg.norm(x, p, axis=1), rtol=1e-13)
    np.testing.assert_allclose(lp_norm(x, p, axis=0), np.linalg.norm(x, p, axis=0), rtol=1e-13)


def test_lp_norm_half_closed_form():
    # (sqrt|1| + sqrt|4| + sqrt|9|)^2 = (1 + 2 + 3)^2 = 36
    assert lp_norm([1.0, -4.0, 9.0], 0.5) == pytest.approx(36.0, rel=1e-14)
    x = np.array([0.3, -2.5])
    assert lp_norm(x, 0.5) == pytest.approx(sum(math.sqrt(abs(v)) for v in x) ** 2, rel=1e-14)
    assert lp_norm(x, 3) == pytest.approx((0.3**3 + 2.5**3) ** (1 / 3), rel=1e-14)


def test_lp_norm_quasi_norm_breaks_triangle_inequality():
    e1, e2 = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    assert lp_norm(e1 + e2, 0.5) == pytest.approx(4.0)
    assert lp_norm(e1 + e2, 0.5) > lp_norm(e1, 0.5) + lp_norm(e2, 0.5)


def test_lp_norm_zero_vector_and_tiny_values():
    for p in (0.5, 1, 2, 3, np.inf):
        assert lp_norm(np.zeros(4), p) == 0.0
    assert lp_norm([1e-200, 1e-200], 0.5) == pytest.approx(4e-200, rel=1e-12)
    assert lp_norm([1e200, 1e200], 3) == pytest.approx(2 ** (1 / 3) * 1e200, rel=1e-12)


@FAST
@given(vectors)
def test_norm_inequalities(x):
    n = len(x)
    inf, two, one = lp_norm(x, np.inf), lp_norm(x, 2), lp_norm(x, 1)
    slack = 1e-12 * (one + 1e-300)
    assert inf <= two + slack
    assert two <= one + slack
    assert one <= math.sqrt(n) * two + slack
    # and the quasi-norm is at least the 1-norm
    assert lp_norm(x, 0.5) >= one - slack


@FAST
@given(vectors, st.floats(-50, 50, allow_nan=False), st.sampled_from([0.5, 1, 1.5, 2, np.inf]))
def test_norm_homogeneity(x, c, p):
    assert lp_norm(c * x, p) == pytest.approx(abs(c) * lp_norm(x, p), rel=1e-12, abs=1e-300)


@FAST
@given(vectors, vectors, st.sampled_from([1, 2, 3, np.inf]))
def test_triangle_inequality_for_p_at_least_1(x, y, p):
    m = min(len(x), len(y))
    x, y = x[:m], y[:m]
    assert lp_norm(x + y, p) <= (lp_norm(x, p) + lp_norm(y, p)) * (1 + 1e-12) + 1e-12


# ---------------------------------------------------------------- penalty and slope
def test_penalty_values():
    w = np.array([-2.0, -0.5, 0.0, 0.5, 3.0])
    np.testing.assert_array_equal(penalty(w, "l1"), [2.0, 0.5, 0.0, 0.5, 3.0])
    np.testing.assert_array_equal(penalty(w, "l2"), [4.0, 0.25, 0.0, 0.25, 9.0])
    np.testing.assert_array_equal(penalty_slope(w, "l1"), [-1.0, -1.0, 0.0, 1.0, 1.0])
    np.testing.assert_array_equal(penalty_slope(w, "l2"), [-4.0, -1.0, 0.0, 1.0, 6.0])


def test_l1_slope_is_zero_at_zero():
    assert penalty_slope(0.0, "l1") == 0.0
    assert penalty_slope(np.zeros(3), "l1").tolist() == [0.0, 0.0, 0.0]


@pytest.mark.parametrize("kind", ["l1", "l2"])
def test_slope_is_the_numerical_derivative_away_from_zero(kind):
    w = np.concatenate([np.linspace(-3, -0.1, 15), np.linspace(0.1, 3, 15)])
    h = 1e-6
    numeric = (penalty(w + h, kind) - penalty(w - h, kind)) / (2 * h)
    np.testing.assert_allclose(penalty_slope(w, kind), numeric, rtol=1e-7, atol=1e-8)


# ---------------------------------------------------------------- unit ball
@pytest.mark.parametrize("p", [0.5, 1, 1.5, 2, 4, np.inf])
def test_unit_ball_points_have_norm_one(p):
    pts = unit_ball(p, n=200)
    assert pts.shape == (200, 2)
    # oracle: the p-norm written out here, not lp_norm
    a = np.abs(pts)
    norms = a.max(axis=1) if np.isinf(p) else (a**p).sum(axis=1) ** (1 / p)
    np.testing.assert_allclose(norms, 1.0, rtol=1e-12)


@pytest.mark.parametrize("p", [0.5, 1, 2, np.inf])
def test_unit_ball_is_in_angular_order(p):
    pts = unit_ball(p, n=64)
    ang = np.unwrap(np.arctan2(pts[:, 1], pts[:, 0]))
    assert ang[0] == pytest.approx(0.0)
    assert np.all(np.diff(ang) > 0)
    assert ang[-1] < 2 * np.pi


def test_unit_ball_corners_are_exact():
    pts = unit_ball(1, n=8)
    corners = {tuple(v) for v in pts[::2]}
    assert corners == {(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)}
    pts = unit_ball(1, n=400)
    for k in range(4):
        x, y = pts[100 * k]
        assert (x == 0.0) or (y == 0.0)
        assert abs(x) + abs(y) == 1.0
    sq = unit_ball(np.inf, n=8)
    np.testing.assert_array_equal(np.abs(sq[1::2]), 1.0)  # the square's corners
    np.testing.assert_array_equal(unit_ball(1, n=8)[1::2], [[0.5, 0.5], [-0.5, 0.5],
                                                            [-0.5, -0.5], [0.5, -0.5]])


# ---------------------------------------------------------------- threshold maps
def _prox_l1_oracle(z, t):
    res = minimize_scalar(lambda w: 0.5 * (w - z) ** 2 + t * abs(w),
                          bounds=(-abs(z) - 1, abs(z) + 1), method="bounded",
                          options={"xatol": 1e-12})
    return res.x


def test_soft_threshold_is_the_prox_of_t_abs():
    rng = np.random.default_rng(3)
    for _ in range(40):
        z, t = rng.normal() * 5, rng.uniform(0, 4)
        assert float(soft_threshold(z, t)) == pytest.approx(_prox_l1_oracle(z, t), abs=1e-6)


def test_soft_threshold_dead_zone_is_exactly_zero():
    z = np.array([-1.0, -0.999, -1e-12, 0.0, 1e-12, 0.5, 1.0])
    out = soft_threshold(z, 1.0)
    assert np.all(out == 0.0)
    assert not np.any(np.signbit(out))  # +0.0, not -0.0
    np.testing.assert_allclose(soft_threshold([-3.0, 2.5], 1.0), [-2.0, 1.5])


def test_hard_threshold_and_ridge_shrink_values():
    z = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0])
    np.testing.assert_array_equal(hard_threshold(z, 1.0), [-3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0])
    np.testing.assert_allclose(ridge_shrink(z, 1.0), z / 2)
    # ridge_shrink is the prox of (lam/2) w^2: argmin 0.5(w-z)^2 + 0.5 lam w^2
    res = minimize_scalar(lambda w: 0.5 * (w - 3.0) ** 2 + 0.5 * 4.0 * w**2)
    assert float(ridge_shrink(3.0, 4.0)) == pytest.approx(res.x, abs=1e-6)
    assert np.all(ridge_shrink(np.array([1e-9, -2.0]), 100.0) != 0.0)


thresholds = st.floats(0, 100, allow_nan=False)


@FAST
@given(vectors, thresholds)
def test_soft_threshold_properties(z, t):
    s = soft_threshold(z, t)
    np.testing.assert_array_equal(soft_threshold(-z, t), -s + 0.0)  # odd
    assert np.all(np.abs(s) <= np.abs(z))  # shrinks
    assert np.all(s[np.abs(z) <= t] == 0.0)  # dead zone, exactly
    order = np.argsort(z)
    assert np.all(np.diff(s[order]) >= 0)  # monotone
    np.testing.assert_allclose(np.abs(s), np.maximum(np.abs(z) - t, 0), atol=1e-12)


@FAST
@given(vectors, thresholds)
def test_hard_threshold_and_ridge_properties(z, t):
    h = hard_threshold(z, t)
    assert np.all((h == 0.0) | (h == z))
    np.testing.assert_array_equal(hard_threshold(-z, t), -h + 0.0)
    r = ridge_shrink(z, t)
    assert np.all(np.abs(r) <= np.abs(z))
    normal = np.abs(z) > 1e-300  # (a subnormal z / 2 may underflow to 0: not the point)
    assert np.all(r[normal] != 0.0)  # ridge never zeros a nonzero value


# ---------------------------------------------------------------- descend
def _objective(target, lam, kind):
    reg = abs if kind == "l1" else (lambda w: w * w)
    return lambda w: 0.5 * (w - target) ** 2 + lam * reg(w)


def test_descend_shape_and_start():
    path = descend(2.0, target=1.0, lam=0.5, lr=0.1, steps=7, penalty="l1", method="proximal")
    assert path.shape == (8,)
    assert path[0] == 2.0
    assert descend(2.0, target=1.0, lam=0.5, lr=0.1, steps=0, penalty="l2",
                   method="subgradient").tolist() == [2.0]


@pytest.mark.parametrize("method", ["subgradient", "proximal"])
def test_l2_never_reaches_zero_and_converges_geometrically(method):
    target, lam = 3.0, 2.0
    limit = target / (1 + 2 * lam)
    path = descend(-4.0, target=target, lam=lam, lr=0.1, steps=200, penalty="l2", method=method)
    assert np.all(path != 0.0)
    err = np.abs(path - limit)
    assert err[-1] < 1e-8
    ratios = err[1:20] / err[:19]  # early on, while rounding is negligible
    assert np.all(ratios < 1)
    np.testing.assert_allclose(ratios, ratios[0], rtol=1e-8)  # a constant factor: geometric
    oracle = minimize_scalar(_objective(target, lam, "l2")).x
    assert path[-1] == pytest.approx(oracle, abs=1e-6)


def test_l1_proximal_lands_on_exact_zero_and_stays():
    for target, lam in [(1.0, 1.5), (-0.7, 0.8), (2.0, 2.1), (0.0, 0.3)]:
        path = descend(3.0, target=target, lam=lam, lr=0.2, steps=300, penalty="l1",
                       method="proximal")
        first = int(np.argmax(path == 0.0))
        assert path[first] == 0.0
        assert np.all(path[first:] == 0.0)
        assert first < 100


def test_l1_proximal_at_the_boundary_lam_equal_target_only_converges_to_zero():
    # lam == |target|: 0 is optimal but the iterates approach it geometrically from one
    # side (w <- 0.8 w here), so they get within rounding of 0 rather than landing on it.
    path = descend(3.0, target=2.0, lam=2.0, lr=0.2, steps=300, penalty="l1",
                   method="proximal")
    assert abs(path[-1]) < 1e-15
    assert np.all(path >= 0)


def test_l1_proximal_limit_matches_scipy_when_not_zero():
    target, lam = 2.5, 0.8
    path = descend(-1.0, target=target, lam=lam, lr=0.3, steps=300, penalty="l1",
                   method="proximal")
    oracle = minimize_scalar(_objective(target, lam, "l1"), bounds=(-5, 5), method="bounded",
                             options={"xatol": 1e-12}).x
    assert path[-1] == pytest.approx(oracle, abs=1e-6)
    assert path[-1] == pytest.approx(target - lam, abs=1e-12)


def test_l1_subgradient_oscillates_around_zero():
    path = descend(1.2345, target=0.3, lam=1.0, lr=0.05, steps=400, penalty="l1",
                   method="subgradient")
    tail = path[100:]
    assert np.all(tail != 0.0)  # never exactly zero
    assert np.count_nonzero(np.diff(np.sign(tail))) > 50  # keeps changing sign
    assert np.max(np.abs(tail)) < 0.1  # but hovers close to the true answer, 0
    # while the proximal method sits on exactly 0
    prox = descend(1.2345, target=0.3, lam=1.0, lr=0.05, steps=400, penalty="l1",
                   method="proximal")
    assert prox[-1] == 0.0


def test_l1_subgradient_hovers_near_the_scipy_minimum():
    target, lam = 2.0, 0.5
    path = descend(-3.0, target=target, lam=lam, lr=0.05, steps=500, penalty="l1",
                   method="subgradient")
    oracle = minimize_scalar(_objective(target, lam, "l1"), bounds=(-5, 5), method="bounded",
                             options={"xatol": 1e-12}).x
    assert path[-1] == pytest.approx(oracle, abs=1e-6)


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: lp_norm([1.0, np.nan], 2), "x"),
        (lambda: lp_norm([1.0, np.inf], 1), "x"),
        (lambda: lp_norm([1.0], 0), "p"),
        (lambda: lp_norm([1.0], -1), "p"),
        (lambda: lp_norm([1.0], np.nan), "p"),
        (lambda: penalty([1.0], "l3"), "kind"),
        (lambda: penalty_slope([1.0], "L1"), "kind"),
        (lambda: penalty([np.nan], "l1"), "w"),
        (lambda: unit_ball(0), "p"),
        (lambda: unit_ball(-2), "p"),
        (lambda: unit_ball(2, n=3), "n"),
        (lambda: unit_ball(2, n=np.inf), "n"),
        (lambda: unit_ball(2, n=10.5), "n"),
        (lambda: soft_threshold([1.0], -0.1), "t"),
        (lambda: soft_threshold([np.inf], 1.0), "z"),
        (lambda: hard_threshold([1.0], -1.0), "t"),
        (lambda: ridge_shrink([1.0], -0.5), "lam"),
        (lambda: descend(1.0, target=0, lam=-1, lr=0.1, steps=3, penalty="l1",
                         method="proximal"), "lam"),
        (lambda: descend(1.0, target=0, lam=1, lr=-0.1, steps=3, penalty="l1",
                         method="proximal"), "lr"),
        (lambda: descend(1.0, target=0, lam=1, lr=0.0, steps=3, penalty="l1",
                         method="proximal"), "lr"),
        (lambda: descend(1.0, target=0, lam=1, lr=0.1, steps=-1, penalty="l1",
                         method="proximal"), "steps"),
        (lambda: descend(1.0, target=0, lam=1, lr=0.1, steps=3, penalty="l0",
                         method="proximal"), "penalty"),
        (lambda: descend(1.0, target=0, lam=1, lr=0.1, steps=3, penalty="l1",
                         method="newton"), "method"),
        (lambda: descend(np.nan, target=0, lam=1, lr=0.1, steps=3, penalty="l1",
                         method="proximal"), "w0"),
        (lambda: descend(0.0, target=np.inf, lam=1, lr=0.1, steps=3, penalty="l1",
                         method="proximal"), "target"),
    ],
)
def test_bad_input_raises_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"\b{name}\b"):
        call()


@pytest.mark.parametrize("kind", ["l1", "l2", "l0"])
@pytest.mark.parametrize("lam", [0.0, 0.3, 1.0, 2.5])
def test_threshold_map_is_the_penalised_minimiser(kind, lam):
    """Against brute force: the minimiser of 0.5 (w - z)^2 + lam R(w) on a grid of spacing
    1e-4 is within 1e-4 of the map (ties at the hard threshold's edge excluded: there both
    0 and z are minimisers)."""
    z = np.linspace(-3.0, 3.0, 121)
    w = np.linspace(-3.5, 3.5, 70_001)
    r = {"l1": np.abs(w), "l2": w**2, "l0": (w != 0).astype(float)}[kind]
    brute = np.array([w[np.argmin(0.5 * (w - zk) ** 2 + lam * r)] for zk in z])
    out = threshold_map(z, lam, kind)
    t = map_threshold(lam, kind)
    away = np.abs(np.abs(z) - t) > 1e-3 if kind == "l0" else np.ones_like(z, bool)
    assert out[away] == pytest.approx(brute[away], abs=1e-4)
    assert np.all(out[np.abs(z) <= t] == 0.0)  # the dead zone is exact zeros
    if kind == "l2":
        assert t == 0.0 and np.all(out[z != 0] != 0.0)


def test_threshold_map_names_bad_arguments():
    with pytest.raises(ValueError, match="kind"):
        threshold_map([1.0], 1.0, "l3")
    with pytest.raises(ValueError, match="lam"):
        map_threshold(-1.0, "l1")
