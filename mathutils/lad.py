"""L1 vs L2 as a *loss*: least absolute deviations (LAD) against least squares (OLS).

The math of the robustness and stability chapters, computed before any animation:

* :func:`nudge_example` -- a handful of points where sliding one point sideways through a
  short range makes the LAD line jump (a tie between two optimal vertex lines lies inside
  the range), while the least-squares line only glides. Found by :func:`search_nudge_examples`.
* :func:`vertex_losses`, :func:`optimal_vertex`, :func:`lad_tie_position` -- the brute-force
  vertex view of LAD (every candidate line through two data points) used to find that tie.
* :func:`slope_profiles` -- each loss against the line's slope (best intercept per slope):
  piecewise linear with corners for L1, a parabola for L2.

Pure numpy/scipy. Random generation takes an explicit ``numpy.random.Generator``; bad input
raises ``ValueError`` naming the argument.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import numpy as np
from scipy.optimize import brentq

from ._checks import (
    MAX_ELEMENTS,
    budget,
    count,
    finite_array,
    finite_result,
    positive,
    real,
    same_length,
)
from .fits import MAX_VERTEX_POINTS, Line, absolute_loss, lad_fit, lad_optimal_lines, ols_fit

#: Largest number of fits a path function solves in total (positions times points; each
#: position is one ``lad_fit``): a few seconds. The lecture's paths are far below.
MAX_PATH_WORK = 200_000
#: Largest number of data points of the brute-force vertex functions (all lines through two
#: points, each checked against every point).
MAX_NUDGE_POINTS = 20
#: Largest number of seeds :func:`search_nudge_examples` tries.
MAX_SEEDS = 100_000
#: Largest ``n_positions`` of :func:`nudge_example` (one LAD fit each; the lecture uses 121).
MAX_POSITIONS = 5_001

# --------------------------------------------------------------------------------------------
# input checks


def _base_data(x, y, moving) -> tuple[np.ndarray, np.ndarray, int]:
    x = finite_array("x", x, ndim=1)
    y = finite_array("y", y, ndim=1)
    same_length(x, y)
    if len(x) < 3:
        raise ValueError(f"x and y need at least 3 points (one of them moves), got {len(x)}")
    if len(x) > MAX_VERTEX_POINTS:
        raise ValueError(
            f"x and y must hold at most {MAX_VERTEX_POINTS} points (a documented cap), "
            f"got {len(x)}"
        )
    m = count("moving", moving)
    if m >= len(x):
        raise ValueError(f"moving must index a point (0 to {len(x) - 1}), got {moving!r}")
    return x, y, m


def _positions(name: str, value) -> np.ndarray:
    p = finite_array(name, value, ndim=1)
    if len(p) < 1:
        raise ValueError(f"{name} must hold at least one position")
    return p


def _scalar(name: str, value) -> float:
    return real(name, value)


def _frozen(a) -> np.ndarray:
    a = np.array(a, dtype=float)
    a.setflags(write=False)
    return a


# --------------------------------------------------------------------------------------------
# the vertex view of LAD: every line through two data points, and its L1 loss


@dataclass(frozen=True)
class VertexLosses:
    """The L1 loss of every line through two data points, for each position of one point.

    Attributes
    ----------
    pairs : ndarray of int, shape (P, 2)
        The two points ``(i, j)`` each candidate line passes through, ``i < j``.
    intercepts, slopes : ndarray, shape (T, P)
        The candidate lines at each of the ``T`` positions (NaN where the two points share
        an ``x``, so no line ``y = a + b x`` passes through both).
    losses : ndarray, shape (T, P)
        ``sum_i |y_i - a - b x_i|`` of each candidate (``inf`` where undefined).
    """

    pairs: np.ndarray
    intercepts: np.ndarray
    slopes: np.ndarray
    losses: np.ndarray


def vertex_losses(x, y, moving: int, positions) -> VertexLosses:
    """The L1 loss of every two-point line while point ``moving`` sits at each x position.

    An LAD line can always be chosen through two data points (a vertex of the linear
    program), so the smallest of these losses is the LAD minimum, and the pairs attaining it
    are the optimal vertices (what :func:`mathutils.lad_optimal_lines` returns for one
    data set, here vectorised over positions of the moving point).

    Parameters
    ----------
    x, y : array_like of shape (n,)
        The base data, ``n >= 3``.
    moving : int
        Index of the point that slides horizontally; its ``y`` stays.
    positions : array_like of shape (T,)
        The x positions the moving point takes. ``T * n * n (n - 1) / 2`` residuals are
        computed: at most ``MAX_ELEMENTS`` (10 000 000); ``n`` is at most 500.

    Returns
    -------
    VertexLosses
    """
    x, y, m = _base_data(x, y, moving)
    ts = _positions("positions", positions)
    n = len(x)
    budget("positions and x", len(ts) * n * n * (n - 1) // 2, MAX_ELEMENTS,
           "residuals (len(positions) * n * n (n - 1) / 2)")
    xs = np.repeat(x[None, :], len(ts), axis=0)
    xs[:, m] = ts
    i, j = np.triu_indices(len(x), k=1)
    dx = xs[:, j] - xs[:, i]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        slopes = np.where(dx != 0, (y[j] - y[i]) / np.where(dx != 0, dx, 1.0), np.nan)
    with np.errstate(over="ignore", invalid="ignore"):
        intercepts = y[i] - slopes * xs[:, i]
        resid = y[None, None, :] - intercepts[:, :, None] - slopes[:, :, None] * xs[:, None, :]
        losses = np.abs(resid).sum(axis=-1)
    defined = dx != 0
    if not np.all(np.isfinite(losses[defined])):
        raise ValueError(
            "x, y or positions are too large: a two-point line's L1 loss overflows the float "
            "range; rescale them"
        )
    losses[~defined] = np.inf
    return VertexLosses(np.stack([i, j], axis=1), intercepts, slopes, losses)


def optimal_vertex(x, y, moving: int, positions) -> np.ndarray:
    """Index (into ``vertex_losses(...).pairs``) of the best vertex line at each position.

    Where two vertices tie exactly, the lower index wins; see :func:`lad_tie_position` to
    find where that happens.
    """
    return vertex_losses(x, y, moving, positions).losses.argmin(axis=1)


def lad_tie_position(x, y, moving: int, lo: float, hi: float) -> float:
    """The x position of point ``moving`` where the best LAD vertex changes, in ``[lo, hi]``.

    Bisection on *which vertex is optimal* narrows ``[lo, hi]`` to the switch, then the exact
    crossing of the two vertices' L1 losses (each piecewise linear in the position) is found
    with Brent's method. There the two vertex lines have equal L1 loss and both are optimal.

    Parameters
    ----------
    x, y : array_like of shape (n,)
    moving : int
    lo, hi : float
        Positions with ``lo < hi`` at which different vertices are optimal.

    Returns
    -------
    float
        The tie position. If several switches lie in ``[lo, hi]``, one of them.
    """
    x, y, m = _base_data(x, y, moving)
    lo, hi = real("lo", lo), real("hi", hi)
    if not lo < hi:
        raise ValueError(f"lo and hi must be finite with lo < hi, got {lo!r}, {hi!r}")
    first, last = optimal_vertex(x, y, m, [lo, hi])
    if first == last:
        raise ValueError(f"the same vertex is optimal at lo={lo} and hi={hi}: no switch to find")
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if mid in (lo, hi):
            break
        if optimal_vertex(x, y, m, [mid])[0] == first:
            lo = mid
        else:
            hi = mid
    p, q = first, optimal_vertex(x, y, m, [hi])[0]

    def gap(t: float) -> float:
        loss = vertex_losses(x, y, m, [t]).losses[0]
        return float(loss[p] - loss[q])

    g_lo, g_hi = gap(lo), gap(hi)
    if g_lo == 0.0:
        return lo
    if g_lo < 0.0 < g_hi:
        return float(brentq(gap, lo, hi, xtol=1e-15, rtol=4 * np.finfo(float).eps))
    return 0.5 * (lo + hi)  # pragma: no cover - bisection already at machine precision


def slope_profiles(x, y, slopes) -> tuple[np.ndarray, np.ndarray]:
    """Each loss as a function of the line's slope, the intercept chosen best for each slope.

    For a slope ``b`` the residuals ``r = y - b x`` are fitted by one intercept: the median
    of ``r`` for the L1 loss, the mean for the L2 loss. So the L1 profile
    ``sum |r - median(r)|`` is piecewise linear in ``b`` (convex, its corners at slopes of
    lines through two data points) and the L2 profile ``sum (r - mean(r))^2`` is a parabola.
    Their minima are the LAD and least-squares losses.

    Parameters
    ----------
    x, y : array_like of shape (n,)
        The data, ``n >= 2``.
    slopes : array_like of shape (S,)
        The slopes to evaluate. ``S * n`` is at most ``MAX_ELEMENTS`` (10 000 000).

    Returns
    -------
    l1, l2 : ndarray of shape (S,)
        The smallest L1 loss and the smallest L2 loss of a line with each slope.
    """
    x = finite_array("x", x, ndim=1)
    y = finite_array("y", y, ndim=1)
    same_length(x, y)
    if len(x) < 2:
        raise ValueError(f"x and y need at least 2 points, got {len(x)}")
    b = _positions("slopes", slopes)
    budget("slopes and x", len(b) * len(x), MAX_ELEMENTS, "residuals (len(slopes) * n)")
    with np.errstate(over="ignore", invalid="ignore"):
        r = y[None, :] - b[:, None] * x[None, :]
        l1 = np.abs(r - np.median(r, axis=1, keepdims=True)).sum(axis=1)
        l2 = ((r - r.mean(axis=1, keepdims=True)) ** 2).sum(axis=1)
    if not (np.all(np.isfinite(l1)) and np.all(np.isfinite(l2))):
        raise ValueError("x, y or slopes are too large: a loss overflows the float range; "
                         "rescale them")
    return l1, l2


# --------------------------------------------------------------------------------------------
# the nudge example (stability chapter; reused by the numeracy chapter)


@dataclass(frozen=True)
class NudgeCandidate:
    """One data set found by :func:`search_nudge_examples`."""

    seed: int
    moving: int
    x: np.ndarray
    y: np.ndarray
    jump: float  # |LAD slope after - LAD slope before|
    ols_glide: float  # |OLS slope at the end - OLS slope at the start|


@dataclass(frozen=True)
class NudgeExample:
    """A few points; sliding one of them sideways makes the LAD line jump.

    Attributes
    ----------
    x, y : ndarray of shape (n,)
        The base data (point ``moving`` at its base position ``x[moving]``).
    moving : int
        Index of the nudged point; only its x changes.
    positions : ndarray of shape (T,)
        The x positions of the nudge, a short range centred on ``x[moving]``.
    tie_position : float
        The position where two LAD vertex lines have equal L1 loss (inside ``positions``).
    tie_lines : tuple of Line
        The optimal vertex lines at the tie, from :func:`mathutils.lad_optimal_lines`,
        sorted by slope; every line between them (in intercept and slope) is optimal too.
    tie_pairs : tuple of (int, int)
        For each tie line, the two data points it passes through.
    ols_intercepts, ols_slopes : ndarray of shape (T,)
        :func:`mathutils.ols_fit` at each position.
    lad_intercepts, lad_slopes : ndarray of shape (T,)
        :func:`mathutils.lad_fit` at each position.
    lad_loss, ols_loss : ndarray of shape (T,)
        The minimum L1 loss and the minimum L2 loss at each position.
    seed : int
        The seed of the data set (see :func:`search_nudge_examples`).
    """

    x: np.ndarray
    y: np.ndarray
    moving: int
    positions: np.ndarray
    tie_position: float
    tie_lines: tuple[Line, ...]
    tie_pairs: tuple[tuple[int, int], ...]
    ols_intercepts: np.ndarray
    ols_slopes: np.ndarray
    lad_intercepts: np.ndarray
    lad_slopes: np.ndarray
    lad_loss: np.ndarray
    ols_loss: np.ndarray
    seed: int

    def data_at(self, position: float) -> tuple[np.ndarray, np.ndarray]:
        """The data with the moving point at ``position``."""
        xs = np.array(self.x, dtype=float)
        xs[self.moving] = float(position)
        return xs, np.array(self.y, dtype=float)


#: Shape of the search: points, spread, nudge half-width, positions scanned.
NUDGE_POINTS = 5
NUDGE_HALF_WIDTH = 0.6
_SCAN = 201
#: The data set :func:`nudge_example` uses: the first candidate of
#: ``search_nudge_examples(range(1500))`` (recorded so the example is instant; a test re-runs
#: that search).
NUDGE_SEED = 714
NUDGE_MOVING = 1


def _nudge_data(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Points near ``y = 1 + x/2``, x spread evenly with jitter, rounded to one decimal."""
    x = np.round(np.arange(1, n + 1) * 1.5 + rng.uniform(-0.4, 0.4, n), 1)
    y = np.round(1 + 0.5 * x + rng.normal(0.0, 1.0, n), 1)
    return x, y


