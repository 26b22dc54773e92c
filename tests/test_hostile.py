"""Hostile and broken submissions, through the real Docker sandbox.

Each test asserts the verdict and that nothing leaked or broke: the judge stays within its
time bounds, the host's memory does not grow with the submission's output, forged lines are
never credited, and (in conftest) no container, process or staging folder is left behind.
"""

from __future__ import annotations

import contextlib
import os
import resource
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from judge.core.engine import JudgeOptions, judge
from judge.core.problem import Problem, load_problem
from judge.core.verdict import Report, Verdict
from judge.sandbox import OpenedSandbox
from judge.sandbox.containers import OWNER_LABEL, sweep_orphans
from judge.sandbox.session import HARD_DEADLINE_GRACE_S, TRANSFER_BYTES_PER_S

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
SUBMISSIONS = Path(__file__).parent / "fixtures" / "submissions"
OPTIONS = JudgeOptions(max_examples=5)

pytestmark = pytest.mark.docker

EXPECTED: dict[str, tuple[set[Verdict], str]] = {
    "busy_threads.py": ({Verdict.TLE}, ""),
    "huge_bytes.py": ({Verdict.MLE}, "memory"),
    "fork_bomb.py": ({Verdict.RE, Verdict.TLE}, ""),
    "multiprocessing_bomb.py": ({Verdict.RE, Verdict.TLE}, ""),
    "subprocess_loop.py": ({Verdict.RE, Verdict.TLE}, ""),
    "print_gigabyte.py": ({Verdict.OLE}, "printed too much"),
    "stderr_gigabyte.py": ({Verdict.OLE}, "printed too much"),
    "protocol_garbage.py": ({Verdict.RE}, "malformed message"),
    "protocol_forged_then_wrong.py": ({Verdict.WA}, "differs"),
    "background_forger.py": ({Verdict.AC}, ""),
    "close_stdout.py": ({Verdict.RE}, "ended"),
    "fill_tmp.py": ({Verdict.RE}, "OSError"),
    "huge_file.py": ({Verdict.RE}, "File too large"),
    "snoop.py": ({Verdict.AC}, ""),
    "network.py": ({Verdict.AC}, ""),
    "network_raises.py": ({Verdict.RE}, "OSError"),
    "sys_exit_in_call.py": ({Verdict.RE}, "exit"),
    "raise_system_exit.py": ({Verdict.RE}, "exit"),
    "keyboard_interrupt.py": ({Verdict.RE}, "KeyboardInterrupt"),
    "base_exception.py": ({Verdict.RE}, "BaseException: not an Exception"),
    "base_exception_at_import.py": ({Verdict.CE}, "BaseException: at import"),
    "deep_recursion.py": ({Verdict.RE}, "RecursionError"),
    "c_stack_overflow.py": ({Verdict.RE}, "SIGSEGV"),
    "sigterm_daemon.py": ({Verdict.TLE}, ""),
    "fake_clock.py": ({Verdict.TLE}, ""),  # "took", or killed at the deadline when busy
    "patch_json.py": ({Verdict.WA}, "differs"),
    "patch_builtins.py": ({Verdict.WA}, "differs"),
    "returns_nan.py": ({Verdict.WA}, "differs"),
    "returns_inf.py": ({Verdict.WA}, "differs"),
    "returns_huge_int.py": ({Verdict.WA}, "too large"),
    "returns_bytes.py": ({Verdict.WA}, "bytes"),
    "returns_generator.py": ({Verdict.WA}, "generator"),
    "returns_custom_object.py": ({Verdict.WA}, "AlwaysEqual"),
    "returns_long_list.py": ({Verdict.OLE}, "size cap"),
    "returns_surrogates.py": ({Verdict.WA}, "differs"),
    "exhaust_fds.py": ({Verdict.AC}, ""),
    "slow_import.py": ({Verdict.TLE}, "importing"),
    "memfd_hog.py": ({Verdict.MLE}, "memory"),
    "padded_reply.py": ({Verdict.TLE}, ""),
    "reply_huge_time.py": ({Verdict.RE}, "valid time"),
    "reply_array_typecode_list.py": ({Verdict.WA}, "cannot read"),
    "reply_zero_size_ndarray.py": ({Verdict.WA}, "cannot read"),
    "crash_every_case.py": ({Verdict.RE}, "ended"),
    "output_before_request.py": ({Verdict.OLE}, "printed too much"),
}
PROBLEM_FOR = {"padded_reply.py": "add-big-replies"}
"""Files judged against another fixture problem than `add`. padded_reply reports zero time
and pads each reply with ~2 MB while burning 1.15 s of CPU against a 1 s limit: an allowance
that grew with the reply (or with the host's decoding of it) once made it AC. It needs
`add`'s 16 MiB-reply variant, or the 1 MiB cap would stop it first (OLE)."""


def _why(report: Report) -> str:
    failure = report.first_failure
    return report.message or (failure.message if failure else "")


def _hard_bound_s(problem: Problem) -> float:
    """The longest the host may wait for one case before it kills the sandbox."""
    limits = problem.limits
    return limits.time_s + HARD_DEADLINE_GRACE_S + (limits.message_mib << 20) / TRANSFER_BYTES_PER_S


