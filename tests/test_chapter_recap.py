"""Chapter 8 (recap): smoke, sections, layout of every beat, control frames, and every number
the recap shows checked against the chapter that first showed it (that chapter's own setup)
and against an independent oracle."""

from __future__ import annotations

import numpy as np
import pytest
from manim import Text, VMobject
from manim.utils.testing.frames_comparison import frames_comparison

from mathutils import absolute_loss, lad_optimal_lines
from scenes import style
from scenes.computation import LASSO_LAM, FormulaVersusAlgorithm
from scenes.geometry import DiamondMeetsEllipse
from scenes.numeracy import ManyManhattanPaths
from scenes.recap import COEF_MAX, ROWS, SETTLE, Scorecard
from scenes.robustness import OutlierTugsTheFit
from scenes.sparsity import WhyL1MakesZeros
from scenes.stability import NudgeMakesTheLineJump
from tests.chapter_tools import PACE, render_small, run_dry, subcaptions

__module_test__ = "recap"

BEATS = ["title", "sparsity", "robustness", "stability", "solutions", "computation",
         "scorecard"]
METHODS = ["title_beat", "sparsity", "robustness", "stability", "solutions", "computation",
           "scorecard"]


def _layout(scene) -> dict:
    """Where the top-level mobjects are, and the smallest text size on screen."""
    boxes = [(m.get_left()[0], m.get_right()[0], m.get_bottom()[1], m.get_top()[1])
             for m in scene.mobjects if m.width > 0 or m.height > 0]
    sizes = [f._font_size * f.height / f.initial_height
             for m in scene.mobjects for f in m.get_family()
             if isinstance(f, Text) and f.initial_height > 0]
    return {"boxes": boxes, "smallest": min(sizes, default=np.inf)}


class _Probe(Scorecard):
    """The chapter as it is, recording the layout after every play and every beat."""

    def setup(self):
        super().setup()
        self.layouts = {}
        self.lowest = np.inf  # the lowest visible point of any frame, over the whole chapter
        for name in METHODS:
            beat = getattr(self, name)

            def recorded(beat=beat, name=name):
                beat()
                self.layouts[name] = _layout(self)

            setattr(self, name, recorded)

    def play(self, *args, **kwargs):
        super().play(*args, **kwargs)
        for m in self.mobjects:
            for f in m.get_family():
                if not isinstance(f, VMobject) or not len(f.points):
                    continue
                if (f.get_stroke_opacity() > 0 and f.stroke_width > 0) or \
                        f.get_fill_opacity() > 0:
                    self.lowest = min(self.lowest, float(f.points[:, 1].min()))


@pytest.fixture(scope="module")
def dry():
    return run_dry(_Probe)


def _setup(cls):
    """Another chapter's numbers, from its own setup() (nothing rendered)."""
    scene = cls()
    scene.setup()
    return scene


def test_smoke_and_narration(dry):
    lines = subcaptions(dry)
    assert lines and all(s.strip() for s in lines)
    text = " ".join(lines)
    assert "a common claim is" in text.lower() and "quadratically" in text
    assert "exception, not the rule" in text
    for word in ("seed", "our source", "corrected"):
        assert word not in text.lower()


def test_sections_in_order(tmp_path):
    sections = render_small(Scorecard, tmp_path)
    assert [s["name"] for s in sections] == BEATS
    total = sum(float(s["duration"]) for s in sections)
    assert PACE[0] <= total <= PACE[1] and 90 <= total <= 180


def test_caption_band_is_never_used(dry):
    # checked after every play, not only at the end of each beat
    assert dry.lowest >= style.FLOOR + 0.05


def test_table_and_replay_do_not_overlap(dry):
    table = dry._table_group()
    for name in METHODS[1:-1]:
        lefts = [b[0] for b in dry.layouts[name]["boxes"] if b[0] > table.get_right()[0]]
        assert lefts and min(lefts) >= table.get_right()[0] + style.GAP_L - 1e-6, name


