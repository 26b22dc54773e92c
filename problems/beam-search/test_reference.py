"""The reference against the statement's algorithm, run literally in exact arithmetic.

The oracle keeps hypotheses as tuples with `Fraction` scores (exact sums, no rounding),
lists the candidates parent by parent and token by token, sorts them with Python's stable
sort and keeps the first `beam`: it shares nothing with the reference's arrays, partition
and tie handling. Generated log-probabilities are multiples of 1/8, so every float64 score
is exact too, and the two must return the very same sequence. A brute force over all
sequences checks the oracle where the beam is wide enough never to prune.
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

Hypothesis = tuple[tuple[int, ...], Fraction]


def exact_beam_search(case: dict[str, Any], beam: int | None = None) -> Hypothesis:
    """The statement's algorithm in exact arithmetic: the answer and its exact score."""
    start = [Fraction(x) for x in case["start"].tolist()]
    transition = [[Fraction(x) for x in row] for row in case["transition"].tolist()]
    beam = case["beam"] if beam is None else beam
    eos, vocabulary = case["eos"], len(start)
    alive: list[Hypothesis] = [((), Fraction(0))]
    finished: list[Hypothesis] = []
    for _ in range(case["max_len"]):
        candidates = [
            ((*tokens, v), score + (transition[tokens[-1]][v] if tokens else start[v]))
            for tokens, score in alive
            for v in range(vocabulary)
        ]
        kept = sorted(candidates, key=lambda c: c[1], reverse=True)[:beam]
        finished += [c for c in kept if c[0][-1] == eos]
        alive = [c for c in kept if c[0][-1] != eos]
        if not alive:
            break
    pool = finished + alive
    best = max(score for _, score in pool)
    return next(c for c in pool if c[1] == best)


def exact_score(case: dict[str, Any], tokens: list[int] | tuple[int, ...]) -> Fraction:
    total = Fraction(case["start"][tokens[0]])
    for previous, token in itertools.pairwise(tokens):
        total += Fraction(case["transition"][previous, token])
    return total


def assert_exact(case: dict[str, Any]) -> None:
    got = reference_answer(PROBLEM, case)
    tokens, score = exact_beam_search(case)
    assert isinstance(got, list) and all(type(token) is int for token in got)
    assert got == list(tokens), (got, tokens)
    assert Fraction(properties.score(case, got)) == score  # the float64 fold is exact here
    assert check(PROBLEM, case, list(tokens), got).ok


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_is_the_exact_algorithm_on_generated_cases(case: dict[str, Any]) -> None:
    start, transition = case["start"], case["transition"]
    v = start.shape[0]
    assert start.dtype == transition.dtype == numpy.float64 and transition.shape == (v, v)
    assert ((start <= 0) & (start >= -1000)).all() and (
        (transition <= 0) & (transition >= -1000)
    ).all()
    assert (start * 8 == numpy.round(start * 8)).all()  # multiples of 1/8: exact sums
    assert (transition * 8 == numpy.round(transition * 8)).all()
    assert 1 <= case["beam"] <= 16 and 1 <= case["max_len"] <= 100 and 0 <= case["eos"] < v
    assert_exact(case)


@st.composite
def _unpruned(draw: st.DrawFn) -> dict[str, Any]:
    """A beam at least as wide as every step's candidates: beam search is then exhaustive."""
    v, max_len = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    elements = properties.LOGPROBS
    return {
        "start": draw(hnp.arrays(numpy.float64, v, elements=elements)),
        "transition": draw(hnp.arrays(numpy.float64, (v, v), elements=elements)),
        "beam": v**max_len,
        "max_len": max_len,
        "eos": draw(st.integers(0, v - 1)),
    }


@settings(max_examples=100, deadline=None)
@given(_unpruned())
def test_an_unpruned_beam_finds_the_best_complete_sequence(case: dict[str, Any]) -> None:
    """Brute force over every complete sequence: ending in eos (only there), or of length
    max_len."""
    v, max_len, eos = case["start"].shape[0], case["max_len"], case["eos"]
    complete = [
        tokens
        for length in range(1, max_len + 1)
        for tokens in itertools.product(range(v), repeat=length)
        if eos not in tokens[:-1] and (tokens[-1] == eos or length == max_len)
    ]
    best = max(exact_score(case, tokens) for tokens in complete)
    assert exact_beam_search(case)[1] == best
    assert exact_score(case, reference_answer(PROBLEM, case)) == best


def test_examples_are_the_exact_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert_exact(case)
        assert list(exact_beam_search(case)[0]) == example.output
        assert check(PROBLEM, case, example.output).ok


def test_a_wider_beam_can_do_worse() -> None:
    """The first example's search returns -7 with beam 1, -7.5 with beam 2, -4 with beam 3:
    the score of beam search's answer is not monotone in the beam's width."""
    case = sample_cases(PROBLEM)[0]
    scores = [exact_beam_search(case, beam)[1] for beam in (1, 2, 3)]
    assert scores == [-7, Fraction(-15, 2), -4]
    for beam, score in zip((1, 2, 3), scores, strict=True):
        answer = reference_answer(PROBLEM, {**case, "beam": beam})
        assert exact_score(case, answer) == score


