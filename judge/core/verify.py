"""`judge check`: verify a problem package the way Kattis' verifyproblem does.

Metadata loads and validates; every YAML example's output is accepted by the checker against
the reference; the reference itself is judged AC through the sandbox; and every labelled
submission under `solutions/<slug>/<verdict folder>/` gets its folder's verdict.

Time verdicts are also checked for their margin against the calibrated stress limit: an
accepted solution (and the reference) should need at most half of it, a time-limit solution
at least twice it (`MARGIN`). A margin is measured, not guessed: a thin headroom is measured
again (the median of three runs), and a time-limit solution killed at the hard deadline,
whose time is then only known to be at least that, is run again with a limit of `MARGIN`
times the stress limit, so that "it exceeds the limit by 2×" is seen, not inferred. A thin
margin is a warning, never a failure: the verdict itself was right on this machine, today.
"""

from __future__ import annotations

import enum
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from judge.core.checkers import CheckContext
from judge.core.engine import JudgeOptions, judge
from judge.core.errors import ProblemError
from judge.core.problem import Problem, load_problem
from judge.core.runner import JudgeFault, Runner, SubmissionRejected
from judge.core.suite import load_suite
from judge.core.verdict import CaseResult, Group, Report, Verdict
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


MARGIN = 2.0
"""The factor a time verdict keeps from the calibrated stress limit: an accepted solution's
slowest stress case at most 1/MARGIN of the limit, a time-limit solution's at least MARGIN
times it. Closer than that, a slower, faster or busier machine can flip the verdict."""

REMEASURE_RUNS = 2
"""Extra runs of every stress case when a headroom looks thin: the median of the three runs
counts, so that one noisy run neither raises a warning nor hides one."""

CLOCK_RESOLUTION_S = 0.001
"""A stress case faster than this counts as this long (its headroom is then a lower bound)."""


class MarginKind(str, enum.Enum):
    """Which way a time verdict must stay clear of the stress limit."""

    HEADROOM = "headroom"
    """An accepted solution: the stress limit over its slowest stress case."""
    EXCESS = "excess"
    """A time-limit solution: its slowest stress case over the stress limit."""


@dataclass(frozen=True)
class Margin:
    """How far a submission's slowest stress case is from the calibrated stress limit."""

    kind: MarginKind
    ratio: float
    """limit / time (headroom) or time / limit (excess): the factor by which it is clear."""
    at_least: bool
    """The ratio is only a lower bound: the deciding case was stopped before it finished
    (excess), or finished faster than the clock's resolution (headroom)."""
    case: int
    """The deciding stress case (the slowest one)."""
    time_s: float
    limit_s: float
    how: str = ""
    """How the deciding time was measured, when not by the judgement alone."""

    @property
    def thin(self) -> bool:
        """Under `MARGIN`: the verdict may flip on another machine or under load."""
        return self.ratio < MARGIN

    def __str__(self) -> str:
        return f"{self.kind.value} {'≥ ' if self.at_least else ''}{self.ratio:.2f}×"

    def explain(self) -> str:
        """The numbers behind the ratio, in words."""
        if self.kind is MarginKind.EXCESS and self.at_least:
            what = f"stress case #{self.case} stopped unfinished after {self.time_s:.3f} s"
        else:
            what = f"slowest stress case #{self.case}: {self.time_s:.3f} s"
        text = f"{what}, stress limit {self.limit_s:.3f} s"
        return f"{text}, {self.how}" if self.how else text

    def warning(self) -> str:
        """Why a thin margin matters, or "" when it is not thin."""
        if not self.thin:
            return ""
        risk = (
            "a slower or busier machine may give it TLE"
            if self.kind is MarginKind.HEADROOM
            else "a faster machine may accept it"
        )
        return f"{self} is under {MARGIN:g}×: {risk} ({self.explain()})"


@dataclass(frozen=True)
class SubmissionCheck:
    path: Path
    expected: Verdict
    report: Report
    margin: Margin | None = None
    """For an accepted or time-limit label that got its verdict: the stress margin."""

    @property
    def fails_a_sample(self) -> bool:
        """A wrong-answer label the samples already catch: it shows nothing about whether the
        generated cases are strong enough, which is what the label is for."""
        return self.expected is Verdict.WA and any(
            group.group is Group.SAMPLES and group.verdict is not Verdict.AC
            for group in self.report.groups
        )

    @property
    def ok(self) -> bool:
        return self.report.verdict is self.expected and not self.fails_a_sample


