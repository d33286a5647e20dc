"""mathutils.lad against independent oracles: numpy's polyfit, a second LP formulation, sums."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from mathutils import absolute_loss, anscombe, lad_optimal_lines
from mathutils.data import scatter_near_line
from mathutils.lad import (
    NUDGE_MOVING,
    NUDGE_SEED,
    drag_path,
    lad_tie_position,
    leverage_path,
    nudge_example,
    optimal_vertex,
    search_nudge_examples,
    slope_profiles,
    vertex_losses,
)


def lad_oracle(x, y) -> float:
    """The minimum L1 loss by an inequality-form LP with the interior-point solver."""
    n = len(x)
    # variables a, b, e_1..e_n; minimise sum e with -e <= y - a - b x <= e
    c = np.concatenate([[0.0, 0.0], np.ones(n)])
    design = np.stack([np.ones(n), x], axis=1)
    a_ub = np.block([[-design, -np.eye(n)], [design, -np.eye(n)]])
    b_ub = np.concatenate([-y, y])
    res = linprog(c, A_ub=a_ub, b_ub=b_ub, bounds=[(None, None)] * 2 + [(0, None)] * n,
                  method="highs-ipm")
    assert res.success
    return float(res.fun)


# ---- the nudge example ----------------------------------------------------------------------


def test_nudge_example_shape_and_fields():
    e = nudge_example()
    n = len(e.x)
    assert n == len(e.y) == 5
    assert 0 <= e.moving < n
    assert e.positions[0] < e.tie_position < e.positions[-1]
    assert np.isclose(e.positions.mean(), e.x[e.moving])
    assert len(e.tie_lines) == 2 and len(e.tie_pairs) == 2
    for arr in (e.ols_slopes, e.lad_slopes, e.ols_intercepts, e.lad_intercepts):
        assert arr.shape == e.positions.shape
        assert not arr.flags.writeable
    assert nudge_example() is e  # cached, one object for every chapter


def test_nudge_lad_slope_is_a_step_at_the_tie():
    e = nudge_example()
    low, high = e.tie_lines
    off = np.abs(e.positions - e.tie_position) > 1e-9  # at the tie itself both are optimal
    before = e.positions < e.tie_position
    # flat on each side of the tie, one tie line on each side
    before_slope = e.lad_slopes[before & off]
    after_slope = e.lad_slopes[~before & off]
    assert np.allclose(before_slope, before_slope[0]) and np.allclose(after_slope, after_slope[0])
    assert {round(before_slope[0], 9), round(after_slope[0], 9)} == {
        round(low.slope, 9), round(high.slope, 9)}
    assert abs(high.slope - low.slope) > 0.5  # a big jump
    # least squares glides: no step bigger than a few grid steps' worth
    assert np.max(np.abs(np.diff(e.ols_slopes))) < 0.01
    assert abs(e.ols_slopes[-1] - e.ols_slopes[0]) > 0.05


def test_nudge_fits_match_oracles():
    e = nudge_example()
    for k in range(0, len(e.positions), 10):
        xs, ys = e.data_at(e.positions[k])
        slope, intercept = np.polyfit(xs, ys, 1)
        assert np.isclose(e.ols_slopes[k], slope) and np.isclose(e.ols_intercepts[k], intercept)
        assert np.isclose(e.lad_loss[k], lad_oracle(xs, ys), atol=1e-7)


def test_nudge_tie_lines_are_both_optimal_there():
    e = nudge_example()
    xs, ys = e.data_at(e.tie_position)
    best = lad_oracle(xs, ys)
    for line, (i, j) in zip(e.tie_lines, e.tie_pairs, strict=True):
        assert np.isclose(absolute_loss(line, xs, ys), best, atol=1e-7)
        assert np.isclose(line(xs[i]), ys[i]) and np.isclose(line(xs[j]), ys[j])
    assert list(e.tie_lines) == lad_optimal_lines(xs, ys)
    # the segment between them ties too: every convex combination is optimal
    mid = [0.5 * (p + q) for p, q in zip(*e.tie_lines, strict=True)]
    assert np.isclose(np.abs(ys - mid[0] - mid[1] * xs).sum(), best, atol=1e-7)
    # just off the tie, only one of them is optimal
    for dt in (-1e-3, 1e-3):
        assert len(lad_optimal_lines(*e.data_at(e.tie_position + dt))) == 1


def test_search_finds_the_recorded_example():
    found = search_nudge_examples(range(1500))
    assert (found[0].seed, found[0].moving) == (NUDGE_SEED, NUDGE_MOVING)
    assert all(a.jump >= b.jump for a, b in zip(found, found[1:], strict=False))


def test_vertex_losses_match_lad_optimal_lines():
    rng = np.random.default_rng(3)
    x, y = rng.normal(size=6), rng.normal(size=6)
    v = vertex_losses(x, y, 2, [x[2]])
    best = v.losses[0].min()
    assert np.isclose(best, lad_oracle(x, y), atol=1e-7)
    k = optimal_vertex(x, y, 2, [x[2]])[0]
    assert np.isclose(v.slopes[0, k], lad_optimal_lines(x, y)[0].slope)


def test_tie_position_matches_a_fine_grid():
    e = nudge_example()
    grid = np.linspace(e.positions[0], e.positions[-1], 4001)
    best = optimal_vertex(e.x, e.y, e.moving, grid)
    switch = np.nonzero(np.diff(best))[0]
    assert len(switch) == 1
    assert grid[switch[0]] <= e.tie_position <= grid[switch[0] + 1]
    t = lad_tie_position(e.x, e.y, e.moving, grid[0], grid[-1])
    assert t == pytest.approx(e.tie_position, abs=1e-12)


def test_nudge_bad_input():
    with pytest.raises(ValueError, match="n_positions"):
        nudge_example(2)
    with pytest.raises(ValueError, match="moving"):
        vertex_losses([0, 1, 2], [0, 1, 0], 3, [0.5])
    with pytest.raises(ValueError, match="x"):
        vertex_losses([0, 1, np.nan], [0, 1, 0], 0, [0.5])
    with pytest.raises(ValueError, match="lo and hi"):
        lad_tie_position([0, 1, 2], [0, 1, 0], 1, 2.0, 1.0)
    with pytest.raises(ValueError, match="same vertex"):
        lad_tie_position([0, 1, 2, 3], [0, 1, 2, 3], 1, 0.9, 1.1)
    with pytest.raises(ValueError, match="half_width"):
        search_nudge_examples([1], half_width=0)


# ---- drag and leverage paths ---------------------------------------------------------------


def _data():
    return scatter_near_line(np.random.default_rng(90), 12, 1.0, 0.5, 0.4, 0.5, 9.5)


def test_scatter_near_line_is_seeded_sorted_and_checked():
    a, b = _data(), _data()
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert np.all(np.diff(a[0]) > 0) and a[0][0] > 0.5 and a[0][-1] < 9.5
    with pytest.raises(ValueError, match="rng"):
        scatter_near_line(90, 12, 1.0, 0.5, 0.4, 0.5, 9.5)
    with pytest.raises(ValueError, match="noise"):
        scatter_near_line(np.random.default_rng(0), 12, 1.0, 0.5, -1, 0.5, 9.5)
    with pytest.raises(ValueError, match="slope must be a single number"):
        scatter_near_line(np.random.default_rng(0), 12, 1.0, [0.5, 1], 0.4, 0.5, 9.5)
    with pytest.raises(ValueError, match="x_low"):
        scatter_near_line(np.random.default_rng(0), 12, 1.0, 0.5, 0.4, 9.5, 0.5)


def test_drag_path_against_oracles():
    x, y = _data()
    heights = np.linspace(y[9], y[9] + 6, 7)
    p = drag_path(x, y, 9, heights)
    assert np.array_equal(p.ys, heights) and np.all(p.xs == x[9])
    for k in range(len(heights)):
        xs, ys = p.data_at(k)
        slope, intercept = np.polyfit(xs, ys, 1)
        assert np.isclose(p.ols_slopes[k], slope) and np.isclose(p.ols_intercepts[k], intercept)
        assert np.isclose(absolute_loss(p.lad_line(k), xs, ys), lad_oracle(xs, ys), atol=1e-7)
        r2 = (ys - intercept - slope * xs) ** 2
        assert np.isclose(p.l2_share[k], r2[9] / r2.sum())
        r1 = np.abs(ys - p.lad_line(k)(xs))
        assert np.isclose(p.l1_share[k], r1[9] / r1.sum())
    # the chapter's claim: least squares swings, LAD does not move
    assert np.ptp(p.ols_slopes) > 0.15
    assert np.ptp(p.lad_slopes) < 1e-9 and np.ptp(p.lad_intercepts) < 1e-9
    assert p.l2_share[-1] > p.l1_share[-1] + 0.1


def test_leverage_path_pulls_lad_too():
    x, y = _data()
    p = leverage_path(x, y, 0, np.linspace(x[0], 26, 12))
    assert np.all(p.ys == y[0])
    last_x, last_y = p.data_at(len(p.xs) - 1)
    assert np.isclose(absolute_loss(p.lad_line(-1), last_x, last_y), lad_oracle(last_x, last_y),
                      atol=1e-7)
    # far out, the LAD line passes through the high-leverage point itself
    assert np.isclose(p.lad_line(-1)(26.0), y[0])
    assert p.lad_slopes[-1] < 0 < p.lad_slopes[0]


def test_paths_bad_input():
    x, y = _data()
    with pytest.raises(ValueError, match="heights"):
        drag_path(x, y, 9, [])
    with pytest.raises(ValueError, match="moving"):
        drag_path(x, y, 12, [1.0])
    with pytest.raises(ValueError, match="positions"):
        leverage_path(x, y, 0, [[1.0]])
    with pytest.raises(ValueError, match="same length"):
        drag_path(x, y[:-1], 0, [1.0])


def test_slope_profiles_against_brute_force_and_polyfit():
    e = nudge_example(21)
    for t in (e.positions[0], e.tie_position, e.positions[-1]):
        xs, ys = e.data_at(t)
        slopes = np.linspace(-0.2, 1.2, 29)
        l1, l2 = slope_profiles(xs, ys, slopes)
        # oracle: brute force over intercepts on a fine grid (step 1e-4: L1 error <= n * 5e-5)
        grid = np.arange(-6.0, 6.0, 1e-4)
        for b, got1, got2 in zip(slopes, l1, l2, strict=True):
            r = ys - b * xs
            brute1 = np.abs(r[None, :] - grid[:, None]).sum(axis=1).min()
            assert got1 <= brute1 + 1e-12 and brute1 - got1 <= len(xs) * 5e-5
            brute2 = ((r[None, :] - grid[:, None]) ** 2).sum(axis=1).min()
            assert got2 <= brute2 + 1e-12 and brute2 - got2 <= 1e-6
        # the minima over slopes: the LAD loss (at a corner) and the polyfit residual
        b_ls, a_ls = np.polyfit(xs, ys, 1)
        ls_min = float(((ys - a_ls - b_ls * xs) ** 2).sum())
        assert slope_profiles(xs, ys, [b_ls])[1][0] == pytest.approx(ls_min, rel=1e-9)
        assert np.all(l2 >= ls_min - 1e-9)
        corners = np.array([line.slope for line in lad_optimal_lines(xs, ys)])
        assert slope_profiles(xs, ys, corners)[0] == pytest.approx(lad_oracle(xs, ys), rel=1e-6)
        assert np.all(l1 >= lad_oracle(xs, ys) - 1e-6)
    # L2 profile is exactly a parabola in the slope: its second differences are constant
    assert np.allclose(np.diff(l2, 2), np.diff(l2, 2)[0])


def test_slope_profiles_bad_input():
    with pytest.raises(ValueError, match="slopes"):
        slope_profiles([0, 1, 2], [0, 1, 2], [np.nan])
    with pytest.raises(ValueError, match="x"):
        slope_profiles([0], [0], [1.0])
    with pytest.raises(ValueError, match="slopes"):
        slope_profiles([0, 1, 2], [0, 1, 2], [])


def test_lifting_the_intro_teasers_point_moves_least_squares_only():
    # The intro's teaser: anscombe 1, point 8 sits above the LAD line; lifting it further
    # changes every least-squares line but not the LAD line (its residual only grows).
    x, y = anscombe(1)
    p = drag_path(x, y, 8, y[8] + np.linspace(0, 12, 13))
    assert np.ptp(p.lad_slopes) == pytest.approx(0, abs=1e-9)
    assert np.ptp(p.lad_intercepts) == pytest.approx(0, abs=1e-9)
    assert np.all(np.diff(p.ols_slopes) > 0)
