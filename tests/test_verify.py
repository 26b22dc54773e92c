"""`judge check`'s time margins (core/verify.py): the arithmetic on judged cases, then whole
package checks through a fake sandbox in which each labelled file plays a stress time, and
one real kill at the hard deadline in the process sandbox."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from judge.cli import main
from judge.core.engine import JudgeOptions
from judge.core.verdict import (
    CaseResult,
    Group,
    GroupResult,
    Limits,
    Report,
    SandboxInfo,
    Verdict,
)
from judge.core.verify import (
    MARGIN,
    REMEASURE_RUNS,
    Margin,
    MarginKind,
    PackageCheck,
    SubmissionCheck,
    excess,
    headroom,
    verify_package,
)
from judge.sandbox import OpenedSandbox
from judge.sandbox.fake import FakeSandbox, FakeSession, SimulatedFault
from judge.sandbox.inside import wire
from judge.sandbox.session import Outcome

ADD = Path(__file__).parent / "fixtures" / "problems" / "add"
SMALL = 1000
"""The add problem's property operands stay within ±1000; its stress operands are ~10^18."""
FLOOR_S = 0.6
"""The stress limit of the test package: the floor, since its reference takes no time."""


def stress_case(index: int, verdict: Verdict, time_ms: float | None) -> CaseResult:
    return CaseResult(Group.STRESS, index, verdict, time_ms)


# --- the arithmetic ---------------------------------------------------------------------------
def test_headroom_is_the_limit_over_the_slowest_case() -> None:
    cases = [stress_case(0, Verdict.AC, 100.0), stress_case(1, Verdict.AC, 250.0)]
    margin = headroom(cases, 1.0)
    assert margin is not None
    assert margin.kind is MarginKind.HEADROOM and margin.case == 1
    assert margin.ratio == pytest.approx(4.0) and not margin.at_least and not margin.thin
    assert str(margin) == "headroom 4.00×" and margin.warning() == ""


def test_a_thin_headroom_warns_of_tle_elsewhere() -> None:
    margin = headroom([stress_case(0, Verdict.AC, 600.0)], 1.0)
    assert margin is not None and margin.thin
    assert margin.ratio == pytest.approx(1 / 0.6)
    assert "under 2×" in margin.warning() and "TLE" in margin.warning()
    assert "0.600 s" in margin.warning() and "1.000 s" in margin.warning()


def test_a_case_faster_than_the_clock_gives_a_lower_bound() -> None:
    margin = headroom([stress_case(0, Verdict.AC, 0.0)], 1.0)
    assert margin is not None and margin.at_least
    assert margin.ratio == pytest.approx(1000.0) and str(margin) == "headroom ≥ 1000.00×"


def test_no_timed_case_no_margin() -> None:
    assert headroom([], 1.0) is None
    assert headroom([stress_case(0, Verdict.AC, None)], 1.0) is None
    assert excess([stress_case(0, Verdict.RE, 5000.0)], 1.0) is None


def test_excess_of_a_stopped_case_is_a_lower_bound() -> None:
    cases = [stress_case(0, Verdict.AC, 300.0), stress_case(1, Verdict.TLE, 2550.0)]
    margin = excess(cases, 1.0)
    assert margin is not None and margin.kind is MarginKind.EXCESS
    assert margin.case == 1 and margin.at_least and margin.ratio == pytest.approx(2.55)
    assert str(margin) == "excess ≥ 2.55×" and not margin.thin
    assert "stopped unfinished after 2.550 s" in margin.explain()


def test_a_stopped_case_took_at_least_its_run_limit() -> None:
    """A case killed at once (as the fake sandbox does) still ran past its limit."""
    killed = excess([stress_case(0, Verdict.TLE, 1.0)], 1.0)
    assert killed is not None and killed.ratio == pytest.approx(1.0) and killed.thin
    rerun = excess([stress_case(0, Verdict.TLE, 1.0)], 1.0, run_limit_s=2.0)
    assert rerun is not None and rerun.ratio == pytest.approx(MARGIN) and not rerun.thin


