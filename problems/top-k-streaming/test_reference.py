"""The reference against sorting the whole prefix at every top(): in Python on generated
scripts, and with numpy on the full-size streams."""

from __future__ import annotations

import array
import random
from pathlib import Path

import numpy
from hypothesis import given, settings

from judge.authoring import Script
from judge.testing import load_problem, reference_answer

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def brute_force(script: Script) -> list[list[int]]:
    (k,) = script.init
    seen: list[int] = []
    answers = []
    for step in script.steps:
        for args in step.calls:
            if step.method == "add":
                seen.append(args if isinstance(args, int) else args[0])
            else:
                answers.append(sorted(seen, reverse=True)[:k])
    return answers


def sorted_prefixes(script: Script) -> list[list[int]]:
    """The same as `brute_force` for streams of millions: numpy keeps the prefix and
    partitions it at each top() (O(n) each), then sorts only the k largest."""
    (k,) = script.init
    chunks: list[numpy.ndarray] = []
    answers = []
    for step in script.steps:
        if step.method == "add":
            calls = step.calls
            values = calls if isinstance(calls, array.array) else [args[0] for args in calls]
            chunks.append(numpy.asarray(values, dtype=numpy.int64))
            continue
        prefix = numpy.concatenate(chunks) if chunks else numpy.zeros(0, dtype=numpy.int64)
        for _ in step.calls:
            largest = prefix if len(prefix) <= k else numpy.partition(prefix, len(prefix) - k)
            answers.append(sorted(largest[-k:].tolist(), reverse=True))
    return answers


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_matches_brute_force(script: Script) -> None:
    assert reference_answer(PROBLEM, script) == brute_force(script) == sorted_prefixes(script)


def test_reference_matches_sorted_prefixes_at_full_size() -> None:
    """Both stress streams (random values, k = 100; ascending, k = 1000) at every top()."""
    for script in properties.stress_cases(random.Random(0)):
        assert reference_answer(PROBLEM, script) == sorted_prefixes(script)


def test_examples_are_right() -> None:
    for example in PROBLEM.examples:
        assert (
            reference_answer(PROBLEM, properties.from_example(dict(example.input)))
            == example.output
        )


def test_stress_reaches_the_stated_maximum() -> None:
    for script in properties.stress_cases(random.Random(0)):
        adds = sum(len(step) for step in script.steps if step.method == "add")
        assert adds == properties.MAX_STREAM
