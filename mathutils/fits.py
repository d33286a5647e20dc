"""Straight-line fits under two losses: least squares (L2), least absolute deviations (L1)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from scipy.optimize import linprog

from ._checks import finite_array, same_length


class Line(NamedTuple):
    """The line ``y = intercept + slope * x``."""

    intercept: float
    slope: float

    def __call__(self, x):
        """Evaluate the line at ``x``."""
        return self.intercept + self.slope * np.asarray(x, dtype=float)


def _xy(x, y) -> tuple[np.ndarray, np.ndarray]:
    x = finite_array("x", x, ndim=1)
    y = finite_array("y", y, ndim=1)
    same_length(x, y)
    if len(x) < 2:
        raise ValueError(f"need at least 2 points to fit a line, got {len(x)}")
    if np.ptp(x) == 0:
        raise ValueError("x has a single distinct value; a line y = a + b x is not determined")
    return x, y


def ols_fit(x, y) -> Line:
    """Least-squares line: minimise ``sum (y_i - a - b x_i)**2``.

    Parameters
    ----------
    x, y : array_like of shape (n,)
        Finite data, ``n >= 2`` with at least two distinct ``x``.

    Returns
    -------
    Line
        ``(intercept, slope)``, the unique minimiser (closed form via centred sums).
    """
    x, y = _xy(x, y)
    xc = x - x.mean()
    slope = float(np.dot(xc, y - y.mean()) / np.dot(xc, xc))
    return Line(float(y.mean() - slope * x.mean()), slope)


def lad_fit(x, y) -> Line:
    """Least-absolute-deviations line: minimise ``sum |y_i - a - b x_i|``, solved exactly.

    The problem is the linear program ``min sum(u + v)`` subject to
    ``a + b x_i + u_i - v_i = y_i``, ``u, v >= 0``, solved with HiGHS' dual simplex, so the
    answer is a vertex: a line through (at least) two data points. When several lines tie,
    this returns one optimal vertex; which one is up to the solver.

    Parameters
    ----------
    x, y : array_like of shape (n,)
        Finite data, ``n >= 2`` with at least two distinct ``x``.

    Returns
    -------
    Line
    """
    x, y = _xy(x, y)
    n = len(x)
    # variables: a, b, u_1..u_n, v_1..v_n
    c = np.concatenate([[0.0, 0.0], np.ones(2 * n)])
    eye = np.eye(n)
    a_eq = np.hstack([np.ones((n, 1)), x[:, None], eye, -eye])
    bounds = [(None, None), (None, None)] + [(0, None)] * (2 * n)
    res = linprog(c, A_eq=a_eq, b_eq=y, bounds=bounds, method="highs-ds")
    if not res.success:  # pragma: no cover - an LP with a feasible point and bounded cost
        raise RuntimeError(f"LAD linear program failed: {res.message}")
    return Line(float(res.x[0]), float(res.x[1]))


def absolute_loss(line: Line, x, y) -> float:
    """``sum |y_i - line(x_i)|``: the L1 loss of a line."""
    x, y = _xy(x, y)
    return float(np.abs(y - line(x)).sum())


def squared_loss(line: Line, x, y) -> float:
    """``sum (y_i - line(x_i))**2``: the L2 loss of a line."""
    x, y = _xy(x, y)
    return float(((y - line(x)) ** 2).sum())


def lad_optimal_lines(x, y, rtol: float = 1e-9) -> list[Line]:
    """Every optimal *vertex* of the least-absolute-deviations problem, by brute force.

    An LAD line can always be chosen through two data points (a vertex of the linear
    program), so the minimum loss is the smallest loss among the lines through pairs of
    points with distinct ``x``. The set of all optimal lines is the convex hull (in
    ``(intercept, slope)``) of the optimal vertices returned here: one line means the
    minimiser is unique, two or more mean a whole segment or polygon of lines ties.
    Exact combinatorics, ``O(n^3)``: meant for the lecture's small data sets.

    Parameters
    ----------
    x, y : array_like of shape (n,)
    rtol : float
        Relative tolerance for calling a loss equal to the minimum.

    Returns
    -------
    list of Line
        Distinct optimal vertex lines, sorted by slope.
    """
    x, y = _xy(x, y)
    i, j = np.triu_indices(len(x), k=1)
    keep = x[i] != x[j]
    i, j = i[keep], j[keep]
    slopes = (y[j] - y[i]) / (x[j] - x[i])
    intercepts = y[i] - slopes * x[i]
    losses = np.abs(y[None, :] - intercepts[:, None] - slopes[:, None] * x[None, :]).sum(axis=1)
    best = losses.min()
    on = losses <= best + rtol * max(best, 1.0)
    lines: list[Line] = []
    for a, b in sorted(zip(intercepts[on], slopes[on], strict=True), key=lambda t: (t[1], t[0])):
        if not any(
            abs(a - q.intercept) <= 1e-9 * max(1, abs(a))
            and abs(b - q.slope) <= 1e-9 * max(1, abs(b))
            for q in lines
        ):
            lines.append(Line(float(a), float(b)))
    return lines
