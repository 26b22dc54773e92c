"""The mutant gate: are a package's cases strong enough to tell its reference from a bug?

Each mutant of the reference (`mutants.py`) is judged as a submission against the
reference's own expected answers: samples, properties and stress, up to its first failing
case (`trial.py`). A mutant is killed when that verdict is not AC (WA, RE, TLE, MLE, OLE,
or CE for one that only breaks at import); the engine's time limits stop mutants that
loop. The kill rate is killed / (mutants − those listed as equivalent in `mutants.yaml`),
and a package passes at `THRESHOLD`.

Mutants run in the process sandbox, whatever sandbox the rest of `judge check` uses: they
are the trusted reference with one small change made by the judge, not code from a user, so
the weaker isolation is acceptable, and no container has to start. Workers are spawned
processes (as in grading: Hypothesis is not thread-safe), each with its own sandbox.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge.core.engine import JudgeOptions
from judge.core.errors import ProblemError
from judge.core.mutation.equivalents import load_equivalents
from judge.core.mutation.mutants import Mutant, generate
from judge.core.mutation.trial import try_mutant
from judge.core.problem import Problem, load_problem
from judge.core.verdict import Verdict
from judge.sandbox import OpenedSandbox, SandboxChoice, open_sandbox

THRESHOLD = 0.95
"""The kill rate every package must reach."""


@dataclass(frozen=True)
class MutantResult:
    mutant: Mutant
    verdict: Verdict | None
    """AC when the mutant passed every case; None when it was not judged (equivalent)."""
    why: str = ""
    """Where it was killed (the first failing case), or why it did not load."""
    equivalent: str = ""
    """The package's reason, when `mutants.yaml` lists the mutant as equivalent."""

    @property
    def killed(self) -> bool:
        return self.verdict is not None and self.verdict not in (Verdict.AC, Verdict.IE)


@dataclass(frozen=True)
class MutantGate:
    folder: Path
    results: tuple[MutantResult, ...] = ()
    problems: tuple[str, ...] = ()
    """What kept the gate from judging: a broken package, a reference not accepted, IE."""
    elapsed_s: float = 0.0
    threshold: float = THRESHOLD

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def killed(self) -> int:
        return sum(result.killed for result in self.results)

    @property
    def equivalent(self) -> int:
        return sum(bool(result.equivalent) for result in self.results)

    @property
    def survivors(self) -> tuple[MutantResult, ...]:
        """Mutants that passed every case (those listed as equivalent are not judged)."""
        return tuple(result for result in self.results if result.verdict is Verdict.AC)

    @property
    def score(self) -> float:
        """killed / (total − equivalent); 1.0 when nothing is left to kill."""
        judged = self.total - self.equivalent
        return self.killed / judged if judged else 1.0

    @property
    def ok(self) -> bool:
        return not self.problems and self.score >= self.threshold


Progress = Callable[[str], None]


