"""Chapter "stability": runs, renders its beats in order, shows what mathutils computes."""

from __future__ import annotations

import numpy as np
from manim.utils.testing.frames_comparison import frames_comparison

from mathutils import absolute_loss, lad_fit, lad_optimal_lines, ols_fit
from mathutils.lad import nudge_example, vertex_losses
from scenes import stability
from scenes.stability import NudgeMakesTheLineJump
from tests.chapter_tools import render_small, run_dry, subcaptions

__module_test__ = "stability"

BEATS = ["title", "nudge", "why", "takeaway"]


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
    # the cost curves are the vertex losses, and they cross at the tie
    v = vertex_losses(e.x, e.y, e.moving, s.positions)
    pairs = [tuple(p) for p in v.pairs.tolist()]
    for p, curve in s.pair_costs.items():
        assert np.array_equal(curve, v.losses[:, pairs.index(p)])
    p, q = s.tie_pairs
    gap = s.pair_costs[p] - s.pair_costs[q]
    assert np.all(np.sign(gap[s.before]) == -np.sign(gap[s.after][0]))


@frames_comparison(base_scene=NudgeMakesTheLineJump)
def test_nudge_frame(scene):
    scene.nudge()


@frames_comparison(base_scene=NudgeMakesTheLineJump)
def test_why_frame(scene):
    scene.why()