def _scan(x, y, m, half_width, n_scan):
    ts = np.linspace(x[m] - half_width, x[m] + half_width, n_scan)
    v = vertex_losses(x, y, m, ts)
    return ts, v, v.losses.argmin(axis=1)


def search_nudge_examples(
    seeds, n_points: int = NUDGE_POINTS, half_width: float = NUDGE_HALF_WIDTH,
    n_scan: int = _SCAN, margin: float = 0.05,
) -> list[NudgeCandidate]:
    """Search random small data sets for a clean LAD jump under a sideways nudge.

    For each seed, ``n_points`` points near ``y = 1 + x/2`` are drawn with
    ``np.random.default_rng(seed)``; each point in turn slides through
    ``x_i +- half_width``. A candidate is kept when, over ``n_scan`` positions, the best LAD
    vertex changes exactly once, in the middle 40 % of the range, the best lines never pass
    through the moving point (so the LAD slope is flat on both sides of the jump), and at both
    ends the best vertex wins by at least ``margin`` in L1 loss.

    Parameters
    ----------
    seeds : iterable of int
        At most ``MAX_SEEDS`` (100 000) of them.
    n_points : int
        Points per data set, at least 3 and at most ``MAX_NUDGE_POINTS`` (20).
    half_width : float
        Half the nudge range, > 0.
    n_scan : int
        Positions scanned per point, at least 3; ``n_scan * n_points**3 / 2`` is at most
        ``MAX_ELEMENTS`` (10 000 000).
    margin : float
        Required lead of the best vertex at both ends of the range, > 0.

    Returns
    -------
    list of NudgeCandidate
        Sorted by decreasing jump of the LAD slope, then by decreasing glide of the OLS
        slope (a visible glide is the contrast the chapter shows).
    """
    n = count("n_points", n_points, minimum=3, maximum=MAX_NUDGE_POINTS)
    hw = positive("half_width", half_width)
    n_scan = count("n_scan", n_scan, minimum=3)
    budget("n_scan and n_points", n_scan * n * n * (n - 1) // 2, MAX_ELEMENTS,
           "residuals per scan")
    margin = positive("margin", margin)
    if isinstance(seeds, (str, bytes)):
        raise ValueError(f"seeds must be an iterable of integers, got {seeds!r:.40}")
    try:
        seeds = list(islice(iter(seeds), MAX_SEEDS + 1))
    except TypeError:
        raise ValueError(f"seeds must be an iterable of integers, got {seeds!r:.40}") from None
    if len(seeds) > MAX_SEEDS:
        raise ValueError(f"seeds must hold at most {MAX_SEEDS:_} seeds (a documented cap)")
    found: list[NudgeCandidate] = []
    for seed in seeds:
        seed = count("seeds", seed)
        x, y = _nudge_data(np.random.default_rng(seed), n)
        if len(np.unique(x)) < n:
            continue
        for m in range(n):
            ts, v, best = _scan(x, y, m, hw, n_scan)
            switch = np.nonzero(np.diff(best))[0]
            if len(switch) != 1 or not 0.3 * n_scan < switch[0] < 0.7 * n_scan:
                continue
            if np.any(v.pairs[best] == m):
                continue
            ends = np.sort(v.losses[[0, -1]], axis=1)
            if np.min(ends[:, 1] - ends[:, 0]) < margin:
                continue
            jump = abs(v.slopes[-1, best[-1]] - v.slopes[0, best[0]])
            xs0, xs1 = x.copy(), x.copy()
            xs0[m], xs1[m] = ts[0], ts[-1]
            glide = abs(ols_fit(xs1, y).slope - ols_fit(xs0, y).slope)
            found.append(NudgeCandidate(seed, m, x, y, float(jump), float(glide)))
    found.sort(key=lambda c: (-c.jump, -c.ols_glide, c.seed, c.moving))
    return found


