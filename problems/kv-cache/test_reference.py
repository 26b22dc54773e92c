"""The reference against causal multi-head attention recomputed from scratch at every step.

`exact_steps` shares no step with the reference: it keeps the tokens (not a cache), and for
each step walks every sequence and head in Python over all the tokens so far, with exact
products and 50-digit sums in mpmath, slicing head h's columns h·dh … (h+1)·dh − 1 out of
the projections, and rounds only the final output. On the full-length stress script the
same walk runs in numpy's long double for a sample of steps.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import mpmath
import numpy
from hypothesis import given, settings

from judge.authoring import Script, script_from_calls
from judge.testing import check, load_problem, reference_answer

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

PRECISION = 1e-11
"""Relative (and absolute) distance allowed between the reference and the exact answer:
far inside the judge's tolerance (1e-6 relative, 1e-8 absolute)."""


def tokens_of(script: Script) -> list[numpy.ndarray]:
    return [args[0] for step in script.steps for args in step.calls]


def exact_steps(script: Script) -> list[numpy.ndarray]:
    """Every step's answer, each as causal attention over all the tokens so far."""
    w_q, w_k, w_v, w_o, n_heads = script.init
    width = w_q.shape[0]
    head_width = width // n_heads
    mpf = mpmath.mpf
    answers = []
    with mpmath.workdps(50):

        def project(x_t: numpy.ndarray, w: numpy.ndarray) -> list[list[Any]]:
            return [
                [
                    mpmath.fsum(mpf(row[i]) * mpf(w[i, j]) for i in range(width))
                    for j in range(width)
                ]
                for row in x_t
            ]

        keys: list[list[list[Any]]] = []
        values: list[list[list[Any]]] = []
        scale = mpmath.sqrt(head_width)
        for x_t in tokens_of(script):
            q = project(x_t, w_q)
            keys.append(project(x_t, w_k))
            values.append(project(x_t, w_v))
            answer = numpy.zeros(x_t.shape)
            for b in range(len(x_t)):
                merged: list[Any] = []
                for h in range(n_heads):
                    cols = range(h * head_width, (h + 1) * head_width)
                    scores = [
                        mpmath.fsum(q[b][c] * key[b][c] for c in cols) / scale for key in keys
                    ]
                    top = max(scores)
                    weights = [mpmath.exp(score - top) for score in scores]
                    total = mpmath.fsum(weights)
                    merged += [
                        mpmath.fsum(
                            w * value[b][c] for w, value in zip(weights, values, strict=True)
                        )
                        / total
                        for c in cols
                    ]
                for j in range(width):
                    answer[b, j] = float(
                        mpmath.fsum(merged[c] * mpf(w_o[c, j]) for c in range(width))
                    )
            answers.append(answer)
    return answers


def assert_exact(script: Script) -> None:
    got = reference_answer(PROBLEM, script)
    expected = exact_steps(script)
    assert len(got) == len(expected)
    for step, (answer, exact) in enumerate(zip(got, expected, strict=True)):
        mine = numpy.asarray(answer, dtype=numpy.float64)
        assert mine.shape == exact.shape
        error = numpy.abs(mine - exact) / (1 + numpy.abs(exact))
        assert error.max() <= PRECISION, (step, error.max(), script)
    assert check(PROBLEM, script, expected, got).ok  # the exact answers are accepted against it


@settings(max_examples=80, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_scripts(script: Script) -> None:
    assert_exact(script)


def test_reference_is_exact_past_several_doublings() -> None:
    """20 steps (the cache grows at steps 1, 2, 4, 8 and 16) of three sequences, two heads,
    with keys aligned to the queries so that scores reach the hundreds."""
    rng = numpy.random.default_rng(3)
    w_q, w_v, w_o = (rng.uniform(-1, 1, (6, 6)) for _ in range(3))
    tokens = rng.uniform(-10, 10, (20, 3, 6))
    script = script_from_calls((w_q, w_q, w_v, w_o, 2), [["step", x_t] for x_t in tokens])
    assert_exact(script)


def test_examples_are_the_exact_answers() -> None:
    for example in PROBLEM.examples:
        script = properties.from_example(dict(example.input))
        assert_exact(script)
        for exact, shown in zip(exact_steps(script), example.output, strict=True):
            assert numpy.allclose(exact, shown, rtol=1e-15, atol=0)
        assert check(PROBLEM, script, example.output).ok


def test_reference_is_exact_on_sampled_stress_steps() -> None:
    """The full-length script, recomputed from the tokens in long double at the first and
    last step and a few in between."""
    (script,) = properties.stress_cases(random.Random(0))
    got = reference_answer(PROBLEM, script)
    w_q, w_k, w_v, w_o, n_heads = (
        w.astype(numpy.longdouble) if isinstance(w, numpy.ndarray) else w for w in script.init
    )
    x = numpy.stack(tokens_of(script), axis=1).astype(numpy.longdouble)  # (B, L, D)
    q, k, v = x @ w_q, x @ w_k, x @ w_v
    width = x.shape[-1]
    head_width = width // n_heads
    rng = random.Random(1)
    for t in (0, len(got) - 1, *rng.sample(range(1, len(got) - 1), 3)):
        for b in range(x.shape[0]):
            merged = numpy.zeros(width, dtype=numpy.longdouble)
            for h in range(n_heads):
                cols = slice(h * head_width, (h + 1) * head_width)
                scores = (
                    k[b, : t + 1, cols] @ q[b, t, cols] / numpy.sqrt(numpy.longdouble(head_width))
                )
                weights = numpy.exp(scores - scores.max())
                merged[cols] = weights @ v[b, : t + 1, cols] / weights.sum()
            expected = (merged @ w_o).astype(numpy.float64)
            assert numpy.allclose(got[t][b], expected, rtol=PRECISION, atol=PRECISION), (t, b)


def test_stress_is_full_length() -> None:
    (script,) = properties.stress_cases(random.Random(0))
    *weights, n_heads = script.init
    assert n_heads == 4 and all(w.shape == (384, 384) for w in weights)
    assert [step.method for step in script.steps] == ["step"]
    tokens = tokens_of(script)
    assert len(tokens) == 1024 and all(x_t.shape == (1, 384) for x_t in tokens)
    assert max(numpy.abs(x_t).max() for x_t in tokens) <= 10
    assert max(numpy.abs(w).max() for w in weights) <= 1


def test_checker_rejects_nan_wrong_shapes_and_missing_steps() -> None:
    script = properties.from_example(dict(PROBLEM.examples[0].input))
    expected = [numpy.asarray(answer) for answer in reference_answer(PROBLEM, script)]
    with_nan = [answer.copy() for answer in expected]
    with_nan[2][0, 1] = numpy.nan
    assert not check(PROBLEM, script, with_nan).ok
    assert not check(PROBLEM, script, expected[:2]).ok
    assert not check(PROBLEM, script, [answer[0] for answer in expected]).ok
    assert check(PROBLEM, script, expected).ok  # ndarrays, as a submission may return them
