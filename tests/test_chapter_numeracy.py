"""Chapter numeracy: smoke, sections, layout, displayed values against oracles, control frames."""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np
import pytest
from manim import config
from manim.utils.testing.frames_comparison import frames_comparison
from scipy.optimize import linprog
from sklearn.linear_model import Lasso, Ridge

from mathutils.lad import nudge_example
from scenes import style
from scenes.numeracy import GRID, SMALL, TWIN_LAM, TWIN_WINDOW, ManyManhattanPaths
from tests.chapter_tools import PACE, render_small, run_dry, subcaptions

__module_test__ = "numeracy"

BEATS = ["title", "two-distances", "many-paths", "why-count", "many-minimisers", "takeaway"]


class _Probe(ManyManhattanPaths):
    """The chapter as it is, recording the lowest content edge after every play."""

    def setup(self):
        super().setup()
        self.lowest = []

    def play(self, *args, **kwargs):
        super().play(*args, **kwargs)
        bottoms = [m.get_bottom()[1] for m in self.mobjects if m.width > 0 or m.height > 0]
        sides = [max(abs(m.get_left()[0]), abs(m.get_right()[0]))
                 for m in self.mobjects if m.width > 0 or m.height > 0]
        self.lowest.append((min(bottoms, default=np.inf), max(sides, default=0.0)))


@pytest.fixture(scope="module")
def dry():
    return run_dry(_Probe)


def test_smoke_and_narration(dry):
    lines = subcaptions(dry)
    assert len(lines) >= 20 and all(s.strip() for s in lines)
    text = " ".join(lines)
    # the honest claims are said, not only shown, and spoken to the viewer (rule 13)
    assert "a common claim" in text.lower()
    assert "general position" in text and "analogy" in text and "special data" in text
    assert "ridge always has exactly one answer" in text
    for leak in ("seed", "our source", "corrected"):
        assert leak not in text.lower()


def test_nothing_in_the_caption_band_or_off_the_frame(dry):
    half_w = config.frame_width / 2 - style.EDGE + 0.02
    assert dry.lowest
    for bottom, side in dry.lowest:
        assert bottom >= style.FLOOR + 0.04  # clear of the caption band (rule 11)
        assert side <= half_w


def test_sections_in_order(tmp_path):
    sections = render_small(ManyManhattanPaths, tmp_path)
    assert [s["name"] for s in sections] == BEATS
    assert PACE[0] <= sum(float(s["duration"]) for s in sections) <= PACE[1]


def test_two_distances(dry):
    m, n = GRID
    d = dry.distances
    assert d.euclidean == pytest.approx(math.hypot(m, n)) and f"{d.euclidean:.2f}" == "8.49"
    assert d.taxicab == m + n == 12
    assert dry.example_lengths == [12, 12]
    assert not np.array_equal(*dry.example_routes)


def _is_shortest_route(path, m, n):
    steps = np.diff(path, axis=0)
    return (
        np.array_equal(path[0], [0, 0]) and np.array_equal(path[-1], [m, n])
        and all(tuple(s) in {(1, 0), (0, 1)} for s in steps)
    )


def _enumerate_routes(m, n):
    """Every monotone route by brute force: all 0/1 words of length m + n with n ones."""
    return [w for w in np.ndindex(*([2] * (m + n))) if sum(w) == n]


def test_many_paths_counts(dry):
    m, n = GRID
    assert dry.route_count == math.comb(m + n, n) == 924
    assert all(_is_shortest_route(p, m, n) for p in dry.samples)
    assert len({p.tobytes() for p in dry.samples}) == len(dry.samples)  # all different
    assert set(dry.sample_lengths) == {m + n}
    sm, sn = SMALL
    assert dry.small_count == len(dry.small_routes) == len(_enumerate_routes(sm, sn)) == 10
    assert all(_is_shortest_route(p, sm, sn) for p in dry.small_routes)
    assert len(set(dry.small_words)) == dry.small_count
    assert all(w.count("R") == sm and w.count("U") == sn for w in dry.small_words)
    # the count by enumeration on a grid small enough to list, the formula on the big one
    assert len(_enumerate_routes(4, 3)) == math.comb(7, 3)
    assert len(list(combinations(range(m + n), n))) == dry.route_count


def _lad_by_linprog(x, y):
    n = len(x)
    eye = np.eye(n)
    res = linprog(np.r_[0.0, 0.0, np.ones(2 * n)], A_eq=np.hstack([np.ones((n, 1)), x[:, None],
                  eye, -eye]), b_eq=y, bounds=[(None, None)] * 2 + [(0, None)] * (2 * n),
                  method="highs")
    assert res.success
    return res


def _profile_by_linprog(x, y, b):
    """min over the intercept of sum |y - a - b x|, the slope b fixed (an LP)."""
    n = len(x)
    eye = np.eye(n)
    res = linprog(np.r_[0.0, np.ones(2 * n)], A_eq=np.hstack([np.ones((n, 1)), eye, -eye]),
                  b_eq=y - b * x, bounds=[(None, None)] + [(0, None)] * (2 * n),
                  method="highs")
    return res.fun