def test_a_finished_case_counts_as_measured_and_other_verdicts_not_at_all() -> None:
    cases = [
        stress_case(0, Verdict.AC, 1700.0),
        stress_case(1, Verdict.MLE, 9000.0),
        stress_case(2, Verdict.WA, 9000.0),
    ]
    margin = excess(cases, 1.0, run_limit_s=2.0)
    assert margin is not None and margin.case == 0 and not margin.at_least
    assert margin.ratio == pytest.approx(1.7) and margin.thin
    assert "a faster machine may accept it" in margin.warning()


def test_thin_margins_are_warnings_not_failures() -> None:
    thin = Margin(MarginKind.HEADROOM, 1.5, False, 0, 0.4, 0.6)
    check = PackageCheck(ADD, reference_margin=Margin(MarginKind.HEADROOM, 9.0, False, 0, 0, 0))
    check.submissions.append(SubmissionCheck(Path("slow.py"), Verdict.AC, _report(), thin))
    assert check.ok
    assert check.warnings == [f"slow.py: {thin.warning()}"]


def test_a_wrong_answer_label_must_pass_every_sample() -> None:
    """A WA the samples catch proves nothing about the generated cases: the label fails."""
    samples_pass = _group(Group.SAMPLES, Verdict.AC)
    samples_fail = _group(Group.SAMPLES, Verdict.WA)
    properties_fail = _group(Group.PROPERTIES, Verdict.WA)
    late = _report(Verdict.WA, (samples_pass, properties_fail))
    early = _report(Verdict.WA, (samples_fail, properties_fail))
    assert SubmissionCheck(Path("late.py"), Verdict.WA, late).ok
    caught_by_a_sample = SubmissionCheck(Path("early.py"), Verdict.WA, early)
    assert caught_by_a_sample.fails_a_sample
    assert not caught_by_a_sample.ok
    # Other labels may fail a sample: a compile error or a crash fails every case.
    assert SubmissionCheck(Path("crash.py"), Verdict.RE, _report(Verdict.RE, (samples_fail,))).ok


def _group(group: Group, verdict: Verdict) -> GroupResult:
    case = CaseResult(group, 0, verdict)
    return GroupResult(group, verdict, 10.0, 10.0 if verdict is Verdict.AC else 0.0, (case,), 1.0)


def _report(verdict: Verdict = Verdict.AC, groups: tuple[GroupResult, ...] = ()) -> Report:
    return Report(
        problem="add",
        submission="slow.py",
        verdict=verdict,
        score=100,
        groups=groups,
        seed=0,
        limits=Limits(1.0, 64),
        sandbox=SandboxInfo("fake"),
        judge_version="test",
    )


# --- whole packages, through a fake sandbox -----------------------------------------------------
class TimedSandbox(FakeSandbox):
    """Every file answers `add` right; on stress cases it burns the CPU seconds `cpu_s`
    gives for its name (seen by the session as the sandbox's CPU, so the time that decides
    the verdict), or never answers (None: the sandbox is killed, at once in a fake)."""

    def __init__(self, cpu_s: dict[str, float | None]) -> None:
        super().__init__()
        self.cpu_s = cpu_s
        self.stress_runs: dict[str, int] = {}

    def start(self, submission: Path, entry: dict[str, Any], limits: Limits) -> FakeSession:
        name = submission.stem
        seconds = self.cpu_s.get(name, 0.0)

        def handle(request: dict[str, Any]) -> dict[str, Any]:
            a, b = wire.from_wire(request["args"])
            if abs(a) <= SMALL and abs(b) <= SMALL:
                return {"ok": True, "value": a + b}
            self.stress_runs[name] = self.stress_runs.get(name, 0) + 1
            if seconds is None:
                raise SimulatedFault(Outcome.TIMEOUT)
            return {"ok": True, "value": a + b, "cpu_ns": int(seconds * 1e9)}

        self.sessions.append(FakeSession(limits, submission, {"ok": True}, handle))
        return self.sessions[-1]


