"""Beam search: tiny vocabularies with many exact ties, eos chosen early or never, beams
wider than the vocabulary; stress at V = 1000, beam = 16, max_len = 100. The checker
accepts any complete hypothesis whose score equals the reference's answer's."""

from __future__ import annotations

import itertools
import random
from typing import Any

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from judge.authoring import valid_answer

V_MAX, BEAM_MAX, MAX_LEN_MAX = 1000, 16, 100

LOGPROBS = st.integers(-3, 0).map(float) | st.integers(-160, 0).map(lambda k: k / 8)
"""Log-probabilities from 0 down to -20 in steps of 1/8, often small integers: equal scores
are common, and every score (a sum of such values) is exact in float64."""

CLIFFS = st.sampled_from([0.0, 0.0, -0.5, -1.0, -4.0, -9.0])
"""Free or cheap steps and steep drops: hypotheses that lead for a few steps and then fall
below one that finished early, and ties between many of them."""


@st.composite
def _searches(
    draw: st.DrawFn, elements: st.SearchStrategy[float] = LOGPROBS, min_vocabulary: int = 1
) -> dict[str, Any]:
    v = draw(st.integers(min_vocabulary, min_vocabulary + 3))
    start = draw(hnp.arrays(numpy.float64, v, elements=elements))
    transition = draw(hnp.arrays(numpy.float64, (v, v), elements=elements))
    return {
        "start": start,
        "transition": transition,
        "beam": draw(st.integers(1, v) | st.integers(v, v + 2)),
        "max_len": draw(st.integers(1, 6)),
        "eos": draw(st.integers(0, v - 1)),
    }


@st.composite
def _finished_then_cliff(draw: st.DrawFn) -> dict[str, Any]:
    """beam = 2: [eos] finishes at step 1 with -1 beside a leader at 0 whose two children
    cost nothing and whose grandchildren all cost 2 or more. The answer is [eos]: the
    leader's line overtakes it for one step only (a finished hypothesis must be kept apart,
    not left in the beam to be pushed out)."""
    v = draw(st.integers(4, 6))
    eos, leader, *free = draw(st.permutations(range(v)))[:4]
    start = numpy.full(v, -9.0)
    start[[eos, leader]] = -1.0, 0.0
    transition = draw(hnp.arrays(numpy.float64, (v, v), elements=CLIFFS))
    transition[leader] = -9.0
    transition[leader, free] = 0.0
    transition[free] = numpy.minimum(transition[free], -2.0)
    return {
        "start": start,
        "transition": transition,
        "beam": 2,
        "max_len": draw(st.integers(3, 5)),
        "eos": eos,
    }


@st.composite
def _tie_across_parents(draw: st.DrawFn) -> dict[str, Any]:
    """beam = 2: tokens p < q tie at step 1; at step 2, (p, x) leads and (p, hi) ties with
    (q, lo) for the second slot, where lo < hi: the tie rule (parent order first) keeps
    (p, hi), a rule by token id alone would keep (q, lo). After them, the leader and lo
    fall off a cliff (-4 or worse) and hi goes on at random: the answer usually descends
    from (p, hi)."""
    v = draw(st.integers(6, 7))
    tokens = draw(st.permutations(range(v)))
    (p, q), (lo, hi), x, eos = sorted(tokens[:2]), sorted(tokens[2:4]), tokens[4], tokens[5]
    start = numpy.full(v, -9.0)
    start[[p, q]] = 0.0
    transition = draw(hnp.arrays(numpy.float64, (v, v), elements=CLIFFS))
    transition[[p, q]] = -9.0
    transition[p, [x, hi]] = 0.0, -1.0
    transition[q, lo] = -1.0
    transition[[x, lo]] = numpy.minimum(transition[[x, lo]], -4.0)
    return {
        "start": start,
        "transition": transition,
        "beam": 2,
        "max_len": draw(st.integers(3, 5)),
        "eos": eos,
    }


@st.composite
def _wider_is_worse(draw: st.DrawFn) -> dict[str, Any]:
    """beam = 1: the leader (0) finishes at step 2 with -2. A second slot would keep the
    runner-up (-1), whose two children (-1 each) push [leader, eos] out of a beam of 2 and
    then fall off a cliff: one more slot returns a worse answer."""
    v = draw(st.integers(5, 6))
    eos, leader, runner, x, y = draw(st.permutations(range(v)))[:5]
    start = numpy.full(v, -9.0)
    start[[leader, runner]] = 0.0, -1.0
    transition = draw(hnp.arrays(numpy.float64, (v, v), elements=CLIFFS))
    transition[[leader, runner]] = -9.0
    transition[leader, eos] = -2.0
    transition[runner, [x, y]] = 0.0
    transition[[x, y]] = numpy.minimum(transition[[x, y]], -4.0)
    return {
        "start": start,
        "transition": transition,
        "beam": 1,
        "max_len": draw(st.integers(3, 5)),
        "eos": eos,
    }


@st.composite
def _tie_for_the_last_slot(draw: st.DrawFn) -> dict[str, Any]:
    """beam = 1: tokens a < b tie at step 1 and the rule keeps a, whose line then falls off
    a cliff, while b's line (dropped) goes on at random: keeping b, or both, usually
    changes the answer."""
    v = draw(st.integers(3, 5))
    eos, a, b = draw(st.permutations(range(v)))[:3]
    a, b = sorted((a, b))
    start = numpy.full(v, -9.0)
    start[[a, b]] = 0.0
    transition = draw(hnp.arrays(numpy.float64, (v, v), elements=CLIFFS))
    transition[a] = numpy.minimum(transition[a], -4.0)
    return {
        "start": start,
        "transition": transition,
        "beam": 1,
        "max_len": draw(st.integers(2, 5)),
        "eos": eos,
    }


