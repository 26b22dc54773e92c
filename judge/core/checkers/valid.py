"""Checkers that accept any valid answer: the problem says what valid means, in words.

    valid(case, got) -> str | None      None when `got` is a valid answer to `case`, else
                                        why not (the report shows it as the WA's message)

and, optionally, an objective the answer must reach as well as the reference's answer does
(an LCS's length, a path's cost, whether a pair exists): compared within the problem's
tolerance, worse is the submission's WA, better is the reference's bug (IE).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from judge.core.cases import Case
from judge.core.checkers.base import Check, CheckContext, Checker, ExpectedAnswerError, Tolerance

Valid = Callable[[Case, Any], str | None]
"""`valid(case, got)`: None for a valid answer, else the reason it is not, in words."""
Objective = Callable[[Case, Any], float]
"""`objective(case, answer)`: a number (int, float or bool) to compare with the reference's."""


class Goal(str, enum.Enum):
    """How an answer's objective must compare with the reference's answer's."""

    MIN = "min"
    """As small as the reference's (a cost): larger is WA, smaller is the reference's bug."""
    MAX = "max"
    """As large as the reference's (a length, a score): smaller is WA, larger is a bug."""
    EQUAL = "equal"
    """The same as the reference's (whether an answer exists, a count)."""


def valid_answer(
    valid: Valid,
    *,
    objective: Objective | None = None,
    goal: Goal | str = Goal.EQUAL,
    name: str = "objective",
) -> Checker:
    """A checker that accepts every answer `valid` finds no fault with and, given an
    `objective`, whose objective meets the reference's by `goal` (the word `name` names it
    in messages, e.g. "length").

    `valid` sees the decoded answer, which may be anything the wire carries (None, a str,
    a list of the wrong length...): it must return a reason for those, not raise, since
    whatever a checker raises is the judge's fault (IE). `objective` is called only on
    answers `valid` accepted, and on the reference's answer.
    """
    goal = Goal(goal)

    def check(context: CheckContext) -> Check:
        reason = valid(context.case, context.got)
        if reason is not None:
            return Check.reject(reason)
        if objective is None:
            return Check.accept()
        got = objective(context.case, context.got)
        best = objective(context.case, context.expected)
        return Check.unless(_compare(got, best, goal, name, context.tolerance))

    check.__doc__ = (
        f"Any valid answer ({getattr(valid, '__name__', 'valid')}), {name}: {goal.value}."
    )
    return check


def _compare(got: float, best: float, goal: Goal, name: str, tolerance: Tolerance) -> str | None:
    if abs(got - best) <= tolerance.abs + tolerance.rel * abs(best):
        return None
    if goal is Goal.EQUAL:
        return f"a valid answer, but its {name} is {got!r} where {best!r} was expected"
    worse = got > best if goal is Goal.MIN else got < best
    if worse:
        best_word = "smallest" if goal is Goal.MIN else "largest"
        return f"a valid answer, but its {name} is {got!r}; the {best_word} possible is {best!r}"
    raise ExpectedAnswerError(
        f"the submission's valid answer has {name} {got!r}, better than the reference's "
        f"{best!r}: the reference is not optimal"
    )
