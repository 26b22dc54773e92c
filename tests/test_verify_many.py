"""`judge check --jobs N` (core/verify_many.py): the same results as one at a time, in the
order given, with judgements spread over worker processes (the process sandbox here)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from judge.core.engine import JudgeOptions
from judge.core.verdict import SandboxInfo, Verdict
from judge.core.verify import PackageCheck, verify_package
from judge.core.verify_many import WORKER_DIED, _Work, verify_packages
from judge.core.workers import WorkerSetup, worker_pool
from judge.sandbox import OpenedSandbox, SandboxChoice

FIXTURES = Path(__file__).parent / "fixtures"
LABELS = {
    "accepted": ["ok.py"],
    "wrong_answer": ["wa_negative.py"],
    "run_time_error": ["re_raise.py"],
    "time_limit_exceeded": ["tle_loop.py"],
}


def packages(root: Path, count: int) -> list[Path]:
    """`count` copies of the add package, each with the same four labelled submissions."""
    folders = []
    for index in range(count):
        folder = root / "problems" / f"add-{index}"
        shutil.copytree(FIXTURES / "problems" / "add", folder)
        spec = folder / "problem.yaml"
        spec.write_text(spec.read_text().replace("slug: add\n", f"slug: add-{index}\n"))
        for label, names in LABELS.items():
            (root / "solutions" / folder.name / label).mkdir(parents=True)
            for name in names:
                shutil.copy(
                    FIXTURES / "submissions" / name, root / "solutions" / folder.name / label
                )
        folders.append(folder)
    return folders


def outline(check: PackageCheck) -> tuple[object, ...]:
    """What must not depend on --jobs: the folder, problems, and each label's verdict."""
    return (
        check.folder.name,
        tuple(check.problems),
        tuple((item.path.name, item.expected, item.report.verdict) for item in check.submissions),
        check.ok,
    )


def test_checking_in_workers_gives_the_results_of_one_at_a_time_in_order(
    tmp_path: Path, process_opened: OpenedSandbox
) -> None:
    folders = packages(tmp_path, 3)
    broken = tmp_path / "problems" / "add-1" / "reference.py"
    broken.write_text("def add(a, b):\n    return a - b\n")  # the examples contradict it
    options = JudgeOptions(max_examples=25)
    messages: list[str] = []
    parallel = list(
        verify_packages(folders, None, process_opened, options, jobs=2, progress=messages.append)
    )
    serial = [verify_package(folder, None, process_opened, options) for folder in folders]
    assert [outline(check) for check in parallel] == [outline(check) for check in serial]
    assert [check.folder for check in parallel] == folders
    verdicts = {item.path.name: item.report.verdict for item in parallel[0].submissions}
    assert verdicts == {
        "ok.py": Verdict.AC,
        "wa_negative.py": Verdict.WA,
        "re_raise.py": Verdict.RE,
        "tle_loop.py": Verdict.TLE,
    }
    assert parallel[0].ok and parallel[2].ok and not parallel[1].ok
    assert "examples[0].output is not a right answer" in parallel[1].problems[0]
    assert parallel[0].stress_note and parallel[0].reference_margin is not None
    assert any("add-2: waiting for its 5 judgements" in message for message in messages)


def _exits(code: int) -> None:
    os._exit(code)


def _doubles(value: int) -> int:
    return 2 * value


def test_a_piece_of_work_that_kills_its_worker_is_retried_alone_then_given_up(
    tmp_path: Path,
) -> None:
    setup = WorkerSetup(SandboxInfo(kind="process"), str(tmp_path))
    with worker_pool(2, setup) as pool:
        dies = _Work(pool, setup, _exits, 3)
        survives = _Work(pool, setup, _doubles, 21)
        assert dies.result() is None  # died with the pool, then alone again: given up
        assert survives.result() == 42  # broken with the pool, done again alone


def test_one_job_is_the_plain_loop(tmp_path: Path, process_opened: OpenedSandbox) -> None:
    (folder,) = packages(tmp_path, 1)
    (check,) = verify_packages([folder], None, process_opened, JudgeOptions(max_examples=25))
    assert check.ok and len(check.submissions) == 4
    assert WORKER_DIED not in " ".join(check.problems)


@pytest.fixture
def process_opened() -> OpenedSandbox:
    from judge.sandbox import open_sandbox

    return open_sandbox(SandboxChoice.PROCESS)
