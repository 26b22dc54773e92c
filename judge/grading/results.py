"""What a grading decided, as plain data: each task's result, the pass rule, the totals.

Reports (`judge.reports.junit`, `markdown`, `csv`, `grading_json`) render these; they never
need the module that judges (`judge.grading.pool`).
"""

from __future__ import annotations

from dataclasses import dataclass

from judge.core.errors import ExitCode
from judge.core.verdict import Report, SandboxInfo, Verdict


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
