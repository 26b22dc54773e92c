"""The reference against the merge computed in exact rational arithmetic, entry by entry.

The oracle shares no step with the reference: every value becomes a `Fraction`, the scale
alpha / r and each entry W[i][j] + scale · Σ_k B[i][k] · A[k][j] are exact, and only the
final entry is rounded to a double.
"""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from judge.testing import check, load_problem, reference_answer

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

PRECISION = 1e-10
"""How close (absolutely) the reference must be to the exact answer: ten times inside the
judge's absolute tolerance (1e-9; the relative one is 1e-6). Its rounding is about
2^-53 · (alpha / r) · Σ_k |B[i][k] · A[k][j]|, below 3e-11 for every case drawn."""


def exact_answer(case: dict[str, Any]) -> numpy.ndarray:
    w, a, b = (case[name].tolist() for name in ("w", "a", "b"))
    rank = len(a)
    scale = Fraction(case["alpha"]) / rank
    merged = [
        [
            float(
                Fraction(w[i][j])
                + scale
                * sum((Fraction(b[i][k]) * Fraction(a[k][j]) for k in range(rank)), Fraction(0))
            )
            for j in range(len(w[i]))
        ]
        for i in range(len(w))
    ]
    return numpy.array(merged, dtype=numpy.float64).reshape(case["w"].shape)


def assert_exact(case: dict[str, Any]) -> None:
    got = reference_answer(PROBLEM, case)
    expected = exact_answer(case)
    assert isinstance(got, numpy.ndarray) and got.shape == case["w"].shape
    assert got.dtype == numpy.float64 and numpy.all(numpy.isfinite(got))
    error = numpy.abs(got - expected)
    worst = numpy.unravel_index(numpy.argmax(error), got.shape)
    assert error[worst] <= PRECISION, f"at {worst}: exact {expected[worst]!r}, got {got[worst]!r}"
    assert check(PROBLEM, case, expected, got).ok  # the exact answer is accepted against it


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    assert case["a"].shape[0] >= 1  # r = 0 is out of range and never drawn
    assert_exact(case)


def test_examples_are_the_exact_answers() -> None:
    for example in PROBLEM.examples:
        case = properties.from_example(dict(example.input))
        assert_exact(case)
        assert numpy.array_equal(exact_answer(case), numpy.asarray(example.output))
        assert check(PROBLEM, case, example.output).ok


@settings(max_examples=100, deadline=None)
@given(properties.cases(), st.integers(0, 4), st.data())
def test_merged_weights_give_the_unmerged_forward(
    case: dict[str, Any], n: int, data: st.DataObject
) -> None:
    """For any inputs x (n × in), x @ W_merged.T equals the adapter's forward pass
    x @ W.T + (alpha / r) · (x @ A.T) @ B.T, to rounding."""
    w, a, b, alpha = case["w"], case["a"], case["b"], case["alpha"]
    x = data.draw(hnp.arrays(numpy.float64, (n, w.shape[1]), elements=st.floats(-10, 10)))
    merged = reference_answer(PROBLEM, case)
    unmerged = x @ w.T + (alpha / a.shape[0]) * (x @ a.T) @ b.T
    scale = numpy.abs(x) @ (numpy.abs(w) + alpha * numpy.abs(b) @ numpy.abs(a)).T
    assert numpy.all(numpy.abs(x @ merged.T - unmerged) <= 1e-12 * (1.0 + scale))


def test_the_scale_is_alpha_over_r() -> None:
    """alpha = 8 with r = 16 scales by 0.5: not by alpha, not by 1, not by alpha // r."""
    case = properties.from_example(
        {"w": [[1.0]], "a": [[1.0]] * 16, "b": [[1.0] * 16], "alpha": 8.0}
    )
    assert reference_answer(PROBLEM, case).tolist() == [[1.0 + 0.5 * 16]]
    for wrong in (1.0 + 8.0 * 16, 1.0 + 16, 1.0):
        assert not check(PROBLEM, case, [[wrong]]).ok


def test_a_cancelling_w_merges_to_zero_and_float32_is_refused() -> None:
    """The statement's warning: where W holds minus the update, float32 leaves ~1e-7."""
    rng = numpy.random.default_rng(1)
    a, b = rng.uniform(-10, 10, (3, 4)), rng.uniform(-10, 10, (5, 3))
    case = {"w": -(7.0 / 3) * (b @ a), "a": a, "b": b, "alpha": 7.0}
    assert_exact(case)
    assert numpy.abs(reference_answer(PROBLEM, case)).max() <= 1e-12
    w32, a32, b32 = (case[name].astype(numpy.float32) for name in ("w", "a", "b"))
    assert not check(PROBLEM, case, (w32 + numpy.float32(7.0 / 3) * (b32 @ a32)).astype(float)).ok


def test_stress_case_reaches_the_stated_maxima() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    w, a, b = case["w"], case["a"], case["b"]
    assert w.shape == (1024, 1024) and a.shape == (64, 1024) and b.shape == (1024, 64)
    assert all(m.dtype == numpy.float64 and numpy.abs(m).max() <= 10 for m in (w, a, b))
    assert properties.ALPHA_MIN <= case["alpha"] <= properties.ALPHA_MAX
    # building every product B[i, k] · A[k, j] at once needs 512 MiB, twice the limit
    assert w.size * a.shape[0] * 8 == 2 * PROBLEM.limits.memory_mib * 2**20


def test_reference_is_exact_on_sampled_stress_entries() -> None:
    """Rows 0, 1, 511 and 1023 of the full-size answer, in their first 64 columns (each
    entry depends only on its row of W and B and its column of W and A)."""
    (case,) = properties.stress_cases(random.Random(0))
    rows, columns = [0, 1, 511, 1023], slice(0, 64)
    part = {
        "w": case["w"][rows, columns],
        "a": case["a"][:, columns],
        "b": case["b"][rows],
        "alpha": case["alpha"],
    }
    got = reference_answer(PROBLEM, case)[rows, columns]
    assert numpy.max(numpy.abs(got - exact_answer(part))) <= PRECISION


def test_checker_rejects_nan_and_wrong_shapes() -> None:
    case = properties.from_example(dict(PROBLEM.examples[0].input))
    expected = reference_answer(PROBLEM, case)
    assert check(PROBLEM, case, expected.tolist()).ok
    with_nan = expected.copy()
    with_nan[0, 0] = numpy.nan
    for wrong in (with_nan, expected.T, expected[0], "not numbers", None):
        assert not check(PROBLEM, case, wrong).ok
