"""`judge grade`: planning, verdicts and scores, parallel workers, reports, exit codes.

Most tests judge the fixture problem `add` in the process sandbox (fast); one grades through
Docker end to end. Expected scores follow the documented formula with the default weights
(samples 10, properties 60, stress 30) and seed 0.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from junitparser import Error, Failure, JUnitXml

from judge.cli import main
from judge.core.engine import NOTHING_PASSED
from judge.core.errors import UsageError
from judge.core.problem import load_problem
from judge.core.verdict import CaseResult, Group, GroupResult, Limits, Report, SandboxInfo, Verdict
from judge.grading.candidates import FOLDER_RULE, find_submission, plan_manifest
from judge.grading.results import Graded, Grading, PassRule
from judge.reports import csv as csv_report
from judge.reports import junit as junit_report
from judge.reports import markdown as markdown_report
from judge.reports.grading_json import strip_timings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SUBMISSIONS = FIXTURES / "submissions"
ADD = FIXTURES / "problems" / "add"

EXPECTED = {
    "ok": ("AC", 100.0),
    "ok_solution_class": ("AC", 100.0),
    "wa_negative": ("WA", 40.0),  # samples 10 + stress 30; properties all or nothing
    "re_raise": ("RE", 95.0),  # one sample of two (b == 2) fails: 5 + 60 + 30
    "tle_sleep": ("TLE", 0.0),
    "ce_syntax": ("CE", 0.0),
}
STAGE = re.compile(r"/[^\s\"']*judge-stage-\w+")
"""The process sandbox's temporary folder shows in tracebacks (Docker's is always /judge)."""
TIME_ATTRIBUTE = re.compile(r' time="[0-9.]+"')


def _candidates(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(SUBMISSIONS / f"{name}.py", folder / f"{name}.py")
    return folder


def _grade(*args: object, env: dict[str, str] | None = None) -> Result:
    runner = CliRunner(env={"GITHUB_STEP_SUMMARY": "", **(env or {})})
    return runner.invoke(main, ["grade", *map(str, args)], catch_exceptions=False)


def _results(path: Path) -> dict[str, dict[str, Any]]:
    return {row["candidate"]: row for row in json.loads(path.read_text())["results"]}


def _formula(row: dict[str, Any]) -> float:
    """The documented score: samples and stress by the fraction passed, properties all or
    nothing, each times its weight."""
    total = 0.0
    for group in row["groups"]:
        if group["group"] == "properties":
            fraction = 1.0 if group["passed"] == group["cases"] else 0.0
        else:
            fraction = group["passed"] / group["cases"] if group["cases"] else 1.0
        total += group["weight"] * fraction
    return round(total, 2)


# --- the main path: a folder of labelled submissions -----------------------------------


def test_grades_a_folder_with_every_verdict_and_score(tmp_path: Path) -> None:
    subs = _candidates(tmp_path / "subs", sorted(EXPECTED))
    (subs / "zoe").mkdir()  # a candidate folder: the file named after the problem wins
    shutil.copyfile(SUBMISSIONS / "ok.py", subs / "zoe" / "add.py")
    shutil.copyfile(SUBMISSIONS / "wa_negative.py", subs / "zoe" / "scratch.py")
    (subs / "notes.txt").write_text("not a candidate")
    out = tmp_path / "out"
    result = _grade(
        ADD,
        "--dir",
        subs,
        "--sandbox",
        "process",
        "--jobs",
        2,
        "--json-file",
        out / "grades.json",
        "--csv",
        out / "grades.csv",
        "--junit",
        out / "junit.xml",
    )
    assert result.exit_code == 1, result.output
    rows = _results(out / "grades.json")
    expected = {**EXPECTED, "zoe": ("AC", 100.0)}
    assert {name: (row["verdict"], row["score"]) for name, row in rows.items()} == expected
    for row in rows.values():
        assert row["score"] == _formula(row)
        assert row["passed"] is (row["verdict"] == "AC")
        assert row["seed"] == 0 and row["problem"] == "add"
    assert rows["zoe"]["submission"].endswith("zoe/add.py")
    shrunk = [case for case in rows["wa_negative"]["cases"] if case["verdict"] == "WA"]
    assert shrunk == [shrunk[0]] and shrunk[0]["shrunk"] and shrunk[0]["input"] == "a=0, b=-1"
    document = json.loads((out / "grades.json").read_text())
    assert document["schema"] == 1 and document["seed"] == 0
    assert document["pass_rule"] == "accepted" and document["exit_code"] == 1
    assert [row["candidate"] for row in document["results"]] == sorted(expected)
    table = list(csv.reader(io.StringIO((out / "grades.csv").read_text())))
    assert table[0] == ["candidate", "problem", "verdict", "score", "passed"]
    assert ["wa_negative", "add", "WA", "40", "no"] in table and len(table) == 8
    assert "3/7 candidates passed" in result.stdout
    assert re.search(r"\[\s*7/7\] ", result.stderr)  # plain progress lines, not a bar
    _check_junit(out / "junit.xml", expected)


def _check_junit(path: Path, expected: dict[str, tuple[str, float]]) -> None:
    """Parsed twice: by a JUnit reader (as CI tools read it) and as plain XML."""
    xml = JUnitXml.fromfile(str(path))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == set(expected)
    for name, (verdict, _) in expected.items():
        suite = suites[name]
        cases = list(suite)
        assert [case.name for case in cases] == ["samples", "properties", "stress"]
        assert {case.classname for case in cases} == {f"{name}/add"}
        properties = {prop.name: prop.value for prop in suite.properties()}  # type: ignore[no-untyped-call]
        assert properties["verdict"] == verdict and properties["seed"] == "0"
        failed = [case for case in cases if case.result]
        assert (verdict == "AC") == (not failed)
        for case in failed:
            assert all(isinstance(item, Failure) for item in case.result)
            assert case.result[0].type in {verdict, "WA", "RE", "TLE", "CE"}
    wrong = next(case for case in suites["wa_negative"] if case.name == "properties")
    failure = wrong.result[0]
    assert failure.type == "WA" and "shrunk" in failure.text
    assert "input:    a=0, b=-1" in failure.text and "got:      1" in failure.text
    compile_error = next(iter(suites["ce_syntax"]))
    assert "SyntaxError" in compile_error.result[0].text
    skipped = next(case for case in suites["tle_sleep"] if case.name == "stress")
    assert skipped.result[0].type == "TLE" and NOTHING_PASSED in skipped.result[0].text
    root = ET.parse(path).getroot()
    assert root.tag == "testsuites" and int(root.get("tests", "0")) == 3 * len(expected)
    assert int(root.get("failures", "0")) == sum(
        int(suite.get("failures", "0")) for suite in root.iter("testsuite")
    )


def test_two_runs_agree_byte_for_byte_apart_from_timings(tmp_path: Path) -> None:
    subs = _candidates(tmp_path / "subs", ["ok", "wa_negative", "re_raise", "ce_syntax"])
    outputs = []
    for run, jobs in (("one", 1), ("two", 2)):  # and whatever the number of jobs
        out = tmp_path / run
        result = _grade(
            ADD,
            "--dir",
            subs,
            "--sandbox",
            "process",
            "--jobs",
            jobs,
            "--seed",
            3,
            *("--json-file", out / "g.json", "--junit", out / "j.xml"),
            *("--csv", out / "g.csv", "--markdown", out / "g.md"),
        )
        assert result.exit_code == 1, result.output
        outputs.append(out)
    first, second = (
        {p.name: STAGE.sub("<stage>", p.read_text()) for p in o.iterdir()} for o in outputs
    )
    assert first["g.csv"] == second["g.csv"]
    assert first["g.md"] == second["g.md"]
    assert TIME_ATTRIBUTE.sub("", first["j.xml"]) == TIME_ATTRIBUTE.sub("", second["j.xml"])
    one, two = json.loads(first["g.json"]), json.loads(second["g.json"])
    assert one["seed"] == 3 and one != two  # timings do differ ...
    assert json.dumps(strip_timings(one)) == json.dumps(strip_timings(two))  # ... nothing else


# --- through Docker, end to end ---------------------------------------------------------


@pytest.mark.docker
def test_docker_grading_is_reproducible(tmp_path: Path) -> None:
    names = ["ok", "wa_negative", "re_raise", "ce_syntax", "tle_sleep"]
    subs = _candidates(tmp_path / "subs", names)
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / run
        result = _grade(
            ADD,
            "--dir",
            subs,
            "--sandbox",
            "docker",
            "-j",
            2,
            *("--json-file", out / "g.json", "--junit", out / "j.xml"),
            *("--csv", out / "g.csv", "--markdown", out / "g.md"),
        )
        assert result.exit_code == 1, result.output
        outputs.append({path.name: path.read_text() for path in out.iterdir()})
    first, second = outputs
    rows = {row["candidate"]: row for row in json.loads(first["g.json"])["results"]}
    assert {name: (row["verdict"], row["score"]) for name, row in rows.items()} == {
        name: EXPECTED[name] for name in names
    }
    assert all(
        row["sandbox"]["kind"] == "docker" and row["sandbox"]["image_id"] for row in rows.values()
    )
    assert first["g.csv"] == second["g.csv"] and first["g.md"] == second["g.md"]
    assert TIME_ATTRIBUTE.sub("", first["j.xml"]) == TIME_ATTRIBUTE.sub("", second["j.xml"])
    assert json.dumps(strip_timings(json.loads(first["g.json"]))) == json.dumps(
        strip_timings(json.loads(second["g.json"]))
    )


@pytest.mark.docker
def test_docker_grades_labelled_solutions_by_their_folders(tmp_path: Path) -> None:
    """Every labelled submission of a real problem: the verdict its folder names, and a score
    by the formula (100 exactly when accepted)."""
    from judge.core.verify import FOLDER_VERDICTS

    labelled = ROOT / "solutions" / "pairwise-similarity"
    subs = tmp_path / "subs"
    subs.mkdir()
    expected = {}
    for folder, verdict in FOLDER_VERDICTS.items():
        for path in sorted((labelled / folder).glob("*.py")):
            shutil.copyfile(path, subs / f"{folder}--{path.name}")
            expected[f"{folder}--{path.stem}"] = verdict.value
    assert len(expected) >= 5
    out = tmp_path / "g.json"
    problem = ROOT / "problems" / "pairwise-similarity"
    result = _grade(problem, "--dir", subs, "--sandbox", "docker", "-j", 2, "--json-file", out)
    assert result.exit_code == 1, result.output
    rows = _results(out)
    assert {name: row["verdict"] for name, row in rows.items()} == expected
    for row in rows.values():
        assert row["score"] == _formula(row)
        assert (row["score"] == 100) is (row["verdict"] == "AC")


# --- robustness: faults stay with their candidate --------------------------------------


def _killer_problem(root: Path) -> Path:
    """`add` with a custom checker that kills its own process on the answer 666: the grading
    worker running it dies, as it would on a crash in native code."""
    folder = root / "killer"
    shutil.copytree(ADD, folder)
    yaml_text = (folder / "problem.yaml").read_text()
    yaml_text = yaml_text.replace("slug: add", "slug: killer").replace(
        "checker: exact", "checker: custom"
    )
    (folder / "problem.yaml").write_text(yaml_text)
    with (folder / "properties.py").open("a") as stream:
        stream.write(
            "\n\ndef check(context):\n"
            "    import os\n\n"
            "    from judge.authoring import Check\n\n"
            "    if context.got == 666:\n"
            "        os._exit(70)\n"
            "    return Check(context.got == context.expected, 'differs')\n"
        )
    return folder


def test_a_dying_worker_is_that_candidates_internal_error_only(tmp_path: Path) -> None:
    problem = _killer_problem(tmp_path)
    subs = _candidates(tmp_path / "subs", ["ok", "wa_negative", "ok_solution_class"])
    (subs / "killer.py").write_text("def add(a, b):\n    return 666\n")
    out = tmp_path / "g.json"
    result = _grade(problem, "--dir", subs, "--sandbox", "process", "-j", 2, "--json-file", out)
    assert result.exit_code == 3, result.output
    rows = _results(out)
    assert rows["killer"]["verdict"] == "IE" and "worker died" in rows["killer"]["message"]
    assert rows["killer"]["score"] == 0
    assert {name: rows[name]["verdict"] for name in ("ok", "wa_negative", "ok_solution_class")} == {
        "ok": "AC",
        "wa_negative": "WA",
        "ok_solution_class": "AC",
    }


def test_a_judge_fault_is_ie_for_one_and_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import judge.grading.pool
    from judge.core.engine import judge as real

    def flaky(problem, submission, opened, options):  # type: ignore[no-untyped-def]
        if submission.stem == "boom":
            raise RuntimeError("the engine tripped")
        return real(problem, submission, opened, options)

    monkeypatch.setattr(judge.grading.pool, "judge", flaky)
    subs = _candidates(tmp_path / "subs", ["ok"])
    shutil.copyfile(SUBMISSIONS / "ok.py", subs / "boom.py")
    out = tmp_path / "j.xml"
    result = _grade(ADD, "--dir", subs, "--sandbox", "process", "-j", 1, "--junit", out)
    assert result.exit_code == 3, result.output
    suites = {suite.name: suite for suite in JUnitXml.fromfile(str(out))}
    errors = [item for case in suites["boom"] for item in case.result]
    assert len(errors) == 3 and all(isinstance(item, Error) for item in errors)
    assert "RuntimeError: the engine tripped" in errors[0].message
    assert not any(case.result for case in suites["ok"])


def test_hostile_text_still_makes_valid_xml(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "noisy.py").write_text(
        "def add(a, b):\n    raise ValueError('\\x00\\x1b[31m\\x07 \\ud800 ]]> </failure>')\n"
    )
    out = tmp_path / "out"
    result = _grade(
        ADD,
        subs / "noisy.py",
        "--sandbox",
        "process",
        "--junit",
        out / "j.xml",
        "--markdown",
        out / "s.md",
    )
    assert result.exit_code == 1, result.output
    suite = next(iter(JUnitXml.fromfile(str(out / "j.xml"))))
    text = next(case for case in suite if case.result).result[0].text
    assert "\\x00\\x1b[31m\\x07" in text and "</failure>" in text
    summary = (out / "s.md").read_text()
    assert "```text" in summary and "\x00" not in summary and "\\x00\\x1b[31m" in summary


# --- pass rule, exit codes, usage errors ------------------------------------------------


def test_pass_score_decides_the_exit_code(tmp_path: Path) -> None:
    subs = _candidates(tmp_path / "subs", ["ok", "wa_negative"])
    lenient = _grade(ADD, "--dir", subs, "--sandbox", "process", "--pass-score", 40)
    assert lenient.exit_code == 0, lenient.output
    assert "2/2 candidates passed (score ≥ 40)" in lenient.stdout
    strict = _grade(ADD, "--dir", subs, "--sandbox", "process", "--pass-score", 40.5)
    assert strict.exit_code == 1
    accepted = _grade(ADD, subs / "ok.py", "--sandbox", "process")
    assert accepted.exit_code == 0


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((ADD, "nowhere.py"), "does not exist"),
        (("no-such-problem", SUBMISSIONS / "ok.py"), "no problem 'no-such-problem'"),
        ((ADD,), "give SUBMISSION files or folders, or --dir"),
        ((), "give PROBLEM with SUBMISSION files or --dir, or --manifest"),
        ((ADD, SUBMISSIONS / "ok.py", SUBMISSIONS / "ok.py"), "given twice"),
        ((ADD, "--manifest", ADD / "problem.yaml"), "give no PROBLEM or --dir"),
        ((ADD, SUBMISSIONS / "ok.py", "--json-file", SUBMISSIONS), "is a directory"),
    ],
)
def test_usage_errors_exit_2_before_judging(args: tuple[object, ...], fragment: str) -> None:
    result = _grade(*args, "--sandbox", "process")
    assert result.exit_code == 2
    assert fragment in " ".join(result.output.split())


def test_a_candidate_folder_needs_a_recognisable_file(tmp_path: Path) -> None:
    add = load_problem(ADD)
    folder = tmp_path / "amy"
    folder.mkdir()
    (folder / "one.py").write_text("")
    assert find_submission(folder, add) == folder / "one.py"  # the only .py file
    (folder / "two.py").write_text("")
    with pytest.raises(UsageError, match="cannot tell which file") as caught:
        find_submission(folder, add)
    assert FOLDER_RULE in str(caught.value)
    (folder / "solution.py").write_text("")
    assert find_submission(folder, add) == folder / "solution.py"
    (folder / "add.py").write_text("")  # the slug (and here the entry point) comes first
    assert find_submission(folder, add) == folder / "add.py"
    result = _grade(ADD, "--dir", tmp_path, "--sandbox", "process")
    assert result.exit_code == 1  # amy's add.py is empty: it defines no `add`
    assert "amy · add: CE" in result.stderr


def test_github_step_summary_is_appended(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n")
    subs = _candidates(tmp_path / "subs", ["ok", "wa_negative"])
    result = _grade(
        ADD, "--dir", subs, "--sandbox", "process", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.exit_code == 1
    text = summary.read_text()
    assert text.startswith("# earlier step\n## judge grade: add")
    assert "| wa_negative | add | WA Wrong Answer | 40 | 10/10 | 0/60 | 30/30 | ❌ |" in text
    assert "input:    a=0, b=-1" in text


# --- manifests: several problems -------------------------------------------------------


def test_manifest_grades_several_problems_per_candidate(tmp_path: Path) -> None:
    problems = tmp_path / "problems"
    shutil.copytree(ADD, problems / "add")
    shutil.copytree(ADD, problems / "plus")
    plus_yaml = problems / "plus" / "problem.yaml"
    plus_yaml.write_text(plus_yaml.read_text().replace("slug: add", "slug: plus"))
    bob = tmp_path / "class" / "bob"
    bob.mkdir(parents=True)
    shutil.copyfile(SUBMISSIONS / "ok.py", bob / "add.py")
    shutil.copyfile(SUBMISSIONS / "wa_negative.py", bob / "plus.py")
    (tmp_path / "alice").mkdir()
    shutil.copyfile(SUBMISSIONS / "ok.py", tmp_path / "alice" / "mine.py")
    manifest = tmp_path / "grading.yaml"
    manifest.write_text(
        "problems_dir: problems\n"
        "problems: [add, plus]\n"
        "submissions: class\n"
        "candidates:\n"
        "  alice:\n"
        "    add: alice/mine.py\n"
        "    plus: alice\n"
    )
    tasks = plan_manifest(manifest)
    assert [(task.candidate, task.problem.name) for task in tasks] == [
        ("bob", "add"),
        ("bob", "plus"),
        ("alice", "add"),
        ("alice", "plus"),
    ]
    out = tmp_path / "out"
    result = _grade(
        "--manifest",
        manifest,
        "--sandbox",
        "process",
        "-j",
        2,
        "--json-file",
        out / "g.json",
        "--junit",
        out / "j.xml",
    )
    assert result.exit_code == 1, result.output
    document = json.loads((out / "g.json").read_text())
    rows = [(r["candidate"], r["problem"], r["verdict"], r["score"]) for r in document["results"]]
    assert rows == [
        ("bob", "add", "AC", 100.0),
        ("bob", "plus", "WA", 40.0),
        ("alice", "add", "AC", 100.0),
        ("alice", "plus", "AC", 100.0),
    ]
    assert document["candidates"] == [
        {"candidate": "bob", "problems": 2, "score": 70.0, "passed": False},
        {"candidate": "alice", "problems": 2, "score": 100.0, "passed": True},
    ]
    names = [suite.name for suite in JUnitXml.fromfile(str(out / "j.xml"))]
    assert names == ["bob/add", "bob/plus", "alice/add", "alice/plus"]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("candidates: [alice]\n", "field 'candidates' must map"),
        ("graders: 1\ncandidates: {}\n", "field 'graders' is not one of"),
        ("problems: [add]\n", "'problems' and 'submissions' go together"),
        ("candidates:\n  amy: {add: missing.py}\n", "no such file"),
        ("candidates: {}\n", "names no submissions"),
    ],
)
def test_manifest_mistakes_are_usage_errors(tmp_path: Path, text: str, fragment: str) -> None:
    manifest = tmp_path / "grading.yaml"
    manifest.write_text(text)
    with pytest.raises(UsageError, match=re.escape(fragment)):
        plan_manifest(manifest, FIXTURES / "problems")


# --- renderers on hand-made results ----------------------------------------------------


def _graded(candidate: str, verdict: Verdict, message: str = "") -> Graded:
    case = CaseResult(Group.SAMPLES, 0, verdict, message=message, input="a=1", expected="2")
    groups = (
        ()
        if verdict is Verdict.CE
        else (GroupResult(Group.SAMPLES, verdict, 10.0, 0.0, (case,), 1.0),)
    )
    report = Report(
        problem="add",
        submission=f"{candidate}.py",
        verdict=verdict,
        score=0.0,
        groups=groups,
        seed=0,
        limits=Limits(1.0, 64),
        sandbox=SandboxInfo("docker", "sha256:abc"),
        judge_version="0",
        message=message if verdict is Verdict.CE else "",
    )
    return Graded(candidate, report, False)


def _grading(*results: Graded) -> Grading:
    return Grading(results, 0, PassRule(), SandboxInfo("docker", "sha256:abc"), False, 1.0)


def test_csv_defuses_formulas_and_markdown_escapes_names() -> None:
    grading = _grading(
        _graded("=HYPERLINK(1)", Verdict.WA, "x ``` y"),
        _graded("a|b <script>", Verdict.CE, "line one\nline two"),
    )
    table = list(csv.reader(io.StringIO(csv_report.render(grading))))
    assert table[1][0] == "'=HYPERLINK(1)"
    summary = markdown_report.render(grading)
    assert "| a\\|b &lt;script&gt; | add | CE Compile Error | 0 | – | – | – | ❌ |" in summary
    assert "````text\nsamples case 0: WA" in summary  # a fence longer than the ``` inside
    xml = junit_report.render(grading)
    assert len(list(JUnitXml.fromstring(xml))) == 2
