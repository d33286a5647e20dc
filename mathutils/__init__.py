"""Every number the lecture shows, computed here: pure numpy/scipy, never manim.

Random functions take an explicit ``numpy.random.Generator``. Bad input raises
``ValueError`` naming the argument. The core API is exported here; the math only one chapter
needs lives in its own submodule (``onedim``, ``selection``, ``lad``, ``minimisers``,
``coordinate``, ``recap``) and is imported from there.
"""

from .data import DIABETES_FEATURES, anscombe, diabetes
from .fits import Line, absolute_loss, lad_fit, lad_optimal_lines, ols_fit, squared_loss
from .geometry import (
    RandomLosses,
    constrained_minimum,
    quadratic_loss,
    random_losses,
    zero_coefficient_rate,
)
from .linear import LinearFit, lasso, lasso_alpha_max, lasso_path, ridge, ridge_path
from .norms import (
    descend,
    hard_threshold,
    lp_norm,
    map_threshold,
    penalty,
    penalty_slope,
    ridge_shrink,
    soft_threshold,
    threshold_map,
    unit_ball,
)
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
