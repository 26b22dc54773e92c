"""The reference satisfies the problem: checked against the definition, pair by pair."""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

import numpy
from hypothesis import given

from judge.testing import check, load_problem, reference_answer

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def by_definition(x: numpy.ndarray, y: numpy.ndarray) -> list[Any]:
    def cosine(u: list[float], v: list[float]) -> float:
        nu, nv = math.sqrt(sum(a * a for a in u)), math.sqrt(sum(b * b for b in v))
        return 0.0 if nu == 0 or nv == 0 else sum(a * b for a, b in zip(u, v)) / (nu * nv)

    return [[[cosine(u, v) for v in yb] for u in xb] for xb, yb in zip(x.tolist(), y.tolist())]


@given(properties.cases())
def test_reference_matches_the_definition(case: dict[str, Any]) -> None:
    got = reference_answer(PROBLEM, case)
    expected = numpy.asarray(by_definition(case["x"], case["y"])).reshape(got.shape)
    assert got.shape == (case["x"].shape[0], case["x"].shape[1], case["y"].shape[1])
    assert check(PROBLEM, case, got, expected).ok


def test_checker_rejects_nan_and_wrong_shapes() -> None:
    case = properties.from_example(dict(PROBLEM.examples[0].input))
    expected = reference_answer(PROBLEM, case)
    assert check(PROBLEM, case, expected.tolist(), expected).ok
    with_nan = expected.copy()
    with_nan[0, 0, 0] = numpy.nan
    assert not check(PROBLEM, case, with_nan, expected).ok
    assert not check(PROBLEM, case, expected[0], expected).ok
    assert not check(PROBLEM, case, "not numbers", expected).ok


def test_stress_is_full_size() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    assert case["x"].shape == (8, 512, 64) and case["y"].shape == (8, 512, 64)
