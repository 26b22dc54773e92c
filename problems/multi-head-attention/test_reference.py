"""The reference against multi-head attention computed token by token, head by head.

`exact_answer` shares no step with the reference: it never reshapes or transposes, but
walks every token and head in Python, slicing head h's columns h·dh … (h+1)·dh − 1 out of
the projections (exact products, 50-digit sums in mpmath), takes each softmax in that
precision and rounds only the final output. On the full-size stress case the same walk
runs in numpy's long double for a sample of tokens.
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
"""Relative (and absolute) distance allowed between the reference and the exact answer:
far inside the judge's tolerance (1e-6 relative, 1e-8 absolute)."""


def exact_answer(case: dict[str, Any]) -> numpy.ndarray:
    x, n_heads, causal = case["x"], case["n_heads"], case["causal"]
    batch, length, width = x.shape
    head_width = width // n_heads
    mpf = mpmath.mpf
    answer = numpy.zeros(x.shape)
    with mpmath.workdps(50):

        def project(w: numpy.ndarray) -> list[list[list[Any]]]:
            return [
                [
                    [
                        mpmath.fsum(mpf(x[b, t, i]) * mpf(w[i, j]) for i in range(width))
                        for j in range(width)
                    ]
                    for t in range(length)
                ]
                for b in range(batch)
            ]

        q, k, v = project(case["w_q"]), project(case["w_k"]), project(case["w_v"])
        scale = mpmath.sqrt(head_width)
        for b in range(batch):
            for t in range(length):
                keys = range(t + 1) if causal else range(length)
                merged: list[Any] = []
                for h in range(n_heads):
                    cols = range(h * head_width, (h + 1) * head_width)
                    scores = [
                        mpmath.fsum(q[b][t][c] * k[b][j][c] for c in cols) / scale for j in keys
                    ]
                    top = max(scores)
                    weights = [mpmath.exp(score - top) for score in scores]
                    total = mpmath.fsum(weights)
                    merged += [
                        mpmath.fsum(w * v[b][j][c] for w, j in zip(weights, keys, strict=True))
                        / total
                        for c in cols
                    ]
                for j in range(width):
                    answer[b, t, j] = float(
                        mpmath.fsum(merged[c] * mpf(case["w_o"][c, j]) for c in range(width))
                    )
    return answer


def assert_exact(case: dict[str, Any]) -> None:
    got = reference_answer(PROBLEM, case)
    assert got.shape == case["x"].shape and got.dtype == numpy.float64
    expected = exact_answer(case)
    error = numpy.abs(got - expected) / (1 + numpy.abs(expected))
    assert error.max() <= PRECISION, (error.max(), case)
    assert check(PROBLEM, case, expected, got).ok  # the exact answer is accepted against it


@settings(max_examples=80, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    assert_exact(case)


def test_reference_is_exact_on_the_edges() -> None:
    """One token; many heads of width 1; scores of about 10^4 (x = 10, weights all ones);
    a causal case where every token's score with itself is about -10^4 (w_k = -w_q)."""
    rng = numpy.random.default_rng(7)
    ones = numpy.ones((4, 4))
    mixed = rng.uniform(-1, 1, (4, 4))
    edges = [
        {"x": numpy.full((1, 1, 4), 10.0), "w_q": ones, "w_k": ones, "w_v": mixed, "w_o": mixed.T},
        {
            "x": rng.uniform(-10, 10, (2, 3, 4)),
            "w_q": mixed,
            "w_k": -mixed,
            "w_v": ones,
            "w_o": mixed,
        },
        {
            "x": numpy.full((1, 3, 4), 10.0) * [[[1], [-1], [0.5]]],
            "w_q": ones,
            "w_k": ones,
            "w_v": mixed,
            "w_o": ones,
        },
    ]
    for case in edges:
        for n_heads in (1, 2, 4):
            for causal in (False, True):
                assert_exact({**case, "n_heads": n_heads, "causal": causal})


def test_examples_are_the_exact_answers() -> None:
    for example in PROBLEM.examples:
        case = properties.from_example(dict(example.input))
        assert_exact(case)
        assert numpy.allclose(exact_answer(case), example.output, rtol=1e-15, atol=0)
        assert check(PROBLEM, case, example.output).ok


def test_reference_is_exact_on_sampled_stress_tokens() -> None:
    """The full-size case (not causal: every token sees all 384), token by token and head
    by head in long double, for the first and last token of each sequence and a few in
    between."""
    (case,) = properties.stress_cases(random.Random(0))
    got = reference_answer(PROBLEM, case)
    width = case["x"].shape[-1]
    wide = {name: case[name].astype(numpy.longdouble) for name in ("x", "w_q", "w_k", "w_v", "w_o")}
    q, k, v = (wide["x"] @ wide[name] for name in ("w_q", "w_k", "w_v"))
    head_width = width // case["n_heads"]
    rng = random.Random(1)
    for b in range(2):
        for t in (0, 383, *rng.sample(range(1, 383), 3)):
            merged = numpy.zeros(width, dtype=numpy.longdouble)
            for h in range(case["n_heads"]):
                cols = slice(h * head_width, (h + 1) * head_width)
                scores = k[b, :, cols] @ q[b, t, cols] / numpy.sqrt(numpy.longdouble(head_width))
                weights = numpy.exp(scores - scores.max())
                merged[cols] = weights @ v[b, :, cols] / weights.sum()
            expected = (merged @ wide["w_o"]).astype(numpy.float64)
            assert numpy.allclose(got[b, t], expected, rtol=PRECISION, atol=PRECISION), (b, t)


def test_stress_is_full_size() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    assert case["x"].shape == (2, 384, 256)
    assert all(case[name].shape == (256, 256) for name in ("w_q", "w_k", "w_v", "w_o"))
    assert case["n_heads"] == 4 and case["causal"] is False
    assert (
        numpy.abs(case["x"]).max() <= 10
        and max(numpy.abs(case[w]).max() for w in ("w_q", "w_o")) <= 1
    )


def test_checker_rejects_nan_and_wrong_shapes() -> None:
    case = properties.from_example(dict(PROBLEM.examples[0].input))
    expected = reference_answer(PROBLEM, case)
    with_nan = expected.copy()
    with_nan[0, 2, 1] = numpy.nan
    assert not check(PROBLEM, case, with_nan).ok
    assert not check(PROBLEM, case, expected[0]).ok
    assert not check(PROBLEM, case, None).ok
    assert check(PROBLEM, case, expected.tolist()).ok
