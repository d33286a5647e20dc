"""Chapter numeracy: smoke, sections, displayed values against oracles, control frames."""

from __future__ import annotations

import math

import numpy as np
import pytest
from manim.utils.testing.frames_comparison import frames_comparison
from scipy.optimize import linprog
from sklearn.linear_model import Lasso, Ridge

from mathutils.lad import nudge_example
from scenes.numeracy import GRID, SMALL, TWIN_ALPHA, TWIN_RIDGE, ManyManhattanPaths
from tests.chapter_tools import PACE, render_small, run_dry, subcaptions

__module_test__ = "numeracy"

BEATS = ["title", "two-distances", "many-paths", "why-count", "many-minimisers", "takeaway"]


@pytest.fixture(scope="module")
def dry():
    return run_dry(ManyManhattanPaths)


def test_smoke_and_narration(dry):
    lines = subcaptions(dry)
    assert len(lines) >= 20 and all(s.strip() for s in lines)
    text = " ".join(lines)
    # the honest claims are said, not only shown
    assert "general position" in text and "analogy" in text and "ridge is always unique" in text


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


def test_many_paths_counts(dry):
    m, n = GRID
    assert dry.route_count == math.comb(m + n, n) == 924
    assert all(_is_shortest_route(p, m, n) for p in dry.samples)
    assert len({p.tobytes() for p in dry.samples}) == len(dry.samples)  # all different
    assert set(dry.sample_lengths) == {m + n}
    sm, sn = SMALL
    assert dry.small_count == len(dry.small_routes) == math.comb(sm + sn, sn)
    assert all(_is_shortest_route(p, sm, sn) for p in dry.small_routes)
    assert len(set(dry.small_words)) == dry.small_count
    assert all(w.count("R") == sm and w.count("U") == sn for w in dry.small_words)


def test_lad_family_is_optimal(dry):
    ex = nudge_example()
    x, y = ex.data_at(ex.tie_position)
    assert np.array_equal(dry.tie_x, x) and np.array_equal(dry.tie_y, y)
    n = len(x)
    eye = np.eye(n)
    res = linprog(np.r_[0.0, 0.0, np.ones(2 * n)], A_eq=np.hstack([np.ones((n, 1)), x[:, None],
                  eye, -eye]), b_eq=y, bounds=[(None, None)] * 2 + [(0, None)] * (2 * n))
    np.testing.assert_allclose(dry.family_losses, res.fun, rtol=1e-9)
    slopes = dry.family[1]
    assert slopes[-1] - slopes[0] > 0.5  # visibly different lines, all optimal
    assert dry.ols == pytest.approx(np.polyfit(x, y, 1)[::-1])


def test_twin_lasso_segment(dry):
    tw = dry.twin
    sk = Lasso(alpha=TWIN_ALPHA, tol=1e-14, max_iter=1_000_000).fit(tw.X, tw.y)
    assert sk.coef_.sum() == pytest.approx(tw.s, abs=1e-8) and sk.coef_.prod() >= 0
    sk_value = ((tw.y - tw.X @ sk.coef_ - sk.intercept_) ** 2).mean() / 2 + TWIN_ALPHA * np.abs(
        sk.coef_).sum()
    np.testing.assert_allclose(dry.segment_values, sk_value, rtol=1e-10)
    np.testing.assert_allclose(dry.twin.ridge_coef, Ridge(alpha=TWIN_RIDGE).fit(tw.X, tw.y).coef_,
                               rtol=1e-10)
    lo, hi = dry.twin_window
    for c in dry.twin_contours:  # every contour fits inside the drawn axes
        assert c.min() >= lo and c.max() <= hi


@frames_comparison(base_scene=ManyManhattanPaths)
def test_two_distances_frame(scene):
    scene.two_distances()


@frames_comparison(base_scene=ManyManhattanPaths)
def test_why_count_frame(scene):
    scene.why_count()


@frames_comparison(base_scene=ManyManhattanPaths)
def test_twin_segment_frame(scene):
    """The key picture of many-minimisers (the whole beat ends on a text slide)."""
    scene._twin_segment()
