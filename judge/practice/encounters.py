"""One problem in one set with the attempts made at it there, and a set's progress.

Pure derivations from the history's records: no database, no judging.

Time on a problem is an estimate: the judge cannot see which problem you are reading, so it
assumes one problem at a time and counts from the previous accepted problem in the set (or
the start) to this problem's first accepted submission.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from judge.practice.records import Attempt, PracticeSet, SetProblem


@dataclass(frozen=True)
class Encounter:
    """One problem as drawn into one set, with the attempts made at it there."""

    practice_set: PracticeSet
    problem: SetProblem
    attempts: tuple[Attempt, ...]
    solve_s: float | None
    """Estimated time spent to solve it (see the module docstring); None if never accepted."""

    @property
    def first_accepted(self) -> Attempt | None:
        return next((attempt for attempt in self.attempts if attempt.verdict.accepted), None)

    @property
    def solved(self) -> bool:
        return self.first_accepted is not None

    @property
    def solved_on_time(self) -> bool:
        accepted = self.first_accepted
        return accepted is not None and not accepted.late

    @property
    def first_try(self) -> bool | None:
        """Was the first submission accepted? None when nothing was submitted."""
        return self.attempts[0].verdict.accepted if self.attempts else None

    @property
    def best_score(self) -> float:
        """The best score submitted before the deadline: the one the set counts."""
        return max((a.score for a in self.attempts if not a.late), default=0.0)


def encounters(practice_set: PracticeSet, attempts: Iterable[Attempt]) -> tuple[Encounter, ...]:
    """The set's problems with their attempts (others' are ignored) and estimated times."""
    mine = [attempt for attempt in attempts if attempt.set_id == practice_set.id]
    by_slug = {
        problem.slug: tuple(a for a in mine if a.slug == problem.slug)
        for problem in practice_set.problems
    }
    accepted_at = sorted(
        (next(a.elapsed_s for a in tried if a.verdict.accepted), slug)
        for slug, tried in by_slug.items()
        if any(a.verdict.accepted for a in tried)
    )
    solve_s: dict[str, float] = {}
    previous = 0.0
    for elapsed, slug in accepted_at:
        solve_s[slug] = round(elapsed - previous, 3)
        previous = elapsed
    return tuple(
        Encounter(practice_set, problem, by_slug[problem.slug], solve_s.get(problem.slug))
        for problem in practice_set.problems
    )


def all_encounters(
    sets: Iterable[PracticeSet], attempts: Iterable[Attempt], *, finished_only: bool
) -> list[Encounter]:
    """Every (set, problem) pair of `sets` (given oldest first), in that order."""
    by_set: dict[int, list[Attempt]] = {}
    for attempt in attempts:
        by_set.setdefault(attempt.set_id, []).append(attempt)
    return [
        encounter
        for practice_set in sets
        if not (finished_only and practice_set.active)
        for encounter in encounters(practice_set, by_set.get(practice_set.id, ()))
    ]


@dataclass(frozen=True)
class Progress:
    """A set as it stands at `now`: what `status` shows and `finish` summarises."""

    practice_set: PracticeSet
    now: datetime
    encounters: tuple[Encounter, ...]

    @property
    def time_left_s(self) -> float:
        """Seconds to the deadline; negative once it has passed."""
        until = self.practice_set.finished_at or self.now
        return (self.practice_set.deadline - until).total_seconds()

    @property
    def solved_on_time(self) -> int:
        return sum(encounter.solved_on_time for encounter in self.encounters)

    @property
    def solved_late(self) -> int:
        return sum(e.solved and not e.solved_on_time for e in self.encounters)

    @property
    def score(self) -> float:
        """The mean over the set's problems of the best score submitted in time (0-100)."""
        scores = [encounter.best_score for encounter in self.encounters]
        return round(sum(scores) / len(scores), 1) if scores else 0.0
