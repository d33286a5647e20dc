"""Feature selection: which features the lasso keeps along its path (the diabetes data), and
which copy it keeps when one feature appears twice."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import count, finite_array, finite_result, nonnegative, same_length
from .data import DIABETES_FEATURES, diabetes
from .linear import lasso_alpha_max, lasso_path, ridge_path


def features_kept(coefs) -> np.ndarray:
    """Number of coefficients that are not exactly 0, per row of a path (shape (k, p))."""
    coefs = finite_array("coefs", coefs, ndim=2)
    return np.count_nonzero(coefs, axis=1)


def zero_indices(alphas, coefs) -> np.ndarray:
    """Per feature, the first grid index from which its coefficient stays exactly 0.

    Parameters
    ----------
    alphas : array_like of shape (k,)
        Strictly increasing penalty strengths.
    coefs : array_like of shape (k, p)
        The path, row ``i`` at ``alphas[i]``.

    Returns
    -------
    ndarray of int, shape (p,)
        ``i`` such that ``coefs[i:, j]`` are all exactly 0 and ``coefs[i - 1, j]`` is not;
        ``-1`` when the coefficient is not 0 at the largest alpha (it never drops out).
    """
    alphas = finite_array("alphas", alphas, ndim=1)
    coefs = finite_array("coefs", coefs, ndim=2)
    if len(alphas) != len(coefs):
        raise ValueError(f"alphas and coefs must have the same length, got {len(alphas)} and "
                         f"{len(coefs)}")
    if len(alphas) == 0 or np.any(np.diff(alphas) <= 0):
        raise ValueError("alphas must be non-empty and strictly increasing")
    out = np.full(coefs.shape[1], -1)
    for j in range(coefs.shape[1]):
        nonzero = np.flatnonzero(coefs[:, j] != 0.0)
        if len(nonzero) == 0:
            out[j] = 0
        elif nonzero[-1] < len(alphas) - 1:
            out[j] = nonzero[-1] + 1
    return out


@dataclass(frozen=True)
class DiabetesPaths:
    """Lasso and ridge coefficient paths on the diabetes data, each on its own alpha grid.

    The two grids differ because scikit-learn's objectives scale the penalties differently:
    lasso ``(1/2n)||y - Xw||^2 + alpha ||w||_1``, ridge ``||y - Xw||^2 + alpha ||w||^2``.

    Attributes
    ----------
    features : tuple of str
        Feature names, the columns of the coefficient arrays.
    lasso_alphas, ridge_alphas : ndarray of shape (k,)
        Increasing, log-spaced.
    lasso_coefs, ridge_coefs : ndarray of shape (k, 10)
    alpha_max : float
        The smallest lasso alpha at which every coefficient is 0.
    lasso_zero_index : ndarray of int, shape (10,)
        :func:`zero_indices` of the lasso path (``-1``: never 0 on the grid).
    lasso_kept, ridge_kept : ndarray of int, shape (k,)
        :func:`features_kept` of each path.
    """

    features: tuple[str, ...]
    lasso_alphas: np.ndarray
    lasso_coefs: np.ndarray
    ridge_alphas: np.ndarray
    ridge_coefs: np.ndarray
    alpha_max: float
    lasso_zero_index: np.ndarray
    lasso_kept: np.ndarray
    ridge_kept: np.ndarray


def diabetes_paths(
    lasso_decades: tuple[float, float] = (-2.5, 0.2),
    ridge_log10: tuple[float, float] = (-2.0, 4.0),
    n: int = 200,
) -> DiabetesPaths:
    """Lasso and ridge paths of the diabetes data over log-spaced alpha grids.

    Parameters
    ----------
    lasso_decades : (float, float)
        The lasso grid runs from ``alpha_max * 10**lo`` to ``alpha_max * 10**hi``, i.e. it is
        given relative to the alpha where the lasso path ends (every coefficient 0).
    ridge_log10 : (float, float)
        The ridge grid runs from ``10**lo`` to ``10**hi`` (ridge never ends: no alpha makes a
        coefficient exactly 0).
    n : int
        Grid points per path, at least 2 and at most ``MAX_PATH_POINTS`` (10 000).

    Returns
    -------
    DiabetesPaths
    """
    n = count("n", n, minimum=2, maximum=MAX_PATH_POINTS)
    for name, rng in (("lasso_decades", lasso_decades), ("ridge_log10", ridge_log10)):
        pair = finite_array(name, rng)
        if pair.shape != (2,) or not pair[0] < pair[1]:
            raise ValueError(f"{name} must be two finite numbers (lo, hi) with lo < hi")
        if np.max(np.abs(pair)) > 300:
            raise ValueError(f"{name} must lie within [-300, 300] (10**300 is near the float "
                             f"limit), got {tuple(pair)}")
    X, y = diabetes()
    amax = lasso_alpha_max(X, y)
    la = amax * np.logspace(lasso_decades[0], lasso_decades[1], n)
    ra = np.logspace(ridge_log10[0], ridge_log10[1], n)
    lc = lasso_path(X, y, la)
    rc = ridge_path(X, y, ra)
    return DiabetesPaths(
        features=DIABETES_FEATURES,
        lasso_alphas=la,
        lasso_coefs=lc,
        ridge_alphas=ra,
        ridge_coefs=rc,
        alpha_max=amax,
        lasso_zero_index=zero_indices(la, lc),
        lasso_kept=features_kept(lc),
        ridge_kept=features_kept(rc),
    )


@dataclass(frozen=True)
class TwinFeatures:
    """Lasso, ridge and plain least squares when one feature appears twice, ``X = [x, x]``.

    The lecture's scaling: ``1/2 ||yc - w1 xc - w2 xc||^2 + lam R(w)`` with
    ``R(w) = |w1| + |w2|`` (lasso) or ``w1^2 + w2^2`` (ridge); the intercept is not penalised
    (``xc``, ``yc`` are the centred data). The data loss only sees ``s = w1 + w2``:
    ``1/2 Sxx (s - s_ls)^2 + const``, so its contours are the straight lines
    ``w1 + w2 = c``.

    Attributes
    ----------
    x, y : ndarray of shape (n,)
    lam : float
        The lasso strength.
    s_ls : float
        ``Sxy / Sxx``: least squares alone is minimised by every ``w1 + w2 = s_ls`` (a line).
    s : float
        The lasso's sum: every optimal split has ``w1 + w2 = s`` with no opposite signs.
    segment : ndarray of shape (2, 2)
        The ends ``(s, 0)`` and ``(0, s)`` of the lasso's optimal set.
    ridge_lam : float
        The ridge strength whose one answer has the same sum ``s`` (0 if ``s == s_ls``).
    ridge_coef : ndarray of shape (2,)
        That ridge answer, ``(s / 2, s / 2)``.
    sxx : float
        ``sum xc^2``, the curvature of the data loss across its straight contours.
    """

    x: np.ndarray
    y: np.ndarray
    lam: float
    s_ls: float
    s: float
    segment: np.ndarray
    ridge_lam: float
    ridge_coef: np.ndarray
    sxx: float
    _floor: float

    def data_loss(self, total) -> np.ndarray:
        """``1/2 ||yc - total * xc||^2`` for sums ``total = w1 + w2`` (array_like)."""
        c = finite_array("total", total)
        with np.errstate(over="ignore", invalid="ignore"):
            out = 0.5 * self.sxx * (c - self.s_ls) ** 2 + self._floor
        return finite_result("the data loss (total is too large)", out)

    def split(self, t) -> np.ndarray:
        """Points ``(1 - t) (s, 0) + t (0, s)`` of the lasso's optimal segment, shape (..., 2)."""
        t = finite_array("t", t)
        if np.any((t < 0) | (t > 1)):
            raise ValueError("t must lie in [0, 1]")
        return (1 - t)[..., None] * self.segment[0] + t[..., None] * self.segment[1]

    def _weights(self, w) -> np.ndarray:
        w = finite_array("w", w)
        if w.ndim < 1 or w.shape[-1] != 2:
            raise ValueError(f"w must have shape (..., 2), got {w.shape}")
        return w

    def lasso_value(self, w) -> np.ndarray:
        """``1/2 ||yc - (w1 + w2) xc||^2 + lam (|w1| + |w2|)`` for ``w`` of shape (..., 2)."""
        w = self._weights(w)
        with np.errstate(over="ignore", invalid="ignore"):
            out = self.data_loss(w.sum(axis=-1)) + self.lam * np.abs(w).sum(axis=-1)
        return finite_result("the lasso objective (w is too large)", out)

    def ridge_value(self, w) -> np.ndarray:
        """``1/2 ||yc - (w1 + w2) xc||^2 + ridge_lam (w1^2 + w2^2)`` for ``w`` of shape (..., 2)."""
        w = self._weights(w)
        with np.errstate(over="ignore", invalid="ignore"):
            out = self.data_loss(w.sum(axis=-1)) + self.ridge_lam * (w ** 2).sum(axis=-1)
        return finite_result("the ridge objective (w is too large)", out)


