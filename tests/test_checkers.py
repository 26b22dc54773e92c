"""The built-in checkers and the authoring helpers, rule by rule.

float: infinities met exactly, NaN never right (and a reference bug when expected), shapes,
booleans apart from numbers, the tolerance's edges. float-up-to-sign and subspace: random
rotations, permutations and sign flips accepted, another space refused. valid_answer: the
reasons in words, the objective compared with the reference's.
"""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from judge.authoring import (
    Check,
    CheckContext,
    ExpectedAnswerError,
    Tolerance,
    align_signs,
    float_mismatch,
    subspace_checker,
    valid_answer,
)
from judge.core.checkers import CheckerName
from judge.core.checkers.numeric import close, close_up_to_sign
from judge.core.checkers.registry import BUILT_IN
from judge.core.checkers.subspace import subspace
from judge.core.engine import JudgeOptions, judge
from judge.core.errors import ProblemError
from judge.core.problem import load_problem
from judge.core.verdict import Group, SandboxInfo, Verdict
from judge.sandbox import OpenedSandbox
from judge.sandbox.fake import FakeSandbox

ADD = Path(__file__).parent / "fixtures" / "problems" / "add"
SUBMISSIONS = Path(__file__).parent / "fixtures" / "submissions"
TIGHT = Tolerance(rel=1e-6, abs=1e-9)
INF = math.inf


def context(
    expected: Any, got: Any, tolerance: Tolerance = TIGHT, case: Any = None
) -> CheckContext:
    return CheckContext(case=case, expected=expected, got=got, tolerance=tolerance)


def message(checker: Any, expected: Any, got: Any, tolerance: Tolerance = TIGHT) -> str:
    """The rejection's reason (the test fails if the answer is accepted)."""
    result = checker(context(expected, got, tolerance))
    assert isinstance(result, Check) and not result.ok, "accepted, but should not be"
    return str(result.message)


def accepted(checker: Any, expected: Any, got: Any, tolerance: Tolerance = TIGHT) -> bool:
    result = checker(context(expected, got, tolerance))
    assert isinstance(result, Check)
    return bool(result.ok)


# --- registry and problem.yaml ---------------------------------------------------------------
def test_every_name_but_custom_is_registered() -> None:
    assert set(BUILT_IN) == set(CheckerName) - {CheckerName.CUSTOM}


def test_the_contract_is_importable_without_numpy() -> None:
    """Loading problems needs the names only: numpy waits for the first check."""
    code = "import sys, judge.core.checkers; print('numpy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def _add_with(tmp_path: Path, **fields: Any) -> Path:
    folder = tmp_path / "add"
    shutil.copytree(ADD, folder)
    data = yaml.safe_load((folder / "problem.yaml").read_text())
    data.update(fields)
    (folder / "problem.yaml").write_text(yaml.safe_dump(data))
    return folder


@pytest.mark.parametrize(
    ("name", "function"),
    [("float", close), ("float-up-to-sign", close_up_to_sign), ("subspace", subspace)],
)
def test_problem_yaml_names_the_new_checkers(tmp_path: Path, name: str, function: Any) -> None:
    problem = load_problem(_add_with(tmp_path, checker=name, tolerance={"rel": 0, "abs": 0.5}))
    assert problem.checker is function
    assert problem.tolerance == Tolerance(rel=0.0, abs=0.5)


@pytest.mark.parametrize(
    ("tolerance", "why"),
    [
        ({"rel": -1e-6}, r"tolerance\.rel'?: must be at least 0"),
        ({"abs": float("inf")}, r"tolerance\.abs'?: must be a finite number"),
        ({"rel": math.nan}, r"tolerance\.rel'?: must be a finite number"),
    ],
)
def test_tolerance_must_be_finite_and_not_negative(
    tmp_path: Path, tolerance: dict[str, float], why: str
) -> None:
    folder = _add_with(tmp_path, checker="float", tolerance=tolerance)
    with pytest.raises(ProblemError, match=why):
        load_problem(folder)


# --- float: the rule -----------------------------------------------------------------------
def test_equal_numbers_in_any_spelling_are_accepted() -> None:
    expected = numpy.array([[0.5, -2.0], [3.0, 1e-12]])
    for got in (expected, expected.tolist(), tuple(map(tuple, expected.tolist()))):
        assert accepted(close, expected, got)
    assert accepted(close, expected, expected.astype(numpy.float32), Tolerance(rel=1e-6))
    assert accepted(close, 3.0, 3)  # an int for a float: numbers compare by value
    assert accepted(close, [1, 2], numpy.array([1.0, 2.0]))
    assert accepted(close, numpy.zeros((1, 0, 0)), [])  # lists cannot spell (1, 0, 0)


