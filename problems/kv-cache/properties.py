"""KV cache: scripts of up to 10 steps on one to three sequences with one to three heads;
stress: 1024 steps of one sequence at D = 384 with 4 heads."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from judge.authoring import Script, Step, script_from_calls

B_STRESS, STEPS_STRESS, D_STRESS, HEADS_STRESS = 1, 1024, 384, 4
X_MAX, W_MAX = 10.0, 1.0
WEIGHTS = ("w_q", "w_k", "w_v", "w_o")


@st.composite
def _scripts(draw: st.DrawFn) -> Script:
    n_heads = draw(st.integers(1, 3))
    width = n_heads * draw(st.integers(1, 3))
    batch = draw(st.integers(1, 3))
    # Small exact values half the time (integers, and weights that are multiples of 1/2),
    # which failures shrink to; otherwise the whole range.
    if draw(st.booleans()):
        x_elements = st.floats(-X_MAX, X_MAX)
        w_elements = st.floats(-W_MAX, W_MAX)
    else:
        x_elements = st.integers(-3, 3).map(float)
        w_elements = st.sampled_from([0.0, 0.5, -0.5, 1.0, -1.0])
    w_q, w_k, w_v, w_o = (
        draw(hnp.arrays(numpy.float64, (width, width), elements=w_elements)) for _ in WEIGHTS
    )
    keys = draw(st.sampled_from(["drawn", "aligned", "loud"]))
    if keys == "aligned":  # each token's score with itself is |q|²/√dh: the largest in its row
        w_k = w_q.copy()
    elif keys == "loud":  # every entry of q and k is the sum of the token's x: scores up to 10^4
        w_q = numpy.full((width, width), W_MAX)
        w_k = w_q.copy()
    tokens = hnp.arrays(numpy.float64, (batch, width), elements=x_elements)
    steps = draw(st.lists(tokens, max_size=10))
    return script_from_calls((w_q, w_k, w_v, w_o, n_heads), [["step", x_t] for x_t in steps])


def cases() -> st.SearchStrategy[Script]:
    """Weights of width D = H·dh with 1 to 3 heads of width 1 to 3, then 0 to 10 steps of
    B = 1 to 3 tokens (the same B throughout): x small integers or floats in ±10, weights
    multiples of 1/2 or floats in ±1; w_k drawn, or aligned with the queries (w_k = w_q),
    or both all ones, so that scores reach about 10^4 (exp overflows beyond 709). Shrinks
    to the fewest steps that still fail (so the last step shown is the first that goes
    wrong), then towards one head, one sequence and zeros."""
    return _scripts()


def from_example(values: dict[str, Any]) -> Script:
    weights = tuple(numpy.asarray(values[name], dtype=numpy.float64) for name in WEIGHTS)
    calls = [[method, numpy.asarray(x_t, dtype=numpy.float64)] for method, x_t in values["calls"]]
    return script_from_calls((*weights, values["n_heads"]), calls)


def stress_cases(rng: random.Random) -> list[Script]:
    """One full-length script: Gaussian tokens (clipped to ±10) and Gaussian weights of
    standard deviation 1/√D (clipped to ±1), the usual initialisation."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    weights = tuple(
        numpy.clip(
            generator.standard_normal((D_STRESS, D_STRESS)) / numpy.sqrt(D_STRESS), -W_MAX, W_MAX
        )
        for _ in WEIGHTS
    )
    tokens = numpy.clip(
        generator.standard_normal((STEPS_STRESS, B_STRESS, D_STRESS)), -X_MAX, X_MAX
    )
    return [Script((*weights, HEADS_STRESS), (Step("step", [(x_t,) for x_t in tokens]),))]
