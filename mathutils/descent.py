"""One weight and its descent: proximal maps, gradient steps, the one-weight objective.

The thresholds (soft, hard, ridge's shrink) are the proximal steps of the L1, L0 and L2
penalties; :func:`descend` runs plain subgradient or proximal steps on one weight. Everything
else is about a single weight ``w`` and the penalised objective

    f(w) = 0.5 * (w - target)**2 + lam * R(w),   R(w) = |w| (L1) or w**2 (L2).

Its minimum has a closed form: ``soft_threshold(target, lam)`` for L1 (exactly 0 once
``lam >= |target|``) and ``target / (1 + 2 * lam)`` for L2 (never 0 unless ``target`` is).
Pure numpy; bad input raises ``ValueError`` naming the argument.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import (
    MAX_ELEMENTS,
    budget,
    choice,
    count,
    finite_array,
    finite_result,
    nonnegative,
    positive,
    real,
)
from .norms import KINDS


@dataclass(frozen=True)
class WorkedNumber:
    """How much each penalty drops when one weight moves from ``w_from`` to ``w_to``.

    Attributes
    ----------
    w_from, w_to : float
        The move.
    drop_l1 : float
        ``|w_from| - |w_to|``.
    drop_l2 : float
        ``w_from**2 - w_to**2``.
    """

    w_from: float
    w_to: float
    drop_l1: float
    drop_l2: float


def worked_number(w_from: float = 0.25, w_to: float = 0.1) -> WorkedNumber:
    """The drop of ``|w|`` and of ``w**2`` when ``w`` moves from ``w_from`` to ``w_to``.

    The default move, 0.25 -> 0.1, lowers ``|w|`` by 0.15 but ``w**2`` by only 0.0525:
    near zero, L2 barely rewards making a small weight smaller.

    Parameters
    ----------
    w_from, w_to : float
        Finite start and end of the move.

    Returns
    -------
    WorkedNumber
    """
    a = real("w_from", w_from)
    b = real("w_to", w_to)
    drop_l1 = abs(a) - abs(b)
    with np.errstate(over="ignore", invalid="ignore"):
        drop_l2 = a * a - b * b
        if not np.isfinite(drop_l2):  # the squares overflow; their difference may not
            drop_l2 = (a - b) * (a + b)
    finite_result("w_from**2 - w_to**2 (w_from and w_to)", [drop_l1, drop_l2])
    return WorkedNumber(a, b, float(drop_l1), float(drop_l2))


def scalar_objective(w, target: float, lam: float, kind: str) -> np.ndarray:
    """The penalised objective ``0.5 * (w - target)**2 + lam * R(w)`` (elementwise in ``w``).

    Parameters
    ----------
    w : array_like
        Finite weights.
    target : float
        The unpenalised optimum.
    lam : float
        Penalty strength, >= 0.
    kind : {"l1", "l2"}
        ``R(w) = |w|`` or ``R(w) = w**2``.

    Returns
    -------
    ndarray
        Same shape as ``w``.
    """
    choice("kind", kind, KINDS)
    w = finite_array("w", w)
    target = real("target", target)
    lam = nonnegative("lam", lam)
    with np.errstate(over="ignore", invalid="ignore"):
        value = 0.5 * (w - target) ** 2 + lam * (np.abs(w) if kind == "l1" else w * w)
    return finite_result("the objective (w, target and lam)", value)


def penalised_minimum(target: float, lam, kind: str) -> np.ndarray:
    """Where ``0.5 * (w - target)**2 + lam * R(w)`` is smallest, for each ``lam``.

    Parameters
    ----------
    target : float
        The unpenalised optimum.
    lam : float or array_like
        Penalty strengths, each >= 0.
    kind : {"l1", "l2"}
        L1 gives ``soft_threshold(target, lam)``: exactly 0.0 once ``lam >= |target|``.
        L2 gives ``target / (1 + 2 * lam)``: it shrinks but is never 0 unless ``target`` is.

    Returns
    -------
    ndarray
        Same shape as ``lam``.
    """
    choice("kind", kind, KINDS)
    target = real("target", target)
    lams = finite_array("lam", lam)
    if np.any(lams < 0):
        raise ValueError("lam must be >= 0 everywhere")
    if kind == "l1":
        flat = [float(soft_threshold(target, t)) for t in lams.ravel()]
        return np.array(flat, dtype=float).reshape(lams.shape)
    return target / (1.0 + 2.0 * lams)


def objective_curves(w, target: float, lams, kind: str) -> np.ndarray:
    """The objective on the grid ``w`` for every ``lam`` in ``lams``: one row per ``lam``.

    Parameters
    ----------
    w : array_like, 1-D
        Grid of weights.
    target : float
        The unpenalised optimum.
    lams : array_like, 1-D
        Penalty strengths, each >= 0.
    kind : {"l1", "l2"}

    Returns
    -------
    ndarray of shape (len(lams), len(w))
        At most ``MAX_ELEMENTS`` (10 000 000) values, else ValueError.
    """
    w = finite_array("w", w, ndim=1)
    lams = finite_array("lams", lams, ndim=1)
    if np.any(lams < 0):
        raise ValueError("lams must be >= 0 everywhere")
    budget("w and lams", len(w) * len(lams), MAX_ELEMENTS, "values (len(w) * len(lams))")
    rows = [scalar_objective(w, target, lam, kind) for lam in lams]
    return np.array(rows).reshape(len(lams), len(w))


def row_at(grid, rows, x: float) -> np.ndarray:
    """Linear interpolation between the precomputed ``rows[i]`` sampled at ``grid[i]``.

    For drawing a curve at a parameter between samples (e.g. the objective at a ``lam``
    between two precomputed ones). ``x`` outside the grid is clamped to its ends.

    Parameters
    ----------
    grid : array_like, 1-D, increasing
        Parameter samples, at least 2.
    rows : array_like, shape (len(grid), m)
        One row per sample.
    x : float
        Parameter value.

    Returns
    -------
    ndarray of shape (m,)
    """
    grid = finite_array("grid", grid, ndim=1)
    rows = finite_array("rows", rows, ndim=2)
    if len(grid) < 2 or np.any(np.diff(grid) <= 0):
        raise ValueError("grid must hold at least 2 strictly increasing values")
    if rows.shape[0] != len(grid):
        raise ValueError(f"rows must have {len(grid)} rows (one per grid value), got {rows.shape}")
    x = float(np.clip(real("x", x), grid[0], grid[-1]))
    i = int(np.clip(np.searchsorted(grid, x, side="right") - 1, 0, len(grid) - 2))
    s = (x - grid[i]) / (grid[i + 1] - grid[i])
    return (1.0 - s) * rows[i] + s * rows[i + 1]


RUNS = ("l2", "l1_subgradient", "l1_proximal")


@dataclass(frozen=True)
class DescentRuns:
    """Three descents of one weight from the same start on the same data term.

    Attributes
    ----------
    w0, target, lam, lr : float
        Start, unpenalised optimum, penalty strength and step size shared by all runs.
    steps : int
        Number of steps of each run.
    l2 : ndarray of shape (steps + 1,)
        Plain gradient steps on ``0.5 * (w - target)**2 + lam * w**2``.
    l1_subgradient : ndarray of shape (steps + 1,)
        Plain subgradient steps on ``0.5 * (w - target)**2 + lam * |w|``.
    l1_proximal : ndarray of shape (steps + 1,)
        Proximal (soft-threshold) steps on the same L1 objective.
    """

    w0: float
    target: float
    lam: float
    lr: float
    steps: int
    l2: np.ndarray
    l1_subgradient: np.ndarray
    l1_proximal: np.ndarray

    def run(self, name: str) -> np.ndarray:
        """The iterates of run ``name`` (one of ``RUNS``)."""
        choice("name", name, RUNS)
        return getattr(self, name)

    def first_exact_zero(self, name: str) -> int | None:
        """The first step at which run ``name`` is exactly 0.0 and stays 0.0; None if never."""
        w = self.run(name)
        nonzero = np.flatnonzero(w != 0.0)
        if len(nonzero) == 0:
            return 0
        k = int(nonzero[-1]) + 1
        return k if k < len(w) else None


def descent_runs(w0: float, *, target: float, lam: float, lr: float, steps: int) -> DescentRuns:
    """Run :func:`mathutils.descend` three ways from ``w0``: L2, L1 subgradient, L1 proximal.

    Parameters
    ----------
    w0, target : float
        Start and unpenalised optimum.
    lam : float
        Penalty strength, >= 0.
    lr : float
        Step size, > 0.
    steps : int
        Steps per run, >= 0.

    Returns
    -------
    DescentRuns
    """
    steps = count("steps", steps)
    kw = dict(target=target, lam=lam, lr=lr, steps=steps)
    l2 = descend(w0, penalty="l2", method="subgradient", **kw)
    l1s = descend(w0, penalty="l1", method="subgradient", **kw)
    l1p = descend(w0, penalty="l1", method="proximal", **kw)
    return DescentRuns(float(w0), float(target), float(lam), float(lr), steps, l2, l1s, l1p)


def l2_step_ratio(lam: float, lr: float) -> float:
    """The factor by which one plain gradient step multiplies the gap to the L2 minimum.

    For ``f(w) = 0.5 * (w - target)**2 + lam * w**2`` a gradient step is
    ``w <- w - lr * ((1 + 2 * lam) * w - target)``, so ``w - w*`` is multiplied by
    ``1 - lr * (1 + 2 * lam)`` every step: geometric convergence, never arriving in finitely
    many steps (unless started at ``w*`` or the ratio is 0).

    Parameters
    ----------
    lam : float
        Penalty strength, >= 0.
    lr : float
        Step size, > 0.

    Returns
    -------
    float
    """
    lam = nonnegative("lam", lam)
    lr = positive("lr", lr)
    with np.errstate(over="ignore"):
        ratio = 1.0 - lr * (1.0 + 2.0 * lam)
    return float(finite_result("the step ratio 1 - lr * (1 + 2 * lam) (lr, lam)", ratio))


METHODS = ("subgradient", "proximal")


#: Largest ``steps`` of :func:`descend` (about a second per 100 000 steps on a slow core;
#: the lecture runs 18).
MAX_STEPS = 100_000


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
