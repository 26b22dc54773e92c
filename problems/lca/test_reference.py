"""The LCA reference against walking up the ancestor lists on every generated tree and
against a certificate of each answer at full size, the examples, and the stress cases
against the limits and their claimed shapes."""

from __future__ import annotations

import bisect
import random
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.testing import check, load_problem, sample_cases

problem = load_problem(Path(__file__).parent)
reference = problem.reference
properties = problem.properties


def ancestors(parent: list[int], v: int) -> list[int]:
    """v, its parent, its grandparent, ..., the root."""
    chain = [v]
    while parent[chain[-1]] != -1:
        chain.append(parent[chain[-1]])
    return chain


def brute_force(parent: list[int], queries: list[tuple[int, int]]) -> list[int]:
    """The first of u's ancestors (u included) that is also one of v's: slow, plainly
    right, and shares nothing with the reference (no depths, no jumps)."""
    answers = []
    for u, v in queries:
        of_v = set(ancestors(parent, v))
        answers.append(next(a for a in ancestors(parent, u) if a in of_v))
    return answers


def certified(parent: list[int], queries: list[tuple[int, int]], answers: list[int]) -> bool:
    """Whether each answer is the lowest common ancestor, checked without computing one:
    it is an ancestor of both nodes (by entry and exit times of one depth-first walk), and
    it is one of the two, or the two lie under different children of it. Fast enough for
    the stress cases; shares nothing with the reference."""
    n = len(parent)
    children: list[list[int]] = [[] for _ in range(n)]
    for v, p in enumerate(parent):
        if p >= 0:
            children[p].append(v)
    enter, leave, clock = [0] * n, [0] * n, 0
    stack = [(parent.index(-1), False)]
    while stack:
        v, done = stack.pop()
        clock += 1
        if done:
            leave[v] = clock
        else:
            enter[v] = clock
            stack.append((v, True))
            stack += [(c, False) for c in reversed(children[v])]
    starts = [[enter[c] for c in kids] for kids in children]  # increasing: visited in order

    def above(a: int, x: int) -> bool:
        return enter[a] <= enter[x] and leave[x] <= leave[a]

    def branch(a: int, x: int) -> int:  # the child of a whose subtree holds x
        return children[a][bisect.bisect_right(starts[a], enter[x]) - 1]

    return len(answers) == len(queries) and all(
        above(a, u) and above(a, v) and (a in (u, v) or branch(a, u) != branch(a, v))
        for (u, v), a in zip(queries, answers, strict=True)
    )


def is_tree(parent: list[int]) -> bool:
    """Exactly one root, and every node reaches it (no cycles)."""
    n = len(parent)
    if parent.count(-1) != 1 or not all(-1 <= p < n for p in parent):
        return False
    depth: list[int | None] = [None] * n
    depth[parent.index(-1)] = 0
    for v in range(n):
        path = []
        while depth[v] is None and len(path) <= n:
            path.append(v)
            v = parent[v]
        if depth[v] is None:
            return False
        for d, w in enumerate(reversed(path), start=depth[v] + 1):
            depth[w] = d
    return True


def valid(case: dict[str, Any]) -> bool:
    parent, queries = case["parent"], case["queries"]
    n = len(parent)
    return (
        1 <= n <= properties.MAX_N
        and len(queries) <= properties.MAX_Q
        and is_tree(parent)
        and all(
            type(q) is tuple and len(q) == 2 and 0 <= q[0] < n and 0 <= q[1] < n for q in queries
        )
    )


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_walking_up(case: dict[str, Any]) -> None:
    assert valid(case)
    answer = reference(case["parent"], case["queries"])
    assert answer == brute_force(case["parent"], case["queries"])
    assert all(type(a) is int for a in answer)


def test_examples_are_right() -> None:
    for case, example in zip(sample_cases(problem), problem.examples, strict=True):
        assert all(isinstance(query, tuple) for query in case["queries"])
        assert brute_force(case["parent"], case["queries"]) == example.output
        assert check(problem, case, example.output).ok


def depths(parent: list[int]) -> list[int]:
    n = len(parent)
    children: list[list[int]] = [[] for _ in range(n)]
    for v, p in enumerate(parent):
        if p >= 0:
            children[p].append(v)
    depth, order = [0] * n, [parent.index(-1)]
    for v in order:
        for c in children[v]:
            depth[c] = depth[v] + 1
            order.append(c)
    return depth


def test_stress_cases_hit_the_maxima_and_are_the_claimed_shapes() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert len(cases) == 2
    assert cases == properties.stress_cases(random.Random(0))
    deepest = (properties.MAX_N - 1, (properties.MAX_N - 1) // 4 + 1)
    walks = (1.5e9, 8e8)  # the steps of walking up one parent at a time
    for case, height, walk in zip(cases, deepest, walks, strict=True):
        parent, queries = case["parent"], case["queries"]
        assert valid(case)
        assert len(parent) == properties.MAX_N
        assert len(queries) == properties.MAX_Q
        answers = reference(parent, queries)
        assert certified(parent, queries, answers)
        depth = depths(parent)
        assert max(depth) == height
        steps = sum(
            depth[u] + depth[v] - 2 * depth[a] for (u, v), a in zip(queries, answers, strict=True)
        )
        assert steps > walk
        assert sum(parent[v] > v for v in range(len(parent))) > len(parent) // 3  # shuffled
    assert any(u == v for u, v in cases[0]["queries"])
    caterpillars = cases[1]
    roots = reference(caterpillars["parent"], caterpillars["queries"])
    assert roots.count(caterpillars["parent"].index(-1)) >= properties.MAX_Q // 2  # across
    assert len(set(roots)) > 10**4  # and many different spine nodes


def test_the_certificate_rejects_wrong_answers() -> None:
    """The full-size oracle is only as good as its power to refuse: a common ancestor that
    is too high, a node below the answer, and a node off both paths are all caught."""
    parent = [3, 3, 1, -1, 1, 0]  # the first example: root 3; 0 and 1 under it; 2, 4 under 1
    queries = [(2, 4), (5, 2), (4, 4), (0, 1), (2, 1)]
    assert certified(parent, queries, [1, 3, 4, 3, 1])
    for wrong in (
        [3, 3, 4, 3, 1],
        [2, 3, 4, 3, 1],
        [1, 0, 4, 3, 1],
        [1, 3, 1, 3, 1],
        [1, 3, 4, 3, 3],
    ):
        assert not certified(parent, queries, wrong), wrong
    assert not certified(parent, queries, [1, 3, 4, 3])
