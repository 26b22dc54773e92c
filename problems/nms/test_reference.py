"""The NMS reference against greedy NMS in exact rational arithmetic, the examples, the stress
cases, and the custom checker against right and wrong answers of every shape."""

from __future__ import annotations

import functools
import random
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy
from hypothesis import given, settings

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def overlap(a1: Fraction, a2: Fraction, b1: Fraction, b2: Fraction) -> Fraction:
    """Length of the intersection of the intervals [a1, a2] and [b1, b2]."""
    return max(Fraction(0), min(a2, b2) - max(a1, b1))


def exact_nms(case: dict[str, Any]) -> tuple[list[int], bool]:
    """Greedy NMS with every IoU an exact fraction of the doubles as given, and whether
    some compared pair was within 1e-12 of the threshold without equalling it (there the
    statement accepts either decision). Shares no code with the reference or the checker."""
    boxes = [[Fraction(v) for v in row] for row in case["boxes"].tolist()]
    scores = case["scores"].tolist()
    threshold = Fraction(case["iou_threshold"])
    area = [(x2 - x1) * (y2 - y1) for x1, y1, x2, y2 in boxes]
    kept: list[int] = []
    undecidable = False
    for j in sorted(range(len(scores)), key=lambda i: (-scores[i], i)):
        suppressed = False
        for i in kept:
            inter = overlap(boxes[i][0], boxes[i][2], boxes[j][0], boxes[j][2]) * overlap(
                boxes[i][1], boxes[i][3], boxes[j][1], boxes[j][3]
            )
            union = area[i] + area[j] - inter
            iou = inter / union if union else Fraction(0)
            undecidable |= iou != threshold and abs(iou - threshold) <= Fraction(1, 10**12)
            suppressed |= iou > threshold
        if not suppressed:
            kept.append(j)
    return kept, undecidable


@functools.cache
def stress() -> list[tuple[dict[str, Any], list[int]]]:
    """The stress cases with the reference's answers (computed once)."""
    cases = properties.stress_cases(random.Random(0))
    return [(case, reference_answer(PROBLEM, case)) for case in cases]


def assert_in_range(case: dict[str, Any]) -> None:
    boxes, scores, threshold = case["boxes"], case["scores"], case["iou_threshold"]
    assert boxes.dtype == numpy.float64 and boxes.ndim == 2 and boxes.shape[1] == 4
    assert scores.dtype == numpy.float64 and scores.shape == (len(boxes),)
    assert len(boxes) <= properties.N_MAX
    assert numpy.all(numpy.abs(boxes) <= properties.COORD_MAX)
    assert numpy.all(boxes[:, :2] <= boxes[:, 2:])
    assert numpy.all(numpy.isfinite(scores))
    assert 0.0 <= threshold <= 1.0


