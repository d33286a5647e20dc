"""Hostile inputs to the public mathutils API (issue 10): a right answer or a clear ValueError.

Exact oracles here are rational arithmetic on the float data (``fractions.Fraction``), so
their own error is zero; the tolerances below are what a float answer can carry.
"""

import math
from fractions import Fraction

import numpy as np
import pytest

from mathutils import (
    absolute_loss,
    constrained_minimum,
    count_shortest_paths,
    descend,
    lad_fit,
    lad_optimal_lines,
    lasso,
    lasso_alpha_max,
    lp_norm,
    ols_fit,
    penalty,
    quadratic_loss,
    random_losses,
    ridge,
    sample_shortest_paths,
    shortest_paths,
    soft_threshold,
    unit_ball,
    zero_coefficient_rate,
)
from mathutils.data import anscombe, diabetes
from mathutils.descent import worked_number
from mathutils.geometry import clip_polyline, ellipse_outline
from mathutils.lad import lad_family, nudge_example, search_nudge_examples, vertex_losses
from mathutils.norms import unit_balls

EPS = np.finfo(float).eps
Q = np.array([[1.5, 0.9], [0.9, 2.5]])
C = np.array([1.3, 1.9])


# ---------------------------------------------------------------- large offsets in x
def _exact_ols(x, y):
    xs, ys = [Fraction(v) for v in x], [Fraction(v) for v in y]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    b = sum((u - mx) * (v - my) for u, v in zip(xs, ys, strict=True)) / sum(
        (u - mx) ** 2 for u in xs
    )
    return my - b * mx, b, mx


def _exact_lad(x, y):
    """Every line through two points, exactly; the smallest L1 loss and its lines."""
    xs, ys = [Fraction(v) for v in x], [Fraction(v) for v in y]
    n, found = len(xs), []
    for i in range(n):
        for j in range(i + 1, n):
            if xs[i] != xs[j]:
                b = (ys[j] - ys[i]) / (xs[j] - xs[i])
                a = ys[i] - b * xs[i]
                found.append((sum(abs(ys[k] - a - b * xs[k]) for k in range(n)), a, b))
    best = min(f[0] for f in found)
    return best, [(a, b) for loss, a, b in found if loss == best], sum(xs) / n


def _offset_data(seed, offset):
    rng = np.random.default_rng(seed)
    x = offset + np.round(rng.uniform(0.0, 1000.0, 9))
    y = 3.0 + 2e-15 * x + rng.normal(size=9)
    return x, y


def _close(got, exact_a, exact_b, mean_x):
    """Slope to 1e-9 relative; intercept to 1e-9 relative plus what floats can hold of
    ``a = ybar - b xbar`` (a few units in the last place of ``b xbar``)."""
    b_err = abs(Fraction(got.slope) - exact_b)
    a_err = abs(Fraction(got.intercept) - exact_a)
    assert b_err <= Fraction(1e-9) * abs(exact_b)
    assert a_err <= Fraction(1e-9) * abs(exact_a) + Fraction(8 * EPS) * abs(exact_b * mean_x)


@pytest.mark.parametrize("offset", [0.0, 1e9, 1.7e15, 4e15])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_ols_exact_with_large_offset(seed, offset):
    x, y = _offset_data(seed, offset)
    a, b, mx = _exact_ols(x, y)
    _close(ols_fit(x, y), a, b, mx)


@pytest.mark.parametrize("offset", [0.0, 1e9, 1.7e15, 4e15])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_lad_exact_with_large_offset(seed, offset):
    x, y = _offset_data(seed, offset)
    best, lines, mx = _exact_lad(x, y)
    got = lad_fit(x, y)
    assert len(lines) == 1  # generic data: one optimal line, so compare the line itself
    _close(got, *lines[0], mx)
    vertices = lad_optimal_lines(x, y)
    assert len(vertices) == 1
    _close(vertices[0], *lines[0], mx)


@pytest.mark.parametrize("scale", [1e-300, 1e-150, 1e150, 1e300])
def test_fits_at_extreme_scales(scale):
    x = np.array([0.0, 1.0, 2.0, 3.5, 4.0, 6.0]) * scale
    y = np.array([1.0, 2.0, 1.5, 3.0, 2.2, 4.0]) * scale
    ref_ols, ref_lad = ols_fit(x / scale, y / scale), lad_fit(x / scale, y / scale)
    assert ols_fit(x, y).slope == pytest.approx(ref_ols.slope, rel=1e-12)
    assert lad_fit(x, y).slope == pytest.approx(ref_lad.slope, rel=1e-12)
    assert ols_fit(x, y).intercept / scale == pytest.approx(ref_ols.intercept, rel=1e-12)