@dataclass
class PackageCheck:
    folder: Path
    problems: list[str] = field(default_factory=list)
    """What is wrong with the package itself (metadata, examples, reference)."""
    submissions: list[SubmissionCheck] = field(default_factory=list)
    stress_note: str = ""
    reference_margin: Margin | None = None
    """The reference's headroom under its own calibrated limit."""

    @property
    def ok(self) -> bool:
        """Thin margins are warnings: they do not make a package fail."""
        return not self.problems and all(check.ok for check in self.submissions)

    @property
    def warnings(self) -> list[str]:
        """A line for each thin margin, naming the file."""
        margins = [(self.folder / "reference.py", self.reference_margin)]
        margins += [(check.path, check.margin) for check in self.submissions]
        return [f"{path}: {margin.warning()}" for path, margin in margins if margin and margin.thin]


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
    result, problem, labelled = open_package(folder, solutions)
    if problem is None:
        return result
    check_reference(result, problem, opened, options, progress)
    options = replace(options, recalibrate=False)  # measured once: the labels reuse it
    for path, expected in labelled:
        result.submissions.append(
            check_submission(problem, path, expected, opened, options, progress)
        )
    return result


def open_package(
    folder: Path, solutions: Path | None
) -> tuple[PackageCheck, Problem | None, list[tuple[Path, Verdict]]]:
    """The checks that need no sandbox (metadata, examples, the labels' folders), the
    loaded problem (None when it does not load) and its labelled submissions."""
    result = PackageCheck(folder)
    try:
        problem = load_problem(folder)
        problem.properties  # noqa: B018 - loads and checks the module's required functions
    except ProblemError as error:
        result.problems.append(str(error))
        return result, None, []
    result.problems += _check_examples(problem)
    solutions = (
        solutions if solutions is not None else folder.parent.parent / "solutions" / problem.slug
    )
    try:
        labelled = labelled_submissions(solutions)
    except ProblemError as error:
        result.problems.append(str(error))
        return result, problem, []
    return result, problem, labelled


def check_reference(
    result: PackageCheck,
    problem: Problem,
    opened: OpenedSandbox,
    options: JudgeOptions,
    progress: Callable[[str], None] = lambda message: None,
) -> None:
    """Judge the reference (which calibrates the stress limit) into `result`: it must be
    AC, and its margin and the limit's note are kept."""
    progress(f"{problem.slug}: judging the reference")
    reference_path = problem.root / "reference.py"
    reference = judge(problem, reference_path, opened, options)
    options = replace(options, recalibrate=False)
    if reference.verdict is not Verdict.AC:
        failure = reference.first_failure
        detail = reference.message or (failure.message if failure else "")
        result.problems.append(
            f"{reference_path}: the reference gets {reference.verdict.value}: {detail}"
        )
    result.stress_note = next(
        (g.time_limit_note for g in reference.groups if g.time_limit_note), ""
    )
    result.reference_margin = measure_margin(
        problem, reference_path, Verdict.AC, reference, opened, options, progress
    )


def check_submission(
    problem: Problem,
    path: Path,
    expected: Verdict,
    opened: OpenedSandbox,
    options: JudgeOptions,
    progress: Callable[[str], None] = lambda message: None,
) -> SubmissionCheck:
    """Judge one labelled submission, and measure its margin if it is an AC or TLE label."""
    progress(f"{problem.slug}: judging {path}")
    report = judge(problem, path, opened, options)
    margin = measure_margin(problem, path, expected, report, opened, options, progress)
    return SubmissionCheck(path, expected, report, margin)


def headroom(cases: Sequence[CaseResult], limit_s: float, how: str = "") -> Margin | None:
    """An accepted run's headroom: the limit over its slowest case (None: no timed case)."""
    timed = [(case.time_ms / 1000, case.index) for case in cases if case.time_ms is not None]
    if not timed:
        return None
    time_s, index = max(timed)
    shortest = max(time_s, CLOCK_RESOLUTION_S)
    return Margin(
        MarginKind.HEADROOM,
        limit_s / shortest,
        time_s < CLOCK_RESOLUTION_S,
        index,
        time_s,
        limit_s,
        how,
    )


