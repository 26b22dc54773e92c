"""The shortest-paths reference against Bellman-Ford, and the stress cases against the limits."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.testing import load_problem, sample_cases

problem = load_problem(Path(__file__).parent)
reference = problem.reference
properties = problem.properties


def bellman_ford(n: int, edges: list[tuple[int, int, int]], source: int) -> list[int | None]:
    """Relax every edge n - 1 times: slow, simple, independent of the reference."""
    distance: list[int | None] = [None] * n
    distance[source] = 0
    for _ in range(n - 1):
        for u, v, w in edges:
            du, dv = distance[u], distance[v]
            if du is not None and (dv is None or du + w < dv):
                distance[v] = du + w
    return distance


def reachable(n: int, edges: list[tuple[int, int, int]], source: int) -> set[int]:
    seen, todo = {source}, [source]
    while todo:
        u = todo.pop()
        for a, b, _ in edges:
            if a == u and b not in seen:
                seen.add(b)
                todo.append(b)
    return seen


def valid(case: dict[str, Any], max_n: int, max_m: int) -> bool:
    n, edges, source = case["n"], case["edges"], case["source"]
    return (
        1 <= n <= max_n
        and 0 <= source < n
        and len(edges) <= max_m
        and all(isinstance(edge, tuple) and 0 <= edge[0] < n and 0 <= edge[1] < n for edge in edges)
        and all(0 <= w <= properties.MAX_W for _, _, w in edges)
    )


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_bellman_ford(case: dict[str, Any]) -> None:
    assert valid(case, properties.MAX_N, properties.MAX_M)
    n, edges, source = case["n"], case["edges"], case["source"]
    answer = reference(n, edges, source)
    assert answer == bellman_ford(n, edges, source)
    assert answer[source] == 0
    assert {v for v in range(n) if answer[v] is not None} == reachable(n, edges, source)
    assert all(type(d) is int for d in answer if d is not None)


def test_examples_agree_with_the_reference() -> None:
    for case, example in zip(sample_cases(problem), problem.examples, strict=True):
        assert all(isinstance(edge, tuple) for edge in case["edges"])
        assert reference(case["n"], case["edges"], case["source"]) == example.output


def test_stress_cases_hit_the_maxima_and_are_deterministic() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    for case in cases:
        assert valid(case, properties.MAX_N, properties.MAX_M)
        assert case["n"] == properties.MAX_N
        assert len(case["edges"]) == properties.MAX_M
    chain, random_graph, _ = (reference(c["n"], c["edges"], c["source"]) for c in cases)
    assert max(d for d in chain if d is not None) > 10**13  # far past 2^31 and 10^9
    assert None in random_graph  # unreachable nodes at full size
    edges = cases[0]["edges"]
    assert any(u == v for u, v, _ in edges)  # self-loops
    assert len({(u, v) for u, v, _ in edges}) < len(edges)  # parallel edges
