"""The reference against a plain list model of the recency order on generated scripts and,
at full size, against a dict of last-use times; the examples and the stress shapes."""

from __future__ import annotations

import array
import functools
import heapq
import random
from pathlib import Path

from hypothesis import given, settings

from judge.authoring import Script
from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def _calls(script: Script) -> list[tuple[str, tuple[int, ...]]]:
    flat = []
    for step in script.steps:
        items = step.calls.tolist() if isinstance(step.calls, array.array) else step.calls
        flat += [(step.method, (item,) if isinstance(item, int) else tuple(item)) for item in items]
    return flat


def list_model(script: Script) -> list[int | None]:
    """The cache as a list of (key, value) pairs, least recently used first, by the rules
    of the statement read literally (O(capacity) per call: for small scripts)."""
    (capacity,) = script.init
    pairs: list[tuple[int, int]] = []
    answers: list[int | None] = []
    for method, args in _calls(script):
        key = args[0]
        found = [index for index, (k, _) in enumerate(pairs) if k == key]
        if method == "get":
            if not found:
                answers.append(None)
                continue
            pair = pairs.pop(found[0])
            pairs.append(pair)
            answers.append(pair[1])
        else:
            if found:
                pairs.pop(found[0])
            pairs.append((key, args[1]))
            if len(pairs) > capacity:
                pairs.pop(0)
    return answers


def timestamps(script: Script) -> list[int | None]:
    """The same with each key's last-use time and, per eviction, the key of the oldest
    time found through a min-heap of (time, key) with stale entries skipped: fast enough
    for the stress scripts, and sharing nothing with an ordered dict."""
    (capacity,) = script.init
    values: dict[int, int] = {}
    used: dict[int, int] = {}
    heap: list[tuple[int, int]] = []
    answers: list[int | None] = []
    for clock, (method, args) in enumerate(_calls(script)):
        key = args[0]
        if method == "get" and key not in values:
            answers.append(None)
            continue
        if method == "get":
            answers.append(values[key])
        elif key not in values and len(values) == capacity:
            while True:
                time, oldest = heapq.heappop(heap)
                if used.get(oldest) == time:
                    break
            del values[oldest], used[oldest]
        if method == "put":
            values[key] = args[1]
        used[key] = clock
        heapq.heappush(heap, (clock, key))
    return answers


@settings(max_examples=200, deadline=None)
@given(properties.cases())
def test_reference_matches_the_list_model(script: Script) -> None:
    assert reference_answer(PROBLEM, script) == list_model(script) == timestamps(script)


@functools.cache
def stress_scripts() -> tuple[Script, ...]:
    return tuple(properties.stress_cases(random.Random(0)))


@functools.cache
def stress_answers() -> tuple[list[int | None], ...]:
    return tuple(reference_answer(PROBLEM, script) for script in stress_scripts())


def test_reference_matches_timestamps_at_full_size() -> None:
    for script, answers in zip(stress_scripts(), stress_answers(), strict=True):
        assert answers == timestamps(script)


def test_examples_are_right() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert list_model(case) == example.output
        assert check(PROBLEM, case, example.output).ok


def test_checker_is_exact() -> None:
    case = sample_cases(PROBLEM)[0]  # gets answer 1, None, 3
    for wrong in ([1, -1, 3], [1, 0, 3], [1, 2, 3], [True, None, 3], [1, None], None):
        assert not check(PROBLEM, case, wrong).ok, wrong


def test_stress_cases_reach_the_maximum_and_have_the_stated_shapes() -> None:
    refreshes, evictions = stress_scripts()
    for script in (refreshes, evictions):
        assert script.init == (properties.MAX_CAPACITY,)
        calls = _calls(script)
        assert len(calls) <= properties.MAX_CALLS
        assert all(
            -properties.LIMIT <= arg <= properties.LIMIT for _, args in calls for arg in args
        )
    assert len(_calls(refreshes)) == properties.MAX_CALLS
    assert None not in stress_answers()[0]  # every get finds its key: the cache stays full
    put_keys = [args[0] for method, args in _calls(evictions) if method == "put"]
    assert len(set(put_keys)) == len(put_keys)  # a new key each time: an eviction per put
    assert len(put_keys) - properties.MAX_CAPACITY == properties.EVICTIONS