def package(tmp_path: Path, labelled: dict[str, list[str]]) -> tuple[Path, Path]:
    """The add problem with a stress floor of FLOOR_S, and empty files in verdict folders."""
    folder = tmp_path / "add"
    shutil.copytree(ADD, folder)
    yaml = folder / "problem.yaml"
    yaml.write_text(yaml.read_text().replace("floor_s: 0.5", f"floor_s: {FLOOR_S}"))
    solutions = tmp_path / "solutions"
    for verdict_folder, names in labelled.items():
        (solutions / verdict_folder).mkdir(parents=True)
        for name in names:
            (solutions / verdict_folder / f"{name}.py").write_text("# played by the sandbox\n")
    return folder, solutions


def check_with(sandbox: TimedSandbox, folder: Path, solutions: Path) -> PackageCheck:
    opened = OpenedSandbox(sandbox, SandboxInfo(kind=sandbox.kind))
    return verify_package(folder, solutions, opened, JudgeOptions(max_examples=10))


def margins(result: PackageCheck) -> dict[str, Margin | None]:
    return {check.path.stem: check.margin for check in result.submissions}


def test_package_margins_measured_and_thin_ones_measured_again(tmp_path: Path) -> None:
    folder, solutions = package(
        tmp_path,
        {
            "accepted": ["fast", "thin"],
            "time_limit_exceeded": ["slow", "barely", "hangs"],
            "wrong_answer": ["other"],
        },
    )
    cpu = {"reference": 0.0, "fast": 0.1, "thin": 0.4, "slow": 1.5, "barely": 0.9, "hangs": None}
    sandbox = TimedSandbox(cpu)
    result = check_with(sandbox, folder, solutions)
    assert result.problems == []
    assert not result.ok  # "other" answers right: labelled WA, it gets AC
    found = margins(result)
    assert found["other"] is None  # neither an AC nor a TLE label

    fast = found["fast"]
    assert fast is not None and fast.kind is MarginKind.HEADROOM and not fast.thin
    assert fast.ratio == pytest.approx(FLOOR_S / 0.1, rel=0.1) and fast.how == ""
    assert sandbox.stress_runs["fast"] == 1  # clear: not measured again

    thin = found["thin"]
    assert thin is not None and thin.thin and thin.ratio == pytest.approx(1.5, rel=0.1)
    assert thin.how == f"median of {1 + REMEASURE_RUNS} runs"
    assert sandbox.stress_runs["thin"] == 1 + REMEASURE_RUNS

    slow = found["slow"]  # TLE at 1.5 s on a 0.6 s limit: 2.5 times, seen in the judgement
    assert slow is not None and slow.kind is MarginKind.EXCESS and slow.at_least
    assert slow.ratio == pytest.approx(1.5 / FLOOR_S, rel=0.1) and not slow.thin
    assert sandbox.stress_runs["slow"] == 1

    barely = found["barely"]  # 0.9 s: TLE at 0.6 s, finished under the doubled limit of 1.2 s
    assert barely is not None and barely.thin and not barely.at_least
    assert barely.ratio == pytest.approx(0.9 / FLOOR_S, rel=0.1)
    assert "run again with a 2× limit of 1.200 s" in barely.how
    assert sandbox.stress_runs["barely"] == 2

    hangs = found["hangs"]  # killed both times: at least the doubled limit it was run again under
    assert hangs is not None and hangs.at_least and hangs.ratio >= MARGIN and not hangs.thin
    assert sandbox.stress_runs["hangs"] == 2

    reference = result.reference_margin
    assert reference is not None and not reference.thin
    warned = sorted(Path(line.split(":")[0]).stem for line in result.warnings)
    assert warned == ["barely", "thin"]


def test_labels_that_missed_get_no_margin(tmp_path: Path) -> None:
    """A TLE label that got AC fails the check; its time is no margin to report."""
    folder, solutions = package(tmp_path, {"time_limit_exceeded": ["quick"]})
    result = check_with(TimedSandbox({"quick": 0.05}), folder, solutions)
    (only,) = result.submissions
    assert not only.ok and only.margin is None and result.warnings == []


