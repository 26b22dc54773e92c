"""The engine and the runner, end to end, through the in-process `FakeSandbox`.

What is judged here is the judge's own logic (groups, shrinking, scores, verdict mapping,
session restarts, calibration) with the real protocol rules in between, in milliseconds:
no Docker, no subprocess. Isolation itself is `test_verdicts.py`'s and `test_hostile.py`'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from judge.core.engine import NOTHING_PASSED, SAMPLES_ONLY, JudgeOptions, judge
from judge.core.problem import Problem, load_problem
from judge.core.verdict import CaseResult, Group, Report, SandboxInfo, Verdict
from judge.core.watch import Cancelled, Watch
from judge.sandbox import OpenedSandbox
from judge.sandbox.fake import FakeSandbox, Handler, SimulatedFault
from judge.sandbox.inside import wire
from judge.sandbox.session import Outcome

FIXTURES = Path(__file__).parent / "fixtures"
SUBMISSIONS = FIXTURES / "submissions"
TOP_K = Path(__file__).resolve().parent.parent / "problems" / "top-k-streaming"
SOLUTIONS = TOP_K.parent.parent / "solutions" / "top-k-streaming"
FAST = JudgeOptions(max_examples=25)


def run(problem: Problem, submission: Path | str, sandbox: FakeSandbox, **options: Any) -> Report:
    opened = OpenedSandbox(sandbox, SandboxInfo(kind=sandbox.kind))
    path = SUBMISSIONS / submission if isinstance(submission, str) else submission
    return judge(problem, path, opened, JudgeOptions(**options) if options else FAST)


def run_handler(problem: Problem, sandbox: FakeSandbox, max_examples: int = 25) -> Report:
    """Judge what a handler plays. A handler stands for one submission, so the stress limit
    is given: calibration would otherwise run the reference through the same handler."""
    options = JudgeOptions(max_examples=max_examples, time_limit_s=problem.limits.time_s)
    opened = OpenedSandbox(sandbox, SandboxInfo(kind=sandbox.kind))
    return judge(problem, SUBMISSIONS / "ok.py", opened, options)


def message(report: Report) -> str:
    failure = report.first_failure
    return report.message or (failure.message if failure else "")


def adder(**extra: Any) -> Handler:
    """A handler that answers the add problem correctly, with `extra` fields in its replies."""

    def handle(request: dict[str, Any]) -> dict[str, Any]:
        a, b = wire.from_wire(request["args"])
        return {"ok": True, "value": a + b, **extra}

    return handle


def failing_when(b: int, outcome: Outcome, stderr: bytes = b"") -> Handler:
    """Answers like `adder`, except that the sandbox fails as `outcome` when b is `b`."""

    def handle(request: dict[str, Any]) -> dict[str, Any]:
        if wire.from_wire(request["args"])[1] == b:
            raise SimulatedFault(outcome, stderr)
        return adder()(request)

    return handle


# --- submissions imported in-process --------------------------------------------------------
@pytest.mark.parametrize("name", ["ok.py", "ok_solution_class.py"])
def test_accepted(name: str, add_problem: Problem) -> None:
    sandbox = FakeSandbox.importing()
    report = run(add_problem, name, sandbox)
    assert report.verdict is Verdict.AC, message(report)
    assert report.score == 100 and report.sandbox.kind == "fake"
    counts = {group: len([c for c in report.cases if c.group is group]) for group in Group}
    assert counts == {Group.SAMPLES: 2, Group.PROPERTIES: 25, Group.STRESS: 1}
    assert all(case.verdict is Verdict.AC for case in report.cases)
    assert all(case.time_ms is not None and case.time_ms < 1000 for case in report.cases)
    calls = [request["args"] for request in sandbox.requests(SUBMISSIONS / name)]
    assert [1, 2] in calls and [-5, 5] in calls  # the worked examples, as the harness sees them


def test_wrong_answer_is_shrunk_to_a_minimal_input(add_problem: Problem) -> None:
    report = run(add_problem, "wa_negative.py", FakeSandbox.importing())
    assert report.verdict is Verdict.WA, message(report)
    failure = report.first_failure
    assert failure is not None and failure.group is Group.PROPERTIES and failure.shrunk
    assert (failure.input, failure.expected, failure.got) == ("a=0, b=-1", "-1", "1")
    assert report.score == 40  # samples 10 + properties 0 (all or nothing) + stress 30


def test_same_seed_same_cases(add_problem: Problem) -> None:
    def property_inputs(seed: int) -> list[Any]:
        sandbox = FakeSandbox.importing()
        run(add_problem, "ok.py", sandbox, max_examples=25, seed=seed)
        small = [r["args"] for r in sandbox.requests() if max(map(abs, r["args"])) <= 1000]
        return small[2:]  # the samples come first; stress (and calibration) values are huge

    assert property_inputs(0) == property_inputs(0)
    assert property_inputs(0) != property_inputs(7)


def test_runtime_error_reports_the_submissions_traceback(add_problem: Problem) -> None:
    report = run(add_problem, "re_raise.py", FakeSandbox.importing())
    assert report.verdict is Verdict.RE
    first = report.first_failure
    assert first is not None and first.group is Group.SAMPLES and first.input == "a=1, b=2"
    assert first.message.startswith("Traceback (most recent call last):")
    assert 'File "solution.py", line 3, in add' in first.message
    assert first.message.rstrip().endswith("ValueError: no twos today")
    assert str(SUBMISSIONS) not in first.message


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("ce_missing.py", "the file defines class Helper (no methods), plus()"),
        ("ce_arity.py", "must take 2 argument(s)"),
        ("ce_syntax.py", "SyntaxError"),
        ("ce_import.py", "ModuleNotFoundError"),
        ("ce_exit_at_import.py", "SystemExit"),
    ],
)
def test_compile_errors(name: str, fragment: str, add_problem: Problem) -> None:
    sandbox = FakeSandbox.importing()
    report = run(add_problem, name, sandbox)
    assert report.verdict is Verdict.CE and fragment in report.message
    assert report.groups == () and report.score == 0
    started = [session for session in sandbox.sessions if session.submission.name == name]
    assert len(started) == 1 and started[0].requests == []  # rejected at hello, not retried


@pytest.mark.parametrize(
    ("name", "verdict", "fragment"),
    [
        ("returns_generator.py", Verdict.WA, "cannot compare"),
        ("sys_exit_in_call.py", Verdict.RE, "the submission called exit"),
    ],
)
def test_failed_calls_map_to_verdicts(
    name: str, verdict: Verdict, fragment: str, add_problem: Problem
) -> None:
    report = run(add_problem, FIXTURES / "hostile" / name, FakeSandbox.importing())
    assert report.verdict is verdict and fragment in message(report)


# --- a class problem --------------------------------------------------------------------------
def test_class_problem_accepted(top_k: Problem) -> None:
    sandbox = FakeSandbox.importing()
    report = run(top_k, SOLUTIONS / "accepted" / "heap.py", sandbox, max_examples=20)
    assert report.verdict is Verdict.AC, message(report)
    assert [(group.group, len(group.cases)) for group in report.groups] == [
        (Group.SAMPLES, 2),
        (Group.PROPERTIES, 20),
        (Group.STRESS, 2),
    ]
    requests = sandbox.requests(SOLUTIONS / "accepted" / "heap.py")
    assert {request["op"] for request in requests} == {wire.Op.NEW, wire.Op.BATCH}
    assert any(request.get("single") for request in requests)  # streams cross as raw bytes


def test_class_problem_wrong_answer_is_shrunk(top_k: Problem) -> None:
    submission = SOLUTIONS / "wrong_answer" / "zero_sentinels.py"
    report = run(top_k, submission, FakeSandbox.importing(), max_examples=20)
    assert report.verdict is Verdict.WA
    failure = report.first_failure
    assert failure is not None and failure.shrunk
    assert (failure.input, failure.expected, failure.got) == (
        "init(1); add(-1); top()",
        "[[-1]]",
        "[[0]]",
    )


# --- sandboxes that misbehave, scripted by a handler ----------------------------------------
def test_a_handler_judged_like_a_submission(add_problem: Problem) -> None:
    assert run_handler(add_problem, FakeSandbox(adder())).verdict is Verdict.AC


@pytest.mark.parametrize(
    ("error", "verdict", "fragment"),
    [
        (wire.ErrorKind.MEMORY, Verdict.MLE, "MemoryError"),
        (wire.ErrorKind.EXIT, Verdict.RE, "the submission called exit (SystemExit: bye)"),
        (wire.ErrorKind.UNENCODABLE, Verdict.WA, "cannot compare: bye"),
        (wire.ErrorKind.EXCEPTION, Verdict.RE, "Traceback: bye"),
    ],
)
def test_error_replies_map_to_verdicts(
    error: wire.ErrorKind, verdict: Verdict, fragment: str, add_problem: Problem
) -> None:
    body = {"ok": False, "error": error, "type": "SystemExit", "message": "bye"}
    report = run_handler(
        add_problem, FakeSandbox(lambda _: {**body, "traceback": "Traceback: bye"})
    )
    assert report.verdict is verdict and fragment in message(report)


def test_a_reply_under_another_id_is_never_credited(add_problem: Problem) -> None:
    def forger(request: dict[str, Any]) -> dict[str, Any]:
        return {**adder()(request), "id": request["id"] + 1}

    report = run_handler(add_problem, FakeSandbox(forger))
    assert report.verdict is Verdict.TLE
    assert "no answer within the time limit" in message(report)


def test_a_huge_reported_time_is_capped_by_the_host_wall_clock(add_problem: Problem) -> None:
    report = run_handler(add_problem, FakeSandbox(adder(time_ns=10**12)))
    assert report.verdict is Verdict.AC
    assert all(case.time_ms is not None and case.time_ms < 1000 for case in report.cases)


def test_cpu_the_sandbox_burned_is_a_time_limit_exceeded(add_problem: Problem) -> None:
    report = run_handler(add_problem, FakeSandbox(adder(cpu_ns=5 * 10**9)))
    assert report.verdict is Verdict.TLE
    assert [group.group for group in report.groups] == [Group.SAMPLES]
    assert NOTHING_PASSED in report.notes
    first = report.first_failure
    assert first is not None and first.time_ms is not None and first.time_ms > 4900
    assert "limit 0.500 s" in first.message


def test_a_silent_sandbox_is_killed_and_the_next_case_gets_a_fresh_one(
    add_problem: Problem,
) -> None:
    sandbox = FakeSandbox(failing_when(5, Outcome.TIMEOUT))
    report = run_handler(add_problem, sandbox, max_examples=5)
    assert report.verdict is Verdict.TLE
    samples = report.groups[0]
    assert [case.verdict for case in samples.cases] == [Verdict.AC, Verdict.TLE]
    assert "no answer within the time limit" in samples.cases[1].message
    properties = report.groups[1]
    assert properties.verdict is Verdict.AC
    started = [session for session in sandbox.sessions if session.submission.name == "ok.py"]
    assert len(started) == 2  # the killed one, then one for every case after it
    assert started[0].requests[-1]["args"] == [-5, 5]
    # Once when the judgement began, and again when the silent case ran past its limit: the
    # next sandbox was got ready during the wait.
    assert sandbox.prepared == [report.limits, report.limits]


def test_a_last_case_past_its_limit_gets_no_next_sandbox_ready(add_problem: Problem) -> None:
    def silent_on_stress(request: dict[str, Any]) -> dict[str, Any]:
        if abs(wire.from_wire(request["args"])[0]) > 10**6:  # only the stress case is huge
            raise SimulatedFault(Outcome.TIMEOUT)
        return adder()(request)

    sandbox = FakeSandbox(silent_on_stress)
    report = run_handler(add_problem, sandbox, max_examples=5)
    assert [case.verdict for case in report.groups[2].cases] == [Verdict.TLE]
    assert sandbox.prepared == [report.limits]  # when the judgement began, and only then


def test_an_oom_kill_is_memory_limit_exceeded(add_problem: Problem) -> None:
    report = run_handler(add_problem, FakeSandbox(failing_when(2, Outcome.MEMORY)))
    assert report.verdict is Verdict.MLE
    assert "killed by the kernel" in message(report)


def test_a_crash_is_a_runtime_error_with_the_last_words(add_problem: Problem) -> None:
    handler = failing_when(2, Outcome.CRASH, b"Fatal Python error: Segmentation fault")
    report = run_handler(add_problem, FakeSandbox(handler))
    assert report.verdict is Verdict.RE
    assert "the submission's process ended" in message(report)
    assert "Segmentation fault" in message(report)


def test_a_sandbox_lost_to_the_engine_is_the_judges_fault(add_problem: Problem) -> None:
    report = run_handler(add_problem, FakeSandbox(failing_when(2, Outcome.LOST)))
    assert report.verdict is Verdict.IE
    assert "stopped from outside" in report.message
    assert report.score == 0


LEETCODE_TWO_SUM = """
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen: Dict[int, int] = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
        return None
