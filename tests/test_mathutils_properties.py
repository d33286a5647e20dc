"""Property: every public mathutils function, on any input, returns a finite result or raises
ValueError, quickly (issue 10).

Arguments are drawn from a wide strategy: mostly plausible values (so results get checked
too), mixed with NaN, inf, None, text, booleans, complex numbers, empty and wrongly shaped
arrays, 0-d arrays, extreme scales (1e-300, 1e300) and sizes far beyond the documented caps.
A result is "finite" when every float in it (arrays, dataclasses, named tuples, lists,
generators) is finite, apart from the documented NaN/inf markers of ``vertex_losses``. A few
functions also get a correctness property on the inputs they accept.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import types

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mathutils as M
from mathutils import (
    coordinate,
    cost,
    data,
    descent,
    geometry,
    lad,
    linear,
    norms,
    paths,
    selection,
)

EPS = np.finfo(float).eps
FAST = settings(
    max_examples=40, deadline=3000, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ---------------------------------------------------------------- strategies
EXTREME = st.sampled_from([0.0, -0.0, 1e-300, -1e-300, 5e-324, 1e300, -1e300, 1.7e308, 1e15])
HOSTILE = st.one_of(
    st.none(), st.text(max_size=3), st.booleans(), st.just("3"),
    st.complex_numbers(max_magnitude=10, allow_nan=False),
    st.sampled_from([np.nan, np.inf, -np.inf, [], [[]], np.zeros((0, 2)), np.zeros((2, 2, 2)),
                     np.array(1.0), [1 + 1j, 2.0], [None, 1.0], [np.nan, 1.0], object()]),
    st.integers(-(10**30), 10**30),
)
FLOAT = st.one_of(st.floats(-10, 10, allow_nan=False), EXTREME)


def vec(n: int | None = None, lo: float = -10, hi: float = 10):
    size = dict(min_size=n, max_size=n) if n is not None else dict(min_size=0, max_size=8)
    good = st.lists(st.floats(lo, hi, allow_nan=False), **size)
    wild = st.lists(st.one_of(st.floats(lo, hi, allow_nan=False), EXTREME), **size)
    return st.one_of(good, good, wild).map(np.array)


def arg(good, hostile_weight: int = 1):
    return st.one_of(*([good] * 4), *([HOSTILE] * hostile_weight))


def size(lo: int = 0, hi: int = 8):
    return st.one_of(st.integers(lo, hi), st.integers(lo, hi),
                     st.integers(10**7, 10**13), st.integers(-5, -1), st.just(10.0**300))


def kind(*names):
    return st.sampled_from(names)


RNG = st.builds(np.random.default_rng, st.integers(0, 2**32 - 1))


@st.composite
def spd(draw):
    a, b = draw(st.floats(0.05, 5)), draw(st.floats(0.05, 5))
    k = draw(st.floats(-0.95, 0.95)) * 2 * np.sqrt(a * b)
    s = draw(st.sampled_from([1.0, 1.0, 1e-300, 1e-12, 1e12, 1e300]))
    return np.array([[a, k / 2], [k / 2, b]]) * s


def xy(min_n: int = 2, max_n: int = 8):
    @st.composite
    def draw_xy(draw):
        n = draw(st.integers(min_n, max_n))
        return draw(vec(n)), draw(vec(n))
    return draw_xy()


def design(max_p: int = 3):
    @st.composite
    def draw_design(draw):
        n, p = draw(st.integers(1, 8)), draw(st.integers(1, max_p))
        X = np.array(draw(st.lists(vec(p), min_size=n, max_size=n))).reshape(n, p)
        return X, draw(vec(n))
    return draw_design()


# ---------------------------------------------------------------- the public functions
def _call_xy(fn):
    return lambda data, **kw: fn(*data, **kw)


TIE = lad.lad_tie([0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 1.0, 0.0])
LOSSES = M.random_losses(4, np.random.default_rng(0))
# (name, callable, {argument: strategy}); arguments named "xy"/"Xy" are unpacked pairs.
SPECS = [
    ("lp_norm", M.lp_norm, dict(x=arg(vec()), p=arg(st.one_of(FLOAT, st.just(np.inf))),
                                axis=st.one_of(st.none(), st.integers(-2, 2), HOSTILE))),
    ("penalty", M.penalty, dict(w=arg(vec()), kind=arg(kind("l1", "l2")))),
    ("penalty_slope", M.penalty_slope, dict(w=arg(vec()), kind=arg(kind("l1", "l2")))),
    ("unit_ball", M.unit_ball, dict(p=arg(st.one_of(FLOAT, st.just(np.inf))), n=size(0, 40))),
    ("soft_threshold", M.soft_threshold, dict(z=arg(vec()), t=arg(FLOAT))),
    ("hard_threshold", M.hard_threshold, dict(z=arg(vec()), t=arg(FLOAT))),
    ("ridge_shrink", M.ridge_shrink, dict(z=arg(vec()), lam=arg(FLOAT))),
    ("threshold_map", M.threshold_map,
     dict(z=arg(vec()), lam=arg(FLOAT), kind=arg(kind("l1", "l2", "l0")))),
    ("map_threshold", M.map_threshold, dict(lam=arg(FLOAT), kind=arg(kind("l1", "l2", "l0")))),
    ("descend", M.descend, dict(w0=arg(FLOAT), target=arg(FLOAT), lam=arg(FLOAT),
                                lr=arg(st.one_of(FLOAT, st.floats(0.01, 6))), steps=size(0, 60),
                                penalty=arg(kind("l1", "l2")),
                                method=arg(kind("subgradient", "proximal")))),
    ("ols_fit", _call_xy(M.ols_fit), dict(data=xy())),
    ("lad_fit", _call_xy(M.lad_fit), dict(data=xy())),
    ("absolute_loss", lambda data, line: M.absolute_loss(line, *data),
     dict(data=xy(), line=arg(st.builds(M.Line, FLOAT, FLOAT)))),
    ("squared_loss", lambda data, line: M.squared_loss(line, *data),
     dict(data=xy(), line=arg(st.builds(M.Line, FLOAT, FLOAT)))),
    ("lad_optimal_lines", _call_xy(M.lad_optimal_lines), dict(data=xy(), rtol=arg(FLOAT))),
    ("quadratic_loss", M.quadratic_loss, dict(Q=arg(spd()), center=arg(vec(2)), w=arg(vec(2)))),
    ("constrained_minimum", M.constrained_minimum,
     dict(Q=arg(spd()), center=arg(vec(2)), p=arg(kind(1, 2)), t=arg(FLOAT))),
    ("random_losses", M.random_losses, dict(trials=size(), rng=arg(RNG))),
    ("zero_coefficient_rate", M.zero_coefficient_rate,
     dict(p=arg(kind(1, 2)), trials=size(), rng=arg(RNG), t=arg(FLOAT))),
    ("ridge", lambda data, alpha: M.ridge(*data, alpha), dict(data=design(), alpha=arg(FLOAT))),
    ("ridge_path", lambda data, alphas: M.ridge_path(*data, alphas),
     dict(data=design(), alphas=arg(vec(None, 0, 10)))),
    ("lasso", lambda data, alpha: M.lasso(*data, alpha), dict(data=design(), alpha=arg(FLOAT))),
    ("lasso_alpha_max", lambda data: M.lasso_alpha_max(*data), dict(data=design())),
    ("lasso_path", lambda data, alphas: M.lasso_path(*data, alphas),
     dict(data=design(), alphas=arg(vec(None, 0, 10)))),
    ("count_shortest_paths", M.count_shortest_paths, dict(m=size(), n=size())),
    ("shortest_paths", lambda m, n: list(M.shortest_paths(m, n)), dict(m=size(), n=size())),
    ("sample_shortest_paths", M.sample_shortest_paths,
     dict(m=size(), n=size(), k=size(0, 5), rng=arg(RNG))),
    ("anscombe", M.anscombe, dict(k=arg(st.integers(0, 5)))),
    ("worked_number", descent.worked_number, dict(w_from=arg(FLOAT), w_to=arg(FLOAT))),
    ("scalar_objective", descent.scalar_objective,
     dict(w=arg(vec()), target=arg(FLOAT), lam=arg(FLOAT), kind=arg(kind("l1", "l2")))),
    ("penalised_minimum", descent.penalised_minimum,
     dict(target=arg(FLOAT), lam=arg(vec()), kind=arg(kind("l1", "l2")))),
    ("objective_curves", descent.objective_curves,
     dict(w=arg(vec()), target=arg(FLOAT), lams=arg(vec()), kind=arg(kind("l1", "l2")))),
    ("row_at", lambda grid, x: descent.row_at(grid, np.outer(np.arange(np.shape(grid)[0]),
                                                            [1.0, 2.0]), x)
     if np.ndim(grid) == 1 else descent.row_at(grid, [[1.0]], x),
     dict(grid=arg(vec()), x=arg(FLOAT))),
    ("descent_runs", descent.descent_runs,
     dict(w0=arg(FLOAT), target=arg(FLOAT), lam=arg(FLOAT), lr=arg(st.floats(0.01, 3)),
          steps=size(0, 40))),
    ("l2_step_ratio", descent.l2_step_ratio, dict(lam=arg(FLOAT), lr=arg(FLOAT))),
    ("unit_balls", norms.unit_balls,
     dict(ps=arg(st.lists(st.one_of(FLOAT, st.just(np.inf)), max_size=3)), n=size(0, 20))),
    ("contact_path", geometry.contact_path,
     dict(Q=arg(spd()), center=arg(vec(2)), p=arg(kind(1, 2)), budgets=arg(vec(None, 0, 5)))),
    ("contact_level", geometry.contact_level,
     dict(Q=arg(spd()), center=arg(vec(2)), p=arg(kind(1, 2)), t=arg(FLOAT))),
    ("ellipse_outline", geometry.ellipse_outline,
     dict(Q=arg(spd()), center=arg(vec(2)), level=arg(FLOAT), n=size(0, 20))),
    ("clip_polyline", lambda points, closed: geometry.clip_polyline(points, [-1, -1], [1, 1],
                                                                     closed),
     dict(points=arg(st.lists(vec(2), max_size=6)), closed=arg(st.booleans()))),
    ("zero_tallies", geometry.zero_tallies,
     dict(losses=arg(st.just(LOSSES)), p=arg(kind(1, 2)), t=arg(FLOAT))),
    ("exact_zero_hits", geometry.exact_zero_hits,
     dict(losses=arg(st.just(LOSSES)), p=arg(kind(1, 2)), t=arg(FLOAT))),
    ("features_kept", selection.features_kept, dict(coefs=arg(st.lists(vec(2), max_size=4)))),
    ("zero_indices", lambda coefs: selection.zero_indices(np.arange(np.shape(coefs)[0]), coefs)
     if np.ndim(coefs) == 2 else selection.zero_indices([1.0], coefs),
     dict(coefs=arg(st.lists(vec(2), max_size=4)))),
    ("vertex_losses", lambda data, moving, positions: lad.vertex_losses(*data, moving,
                                                                        positions),
     dict(data=xy(3, 6), moving=size(0, 6), positions=arg(vec()))),
    ("optimal_vertex", lambda data, moving, positions: lad.optimal_vertex(*data, moving,
                                                                          positions),
     dict(data=xy(3, 6), moving=size(0, 6), positions=arg(vec()))),
    ("slope_profiles", lambda data, slopes: lad.slope_profiles(*data, slopes),
     dict(data=xy(), slopes=arg(vec()))),
    ("lad_tie_position", lambda data, moving, lo, hi: lad.lad_tie_position(*data, moving, lo,
                                                                           hi),
     dict(data=xy(3, 6), moving=size(0, 6), lo=arg(FLOAT), hi=arg(FLOAT))),
    ("search_nudge_examples", lad.search_nudge_examples,
     dict(seeds=arg(st.lists(st.integers(0, 3000), max_size=2)), n_points=size(3, 6),
          half_width=arg(FLOAT), n_scan=size(3, 15), margin=arg(FLOAT))),
    ("nudge_example", lad.nudge_example, dict(n_positions=size(0, 9))),
    ("scatter_near_line", data.scatter_near_line,
     dict(rng=arg(RNG), n=size(0, 8), intercept=arg(FLOAT), slope=arg(FLOAT), noise=arg(FLOAT),
          x_low=arg(FLOAT), x_high=arg(FLOAT))),
    ("drag_path", lambda data, moving, heights: lad.drag_path(*data, moving, heights),
     dict(data=xy(3, 6), moving=size(0, 6), heights=arg(vec()))),
    ("leverage_path", lambda data, moving, positions: lad.leverage_path(*data, moving,
                                                                        positions),
     dict(data=xy(3, 6), moving=size(0, 6), positions=arg(vec()))),
    ("grid_distances", paths.grid_distances, dict(m=size(), n=size())),
    ("path_length", norms.path_length,
     dict(path=arg(st.lists(vec(2), max_size=5)), p=arg(st.one_of(FLOAT, st.just(np.inf))))),
    ("route_word", paths.route_word, dict(path=arg(st.lists(vec(2, 0, 2), max_size=5)))),
    ("lad_tie", _call_xy(lad.lad_tie), dict(data=xy())),
    ("lad_family", lad.lad_family, dict(tie=arg(st.just(TIE)), t=arg(vec(None, 0, 1)))),
    ("best_intercepts", lambda data, slopes: lad.best_intercepts(*data, slopes),
     dict(data=xy(1), slopes=arg(vec()))),
    ("twin_features", lambda data, lam: selection.twin_features(*data, lam),
     dict(data=xy(), lam=arg(FLOAT))),
    ("correlated_pair", data.correlated_pair, dict(n=size(), rng=arg(RNG))),
    ("axis_slice", lambda data, lam, w, axis, u: coordinate.axis_slice(*data, lam, w, axis, u),
     dict(data=design(), lam=arg(FLOAT), w=arg(vec(3)), axis=size(0, 3), u=arg(vec()))),
    ("sign_patterns", lambda data, lam: coordinate.sign_patterns(*data, lam),
     dict(data=design(), lam=arg(FLOAT))),
    ("lasso_objective", lambda data, w, alpha: coordinate.lasso_objective(*data, w, alpha),
     dict(data=design(2), w=arg(vec(2)), alpha=arg(FLOAT))),
    ("penalised_objective", lambda data, w, alpha, kind: coordinate.penalised_objective(
        *data, w, alpha, kind), dict(data=design(2), w=arg(vec(2)), alpha=arg(FLOAT),
                                     kind=arg(kind("lasso", "ridge")))),
    ("centred_gram", lambda data: linear.centred_gram(*data), dict(data=design())),
    ("ridge_objective", lambda data, w, alpha: coordinate.ridge_objective(*data, w, alpha),
     dict(data=design(2), w=arg(vec(2)), alpha=arg(FLOAT))),
    ("minimiser", lambda data, alpha, kind: coordinate.minimiser(*data, alpha, kind),
     dict(data=design(2), alpha=arg(FLOAT), kind=arg(kind("lasso", "ridge")))),
    ("ridge_closed_form", lambda data, alpha: coordinate.ridge_closed_form(*data, alpha),
     dict(data=design(), alpha=arg(FLOAT))),
    ("coordinate_descent_lasso",
     lambda data, alpha, max_sweeps: coordinate.coordinate_descent_lasso(
         *data, alpha, max_sweeps=max_sweeps),
     dict(data=design(), alpha=arg(FLOAT), max_sweeps=size(0, 30))),
    ("objective_grid", lambda data, w1, w2: coordinate.objective_grid(*data, 0.1, "lasso", w1,
                                                                      w2),
     dict(data=design(2), w1=arg(vec()), w2=arg(vec()))),
    ("level_curve", lambda data, alpha, kind, level, num: coordinate.level_curve(
        *data, alpha, kind, level, num),
     dict(data=design(2), alpha=arg(FLOAT), kind=arg(kind("lasso", "ridge")), level=arg(FLOAT),
          num=size(0, 16))),
    ("closed_form_flops", cost.closed_form_flops, dict(n=size(), p=size())),
    ("coordinate_descent_flops", cost.coordinate_descent_flops,
     dict(n=size(), p=size(), sweeps=size(), support=size())),
    ("synthetic_problem", data.synthetic_problem, dict(n=size(), p=size(), rng=arg(RNG))),
    ("cost_growth", cost.cost_growth,
     dict(ps=arg(st.lists(st.integers(1, 6), max_size=3)), n=size(0, 20), rng=arg(RNG),
          alpha_fraction=arg(FLOAT))),
]


def _finite(value, depth: int = 0) -> bool:
    if depth > 5 or value is None or isinstance(value, (str, bool, int, np.integer)):
        return True
    if isinstance(value, (float, np.floating)):
        return bool(np.isfinite(value))
    if isinstance(value, np.ndarray):
        return value.dtype.kind != "f" or bool(np.all(np.isfinite(value)))
    if isinstance(value, lad.VertexLosses):  # NaN/inf mark pairs with a shared x (documented)
        return True
    if dataclasses.is_dataclass(value):
        return all(_finite(getattr(value, f.name), depth + 1) for f in dataclasses.fields(value))
    if isinstance(value, (list, tuple)):
        return all(_finite(v, depth + 1) for v in value)
    if isinstance(value, types.GeneratorType):
        return all(_finite(v, depth + 1) for v in value)
    return True


@pytest.mark.parametrize(("name", "fn", "strategies"), SPECS, ids=[s[0] for s in SPECS])
def test_finite_result_or_value_error(name, fn, strategies):
    @FAST
    @given(st.fixed_dictionaries(strategies))
    def check(kwargs):
        try:
            out = fn(**kwargs)
        except ValueError:
            return
        assert _finite(out), f"{name}({kwargs!r}) returned a non-finite result: {out!r}"

    check()


def _public_modules():
    """Every topic module (the private helpers module ``_checks`` aside)."""
    for info in pkgutil.iter_modules(M.__path__, "mathutils."):
        if not info.name.split(".")[-1].startswith("_"):
            yield importlib.import_module(info.name)


def test_every_public_function_is_covered():
    covered = {s[0] for s in SPECS}
    skipped = {"diabetes", "diabetes_paths"}  # no arguments / heavy
    names = set()
    for mod in _public_modules():
        names |= {
            attr for attr, obj in vars(mod).items()
            if not attr.startswith("_") and callable(obj) and not isinstance(obj, type)
            and getattr(obj, "__module__", "") == mod.__name__
        }
    assert len(names) > 60
    assert names - covered - skipped == set()


def test_no_two_modules_define_the_same_public_name():
    seen: dict[str, str] = {}
    for mod in _public_modules():
        for attr, obj in vars(mod).items():
            if attr.startswith("_") or getattr(obj, "__module__", mod.__name__) != mod.__name__:
                continue
            if callable(obj):
                assert attr not in seen, f"{attr} is defined in {seen[attr]} and {mod.__name__}"
                seen[attr] = mod.__name__


# ---------------------------------------------------------------- correctness properties
@FAST
@given(Q=spd(), c=vec(2), p=kind(1, 2), t=st.one_of(st.floats(1e-300, 1e3), EXTREME))
def test_constrained_minimum_is_feasible_and_no_worse_than_the_radial_point(Q, c, p, t):
    try:
        w = M.constrained_minimum(Q, c, p, t)
    except ValueError:
        assert not (0 <= t < np.inf) or c.shape != (2,)
        return
    norm = np.abs(w).sum() if p == 1 else np.hypot(*w)
    assert norm <= t * (1 + 1e-12) + 1e-300
    # the scaled-back centre is feasible, so the minimum is no worse (in units of Q's scale)
    k = max(np.abs(c).sum() if p == 1 else np.hypot(*c), 1e-300)
    s = np.ldexp(1.0, -int(np.frexp(np.abs(Q).max())[1]))
    Qs = Q * s
    with np.errstate(all="ignore"):
        v = c * min(1.0, t / k)
        lw = float((w - c) @ Qs @ (w - c))
        lv = float((v - c) @ Qs @ (v - c))
    if np.isfinite(lv):
        assert lw <= lv * (1 + 1e-9) + 1e-300


@FAST
@given(data=xy(2, 7))
def test_lad_fit_is_no_worse_than_any_two_point_line(data):
    x, y = data
    try:
        line = M.lad_fit(x, y)
    except ValueError:
        return
    loss = float(np.abs(y - line(x)).sum())
    with np.errstate(all="ignore"):
        for i in range(len(x)):
            for j in range(i + 1, len(x)):
                if x[i] != x[j]:
                    b = (y[j] - y[i]) / (x[j] - x[i])
                    other = float(np.abs(y - (y[i] - b * x[i]) - b * x).sum())
                    if np.isfinite(other):
                        assert loss <= other * (1 + 1e-9) + 1e-9 * float(np.abs(y).max())


@FAST
@given(data=xy(2, 8))
def test_ols_fit_satisfies_the_normal_equations(data):
    x, y = data
    try:
        line = M.ols_fit(x, y)
    except ValueError:
        return
    with np.errstate(all="ignore"):
        xc = x - x.mean()
        r = y - line(x)
        scale = np.abs(y - y.mean()).max() + abs(line.slope) * np.abs(xc).max()
        # what evaluating a + b x in floats can carry, whatever the fit
        rounding = 8 * EPS * (abs(line.intercept) + abs(line.slope) * np.abs(x).max()
                              + np.abs(y).max())
    if not (np.isfinite(scale) and np.isfinite(rounding)) or scale == 0 or scale > 1e250:
        return
    xn = xc / np.abs(xc).max()  # unit scale, so the check itself cannot overflow
    tol = len(x) * (1e-9 * scale + rounding)
    assert abs(r.sum()) <= tol
    assert abs(xn @ r) <= tol


@FAST
@given(x=vec(), p=st.one_of(st.floats(0.5, 10), st.just(np.inf)))
def test_lp_norm_matches_numpy_on_moderate_values(x, p):
    if x.size and (np.abs(x).max() > 1e100 or np.abs(x[x != 0]).min(initial=1.0) < 1e-100):
        return
    got = M.lp_norm(x, p)
    want = np.sum(np.abs(x) ** p) ** (1 / p) if np.isfinite(p) else np.abs(x).max(initial=0.0)
    assert got == pytest.approx(want, rel=1e-12, abs=0)
