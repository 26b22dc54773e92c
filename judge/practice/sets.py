"""Timed practice sets on top of the judging core: draw, write a workspace, submit, finish, stats.

One set runs at a time (the history refuses a second). Everything a set needs after `start`
is in the history database, so any terminal, before or after a reboot, can carry it on.

How problems are drawn. Each matching problem gets a weight from its `Standing`, what the
history says of it (the weakest first):

    UNSOLVED     4   never accepted, in any set (problems never drawn count here too)
    FAILED_LAST  3   accepted once, but not in the last set that drew it
    SLOW_LAST    2   accepted in the last set that drew it, after more than its suggested minutes
    SOLVED       1   accepted in time the last time

and `count` problems are drawn without replacement with probability proportional to weight
(Efraimidis–Spirakis: key = u^(1/w), keep the largest). `uniform` gives every problem weight 1.
The seed is recorded, so the same seed over the same history draws the same set.

Time on a problem is an estimate: the judge cannot see which problem you are reading, so it
assumes one problem at a time and counts from the previous accepted problem in the set (or
the start) to this problem's first accepted submission.
"""

from __future__ import annotations

import enum
import random
import secrets
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from judge.core.catalog import Filters
from judge.core.engine import JudgeOptions, judge
from judge.core.errors import UsageError
from judge.core.problem import Problem, load_problem
from judge.core.starter import full_statement, starter_file
from judge.core.verdict import Report, Verdict
from judge.practice.clock import Clock
from judge.practice.history import Attempt, GroupOutcome, History, NewSet, PracticeSet, SetProblem
from judge.sandbox import OpenedSandbox

DEFAULT_COUNT = 3


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


# --- one problem in one set -------------------------------------------------------------


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


def all_encounters(history: History, *, finished_only: bool) -> list[Encounter]:
    """Every (set, problem) pair in the history, oldest set first."""
    by_set: dict[int, list[Attempt]] = {}
    for attempt in history.attempts():
        by_set.setdefault(attempt.set_id, []).append(attempt)
    return [
        encounter
        for practice_set in history.all_sets()
        if not (finished_only and practice_set.active)
        for encounter in encounters(practice_set, by_set.get(practice_set.id, ()))
    ]


# --- drawing a set ----------------------------------------------------------------------


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


def standings(history: History) -> dict[str, tuple[Standing, str, Encounter]]:
    """Every problem the finished sets drew: its standing, why, and its last encounter.

    A running set is left out: it says nothing yet about what is weak."""
    by_slug: dict[str, list[Encounter]] = {}
    for encounter in all_encounters(history, finished_only=True):
        by_slug.setdefault(encounter.problem.slug, []).append(encounter)
    return {slug: (*standing(found), found[-1]) for slug, found in by_slug.items()}


def choose(
    candidates: Sequence[Problem],
    weights: dict[str, float],
    count: int,
    rng: random.Random,
) -> list[Problem]:
    """`count` problems without replacement, each as likely as its weight (default 1)."""
    keyed = sorted(
        (
            (rng.random() ** (1.0 / weights.get(problem.slug, 1.0)), problem.slug, problem)
            for problem in sorted(candidates, key=lambda problem: problem.slug)
        ),
        key=lambda item: (item[0], item[1]),
        reverse=True,
    )
    return [problem for _, _, problem in keyed[:count]]


def weights_for(history: History, candidates: Sequence[Problem]) -> dict[str, float]:
    known = standings(history)
    return {
        problem.slug: float(known[problem.slug][0] if problem.slug in known else Standing.UNSOLVED)
        for problem in candidates
    }


@dataclass(frozen=True)
class StartRequest:
    filters: Filters
    count: int = DEFAULT_COUNT
    minutes: int | None = None
    """None: the sum of the drawn problems' suggested minutes."""
    seed: int | None = None
    """None: a fresh random seed (recorded with the set)."""
    uniform: bool = False
    workspace: Path | None = None
    """None: ./practice-<local start time>."""


def describe(filters: Filters) -> str:
    parts = [
        ("difficulty", [d.value for d in filters.difficulties]),
        ("level", [level.value for level in filters.levels]),
        ("category", [c.value for c in filters.categories]),
        ("tag", list(filters.tags)),
    ]
    said = [f"{name} {' or '.join(values)}" for name, values in parts if values]
    return ", ".join(said) if said else "no filter"


def start_set(
    history: History,
    problems: Sequence[Problem],
    problems_dir: Path,
    request: StartRequest,
    clock: Clock,
) -> PracticeSet:
    """Draw the set, write its workspace, record it and its deadline: the clock is running."""
    running = history.active_set()
    if running is not None:
        raise UsageError(
            f"a practice set is already running (started {running.started_at:%Y-%m-%d %H:%M} "
            f"UTC, workspace {running.workspace}): `judge practice finish` it first"
        )
    matching = request.filters.select(problems)
    if len(matching) < request.count:
        raise UsageError(
            f"only {len(matching)} problem(s) in {problems_dir} match ({describe(request.filters)}),"
            f" fewer than the {request.count} asked for: loosen the filters or lower --count"
        )
    seed = request.seed if request.seed is not None else secrets.randbits(31)
    weights = {} if request.uniform else weights_for(history, matching)
    chosen = choose(matching, weights, request.count, random.Random(seed))
    started = clock.now()
    workspace = (
        request.workspace or Path(f"practice-{started.astimezone():%Y%m%d-%H%M%S}")
    ).resolve()
    drawn = write_workspace(workspace, chosen)
    minutes = request.minutes or sum(problem.practice_minutes for problem in chosen)
    return history.create_set(
        NewSet(
            started_at=started,
            deadline=started + timedelta(minutes=minutes),
            workspace=workspace,
            problems_dir=problems_dir.resolve(),
            seed=seed,
            uniform=request.uniform,
            problems=drawn,
        )
    )