"""


def test_a_pasted_leetcode_solution_is_accepted(tmp_path: Path) -> None:
    """LeetCode #1 as a user pastes it: camelCase method, `List` and `Dict` never imported."""
    submission = tmp_path / "leetcode.py"
    submission.write_text(LEETCODE_TWO_SUM)
    problem = load_problem(TOP_K.parent / "two-sum")
    report = run(problem, submission, FakeSandbox.importing())
    assert report.verdict is Verdict.AC, message(report)


def test_a_missing_entry_point_suggests_the_expected_name(tmp_path: Path) -> None:
    submission = tmp_path / "typo.py"
    submission.write_text("def two_summ(nums, target):\n    return None\n")
    problem = load_problem(TOP_K.parent / "two-sum")
    report = run(problem, submission, FakeSandbox.importing())
    assert report.verdict is Verdict.CE
    assert "two_summ()" in report.message
    assert "did you mean 'two_summ'? It must be spelled 'two_sum'" in report.message


# --- the hooks a server needs: progress, samples only, cancellation -------------------------
def watched(problem: Problem, submission: Path | str, watch: Watch, **options: Any) -> Report:
    opened = OpenedSandbox(FakeSandbox.importing(), SandboxInfo(kind="fake"))
    path = SUBMISSIONS / submission if isinstance(submission, str) else submission
    return judge(problem, path, opened, JudgeOptions(**options), watch)


