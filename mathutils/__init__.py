"""Every number the lecture shows, computed here: pure numpy/scipy, never manim.

Random functions take an explicit ``numpy.random.Generator``. Bad input raises
``ValueError`` naming the argument. Modules by topic: ``norms`` (norms, penalties, unit
balls), ``descent`` (proximal maps, subgradient/proximal steps, one weight), ``fits`` (lines:
least squares, least absolute deviations), ``lad`` (the LAD loss while a point moves: ties,
flat bottoms, nudges, drags), ``linear`` (ridge, lasso and their paths, the one coordinate
descent), ``coordinate`` (objectives, contours, coordinate moves, sign patterns), ``cost``
(what each method costs), ``geometry`` (where a loss touches the diamond or the circle),
``selection`` (which features the lasso keeps), ``paths`` (taxicab routes), ``data``. The
core API is exported here; the rest is imported from its module.
"""

from .data import DIABETES_FEATURES, anscombe, diabetes
from .descent import (
    descend,
    hard_threshold,
    map_threshold,
    ridge_shrink,
    soft_threshold,
    threshold_map,
)
from .fits import Line, absolute_loss, lad_fit, lad_optimal_lines, ols_fit, squared_loss
from .geometry import (
    RandomLosses,
    constrained_minimum,
    quadratic_loss,
    random_losses,
    zero_coefficient_rate,
)
from .linear import LinearFit, lasso, lasso_alpha_max, lasso_path, ridge, ridge_path
from .norms import lp_norm, penalty, penalty_slope, unit_ball
from .paths import count_shortest_paths, sample_shortest_paths, shortest_paths

__all__ = [
    "DIABETES_FEATURES",
    "Line",
    "LinearFit",
    "RandomLosses",
    "absolute_loss",
    "anscombe",
    "constrained_minimum",
    "count_shortest_paths",
    "descend",
    "diabetes",
    "hard_threshold",
    "lad_fit",
    "lad_optimal_lines",
    "lasso",
    "lasso_alpha_max",
    "lasso_path",
    "lp_norm",
    "map_threshold",
    "ols_fit",
    "penalty",
    "penalty_slope",
    "quadratic_loss",
    "random_losses",
    "ridge",
    "ridge_path",
    "ridge_shrink",
    "sample_shortest_paths",
    "shortest_paths",
    "soft_threshold",
    "squared_loss",
    "threshold_map",
    "unit_ball",
    "zero_coefficient_rate",
]
