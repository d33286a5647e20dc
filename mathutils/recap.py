"""Small computations the intro's teaser and the recap's key pictures need.

Pure numpy (and mathutils' own fits); never imports manim. Imported as
``from mathutils.recap import ...`` (not re-exported from ``mathutils``).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._checks import (
    choice,
    count,
    finite_array,
    finite_result,
    generator,
    nonnegative,
    real,
    same_length,
)
from .fits import lad_fit, ols_fit
from .geometry import _spd2
from .lad import MAX_PATH_WORK
from .norms import soft_threshold

DIRECTIONS = ("x", "y")


class MovedFits(NamedTuple):
    """Least-squares and least-absolute-deviations lines while one point moves.

    Attributes
    ----------
    offsets : ndarray of shape (k,)
        How far the point was moved, one entry per fit.
    ols, lad : ndarray of shape (k, 2)
        ``(intercept, slope)`` of the least-squares (L2) and LAD (L1) line at each offset.
    """

    offsets: np.ndarray
    ols: np.ndarray
    lad: np.ndarray


def moved_point(x, y, index: int, offset: float, direction: str) -> tuple[np.ndarray, np.ndarray]:
    """Copies of ``(x, y)`` with point ``index`` moved by ``offset`` along ``direction``.

    Parameters
    ----------
    x, y : array_like of shape (n,)
    index : int
        Which point moves, ``0 <= index < n``.
    offset : float
        Distance moved (may be negative).
    direction : {"x", "y"}
        ``"y"`` drags the point up or down (an outlier), ``"x"`` nudges it sideways.

    Returns
    -------
    (ndarray, ndarray)
        The moved data; the inputs are not modified.
    """
    x = finite_array("x", x, ndim=1).copy()
    y = finite_array("y", y, ndim=1).copy()
    same_length(x, y)
    index = count("index", index)
    if index >= len(x):
        raise ValueError(f"index must be < {len(x)} (the number of points), got {index}")
    offset = real("offset", offset)
    choice("direction", direction, DIRECTIONS)
    moved = x if direction == "x" else y
    with np.errstate(over="ignore"):
        moved[index] += offset
    finite_result(f"the moved point ({direction} + offset)", moved[index])
    return x, y


def moved_fits(x, y, index: int, offsets, direction: str) -> MovedFits:
    """Fit both lines at every offset of one moving point (see :func:`moved_point`).

    Parameters
    ----------
    x, y : array_like of shape (n,)
    index : int
        Which point moves.
    offsets : array_like of shape (k,)
        The positions along the move at which to fit, in any order; ``k * len(x)`` is at
        most ``mathutils.lad.MAX_PATH_WORK`` (200 000).
    direction : {"x", "y"}

    Returns
    -------
    MovedFits
        The LAD line is one optimal vertex (see :func:`mathutils.lad_fit`); where several
        lines tie it is whichever the solver returns.
    """
    offsets = finite_array("offsets", offsets, ndim=1)
    moved_point(x, y, index, 0.0, direction)  # check x, y, index and direction once
    if len(offsets) * len(x) > MAX_PATH_WORK:
        raise ValueError(
            f"offsets: {len(offsets)} fits of {len(x)} points exceed the documented cap of "
            f"{MAX_PATH_WORK:_} point-fits (len(offsets) * len(x))"
        )
    ols = np.empty((len(offsets), 2))
    lad = np.empty((len(offsets), 2))
    for k, d in enumerate(offsets):
        xm, ym = moved_point(x, y, index, d, direction)
        ols[k] = ols_fit(xm, ym)
        lad[k] = lad_fit(xm, ym)
    return MovedFits(offsets.copy(), ols, lad)


def noisy_line(
    n: int, rng: np.random.Generator, *, intercept: float, slope: float, noise: float,
    x_max: float = 10.0,
) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points scattered about ``y = intercept + slope * x``, ``x`` sorted in ``[0, x_max)``.

    Parameters
    ----------
    n : int
        At least 2 and at most 1 000 000.
    rng : numpy.random.Generator
        The only source of randomness: ``x ~ U(0, x_max)`` (sorted), then
        ``y = intercept + slope * x + N(0, noise**2)``.
    intercept, slope : float
    noise : float
        Standard deviation of the vertical scatter, >= 0.
    x_max : float
        > 0.
    """
    n = count("n", n, minimum=2, maximum=1_000_000)
    generator("rng", rng)
    intercept = real("intercept", intercept)
    slope = real("slope", slope)
    noise = nonnegative("noise", noise)
    x_max = real("x_max", x_max)
    if x_max <= 0:
        raise ValueError(f"x_max must be > 0, got {x_max!r}")
    x = np.sort(rng.uniform(0.0, x_max, n))
    with np.errstate(over="ignore", invalid="ignore"):
        y = intercept + slope * x + rng.normal(0.0, noise, n)
    finite_result("y (intercept, slope, noise and x_max are too large together)", y)
    return x, y


