"""The geometry chapter's numbers: balls, contact points, level ellipses, zero tallies, paths.

Everything here is computed before a scene animates; updaters only look values up.
Built on :mod:`mathutils.geometry`, :mod:`mathutils.norms` and :mod:`mathutils.linear`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import count, exponents, finite_array, finite_result, nonnegative
from .data import DIABETES_FEATURES, diabetes
from .geometry import RandomLosses, _p12, _point, _spd2, constrained_minimum, quadratic_loss
from .linear import lasso_alpha_max, lasso_path, ridge_path
from .norms import MAX_BALL_POINTS, unit_ball

#: Largest grid of :func:`diabetes_paths` (one lasso and one ridge solve per point; the
#: lecture uses 200).
MAX_PATH_POINTS = 10_000


def unit_balls(ps, n: int = 400) -> np.ndarray:
    """Outlines of the unit balls ``||w||_p = 1`` for several ``p``, ready to interpolate.

    Parameters
    ----------
    ps : array_like of shape (k,)
        Values of ``p``, each ``> 0`` or ``np.inf``.
    n : int
        Points per outline, at least 4; a multiple of 4 hits the axis points exactly.
        ``len(ps) * n`` is at most ``MAX_BALL_POINTS`` (1 000 000).

    Returns
    -------
    ndarray of shape (k, n, 2)
        ``out[i]`` is :func:`mathutils.unit_ball` ``(ps[i], n)``. Point ``j`` of every outline
        lies on the same ray from the origin, so two outlines can be blended point by point.
    """
    ps = exponents("ps", ps)
    n = count("n", n, minimum=4, maximum=MAX_BALL_POINTS)
    if len(ps) * n > MAX_BALL_POINTS:
        raise ValueError(
            f"ps and n: {len(ps)} outlines of {n} points exceed the documented cap of "
            f"{MAX_BALL_POINTS:_} points in total"
        )
    return np.stack([unit_ball(p, n) for p in ps])


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


def features_kept(coefs) -> np.ndarray:
    """Number of coefficients that are not exactly 0, per row of a path (shape (k, p))."""
    coefs = finite_array("coefs", coefs, ndim=2)
    return np.count_nonzero(coefs, axis=1)


def zero_indices(alphas, coefs) -> np.ndarray:
    """Per feature, the first grid index from which its coefficient stays exactly 0.

    Parameters
    ----------
    alphas : array_like of shape (k,)
        Strictly increasing penalty strengths.
    coefs : array_like of shape (k, p)
        The path, row ``i`` at ``alphas[i]``.

    Returns
    -------
    ndarray of int, shape (p,)
        ``i`` such that ``coefs[i:, j]`` are all exactly 0 and ``coefs[i - 1, j]`` is not;
        ``-1`` when the coefficient is not 0 at the largest alpha (it never drops out).
    """
    alphas = finite_array("alphas", alphas, ndim=1)
    coefs = finite_array("coefs", coefs, ndim=2)
    if len(alphas) != len(coefs):
        raise ValueError(f"alphas and coefs must have the same length, got {len(alphas)} and "
                         f"{len(coefs)}")
    if len(alphas) == 0 or np.any(np.diff(alphas) <= 0):
        raise ValueError("alphas must be non-empty and strictly increasing")
    out = np.full(coefs.shape[1], -1)
    for j in range(coefs.shape[1]):
        nonzero = np.flatnonzero(coefs[:, j] != 0.0)
        if len(nonzero) == 0:
            out[j] = 0
        elif nonzero[-1] < len(alphas) - 1:
            out[j] = nonzero[-1] + 1
    return out


@dataclass(frozen=True)
class DiabetesPaths:
    """Lasso and ridge coefficient paths on the diabetes data, each on its own alpha grid.

    The two grids differ because scikit-learn's objectives scale the penalties differently:
    lasso ``(1/2n)||y - Xw||^2 + alpha ||w||_1``, ridge ``||y - Xw||^2 + alpha ||w||^2``.

    Attributes
    ----------
    features : tuple of str
        Feature names, the columns of the coefficient arrays.
    lasso_alphas, ridge_alphas : ndarray of shape (k,)
        Increasing, log-spaced.
    lasso_coefs, ridge_coefs : ndarray of shape (k, 10)
    alpha_max : float
        The smallest lasso alpha at which every coefficient is 0.
    lasso_zero_index : ndarray of int, shape (10,)
        :func:`zero_indices` of the lasso path (``-1``: never 0 on the grid).
    lasso_kept, ridge_kept : ndarray of int, shape (k,)
        :func:`features_kept` of each path.
    """

    features: tuple[str, ...]
    lasso_alphas: np.ndarray
    lasso_coefs: np.ndarray
    ridge_alphas: np.ndarray
    ridge_coefs: np.ndarray
    alpha_max: float
    lasso_zero_index: np.ndarray
    lasso_kept: np.ndarray
    ridge_kept: np.ndarray


def diabetes_paths(
    lasso_decades: tuple[float, float] = (-2.5, 0.2),
    ridge_log10: tuple[float, float] = (-2.0, 4.0),
    n: int = 200,
) -> DiabetesPaths:
    """Lasso and ridge paths of the diabetes data over log-spaced alpha grids.

    Parameters
    ----------
    lasso_decades : (float, float)
        The lasso grid runs from ``alpha_max * 10**lo`` to ``alpha_max * 10**hi``, i.e. it is
        given relative to the alpha where the lasso path ends (every coefficient 0).
    ridge_log10 : (float, float)
        The ridge grid runs from ``10**lo`` to ``10**hi`` (ridge never ends: no alpha makes a
        coefficient exactly 0).
    n : int
        Grid points per path, at least 2 and at most ``MAX_PATH_POINTS`` (10 000).

    Returns
    -------
    DiabetesPaths
    """
    n = count("n", n, minimum=2, maximum=MAX_PATH_POINTS)
    for name, rng in (("lasso_decades", lasso_decades), ("ridge_log10", ridge_log10)):
        pair = finite_array(name, rng)
        if pair.shape != (2,) or not pair[0] < pair[1]:
            raise ValueError(f"{name} must be two finite numbers (lo, hi) with lo < hi")
        if np.max(np.abs(pair)) > 300:
            raise ValueError(f"{name} must lie within [-300, 300] (10**300 is near the float "
                             f"limit), got {tuple(pair)}")
    X, y = diabetes()
    amax = lasso_alpha_max(X, y)
    la = amax * np.logspace(lasso_decades[0], lasso_decades[1], n)
    ra = np.logspace(ridge_log10[0], ridge_log10[1], n)
    lc = lasso_path(X, y, la)
    rc = ridge_path(X, y, ra)
    return DiabetesPaths(
        features=DIABETES_FEATURES,
        lasso_alphas=la,
        lasso_coefs=lc,
        ridge_alphas=ra,
        ridge_coefs=rc,
        alpha_max=amax,
        lasso_zero_index=zero_indices(la, lc),
        lasso_kept=features_kept(lc),
        ridge_kept=features_kept(rc),
    )
