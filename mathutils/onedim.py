"""One weight seen from up close: the numbers of the sparsity chapter.

Everything here is about a single weight ``w`` and the penalised objective

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
from .norms import KINDS, descend, soft_threshold


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


def objective(w, target: float, lam: float, kind: str) -> np.ndarray:
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
    return np.array([objective(w, target, lam, kind) for lam in lams]).reshape(len(lams), len(w))


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
