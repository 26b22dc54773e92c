"""Every verdict, end to end, through the real Docker sandbox (and the process fallback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from judge.core.engine import JudgeOptions, judge
from judge.core.problem import Problem
from judge.core.verdict import Group, Verdict
from judge.sandbox import OpenedSandbox

SUBMISSIONS = Path(__file__).parent / "fixtures" / "submissions"

EXPECTED = {
    "ok.py": (Verdict.AC, ""),
    "ok_solution_class.py": (Verdict.AC, ""),
    "wa_negative.py": (Verdict.WA, "differs"),
    "tle_loop.py": (Verdict.TLE, "time limit"),
    "tle_sleep.py": (Verdict.TLE, "time limit"),
    "mle.py": (Verdict.MLE, "memory"),
    "re_raise.py": (Verdict.RE, "ValueError: no twos today"),
    "re_segfault.py": (Verdict.RE, "SIGSEGV"),
    "re_exit.py": (Verdict.RE, "ended"),
    "ole_print.py": (Verdict.OLE, "printed too much"),
    "ole_huge_return.py": (Verdict.OLE, "size cap"),
    "ce_syntax.py": (Verdict.CE, "SyntaxError"),
    "ce_missing.py": (Verdict.CE, "the file defines class Helper (no methods), plus()"),
    "ce_arity.py": (Verdict.CE, "must take 2 argument(s)"),
    "ce_import.py": (Verdict.CE, "ModuleNotFoundError"),
    "ce_exit_at_import.py": (Verdict.CE, "SystemExit"),
}
FAST = JudgeOptions(max_examples=25)


def _message(report) -> str:  # type: ignore[no-untyped-def]
    failure = report.first_failure
    return report.message or (failure.message if failure else "")


@pytest.mark.docker
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_docker_verdicts(name: str, add_problem: Problem, docker_opened: OpenedSandbox) -> None:
    verdict, fragment = EXPECTED[name]
    report = judge(add_problem, SUBMISSIONS / name, docker_opened, FAST)
    assert report.verdict is verdict, _message(report)
    assert fragment in _message(report)
    assert report.sandbox.kind == "docker" and report.sandbox.image_id
    if verdict is Verdict.AC:
        assert report.score == 100
        assert all(case.verdict is Verdict.AC for case in report.cases)
        assert len([c for c in report.cases if c.group is Group.PROPERTIES]) == 25
    elif verdict is Verdict.CE:
        assert report.groups == () and report.score == 0


@pytest.mark.docker
def test_wrong_answer_is_shrunk_to_a_minimal_input(
    add_problem: Problem, docker_opened: OpenedSandbox
) -> None:
    report = judge(add_problem, SUBMISSIONS / "wa_negative.py", docker_opened, FAST)
    failure = report.first_failure
    assert failure is not None and failure.group is Group.PROPERTIES
    assert failure.shrunk
    assert failure.input == "a=0, b=-1"
    assert failure.expected == "-1" and failure.got == "1"


@pytest.mark.docker
def test_mle_reports_memory_near_the_limit(
    add_problem: Problem, docker_opened: OpenedSandbox
) -> None:
    report = judge(add_problem, SUBMISSIONS / "mle.py", docker_opened, FAST)
    failure = report.first_failure
    assert failure is not None and failure.verdict is Verdict.MLE
    assert (
        failure.memory_mib is not None and failure.memory_mib > add_problem.limits.memory_mib * 0.8
    )


@pytest.mark.docker
def test_same_seed_same_cases(add_problem: Problem, docker_opened: OpenedSandbox) -> None:
    first = judge(add_problem, SUBMISSIONS / "tle_loop.py", docker_opened, FAST)
    second = judge(add_problem, SUBMISSIONS / "tle_loop.py", docker_opened, FAST)
    assert first.first_failure and second.first_failure
    assert first.first_failure.input == second.first_failure.input
    other = judge(
        add_problem, SUBMISSIONS / "ok.py", docker_opened, JudgeOptions(max_examples=25, seed=7)
    )
    base = judge(add_problem, SUBMISSIONS / "ok.py", docker_opened, FAST)
    assert [c.index for c in other.cases] == [c.index for c in base.cases]
    assert other.seed == 7


@pytest.mark.parametrize(
    "name",
    [
        "ok.py",
        "wa_negative.py",
        "tle_sleep.py",
        "re_raise.py",
        "re_segfault.py",
        "ole_print.py",
        "ce_missing.py",
    ],
)
def test_process_fallback_verdicts(
    name: str, add_problem: Problem, process_opened: OpenedSandbox
) -> None:
    verdict, fragment = EXPECTED[name]
    report = judge(add_problem, SUBMISSIONS / name, process_opened, FAST)
    assert report.verdict is verdict, _message(report)
    assert fragment in _message(report)
    assert report.sandbox.kind == "process" and "weaker isolation" in report.sandbox.notice


def test_process_fallback_memory_limit(add_problem: Problem, process_opened: OpenedSandbox) -> None:
    report = judge(add_problem, SUBMISSIONS / "mle.py", process_opened, FAST)
    assert report.verdict is Verdict.MLE, _message(report)


def test_memory_running_out_while_the_answer_is_sent_is_mle(
    add_problem: Problem, process_opened: OpenedSandbox
) -> None:
    """The submission's answer, so the submission's memory: not a crash of the harness."""
    report = judge(add_problem, SUBMISSIONS / "mle_encoding_the_answer.py", process_opened, FAST)
    assert report.verdict is Verdict.MLE, _message(report)
