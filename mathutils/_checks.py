"""Input checks shared by mathutils: each raises ValueError naming the argument."""

from __future__ import annotations

import numpy as np


def finite_array(name: str, value, *, ndim: int | None = None) -> np.ndarray:
    """Return ``value`` as a float array, refusing NaN/inf and a wrong number of dimensions."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as err:  # text, None, ragged lists
        raise ValueError(f"{name} must be an array of numbers: {err}") from None
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or inf; pass finite numbers")
    return arr


def nonnegative(name: str, value: float) -> float:
    """Return ``value`` as a float, refusing negative, NaN or infinite values."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = np.nan  # None or text: refused below, naming the argument
    if not np.isfinite(v) or v < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return v


def positive(name: str, value: float) -> float:
    """Return ``value`` as a float, refusing values <= 0, NaN or inf."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = np.nan  # None or text: refused below, naming the argument
    if not np.isfinite(v) or v <= 0:
        raise ValueError(f"{name} must be a finite number > 0, got {value!r}")
    return v


def count(name: str, value: int, *, minimum: int = 0) -> int:
    """Return ``value`` as an int, refusing non-integers and values below ``minimum``."""
    try:  # int() itself fails on NaN, inf, None or text, without naming the argument
        whole = not isinstance(value, bool) and int(value) == value
    except (TypeError, ValueError, OverflowError):
        whole = False
    if not whole:
        raise ValueError(f"{name} must be an integer, got {value!r}")
    v = int(value)
    if v < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value!r}")
    return v


def choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of ``allowed``, else raise naming the options."""
    if value not in allowed:
        raise ValueError(f"unknown {name} {value!r}; use one of {', '.join(map(repr, allowed))}")
    return value


def same_length(x: np.ndarray, y: np.ndarray, xname: str = "x", yname: str = "y") -> None:
    """Raise if ``x`` and ``y`` do not have the same number of rows."""
    if len(x) != len(y):
        raise ValueError(
            f"{xname} and {yname} must have the same length, got {len(x)} and {len(y)}"
        )
