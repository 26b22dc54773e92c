"""The course-order reference against brute force (every permutation) and transitive
closure on generated schedules, the checker against wrong answers of every shape and
against other right orders, and the stress cases against their stated shapes."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.testing import check, load_problem, sample_cases

problem = load_problem(Path(__file__).parent)
reference = problem.reference
properties = problem.properties


def respects(order: tuple[int, ...], pairs: list[tuple[int, int]]) -> bool:
    position = {course: index for index, course in enumerate(order)}
    return all(position[first] < position[course] for course, first in pairs)


def has_cycle(n: int, pairs: list[tuple[int, int]]) -> bool:
    """Transitive closure (Warshall): a cycle is a course that must come before itself."""
    before = [[False] * n for _ in range(n)]
    for course, first in pairs:
        before[first][course] = True
    for k in range(n):
        for i in range(n):
            if before[i][k]:
                row, via = before[i], before[k]
                for j in range(n):
                    row[j] = row[j] or via[j]
    return any(before[i][i] for i in range(n))


def peeled(n: int, pairs: list[tuple[int, int]]) -> set[int]:
    """The courses that can be taken: repeatedly take a course whose distinct prerequisites
    are all taken (a shape check for the stress cases, where brute force cannot go)."""
    needs: list[set[int]] = [set() for _ in range(n)]
    needed_by: list[set[int]] = [set() for _ in range(n)]
    for course, first in pairs:
        needs[course].add(first)
        needed_by[first].add(course)
    free = [course for course in range(n) if not needs[course]]
    taken: set[int] = set()
    while free:
        first = free.pop()
        taken.add(first)
        for course in needed_by[first]:
            needs[course].discard(first)
            if not needs[course]:
                free.append(course)
    return taken


def accepted(case: dict[str, Any], got: Any) -> bool:
    return bool(check(problem, case, got).ok)


def reason(case: dict[str, Any], got: Any) -> str:
    return check(problem, case, got).message


def valid_case(case: dict[str, Any], max_n: int, max_m: int) -> bool:
    n, pairs = case["n"], case["prerequisites"]
    return (
        0 <= n <= max_n
        and len(pairs) <= max_m
        and all(isinstance(pair, tuple) and 0 <= pair[0] < n and 0 <= pair[1] < n for pair in pairs)
    )


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_finds_an_order_exactly_when_there_is_no_cycle(case: dict[str, Any]) -> None:
    n, pairs = case["n"], case["prerequisites"]
    assert valid_case(case, properties.MAX_N, properties.MAX_M)
    answer = reference(n, pairs)
    assert (answer is None) == has_cycle(n, pairs)
    if answer is not None:
        assert sorted(answer) == list(range(n)) and respects(tuple(answer), pairs)
    if n <= 6:  # every permutation: an order exists exactly when one respects every pair
        assert (answer is None) == (
            not any(respects(p, pairs) for p in itertools.permutations(range(n)))
        )
    assert accepted(case, answer)


@settings(max_examples=150, deadline=None)
@given(properties.cases().filter(lambda case: case["n"] <= 6))
def test_checker_accepts_exactly_the_right_orders(case: dict[str, Any]) -> None:
    """Every permutation of a small schedule: accepted exactly when it respects every pair
    (not only the reference's order); None accepted exactly on a cycle."""
    n, pairs = case["n"], case["prerequisites"]
    for order in itertools.permutations(range(n)):
        assert accepted(case, list(order)) == respects(order, pairs), order
    assert accepted(case, None) == has_cycle(n, pairs)


@settings(max_examples=100, deadline=None)
@given(properties.cases().filter(lambda case: case["n"] >= 1))
def test_checker_rejects_wrong_answers_of_every_shape(case: dict[str, Any]) -> None:
    n, pairs = case["n"], case["prerequisites"]
    order = reference(n, pairs)
    courses = list(range(n)) if order is None else list(order)  # a permutation
    wrong: list[Any] = [
        " ".join(map(str, courses)),  # not a list
        {"order": courses},
        courses[:-1],  # a course missing
        [*courses, courses[0]],  # a course twice, one too many
        [*courses[:-1], n],  # a course that does not exist
        [*courses[:-1], -1],
        [float(course) for course in courses],  # not ints
        [True, *courses[1:]],
    ]
    if n >= 2:
        wrong.append([courses[0], *courses[:-1]])  # a course twice, another missing
    if order is None:
        wrong += [[], courses]  # on a cycle nothing but None is right
    else:
        wrong.append(None)
    for got in wrong:
        assert not accepted(case, got), got


def test_checker_gives_reasons() -> None:
    chain = {"n": 3, "prerequisites": [(1, 0), (2, 1)]}
    loop = {"n": 2, "prerequisites": [(0, 1), (1, 1)]}
    assert accepted(chain, [0, 1, 2]) and accepted(chain, (0, 1, 2))
    assert "an order exists, but the answer was None" in reason(chain, None)
    assert "before its prerequisite 0" in reason(chain, [1, 0, 2])
    assert "listed twice" in reason(chain, [0, 1, 1])
    assert "does not exist" in reason(chain, [0, 1, 3])
    assert "lists 2 courses" in reason(chain, [0, 1])
    assert "courses are ints" in reason(chain, [0, 1, True])
    assert "got str" in reason(chain, "012")
    assert "own prerequisite" in reason(loop, [1, 0])
    assert accepted(loop, None) and accepted({"n": 0, "prerequisites": []}, [])


def test_examples_are_right_by_the_checker() -> None:
    for case, example in zip(sample_cases(problem), problem.examples, strict=True):
        assert all(isinstance(pair, tuple) for pair in case["prerequisites"])
        assert accepted(case, example.output)
        assert (example.output is None) == has_cycle(case["n"], case["prerequisites"])


def test_stress_cases_have_their_stated_shapes() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    for case in cases:
        assert valid_case(case, properties.MAX_N, properties.MAX_M)
        assert case["n"] == properties.MAX_N and len(case["prerequisites"]) == properties.MAX_M
    chain, looped = cases
    answers = [reference(case["n"], case["prerequisites"]) for case in cases]
    assert answers[0] is not None and answers[1] is None
    assert sorted(answers[0]) == list(range(chain["n"]))
    assert respects(tuple(answers[0]), chain["prerequisites"])
    # a chain through every course: consecutive courses of the order are all paired, and
    # course 0 is the last of it (so a search from 0 along prerequisites goes 10^5 deep)
    pairs = set(chain["prerequisites"])
    order = answers[0]
    assert all((order[k + 1], order[k]) in pairs for k in range(len(order) - 1))
    assert order[-1] == 0
    assert len(pairs) < len(chain["prerequisites"])  # repeated pairs
    # the looped chain: course 0 first, and a cycle through the second half of the chain,
    # so that peeling off courses with no prerequisite left takes exactly the first half
    assert 0 not in {course for course, _ in looped["prerequisites"]}
    assert len(peeled(looped["n"], looped["prerequisites"])) == properties.MAX_N // 2
