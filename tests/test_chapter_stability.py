"""Chapter "stability": runs, renders its beats in order, shows what mathutils computes."""

from __future__ import annotations

import numpy as np
from manim.utils.testing.frames_comparison import frames_comparison

from mathutils import absolute_loss, lad_fit, lad_optimal_lines, ols_fit
from mathutils.lad import drag_path, nudge_example, slope_profiles
from scenes import stability
from scenes.stability import NudgeMakesTheLineJump
from tests.chapter_tools import render_small, run_dry, subcaptions

__module_test__ = "stability"

BEATS = ["title", "nudge", "why", "vertical", "takeaway"]


def test_smoke_dry_run_narrates():
    scene = run_dry(NudgeMakesTheLineJump)
    lines = subcaptions(scene)
    assert len(lines) >= 10 and all(line.strip() for line in lines)
    assert any("horizontal move" in line for line in lines)


def test_sections_are_the_beats_in_order(tmp_path):
    sections = render_small(NudgeMakesTheLineJump, tmp_path)
    assert [s["name"] for s in sections] == BEATS


def _setup() -> NudgeMakesTheLineJump:
    scene = NudgeMakesTheLineJump()
    scene.setup()
    return scene


def test_slopes_are_many_solves_of_mathutils():
    s = _setup()
    e = nudge_example(stability.N_POSITIONS)
    assert len(s.positions) == stability.N_POSITIONS
    for k in range(0, len(s.positions), 12):
        xs, ys = e.data_at(s.positions[k])
        assert s.ols_slopes[k] == ols_fit(xs, ys).slope
        if abs(s.positions[k] - s.tie_position) > stability.OFF_TIE:
            assert np.isclose(s.lad_slopes[k], lad_fit(xs, ys).slope)


def test_step_and_tie_come_from_mathutils():
    s = _setup()
    e = nudge_example(stability.N_POSITIONS)
    # the displayed step: flat before, flat after, jump at the tie found by mathutils
    assert s.tie_position == e.tie_position
    assert s.positions[0] < s.tie_position < s.positions[-1]
    assert np.all(s.lad_slopes[s.before] == s.slope_before)
    assert np.all(s.lad_slopes[s.after] == s.slope_after)
    assert abs(s.slope_after - s.slope_before) > 0.5
    assert {round(s.slope_before, 9), round(s.slope_after, 9)} == {
        round(line.slope, 9) for line in s.tie_lines}
    # least squares only glides
    assert np.max(np.abs(np.diff(s.ols_slopes))) < 0.01
    # beat 3: at the tie both lines, and every line of the fan between, cost the same
    xs, ys = s.tie_data
    assert list(s.tie_lines) == lad_optimal_lines(xs, ys)
    for line in s.tie_lines:
        assert np.isclose(absolute_loss(line, xs, ys), s.tie_loss)
    assert np.allclose(s.fan_losses, s.tie_loss)


