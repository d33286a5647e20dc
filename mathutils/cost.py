"""What each method costs: ridge's closed form vs the lasso's coordinate descent.

Operation counts of both as the number of features grows, and the measured sweeps of
mathutils' lasso on synthetic problems. Pure numpy; bad input raises ``ValueError`` naming
the argument.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import MAX_ELEMENTS, budget, count, generator, positive
from .data import synthetic_problem
from .linear import MAX_FEATURES, lasso, lasso_alpha_max


def closed_form_flops(n: int, p: int) -> int:
    """Floating-point operations of ridge's closed form on ``n`` rows and ``p`` features.

    Forming ``Xc^T Xc`` (symmetric): ``n p (p + 1)``; ``Xc^T yc``: ``2 n p``; a Cholesky
    factorisation: ``p^3 / 3``; two triangular solves: ``2 p^2``. Leading terms:
    ``n p^2 + p^3 / 3``.
    """
    n = count("n", n, minimum=1)
    p = count("p", p, minimum=1)
    return n * p * (p + 1) + 2 * n * p + p**3 // 3 + 2 * p * p


def coordinate_descent_flops(n: int, p: int, sweeps: int, support: int = 0) -> int:
    """Floating-point operations of lasso coordinate descent (residual form).

    One coordinate update is a dot product ``x_j . r`` (``2n``) and a residual update
    ``r -= x_j dw`` (``2n``), so a sweep over ``p`` features costs ``4 n p``. mathutils'
    lasso ends with one exact solve on the ``support`` features it kept, counted like a
    small closed form: ``closed_form_flops(n, support)`` (0 when ``support`` is 0).
    """
    n = count("n", n, minimum=1)
    p = count("p", p, minimum=1)
    sweeps = count("sweeps", sweeps)
    support = count("support", support)
    if support > p:
        raise ValueError(f"support must be at most p={p}, got {support}")
    return sweeps * p * 4 * n + (closed_form_flops(n, support) if support else 0)


@dataclass(frozen=True)
class CostGrowth:
    """Work of ridge's formula vs the lasso's coordinate descent as features grow.

    Attributes
    ----------
    n : int
        Rows of every synthetic problem.
    p : ndarray of int
        Number of features of each problem.
    sweeps : ndarray of int
        Coordinate-descent sweeps :func:`mathutils.lasso` used, measured.
    support : ndarray of int
        Nonzero lasso coefficients.
    closed_form : ndarray of int
        :func:`closed_form_flops` for each ``p``.
    coordinate_descent : ndarray of int
        :func:`coordinate_descent_flops` with the measured sweeps and support.
    """

    n: int
    p: np.ndarray
    sweeps: np.ndarray
    support: np.ndarray
    closed_form: np.ndarray
    coordinate_descent: np.ndarray


def cost_growth(
    ps, n: int, rng: np.random.Generator, alpha_fraction: float = 0.1
) -> CostGrowth:
    """Count the work of both methods on synthetic problems with ``p`` features each.

    For each ``p`` a :func:`synthetic_problem` is drawn from ``rng``; the lasso is solved by
    :func:`mathutils.lasso` at ``alpha_fraction * lasso_alpha_max`` and its sweeps and
    support are recorded. Counts, not timings: the result is deterministic.

    Parameters
    ----------
    ps : sequence of int
        Feature counts, each between 1 and ``MAX_FEATURES`` (2000), at most 100 of them.
    n : int
        Rows, >= 2; ``n * sum(ps)`` is at most ``MAX_ELEMENTS`` (10 000 000).
    rng : numpy.random.Generator
    alpha_fraction : float
        In (0, 1]: the lasso penalty relative to the smallest all-zero penalty.

    Returns
    -------
    CostGrowth
    """
    raw = np.atleast_1d(np.asarray(ps, dtype=object))
    if raw.ndim != 1 or not 1 <= len(raw) <= 100:
        raise ValueError(f"ps must be a sequence of 1 to 100 feature counts, got {ps!r:.60}")
    ps = [count("ps", p, minimum=1, maximum=MAX_FEATURES) for p in raw]
    n = count("n", n, minimum=2)
    budget("n and ps", n * sum(ps), MAX_ELEMENTS, "entries of X in total (n * sum(ps))")
    generator("rng", rng)
    alpha_fraction = positive("alpha_fraction", alpha_fraction)
    if alpha_fraction > 1:
        raise ValueError(f"alpha_fraction must be at most 1, got {alpha_fraction!r}")
    sweeps, support = [], []
    for p in ps:
        X, y = synthetic_problem(n, p, rng)
        fit = lasso(X, y, alpha_fraction * lasso_alpha_max(X, y))
        sweeps.append(int(fit.n_iter))
        support.append(int(np.count_nonzero(fit.coef)))
    closed = [closed_form_flops(n, p) for p in ps]
    cd = [coordinate_descent_flops(n, p, s, k) for p, s, k in zip(ps, sweeps, support, strict=True)]
    return CostGrowth(
        n,
        np.array(ps),
        np.array(sweeps),
        np.array(support),
        np.array(closed, dtype=np.int64),
        np.array(cd, dtype=np.int64),
    )
