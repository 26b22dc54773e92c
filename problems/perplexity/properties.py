"""Perplexity: small batches with padding, -100 targets, logits up to ±1000 and positions
whose logits sit far apart; stress at B·T·V = 2^21 logits (V = 8192). The checker is `float`."""

from __future__ import annotations

import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

LOGIT_MAX = 1000.0
MEAN_NLL_MAX = 700.0
IGNORE = -100
B_STRESS, T_STRESS, V_STRESS = 4, 64, 8192

LOGITS = st.integers(-3, 3).map(float) | st.floats(-4.0, 4.0, allow_subnormal=False)
"""Logits near 0 within a position: ties (equal logits) and ordinary spreads."""

OFFSETS = st.sampled_from([0.0, 0.0, 0.0, 720.0, -720.0, 996.0, -996.0])
"""Added to every logit of a position: past exp's overflow (709.8), and positions so far
apart (up to 2000) that one shared shift underflows the lower ones to 0."""


def token_nll(logits: numpy.ndarray, targets: numpy.ndarray) -> numpy.ndarray:
    """The negative log-likelihood at each position, by a stable log-softmax; positions
    whose target is not a token id (padding) get 0."""
    top = logits.max(axis=-1, keepdims=True)
    log_normaliser = top[..., 0] + numpy.log(numpy.exp(logits - top).sum(axis=-1))
    ids = numpy.clip(targets, 0, logits.shape[-1] - 1)[..., None]
    picked = numpy.take_along_axis(logits, ids, axis=-1)[..., 0]
    return numpy.where(targets >= 0, log_normaliser - picked, 0.0)


def _cap_mean_nll(logits: numpy.ndarray, targets: numpy.ndarray, mask: numpy.ndarray) -> None:
    """Retarget the least likely unmasked tokens to their position's largest logit (an NLL
    of at most log V) until the mean NLL is at most MEAN_NLL_MAX: the answer stays finite."""
    while True:
        nll = numpy.where(mask, token_nll(logits, targets), -numpy.inf)
        if nll[mask].mean() <= MEAN_NLL_MAX:
            return
        worst = numpy.unravel_index(numpy.argmax(nll), nll.shape)
        targets[worst] = numpy.argmax(logits[worst])


@st.composite
def _batches(draw: st.DrawFn, wide: bool = False) -> dict[str, Any]:
    b, t, v = draw(st.integers(1, 3)), draw(st.integers(1, 5)), draw(st.integers(1, 6))
    if wide:  # any logits in the range, anywhere
        elements = st.floats(-LOGIT_MAX, LOGIT_MAX, allow_subnormal=False)
        logits = draw(hnp.arrays(numpy.float64, (b, t, v), elements=elements))
    else:  # small logits, each position shifted as a whole
        logits = draw(hnp.arrays(numpy.float64, (b, t, v), elements=LOGITS))
        logits += draw(hnp.arrays(numpy.float64, (b, t, 1), elements=OFFSETS))
        numpy.clip(logits, -LOGIT_MAX, LOGIT_MAX, out=logits)
    if draw(st.booleans()):  # padding at the end of each sequence: lengths 1..t
        lengths = draw(hnp.arrays(numpy.int64, b, elements=st.integers(1, t)))
        mask = numpy.arange(t) < lengths[:, None]
    else:  # any mask with an unmasked token
        mask = draw(hnp.arrays(numpy.bool_, (b, t)))
        mask[draw(st.integers(0, b - 1)), draw(st.integers(0, t - 1))] = True
    targets = draw(hnp.arrays(numpy.int64, (b, t), elements=st.integers(0, v - 1)))
    if draw(st.booleans()):
        targets[~mask] = IGNORE
    _cap_mean_nll(logits, targets, mask)
    return {"logits": logits, "targets": targets, "mask": mask}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Shapes from (1, 1, 1) to (3, 5, 6): logits near 0 (with ties) shifted per position by
    up to ±996, or anywhere in [-1000, 1000]; padding at the ends of sequences of unequal
    lengths or any mask with one unmasked token; targets -100 or any id at masked
    positions. Shrinks towards one position, V = 1 and logits 0."""
    return _batches() | _batches(wide=True)


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "logits": numpy.asarray(values["logits"], dtype=numpy.float64),
        "targets": numpy.asarray(values["targets"], dtype=numpy.int64),
        "mask": numpy.asarray(values["mask"], dtype=numpy.bool_),
    }


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """B = 4 sequences of T = 64 positions over a vocabulary of V = 8192 tokens (2^21
    logits): Gaussian logits of scale 3, each sequence shifted by up to ±300; the first
    sequence is full, the others padded to lengths from T/2 to T (targets -100)."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    shape = (B_STRESS, T_STRESS, V_STRESS)
    logits = 3.0 * generator.standard_normal(shape)
    logits += generator.uniform(-300.0, 300.0, (B_STRESS, 1, 1))
    targets = generator.integers(0, V_STRESS, (B_STRESS, T_STRESS))
    lengths = generator.integers(T_STRESS // 2, T_STRESS + 1, B_STRESS)
    lengths[0] = T_STRESS
    mask = numpy.arange(T_STRESS) < lengths[:, None]
    targets[~mask] = IGNORE
    return [{"logits": logits, "targets": targets, "mask": mask}]
