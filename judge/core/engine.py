"""Judge one submission against one problem: samples, then properties, then stress → Report.

Hypothesis runs on the host and drives every example through the live session. Property
failures are found in a first pass without shrinking; a WA or RE is then replayed with
the same seed and shrunk through the same session (milliseconds a step), within a budget.
TLE, MLE and OLE are not shrunk: each step would cost a killed sandbox (and a time limit).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, Verbosity, given, seed, settings

from judge import __version__
from judge.core.calibrate import StressLimit, stress_limit
from judge.core.errors import ProblemError
from judge.core.problem import Problem
from judge.core.runner import Runner, SubmissionRejected
from judge.core.stress import stress_suite
from judge.core.verdict import CaseResult, Group, GroupResult, Limits, Report, Verdict, overall
from judge.sandbox import OpenedSandbox

DEFAULT_SEED = 0
SHRINK_STEPS = 300
"""Cases tried while shrinking a failure; past them the smallest failure so far stands. A
count, not a duration, so that two runs on different machines shrink to the same input."""
SHRINK_BUDGET_S = 15.0
"""A wall-clock bound on shrinking (each step slow but under its limit); the report says so
when it stops a shrink, since then the minimal input may differ between machines."""
SHRINK_RESTARTS = 3
"""Sandbox restarts shrinking may cause: a failure that ends the session (a crash) costs a
new sandbox per step, and a slow import makes each one dear."""
NOTHING_PASSED = (
    "every sample failed, so the properties and stress groups were not judged (score 0)"
)
SHRINKABLE = (Verdict.WA, Verdict.RE)
"""Verdicts worth shrinking: cheap to reproduce. TLE, MLE and OLE each cost a killed sandbox."""


@dataclass(frozen=True)
class JudgeOptions:
    seed: int = DEFAULT_SEED
    time_limit_s: float | None = None
    """Overrides the problem's time limit for every group (stress included)."""
    memory_limit_mib: int | None = None
    max_examples: int | None = None


class _CaseFailed(Exception):
    """Raised inside the Hypothesis test so that Hypothesis shrinks a failing example."""

    def __init__(self, result: CaseResult) -> None:
        super().__init__(result.verdict.value)
        self.result = result


class _Stop(BaseException):
    """A BaseException, so Hypothesis stops at once: no shrinking, no replay of the case."""

    def __init__(self, result: CaseResult) -> None:
        super().__init__()
        self.result = result


def judge(
    problem: Problem, submission: Path, opened: OpenedSandbox, options: JudgeOptions
) -> Report:
    """The whole judgement. Never raises for the submission's faults; IE for the judge's."""
    started = time.monotonic()
    limits = Limits(
        time_s=options.time_limit_s or problem.limits.time_s,
        memory_mib=options.memory_limit_mib or problem.limits.memory_mib,
        output_kib=problem.limits.output_kib,
        message_mib=problem.limits.message_mib,
    )
    runner = Runner(problem, submission, opened.sandbox, limits)
    groups: list[GroupResult] = []
    notes: list[str] = []
    message = debug = ""
    try:
        # Before the submission's sandbox starts: nothing untrusted runs beside the reference.
        stress = _stress_limit(problem, options, opened)
        if stress.warning:
            notes.append(stress.warning)
        samples = _samples(problem, runner, limits)
        groups.append(samples)
        if samples.cases and not any(case.verdict.accepted for case in samples.cases):
            notes.append(NOTHING_PASSED)
        else:
            groups.append(_properties(problem, runner, limits, options, notes))
            groups.append(_stress(problem, runner, options, stress))
        verdict = overall([group.verdict for group in groups])
    except SubmissionRejected as rejection:
        verdict, message, groups = rejection.verdict, rejection.message, []
    except ProblemError:
        raise  # the package's fault: the caller names the file (exit 2), no submission to blame
    except Exception as fault:  # any other failure here is the judge's own (IE)
        verdict, message = Verdict.IE, f"{type(fault).__name__}: {fault}"
        debug = traceback.format_exc()
    finally:
        runner.close()
    return Report(
        problem=problem.slug,
        submission=str(submission),
        verdict=verdict,
        score=round(sum(group.score for group in groups), 2) if verdict is not Verdict.IE else 0.0,
        groups=tuple(groups),
        seed=options.seed,
        limits=limits,
        sandbox=opened.info,
        judge_version=__version__,
        message=message,
        elapsed_s=round(time.monotonic() - started, 3),
        notes=tuple(notes),
        debug=debug,
    )


def _group(
    group: Group,
    problem: Problem,
    cases: list[CaseResult],
    limit_s: float,
    fraction: float,
    note: str = "",
) -> GroupResult:
    weight = problem.weights[group]
    verdict = overall([case.verdict for case in cases])
    return GroupResult(
        group, verdict, weight, round(weight * fraction, 2), tuple(cases), limit_s, note
    )