def test_flat_bottom_is_the_lad_optimum(dry):
    ex = nudge_example()
    x, y = ex.data_at(ex.tie_position)
    assert np.array_equal(dry.tie_x, x) and np.array_equal(dry.tie_y, y)
    best = _lad_by_linprog(x, y).fun
    assert f"{dry.tie.loss:.2f}" == f"{best:.2f}" == "5.90"
    i0, i1 = dry.flat_idx
    assert dry.slopes[i0] == dry.flat[0] and dry.slopes[i1] == dry.flat[1]
    # along the flat bottom every slope reaches the LP minimum; just outside it does not
    np.testing.assert_allclose(dry.l1_profile[i0: i1 + 1], best, rtol=1e-9)
    assert dry.l1_profile[i0 - 1] > best + 1e-6 and dry.l1_profile[i1 + 1] > best + 1e-6
    for i in range(0, len(dry.slopes), 20):  # the plotted curve is the LP's profile
        assert dry.l1_profile[i] == pytest.approx(_profile_by_linprog(x, y, dry.slopes[i]),
                                                  rel=1e-8)
    # each drawn line (best intercept for its slope) has the plotted loss
    for i in (0, i0, (i0 + i1) // 2, i1, len(dry.slopes) - 1):
        line = dry.l1_icpt[i] + dry.slopes[i] * x
        assert np.abs(y - line).sum() == pytest.approx(dry.l1_profile[i], rel=1e-12)
    # the flat ends are the slopes of two lines through pairs of points, visibly apart
    assert dry.flat[1] - dry.flat[0] > 0.5
    assert (f"{dry.flat[0]:.2f}", f"{dry.flat[1]:.2f}") == ("0.10", "0.86")


def test_least_squares_parabola_has_one_lowest_point(dry):
    x, y = dry.tie_x, dry.tie_y
    slope = np.polyfit(x, y, 1)[0]
    assert dry.ols.slope == pytest.approx(slope, rel=1e-12)
    k = dry.ls_idx
    assert abs(dry.slopes[k] - slope) <= np.diff(dry.slopes).max()
    assert np.all(np.diff(dry.l2_profile[: k + 1]) < 0) and np.all(np.diff(dry.l2_profile[k:]) > 0)
    # a parabola (curved everywhere) whose vertex is the least-squares slope: brute force
    direct = [((y - dry.slopes[i] * x - (y - dry.slopes[i] * x).mean()) ** 2).sum()
              for i in range(len(dry.slopes))]
    np.testing.assert_allclose(dry.l2_profile, direct, rtol=1e-12)
    c2, c1, _ = np.polyfit(dry.slopes, dry.l2_profile, 2)
    assert c2 > 0 and -c1 / (2 * c2) == pytest.approx(slope, rel=1e-9)
    assert f"{dry.ols.slope:.2f}" == "0.45"


def test_nudge_off_the_tie_makes_one_slope_win(dry):
    ex = nudge_example()
    pos = dry.nudge_positions
    assert pos[(len(pos) - 1) // 2] == dry.tie_position
    for j, p in ((0, pos[0]), (-1, pos[-1])):
        x, y = ex.data_at(p)
        res = _lad_by_linprog(x, y)
        assert dry.nudge_ends[j].unique
        assert dry.nudge_ends[j].vertices[0].slope == pytest.approx(res.x[1], abs=1e-7)
        # the dot sits at the grid's lowest sample, which is the LP's slope
        assert dry.nudge_best[j] == pytest.approx(res.x[1], abs=1e-12)
    # off the tie the profile has a single lowest sample
    for prof in dry.nudge_profiles[[0, -1]]:
        assert np.sum(prof <= prof.min() + 1e-9) == 1


def test_copied_feature(dry):
    tw = dry.twin
    n = len(tw.x)
    X = np.column_stack([tw.x, tw.x])
    sk = Lasso(alpha=TWIN_LAM / n, tol=1e-14, max_iter=1_000_000).fit(X, tw.y)
    assert sk.coef_.sum() == pytest.approx(tw.s, abs=1e-8) and sk.coef_.prod() >= 0
    rk = Ridge(alpha=2 * tw.ridge_lam).fit(X, tw.y)
    np.testing.assert_allclose(tw.ridge_coef, rk.coef_, rtol=1e-9)
    # the shown numbers add up: the ridge point lies on the lasso's line, halves shown equal
    assert f"{2 * float(f'{tw.ridge_coef[0]:.2f}'):.2f}" == f"{tw.s:.2f}"
    # the slide along the edge: weights change, the objective does not
    assert np.ptp(dry.slide[:, 0]) == pytest.approx(tw.s)
    np.testing.assert_allclose(dry.slide.sum(axis=1), tw.s, rtol=1e-12)
    direct = [0.5 * (((tw.y - tw.y.mean()) - w.sum() * (tw.x - tw.x.mean())) ** 2).sum()
              + TWIN_LAM * np.abs(w).sum() for w in dry.slide]
    np.testing.assert_allclose(dry.slide_values, direct, rtol=1e-12)
    assert np.ptp(dry.slide_values) < 1e-9
    # the contours are drawn from least squares down, through the lasso's line, inside the window
    assert dry.contour_sums[0] == tw.s_ls and tw.s in dry.contour_sums
    lo, hi = TWIN_WINDOW
    assert -tw.s >= lo and tw.s <= hi  # the whole diamond fits


@frames_comparison(base_scene=ManyManhattanPaths)
def test_two_distances_frame(scene):
    scene.two_distances()


@frames_comparison(base_scene=ManyManhattanPaths)
def test_why_count_frame(scene):
    scene.why_count()


@frames_comparison(base_scene=ManyManhattanPaths)
def test_lad_flat_frame(scene):
    """The flat bottom beside the parabola, after the nudge."""
    scene._lad_flat()


@frames_comparison(base_scene=ManyManhattanPaths)
def test_twin_segment_frame(scene):
    """The diamond's edge along a contour line, the circle touching it once."""
    scene._twin_segment()


@frames_comparison(base_scene=ManyManhattanPaths)
def test_takeaway_frame(scene):
    scene.takeaway()
