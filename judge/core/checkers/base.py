"""The checker contract: `checker(context: CheckContext) -> Check`, and nothing else.

A checker sees only decoded wire data (lists, tuples, numbers, strings, None, ndarrays), so
no submission object can answer `==` for itself. It must reject a malformed answer with a
reason in words, never raise for it: whatever a checker raises is the judge's fault (IE),
which is what `ExpectedAnswerError` is for, when the reference's own answer is broken.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from judge.core.cases import Case


class CheckerName(str, enum.Enum):
    """The `checker` field of problem.yaml (`registry.BUILT_IN` maps all but `custom`)."""

    EXACT = "exact"
    """Equal to the reference's answer (tuples and lists alike)."""
    UNORDERED = "unordered"
    """The reference's items in any order, with multiplicity."""
    FLOAT = "float"
    """Numbers or arrays within the tolerance; an expected ±inf met exactly; NaN never right."""
    FLOAT_UP_TO_SIGN = "float-up-to-sign"
    """As `float`, each row (vector along the last axis) up to sign: eigenvectors."""
    SUBSPACE = "subspace"
    """Orthonormal rows spanning the reference's row space: PCA components."""
    CUSTOM = "custom"
    """The package's own `check(context)` in properties.py (e.g. built by `valid_answer`)."""


@dataclass(frozen=True)
class Tolerance:
    """How far a number may be from the reference's: |got - expected| <= abs + rel·|expected|.

    Unit-scale quantities (cosines, sines of angles, entries of Q·Qᵀ) are allowed abs + rel.
    """

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
    """A checker's answer: accepted or not, and why not (shown to the user in the report)."""

    ok: bool
    message: str = ""

    @classmethod
    def accept(cls) -> Check:
        return cls(True)

    @classmethod
    def reject(cls, message: str) -> Check:
        return cls(False, message)

    @classmethod
    def unless(cls, reason: str | None) -> Check:
        """Accepted when `reason` is None, else rejected with it."""
        return cls.accept() if reason is None else cls.reject(reason)


Checker = Callable[[CheckContext], Check]


class ExpectedAnswerError(ValueError):
    """The reference's answer cannot be right (NaN, not numbers, dependent rows...): raised
    by a checker, so the case is the judge's fault (IE), never the submission's WA."""
