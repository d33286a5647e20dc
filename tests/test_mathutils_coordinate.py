"""mathutils.coordinate against independent oracles: scikit-learn, scipy and direct counting."""

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from sklearn.linear_model import Lasso, Ridge

from mathutils import lasso, lasso_alpha_max, soft_threshold
from mathutils.coordinate import (
    closed_form_flops,
    coordinate_descent_flops,
    coordinate_descent_lasso,
    cost_growth,
    lasso_objective,
    level_curve,
    objective,
    objective_grid,
    ridge_closed_form,
    ridge_objective,
    synthetic_problem,
)


def _problem(seed, n=30, p=3, corr=0.6):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(n, 1))
    X = corr * z + rng.normal(size=(n, p)) + 2.0
    y = X @ rng.normal(size=p) + 0.3 * rng.normal(size=n) - 1.0
    return X, y


def _sk_lasso(X, y, alpha):
    return Lasso(alpha=alpha, tol=1e-14, max_iter=1_000_000).fit(X, y)


# ---------------------------------------------------------------- coordinate descent
@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("frac", [0.05, 0.3, 0.7])
def test_cd_final_iterate_matches_sklearn_and_mathutils(seed, frac):
    X, y = _problem(seed, p=2 + seed % 4)
    alpha = frac * lasso_alpha_max(X, y)
    tr = coordinate_descent_lasso(X, y, alpha, tol=1e-14, max_sweeps=100_000)
    assert tr.converged
    np.testing.assert_allclose(tr.final, _sk_lasso(X, y, alpha).coef_, atol=1e-7)
    np.testing.assert_allclose(tr.final, lasso(X, y, alpha).coef, atol=1e-7)
    # exact zeros where the exact solution has zeros
    assert np.array_equal(tr.final == 0.0, lasso(X, y, alpha).coef == 0.0)


@pytest.mark.parametrize("seed", range(4))
def test_each_move_is_a_soft_threshold_along_one_axis(seed):
    X, y = _problem(10 + seed, p=3)
    alpha = 0.2 * lasso_alpha_max(X, y)
    tr = coordinate_descent_lasso(X, y, alpha, w0=[1.0, -2.0, 0.5], tol=1e-10)
    assert len(tr.iterates) == len(tr.axes) + 1 == 3 * tr.sweeps + 1
    np.testing.assert_array_equal(tr.axes, np.tile([0, 1, 2], tr.sweeps))
    vals = lasso_objective(X, y, tr.iterates, alpha)
    assert np.all(np.diff(vals) <= 1e-12)  # never goes up
    for k, j in enumerate(tr.axes):
        before, after = tr.iterates[k], tr.iterates[k + 1]
        others = np.arange(3) != j
        np.testing.assert_array_equal(before[others], after[others])
        assert after[j] == soft_threshold(tr.targets[k], tr.thresholds[k])
        # oracle: the move minimises the objective along that axis (scipy, 1-D)
        def along(u, before=before, j=j):
            w = before.copy()
            w[j] = u
            return float(lasso_objective(X, y, w, alpha))
        res = minimize_scalar(along, bracket=(-5, 5), tol=1e-12)
        # Brent assumes smoothness and can stop short of the kink at 0 (seen: 3.7e-5 away,
        # at a higher value than ours). So: ours is at least as low, and as close as the
        # oracle's own gap allows, since along is a-strongly convex (a = the axis' variance):
        # (a / 2) |u - u*|^2 <= along(u) - along(u*).
        gap = res.fun - along(after[j])
        slack = 1e-12 * (1 + abs(res.fun))  # rounding in the two objective values
        assert gap >= -slack
        a = np.var(X[:, j])
        assert abs(after[j] - res.x) <= np.sqrt(2 * (gap + slack) / a)
        # the target is the move without the penalty
        def smooth(u, before=before, j=j):
            w = before.copy()
            w[j] = u
            return float(lasso_objective(X, y, w, 0.0))
        assert tr.targets[k] == pytest.approx(minimize_scalar(smooth).x, abs=1e-6)


