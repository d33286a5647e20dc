"""Norms, penalties, their slopes, unit balls and the one-weight descent of the sparsity chapter."""

from __future__ import annotations

import numpy as np

from ._checks import (
    choice,
    count,
    exponent,
    finite_array,
    finite_result,
    nonnegative,
    positive,
    real,
)

KINDS = ("l1", "l2")
METHODS = ("subgradient", "proximal")

#: Largest ``n`` of :func:`unit_ball` (16 MB of points; the lecture draws 400).
MAX_BALL_POINTS = 1_000_000
#: Largest ``steps`` of :func:`descend` (about a second per 100 000 steps on a slow core;
#: the lecture runs 18).
MAX_STEPS = 100_000


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


def _pnorm(a: np.ndarray, p: float, axis: int | None) -> np.ndarray | float:
    """The p-norm of the non-negative ``a`` (no checks; may be inf or 0 beyond float range)."""
    if np.isinf(p):
        return np.max(a, axis=axis, initial=0.0)
    if p == 1:
        with np.errstate(over="ignore"):
            return np.sum(a, axis=axis)
    # Scale by the largest entry so a**p neither overflows nor underflows (p = 2 too:
    # sqrt(sum a*a) gives 0 for [1e-200] and inf for [1e200]).
    m = np.max(a, axis=axis, keepdims=True, initial=0.0)
    safe = np.where(m > 0, m, 1.0)
    with np.errstate(over="ignore", under="ignore"):
        s = np.sum((a / safe) ** p, axis=axis, keepdims=True) ** (1.0 / p) * m
    return np.squeeze(s, axis=axis) if axis is not None else float(s.squeeze())


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
    return finite_result("the p-norm", _pnorm(a, p, axis))


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
    return d / _pnorm(np.abs(d), p, 1)[:, None]


def soft_threshold(z, t: float) -> np.ndarray:
    """Soft threshold ``sign(z) * max(|z| - t, 0)`` (the lasso map, ESL Table 3.4).

    Values with ``|z| <= t`` map to exactly 0.0.
    """
    z = finite_array("z", z)
    t = nonnegative("t", t)
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0) + 0.0  # +0.0 turns -0.0 into 0.0


def hard_threshold(z, t: float) -> np.ndarray:
    """Hard threshold ``z * 1{|z| > t}`` (best subset, ESL Table 3.4)."""
    z = finite_array("z", z)
    t = nonnegative("t", t)
    return np.where(np.abs(z) > t, z, 0.0)


def ridge_shrink(z, lam: float) -> np.ndarray:
    """Proportional shrink ``z / (1 + lam)`` (ridge, ESL Table 3.4). Never exactly 0 unless z is."""
    z = finite_array("z", z)
    lam = nonnegative("lam", lam)
    return z / (1.0 + lam)


