"""Grade many candidates at once: plan the tasks, judge them in parallel, decide who passes.

A *task* is one candidate's submission for one problem. Every task is judged with the same
options (above all the same seed) and the Hypothesis database off, so two gradings of the
same files give the same verdicts and scores; only timings differ (`TIMING_FIELDS`).

Why processes and not threads: Hypothesis is not thread-safe. With `jobs > 1` each task
runs in a worker process started with "spawn" (no inherited Docker client or locks); a
worker opens its sandbox once and judges task after task. The parent calibrates the stress
time limits first, so that workers read the cached limit instead of racing to measure it.

A judge fault for one task (a lost sandbox, a worker that died) becomes that task's IE
result; the other tasks go on. Usage and package errors are raised before any judging.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge import __version__
from judge.core.engine import JudgeOptions, judge, stress_suite
from judge.core.errors import ExitCode, JudgeError, ProblemError
from judge.core.problem import Problem, load_problem
from judge.core.verdict import Limits, Report, SandboxInfo, Verdict
from judge.grading.candidates import Task
from judge.sandbox import OpenedSandbox, SandboxChoice, open_sandbox

TIMING_FIELDS = frozenset(
    {
        "time_ms",
        "wall_ms",
        "memory_mb",
        "max_time_ms",
        "max_memory_mb",
        "elapsed_s",
        "time_limit_s",
        "time_limit_note",
    }
)
"""JSON fields that measure this machine at this moment: the only ones that may differ
between two gradings of the same files with the same seed (see `strip_timings`)."""


@dataclass(frozen=True)
class Graded:
    """One task's judgement and whether it reaches the pass rule."""

    candidate: str
    report: Report
    passed: bool

    @property
    def problem(self) -> str:
        return self.report.problem


@dataclass(frozen=True)
class PassRule:
    """Who passes: every task accepted, or every task scoring at least `min_score`."""

    min_score: float | None = None

    def passes(self, report: Report) -> bool:
        if report.verdict is Verdict.IE:
            return False
        if self.min_score is None:
            return report.verdict is Verdict.AC
        return report.score >= self.min_score

    def describe(self) -> str:
        return "accepted" if self.min_score is None else f"score ≥ {self.min_score:g}"


@dataclass(frozen=True)
class Grading:
    """All results, in the order the tasks were planned."""

    results: tuple[Graded, ...]
    seed: int
    rule: PassRule
    sandbox: SandboxInfo
    per_problem: bool
    """Whether results are named candidate/problem (a manifest) or by candidate alone."""
    elapsed_s: float

    def name(self, graded: Graded) -> str:
        return f"{graded.candidate}/{graded.problem}" if self.per_problem else graded.candidate

    @property
    def exit_code(self) -> ExitCode:
        """INTERNAL if the judge failed anyone (IE), else OK when everyone passed."""
        if any(graded.report.verdict is Verdict.IE for graded in self.results):
            return ExitCode.INTERNAL
        return (
            ExitCode.OK if all(graded.passed for graded in self.results) else ExitCode.NOT_ACCEPTED
        )


Progress = Callable[[Graded, int, int], None]
"""Called in the parent as each task finishes: (result, done so far, total)."""


# --- planning ---------------------------------------------------------------------------


def calibrate(problems: Iterable[Problem], opened: OpenedSandbox, options: JudgeOptions) -> None:
    """Measure (or read from the cache) each problem's stress limit once, before any worker
    starts: N workers would otherwise all measure the reference at once, under load."""
    if options.time_limit_s is not None:
        return
    from judge.core.calibrate import stress_limit
    from judge.core.runner import JudgeFault

    for problem in problems:
        try:
            suite = stress_suite(problem, options.seed)
        except JudgeError:
            raise
        except Exception as error:  # the package's own generator or reference is broken
            raise ProblemError(
                problem.root / "properties.py",
                f"generating the stress cases failed: {type(error).__name__}: {error}",
            ) from None
        try:
            stress_limit(problem, opened.sandbox, suite)
        except JudgeFault as fault:
            raise JudgeError(f"calibrating {problem.slug} failed: {fault}") from None


