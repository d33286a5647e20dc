"""Norms and penalties: p-norms, the L1/L2 penalties and their slopes, unit balls, path lengths."""

from __future__ import annotations

import numpy as np

from ._checks import (
    choice,
    count,
    exponent,
    exponents,
    finite_array,
    finite_result,
    pnorm,
)

KINDS = ("l1", "l2")

#: Largest ``n`` of :func:`unit_ball` (16 MB of points; the lecture draws 400).
MAX_BALL_POINTS = 1_000_000


def _axis(axis, ndim: int) -> int | None:
    if axis is None:
        return None
    try:
        ok = not isinstance(axis, (bool, np.bool_)) and int(axis) == axis
    except (TypeError, ValueError, OverflowError):
        ok = False
    if not ok or not -max(ndim, 1) <= int(axis) < max(ndim, 1):
        raise ValueError(f"axis must be None or an integer in [-{ndim}, {ndim}), got {axis!r}")
    return int(axis)


def lp_norm(x, p: float, axis: int | None = None) -> np.ndarray | float:
    """The p-norm ``(sum |x_i|**p) ** (1/p)``.

    Parameters
    ----------
    x : array_like
        Finite values.
    p : float
        ``p > 0``; ``np.inf`` gives ``max |x_i|``. For ``0 < p < 1`` this is the
        quasi-norm (it breaks the triangle inequality), still defined by the same formula.
    axis : int, optional
        Axis to reduce along; ``None`` flattens.

    Returns
    -------
    float or ndarray
        Finite. A norm beyond the float range (about 1.8e308, e.g. ``[1e308, 1e308]``
        with ``p = 1``, or a tiny ``p``) raises ValueError rather than returning inf.
    """
    a = np.abs(finite_array("x", x))
    p = exponent("p", p)
    axis = _axis(axis, a.ndim)
    return finite_result("the p-norm", pnorm(a, p, axis))


def penalty(w, kind: str) -> np.ndarray:
    """The penalty R(w): ``|w|`` for kind ``"l1"``, ``w**2`` for ``"l2"`` (elementwise)."""
    choice("kind", kind, KINDS)
    w = finite_array("w", w)
    with np.errstate(over="ignore"):
        return finite_result("the penalty w**2", np.abs(w) if kind == "l1" else w * w)


def penalty_slope(w, kind: str) -> np.ndarray:
    """The slope R'(w): ``sign(w)`` (0 at 0) for ``"l1"``, ``2w`` for ``"l2"`` (elementwise)."""
    choice("kind", kind, KINDS)
    w = finite_array("w", w)
    with np.errstate(over="ignore"):
        return finite_result("the slope 2w", np.sign(w) if kind == "l1" else 2.0 * w)


def unit_ball(p: float, n: int = 400) -> np.ndarray:
    """Points on the unit sphere ``{x in R^2 : ||x||_p = 1}`` for drawing.

    Parameters
    ----------
    p : float
        ``p > 0`` or ``np.inf``.
    n : int
        Number of points, at least 4 and at most ``MAX_BALL_POINTS`` (1 000 000).

    Returns
    -------
    ndarray of shape (n, 2)
        Points in counter-clockwise angular order starting on the positive x axis. The
        points are the rays at ``n`` equally spaced angles, each scaled to norm 1, so the
        corners of the diamond (p=1) are hit exactly when ``n % 4 == 0``, those of the
        square (p=inf, on the diagonals) when ``n % 8 == 0``.
    """
    p = exponent("p", p)
    n = count("n", n, minimum=4, maximum=MAX_BALL_POINTS)
    theta = 2 * np.pi * np.arange(n) / n
    d = np.column_stack([np.cos(theta), np.sin(theta)])
    # Snap the axis and diagonal directions so corners are exact (cos(pi/4) != sin(pi/4)).
    d[np.abs(d) < 1e-15] = 0.0
    diag = np.abs(np.abs(d[:, 0]) - np.abs(d[:, 1])) < 1e-15
    d[diag] = np.sign(d[diag]) * np.sqrt(0.5)
    # For a tiny p the norm of an off-axis ray overflows: its point is 0.0 to float precision.
    return d / pnorm(np.abs(d), p, 1)[:, None]


def unit_balls(ps, n: int = 400) -> np.ndarray:
    """Outlines of the unit balls ``||w||_p = 1`` for several ``p``, ready to interpolate.

    Parameters
    ----------
    ps : array_like of shape (k,)
        Values of ``p``, each ``> 0`` or ``np.inf``.
    n : int
        Points per outline, at least 4; a multiple of 4 hits the axis points exactly.
        ``len(ps) * n`` is at most ``MAX_BALL_POINTS`` (1 000 000).

    Returns
    -------
    ndarray of shape (k, n, 2)
        ``out[i]`` is :func:`mathutils.unit_ball` ``(ps[i], n)``. Point ``j`` of every outline
        lies on the same ray from the origin, so two outlines can be blended point by point.
    """
    ps = exponents("ps", ps)
    n = count("n", n, minimum=4, maximum=MAX_BALL_POINTS)
    if len(ps) * n > MAX_BALL_POINTS:
        raise ValueError(
            f"ps and n: {len(ps)} outlines of {n} points exceed the documented cap of "
            f"{MAX_BALL_POINTS:_} points in total"
        )
    return np.stack([unit_ball(p, n) for p in ps])


def path_length(path, p: float = 1) -> float:
    """Length of a polyline (array of corners, shape (k, 2)) in the ``p``-norm."""
    pts = finite_array("path", path, ndim=2)
    if pts.shape[1] != 2 or len(pts) < 1:
        raise ValueError(f"path must have shape (k, 2) with k >= 1, got {pts.shape}")
    p = exponent("p", p)
    if len(pts) == 1:
        return 0.0
    with np.errstate(over="ignore", invalid="ignore"):
        total = float(np.sum(pnorm(np.abs(np.diff(pts, axis=0)), p, 1)))
    return float(finite_result("the path length (path, p)", total))