def test_check_shows_margins_and_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, solutions = package(
        tmp_path, {"accepted": ["fast", "thin"], "time_limit_exceeded": ["slow"]}
    )
    sandbox = TimedSandbox({"fast": 0.1, "thin": 0.4, "slow": 1.5})

    def fake_open(choice: Any, **_: Any) -> OpenedSandbox:
        return OpenedSandbox(sandbox, SandboxInfo(kind=sandbox.kind))

    monkeypatch.setattr("judge.sandbox.open_sandbox", fake_open)
    result = CliRunner().invoke(
        main, ["check", str(folder), "--solutions", str(solutions)], catch_exceptions=False
    )
    out = " ".join(result.stdout.split())  # rich wraps long lines
    assert result.exit_code == 0, out  # thin margins warn, they do not fail
    assert "reference: headroom ≥" in out
    assert "fast.py: expected AC, got AC · headroom 6" in out
    assert "slow.py: expected TLE, got TLE · excess ≥ 2.4" in out
    assert "! " in out and "thin.py: headroom 1.5" in out and "is under 2×" in out
    assert out.count("! ") == 1


# --- a real kill at the hard deadline -------------------------------------------------------------
SLEEPER = """import time


def add(a, b):
    if abs(a) > 1000 or abs(b) > 1000:
        time.sleep(60)
    return a + b
"""


def test_a_kill_at_the_hard_deadline_is_reported_as_at_least(
    tmp_path: Path, process_opened: OpenedSandbox
) -> None:
    """In a real sandbox the killed case's time is the wall time until the kill: the limit
    plus the grace, so already past 2× the add problem's 0.5 s limit."""
    folder = tmp_path / "add"
    shutil.copytree(ADD, folder)
    tle = tmp_path / "solutions" / "time_limit_exceeded"
    tle.mkdir(parents=True)
    (tle / "sleeper.py").write_text(SLEEPER)
    result = verify_package(
        folder, tmp_path / "solutions", process_opened, JudgeOptions(max_examples=5)
    )
    (check,) = result.submissions
    assert check.ok, check.report.first_failure
    margin = check.margin
    assert margin is not None and margin.at_least and margin.kind is MarginKind.EXCESS
    assert margin.ratio >= MARGIN and margin.how == ""  # no run again needed
    assert str(margin).startswith("excess ≥ ")


def test_recalibrate_measures_the_reference_again_and_keeps_it(tmp_path: Path) -> None:
    """A limit calibrated on a busy machine stays cached until asked to measure again."""
    folder, solutions = package(tmp_path, {"accepted": ["fast"]})
    with (folder / "problem.yaml").open("a") as yaml:  # a fingerprint no other test shares
        yaml.write("# test_recalibrate\n")

    def reference_ms(note: str) -> float:
        found = re.search(r"reference (\d+) ms", note)
        assert found, note
        return float(found.group(1))

    busy_sandbox = TimedSandbox({"reference": 0.3, "fast": 0.1})
    busy = check_with(busy_sandbox, folder, solutions)
    assert reference_ms(busy.stress_note) == pytest.approx(300, abs=20)
    assert "(measured now)" in busy.stress_note
    quiet = TimedSandbox({"reference": 0.1, "fast": 0.1})
    quiet.image_id = busy_sandbox.image_id  # the same sandbox, on a quieter day
    cached = check_with(quiet, folder, solutions).stress_note
    assert reference_ms(cached) == reference_ms(busy.stress_note) and "(cached)" in cached
    opened = OpenedSandbox(quiet, SandboxInfo(kind=quiet.kind))
    again = verify_package(
        folder, solutions, opened, JudgeOptions(max_examples=10, recalibrate=True)
    )
    assert reference_ms(again.stress_note) == pytest.approx(100, abs=20)
    assert "(measured now)" in again.stress_note and again.ok
    later = check_with(quiet, folder, solutions).stress_note
    assert reference_ms(later) == reference_ms(again.stress_note) and "(cached)" in later
