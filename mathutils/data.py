"""The data the lecture ships in ``assets/data`` (origin and licence in ``assets/SOURCES.md``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

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
