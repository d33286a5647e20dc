"""mathutils.paths against math.comb, brute-force enumeration and a chi-square test."""

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import chisquare

from mathutils import count_shortest_paths, sample_shortest_paths, shortest_paths

FAST = settings(max_examples=30, deadline=None)


def _key(path):
    return tuple(map(tuple, path.tolist()))


def _brute_force_count(m, n):
    """Count words over {R, U} of length m + n with exactly m R's, by enumerating 2^(m+n)."""
    return sum(1 for w in itertools.product("RU", repeat=m + n) if w.count("R") == m)


def _assert_valid(path, m, n):
    assert path.shape == (m + n + 1, 2)
    assert np.issubdtype(path.dtype, np.integer)
    assert path[0].tolist() == [0, 0]
    assert path[-1].tolist() == [m, n]
    steps = np.diff(path, axis=0)
    assert all(s in ([1, 0], [0, 1]) for s in steps.tolist())  # monotone unit steps


# ---------------------------------------------------------------- counting
@pytest.mark.parametrize(("m", "n"), [(0, 0), (1, 0), (0, 3), (2, 2), (3, 4), (5, 5), (4, 7)])
def test_count_matches_comb_and_brute_force(m, n):
    assert count_shortest_paths(m, n) == math.comb(m + n, m)
    assert count_shortest_paths(m, n) == _brute_force_count(m, n)


def test_count_is_an_exact_integer_for_big_grids():
    c = count_shortest_paths(60, 60)
    assert isinstance(c, int)
    assert c == math.factorial(120) // math.factorial(60) ** 2
    assert count_shortest_paths(6, 3) == count_shortest_paths(3, 6) == 84


# ---------------------------------------------------------------- listing
@pytest.mark.parametrize(("m", "n"), [(0, 0), (1, 1), (2, 2), (3, 2), (4, 4), (1, 5)])
def test_shortest_paths_are_all_the_distinct_valid_paths(m, n):
    paths = list(shortest_paths(m, n))
    assert len(paths) == math.comb(m + n, m)
    for p in paths:
        _assert_valid(p, m, n)
    assert len({_key(p) for p in paths}) == len(paths)


# ---------------------------------------------------------------- sampling
@FAST
@given(st.integers(0, 5), st.integers(0, 5), st.integers(0, 2**32 - 1), st.data())
def test_samples_are_distinct_valid_and_seeded(m, n, seed, data):
    total = math.comb(m + n, m)
    k = data.draw(st.integers(0, min(total, 20)))
    got = sample_shortest_paths(m, n, k, np.random.default_rng(seed))
    assert len(got) == k
    for p in got:
        _assert_valid(p, m, n)
    assert len({_key(p) for p in got}) == k
    again = sample_shortest_paths(m, n, k, np.random.default_rng(seed))
    assert [_key(p) for p in got] == [_key(p) for p in again]


def test_sampling_everything_returns_every_path():
    got = sample_shortest_paths(3, 3, 20, np.random.default_rng(0))
    assert {_key(p) for p in got} == {_key(p) for p in shortest_paths(3, 3)}


def test_sampling_a_huge_grid_works():
    got = sample_shortest_paths(40, 40, 5, np.random.default_rng(1))
    assert len({_key(p) for p in got}) == 5
    for p in got:
        _assert_valid(p, 40, 40)


def test_samples_are_roughly_uniform():
    # 2x2 grid: 6 paths. Draw one path many times and chi-square the counts.
    rng = np.random.default_rng(2024)
    index = {_key(p): i for i, p in enumerate(shortest_paths(2, 2))}
    counts = np.zeros(6)
    for _ in range(3000):
        counts[index[_key(sample_shortest_paths(2, 2, 1, rng)[0])]] += 1
    assert chisquare(counts).pvalue > 1e-3
    # pairs: each path is in a uniformly drawn pair with probability 1/3
    pair_counts = np.zeros(6)
    for _ in range(1500):
        for p in sample_shortest_paths(2, 2, 2, rng):
            pair_counts[index[_key(p)]] += 1
    assert chisquare(pair_counts).pvalue > 1e-3


def test_different_seeds_differ():
    a = sample_shortest_paths(6, 6, 5, np.random.default_rng(1))
    b = sample_shortest_paths(6, 6, 5, np.random.default_rng(2))
    assert [_key(p) for p in a] != [_key(p) for p in b]


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: count_shortest_paths(-1, 2), "m"),
        (lambda: count_shortest_paths(2, -3), "n"),
        (lambda: count_shortest_paths(2.5, 2), "m"),
        (lambda: count_shortest_paths(np.nan, 2), "m"),
        (lambda: count_shortest_paths(2, np.inf), "n"),
        (lambda: count_shortest_paths(None, 2), "m"),
        (lambda: count_shortest_paths("two", 2), "m"),
        (lambda: list(shortest_paths(-1, 1)), "m"),
        (lambda: list(shortest_paths(1, -1)), "n"),
        (lambda: sample_shortest_paths(2, 2, 7, np.random.default_rng(0)), "k"),
        (lambda: sample_shortest_paths(2, 2, -1, np.random.default_rng(0)), "k"),
        (lambda: sample_shortest_paths(-2, 2, 1, np.random.default_rng(0)), "m"),
        (lambda: sample_shortest_paths(2, 2, 1, 0), "rng"),
    ],
)
def test_bad_input_raises_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"\b{name}\b"):
        call()
