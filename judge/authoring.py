"""The small public API for problem authors: what `properties.py` files import from judge.

A properties module defines:

    cases() -> SearchStrategy[Case]          property cases (small, edge and typical)
    stress_cases(rng: random.Random) -> list[Case]   cases at the stated maximum sizes
    check(context: CheckContext) -> Check    only when problem.yaml says `checker: custom`
    from_example(values: dict) -> Case       optional: turn a YAML example into a case

For a function entry point a case is a dict of argument name to value. For a class entry
point it is a `Script`: constructor arguments, then batches of method calls; `calls(...)`
draws scripts whose failures shrink to the shortest failing sequence of calls.

Checkers for `checker: custom`, built rather than written:

    check = valid_answer(valid, objective=..., goal="max", name="length")  # any valid answer
    check = subspace_checker(orthonormal=False)                            # any basis

and the rules of the built-in checkers, to reuse inside a custom one: `float_mismatch`,
`subspace_mismatch` (each None or the reason in words) and `align_signs`.

Only re-exports: the definitions live in `judge.core`, and may move there; this face stays.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from judge.core.cases import Case, Remote, Script, Step, calls, script_from_calls, stream
from judge.core.checkers.base import (
    Check,
    CheckContext,
    Checker,
    ExpectedAnswerError,
    Tolerance,
)
from judge.core.checkers.valid import Goal, valid_answer

if TYPE_CHECKING:
    from judge.core.checkers.numeric import align_signs, float_mismatch
    from judge.core.checkers.subspace import subspace_checker, subspace_mismatch

_NUMPY_BACKED = {
    "align_signs": "judge.core.checkers.numeric",
    "float_mismatch": "judge.core.checkers.numeric",
    "subspace_checker": "judge.core.checkers.subspace",
    "subspace_mismatch": "judge.core.checkers.subspace",
}
"""Imported on first use: a package that needs none of them (most do not) does not pay
numpy's import in every judgement (PEP 562)."""


def __getattr__(name: str) -> Any:
    if name in _NUMPY_BACKED:
        return getattr(importlib.import_module(_NUMPY_BACKED[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Case",
    "Check",
    "CheckContext",
    "Checker",
    "ExpectedAnswerError",
    "Goal",
    "Remote",
    "Script",
    "Step",
    "Tolerance",
    "align_signs",
    "calls",
    "float_mismatch",
    "script_from_calls",
    "stream",
    "subspace_checker",
    "subspace_mismatch",
    "valid_answer",
]
