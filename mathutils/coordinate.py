"""A formula vs an algorithm: ridge's one linear solve, the lasso's coordinate descent.

The ridge closed form with its pieces, a coordinate descent for the lasso that records
every single move (the same loop as :func:`mathutils.lasso`, :class:`mathutils.linear.LassoCD`),
the one-weight slice each move minimises, the sign patterns whose linear solves would give
the lasso at once, and the two objectives on a grid and as exact level curves (for contour
plots). What each method costs is in :mod:`mathutils.cost`. An unpenalised intercept is handled by
centring ``X`` and ``y`` (as in :mod:`mathutils.linear`).

Two scalings of the penalty (``convention``):

- ``"lecture"``, the lecture's one notation: the lasso minimises
  ``(1/2)||yc - Xc w||^2 + lam ||w||_1`` and ridge ``(1/2)||yc - Xc w||^2 + lam ||w||_2^2``, so
  ridge is ``(Xc^T Xc + 2 lam I)^{-1} Xc^T yc`` and a coordinate move is
  ``w_j <- S(z_j, lam) / G_jj``. :func:`ridge_closed_form`, :func:`coordinate_descent_lasso`,
  :func:`axis_slice` and :func:`sign_patterns` use it only.
- ``"sklearn"`` (the default of the objective and contour functions, for callers written
  before): scikit-learn's ``(1/2n)||yc - Xc w||^2 + alpha ||w||_1`` (``alpha = lam / n``) and
  ``||yc - Xc w||^2 + alpha ||w||_2^2`` (``alpha = 2 lam``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from ._checks import (
    MAX_ELEMENTS,
    budget,
    choice,
    count,
    finite_array,
    finite_result,
    nonnegative,
    positive,
    real,
    same_length,
)
from .linear import MAX_FEATURES, LassoCD, centred_gram, lasso, ridge

KINDS = ("lasso", "ridge")
CONVENTIONS = ("sklearn", "lecture")
#: Most features :func:`sign_patterns` enumerates (3**8 = 6561 linear solves).
MAX_PATTERN_FEATURES = 8


def _centred(X, y) -> tuple[np.ndarray, np.ndarray]:
    X = finite_array("X", X, ndim=2)
    y = finite_array("y", y, ndim=1)
    same_length(X, y, "X", "y")
    if len(y) < 1:
        raise ValueError("X and y must have at least one row")
    if not 1 <= X.shape[1] <= MAX_FEATURES:
        raise ValueError(
            f"X must have between 1 and {MAX_FEATURES} columns (a documented cap), "
            f"got {X.shape[1]}"
        )
    with np.errstate(over="ignore", invalid="ignore"):
        out = X - X.mean(axis=0), y - y.mean()
    return finite_result("X or y (too large; rescale them)", out)


# ---------------------------------------------------------------- the two objectives
def lasso_objective(X, y, w, alpha: float, *, convention: str = "sklearn") -> np.ndarray:
    """The lasso objective at ``w``, on centred data.

    ``convention="sklearn"``: ``(1/2n)||yc - Xc w||^2 + alpha ||w||_1`` (scikit-learn's);
    ``convention="lecture"``: ``(1/2)||yc - Xc w||^2 + alpha ||w||_1`` (the lecture's, with
    ``alpha`` its lambda).

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    w : array_like of shape (..., p)
        One coefficient vector or a stack of them (e.g. a grid); the stack times the rows of
        ``X`` is at most ``MAX_ELEMENTS`` (10 000 000) residuals.
    alpha : float
        Penalty strength, >= 0.
    convention : {"sklearn", "lecture"}

    Returns
    -------
    float or ndarray of shape (...)
    """
    alpha = nonnegative("alpha", alpha)
    choice("convention", convention, CONVENTIONS)
    Xc, yc = _centred(X, y)
    w = _coefs("w", w, Xc.shape[1])
    n = len(yc)
    _residual_budget(w, n)
    scale = 2 * n if convention == "sklearn" else 2
    with np.errstate(over="ignore", invalid="ignore"):
        r = yc - np.einsum("ij,...j->...i", Xc, w)
        value = np.einsum("...i,...i->...", r, r) / scale + alpha * np.abs(w).sum(axis=-1)
    return finite_result("the lasso objective (X, y, w or alpha too large)", value)


def ridge_objective(X, y, w, alpha: float, *, convention: str = "sklearn") -> np.ndarray:
    """The ridge objective at ``w``, on centred data (shapes as :func:`lasso_objective`).

    ``convention="sklearn"``: ``||yc - Xc w||^2 + alpha ||w||_2^2`` (scikit-learn's);
    ``convention="lecture"``: ``(1/2)||yc - Xc w||^2 + alpha ||w||_2^2`` (the lecture's).
    """
    alpha = nonnegative("alpha", alpha)
    choice("convention", convention, CONVENTIONS)
    Xc, yc = _centred(X, y)
    w = _coefs("w", w, Xc.shape[1])
    _residual_budget(w, len(yc))
    scale = 1 if convention == "sklearn" else 2
    with np.errstate(over="ignore", invalid="ignore"):
        r = yc - np.einsum("ij,...j->...i", Xc, w)
        value = np.einsum("...i,...i->...", r, r) / scale + alpha * (w * w).sum(axis=-1)
    return finite_result("the ridge objective (X, y, w or alpha too large)", value)


def _coefs(name: str, w, p: int) -> np.ndarray:
    w = finite_array(name, w)
    if w.ndim < 1 or w.shape[-1] != p:
        raise ValueError(f"{name} must have last dimension {p} (one per feature), got {w.shape}")
    return w


def _residual_budget(w: np.ndarray, n: int) -> None:
    budget("w and X", (w.size // max(w.shape[-1], 1)) * n, MAX_ELEMENTS,
           "residuals (points of w times rows of X)")


def penalised_objective(
    X, y, w, alpha: float, kind: str, *, convention: str = "sklearn"
) -> np.ndarray:
    """:func:`lasso_objective` or :func:`ridge_objective`, by ``kind``."""
    choice("kind", kind, KINDS)
    fn = lasso_objective if kind == "lasso" else ridge_objective
    return fn(X, y, w, alpha, convention=convention)


def minimiser(X, y, alpha: float, kind: str, *, convention: str = "sklearn") -> np.ndarray:
    """The minimiser of :func:`penalised_objective`: mathutils' ridge or lasso coefficients.

    In the lecture's convention the lasso's ``alpha`` is scikit-learn's ``n alpha`` and
    ridge's is half of scikit-learn's; this converts and calls :func:`mathutils.lasso` or
    :func:`mathutils.ridge`.
    """
    choice("kind", kind, KINDS)
    choice("convention", convention, CONVENTIONS)
    alpha = nonnegative("alpha", alpha)
    if convention == "lecture":
        n = len(finite_array("y", y, ndim=1))
        alpha = alpha / max(n, 1) if kind == "lasso" else 2 * alpha
        if not np.isfinite(alpha):
            raise ValueError("alpha is too large (2 alpha overflows)")
    return (lasso if kind == "lasso" else ridge)(X, y, alpha).coef


# ---------------------------------------------------------------- ridge: one linear solve
@dataclass(frozen=True)
class RidgeSolve:
    """The pieces of ridge's closed form ``w = (Xc^T Xc + 2 lam I)^{-1} Xc^T yc``.

    That is the minimiser of the lecture's ``(1/2)||yc - Xc w||^2 + lam ||w||_2^2``: its
    gradient ``-Xc^T (yc - Xc w) + 2 lam w`` is zero there.

    Attributes
    ----------
    matrix : ndarray of shape (p, p)
        ``Xc^T Xc + 2 lam I``.
    rhs : ndarray of shape (p,)
        ``Xc^T yc``.
    coef : ndarray of shape (p,)
        The solution of ``matrix @ coef = rhs`` (one linear solve, no iterations).
    intercept : float
    """

    matrix: np.ndarray
    rhs: np.ndarray
    coef: np.ndarray
    intercept: float


def ridge_closed_form(X, y, lam: float) -> RidgeSolve:
    """Ridge by its formula (lecture convention), keeping the matrix and right-hand side.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    lam : float
        Penalty strength, > 0 (so the matrix is positive definite and the answer unique), in
        ``(1/2)||y - X w||^2 + lam ||w||_2^2``.

    Returns
    -------
    RidgeSolve
    """
    lam = positive("lam", lam)
    X = finite_array("X", X, ndim=2)
    y = finite_array("y", y, ndim=1)
    Xc, yc = _centred(X, y)
    with np.errstate(over="ignore", invalid="ignore"):
        matrix = Xc.T @ Xc + 2 * lam * np.eye(Xc.shape[1])
        rhs = Xc.T @ yc
        finite_result("X^T X or X^T y (X and y are too large; rescale them)", [matrix, rhs])
        try:
            coef = np.linalg.solve(matrix, rhs)
        except np.linalg.LinAlgError:  # lam too small to lift a singular Xc^T Xc
            coef = np.linalg.lstsq(matrix, rhs, rcond=None)[0]
        intercept = float(y.mean() - X.mean(axis=0) @ coef)
    finite_result("the ridge solution (rescale X and y)", [coef, intercept])
    return RidgeSolve(matrix, rhs, coef, intercept)


# ---------------------------------------------------------------- lasso: coordinate descent
@dataclass(frozen=True)
class CoordinateTrace:
    """Every move of a cyclic coordinate descent on the lasso (lecture convention).

    Move ``k`` updates coordinate ``j = axes[k]`` only:
    ``w_j <- S(z[k], lam) / gram[j]``, where ``z[k] = x_j^T (y - sum_{i != j} x_i w_i)`` is
    the correlation of feature ``j`` with the residual that leaves ``j`` out (at the iterate
    before the move), ``gram[j] = x_j^T x_j`` and ``S`` the soft threshold. That is the exact
    minimiser of the objective along that axis (:func:`axis_slice`), so ``iterates[k + 1]``
    differs from ``iterates[k]`` in that coordinate at most, and a coordinate the threshold
    removes (``|z[k]| <= lam``) is exactly ``0.0``.

    Attributes
    ----------
    iterates : ndarray of shape (moves + 1, p)
        The start, then the point after every single move.
    axes : ndarray of shape (moves,), int
    z : ndarray of shape (moves,)
    gram : ndarray of shape (p,)
        ``G_jj = x_j^T x_j`` of each (centred) feature.
    lam : float
    sweeps : int
        Full passes over the coordinates.
    converged : bool
        Whether the last sweep changed no coordinate by more than ``tol`` times the largest.
    """

    iterates: np.ndarray
    axes: np.ndarray
    z: np.ndarray
    gram: np.ndarray
    lam: float
    sweeps: int
    converged: bool

    @property
    def final(self) -> np.ndarray:
        """The last iterate."""
        return self.iterates[-1]

    @property
    def targets(self) -> np.ndarray:
        """Where each move would land without the penalty: ``z[k] / G_jj`` (the parabola's
        lowest point along the axis)."""
        return self.z / self.gram[self.axes]

    @property
    def thresholds(self) -> np.ndarray:
        """Half-width of each move's dead zone in ``w_j``: ``lam / G_jj``."""
        return self.lam / self.gram[self.axes]


def coordinate_descent_lasso(
    X, y, lam: float, w0=None, tol: float = 1e-12, max_sweeps: int = 1000
) -> CoordinateTrace:
    """Plain cyclic coordinate descent for ``(1/2)||yc - Xc w||^2 + lam ||w||_1``, recorded.

    The update of coordinate ``j`` is ``w_j <- S(z_j, lam) / G_jj`` (see
    :class:`CoordinateTrace`). This runs the same loop as :func:`mathutils.lasso` (its
    ``LassoCD``), without the exact polishing solve: the textbook algorithm, for drawing.
    (:func:`mathutils.lasso` minimises scikit-learn's objective; its ``alpha`` is
    ``lam / n``.)

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    lam : float
        Penalty strength, >= 0.
    w0 : array_like of shape (p,), optional
        Start; zeros by default.
    tol : float
        Stop after a sweep whose largest change is at most ``tol`` times the largest
        coefficient (or when every coefficient is 0 and stays so).
    max_sweeps : int
        Largest number of sweeps; every move is recorded, so ``max_sweeps * p * p`` is at
        most ``MAX_ELEMENTS`` (10 000 000).

    Returns
    -------
    CoordinateTrace
    """
    lam = nonnegative("lam", lam)
    tol = positive("tol", tol)
    max_sweeps = count("max_sweeps", max_sweeps, minimum=1)
    c = centred_gram(X, y)
    p = len(c.xty)
    budget("max_sweeps and X", max_sweeps * p * p, MAX_ELEMENTS,
           "recorded values (max_sweeps * p * p)")
    if np.any(np.diag(c.gram) == 0):
        raise ValueError("X has a constant column; its coefficient is not determined")
    # centred_gram scales Xc and yc by exact powers of two (Xc = 2**ex Xs, yc = 2**ey ys): in
    # those units w is 2**(ex - ey) w, z is 2**-(ex + ey) z and G is 2**-2ex G, so every
    # recorded value is bitwise the unscaled algorithm's for ordinary data, and data near
    # 1e-300 or 1e300 neither under- nor overflow.
    unit = c.ey - c.ex
    w = np.zeros(p) if w0 is None else _coefs("w0", w0, p).astype(float).copy()
    if w.ndim != 1:
        raise ValueError(f"w0 must be one coefficient vector of length {p}, got {w.shape}")
    with np.errstate(over="ignore"):
        ws = np.ldexp(w, -unit)
        thr = float(np.ldexp(lam, -(c.ex + c.ey)))  # inf: every coefficient goes to 0
    finite_result("w0 in the units of X and y (w0 is too large for this X and y)", ws)
    moves: list[tuple[int, float, float]] = []
    _, sweeps, converged = LassoCD(c.gram, c.xty, c.n).run(
        thr, ws, tol, max_sweeps, polish=False, record=moves)
    axes = np.array([m[0] for m in moves], dtype=int)
    steps = np.zeros((len(moves) + 1, p))
    steps[0] = ws
    for k, (j, _, new) in enumerate(moves):
        steps[k + 1] = steps[k]
        steps[k + 1, j] = new
    with np.errstate(over="ignore"):
        iterates = np.ldexp(steps, unit)
        z = np.ldexp(np.array([m[1] for m in moves], dtype=float), c.ex + c.ey)
        gram = np.ldexp(np.diag(c.gram), 2 * c.ex)
    return CoordinateTrace(
        finite_result("the iterates (X and y give coefficients beyond the float range)",
                      iterates),
        axes,
        finite_result("the correlations z_j (X and y are too large; rescale them)", z),
        finite_result("x_j^T x_j (X is too large; rescale it)", gram),
        lam,
        sweeps,
        converged,
    )


@dataclass(frozen=True)
class AxisSlice:
    """The lasso objective along one axis through a point: what one coordinate move minimises.

    With every other weight fixed, ``f(u) = (1/2)||yc - Xc w(u)||^2 + lam ||w(u)||_1`` (``w(u)``
    is ``w`` with ``w_j = u``) is a parabola ``(G_jj / 2) u^2 - z u + const`` plus the kink
    ``lam |u|``: its minimiser is ``S(z, lam) / G_jj``, and it is 0 exactly when the
    parabola's lowest point ``z / G_jj`` lies within ``lam / G_jj`` of 0 (``|z| <= lam``,
    the dead zone).

    Attributes
    ----------
    axis : int
        ``j``.
    u : ndarray of shape (m,)
        Values of ``w_j``.
    value : ndarray of shape (m,)
        ``f(u)``, the lasso objective (lecture convention), evaluated point by point.
    smooth : ndarray of shape (m,)
        ``f(u) - lam |u|``: the parabola without the kink.
    z, gram, lam : float
        ``z_j = x_j^T (y - sum_{i != j} x_i w_i)``, ``G_jj = x_j^T x_j`` and the penalty.
    """

    axis: int
    u: np.ndarray
    value: np.ndarray
    smooth: np.ndarray
    z: float
    gram: float
    lam: float

    @property
    def centre(self) -> float:
        """The parabola's lowest point ``z / G_jj`` (the move without the penalty)."""
        return self.z / self.gram

    @property
    def half_width(self) -> float:
        """The dead zone's half-width ``lam / G_jj`` (in ``w_j``)."""
        return self.lam / self.gram

    @property
    def minimiser(self) -> float:
        """``S(z, lam) / G_jj``: the move's landing point."""
        if self.z > self.lam:
            return (self.z - self.lam) / self.gram
        if self.z < -self.lam:
            return (self.z + self.lam) / self.gram
        return 0.0


def axis_slice(X, y, lam: float, w, axis: int, u) -> AxisSlice:
    """The lasso objective (lecture convention) along axis ``axis`` through ``w``, at ``u``.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    lam : float
        Penalty strength, >= 0.
    w : array_like of shape (p,)
        The point the slice passes through (its ``axis`` entry is ignored).
    axis : int
        Which weight varies, ``0 <= axis < p``.
    u : array_like of shape (m,)
        Values of that weight; ``m`` times the rows of ``X`` at most ``MAX_ELEMENTS``.

    Returns
    -------
    AxisSlice
    """
    lam = nonnegative("lam", lam)
    Xc, yc = _centred(X, y)
    p = Xc.shape[1]
    w = _coefs("w", w, p)
    if w.ndim != 1:
        raise ValueError(f"w must be one coefficient vector of length {p}, got {w.shape}")
    axis = count("axis", axis, maximum=p - 1)
    u = finite_array("u", u, ndim=1)
    pts = np.repeat(w[None, :], len(u), axis=0)
    pts[:, axis] = u
    value = lasso_objective(X, y, pts, lam, convention="lecture")
    with np.errstate(over="ignore", invalid="ignore"):
        smooth = value - lam * np.abs(u)
        others = w.copy()
        others[axis] = 0.0
        xj = Xc[:, axis]
        z = float(xj @ (yc - Xc @ others))
        gram = float(xj @ xj)
    finite_result("the slice (X, y, w or lam too large)", [smooth, z, gram])
    if gram == 0:
        raise ValueError("X has a constant column at axis; the slice has no parabola")
    return AxisSlice(axis, u, value, smooth, z, gram, lam)


@dataclass(frozen=True)
class SignPatterns:
    """Every zero-and-sign pattern of the lasso's weights, each with its one linear solve.

    If the lasso's minimiser had pattern ``s`` (each weight -1, 0 or +1), its nonzero
    weights ``A`` would solve ``Xc_A^T Xc_A w_A = Xc_A^T yc - lam s_A`` (the gradient of the
    smooth part equals the penalty's slope there): one linear solve. The pattern is right
    exactly when that solution has the signs ``s_A`` and every zero weight's correlation
    with the residual is at most ``lam`` in size (the lasso's optimality conditions).

    Attributes
    ----------
    patterns : ndarray of shape (3**p, p), int
        All patterns, in lexicographic order of (-1, 0, 1) per weight.
    coef : ndarray of shape (3**p, p)
        Each pattern's solve (zeros off ``A``; least squares if ``Xc_A`` is singular).
    valid : ndarray of shape (3**p,), bool
        Whether the pattern passes the optimality conditions (up to a relative 1e-9).
    """

    patterns: np.ndarray
    coef: np.ndarray
    valid: np.ndarray


def sign_patterns(X, y, lam: float) -> SignPatterns:
    """Try every zero-and-sign pattern of the lasso (lecture convention): one solve each.

    Parameters
    ----------
    X : array_like of shape (n, p)
        ``p`` at most ``MAX_PATTERN_FEATURES`` (8): there are ``3**p`` patterns.
    y : array_like of shape (n,)
    lam : float
        Penalty strength, >= 0.

    Returns
    -------
    SignPatterns
    """
    lam = nonnegative("lam", lam)
    c = centred_gram(X, y)
    p = len(c.xty)
    if p > MAX_PATTERN_FEATURES:
        raise ValueError(f"X must have at most {MAX_PATTERN_FEATURES} columns (3**p patterns),"
                         f" got {p}")
    with np.errstate(over="ignore"):
        thr = float(np.ldexp(lam, -(c.ex + c.ey)))
    patterns = np.array(np.meshgrid(*[[-1, 0, 1]] * p, indexing="ij")).reshape(p, -1).T
    coefs = np.zeros(patterns.shape)
    valid = np.zeros(len(patterns), dtype=bool)
    scale = float(np.max(np.abs(c.xty), initial=0.0))
    for i, s in enumerate(patterns):
        active = np.flatnonzero(s)
        w = np.zeros(p)
        with np.errstate(over="ignore", invalid="ignore"):
            if active.size:
                g = c.gram[np.ix_(active, active)]
                rhs = c.xty[active] - thr * s[active]
                try:
                    w[active] = np.linalg.solve(g, rhs)
                except np.linalg.LinAlgError:
                    w[active] = np.linalg.lstsq(g, rhs, rcond=None)[0]
            corr = c.xty - c.gram @ w
            slack = 1e-9 * (scale + thr + float(np.max(np.abs(c.gram) @ np.abs(w))))
        if not np.all(np.isfinite(w)) or not np.isfinite(slack):
            continue  # an overflowing solve is not the minimiser
        inactive = s == 0
        valid[i] = bool(
            np.all(np.sign(w[active]) == s[active])
            and np.all(np.abs(corr[active] - thr * s[active]) <= slack)
            and np.all(np.abs(corr[inactive]) <= thr + slack)
        )
        coefs[i] = w
    with np.errstate(over="ignore"):
        coef = np.ldexp(coefs, c.ey - c.ex)
    return SignPatterns(patterns.astype(int), finite_result(
        "the pattern solves (X and y give coefficients beyond the float range)", coef), valid)


# ---------------------------------------------------------------- contours of two weights
def objective_grid(X, y, alpha: float, kind: str, w1, w2, *,
                   convention: str = "sklearn") -> np.ndarray:
    """The objective on the grid ``w1 x w2`` (two features): shape ``(len(w2), len(w1))``.

    ``len(w1) * len(w2)`` is at most ``MAX_ELEMENTS`` (10 000 000), as is the number of
    residuals (grid points times rows of ``X``).

    Row ``i``, column ``j`` holds the value at ``(w1[j], w2[i])`` (``np.meshgrid`` order).
    """
    w1 = finite_array("w1", w1, ndim=1)
    w2 = finite_array("w2", w2, ndim=1)
    budget("w1 and w2", len(w1) * len(w2), MAX_ELEMENTS, "grid points")
    W1, W2 = np.meshgrid(w1, w2)
    W = np.stack([W1, W2], axis=-1)
    return penalised_objective(X, y, W, alpha, kind, convention=convention)


#: Rays closer in angle than this to an exact axis crossing are dropped: the crossing's own
#: ray replaces them (two rays 1e-16 apart gave two points out of counter-clockwise order).
_ANGLE_GAP = 1e-9


def level_curve(X, y, alpha: float, kind: str, level: float, num: int = 360, *,
                convention: str = "sklearn") -> np.ndarray:
    """The closed curve ``{w : penalised_objective(w) = level}`` of a two-feature problem.

    Both objectives are convex, so every level set is a convex curve around the minimiser
    and each ray from the minimiser crosses it once: the curve is found ray by ray by
    bisection (to rounding). For the lasso the points where the curve crosses an axis,
    where its kinks are, are added exactly, so the corners are sharp; a regular ray within
    ``1e-9`` rad of a crossing's ray is dropped, so every angle is strictly increasing.

    Parameters
    ----------
    X : array_like of shape (n, 2)
    y : array_like of shape (n,)
    alpha : float
        Penalty strength (> 0 for ridge, >= 0 for the lasso).
    kind : {"lasso", "ridge"}
    level : float
        Above the minimum value.
    num : int
        Number of rays (equally spaced angles), at least 8 and at most 100 000.
    convention : {"sklearn", "lecture"}
        How ``alpha`` and ``level`` scale (see :func:`lasso_objective`).

    Returns
    -------
    ndarray of shape (m, 2)
        Points in strictly counter-clockwise order around the minimiser (``m >= num - 4``,
        up to four regular rays replaced by exact axis crossings; the curve is closed, the
        first point is not repeated).
    """
    choice("kind", kind, KINDS)
    choice("convention", convention, CONVENTIONS)
    num = count("num", num, minimum=8, maximum=100_000)
    X = finite_array("X", X, ndim=2)
    if X.shape[1] != 2:
        raise ValueError(f"X must have exactly 2 columns for a level curve, got {X.shape[1]}")
    budget("num and X", num * len(X), MAX_ELEMENTS, "residuals per bisection step")
    level = real("level", level)
    alpha = nonnegative("alpha", alpha)
    if alpha == 0 and np.linalg.matrix_rank(_centred(X, y)[0]) < 2:
        raise ValueError(
            "with alpha = 0 and dependent (or constant) columns of X the level set is "
            "unbounded; pass alpha > 0 or independent columns"
        )
    centre = minimiser(X, y, alpha, kind, convention=convention)
    low = float(penalised_objective(X, y, centre, alpha, kind, convention=convention))
    if not level > low:
        raise ValueError(f"level must be above the minimum value {low:.6g}, got {level!r}")

    def f(points):
        return penalised_objective(X, y, points, alpha, kind, convention=convention)

    angles = 2 * np.pi * np.arange(num) / num
    crossings = []
    if kind == "lasso":
        crossings = [pt for pt in _axis_crossings(X, y, alpha, level, convention)
                     if np.hypot(*(pt - centre)) > 0]
    if crossings:
        extra = np.array([float(np.arctan2(*(pt - centre)[::-1]) % (2 * np.pi))
                          for pt in crossings])
        # circular distance from every regular ray to the nearest crossing's ray
        gap = np.abs((angles[:, None] - extra[None, :] + np.pi) % (2 * np.pi) - np.pi)
        angles = np.concatenate([angles[gap.min(axis=1) > _ANGLE_GAP], extra])
    order = np.argsort(angles, kind="stable")
    angles = angles[order]
    keep = np.concatenate([[True], np.diff(angles) > _ANGLE_GAP])  # two equal crossings
    angles = angles[keep]
    dirs = np.column_stack([np.cos(angles), np.sin(angles)])
    hi = np.ones(len(angles))
    while True:
        out = f(centre + hi[:, None] * dirs) <= level
        if not out.any():
            break
        hi[out] *= 2.0
    lo = np.zeros(len(angles))
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        below = f(centre + mid[:, None] * dirs) <= level
        lo = np.where(below, mid, lo)
        hi = np.where(below, hi, mid)
    pts = centre + (0.5 * (lo + hi))[:, None] * dirs
    if crossings:  # the crossings' own rays end on them: put them there exactly
        for pt, a in zip(crossings, extra, strict=True):
            k = int(np.argmin(np.abs((angles - a + np.pi) % (2 * np.pi) - np.pi)))
            pts[k] = pt
    return pts


def _axis_crossings(X, y, alpha: float, level: float, convention: str) -> list[np.ndarray]:
    """Where the lasso level curve meets the axes (up to two points on each)."""
    found: list[np.ndarray] = []
    for axis in (0, 1):
        other = 1 - axis

        def along(u, other=other):
            w = np.zeros(2)
            w[other] = u
            return float(lasso_objective(X, y, w, alpha, convention=convention)) - level

        # On the axis the objective is a one-feature lasso in the other coordinate.
        u0 = float(minimiser(X[:, [other]], y, alpha, "lasso", convention=convention)[0])
        if along(u0) >= 0:
            continue
        for sign in (-1.0, 1.0):
            step = 1.0
            while along(u0 + sign * step) < 0:
                step *= 2.0
            a, b = sorted((u0, u0 + sign * step))
            u = brentq(along, a, b, xtol=1e-14, rtol=4 * np.finfo(float).eps)
            w = np.zeros(2)
            w[other] = u
            found.append(w)
    return found


