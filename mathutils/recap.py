"""Small computations the intro's teaser needs: both fits while one point moves.

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
    real,
    same_length,
)
from .fits import lad_fit, ols_fit
from .lad import MAX_PATH_WORK

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


def first_exact_zero(values) -> int:
    """Index of the first entry that is exactly 0.0, or -1 if there is none."""
    v = finite_array("values", values, ndim=1)
    hits = np.flatnonzero(v == 0.0)
    return int(hits[0]) if hits.size else -1
