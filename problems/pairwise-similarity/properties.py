"""Pairwise similarity: small batches with zero rows, parallel and opposite vectors; stress at
B=8, n=m=512, d=64."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

B_MAX, N_MAX, D_MAX = 8, 512, 64


@st.composite
def _batches(draw: st.DrawFn) -> dict[str, Any]:
    b = draw(st.integers(1, 3))
    n = draw(st.integers(0, 5))
    m = draw(st.integers(0, 5))
    d = draw(st.integers(1, 6))
    # Small integers give exact zeros, parallel and opposite rows; wide floats give the rest.
    elements = st.integers(-3, 3).map(float) | st.floats(-1e3, 1e3, allow_subnormal=False)
    x = draw(hnp.arrays(numpy.float64, (b, n, d), elements=elements))
    y = draw(hnp.arrays(numpy.float64, (b, m, d), elements=elements))
    if n and m and draw(st.booleans()):
        y[:, 0] = -2.5 * x[:, 0]  # an exactly opposite pair
    if n and draw(st.booleans()):  # a very short row: its direction stays, its sum of squares
        x[:, -1] *= 10.0 ** -draw(st.integers(150, 300))  # underflows (see the statement)
    return {"x": x, "y": y}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Shapes from (1, 0, 1) up to (3, 5, 6) with zero rows, opposite and parallel pairs and
    values up to 10^3; shrinks towards one small batch of zeros."""
    return _batches()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {name: numpy.asarray(value, dtype=numpy.float64) for name, value in values.items()}


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Full size, Gaussian entries, with a few zero rows in each batch."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    x = generator.standard_normal((B_MAX, N_MAX, D_MAX))
    y = generator.standard_normal((B_MAX, N_MAX, D_MAX))
    x[:, ::97] = 0.0
    y[:, ::89] = 0.0
    x[:, 1::101] *= 1e-200  # very short rows (see the statement): still a direction
    return [{"x": x, "y": y}]
