"""`judge check --jobs N`: verify problem packages with N judgements at once, in worker
processes (Hypothesis is not thread-safe).

The unit of work is one judgement: a package's reference, or one labelled submission with
its margin. What needs no sandbox (metadata, examples) is checked in the parent. Before any
worker starts, the parent measures (or reads from the
cache) every package's stress limit alone: workers judging side by side slow each other,
and a limit calibrated under that load would be cached too long for every later run.

Verdicts are decided by CPU time, which side-by-side judging barely moves; margins are
measured under that load and so read a little thinner. Results come back in the order the
packages were given, whatever order they finish in. A worker that dies fails the work it
had in flight; that work is done again alone, and only what kills a worker twice is
reported as a problem of its package.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Any

from judge.core.engine import JudgeOptions, calibrate
from judge.core.errors import JudgeError
from judge.core.problem import Problem
from judge.core.verdict import Verdict
from judge.core.verify import (
    PackageCheck,
    SubmissionCheck,
    check_reference,
    check_submission,
    open_package,
    verify_package,
)
from judge.core.workers import (
    WorkerSetup,
    worker_pool,
    worker_problem,
    worker_sandbox,
    worker_setup,
)
from judge.sandbox import OpenedSandbox

WORKER_DIED = "the checking worker process died while checking this package"


def verify_packages(
    folders: Sequence[Path],
    solutions: Path | None,
    opened: OpenedSandbox,
    options: JudgeOptions,
    jobs: int = 1,
    progress: Callable[[str], None] = lambda message: None,
) -> Iterator[PackageCheck]:
    """Each folder's `PackageCheck`, in order; with `jobs > 1`, `jobs` judgements at a time
    (a package's reference and each labelled submission are separate pieces of work, so
    one big package does not keep a worker busy while the others idle)."""
    if jobs <= 1:
        for folder in folders:
            yield verify_package(folder, solutions, opened, options, progress)
        return
    packages = [open_package(folder, solutions) for folder in folders]
    for _, problem, _ in packages:
        if problem is not None and options.time_limit_s is None:
            progress(f"{problem.slug}: the stress limit, calibrated before the workers start")
            with contextlib.suppress(JudgeError):  # the reference's judgement will say why
                calibrate([problem], opened, options)
    options = replace(options, recalibrate=False)
    yield from _in_workers(packages, opened, options, jobs, progress)


Package = tuple[PackageCheck, Problem | None, list[tuple[Path, Verdict]]]


def _in_workers(
    packages: list[Package],
    opened: OpenedSandbox,
    options: JudgeOptions,
    jobs: int,
    progress: Callable[[str], None],
) -> Iterator[PackageCheck]:
    with worker_setup(opened, "judge-check-") as setup, worker_pool(jobs, setup) as pool:
        work: list[tuple[PackageCheck, _Work | None, list[_Work]]] = []
        for result, problem, labelled in packages:
            if problem is None:
                work.append((result, None, []))
                continue
            reference = _Work(pool, setup, _reference, result.folder, options)
            labels = [
                _Work(pool, setup, _submission, result.folder, path, expected, options)
                for path, expected in labelled
            ]
            work.append((result, reference, labels))
        try:
            for result, pending, labels in work:
                if pending is not None:
                    progress(f"{result.folder.name}: waiting for its {1 + len(labels)} judgements")
                    _merge_reference(result, pending.result())
                    for label in labels:
                        checked = label.result()
                        if isinstance(checked, SubmissionCheck):
                            result.submissions.append(checked)
                        else:
                            result.problems.append(f"{label.args[1]}: {WORKER_DIED}")
                yield result
        except BaseException:  # Ctrl-C, or a caller that stopped reading: do not wait
            pool.shutdown(wait=False, cancel_futures=True)
            raise


class _Work:
    """One judgement given to the pool; after a worker died (every pending piece then fails
    at once), it is done again in a fresh worker of its own, so that only a piece that
    kills its worker twice is lost."""

    def __init__(self, pool: ProcessPoolExecutor, setup: WorkerSetup, *call: Any) -> None:
        self.setup, self.function, self.args = setup, call[0], call[1:]
        self.future = pool.submit(*call)

    def result(self) -> Any:
        try:
            return self.future.result()
        except BrokenProcessPool:
            pass
        try:
            with worker_pool(1, self.setup) as alone:
                return alone.submit(self.function, *self.args).result()
        except BrokenProcessPool:
            return None


def _merge_reference(result: PackageCheck, reference: PackageCheck | None) -> None:
    if reference is None:
        result.problems.append(f"the reference: {WORKER_DIED}")
        return
    result.problems += reference.problems
    result.stress_note = reference.stress_note
    result.reference_margin = reference.reference_margin


def _reference(folder: Path, options: JudgeOptions) -> PackageCheck:
    checked = PackageCheck(folder)
    check_reference(checked, worker_problem(folder), worker_sandbox(), options)
    return checked


def _submission(
    folder: Path, path: Path, expected: Verdict, options: JudgeOptions
) -> SubmissionCheck:
    return check_submission(worker_problem(folder), path, expected, worker_sandbox(), options)