def test_the_watch_hears_every_case_in_order(add_problem: Problem) -> None:
    heard: list[CaseResult] = []
    report = watched(add_problem, "wa_negative.py", Watch(on_case=heard.append), max_examples=25)
    assert report.verdict is Verdict.WA
    # Every reported case was heard when it was judged, in the report's order; shrinking
    # steps were heard too (marked), and the report keeps only the smallest failure.
    assert [c for c in heard if c.group is Group.SAMPLES] == list(report.groups[0].cases)
    first_pass = [c for c in heard if c.group is Group.PROPERTIES and not c.shrunk]
    *passed, failed = report.groups[1].cases
    assert first_pass[:-1] == passed and first_pass[-1].verdict is failed.verdict
    assert any(case.shrunk for case in heard)
    assert report.first_failure in heard
    stress = [c for c in heard if c.group is Group.STRESS]
    assert stress == list(report.groups[2].cases)


def test_samples_only_judges_the_examples_alone(add_problem: Problem) -> None:
    heard: list[CaseResult] = []
    report = watched(add_problem, "wa_negative.py", Watch(on_case=heard.append), samples_only=True)
    # The bug needs a negative number; the examples have none: samples only cannot see it.
    assert report.verdict is Verdict.AC
    assert [group.group for group in report.groups] == [Group.SAMPLES]
    assert len(heard) == len(add_problem.examples) == len(report.cases)
    assert SAMPLES_ONLY in report.notes
    assert report.score == add_problem.weights[Group.SAMPLES]


