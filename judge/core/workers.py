"""Pools of judging worker processes, as grading and `judge check --jobs` both use them.

Why processes and not threads: Hypothesis is not thread-safe. Workers start with "spawn"
(no inherited Docker client or locks). A worker opens its sandbox once, on first use, and
reports the parent's `SandboxInfo` (its notice, its image id), so that results do not
depend on the number of workers; it loads each problem once. Workers keep their temporary
files (the sandbox's staging folders) in one scratch folder that the parent removes at the
end, so a worker that died leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from judge.core.problem import Problem, load_problem
from judge.core.verdict import SandboxInfo
from judge.sandbox import OpenedSandbox, SandboxChoice, open_sandbox


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker needs from its parent: the sandbox chosen there, and the scratch folder."""

    info: SandboxInfo
    scratch: str


@contextlib.contextmanager
def worker_setup(opened: OpenedSandbox, prefix: str) -> Iterator[WorkerSetup]:
    """The parent's side: a scratch folder for the workers, removed afterwards."""
    scratch = tempfile.mkdtemp(prefix=prefix)
    os.chmod(scratch, 0o755)  # the process sandbox's unprivileged uid reads staged files
    try:
        yield WorkerSetup(opened.info, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def worker_pool(width: int, setup: WorkerSetup) -> ProcessPoolExecutor:
    """`width` spawned workers, each set up by `start_worker`."""
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(width, context, initializer=start_worker, initargs=(setup,))


@dataclass
class _Worker:
    """Per worker process: its setup, sandbox and loaded problems. Unused in the parent."""

    setup: WorkerSetup | None = None
    opened: OpenedSandbox | None = None
    problems: dict[Path, Problem] = field(default_factory=dict)


_worker = _Worker()


def start_worker(setup: WorkerSetup) -> None:
    """A pool's initializer (see `worker_pool`)."""
    tempfile.tempdir = setup.scratch
    _worker.setup, _worker.opened, _worker.problems = setup, None, {}


def worker_sandbox() -> OpenedSandbox:
    """The worker's sandbox, opened on first use (of the parent's kind, keeping a spare)."""
    if _worker.opened is None:
        if _worker.setup is None:
            raise RuntimeError("worker_sandbox() outside a worker started by worker_pool()")
        info = _worker.setup.info
        mine = open_sandbox(SandboxChoice(info.kind), keep_spare=True)
        # The spare container must not outlive the worker: pool workers end by os._exit,
        # which runs multiprocessing's finalizers but not atexit hooks.
        multiprocessing.util.Finalize(mine, mine.close, exitpriority=10)
        _worker.opened = OpenedSandbox(mine.sandbox, info)
    return _worker.opened


def worker_problem(folder: Path) -> Problem:
    """The problem in `folder`, loaded once per worker."""
    if folder not in _worker.problems:
        _worker.problems[folder] = load_problem(folder)
    return _worker.problems[folder]
