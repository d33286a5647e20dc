"""Two weights: where a quadratic loss first touches the L1 diamond or the L2 circle."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from ._checks import count, finite_array, finite_result, generator, nonnegative
from .norms import _pnorm

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
        return float(_pnorm(np.abs(b / (lam + mu)), 2, None) - 1.0)

    hi = float(_pnorm(np.abs(b), 2, None))  # there ||w|| <= ||b|| / hi = 1
    if excess(hi) >= 0.0:  # rounding at the bracket's end: the root is hi itself
        mu = hi
    else:
        mu = brentq(excess, 0.0, hi, xtol=np.finfo(float).tiny, rtol=4 * np.finfo(float).eps,
                    maxiter=500)
    w = V @ (b / (lam + mu))
    return w / _pnorm(np.abs(w), 2, None)  # land exactly on the circle


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
        return g / _pnorm(np.abs(g), 2, None)
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
    norm = _pnorm(np.abs(c), float(p), None)
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
