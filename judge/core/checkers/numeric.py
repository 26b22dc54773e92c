"""`float` and `float-up-to-sign`: numbers and arrays within the problem's tolerance.

The rule (`float_mismatch`), value by value, in float64:

- the answer must be numbers of the expected shape: an int or float, a rectangular (nested)
  list or tuple of them, or an ndarray of an integer or float dtype. Integers and floats of
  any width compare by value. An empty answer matches an empty expected answer whatever the
  two shapes (nested lists cannot spell a shape like (1, 0, 0));
- booleans are not numbers: where the reference answers booleans (a mask), the answer must
  be booleans, equal one for one; where it answers numbers, booleans are refused (so is a
  list mixing the two);
- NaN in the answer is always wrong;
- an expected +inf or -inf must be met by the same infinity;
- an expected finite value must be met by a finite value within abs + rel·|expected|;
- NaN in the reference's answer, or a reference answer that is not numbers, is a bug in the
  reference: `ExpectedAnswerError`, which makes the case IE.

A rejection names how many values are wrong and the first wrong one (row-major order): its
index, the expected value, the value got and why it is wrong.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy
from numpy.typing import NDArray

from judge.core.checkers.base import Check, CheckContext, ExpectedAnswerError, Tolerance

Numbers = NDArray[Any]
"""An ndarray of dtype bool or float64."""


def as_numbers(value: Any) -> Numbers | str:
    """`value` as an ndarray of booleans or of float64; or, in words, what it is instead."""
    if isinstance(value, numpy.ndarray):
        array = value
    elif isinstance(value, (bool, int, float, numpy.generic, list, tuple)):
        try:
            array = numpy.asarray(value)
        except (ValueError, TypeError, OverflowError):
            return "a list whose rows differ in length"
    else:
        return "None" if value is None else f"a value of type {type(value).__name__}"
    kind = array.dtype.kind
    if kind == "b":
        return array
    if kind in "iuf":
        if isinstance(value, (list, tuple)) and _mixes_booleans(value, array.ndim):
            return "a list mixing booleans and numbers"
        return array.astype(numpy.float64)
    if isinstance(value, int):
        return "an integer too large for a float"
    if kind in "US":
        return "text"
    if kind == "O":
        return "a list holding something other than numbers, or rows of different lengths"
    return f"an array of dtype {array.dtype}"


def _mixes_booleans(value: list[Any] | tuple[Any, ...], ndim: int) -> bool:
    """Whether a rectangular list numpy read as numbers holds a boolean (numpy reads True as 1)."""
    items: Any = value
    for _ in range(ndim - 1):
        items = itertools.chain.from_iterable(items)
    kinds = set(map(type, items))
    return bool in kinds or numpy.bool_ in kinds


def expected_numbers(expected: Any) -> Numbers:
    """The reference's answer as numbers, with no NaN; anything else is the reference's bug."""
    numbers = as_numbers(expected)
    if isinstance(numbers, str):
        raise ExpectedAnswerError(f"the reference's answer is not numbers: it is {numbers}")
    if numbers.dtype.kind == "f" and numpy.isnan(numbers).any():
        where = _index(numpy.argwhere(numpy.isnan(numbers))[0])
        place = f"holds NaN at index {where}" if numbers.ndim else "is NaN"
        raise ExpectedAnswerError(f"the reference's answer {place}: a bug in the reference")
    return numbers


def float_mismatch(expected: Any, got: Any, tolerance: Tolerance) -> str | None:
    """Why `got` is not `expected` by the rule above, or None when it is right."""
    want = expected_numbers(expected)
    have = as_numbers(got)
    if isinstance(have, str):
        return f"expected {_numbers_word(want)}, got {have}"
    if want.size == 0 and have.size == 0:
        return None
    if have.shape != want.shape:
        return f"expected shape {want.shape}, got shape {have.shape}"
    if (want.dtype.kind == "b") != (have.dtype.kind == "b"):
        return f"expected {_numbers_word(want)}, got {_numbers_word(have)}"
    if want.dtype.kind == "b":
        wrong = want != have
    else:
        with numpy.errstate(all="ignore"):
            allowed = tolerance.abs + tolerance.rel * numpy.abs(want)
            off = numpy.abs(have - want)
            right = numpy.where(
                numpy.isinf(want), have == want, numpy.isfinite(have) & (off <= allowed)
            )
        wrong = ~right
    if not wrong.any():
        return None
    first = tuple(int(i) for i in numpy.argwhere(wrong)[0])
    count = int(wrong.sum())
    detail = _why(want[first], have[first], tolerance)
    if want.ndim == 0:
        return detail
    which = "the first" if count > 1 else "it is"
    return f"{count} of {want.size} values wrong, {which} at index {_index(first)}: {detail}"


def _why(want: Any, have: Any, tolerance: Tolerance) -> str:
    """One wrong value in words: expected, got, and the rule it breaks."""
    shown = f"expected {_show(want)}, got {_show(have)}"
    if isinstance(want, numpy.bool_):
        return shown
    want, have = float(want), float(have)
    if numpy.isnan(have):
        return f"{shown} (NaN is never right)"
    if numpy.isinf(want):
        return f"{shown} (an infinity must be met by the same infinity)"
    if numpy.isinf(have):
        return f"{shown} (a finite value was expected)"
    allowed = tolerance.abs + tolerance.rel * abs(want)
    return f"{shown} (off by {abs(have - want):.3g}, allowed {allowed:.3g})"


def _show(value: Any) -> str:
    return repr(bool(value)) if isinstance(value, numpy.bool_) else repr(float(value))


def _numbers_word(numbers: Numbers) -> str:
    return "booleans" if numbers.dtype.kind == "b" else "numbers"


def _index(index: Any) -> str:
    """An array position as '[i, j]'."""
    return f"[{', '.join(str(int(i)) for i in index)}]"


def close(context: CheckContext) -> Check:
    """Numbers or arrays equal within the problem's tolerance, by the rule above."""
    return Check.unless(float_mismatch(context.expected, context.got, context.tolerance))


def align_signs(got: Any, expected: Any) -> Any:
    """`got` with each vector along its last axis negated where that brings it closer to
    `expected`'s (a negative dot product): eigenvectors and singular vectors are defined up
    to sign. Anything that is not numbers of the expected shape is returned unchanged, for
    `float_mismatch` to name what is wrong with it."""
    want, have = as_numbers(expected), as_numbers(got)
    if isinstance(want, str) or isinstance(have, str) or have.shape != want.shape:
        return got
    if want.dtype.kind == "b" or have.dtype.kind == "b" or have.size == 0:
        return got
    rows_want = want.reshape(-1, want.shape[-1] if want.ndim else 1)
    rows_have = have.reshape(rows_want.shape)
    with numpy.errstate(all="ignore"):
        flip = numpy.einsum("ij,ij->i", rows_have, rows_want) < 0
    return numpy.where(flip[:, None], -rows_have, rows_have).reshape(have.shape)


def close_up_to_sign(context: CheckContext) -> Check:
    """Like `close`, each row (vector along the last axis) of the answer taken up to sign."""
    aligned = align_signs(context.got, context.expected)
    reason = float_mismatch(context.expected, aligned, context.tolerance)
    return Check.unless(None if reason is None else f"{reason} (each row taken up to sign)")
