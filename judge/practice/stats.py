"""Progress over all practice: per skill and per category, and the review queue."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

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


def compute_stats(history: History) -> Stats:
    sets, attempts = history.all_sets(), history.attempts()
    every = all_encounters(sets, attempts, finished_only=False)
    skills: dict[str, list[Encounter]] = {}
    categories: dict[str, list[Encounter]] = {}
    for encounter in every:
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
        review=tuple(review),
    )