def write_workspace(workspace: Path, chosen: Sequence[Problem]) -> tuple[SetProblem, ...]:
    """Each statement as <slug>.md and a starter as <slug>.py; never overwrites a file."""
    drawn = tuple(
        SetProblem(
            position=position,
            slug=problem.slug,
            title=problem.title,
            difficulty=problem.difficulty.value,
            category=problem.category.value,
            skills=problem.skills,
            suggested_minutes=problem.practice_minutes,
            statement_file=workspace / f"{problem.slug}.md",
            starter_file=workspace / f"{problem.slug}.py",
        )
        for position, problem in enumerate(chosen, 1)
    )
    taken = [
        path for item in drawn for path in (item.statement_file, item.starter_file) if path.exists()
    ]
    if taken:
        raise UsageError(f"{taken[0]} exists: choose another --dir (practice never overwrites)")
    workspace.mkdir(parents=True, exist_ok=True)
    for problem, item in zip(chosen, drawn, strict=True):
        item.statement_file.write_text(full_statement(problem), encoding="utf-8")
        item.starter_file.write_text(starter_file(problem), encoding="utf-8")
    return drawn


# --- a running set ----------------------------------------------------------------------


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


def require_active(history: History) -> PracticeSet:
    running = history.active_set()
    if running is None:
        raise UsageError("no practice set is running: start one with `judge practice start`")
    return running


def progress(history: History, practice_set: PracticeSet, clock: Clock) -> Progress:
    found = encounters(practice_set, history.attempts(practice_set.id))
    return Progress(practice_set, clock.now(), found)


@dataclass(frozen=True)
class Submitted:
    report: Report
    attempt: Attempt | None
    """None when the judge failed (IE): its own fault is not held against the user."""


def submit(
    history: History,
    slug: str,
    file: Path | None,
    opened: OpenedSandbox,
    clock: Clock,
    *,
    problems_dir: Path | None = None,
    options: JudgeOptions | None = None,
    judge_with: Callable[[Problem, Path, OpenedSandbox, JudgeOptions], Report] = judge,
) -> Submitted:
    """Judge FILE (default: the workspace's starter) for SLUG, then record the attempt.

    The attempt is written only once judging has finished, in one transaction: an
    interrupted judgement records nothing. Time counts from the moment of submission.
    """
    running = require_active(history)
    drawn = running.problem(slug)
    if drawn is None:
        slugs = ", ".join(problem.slug for problem in running.problems)
        raise UsageError(f"{slug!r} is not in the running set ({slugs})")
    submission = (file or drawn.starter_file).resolve()
    if not submission.is_file():
        raise UsageError(f"no submission file at {submission}")
    folder = problems_dir or running.problems_dir
    if not (folder / slug).is_dir():
        raise UsageError(f"problem {slug!r} is no longer in {folder}: give --problems DIR")
    problem = load_problem(folder / slug)
    if submission.read_text(encoding="utf-8", errors="replace") == starter_file(problem):
        # Judging it costs a full run and a failed attempt, and says nothing about the user.
        raise UsageError(f"{submission} is still the untouched starter: write a solution first")
    submitted_at = clock.now()
    report = judge_with(problem, submission, opened, options or JudgeOptions())
    if report.verdict is Verdict.IE:
        return Submitted(report, None)
    attempt = attempt_from(report, running, slug, submitted_at)
    history.record_attempt(attempt)
    return Submitted(report, attempt)


def attempt_from(
    report: Report, practice_set: PracticeSet, slug: str, submitted_at: datetime
) -> Attempt:
    cases = report.cases
    times = [case.time_ms for case in cases if case.time_ms is not None]
    return Attempt(
        set_id=practice_set.id,
        slug=slug,
        submitted_at=submitted_at,
        elapsed_s=round((submitted_at - practice_set.started_at).total_seconds(), 3),
        late=submitted_at > practice_set.deadline,
        verdict=report.verdict,
        score=report.score,
        cases_passed=sum(case.verdict.accepted for case in cases),
        cases_total=len(cases),
        runtime_ms=max(times) if times else None,
        submission=report.submission,
        sandbox=report.sandbox.kind,
        judge_version=report.judge_version,
        groups=tuple(
            GroupOutcome(
                group.group.value,
                group.verdict,
                sum(case.verdict.accepted for case in group.cases),
                len(group.cases),
                group.score,
                group.max_time_ms,
            )
            for group in report.groups
        ),
    )


def finish(history: History, clock: Clock) -> Progress:
    """Close the running set; its progress, frozen at the finishing time, is the summary."""
    running = require_active(history)
    finished = history.finish_set(running.id, clock.now())
    return progress(history, finished, clock)


# --- stats over all history -------------------------------------------------------------


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
    every = all_encounters(history, finished_only=False)
    skills: dict[str, list[Encounter]] = {}
    categories: dict[str, list[Encounter]] = {}
    for encounter in every:
        for skill in encounter.problem.skills:
            skills.setdefault(skill, []).append(encounter)
        categories.setdefault(encounter.problem.category, []).append(encounter)
    review = sorted(
        (
            ReviewItem(slug, last.problem.title, level, reason, last.practice_set.started_at)
            for slug, (level, reason, last) in standings(history).items()
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
