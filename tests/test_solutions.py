"""The judge's own regression suite: every labelled submission gets its folder's verdict,
and every package passes `judge check`'s package checks, through the real Docker sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from judge.core.engine import JudgeOptions, judge
from judge.core.entries.base import EntryKind
from judge.core.problem import load_problem
from judge.core.verdict import Verdict
from judge.core.verify import (
    FOLDER_VERDICTS,
    SubmissionCheck,
    labelled_submissions,
    verify_package,
)
from judge.sandbox import OpenedSandbox

ROOT = Path(__file__).resolve().parent.parent
PROBLEMS = sorted(
    path.name for path in (ROOT / "problems").iterdir() if (path / "problem.yaml").is_file()
)
LABELLED = [
    (slug, path, verdict)
    for slug in PROBLEMS
    for path, verdict in labelled_submissions(ROOT / "solutions" / slug)
]

pytestmark = pytest.mark.docker


def test_every_problem_has_the_required_labels() -> None:
    """Per problem: two accepted solutions (a function problem's include a LeetCode-style
    `class Solution`), three wrong answers and a time-limit one; RE and CE somewhere in the
    catalogue; MLE for top-k (its memory limit is the point of the problem)."""
    for slug in PROBLEMS:
        verdicts = [verdict for s, _, verdict in LABELLED if s == slug]
        assert verdicts.count(Verdict.AC) >= 2, slug
        assert verdicts.count(Verdict.WA) >= 3, slug
        assert verdicts.count(Verdict.TLE) >= 1, slug
        if load_problem(ROOT / "problems" / slug).entry.kind is EntryKind.FUNCTION:
            accepted = [p for s, p, v in LABELLED if s == slug and v is Verdict.AC]
            assert any("class Solution" in path.read_text() for path in accepted), slug
    everywhere = {verdict for _, _, verdict in LABELLED}
    assert {Verdict.RE, Verdict.CE} <= everywhere
    assert Verdict.MLE in {v for s, _, v in LABELLED if s == "top-k-streaming"}


@pytest.mark.parametrize(
    ("slug", "path", "expected"),
    LABELLED,
    ids=[f"{slug}/{path.parent.name}/{path.name}" for slug, path, _ in LABELLED],
)
def test_labelled_submission(
    slug: str, path: Path, expected: Verdict, docker_opened: OpenedSandbox
) -> None:
    problem = load_problem(ROOT / "problems" / slug)
    report = judge(problem, path, docker_opened, JudgeOptions())
    failure = report.first_failure
    why = report.message or (
        f"{failure.group.value} #{failure.index}: {failure.message}" if failure else ""
    )
    assert report.verdict is expected, (
        f"{path.relative_to(ROOT)}: got {report.verdict.value}: {why}"
    )
    # a wrong answer is caught by the generated cases, not by a sample
    assert not SubmissionCheck(path, expected, report).fails_a_sample, why


@pytest.mark.parametrize("slug", PROBLEMS)
def test_package_checks(slug: str, docker_opened: OpenedSandbox, tmp_path: Path) -> None:
    """Metadata, examples and the reference (judged AC in the sandbox); labelled submissions
    are covered one by one above, so an empty solutions folder is given here."""
    result = verify_package(ROOT / "problems" / slug, tmp_path, docker_opened, JudgeOptions())
    assert result.problems == []
    assert "reference" in result.stress_note


def test_folder_names_are_the_verdicts() -> None:
    for slug in PROBLEMS:
        folder = ROOT / "solutions" / slug
        assert {path.name for path in folder.iterdir() if path.is_dir()} <= set(FOLDER_VERDICTS)
