"""Two weights: where a quadratic loss first touches the L1 diamond or the L2 circle."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from ._checks import count, finite_array, nonnegative


def _spd2(Q) -> np.ndarray:
    Q = finite_array("Q", Q)
    if Q.shape != (2, 2):
        raise ValueError(f"Q must be a 2x2 matrix, got shape {Q.shape}")
    if not np.allclose(Q, Q.T, rtol=1e-12, atol=1e-12):
        raise ValueError("Q must be symmetric")
    if Q[0, 0] <= 0 or np.linalg.det(Q) <= 0:
        raise ValueError("Q must be positive definite")
    return Q


def quadratic_loss(Q, center, w) -> np.ndarray:
    """``(w - c)^T Q (w - c)`` for one point or a stack of points of shape (..., 2)."""
    d = np.asarray(w, dtype=float) - np.asarray(center, dtype=float)
    return np.einsum("...i,ij,...j->...", d, np.asarray(Q, dtype=float), d)


def _on_circle(Q: np.ndarray, c: np.ndarray, t: float) -> np.ndarray:
    # KKT: (Q + mu I) w = Q c with ||w|| = t, mu > 0. In Q's eigenbasis ||w(mu)|| falls
    # monotonically from ||c|| (mu=0) to 0, so one bracketed root finds mu.
    lam, V = np.linalg.eigh(Q)
    b = V.T @ (Q @ c)

    def excess(mu: float) -> float:
        return float(np.linalg.norm(b / (lam + mu)) - t)

    hi = float(np.linalg.norm(b)) / t  # there ||w|| <= ||b|| / hi = t
    mu = brentq(excess, 0.0, hi, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=500)
    w = V @ (b / (lam + mu))
    return w * (t / np.linalg.norm(w))  # land exactly on the circle


def _on_diamond(Q: np.ndarray, c: np.ndarray, t: float) -> np.ndarray:
    # The minimum lies on the boundary; minimise over each of the four edges in closed
    # form. A clamp to an edge's end returns the vertex itself, so zeros are exact.
    vertices = [np.array([t, 0.0]), np.array([0.0, t]), np.array([-t, 0.0]), np.array([0.0, -t])]
    best, best_val = vertices[0], np.inf
    for i in range(4):
        a, b = vertices[i], vertices[(i + 1) % 4]
        d = b - a
        curv = d @ Q @ d
        tau = float(np.clip(d @ Q @ (c - a) / curv, 0.0, 1.0))
        w = a if tau == 0.0 else b if tau == 1.0 else a + tau * d
        val = quadratic_loss(Q, c, w)
        if val < best_val:
            best, best_val = w.copy(), val
    return best


def constrained_minimum(Q, center, p: int, t: float) -> np.ndarray:
    """Minimise ``(w - c)^T Q (w - c)`` subject to ``||w||_p <= t`` in two dimensions.

    Parameters
    ----------
    Q : array_like of shape (2, 2)
        Symmetric positive definite (else ValueError).
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
        returned as the corner, so its other coordinate is exactly 0.0.
    """
    Q = _spd2(Q)
    c = finite_array("center", center)
    if c.shape != (2,):
        raise ValueError(f"center must have shape (2,), got {c.shape}")
    if p not in (1, 2):
        raise ValueError(f"p must be 1 or 2, got {p!r}")
    t = nonnegative("t", t)
    if t == 0:
        return np.zeros(2)
    if np.sum(np.abs(c) ** p) ** (1 / p) <= t:
        return c.copy()
    return _on_diamond(Q, c, t) if p == 1 else _on_circle(Q, c, t)


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
    (``4ab <= k^2``) is redrawn whole.
    """
    trials = count("trials", trials)
    if not isinstance(rng, np.random.Generator):
        raise ValueError("rng must be a numpy.random.Generator, e.g. np.random.default_rng(0)")
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

    Losses come from :func:`random_losses`; ``p`` is 1 (diamond) or 2 (circle).
    """
    losses = random_losses(trials, rng)
    if trials == 0:
        raise ValueError("trials must be >= 1")
    hits = sum(
        bool(np.any(constrained_minimum(Q, c, p, t) == 0.0))
        for Q, c in zip(losses.Q, losses.center, strict=True)
    )
    return hits / trials