def test_an_expected_infinity_must_be_met_by_the_same_infinity() -> None:
    expected = numpy.array([INF, -INF, 1.0])
    assert accepted(close, expected, numpy.array([INF, -INF, 1.0]))
    assert message(close, expected, numpy.array([INF, INF, 1.0])) == (
        "1 of 3 values wrong, it is at index [1]: expected -inf, got inf "
        "(an infinity must be met by the same infinity)"
    )
    assert "expected inf, got 1.7976931348623157e+308" in message(
        close, expected, numpy.array([numpy.finfo(float).max, -INF, 1.0])
    )
    assert message(close, INF, 1e300) == (
        "expected inf, got 1e+300 (an infinity must be met by the same infinity)"
    )


def test_a_finite_expected_value_must_be_finite() -> None:
    loose = Tolerance(rel=1.0, abs=1e300)  # even a huge tolerance does not admit infinity
    assert message(close, [0.0, 1.0], numpy.array([0.0, INF]), loose) == (
        "1 of 2 values wrong, it is at index [1]: expected 1.0, got inf (a finite value was expected)"
    )


def test_nan_in_the_answer_is_always_wrong() -> None:
    got = numpy.array([[1.0, math.nan], [math.nan, 4.0]])
    assert message(close, [[1.0, 2.0], [3.0, 4.0]], got, Tolerance(rel=1e9, abs=1e9)) == (
        "2 of 4 values wrong, the first at index [0, 1]: expected 2.0, got nan (NaN is never right)"
    )
    assert message(close, INF, math.nan) == "expected inf, got nan (NaN is never right)"


def test_nan_in_the_expected_answer_is_a_reference_bug() -> None:
    with pytest.raises(
        ExpectedAnswerError, match=r"holds NaN at index \[1\]: a bug in the reference"
    ):
        close(context(numpy.array([1.0, math.nan]), numpy.array([1.0, 2.0])))
    with pytest.raises(ExpectedAnswerError, match="is NaN"):
        close(context(math.nan, 1.0))
    with pytest.raises(ExpectedAnswerError, match="not numbers: it is None"):
        close(context(None, 1.0))


def test_shapes_must_match() -> None:
    assert message(close, numpy.zeros((2, 3)), numpy.zeros((3, 2))) == (
        "expected shape (2, 3), got shape (3, 2)"
    )
    assert message(close, 1.0, [1.0]) == "expected shape (), got shape (1,)"
    assert message(close, [1.0, 2.0], [[1.0, 2.0]]) == "expected shape (2,), got shape (1, 2)"


@pytest.mark.parametrize(
    ("got", "what"),
    [
        (None, "None"),
        ("1.0", "a value of type str"),
        ({"x": 1.0}, "a value of type dict"),
        ([[1.0, 2.0], [3.0]], "a list whose rows differ in length"),
        ([1.0, None], "a list holding something other than numbers, or rows of different lengths"),
        (["a", "b"], "text"),
        (10**400, "an integer too large for a float"),
    ],
)
def test_answers_that_are_not_numbers_are_named(got: Any, what: str) -> None:
    assert message(close, [1.0, 2.0], got) == f"expected numbers, got {what}"


def test_booleans_are_not_numbers() -> None:
    mask = numpy.array([True, False, True])
    assert accepted(close, mask, [True, False, True])
    assert message(close, mask, [1, 0, 1]) == "expected booleans, got numbers"
    assert message(close, [1.0, 0.0], numpy.array([True, False])) == (
        "expected numbers, got booleans"
    )
    assert message(close, 1.0, True) == "expected numbers, got booleans"
    assert message(close, [1.0, 0.0], [True, 0.0]) == (
        "expected numbers, got a list mixing booleans and numbers"
    )
    assert message(close, mask, numpy.array([True, True, True])) == (
        "1 of 3 values wrong, it is at index [1]: expected False, got True"
    )


def test_absolute_tolerance_edge() -> None:
    tolerance = Tolerance(rel=0.0, abs=0.25)  # binary fractions: the edge is exact
    assert accepted(close, 0.0, 0.25, tolerance)
    assert accepted(close, 0.0, -0.25, tolerance)
    assert message(close, 0.0, math.nextafter(0.25, 1.0), tolerance).endswith(
        "(off by 0.25, allowed 0.25)"
    )


