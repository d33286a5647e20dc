"""Chapter "geometry": smoke, sections, displayed values, control frames."""

from __future__ import annotations

import numpy as np
import pytest
from manim.utils.testing.frames_comparison import frames_comparison

from mathutils import (
    constrained_minimum,
    lp_norm,
    quadratic_loss,
    random_losses,
    unit_ball,
    zero_coefficient_rate,
)
from mathutils.geometry import (
    contact_level,
    contact_path,
    ellipse_outline,
    exact_zero_hits,
    zero_tallies,
)
from mathutils.selection import diabetes_paths
from scenes import geometry
from scenes.geometry import DiamondMeetsEllipse
from tests.chapter_tools import render_small, run_dry, subcaptions

__module_test__ = "geometry"

BEATS = ["title", "unit-balls", "constraint-contact", "how-often", "feature-selection", "takeaway"]


@pytest.fixture(scope="module")
def dry():
    return run_dry(DiamondMeetsEllipse, frame_rate=5)  # fewer updater frames: a faster test


def test_smoke_and_narration(dry):
    caps = subcaptions(dry)
    assert caps and all(c.strip() for c in caps)
    text = " ".join(caps)
    assert "exactly zero" in text
    # the numbers spoken are the numbers computed
    l1, l2 = int(dry.l1_tally[-1]), int(dry.l2_tally[-1])
    assert f"{l1} of the L1 minima" in text
    assert l2 == 0 and "None of the L2 minima do." in text
    assert f"{np.min(np.abs(dry.paths.ridge_coefs[-1])):.2f}" in text


def test_sections_are_the_beats_in_order(tmp_path):
    sections = render_small(DiamondMeetsEllipse, tmp_path)
    assert [s["name"] for s in sections] == BEATS


# ---- displayed values == mathutils ---------------------------------------------------------------
def test_unit_balls_values(dry):
    for p, pts in zip(dry.ball_ps, dry.ball_outlines, strict=True):
        np.testing.assert_array_equal(pts, unit_ball(p, geometry.BALL_POINTS))
    assert np.isinf(dry.ball_ps[0]) and dry.ball_ps[-1] == 0.5
    for p in (2.0, 1.0):
        assert p in dry.ball_ps  # the morph stops exactly on the circle and the diamond
    np.testing.assert_array_equal(dry.diamond, unit_ball(1, geometry.BALL_POINTS))
    np.testing.assert_array_equal(dry.circle, unit_ball(2, geometry.BALL_POINTS))


def test_first_contact_diamond_corner_circle_not(dry):
    Q, c = geometry.Q, geometry.W_HAT
    np.testing.assert_array_equal(dry.l1_contact, constrained_minimum(Q, c, 1, 1.0))
    np.testing.assert_array_equal(dry.l2_contact, constrained_minimum(Q, c, 2, 1.0))
    assert dry.l1_contact[0] == 0.0 and dry.l1_contact[1] == 1.0  # the corner (0, 1), exactly
    assert np.all(np.abs(dry.l2_contact) > 0.3)  # clearly off both axes
    assert dry.l1_level == contact_level(Q, c, 1, 1.0)
    assert dry.l2_level == contact_level(Q, c, 2, 1.0)
    # the unconstrained optimum lies outside every ball the chapter draws
    assert lp_norm(c, 2) > geometry.BUDGETS.max() and lp_norm(c, 1) > geometry.BUDGETS.max()


def test_contact_paths_diamond_sticks_to_axis_circle_slides(dry):
    Q, c, t = geometry.Q, geometry.W_HAT, geometry.BUDGETS
    np.testing.assert_array_equal(dry.l1_path, contact_path(Q, c, 1, t))
    np.testing.assert_array_equal(dry.l2_path, contact_path(Q, c, 2, t))
    np.testing.assert_array_equal(dry.l1_path_levels, quadratic_loss(Q, c, dry.l1_path))
    # diamond: off the axis for large budgets, exactly on it from t_star down, never leaving
    on = dry.l1_path[:, 0] == 0.0
    np.testing.assert_array_equal(dry.l1_on_axis, on)
    np.testing.assert_array_equal(on, t <= dry.t_star)
    assert 1.0 < dry.t_star < t.max()
    assert np.all(dry.l1_path[on, 1] == t[on])  # the corner (0, t)
    # circle: both weights nonzero all the way, sliding smoothly toward the origin
    assert np.all(np.abs(dry.l2_path) > 0.1)
    steps = np.linalg.norm(np.diff(dry.l2_path, axis=0), axis=1)
    assert steps.max() < 3 * np.diff(t).max()
    np.testing.assert_allclose(lp_norm(dry.l2_path, 2, axis=1), t, rtol=1e-12)


