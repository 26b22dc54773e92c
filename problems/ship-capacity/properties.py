"""Ship capacity: inputs and stress inputs (the checker is `exact`).

Packages ship in the given order; every weight is at least 1; `days` runs from 1 to the
number of packages.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

MAX_N = 2 * 10**4
MAX_WEIGHT = 10**9

WEIGHTS = st.integers(1, 5) | st.integers(1, MAX_WEIGHT) | st.just(MAX_WEIGHT)
"""Small weights (ties and days filled exactly), the maximum (answers past 2^31), and any."""


@st.composite
def _shipment(
    draw: st.DrawFn, weights: st.SearchStrategy[int] = WEIGHTS, max_n: int = 12
) -> dict[str, Any]:
    """Up to `max_n` packages and any number of days from 1 to n, with 1, 2 and n (every
    package its own day: the answer is the heaviest package) drawn often."""
    packages = draw(st.lists(weights, min_size=1, max_size=max_n))
    n = len(packages)
    days = draw(st.sampled_from([1, n, min(2, n)]) | st.integers(1, n))
    return {"weights": packages, "days": days}


@st.composite
def _one_heavy(draw: st.DrawFn) -> dict[str, Any]:
    """Light packages and one far heavier, anywhere: the heavy one alone can set the answer,
    above the average load of a day."""
    light = draw(st.lists(st.integers(1, 5), min_size=1, max_size=10))
    heavy = draw(st.integers(6, 40) | st.just(MAX_WEIGHT))
    light.insert(draw(st.integers(0, len(light))), heavy)
    days = draw(st.integers(1, len(light)))
    return {"weights": light, "days": days}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """One package, days = 1 (the answer is the total), days = n (the answer is the
    heaviest package), a package heavier than an average day, many equal weights (n not a
    multiple of days), weights up to 10^9 (answers past 10^9 and 2^31), and up to 40
    packages. Shrinks towards one package of weight 1 and one day."""
    fixed = st.sampled_from(
        [
            {"weights": [1], "days": 1},
            {"weights": [MAX_WEIGHT], "days": 1},
            {"weights": [1, 1, 1], "days": 2},
            {"weights": [1, 10], "days": 2},
            {"weights": [10, 1, 1], "days": 2},
            {"weights": [MAX_WEIGHT] * 3, "days": 2},
            {"weights": [MAX_WEIGHT] * 4, "days": 1},
        ]
    )
    equal = st.builds(
        lambda w, n, d: {"weights": [w] * n, "days": min(d, n)},
        st.integers(1, 3) | st.just(MAX_WEIGHT),
        st.integers(1, 12),
        st.integers(1, 12),
    )
    return (
        _shipment(st.integers(1, 5))
        | _shipment()
        | _one_heavy()
        | equal
        | fixed
        | _shipment(max_n=40)
    )


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum size (n = 2 · 10^4, weights up to 10^9): about fifty packages a day (the
    answer is ~2.5 · 10^10, some 3 · 10^8 above the average day and 2 · 10^10 above the
    heaviest package, so a search that steps through capacities one by one cannot finish),
    every package its own day (the answer is the heaviest), and one day (the total, about
    10^13). Each takes the full ~43 halvings of [heaviest, total]."""
    cases = []
    for days in (MAX_N // 50, MAX_N, 1):
        weights = [rng.randint(1, MAX_WEIGHT) for _ in range(MAX_N)]
        cases.append({"weights": weights, "days": days})
    return cases