def test_rows_follow_the_lecture_and_name_the_role():
    assert [r[0] for r in ROWS] == BEATS[1:-1]
    text = {slug: f"{verdict} {note}" for slug, _n, verdict, note in ROWS}
    assert "as a penalty" in text["sparsity"] and "not sparse" in text["sparsity"]
    assert "as a loss" in text["robustness"] and "not exponentially" in text["robustness"]
    assert "as a loss" in text["stability"]
    assert "as a loss or a penalty" in text["solutions"] and "exception" in text["solutions"]
    assert "as a penalty" in text["computation"]


def test_sparsity_replays_chapters_2_and_3(dry):
    ch2 = _setup(WhyL1MakesZeros)
    for name in ("l2", "l1_proximal"):
        assert np.array_equal(dry.runs.run(name), ch2.runs.run(name))
    assert dry.prox_zero_step == ch2.runs.first_exact_zero("l1_proximal") == 5
    assert dry.runs.l1_proximal[dry.prox_zero_step] == 0.0
    assert np.all(dry.runs.l1_proximal[dry.prox_zero_step:] == 0.0)
    assert dry.l2_limit == ch2.descent_minima["l2"]
    assert np.all(dry.runs.l2 > dry.l2_limit)  # creeps toward it, never reaches 0
    ch3 = _setup(DiamondMeetsEllipse)
    for field in ("lasso_alphas", "lasso_coefs", "ridge_alphas", "ridge_coefs", "lasso_kept"):
        assert np.array_equal(getattr(dry.paths, field), getattr(ch3.paths, field)), field
    assert np.array_equal(dry.ridge_smallest, ch3.ridge_smallest)
    assert f"{dry.ridge_smallest[-1]:.2f}" == f"{ch3.ridge_smallest[-1]:.2f}" != "0.00"
    assert dry.paths.lasso_kept[0] == 10 and dry.paths.lasso_kept[-1] == 0
    assert np.abs(dry.paths.lasso_coefs).max() <= COEF_MAX
    assert np.abs(dry.paths.ridge_coefs).max() <= COEF_MAX


def test_robustness_replays_chapter_4(dry):
    ch4 = _setup(OutlierTugsTheFit)
    assert np.array_equal(dry.tug_x, ch4.tug_x) and np.array_equal(dry.tug_y, ch4.tug_y)
    for field in ("ys", "ols_intercepts", "ols_slopes", "lad_intercepts", "lad_slopes",
                  "l2_share", "l1_share"):
        assert np.array_equal(getattr(dry.tug, field), getattr(ch4.tug, field)), field
    # oracle: the end of the drag, least squares by polyfit, LAD by brute force
    x, y = dry.tug.data_at(len(dry.tug.ys) - 1)
    slope, intercept = np.polyfit(x, y, 1)
    assert dry.tug.ols_slopes[-1] == pytest.approx(slope, rel=1e-9)
    best = absolute_loss(lad_optimal_lines(x, y)[0], x, y)
    lad = dry.tug.lad_line(len(dry.tug.ys) - 1)
    assert absolute_loss(lad, x, y) == pytest.approx(best, rel=1e-9)
    assert np.ptp(dry.tug.lad_slopes) == pytest.approx(0, abs=1e-9)  # LAD does not move
    assert dry.tug_l2_share > dry.tug_l1_share
    # each point's pull once the point is up, as chapter 4 draws it: residual and sign
    assert np.array_equal(dry.tug_pull["l2"], ch4.tug_r2[-1])
    assert np.array_equal(dry.tug_pull["l1"], ch4.tug_signs[-1])
    assert dry.tug_pull["l2"] == pytest.approx(y - dry.tug.ols_line(len(dry.tug.ys) - 1)(x))
    assert set(np.unique(dry.tug_pull["l1"])) <= {-1.0, 0.0, 1.0}


