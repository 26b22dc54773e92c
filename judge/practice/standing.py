"""What the history says of each problem, the weakest first: its `Standing`.

    UNSOLVED     4   never accepted, in any set (problems never drawn count here too)
    FAILED_LAST  3   accepted once, but not in the last set that drew it
    SLOW_LAST    2   accepted in the last set that drew it, after more than its suggested minutes
    SOLVED       1   accepted in time the last time

The value is the problem's weight when a set is drawn (`judge.practice.draw`); every
standing but SOLVED puts the problem in the review queue (`judge.practice.stats`).
Only finished sets count: a running set says nothing yet about what is weak.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence

from judge.practice.encounters import Encounter, all_encounters
from judge.practice.records import Attempt, PracticeSet


class Standing(enum.IntEnum):
    """What the history says of one problem; the value is its weight when drawing."""

    UNSOLVED = 4
    """Never accepted in any set, including never drawn."""
    FAILED_LAST = 3
    """Accepted once, but not in the last set that drew it."""
    SLOW_LAST = 2
    """Accepted in the last set that drew it, after more than its suggested minutes."""
    SOLVED = 1
    """Accepted within its suggested minutes the last time."""


def standing(history_of_problem: Sequence[Encounter]) -> tuple[Standing, str]:
    """The problem's standing from its encounters (oldest first), and why, in words."""
    if not history_of_problem:
        return Standing.UNSOLVED, "never drawn"
    tries = sum(len(encounter.attempts) for encounter in history_of_problem)
    if not any(encounter.solved for encounter in history_of_problem):
        tried = f"{tries} attempt{'s' * (tries != 1)}" if tries else "never submitted"
        return Standing.UNSOLVED, f"never solved ({tried})"
    last = history_of_problem[-1]
    when = f"{last.practice_set.started_at:%Y-%m-%d}"
    if not last.solved:
        return Standing.FAILED_LAST, f"not solved last time ({when})"
    suggested = last.problem.suggested_minutes
    if last.solve_s is not None and last.solve_s > suggested * 60:
        return (
            Standing.SLOW_LAST,
            f"took {last.solve_s / 60:.0f} min last time ({when}), suggested {suggested}",
        )
    return Standing.SOLVED, f"solved in time last time ({when})"


def standings(
    sets: Iterable[PracticeSet], attempts: Iterable[Attempt]
) -> dict[str, tuple[Standing, str, Encounter]]:
    """Every problem the finished sets drew: its standing, why, and its last encounter.

    A running set is left out: it says nothing yet about what is weak."""
    by_slug: dict[str, list[Encounter]] = {}
    for encounter in all_encounters(sets, attempts, finished_only=True):
        by_slug.setdefault(encounter.problem.slug, []).append(encounter)
    return {slug: (*standing(found), found[-1]) for slug, found in by_slug.items()}
