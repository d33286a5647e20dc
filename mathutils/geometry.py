"""Contact geometry in two weights: where a quadratic loss first touches the L1 diamond or the
L2 circle, the path of that contact as the budget shrinks, level ellipses, and how often the
contact lands on an axis (a weight exactly 0) for random losses."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from ._checks import count, finite_array, finite_result, generator, nonnegative, pnorm
from .norms import MAX_BALL_POINTS

#: Largest ``trials`` of :func:`random_losses` (48 MB of draws, ~15 s on a slow core).
MAX_LOSSES = 1_000_000
#: Largest ``trials`` of :func:`zero_coefficient_rate` (one constrained minimum each,
#: ~20 s on a slow core). The lecture draws 1000.
MAX_RATE_TRIALS = 100_000
#: Beyond this ratio ``||c|| / t`` the ball is a point seen from ``c``: the minimiser is the
#: limit direction, to float precision.
_FAR = 1e300


def _spd2(Q) -> np.ndarray:
    Q = finite_array("Q", Q)
    if Q.shape != (2, 2):
        raise ValueError(f"Q must be a 2x2 matrix, got shape {Q.shape}")
    Qs = _unit_scale(Q)  # symmetry and definiteness judged at scale 1, so any scale works
    if abs(Qs[0, 1] - Qs[1, 0]) > 1e-12:
        raise ValueError("Q must be symmetric")
    if Qs[0, 0] <= 0 or Qs[0, 0] * Qs[1, 1] - Qs[0, 1] * Qs[1, 0] <= 0:
        raise ValueError("Q must be positive definite")
    return Q


def _unit_scale(Q: np.ndarray) -> np.ndarray:
    """``Q`` divided by a power of two (exact) so its largest entry lies in [0.5, 1)."""
    m = float(np.max(np.abs(Q)))
    return np.ldexp(Q, -int(np.frexp(m)[1])) if m > 0 else Q


def _point(name: str, value, shape_text: str = "(2,)") -> np.ndarray:
    v = finite_array(name, value)
    if v.shape != (2,):
        raise ValueError(f"{name} must have shape {shape_text}, got {v.shape}")
    return v


def quadratic_loss(Q, center, w) -> np.ndarray:
    """``(w - c)^T Q (w - c)`` for one point or a stack of points of shape (..., 2).

    Parameters
    ----------
    Q : array_like of shape (2, 2)
        Finite (not checked for definiteness).
    center : array_like of shape (2,)
    w : array_like of shape (..., 2)

    Returns
    -------
    float or ndarray of shape (...)
        Finite; a value beyond the float range raises ValueError.
    """
    Q = finite_array("Q", Q)
    if Q.shape != (2, 2):
        raise ValueError(f"Q must be a 2x2 matrix, got shape {Q.shape}")
    c = _point("center", center)
    w = finite_array("w", w)
    if w.ndim < 1 or w.shape[-1] != 2:
        raise ValueError(f"w must have shape (..., 2), got {w.shape}")
    with np.errstate(over="ignore", invalid="ignore"):
        d = w - c
        return finite_result("the quadratic loss", np.einsum("...i,ij,...j->...", d, Q, d))


def _on_circle(Q: np.ndarray, c: np.ndarray) -> np.ndarray:
    # The unit circle, Q scaled to norm ~1, ||c|| > 1. KKT: (Q + mu I) w = Q c with
    # ||w|| = 1, mu > 0. In Q's eigenbasis ||w(mu)|| falls monotonically from ||c|| (mu=0)
    # to 0, so one bracketed root finds mu; the tolerances are relative to mu's own scale.
    lam, V = np.linalg.eigh(Q)
    b = V.T @ (Q @ c)

    def excess(mu: float) -> float:
        return float(pnorm(np.abs(b / (lam + mu)), 2, None) - 1.0)

    hi = float(pnorm(np.abs(b), 2, None))  # there ||w|| <= ||b|| / hi = 1
    if excess(hi) >= 0.0:  # rounding at the bracket's end: the root is hi itself
        mu = hi
    else:
        mu = brentq(excess, 0.0, hi, xtol=np.finfo(float).tiny, rtol=4 * np.finfo(float).eps,
                    maxiter=500)
    w = V @ (b / (lam + mu))
    return w / pnorm(np.abs(w), 2, None)  # land exactly on the circle


def _on_diamond(Q: np.ndarray, c: np.ndarray) -> np.ndarray:
    # The unit diamond, Q scaled to norm ~1, c outside. The minimum lies on the boundary;
    # minimise over each of the four edges in closed form. A clamp to an edge's end returns
    # the vertex itself, so zeros are exact.
    vertices = [np.array([1.0, 0.0]), np.array([0.0, 1.0]), np.array([-1.0, 0.0]),
                np.array([0.0, -1.0])]
    best, best_val = vertices[0], np.inf
    scale = max(1.0, float(np.max(np.abs(c))))  # keeps the losses compared below finite
    for i in range(4):
        a, b = vertices[i], vertices[(i + 1) % 4]
        d = b - a
        curv = d @ Q @ d
        tau = float(np.clip(d @ Q @ (c - a) / curv, 0.0, 1.0))
        w = a if tau == 0.0 else b if tau == 1.0 else a + tau * d
        e = (w - c) / scale
        val = e @ Q @ e
        if val < best_val:
            best, best_val = w.copy(), val
    return best


def _far(Q: np.ndarray, c: np.ndarray, p: int) -> np.ndarray:
    """The unit-ball minimiser for a centre infinitely far along ``c``: maximise ``w . Qc``."""
    g = Q @ c
    if p == 2:
        return g / pnorm(np.abs(g), 2, None)
    k = int(np.argmax(np.abs(g)))
    out = np.zeros(2)
    out[k] = np.sign(g[k])
    return out


def constrained_minimum(Q, center, p: int, t: float) -> np.ndarray:
    """Minimise ``(w - c)^T Q (w - c)`` subject to ``||w||_p <= t`` in two dimensions.

    The problem is solved at unit scale: ``Q`` is divided by a power of two near its
    largest entry and ``w = t v`` with ``v`` in the unit ball and centre ``c / t``, so the
    answer does not change (beyond rounding) when ``Q`` is multiplied by any positive
    number, and it is correct for every budget from the smallest positive float up.

    Parameters
    ----------
    Q : array_like of shape (2, 2)
        Symmetric positive definite (else ValueError), at any scale.
    center : array_like of shape (2,)
        The unconstrained optimum ``c``.
    p : {1, 2}
        The diamond (L1) or the circle (L2).
    t : float
        The budget, >= 0.

    Returns
    -------
    ndarray of shape (2,)
        ``c`` itself when it is inside the ball. On the diamond, a minimum at a corner is
        returned as the corner, so its other coordinate is exactly 0.0. When ``||c|| / t``
        exceeds 1e300 the ball is a point seen from ``c``: the limit direction is returned,
        scaled to the ball (for a subnormal ``t`` the result is as precise as ``t`` is).
    """
    Q = _unit_scale(_spd2(Q))
    c = _point("center", center)
    p = _p12(p)
    t = nonnegative("t", t)
    if t == 0:
        return np.zeros(2)
    norm = pnorm(np.abs(c), float(p), None)
    if norm <= t:
        return c.copy()
    with np.errstate(over="ignore"):
        ratio = norm / t
    if not ratio <= _FAR:
        v = _far(Q, np.ldexp(c, -int(np.frexp(float(np.max(np.abs(c))))[1])), p)
    else:
        v = _on_diamond(Q, c / t) if p == 1 else _on_circle(Q, c / t)
    return t * v


def _p12(p) -> int:
    if isinstance(p, (bool, np.bool_)) or not isinstance(p, (int, float, np.number)) or (
        p not in (1, 2)
    ):
        raise ValueError(f"p must be 1 or 2, got {p!r}")
    return int(p)


@dataclass(frozen=True)
class RandomLosses:
    """Random 2-D quadratic losses ``(w - c)^T Q (w - c)``.

    Attributes
    ----------
    Q : ndarray of shape (trials, 2, 2)
    center : ndarray of shape (trials, 2)
    """

    Q: np.ndarray
    center: np.ndarray


def random_losses(trials: int, rng: np.random.Generator) -> RandomLosses:
    """Draw losses with explained.ai's generator.

    ``a (w1 - c1)^2 + b (w2 - c2)^2 + k (w1 - c1)(w2 - c2)`` with ``a, b ~ U(0, 10)``,
    ``k ~ U(-2, 2)``, ``c ~ U(-10, 10)^2``; a draw that is not positive definite
    (``4ab <= k^2``) is redrawn whole. ``trials`` is at most ``MAX_LOSSES`` (1 000 000).
    """
    trials = count("trials", trials, maximum=MAX_LOSSES)
    generator("rng", rng)
    Q = np.empty((trials, 2, 2))
    C = np.empty((trials, 2))
    i = 0
    while i < trials:
        a, b = rng.uniform(0, 10, size=2)
        k = rng.uniform(-2, 2)
        c = rng.uniform(-10, 10, size=2)
        if a <= 0 or b <= 0 or 4 * a * b - k * k <= 0:
            continue
        Q[i] = [[a, k / 2], [k / 2, b]]
        C[i] = c
        i += 1
    return RandomLosses(Q, C)


def zero_coefficient_rate(p: int, trials: int, rng: np.random.Generator, t: float = 2.0) -> float:
    """Fraction of random losses whose ``constrained_minimum`` has a coordinate exactly 0.

    Losses come from :func:`random_losses`; ``p`` is 1 (diamond) or 2 (circle); ``trials``
    is between 1 and ``MAX_RATE_TRIALS`` (100 000); ``t >= 0`` is the budget.
    """
    p = _p12(p)
    trials = count("trials", trials, minimum=1, maximum=MAX_RATE_TRIALS)
    t = nonnegative("t", t)
    losses = random_losses(trials, rng)
    hits = sum(
        bool(np.any(constrained_minimum(Q, c, p, t) == 0.0))
        for Q, c in zip(losses.Q, losses.center, strict=True)
    )
    return hits / trials


def _loss_args(Q, center) -> tuple[np.ndarray, np.ndarray]:
    return _spd2(Q), _point("center", center)


def contact_path(Q, center, p: int, budgets) -> np.ndarray:
    """Where the loss ``(w - c)^T Q (w - c)`` first touches the ball ``||w||_p <= t``, per ``t``.

    Parameters
    ----------
    Q : array_like of shape (2, 2)
        Symmetric positive definite.
    center : array_like of shape (2,)
        The unconstrained optimum ``c``.
    p : {1, 2}
        Diamond (L1) or circle (L2).
    budgets : array_like of shape (k,)
        Budgets ``t >= 0``, in any order.

    Returns
    -------
    ndarray of shape (k, 2)
        Row ``i`` is :func:`mathutils.constrained_minimum` ``(Q, c, p, budgets[i])``; on the
        diamond a corner is returned exactly, so its other coordinate is exactly 0.0.
    """
    Q, c = _loss_args(Q, center)
    p = _p12(p)
    t = finite_array("budgets", budgets, ndim=1)
    if np.any(t < 0):
        raise ValueError("budgets must all be >= 0")
    return np.array([constrained_minimum(Q, c, p, float(b)) for b in t]).reshape(len(t), 2)


def contact_level(Q, center, p: int, t: float) -> float:
    """The loss value at the first contact with the ball of budget ``t``.

    This is the level whose ellipse ``(w - c)^T Q (w - c) = level`` just touches the ball
    (0 when ``c`` is inside it), the ellipse to draw at the moment of contact.
    """
    Q, c = _loss_args(Q, center)
    return float(quadratic_loss(Q, c, constrained_minimum(Q, c, p, t)))


def ellipse_outline(Q, center, level: float, n: int = 200) -> np.ndarray:
    """Points on the level set ``(w - c)^T Q (w - c) = level``.

    Parameters
    ----------
    Q : array_like of shape (2, 2)
        Symmetric positive definite.
    center : array_like of shape (2,)
    level : float
        ``>= 0``; 0 gives ``n`` copies of the centre.
    n : int
        Number of points, at least 4 and at most ``MAX_BALL_POINTS`` (1 000 000), equally
        spaced in the ellipse's angle parameter.

    Returns
    -------
    ndarray of shape (n, 2)
        An open list of points (the last is not a repeat of the first). Scaling the
        outline for level 1 about ``c`` by ``sqrt(level)`` gives the outline for ``level``.
    """
    Q, c = _loss_args(Q, center)
    level = nonnegative("level", level)
    n = count("n", n, minimum=4, maximum=MAX_BALL_POINTS)
    # Eigen-decompose Q at unit scale (a power of two, exact): Q = 2**e Qs, so the semi-axes
    # sqrt(level / lam) = sqrt(level / lam_s) * 2**(-e / 2) for Q near 1e-300 or 1e300 too.
    e = int(np.frexp(float(np.max(np.abs(Q))))[1])
    lam, V = np.linalg.eigh(np.ldexp(Q, -e))
    theta = 2 * np.pi * np.arange(n) / n
    circle = np.column_stack([np.cos(theta), np.sin(theta)])
    half = np.ldexp(1.0, -(e // 2)) * (np.sqrt(0.5) if e % 2 else 1.0)
    with np.errstate(over="ignore", invalid="ignore"):
        pts = c + (np.sqrt(level) * half) * (circle / np.sqrt(lam)) @ V.T
    return finite_result("the ellipse (level too large for this Q)", pts)


def clip_polyline(points, lo, hi, closed: bool = True) -> list[np.ndarray]:
    """The pieces of a polyline that lie inside the box ``lo <= w <= hi`` (for drawing).

    Parameters
    ----------
    points : array_like of shape (n, 2)
    lo, hi : array_like of shape (2,)
        Box corners, ``lo < hi`` in both coordinates.
    closed : bool
        Treat the polyline as closed (the last point joins the first).

    Returns
    -------
    list of ndarray of shape (m, 2)
        Runs of consecutive inside points, each with at least 2 points, in order. A closed
        curve that is inside everywhere comes back as one run with its first point repeated
        at the end. Runs end at the last inside vertex (no edge intersection is added).
    """
    if not isinstance(closed, (bool, np.bool_)):
        raise ValueError(f"closed must be True or False, got {closed!r:.40}")
    pts = finite_array("points", points, ndim=2)
    if pts.shape[1] != 2:
        raise ValueError(f"points must have shape (n, 2), got {pts.shape}")
    lo = finite_array("lo", lo)
    hi = finite_array("hi", hi)
    if lo.shape != (2,) or hi.shape != (2,) or np.any(lo >= hi):
        raise ValueError("lo and hi must be 2-vectors with lo < hi in both coordinates")
    inside = np.all((pts >= lo) & (pts <= hi), axis=1)
    if inside.all():
        return [np.vstack([pts, pts[:1]]) if closed else pts.copy()]
    if not inside.any():
        return []
    if closed:  # rotate so the walk starts just after an outside point
        start = int(np.flatnonzero(~inside)[0])
        order = np.roll(np.arange(len(pts)), -start)
        pts, inside = pts[order], inside[order]
    runs, cur = [], []
    for q, ok in zip(pts, inside, strict=True):
        if ok:
            cur.append(q)
        else:
            if len(cur) >= 2:
                runs.append(np.array(cur))
            cur = []
    if len(cur) >= 2:
        runs.append(np.array(cur))
    return runs


def exact_zero_hits(losses: RandomLosses, p: int, t: float = 2.0) -> np.ndarray:
    """Per loss, whether its constrained minimum has a coordinate exactly 0.

    With ``p = 1`` that is the diamond's minimum sitting on a corner ``(0, ±t)`` or
    ``(±t, 0)``; otherwise it lies on an edge (or, for a centre inside the ball, at the centre).

    Parameters
    ----------
    losses : RandomLosses
        From :func:`mathutils.random_losses`.
    p : {1, 2}
        Diamond (L1) or circle (L2).
    t : float
        The budget, >= 0.

    Returns
    -------
    ndarray of bool, shape (trials,)
        ``out[i]`` is True when loss ``i``'s minimum has an exact 0; its running sum is
        :func:`zero_tallies`.
    """
    if not isinstance(losses, RandomLosses):
        raise ValueError("losses must be a RandomLosses, e.g. random_losses(100, rng)")
    p = _p12(p)
    t = nonnegative("t", t)
    return np.array([
        bool(np.any(constrained_minimum(Q, c, p, t) == 0.0))
        for Q, c in zip(losses.Q, losses.center, strict=True)
    ], dtype=bool)


def zero_tallies(losses: RandomLosses, p: int, t: float = 2.0) -> np.ndarray:
    """Running count of losses whose constrained minimum has a coordinate exactly 0.

    Parameters
    ----------
    losses : RandomLosses
        From :func:`mathutils.random_losses`.
    p : {1, 2}
        Diamond (L1) or circle (L2).
    t : float
        The budget, >= 0.

    Returns
    -------
    ndarray of int, shape (trials,)
        ``out[i]`` counts the exact zeros among the first ``i + 1`` losses, so
        ``out[-1] / trials`` equals :func:`mathutils.zero_coefficient_rate` run on the same
        generator state.
    """
    if not isinstance(losses, RandomLosses):
        raise ValueError("losses must be a RandomLosses, e.g. random_losses(100, rng)")
    return np.cumsum(exact_zero_hits(losses, p, t).astype(int))
