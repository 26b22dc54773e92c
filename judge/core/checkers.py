"""Built-in checkers: one contract, `checker(context) -> Check`, registered by name.

A checker sees only decoded wire data (lists, tuples, numbers, strings, None, ndarrays), so
no submission object can answer `==` for itself. Checkers must reject malformed answers
with a message rather than raise: an exception from a checker is the judge's fault (IE).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy

from judge.core.cases import Case


class CheckerName(str, enum.Enum):
    """The `checker` field of problem.yaml."""

    EXACT = "exact"
    """Equal to the reference's answer (tuples and lists alike)."""
    UNORDERED = "unordered"
    """The reference's items in any order, with multiplicity."""
    FLOAT = "float"
    """Numbers or arrays within the problem's tolerance."""
    CUSTOM = "custom"
    """The package's own `check(context)` in properties.py."""


@dataclass(frozen=True)
class Tolerance:
    """How far a float answer may be from the reference's: |got - expected| <= abs + rel·|expected|."""

    rel: float = 1e-6
    abs: float = 1e-9


@dataclass(frozen=True)
class CheckContext:
    """Everything a checker may look at. `got` is decoded data, never a submission object."""

    case: Case
    expected: Any
    got: Any
    tolerance: Tolerance


@dataclass(frozen=True)
class Check:
    """A checker's answer: accepted or not, and why not (shown to the user)."""

    ok: bool
    message: str = ""

    @classmethod
    def accept(cls) -> Check:
        return cls(True)

    @classmethod
    def reject(cls, message: str) -> Check:
        return cls(False, message)


Checker = Callable[[CheckContext], Check]


def canonical(value: Any) -> Any:
    """Tuples as lists and arrays as nested lists, so `(1, 2)` and `[1, 2]` compare equal.

    Booleans keep their own identity: `True` is not accepted for `1`.
    """
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (list, tuple)):
        return [canonical(item) for item in value]
    if isinstance(value, numpy.ndarray):
        return canonical(value.tolist())
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    return value


def exact(context: CheckContext) -> Check:
    """The answer must equal the reference's (tuples and lists alike)."""
    if canonical(context.got) == canonical(context.expected):
        return Check.accept()
    return Check.reject("the answer differs from the expected one")


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


def close(context: CheckContext) -> Check:
    """Numbers or arrays equal within the problem's relative and absolute tolerance."""
    expected = numpy.asarray(context.expected, dtype=numpy.float64)
    try:
        got = numpy.asarray(context.got, dtype=numpy.float64)
    except (TypeError, ValueError):
        return Check.reject(f"expected numbers of shape {expected.shape}, got something else")
    if got.size == 0 and expected.size == 0:
        return Check.accept()  # nested lists cannot spell empty shapes like (1, 0, 0)
    if got.shape != expected.shape:
        return Check.reject(f"expected shape {expected.shape}, got {got.shape}")
    if not numpy.all(numpy.isfinite(got)):
        return Check.reject("the answer holds NaN or infinity")
    tolerance = context.tolerance
    within = numpy.isclose(got, expected, rtol=tolerance.rel, atol=tolerance.abs)
    if within.all():
        return Check.accept()
    worst = numpy.unravel_index(numpy.argmax(numpy.abs(got - expected)), got.shape)
    return Check.reject(
        f"{int((~within).sum())} value(s) out of tolerance; e.g. at index {tuple(map(int, worst))}: "
        f"expected {float(expected[worst])!r}, got {float(got[worst])!r}"
    )


BUILT_IN: dict[CheckerName, Checker] = {
    CheckerName.EXACT: exact,
    CheckerName.UNORDERED: unordered,
    CheckerName.FLOAT: close,
}
