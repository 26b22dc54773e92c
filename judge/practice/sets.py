"""Timed practice sets on top of the judging core: start, submit, progress, finish.

One set runs at a time (the history refuses a second). Everything a set needs after `start`
is in the history database, so any terminal, before or after a reboot, can carry it on.

Which problems are drawn is `judge.practice.draw`; the files written, `workspace`; what a
set's attempts add up to, `encounters`; progress over all sets, `stats`.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from judge.core.catalog import Filters
from judge.core.engine import JudgeOptions, judge
from judge.core.errors import UsageError
from judge.core.problem import Problem, load_problem
from judge.core.starter import starter_file
from judge.core.verdict import Report, Verdict
from judge.practice.clock import Clock
from judge.practice.draw import choose, weights_for
from judge.practice.encounters import Progress, encounters
from judge.practice.history import History
from judge.practice.records import Attempt, GroupOutcome, NewSet, PracticeSet
from judge.practice.workspace import write_workspace
from judge.sandbox import OpenedSandbox

DEFAULT_COUNT = 3


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


# --- a running set ----------------------------------------------------------------------


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