def test_cancelling_stops_before_the_next_case(add_problem: Problem) -> None:
    heard: list[CaseResult] = []

    def cancel_after_five(result: CaseResult) -> None:
        heard.append(result)
        if len(heard) == 5:
            watch.cancel()

    watch = Watch(on_case=cancel_after_five)
    with pytest.raises(Cancelled):
        watched(add_problem, "ok.py", watch, max_examples=25)
    assert len(heard) == 5 and watch.cancelled


def test_cancelling_a_class_problem_stops_between_its_requests(top_k: Problem) -> None:
    """A class case is many requests (construct, then batches): cancel takes effect at the
    next one, not at the end of a long script."""
    sandbox = FakeSandbox.importing()
    watch = Watch()
    original = sandbox.start

    def start_then_cancel(*args: Any, **kwargs: Any) -> Any:
        session = original(*args, **kwargs)
        watch.cancel()  # cancelled while the first case's construction is under way
        return session

    sandbox.start = start_then_cancel  # type: ignore[method-assign]
    opened = OpenedSandbox(sandbox, SandboxInfo(kind="fake"))
    submission = SOLUTIONS / "accepted" / "heap.py"
    with pytest.raises(Cancelled):
        judge(top_k, submission, opened, JudgeOptions(max_examples=5), watch)
    ops = [request["op"] for request in sandbox.requests(submission)]
    assert ops == []  # started, but not one request was sent after the cancel


def test_a_ctrl_c_while_the_submission_loads_leaves_no_session_running(
    add_problem: Problem,
) -> None:
    """An interrupt while the first session waits for its hello (the submission importing)
    still closes that session: nothing of it (process, folder, container) is left behind."""
    sandbox = FakeSandbox.importing()
    original = sandbox.start

    def start_then_interrupt(*args: Any, **kwargs: Any) -> Any:
        session = original(*args, **kwargs)

        def interrupted(timeout_s: float) -> Any:
            raise KeyboardInterrupt

        session.hello = interrupted  # type: ignore[method-assign]
        return session

    sandbox.start = start_then_interrupt  # type: ignore[method-assign]
    opened = OpenedSandbox(sandbox, SandboxInfo(kind="fake"))
    with pytest.raises(KeyboardInterrupt):
        judge(add_problem, SUBMISSIONS / "ok.py", opened, JudgeOptions(max_examples=5))
    assert sandbox.sessions and not any(session.alive for session in sandbox.sessions)