@settings(max_examples=150, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_exact_greedy_nms(case: dict[str, Any]) -> None:
    assert_in_range(case)
    got = reference_answer(PROBLEM, case)
    exact, undecidable = exact_nms(case)
    assert all(type(i) is int for i in got)
    if not undecidable:
        assert got == exact
    assert check(PROBLEM, case, got).ok
    assert check(PROBLEM, case, exact).ok  # the exact answer is accepted too


def test_examples_are_the_exact_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert_in_range(case)
        assert exact_nms(case) == (example.output, False)
        assert check(PROBLEM, case, example.output).ok


def test_planted_pairs_sit_exactly_on_the_threshold() -> None:
    """Each (width, shift) pair of the planted strategy has the IoU its threshold claims,
    exactly; the dyadic ones decide (kept), the others are left to either decision."""
    for width, shift in properties.PLANTED:
        case = properties._case(
            [[0, 0, width, 1], [shift, 0, shift + width, 1]],
            [2.0, 1.0],
            (width - shift) / (width + shift),
        )
        exact, undecidable = exact_nms(case)
        dyadic = Fraction(case["iou_threshold"]).denominator in (1, 2, 4)
        assert undecidable is not dyadic
        if dyadic:
            assert exact == [0, 1] == reference_answer(PROBLEM, case)
            assert not check(PROBLEM, case, [0]).ok  # `>=` would drop box 1
        else:
            assert check(PROBLEM, case, [0]).ok and check(PROBLEM, case, [0, 1]).ok


def test_stress_cases_reach_the_maxima() -> None:
    assert properties.stress_cases(random.Random(0))[1]["boxes"].tobytes() == (
        stress()[1][0]["boxes"].tobytes()
    )  # deterministic
    cases = [case for case, _ in stress()]
    assert len(cases) == 2
    for case in cases:
        assert_in_range(case)
        assert len(case["boxes"]) == properties.N_MAX
    (sparse, sparse_kept), (clustered, clustered_kept) = stress()
    assert len(sparse_kept) > 0.99 * properties.N_MAX  # ~n²/2 pairs compared
    assert numpy.abs(sparse["boxes"]).max() > 0.99 * properties.COORD_MAX
    assert len(clustered_kept) < 0.5 * properties.N_MAX  # most are suppressed
    assert len(numpy.unique(clustered["scores"])) < 30  # tied scores
    widths = clustered["boxes"][:, 2] - clustered["boxes"][:, 0]
    assert numpy.count_nonzero(widths == 0) > 50  # zero-area boxes
    for case in cases:  # the exact oracle on 200 neighbouring boxes (by x1) of each
        rows = numpy.argsort(case["boxes"][:, 0])[3000:3200]
        part = properties._case(case["boxes"][rows], case["scores"][rows], 0.5)
        assert reference_answer(PROBLEM, part) == exact_nms(part)[0]


def test_checker_accepts_the_reference_at_full_size() -> None:
    for case, answer in stress():
        assert check(PROBLEM, case, numpy.array(answer)).ok
        assert not check(PROBLEM, case, answer[:-1]).ok  # the last kept box is missing


def test_checker_rejects_wrong_answers_with_a_reason() -> None:
    case = properties.from_example(dict(PROBLEM.examples[0].input))  # right answer: [1, 2]
    wrong = {
        "None": None,
        "a string": "1, 2",
        "floats": [1.0, 2.0],
        "booleans": [True, False],
        "a float array": numpy.array([1.0, 2.0]),
        "a 2-D array": numpy.array([[1, 2]]),
        "out of range": [1, 3],
        "negative": [1, -1],
        "a duplicate": [1, 2, 2],
        "the wrong order": [2, 1],
        "a suppressed box kept": [1, 0, 2],
        "a box missing": [1],
        "nothing": [],
    }
    for name, got in wrong.items():
        verdict = check(PROBLEM, case, got)
        assert not verdict.ok, name
        assert verdict.message, name
    for right in ([1, 2], (1, 2), numpy.array([1, 2]), numpy.array([1, 2], dtype=numpy.int32)):
        assert check(PROBLEM, case, right).ok


def test_checker_accepts_either_decision_only_where_floating_point_cannot_decide() -> None:
    """IoU 3/10 against the double 0.3 (just below 3/10): both answers are right. IoU 1/2
    against 0.5 (equal): only keeping is. IoU 0.31 against 0.3: only suppressing is."""
    undecided = properties._case([[0, 0, 10, 1], [0, 0, 3, 1]], [2.0, 1.0], 0.3)
    assert exact_nms(undecided)[1]  # IoU 3/10, a hair above the double 0.3
    assert check(PROBLEM, undecided, [0]).ok and check(PROBLEM, undecided, [0, 1]).ok
    equal = properties._case([[0, 0, 4, 1], [0, 0, 2, 1]], [2.0, 1.0], 0.5)
    assert check(PROBLEM, equal, [0, 1]).ok and not check(PROBLEM, equal, [0]).ok
    above = properties._case([[0, 0, 100, 1], [0, 0, 31, 1]], [2.0, 1.0], 0.3)
    assert check(PROBLEM, above, [0]).ok and not check(PROBLEM, above, [0, 1]).ok


def test_ties_go_by_lower_index_and_zero_area_boxes_stay() -> None:
    tied = properties._case([[0, 0, 2, 2], [0, 0, 2, 2], [5, 5, 6, 6]], [1.0, 1.0, 1.0], 0.5)
    assert reference_answer(PROBLEM, tied) == [0, 2]
    assert not check(PROBLEM, tied, [1, 2]).ok and not check(PROBLEM, tied, [2, 0]).ok
    points = properties._case([[1, 1, 1, 1], [1, 1, 1, 1], [0, 0, 0, 5]], [3.0, 2.0, 1.0], 0.0)
    assert reference_answer(PROBLEM, points) == [0, 1, 2]
    assert not check(PROBLEM, points, [0, 2]).ok
