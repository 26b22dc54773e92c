"""Binary cross-entropy with logits: small 1-D and 2-D batches of logits and 0/1 labels,
with confident right and wrong predictions beyond the reach of log(sigmoid) and exp;
stress at 1000 × 1000."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

LIMIT = 1e4
"""The largest magnitude of a logit."""

SHAPE = (1000, 1000)
"""The stress shape: 10^6 logits."""

EXTREME = st.sampled_from([20.0, 40.0, 710.0, 800.0, LIMIT]).flatmap(
    lambda v: st.sampled_from([v, -v])
)
"""Confident predictions: sigmoid(±20) is 2e-9 from 0 or 1 (inside a 1e-7 clip), 1 - σ(40)
is 0.0 in float64 (log(sigmoid) breaks), and exp(710) overflows."""

LOGITS = st.one_of(
    st.integers(-3, 3).map(float), st.floats(-LIMIT, LIMIT, allow_subnormal=False), EXTREME
)
LABELS = st.sampled_from([0.0, 1.0])


@st.composite
def _batches(draw: st.DrawFn) -> dict[str, Any]:
    shape = draw(st.tuples(st.integers(1, 8)) | st.tuples(st.integers(1, 4), st.integers(1, 4)))
    z = draw(hnp.arrays(numpy.float64, shape, elements=LOGITS))
    y = draw(hnp.arrays(numpy.float64, shape, elements=LABELS))
    return {"z": z, "y": y}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """1-D batches of 1 to 8 logits and 2-D ones of up to 4 × 4, labels 0.0 or 1.0. Logits
    are small integers, any float within ±10^4, or confident: ±20, ±40, ±710, ±800, ±10^4,
    with either label (right or wrong). Shrinks towards one logit 0 with label 0."""
    return _batches()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {name: numpy.asarray(value, dtype=numpy.float64) for name, value in values.items()}


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """10^6 logits, Gaussian of spread 50 (a quarter beyond ±37, where 1 - sigmoid(z) is
    0.0) with every hundredth one ±10^4; labels agree with the logit's sign 80% of the time."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    z = 50.0 * generator.standard_normal(SHAPE)
    z.flat[::100] = generator.choice([-LIMIT, LIMIT], size=z.size // 100)
    agree = generator.random(SHAPE) < 0.8
    y = numpy.where(agree == (z > 0), 1.0, 0.0)
    return [{"z": z, "y": y}]
