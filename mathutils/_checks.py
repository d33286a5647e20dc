"""Input checks shared by mathutils (each raises ValueError naming the argument), the shared
size caps, and :func:`pnorm`, the unchecked p-norm kernel several modules call in loops.

Every public function converts its arguments through these helpers, so a caller's mistake
(None, text, complex or boolean values, NaN/inf, a wrong shape, a size that would take
minutes or gigabytes) is reported once, the same way, naming the caller's argument.
"""

from __future__ import annotations

import numpy as np

#: Largest number of float elements a function may allocate for one intermediate array
#: (8e7 bytes = 80 MB). Sizes beyond it are refused with the cap in the message.
MAX_ELEMENTS = 10_000_000
#: Largest number of features (columns of ``X``) of the linear models.
MAX_FEATURES = 2000

_NOT_REAL = (bool, np.bool_, str, bytes, complex, np.complexfloating)


def _numeric(name: str, value, what: str) -> np.ndarray:
    """``value`` as a float array, refusing None, text, bytes, booleans and complex values."""
    if value is None:
        raise ValueError(f"{name} must be {what}, got None")
    if isinstance(value, (str, bytes)):
        raise ValueError(f"{name} must be {what}, got text {value!r:.40}")
    try:
        raw = np.asarray(value)
    except (TypeError, ValueError) as err:  # ragged lists
        raise ValueError(f"{name} must be {what}: {err}") from None
    kind = raw.dtype.kind
    if kind == "b":
        raise ValueError(f"{name} must be {what}, got booleans (True/False)")
    if kind == "c":
        raise ValueError(f"{name} must be {what} (real), got complex values")
    if kind in "USVMm":
        raise ValueError(f"{name} must be {what}, got values of type {raw.dtype}")
    if kind == "O":  # lists mixing numbers with None, text, complex or bools
        for item in raw.ravel():
            if item is None or isinstance(item, _NOT_REAL):
                raise ValueError(f"{name} must be {what}, got an entry {item!r:.40}")
    try:
        return np.asarray(raw, dtype=float)
    except (TypeError, ValueError, OverflowError) as err:
        raise ValueError(f"{name} must be {what}: {err}") from None


def finite_array(name: str, value, *, ndim: int | None = None) -> np.ndarray:
    """Return ``value`` as a float array, refusing NaN/inf and a wrong number of dimensions.

    None, text, booleans, complex numbers and ragged lists are refused as "not an array of
    numbers" (numpy would turn ``"3"`` or ``True`` into 3.0 or 1.0, and drop an imaginary
    part, silently).
    """
    arr = _numeric(name, value, "an array of numbers")
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or inf; pass finite numbers")
    return arr


def real(name: str, value) -> float:
    """Return ``value`` as one finite float (a 0-d or one-element input), naming ``name``."""
    arr = _numeric(name, value, "a finite number")
    if arr.size != 1 or arr.ndim > 1:
        raise ValueError(f"{name} must be a single number, got shape {arr.shape}")
    v = float(arr.reshape(()))
    if not np.isfinite(v):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return v


def _float(name: str, value, what: str) -> float:
    arr = _numeric(name, value, what)
    if arr.size != 1 or arr.ndim > 1:
        raise ValueError(f"{name} must be a single number ({what}), got shape {arr.shape}")
    return float(arr.reshape(()))


def nonnegative(name: str, value: float) -> float:
    """Return ``value`` as a float, refusing negative, NaN or infinite values."""
    v = _float(name, value, "a finite number >= 0")
    if not np.isfinite(v) or v < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return v


def positive(name: str, value: float) -> float:
    """Return ``value`` as a float, refusing values <= 0, NaN or inf."""
    v = _float(name, value, "a finite number > 0")
    if not np.isfinite(v) or v <= 0:
        raise ValueError(f"{name} must be a finite number > 0, got {value!r}")
    return v


def exponent(name: str, value: float) -> float:
    """Return the norm exponent ``value`` as a float: ``> 0``, or ``np.inf``."""
    v = _float(name, value, "a number > 0 or np.inf")
    if np.isnan(v) or v <= 0:
        raise ValueError(f"{name} must be > 0 (or np.inf), got {value!r}")
    return v


