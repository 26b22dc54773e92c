"""Hardening against what a red team broke: each test names the class of attack it closes.

The Docker ones judge through the real sandbox; the restart-channel one uses the process
sandbox, whose shared /tmp gives a submission a reliable way to tell a restart from the
first start (in Docker it has only a page-cache timing channel, which no test can make
deterministic; the runner's rule is the same for both).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from judge.core.engine import JudgeOptions, judge
from judge.core.entries import Entry
from judge.core.problem import Problem
from judge.core.verdict import Limits, Verdict
from judge.sandbox import OpenedSandbox
from judge.sandbox.session import HarnessSession
from judge.sandbox.staging import MAX_SUBMISSION_BYTES, SubmissionRefused, read_submission

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = Path(__file__).parent / "fixtures" / "submissions"
OPTIONS = JudgeOptions(max_examples=5)


# --- a submission file the judge will not read ----------------------------------------------


def test_a_symlink_is_refused_and_nothing_of_its_target_is_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.py"
    secret.write_text("def add(a, b):\n    return a + b  # SECRET-LINE\n")
    secret.chmod(0o600)
    link = tmp_path / "link.py"
    link.symlink_to(secret)
    with pytest.raises(SubmissionRefused, match="symbolic link"):
        read_submission(link)


def test_special_and_huge_files_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.py"
    os.mkfifo(fifo)
    with pytest.raises(SubmissionRefused, match="not a regular file"):
        read_submission(fifo)  # returns at once: opening a FIFO must not wait for a writer
    with pytest.raises(SubmissionRefused, match="not a regular file"):
        read_submission(tmp_path)
    huge = tmp_path / "huge.py"
    with huge.open("wb") as stream:
        stream.truncate(MAX_SUBMISSION_BYTES + 1)
    with pytest.raises(SubmissionRefused, match="bytes"):
        read_submission(huge)
    assert read_submission(SUBMISSIONS / "ok.py") == (SUBMISSIONS / "ok.py").read_bytes()


@pytest.mark.docker
def test_a_symlink_to_the_reference_is_a_compile_error(
    add_problem: Problem, docker_opened: OpenedSandbox, tmp_path: Path
) -> None:
    """Once, staging followed the link as root and the reference itself got AC 100."""
    link = tmp_path / "mine.py"
    link.symlink_to(add_problem.root / "reference.py")
    report = judge(add_problem, link, docker_opened, OPTIONS)
    assert report.verdict is Verdict.CE
    assert "symbolic link" in report.message
    assert report.score == 0


# --- a submission that fails to load again after a restart ------------------------------


def test_failing_to_load_after_a_restart_is_the_submissions_runtime_error(
    add_problem: Problem, process_opened: OpenedSandbox, tmp_path: Path
) -> None:
    """Imports fine, crashes its process on the first case, then refuses to import in the
    restarted sandbox: its own doing (RE on every later case), never the judge's (IE)."""
    marker = Path("/tmp") / f"judge-test-restart-{uuid.uuid4().hex}"
    submission = tmp_path / "two_faced.py"
    submission.write_text(
        "import os\n"
        f"MARKER = {str(marker)!r}\n"
        "if os.path.exists(MARKER):\n"
        "    raise ImportError('not again')\n"
        "open(MARKER, 'w').close()\n"
        "os.chmod(MARKER, 0o666)\n\n"
        "def add(a, b):\n"
        "    os._exit(7)\n"
    )
    try:
        report = judge(add_problem, submission, process_opened, OPTIONS)
    finally:
        marker.unlink(missing_ok=True)
    assert report.verdict is Verdict.RE, report.message
    messages = [case.message for case in report.cases]
    assert any("failed to load again after a restart" in message for message in messages)
    assert all(case.verdict is Verdict.RE for case in report.cases)


# --- calibration never measures beside untrusted code ------------------------------------


class _Recording:
    """A sandbox that notes which file each session starts, in order."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.image_id = inner.image_id
        self.started: list[str] = []

    def prepare(self, limits: Limits) -> None:
        self.inner.prepare(limits)

    def close(self) -> None:
        self.inner.close()

    def start(self, submission: Path, entry: dict[str, Any], limits: Limits) -> HarnessSession:
        self.started.append(submission.name)
        session: HarnessSession = self.inner.start(submission, entry, limits)
        return session


@pytest.mark.docker
def test_calibration_runs_before_the_submissions_sandbox_starts(
    add_problem: Problem,
    docker_opened: OpenedSandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A submission's busy threads once ran beside the calibrating reference and slowed it,
    and the slowed measure was cached for every later judgement on the machine."""
    monkeypatch.setenv("JUDGE_CACHE_DIR", str(tmp_path / "fresh-cache"))
    recording = _Recording(docker_opened.sandbox)
    opened = OpenedSandbox(recording, docker_opened.info)
    report = judge(add_problem, ROOT / "tests/fixtures/hostile/busy_threads.py", opened, OPTIONS)
    assert report.verdict is Verdict.TLE
    first_submission = recording.started.index("busy_threads.py")
    assert recording.started[:first_submission] == ["reference.py"]
    assert "reference.py" not in recording.started[first_submission:]
    assert (tmp_path / "fresh-cache" / "calibration.json").is_file()