def test_relative_tolerance_edge() -> None:
    tolerance = Tolerance(rel=0.25, abs=0.0)
    assert accepted(close, 4.0, 5.0, tolerance) and accepted(close, 4.0, 3.0, tolerance)
    assert not accepted(close, 4.0, math.nextafter(5.0, 6.0), tolerance)
    assert not accepted(close, -4.0, -2.5, tolerance)  # relative to |expected|, not to got
    assert accepted(close, 0.0, 0.0, tolerance) and not accepted(close, 0.0, 1e-300, tolerance)


def test_tolerances_add_up() -> None:
    tolerance = Tolerance(rel=0.5, abs=1.0)  # allowed 1 + 0.5 · 4 = 3 around 4
    assert accepted(close, 4.0, 7.0, tolerance) and accepted(close, 4.0, 1.0, tolerance)
    assert not accepted(close, 4.0, 7.5, tolerance)


def test_huge_finite_values_far_apart_are_not_mistaken_for_close() -> None:
    big = numpy.finfo(float).max
    assert not accepted(close, big, -big, Tolerance(rel=0.0, abs=1.0))


finite = st.floats(-1e6, 1e6, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(finite, min_size=1, max_size=12),
    fractions=st.data(),
    rel=st.sampled_from([0.0, 1e-9, 1e-6, 1e-3]),
    abs_=st.sampled_from([0.0, 1e-12, 1e-9, 1e-3]),
)
def test_within_tolerance_accepted_beyond_it_rejected(
    values: list[float], fractions: st.DataObject, rel: float, abs_: float
) -> None:
    tolerance = Tolerance(rel=rel, abs=abs_)
    expected = numpy.array(values)
    allowed = abs_ + rel * numpy.abs(expected)
    inside = fractions.draw(
        st.lists(st.floats(-0.5, 0.5), min_size=len(values), max_size=len(values))
    )
    assert accepted(close, expected, expected + numpy.array(inside) * allowed, tolerance)
    wrong = fractions.draw(st.integers(0, len(values) - 1))
    got = expected.copy()
    got[wrong] += 2 * allowed[wrong] + 1e-3 * max(1.0, abs(got[wrong]))
    assert f"index [{wrong}]" in message(close, expected, got, tolerance)


wire_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=3)
    | st.builds(numpy.array, st.lists(st.floats(), max_size=4)),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(got=wire_values)
def test_any_decoded_answer_gets_a_check_never_an_exception(got: Any) -> None:
    for checker in (close, close_up_to_sign):
        assert isinstance(checker(context([[1.0, 2.0], [3.0, 4.0]], got)), Check)
    assert isinstance(subspace(context(numpy.eye(2), got)), Check)


# --- float-up-to-sign ------------------------------------------------------------------------
def test_each_row_may_be_negated() -> None:
    rng = numpy.random.default_rng(1)
    expected = rng.standard_normal((5, 4))
    flipped = expected * numpy.array([1, -1, -1, 1, -1])[:, None]
    assert accepted(close_up_to_sign, expected, flipped)
    assert not accepted(close, expected, flipped)
    assert accepted(close_up_to_sign, expected[0], -expected[0])  # one vector
    assert numpy.array_equal(align_signs(flipped, expected), expected)
    wrong = flipped.copy()
    wrong[2, 1] += 1.0
    assert message(close_up_to_sign, expected, wrong).endswith("(each row taken up to sign)")
    assert "index [2, 1]" in message(close_up_to_sign, expected, wrong)


def test_up_to_sign_is_not_up_to_a_sign_per_value() -> None:
    expected = numpy.array([[1.0, 2.0]])
    assert not accepted(close_up_to_sign, expected, numpy.array([[-1.0, 2.0]]))


# --- subspace ----------------------------------------------------------------------------------
def _orthonormal_rows(rng: numpy.random.Generator, k: int, d: int) -> NDArray[Any]:
    q: NDArray[Any] = numpy.linalg.qr(rng.standard_normal((d, k)))[0]
    return numpy.ascontiguousarray(q.T)


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), k=st.integers(1, 5), extra=st.integers(0, 6))
def test_rotations_sign_flips_and_permutations_are_accepted(seed: int, k: int, extra: int) -> None:
    rng = numpy.random.default_rng(seed)
    expected = _orthonormal_rows(rng, k, k + extra)
    rotation = _orthonormal_rows(rng, k, k)  # a random orthogonal matrix, k by k
    signs = rng.choice([-1.0, 1.0], size=k)[:, None]
    got = (signs * (rotation @ expected))[rng.permutation(k)]
    assert accepted(subspace, expected, got)
    assert accepted(
        subspace_checker(orthonormal=False), expected, got * rng.uniform(0.5, 2, (k, 1))
    )


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), k=st.integers(1, 4), extra=st.integers(1, 6))
def test_a_different_subspace_is_rejected(seed: int, k: int, extra: int) -> None:
    rng = numpy.random.default_rng(seed)
    basis = _orthonormal_rows(rng, k + extra, k + extra)  # an orthonormal basis of the space
    expected, other = basis[:k], numpy.concatenate([basis[: k - 1], basis[k : k + 1]])
    reason = message(subspace, expected, other)
    assert reason.startswith("the rows span a different space: the largest principal angle")
    assert "is 90°" in reason


