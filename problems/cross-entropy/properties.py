"""Cross-entropy: small batches with one class or several, ties, logits beyond exp's range,
targets far below their row's maximum and rows far apart; stress at 2·10^5 rows of 5
classes and 1000 rows of 1000."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

LIMIT = 1e4
"""The largest magnitude of a logit."""

TALL, WIDE = (2 * 10**5, 5), (1000, 1000)
"""The stress shapes, 10^6 logits each: many rows of few classes (a Python loop over the rows
pays numpy's call overhead 2·10^5 times), and vocabulary-sized rows."""

SMALL = st.integers(-3, 3).map(float)
"""Small integers: ties, and losses a reader can check."""

EXTREME = st.sampled_from([-LIMIT, -1000.0, -800.0, -40.0, 40.0, 710.0, 800.0, 1000.0, LIMIT])
"""Beyond exp's range (overflow above 709.78, underflow below -745.1), gaps of 40 (a
probability of 4e-18, below any clipping epsilon) and the bounds."""

LOGITS = st.one_of(SMALL, SMALL, st.floats(-LIMIT, LIMIT, allow_subnormal=False), EXTREME)

OFFSETS = st.sampled_from([-LIMIT + 3, -1000.0, 1000.0, LIMIT - 3])
"""Where a row of small logits is moved to: far from the other rows."""


@st.composite
def _batches(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(1, 6))
    c = draw(st.integers(1, 6))
    logits = draw(hnp.arrays(numpy.float64, (n, c), elements=LOGITS))
    if draw(st.booleans()):  # small logits far from zero: the same losses as without the offset
        row = draw(st.integers(0, n - 1))
        logits[row] = draw(OFFSETS) + draw(hnp.arrays(numpy.float64, c, elements=SMALL))
    targets = draw(hnp.arrays(numpy.int64, n, elements=st.integers(0, c - 1)))
    return {"logits": logits, "targets": targets}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Batches of 1 to 6 rows and 1 to 6 classes. Logits are small integers (ties), any
    float within ±10^4, or values beyond exp's range or 40 apart (±40, ±800, ±1000, ±10^4,
    710); one row may be small logits moved to ±1000 or ±9997, far from the others. Targets
    are any class. Shrinks towards one row of one class, logit 0."""
    return _batches()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "logits": numpy.asarray(values["logits"], dtype=numpy.float64),
        "targets": numpy.asarray(values["targets"], dtype=numpy.int64),
    }


def _batch(generator: numpy.random.Generator, n: int, c: int) -> dict[str, Any]:
    """Gaussian logits of spread 10 around row offsets up to ±9000, with class 0 of each row
    900 above the rest; half the targets are class 0 (losses near 0), the others any class
    (losses near 900)."""
    offsets = generator.uniform(-9000.0, 9000.0, size=(n, 1))
    logits = offsets + 10.0 * generator.standard_normal((n, c))
    logits[:, 0] = offsets[:, 0] + 900.0
    targets = generator.integers(0, c, size=n)
    targets[generator.random(n) < 0.5] = 0
    return {"logits": logits, "targets": targets}


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """2·10^5 rows of 5 classes, and 1000 rows of 1000 classes."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    return [_batch(generator, *TALL), _batch(generator, *WIDE)]