def exponents(name: str, value) -> np.ndarray:
    """Return a 1-D, non-empty float array of norm exponents: each ``> 0`` or ``np.inf``."""
    arr = _numeric(name, value, "a sequence of numbers > 0 (or np.inf)")
    if arr.ndim != 1 or len(arr) == 0:
        raise ValueError(f"{name} must be a non-empty 1-D sequence, got shape {arr.shape}")
    if np.any(np.isnan(arr)) or np.any(arr <= 0):
        raise ValueError(f"{name} must all be > 0 (or np.inf)")
    return arr


def count(name: str, value: int, *, minimum: int = 0, maximum: int | None = None) -> int:
    """Return ``value`` as an int, refusing non-integers and values outside the range.

    ``maximum`` is a documented cap on sizes that would otherwise take minutes or
    gigabytes; the message names it.
    """
    try:  # int() itself fails on NaN, inf, None or text, without naming the argument
        whole = (
            not isinstance(value, _NOT_REAL)
            and not (isinstance(value, np.ndarray) and value.ndim != 0)
            and bool(int(value) == value)
        )
    except (TypeError, ValueError, OverflowError):
        whole = False
    if not whole:
        raise ValueError(f"{name} must be an integer, got {value!r}")
    v = int(value)
    if v < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value!r}")
    if maximum is not None and v > maximum:
        shown = f"{v:_}" if v < 10**30 else f"about 1e{len(str(v)) - 1}"
        raise ValueError(f"{name} must be at most {maximum:_} (a documented cap), got {shown}")
    return v


def budget(names: str, size: int, cap: int, what: str = "elements") -> None:
    """Raise if a derived size (e.g. ``len(x) ** 3``) exceeds the documented ``cap``."""
    if size > cap:
        raise ValueError(
            f"{names} too large: {size:_} {what}, above the documented cap of {cap:_}"
        )


def choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of ``allowed``, else raise naming the options."""
    if not isinstance(value, str) or value not in allowed:
        shown = " ".join(repr(value).split())[:40]
        raise ValueError(f"unknown {name} {shown}; use one of {', '.join(map(repr, allowed))}")
    return value


def generator(name: str, value) -> np.random.Generator:
    """Return ``value`` if it is a ``numpy.random.Generator``, else raise naming ``name``."""
    if not isinstance(value, np.random.Generator):
        raise ValueError(
            f"{name} must be a numpy.random.Generator, e.g. np.random.default_rng(0), "
            f"got {type(value).__name__}"
        )
    return value


def finite_result(name: str, value):
    """Return ``value`` if every entry is finite, else raise: the answer overflows floats."""
    parts = value if isinstance(value, (list, tuple)) else [value]
    if not all(np.all(np.isfinite(part)) for part in parts):
        raise ValueError(
            f"{name} overflows the float range for these inputs (|values| near 1e308); "
            "rescale the inputs"
        )
    return value


def same_length(x: np.ndarray, y: np.ndarray, xname: str = "x", yname: str = "y") -> None:
    """Raise if ``x`` and ``y`` do not have the same number of rows."""
    if len(x) != len(y):
        raise ValueError(
            f"{xname} and {yname} must have the same length, got {len(x)} and {len(y)}"
        )


def pnorm(a: np.ndarray, p: float, axis: int | None) -> np.ndarray | float:
    """The p-norm of the non-negative ``a`` (no checks; may be inf or 0 beyond float range)."""
    if np.isinf(p):
        return np.max(a, axis=axis, initial=0.0)
    if p == 1:
        with np.errstate(over="ignore"):
            return np.sum(a, axis=axis)
    # Scale by the largest entry so a**p neither overflows nor underflows (p = 2 too:
    # sqrt(sum a*a) gives 0 for [1e-200] and inf for [1e200]).
    m = np.max(a, axis=axis, keepdims=True, initial=0.0)
    safe = np.where(m > 0, m, 1.0)
    with np.errstate(over="ignore", under="ignore"):
        s = np.sum((a / safe) ** p, axis=axis, keepdims=True) ** (1.0 / p) * m
    return np.squeeze(s, axis=axis) if axis is not None else float(s.squeeze())