def test_a_small_angle_is_within_tolerance_and_a_large_one_is_not() -> None:
    expected = numpy.array([[1.0, 0.0, 0.0]])

    def turned(angle: float) -> NDArray[Any]:
        return numpy.array([[math.cos(angle), math.sin(angle), 0.0]])

    assert accepted(subspace, expected, turned(1e-8), Tolerance(rel=1e-6, abs=0.0))
    assert "(sin 0.001, allowed 1e-06)" in message(
        subspace, expected, turned(1e-3), Tolerance(rel=1e-6, abs=0.0)
    )


def test_subspace_wants_orthonormal_rows() -> None:
    expected = numpy.eye(3)[:2]
    assert message(subspace, expected, numpy.array([[2.0, 0, 0], [0, 1, 0]])) == (
        "the rows must be orthonormal, but row 0 has length 2"
    )
    assert message(subspace, expected, numpy.array([[1.0, 0, 0], [0.6, 0.8, 0]])) == (
        "the rows must be orthonormal, but rows 0 and 1 have dot product 0.6 (allowed 1e-06)"
    )
    any_basis = subspace_checker(orthonormal=False)
    assert accepted(any_basis, expected, numpy.array([[1.0, 0, 0], [0.6, 0.8, 0]]))
    assert message(any_basis, expected, numpy.array([[1.0, 0, 0], [2.0, 0, 0]])) == (
        "the 2 rows are linearly dependent: they span only 1 dimension(s)"
    )


def test_subspace_shapes_and_values() -> None:
    expected = numpy.eye(3)[:2]
    assert message(subspace, expected, numpy.eye(3)) == "expected shape (2, 3), got shape (3, 3)"
    assert message(subspace, expected, [[1.0, 0, 0], [0, math.nan, 0]]) == (
        "row 1 holds NaN or an infinity"
    )
    assert (
        message(subspace, expected, "rows") == "expected rows of numbers, got a value of type str"
    )
    assert accepted(subspace, [0.0, 0.6, 0.8], [0.0, -0.6, -0.8])  # one vector, up to sign
    with pytest.raises(ExpectedAnswerError, match="span only 1 dimension"):
        subspace(context(numpy.array([[1.0, 0], [2.0, 0]]), numpy.eye(2)))
    with pytest.raises(ExpectedAnswerError, match="finite rows of numbers"):
        subspace(context(numpy.zeros((2, 2, 2)), numpy.zeros((2, 2, 2))))


# --- valid_answer -----------------------------------------------------------------------------
def _common_subsequence(case: dict[str, str], got: Any) -> str | None:
    if not isinstance(got, str):
        return f"the answer must be a str, got {type(got).__name__}"
    for name in ("a", "b"):
        letters = iter(case[name])
        if not all(letter in letters for letter in got):
            return f"{got!r} is not a subsequence of {name}"
    return None


LCS = valid_answer(
    _common_subsequence, objective=lambda case, answer: len(answer), goal="max", name="length"
)
CASE = {"a": "abcd", "b": "acbd"}  # two longest common subsequences: "abd" and "acd"


def lcs(got: Any, expected: str = "abd") -> Check:
    return LCS(context(expected, got, case=CASE))


def test_any_valid_answer_is_accepted() -> None:
    assert lcs("abd").ok and lcs("acd").ok and lcs("acd", expected="abd").ok


def test_the_reason_in_words_is_the_rejection_message() -> None:
    assert lcs(None).message == "the answer must be a str, got NoneType"
    assert lcs("da").message == "'da' is not a subsequence of a"
    assert lcs("abcd").message == "'abcd' is not a subsequence of b"


def test_a_worse_objective_is_rejected_and_a_better_one_is_the_references_bug() -> None:
    assert lcs("ad").message == "a valid answer, but its length is 2; the largest possible is 3"
    with pytest.raises(ExpectedAnswerError, match="the reference is not optimal"):
        lcs("abd", expected="ad")


