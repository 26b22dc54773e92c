"""The reference against an exhaustive search over every way to cut the belt into days and
a min-max partition DP on generated cases; at full size, against a check of the answer by
jumping along prefix sums (the answer works, one less does not)."""

from __future__ import annotations

import itertools
import random
from bisect import bisect_right
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def every_cut(weights: list[int], days: int) -> int:
    """Try every set of at most days - 1 cuts between packages: the best heaviest day."""
    n = len(weights)
    best = sum(weights)
    for count in range(min(days, n)):
        for cuts in itertools.combinations(range(1, n), count):
            bounds = (0, *cuts, n)
            best = min(best, max(sum(weights[a:b]) for a, b in itertools.pairwise(bounds)))
    return best


def partition_dp(weights: list[int], days: int) -> int:
    """best[i] = the least heaviest day when the first i packages ship in d days, d = 1..days."""
    n = len(weights)
    prefix = list(itertools.accumulate(weights, initial=0))
    best = prefix[:]  # one day
    for _ in range(days - 1):
        best = [
            min(max(best[j], prefix[i] - prefix[j]) for j in range(i + 1)) for i in range(n + 1)
        ]
    return best[n]


def days_by_prefix_jumps(weights: list[int], capacity: int) -> int | None:
    """Days needed at `capacity`, each day a jump along the prefix sums (None: a package
    does not fit at all)."""
    prefix = list(itertools.accumulate(weights, initial=0))
    start, days = 0, 0
    while start < len(weights):
        end = bisect_right(prefix, prefix[start] + capacity) - 1
        if end == start:
            return None
        start, days = end, days + 1
    return days


def least_capacity_holds(weights: list[int], days: int, answer: int) -> bool:
    enough = days_by_prefix_jumps(weights, answer)
    fewer = days_by_prefix_jumps(weights, answer - 1)
    return enough is not None and enough <= days and (fewer is None or fewer > days)


def valid(case: dict[str, Any]) -> bool:
    weights, days = case["weights"], case["days"]
    return (
        1 <= len(weights) <= properties.MAX_N
        and all(1 <= w <= properties.MAX_WEIGHT for w in weights)
        and 1 <= days <= len(weights)
    )


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_a_partition_dp(case: dict[str, Any]) -> None:
    assert valid(case)
    weights, days = case["weights"], case["days"]
    answer = reference_answer(PROBLEM, case)
    assert type(answer) is int
    assert answer == partition_dp(weights, days)
    assert least_capacity_holds(weights, days, answer)
    if len(weights) <= 12:
        assert answer == every_cut(weights, days)


def test_examples_are_right_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert check(PROBLEM, case, example.output).ok, example
        assert example.output == every_cut(case["weights"], case["days"])


def test_stress_cases_reach_the_maxima() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert cases == properties.stress_cases(random.Random(0))
    assert [case["days"] for case in cases] == [properties.MAX_N // 50, properties.MAX_N, 1]
    for case in cases:
        assert valid(case) and len(case["weights"]) == properties.MAX_N
        assert max(case["weights"]) > properties.MAX_WEIGHT - 10**5


def test_reference_at_full_size() -> None:
    """The answer works and one less does not; days = n gives the heaviest package and one
    day the total. In the first case the answer is far above both lower bounds, so stepping
    through capacities one at a time from either of them takes over 10^8 steps."""
    busy, each_own_day, one_day = properties.stress_cases(random.Random(0))
    for case in (busy, each_own_day, one_day):
        answer = reference_answer(PROBLEM, case)
        assert least_capacity_holds(case["weights"], case["days"], answer)
    assert reference_answer(PROBLEM, each_own_day) == max(each_own_day["weights"])
    assert reference_answer(PROBLEM, one_day) == sum(one_day["weights"]) > 2**40
    weights, days = busy["weights"], busy["days"]
    answer = reference_answer(PROBLEM, busy)
    assert answer - max(weights) > 10**10
    assert answer - -(-sum(weights) // days) > 10**8