def twin_features(x, y, lam: float) -> TwinFeatures:
    """The optimal sets when the feature ``x`` is copied, in the lecture's scaling.

    Parameters
    ----------
    x, y : array_like of shape (n,)
        One feature (not constant) and the response.
    lam : float
        The lasso strength in ``1/2 ||y - Xw||^2 + lam (|w1| + |w2|)``, >= 0 and below
        ``|Sxy|`` (at or above it the lasso's answer is the single point 0: no tie).

    Returns
    -------
    TwinFeatures
    """
    x = finite_array("x", x, ndim=1)
    y = finite_array("y", y, ndim=1)
    same_length(x, y)
    if len(x) < 2 or np.ptp(x) == 0:
        raise ValueError("x is constant; its coefficient is not determined")
    lam = nonnegative("lam", lam)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        xc, yc = x - x.mean(), y - y.mean()
        sxx, sxy = float(xc @ xc), float(xc @ yc)
        s_ls = sxy / sxx
        # 1/2 Sxx (s - s_ls)^2 + lam |s| (the penalty equals lam |s| on same-sign splits,
        # and is larger otherwise): a soft threshold of s_ls at lam / Sxx.
        s = float(np.sign(s_ls) * max(abs(s_ls) - lam / sxx, 0.0))
        floor = float(0.5 * ((yc - s_ls * xc) ** 2).sum())
        # Ridge at w1 = w2 = s/2: 1/2 Sxx (s - s_ls)^2 + lam2 s^2 / 2, minimised at
        # s = Sxy / (Sxx + lam2): lam2 = Sxy / s - Sxx reaches the lasso's sum.
    finite_result("the twin-feature values (x or y are too large; rescale them)",
                  [sxx, s_ls, s, floor])
    if s == 0.0:
        raise ValueError(f"lam={lam!r} is at least |Sxy| = {abs(sxy):.3g}: the lasso's answer "
                         "is the single point 0, with no tie to show")
    with np.errstate(over="ignore", invalid="ignore"):
        ridge_lam = float(sxy / s - sxx)
    finite_result("the ridge strength (x or y are too large; rescale them)", ridge_lam)
    ridge_lam = max(ridge_lam, 0.0)  # rounding when lam == 0
    segment = np.array([[s, 0.0], [0.0, s]])
    return TwinFeatures(x, y, lam, float(s_ls), s, segment, ridge_lam,
                        np.array([s / 2, s / 2]), sxx, floor)


#: Largest grid of :func:`diabetes_paths` (one lasso and one ridge solve per point; the
#: lecture uses 200).
MAX_PATH_POINTS = 10_000