def test_stability_numbers_are_chapter_5s(dry):
    ch5 = _setup(NudgeMakesTheLineJump)
    assert dry.tie_position == ch5.tie_position
    assert f"{dry.tie_position:.2f}" == "2.50"
    assert dry.ols_slope_ends == (ch5.ols_slopes[0], ch5.ols_slopes[-1])
    assert dry.lad_slope_ends == (ch5.slope_before, ch5.slope_after)
    shown = [f"{v:.2f}" for v in (*dry.ols_slope_ends, *dry.lad_slope_ends)]
    assert shown == ["0.41", "0.53", "0.10", "0.86"]  # the jump is upward, as in chapter 5
    # oracle: polyfit at both ends
    e = dry.nudge
    for k in (0, -1):
        xs, ys = e.data_at(e.positions[k])
        assert e.ols_slopes[k] == pytest.approx(np.polyfit(xs, ys, 1)[0], rel=1e-9)


def test_solutions_replay_chapter_6(dry):
    ch6 = _setup(ManyManhattanPaths)
    assert dry.small_count == ch6.small_count == len(dry.small_routes) == 10
    assert [np.asarray(r).tolist() for r in dry.small_routes] == \
        [np.asarray(r).tolist() for r in ch6.small_routes]
    assert set(dry.route_lengths) == {5.0}
    assert len({tuple(map(tuple, np.asarray(r))) for r in dry.small_routes}) == 10
    assert dry.tie.loss == ch6.tie.loss and f"{dry.tie.loss:.2f}" == "5.90"
    assert np.array_equal(dry.tie_x, ch6.tie_x) and np.array_equal(dry.tie_y, ch6.tie_y)
    assert dry.family_losses == pytest.approx(dry.tie.loss, abs=1e-9)  # a flat bottom
    assert np.ptp(dry.family[1]) > 0.5  # ... of lines with different slopes
    # off the tie one line wins: a unique LAD optimum, with a larger loss than the tie
    xs, ys = dry.nudge.data_at(dry.off_positions[-1])
    assert len(lad_optimal_lines(xs, ys)) == 1
    assert dry.off_losses[-1] == pytest.approx(absolute_loss(lad_optimal_lines(xs, ys)[0],
                                                              xs, ys))
    assert dry.off_slopes[-1] == pytest.approx(dry.tie.vertices[-1].slope)


def test_computation_replays_chapter_7(dry):
    ch7 = _setup(FormulaVersusAlgorithm)
    assert np.array_equal(dry.cd_X, ch7.X) and np.array_equal(dry.cd_y, ch7.y)
    assert np.array_equal(dry.ridge.coef, ch7.ridge.coef)
    for mine, theirs in zip(dry.ridge_contours + dry.lasso_contours,
                            ch7.ridge_contours + ch7.lasso_contours, strict=True):
        assert np.array_equal(mine, theirs)
    assert np.array_equal(dry.trace.iterates, ch7.trace.iterates)
    assert dry.trace.sweeps == ch7.trace.sweeps and dry.trace.converged
    assert np.array_equal(dry.lasso_exact, ch7.exact)
    # oracle: the minimum's KKT conditions (lecture notation, 1/2 ||y - Xw||^2 + lam ||w||_1)
    Xc, yc = dry.cd_X - dry.cd_X.mean(0), dry.cd_y - dry.cd_y.mean()
    g = Xc.T @ (Xc @ dry.lasso_exact - yc)
    for j, w in enumerate(dry.lasso_exact):
        if w != 0.0:
            assert g[j] + LASSO_LAM * np.sign(w) == pytest.approx(0, abs=1e-6)
        else:
            assert abs(g[j]) <= LASSO_LAM + 1e-9
    assert dry.trace.iterates[-1] == pytest.approx(dry.lasso_exact, abs=1e-9)
    assert dry.lasso_exact[1] == 0.0 and dry.trace.iterates[-1][1] == 0.0  # w2 exactly 0


@frames_comparison(base_scene=Scorecard)
def test_sparsity_frame(scene):
    scene.sparsity()
    scene.wait(SETTLE)


@frames_comparison(base_scene=Scorecard)
def test_stability_frame(scene):
    scene.stability()
    scene.wait(SETTLE)


@frames_comparison(base_scene=Scorecard)
def test_computation_frame(scene):
    scene.computation()
    scene.wait(SETTLE)


@frames_comparison(base_scene=Scorecard)
def test_scorecard_frame(scene):
    scene.scorecard()
    scene.wait(SETTLE)