def test_cd_zero_start_above_alpha_max_stays_zero():
    X, y = _problem(3)
    tr = coordinate_descent_lasso(X, y, 1.01 * lasso_alpha_max(X, y))
    assert tr.converged and tr.sweeps == 1 and np.all(tr.final == 0.0)


def test_cd_bad_input():
    X, y = _problem(0)
    with pytest.raises(ValueError, match="alpha"):
        coordinate_descent_lasso(X, y, -1.0)
    with pytest.raises(ValueError, match="w0"):
        coordinate_descent_lasso(X, y, 0.1, w0=[1.0, 2.0])
    with pytest.raises(ValueError, match="constant"):
        coordinate_descent_lasso(np.ones((5, 2)), np.arange(5.0), 0.1)
    with pytest.raises(ValueError, match="max_sweeps"):
        coordinate_descent_lasso(X, y, 0.1, max_sweeps=0)


# ---------------------------------------------------------------- ridge and the objectives
@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("alpha", [0.1, 3.0, 50.0])
def test_ridge_closed_form_matches_sklearn(seed, alpha):
    X, y = _problem(seed, p=1 + seed)
    sol = ridge_closed_form(X, y, alpha)
    sk = Ridge(alpha=alpha, solver="cholesky").fit(X, y)
    np.testing.assert_allclose(sol.coef, sk.coef_, rtol=1e-10, atol=1e-12)
    assert sol.intercept == pytest.approx(sk.intercept_, abs=1e-10)
    np.testing.assert_allclose(sol.matrix @ sol.coef, sol.rhs, rtol=1e-10, atol=1e-10)


def test_ridge_closed_form_needs_positive_alpha():
    X, y = _problem(0)
    with pytest.raises(ValueError, match="alpha"):
        ridge_closed_form(X, y, 0.0)


def test_objectives_match_direct_formulas_with_sklearn_intercept():
    X, y = _problem(4)
    alpha = 0.2
    sk = _sk_lasso(X, y, alpha)
    direct = ((y - X @ sk.coef_ - sk.intercept_) ** 2).mean() / 2 + alpha * np.abs(sk.coef_).sum()
    assert lasso_objective(X, y, sk.coef_, alpha) == pytest.approx(direct, rel=1e-12)
    rk = Ridge(alpha=alpha).fit(X, y)
    direct = ((y - X @ rk.coef_ - rk.intercept_) ** 2).sum() + alpha * (rk.coef_**2).sum()
    assert ridge_objective(X, y, rk.coef_, alpha) == pytest.approx(direct, rel=1e-12)
    # the solvers' answers are minima: random perturbations never do better
    rng = np.random.default_rng(0)
    w = rng.normal(scale=1e-3, size=(200, 3))
    best = lasso_objective(X, y, sk.coef_, alpha)
    assert np.all(lasso_objective(X, y, sk.coef_ + w, alpha) >= best - 1e-12)
    assert np.all(objective(X, y, rk.coef_ + w, alpha, "ridge")
                  >= ridge_objective(X, y, rk.coef_, alpha) - 1e-9)


def test_objective_grid_is_pointwise():
    X, y = _problem(1, p=2)
    w1, w2 = np.linspace(-1, 2, 7), np.linspace(-3, 1, 5)
    for kind in ("lasso", "ridge"):
        Z = objective_grid(X, y, 0.3, kind, w1, w2)
        assert Z.shape == (5, 7)
        assert Z[3, 2] == pytest.approx(float(objective(X, y, [w1[2], w2[3]], 0.3, kind)))
    with pytest.raises(ValueError, match="kind"):
        objective_grid(X, y, 0.3, "elastic", w1, w2)


