"""Shortest taxicab routes across a city grid: the two distances, counting, listing,
sampling and spelling the routes."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from ._checks import count, finite_array, generator
from .norms import lp_norm

#: Largest ``m + n`` of :func:`count_shortest_paths` (C(m + n, n) of ~30 000 digits).
MAX_COUNT_BLOCKS = 100_000
#: Largest ``m + n`` of :func:`sample_shortest_paths` (each draw unranks ``m + n`` steps).
MAX_SAMPLE_BLOCKS = 1_000
#: Largest number of corners (rows of all returned paths together) that
#: :func:`shortest_paths` and :func:`sample_shortest_paths` produce: 16 MB of int pairs.
#: The lecture draws 14 routes of 13 corners.
MAX_CORNERS = 1_000_000


def _grid(m, n, cap: int) -> tuple[int, int]:
    m = count("m", m)
    n = count("n", n)
    if m + n > cap:
        total = m + n
        shown = f"{total:_}" if total < 10**30 else f"about 1e{len(str(total)) - 1}"
        raise ValueError(f"m + n must be at most {cap:_} (a documented cap), got {shown}")
    return m, n


def count_shortest_paths(m: int, n: int) -> int:
    """Number of shortest routes across an ``m`` x ``n`` block grid: ``C(m + n, n)`` (exact int).

    A route is a word of ``m`` "right" and ``n`` "up" moves; choosing where the rights go
    fixes it. ``m + n`` is at most ``MAX_COUNT_BLOCKS`` (100 000).
    """
    m, n = _grid(m, n, MAX_COUNT_BLOCKS)
    return math.comb(m + n, n)


def _path_from_rights(rights: tuple[int, ...] | list[int], m: int, n: int) -> np.ndarray:
    steps = np.zeros((m + n, 2), dtype=int)
    steps[:, 1] = 1
    steps[list(rights)] = (1, 0)
    return np.vstack([np.zeros((1, 2), dtype=int), np.cumsum(steps, axis=0)])


def shortest_paths(m: int, n: int) -> Iterator[np.ndarray]:
    """Every monotone lattice path from (0, 0) to (m, n).

    The paths together hold at most ``MAX_CORNERS`` (1 000 000) corners, i.e.
    ``C(m + n, n) * (m + n + 1) <= MAX_CORNERS``, else ValueError (raised at the call,
    before the first path).

    Yields
    ------
    ndarray of shape (m + n + 1, 2), dtype int
        The corners visited, in order. Paths come in lexicographic order of the positions
        of their "right" moves.
    """
    m, n = _grid(m, n, MAX_COUNT_BLOCKS)
    total = math.comb(m + n, n) * (m + n + 1)
    if total > MAX_CORNERS:
        raise ValueError(
            f"m={m}, n={n}: all C(m + n, n) paths hold {total:_} corners, above the documented "
            f"cap of {MAX_CORNERS:_}; use sample_shortest_paths or a smaller grid"
        )
    return _all_paths(m, n)


def _all_paths(m: int, n: int) -> Iterator[np.ndarray]:
    for rights in combinations(range(m + n), m):
        yield _path_from_rights(rights, m, n)


def _unrank(rank: int, length: int, k: int) -> list[int]:
    """The ``rank``-th k-subset of range(length) in lexicographic order."""
    out: list[int] = []
    start = 0
    for remaining in range(k, 0, -1):
        for pos in range(start, length):
            block = math.comb(length - pos - 1, remaining - 1)
            if rank < block:
                out.append(pos)
                start = pos + 1
                break
            rank -= block
    return out


def sample_shortest_paths(m: int, n: int, k: int, rng: np.random.Generator) -> list[np.ndarray]:
    """``k`` distinct shortest paths drawn uniformly without replacement.

    Parameters
    ----------
    m, n : int
        Grid size in blocks, ``m + n <= MAX_SAMPLE_BLOCKS`` (1 000).
    k : int
        How many paths; at most ``count_shortest_paths(m, n)``, and
        ``k * (m + n + 1) <= MAX_CORNERS`` (1 000 000).
    rng : numpy.random.Generator
        The only source of randomness.

    Returns
    -------
    list of ndarray of shape (m + n + 1, 2)
    """
    m, n = _grid(m, n, MAX_SAMPLE_BLOCKS)
    total = math.comb(m + n, n)
    k = count("k", k)
    if k > total:
        raise ValueError(f"k={k} exceeds the {total} distinct shortest paths of a {m}x{n} grid")
    if k * (m + n + 1) > MAX_CORNERS:
        raise ValueError(
            f"k={k} paths of {m + n + 1} corners exceed the documented cap of {MAX_CORNERS:_} "
            "corners in total; pass a smaller k"
        )
    generator("rng", rng)
    ranks: list[int] = []
    seen: set[int] = set()
    while len(ranks) < k:
        # Uniform big integer in [0, total): draw 62-bit limbs, reject above the top multiple.
        limbs = max(1, math.ceil(total.bit_length() / 62))
        r = 0
        for _ in range(limbs):
            r = (r << 62) | int(rng.integers(0, 1 << 62))
        span = 1 << (62 * limbs)
        if r >= span - span % total:
            continue
        r %= total
        if r not in seen:
            seen.add(r)
            ranks.append(r)
    return [_path_from_rights(_unrank(r, m + n, m), m, n) for r in ranks]


# ---------------------------------------------------------------- two distances
@dataclass(frozen=True)
class GridDistances:
    """From one corner of an ``m`` x ``n`` block grid to the opposite corner.

    Attributes
    ----------
    m, n : int
        Blocks across and up.
    euclidean : float
        ``||(m, n)||_2``: the straight segment, the one shortest route in the plane.
    taxicab : float
        ``||(m, n)||_1 = m + n``: the length of every shortest route along the streets.
    routes : int
        How many shortest street routes there are: ``C(m + n, n)``.
    """

    m: int
    n: int
    euclidean: float
    taxicab: float
    routes: int


def grid_distances(m: int, n: int) -> GridDistances:
    """The L2 and L1 lengths across an ``m`` x ``n`` grid, and the number of L1 routes."""
    m = count("m", m)
    n = count("n", n)
    v = np.array([m, n], dtype=float)
    return GridDistances(m, n, float(lp_norm(v, 2)), float(lp_norm(v, 1)),
                         count_shortest_paths(m, n))


def route_word(path) -> str:
    """A monotone lattice route as a word: ``R`` for each step right, ``U`` for each step up.

    Raises ValueError if a step is not one block right or one block up.
    """
    pts = finite_array("path", path, ndim=2)
    if pts.shape[1] != 2:
        raise ValueError(f"path must have shape (k, 2), got {pts.shape}")
    letters = []
    for step in np.diff(pts, axis=0):
        if step[0] == 1 and step[1] == 0:
            letters.append("R")
        elif step[0] == 0 and step[1] == 1:
            letters.append("U")
        else:
            raise ValueError(f"path must move one block right or up per step, got {step}")
    return "".join(letters)
