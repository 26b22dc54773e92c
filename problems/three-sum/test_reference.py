"""The three-sum reference against every triple of positions on generated lists, against a
count of distinct values at full size, and the checker against answers of every shape."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judge.testing import ExpectedAnswerError, check, load_problem, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
reference = PROBLEM.reference
properties = PROBLEM.properties

Triplet = tuple[int, int, int]


def every_triple(nums: list[int]) -> set[Triplet]:
    """The sorted value triplets of all triples of positions that sum to 0: O(n^3)."""
    return {
        (a, b, c)
        for a, b, c in (sorted(triple) for triple in itertools.combinations(nums, 3))
        if a + b + c == 0
    }


def by_counts(nums: list[int]) -> set[Triplet]:
    """Pairs of distinct values a <= b, the third c = -a - b >= b looked up in a Counter
    with its copies checked: O(d^2) over the d distinct values, sharing nothing with two
    pointers."""
    counts = Counter(nums)
    values = sorted(counts)
    found = set()
    for i, a in enumerate(values):
        for b in values[i:]:
            c = -a - b
            if c < b:
                break
            if c in counts and all(counts[v] >= k for v, k in Counter((a, b, c)).items()):
                found.add((a, b, c))
    return found


def as_set(answer: list[Any]) -> set[Triplet]:
    triplets = [tuple(sorted(item)) for item in answer]
    assert len(triplets) == len(set(triplets)), "a triplet is listed twice"
    return set(triplets)  # type: ignore[arg-type]


def judged(case: dict[str, Any], got: Any) -> bool:
    return bool(check(PROBLEM, case, got).ok)


def in_range(nums: list[int]) -> bool:
    return len(nums) <= properties.MAX_N and all(abs(v) <= properties.LIMIT for v in nums)


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_every_triple(case: dict[str, Any]) -> None:
    nums = case["nums"]
    assert in_range(nums)
    answer = reference(list(nums))
    assert all(type(item) is tuple and len(item) == 3 for item in answer)
    assert as_set(answer) == every_triple(nums) == by_counts(nums)
    assert judged(case, answer)


@settings(deadline=None)
@given(properties.cases(), st.randoms(use_true_random=False))
def test_checker_accepts_any_order_and_lists(case: dict[str, Any], rng: random.Random) -> None:
    answer = reference(list(case["nums"]))
    shuffled = [rng.sample(list(item), 3) for item in answer]
    rng.shuffle(shuffled)
    assert judged(case, shuffled)
    assert judged(case, tuple(tuple(item) for item in reversed(shuffled)))


@settings(deadline=None)
@given(properties.cases(), st.data())
def test_checker_rejects_corrupted_answers(case: dict[str, Any], data: st.DataObject) -> None:
    nums = case["nums"]
    answer = [list(item) for item in reference(list(nums))]
    if answer:
        k = data.draw(st.integers(0, len(answer) - 1))
        assert not judged(case, answer[:k] + answer[k + 1 :])  # one left out
        assert not judged(case, [*answer, answer[k]])  # one listed twice
        assert not judged(case, [*answer, answer[k][::-1]])  # twice, in another order
        a, b, c = answer[k]
        assert not judged(case, [*answer[:k], [a, b, c + 1], *answer[k + 1 :]])  # sum 1
    big = max(nums, default=0) + 1  # a value nums does not hold
    assert not judged(case, [*answer, [-2 * big, big, big]])
    for malformed in (None, 0, "[]", {"triplets": answer}, [None], [[0, 0]], [[0, 0, 0, 0]]):
        assert not judged(case, malformed)
    assert not judged(case, [*answer, [True, False, -1]])
    assert not judged(case, [*answer, [0.0, 0, 0]])


def test_checker_gives_the_reason() -> None:
    case = {"nums": [-1, 0, 1, 2, -1, -4]}
    reasons = {
        "not a triplet": [[-1, 0]],
        "listed twice": [[-1, 0, 1], [1, 0, -1], [-1, -1, 2]],
        "sums to 1": [[-1, 0, 2]],
        "needs 2 copies of 2": [[-4, 2, 2]],
        "needs 3 copies of 0": [[0, 0, 0]],
        "[-1, 0, 1] is missing": [[-1, -1, 2]],
        "list of triplets": None,
    }
    for reason, got in reasons.items():
        verdict = check(PROBLEM, case, got)
        assert not verdict.ok and reason in verdict.message, (reason, verdict.message)


def test_checker_blames_the_reference_when_it_misses_a_triplet() -> None:
    """A valid triplet the reference left out is the judge's fault (IE), never a WA."""
    case = {"nums": [-1, 0, 1, 2, -1, -4]}
    with pytest.raises(ExpectedAnswerError):
        check(PROBLEM, case, [[-1, 0, 1], [-1, -1, 2]], expected=[(-1, 0, 1)])


def test_examples_are_right_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert check(PROBLEM, case, example.output).ok, example
        assert as_set(example.output) == every_triple(case["nums"])


def test_stress_cases_reach_the_maxima_with_small_answers() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    for case in cases:
        assert len(case["nums"]) == properties.MAX_N and in_range(case["nums"])
        assert len(set(case["nums"])) > 0.9 * properties.MAX_N  # few repeats: n^3 is slow
        assert as_set(reference(list(case["nums"]))) == by_counts(case["nums"])
    spread, odd = (case["nums"] for case in cases)
    assert min(spread) < -0.99 * properties.LIMIT and max(spread) > 0.99 * properties.LIMIT
    assert 10**3 < len(reference(spread)) < 10**4
    assert all(v % 2 for v in odd) and min(odd) < 0 < max(odd) and reference(odd) == []