def descend(
    w0: float,
    *,
    target: float,
    lam: float,
    lr: float,
    steps: int,
    penalty: str,
    method: str,
) -> np.ndarray:
    """Iterates of one weight minimising ``0.5 * (w - target)**2 + lam * R(w)``.

    Parameters
    ----------
    w0, target : float
        Start and the unpenalised optimum.
    lam : float
        Penalty strength, >= 0.
    lr : float
        Step size, > 0. The iterates stay bounded when ``lr * (1 + 2 * lam) <= 2``
        (L2, subgradient), ``lr <= 2`` (L1, either method) or
        ``lr * (1 - 2 * lam) <= 2`` (L2, proximal); beyond that they grow geometrically,
        and a run whose iterates overflow the float range raises ValueError naming ``lr``
        and that bound (never NaN or inf).
    steps : int
        Number of steps, >= 0 and at most ``MAX_STEPS`` (100 000).
    penalty : {"l1", "l2"}
        ``R(w) = |w|`` or ``R(w) = w**2``.
    method : {"subgradient", "proximal"}
        ``"subgradient"``: ``w <- w - lr * (w - target + lam * R'(w))`` with ``sign(0) = 0``.
        ``"proximal"``: ``z = w - lr * (w - target)``, then the exact prox of ``lr * lam * R``:
        ``soft_threshold(z, lr * lam)`` for l1 (exact zeros), ``z / (1 + 2 * lr * lam)`` for l2.

    Returns
    -------
    ndarray of shape (steps + 1,)
        ``w0`` followed by every iterate; all finite.
    """
    choice("penalty", penalty, KINDS)
    choice("method", method, METHODS)
    w = real("w0", w0)
    target = real("target", target)
    lam = nonnegative("lam", lam)
    lr = positive("lr", lr)
    steps = count("steps", steps, maximum=MAX_STEPS)
    out = np.empty(steps + 1)
    out[0] = w
    thr = lr * lam  # soft threshold of the L1 prox (inf only if w is already 0 forever)
    shrink = 1.0 + 2.0 * lr * lam
    with np.errstate(over="ignore", invalid="ignore"):
        for i in range(1, steps + 1):
            if method == "subgradient":
                slope = (w > 0) - (w < 0) if penalty == "l1" else 2.0 * w
                w = w - lr * (w - target + lam * slope)
            else:
                z = w - lr * (w - target)
                if penalty == "l1":
                    w = float(np.sign(z) * max(abs(z) - thr, 0.0)) + 0.0
                else:
                    w = z / shrink
            if not np.isfinite(w):
                bound, stable = _stable_bound(penalty, method, lam, lr)
                if stable:
                    raise ValueError(
                        f"descend overflows the float range at step {i}: w0={w0!r}, "
                        f"target={target!r}, lam={lam!r} and lr={lr!r} are too large "
                        "together; rescale them"
                    )
                raise ValueError(
                    f"descend diverged at step {i} (the iterates overflow the float range): "
                    f"lr={lr!r} is beyond the stable bound {bound} for penalty={penalty!r}, "
                    f"method={method!r}; pass a smaller lr"
                )
            out[i] = w
    return out


def _stable_bound(penalty: str, method: str, lam: float, lr: float) -> tuple[str, bool]:
    """The step sizes for which :func:`descend` stays bounded (as text), and if ``lr`` is one."""
    if penalty == "l1":
        return "lr <= 2", lr <= 2.0
    if method == "subgradient":
        return f"lr <= 2 / (1 + 2 * lam) = {2.0 / (1.0 + 2.0 * lam):.6g}", lr * (
            1.0 + 2.0 * lam
        ) <= 2.0
    if lam >= 0.5:
        return "any lr (every lr is stable when lam >= 0.5)", True
    return f"lr <= 2 / (1 - 2 * lam) = {2.0 / (1.0 - 2.0 * lam):.6g}", lr * (1 - 2 * lam) <= 2


MAP_KINDS = ("l1", "l2", "l0")


def map_threshold(lam: float, kind: str) -> float:
    """Half-width of the dead zone of :func:`threshold_map`: every ``|z|`` up to it maps to 0.

    ``lam`` for the lasso, ``sqrt(2 lam)`` for best subset, 0 for ridge (no dead zone).
    """
    lam = nonnegative("lam", lam)
    choice("kind", kind, MAP_KINDS)
    return {"l1": lam, "l2": 0.0, "l0": float(np.sqrt(2.0 * lam))}[kind]


def threshold_map(z, lam: float, kind: str) -> np.ndarray:
    """Where ``0.5 * (w - z)**2 + lam * R(w)`` is smallest, for each ``z`` (ESL Table 3.4 in
    one scaling of ``lam`` for all three penalties).

    Parameters
    ----------
    z : array_like
        The least-squares coefficients (orthonormal inputs).
    lam : float
        Penalty strength, >= 0.
    kind : {"l1", "l2", "l0"}
        ``R(w) = |w|`` (lasso: soft threshold at ``lam``), ``w**2`` (ridge: ``z / (1 + 2 lam)``)
        or ``1{w != 0}`` (best subset: hard threshold at ``sqrt(2 lam)``).

    Returns
    -------
    ndarray
        Same shape as ``z``; exactly 0.0 inside the dead zone of :func:`map_threshold`.
    """
    z = finite_array("z", z)
    lam = nonnegative("lam", lam)
    choice("kind", kind, MAP_KINDS)
    if kind == "l2":
        return ridge_shrink(z, 2.0 * lam)
    t = map_threshold(lam, kind)
    return soft_threshold(z, t) if kind == "l1" else hard_threshold(z, t)
