"""Course schedule: inputs, stress inputs, and the checker (any valid order is accepted).

A case is `n` courses `0 .. n-1` and pairs `(a, b)`: course `b` must be taken before `a`.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

from judge.authoring import Check, CheckContext, valid_answer

MAX_N = 10**5
MAX_M = 2 * 10**5

Pair = tuple[int, int]


@st.composite
def _acyclic(draw: st.DrawFn, max_n: int = 8, pairs_per_course: int = 2) -> dict[str, Any]:
    """Courses ranked by a random permutation; every pair points down the ranks, so there is
    no cycle. Duplicated pairs, courses in no pair and shared prerequisites (diamonds) come
    free. Shrinks towards fewer courses and fewer pairs."""
    n = draw(st.integers(1, max_n))
    rank = draw(st.permutations(range(n)))
    course = st.integers(0, n - 1)
    pairs = draw(st.lists(st.tuples(course, course), max_size=pairs_per_course * n))
    forward = [(a, b) if rank[a] > rank[b] else (b, a) for a, b in pairs if a != b]
    copies = draw(st.lists(st.sampled_from(forward), max_size=2)) if forward else []
    return {"n": n, "prerequisites": draw(st.permutations(forward + copies))}


@st.composite
def _any_pairs(draw: st.DrawFn) -> dict[str, Any]:
    """Any pairs among up to 6 courses: often a cycle, sometimes a self-prerequisite."""
    n = draw(st.integers(1, 6))
    course = st.integers(0, n - 1)
    return {"n": n, "prerequisites": draw(st.lists(st.tuples(course, course), max_size=2 * n))}


@st.composite
def _closed_chain(draw: st.DrawFn) -> dict[str, Any]:
    """A chain of prerequisites through some courses, closed into a cycle by one pair (or
    left open), with the other courses free: a cycle that leaves most courses takeable."""
    n = draw(st.integers(1, 10))
    chain = draw(st.permutations(range(n)))[: draw(st.integers(1, n))]
    pairs = [(chain[k + 1], chain[k]) for k in range(len(chain) - 1)]
    if draw(st.booleans()):
        pairs.append((chain[0], chain[-1]))  # the first course needs the last: a cycle
    return {"n": n, "prerequisites": draw(st.permutations(pairs))}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """No courses, one course, courses with no prerequisites, self-prerequisites, duplicated
    pairs, shared prerequisites (diamonds), cycles of every length from 1 to 10 beside free
    courses, and acyclic schedules of up to 40 courses. Shrinks towards fewer courses and
    pairs."""
    fixed = st.sampled_from(
        [
            {"n": 0, "prerequisites": []},
            {"n": 1, "prerequisites": []},
            {"n": 1, "prerequisites": [(0, 0)]},
            {"n": 3, "prerequisites": []},
            {"n": 2, "prerequisites": [(1, 0)]},
            {"n": 2, "prerequisites": [(1, 0), (1, 0)]},
            {"n": 2, "prerequisites": [(0, 1), (1, 0)]},
            {"n": 4, "prerequisites": [(1, 0), (2, 0), (3, 1), (3, 2)]},
            {"n": 3, "prerequisites": [(1, 0), (2, 2)]},
        ]
    )
    return _acyclic() | _any_pairs() | _closed_chain() | fixed | _acyclic(max_n=40)


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    """YAML gives pairs as lists; the signature promises tuples."""
    return {**values, "prerequisites": [tuple(pair) for pair in values["prerequisites"]]}


def _chain(rng: random.Random, zero_at_end: bool, count: int) -> tuple[list[int], list[Pair]]:
    """All courses in one chain, in random order but with course 0 at one end, and `count`
    pairs: the chain's, and copies of random ones. No pair skips ahead along the chain, so
    a recursive search started from course 0 goes the whole length in one direction."""
    order = list(range(1, MAX_N))
    rng.shuffle(order)
    order = [*order, 0] if zero_at_end else [0, *order]
    pairs = [(order[k + 1], order[k]) for k in range(MAX_N - 1)]
    pairs += rng.choices(pairs, k=count - len(pairs))
    return order, pairs


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum size (n = 10^5, 2 · 10^5 pairs), pairs in random order: one chain through
    every course, each pair of it once or more (course 0 last), and the same with course 0
    first and a cycle through the chain's second half. Two cases, not three: every pair
    crosses to the sandbox one by one, and a third case would add seconds to every
    judgement for nothing new."""
    _, chain = _chain(rng, zero_at_end=True, count=MAX_M)
    rng.shuffle(chain)
    order, looped = _chain(rng, zero_at_end=False, count=MAX_M - 1)
    looped.append((order[MAX_N // 2], order[-1]))  # the middle course needs the last
    rng.shuffle(looped)
    return [{"n": MAX_N, "prerequisites": chain}, {"n": MAX_N, "prerequisites": looped}]


def broken_prerequisite(case: dict[str, Any], order: list[int]) -> str | None:
    """The first pair that `order` (a permutation of the courses) breaks, in words."""
    position = {course: index for index, course in enumerate(order)}
    for course, first in case["prerequisites"]:
        if course == first:
            return f"course {course} is its own prerequisite, so no order exists"
        if position[first] > position[course]:
            return (
                f"course {course} is taken at position {position[course]}, before its "
                f"prerequisite {first} (position {position[first]})"
            )
    return None


def valid(case: dict[str, Any], got: Any) -> str | None:
    """None when `got` is None (whether that is right is the objective's business) or a
    permutation of 0 .. n-1 that takes every prerequisite first; else the fault."""
    n = case["n"]
    if got is None:
        return None
    if not isinstance(got, (list, tuple)):
        return f"the answer must be a list of courses or None, got {type(got).__name__}"
    if len(got) != n:
        return f"the order lists {len(got)} courses; it must list each of the {n} once"
    seen: set[int] = set()
    for index, course in enumerate(got):
        if type(course) is not int:
            return f"courses are ints, got {course!r} at position {index}"
        if not 0 <= course < n:
            return f"course {course} at position {index} does not exist (courses are 0 .. {n - 1})"
        if course in seen:
            return f"course {course} is listed twice (the second time at position {index})"
        seen.add(course)
    return broken_prerequisite(case, list(got))


any_valid_order = valid_answer(
    valid,
    objective=lambda case, answer: int(answer is not None),
    goal="equal",
    name="number of orders (None is 0)",
)
"""Any valid order; None exactly when the reference finds no order (a cycle)."""


def check(context: CheckContext) -> Check:
    """`any_valid_order`, with a plain reason for None where an order exists."""
    if context.got is None and context.expected is not None:
        return Check.reject(
            "the prerequisites have no cycle, so an order exists, but the answer was None"
        )
    return any_valid_order(context)
