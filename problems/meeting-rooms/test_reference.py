"""The meeting-rooms reference against a brute force (the most meetings holding any one
start time) and a schedule that uses that many rooms (so no fewer are needed and that many
suffice); at full size against a heap of end times; the stress cases against their claims."""

from __future__ import annotations

import heapq
import random
from itertools import pairwise
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

Interval = tuple[int, int]


def most_at_once(intervals: list[Interval]) -> int:
    """The most meetings in progress at one time: some meeting's start is such a time."""
    return max((sum(s <= t < e for s, e in intervals) for t, _ in intervals), default=0)


def schedule(intervals: list[Interval]) -> list[list[Interval]]:
    """First fit by start time: each meeting joins the first room free at its start."""
    rooms: list[list[Interval]] = []
    for meeting in sorted(intervals):
        free = next((room for room in rooms if room[-1][1] <= meeting[0]), None)
        if free is None:
            rooms.append([meeting])
        else:
            free.append(meeting)
    return rooms


def rooms_by_heap(intervals: list[Interval]) -> int:
    ends: list[int] = []
    for start, end in sorted(intervals):
        if ends and ends[0] <= start:
            heapq.heapreplace(ends, end)
        else:
            heapq.heappush(ends, end)
    return len(ends)


def well_formed(intervals: list[Interval]) -> bool:
    return all(
        isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= properties.LIMIT
        for s, e in intervals
    )


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_brute_force_and_a_schedule(case: dict[str, Any]) -> None:
    intervals = case["intervals"]
    assert well_formed(intervals) and len(intervals) <= properties.MAX_N
    answer = reference_answer(PROBLEM, case)
    assert type(answer) is int
    assert answer == most_at_once(intervals)  # no fewer rooms can do
    rooms = schedule(intervals)
    assert len(rooms) == answer  # and this many do:
    assert sorted(meeting for room in rooms for meeting in room) == sorted(intervals)
    assert all(a[1] <= b[0] for room in rooms for a, b in pairwise(room))


def test_examples_are_the_references_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert all(isinstance(meeting, tuple) for meeting in case["intervals"])
        assert check(PROBLEM, case, example.output).ok
        assert reference_answer(PROBLEM, case) == example.output


def test_checker_wants_the_exact_count() -> None:
    case = {"intervals": [(1, 2), (2, 3)]}
    assert check(PROBLEM, case, 1).ok
    for wrong in (0, 2, None, True, "1", [1]):
        assert not check(PROBLEM, case, wrong).ok, wrong


def test_stress_cases_reach_the_maxima_and_have_their_shapes() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert len(cases) == 3
    assert cases == properties.stress_cases(random.Random(0))
    answers = [reference_answer(PROBLEM, case) for case in cases]
    for case, answer in zip(cases, answers, strict=True):
        intervals = case["intervals"]
        assert len(intervals) == properties.MAX_N and well_formed(intervals)
        assert intervals != sorted(intervals)
        assert answer == rooms_by_heap(intervals)
    assert answers[0] == properties.MAX_N  # every meeting overlaps every other
    assert answers[2] == properties.MAX_N // 2 + 1  # the nested half and one chain room
    grid = cases[1]["intervals"]
    ends = {e for _, e in grid}
    assert sum(s in ends for s, _ in grid) > properties.MAX_N // 2  # ends equal to starts
    assert max(e for _, e in cases[0]["intervals"]) <= properties.LIMIT