def nudge_example(n_positions: int = 121) -> NudgeExample:
    """The stability chapter's data: nudge one point sideways and the LAD line jumps.

    Five points (``NUDGE_SEED``, found by :func:`search_nudge_examples`); point
    ``NUDGE_MOVING`` slides through ``x +- NUDGE_HALF_WIDTH``. Both fits are solved at every
    position (``ols_fit`` and ``lad_fit``); the tie inside the range is located with
    :func:`lad_tie_position` and its optimal lines come from ``lad_optimal_lines``.

    Parameters
    ----------
    n_positions : int
        Positions along the nudge, at least 3 and at most ``MAX_POSITIONS`` (5 001): the
        arrays' length.

    Returns
    -------
    NudgeExample
        Arrays are read-only; the result is cached.
    """
    return _nudge_example(count("n_positions", n_positions, minimum=3, maximum=MAX_POSITIONS))


@lru_cache(maxsize=8)
def _nudge_example(t_count: int) -> NudgeExample:
    x, y = _nudge_data(np.random.default_rng(NUDGE_SEED), NUDGE_POINTS)
    m = NUDGE_MOVING
    positions = np.linspace(x[m] - NUDGE_HALF_WIDTH, x[m] + NUDGE_HALF_WIDTH, t_count)
    ols_a, ols_b, lad_a, lad_b, l1, l2 = (np.empty(t_count) for _ in range(6))
    for k, t in enumerate(positions):
        xs = x.copy()
        xs[m] = t
        o, d = ols_fit(xs, y), lad_fit(xs, y)
        ols_a[k], ols_b[k], lad_a[k], lad_b[k] = o.intercept, o.slope, d.intercept, d.slope
        l2[k] = float(((y - o(xs)) ** 2).sum())
        l1[k] = float(np.abs(y - d(xs)).sum())
    tie = lad_tie_position(x, y, m, positions[0], positions[-1])
    xs = x.copy()
    xs[m] = tie
    lines = tuple(lad_optimal_lines(xs, y))
    pairs = []
    for line in lines:
        on = np.nonzero(np.abs(y - line(xs)) <= 1e-9 * max(1.0, float(np.abs(y).max())))[0]
        pairs.append((int(on[0]), int(on[1])))
    return NudgeExample(
        x=_frozen(x), y=_frozen(y), moving=m, positions=_frozen(positions),
        tie_position=float(tie), tie_lines=lines, tie_pairs=tuple(pairs),
        ols_intercepts=_frozen(ols_a), ols_slopes=_frozen(ols_b),
        lad_intercepts=_frozen(lad_a), lad_slopes=_frozen(lad_b),
        lad_loss=_frozen(l1), ols_loss=_frozen(l2), seed=NUDGE_SEED,
    )


