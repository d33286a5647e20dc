"""The lecture's data: what ships in ``assets/data`` (origin and licence in
``assets/SOURCES.md``) and the seeded synthetic sets, each drawn from a
``numpy.random.Generator`` the caller passes."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ._checks import MAX_ELEMENTS, MAX_FEATURES, budget, count, finite_result, generator, real

DATA_DIR = Path(__file__).resolve().parent.parent / "assets" / "data"

#: Column names of the diabetes features, in the order of ``diabetes()[0]``'s columns.
DIABETES_FEATURES: tuple[str, ...] = (
    "age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6",
)


def _read(name: str) -> np.ndarray:
    path = DATA_DIR / name
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing; restore it from git (assets/data/{name})")
    return np.loadtxt(path, delimiter=",", skiprows=1)


def anscombe(k: int) -> tuple[np.ndarray, np.ndarray]:
    """Anscombe's quartet, set ``k`` (1 to 4), as ``(x, y)`` arrays of 11 points each."""
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, (int, np.integer)) or k not in (
        1, 2, 3, 4
    ):
        raise ValueError(f"k must be 1, 2, 3 or 4 (the quartet's sets), got {k!r:.40}")
    table = _read("anscombe.csv")
    rows = table[table[:, 0] == k]
    return rows[:, 1].copy(), rows[:, 2].copy()


def diabetes() -> tuple[np.ndarray, np.ndarray]:
    """The diabetes data of Efron, Hastie, Johnstone and Tibshirani (2004).

    Returns
    -------
    X : ndarray of shape (442, 10)
        The ten baseline variables (see ``DIABETES_FEATURES``), scaled as scikit-learn's
        ``load_diabetes()`` does: each column centred and divided by its standard deviation
        times ``sqrt(442)``, so every column has mean 0 and Euclidean norm 1. The CSV holds
        the raw, unscaled values.
    y : ndarray of shape (442,)
        Disease progression one year after baseline (raw, unscaled).
    """
    table = _read("diabetes.csv")
    X, y = table[:, :-1], table[:, -1].copy()
    X = (X - X.mean(axis=0)) / X.std(axis=0) / np.sqrt(len(X))
    return X, y


#: Largest ``n`` of :func:`scatter_near_line`.
MAX_SCATTER = 1_000_000


def scatter_near_line(
    rng: np.random.Generator, n: int, intercept: float, slope: float, noise: float,
    x_low: float, x_high: float,
) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points near the line ``y = intercept + slope x``, x spread evenly with jitter.

    Parameters
    ----------
    rng : numpy.random.Generator
        The only source of randomness (pass ``np.random.default_rng(seed)``).
    n : int
        Number of points, at least 2 and at most ``MAX_SCATTER`` (1 000 000).
    intercept, slope : float
        The line the points scatter around.
    noise : float
        Standard deviation of the vertical Gaussian scatter, >= 0.
    x_low, x_high : float
        The x range, ``x_low < x_high``; each x is jittered by at most a quarter of the even
        spacing, so the x are distinct and sorted.

    Returns
    -------
    x, y : ndarray of shape (n,)
    """
    generator("rng", rng)
    n = count("n", n, minimum=2, maximum=MAX_SCATTER)
    a = real("intercept", intercept)
    b = real("slope", slope)
    sd = real("noise", noise)
    if sd < 0:
        raise ValueError(f"noise must be >= 0, got {noise!r}")
    lo = real("x_low", x_low)
    hi = real("x_high", x_high)
    if not lo < hi:
        raise ValueError(f"x_low must be < x_high, got {x_low!r}, {x_high!r}")
    with np.errstate(over="ignore", invalid="ignore"):
        step = (hi - lo) / n
        x = lo + step * (np.arange(n) + 0.5) + rng.uniform(-0.25, 0.25, n) * step
        y = a + b * x + rng.normal(0.0, sd, n)
    finite_result("the scattered points (intercept, slope, noise, x_low, x_high)", [x, y])
    return x, y


def correlated_pair(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Two correlated features, ``y`` mostly from the first: the computation chapter's data.

    ``x1`` is standard normal, ``x2 = 0.7 x1 + 0.7 e`` and ``y = 1.5 x1 + 0.3 x2 + 0.5 e'``
    (``e``, ``e'`` standard normal), drawn in that order from ``rng``.

    Parameters
    ----------
    n : int
        Number of rows, 2 to ``MAX_ELEMENTS // 2``.
    rng : numpy.random.Generator

    Returns
    -------
    X : ndarray of shape (n, 2)
    y : ndarray of shape (n,)
    """
    n = count("n", n, minimum=2, maximum=MAX_ELEMENTS // 2)
    generator("rng", rng)
    x1 = rng.normal(size=n)
    x2 = 0.7 * x1 + 0.7 * rng.normal(size=n)
    y = 1.5 * x1 + 0.3 * x2 + 0.5 * rng.normal(size=n)
    return np.column_stack([x1, x2]), y


def synthetic_problem(n: int, p: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A sparse regression problem: standard normal ``X`` (n x p), ``y = X beta + noise``.

    ``beta`` has ``max(1, p // 10)`` nonzero entries of size 1 to 2 with random signs; the
    noise is standard normal. ``p`` is at most ``MAX_FEATURES`` (2000) and ``n * p`` at most
    ``MAX_ELEMENTS`` (10 000 000).
    """
    n = count("n", n, minimum=2)
    p = count("p", p, minimum=1, maximum=MAX_FEATURES)
    budget("n and p", n * p, MAX_ELEMENTS, "entries of X (n * p)")
    generator("rng", rng)
    X = rng.normal(size=(n, p))
    beta = np.zeros(p)
    k = max(1, p // 10)
    beta[:k] = rng.choice([-1.0, 1.0], size=k) * rng.uniform(1.0, 2.0, size=k)
    return X, X @ beta + rng.normal(size=n)