GENERATE = settings(max_examples=1000, phases=[Phase.generate], database=None)


def test_cases_reach_the_edges() -> None:
    """cases() draws: V = 1; a beam wider than the vocabulary; an answer that finished
    before max_len, and one cut off at max_len."""

    def answer(case: dict[str, Any]) -> list[int]:
        return reference_answer(PROBLEM, case)

    edges = [
        lambda case: case["start"].shape[0] == 1,
        lambda case: case["beam"] > case["start"].shape[0],
        lambda case: len(answer(case)) < case["max_len"],
        lambda case: answer(case)[-1] != case["eos"],
    ]
    for edge in edges:
        find(properties.cases(), edge, settings=GENERATE)


def wide_search(case: dict[str, Any]) -> tuple[list[int], float]:
    """The stress search with a full stable sort per step (not the reference's partition),
    asserting that no cut is decided by rounding: the last kept and the first dropped
    candidate are more than 1e-6 apart, or exactly equal and ending in the same token (two
    orderings of the same transitions: they have the same future, so which is kept does
    not matter)."""
    start, transition, beam, eos = (case[k] for k in ("start", "transition", "beam", "eos"))
    sequences, scores = numpy.zeros((1, 0), dtype=numpy.int64), numpy.zeros(1)
    pool: list[tuple[float, list[int]]] = []
    for step in range(case["max_len"]):
        rows = start[None, :] if step == 0 else transition[sequences[:, -1]]
        flat = (scores[:, None] + rows).ravel()
        order = numpy.argsort(-flat, kind="stable")
        last, first_out = order[beam - 1], order[beam]
        gap = flat[last] - flat[first_out]
        same_future = gap == 0 and last % start.size == first_out % start.size
        assert gap > 1e-6 or same_future, (step, gap)
        kept = order[:beam]
        sequences = numpy.column_stack([sequences[kept // start.size], kept % start.size])
        scores = flat[kept]
        ended = sequences[:, -1] == eos
        pool += zip(scores[ended].tolist(), sequences[ended].tolist(), strict=True)
        sequences, scores = sequences[~ended], scores[~ended]
    pool += zip(scores.tolist(), sequences.tolist(), strict=True)
    score, tokens = max(pool, key=lambda item: item[0])
    return tokens, score


def test_stress_case_is_full_size_and_robust() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    start, transition = case["start"], case["transition"]
    assert start.shape == (1000,) and transition.shape == (1000, 1000)
    assert (case["beam"], case["max_len"], case["eos"]) == (16, 100, 0)
    assert numpy.isfinite(transition).all() and transition.max() <= 0
    assert transition.min() >= -1000
    assert numpy.allclose(numpy.exp(transition).sum(axis=1), 1.0)  # normalised rows
    tokens, score = wide_search(case)
    assert len(tokens) == 100 and 0 not in tokens  # the beam stayed alive to max_len
    got = reference_answer(PROBLEM, case)
    assert got == tokens
    exact = exact_score(case, got)  # the float64 fold against the exact sum: 100 terms
    assert abs(Fraction(properties.score(case, got)) - exact) <= 1e-12 * abs(exact)
    assert abs(Fraction(score) - exact) <= 1e-12 * abs(exact)


def test_checker_rejects_malformed_and_worse_answers() -> None:
    case = sample_cases(PROBLEM)[0]  # V = 3, eos = 2, max_len = 3; the answer [0, 0, 1]
    accepted = [[0, 0, 1], (0, 0, 1), numpy.array([0, 0, 1])]
    for got in accepted:
        assert check(PROBLEM, case, got).ok, got
    rejected = [
        (None, "list of token ids, got None"),
        ("001", "got a value of type str"),
        ([0.0, 0.0, 1.0], "something other than ints"),
        ([False, False, True], "something other than ints"),
        (numpy.array([0.0, 0.0, 1.0]), "dtype float64"),
        ([], "0 tokens"),
        ([0, 0, 1, 2], "4 tokens"),
        ([0, 3, 1], "token 3 at position 1"),
        ([0, -1, 1], "token -1 at position 1"),
        ([2, 0, 1], "eos (2) at position 0"),
        ([0, 1], "does not end with eos"),
        ([1, 2], "score is -7.0 where -7.5 was expected"),  # better: beam 1's answer
        ([0, 1, 2], "score is -9.0 where -7.5 was expected"),  # finished, but worse
    ]
    for got, reason in rejected:
        result = check(PROBLEM, case, got)
        assert not result.ok and reason in result.message, (got, result.message)


def test_checker_accepts_any_answer_of_the_best_score() -> None:
    case = sample_cases(PROBLEM)[1]  # the tie: [0, 2] and [1, 2] both score -2
    assert reference_answer(PROBLEM, case) == [0, 2]
    assert check(PROBLEM, case, [1, 2]).ok
    assert check(PROBLEM, case, [0, 2]).ok
    assert not check(PROBLEM, case, [0, 0]).ok
