"""LoRA merge: small matrices (ranks larger than W's sides included) with alpha equal to r,
a multiple of it, below it or anything; untrained adapters (B = 0) and a W that cancels the
update exactly. Stress: W of 1024 × 1024, r = 64."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

VALUE_MAX = 10.0
"""|w|, |a|, |b| <= 10."""

ALPHA_MIN, ALPHA_MAX = 1e-3, 256.0

VALUES = st.integers(-3, 3).map(float) | st.floats(-VALUE_MAX, VALUE_MAX, allow_subnormal=False)
"""Small integers (exact products, zero rows) shrink readably; any float up to 10 does the rest."""


@st.composite
def _lora_cases(draw: st.DrawFn) -> dict[str, Any]:
    out_features, in_features, rank = (
        draw(st.integers(1, 5)),
        draw(st.integers(1, 5)),
        draw(st.integers(1, 4)),
    )
    alpha = draw(
        st.sampled_from([float(rank), 2.0 * rank, 1.0, 0.5 * rank, 16.0])
        | st.floats(ALPHA_MIN, ALPHA_MAX, allow_subnormal=False)
    )
    w = draw(hnp.arrays(numpy.float64, (out_features, in_features), elements=VALUES))
    a = draw(hnp.arrays(numpy.float64, (rank, in_features), elements=VALUES))
    b = draw(hnp.arrays(numpy.float64, (out_features, rank), elements=VALUES))
    shape = draw(st.sampled_from(["any", "untrained", "cancelling"]))
    if shape == "untrained":  # LoRA's initialisation: the merge must give W back
        b[:] = 0.0
    elif shape == "cancelling":  # W holds minus the update: the merge is exactly zero
        w = -(alpha / rank) * (b @ a)
    return {"w": w, "a": a, "b": b, "alpha": alpha}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """W of 1 × 1 to 5 × 5, rank r from 1 to 4 (so r may exceed W's sides), values up to 10,
    alpha equal to r, 2r, r/2, 1, 16 or any from 10^-3 to 256; sometimes B = 0 (an untrained
    adapter) or W = −(alpha/r)·B·A (the merge is exactly zero, which float32 arithmetic
    misses). Shrinks towards 1 × 1 matrices of zeros with r = 1 and alpha = r."""
    return _lora_cases()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {
        **{name: numpy.asarray(values[name], dtype=numpy.float64) for name in ("w", "a", "b")},
        "alpha": float(values["alpha"]),
    }


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """One adapter at full size: W 1024 × 1024, A 64 × 1024, B 1024 × 64, alpha = 128 (a
    scale of 2), Gaussian values of spread 0.5."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    return [
        {
            "w": 0.5 * generator.standard_normal((1024, 1024)),
            "a": 0.5 * generator.standard_normal((64, 1024)),
            "b": 0.5 * generator.standard_normal((1024, 64)),
            "alpha": 128.0,
        }
    ]