def test_lad_fit_tells_vertices_apart_beyond_the_solver_tolerance():
    # 1e300 next to 1.7e308: the two candidate vertices' losses differ by 1e-8 relative,
    # below the LP solver's tolerance; the exact pivoting picks the optimal one.
    x = np.array([0.0, 0.0, 1.0, 0.0, 0.0, 0.0])
    y = np.array([0.0, 0.0, 0.0, 1e300, 1.7e308, 0.0])
    assert lad_fit(x, y) == (0.0, 0.0)
    best, lines, _ = _exact_lad(x, y)
    assert set(lines) == {(0, 0)}  # several pairs, one line


def test_fit_whose_slope_overflows_is_refused():
    with pytest.raises(ValueError, match="overflows"):
        ols_fit([0.0, 1e-300, 2e-300], [0.0, 1e300, -1e300])


def test_lad_fit_large_data_in_linear_memory():
    rng = np.random.default_rng(0)
    x = rng.normal(size=20_000)
    y = 1.0 + 2.0 * x + rng.standard_cauchy(size=20_000)
    line = lad_fit(x, y)
    assert line.slope == pytest.approx(2.0, abs=0.05)
    # the answer is a vertex: it passes through two data points exactly (to rounding)
    assert np.sum(np.abs(y - line(x)) <= 1e-12 * np.abs(y).max()) >= 2


# ---------------------------------------------------------------- scale of Q, tiny budgets
@pytest.mark.parametrize("p", [1, 2])
@pytest.mark.parametrize("s", [1e-300, 1e-200, 1e-12, 3.7e-7, 0.3, 7e5, 1e200, 1e300])
def test_constrained_minimum_invariant_to_scaling_q(p, s):
    ref = constrained_minimum(Q, C, p, 1.0)
    assert np.allclose(constrained_minimum(Q * s, C, p, 1.0), ref, rtol=1e-13, atol=0)


def _circle_kkt(Qm, c, w, t):
    """w on the circle and -grad = Q (c - w) along +w (a nonnegative multiplier)."""
    g = Qm @ (c - w)
    assert np.hypot(*w) == pytest.approx(t, rel=1e-12)
    cross = (w[0] * g[1] - w[1] * g[0]) / (np.hypot(*w) * np.hypot(*g))
    assert abs(cross) < 1e-10
    assert w @ g > 0


@pytest.mark.parametrize("t", [1e-307, 1e-200, 1e-30, 1e-8, 1e-3, 0.5, 2.2])
def test_constrained_minimum_tiny_budgets_circle(t):
    w = constrained_minimum(Q, C, 2, t)
    assert np.all(np.isfinite(w))
    _circle_kkt(Q, C, w, t)


@pytest.mark.parametrize("t", [1e-307, 1e-200, 1e-30, 1e-8, 1e-3, 0.5, 2.2])
def test_constrained_minimum_tiny_budgets_diamond(t):
    w = constrained_minimum(Q, C, 1, t)
    assert np.abs(w).sum() == pytest.approx(t, rel=1e-12)
    # the same problem at unit scale, scaled back: the diamond problem is scale-equivariant
    ref = constrained_minimum(Q, C / t, 1, 1.0) * t if np.all(np.isfinite(C / t)) else w
    assert np.allclose(w, ref, rtol=1e-12, atol=0)


def test_constrained_minimum_far_centre_is_the_limit_direction():
    w = constrained_minimum(Q, [1e300, 1e300], 2, 1.0)
    g = Q @ np.array([1.0, 1.0])
    assert np.allclose(w, g / np.hypot(*g), rtol=1e-12)
    assert np.array_equal(constrained_minimum(Q, [1e300, 1e300], 1, 1e-310), [0.0, 1e-310])


def test_spd_check_is_relative():
    with pytest.raises(ValueError, match="symmetric"):
        constrained_minimum([[1e-300, 1e-290], [0.0, 1e-300]], C, 2, 1.0)  # was accepted
    assert np.all(np.isfinite(constrained_minimum(Q * 1e-200, C, 2, 1.0)))  # det underflowed