def ridge_2d(Q, center, lam: float) -> np.ndarray:
    """Closed-form minimiser of ``0.5 (w - c)^T Q (w - c) + lam ||w||_2^2`` in two weights.

    Setting the gradient ``Q (w - c) + 2 lam w`` to zero gives the one linear solve
    ``(Q + 2 lam I) w = Q c``.

    Parameters
    ----------
    Q : array_like of shape (2, 2)
        Symmetric positive definite.
    center : array_like of shape (2,)
        The unpenalised optimum ``c``.
    lam : float
        >= 0.
    """
    Q = _spd2(Q)
    c = _center2("center", center)
    lam = nonnegative("lam", lam)
    with np.errstate(over="ignore", invalid="ignore"):
        w = np.linalg.solve(Q + 2.0 * lam * np.eye(2), Q @ c)
    return finite_result("the ridge minimiser (Q, center and lam are too large)", w)


def lasso_cd_2d(Q, center, lam: float, w0, sweeps: int) -> np.ndarray:
    """Coordinate-descent iterates for ``0.5 (w - c)^T Q (w - c) + lam ||w||_1`` in two weights.

    Each update minimises exactly over one weight with the other fixed, which is a soft
    threshold: ``w_j <- S(Q_jj c_j + sum_{k != j} Q_jk (c_k - w_k), lam) / Q_jj``, with
    ``S = soft_threshold``, so a weight the penalty removes is exactly 0.0.

    Parameters
    ----------
    Q : array_like of shape (2, 2)
        Symmetric positive definite.
    center : array_like of shape (2,)
        The unpenalised optimum ``c``.
    lam : float
        >= 0.
    w0 : array_like of shape (2,)
        Start.
    sweeps : int
        Full sweeps (first weight, then second), >= 0 and at most 100 000.

    Returns
    -------
    ndarray of shape (2 * sweeps + 1, 2)
        ``w0`` and the point after every single-coordinate update: consecutive points
        differ in one coordinate only (the zig-zag).
    """
    Q = _spd2(Q)
    c = _center2("center", center)
    lam = nonnegative("lam", lam)
    w = _center2("w0", w0).copy()
    sweeps = count("sweeps", sweeps, maximum=100_000)
    out = [w.copy()]
    for _ in range(sweeps):
        for j in (0, 1):
            k = 1 - j
            rho = Q[j, j] * c[j] + Q[j, k] * (c[k] - w[k])
            w[j] = float(soft_threshold(rho, lam)) / Q[j, j]
            out.append(w.copy())
    with np.errstate(over="ignore", invalid="ignore"):
        return finite_result("the iterates (Q, center, lam or w0 too large)", np.array(out))


def first_exact_zero(values) -> int:
    """Index of the first entry that is exactly 0.0, or -1 if there is none."""
    v = finite_array("values", values, ndim=1)
    hits = np.flatnonzero(v == 0.0)
    return int(hits[0]) if hits.size else -1


def _center2(name: str, value) -> np.ndarray:
    v = finite_array(name, value, ndim=1)
    if v.shape != (2,):
        raise ValueError(f"{name} must have shape (2,), got {v.shape}")
    return v
