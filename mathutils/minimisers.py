"""One answer or many: the optimal sets of L1 problems, and the two distances on a grid.

The numeracy chapter's math:

* :func:`grid_distances` -- the Euclidean (L2) and taxicab (L1) lengths across a city grid,
  and how many shortest taxicab routes there are.
* :func:`lad_tie` / :func:`lad_family` -- when least absolute deviations ties, every convex
  combination (in intercept and slope) of the optimal vertex lines is optimal.
* :func:`best_intercepts` -- for each slope, the intercept that fits best in L1 (a median) and
  in L2 (a mean): the lines drawn while each loss is plotted against the slope.
* :func:`twin_lasso` -- a lasso with two identical features: every split ``w1 + w2 = s``
  with equal signs is optimal (a segment), ridge picks the one equal split.
* :func:`twin_features` -- the same, in the lecture's scaling ``1/2 ||y - Xw||^2 + lam R(w)``,
  with the data loss's straight contours and the ridge strength that reaches the same sum.

Pure numpy/scipy. Bad input raises ``ValueError`` naming the argument.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import (
    MAX_ELEMENTS,
    budget,
    count,
    exponent,
    finite_array,
    finite_result,
    nonnegative,
    positive,
    same_length,
)
from .fits import Line, absolute_loss, lad_optimal_lines
from .linear import lasso
from .norms import _pnorm, lp_norm
from .paths import count_shortest_paths


# ---------------------------------------------------------------- two distances
@dataclass(frozen=True)
class GridDistances:
    """From one corner of an ``m`` x ``n`` block grid to the opposite corner.

    Attributes
    ----------
    m, n : int
        Blocks across and up.
    euclidean : float
        ``||(m, n)||_2``: the straight segment, the one shortest route in the plane.
    taxicab : float
        ``||(m, n)||_1 = m + n``: the length of every shortest route along the streets.
    routes : int
        How many shortest street routes there are: ``C(m + n, n)``.
    """

    m: int
    n: int
    euclidean: float
    taxicab: float
    routes: int


def grid_distances(m: int, n: int) -> GridDistances:
    """The L2 and L1 lengths across an ``m`` x ``n`` grid, and the number of L1 routes."""
    m = count("m", m)
    n = count("n", n)
    v = np.array([m, n], dtype=float)
    return GridDistances(m, n, float(lp_norm(v, 2)), float(lp_norm(v, 1)),
                         count_shortest_paths(m, n))


def path_length(path, p: float = 1) -> float:
    """Length of a polyline (array of corners, shape (k, 2)) in the ``p``-norm."""
    pts = finite_array("path", path, ndim=2)
    if pts.shape[1] != 2 or len(pts) < 1:
        raise ValueError(f"path must have shape (k, 2) with k >= 1, got {pts.shape}")
    p = exponent("p", p)
    if len(pts) == 1:
        return 0.0
    with np.errstate(over="ignore", invalid="ignore"):
        total = float(np.sum(_pnorm(np.abs(np.diff(pts, axis=0)), p, 1)))
    return float(finite_result("the path length (path, p)", total))


def route_word(path) -> str:
    """A monotone lattice route as a word: ``R`` for each step right, ``U`` for each step up.

    Raises ValueError if a step is not one block right or one block up.
    """
    pts = finite_array("path", path, ndim=2)
    if pts.shape[1] != 2:
        raise ValueError(f"path must have shape (k, 2), got {pts.shape}")
    letters = []
    for step in np.diff(pts, axis=0):
        if step[0] == 1 and step[1] == 0:
            letters.append("R")
        elif step[0] == 0 and step[1] == 1:
            letters.append("U")
        else:
            raise ValueError(f"path must move one block right or up per step, got {step}")
    return "".join(letters)


# ---------------------------------------------------------------- LAD ties
@dataclass(frozen=True)
class LadTie:
    """The optimal set of a least-absolute-deviations line fit.

    Attributes
    ----------
    x, y : ndarray of shape (n,)
        The data.
    vertices : tuple of Line
        The optimal vertex lines (``lad_optimal_lines``), sorted by slope. One line: the
        minimiser is unique. Two or more: all their convex combinations are optimal.
    loss : float
        The minimum L1 loss ``sum |y_i - a - b x_i|``.
    """

    x: np.ndarray
    y: np.ndarray
    vertices: tuple[Line, ...]
    loss: float

    @property
    def unique(self) -> bool:
        """Whether exactly one line is optimal."""
        return len(self.vertices) == 1


def lad_tie(x, y) -> LadTie:
    """The optimal vertex lines of the LAD fit of ``(x, y)`` and the minimum L1 loss."""
    x = finite_array("x", x, ndim=1)
    y = finite_array("y", y, ndim=1)
    same_length(x, y)
    vertices = tuple(lad_optimal_lines(x, y))
    return LadTie(x, y, vertices, min(absolute_loss(v, x, y) for v in vertices))


def lad_family(tie: LadTie, t) -> tuple[np.ndarray, np.ndarray]:
    """Optimal lines swept along the polyline through the optimal vertices.

    ``t = 0`` is the first vertex line (smallest slope), ``t = 1`` the last; in between,
    ``t`` walks the vertices in slope order at equal steps per edge, and each line is the
    convex combination ``(1 - u) v_k + u v_{k+1}`` of two neighbouring vertices (in
    intercept and slope). The optimal set is convex, so every such line is optimal.

    Parameters
    ----------
    tie : LadTie
    t : array_like
        Values in ``[0, 1]``.

    Returns
    -------
    intercepts, slopes : ndarray, same shape as ``t``
    """
    if not isinstance(tie, LadTie):
        raise ValueError(f"tie must be a LadTie from lad_tie(x, y), got {type(tie).__name__}")
    t = finite_array("t", t)
    if np.any((t < 0) | (t > 1)):
        raise ValueError("t must lie in [0, 1]")
    v = np.array([[line.intercept, line.slope] for line in tie.vertices])
    if len(v) == 1:
        return np.full(t.shape, v[0, 0]), np.full(t.shape, v[0, 1])
    edges = len(v) - 1
    s = t * edges
    k = np.minimum(np.floor(s).astype(int), edges - 1)
    u = s - k
    pts = (1 - u)[..., None] * v[k] + u[..., None] * v[k + 1]
    return pts[..., 0], pts[..., 1]


def best_intercepts(x, y, slopes) -> tuple[np.ndarray, np.ndarray]:
    """For each slope ``b``, the best intercept of a line ``a + b x`` in L1 and in L2.

    With ``r = y - b x``, the L1 loss ``sum |r - a|`` is smallest at the median of ``r`` and
    the L2 loss ``sum (r - a)^2`` at its mean (for an even number of points the L1 minimisers
    form an interval; its midpoint, numpy's median, is returned). These are the lines whose
    losses :func:`mathutils.lad.slope_profiles` plots against the slope.

    Parameters
    ----------
    x, y : array_like of shape (n,)
        The data, ``n >= 1``.
    slopes : array_like of shape (S,)
        The slopes; ``S * n`` is at most ``MAX_ELEMENTS`` (10 000 000).

    Returns
    -------
    l1, l2 : ndarray of shape (S,)
        The median intercepts and the mean intercepts.
    """
    x = finite_array("x", x, ndim=1)
    y = finite_array("y", y, ndim=1)
    same_length(x, y)
    if len(x) < 1:
        raise ValueError("x and y need at least 1 point")
    b = finite_array("slopes", slopes, ndim=1)
    budget("slopes and x", len(b) * len(x), MAX_ELEMENTS, "residuals (len(slopes) * n)")
    with np.errstate(over="ignore", invalid="ignore"):
        r = y[None, :] - b[:, None] * x[None, :]
        out = np.median(r, axis=1), r.mean(axis=1)
    return finite_result("the intercepts (x, y or slopes are too large; rescale them)", out)


# ---------------------------------------------------------------- lasso with twin features
@dataclass(frozen=True)
class TwinLasso:
    """A lasso and a ridge on two identical copies of one feature.

    With ``X = [x, x]`` the fit only sees ``s = w1 + w2``, and ``|w1| + |w2| = |s|``
    exactly when ``w1`` and ``w2`` do not have opposite signs. So the lasso's optimal set is
    the segment from ``(s, 0)`` to ``(0, s)``, with ``s`` the one-feature lasso
    coefficient; the ridge penalty ``w1^2 + w2^2`` is smallest at the equal split, its
    unique answer.

    Attributes
    ----------
    x, y : ndarray of shape (n,)
    alpha : float
        Lasso penalty (scikit-learn's scaling).
    ridge_alpha : float
        Ridge penalty (scikit-learn's scaling).
    s : float
        The one-feature lasso coefficient: every optimal lasso split has ``w1 + w2 = s``.
    segment : ndarray of shape (2, 2)
        The endpoints ``(s, 0)`` and ``(0, s)`` of the lasso's optimal set.
    lasso_value : float
        The lasso objective's minimum value.
    ridge_coef : ndarray of shape (2,)
        The ridge answer (equal entries).
    """

    x: np.ndarray
    y: np.ndarray
    alpha: float
    ridge_alpha: float
    s: float
    segment: np.ndarray
    lasso_value: float
    ridge_coef: np.ndarray

    @property
    def X(self) -> np.ndarray:
        """The design matrix with the feature twice."""
        return np.column_stack([self.x, self.x])

    def split(self, t) -> np.ndarray:
        """Points ``(1 - t) (s, 0) + t (0, s)`` of the optimal segment, shape (..., 2)."""
        t = finite_array("t", t)
        if np.any((t < 0) | (t > 1)):
            raise ValueError("t must lie in [0, 1]")
        return (1 - t)[..., None] * self.segment[0] + t[..., None] * self.segment[1]


def twin_lasso(x, y, alpha: float, ridge_alpha: float) -> TwinLasso:
    """Optimal sets of the lasso and ridge when the feature ``x`` appears twice.

    Parameters
    ----------
    x, y : array_like of shape (n,)
        One feature (not constant) and the response.
    alpha : float
        Lasso penalty, >= 0.
    ridge_alpha : float
        Ridge penalty, > 0.

    Returns
    -------
    TwinLasso
    """
    x = finite_array("x", x, ndim=1)
    y = finite_array("y", y, ndim=1)
    same_length(x, y)
    if np.ptp(x) == 0:
        raise ValueError("x is constant; its coefficient is not determined")
    alpha = nonnegative("alpha", alpha)
    ridge_alpha = positive("ridge_alpha", ridge_alpha)
    s = float(lasso(x[:, None], y, alpha).coef[0])
    segment = np.array([[s, 0.0], [0.0, s]])
    xc, yc = x - x.mean(), y - y.mean()
    with np.errstate(over="ignore", invalid="ignore"):
        value = float(((yc - s * xc) ** 2).sum() / (2 * len(x)) + alpha * abs(s))
        # Ridge on [x, x]: by symmetry w1 = w2 = m, and minimising
        # ||yc - 2 m xc||^2 + 2 alpha m^2 gives m = xc.yc / (2 xc.xc + alpha): the closed
        # form, with no (nearly) singular 2x2 solve for a tiny ridge_alpha.
        mid = float(np.dot(xc, yc) / (2.0 * np.dot(xc, xc) + ridge_alpha))
    finite_result("the twin-lasso values (x, y and the penalties are too large)",
                  [s, value, mid])
    return TwinLasso(x, y, alpha, ridge_alpha, s, segment, value, np.array([mid, mid]))


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
