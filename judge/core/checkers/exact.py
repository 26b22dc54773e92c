"""`exact` and `unordered`: the answer is the reference's, item for item or as a multiset."""

from __future__ import annotations

from typing import Any

import numpy

from judge.core.checkers.base import Check, CheckContext

_SELF_CANONICAL = frozenset({int, float, str, type(None)})


def canonical(value: Any) -> Any:
    """Tuples as lists and arrays as nested lists, so `(1, 2)` and `[1, 2]` compare equal.

    Booleans keep their own identity: `True` is not accepted for `1`.
    """
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (list, tuple)):
        if set(map(type, value)) <= _SELF_CANONICAL:  # 10^5 distances: no call per item
            return list(value)
        return [canonical(item) for item in value]
    if isinstance(value, numpy.ndarray):
        return canonical(value.tolist())
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    return value


def exact(context: CheckContext) -> Check:
    """The answer must equal the reference's (tuples and lists alike)."""
    got, expected = canonical(context.got), canonical(context.expected)
    if got == expected:
        return Check.accept()
    return Check.reject(_first_difference(context.got, context.expected, got, expected))


def _first_difference(raw_got: Any, raw_expected: Any, got: Any, expected: Any) -> str:
    """Where two lists part (for a class problem: which call's result), or a plain no."""
    if not (isinstance(got, list) and isinstance(expected, list)):
        return "the answer differs from the expected one"
    if len(got) != len(expected):
        return f"expected {len(expected)} items, got {len(got)}"
    index = next(i for i, (a, b) in enumerate(zip(got, expected, strict=True)) if a != b)
    return (
        f"item {index} differs: expected {_short(raw_expected[index])}, "
        f"got {_short(raw_got[index])}"
    )


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value.tolist() if isinstance(value, numpy.ndarray) else value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unordered(context: CheckContext) -> Check:
    """The answer must hold the reference's items in any order (with multiplicity)."""
    got, expected = canonical(context.got), canonical(context.expected)
    if not isinstance(got, list):
        return Check.reject(f"expected a list, got {type(context.got).__name__}")
    try:
        same = sorted(got, key=repr) == sorted(expected, key=repr)
    except TypeError:
        same = False
    return Check.accept() if same else Check.reject("the items differ from the expected ones")
