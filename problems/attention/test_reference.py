"""The reference against attention computed in 50-digit arithmetic, query by query.

The oracle shares no step with the reference: it walks every query in Python, keeps the
scores of the keys its mask allows as mpmath numbers (exact products, 50-digit sums), takes
the softmax in that precision and rounds only the final average. So the float64 reference
must agree with it far inside the judge's tolerance.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import mpmath
import numpy
from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

PRECISION = 1e-11
"""Relative (and absolute) distance allowed between the reference and the 50-digit answer:
far inside the judge's tolerance (1e-6 relative, 1e-8 absolute)."""


def exact_row(q_row: Any, keys: Any, values: Any, allowed: Any, dv: int) -> list[float]:
    """One query's output (dv values) in 50-digit arithmetic; zeros when it may attend no key."""
    with mpmath.workdps(50):
        scale = mpmath.sqrt(len(q_row))
        scores = {
            j: mpmath.fsum(mpmath.mpf(a) * mpmath.mpf(b) for a, b in zip(q_row, key, strict=True))
            / scale
            for j, key in enumerate(keys)
            if allowed[j]
        }
        if not scores:
            return [0.0] * dv
        top = max(scores.values())
        weights = {j: mpmath.exp(score - top) for j, score in scores.items()}
        total = mpmath.fsum(weights.values())
        return [
            float(mpmath.fsum(w * mpmath.mpf(values[j][c]) for j, w in weights.items()) / total)
            for c in range(dv)
        ]


def exact_answer(case: dict[str, Any]) -> numpy.ndarray:
    q, k, v, mask = case["q"], case["k"], case["v"], case["mask"]
    *batch, lq, _ = q.shape
    lk, dv = v.shape[-2:]
    allowed = numpy.broadcast_to(True if mask is None else mask, (*batch, lq, lk))
    answer = numpy.zeros((*batch, lq, dv))
    for index in numpy.ndindex(*batch, lq):
        lead = index[:-1]
        answer[index] = exact_row(
            q[index].tolist(), k[lead].tolist(), v[lead].tolist(), allowed[index].tolist(), dv
        )
    return answer


def assert_exact(case: dict[str, Any]) -> None:
    q, v = case["q"], case["v"]
    got = reference_answer(PROBLEM, case)
    assert got.shape == (*q.shape[:-1], v.shape[-1]) and got.dtype == numpy.float64
    expected = exact_answer(case)
    error = numpy.abs(got - expected) / (1 + numpy.abs(expected))
    assert error.size == 0 or error.max() <= PRECISION, (error.max(), case)
    assert check(PROBLEM, case, expected, got).ok  # the exact answer is accepted against it


@settings(max_examples=150, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    assert_exact(case)


def test_reference_is_exact_on_the_edges() -> None:
    """No keys, no queries, every row masked, a hidden key whose score dwarfs the others,
    scores of ±10^4 in one row and rows whose largest scores differ by thousands."""
    ones = numpy.ones((2, 3, 2))
    edges = [
        {"q": ones, "k": numpy.zeros((2, 0, 2)), "v": numpy.zeros((2, 0, 4)), "mask": None},
        {"q": numpy.zeros((2, 0, 2)), "k": ones, "v": ones, "mask": None},
        {"q": ones, "k": ones, "v": ones, "mask": numpy.zeros((3,), dtype=bool)},
        {
            "q": numpy.array([[100.0, 100.0]]),
            "k": numpy.array([[100.0, 100.0], [-1.0, 0.5], [0.0, 0.0]]),
            "v": numpy.array([[1e2], [-3.0], [7.0]]),
            "mask": numpy.array([False, True, True]),
        },
        {
            "q": numpy.array([[100.0], [-100.0], [0.5]]),
            "k": numpy.array([[100.0], [-100.0], [99.0]]),
            "v": numpy.array([[1.0, -1.0], [2.0, 0.0], [-100.0, 100.0]]),
            "mask": None,
        },
    ]
    for case in edges:
        assert_exact(case)


def test_examples_are_the_exact_answers() -> None:
    for example in PROBLEM.examples:
        case = properties.from_example(dict(example.input))
        assert_exact(case)
        assert numpy.allclose(exact_answer(case), example.output, rtol=1e-15, atol=0)
        assert check(PROBLEM, case, example.output).ok


def test_reference_is_exact_on_sampled_stress_rows() -> None:
    """The full-size case on a few queries: random ones, and the last query of the most
    padded batch row."""
    (case,) = properties.stress_cases(random.Random(0))
    got = reference_answer(PROBLEM, case)
    allowed = numpy.broadcast_to(case["mask"], (*got.shape[:-1], 256))
    rng = random.Random(1)
    chosen = [(3, 5, 255), (0, 0, 0)]
    chosen += [(rng.randrange(4), rng.randrange(6), rng.randrange(256)) for _ in range(2)]
    for index in chosen:
        lead = index[:-1]
        row = exact_row(
            case["q"][index].tolist(),
            case["k"][lead].tolist(),
            case["v"][lead].tolist(),
            allowed[index].tolist(),
            64,
        )
        assert numpy.allclose(got[index], row, rtol=PRECISION, atol=PRECISION)


def test_stress_is_full_size() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    assert case["q"].shape == case["k"].shape == case["v"].shape == (4, 6, 256, 64)
    mask = case["mask"]
    assert mask.shape == (4, 1, 1, 256) and mask.dtype == numpy.bool_
    assert mask.sum(axis=-1).ravel().tolist() == list(properties.KEPT_KEYS)
    assert all(mask[row, 0, 0, :kept].all() for row, kept in enumerate(properties.KEPT_KEYS))


def test_checker_rejects_nan_and_wrong_shapes() -> None:
    case = properties.from_example(dict(PROBLEM.examples[1].input))
    expected = reference_answer(PROBLEM, case)
    with_nan = expected.copy()
    with_nan[0, 1, 0] = numpy.nan  # the NaN a naive softmax gives a fully masked row
    assert not check(PROBLEM, case, with_nan).ok
    assert not check(PROBLEM, case, expected[0]).ok
    assert not check(PROBLEM, case, None).ok
    assert check(PROBLEM, case, expected.tolist()).ok
