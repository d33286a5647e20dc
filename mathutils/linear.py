"""Ridge and lasso regression with scikit-learn's objectives, written from scratch.

Both fit an unpenalised intercept by centring ``X`` and ``y`` first.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import count, finite_array, nonnegative, positive, same_length


@dataclass(frozen=True)
class LinearFit:
    """A fitted linear model ``y ~ X @ coef + intercept``.

    Attributes
    ----------
    coef : ndarray of shape (n_features,)
    intercept : float
    n_iter : int or None
        Coordinate-descent sweeps used (lasso); ``None`` for a closed form (ridge).
    """

    coef: np.ndarray
    intercept: float
    n_iter: int | None = None


@dataclass(frozen=True)
class _Centred:
    x_mean: np.ndarray
    y_mean: float
    gram: np.ndarray  # Xc.T @ Xc
    xty: np.ndarray  # Xc.T @ yc
    n: int


def _centre(X, y) -> _Centred:
    X = finite_array("X", X, ndim=2)
    y = finite_array("y", y, ndim=1)
    same_length(X, y, "X", "y")
    if len(y) < 1:
        raise ValueError("X and y must have at least one row")
    xm, ym = X.mean(axis=0), float(y.mean())
    Xc = X - xm
    return _Centred(xm, ym, Xc.T @ Xc, Xc.T @ (y - ym), len(y))


def _alphas(alphas) -> np.ndarray:
    a = finite_array("alphas", alphas, ndim=1)
    if np.any(a < 0):
        raise ValueError("alphas must all be >= 0")
    return a


def ridge(X, y, alpha: float) -> LinearFit:
    """Ridge regression: minimise ``||y - X w - b||^2 + alpha ||w||^2`` (scikit-learn's Ridge).

    Closed form on centred data: ``w = (Xc^T Xc + alpha I)^{-1} Xc^T yc``, ``b = ybar - xbar w``.
    No coefficient is ever exactly zero unless ``Xc^T yc`` makes it so: ridge shrinks, it
    does not select.
    """
    alpha = nonnegative("alpha", alpha)
    c = _centre(X, y)
    coef = _ridge_coef(c, alpha)
    return LinearFit(coef, float(c.y_mean - c.x_mean @ coef))


def _ridge_coef(c: _Centred, alpha: float) -> np.ndarray:
    a = c.gram + alpha * np.eye(len(c.gram))
    return np.linalg.lstsq(a, c.xty, rcond=None)[0] if alpha == 0 else np.linalg.solve(a, c.xty)


def ridge_path(X, y, alphas) -> np.ndarray:
    """Ridge coefficients for each alpha: an array of shape (len(alphas), n_features)."""
    alphas = _alphas(alphas)
    c = _centre(X, y)
    return np.array([_ridge_coef(c, float(a)) for a in alphas]).reshape(len(alphas), -1)


def _lasso_cd(
    gram: np.ndarray, xty: np.ndarray, n: int, alpha: float, w: np.ndarray, tol: float,
    max_iter: int,
) -> tuple[np.ndarray, int]:
    """Coordinate descent on ``(1/2n)||yc - Xc w||^2 + alpha ||w||_1`` from ``w``.

    Covariance form: each coordinate update is a soft threshold of
    ``rho_j = (xty_j - (G w)_j + G_jj w_j)``, so zeros are exact. Sweeps run over the
    active set until it settles, then one full sweep checks whether the set changed
    (the usual active-set strategy). Stops when the largest coefficient change in a full
    sweep is below ``tol`` times the largest coefficient (scikit-learn's first criterion).
    """
    p = len(xty)
    thr = alpha * n
    diag = np.diag(gram).tolist()
    G = gram.tolist()
    b = xty.tolist()
    wl = w.tolist()
    gw = (gram @ w).tolist()  # running G @ w
    sweeps = 0
    full = True
    active = list(range(p))
    while sweeps < max_iter:
        sweeps += 1
        idx = range(p) if full else active
        max_dw = 0.0
        max_w = 0.0
        for j in idx:
            gjj = diag[j]
            if gjj == 0.0:
                continue
            wj = wl[j]
            rho = b[j] - gw[j] + gjj * wj
            if rho > thr:
                new = (rho - thr) / gjj
            elif rho < -thr:
                new = (rho + thr) / gjj
            else:
                new = 0.0
            d = new - wj
            if d != 0.0:
                wl[j] = new
                row = G[j]
                for k in range(p):
                    gw[k] += row[k] * d
                ad = abs(d)
                if ad > max_dw:
                    max_dw = ad
            an = abs(new)
            if an > max_w:
                max_w = an
        converged = max_dw <= tol * max_w or max_w == 0.0
        if full:
            if converged:
                break
            active = [j for j in range(p) if wl[j] != 0.0]
            full = False
        elif converged:
            full = True  # confirm with one sweep over every coordinate
    return np.array(wl), sweeps


def lasso(X, y, alpha: float, tol: float = 1e-10, max_iter: int = 100_000) -> LinearFit:
    """Lasso: minimise ``(1/2n)||y - X w - b||^2 + alpha ||w||_1`` (scikit-learn's Lasso).

    Solved by cyclic coordinate descent; each update is a soft threshold, so the
    coefficients that the penalty removes are exactly 0.0.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    alpha : float
        Penalty strength, >= 0.
    tol : float
        Relative change in a full sweep below which iteration stops.
    max_iter : int
        Largest number of sweeps.

    Returns
    -------
    LinearFit
        With ``n_iter`` the number of sweeps.
    """
    alpha = nonnegative("alpha", alpha)
    tol = positive("tol", tol)
    max_iter = count("max_iter", max_iter, minimum=1)
    c = _centre(X, y)
    coef, it = _lasso_cd(c.gram, c.xty, c.n, alpha, np.zeros(len(c.xty)), tol, max_iter)
    return LinearFit(coef, float(c.y_mean - c.x_mean @ coef), it)


def lasso_alpha_max(X, y) -> float:
    """The smallest alpha at which every lasso coefficient is 0: ``max |Xc^T yc| / n``."""
    c = _centre(X, y)
    return float(np.max(np.abs(c.xty)) / c.n)


def lasso_path(X, y, alphas, tol: float = 1e-10, max_iter: int = 100_000) -> np.ndarray:
    """Lasso coefficients for each alpha: an array of shape (len(alphas), n_features).

    Solved from the largest alpha down, each solve warm-started from the previous one;
    rows are returned in the order of ``alphas``.
    """
    alphas = _alphas(alphas)
    c = _centre(X, y)
    out = np.zeros((len(alphas), len(c.xty)))
    w = np.zeros(len(c.xty))
    for i in np.argsort(-alphas, kind="stable"):
        w, _ = _lasso_cd(c.gram, c.xty, c.n, float(alphas[i]), w, tol, max_iter)
        out[i] = w
    return out