def test_loss_against_slope_curves_and_minima():
    """Beat 3's curves: against brute force over intercepts and slopes and np.polyfit."""
    s = _setup()
    e = nudge_example(stability.N_POSITIONS)
    pos = s.why_positions
    assert pos[s.why_tie] == s.tie_position
    assert np.all(np.diff(pos) > 0) and pos[0] == s.positions[0] and pos[-1] == s.positions[-1]
    intercepts = np.arange(-4.0, 9.0, 2e-3)  # oracle grid: L1 error <= n * 1e-3
    for k in range(0, len(pos), 10):
        xs, ys = e.data_at(pos[k])
        grid = s.profile_grids[k]
        assert np.array_equal((s.l1_profiles[k], s.l2_profiles[k]),
                              slope_profiles(xs, ys, grid))
        # the curve against brute force over intercepts, a few slopes
        for b, got in zip(grid[::20], s.l1_profiles[k][::20], strict=True):
            brute = np.abs(ys - intercepts[:, None] - b * xs).sum(axis=1).min()
            assert got <= brute + 1e-12 and brute - got <= len(xs) * 1e-3
        # the marked L1 minimum: the LAD fit (an independent LP) and brute force over slopes
        b1, v1 = s.l1_min[k]
        assert np.isclose(v1, s.l1_profiles[k].min(), atol=1e-12)
        if k != s.why_tie:
            assert np.isclose(b1, lad_fit(xs, ys).slope, atol=1e-9)
        dense = np.linspace(-0.2, 1.2, 14_001)  # slope step 1e-4: loss error <= 1e-4 * sum|x|
        brute = slope_profiles(xs, ys, dense)[0].min()
        assert v1 <= brute + 1e-12 and brute - v1 <= 1e-4 * np.abs(xs).sum()
        # the L1 line passes through the two ringed points (a corner: a two-point line)
        a, b = s.why_lad[k]
        assert np.allclose(ys[s.why_on_line[k]], a + b * xs[s.why_on_line[k]], atol=1e-9)
        # the marked L2 minimum against np.polyfit
        b2, v2 = s.l2_min[k]
        slope, icpt = np.polyfit(xs, ys, 1)
        assert np.isclose(b2, slope, atol=1e-9)
        assert np.isclose(v2, ((ys - icpt - slope * xs) ** 2).sum(), rtol=1e-9)
        assert np.all(s.l2_profiles[k] >= v2 - 1e-9)
    # the L1 minimum holds still, then hops at the tie; the L2 minimum glides
    hops = np.abs(np.diff(s.l1_min[:, 0]))
    assert np.count_nonzero(hops > 1e-9) == 1 and np.argmax(hops) == s.why_tie
    assert np.isclose(hops.max(), abs(s.slope_after - s.slope_before))
    assert np.max(np.abs(np.diff(s.l2_min[:, 0]))) < 0.01
    # at the tie the bottom is flat between the two corners, at the tie loss
    xs, ys = s.tie_data
    flat = np.linspace(min(s.slope_before, s.slope_after), max(s.slope_before, s.slope_after), 9)
    assert np.allclose(slope_profiles(xs, ys, flat)[0], s.tie_loss)


def test_vertical_nudge_turns_smoothly():
    """Beat 4: the same point moved in y: both fits from mathutils, the L1 slope continuous."""
    s = _setup()
    e = nudge_example(stability.N_POSITIONS)
    v = s.vertical
    assert s.heights[-1] == e.y[e.moving] and s.heights[0] == stability.VERTICAL[0]
    assert s.vertical_x[e.moving] == s.positions[0]
    ref = drag_path(s.vertical_x, e.y, e.moving, s.heights)
    assert np.array_equal(v.lad_slopes, ref.lad_slopes)
    for k in range(0, len(s.heights), 15):
        ys = np.array(e.y, dtype=float)
        ys[e.moving] = s.heights[k]
        slope, _ = np.polyfit(s.vertical_x, ys, 1)
        assert np.isclose(v.ols_slopes[k], slope, atol=1e-9)
        assert np.isclose(v.lad_slopes[k], lad_fit(s.vertical_x, ys).slope, atol=1e-9)
    # no jump: each step in height moves the L1 slope by at most the line's turning rate
    # through the moving point (|d slope / d y| <= 1 / min |x_m - x_j| over the others)
    dy = s.heights[1] - s.heights[0]
    others = np.delete(s.vertical_x, e.moving)
    rate = 1.0 / np.min(np.abs(others - s.vertical_x[e.moving]))
    assert np.max(np.abs(np.diff(v.lad_slopes))) <= rate * dy + 1e-9
    # ... while the sideways nudge jumps by far more than that in one step
    assert abs(s.slope_after - s.slope_before) > 10 * rate * dy
    # the slope still travels: from the horizontal jump's start to near its end
    assert np.isclose(v.lad_slopes[-1], s.slope_before)
    assert v.lad_slopes[0] > 0.5


@frames_comparison(base_scene=NudgeMakesTheLineJump)
def test_nudge_frame(scene):
    scene.nudge()
    # The beat ends on a play (its last sentence is spoken over two steps); in the tester's
    # skipping mode only a wait draws the static background into the final frame.
    scene.wait(0.1)


@frames_comparison(base_scene=NudgeMakesTheLineJump)
def test_why_frame(scene):
    scene.why()


@frames_comparison(base_scene=NudgeMakesTheLineJump)
def test_vertical_frame(scene):
    scene.vertical_nudge()
    scene.wait(0.1)  # ends on a play too (see test_nudge_frame)