def grade(
    tasks: Sequence[Task],
    opened: OpenedSandbox,
    options: JudgeOptions,
    *,
    rule: PassRule,
    jobs: int,
    per_problem: bool = False,
    progress: Progress | None = None,
) -> Grading:
    """Judge every task (in parallel with `jobs > 1`) and decide who passes.

    `opened` is the parent's sandbox, already chosen: workers open the same kind again.
    """
    started = time.monotonic()
    problems = {task.problem: load_problem(task.problem) for task in tasks}
    calibrate(problems.values(), opened, options)
    reports: dict[int, Report] = {}

    def record(index: int, report: Report) -> None:
        reports[index] = report
        if progress is not None:
            task = tasks[index]
            progress(Graded(task.candidate, report, rule.passes(report)), len(reports), len(tasks))

    def fault(index: int, message: str) -> Report:
        return _fault_report(tasks[index], problems[tasks[index].problem], opened, options, message)

    # Judged problem by problem (the engine keeps one stress suite at a time); reported in
    # the planned order whatever the order of judging.
    first_seen = {root: rank for rank, root in enumerate(problems)}
    order = sorted(range(len(tasks)), key=lambda index: first_seen[tasks[index].problem])
    if jobs <= 1 or len(tasks) <= 1:
        for index in order:
            task = tasks[index]
            try:
                record(index, judge(problems[task.problem], task.submission, opened, options))
            except Exception as error:  # the engine's own bug: this task's IE, not everyone's
                record(index, fault(index, f"{type(error).__name__}: {error}"))
    else:
        _judge_in_workers(tasks, order, opened, options, min(jobs, len(tasks)), record, fault)
    results = tuple(
        Graded(task.candidate, reports[index], rule.passes(reports[index]))
        for index, task in enumerate(tasks)
    )
    return Grading(
        results=results,
        seed=options.seed,
        rule=rule,
        sandbox=opened.info,
        per_problem=per_problem,
        elapsed_s=round(time.monotonic() - started, 3),
    )


def _fault_report(
    task: Task, problem: Problem, opened: OpenedSandbox, options: JudgeOptions, message: str
) -> Report:
    limits = Limits(
        time_s=options.time_limit_s or problem.limits.time_s,
        memory_mib=options.memory_limit_mib or problem.limits.memory_mib,
        output_kib=problem.limits.output_kib,
        message_mib=problem.limits.message_mib,
    )
    return Report(
        problem=problem.slug,
        submission=str(task.submission),
        verdict=Verdict.IE,
        score=0.0,
        groups=(),
        seed=options.seed,
        limits=limits,
        sandbox=opened.info,
        judge_version=__version__,
        message=message,
    )


def _judge_in_workers(
    tasks: Sequence[Task],
    order: list[int],
    opened: OpenedSandbox,
    options: JudgeOptions,
    jobs: int,
    record: Callable[[int, Report], None],
    fault: Callable[[int, str], Report],
) -> None:
    """At most `jobs` tasks in flight, so that when a worker dies only those are suspects.
    Suspects are then judged alone, one pool each, so a task that kills its worker gets IE
    and the others are judged normally.

    Workers keep their temporary files (the sandbox's staging folders) in one scratch
    folder that the parent removes at the end, so a worker that died leaves nothing behind.
    """
    context = multiprocessing.get_context("spawn")
    queue, suspects = deque(order), deque[int]()
    scratch = tempfile.mkdtemp(prefix="judge-grade-")
    os.chmod(scratch, 0o755)  # the process sandbox's unprivileged uid reads staged files
    initargs = (SandboxChoice(opened.info.kind), opened.info, scratch)
    try:
        _run_pools(tasks, options, jobs, context, initargs, queue, suspects, record, fault)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run_pools(
    tasks: Sequence[Task],
    options: JudgeOptions,
    jobs: int,
    context: Any,
    initargs: tuple[Any, ...],
    queue: deque[int],
    suspects: deque[int],
    record: Callable[[int, Report], None],
    fault: Callable[[int, str], Report],
) -> None:
    while queue or suspects:
        isolated = bool(suspects)
        source, width = (suspects, 1) if isolated else (queue, jobs)
        with ProcessPoolExecutor(
            width, context, initializer=_start_worker, initargs=initargs
        ) as pool:
            running: dict[Future[_Outcome], int] = {}
            broken = False
            try:
                while (source or running) and not broken:
                    while source and len(running) < width:
                        index = source.popleft()
                        running[pool.submit(_work, tasks[index], options)] = index
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in done:
                        index = running.pop(future)
                        try:
                            outcome = future.result()
                        except BrokenProcessPool:
                            if isolated:
                                record(index, fault(index, "the grading worker died judging this"))
                            else:
                                suspects.append(index)
                            broken = True
                            continue
                        except Exception as error:
                            outcome = _Outcome(None, f"{type(error).__name__}: {error}")
                        report = outcome.report or fault(index, outcome.fault)
                        record(index, report)
                suspects.extend(running.values())
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise


@dataclass(frozen=True)
class _Outcome:
    """What a worker sends back: a report, or why it could not make one."""

    report: Report | None
    fault: str = ""


_WORKER: dict[str, Any] = {}
"""Per worker process: its sandbox and loaded problems. Never used in the parent."""


def _start_worker(choice: SandboxChoice, info: SandboxInfo, scratch: str) -> None:
    tempfile.tempdir = scratch
    _WORKER.update(choice=choice, info=info, opened=None, problems={})


def _work(task: Task, options: JudgeOptions) -> _Outcome:
    """Judge one task in a worker; any failure of the judge is returned as a fault."""
    try:
        if _WORKER["opened"] is None:
            mine = open_sandbox(_WORKER["choice"])
            # The parent's info (its notice, its image id) so that reports do not depend on -j.
            _WORKER["opened"] = OpenedSandbox(mine.sandbox, _WORKER["info"])
        problems: dict[Path, Problem] = _WORKER["problems"]
        if task.problem not in problems:
            problems[task.problem] = load_problem(task.problem)
        return _Outcome(judge(problems[task.problem], task.submission, _WORKER["opened"], options))
    except Exception as error:
        return _Outcome(None, f"{type(error).__name__}: {error}")


# --- outputs ----------------------------------------------------------------------------


def default_jobs() -> int:
    """The CPUs this process may use (a container's or taskset's share), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class CandidateTotal:
    """A candidate's results together: the mean score over their problems (each out of
    100 with the default weights), and whether every one of them passed."""

    candidate: str
    problems: int
    score: float
    passed: bool


def totals(grading: Grading) -> list[CandidateTotal]:
    """One line per candidate, in the order they first appear."""
    by_candidate: dict[str, list[Graded]] = {}
    for graded in grading.results:
        by_candidate.setdefault(graded.candidate, []).append(graded)
    return [
        CandidateTotal(
            candidate,
            len(results),
            round(sum(g.report.score for g in results) / len(results), 2),
            all(g.passed for g in results),
        )
        for candidate, results in by_candidate.items()
    ]


def grading_to_dict(grading: Grading) -> dict[str, Any]:
    """The `--json` document: schema, seed and pass rule, then one entry per candidate and
    problem with the same fields as `judge run --json` (plus candidate and passed)."""
    from judge.reports.json import SCHEMA_VERSION, report_to_dict

    results = []
    for graded in grading.results:
        fields = report_to_dict(graded.report)
        results.append(
            {
                "candidate": graded.candidate,
                "problem": fields.pop("problem"),
                "verdict": fields.pop("verdict"),
                "score": fields.pop("score"),
                "passed": graded.passed,
                **fields,
            }
        )
    return {
        "schema": SCHEMA_VERSION,
        "kind": "grading",
        "judge_version": __version__,
        "seed": grading.seed,
        "pass_rule": grading.rule.describe(),
        "pass_score": grading.rule.min_score,
        "sandbox": {
            "kind": grading.sandbox.kind,
            "image_id": grading.sandbox.image_id,
            "notice": grading.sandbox.notice,
        },
        "exit_code": grading.exit_code,
        "elapsed_s": grading.elapsed_s,
        "candidates": [
            {"candidate": t.candidate, "problems": t.problems, "score": t.score, "passed": t.passed}
            for t in totals(grading)
        ],
        "results": results,
    }


def strip_timings(value: Any) -> Any:
    """A JSON document without `TIMING_FIELDS`: what two gradings must agree on exactly."""
    if isinstance(value, dict):
        return {k: strip_timings(v) for k, v in value.items() if k not in TIMING_FIELDS}
    if isinstance(value, list):
        return [strip_timings(item) for item in value]
    return value


def append_step_summary(markdown: str, environ: dict[str, str] | None = None) -> Path | None:
    """Append to $GITHUB_STEP_SUMMARY when GitHub Actions set it; the file is GitHub's, so
    this appends (in one write) rather than replacing."""
    target = (environ if environ is not None else os.environ).get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    with open(target, "a", encoding="utf-8") as stream:
        stream.write(markdown if markdown.endswith("\n") else markdown + "\n")
    return Path(target)