def test_every_hostile_file_has_an_expectation() -> None:
    assert sorted(path.name for path in HOSTILE.glob("*.py")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_submission(
    name: str, add_problem: Problem, docker_opened: OpenedSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JUDGE_TEST_SECRET", "SECRET-must-not-leak")
    verdicts, fragment = EXPECTED[name]
    problem = add_problem
    if name in PROBLEM_FOR:
        problem = load_problem(Path(__file__).parent / "fixtures" / "problems" / PROBLEM_FOR[name])
    report = judge(problem, HOSTILE / name, docker_opened, OPTIONS)
    assert report.verdict in verdicts, f"{report.verdict}: {_why(report)}"
    assert fragment in _why(report) + (
        report.first_failure.got or "" if report.first_failure else ""
    )
    bound = _hard_bound_s(problem) + 0.5
    for case in report.cases:
        assert case.wall_ms is None or case.wall_ms <= bound * 1000, case
    if report.verdict is Verdict.TLE and name != "slow_import.py":
        assert report.elapsed_s < 12 * bound


def test_gigabyte_of_output_does_not_grow_host_memory(
    add_problem: Problem, docker_opened: OpenedSandbox
) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = judge(add_problem, HOSTILE / "print_gigabyte.py", docker_opened, OPTIONS)
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert report.verdict is Verdict.OLE
    assert grown_mib < 50


def test_forged_lines_are_never_credited(
    add_problem: Problem, docker_opened: OpenedSandbox
) -> None:
    report = judge(add_problem, HOSTILE / "protocol_forged_then_wrong.py", docker_opened, OPTIONS)
    failure = report.first_failure
    assert failure is not None and failure.verdict is Verdict.WA
    assert failure.got == "4" and failure.expected == "3"  # the real answer to add(1, 2)


def test_snooping_finds_nothing(add_problem: Problem, docker_opened: OpenedSandbox) -> None:
    """The reference, properties, other submissions and host secrets are not in the sandbox:
    the submission answers right only when its search comes back empty."""
    report = judge(add_problem, HOSTILE / "snoop.py", docker_opened, OPTIONS)
    assert report.verdict is Verdict.AC, report.first_failure


def test_container_killed_from_outside_is_an_internal_error(
    add_problem: Problem, docker_opened: OpenedSandbox, tmp_path: Path
) -> None:
    slow = tmp_path / "slow.py"
    slow.write_text("import time\n\ndef add(a, b):\n    time.sleep(0.3)\n    return a + b\n")
    client = docker_opened.sandbox.client  # type: ignore[attr-defined]
    stop = threading.Event()

    mine = {"label": f"{OWNER_LABEL}={socket.gethostname()}:{os.getpid()}"}

    def assassin() -> None:
        # The low-level listing: the high-level one inspects each container in turn, and
        # fails when one is removed in between (containers are killed in the background).
        while not stop.wait(0.4):
            for summary in client.api.containers(filters=mine):
                with contextlib.suppress(Exception):
                    client.api.kill(summary["Id"])
                return

    thread = threading.Thread(target=assassin)
    thread.start()
    try:
        report = judge(add_problem, slow, docker_opened, OPTIONS)
    finally:
        stop.set()
        thread.join()
    assert report.verdict is Verdict.IE
    assert "stopped from outside" in report.message
    after = judge(add_problem, SUBMISSIONS / "ok.py", docker_opened, OPTIONS)
    assert after.verdict is Verdict.AC


def test_timeouts_end_within_the_hard_deadline(
    add_problem: Problem, docker_opened: OpenedSandbox
) -> None:
    started = time.monotonic()
    report = judge(add_problem, SUBMISSIONS / "tle_sleep.py", docker_opened, OPTIONS)
    assert report.verdict is Verdict.TLE
    tle_cases = [case for case in report.cases if case.verdict is Verdict.TLE]
    assert tle_cases
    for case in tle_cases:
        assert (
            case.wall_ms is not None and case.wall_ms <= (_hard_bound_s(add_problem) + 0.2) * 1000
        )
    assert time.monotonic() - started < len(tle_cases) * (_hard_bound_s(add_problem) + 1.5) + 3


def test_containers_of_a_dead_judge_are_swept(docker_opened: OpenedSandbox) -> None:
    gone = subprocess.Popen(["true"])
    gone.wait()
    client = docker_opened.sandbox.client  # type: ignore[attr-defined]
    orphan = client.containers.create(
        docker_opened.info.image_id,
        command=["sleep", "infinity"],
        labels={"judge.session": "1", OWNER_LABEL: f"{socket.gethostname()}:{gone.pid}"},
    )
    assert sweep_orphans(client) >= 1
    assert orphan.id not in {summary["Id"] for summary in client.api.containers(all=True)}


def test_shrinking_a_crash_is_bounded(add_problem: Problem, docker_opened: OpenedSandbox) -> None:
    """Each failing case ends the sandbox and each restart re-imports for 1.5 s: shrinking
    stops after a few restarts and says so, instead of starting a container per step."""
    started = time.monotonic()
    report = judge(add_problem, HOSTILE / "crash_every_case.py", docker_opened, OPTIONS)
    assert report.verdict is Verdict.RE
    assert any("shrinking stopped early" in note for note in report.notes), report.notes
    assert time.monotonic() - started < 40


def test_output_before_the_request_keeps_the_real_wall_time(
    add_problem: Problem, docker_opened: OpenedSandbox
) -> None:
    report = judge(add_problem, HOSTILE / "output_before_request.py", docker_opened, OPTIONS)
    failure = report.first_failure
    assert failure is not None and failure.verdict is Verdict.OLE
    assert failure.wall_ms is not None and failure.wall_ms > 0
