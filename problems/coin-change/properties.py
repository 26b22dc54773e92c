"""Coin change: inputs and stress inputs (the checker is `exact`).

Coins come in any order and may repeat; a coin may be larger than the amount; the list of
coins may be empty.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

MAX_COINS = 50
MAX_AMOUNT = 10**4
MAX_COIN = 10**4

NON_CANONICAL = ([1, 3, 4], [1, 5, 6, 9], [1, 7, 10], [3, 5], [4, 7, 9], [2, 5], [1, 15, 25])
"""Coin sets where taking the largest coin first is sometimes wrong or finds nothing."""


def _case(coins: list[int], amount: int) -> dict[str, Any]:
    return {"coins": coins, "amount": amount}


@st.composite
def _small(draw: st.DrawFn) -> dict[str, Any]:
    """Up to 6 coins of value 1 to 12 (repeats and any order) and an amount up to 40."""
    coins = draw(st.lists(st.integers(1, 12), max_size=6))
    return _case(coins, draw(st.integers(0, 40)))


@st.composite
def _non_canonical(draw: st.DrawFn) -> dict[str, Any]:
    """A coin set that defeats largest-coin-first, shuffled, and an amount up to 60."""
    coins = draw(st.permutations(draw(st.sampled_from(NON_CANONICAL))))
    return _case(coins, draw(st.integers(0, 60)))


@st.composite
def _impossible(draw: st.DrawFn) -> dict[str, Any]:
    """No answer: every coin a multiple of some d >= 2 and the amount not one."""
    step = draw(st.integers(2, 5))
    coins = draw(st.lists(st.integers(1, 8).map(lambda k: k * step), min_size=1, max_size=5))
    amount = draw(st.integers(0, 12)) * step + draw(st.integers(1, step - 1))
    return _case(coins, amount)


@st.composite
def _large(draw: st.DrawFn) -> dict[str, Any]:
    """An amount up to the maximum with one to three coins up to the maximum value: long
    tables, answers in the thousands, coins larger than the amount."""
    coins = draw(st.lists(st.integers(1, 9) | st.integers(1, MAX_COIN), min_size=1, max_size=3))
    amount = draw(st.integers(0, MAX_AMOUNT) | st.just(MAX_AMOUNT))
    return _case(coins, amount)


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Amount 0, no coins, one coin, repeated coins, unsorted coins, coins larger than the
    amount, coin sets where largest-first is wrong, amounts that cannot be made, and amounts
    up to 10^4 (an answer of exactly 10^4 included). Shrinks towards fewer and smaller coins
    and a smaller amount."""
    fixed = st.sampled_from(
        [
            _case([], 0),
            _case([], 7),
            _case([5], 0),
            _case([3], 2),
            _case([2, 2, 2], 4),
            _case([1], MAX_AMOUNT),
            _case([MAX_COIN], MAX_AMOUNT),
            _case([MAX_COIN, 2], MAX_AMOUNT - 1),
        ]
    )
    return _small() | _non_canonical() | _impossible() | _large() | fixed


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """The maximum sizes (50 coins, amount 10^4): small coins with a long answer, coins over
    the whole range with a coin of 1, and even coins with an odd amount (no answer)."""
    small = rng.sample(range(20, 400), MAX_COINS)
    spread = [1, *rng.sample(range(2, MAX_COIN + 1), MAX_COINS - 1)]
    even = [2 * value for value in rng.sample(range(2, MAX_COIN // 2 + 1), MAX_COINS)]
    rng.shuffle(spread)
    return [
        _case(small, MAX_AMOUNT),
        _case(spread, MAX_AMOUNT),
        _case(even, MAX_AMOUNT - 1),
    ]