def _passed_fraction(cases: list[CaseResult]) -> float:
    return sum(case.verdict is Verdict.AC for case in cases) / len(cases) if cases else 1.0


def _samples(problem: Problem, runner: Runner, limits: Limits) -> GroupResult:
    cases = [
        runner.run(Group.SAMPLES, index, problem.sample_case(example.input), limits.time_s)
        for index, example in enumerate(problem.examples)
    ]
    return _group(Group.SAMPLES, problem, cases, limits.time_s, _passed_fraction(cases))


def _properties(
    problem: Problem, runner: Runner, limits: Limits, options: JudgeOptions, notes: list[str]
) -> GroupResult:
    """Property examples until the first failure; the group scores all or nothing."""
    max_examples = options.max_examples or problem.max_examples
    passed: list[CaseResult] = []

    def first_pass(case: Any) -> None:
        result = runner.run(Group.PROPERTIES, len(passed), case, limits.time_s)
        if result.verdict is not Verdict.AC:
            raise _Stop(result)
        passed.append(result)

    try:
        _run_hypothesis(problem, options.seed, max_examples, first_pass, shrink=False)
    except _Stop as stop:
        failure = stop.result
    else:
        return _group(Group.PROPERTIES, problem, passed, limits.time_s, 1.0)
    if failure.verdict in SHRINKABLE:
        shrunk, note = _shrink(problem, runner, limits, options.seed, max_examples, failure)
        failure = shrunk or failure
        if note:
            notes.append(note)
    cases = [*passed, replace(failure, index=len(passed))]
    return _group(Group.PROPERTIES, problem, cases, limits.time_s, 0.0)


def _run_hypothesis(
    problem: Problem,
    seed_value: int,
    max_examples: int,
    test: Callable[[Any], None],
    *,
    shrink: bool,
) -> None:
    configured = settings(
        max_examples=max_examples,
        database=None,
        deadline=None,
        phases=[Phase.generate, Phase.shrink] if shrink else [Phase.generate],
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
        print_blob=False,
        verbosity=Verbosity.quiet,
    )
    seed(seed_value)(configured(given(problem.properties.cases())(test)))()  # type: ignore[no-untyped-call]


def _shrink(
    problem: Problem,
    runner: Runner,
    limits: Limits,
    seed_value: int,
    max_examples: int,
    failure: CaseResult,
) -> tuple[CaseResult | None, str]:
    """Replay the same examples with shrinking on; only failures with the first failure's
    verdict count, so a WA never shrinks into a different bug. Returns the smallest failure
    found and, when shrinking stopped before Hypothesis was done, why."""
    deadline = time.monotonic() + SHRINK_BUDGET_S
    restarts_before = runner.sessions_started
    smallest: list[CaseResult] = []
    steps = iter(range(SHRINK_STEPS))  # counted from the replayed failure on
    stopped_early: list[str] = []

    def shrinking(case: Any) -> None:
        if smallest:
            if next(steps, None) is None:
                raise _Stop(smallest[-1])
            if time.monotonic() > deadline:
                stopped_early.append(f"after {SHRINK_BUDGET_S:g} s")
                raise _Stop(smallest[-1])
            if runner.sessions_started - restarts_before >= SHRINK_RESTARTS:
                stopped_early.append(
                    f"after {SHRINK_RESTARTS} sandbox restarts (each failing case ended it)"
                )
                raise _Stop(smallest[-1])
        result = runner.run(Group.PROPERTIES, failure.index, case, limits.time_s, shrunk=True)
        if result.verdict is failure.verdict:
            smallest.append(result)
            raise _CaseFailed(result)

    try:
        _run_hypothesis(problem, seed_value, max_examples, shrinking, shrink=True)
    except (_CaseFailed, _Stop) as stopped:
        found: CaseResult | None = stopped.result
    except Exception as error:  # the judge's own failure while shrinking: keep what we have
        found = smallest[-1] if smallest else None
        stopped_early.append(f"because the judge failed ({type(error).__name__}: {error})")
    else:
        found = None
    note = (
        f"shrinking stopped early {stopped_early[0]}; the input shown is the smallest failing one found so far"
        if stopped_early
        else ""
    )
    return found, note


def _stress_limit(problem: Problem, options: JudgeOptions, opened: OpenedSandbox) -> StressLimit:
    if options.time_limit_s is not None:
        return StressLimit(options.time_limit_s, "set with --time-limit")
    return stress_limit(problem, opened.sandbox, lambda: stress_suite(problem, options.seed))


def _stress(
    problem: Problem, runner: Runner, options: JudgeOptions, limit: StressLimit
) -> GroupResult:
    suite = stress_suite(problem, options.seed)
    results = [
        runner.run(Group.STRESS, index, case, limit.time_s, expected=expected)
        for index, (case, expected) in enumerate(zip(suite.cases, suite.expected, strict=True))
    ]
    return _group(
        Group.STRESS, problem, results, limit.time_s, _passed_fraction(results), limit.note
    )
