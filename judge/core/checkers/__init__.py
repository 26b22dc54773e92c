"""Checkers: one contract, `checker(context: CheckContext) -> Check`, registered by name.

    base.py      the contract: Check, CheckContext, Tolerance, CheckerName, ExpectedAnswerError
    exact.py     exact, unordered
    numeric.py   float (NaN and infinities by rule), float-up-to-sign
    subspace.py  subspace (rows equal up to sign and rotation: PCA components)
    valid.py     valid_answer(valid, objective=...): any valid answer, for `checker: custom`
    registry.py  BUILT_IN: each `checker` name of problem.yaml (but `custom`) to its function

A checker rejects a wrong answer with the reason in words and never raises for it: what a
checker raises is the judge's fault (IE), e.g. `ExpectedAnswerError` for a broken reference.

This package's face is the contract only, free of numpy: loading a problem needs the names,
and the checkers themselves (and numpy) are imported when one is first used.
"""

from judge.core.checkers.base import (
    Check,
    CheckContext,
    Checker,
    CheckerName,
    ExpectedAnswerError,
    Tolerance,
)

__all__ = ["Check", "CheckContext", "Checker", "CheckerName", "ExpectedAnswerError", "Tolerance"]
