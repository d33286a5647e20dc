"""Benchmark: mathutils.lasso_path against scikit-learn's lasso_path on the diabetes data.

Not a test: `make bench` runs it and prints the figures. Both solvers get the same grid of
100 alphas, geometric from lasso_alpha_max down to 1e-3 of it, and their default
tolerances. Timings are the best of several interleaved repeats (so a busy machine
penalises both alike). Accuracy is the largest coefficient difference against scikit-learn
run at a tight tolerance (tol=1e-12), plus a check that zeros agree.
"""

from __future__ import annotations

import time
import warnings

import numpy as np
from sklearn.linear_model import lasso_path as sk_lasso_path

import mathutils

N_ALPHAS = 100
EPS = 1e-3
REPEATS = 15


def _grid(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    amax = mathutils.lasso_alpha_max(X, y)
    return np.geomspace(amax, amax * EPS, N_ALPHAS)


def _ours(X, y, alphas) -> np.ndarray:
    return mathutils.lasso_path(X, y, alphas)


def _sklearn(X, yc, alphas, **kw) -> np.ndarray:
    # sklearn's lasso_path fits no intercept: give it centred data (diabetes X is centred
    # already), which is the same problem as mathutils' unpenalised intercept.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, coefs, _ = sk_lasso_path(X, yc, alphas=alphas, **kw)
    return coefs.T  # (n_alphas, n_features), rows in the order of alphas


def _kkt_violation(X, yc, alphas, coefs) -> float:
    """Largest breach of the lasso optimality conditions, an oracle-free accuracy check.

    With correlations ``c = X^T (yc - X w) / n``: an active coefficient needs
    ``c_j = alpha sign(w_j)``, an inactive one ``|c_j| <= alpha``.
    """
    worst = 0.0
    for a, w in zip(alphas, coefs, strict=True):
        c = X.T @ (yc - X @ w) / len(yc)
        on = w != 0
        worst = max(
            worst,
            float(np.max(np.abs(c[on] - a * np.sign(w[on])), initial=0.0)),
            float(np.max(np.abs(c[~on]) - a, initial=0.0)),
        )
    return worst


def _time_once(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def main() -> None:
    X, y = mathutils.diabetes()
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    alphas = _grid(X, y)

    # Warm up both (imports, caches) before timing.
    ours = _ours(X, y, alphas)
    _sklearn(Xc, yc, alphas)

    t_ours, t_sk = [], []
    for _ in range(REPEATS):
        t_ours.append(_time_once(_ours, X, y, alphas))
        t_sk.append(_time_once(_sklearn, Xc, yc, alphas))
    best_ours, best_sk = min(t_ours), min(t_sk)

    tight = _sklearn(Xc, yc, alphas, tol=1e-12, max_iter=1_000_000)
    diff = float(np.max(np.abs(ours - tight)))
    scale = float(np.max(np.abs(tight)))
    zeros_ours, zeros_sk = ours == 0.0, tight == 0.0
    zero_mismatch = int(np.sum(zeros_ours != zeros_sk))

    print(f"lasso_path on diabetes (442 x 10), {N_ALPHAS} alphas from alpha_max to {EPS:g} of it")
    print(f"  best of {REPEATS} interleaved repeats, default tolerances")
    print(f"  mathutils.lasso_path : {best_ours * 1e3:8.2f} ms")
    print(f"  sklearn lasso_path   : {best_sk * 1e3:8.2f} ms")
    print(f"  ratio (ours/sklearn) : {best_ours / best_sk:8.2f}x   (target <= 3x)")
    print(f"  max |coef - sklearn(tol=1e-12)| : {diff:.3e}  (largest |coef| {scale:.1f})")
    print(f"  max KKT violation: ours {_kkt_violation(Xc, yc, alphas, ours):.1e}, "
          f"sklearn(tol=1e-12) {_kkt_violation(Xc, yc, alphas, tight):.1e}")
    print(f"  exact zeros: ours {int(zeros_ours.sum())}, sklearn(tight) {int(zeros_sk.sum())}, "
          f"entries where exactly one is zero: {zero_mismatch}")


if __name__ == "__main__":
    main()
