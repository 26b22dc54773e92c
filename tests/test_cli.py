"""The command line: exit codes, JSON schema, clear errors, and the package commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from judge.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
ADD = FIXTURES / "problems" / "add"
SUBMISSIONS = FIXTURES / "submissions"
CASE_FIELDS = {
    "group",
    "index",
    "verdict",
    "time_ms",
    "wall_ms",
    "memory_mb",
    "message",
    "input",
    "expected",
    "got",
    "shrunk",
}


def invoke(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [str(arg) for arg in args], env=env, catch_exceptions=False)


def test_run_json_schema_and_exit_code_accepted() -> None:
    result = invoke(
        "run", ADD, SUBMISSIONS / "ok.py", "--json", "--sandbox", "process", "--max-examples", "10"
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema"] == 1
    assert report["verdict"] == "AC" and report["score"] == 100
    assert report["seed"] == 0 and report["sandbox"]["kind"] == "process"
    assert report["limits"] == {"time_s": 0.5, "memory_mb": 64, "output_kib": 64, "message_mib": 1}
    assert report["judge_version"] == "0.1.0"
    assert [group["group"] for group in report["groups"]] == ["samples", "properties", "stress"]
    assert report["cases"] and all(set(case) == CASE_FIELDS for case in report["cases"])


def test_run_wrong_answer_exits_1_with_the_minimal_input() -> None:
    result = invoke(
        "run", ADD, SUBMISSIONS / "wa_negative.py", "--sandbox", "process", "--seed", "3"
    )
    assert result.exit_code == 1
    assert "Wrong Answer (WA)" in result.stdout
    assert "shrunk by Hypothesis" in result.stdout
    assert "seed 3" in result.stdout


def test_run_by_slug_from_a_problems_folder() -> None:
    result = invoke(
        "run",
        "add",
        SUBMISSIONS / "ok.py",
        "--problems",
        FIXTURES / "problems",
        "--sandbox",
        "process",
        "--json",
        "--max-examples",
        "3",
    )
    assert result.exit_code == 0


def test_unknown_problem_is_a_usage_error() -> None:
    result = invoke(
        "run", "no-such-problem", SUBMISSIONS / "ok.py", "--problems", FIXTURES / "problems"
    )
    assert result.exit_code == 2
    assert "no problem 'no-such-problem'" in result.stderr
    assert "Traceback" not in result.output


def test_docker_engine_down_is_a_clear_error() -> None:
    result = invoke(
        "run",
        ADD,
        SUBMISSIONS / "ok.py",
        "--sandbox",
        "docker",
        env={"DOCKER_HOST": "unix:///nonexistent/docker.sock"},
    )
    assert result.exit_code == 2
    assert "Docker engine does not answer" in result.stderr and "--sandbox process" in result.stderr
    assert "Traceback" not in result.output


def test_auto_falls_back_to_the_process_sandbox_with_a_notice() -> None:
    result = invoke(
        "run",
        ADD,
        SUBMISSIONS / "ok.py",
        "--max-examples",
        "3",
        env={"DOCKER_HOST": "unix:///nonexistent/docker.sock"},
    )
    assert result.exit_code == 0
    assert "process sandbox" in result.stdout and "weaker isolation" in result.stdout


@pytest.mark.docker
def test_missing_image_says_what_to_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("judge.sandbox.docker.image_tag", lambda: "judge-sandbox:never-built")
    result = invoke("run", ADD, SUBMISSIONS / "ok.py", "--sandbox", "docker")
    assert result.exit_code == 2
    assert (
        "judge-sandbox:never-built is missing" in result.stderr
        and "judge sandbox build" in result.stderr
    )


def test_broken_package_names_file_and_field(tmp_path: Path) -> None:
    folder = tmp_path / "add"
    shutil.copytree(ADD, folder)
    text = (folder / "problem.yaml").read_text().replace("difficulty: easy", "difficulty: trivial")
    (folder / "problem.yaml").write_text(text)
    result = invoke("run", folder, SUBMISSIONS / "ok.py", "--sandbox", "process")
    assert result.exit_code == 2
    assert f"{folder / 'problem.yaml'}: field 'difficulty': must be one of" in result.stderr


def test_a_broken_checker_is_an_internal_error_exit_3(tmp_path: Path) -> None:
    folder = tmp_path / "add"
    shutil.copytree(ADD, folder)
    yaml_text = (folder / "problem.yaml").read_text().replace("checker: exact", "checker: custom")
    (folder / "problem.yaml").write_text(yaml_text)
    with (folder / "properties.py").open("a") as stream:
        stream.write("\n\ndef check(context):\n    raise RuntimeError('checker bug')\n")
    result = invoke("run", folder, SUBMISSIONS / "ok.py", "--sandbox", "process", "--json")
    assert result.exit_code == 3
    report = json.loads(result.stdout)
    assert report["verdict"] == "IE" and "checker bug" in report["message"] and report["score"] == 0


def test_list_filters() -> None:
    result = invoke("list", "--problems", ROOT / "problems", "--tag", "heap")
    assert result.exit_code == 0
    assert "top-k-streaming" in result.stdout and "two-sum" not in result.stdout
    result = invoke("list", "--problems", ROOT / "problems", "--category", "specialisation")
    assert "pairwise-similarity" in result.stdout and "knapsack" not in result.stdout


def test_show_renders_statement_examples_and_signature() -> None:
    result = invoke("show", "two-sum", "--problems", ROOT / "problems")
    assert result.exit_code == 0
    assert "Two Sum" in result.stdout and "Example 1" in result.stdout
    assert "def two_sum(nums: list[int], target: int)" in result.stdout


def test_new_writes_a_starter_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "mine.py"
    result = invoke("new", "top-k-streaming", target, "--problems", ROOT / "problems")
    assert result.exit_code == 0
    source = target.read_text()
    assert "class TopK:" in source and "def add(self, x: int) -> None:" in source
    compile(source, str(target), "exec")
    target.write_text("# my work")
    again = invoke("new", "top-k-streaming", target, "--problems", ROOT / "problems")
    assert again.exit_code == 2 and "--force" in again.stderr
    assert target.read_text() == "# my work"
    forced = invoke("new", "top-k-streaming", target, "--problems", ROOT / "problems", "--force")
    assert forced.exit_code == 0 and "class TopK" in target.read_text()


def test_starter_file_is_judged_as_a_runtime_error(tmp_path: Path) -> None:
    target = tmp_path / "add.py"
    invoke("new", ADD, target)
    result = invoke("run", ADD, target, "--sandbox", "process", "--json", "--max-examples", "2")
    assert json.loads(result.stdout)["verdict"] == "RE"


def test_check_verifies_labels(tmp_path: Path) -> None:
    solutions = tmp_path / "solutions"
    (solutions / "accepted").mkdir(parents=True)
    (solutions / "wrong_answer").mkdir()
    shutil.copy(SUBMISSIONS / "ok.py", solutions / "accepted")
    shutil.copy(SUBMISSIONS / "wa_negative.py", solutions / "wrong_answer")
    result = invoke("check", ADD, "--solutions", solutions, "--sandbox", "process")
    assert result.exit_code == 0, result.stdout
    assert "expected WA, got WA" in result.stdout
    shutil.copy(SUBMISSIONS / "ok.py", solutions / "wrong_answer" / "mislabelled.py")
    result = invoke("check", ADD, "--solutions", solutions, "--sandbox", "process")
    assert result.exit_code == 1
    assert "mislabelled.py: expected WA, got AC" in result.stdout


def test_check_catches_a_wrong_example(tmp_path: Path) -> None:
    folder = tmp_path / "add"
    shutil.copytree(ADD, folder)
    text = (folder / "problem.yaml").read_text().replace("output: 3", "output: 4")
    (folder / "problem.yaml").write_text(text)
    result = invoke("check", folder, "--solutions", tmp_path / "none", "--sandbox", "process")
    assert result.exit_code == 1
    assert "examples[0].output is not a right answer" in result.stdout


@pytest.mark.docker
def test_doctor_proves_the_limits() -> None:
    result = invoke("sandbox", "doctor")
    assert result.exit_code == 0, result.stdout
    for check in (
        "engine",
        "image",
        "limit: memory",
        "limit: pids",
        "limit: network",
        "limit: user",
    ):
        assert check in result.stdout
    assert "FAIL" not in result.stdout


def test_list_skips_a_broken_package_and_says_so(tmp_path: Path) -> None:
    shutil.copytree(ADD, tmp_path / "add")
    broken = tmp_path / "broken"
    shutil.copytree(ADD, broken)
    (broken / "problem.yaml").write_text("title: [unclosed\n")
    result = invoke("list", "--problems", tmp_path)
    assert result.exit_code == 0
    assert "add" in result.stdout
    assert "skipped:" in result.stderr and "broken/problem.yaml" in result.stderr


def test_nothing_passing_skips_properties_and_stress(tmp_path: Path) -> None:
    always_wrong = tmp_path / "wrong.py"
    always_wrong.write_text("def add(a, b):\n    return None\n")
    result = invoke("run", ADD, always_wrong, "--sandbox", "process", "--json")
    report = json.loads(result.stdout)
    assert report["verdict"] == "WA" and report["score"] == 0
    assert [group["group"] for group in report["groups"]] == ["samples"]
    assert "not judged" in report["notes"][0]


def test_class_examples_read_as_a_session() -> None:
    result = invoke("show", "top-k-streaming", "--problems", ROOT / "problems")
    assert result.exit_code == 0
    assert "obj = TopK(2)" in result.stdout and "obj.top()  # -> [9, 5]" in result.stdout
