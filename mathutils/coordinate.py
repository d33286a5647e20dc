"""A formula vs an algorithm: ridge's one linear solve, the lasso's coordinate descent.

Everything the computation chapter shows: the ridge closed form with its pieces, a
coordinate descent for the lasso that records every single move, the two objectives on a
grid and as exact level curves (for contour plots), and operation counts of both methods as
the number of features grows. The objectives are scikit-learn's, with an unpenalised
intercept handled by centring ``X`` and ``y`` (as in :mod:`mathutils.linear`).
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
    generator,
    nonnegative,
    positive,
    real,
    same_length,
)
from .linear import MAX_FEATURES, lasso, lasso_alpha_max, ridge

KINDS = ("lasso", "ridge")


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
def lasso_objective(X, y, w, alpha: float) -> np.ndarray:
    """scikit-learn's lasso objective ``(1/2n)||yc - Xc w||^2 + alpha ||w||_1``.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    w : array_like of shape (..., p)
        One coefficient vector or a stack of them (e.g. a grid); the stack times the rows of
        ``X`` is at most ``MAX_ELEMENTS`` (10 000 000) residuals.
    alpha : float
        Penalty strength, >= 0.

    Returns
    -------
    float or ndarray of shape (...)
    """
    alpha = nonnegative("alpha", alpha)
    Xc, yc = _centred(X, y)
    w = _coefs("w", w, Xc.shape[1])
    n = len(yc)
    _residual_budget(w, n)
    with np.errstate(over="ignore", invalid="ignore"):
        r = yc - np.einsum("ij,...j->...i", Xc, w)
        value = np.einsum("...i,...i->...", r, r) / (2 * n) + alpha * np.abs(w).sum(axis=-1)
    return finite_result("the lasso objective (X, y, w or alpha too large)", value)


def ridge_objective(X, y, w, alpha: float) -> np.ndarray:
    """scikit-learn's ridge objective ``||yc - Xc w||^2 + alpha ||w||_2^2`` (shapes as lasso)."""
    alpha = nonnegative("alpha", alpha)
    Xc, yc = _centred(X, y)
    w = _coefs("w", w, Xc.shape[1])
    _residual_budget(w, len(yc))
    with np.errstate(over="ignore", invalid="ignore"):
        r = yc - np.einsum("ij,...j->...i", Xc, w)
        value = np.einsum("...i,...i->...", r, r) + alpha * (w * w).sum(axis=-1)
    return finite_result("the ridge objective (X, y, w or alpha too large)", value)


def _coefs(name: str, w, p: int) -> np.ndarray:
    w = finite_array(name, w)
    if w.ndim < 1 or w.shape[-1] != p:
        raise ValueError(f"{name} must have last dimension {p} (one per feature), got {w.shape}")
    return w


