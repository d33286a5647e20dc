"""mathutils.geometry against scipy.optimize.minimize (SLSQP) and closed-form facts."""

import numpy as np
import pytest
from scipy.optimize import minimize

from mathutils import (
    constrained_minimum,
    quadratic_loss,
    random_losses,
    zero_coefficient_rate,
)


def _random_spd(rng):
    A = rng.normal(size=(2, 2))
    return A @ A.T + rng.uniform(0.05, 1.0) * np.eye(2)


def _onto_ball(w, p, t):
    """Euclidean projection of w onto the ball ||w||_p <= t (p = 1 or 2), written out here."""
    if p == 2:
        r = np.hypot(*w)
        return w if r <= t else w * (t / r)
    a = np.abs(w)
    if a.sum() <= t:
        return w
    hi, lo = max(a), min(a)  # shrink both by theta (Duchi et al. 2008), or clip to a corner
    theta = hi - t if hi - t >= lo else (hi + lo - t) / 2
    return np.sign(w) * np.maximum(a - theta, 0.0)


def _oracle(Q, c, p, t, starts=6, seed=0):
    """SLSQP from several starts; for p=1 the smooth split w = u - v, u, v >= 0.

    SLSQP meets its constraint only to its own tolerance, and for p=1 a start sometimes stops
    far outside the diamond: an infeasible point whose loss is below the true minimum. So each
    answer is projected onto the ball first, and the best *feasible* point is returned.
    """
    rng = np.random.default_rng(seed)

    def f(w):
        d = w - c
        return d @ Q @ d

    best = None
    for _ in range(starts):
        if p == 2:
            w0 = rng.uniform(-t, t, 2) / np.sqrt(2)
            res = minimize(f, w0, method="SLSQP",
                           constraints=[{"type": "ineq", "fun": lambda w: t * t - w @ w}],
                           options={"ftol": 1e-15, "maxiter": 1000})
            w = res.x
        else:
            z0 = rng.uniform(0, t / 4, 4)
            res = minimize(lambda z: f(z[:2] - z[2:]), z0, method="SLSQP",
                           bounds=[(0, None)] * 4,
                           constraints=[{"type": "ineq", "fun": lambda z: t - z.sum()}],
                           options={"ftol": 1e-15, "maxiter": 1000})
            w = res.x[:2] - res.x[2:]
        w = _onto_ball(w, p, t)
        if best is None or f(w) < f(best):
            best = w
    return best


@pytest.mark.parametrize("p", [1, 2])
def test_constrained_minimum_matches_slsqp(p):
    rng = np.random.default_rng(10 + p)
    for trial in range(25):
        Q = _random_spd(rng)
        c = rng.uniform(-6, 6, 2)
        t = rng.uniform(0.3, 3.0)
        ours = constrained_minimum(Q, c, p, t)
        ref = _oracle(Q, c, p, t, seed=trial)  # a feasible point, near-optimal
        # ours is the exact minimum: no feasible point does better, beyond rounding
        assert quadratic_loss(Q, c, ours) <= quadratic_loss(Q, c, ref) * (1 + 1e-12) + 1e-12
        np.testing.assert_allclose(ours, ref, atol=1e-4)  # strictly convex: unique answer
        norm = np.abs(ours).sum() if p == 1 else np.hypot(*ours)
        assert norm <= t * (1 + 1e-12)


def test_l1_corner_answers_have_an_exact_zero():
    rng = np.random.default_rng(5)
    corners = 0
    for trial in range(40):
        Q = _random_spd(rng)
        c = rng.uniform(-6, 6, 2)
        ours = constrained_minimum(Q, c, 1, 1.0)
        ref = _oracle(Q, c, 1, 1.0, starts=3, seed=trial)
        if np.min(np.abs(ref)) < 1e-6:  # the oracle lands (numerically) on a corner
            corners += 1
            assert np.sum(ours == 0.0) == 1  # ours lands exactly on it
            assert np.max(np.abs(ours)) == 1.0
    assert corners >= 5


def test_known_corner_and_known_circle_point():
    # Round loss centred at (3, 1): L1 answer is the corner (1, 0); L2 the radial projection.
    Q, c = np.eye(2), np.array([3.0, 1.0])
    np.testing.assert_array_equal(constrained_minimum(Q, c, 1, 1.0), [1.0, 0.0])
    np.testing.assert_allclose(constrained_minimum(Q, c, 2, 1.0), c / np.hypot(3, 1), atol=1e-12)
    # Round loss centred at (2, 1.5): the L1 answer is on the edge, not a corner
    w = constrained_minimum(Q, np.array([2.0, 1.5]), 1, 1.0)
    np.testing.assert_allclose(w, [0.75, 0.25], atol=1e-12)


