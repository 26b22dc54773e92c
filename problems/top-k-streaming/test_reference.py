"""The reference satisfies the problem: checked against sorting the whole prefix."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given

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


@given(properties.cases())
def test_reference_matches_brute_force(script: Script) -> None:
    assert reference_answer(PROBLEM, script) == brute_force(script)


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
