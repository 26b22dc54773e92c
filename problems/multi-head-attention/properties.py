"""Multi-head attention: small batches with one to four heads, causal or not, keys aligned
with the queries now and then (large scores); stress at B = 2, L = 384, D = 256, 4 heads."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

B_STRESS, L_STRESS, D_STRESS, HEADS_STRESS = 2, 384, 256, 4
X_MAX, W_MAX = 10.0, 1.0


@st.composite
def _cases(draw: st.DrawFn) -> dict[str, Any]:
    n_heads = draw(st.integers(1, 4))
    width = n_heads * draw(st.integers(1, 3))
    batch, length = draw(st.integers(1, 3)), draw(st.integers(1, 5))
    causal = draw(st.booleans())
    # Small exact values half the time (integers, and weights that are multiples of 1/2),
    # which failures shrink to; otherwise the whole range.
    if draw(st.booleans()):
        x_elements = st.floats(-X_MAX, X_MAX)
        w_elements = st.floats(-W_MAX, W_MAX)
    else:
        x_elements = st.integers(-3, 3).map(float)
        w_elements = st.sampled_from([0.0, 0.5, -0.5, 1.0, -1.0])
    x = draw(hnp.arrays(numpy.float64, (batch, length, width), elements=x_elements))
    w_q, w_k, w_v, w_o = (
        draw(hnp.arrays(numpy.float64, (width, width), elements=w_elements)) for _ in range(4)
    )
    keys = draw(st.sampled_from(["drawn", "aligned", "loud"]))
    if keys == "aligned":  # each token's score with itself is |q|²/√dh: the largest in its row
        w_k = w_q.copy()
    elif keys == "loud":  # every entry of q and k is the sum of the token's x: scores up to 10^4
        w_q = numpy.full((width, width), W_MAX)
        w_k = w_q.copy()
    return {
        "x": x,
        "w_q": w_q,
        "w_k": w_k,
        "w_v": w_v,
        "w_o": w_o,
        "n_heads": n_heads,
        "causal": causal,
    }


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """B from 1 to 3, L from 1 to 5, 1 to 4 heads of width 1 to 3 (D up to 12), causal or
    not; x small integers or floats in ±10, weights multiples of 1/2 or floats in ±1; w_k
    drawn, or aligned with the queries (w_k = w_q), or both all ones, so that scores reach
    about 10^4 (exp overflows beyond 709). Shrinks towards one head, no causal mask, one
    short sequence, keys drawn and zeros."""
    return _cases()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    case = dict(values)
    for name in ("x", "w_q", "w_k", "w_v", "w_o"):
        case[name] = numpy.asarray(values[name], dtype=numpy.float64)
    return case


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """One full-size case, not causal (so every score counts): Gaussian x (clipped to ±10)
    and Gaussian weights of standard deviation 1/√D (clipped to ±1), the usual
    initialisation."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    x = numpy.clip(generator.standard_normal((B_STRESS, L_STRESS, D_STRESS)), -X_MAX, X_MAX)
    weights = [
        numpy.clip(
            generator.standard_normal((D_STRESS, D_STRESS)) / numpy.sqrt(D_STRESS), -W_MAX, W_MAX
        )
        for _ in range(4)
    ]
    names = ("w_q", "w_k", "w_v", "w_o")
    return [
        {"x": x, **dict(zip(names, weights, strict=True)), "n_heads": HEADS_STRESS, "causal": False}
    ]