def test_l2_answers_lie_on_the_circle_without_zeros():
    rng = np.random.default_rng(8)
    for _ in range(30):
        Q = _random_spd(rng)
        c = rng.uniform(-6, 6, 2)
        if np.hypot(*c) <= 2.0:
            continue
        w = constrained_minimum(Q, c, 2, 2.0)
        assert np.hypot(*w) == pytest.approx(2.0, rel=1e-13)
        assert np.all(w != 0.0)


@pytest.mark.parametrize("p", [1, 2])
def test_inside_the_ball_returns_the_center(p):
    Q = np.array([[2.0, 0.3], [0.3, 1.0]])
    c = np.array([0.2, -0.3])
    w = constrained_minimum(Q, c, p, 1.0)
    np.testing.assert_array_equal(w, c)
    w[0] = 99.0  # a copy, not the caller's array
    assert c[0] == 0.2
    np.testing.assert_array_equal(constrained_minimum(Q, c, p, 0.0), [0.0, 0.0])


def test_quadratic_loss_matches_the_formula():
    Q = np.array([[3.0, 0.5], [0.5, 2.0]])
    c = np.array([1.0, -2.0])
    pts = np.random.default_rng(0).normal(size=(5, 2))
    expected = [(w - c) @ Q @ (w - c) for w in pts]
    np.testing.assert_allclose(quadratic_loss(Q, c, pts), expected)
    assert quadratic_loss(Q, c, c) == 0.0


# ---------------------------------------------------------------- random losses and rates
def test_random_losses_follow_the_generator():
    losses = random_losses(500, np.random.default_rng(0))
    Q, C = losses.Q, losses.center
    assert Q.shape == (500, 2, 2) and C.shape == (500, 2)
    assert np.all(np.linalg.eigvalsh(Q) > 0)  # all positive definite
    np.testing.assert_array_equal(Q[:, 0, 1], Q[:, 1, 0])
    assert np.all((Q[:, 0, 0] > 0) & (Q[:, 0, 0] < 10) & (Q[:, 1, 1] > 0) & (Q[:, 1, 1] < 10))
    assert np.all(np.abs(2 * Q[:, 0, 1]) <= 2)  # k = 2 Q12 in (-2, 2)
    assert np.all(np.abs(C) <= 10)
    again = random_losses(500, np.random.default_rng(0))
    np.testing.assert_array_equal(again.Q, Q)


def test_zero_coefficient_rate_l1_versus_l2():
    l1 = zero_coefficient_rate(1, 400, np.random.default_rng(42))
    l2 = zero_coefficient_rate(2, 400, np.random.default_rng(42))
    assert l2 <= 0.01
    assert l1 > 0.3
    assert l1 == zero_coefficient_rate(1, 400, np.random.default_rng(42))  # seeded


def test_zero_coefficient_rate_counts_what_it_says():
    rng_seed = 7
    losses = random_losses(200, np.random.default_rng(rng_seed))
    hits = 0
    for Q, c in zip(losses.Q, losses.center, strict=True):
        ref = _oracle(Q, c, 1, 2.0, starts=2)
        hits += bool(np.min(np.abs(ref)) < 1e-6)
    rate = zero_coefficient_rate(1, 200, np.random.default_rng(rng_seed))
    assert rate == pytest.approx(hits / 200, abs=0.02)  # SLSQP's tolerance may blur a few


# ---------------------------------------------------------------- bad input
SPD = np.array([[2.0, 0.5], [0.5, 1.0]])


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: constrained_minimum([[1.0, 2.0], [2.0, 1.0]], [3, 3], 1, 1.0), "Q"),  # indefinite
        (lambda: constrained_minimum([[-1.0, 0.0], [0.0, -1.0]], [3, 3], 2, 1.0), "Q"),
        (lambda: constrained_minimum([[1.0, 0.5], [0.0, 1.0]], [3, 3], 2, 1.0), "Q"),  # asymmetric
        (lambda: constrained_minimum(np.eye(3), [3, 3], 2, 1.0), "Q"),
        (lambda: constrained_minimum([[np.nan, 0], [0, 1]], [3, 3], 2, 1.0), "Q"),
        (lambda: constrained_minimum(SPD, [3, 3], 3, 1.0), "p"),
        (lambda: constrained_minimum(SPD, [3, 3], 1, -1.0), "t"),
        (lambda: constrained_minimum(SPD, [3, np.inf], 1, 1.0), "center"),
        (lambda: constrained_minimum(SPD, [3, 3, 3], 1, 1.0), "center"),
        (lambda: random_losses(-1, np.random.default_rng(0)), "trials"),
        (lambda: random_losses(3, 0), "rng"),
        (lambda: zero_coefficient_rate(1, 0, np.random.default_rng(0)), "trials"),
        (lambda: zero_coefficient_rate(3, 10, np.random.default_rng(0)), "p"),
        (lambda: zero_coefficient_rate(1, 10, np.random.default_rng(0), t=-2.0), "t"),
    ],
)
def test_bad_input_raises_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"\b{name}\b"):
        call()