# ---------------------------------------------------------------- sizes beyond the caps
@pytest.mark.parametrize(
    ("call", "name", "cap"),
    [
        (lambda: list(shortest_paths(30, 30)), "m=30, n=30", "1_000_000"),
        (lambda: count_shortest_paths(10**6, 10**6), "m + n", "100_000"),
        (lambda: sample_shortest_paths(10**4, 10**4, 1, np.random.default_rng(0)), "m + n",
         "1_000"),
        (lambda: sample_shortest_paths(400, 400, 10**4, np.random.default_rng(0)), "k=",
         "1_000_000"),
        (lambda: unit_ball(2, n=10**9), "n", "1_000_000"),
        (lambda: unit_balls([1, 2, 3], n=500_000), "ps and n", "1_000_000"),
        (lambda: descend(1.0, target=0.0, lam=0.1, lr=0.1, steps=10**9, penalty="l1",
                         method="proximal"), "steps", "100_000"),
        (lambda: random_losses(10**9, np.random.default_rng(0)), "trials", "1_000_000"),
        (lambda: zero_coefficient_rate(1, 10**7, np.random.default_rng(0)), "trials",
         "100_000"),
        (lambda: lad_fit(np.arange(200_001.0), np.zeros(200_001)), "x and y", "100_000"),
        (lambda: lad_optimal_lines(np.arange(1000.0), np.zeros(1000)), "x and y", "500"),
        (lambda: ellipse_outline(Q, C, 1.0, n=10**12), "n", "1_000_000"),
        (lambda: nudge_example(10**6), "n_positions", "5_001"),
        (lambda: search_nudge_examples(range(10**9)), "seeds", "100_000"),
        (lambda: vertex_losses(np.arange(20.0), np.zeros(20), 1, np.zeros(10**4)),
         "positions and x", "10_000_000"),
        (lambda: ridge(np.zeros((2, 5000)), [1.0, 2.0], 1.0), "X", "2000"),
    ],
)
def test_sizes_beyond_the_cap_name_argument_and_cap(call, name, cap):
    with pytest.raises(ValueError) as err:
        call()
    msg = str(err.value)
    assert name in msg
    assert cap in msg or cap.replace("_", "") in msg


def test_caps_leave_room_for_the_lecture():
    assert len(list(shortest_paths(6, 6))) == count_shortest_paths(6, 6)
    assert len(sample_shortest_paths(60, 60, 5, np.random.default_rng(0))) == 5
    assert unit_balls(np.linspace(0.5, 8, 161), 400).shape == (161, 400, 2)
    assert len(random_losses(1000, np.random.default_rng(0)).Q) == 1000


# ---------------------------------------------------------------- divergence
@pytest.mark.parametrize(
    ("penalty_kind", "method", "lam", "bound"),
    [
        ("l1", "subgradient", 0.1, "lr <= 2"),
        ("l1", "proximal", 0.1, "lr <= 2"),
        ("l2", "subgradient", 0.25, "lr <= 2 / (1 + 2 * lam) = 1.33333"),
        ("l2", "proximal", 0.1, "lr <= 2 / (1 - 2 * lam) = 2.5"),
    ],
)
def test_descend_divergence_names_lr_and_the_stable_bound(penalty_kind, method, lam, bound):
    with pytest.raises(ValueError) as err:
        descend(1.0, target=0.1, lam=lam, lr=5.0, steps=5000, penalty=penalty_kind,
                method=method)
    msg = str(err.value)
    assert "lr=5.0" in msg and bound in msg
    assert " w " not in msg and " z " not in msg


def test_descend_beyond_the_bound_but_finite_is_returned():
    w = descend(1.0, target=0.0, lam=0.0, lr=3.0, steps=20, penalty="l2", method="subgradient")
    assert np.all(np.isfinite(w)) and w[-1] == pytest.approx((-2.0) ** 20)


def test_descend_overflow_within_the_bound_says_rescale():
    with pytest.raises(ValueError, match="rescale"):
        descend(1e308, target=-1e308, lam=0.0, lr=1.5, steps=3, penalty="l2",
                method="subgradient")


