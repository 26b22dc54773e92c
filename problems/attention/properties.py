"""Scaled dot-product attention: small batches of queries, keys and values with masks of
every broadcastable shape; stress at leading shape (4, 6), Lq = Lk = 256, d = dv = 64."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

LEADING_MAX, L_MAX, D_MAX = (4, 6), 256, 64
KEPT_KEYS = (256, 255, 224, 192)
"""Key padding in the stress case: how many keys each batch row keeps. Few are hidden, so a
loop that skips hidden keys still has nearly all the work to do."""
VALUE_MAX = 100.0


@st.composite
def _cases(draw: st.DrawFn) -> dict[str, Any]:
    batch = tuple(draw(st.lists(st.integers(1, 3), max_size=2)))
    lq, lk = draw(st.integers(0, 4)), draw(st.integers(0, 4))
    d, dv = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    mask = draw(_masks(batch, lq, lk))
    # Small integers half the time (ties, exact zeros, and what failures shrink to); the
    # whole range otherwise, whose scores reach 10^4: far beyond where exp overflows (709).
    small = st.integers(-3, 3).map(float)
    wide = st.integers(-100, 100).map(float) | st.floats(-VALUE_MAX, VALUE_MAX)
    elements = draw(st.sampled_from([small, wide]))
    q = draw(hnp.arrays(numpy.float64, (*batch, lq, d), elements=elements))
    k = draw(hnp.arrays(numpy.float64, (*batch, lk, d), elements=elements))
    v = draw(hnp.arrays(numpy.float64, (*batch, lk, dv), elements=elements))
    if lk and draw(st.booleans()):  # a loud key 0 that every query prefers, hidden or not
        q = numpy.minimum(numpy.abs(q) + 10.0, VALUE_MAX)
        k[..., 0, :] = VALUE_MAX
    return {"q": q, "k": k, "v": v, "mask": mask}


def _masks(batch: tuple[int, ...], lq: int, lk: int) -> st.SearchStrategy[Any]:
    """None, or booleans of a shape that broadcasts to (*batch, lq, lk): the full shape, one
    shared (lq, lk) mask, a key-padding mask (*batch, 1, lk) or (lk,), a row mask
    (*batch, lq, 1) that masks whole rows, and the same with leading ones."""
    shapes = [
        (*batch, lq, lk),
        (lq, lk),
        (*batch, 1, lk),
        (lk,),
        (*batch, lq, 1),
        (*[1] * len(batch), lq, lk),
    ]
    arrays = st.sampled_from(shapes).flatmap(lambda shape: hnp.arrays(numpy.bool_, shape))
    return st.none() | arrays


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Leading shapes (), (b,) and (b1, b2) with b ≤ 3; Lq and Lk from 0 to 4 (no keys at
    all, no queries); d and dv from 1 to 4, equal or not; values small integers or the
    whole range ±100 (scores up to 10^4), sometimes with a loud key 0 (all 100s, queries
    moved to [10, 100]) that outscores every other key by about 10^3 or more; masks None or
    of any broadcastable shape, fully masked rows included. Shrinks towards no leading dims,
    empty queries, no mask and zeros."""
    return _cases()


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    case = {name: numpy.asarray(values[name], dtype=numpy.float64) for name in ("q", "k", "v")}
    mask = values["mask"]
    case["mask"] = None if mask is None else numpy.asarray(mask, dtype=numpy.bool_)
    return case


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """One full-size case with Gaussian entries and a key-padding mask of shape (4, 1, 1, Lk):
    batch row b keeps its first KEPT_KEYS[b] keys."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    shape = (*LEADING_MAX, L_MAX, D_MAX)
    q, k, v = (generator.standard_normal(shape) for _ in range(3))
    keep = numpy.arange(L_MAX) < numpy.array(KEPT_KEYS).reshape(-1, 1, 1, 1)
    return [{"q": q, "k": k, "v": v, "mask": keep}]
