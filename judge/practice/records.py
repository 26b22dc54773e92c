"""What the practice history holds, as plain data: sets, the problems drawn, attempts.

These are the rows of the history database (`judge.practice.history` reads and writes them)
and what every other practice module and report works on. No I/O here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from judge.core.verdict import Verdict


@dataclass(frozen=True)
class SetProblem:
    """A problem as drawn into a set: the metadata stats need, frozen at drawing time."""

    position: int
    slug: str
    title: str
    difficulty: str
    category: str
    skills: tuple[str, ...]
    suggested_minutes: int
    statement_file: Path
    starter_file: Path


@dataclass(frozen=True)
class NewSet:
    started_at: datetime
    deadline: datetime
    workspace: Path
    problems_dir: Path
    seed: int
    uniform: bool
    problems: tuple[SetProblem, ...]


@dataclass(frozen=True)
class PracticeSet(NewSet):
    id: int
    finished_at: datetime | None

    @property
    def minutes(self) -> float:
        return (self.deadline - self.started_at).total_seconds() / 60

    @property
    def active(self) -> bool:
        return self.finished_at is None

    def problem(self, slug: str) -> SetProblem | None:
        return next((problem for problem in self.problems if problem.slug == slug), None)


@dataclass(frozen=True)
class GroupOutcome:
    group: str
    verdict: Verdict
    passed: int
    total: int
    score: float
    max_time_ms: float | None


@dataclass(frozen=True)
class Attempt:
    """One judged submission in a set. `elapsed_s` counts from the set's start."""

    set_id: int
    slug: str
    submitted_at: datetime
    elapsed_s: float
    late: bool
    verdict: Verdict
    score: float
    cases_passed: int
    cases_total: int
    runtime_ms: float | None
    """The slowest case's time: what the submission cost at its worst."""
    submission: str
    sandbox: str
    judge_version: str
    groups: tuple[GroupOutcome, ...] = ()