@st.composite
def _runner_up_wins(draw: st.DrawFn) -> dict[str, Any]:
    """A beam wider than the vocabulary keeps every first token: the leader (0) then falls
    off a cliff and the runner-up (-1) goes on at random, usually to win, so keeping only
    the best first tokens changes the answer."""
    v = draw(st.integers(3, 4))
    eos, leader, runner = draw(st.permutations(range(v)))[:3]
    start = draw(hnp.arrays(numpy.float64, v, elements=st.sampled_from([-4.0, -9.0])))
    start[[leader, runner]] = 0.0, -1.0
    transition = draw(hnp.arrays(numpy.float64, (v, v), elements=CLIFFS))
    transition[leader] = numpy.minimum(transition[leader], -4.0)
    return {
        "start": start,
        "transition": transition,
        "beam": draw(st.integers(v + 1, v + 2)),
        "max_len": draw(st.integers(2, 5)),
        "eos": eos,
    }


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Vocabularies of 1 to 7 tokens with log-probabilities in steps of 1/8 from 0 to -20,
    mostly small integers, or only 0, -0.5, -1, -4 and -9 (ties at every step, and
    hypotheses that lead and then fall off a cliff); beams from 1 to V + 2 (wider than
    every step's candidates); max_len 1 to 6; any token as eos. Five planted shapes: a
    hypothesis that finishes early and is overtaken for one step only; a tie for the last
    slot between two parents whose tokens are in the other order; a search that one more
    slot would make worse; a tie for the last slot where the dropped token would have won;
    a beam wider than the vocabulary whose runner-up first token wins. Shrinks towards
    V = 1, beam 1, max_len 1 and log-probabilities -3 (or 0)."""
    return (
        _searches()
        | _searches(elements=CLIFFS)
        | _searches(elements=CLIFFS, min_vocabulary=3)
        | _searches(elements=st.integers(-2, 0).map(float), min_vocabulary=3)
        | _finished_then_cliff()
        | _tie_across_parents()
        | _wider_is_worse()
        | _tie_for_the_last_slot()
        | _runner_up_wins()
    )


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    return {
        **values,
        "start": numpy.asarray(values["start"], dtype=numpy.float64),
        "transition": numpy.asarray(values["transition"], dtype=numpy.float64),
    }


def _log_softmax(logits: numpy.ndarray) -> numpy.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - numpy.log(numpy.exp(shifted).sum(axis=-1, keepdims=True))


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """V = 1000, beam = 16, max_len = 100: normalised log-probabilities from Gaussian logits
    of scale 2, eos (token 0) made e^-6 times less likely, so the beam stays full to the end
    (16 000 candidates at each of 100 steps)."""
    generator = numpy.random.default_rng(rng.getrandbits(64))
    logits = 2.0 * generator.standard_normal((V_MAX + 1, V_MAX))
    logits[:, 0] -= 6.0
    table = _log_softmax(logits)
    return [
        {
            "start": table[0],
            "transition": table[1:],
            "beam": BEAM_MAX,
            "max_len": MAX_LEN_MAX,
            "eos": 0,
        }
    ]


def score(case: dict[str, Any], tokens: list[int]) -> float:
    """The statement's score of a sequence: its log-probabilities added left to right."""
    total = float(case["start"][tokens[0]])
    for previous, token in itertools.pairwise(tokens):
        total += float(case["transition"][previous, token])
    return total


def _as_tokens(got: Any) -> list[int] | str:
    """The answer as a list of ints, or why it is not a list of token ids."""
    if isinstance(got, numpy.ndarray):
        if got.ndim != 1 or got.dtype.kind not in "iu":
            return f"an ndarray of shape {got.shape} and dtype {got.dtype}"
        return [int(token) for token in got]
    if not isinstance(got, (list, tuple)):
        return "None" if got is None else f"a value of type {type(got).__name__}"
    if not all(isinstance(token, int) and not isinstance(token, bool) for token in got):
        return "a list holding something other than ints"
    return list(got)


def valid(case: dict[str, Any], got: Any) -> str | None:
    """A complete hypothesis: 1 to max_len token ids, eos only as the last token, and
    shorter than max_len only if it ends with eos."""
    tokens = _as_tokens(got)
    if isinstance(tokens, str):
        return f"the answer must be a list of token ids, got {tokens}"
    vocabulary, max_len, eos = case["start"].shape[0], case["max_len"], case["eos"]
    if not 1 <= len(tokens) <= max_len:
        return f"the sequence has {len(tokens)} tokens; a hypothesis has 1 to max_len = {max_len}"
    for position, token in enumerate(tokens):
        if not 0 <= token < vocabulary:
            return f"token {token} at position {position} is not in [0, V = {vocabulary})"
        if token == eos and position < len(tokens) - 1:
            return f"eos ({eos}) at position {position} ends a hypothesis: nothing follows it"
    if tokens[-1] != eos and len(tokens) < max_len:
        return (
            f"the sequence has {len(tokens)} tokens and does not end with eos ({eos}): "
            f"an unfinished hypothesis is only returned at max_len = {max_len}"
        )
    return None


check = valid_answer(
    valid, objective=lambda case, got: score(case, _as_tokens(got)), goal="equal", name="score"
)
