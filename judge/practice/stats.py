"""Progress over all practice: per skill, per category and per problem, and the review queue."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from judge.core.verdict import Verdict
from judge.practice.encounters import Encounter, all_encounters
from judge.practice.history import History
from judge.practice.standing import Standing, standings


@dataclass(frozen=True)
class StatsRow:
    """One skill or category over every set."""

    name: str
    drawn: int
    """Distinct problems drawn into a set."""
    tried: int
    """Distinct problems submitted at least once."""
    attempts: int
    solved: int
    """Distinct problems accepted at least once (late included)."""
    first_try_rate: float | None
    """Share of (set, problem) pairs with submissions whose first submission was accepted."""
    median_solve_s: float | None


@dataclass(frozen=True)
class ProblemRow:
    """One problem over every set it was drawn into."""

    slug: str
    title: str
    drawn: int
    """Sets it was drawn into."""
    attempts: int
    best_score: float | None
    """The best score of any submission, late ones included; None when never submitted."""
    last_verdict: Verdict | None
    solve_s: float | None
    """The median estimated time to solve it, over the sets where it was solved."""


@dataclass(frozen=True)
class ReviewItem:
    slug: str
    title: str
    standing: Standing
    reason: str
    last_drawn: datetime


@dataclass(frozen=True)
class Stats:
    sets: int
    attempts: int
    skills: tuple[StatsRow, ...]
    categories: tuple[StatsRow, ...]
    problems: tuple[ProblemRow, ...]
    """Every problem ever drawn, by slug."""
    review: tuple[ReviewItem, ...]
    """Problems failed or solved slowly, weakest first: exactly those drawn more often."""


def _row(name: str, found: Sequence[Encounter]) -> StatsRow:
    tried = [encounter for encounter in found if encounter.attempts]
    times = [e.solve_s for e in found if e.solve_s is not None]
    return StatsRow(
        name=name,
        drawn=len({encounter.problem.slug for encounter in found}),
        tried=len({encounter.problem.slug for encounter in tried}),
        attempts=sum(len(encounter.attempts) for encounter in found),
        solved=len({encounter.problem.slug for encounter in found if encounter.solved}),
        first_try_rate=(
            round(sum(bool(e.first_try) for e in tried) / len(tried), 3) if tried else None
        ),
        median_solve_s=round(statistics.median(times), 1) if times else None,
    )


def _problem_row(found: Sequence[Encounter]) -> ProblemRow:
    attempts = [attempt for encounter in found for attempt in encounter.attempts]
    latest = max(attempts, key=lambda attempt: attempt.submitted_at, default=None)
    times = [e.solve_s for e in found if e.solve_s is not None]
    return ProblemRow(
        slug=found[-1].problem.slug,
        title=found[-1].problem.title,
        drawn=len(found),
        attempts=len(attempts),
        best_score=max((attempt.score for attempt in attempts), default=None),
        last_verdict=latest.verdict if latest else None,
        solve_s=round(statistics.median(times), 1) if times else None,
    )


def compute_stats(history: History) -> Stats:
    sets, attempts = history.all_sets(), history.attempts()
    every = all_encounters(sets, attempts, finished_only=False)
    skills: dict[str, list[Encounter]] = {}
    categories: dict[str, list[Encounter]] = {}
    problems: dict[str, list[Encounter]] = {}
    for encounter in every:
        problems.setdefault(encounter.problem.slug, []).append(encounter)
        for skill in encounter.problem.skills:
            skills.setdefault(skill, []).append(encounter)
        categories.setdefault(encounter.problem.category, []).append(encounter)
    review = sorted(
        (
            ReviewItem(slug, last.problem.title, level, reason, last.practice_set.started_at)
            for slug, (level, reason, last) in standings(sets, attempts).items()
            if level is not Standing.SOLVED
        ),
        key=lambda item: (-item.standing, item.last_drawn, item.slug),
    )
    return Stats(
        sets=len({encounter.practice_set.id for encounter in every}),
        attempts=sum(len(encounter.attempts) for encounter in every),
        skills=tuple(_row(name, skills[name]) for name in sorted(skills)),
        categories=tuple(_row(name, categories[name]) for name in sorted(categories)),
        problems=tuple(_problem_row(problems[slug]) for slug in sorted(problems)),
        review=tuple(review),
    )