def test_drawn_ellipses_are_the_contact_levels(dry):
    Q, c = geometry.Q, geometry.W_HAT
    lo, hi = -geometry.PLANE, geometry.PLANE
    for p, lv in ((1, dry.l1_level), (2, dry.l2_level)):
        runs = dry.grow_runs[p][-1]  # the grown ellipse at first contact
        assert runs
        for r in runs:
            np.testing.assert_allclose(quadratic_loss(Q, c, r), lv, rtol=1e-9)
            assert np.all((r >= lo) & (r <= hi))
    i = len(geometry.BUDGETS) // 2
    for r in dry.path_runs[2][i]:
        np.testing.assert_allclose(quadratic_loss(Q, c, r), dry.l2_path_levels[i], rtol=1e-9)
    assert len(ellipse_outline(Q, c, 1.0, geometry.ELLIPSE_POINTS)) == geometry.ELLIPSE_POINTS


def test_random_loss_tallies(dry):
    losses = random_losses(geometry.TRIALS, np.random.default_rng(geometry.SEED))
    np.testing.assert_array_equal(dry.losses.Q, losses.Q)
    np.testing.assert_array_equal(dry.l1_tally, zero_tallies(losses, 1, geometry.RAND_T))
    np.testing.assert_array_equal(dry.l2_tally, zero_tallies(losses, 2, geometry.RAND_T))
    for p, tally in ((1, dry.l1_tally), (2, dry.l2_tally)):
        rate = zero_coefficient_rate(p, geometry.TRIALS, np.random.default_rng(geometry.SEED),
                                     geometry.RAND_T)
        assert tally[-1] / geometry.TRIALS == rate
        np.testing.assert_allclose(dry.l1_rate if p == 1 else dry.l2_rate,
                                   tally / np.arange(1, geometry.TRIALS + 1))
    assert 0.5 < dry.l1_rate[-1] < 0.9 and dry.l2_tally[-1] == 0
    for k, fl in enumerate(dry.flashes):
        q, c = losses.Q[k], losses.center[k]
        np.testing.assert_array_equal(fl["l1"], constrained_minimum(q, c, 1, geometry.RAND_T))
        np.testing.assert_array_equal(fl["l2"], constrained_minimum(q, c, 2, geometry.RAND_T))


def test_marked_centres_are_corner_or_edge(dry):
    """Each random centre is drawn green (L1 minimum on a corner) or orange (on an edge)."""
    losses = random_losses(geometry.TRIALS, np.random.default_rng(geometry.SEED))
    np.testing.assert_array_equal(dry.l1_corner, exact_zero_hits(losses, 1, geometry.RAND_T))
    # the green count shown after k losses is the tally of exact zeros
    np.testing.assert_array_equal(np.cumsum(dry.l1_corner), dry.l1_tally)
    # independent check on the drawn sample: a corner minimum is a corner of the t-diamond
    for q, c, hit in zip(losses.Q, losses.center, dry.l1_corner, strict=True):
        w = constrained_minimum(q, c, 1, geometry.RAND_T)
        on_corner = np.isclose(np.abs(w).max(), geometry.RAND_T) and np.abs(w).min() == 0.0
        assert bool(hit) == bool(on_corner)
    assert 0 < dry.l1_corner.sum() < geometry.TRIALS
    assert geometry.FLASHES < geometry.MARK_SLOW < geometry.TRIALS


def test_shrinking_budget_recolours_the_same_losses(dry):
    losses = random_losses(geometry.TRIALS, np.random.default_rng(geometry.SEED))
    assert dry.rand_budgets[0] == geometry.RAND_T and dry.rand_budgets[-1] == 0.5
    for t, hits, l2 in zip(dry.rand_budgets, dry.corner_by_budget, dry.l2_zero_by_budget,
                           strict=True):
        np.testing.assert_array_equal(hits, exact_zero_hits(losses, 1, t))
        np.testing.assert_array_equal(l2, exact_zero_hits(losses, 2, t))
    np.testing.assert_array_equal(dry.corner_by_budget[0], dry.l1_corner)
    shares = dry.corner_by_budget.sum(axis=1)
    assert shares[-1] > shares[0]  # the corners win more often as t shrinks
    assert not dry.l2_zero_by_budget.any()
    text = " ".join(subcaptions(dry))
    assert f"{shares[-1]} of the same {geometry.TRIALS} minima sit on a corner" in text


