"""Grade many candidates at once: judge the planned tasks in parallel, decide who passes.

A *task* is one candidate's submission for one problem (planned by
`judge.grading.candidates`). Every task is judged with the same options (above all the same
seed) and the Hypothesis database off, so two gradings of the same files give the same
verdicts and scores; only timings differ (`judge.reports.grading_json.TIMING_FIELDS`). What
comes out is plain data, `judge.grading.results.Grading`.

Why processes and not threads: Hypothesis is not thread-safe. With `jobs > 1` each task
runs in a worker process started with "spawn" (no inherited Docker client or locks); a
worker opens its sandbox once and judges task after task. The parent calibrates the stress
time limits first, so that workers read the cached limit instead of racing to measure it.

A judge fault for one task (a lost sandbox, a worker that died) becomes that task's IE
result; the other tasks go on. Usage and package errors are raised before any judging.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.util
import os
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge import __version__
from judge.core.engine import JudgeOptions, calibrate, judge
from judge.core.problem import Problem, load_problem
from judge.core.verdict import Report, SandboxInfo, Verdict
from judge.grading.candidates import Task
from judge.grading.results import Graded, Grading, PassRule
from judge.sandbox import OpenedSandbox, SandboxChoice, open_sandbox

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
            mine = open_sandbox(_WORKER["choice"], keep_spare=True)
            # The spare container must not outlive the worker: pool workers end by
            # os._exit, which runs multiprocessing's finalizers but not atexit hooks.
            multiprocessing.util.Finalize(mine, mine.close, exitpriority=10)
            # The parent's info (its notice, its image id) so that reports do not depend on -j.
            _WORKER["opened"] = OpenedSandbox(mine.sandbox, _WORKER["info"])
        problems: dict[Path, Problem] = _WORKER["problems"]
        if task.problem not in problems:
            problems[task.problem] = load_problem(task.problem)
        return _Outcome(judge(problems[task.problem], task.submission, _WORKER["opened"], options))
    except Exception as error:
        return _Outcome(None, f"{type(error).__name__}: {error}")


def default_jobs() -> int:
    """The CPUs this process may use (a container's or taskset's share), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