@pytest.mark.parametrize("kind", ["lasso", "ridge"])
@pytest.mark.parametrize("seed", range(3))
def test_level_curve_lies_on_the_level(kind, seed):
    X, y = _problem(20 + seed, p=2)
    alpha = 0.3 * lasso_alpha_max(X, y) if kind == "lasso" else 5.0
    sk = _sk_lasso(X, y, alpha).coef_ if kind == "lasso" else Ridge(alpha=alpha).fit(X, y).coef_
    low = float(objective(X, y, sk, alpha, kind))
    for extra in (0.05, 0.5, 2.0):
        level = low + extra * max(1.0, abs(low))
        pts = level_curve(X, y, alpha, kind, level, num=120)
        assert len(pts) >= 120
        np.testing.assert_allclose(objective(X, y, pts, alpha, kind), level, rtol=1e-9)
        ang = np.unwrap(np.arctan2(*(pts - sk).T[::-1]))
        assert np.all(np.diff(ang) > 0)  # counter-clockwise, each ray once
        assert ang[-1] - ang[0] < 2 * np.pi
        if kind == "lasso":  # the kinks on the axes are exact points of the curve
            for axis in (0, 1):
                other = pts[:, 1 - axis]
                crosses = np.any(other > 0) and np.any(other < 0)
                if crosses:
                    assert np.any(pts[:, axis] == 0.0) or np.any(pts[:, 1 - axis] == 0.0)


def test_level_curve_bad_input():
    X, y = _problem(0, p=2)
    with pytest.raises(ValueError, match="level"):
        level_curve(X, y, 0.1, "lasso", -1.0)
    with pytest.raises(ValueError, match="2 columns"):
        level_curve(np.column_stack([X, X[:, 0]]), y, 0.1, "lasso", 10.0)


# ---------------------------------------------------------------- counting the work
def _counted_closed_form(n, p):
    """Flops of a naive Gram + X^T y + Cholesky + two triangular solves, counted one by one."""
    flops = 0
    for i in range(p):  # Gram, upper triangle incl. diagonal: n mults + n adds per entry
        for _j in range(i, p):
            flops += 2 * n
    flops += 2 * n * p  # X^T y
    for j in range(p):  # Cholesky (column form)
        flops += 2 * j + 1  # diagonal: j mult-adds, one sqrt
        for _i in range(j + 1, p):
            flops += 2 * j + 1  # j mult-adds and one division
    for i in range(p):  # forward and back substitution
        flops += 2 * (2 * i + 1)
    return flops


@pytest.mark.parametrize("n,p", [(50, 5), (200, 20), (400, 60)])
def test_closed_form_flops_agree_with_a_counted_implementation(n, p):
    counted = _counted_closed_form(n, p)
    assert closed_form_flops(n, p) == pytest.approx(counted, rel=0.05)


def test_coordinate_descent_flops_count_updates():
    # one update: dot product (n mults + n adds) and residual update (n mults + n adds)
    assert coordinate_descent_flops(100, 7, 3) == 3 * 7 * 4 * 100
    assert coordinate_descent_flops(100, 7, 3, 2) == 3 * 7 * 4 * 100 + closed_form_flops(100, 2)
    with pytest.raises(ValueError, match="support"):
        coordinate_descent_flops(100, 7, 3, 8)


def test_cost_growth_measures_mathutils_lasso_deterministically():
    ps = [5, 20, 80]
    a = cost_growth(ps, 200, np.random.default_rng(3))
    b = cost_growth(ps, 200, np.random.default_rng(3))
    np.testing.assert_array_equal(a.sweeps, b.sweeps)
    np.testing.assert_array_equal(a.coordinate_descent, b.coordinate_descent)
    rng = np.random.default_rng(3)
    for k, p in enumerate(ps):
        X, y = synthetic_problem(200, p, rng)
        fit = lasso(X, y, 0.1 * lasso_alpha_max(X, y))
        assert a.sweeps[k] == fit.n_iter >= 1
        assert a.support[k] == np.count_nonzero(fit.coef)
        assert a.closed_form[k] == closed_form_flops(200, p)
        assert a.coordinate_descent[k] == coordinate_descent_flops(200, p, fit.n_iter,
                                                                   a.support[k])
    assert np.all(np.diff(a.closed_form) > 0)


def test_synthetic_problem_is_seeded_and_checked():
    X1, y1 = synthetic_problem(20, 4, np.random.default_rng(1))
    X2, y2 = synthetic_problem(20, 4, np.random.default_rng(1))
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    with pytest.raises(ValueError, match="rng"):
        synthetic_problem(20, 4, 1)
