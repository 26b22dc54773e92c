"""The cheapest-flight reference against Dijkstra on the graph of (city, flights taken) and
against enumeration of every route on small networks, and the stress cases against their
stated shapes."""

from __future__ import annotations

import heapq
import random
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.testing import check, load_problem, sample_cases

problem = load_problem(Path(__file__).parent)
reference = problem.reference
properties = problem.properties


def layered_dijkstra(
    n: int, flights: list[tuple[int, int, int]], src: int, dst: int, k: int
) -> int | None:
    """Plain Dijkstra on the product graph: a state is (city, flights taken so far), and a
    flight a -> b leads from (a, t) to (b, t + 1) for t <= k. The answer is the cheapest
    state of dst. Another algorithm, and no stop rule to get wrong but the bound on t."""
    out: dict[int, list[tuple[int, int]]] = {}
    for a, b, price in flights:
        out.setdefault(a, []).append((b, price))
    done: set[tuple[int, int]] = set()
    heap = [(0, src, 0)]
    while heap:
        cost, city, taken = heapq.heappop(heap)
        if (city, taken) in done:
            continue
        done.add((city, taken))
        if city == dst:
            return cost
        if taken <= k:
            for b, price in out.get(city, []):
                heapq.heappush(heap, (cost + price, b, taken + 1))
    return None


def every_route(
    n: int, flights: list[tuple[int, int, int]], src: int, dst: int, k: int
) -> int | None:
    """The cheapest of all routes of at most k + 1 flights, listed one by one."""
    routes = [(src, 0)]
    prices = [0] if src == dst else []
    for _ in range(k + 1):
        routes = [
            (b, cost + price) for city, cost in routes for a, b, price in flights if a == city
        ]
        prices += [cost for city, cost in routes if city == dst]
    return min(prices, default=None)


def route_count(flights: list[tuple[int, int, int]], src: int, k: int) -> int:
    """How many routes `every_route` would list (so that it is only asked when it is small)."""
    counts = {src: 1}
    total = 1
    for _ in range(k + 1):
        following: dict[int, int] = {}
        for a, b, _ in flights:
            following[b] = following.get(b, 0) + counts.get(a, 0)
        counts = following
        total += sum(counts.values())
    return total


def well_formed(case: dict[str, Any]) -> bool:
    n, flights = case["n"], case["flights"]
    return (
        1 <= n <= properties.MAX_N
        and len(flights) <= properties.MAX_M
        and 0 <= case["src"] < n
        and 0 <= case["dst"] < n
        and 0 <= case["k"] <= n - 1
        and all(
            isinstance(flight, tuple)
            and 0 <= flight[0] < n
            and 0 <= flight[1] < n
            and flight[0] != flight[1]
            and 0 <= flight[2] <= properties.MAX_PRICE
            for flight in flights
        )
    )


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_the_oracles(case: dict[str, Any]) -> None:
    assert well_formed(case)
    answer = reference(**case)
    assert answer == layered_dijkstra(**case)
    assert answer is None or type(answer) is int
    if route_count(case["flights"], case["src"], case["k"]) <= 20_000:
        assert answer == every_route(**case)
    if case["src"] == case["dst"]:
        assert answer == 0


def test_examples_are_right_by_the_checker() -> None:
    for case, example in zip(sample_cases(problem), problem.examples, strict=True):
        assert all(isinstance(flight, tuple) for flight in case["flights"])
        assert every_route(**case) == example.output
        assert check(problem, case, example.output).ok


def test_oracles_on_hand_checked_networks() -> None:
    flights = [(0, 1, 100), (1, 2, 100), (2, 0, 100), (1, 3, 600), (2, 3, 200)]
    for k, price in ((0, None), (1, 700), (2, 400), (3, 400)):
        assert every_route(4, flights, 0, 3, k) == layered_dijkstra(4, flights, 0, 3, k) == price
    assert every_route(2, [(0, 1, 5), (1, 0, 5)], 0, 0, 1) == 0
    assert every_route(2, [(0, 1, 9), (0, 1, 2)], 0, 1, 0) == 2


def test_stress_cases_have_their_stated_shapes() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    for case in cases:
        assert well_formed(case)
        assert case["n"] == properties.MAX_N and len(case["flights"]) == properties.MAX_M
    layered, dense, ladder = cases
    # layered: 7 + 13 · 49 + 7 flights of price 1, each one layer on; every other flight
    # goes back; every route of 15 flights from src reaches dst at the same price
    ones = [flight for flight in layered["flights"] if flight[2] == 1]
    assert len(ones) >= 7 + 13 * 49 + 7 and layered["k"] == properties.MAX_N - 1
    assert reference(**layered) == 15
    assert dense["k"] == properties.MAX_N - 1 and reference(**dense) is not None
    # ladder: the stop limit decides the price
    unlimited = {**ladder, "k": properties.MAX_N - 1}
    assert reference(**unlimited) < reference(**ladder) == layered_dijkstra(**ladder)