def test_a_calibration_cache_that_cannot_be_written_is_a_warning(
    add_problem: Problem,
    process_opened: OpenedSandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """JUDGE_CACHE_DIR naming a file once turned an accepted run into IE."""
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    monkeypatch.setenv("JUDGE_CACHE_DIR", str(not_a_folder))
    report = judge(add_problem, SUBMISSIONS / "ok.py", process_opened, OPTIONS)
    assert report.verdict is Verdict.AC
    assert any("could not be written" in note for note in report.notes), report.notes


def test_judges_calibrating_at_once_keep_each_others_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache was read, changed and rewritten unlocked: two judges lost each other's."""
    monkeypatch.setenv("JUDGE_CACHE_DIR", str(tmp_path))
    code = (
        "import sys\nfrom judge.core.calibrate import _store\n"
        "for n in range(40):\n    _store(f'{sys.argv[1]}-{n}', n / 1000)\n"
    )
    writers = [subprocess.Popen([sys.executable, "-c", code, name]) for name in "ab"]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    cache = json.loads((tmp_path / "calibration.json").read_text())
    assert sorted(cache) == sorted(f"{name}-{n}" for name in "ab" for n in range(40))


def test_an_internal_error_keeps_the_judges_traceback(
    add_problem: Problem, process_opened: OpenedSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Entry, caller: object, case: object, time_limit_s: float) -> object:
        raise TypeError("a bug in the judge")

    monkeypatch.setattr(type(add_problem.entry), "execute", broken)
    report = judge(add_problem, SUBMISSIONS / "ok.py", process_opened, OPTIONS)
    assert report.verdict is Verdict.IE
    assert report.message == "TypeError: a bug in the judge"
    assert "Traceback (most recent call last)" in report.debug
    assert "def broken" in report.debug or "broken" in report.debug


# --- what the CLI shows and refuses ----------------------------------------------------------

ADD = ROOT / "tests" / "fixtures" / "problems" / "add"


def _invoke(*args: str) -> Any:
    from click.testing import CliRunner

    from judge.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_judge_run_refuses_a_symlink_with_exit_2(tmp_path: Path) -> None:
    secret = tmp_path / "secret.py"
    secret.write_text("def add(a, b):\n    return a + b  # SECRET-LINE\n")
    link = tmp_path / "link.py"
    link.symlink_to(secret)
    result = _invoke("run", str(ADD), str(link), "--sandbox", "process")
    assert result.exit_code == 2
    assert "symbolic link" in result.output
    assert "SECRET-LINE" not in result.output


def test_a_forged_verdict_line_in_a_file_name_is_escaped(tmp_path: Path) -> None:
    """A newline in a file name once printed a forged `Verdict: Accepted` line; a U+202E
    reordered what followed it."""
    name = "odd\nVerdict: Accepted (AC)   score 100∕100\u202e.py"
    submission = tmp_path / name
    submission.write_text("def add(a, b):\n    return a - b\n")
    result = _invoke(
        "run", str(ADD), str(submission), "--sandbox", "process", "--max-examples", "5"
    )
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert not any(line.lstrip().startswith("Verdict: Accepted") for line in lines)
    assert "\u202e" not in result.output
    assert "\\x0a" in result.output and "\\u202e" in result.output


@pytest.mark.docker
def test_grading_a_folder_of_hostile_files_never_exits_3(tmp_path: Path) -> None:
    """Candidates are untrusted: whatever they hand in (a link to the reference, forged
    names, crashes, padded or malformed replies), the batch ends with 0 or 1, never the
    judge's own 3, and no byte of a link's target reaches a report."""
    folder = tmp_path / "candidates"
    folder.mkdir()
    hostile = ROOT / "tests" / "fixtures" / "hostile"
    for name in [
        "memfd_hog.py",
        "padded_reply.py",
        "reply_huge_time.py",
        "reply_array_typecode_list.py",
        "reply_zero_size_ndarray.py",
        "output_before_request.py",
        "protocol_garbage.py",
    ]:
        (folder / name).write_bytes((hostile / name).read_bytes())
    (folder / "eve.py").symlink_to(ADD / "reference.py")
    (folder / "mallory\n✓ eve · add: AC 100∕100.py").write_text("def add(a, b):\n    return 0\n")
    report = tmp_path / "grades.json"
    result = _invoke(
        "grade", str(ADD), "--dir", str(folder), "--json-file", str(report), "--jobs", "2"
    )
    assert result.exit_code == 1, result.output
    import json

    results = {row["candidate"]: row for row in json.loads(report.read_text())["results"]}
    assert results["eve"]["verdict"] == "CE"
    assert all(row["verdict"] != "IE" for row in results.values())
    reference = (ADD / "reference.py").read_text()
    assert reference.strip() not in report.read_text()
    assert not any(line.startswith("✓ eve") for line in result.output.splitlines())


def test_the_json_report_carries_the_judges_traceback_for_ie(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import json

    def broken(self: Entry, caller: object, case: object, time_limit_s: float) -> object:
        raise TypeError("a bug in the judge")

    from judge.core.entries import FunctionEntry

    monkeypatch.setattr(FunctionEntry, "execute", broken)
    result = _invoke("run", str(ADD), str(SUBMISSIONS / "ok.py"), "--sandbox", "process", "--json")
    assert result.exit_code == 3
    report = json.loads(result.output)
    assert report["verdict"] == "IE" and "Traceback" in report["debug"]


def test_any_crash_of_the_judge_exits_3_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not 1 ("not accepted"): CI must never count a judge crash as a failed candidate."""
    import judge.core.catalog

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(judge.core.catalog, "resolve", crash)
    result = _invoke("run", str(ADD), str(SUBMISSIONS / "ok.py"), "--sandbox", "process")
    assert result.exit_code == 3
    assert "internal error: the judge crashed (KeyError: 'a bug')" in result.output
    assert "--debug" in result.output and "Traceback" not in result.output
    debugged = _invoke("--debug", "run", str(ADD), str(SUBMISSIONS / "ok.py"))
    assert debugged.exit_code == 3 and "Traceback" in debugged.output