def run_gate(
    folder: Path,
    options: JudgeOptions,
    *,
    jobs: int = 1,
    progress: Progress = lambda message: None,
) -> MutantGate:
    """Generate the reference's mutants and judge each one not listed as equivalent, in
    `jobs` processes. Listed equivalents are not judged: a mutant no case can kill would
    cost the whole suite, and could prove nothing either way.

    A broken package (a reference that does not parse, a bad `mutants.yaml`) or a reference
    not accepted in the process sandbox is returned as a problem of the gate, the way
    `judge check` reports the rest of a package."""
    started = time.monotonic()
    try:
        problem = load_problem(folder)
        reference = folder / "reference.py"
        try:
            mutants = generate(reference.read_text(encoding="utf-8"), reference.name)
        except SyntaxError as error:
            raise ProblemError(reference, f"does not parse: {error}") from None
        reasons = load_equivalents(folder, {mutant.id for mutant in mutants})
    except ProblemError as error:
        return MutantGate(folder, problems=(str(error),))
    with _scratch() as scratch:
        # First the reference itself: it calibrates the stress limit for the workers, and a
        # reference that fails here would make every mutant look killed.
        progress(f"{problem.slug}: judging the reference in the process sandbox")
        ((verdict, why),) = _judge_all(problem, [reference], options, 1, scratch)
        if verdict is not Verdict.AC:
            return MutantGate(
                folder,
                problems=(f"{reference}: the reference gets {verdict.value} ({why})",),
            )
        judged = [mutant for mutant in mutants if mutant.id not in reasons]
        progress(f"{problem.slug}: judging {len(judged)} mutants, {jobs} at a time")
        paths = [_write(scratch, mutant) for mutant in judged]
        outcomes = _judge_all(problem, paths, options, jobs, scratch)
        verdicts = dict(zip([mutant.id for mutant in judged], outcomes, strict=True))
    results = tuple(
        MutantResult(mutant, *verdicts[mutant.id])
        if mutant.id in verdicts
        else MutantResult(mutant, None, "", reasons[mutant.id])
        for mutant in mutants
    )
    problems = tuple(
        f"mutant {result.mutant.id} could not be judged (IE): {result.why}"
        for result in results
        if result.verdict is Verdict.IE
    )
    return MutantGate(folder, results, problems, round(time.monotonic() - started, 3))


@contextmanager
def _scratch() -> Iterator[Path]:
    """A folder for the mutants' files and the workers' staging folders, removed at the end."""
    folder = Path(tempfile.mkdtemp(prefix="judge-mutants-"))
    os.chmod(folder, 0o755)  # the process sandbox's unprivileged uid reads staged files
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write(scratch: Path, mutant: Mutant) -> Path:
    path = scratch / f"{mutant.id}.py"
    path.write_text(mutant.source, encoding="utf-8")
    path.chmod(0o644)
    return path


def _judge_all(
    problem: Problem, paths: Sequence[Path], options: JudgeOptions, jobs: int, scratch: Path
) -> list[tuple[Verdict, str]]:
    """Each file's verdict and where it failed, in order (in `jobs` spawned processes)."""
    if jobs <= 1 or len(paths) <= 1:
        return _in_this_process(problem.root, paths, options, scratch)
    context = multiprocessing.get_context("spawn")
    count = len(paths)
    with ProcessPoolExecutor(
        min(jobs, count), context, initializer=_start_worker, initargs=(str(scratch),)
    ) as pool:
        return list(pool.map(_judge_one, [problem.root] * count, paths, [options] * count))


def _in_this_process(
    folder: Path, paths: Sequence[Path], options: JudgeOptions, scratch: Path
) -> list[tuple[Verdict, str]]:
    saved_tempdir, saved = tempfile.tempdir, dict(_WORKER)
    _start_worker(str(scratch))
    try:
        return [_judge_one(folder, path, options) for path in paths]
    finally:
        opened: OpenedSandbox | None = _WORKER.get("opened")
        if opened is not None:
            opened.close()
        _WORKER.clear()
        _WORKER.update(saved)
        tempfile.tempdir = saved_tempdir


_WORKER: dict[str, Any] = {}
"""Per worker process: its sandbox and loaded problems."""


def _start_worker(scratch: str) -> None:
    tempfile.tempdir = scratch
    _WORKER.update(opened=None, problems={})


def _judge_one(folder: Path, path: Path, options: JudgeOptions) -> tuple[Verdict, str]:
    """A file's verdict and where it failed; the judge's own failure is IE, with why."""
    try:
        if _WORKER["opened"] is None:
            _WORKER["opened"] = open_sandbox(SandboxChoice.PROCESS)
        problems: dict[Path, Problem] = _WORKER["problems"]
        if folder not in problems:
            problems[folder] = load_problem(folder)
        trial = try_mutant(problems[folder], path, _WORKER["opened"], options)
    except Exception as error:
        return Verdict.IE, f"{type(error).__name__}: {error}"
    return trial.verdict, trial.why
