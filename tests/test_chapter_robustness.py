"""Chapter "robustness": runs, renders its beats in order, shows what mathutils computes."""

from __future__ import annotations

import numpy as np
from manim.utils.testing.frames_comparison import frames_comparison

from mathutils import absolute_loss, anscombe, lad_fit, ols_fit, squared_loss
from mathutils.data import scatter_near_line
from mathutils.lad import drag_path, leverage_path
from scenes import robustness
from scenes.robustness import OutlierTugsTheFit
from tests.chapter_tools import render_small, run_dry, subcaptions

__module_test__ = "robustness"

BEATS = ["title", "two-losses", "outlier-tug", "anscombe", "leverage", "takeaway"]


def test_smoke_dry_run_narrates():
    scene = run_dry(OutlierTugsTheFit)
    lines = subcaptions(scene)
    assert len(lines) >= 12 and all(line.strip() for line in lines)
    assert any("quadratically" in line and "exponentially" in line for line in lines)


def test_sections_are_the_beats_in_order(tmp_path):
    sections = render_small(OutlierTugsTheFit, tmp_path)
    assert [s["name"] for s in sections] == BEATS


def _setup() -> OutlierTugsTheFit:
    scene = OutlierTugsTheFit()
    scene.setup()
    return scene


def test_values_equal_mathutils():
    s = _setup()
    # beat 2: the small scatter, its line and both totals
    p = dict(robustness.SMALL)
    x, y = scatter_near_line(np.random.default_rng(p.pop("seed")), **p)
    assert np.array_equal(s.small_x, x) and np.array_equal(s.small_y, y)
    line = ols_fit(x, y)
    assert s.small_line == line
    assert s.small_l1 == absolute_loss(line, x, y)
    assert s.small_l2 == squared_loss(line, x, y)
    assert np.isclose(s.small_l1, np.abs(s.small_residuals).sum())
    assert np.allclose(s.r_marks["l2"], np.square(robustness.R_MARKS))
    # beat 3: the drag path
    p = dict(robustness.TUG)
    x, y = scatter_near_line(np.random.default_rng(p.pop("seed")), **p)
    m = robustness.TUG_POINT
    tug = drag_path(x, y, m, np.linspace(y[m], y[m] + robustness.TUG_RISE, robustness.TUG_STEPS))
    for field in ("ys", "ols_slopes", "ols_intercepts", "lad_slopes", "lad_intercepts",
                  "l2_share", "l1_share"):
        assert np.array_equal(getattr(s.tug, field), getattr(tug, field)), field
    # the chapter's story holds for these numbers
    assert np.ptp(s.tug.lad_slopes) == 0 and np.ptp(s.tug.ols_slopes) > 0.15
    # beat 3's pull arrows at every drag step: the residuals of the fits of that step's data
    # (np.polyfit for least squares, an independent oracle; mathutils' LAD fit for L1)
    for k in range(0, len(tug.ys), 6):
        xk, yk = tug.data_at(k)
        slope, icpt = np.polyfit(xk, yk, 1)
        assert np.allclose(s.tug_r2[k], yk - icpt - slope * xk, atol=1e-9)
        assert np.allclose(s.tug_r1[k], yk - lad_fit(xk, yk)(xk), atol=1e-9)
    # L1 pulls are signs: the moving point's pull stays one unit up while its L2 pull grows
    assert set(np.unique(s.tug_signs)) <= {-1.0, 0.0, 1.0}
    assert np.all(s.tug_signs[1:, m] == 1.0)
    assert s.tug_r2[-1, m] > 5 * abs(s.tug_r2[0, m])
    # the pulls of the other points balance on the LAD line: as many up as down, give or
    # take the points on it (the median condition behind "the majority wins")
    up, down = (s.tug_signs[-1] > 0).sum(), (s.tug_signs[-1] < 0).sum()
    assert abs(up - down) <= (s.tug_signs[-1] == 0).sum()
    # beat 4: Anscombe III
    ax, ay = anscombe(3)
    assert s.ans_ols == ols_fit(ax, ay) and s.ans_lad == lad_fit(ax, ay)
    assert ay[s.ans_outlier] == ay.max()
    assert s.ans_max_other_residual <= 0.005 + 1e-12
    # beat 5: the leverage path
    lev = leverage_path(x, y, robustness.LEVER_POINT,
                        np.linspace(x[robustness.LEVER_POINT], robustness.LEVER_TO,
                                    robustness.LEVER_STEPS))
    assert np.array_equal(s.lever.lad_slopes, lev.lad_slopes)
    assert np.isclose(s.lever.lad_line(-1)(robustness.LEVER_TO), y[robustness.LEVER_POINT])


@frames_comparison(base_scene=OutlierTugsTheFit)
def test_two_losses_frame(scene):
    scene.two_losses()
    scene.wait(0.1)  # the beat ends on a play; only a wait draws the still background


@frames_comparison(base_scene=OutlierTugsTheFit)
def test_outlier_tug_frame(scene):
    scene.outlier_tug()
    scene.wait(0.1)  # the beat ends on a play; only a wait draws the still background


@frames_comparison(base_scene=OutlierTugsTheFit)
def test_anscombe_frame(scene):
    scene.anscombe_beat()
    scene.wait(0.1)  # the beat ends on a play; only a wait draws the still background
