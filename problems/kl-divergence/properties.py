"""KL divergence: small probability vectors with zeros in p, in q or in both, tiny and
subnormal probabilities, and q equal to p; stress at n = 10^6."""

from __future__ import annotations

import random
import sys
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

N_MAX = 10**6
"""The stress length."""

TINY = sys.float_info.min * sys.float_info.epsilon
"""The smallest positive double (a subnormal, 5e-324)."""

WEIGHTS = st.one_of(
    st.just(0.0),
    st.integers(1, 3).map(float),
    st.floats(0.0, 1.0, allow_subnormal=False),
    st.sampled_from([1e-20, 1e-200, 1e-310, TINY]),
)
"""Weights before normalising: exact zeros, small integers (ties, and p = q by chance), any
probability, and tiny ones (a ratio p/q beyond the largest double when q is 1e-310)."""


@st.composite
def _distribution(draw: st.DrawFn, n: int) -> numpy.ndarray:
    weights = draw(hnp.arrays(numpy.float64, n, elements=WEIGHTS))
    if weights.sum() == 0:
        weights[draw(st.integers(0, n - 1))] = 1.0
    return weights / weights.sum()


@st.composite
def _pairs(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(1, 8))
    p = draw(_distribution(n))
    kind = draw(st.sampled_from(["independent", "equal", "positive where p is", "tiny q"]))
    if kind == "equal":
        return {"p": p, "q": p.copy()}
    q = draw(_distribution(n))
    if kind == "positive where p is":  # q + p renormalised: a finite answer
        q = numpy.where(p > 0, q + p, q)
    elif kind == "tiny q":  # at p's largest entry: p/q overflows, log p - log q does not
        q[numpy.argmax(p)] = draw(st.sampled_from([1e-300, 1e-310, TINY]))
    return {"p": p, "q": q / q.sum()}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Pairs of probability vectors of length 1 to 8, each normalised from weights that are
    0, small integers, any float in [0, 1], or tiny (1e-20, 1e-200, 1e-310, 5e-324). q is
    drawn on its own (zeros where p > 0 happen: inf), equal to p (0), q + p renormalised
    (positive wherever p is, so finite, unless renormalising rounds a subnormal to 0), or
    tiny (1e-300, 1e-310, 5e-324) where p is largest. Shrinks towards p = q = [1.0]."""
    return _pairs()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {name: numpy.asarray(value, dtype=numpy.float64) for name, value in values.items()}


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """10^6 entries: exponential weights, a tenth of p's entries 0 (q's too, half of
    them), and q tiny (1e-310) at a few thousand entries where p is not: a finite answer."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    p = generator.exponential(size=N_MAX)
    q = generator.exponential(size=N_MAX)
    p_zero = generator.random(N_MAX) < 0.1
    p[p_zero] = 0.0
    q[p_zero & (generator.random(N_MAX) < 0.5)] = 0.0
    q[~p_zero & (generator.random(N_MAX) < 0.002)] = 1e-310
    return [{"p": p / p.sum(), "q": q / q.sum()}]