def test_objectives_compare_within_the_tolerance() -> None:
    def cost(case: Any, answer: Any) -> float:
        return float(sum(answer))

    cheapest = valid_answer(lambda case, got: None, objective=cost, goal="min", name="cost")
    tolerance = Tolerance(rel=0.0, abs=0.5)
    assert cheapest(context([1.0, 2.0], [1.25, 2.0], tolerance)).ok
    assert cheapest(context([1.0, 2.0], [2.0, 2.0], tolerance)).message == (
        "a valid answer, but its cost is 4.0; the smallest possible is 3.0"
    )
    exists = valid_answer(lambda case, got: None, objective=lambda case, answer: answer is not None)
    assert exists(context((0, 1), None)).message == (
        "a valid answer, but its objective is False where True was expected"
    )
    with pytest.raises(ValueError, match="'best' is not a valid Goal"):
        valid_answer(lambda case, got: None, goal="best")


def _top_k(case: dict[str, Any], got: Any) -> str | None:
    """Top k with ties: the k largest values, in decreasing order, and for each an index
    holding it; which of several equal values is free. The values part reuses the float rule."""
    x, k = case["x"], case["k"]
    if not isinstance(got, (list, tuple)) or len(got) != 2:
        return "the answer must be a pair (values, indices)"
    values, indices = got
    reason = float_mismatch(numpy.sort(x)[::-1][:k], values, Tolerance())
    if reason is not None:
        return f"values: {reason}"
    if not isinstance(indices, list) or not all(type(i) is int for i in indices):
        return "indices must be a list of int"
    if len(indices) != k or len(set(indices)) != k or not all(0 <= i < len(x) for i in indices):
        return f"indices must be {k} distinct positions of x"
    wrong = [i for i, value in zip(indices, values, strict=True) if x[i] != value]
    return f"x[{wrong[0]}] is not the value beside it" if wrong else None


def test_a_valid_answer_helper_can_reuse_the_float_rule() -> None:
    top_k = valid_answer(_top_k)
    case = {"x": numpy.array([3.0, 5.0, 3.0, 1.0]), "k": 2}

    def judged(got: Any) -> Check:
        return top_k(context(None, got, case=case))

    assert judged(([5.0, 3.0], [1, 0])).ok and judged(([5.0, 3.0], [1, 2])).ok
    assert judged(([5.0, 3.0], [1, 3])).message == "x[3] is not the value beside it"
    assert judged(([5.0, math.nan], [1, 0])).message == (
        "values: 1 of 2 values wrong, it is at index [1]: expected 3.0, got nan (NaN is never right)"
    )


VALID_ADD = """

from judge.authoring import valid_answer


def _valid(case, got):
    if type(got) is not int:
        return f"the answer must be an int, got {type(got).__name__}"
    if got != case["a"] + case["b"]:
        return f"{got} is not {case['a']} + {case['b']}"
    return None


check = valid_answer(_valid)
"""


def test_the_reason_reaches_the_report(tmp_path: Path) -> None:
    folder = _add_with(tmp_path, checker="custom")
    with (folder / "properties.py").open("a") as properties:
        properties.write(VALID_ADD)
    problem = load_problem(folder)
    sandbox = FakeSandbox.importing()
    opened = OpenedSandbox(sandbox, SandboxInfo(kind=sandbox.kind))
    options = JudgeOptions(max_examples=25)
    assert judge(problem, SUBMISSIONS / "ok.py", opened, options).verdict is Verdict.AC
    report = judge(problem, SUBMISSIONS / "wa_negative.py", opened, options)
    failure = report.first_failure
    assert report.verdict is Verdict.WA and failure is not None
    assert failure.group is Group.PROPERTIES and failure.shrunk
    assert (failure.input, failure.message) == ("a=0, b=-1", "1 is not 0 + -1")


def test_exact_names_where_two_lists_part() -> None:
    """For a class problem the answer is the list of what each call returned: the first
    differing item says which call went wrong."""
    exact = BUILT_IN[CheckerName.EXACT]

    def why(got: Any, expected: Any) -> str:
        return exact(CheckContext(None, expected, got, Tolerance())).message

    assert why([[9, 5], [9, 5]], [[9, 5], (9, 7)]) == "item 1 differs: expected (9, 7), got [9, 5]"
    assert why([1, None], [1, 2]) == "item 1 differs: expected 2, got None"
    assert why([1], [1, 2]) == "expected 2 items, got 1"
    assert why(3, 4) == "the answer differs from the expected one"
    assert exact(CheckContext(None, [(1, 2)], [[1, 2]], Tolerance())).ok
