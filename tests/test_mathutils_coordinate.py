"""mathutils.coordinate against independent oracles: scikit-learn, scipy and direct counting.

scikit-learn's Lasso(alpha) minimises (1/2n)||y - Xw||^2 + alpha ||w||_1, so the lecture's
(1/2)||y - Xw||^2 + lam ||w||_1 is Lasso(alpha=lam / n); its Ridge(alpha) minimises
||y - Xw||^2 + alpha ||w||^2, so the lecture's (1/2)||y - Xw||^2 + lam ||w||^2 is
Ridge(alpha=2 lam).
"""

import numpy as np
import pytest
from scipy.optimize import minimize, minimize_scalar
from sklearn.linear_model import Lasso, Ridge

from mathutils import lasso, lasso_alpha_max, soft_threshold
from mathutils.coordinate import (
    axis_slice,
    coordinate_descent_lasso,
    lasso_objective,
    level_curve,
    minimiser,
    objective_grid,
    penalised_objective,
    ridge_closed_form,
    ridge_objective,
    sign_patterns,
)
from mathutils.cost import closed_form_flops, coordinate_descent_flops, cost_growth
from mathutils.data import synthetic_problem


def _problem(seed, n=30, p=3, corr=0.6):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(n, 1))
    X = corr * z + rng.normal(size=(n, p)) + 2.0
    y = X @ rng.normal(size=p) + 0.3 * rng.normal(size=n) - 1.0
    return X, y


def _sk_lasso(X, y, alpha):
    return Lasso(alpha=alpha, tol=1e-14, max_iter=1_000_000).fit(X, y)


def _lam_max(X, y):
    """The lecture's smallest all-zero lambda: max |Xc^T yc| (= n * scikit-learn's)."""
    return len(y) * lasso_alpha_max(X, y)


