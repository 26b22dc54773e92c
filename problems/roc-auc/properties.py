"""ROC AUC: labels and scores with ties, one-class inputs and near-equal scores; stress at
n = 10^6. The checker accepts None exactly when the reference answers None, else a number
within the tolerance."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from judge.authoring import Check, CheckContext, float_mismatch

N_MAX = 10**6
FLOAT32_MAX = float(numpy.finfo(numpy.float32).max)

SCORES = st.one_of(
    st.integers(-2, 2).map(float),  # few distinct values: ties within and across classes
    st.integers(0, 3).map(lambda k: 0.75 + k * 2.0**-53),  # a few ulps apart: not ties
    st.sampled_from([FLOAT32_MAX, 2 * FLOAT32_MAX, -1e300, 1e300]),  # beyond float32
    st.floats(allow_nan=False, allow_infinity=False),
)
"""Scores that make ties likely (small integers), distinct scores that only a float64
comparison tells apart (0.75 and the next three doubles), magnitudes past float32's range,
and any finite double."""


@st.composite
def _labelled(draw: st.DrawFn, max_size: int = 10) -> dict[str, Any]:
    n = draw(st.integers(0, max_size))
    labels = draw(hnp.arrays(numpy.int64, n, elements=st.integers(0, 1)))
    scores = draw(hnp.arrays(numpy.float64, n, elements=SCORES))
    return {"labels": labels, "scores": scores}


@st.composite
def _tie_at_the_top(draw: st.DrawFn) -> dict[str, Any]:
    """A positive and a negative share the highest score (the ROC curve's first step is
    diagonal), among other examples scored strictly below."""
    case = draw(_labelled(max_size=6))
    top = draw(st.sampled_from([1.0, 3.0, 1e300]))
    below = numpy.minimum(case["scores"], 0.5)
    labels = numpy.concatenate([[1, 0], case["labels"]]).astype(numpy.int64)
    order = draw(st.permutations(range(labels.size)))
    scores = numpy.concatenate([[top, top], below])
    return {"labels": labels[order], "scores": scores[order]}


@st.composite
def _one_class(draw: st.DrawFn) -> dict[str, Any]:
    """Every label the same (n = 0 included): the AUC is undefined."""
    n = draw(st.integers(0, 5))
    label = draw(st.integers(0, 1))
    scores = draw(hnp.arrays(numpy.float64, n, elements=SCORES))
    return {"labels": numpy.full(n, label, dtype=numpy.int64), "scores": scores}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Up to 10 examples (and some of up to 60) with labels 0 or 1 and scores that tie often,
    differ by an ulp, or lie beyond float32's range; a positive and a negative tied at the
    top; inputs of one class (n = 0 included). Shrinks towards fewer examples, labels 0 and
    scores -2.0."""
    return _labelled() | _tie_at_the_top() | _one_class() | _labelled(max_size=60)


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "labels": numpy.asarray(values["labels"], dtype=numpy.int64),
        "scores": numpy.asarray(values["scores"], dtype=numpy.float64),
    }


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """One case at n = 10^6 with 30% positives: half the scores continuous (a positive
    scores 1 higher on average), half rounded to 1000 levels in [0, 1.05) (hundreds of
    examples share each level, with both classes)."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    labels = (generator.random(N_MAX) < 0.3).astype(numpy.int64)
    half = N_MAX // 2
    continuous = generator.standard_normal(half) + labels[:half]
    levels = numpy.floor(generator.random(N_MAX - half) * 1000 + 50 * labels[half:]) / 1000
    return [{"labels": labels, "scores": numpy.concatenate([continuous, levels])}]


def _describe(value: Any) -> str:
    return "None" if value is None else f"{type(value).__name__} {value!r}"[:80]


def check(context: CheckContext) -> Check:
    """None exactly when one class is missing; otherwise a number within the tolerance."""
    expected, got = context.expected, context.got
    if expected is None:
        if got is None:
            return Check.accept()
        return Check.reject(f"only one class is present: expected None, got {_describe(got)}")
    if got is None:
        return Check.reject(f"both classes are present: expected {expected!r}, got None")
    return Check.unless(float_mismatch(expected, got, context.tolerance))
