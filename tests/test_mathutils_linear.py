"""mathutils.linear against scikit-learn (a test-only oracle) and the lasso's KKT conditions."""

import warnings

import numpy as np
import pytest
from sklearn.linear_model import Lasso, LinearRegression, Ridge
from sklearn.linear_model import lasso_path as sk_lasso_path

from mathutils import (
    LinearFit,
    diabetes,
    lasso,
    lasso_alpha_max,
    lasso_path,
    ridge,
    ridge_path,
)

TIGHT = {"tol": 1e-12, "max_iter": 1_000_000}


def _synthetic(seed, n=40, p=6, corr=0.0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) + corr * rng.normal(size=(n, 1))
    X += rng.uniform(-3, 3, size=p)  # uncentred columns: the intercept matters
    w = np.zeros(p)
    w[: p // 2] = rng.normal(0, 3, p // 2)
    y = X @ w + 4.0 + rng.normal(0, 1, n)
    return X, y


def _sk_lasso(X, y, alpha):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Lasso(alpha=alpha, **TIGHT).fit(X, y)


def _kkt_violation(X, y, coef, intercept, alpha):
    """Largest breach of the lasso optimality conditions (an oracle sharing no code)."""
    n = len(y)
    r = y - X @ coef - intercept
    c = X.T @ r / n
    on = coef != 0
    return max(
        abs(float(r.mean())),  # intercept optimal
        float(np.max(np.abs(c[on] - alpha * np.sign(coef[on])), initial=0.0)),
        float(np.max(np.abs(c[~on]) - alpha, initial=0.0)),
    )


def _assert_same_zeros(X, y, alphas, ours, ref, tie=1e-9):
    """Row by row, ours is exactly 0.0 where the oracle is, except at a tie.

    At the optimum w_j = 0 iff |x_j . r| / n <= alpha. Where that holds with equality (at
    alpha_max itself, for one) the oracle's rounding decides: scikit-learn leaves ~1e-16
    there (17 of 400 random problems). Only such ties (to `tie`, relative) are excused.
    """
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    for a, row, ref_row in zip(alphas, ours, ref, strict=True):
        at_tie = np.abs(np.abs(Xc.T @ (yc - Xc @ row)) / len(y) - a) <= tie * a
        differ = (row == 0.0) != (ref_row == 0.0)
        assert not np.any(differ & ~at_tie), (a, row, ref_row)


# ---------------------------------------------------------------- ridge
@pytest.mark.parametrize("alpha", [1e-3, 0.1, 1.0, 10.0, 1e3])
@pytest.mark.parametrize("seed", [0, 1])
def test_ridge_matches_sklearn(alpha, seed):
    X, y = _synthetic(seed, corr=2.0)
    fit = ridge(X, y, alpha)
    sk = Ridge(alpha=alpha, solver="cholesky").fit(X, y)
    np.testing.assert_allclose(fit.coef, sk.coef_, rtol=1e-9, atol=1e-10)
    assert fit.intercept == pytest.approx(sk.intercept_, rel=1e-9, abs=1e-10)
    assert isinstance(fit, LinearFit) and fit.n_iter is None


def test_ridge_alpha_zero_is_least_squares():
    X, y = _synthetic(3)
    fit = ridge(X, y, 0.0)
    sk = LinearRegression().fit(X, y)
    np.testing.assert_allclose(fit.coef, sk.coef_, rtol=1e-9)
    assert fit.intercept == pytest.approx(sk.intercept_, rel=1e-9)


def test_ridge_path_matches_sklearn_on_diabetes_and_never_zeros():
    X, y = diabetes()
    alphas = np.array([0.01, 0.1, 1.0, 10.0, 100.0])
    path = ridge_path(X, y, alphas)
    assert path.shape == (5, 10)
    for a, row in zip(alphas, path, strict=True):
        np.testing.assert_allclose(row, Ridge(alpha=a).fit(X, y).coef_, rtol=1e-8, atol=1e-8)
    assert np.all(path != 0.0)  # ridge shrinks, it does not select
    # shrinkage: the coefficient vector's length falls as alpha grows
    assert np.all(np.diff(np.linalg.norm(path, axis=1)) < 0)


# ---------------------------------------------------------------- lasso
@pytest.mark.parametrize("frac", [0.9, 0.5, 0.2, 0.05, 0.01, 1e-3])
def test_lasso_matches_sklearn_on_diabetes_with_exact_zeros(frac):
    X, y = diabetes()
    alpha = frac * lasso_alpha_max(X, y)
    fit = lasso(X, y, alpha)
    sk = _sk_lasso(X, y, alpha)
    scale = np.max(np.abs(sk.coef_))
    np.testing.assert_allclose(fit.coef, sk.coef_, rtol=0, atol=1e-6 * scale)
    assert fit.intercept == pytest.approx(sk.intercept_, rel=1e-9)
    np.testing.assert_array_equal(fit.coef == 0.0, sk.coef_ == 0.0)  # same zeros, exactly 0.0
    assert _kkt_violation(X, y, fit.coef, fit.intercept, alpha) < 1e-9
    assert isinstance(fit.n_iter, int) and fit.n_iter >= 0


@pytest.mark.parametrize("seed", range(6))
def test_lasso_matches_sklearn_on_synthetic_data(seed):
    X, y = _synthetic(seed, n=30, p=8, corr=1.0 * seed)
    amax = lasso_alpha_max(X, y)
    for frac in (0.7, 0.3, 0.1, 0.01):
        alpha = frac * amax
        fit = lasso(X, y, alpha)
        sk = _sk_lasso(X, y, alpha)
        np.testing.assert_allclose(fit.coef, sk.coef_, rtol=0,
                                   atol=1e-6 * max(1.0, np.max(np.abs(sk.coef_))))
        assert fit.intercept == pytest.approx(sk.intercept_, rel=1e-6, abs=1e-6)
        np.testing.assert_array_equal(fit.coef == 0.0, sk.coef_ == 0.0)
        assert _kkt_violation(X, y, fit.coef, fit.intercept, alpha) < 1e-9


def test_lasso_with_more_features_than_samples_reaches_the_optimum():
    # The minimiser need not be unique here, so compare objective values, not coefficients.
    X, y = _synthetic(7, n=12, p=20, corr=0.5)
    n = len(y)
    for frac in (0.5, 0.1, 0.02):
        alpha = frac * lasso_alpha_max(X, y)
        fit = lasso(X, y, alpha)
        sk = _sk_lasso(X, y, alpha)

        def objective(w, b, a=alpha):
            return np.sum((y - X @ w - b) ** 2) / (2 * n) + a * np.sum(np.abs(w))

        assert objective(fit.coef, fit.intercept) <= objective(sk.coef_, sk.intercept_) + 1e-9
        assert np.count_nonzero(fit.coef) <= n  # at most n nonzero at a vertex solution


def test_lasso_alpha_zero_is_least_squares():
    X, y = diabetes()
    fit = lasso(X, y, 0.0)
    np.testing.assert_allclose(fit.coef, LinearRegression().fit(X, y).coef_, rtol=1e-7)


def test_lasso_alpha_max():
    for X, y in (diabetes(), _synthetic(2), _synthetic(4, corr=3.0)):
        amax = lasso_alpha_max(X, y)
        # oracle: the definition on centred data, written out here
        Xc, yc = X - X.mean(axis=0), y - y.mean()
        assert amax == pytest.approx(np.max(np.abs(Xc.T @ yc)) / len(y), rel=1e-12)
        at = lasso(X, y, amax)
        assert np.all(at.coef == 0.0)
        assert at.intercept == pytest.approx(y.mean())
        assert np.all(_sk_lasso(X, y, amax * (1 + 1e-9)).coef_ == 0.0)
        below = lasso(X, y, amax * (1 - 1e-3))
        assert np.count_nonzero(below.coef) == 1  # exactly one enters first
        assert np.count_nonzero(_sk_lasso(X, y, amax * (1 - 1e-3)).coef_) == 1


def test_lasso_path_matches_sklearn_lasso_path_on_diabetes():
    X, y = diabetes()
    amax = lasso_alpha_max(X, y)
    alphas = np.geomspace(amax, amax * 1e-3, 100)
    ours = lasso_path(X, y, alphas)
    assert ours.shape == (100, 10)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, sk, _ = sk_lasso_path(X - X.mean(axis=0), y - y.mean(), alphas=alphas, **TIGHT)
    sk = sk.T
    np.testing.assert_allclose(ours, sk, rtol=0, atol=1e-6 * np.max(np.abs(sk)))
    _assert_same_zeros(X, y, alphas, ours, sk)
    assert np.all(ours[0] == 0.0)  # alpha_max itself
    # the first nonzero entries: bmi, then s5 (the lecture's order of entry)
    entry = np.argmax(ours != 0.0, axis=0)
    assert list(np.argsort(entry, kind="stable")[:2]) == [2, 8]
    for a, row in zip(alphas[::9], ours[::9], strict=True):
        assert _kkt_violation(X, y, row, y.mean() - X.mean(axis=0) @ row, a) < 1e-9


@pytest.mark.parametrize("seed", range(4))
def test_lasso_path_matches_sklearn_on_synthetic_data(seed):
    X, y = _synthetic(seed, n=25, p=7, corr=2.0)
    amax = lasso_alpha_max(X, y)
    alphas = np.geomspace(amax, amax * 1e-3, 30)
    ours = lasso_path(X, y, alphas)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, sk, _ = sk_lasso_path(X - X.mean(axis=0), y - y.mean(), alphas=alphas, **TIGHT)
    np.testing.assert_allclose(ours, sk.T, rtol=0, atol=1e-6 * max(1.0, np.max(np.abs(sk))))
    _assert_same_zeros(X, y, alphas, ours, sk.T)
    assert np.all(ours[0] == 0.0)  # alpha_max itself, exactly


def test_lasso_path_rows_follow_the_given_alpha_order():
    X, y = _synthetic(5)
    amax = lasso_alpha_max(X, y)
    alphas = np.array([0.1, 2.0, 0.5, 0.01, 1.0]) * amax  # unsorted, one above alpha_max
    path = lasso_path(X, y, alphas)
    for a, row in zip(alphas, path, strict=True):
        sk = _sk_lasso(X, y, a)
        np.testing.assert_allclose(row, sk.coef_, rtol=0, atol=1e-6 * max(1, abs(sk.coef_).max()))
    assert np.all(path[1] == 0.0)


def test_exact_zeros_are_exact():
    X, y = diabetes()
    alpha = 0.1 * lasso_alpha_max(X, y)
    coef = lasso(X, y, alpha).coef
    zeros = coef[np.abs(coef) < 1e-6]
    assert zeros.size > 0
    assert np.all(zeros == 0.0)
    assert not np.any(np.signbit(zeros))  # +0.0


# ---------------------------------------------------------------- bad input
X_OK, Y_OK = _synthetic(0, n=10, p=3)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: ridge(X_OK, Y_OK, -1.0), "alpha"),
        (lambda: lasso(X_OK, Y_OK, -0.1), "alpha"),
        (lambda: lasso(X_OK, Y_OK, np.nan), "alpha"),
        (lambda: lasso(X_OK, Y_OK, None), "alpha"),
        (lambda: ridge(X_OK, Y_OK, "big"), "alpha"),
        (lambda: lasso(X_OK, Y_OK, 1.0, tol=0.0), "tol"),
        (lambda: lasso(X_OK, Y_OK, 1.0, max_iter=0), "max_iter"),
        (lambda: lasso_path(X_OK, Y_OK, [1.0], tol=-1.0), "tol"),
        (lambda: ridge_path(X_OK, Y_OK, [1.0, -1.0]), "alphas"),
        (lambda: lasso_path(X_OK, Y_OK, [1.0, -1.0]), "alphas"),
        (lambda: lasso_path(X_OK, Y_OK, [1.0, np.inf]), "alphas"),
        (lambda: lasso(X_OK[:-1], Y_OK, 1.0), "same length"),
        (lambda: ridge(X_OK, Y_OK[:-1], 1.0), "same length"),
        (lambda: lasso(X_OK[:, 0], Y_OK, 1.0), "X"),
        (lambda: ridge(np.where(X_OK > 0, np.nan, X_OK), Y_OK, 1.0), "X"),
        (lambda: lasso(X_OK, np.full_like(Y_OK, np.inf), 1.0), "y"),
        (lambda: lasso_alpha_max(X_OK, Y_OK[:3]), "same length"),
    ],
)
def test_bad_input_raises_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()