# ---------------------------------------------------------------- messages name the argument
@pytest.mark.parametrize(
    ("call", "needle"),
    [
        (lambda: lp_norm(None, 2), "x must be an array of numbers, got None"),
        (lambda: lp_norm([1 + 2j, 3.0], 2), "complex"),
        (lambda: lp_norm(np.array([3 + 4j]), 2), "complex"),
        (lambda: lp_norm([3.0, 4.0], "two"), "p must be"),
        (lambda: lp_norm([3.0, 4.0], None), "p must be"),
        (lambda: lp_norm([3.0, 4.0], 2j), "p must be"),
        (lambda: lp_norm([3.0, 4.0], 2, axis="rows"), "axis must be"),
        (lambda: lp_norm([1e308, 1e308], 1), "overflows"),
        (lambda: unit_ball("2"), "p must be"),
        (lambda: penalty(["1", "2"], "l1"), "w must be"),
        (lambda: penalty([True, False], "l2"), "w must be"),
        (lambda: penalty(1.0, None), "kind"),
        (lambda: soft_threshold([1.0], None), "t must be"),
        (lambda: soft_threshold([1.0], "1"), "t must be"),
        (lambda: ols_fit([0.0, 1.0, None], [1.0, 2.0, 3.0]), "x must be"),
        (lambda: ols_fit("012", "123"), "x must be"),
        (lambda: absolute_loss(None, [0.0, 1.0], [1.0, 2.0]), "line must be"),
        (lambda: absolute_loss((1.0, "a"), [0.0, 1.0], [1.0, 2.0]), "line.slope"),
        (lambda: quadratic_loss(Q, C, [[1.0, 2.0, 3.0]]), "w must have shape"),
        (lambda: constrained_minimum(Q, C, True, 1.0), "p must be 1 or 2"),
        (lambda: constrained_minimum(Q, C, 2, None), "t must be"),
        (lambda: descend(None, target=0.0, lam=0.1, lr=0.1, steps=3, penalty="l1",
                         method="proximal"), "w0 must be"),
        (lambda: descend(1.0, target=0.0, lam=0.1, lr=0.1, steps=True, penalty="l1",
                         method="proximal"), "steps must be an integer"),
        (lambda: descend(1.0, target=[0.0, 1.0], lam=0.1, lr=0.1, steps=3, penalty="l1",
                         method="proximal"), "target must be a single number"),
        (lambda: random_losses(5, None), "rng must be"),
        (lambda: count_shortest_paths(1e300, 2), "m + n must be at most 100_000"),
        (lambda: anscombe(True), "k must be"),
        (lambda: anscombe(np.ones(3)), "k must be"),
        (lambda: worked_number(1e200, 1.0), "w_from"),
        (lambda: clip_polyline([[0, 0], [1, 1]], [-1, -1], [2, 2], closed="yes"), "closed"),
        (lambda: lad_family(None, [0.5]), "tie must be"),
        (lambda: search_nudge_examples(None), "seeds must be"),
        (lambda: nudge_example([3]), "n_positions must be an integer"),
        (lambda: lasso(np.zeros((3, 0)), [1.0, 2.0, 3.0], 0.1), "column"),
    ],
)
def test_messages_name_the_argument(call, needle):
    with pytest.raises(ValueError) as err:
        call()
    assert needle in str(err.value)
    assert "NaN or inf" not in str(err.value) or "None" not in needle


# ---------------------------------------------------------------- extreme scales, linear models
@pytest.mark.parametrize(
    ("sx", "sy"),
    [(1e-150, 1.0), (1e150, 1.0), (1.0, 1e-300), (1.0, 1e300), (1e-150, 1e-150),
     (1e150, 1e150), (2.0**-500, 2.0**-700), (2.0**500, 2.0**700)],
)
def test_ridge_and_lasso_equivariant_to_scale(sx, sy):
    """ridge(X sx, y sy, alpha sx^2) = ridge(X, y, alpha) sy / sx; lasso with alpha sx sy."""
    X, y = diabetes()
    if 1e-300 < sx * sx < 1e300:
        r0, r = ridge(X, y, 1.0), ridge(X * sx, y * sy, 1.0 * sx * sx)
        assert np.allclose(r.coef * (sx / sy), r0.coef, rtol=1e-9, atol=0)
    if not 1e-300 < sx * sy < 1e300:
        return
    l0, lo = lasso(X, y, 0.5), lasso(X * sx, y * sy, 0.5 * sx * sy)
    assert np.allclose(lo.coef * (sx / sy), l0.coef, rtol=1e-9, atol=0)
    assert np.array_equal(lo.coef == 0, l0.coef == 0)  # the same exact zeros
    assert lasso_alpha_max(X * sx, y * sy) / (sx * sy) == pytest.approx(
        lasso_alpha_max(X, y), rel=1e-12
    )


def test_linear_fit_whose_coefficients_overflow_is_refused():
    X, y = diabetes()
    with pytest.raises(ValueError, match="overflows"):
        ridge(X * 2.0**-900, y * 2.0**900, 0.0)


def test_paths_count_matches_math_comb_at_the_cap():
    assert count_shortest_paths(50_000, 50_000) == math.comb(100_000, 50_000)