# --------------------------------------------------------------------------------------------
# paths: fits precomputed while one point is dragged (robustness chapter)


@dataclass(frozen=True)
class FitPath:
    """Least-squares and LAD lines while one point moves along a path.

    Attributes
    ----------
    x, y : ndarray of shape (n,)
        The base data.
    moving : int
        Index of the moving point.
    xs, ys : ndarray of shape (T,)
        The moving point's coordinates at each step (the other points stay).
    ols_intercepts, ols_slopes, lad_intercepts, lad_slopes : ndarray of shape (T,)
        :func:`mathutils.ols_fit` and :func:`mathutils.lad_fit` at each step.
    l2_share : ndarray of shape (T,)
        The moving point's share of the total squared loss of the least-squares line:
        ``r_m**2 / sum r_i**2`` (0 where the total is 0).
    l1_share : ndarray of shape (T,)
        The moving point's share of the total absolute loss of the LAD line:
        ``|r_m| / sum |r_i|`` (0 where the total is 0).
    """

    x: np.ndarray
    y: np.ndarray
    moving: int
    xs: np.ndarray
    ys: np.ndarray
    ols_intercepts: np.ndarray
    ols_slopes: np.ndarray
    lad_intercepts: np.ndarray
    lad_slopes: np.ndarray
    l2_share: np.ndarray
    l1_share: np.ndarray

    def data_at(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The data at step ``k``."""
        x, y = np.array(self.x, dtype=float), np.array(self.y, dtype=float)
        x[self.moving], y[self.moving] = self.xs[k], self.ys[k]
        return x, y

    def ols_line(self, k: int) -> Line:
        """The least-squares line at step ``k``."""
        return Line(float(self.ols_intercepts[k]), float(self.ols_slopes[k]))

    def lad_line(self, k: int) -> Line:
        """The LAD line at step ``k``."""
        return Line(float(self.lad_intercepts[k]), float(self.lad_slopes[k]))


def _share(part: float, total: float) -> float:
    with np.errstate(invalid="ignore", over="ignore"):
        return part / total if total > 0 else 0.0


def _fit_path(x, y, m, xs, ys) -> FitPath:
    if len(xs) * len(x) > MAX_PATH_WORK:
        raise ValueError(
            f"{len(xs)} steps of {len(x)} points exceed the documented cap of "
            f"{MAX_PATH_WORK:_} point-fits (steps * points); pass fewer steps"
        )
    cols = {k: np.empty(len(xs)) for k in ("oa", "ob", "da", "db", "s2", "s1")}
    for k, (px, py) in enumerate(zip(xs, ys, strict=True)):
        xk, yk = x.copy(), y.copy()
        xk[m], yk[m] = px, py
        o, d = ols_fit(xk, yk), lad_fit(xk, yk)
        with np.errstate(over="ignore", invalid="ignore"):
            r2 = (yk - o(xk)) ** 2
            r1 = np.abs(yk - d(xk))
        cols["oa"][k], cols["ob"][k], cols["da"][k], cols["db"][k] = (
            o.intercept, o.slope, d.intercept, d.slope,
        )
        cols["s2"][k] = _share(r2[m], r2.sum())
        cols["s1"][k] = _share(r1[m], r1.sum())
    finite_result("the losses along the path (x, y and the moving point's values)",
                  list(cols.values()))
    return FitPath(
        x=_frozen(x), y=_frozen(y), moving=m, xs=_frozen(xs), ys=_frozen(ys),
        ols_intercepts=_frozen(cols["oa"]), ols_slopes=_frozen(cols["ob"]),
        lad_intercepts=_frozen(cols["da"]), lad_slopes=_frozen(cols["db"]),
        l2_share=_frozen(cols["s2"]), l1_share=_frozen(cols["s1"]),
    )


def drag_path(x, y, moving: int, heights) -> FitPath:
    """Both fits while point ``moving`` is dragged vertically through ``heights``.

    An outlier *in y*: the least-squares line swings toward it, the LAD line barely moves.

    Parameters
    ----------
    x, y : array_like of shape (n,)
        The base data, ``n >= 3`` with at least two distinct x.
    moving : int
        Index of the dragged point; its x stays.
    heights : array_like of shape (T,)
        The y values it takes, in order; ``T * n`` is at most ``MAX_PATH_WORK`` (200 000).

    Returns
    -------
    FitPath
    """
    x, y, m = _base_data(x, y, moving)
    ys = _positions("heights", heights)
    return _fit_path(x, y, m, np.full(len(ys), x[m]), ys)


def leverage_path(x, y, moving: int, positions) -> FitPath:
    """Both fits while point ``moving`` is dragged horizontally through ``positions``.

    An outlier *in x* (high leverage): far enough out, it pulls the LAD line too.

    Parameters
    ----------
    x, y : array_like of shape (n,)
        The base data, ``n >= 3``.
    moving : int
        Index of the dragged point; its y stays.
    positions : array_like of shape (T,)
        The x values it takes, in order. At every step at least two x must differ.
        ``T * n`` is at most ``MAX_PATH_WORK`` (200 000).

    Returns
    -------
    FitPath
    """
    x, y, m = _base_data(x, y, moving)
    xs = _positions("positions", positions)
    return _fit_path(x, y, m, xs, np.full(len(xs), y[m]))


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
