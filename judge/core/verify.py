"""`judge check`: verify a problem package the way Kattis' verifyproblem does.

Metadata loads and validates; every YAML example's output is accepted by the checker against
the reference; the reference itself is judged AC through the sandbox; and every labelled
submission under `solutions/<slug>/<verdict folder>/` gets its folder's verdict.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from judge.core.checkers import CheckContext
from judge.core.engine import JudgeOptions, judge
from judge.core.errors import ProblemError
from judge.core.problem import Problem, load_problem
from judge.core.verdict import Report, Verdict
from judge.sandbox import OpenedSandbox

FOLDER_VERDICTS = {
    "accepted": Verdict.AC,
    "wrong_answer": Verdict.WA,
    "time_limit_exceeded": Verdict.TLE,
    "memory_limit_exceeded": Verdict.MLE,
    "output_limit_exceeded": Verdict.OLE,
    "run_time_error": Verdict.RE,
    "compile_error": Verdict.CE,
}


@dataclass(frozen=True)
class SubmissionCheck:
    path: Path
    expected: Verdict
    report: Report

    @property
    def ok(self) -> bool:
        return self.report.verdict is self.expected


@dataclass
class PackageCheck:
    folder: Path
    problems: list[str] = field(default_factory=list)
    """What is wrong with the package itself (metadata, examples, reference)."""
    submissions: list[SubmissionCheck] = field(default_factory=list)
    stress_note: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and all(check.ok for check in self.submissions)


def labelled_submissions(solutions: Path) -> list[tuple[Path, Verdict]]:
    """Every `<verdict folder>/*.py` under a problem's solutions folder, in a stable order."""
    found = []
    for name, verdict in FOLDER_VERDICTS.items():
        folder = solutions / name
        if folder.is_dir():
            found += [(path, verdict) for path in sorted(folder.glob("*.py"))]
    unknown = (
        sorted(p.name for p in solutions.iterdir() if p.is_dir() and p.name not in FOLDER_VERDICTS)
        if solutions.is_dir()
        else []
    )
    if unknown:
        raise ProblemError(
            solutions / unknown[0], f"is not a verdict folder (one of {sorted(FOLDER_VERDICTS)})"
        )
    return found


def verify_package(
    folder: Path,
    solutions: Path | None,
    opened: OpenedSandbox,
    options: JudgeOptions,
    progress: Callable[[str], None] = lambda message: None,
) -> PackageCheck:
    result = PackageCheck(folder)
    try:
        problem = load_problem(folder)
        problem.properties  # noqa: B018 - loads and checks the module's required functions
    except ProblemError as error:
        result.problems.append(str(error))
        return result
    result.problems += _check_examples(problem)
    progress(f"{problem.slug}: judging the reference")
    reference = judge(problem, folder / "reference.py", opened, options)
    if reference.verdict is not Verdict.AC:
        failure = reference.first_failure
        detail = reference.message or (failure.message if failure else "")
        result.problems.append(
            f"{folder / 'reference.py'}: the reference gets {reference.verdict.value}: {detail}"
        )
    result.stress_note = next(
        (g.time_limit_note for g in reference.groups if g.time_limit_note), ""
    )
    solutions = (
        solutions if solutions is not None else folder.parent.parent / "solutions" / problem.slug
    )
    try:
        labelled = labelled_submissions(solutions)
    except ProblemError as error:
        result.problems.append(str(error))
        return result
    for path, expected in labelled:
        progress(f"{problem.slug}: judging {path}")
        result.submissions.append(
            SubmissionCheck(path, expected, judge(problem, path, opened, options))
        )
    return result


def _check_examples(problem: Problem) -> list[str]:
    """Each YAML example's output must be a right answer by the problem's own checker."""
    complaints = []
    for index, example in enumerate(problem.examples):
        case = problem.sample_case(example.input)
        try:
            expected = problem.reference_answer(case)
            verdict = problem.checker(
                CheckContext(case, expected, example.output, problem.tolerance)
            )
        except Exception as error:  # a broken reference or checker: name it, go on
            complaints.append(
                f"{problem.root / 'problem.yaml'}: examples[{index}]: {type(error).__name__}: {error}"
            )
            continue
        if not verdict.ok:
            complaints.append(
                f"{problem.root / 'problem.yaml'}: examples[{index}].output is not a right answer: {verdict.message}"
            )
    return complaints
