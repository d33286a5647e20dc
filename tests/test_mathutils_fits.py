"""mathutils.fits against independent oracles: numpy/scipy least squares, an LP, brute force."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog
from scipy.stats import linregress

from mathutils import (
    Line,
    absolute_loss,
    anscombe,
    lad_fit,
    lad_optimal_lines,
    ols_fit,
    squared_loss,
)

FAST = settings(max_examples=40, deadline=None)


def _l1(a, b, x, y):
    return float(np.sum(np.abs(y - a - b * x)))


def _lad_by_inequalities(x, y):
    """LAD as a different LP: min sum e subject to -e <= y - a - b x <= e (HiGHS IPM)."""
    n = len(x)
    c = np.concatenate([[0.0, 0.0], np.ones(n)])
    design = np.column_stack([np.ones(n), x])
    eye = np.eye(n)
    a_ub = np.vstack([np.hstack([-design, -eye]), np.hstack([design, -eye])])
    b_ub = np.concatenate([-y, y])
    res = linprog(c, A_ub=a_ub, b_ub=b_ub, bounds=[(None, None)] * 2 + [(0, None)] * n,
                  method="highs-ipm")
    assert res.success
    return res.fun


def _brute_force_vertices(x, y):
    """Every line through two points with distinct x, with its L1 loss (plain loops)."""
    out = []
    for i, j in itertools.combinations(range(len(x)), 2):
        if x[i] == x[j]:
            continue
        b = (y[j] - y[i]) / (x[j] - x[i])
        a = y[i] - b * x[i]
        out.append((a, b, _l1(a, b, x, y)))
    return out


def _data(seed, n=12, outliers=2):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 10, n)
    y = 1.5 + 0.7 * x + rng.normal(0, 1, n)
    y[:outliers] += rng.choice([-1, 1], outliers) * 15
    return x, y


# ---------------------------------------------------------------- OLS
@pytest.mark.parametrize("seed", range(5))
def test_ols_matches_polyfit_and_linregress(seed):
    x, y = _data(seed)
    fit = ols_fit(x, y)
    slope, intercept = np.polyfit(x, y, 1)
    assert fit.slope == pytest.approx(slope, rel=1e-10)
    assert fit.intercept == pytest.approx(intercept, rel=1e-10, abs=1e-10)
    lr = linregress(x, y)
    assert fit.slope == pytest.approx(lr.slope, rel=1e-10)
    assert fit.intercept == pytest.approx(lr.intercept, rel=1e-10, abs=1e-10)


def test_ols_exact_line_and_call():
    x = np.array([0.0, 1.0, 2.0, 5.0])
    fit = ols_fit(x, 2.0 - 3.0 * x)
    assert isinstance(fit, Line)
    assert fit.intercept == pytest.approx(2.0) and fit.slope == pytest.approx(-3.0)
    np.testing.assert_allclose(fit(x), 2.0 - 3.0 * x)


# ---------------------------------------------------------------- LAD
@pytest.mark.parametrize("seed", range(6))
def test_lad_matches_an_independent_lp_and_brute_force(seed):
    x, y = _data(seed)
    fit = lad_fit(x, y)
    ours = _l1(fit.intercept, fit.slope, x, y)
    assert ours == pytest.approx(_lad_by_inequalities(x, y), rel=1e-8)
    best = min(loss for _, _, loss in _brute_force_vertices(x, y))
    assert ours == pytest.approx(best, rel=1e-9)
    # a vertex: the line passes through at least two data points
    assert np.sum(np.isclose(fit(x), y, rtol=0, atol=1e-7)) >= 2


def test_lad_resists_an_outlier_that_drags_ols():
    x = np.arange(10.0)
    y = 1.0 + 2.0 * x
    y[9] += 100.0
    lad = lad_fit(x, y)
    assert lad.slope == pytest.approx(2.0, abs=1e-9)
    assert lad.intercept == pytest.approx(1.0, abs=1e-9)
    assert ols_fit(x, y).slope > 5.0


lines_data = st.integers(3, 9).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(-20, 20), min_size=n, max_size=n, unique=True),
        st.lists(st.floats(-50, 50, allow_nan=False), min_size=n, max_size=n),
        st.lists(st.floats(-10, 10, allow_nan=False), min_size=6, max_size=6),
    )
)


@FAST
@given(lines_data)
def test_lad_loss_beats_ols_and_random_lines(data):
    xs, ys, rand = data
    x, y = np.array(xs, float), np.array(ys, float)
    lad = lad_fit(x, y)
    best = absolute_loss(lad, x, y)
    slack = 1e-7 * (1 + best)
    assert best <= absolute_loss(ols_fit(x, y), x, y) + slack
    for a, b in zip(rand[::2], rand[1::2], strict=False):
        assert best <= _l1(a, b, x, y) + slack
    # and OLS wins on squared loss
    assert squared_loss(ols_fit(x, y), x, y) <= squared_loss(lad, x, y) * (1 + 1e-9) + 1e-9


def test_losses_match_direct_sums():
    x, y = _data(9)
    line = Line(0.5, 1.25)
    assert absolute_loss(line, x, y) == pytest.approx(sum(abs(b - 0.5 - 1.25 * a)
                                                          for a, b in zip(x, y, strict=True)))
    assert squared_loss(line, x, y) == pytest.approx(sum((b - 0.5 - 1.25 * a) ** 2
                                                         for a, b in zip(x, y, strict=True)))


# ---------------------------------------------------------------- all optimal LAD vertices
@pytest.mark.parametrize("seed", range(4))
def test_lad_optimal_lines_match_brute_force(seed):
    x, y = _data(seed, n=9)
    verts = _brute_force_vertices(x, y)
    best = min(loss for *_, loss in verts)
    expected = sorted({(round(a, 9), round(b, 9)) for a, b, loss in verts
                       if loss <= best * (1 + 1e-9)}, key=lambda t: (t[1], t[0]))
    got = lad_optimal_lines(x, y)
    assert [(round(q.intercept, 9), round(q.slope, 9)) for q in got] == expected
    lad = lad_fit(x, y)
    assert absolute_loss(lad, x, y) == pytest.approx(best, rel=1e-9)


def test_lad_optimal_lines_known_tie():
    # The unit square's corners: any y = a + b x with a and a + b in [0, 1] has loss 2.
    # The optimal vertices are the four lines through two corners.
    x = np.array([0.0, 1.0, 0.0, 1.0])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    got = lad_optimal_lines(x, y)
    assert sorted((q.intercept, q.slope) for q in got) == sorted(
        [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, -1.0)]
    )
    for q in got:
        assert absolute_loss(q, x, y) == pytest.approx(2.0)
    # the set of optimal lines is convex: the average of two optimal vertices ties too
    mid = Line((got[0].intercept + got[-1].intercept) / 2, (got[0].slope + got[-1].slope) / 2)
    assert absolute_loss(mid, x, y) == pytest.approx(2.0)
    assert absolute_loss(lad_fit(x, y), x, y) == pytest.approx(2.0)


def test_lad_optimal_lines_unique_for_generic_data():
    x, y = anscombe(3)  # one outlier; the other ten lie on one line (to 2 decimals)
    got = lad_optimal_lines(x, y)
    assert len(got) == 1
    assert np.sum(np.isclose(got[0](x), y, rtol=0, atol=0.0051)) == 10


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize("fn", [ols_fit, lad_fit, lad_optimal_lines])
@pytest.mark.parametrize(
    ("x", "y", "name"),
    [
        ([0.0, 1.0, 2.0], [1.0, 2.0], "x"),
        ([0.0, np.nan, 2.0], [1.0, 2.0, 3.0], "x"),
        ([0.0, 1.0, 2.0], [1.0, np.inf, 3.0], "y"),
        ([1.0, 1.0, 1.0], [1.0, 2.0, 3.0], "x"),
        ([1.0], [1.0], "points"),
    ],
)
def test_bad_input_raises(fn, x, y, name):
    with pytest.raises(ValueError, match=name):
        fn(x, y)


def test_non_numeric_input_names_the_argument():
    with pytest.raises(ValueError, match="x must be an array of numbers"):
        ols_fit(["a", "b"], [1.0, 2.0])
    with pytest.raises(ValueError, match="y must be an array of numbers"):
        lad_fit([0.0, 1.0, 2.0], [1.0, [2.0, 3.0], 4.0])


def test_loss_bad_input():
    with pytest.raises(ValueError, match="same length"):
        absolute_loss(Line(0, 1), [0.0, 1.0], [1.0])
    with pytest.raises(ValueError, match="y"):
        squared_loss(Line(0, 1), [0.0, 1.0], [1.0, np.nan])
