"""mathutils.descent (one weight) against independent oracles (closed forms, brute force, scipy)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from mathutils import descend, soft_threshold
from mathutils.descent import (
    RUNS,
    DescentRuns,
    descent_runs,
    l2_step_ratio,
    objective_curves,
    penalised_minimum,
    row_at,
    scalar_objective,
    worked_number,
)

finite = st.floats(-5, 5, allow_nan=False)
strength = st.floats(0, 5, allow_nan=False)


# ---- worked_number ------------------------------------------------------------------------
def test_worked_number_is_the_chapters_example():
    wn = worked_number()
    assert (wn.w_from, wn.w_to) == (0.25, 0.1)
    assert wn.drop_l1 == pytest.approx(0.15, abs=1e-15)
    assert wn.drop_l2 == pytest.approx(0.0525, abs=1e-15)


@given(finite, finite)
def test_worked_number_matches_the_formulas(a, b):
    wn = worked_number(a, b)
    assert wn.drop_l1 == pytest.approx(abs(a) - abs(b), abs=1e-12)
    assert wn.drop_l2 == pytest.approx(a * a - b * b, abs=1e-12)


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_worked_number_refuses_non_finite(bad):
    with pytest.raises(ValueError, match="w_from"):
        worked_number(bad, 0.1)
    with pytest.raises(ValueError, match="w_to"):
        worked_number(0.1, bad)


# ---- objective and its minimum ------------------------------------------------------------
def test_objective_formula():
    w = np.array([-1.0, 0.0, 0.5, 2.0])
    assert np.allclose(scalar_objective(w, 0.3, 0.7, "l1"), 0.5 * (w - 0.3) ** 2 + 0.7 * np.abs(w))
    assert np.allclose(scalar_objective(w, 0.3, 0.7, "l2"), 0.5 * (w - 0.3) ** 2 + 0.7 * w**2)


def test_objective_refuses_bad_input():
    with pytest.raises(ValueError, match="kind"):
        scalar_objective([0.0], 0.0, 1.0, "l3")
    with pytest.raises(ValueError, match="lam"):
        scalar_objective([0.0], 0.0, -1.0, "l1")
    with pytest.raises(ValueError, match="w"):
        scalar_objective([np.nan], 0.0, 1.0, "l1")
    with pytest.raises(ValueError, match="target"):
        scalar_objective([0.0], np.inf, 1.0, "l1")


@settings(max_examples=60, deadline=None)
@given(finite, strength, st.sampled_from(["l1", "l2"]))
def test_minimum_agrees_with_scipy(target, lam, kind):
    w_star = float(penalised_minimum(target, lam, kind))
    res = minimize_scalar(lambda w: float(scalar_objective(w, target, lam, kind)),
                          bounds=(-6, 6), method="bounded", options={"xatol": 1e-10})
    assert w_star == pytest.approx(res.x, abs=1e-6)
    assert scalar_objective(w_star, target, lam, kind) <= res.fun + 1e-12


def test_l1_minimum_is_soft_threshold_and_exactly_zero_from_lam_equal_target():
    lams = np.arange(0, 121) / 100.0
    got = penalised_minimum(0.8, lams, "l1")
    assert np.array_equal(got, [soft_threshold(0.8, lam) for lam in lams])
    assert np.all(got[lams >= 0.8] == 0.0)  # exactly, including at lam == |target|
    assert np.all(got[lams < 0.8] > 0.0)
    assert np.all(penalised_minimum(-0.8, lams, "l1")[lams >= 0.8] == 0.0)


def test_l2_minimum_creeps_but_never_arrives():
    lams = np.linspace(0, 100, 1001)
    got = penalised_minimum(0.8, lams, "l2")
    assert np.allclose(got, 0.8 / (1 + 2 * lams))
    assert np.all(got > 0) and np.all(np.diff(got) < 0)
    assert penalised_minimum(0.0, 3.0, "l2") == 0.0


def test_minimum_keeps_the_shape_of_lam_and_refuses_bad_input():
    assert penalised_minimum(1.0, 0.5, "l1").shape == ()
    assert penalised_minimum(1.0, [[0.5, 2.0]], "l2").shape == (1, 2)
    with pytest.raises(ValueError, match="lam"):
        penalised_minimum(1.0, [0.5, -0.1], "l1")
    with pytest.raises(ValueError, match="kind"):
        penalised_minimum(1.0, 0.5, "L1")


def test_objective_curves_rows_and_checks():
    w = np.linspace(-1, 1, 11)
    lams = np.array([0.0, 0.5, 1.0])
    rows = objective_curves(w, 0.4, lams, "l1")
    assert rows.shape == (3, 11)
    for row, lam in zip(rows, lams, strict=True):
        assert np.array_equal(row, scalar_objective(w, 0.4, lam, "l1"))
    assert objective_curves(w, 0.4, [], "l2").shape == (0, 11)
    with pytest.raises(ValueError, match="lams"):
        objective_curves(w, 0.4, [-1.0], "l1")
    with pytest.raises(ValueError, match="w"):
        objective_curves(np.ones((2, 2)), 0.4, lams, "l1")


# ---- row_at -------------------------------------------------------------------------------
def test_row_at_interpolates_and_clamps():
    grid = np.array([0.0, 1.0, 3.0])
    rows = np.array([[0.0, 10.0], [1.0, 20.0], [5.0, 40.0]])
    assert np.array_equal(row_at(grid, rows, 0.0), rows[0])
    assert np.array_equal(row_at(grid, rows, 3.0), rows[2])
    assert np.allclose(row_at(grid, rows, 0.5), [0.5, 15.0])
    assert np.allclose(row_at(grid, rows, 2.0), [3.0, 30.0])
    assert np.array_equal(row_at(grid, rows, -7.0), rows[0])
    assert np.array_equal(row_at(grid, rows, 9.0), rows[2])


def test_row_at_refuses_bad_input():
    rows = np.zeros((2, 3))
    with pytest.raises(ValueError, match="grid"):
        row_at([1.0, 1.0], rows, 1.0)
    with pytest.raises(ValueError, match="grid"):
        row_at([1.0], rows[:1], 1.0)
    with pytest.raises(ValueError, match="rows"):
        row_at([0.0, 1.0, 2.0], rows, 1.0)
    with pytest.raises(ValueError, match="x"):
        row_at([0.0, 1.0], rows, np.nan)


# ---- descent runs -------------------------------------------------------------------------
PARAMS = dict(w0=1.0, target=0.1, lam=0.5, lr=0.25, steps=18)


def test_descent_runs_are_mathutils_descend():
    runs = descent_runs(**PARAMS)
    assert isinstance(runs, DescentRuns)
    kw = {k: PARAMS[k] for k in ("target", "lam", "lr", "steps")}
    assert np.array_equal(runs.l2, descend(1.0, penalty="l2", method="subgradient", **kw))
    assert np.array_equal(runs.l1_subgradient,
                          descend(1.0, penalty="l1", method="subgradient", **kw))
    assert np.array_equal(runs.l1_proximal, descend(1.0, penalty="l1", method="proximal", **kw))
    for name in RUNS:
        assert runs.run(name).shape == (19,)
        assert runs.run(name)[0] == 1.0


def test_the_three_behaviours():
    runs = descent_runs(**PARAMS)
    # Proximal L1: lands on exactly 0.0 and stays.
    k = runs.first_exact_zero("l1_proximal")
    assert k is not None and 0 < k < runs.steps
    assert np.all(runs.l1_proximal[k:] == 0.0) and runs.l1_proximal[k - 1] != 0.0
    # Subgradient L1: never exactly 0, keeps changing sign near 0.
    assert runs.first_exact_zero("l1_subgradient") is None
    tail = runs.l1_subgradient[k:]
    assert np.all(tail != 0.0) and np.sum(np.diff(np.sign(tail)) != 0) >= 4
    assert np.max(np.abs(tail)) < 2 * PARAMS["lr"] * PARAMS["lam"] + 1e-12
    # L2: geometric toward target / (1 + 2 lam), never 0.
    m = float(penalised_minimum(0.1, 0.5, "l2"))
    gaps = runs.l2 - m
    assert np.allclose(gaps[1:] / gaps[:-1], l2_step_ratio(0.5, 0.25))
    assert np.all(runs.l2 > 0)


def test_first_exact_zero_edge_cases():
    zeros = descent_runs(0.0, target=0.0, lam=1.0, lr=0.5, steps=3)
    assert zeros.first_exact_zero("l1_proximal") == 0
    assert zeros.first_exact_zero("l2") == 0
    with pytest.raises(ValueError, match="name"):
        zeros.run("l1")


def test_l2_step_ratio_and_checks():
    assert l2_step_ratio(0.5, 0.25) == 0.5
    with pytest.raises(ValueError, match="lam"):
        l2_step_ratio(-1, 0.1)
    with pytest.raises(ValueError, match="lr"):
        l2_step_ratio(1, 0)
    with pytest.raises(ValueError, match="steps"):
        descent_runs(1.0, target=0.0, lam=1.0, lr=0.1, steps=-1)