def excess(
    cases: Sequence[CaseResult], limit_s: float, run_limit_s: float | None = None, how: str = ""
) -> Margin | None:
    """A time-limit run's excess: its slowest case over the stress limit `limit_s`, for
    cases run under `run_limit_s` (the stress limit itself by default).

    A case judged TLE is a lower bound: stopped unfinished, it took at least its time and
    at least its run's limit (the time of a case killed at the hard deadline is the wall
    time until the kill). A case that finished in time counts as measured. Any other
    verdict says nothing about time and is left out."""
    run_limit_s = limit_s if run_limit_s is None else run_limit_s
    margins = []
    for case in cases:
        if case.time_ms is None or case.verdict not in (Verdict.AC, Verdict.TLE):
            continue
        stopped = case.verdict is Verdict.TLE
        time_s = max(case.time_ms / 1000, run_limit_s) if stopped else case.time_ms / 1000
        margins.append(
            Margin(MarginKind.EXCESS, time_s / limit_s, stopped, case.index, time_s, limit_s, how)
        )
    return max(margins, key=lambda margin: margin.ratio, default=None)


def measure_margin(
    problem: Problem,
    submission: Path,
    expected: Verdict,
    report: Report,
    opened: OpenedSandbox,
    options: JudgeOptions,
    progress: Callable[[str], None] = lambda message: None,
) -> Margin | None:
    """The stress margin of a judged submission labelled AC or TLE that got its label
    (None otherwise, or when no stress case ran). Runs stress cases again only when the
    judgement's own times leave the margin in doubt (see the module's docstring)."""
    stress = next((group for group in report.groups if group.group is Group.STRESS), None)
    if expected not in (Verdict.AC, Verdict.TLE) or report.verdict is not expected:
        return None
    if stress is None or not stress.cases:
        return None
    limit_s = stress.time_limit_s
    if expected is Verdict.AC:
        margin = headroom(stress.cases, limit_s)
        if margin is None or not margin.thin:
            return margin
        progress(f"{problem.slug}: {margin} for {submission}; measuring again")
        runs = _rerun(problem, submission, report, opened, options, limit_s * MARGIN, None)
        medians = [
            _median_case(original, again)
            for original, again in zip(stress.cases, _by_case(runs, len(stress.cases)), strict=True)
        ]
        how = f"median of {1 + REMEASURE_RUNS} runs"
        return headroom(medians, limit_s, how) if runs else margin
    margin = excess(stress.cases, limit_s)
    if margin is not None and not margin.thin:
        return margin
    progress(f"{problem.slug}: {margin or 'no excess'} for {submission}; running it longer")
    order = sorted(stress.cases, key=lambda case: -(case.time_ms or 0.0))
    runs = _rerun(
        problem, submission, report, opened, options, limit_s * MARGIN, [c.index for c in order]
    )
    how = f"run again with a {MARGIN:g}× limit of {limit_s * MARGIN:.3f} s"
    return excess(runs, limit_s, limit_s * MARGIN, how) or margin  # the runs measured more


def _rerun(
    problem: Problem,
    submission: Path,
    report: Report,
    opened: OpenedSandbox,
    options: JudgeOptions,
    limit_s: float,
    confirm_order: list[int] | None,
) -> list[CaseResult]:
    """Stress cases run again under `limit_s`: with `confirm_order`, those cases in that
    order until one is `MARGIN` times over the stress limit (`limit_s` is that); without,
    every case `REMEASURE_RUNS` times. Empty when the sandbox fails (the margin then rests
    on the judgement's own times)."""
    cases = load_suite(problem, options.seed, options.max_examples or problem.max_examples).stress
    runner = Runner(problem, submission, opened.sandbox, report.limits)
    results: list[CaseResult] = []
    try:
        if confirm_order is None:
            for _ in range(REMEASURE_RUNS):
                for index, item in enumerate(cases):
                    results.append(
                        runner.run(Group.STRESS, index, item.case, limit_s, expected=item.expected)
                    )
        else:
            for index in confirm_order:
                item = cases[index]
                result = runner.run(Group.STRESS, index, item.case, limit_s, expected=item.expected)
                results.append(result)
                if result.verdict is Verdict.TLE:
                    break  # at least MARGIN times the stress limit: confirmed
    except (JudgeFault, SubmissionRejected):
        return []
    finally:
        runner.close()
    return results


def _by_case(runs: list[CaseResult], count: int) -> list[list[CaseResult]]:
    grouped: list[list[CaseResult]] = [[] for _ in range(count)]
    for run in runs:
        grouped[run.index].append(run)
    return grouped


def _median_case(original: CaseResult, again: list[CaseResult]) -> CaseResult:
    """The original case with the median time of it and its runs again."""
    times = [run.time_ms for run in (original, *again) if run.time_ms is not None]
    if not times:
        return original
    return CaseResult(original.group, original.index, original.verdict, statistics.median(times))


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
