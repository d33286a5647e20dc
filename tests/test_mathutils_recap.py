"""mathutils.recap against independent oracles (numpy polyfit, brute-force LAD)."""

from __future__ import annotations

import numpy as np
import pytest

from mathutils import absolute_loss, anscombe, lad_optimal_lines
from mathutils.fits import Line
from mathutils.recap import (
    first_exact_zero,
    moved_fits,
    moved_point,
)


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


def test_first_exact_zero():
    assert first_exact_zero([1.0, 1e-300, 0.0, 0.0]) == 2
    assert first_exact_zero([1.0, 0.5]) == -1
