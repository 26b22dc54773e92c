"""Stress suites: a problem's cases at its maximum sizes, with the reference's answers.

Generated once per problem, package content and seed in a process (grading judges many
submissions against the same suite), and kept one at a time: suites can be large.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from judge.core.problem import Problem


@dataclass(frozen=True)
class StressSuite:
    cases: tuple[Any, ...]
    expected: tuple[Any, ...]


_LATEST: dict[tuple[str, str, int], StressSuite] = {}


def stress_suite(problem: Problem, seed: int) -> StressSuite:
    key = (str(problem.root.resolve()), problem.fingerprint(), seed)
    if key not in _LATEST:
        cases = tuple(problem.properties.stress_cases(random.Random(seed)))
        expected = tuple(problem.reference_answer(case) for case in cases)
        _LATEST.clear()
        _LATEST[key] = StressSuite(cases, expected)
    return _LATEST[key]
