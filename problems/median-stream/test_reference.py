"""The reference against sorting the whole prefix at every median(): in Python on generated
scripts, and with numpy on the full-size streams."""

from __future__ import annotations

import array
import functools
import random
from pathlib import Path

import numpy
from hypothesis import given, settings

from judge.authoring import Script
from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def brute_force(script: Script) -> list[float | None]:
    """Each median() from the sorted prefix, by its definition."""
    seen: list[int] = []
    answers: list[float | None] = []
    for step in script.steps:
        for args in step.calls:
            if step.method == "add":
                seen.append(args if isinstance(args, int) else args[0])
                continue
            ordered = sorted(seen)
            n = len(ordered)
            if n == 0:
                answers.append(None)
            elif n % 2 == 1:
                answers.append(float(ordered[n // 2]))
            else:
                answers.append((ordered[n // 2 - 1] + ordered[n // 2]) / 2)
    return answers


def numpy_medians(script: Script) -> list[float | None]:
    """The same for streams of 5·10^5: numpy keeps the prefix sorted by merging in each
    part of adds (searchsorted and insert), and reads the middle values by index."""
    ordered = numpy.zeros(0, dtype=numpy.int64)
    answers: list[float | None] = []
    for step in script.steps:
        if step.method == "add":
            calls = step.calls
            values = calls if isinstance(calls, array.array) else [args[0] for args in calls]
            part = numpy.sort(numpy.asarray(values, dtype=numpy.int64))
            ordered = numpy.insert(ordered, numpy.searchsorted(ordered, part), part)
            continue
        n = len(ordered)
        for _ in step.calls:
            if n == 0:
                answers.append(None)
            else:
                answers.append((int(ordered[(n - 1) // 2]) + int(ordered[n // 2])) / 2)
    return answers


@functools.cache
def stress_scripts() -> tuple[Script, ...]:
    return tuple(properties.stress_cases(random.Random(0)))


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_matches_the_sorted_prefix(script: Script) -> None:
    answers = reference_answer(PROBLEM, script)
    assert answers == brute_force(script) == numpy_medians(script)
    assert all(answer is None or type(answer) is float for answer in answers)


def test_reference_matches_numpy_at_full_size() -> None:
    for script in stress_scripts():
        assert reference_answer(PROBLEM, script) == numpy_medians(script)


def test_examples_are_right() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert brute_force(case) == example.output
        assert check(PROBLEM, case, example.output).ok


def test_checker_is_exact_but_takes_a_whole_median_as_an_int() -> None:
    case = sample_cases(PROBLEM)[1]  # medians 5.0 and 2.5
    assert check(PROBLEM, case, [5, 2.5]).ok
    for wrong in ([5.0, 2], [5.0, 3], [5.0, 2.4999], [None, 2.5], [5.0], [5.0, 2.5, 2.5], None):
        assert not check(PROBLEM, case, wrong).ok, wrong
    empty = sample_cases(PROBLEM)[0]  # starts with the median of nothing: None
    assert not check(PROBLEM, empty, [0, 4.0, 2.0, 4.0]).ok


def test_stress_cases_reach_the_maximum_and_have_the_stated_shapes() -> None:
    scripts = stress_scripts()
    assert len(scripts) == 2
    for script in scripts:
        adds = [step.calls for step in script.steps if step.method == "add"]
        assert all(isinstance(calls, array.array) for calls in adds)
        values = numpy.concatenate([numpy.asarray(calls, dtype=numpy.int64) for calls in adds])
        assert len(values) == properties.MAX_ADDS
        assert values.min() >= -properties.LIMIT and values.max() <= properties.LIMIT
    descending, uniform = scripts
    values = numpy.concatenate(
        [numpy.asarray(s.calls) for s in descending.steps if s.method == "add"]
    )
    assert (numpy.diff(values) < 0).all()
    assert [len(s) for s in descending.steps if s.method == "median"] == [1] * 50
    assert [len(s) for s in uniform.steps if s.method == "median"] == [1] * 500
