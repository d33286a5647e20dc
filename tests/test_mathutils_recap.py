"""mathutils.recap against independent oracles (numpy polyfit, scipy minimize, KKT, brute force)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import minimize

from mathutils import absolute_loss, anscombe, lad_optimal_lines, quadratic_loss
from mathutils.fits import Line
from mathutils.recap import (
    first_exact_zero,
    lasso_cd_2d,
    moved_fits,
    moved_point,
    noisy_line,
    ridge_2d,
)

Q = np.array([[2.0, 0.9], [0.9, 1.0]])
C = np.array([1.4, 0.3])


def test_moved_point_moves_one_coordinate_only():
    x, y = anscombe(1)
    xm, ym = moved_point(x, y, 3, 2.5, "y")
    assert np.array_equal(xm, x)
    assert ym[3] == y[3] + 2.5 and np.array_equal(np.delete(ym, 3), np.delete(y, 3))
    xm, ym = moved_point(x, y, 3, -1.0, "x")
    assert xm[3] == x[3] - 1.0 and np.array_equal(ym, y)
    assert np.array_equal(x, anscombe(1)[0])  # inputs untouched


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [({"index": 11}, "index"), ({"index": -1}, "index"), ({"direction": "z"}, "direction"),
     ({"offset": np.nan}, "offset")],
)
def test_moved_point_rejects_bad_input(kwargs, word):
    x, y = anscombe(1)
    args = {"index": 0, "offset": 1.0, "direction": "y"} | kwargs
    with pytest.raises(ValueError, match=word):
        moved_point(x, y, **args)


def test_moved_fits_match_polyfit_and_brute_force_lad():
    x, y = anscombe(1)
    offsets = np.linspace(-3, 6, 7)
    for direction in ("x", "y"):
        fits = moved_fits(x, y, 8, offsets, direction)
        assert fits.ols.shape == fits.lad.shape == (7, 2)
        for k, d in enumerate(offsets):
            xm, ym = moved_point(x, y, 8, d, direction)
            slope, intercept = np.polyfit(xm, ym, 1)
            assert fits.ols[k] == pytest.approx([intercept, slope], rel=1e-9, abs=1e-9)
            best = absolute_loss(lad_optimal_lines(xm, ym)[0], xm, ym)
            assert absolute_loss(Line(*fits.lad[k]), xm, ym) == pytest.approx(best, rel=1e-9)


def test_dragging_a_point_above_the_lad_line_leaves_it_unchanged():
    # The intro's teaser: anscombe 1, point 8 sits above the LAD line; lifting it further
    # changes every least-squares line but not the LAD line (its residual only grows).
    x, y = anscombe(1)
    fits = moved_fits(x, y, 8, np.linspace(0, 12, 13), "y")
    assert np.ptp(fits.lad, axis=0) == pytest.approx([0, 0], abs=1e-9)
    assert np.all(np.diff(fits.ols[:, 1]) > 0)


def test_noisy_line_is_seeded_sorted_and_checked():
    a = noisy_line(7, np.random.default_rng(22), intercept=1, slope=0.5, noise=1)
    b = noisy_line(7, np.random.default_rng(22), intercept=1, slope=0.5, noise=1)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert np.all(np.diff(a[0]) >= 0) and a[0].min() >= 0 and a[0].max() < 10
    x, y = noisy_line(5, np.random.default_rng(0), intercept=2, slope=-1, noise=0)
    assert y == pytest.approx(2 - x)
    with pytest.raises(ValueError, match="rng"):
        noisy_line(5, 0, intercept=0, slope=0, noise=1)
    with pytest.raises(ValueError, match="noise"):
        noisy_line(5, np.random.default_rng(0), intercept=0, slope=0, noise=-1)
    with pytest.raises(ValueError, match="n must"):
        noisy_line(1, np.random.default_rng(0), intercept=0, slope=0, noise=1)


def test_ridge_2d_matches_numerical_minimum():
    for lam in (0.0, 0.3, 2.0):
        w = ridge_2d(Q, C, lam)

        def obj(v, lam=lam):
            return 0.5 * quadratic_loss(Q, C, v) + lam * v @ v

        ref = minimize(obj, np.zeros(2), method="BFGS", options={"gtol": 1e-12}).x
        assert w == pytest.approx(ref, abs=1e-6)
    assert ridge_2d(Q, C, 0.0) == pytest.approx(C)
    assert np.all(ridge_2d(Q, C, 5.0) != 0.0)  # ridge shrinks, never exactly zero here


def _lasso_kkt_ok(w, lam, tol=1e-9):
    g = Q @ (w - C)  # gradient of the smooth part; need -g in lam * subdifferential of |w|
    for j in (0, 1):
        if w[j] != 0.0:
            if abs(g[j] + lam * np.sign(w[j])) > tol:
                return False
        elif abs(g[j]) > lam + tol:
            return False
    return True


@pytest.mark.parametrize("lam", [0.0, 0.2, 0.6, 3.0])
def test_lasso_cd_2d_zigzags_to_the_kkt_minimum(lam):
    it = lasso_cd_2d(Q, C, lam, [-1.0, 1.5], 60)
    assert it.shape == (121, 2)
    assert np.array_equal(it[0], [-1.0, 1.5])
    moved = np.abs(np.diff(it, axis=0)) > 0
    assert not np.any(moved.all(axis=1))  # never both coordinates in one update
    assert _lasso_kkt_ok(it[-1], lam)

    def obj(v):
        return 0.5 * quadratic_loss(Q, C, v) + lam * np.abs(v).sum()

    ref = minimize(obj, np.zeros(2), method="Nelder-Mead",
                   options={"xatol": 1e-10, "fatol": 1e-14, "maxiter": 20000})
    # Nelder-Mead can stall on the kink w_j = 0 and still report success (seen with random
    # Q: 0.087 away, 0.012 higher than ours). So: ours is at least as low, and as close as
    # the oracle's own gap allows, obj being lambda_min(Q)-strongly convex.
    gap = ref.fun - obj(it[-1])
    slack = 1e-12 * (1 + abs(ref.fun))  # rounding in the two objective values
    assert gap >= -slack
    assert np.linalg.norm(it[-1] - ref.x) <= np.sqrt(2 * (gap + slack)
                                                     / np.linalg.eigvalsh(Q)[0])


def test_lasso_cd_2d_gives_exact_zero():
    it = lasso_cd_2d(Q, C, 0.6, [-1.0, 1.5], 10)
    assert it[-1][1] == 0.0 and it[-1][0] != 0.0
    assert np.all(lasso_cd_2d(Q, C, 10.0, [1.0, 1.0], 2)[-1] == 0.0)


def test_2d_helpers_reject_bad_input():
    with pytest.raises(ValueError, match="Q"):
        ridge_2d([[1, 2], [2, 1]], C, 1.0)
    with pytest.raises(ValueError, match="center"):
        ridge_2d(Q, [1, 2, 3], 1.0)
    with pytest.raises(ValueError, match="lam"):
        lasso_cd_2d(Q, C, -1.0, [0, 0], 3)
    with pytest.raises(ValueError, match="sweeps"):
        lasso_cd_2d(Q, C, 1.0, [0, 0], 1.5)


def test_first_exact_zero():
    assert first_exact_zero([1.0, 1e-300, 0.0, 0.0]) == 2
    assert first_exact_zero([1.0, 0.5]) == -1