def _residual_budget(w: np.ndarray, n: int) -> None:
    budget("w and X", (w.size // max(w.shape[-1], 1)) * n, MAX_ELEMENTS,
           "residuals (points of w times rows of X)")


def objective(X, y, w, alpha: float, kind: str) -> np.ndarray:
    """:func:`lasso_objective` or :func:`ridge_objective`, by ``kind``."""
    choice("kind", kind, KINDS)
    return (lasso_objective if kind == "lasso" else ridge_objective)(X, y, w, alpha)


def minimiser(X, y, alpha: float, kind: str) -> np.ndarray:
    """The minimiser of :func:`objective`: mathutils' ridge or lasso coefficients."""
    choice("kind", kind, KINDS)
    return (lasso if kind == "lasso" else ridge)(X, y, alpha).coef


# ---------------------------------------------------------------- ridge: one linear solve
@dataclass(frozen=True)
class RidgeSolve:
    """The pieces of ridge's closed form ``w = (Xc^T Xc + alpha I)^{-1} Xc^T yc``.

    Attributes
    ----------
    matrix : ndarray of shape (p, p)
        ``Xc^T Xc + alpha I``.
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


def ridge_closed_form(X, y, alpha: float) -> RidgeSolve:
    """Ridge by its formula, keeping the matrix and right-hand side for display.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    alpha : float
        Penalty strength, > 0 (so the matrix is positive definite and the answer unique).

    Returns
    -------
    RidgeSolve
    """
    alpha = positive("alpha", alpha)
    X = finite_array("X", X, ndim=2)
    y = finite_array("y", y, ndim=1)
    Xc, yc = _centred(X, y)
    with np.errstate(over="ignore", invalid="ignore"):
        matrix = Xc.T @ Xc + alpha * np.eye(Xc.shape[1])
        rhs = Xc.T @ yc
        finite_result("X^T X or X^T y (X and y are too large; rescale them)", [matrix, rhs])
        try:
            coef = np.linalg.solve(matrix, rhs)
        except np.linalg.LinAlgError:  # alpha too small to lift a singular Xc^T Xc
            coef = np.linalg.lstsq(matrix, rhs, rcond=None)[0]
        intercept = float(y.mean() - X.mean(axis=0) @ coef)
    finite_result("the ridge solution (rescale X and y)", [coef, intercept])
    return RidgeSolve(matrix, rhs, coef, intercept)


# ---------------------------------------------------------------- lasso: coordinate descent
@dataclass(frozen=True)
class CoordinateTrace:
    """Every move of a cyclic coordinate descent on the lasso.

    Move ``k`` updates coordinate ``axes[k]`` only: it replaces it by
    ``soft_threshold(targets[k], thresholds[k])``, the exact minimiser of the objective
    along that axis (``targets[k]`` is the one-coordinate least-squares optimum, i.e. where
    the move would land without the penalty). So ``iterates[k + 1]`` differs from
    ``iterates[k]`` in that coordinate at most, and a coordinate the threshold removes is
    exactly ``0.0``.

    Attributes
    ----------
    iterates : ndarray of shape (moves + 1, p)
        The start, then the point after every single move.
    axes : ndarray of shape (moves,), int
    targets, thresholds : ndarray of shape (moves,)
    sweeps : int
        Full passes over the coordinates.
    converged : bool
        Whether the last sweep changed no coordinate by more than ``tol`` times the largest.
    """

    iterates: np.ndarray
    axes: np.ndarray
    targets: np.ndarray
    thresholds: np.ndarray
    sweeps: int
    converged: bool

    @property
    def final(self) -> np.ndarray:
        """The last iterate."""
        return self.iterates[-1]


def coordinate_descent_lasso(
    X, y, alpha: float, w0=None, tol: float = 1e-12, max_sweeps: int = 1000
) -> CoordinateTrace:
    """Plain cyclic coordinate descent for scikit-learn's lasso, recording every move.

    With ``G = Xc^T Xc / n`` and ``b = Xc^T yc / n`` the update of coordinate ``j`` is
    ``w_j <- S(z_j, alpha / G_jj)`` with ``z_j = (b_j - sum_{k != j} G_jk w_k) / G_jj``
    and ``S`` the soft threshold. No polishing and no shortcuts (unlike
    :func:`mathutils.lasso`): this is the textbook algorithm, for drawing.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    alpha : float
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
    alpha = nonnegative("alpha", alpha)
    tol = positive("tol", tol)
    max_sweeps = count("max_sweeps", max_sweeps, minimum=1)
    Xc, yc = _centred(X, y)
    n, p = Xc.shape
    budget("max_sweeps and X", max_sweeps * p * p, MAX_ELEMENTS,
           "recorded values (max_sweeps * p * p)")
    # Solve in units where Xc and yc are O(1) (exact powers of two): with
    # Xc = 2**ex Xs, yc = 2**ey ys, the iterates, targets and thresholds are 2**(ey - ex)
    # times those of the scaled problem with penalty alpha * 2**-(ex + ey). For ordinary
    # data this is bitwise the textbook algorithm; near 1e-300 or 1e300 nothing under- or
    # overflows.
    ex, ey = _exp2(Xc), _exp2(yc)
    Xs, ys = np.ldexp(Xc, -ex), np.ldexp(yc, -ey)
    G = Xs.T @ Xs / n
    b = Xs.T @ ys / n
    if np.any(np.diag(G) == 0):
        raise ValueError("X has a constant column; its coefficient is not determined")
    with np.errstate(over="ignore"):
        a = float(np.ldexp(alpha, -(ex + ey)))  # inf: every coefficient is thresholded to 0
    unit = ey - ex
    w = np.zeros(p) if w0 is None else _coefs("w0", w0, p).astype(float).copy()
    if w.ndim != 1:
        raise ValueError(f"w0 must be one coefficient vector of length {p}, got {w.shape}")
    with np.errstate(over="ignore"):
        w = np.ldexp(w, -unit)
    finite_result("w0 in the units of X and y (w0 is too large for this X and y)", w)
    iterates, axes, targets, thresholds = [np.ldexp(w, unit)], [], [], []
    converged = False
    sweeps = 0
    while sweeps < max_sweeps:
        sweeps += 1
        max_dw = 0.0
        for j in range(p):
            z = (b[j] - G[j] @ w + G[j, j] * w[j]) / G[j, j]
            t = a / G[j, j]
            new = float(np.sign(z) * max(abs(z) - t, 0.0)) + 0.0  # soft_threshold(z, t)
            max_dw = max(max_dw, abs(new - w[j]))
            w[j] = new
            iterates.append(np.ldexp(w, unit))
            axes.append(j)
            targets.append(float(np.ldexp(z, unit)))
            thresholds.append(t)
        top = float(np.max(np.abs(w)))
        if max_dw <= tol * top or top == 0.0:
            converged = True
            break
    return CoordinateTrace(
        finite_result("the iterates (X and y give coefficients beyond the float range)",
                      np.array(iterates)),
        np.array(axes, dtype=int),
        finite_result("the targets (X and y give coefficients beyond the float range)",
                      np.array(targets)),
        _scaled_thresholds(thresholds, unit),
        sweeps,
        converged,
    )


def _exp2(a: np.ndarray) -> int:
    m = float(np.max(np.abs(a), initial=0.0))
    return int(np.frexp(m)[1]) if m > 0 else 0


def _scaled_thresholds(thresholds: list[float], unit: int) -> np.ndarray:
    with np.errstate(over="ignore"):
        out = np.ldexp(np.array(thresholds, dtype=float), unit)
    return finite_result("the thresholds alpha / G_jj (alpha is too large for this X)", out)


# ---------------------------------------------------------------- contours of two weights
def objective_grid(X, y, alpha: float, kind: str, w1, w2) -> np.ndarray:
    """The objective on the grid ``w1 x w2`` (two features): shape ``(len(w2), len(w1))``.

    ``len(w1) * len(w2)`` is at most ``MAX_ELEMENTS`` (10 000 000), as is the number of
    residuals (grid points times rows of ``X``).

    Row ``i``, column ``j`` holds the value at ``(w1[j], w2[i])`` (``np.meshgrid`` order).
    """
    w1 = finite_array("w1", w1, ndim=1)
    w2 = finite_array("w2", w2, ndim=1)
    budget("w1 and w2", len(w1) * len(w2), MAX_ELEMENTS, "grid points")
    W1, W2 = np.meshgrid(w1, w2)
    return objective(X, y, np.stack([W1, W2], axis=-1), alpha, kind)


def level_curve(X, y, alpha: float, kind: str, level: float, num: int = 360) -> np.ndarray:
    """The closed curve ``{w : objective(w) = level}`` of a two-feature problem.

    Both objectives are convex, so every level set is a convex curve around the minimiser
    and each ray from the minimiser crosses it once: the curve is found ray by ray by
    bisection (to rounding). For the lasso the points where the curve crosses an axis,
    where its kinks are, are added exactly, so the corners are sharp.

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

    Returns
    -------
    ndarray of shape (m, 2)
        Points in counter-clockwise order (``m >= num``; the curve is closed, the first
        point is not repeated).
    """
    choice("kind", kind, KINDS)
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
    centre = minimiser(X, y, alpha, kind)
    low = float(objective(X, y, centre, alpha, kind))
    if not level > low:
        raise ValueError(f"level must be above the minimum value {low:.6g}, got {level!r}")

    def f(points):
        return objective(X, y, points, alpha, kind)

    angles = list(2 * np.pi * np.arange(num) / num)
    if kind == "lasso":
        for pt in _axis_crossings(X, y, alpha, level):
            d = pt - centre
            if np.hypot(*d) > 0:
                angles.append(float(np.arctan2(d[1], d[0]) % (2 * np.pi)))
    angles = np.unique(np.array(angles))
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
    if kind == "lasso":  # snap the axis crossings onto the axis exactly
        for pt in _axis_crossings(X, y, alpha, level):
            k = int(np.argmin(np.hypot(*(pts - pt).T)))
            pts[k] = pt
    return pts


def _axis_crossings(X, y, alpha: float, level: float) -> list[np.ndarray]:
    """Where the lasso level curve meets the axes (up to two points on each)."""
    found: list[np.ndarray] = []
    for axis in (0, 1):
        other = 1 - axis

        def along(u, other=other):
            w = np.zeros(2)
            w[other] = u
            return float(lasso_objective(X, y, w, alpha)) - level

        # On the axis the objective is a one-feature lasso in the other coordinate.
        u0 = float(lasso(X[:, [other]], y, alpha).coef[0])
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


# ---------------------------------------------------------------- how the work grows
def closed_form_flops(n: int, p: int) -> int:
    """Floating-point operations of ridge's closed form on ``n`` rows and ``p`` features.

    Forming ``Xc^T Xc`` (symmetric): ``n p (p + 1)``; ``Xc^T yc``: ``2 n p``; a Cholesky
    factorisation: ``p^3 / 3``; two triangular solves: ``2 p^2``. Leading terms:
    ``n p^2 + p^3 / 3``.
    """
    n = count("n", n, minimum=1)
    p = count("p", p, minimum=1)
    return n * p * (p + 1) + 2 * n * p + p**3 // 3 + 2 * p * p


def coordinate_descent_flops(n: int, p: int, sweeps: int, support: int = 0) -> int:
    """Floating-point operations of lasso coordinate descent (residual form).

    One coordinate update is a dot product ``x_j . r`` (``2n``) and a residual update
    ``r -= x_j dw`` (``2n``), so a sweep over ``p`` features costs ``4 n p``. mathutils'
    lasso ends with one exact solve on the ``support`` features it kept, counted like a
    small closed form: ``closed_form_flops(n, support)`` (0 when ``support`` is 0).
    """
    n = count("n", n, minimum=1)
    p = count("p", p, minimum=1)
    sweeps = count("sweeps", sweeps)
    support = count("support", support)
    if support > p:
        raise ValueError(f"support must be at most p={p}, got {support}")
    return sweeps * p * 4 * n + (closed_form_flops(n, support) if support else 0)


@dataclass(frozen=True)
class CostGrowth:
    """Work of ridge's formula vs the lasso's coordinate descent as features grow.

    Attributes
    ----------
    n : int
        Rows of every synthetic problem.
    p : ndarray of int
        Number of features of each problem.
    sweeps : ndarray of int
        Coordinate-descent sweeps :func:`mathutils.lasso` used, measured.
    support : ndarray of int
        Nonzero lasso coefficients.
    closed_form : ndarray of int
        :func:`closed_form_flops` for each ``p``.
    coordinate_descent : ndarray of int
        :func:`coordinate_descent_flops` with the measured sweeps and support.
    """

    n: int
    p: np.ndarray
    sweeps: np.ndarray
    support: np.ndarray
    closed_form: np.ndarray
    coordinate_descent: np.ndarray


def synthetic_problem(n: int, p: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A sparse regression problem: standard normal ``X`` (n x p), ``y = X beta + noise``.

    ``beta`` has ``max(1, p // 10)`` nonzero entries of size 1 to 2 with random signs; the
    noise is standard normal. ``p`` is at most ``MAX_FEATURES`` (2000) and ``n * p`` at most
    ``MAX_ELEMENTS`` (10 000 000).
    """
    n = count("n", n, minimum=2)
    p = count("p", p, minimum=1, maximum=MAX_FEATURES)
    budget("n and p", n * p, MAX_ELEMENTS, "entries of X (n * p)")
    generator("rng", rng)
    X = rng.normal(size=(n, p))
    beta = np.zeros(p)
    k = max(1, p // 10)
    beta[:k] = rng.choice([-1.0, 1.0], size=k) * rng.uniform(1.0, 2.0, size=k)
    return X, X @ beta + rng.normal(size=n)


def cost_growth(
    ps, n: int, rng: np.random.Generator, alpha_fraction: float = 0.1
) -> CostGrowth:
    """Count the work of both methods on synthetic problems with ``p`` features each.

    For each ``p`` a :func:`synthetic_problem` is drawn from ``rng``; the lasso is solved by
    :func:`mathutils.lasso` at ``alpha_fraction * lasso_alpha_max`` and its sweeps and
    support are recorded. Counts, not timings: the result is deterministic.

    Parameters
    ----------
    ps : sequence of int
        Feature counts, each between 1 and ``MAX_FEATURES`` (2000), at most 100 of them.
    n : int
        Rows, >= 2; ``n * sum(ps)`` is at most ``MAX_ELEMENTS`` (10 000 000).
    rng : numpy.random.Generator
    alpha_fraction : float
        In (0, 1]: the lasso penalty relative to the smallest all-zero penalty.

    Returns
    -------
    CostGrowth
    """
    raw = np.atleast_1d(np.asarray(ps, dtype=object))
    if raw.ndim != 1 or not 1 <= len(raw) <= 100:
        raise ValueError(f"ps must be a sequence of 1 to 100 feature counts, got {ps!r:.60}")
    ps = [count("ps", p, minimum=1, maximum=MAX_FEATURES) for p in raw]
    n = count("n", n, minimum=2)
    budget("n and ps", n * sum(ps), MAX_ELEMENTS, "entries of X in total (n * sum(ps))")
    generator("rng", rng)
    alpha_fraction = positive("alpha_fraction", alpha_fraction)
    if alpha_fraction > 1:
        raise ValueError(f"alpha_fraction must be at most 1, got {alpha_fraction!r}")
    sweeps, support = [], []
    for p in ps:
        X, y = synthetic_problem(n, p, rng)
        fit = lasso(X, y, alpha_fraction * lasso_alpha_max(X, y))
        sweeps.append(int(fit.n_iter))
        support.append(int(np.count_nonzero(fit.coef)))
    closed = [closed_form_flops(n, p) for p in ps]
    cd = [coordinate_descent_flops(n, p, s, k) for p, s, k in zip(ps, sweeps, support, strict=True)]
    return CostGrowth(
        n,
        np.array(ps),
        np.array(sweeps),
        np.array(support),
        np.array(closed, dtype=np.int64),
        np.array(cd, dtype=np.int64),
    )
