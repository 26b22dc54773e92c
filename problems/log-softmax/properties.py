"""Log-softmax: small arrays of 1 to 3 dimensions along any axis, with ties, −inf entries,
values beyond exp's range and slices far apart; stress at 500 × 2000 along the last axis."""

from __future__ import annotations

import math
import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

LIMIT = 1e4
"""The largest magnitude of a finite entry."""

ROWS, COLUMNS = 500, 2000
"""The stress shape: 10^6 entries, each row one slice."""

SMALL = st.integers(-3, 3).map(float)
"""Small integers: ties, and answers a reader can check."""

EXTREME = st.sampled_from([-LIMIT, -1000.0, -800.0, 710.0, 800.0, 1000.0, LIMIT])
"""Beyond exp's range (overflow above 709.78, underflow to 0 below -745.1) and the bounds."""

ELEMENTS = st.one_of(
    SMALL,
    SMALL,
    st.floats(-LIMIT, LIMIT, allow_subnormal=False),
    EXTREME,
    st.just(-math.inf),
)

OFFSETS = st.sampled_from([-LIMIT + 3, -1000.0, 1000.0, LIMIT - 3])
"""Where a slice of small values is moved to: far from the other slices."""


@st.composite
def _arrays(draw: st.DrawFn) -> dict[str, Any]:
    ndim = draw(st.integers(1, 3))
    length = draw(st.integers(1, 6))
    others = draw(st.lists(st.integers(0, 4), min_size=ndim - 1, max_size=ndim - 1))
    x = draw(hnp.arrays(numpy.float64, (*others, length), elements=ELEMENTS))
    slices = x.reshape(-1, length)  # a view: each row is one slice along the axis
    if len(slices) and draw(st.booleans()):
        # small values far from zero: the answer is that of the values without the offset
        row = draw(st.integers(0, len(slices) - 1))
        slices[row] = draw(OFFSETS) + draw(hnp.arrays(numpy.float64, length, elements=SMALL))
    for row in slices:
        if numpy.all(row == -math.inf):  # every slice keeps a finite entry (the statement)
            row[draw(st.integers(0, length - 1))] = draw(SMALL)
    position = draw(st.integers(0, ndim - 1))
    x = numpy.ascontiguousarray(numpy.moveaxis(x, -1, position))
    axis = position - ndim if draw(st.booleans()) else position
    return {"x": x, "axis": axis}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Arrays of 1 to 3 dimensions, 1 to 6 entries along the axis and 0 to 4 along each other
    dimension; the axis is any dimension, counted from the front or (negative) from the back.
    Entries are small integers (ties), any float within ±10^4, values beyond exp's range
    (±800, ±1000, ±10^4, 710) and −inf, and one slice may be small values moved to ±1000 or
    ±9997 (far from every other slice). Every slice keeps a finite entry. Shrinks towards a
    1-D array of zeros along axis 0."""
    return _arrays()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {"x": numpy.asarray(values["x"], dtype=numpy.float64), "axis": int(values["axis"])}


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """500 slices of 2000 logits (a batch of vocabulary-sized rows): Gaussian values of
    spread 3 around offsets up to ±9000, a tenth of the entries masked to −inf, and in every
    tenth row one entry 900 above the rest (whose probabilities then underflow to 0)."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    offsets = generator.uniform(-9000.0, 9000.0, size=(ROWS, 1))
    x = offsets + 3.0 * generator.standard_normal((ROWS, COLUMNS))
    x[generator.random((ROWS, COLUMNS)) < 0.1] = -math.inf
    x[::10, 0] = offsets[::10, 0] + 900.0
    return [{"x": x, "axis": -1}]
