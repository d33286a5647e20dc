"""Straight-line fits under two losses: least squares (L2), least absolute deviations (L1)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from scipy.optimize import linprog

from ._checks import MAX_ELEMENTS, finite_array, finite_result, real, same_length

#: Largest number of points :func:`lad_fit` accepts (its linear program has one variable per
#: point; 10**5 points take a few seconds). The lecture fits at most 11.
MAX_LAD_POINTS = 100_000
#: Largest number of points :func:`lad_optimal_lines` accepts: it checks all ``n (n - 1) / 2``
#: lines through two points against all ``n`` points, ``O(n^3)`` (about 3 s at 500 points).
MAX_VERTEX_POINTS = 500


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


def _exp2(v: float) -> int:
    """``e`` with ``2**e`` just above ``v > 0`` (0 for ``v = 0``): dividing by it is exact."""
    return int(np.frexp(v)[1]) if v > 0 else 0


class _Scaled(NamedTuple):
    """Data moved to ``u = (x - cx) / sx``, ``v = (y - cy) / sy``: both O(1), no offset."""

    u: np.ndarray
    v: np.ndarray
    cx: float
    ex: int  # x scale 2**ex
    cy: float
    ey: int  # y scale 2**ey


def _scaled(x: np.ndarray, y: np.ndarray) -> _Scaled:
    # Centre on a data value near the middle: x - cx is then exact for every x within a
    # factor 2 of cx (Sterbenz), so a large offset (timestamps ~1e15) costs no precision.
    # Scale by powers of two (exact) so squares neither overflow nor underflow.
    cx = float(np.sort(x)[len(x) // 2])
    cy = float(np.sort(y)[len(y) // 2])
    with np.errstate(over="ignore"):
        dx, dy = x - cx, y - cy
    if not (np.all(np.isfinite(dx)) and np.all(np.isfinite(dy))):  # spans beyond 1.8e308
        cx, cy = 0.0, 0.0
        dx, dy = x, y
    ex = _exp2(float(np.max(np.abs(dx))))
    ey = _exp2(float(np.max(np.abs(dy))))
    return _Scaled(np.ldexp(dx, -ex), np.ldexp(dy, -ey), cx, ex, cy, ey)


def _unscale(s: _Scaled, a: float, b: float, xm: float = 0.0) -> Line:
    """The line ``v = a + b (u - xm)`` of the scaled data, in the original coordinates."""
    with np.errstate(over="ignore", invalid="ignore"):
        slope = float(np.ldexp(b, s.ey - s.ex))
        # y = cy + sy (a - b xm) + slope (x - cx): the big offset term last.
        intercept = (s.cy + float(np.ldexp(a - b * xm, s.ey))) - slope * s.cx
    if not (np.isfinite(slope) and np.isfinite(intercept)):
        raise ValueError(
            "the fitted line's slope or intercept overflows the float range for this x and y "
            "(e.g. a huge rise over a tiny run); rescale x or y"
        )
    return Line(float(intercept) + 0.0, float(slope) + 0.0)  # no -0.0


def ols_fit(x, y) -> Line:
    """Least-squares line: minimise ``sum (y_i - a - b x_i)**2``.

    Parameters
    ----------
    x, y : array_like of shape (n,)
        Finite data, ``n >= 2`` with at least two distinct ``x``.

    Returns
    -------
    Line
        ``(intercept, slope)``, the unique minimiser (closed form via centred sums). The data
        are centred on a middle value and scaled by powers of two first, so a large offset
        in ``x`` (e.g. timestamps around 1e15) or values near the float limits cost no
        precision: the slope is exact to a few units in the last place of the centred sums.
        A slope or intercept beyond the float range raises ValueError.
    """
    x, y = _xy(x, y)
    s = _scaled(x, y)
    um, vm = float(s.u.mean()), float(s.v.mean())
    uc = s.u - um
    slope = float(np.dot(uc, s.v - vm) / np.dot(uc, uc))
    return _unscale(s, vm, slope, um)


def _lad_vertex(s: _Scaled, d: np.ndarray, a: float, b: float) -> tuple[float, float]:
    """The exact line through the two points the LP's basis passes through, if it is optimal.

    The dual solution ``d`` is strictly inside (-1, 1) exactly at the points the optimal
    primal line passes through; recomputing the line through two of them removes the LP's
    tolerance (~1e-9) from the answer. The recomputed line is kept only if its L1 loss is
    no larger than the LP line's.
    """
    inside = np.flatnonzero(np.abs(d) < 1.0 - 1e-9)
    resid = np.abs(s.v - a - b * s.u)
    if len(inside) < 2:
        inside = np.argsort(resid, kind="stable")[: max(2, len(inside))]
    # among the candidates, the pair with the widest x spread (best conditioned)
    cand = inside[np.argsort(resid[inside], kind="stable")[:8]]
    i, j = int(cand[np.argmin(s.u[cand])]), int(cand[np.argmax(s.u[cand])])
    if s.u[i] == s.u[j]:
        return a, b
    b2 = (s.v[j] - s.v[i]) / (s.u[j] - s.u[i])
    a2 = s.v[i] - b2 * s.u[i]
    old = float(np.sum(resid))
    new = float(np.sum(np.abs(s.v - a2 - b2 * s.u)))
    if not new <= old * (1 + 1e-12) + 1e-300:
        return a, b
    return _pivot_descent(s.u, s.v, i, j, float(a2), float(b2), new)


def _best_through(u: np.ndarray, v: np.ndarray, i: int) -> tuple[float, float, int]:
    """The best L1 line through point ``i``: a weighted median of the slopes to the others.

    Through ``(u_i, v_i)`` the loss is ``sum |u_k - u_i| |s_k - b|`` with ``s_k`` the slope to
    point ``k``, smallest at the median of the ``s_k`` weighted by ``|u_k - u_i|``. Returns
    the line ``(a, b)`` and the point ``k`` it passes through besides ``i``.
    """
    du = u - u[i]
    others = np.flatnonzero(du != 0)
    slopes = (v[others] - v[i]) / du[others]
    order = np.argsort(slopes, kind="stable")
    weights = np.abs(du[others])[order]
    cum = np.cumsum(weights)
    m = int(np.searchsorted(cum, 0.5 * cum[-1]))
    k = int(others[order[m]])
    b = float(slopes[order[m]])
    return float(v[i] - b * u[i]), b, k


def _pivot_descent(u, v, i: int, j: int, a: float, b: float, loss: float) -> tuple[float, float]:
    """Improve the vertex line ``(a, b)`` through points ``i`` and ``j`` by exact pivoting.

    Each step replaces the line by the best line through one of its two points (a weighted
    median of slopes, as in Wesolowsky's descent) when that lowers the loss; the loss
    strictly decreases, so the walk ends at an optimal vertex. This removes the LP solver's
    tolerance from the *choice* of vertex: with values spanning many orders of magnitude
    (1e300 next to 1e308) the solver cannot tell vertices whose losses differ by 1e-8
    relative; exact comparisons can.
    """
    for _ in range(100):
        best = None
        for pivot in (i, j):
            a2, b2, k = _best_through(u, v, pivot)
            new = float(np.sum(np.abs(v - a2 - b2 * u)))
            if new < loss and (best is None or new < best[2]):
                best = (a2, b2, new, pivot, k)
        if best is None:
            break
        a, b, loss, i, j = best
    return a, b


def lad_fit(x, y) -> Line:
    """Least-absolute-deviations line: minimise ``sum |y_i - a - b x_i|``, solved exactly.

    The problem is a linear program; HiGHS' dual simplex solves its dual,
    ``max sum y_i d_i`` subject to ``sum d_i = 0``, ``sum x_i d_i = 0``, ``-1 <= d_i <= 1``
    (``n`` variables and 2 constraints, so memory grows linearly), on data centred and
    scaled by powers of two (so an offset such as x around 1e15 costs no precision). The
    answer is a vertex: a line through (at least) two data points, recomputed exactly
    through them. When several lines tie, this returns one optimal vertex; which one is up
    to the solver.

    Parameters
    ----------
    x, y : array_like of shape (n,)
        Finite data, ``2 <= n <= MAX_LAD_POINTS`` (100 000) with at least two distinct ``x``.

    Returns
    -------
    Line
    """
    x, y = _xy(x, y)
    if len(x) > MAX_LAD_POINTS:
        raise ValueError(
            f"x and y must hold at most {MAX_LAD_POINTS:_} points for lad_fit (a documented "
            f"cap), got {len(x):_}"
        )
    s = _scaled(x, y)
    n = len(x)
    res = linprog(
        -s.v, A_eq=np.vstack([np.ones(n), s.u]), b_eq=[0.0, 0.0], bounds=(-1.0, 1.0),
        method="highs-ds",
    )
    if not res.success:  # pragma: no cover - a feasible LP (d = 0) with a bounded cost
        raise RuntimeError(f"LAD linear program failed: {res.message}")
    a, b = (-float(m) for m in res.eqlin.marginals)
    a, b = _lad_vertex(s, np.asarray(res.x), a, b)
    return _unscale(s, a, b)


def _line(line) -> Line:
    try:
        a, b = line
    except (TypeError, ValueError):
        raise ValueError(f"line must be a Line (intercept, slope), got {line!r:.60}") from None
    return Line(real("line.intercept", a), real("line.slope", b))


def absolute_loss(line: Line, x, y) -> float:
    """``sum |y_i - line(x_i)|``: the L1 loss of a line (finite, else ValueError)."""
    line = _line(line)
    x, y = _xy(x, y)
    with np.errstate(over="ignore", invalid="ignore"):
        return float(finite_result("the absolute loss of line on x, y", np.abs(y - line(x)).sum()))


def squared_loss(line: Line, x, y) -> float:
    """``sum (y_i - line(x_i))**2``: the L2 loss of a line (finite, else ValueError)."""
    line = _line(line)
    x, y = _xy(x, y)
    with np.errstate(over="ignore", invalid="ignore"):
        return float(finite_result("the squared loss of line on x, y", ((y - line(x)) ** 2).sum()))


def lad_optimal_lines(x, y, rtol: float = 1e-9) -> list[Line]:
    """Every optimal *vertex* of the least-absolute-deviations problem, by brute force.

    An LAD line can always be chosen through two data points (a vertex of the linear
    program), so the minimum loss is the smallest loss among the lines through pairs of
    points with distinct ``x``. The set of all optimal lines is the convex hull (in
    ``(intercept, slope)``) of the optimal vertices returned here: one line means the
    minimiser is unique, two or more mean a whole segment or polygon of lines ties.
    Exact combinatorics, ``O(n^3)`` time and (in blocks) bounded memory: meant for the
    lecture's small data sets, at most ``MAX_VERTEX_POINTS`` (500) points.

    Parameters
    ----------
    x, y : array_like of shape (n,)
    rtol : float
        Relative tolerance for calling a loss equal to the minimum, in ``[0, 1)``.

    Returns
    -------
    list of Line
        Distinct optimal vertex lines, sorted by slope.
    """
    x, y = _xy(x, y)
    if len(x) > MAX_VERTEX_POINTS:
        raise ValueError(
            f"x and y must hold at most {MAX_VERTEX_POINTS} points for lad_optimal_lines "
            f"(O(n^3), a documented cap), got {len(x)}"
        )
    rtol = real("rtol", rtol)
    if not 0.0 <= rtol < 1.0:
        raise ValueError(f"rtol must be in [0, 1), got {rtol!r}")
    # Work on the centred, scaled data (exact shifts and powers of two): an offset such as
    # x ~ 1e15 then costs no precision in the losses compared, and nothing overflows.
    s = _scaled(x, y)
    u, v = s.u, s.v
    i, j = np.triu_indices(len(u), k=1)
    keep = u[i] != u[j]
    i, j = i[keep], j[keep]
    with np.errstate(over="ignore", invalid="ignore"):
        slopes = (v[j] - v[i]) / (u[j] - u[i])
        intercepts = v[i] - slopes * u[i]
        block = max(1, MAX_ELEMENTS // (4 * len(u)))
        losses = np.concatenate([
            np.abs(
                v[None, :] - intercepts[k:k + block, None]
                - slopes[k:k + block, None] * u[None, :]
            ).sum(axis=1)
            for k in range(0, len(slopes), block)
        ])
    ok = np.isfinite(losses)
    if not ok.any():
        raise ValueError(
            "every line through two points overflows the float range for this x and y "
            "(x values too close together for their y); rescale x or y"
        )
    best = losses[ok].min()
    on = ok & (losses <= best + rtol * max(best, float(np.ldexp(1.0, -s.ey))))
    found: list[tuple[float, float]] = []
    for a, b in sorted(zip(intercepts[on], slopes[on], strict=True), key=lambda t: (t[1], t[0])):
        if not any(
            abs(a - qa) <= 1e-9 * max(1, abs(a)) and abs(b - qb) <= 1e-9 * max(1, abs(b))
            for qa, qb in found
        ):
            found.append((float(a), float(b)))
    return [_unscale(s, a, b) for a, b in found]
