"""Grade many candidates at once: judge the planned tasks in parallel, decide who passes.

A *task* is one candidate's submission for one problem (planned by
`judge.grading.candidates`). Every task is judged with the same options (above all the same
seed) and the Hypothesis database off, so two gradings of the same files give the same
verdicts and scores; only timings differ (`judge.reports.grading_json.TIMING_FIELDS`). What
comes out is plain data, `judge.grading.results.Grading`.

With `jobs > 1` each task runs in a worker process (`judge.core.workers`), which opens
its sandbox once and judges task after task. The parent calibrates the stress time limits
first, so that workers read the cached limit instead of racing to measure it.

A judge fault for one task (a lost sandbox, a worker that died) becomes that task's IE
result; the other tasks go on. Usage and package errors are raised before any judging.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from judge import __version__
from judge.core.engine import JudgeOptions, calibrate, judge
from judge.core.problem import Problem, load_problem
from judge.core.verdict import Report, Verdict
from judge.core.workers import (
    WorkerSetup,
    worker_pool,
    worker_problem,
    worker_sandbox,
    worker_setup,
)
from judge.grading.candidates import Task
from judge.grading.results import Graded, Grading, PassRule
from judge.sandbox import OpenedSandbox

Progress = Callable[[Graded, int, int], None]
"""Called in the parent as each task finishes: (result, done so far, total)."""


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
    limits = options.limits(problem)
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
    and the others are judged normally (workers: see `judge.core.workers`)."""
    queue, suspects = deque(order), deque[int]()
    with worker_setup(opened, "judge-grade-") as setup:
        _run_pools(tasks, options, jobs, setup, queue, suspects, record, fault)


def _run_pools(
    tasks: Sequence[Task],
    options: JudgeOptions,
    jobs: int,
    setup: WorkerSetup,
    queue: deque[int],
    suspects: deque[int],
    record: Callable[[int, Report], None],
    fault: Callable[[int, str], Report],
) -> None:
    while queue or suspects:
        isolated = bool(suspects)
        source, width = (suspects, 1) if isolated else (queue, jobs)
        with worker_pool(width, setup) as pool:
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


def _work(task: Task, options: JudgeOptions) -> _Outcome:
    """Judge one task in a worker; any failure of the judge is returned as a fault."""
    try:
        problem = worker_problem(task.problem)
        return _Outcome(judge(problem, task.submission, worker_sandbox(), options))
    except Exception as error:
        return _Outcome(None, f"{type(error).__name__}: {error}")


def default_jobs() -> int:
    """The CPUs this process may use (a container's or taskset's share), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
