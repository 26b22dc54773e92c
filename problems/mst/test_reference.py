"""The MST reference against every set of n - 1 edges on tiny graphs and against Prim's
algorithm on every generated graph and at full size, the examples, and the stress case
against the limits and its claimed shape."""

from __future__ import annotations

import heapq
import itertools
import random
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.testing import check, load_problem, sample_cases

problem = load_problem(Path(__file__).parent)
reference = problem.reference
properties = problem.properties

Edge = tuple[int, int, int]


def spans(n: int, edges: tuple[Edge, ...]) -> bool:
    """Whether `edges` connect all n nodes (a graph search, no union-find)."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for u, v, _ in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    seen, todo = {0}, [0]
    while todo:
        for v in neighbours[todo.pop()]:
            if v not in seen:
                seen.add(v)
                todo.append(v)
    return len(seen) == n


def every_tree(n: int, edges: list[Edge]) -> int | None:
    """The lightest of all sets of n - 1 edges that connect the n nodes: slow, obviously
    right, independent of the reference."""
    weights = [
        sum(w for _, _, w in chosen)
        for chosen in itertools.combinations(edges, n - 1)
        if spans(n, chosen)
    ]
    return min(weights, default=None)


def prim(n: int, edges: list[Edge]) -> int | None:
    """Prim's algorithm with a heap: grows one tree from node 0, so it shares nothing with
    the reference's Kruskal."""
    neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for u, v, w in edges:
        neighbours[u].append((w, v))
        neighbours[v].append((w, u))
    inside = [False] * n
    heap = [(0, 0)]
    total = count = 0
    while heap:
        w, u = heapq.heappop(heap)
        if not inside[u]:
            inside[u] = True
            total += w
            count += 1
            for edge in neighbours[u]:
                if not inside[edge[1]]:
                    heapq.heappush(heap, edge)
    return total if count == n else None


def valid(case: dict[str, Any]) -> bool:
    n, edges = case["n"], case["edges"]
    return (
        1 <= n <= properties.MAX_N
        and len(edges) <= properties.MAX_M
        and all(type(edge) is tuple and len(edge) == 3 for edge in edges)
        and all(0 <= u < n and 0 <= v < n for u, v, _ in edges)
        and all(-properties.MAX_W <= w <= properties.MAX_W for _, _, w in edges)
    )


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_prim_and_with_every_tree(case: dict[str, Any]) -> None:
    assert valid(case)
    n, edges = case["n"], case["edges"]
    answer = reference(n, edges)
    assert answer is None or type(answer) is int
    assert answer == prim(n, edges)
    if len(edges) <= 12:
        assert answer == every_tree(n, edges)


def test_examples_are_right() -> None:
    for case, example in zip(sample_cases(problem), problem.examples, strict=True):
        assert all(isinstance(edge, tuple) for edge in case["edges"])
        assert every_tree(case["n"], case["edges"]) == example.output
        assert check(problem, case, example.output).ok


def chain_depth(n: int, path: list[Edge], first_under_second: bool) -> int:
    """How deep the first node to join ends up when Kruskal links roots without sizes or
    compression (the first edge end's root under the second's, or the other way round),
    over the path edges in weight order. Every find here starts at a root or one link below
    one, so this is fast."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    def depth(x: int) -> int:
        links = 0
        while parent[x] != x:
            x, links = parent[x], links + 1
        return links

    for u, v, _ in path:
        ru, rv = find(u), find(v)
        if first_under_second:
            parent[ru] = rv
        else:
            parent[rv] = ru
    return max(depth(path[0][0]), depth(path[0][1]))


def test_the_stress_case_hits_the_maxima_and_is_the_claimed_shape() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert len(cases) == 1
    assert cases == properties.stress_cases(random.Random(0))
    n, m, big = properties.MAX_N, properties.MAX_M, properties.MAX_W
    (case,) = cases
    edges = case["edges"]
    assert valid(case)
    assert case["n"] == n
    assert len(edges) == m
    answer = reference(n, edges)
    assert answer == prim(n, edges)  # at full size
    on_path = [e for e in edges if e[0] != e[1] and (e[2] + big) % properties.STEP == 0]
    path = sorted(on_path, key=lambda edge: edge[2])
    assert len(path) == n - 1
    assert spans(n, tuple(path))  # the n - 1 path edges form a tree ...
    assert answer == sum(w for _, _, w in path)  # ... the minimum one
    assert sum(0 in edge[:2] for edge in path) == 1  # node 0 is an end of the path
    for first_under_second in (True, False):
        assert chain_depth(n, path, first_under_second) >= n // 2 - 1
    assert any(u == v and w == -big for u, v, w in edges)  # the cheapest edge: a self-loop
    assert sum(w < path[-2][2] for _, _, w in edges) > m - 1000  # few sort after the tree
    assert path[-1][2] == big  # the last path edge is a bridge of the maximum weight
    assert prim(n, [edge for edge in edges if edge[2] < big]) is None
