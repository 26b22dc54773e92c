"""The public face for a problem package's own tests (`test_reference.py`).

A package test imports this module (and `judge.authoring`) and nothing else of the judge,
so packages keep working when the judge's insides move:

    from judge.testing import load_problem, sample_cases, reference_answer, check

    PROBLEM = load_problem(Path(__file__).parent)

    def test_examples_are_right() -> None:
        for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples):
            assert check(PROBLEM, case, example.output).ok
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from judge.core.cases import Case
from judge.core.checkers import Check, CheckContext, ExpectedAnswerError, Tolerance
from judge.core.problem import Problem
from judge.core.problem import load_problem as _load


def load_problem(folder: Path | str) -> Problem:
    """The package in `folder`, validated as `judge check` validates it."""
    return _load(Path(folder))


def sample_cases(problem: Problem) -> list[Case]:
    """The worked examples of problem.yaml as cases, in order."""
    return [problem.sample_case(example.input) for example in problem.examples]


def reference_answer(problem: Problem, case: Case) -> Any:
    """The trusted reference's answer to a case (it gets a copy of the case)."""
    return problem.reference_answer(case)


_FROM_REFERENCE: Any = object()


def check(
    problem: Problem,
    case: Case,
    got: Any,
    expected: Any = _FROM_REFERENCE,
    *,
    tolerance: Tolerance | None = None,
) -> Check:
    """The problem's own checker on an answer; `expected` defaults to the reference's."""
    if expected is _FROM_REFERENCE:
        expected = problem.reference_answer(case)
    context = CheckContext(case, expected, got, tolerance or problem.tolerance)
    return problem.checker(context)


__all__ = [
    "Case",
    "Check",
    "CheckContext",
    "ExpectedAnswerError",
    "Problem",
    "Tolerance",
    "check",
    "load_problem",
    "reference_answer",
    "sample_cases",
]
