"""The merge-intervals reference against two independent oracles: union-find over every
overlapping pair (small cases) and a sweep over boundary events (the stress cases, where
pairs are too many); the examples and the stress cases against what they claim."""

from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

Interval = tuple[int, int]


def merged_by_union_find(intervals: list[Interval]) -> list[Interval]:
    """Join every two intervals that share a point; each group spans its least start to its
    greatest end. O(n^2), no sorting until the groups are listed."""
    parent = list(range(len(intervals)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, (a, b) in enumerate(intervals):
        for j in range(i):
            c, d = intervals[j]
            if a <= d and c <= b:
                parent[root(i)] = root(j)
    groups: dict[int, list[Interval]] = {}
    for i, interval in enumerate(intervals):
        groups.setdefault(root(i), []).append(interval)
    spans = [(min(a for a, _ in group), max(b for _, b in group)) for group in groups.values()]
    return sorted(spans)


def merged_by_events(intervals: list[Interval]) -> list[Interval]:
    """Count open intervals along the line; at one coordinate openings come first (closed
    intervals that touch merge). A merged interval closes when the count drops to zero."""
    events = sorted([(a, -1) for a, _ in intervals] + [(b, 1) for _, b in intervals])
    merged, depth, opened = [], 0, 0
    for position, kind in events:
        if kind < 0 and depth == 0:
            opened = position
        depth -= kind
        if depth == 0:
            merged.append((opened, position))
    return merged


def well_formed(intervals: list[Interval]) -> bool:
    return all(
        isinstance(a, int)
        and isinstance(b, int)
        and -properties.LIMIT <= a <= b <= properties.LIMIT
        for a, b in intervals
    )


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_union_find(case: dict[str, Any]) -> None:
    intervals = case["intervals"]
    assert well_formed(intervals) and len(intervals) <= properties.MAX_N
    answer = reference_answer(PROBLEM, case)
    assert answer == merged_by_union_find(intervals) == merged_by_events(intervals)
    assert all((previous[1] < following[0]) for previous, following in pairwise(answer))
    assert all(any(c <= a and b <= d for c, d in answer) for a, b in intervals)
    assert check(PROBLEM, case, [list(interval) for interval in answer]).ok


def test_examples_are_the_references_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert all(isinstance(interval, tuple) for interval in case["intervals"])
        assert check(PROBLEM, case, example.output).ok
        assert reference_answer(PROBLEM, case) == [tuple(pair) for pair in example.output]


def test_checker_wants_the_answer_sorted_and_fully_merged() -> None:
    case = {"intervals": [(5, 6), (1, 2), (2, 3)]}
    assert check(PROBLEM, case, [(1, 3), (5, 6)]).ok
    assert check(PROBLEM, case, [[1, 3], [5, 6]]).ok
    for wrong in ([(5, 6), (1, 3)], [(1, 2), (2, 3), (5, 6)], [(1, 6)], None, [], "1-3,5-6"):
        assert not check(PROBLEM, case, wrong).ok, wrong


def test_stress_cases_reach_the_maxima_and_have_their_shapes() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert len(cases) == 3
    assert cases == properties.stress_cases(random.Random(0))
    answers = [reference_answer(PROBLEM, case) for case in cases]
    for case, answer in zip(cases, answers, strict=True):
        intervals = case["intervals"]
        assert len(intervals) == properties.MAX_N and well_formed(intervals)
        assert any(a > c for (a, _), (c, _) in pairwise(intervals))  # not sorted
        assert answer == merged_by_events(intervals)
    disjoint, chain, clusters = answers
    assert len(disjoint) == properties.MAX_N  # nothing merges
    assert sum(a == d + 1 for (_, d), (a, _) in pairwise(disjoint)) >= properties.MAX_N // 2 - 1
    assert disjoint[0][0] == -properties.LIMIT
    assert chain == [(-properties.LIMIT, properties.LIMIT)]  # everything merges
    assert 10**4 <= len(clusters) < properties.MAX_N // 2
    points = [a for a, b in cases[2]["intervals"] if a == b]
    assert len(points) > 1000