def test_aligned_loss_slide_diamond_holds_zero_circle_crosses_once(dry):
    """The zoom that ends "how often": one axis-aligned loss slides across the w2 axis."""
    Q, c2, s = geometry.ALIGN_Q, geometry.ALIGN_C2, dry.align_s
    t = float(geometry.RAND_BUDGETS[-1])  # the budget the beat has shrunk to
    assert np.all(np.isin(geometry.ALIGN_SWEEP, s)) and 0.0 in s
    for k, (l1, l2) in enumerate(zip(dry.align_l1, dry.align_l2, strict=True)):
        c = np.array([s[k], c2])
        np.testing.assert_array_equal(l1, constrained_minimum(Q, c, 1, t))
        np.testing.assert_array_equal(l2, constrained_minimum(Q, c, 2, t))
        # the drawn ellipses are the contact levels
        for p, w in ((1, l1), (2, l2)):
            for r in dry.align_runs[p][k]:
                np.testing.assert_allclose(quadratic_loss(Q, c, r), quadratic_loss(Q, c, w),
                                           rtol=1e-9)
    # independent oracle for the diamond: the corner (0, t) is optimal exactly when the
    # loss gradient there, Q (w - c), has |g1| <= |g2| (its subgradient condition)
    g1, g2 = Q[0, 0] * np.abs(s), Q[1, 1] * (c2 - t)
    on_axis = dry.align_l1[:, 0] == 0.0
    np.testing.assert_array_equal(on_axis, g1 <= g2 + 1e-12)
    assert on_axis.sum() > 100  # a whole range of positions, as said
    # independent oracle for the circle: w = (Q + mu I)^-1 Q c, so w1 has the sign of s and
    # is 0 only at s = 0; at the readout's 3 decimals it is nonzero everywhere else
    np.testing.assert_array_equal(np.sign(dry.align_l2[:, 0]), np.sign(s))
    assert np.all(np.abs(dry.align_l2[s != 0.0, 0]) >= 0.0005)
    assert np.all(dry.align_l2[:, 1] > 0.0)


def test_penalty_budget_is_on_the_grid():
    assert geometry.T_PENALTY in geometry.BUDGETS and geometry.T_PENALTY < geometry.T_FIRST


def test_ridge_smallest_readout(dry):
    """The live "closest to 0" readout: per alpha, the smallest ridge coefficient in size."""
    d = dry.paths
    ref = np.array([min(abs(v) for v in row) for row in d.ridge_coefs])
    np.testing.assert_array_equal(dry.ridge_smallest, ref)
    assert np.all(dry.ridge_smallest > 0.0)
    assert round(float(dry.ridge_smallest[-1]), 2) == 0.07  # as said, at alpha = 10^3
    text = " ".join(subcaptions(dry))
    assert f"the smallest is still {dry.ridge_smallest[-1]:.2f}" in text
    assert "near the least-squares fit" not in text


def test_feature_selection_paths(dry):
    ref = diabetes_paths(lasso_decades=(-2.5, 0.2), ridge_log10=(-2.0, 3.0), n=200)
    d = dry.paths
    np.testing.assert_array_equal(d.lasso_coefs, ref.lasso_coefs)
    np.testing.assert_array_equal(d.ridge_coefs, ref.ridge_coefs)
    np.testing.assert_array_equal(d.lasso_kept, ref.lasso_kept)
    assert d.lasso_kept[0] == 10 and d.lasso_kept[-1] == 0
    assert np.all(np.diff(d.lasso_kept) <= 0)
    assert np.all(d.ridge_kept == 10) and np.all(d.ridge_coefs != 0.0)
    # the heading's "442 patients, 10 features" is the shipped data's shape (Efron et al. 2004)
    assert dry.diabetes_shape == (442, 10)


# ---- control frames ------------------------------------------------------------------------------
@frames_comparison(base_scene=DiamondMeetsEllipse)
def test_constraint_contact_frame(scene):
    scene.constraint_contact()


@frames_comparison(base_scene=DiamondMeetsEllipse)
def test_how_often_frame(scene):
    scene.how_often()


@frames_comparison(base_scene=DiamondMeetsEllipse)
def test_feature_selection_frame(scene):
    scene.feature_selection()
