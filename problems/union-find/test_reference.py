"""The union-find reference against recomputing the sets from scratch at every call, the
examples, and the stress scripts against the limits and their claimed shapes."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.authoring import Script, Step
from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def flattened(script: Script) -> tuple[int, list[tuple[Any, ...]]]:
    (n,) = script.init
    return n, [(step.method, *args) for step in script.steps for args in step.calls]


def components_from_scratch(n: int, edges: list[tuple[int, int]]) -> list[int]:
    """Each node's component, by a graph search over every union so far."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    component = [-1] * n
    for start in range(n):
        if component[start] < 0:
            component[start] = start
            todo = [start]
            while todo:
                for y in neighbours[todo.pop()]:
                    if component[y] < 0:
                        component[y] = start
                        todo.append(y)
    return component


def brute_force(script: Script) -> list[Any]:
    """Every call answered by recomputing the components of the graph of past unions."""
    n, all_calls = flattened(script)
    edges: list[tuple[int, int]] = []
    answers: list[Any] = []
    for method, *args in all_calls:
        component = components_from_scratch(n, edges)
        if method == "union":
            a, b = args
            answers.append(component[a] != component[b])
            edges.append((a, b))
        elif method == "connected":
            a, b = args
            answers.append(component[a] == component[b])
        else:
            answers.append(len(set(component)))
    return answers


def valid(script: Script) -> bool:
    n, all_calls = flattened(script)
    return (
        1 <= n <= properties.MAX_N
        and len(all_calls) <= properties.MAX_CALLS
        and all(0 <= node < n for _, *args in all_calls for node in args)
        and all(len(args) == (0 if method == "components" else 2) for method, *args in all_calls)
    )


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_recomputing_the_sets(script: Script) -> None:
    assert valid(script)
    n, all_calls = flattened(script)
    if n > 100:  # the large-n scripts: few calls, so only the touched nodes matter
        touched = sorted({node for _, *args in all_calls for node in args})
        relabel = {node: k for k, node in enumerate(touched)}
        small = Script(
            (len(touched) + 1,),
            tuple(
                Step(step.method, [tuple(relabel[x] for x in args) for args in step.calls])
                for step in script.steps
            ),
        )
        expected = brute_force(small)
        untouched = n - len(touched)
        expected = [
            answer + untouched - 1 if method == "components" else answer
            for (method, *_), answer in zip(all_calls, expected, strict=True)
        ]
    else:
        expected = brute_force(script)
    answer = reference_answer(PROBLEM, script)
    assert answer == expected
    assert all(
        type(value) is (int if method == "components" else bool)
        for (method, *_), value in zip(all_calls, answer, strict=True)
    )


def test_examples_are_right() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert brute_force(case) == example.output
        assert check(PROBLEM, case, example.output).ok


def deepest(script: Script, link: str) -> int:
    """The depth of the deepest node after the script's unions, linking roots without sizes
    or compression (the next-worse union-find): union(a, b) hangs a's root under b's ("ab")
    or b's under a's ("ba"), or the larger-numbered root under the smaller ("down") or the
    smaller under the larger ("up")."""
    n, all_calls = flattened(script)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for method, *args in all_calls:
        if method == "union":
            ra, rb = find(args[0]), find(args[1])
            if ra != rb:
                if link == "ab":
                    parent[ra] = rb
                elif link == "ba":
                    parent[rb] = ra
                else:
                    low, high = sorted((ra, rb))
                    parent[high if link == "down" else low] = low if link == "down" else high
    depth: list[int | None] = [None] * n
    for x in range(n):  # parents point either way: climb to a known depth, then fill in
        path = []
        while depth[x] is None and parent[x] != x:
            path.append(x)
            x = parent[x]
        known = depth[x] or 0
        for y in reversed(path):
            known += 1
            depth[y] = known
        if parent[x] == x:
            depth[x] = 0
    return max(d for d in depth if d is not None)


def test_stress_scripts_hit_the_maxima_and_are_the_claimed_shapes() -> None:
    scripts = properties.stress_cases(random.Random(0))
    assert len(scripts) == 3
    assert scripts == properties.stress_cases(random.Random(0))
    for script in scripts:
        assert valid(script)
        assert script.init == (properties.MAX_N,)
    falling, rising, mix = scripts
    for chain in (falling, rising):
        _, all_calls = flattened(chain)
        assert len(all_calls) == properties.MAX_CALLS
        answers = reference_answer(PROBLEM, chain)
        unions = [
            answer
            for answer, (method, *_) in zip(answers, all_calls, strict=True)
            if method == "union"
        ]
        assert unions == [True] * (properties.MAX_N - 1)  # every node joins the one set
        assert answers[-1] == 1
    deep = properties.MAX_N - 1
    assert deepest(falling, "ab") == deepest(rising, "ba") == deep  # one chain for each ...
    assert deepest(falling, "down") == deepest(rising, "up") == deep  # ... way of linking
    _, mix_calls = flattened(mix)
    assert sum(method == "components" for method, *_ in mix_calls) == 2 * 10**4
