"""0/1 knapsack: inputs and stress inputs (the checker is `exact`).

Weight-0 items are allowed (they always fit, once each); values may be 0; items may be
heavier than the capacity.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

MAX_N = 200
MAX_CAPACITY = 10**4
MAX_WEIGHT = 10**9
MAX_VALUE = 10**9

VALUES = st.integers(0, 9) | st.integers(0, MAX_VALUE) | st.just(MAX_VALUE)
"""Small values (many ties), zero, the maximum (totals past 2^31), and any."""


def _case(items: list[tuple[int, int]], capacity: int) -> dict[str, Any]:
    return {
        "weights": [weight for weight, _ in items],
        "values": [value for _, value in items],
        "capacity": capacity,
    }


@st.composite
def _items(draw: st.DrawFn, max_n: int = 12) -> dict[str, Any]:
    """Up to 12 items around a capacity: weight 0, exact fits, too heavy, and in between."""
    capacity = draw(st.integers(0, 12) | st.integers(0, MAX_CAPACITY) | st.just(MAX_CAPACITY))
    weights = (
        st.integers(0, 6)
        | st.integers(0, capacity + 1)
        | st.sampled_from([0, capacity, capacity + 1, MAX_WEIGHT])
    )
    items = draw(st.lists(st.tuples(weights, VALUES), max_size=max_n))
    return _case(items, capacity)


@st.composite
def _exact_fit(draw: st.DrawFn) -> dict[str, Any]:
    """The capacity is the total weight of a random subset: the best choice often fills it."""
    items = draw(st.lists(st.tuples(st.integers(0, 20), VALUES), min_size=1, max_size=12))
    chosen = draw(st.lists(st.booleans(), min_size=len(items), max_size=len(items)))
    capacity = sum(weight for (weight, _), keep in zip(items, chosen, strict=True) if keep)
    return _case(items, capacity)


@st.composite
def _copies(draw: st.DrawFn) -> dict[str, Any]:
    """Copies of one item and room for several: each copy still counts once."""
    item = draw(st.tuples(st.integers(0, 5), VALUES))
    copies = draw(st.integers(1, 4))
    capacity = draw(st.integers(0, 30))
    extra = draw(st.lists(st.tuples(st.integers(0, 10), VALUES), max_size=4))
    return _case([item] * copies + extra, capacity)


@st.composite
def _correlated(draw: st.DrawFn) -> dict[str, Any]:
    """Value = weight + a constant: best value per weight is a bad guide (greedy fails)."""
    bonus = draw(st.integers(0, 10))
    weights = draw(st.lists(st.integers(1, 15), max_size=12))
    capacity = draw(st.integers(0, 40))
    return _case([(weight, weight + bonus) for weight in weights], capacity)


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """No items, zero capacity, weight-0 items, items heavier than the capacity, exact fits,
    copies of one item, value 0, values up to 10^9, value-per-weight traps, and capacities
    up to 10^4, always with at most 12 items. Shrinks towards no items and capacity 0, then
    towards weight 0 and value 0."""
    fixed = st.sampled_from(
        [
            _case([], 0),
            _case([], 5),
            _case([(0, 7)], 0),
            _case([(0, 0), (0, 3)], 0),
            _case([(5, 9)], 5),
            _case([(6, 9)], 5),
            _case([(1, 2)], MAX_CAPACITY),
        ]
    )
    return _items() | _exact_fit() | _copies() | _correlated() | fixed


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum size (n = 200, capacity = 10^4): random items of weight up to 1000, and light
    items whose value grows with their weight (about half of them fit), each with a few
    weight-0 items and a few that never fit."""
    spread = [(rng.randint(1, 1000), rng.randint(0, MAX_VALUE)) for _ in range(MAX_N - 10)]
    light = [
        (weight, weight * 10**6 + rng.randint(0, 1000))
        for weight in rng.choices(range(1, 201), k=MAX_N - 10)
    ]
    cases = []
    for items in (spread, light):
        items += [(0, rng.randint(0, MAX_VALUE)) for _ in range(5)]
        items += [(rng.randint(MAX_CAPACITY + 1, MAX_WEIGHT), MAX_VALUE) for _ in range(5)]
        rng.shuffle(items)
        cases.append(_case(items, MAX_CAPACITY))
    return cases