# ---------------------------------------------------------------- coordinate descent
@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("frac", [0.05, 0.3, 0.7])
def test_cd_final_iterate_matches_sklearn_and_mathutils(seed, frac):
    X, y = _problem(seed, p=2 + seed % 4)
    lam = frac * _lam_max(X, y)
    tr = coordinate_descent_lasso(X, y, lam, tol=1e-14, max_sweeps=100_000)
    assert tr.converged and tr.lam == lam
    n = len(y)
    # scikit-learn's tolerance is on its dual gap, in (1/2n) units: 1e-7 on w is far above it
    np.testing.assert_allclose(tr.final, _sk_lasso(X, y, lam / n).coef_, atol=1e-7)
    exact = lasso(X, y, lam / n).coef
    np.testing.assert_allclose(tr.final, exact, atol=1e-9)
    # exact zeros where the exact solution has zeros
    assert np.array_equal(tr.final == 0.0, exact == 0.0)
    np.testing.assert_allclose(tr.gram, ((X - X.mean(axis=0)) ** 2).sum(axis=0), rtol=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_each_move_is_a_soft_threshold_along_one_axis(seed):
    X, y = _problem(10 + seed, p=3)
    lam = 0.2 * _lam_max(X, y)
    tr = coordinate_descent_lasso(X, y, lam, w0=[1.0, -2.0, 0.5], tol=1e-10)
    assert len(tr.iterates) == len(tr.axes) + 1 == 3 * tr.sweeps + 1
    np.testing.assert_array_equal(tr.axes, np.tile([0, 1, 2], tr.sweeps))
    vals = lasso_objective(X, y, tr.iterates, lam, convention="lecture")
    assert np.all(np.diff(vals) <= 1e-12 * vals[0])  # never goes up
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    for k, j in enumerate(tr.axes):
        before, after = tr.iterates[k], tr.iterates[k + 1]
        others = np.arange(3) != j
        np.testing.assert_array_equal(before[others], after[others])
        # the screen's formula, bitwise: w_j <- S(z_j, lam) / G_jj
        assert after[j] == soft_threshold(tr.z[k], lam) / tr.gram[j]
        # z_j is the correlation of x_j with the residual that leaves j out (direct)
        direct = Xc[:, j] @ (yc - Xc[:, others] @ before[others])
        assert tr.z[k] == pytest.approx(direct, rel=1e-10, abs=1e-10)

        # oracle: the move minimises the objective along that axis (scipy, 1-D)
        def along(u, before=before, j=j):
            w = before.copy()
            w[j] = u
            return float(lasso_objective(X, y, w, lam, convention="lecture"))
        res = minimize_scalar(along, bracket=(-5, 5), tol=1e-12)
        # Brent assumes smoothness and can stop short of the kink at 0 (seen: 3.7e-5 away,
        # at a higher value than ours). So: ours is at least as low, and as close as the
        # oracle's own gap allows, since along is G_jj-strongly convex:
        # (G_jj / 2) |u - u*|^2 <= along(u) - along(u*).
        gap = res.fun - along(after[j])
        slack = 1e-12 * (1 + abs(res.fun))  # rounding in the two objective values
        assert gap >= -slack
        assert abs(after[j] - res.x) <= np.sqrt(2 * (gap + slack) / tr.gram[j])
        # the target is the move without the penalty
        def smooth(u, before=before, j=j):
            w = before.copy()
            w[j] = u
            return float(lasso_objective(X, y, w, 0.0, convention="lecture"))
        assert tr.targets[k] == pytest.approx(minimize_scalar(smooth).x, abs=1e-6)
        assert tr.thresholds[k] == pytest.approx(lam / tr.gram[j])


def test_cd_records_moves_that_change_nothing_and_matches_lasso_sweeps():
    # the recorded loop is mathutils.lasso's loop: on a problem lasso solves without a
    # polish shortcut in the first sweep, its sweep count is at most plain descent's
    X, y = _problem(5, p=4)
    lam = 0.3 * _lam_max(X, y)
    tr = coordinate_descent_lasso(X, y, lam, tol=1e-10)
    fit = lasso(X, y, lam / len(y), tol=1e-10)
    assert 1 <= fit.n_iter <= tr.sweeps
    assert len(tr.axes) == 4 * tr.sweeps  # every move recorded, also those that stay put
    still = np.all(np.diff(tr.iterates, axis=0) == 0, axis=1)
    assert still[-4:].sum() >= 1


def test_cd_zero_start_above_lam_max_stays_zero():
    X, y = _problem(3)
    tr = coordinate_descent_lasso(X, y, 1.01 * _lam_max(X, y))
    assert tr.converged and tr.sweeps == 1 and np.all(tr.final == 0.0)
    assert np.all(np.abs(tr.z) <= tr.lam)  # every move sat in the dead zone


def test_cd_bad_input():
    X, y = _problem(0)
    with pytest.raises(ValueError, match="lam"):
        coordinate_descent_lasso(X, y, -1.0)
    with pytest.raises(ValueError, match="w0"):
        coordinate_descent_lasso(X, y, 0.1, w0=[1.0, 2.0])
    with pytest.raises(ValueError, match="constant"):
        coordinate_descent_lasso(np.ones((5, 2)), np.arange(5.0), 0.1)
    with pytest.raises(ValueError, match="max_sweeps"):
        coordinate_descent_lasso(X, y, 0.1, max_sweeps=0)


# ---------------------------------------------------------------- one move's slice
@pytest.mark.parametrize("seed", range(5))
def test_axis_slice_is_a_parabola_plus_a_kink_minimised_by_the_soft_threshold(seed):
    X, y = _problem(30 + seed, p=3)
    rng = np.random.default_rng(seed)
    lam = rng.uniform(0.05, 1.2) * _lam_max(X, y)
    w = rng.normal(size=3)
    j = seed % 3
    u = np.linspace(-4, 4, 801)
    sl = axis_slice(X, y, lam, w, j, u)
    # value: the objective itself, point by point (a direct formula, no mathutils)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    pts = np.repeat(w[None], len(u), axis=0)
    pts[:, j] = u
    direct = 0.5 * ((yc - pts @ Xc.T) ** 2).sum(axis=1) + lam * np.abs(pts).sum(axis=1)
    np.testing.assert_allclose(sl.value, direct, rtol=1e-12)
    # smooth: an exact parabola with curvature G_jj = x_j^T x_j, lowest at z_j / G_jj
    a2, a1, _ = np.polyfit(u, sl.smooth, 2)
    assert 2 * a2 == pytest.approx(Xc[:, j] @ Xc[:, j], rel=1e-9)
    assert -a1 / (2 * a2) == pytest.approx(sl.centre, rel=1e-8, abs=1e-10)
    assert sl.half_width == pytest.approx(lam / sl.gram)
    # the minimiser: scipy on the objective, and the dead zone
    res = minimize_scalar(lambda v: float(axis_slice(X, y, lam, w, j, [v]).value[0]),
                          bounds=(-4, 4), method="bounded", options={"xatol": 1e-10})
    assert sl.minimiser == pytest.approx(res.x, abs=1e-5)
    assert (sl.minimiser == 0.0) == (abs(sl.z) <= lam)
    assert sl.minimiser == soft_threshold(sl.z, lam) / sl.gram


def test_axis_slice_bad_input():
    X, y = _problem(0)
    with pytest.raises(ValueError, match="axis"):
        axis_slice(X, y, 1.0, np.zeros(3), 3, [0.0])
    with pytest.raises(ValueError, match="w"):
        axis_slice(X, y, 1.0, np.zeros(2), 0, [0.0])
    with pytest.raises(ValueError, match="lam"):
        axis_slice(X, y, -1.0, np.zeros(3), 0, [0.0])


# ---------------------------------------------------------------- the patterns' solves
@pytest.mark.parametrize("seed", range(8))
def test_sign_patterns_one_passes_and_it_is_the_lasso(seed):
    X, y = _problem(40 + seed, p=2 + seed % 3)
    lam = np.random.default_rng(seed).uniform(0.05, 0.9) * _lam_max(X, y)
    sp = sign_patterns(X, y, lam)
    p = X.shape[1]
    assert sp.patterns.shape == (3**p, p) and len(np.unique(sp.patterns, axis=0)) == 3**p
    assert sp.valid.sum() == 1
    sk = _sk_lasso(X, y, lam / len(y)).coef_
    k = int(np.flatnonzero(sp.valid)[0])
    np.testing.assert_array_equal(sp.patterns[k], np.sign(sk))
    np.testing.assert_allclose(sp.coef[k], sk, atol=1e-7)
    # the valid solve satisfies the pattern's own equations; the others fail their checks
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    corr = Xc.T @ (yc - Xc @ sp.coef[k])
    on = sp.patterns[k] != 0
    np.testing.assert_allclose(corr[on], lam * sp.patterns[k][on], rtol=1e-9, atol=1e-9)
    assert np.all(np.abs(corr[~on]) <= lam * (1 + 1e-9))


def test_sign_patterns_bad_input():
    X, y = _problem(0, p=9)
    with pytest.raises(ValueError, match="at most 8"):
        sign_patterns(X, y, 1.0)
    with pytest.raises(ValueError, match="lam"):
        sign_patterns(X[:, :2], y, -1.0)


# ---------------------------------------------------------------- ridge and the objectives
@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("lam", [0.05, 1.5, 25.0])
def test_ridge_closed_form_matches_sklearn(seed, lam):
    X, y = _problem(seed, p=1 + seed)
    sol = ridge_closed_form(X, y, lam)
    sk = Ridge(alpha=2 * lam, solver="cholesky").fit(X, y)
    np.testing.assert_allclose(sol.coef, sk.coef_, rtol=1e-10, atol=1e-12)
    assert sol.intercept == pytest.approx(sk.intercept_, abs=1e-10)
    np.testing.assert_allclose(sol.matrix @ sol.coef, sol.rhs, rtol=1e-10, atol=1e-10)
    Xc = X - X.mean(axis=0)
    np.testing.assert_allclose(sol.matrix, Xc.T @ Xc + 2 * lam * np.eye(X.shape[1]))
    # the lecture's ridge objective is smallest there (scipy)
    res = minimize(lambda w: float(ridge_objective(X, y, w, lam, convention="lecture")),
                   np.zeros(X.shape[1]), method="BFGS", options={"gtol": 1e-10})
    np.testing.assert_allclose(sol.coef, res.x, atol=1e-5)


def test_ridge_closed_form_needs_positive_lam():
    X, y = _problem(0)
    with pytest.raises(ValueError, match="lam"):
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
    assert np.all(penalised_objective(X, y, rk.coef_ + w, alpha, "ridge")
                  >= ridge_objective(X, y, rk.coef_, alpha) - 1e-9)


def test_lecture_convention_is_half_the_squared_error():
    X, y = _problem(6)
    w = np.array([0.3, -1.2, 0.8])
    lam = 2.5
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    half = 0.5 * ((yc - Xc @ w) ** 2).sum()
    assert lasso_objective(X, y, w, lam, convention="lecture") == pytest.approx(
        half + lam * np.abs(w).sum(), rel=1e-12)
    assert ridge_objective(X, y, w, lam, convention="lecture") == pytest.approx(
        half + lam * (w**2).sum(), rel=1e-12)
    # minimisers in the lecture's convention are scikit-learn's with the converted penalty
    n = len(y)
    np.testing.assert_allclose(minimiser(X, y, lam, "lasso", convention="lecture"),
                               _sk_lasso(X, y, lam / n).coef_, atol=1e-7)
    np.testing.assert_allclose(minimiser(X, y, lam, "ridge", convention="lecture"),
                               Ridge(alpha=2 * lam).fit(X, y).coef_, rtol=1e-8)
    with pytest.raises(ValueError, match="convention"):
        lasso_objective(X, y, w, lam, convention="glmnet")


def test_objective_grid_is_pointwise():
    X, y = _problem(1, p=2)
    w1, w2 = np.linspace(-1, 2, 7), np.linspace(-3, 1, 5)
    for kind in ("lasso", "ridge"):
        for conv in ("sklearn", "lecture"):
            Z = objective_grid(X, y, 0.3, kind, w1, w2, convention=conv)
            assert Z.shape == (5, 7)
            assert Z[3, 2] == pytest.approx(
                float(penalised_objective(X, y, [w1[2], w2[3]], 0.3, kind, convention=conv)))
    with pytest.raises(ValueError, match="kind"):
        objective_grid(X, y, 0.3, "elastic", w1, w2)


def _strictly_counter_clockwise(pts, centre):
    ang = np.unwrap(np.arctan2(*(pts - centre).T[::-1]))
    return bool(np.all(np.diff(ang) > 0) and ang[-1] - ang[0] < 2 * np.pi)


@pytest.mark.parametrize("kind", ["lasso", "ridge"])
@pytest.mark.parametrize("seed", range(3))
def test_level_curve_lies_on_the_level(kind, seed):
    X, y = _problem(20 + seed, p=2)
    alpha = 0.3 * lasso_alpha_max(X, y) if kind == "lasso" else 5.0
    sk = _sk_lasso(X, y, alpha).coef_ if kind == "lasso" else Ridge(alpha=alpha).fit(X, y).coef_
    low = float(penalised_objective(X, y, sk, alpha, kind))
    for extra in (0.05, 0.5, 2.0):
        level = low + extra * max(1.0, abs(low))
        pts = level_curve(X, y, alpha, kind, level, num=120)
        assert len(pts) >= 120 - 4
        np.testing.assert_allclose(penalised_objective(X, y, pts, alpha, kind), level, rtol=1e-9)
        assert _strictly_counter_clockwise(pts, sk)  # each ray once
        if kind == "lasso":  # the kinks on the axes are exact points of the curve
            for axis in (0, 1):
                other = pts[:, 1 - axis]
                crosses = np.any(other > 0) and np.any(other < 0)
                if crosses:
                    assert np.any(pts[:, axis] == 0.0) or np.any(pts[:, 1 - axis] == 0.0)


def test_level_curve_is_strictly_counter_clockwise_on_random_lasso_problems():
    # Regression: an axis crossing's ray 1e-16 away from a regular ray gave two points at
    # (nearly) one angle, out of order after the crossing was snapped onto the axis (about
    # 5 % of random lasso problems, most often when the minimiser sits on an axis).
    bad = []
    for seed in range(150):
        rng = np.random.default_rng(seed)
        n = 20
        X = rng.normal(size=(n, 2)) + 0.5 * rng.normal(size=(n, 1))
        y = X @ rng.normal(size=2) + 0.5 * rng.normal(size=n)
        alpha = rng.uniform(0.1, 0.9) * lasso_alpha_max(X, y)
        centre = lasso(X, y, alpha).coef
        low = float(lasso_objective(X, y, centre, alpha))
        level = low + rng.uniform(0.05, 1.0) * max(1.0, abs(low))
        pts = level_curve(X, y, alpha, "lasso", level, num=120)
        if not _strictly_counter_clockwise(pts, centre):
            bad.append(seed)
        elif np.min(np.hypot(*np.diff(np.vstack([pts, pts[:1]]), axis=0).T)) < 1e-9:
            bad.append(seed)  # two points at one place
    assert bad == []


def test_level_curve_lecture_convention_is_the_same_set_scaled():
    X, y = _problem(21, p=2)
    n = len(y)
    lam = 0.3 * _lam_max(X, y)
    centre = minimiser(X, y, lam, "lasso", convention="lecture")
    low = float(lasso_objective(X, y, centre, lam, convention="lecture"))
    pts = level_curve(X, y, lam, "lasso", low + 5.0, num=90, convention="lecture")
    np.testing.assert_allclose(lasso_objective(X, y, pts, lam, convention="lecture"), low + 5.0,
                               rtol=1e-9)
    # the same points lie on scikit-learn's level (low + 5) / n at alpha = lam / n
    np.testing.assert_allclose(lasso_objective(X, y, pts, lam / n), (low + 5.0) / n, rtol=1e-9)
    assert _strictly_counter_clockwise(pts, centre)


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
