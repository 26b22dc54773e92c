"""The coin-change reference against a breadth-first search over totals (an independent
algorithm) on every generated case and at full size, and against enumeration of coin
multisets on tiny amounts; the stress cases against the limits."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def fewest_by_search(coins: list[int], amount: int) -> int | None:
    """Breadth-first search from 0: the first level that reaches `amount` is the fewest
    coins. Each total is visited once, so O(len(coins) · amount)."""
    seen = {0}
    level, frontier = 0, [0]
    while frontier:
        if amount in seen:
            return level
        following = []
        for total in frontier:
            for coin in coins:
                reached = total + coin
                if reached <= amount and reached not in seen:
                    seen.add(reached)
                    following.append(reached)
        level, frontier = level + 1, following
    return level if amount in seen else None


def fewest_by_enumeration(coins: list[int], amount: int) -> int | None:
    """Every multiset of k coins for k = 0, 1, ..., amount (a coin is worth at least 1, so
    no answer uses more): slow, simple, independent."""
    values = sorted(set(coins))
    for count in range(amount + 1):
        if any(
            sum(chosen) == amount
            for chosen in itertools.combinations_with_replacement(values, count)
        ):
            return count
    return None


def valid(case: dict[str, Any]) -> bool:
    coins, amount = case["coins"], case["amount"]
    return (
        len(coins) <= properties.MAX_COINS
        and all(1 <= coin <= properties.MAX_COIN for coin in coins)
        and 0 <= amount <= properties.MAX_AMOUNT
    )


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_breadth_first_search(case: dict[str, Any]) -> None:
    assert valid(case)
    answer = reference_answer(PROBLEM, case)
    assert answer is None or type(answer) is int
    assert answer == fewest_by_search(case["coins"], case["amount"])


@settings(deadline=None)
@given(st.lists(st.integers(1, 7), max_size=4), st.integers(0, 14))
def test_reference_agrees_with_enumeration(coins: list[int], amount: int) -> None:
    assert reference_answer(PROBLEM, {"coins": coins, "amount": amount}) == fewest_by_enumeration(
        coins, amount
    )


def test_edge_answers() -> None:
    def answer(coins: list[int], amount: int) -> int | None:
        return reference_answer(PROBLEM, {"coins": coins, "amount": amount})

    assert answer([], 0) == 0
    assert answer([], 3) is None
    assert answer([7], 0) == 0
    assert answer([1, 3, 4], 6) == 2  # largest-first takes 4 + 1 + 1
    assert answer([3, 5], 9) == 3  # largest-first takes 5, then finds nothing
    assert answer([1], properties.MAX_AMOUNT) == properties.MAX_AMOUNT


def test_examples_are_right_by_the_checker() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert check(PROBLEM, case, example.output).ok
        assert not check(PROBLEM, case, -1).ok


def test_stress_cases_reach_the_maxima_and_agree_with_search() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    answers = []
    for case in cases:
        assert valid(case)
        assert len(case["coins"]) == properties.MAX_COINS
        assert case["amount"] >= properties.MAX_AMOUNT - 1
        answers.append(reference_answer(PROBLEM, case))
        assert answers[-1] == fewest_by_search(case["coins"], case["amount"])
    small, spread, even = cases
    assert max(small["coins"]) < 400 and answers[0] >= properties.MAX_AMOUNT // 400
    assert 1 in spread["coins"] and max(spread["coins"]) > 9000
    assert all(coin % 2 == 0 for coin in even["coins"]) and even["amount"] % 2 == 1
    assert answers[2] is None
