"""RoPE: small tensors with consecutive, repeated, unsorted and large positions and bases from
2 to 10^6; stress at 2^21 values with positions up to 10^5."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

X_MAX = 10.0
"""|x| <= 10."""

POSITION_MAX = 10**5
BASE_MIN, BASE_MAX = 2.0, 1e6

VALUES = st.integers(-3, 3).map(float) | st.floats(-X_MAX, X_MAX, allow_subnormal=False)
"""Small integers (zeros, equal pairs) shrink readably; any float up to 10 does the rest."""


def _positions(length: int) -> st.SearchStrategy[list[int]]:
    small = st.lists(st.integers(0, 10), min_size=length, max_size=length)  # repeats, unsorted
    large = st.lists(st.integers(0, POSITION_MAX), min_size=length, max_size=length)
    consecutive = st.integers(0, POSITION_MAX - length).map(
        lambda start: [*range(start, start + length)]
    )
    return small | st.just([*range(length)]) | consecutive | large


@st.composite
def _rope_cases(draw: st.DrawFn) -> dict[str, Any]:
    d = 2 * draw(st.integers(1, 4))
    length = draw(st.integers(0, 5))
    leading = draw(st.sampled_from([(), (1,), (2,), (2, 1), (1, 2), (0,)]))
    return {
        "x": draw(hnp.arrays(numpy.float64, (*leading, length, d), elements=VALUES)),
        "positions": numpy.array(draw(_positions(length)), dtype=numpy.int64),
        "base": draw(
            st.sampled_from([10000.0, 2.0, 500000.0, BASE_MAX]) | st.floats(BASE_MIN, BASE_MAX)
        ),
    }


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """x of shape (L, d), (b, L, d) or (b, h, L, d) with d from 2 to 8 (even), L from 0 to 5
    and leading axes of 0 to 2; positions small with repeats and in any order, 0..L-1,
    consecutive from any start, or anywhere up to 10^5; base 10^4, 2, 5·10^5, 10^6 or any in
    between; values up to 10. Shrinks towards d = 2, L = 0, zeros and positions of 0."""
    return _rope_cases()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "x": numpy.asarray(values["x"], dtype=numpy.float64),
        "positions": numpy.asarray(values["positions"], dtype=numpy.int64),
        "base": float(values["base"]),
    }


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """One case at every maximum: x of (2, 2, 4096, 128), 2^21 Gaussian values (2^20 pairs),
    at 4096 distinct positions drawn from 0..10^5 in random order, base 5·10^5."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    positions = generator.choice(POSITION_MAX + 1, size=4096, replace=False)
    return [
        {
            "x": generator.standard_normal((2, 2, 4096, 128)),
            "positions": positions,
            "base": 500000.0,
        }
    ]
