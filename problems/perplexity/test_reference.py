"""The reference against a 50-digit oracle, token by token.

The oracle (`mpmath`, 50 significant digits) sums exp(logit) over each unmasked row in a
Python loop, with no shift (50 digits and mpmath's exponent range make e^1000 harmless),
takes the log, subtracts the target's logit, averages, and exponentiates: it shares no step
with the reference's shifted float64 arrays. The reference must agree within 1e-11
relative, far inside the judge's tolerance (1e-6), so it never decides a verdict.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import mpmath
import numpy
from hypothesis import Phase, find, given, settings

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties

PRECISION = 1e-11
mpmath.mp.dps = 50


def exact_nll(logits: numpy.ndarray, targets: numpy.ndarray, mask: numpy.ndarray) -> list[Any]:
    """Each unmasked token's NLL as an mpmath number, in row-major order."""
    nlls = []
    for b, t in zip(*numpy.nonzero(mask), strict=True):
        row = [mpmath.mpf(float(x)) for x in logits[b, t]]
        nlls.append(mpmath.log(mpmath.fsum(mpmath.exp(x) for x in row)) - row[targets[b, t]])
    return nlls


def exact_perplexity(case: dict[str, Any]) -> Any:
    nlls = exact_nll(case["logits"], case["targets"], case["mask"])
    return mpmath.exp(mpmath.fsum(nlls) / len(nlls))


def assert_exact(case: dict[str, Any]) -> None:
    got = reference_answer(PROBLEM, case)
    expected = exact_perplexity(case)
    assert isinstance(got, float) and numpy.isfinite(got)
    assert abs(mpmath.mpf(got) - expected) <= PRECISION * expected, (float(expected), got)
    assert check(PROBLEM, case, float(expected), got).ok


def assert_in_range(case: dict[str, Any]) -> None:
    """The statement's constraints, which every generated case must keep."""
    logits, targets, mask = case["logits"], case["targets"], case["mask"]
    b, t, v = logits.shape
    assert logits.dtype == numpy.float64 and targets.dtype == numpy.int64
    assert mask.dtype == numpy.bool_ and targets.shape == mask.shape == (b, t)
    assert min(b, t, v) >= 1 and b * t * v <= 2**21
    assert numpy.isfinite(logits).all() and numpy.abs(logits).max() <= 1000.0
    assert mask.any()
    assert ((targets[mask] >= 0) & (targets[mask] < v)).all()
    padding = targets[~mask]
    assert ((padding == -100) | ((padding >= 0) & (padding < v))).all()
    assert properties.token_nll(logits, targets)[mask].mean() <= properties.MEAN_NLL_MAX


@settings(max_examples=150, deadline=None)
@given(properties.cases())
def test_reference_is_exact_on_generated_cases(case: dict[str, Any]) -> None:
    assert_in_range(case)
    assert_exact(case)


def case_of(logits: list[Any], targets: list[Any], mask: list[Any]) -> dict[str, Any]:
    return properties.from_example({"logits": logits, "targets": targets, "mask": mask})


def test_reference_is_exact_on_the_edges() -> None:
    """V = 1 (every NLL is 0), logits of ±1000 in one row, rows 1992 apart, a token of
    NLL 2000 beside likely ones, and padding with -100 targets."""
    edges = [
        case_of([[[5.0], [-3.0]]], [[0, 0]], [[True, True]]),
        case_of([[[1000.0, -1000.0, 999.0]]], [[2]], [[True]]),
        case_of([[[996.0, 995.0]], [[-996.0, -997.0]]], [[1], [0]], [[True], [True]]),
        case_of([[[1000.0, -1000.0], [3.0, 0.0], [3.0, 0.0]]], [[1, 0, 0]], [[True] * 3]),
        case_of([[[0.0, 1.0], [7.0, 7.0]]], [[1, -100]], [[True, False]]),
    ]
    for case in edges:
        assert_in_range(case)
        assert_exact(case)
    assert reference_answer(PROBLEM, edges[0]) == 1.0


def test_examples_are_exact_and_accepted() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert_in_range(case)
        assert_exact(case)
        assert check(PROBLEM, case, example.output).ok
        expected = exact_perplexity(case)
        assert abs(mpmath.mpf(example.output) - expected) <= 1e-15 * expected


GENERATE = settings(max_examples=2000, phases=[Phase.generate], database=None)


def test_cases_reach_the_numerical_traps() -> None:
    """cases() draws, on purpose, each input that breaks a classic mistake: an unmasked
    logit past exp's overflow; two unmasked positions whose maxima are further apart than
    exp's underflow; a total NLL past the underflow of a product of probabilities; and
    sequences of unequal unmasked lengths whose own mean NLLs differ."""

    def unmasked_maxima(case: dict[str, Any]) -> numpy.ndarray:
        return case["logits"].max(axis=-1)[case["mask"]]

    def nll(case: dict[str, Any]) -> numpy.ndarray:
        return properties.token_nll(case["logits"], case["targets"])

    def unequal_means(case: dict[str, Any]) -> bool:
        mask, per_token = case["mask"], nll(case)
        counts = mask.sum(axis=1)
        means = [per_token[b][mask[b]].mean() for b in range(mask.shape[0]) if counts[b]]
        return len(set(counts[counts > 0].tolist())) > 1 and numpy.ptp(means) > 1.0

    traps = [
        lambda case: (case["logits"][case["mask"]] > 710.0).any(),
        lambda case: numpy.ptp(unmasked_maxima(case)) > 746.0,
        lambda case: nll(case)[case["mask"]].sum() > 746.0,
        unequal_means,
    ]
    for trap in traps:
        find(properties.cases(), trap, settings=GENERATE)


def test_stress_case_is_full_size() -> None:
    (case,) = properties.stress_cases(random.Random(0))
    assert_in_range(case)
    assert case["logits"].shape == (4, 64, 8192)
    lengths = case["mask"].sum(axis=1)
    assert lengths[0] == 64 and (lengths >= 32).all() and len(set(lengths.tolist())) > 1
    assert (case["targets"][~case["mask"]] == -100).all()


def test_stress_answer_matches_extended_precision() -> None:
    """The full stress case against an oracle in numpy.longdouble (64-bit mantissa on x86),
    shifted by each row's mean rather than its maximum."""
    (case,) = properties.stress_cases(random.Random(0))
    rows = case["logits"][case["mask"]].astype(numpy.longdouble)
    wanted = case["targets"][case["mask"]]
    centre = rows.mean(axis=1, keepdims=True)
    log_normaliser = centre[:, 0] + numpy.log(numpy.exp(rows - centre).sum(axis=1))
    nll = log_normaliser - rows[numpy.arange(rows.shape[0]), wanted]
    expected = numpy.exp(nll.sum() / nll.size)
    got = reference_answer(PROBLEM, case)
    assert abs(got - expected) <= PRECISION * expected, (float(expected), got)


def test_checker_rejects_nan_inf_and_shapes() -> None:
    case = sample_cases(PROBLEM)[1]
    expected = reference_answer(PROBLEM, case)
    assert check(PROBLEM, case, expected * (1 + 5e-7)).ok
    for got in (expected * (1 + 3e-6), float("nan"), float("inf"), [expected], None, True):
        assert not check(PROBLEM, case, got).ok, got
