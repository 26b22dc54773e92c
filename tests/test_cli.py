"""The command line: exit codes, JSON schema, clear errors, and the package commands."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner, Result

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


def invoke(*args: str | Path, env: dict[str, str] | None = None) -> Result:
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


@pytest.mark.parametrize(
    ("problem", "imports"),
    [
        (FIXTURES / "problems" / "search-sorted", "from collections.abc import Sequence"),
        (ROOT / "problems" / "pairwise-similarity", "import numpy"),
    ],
)
def test_a_starter_imports_what_its_signature_names(
    tmp_path: Path, problem: Path, imports: str
) -> None:
    target = tmp_path / "mine.py"
    assert invoke("new", problem, target).exit_code == 0
    source = target.read_text()
    assert imports in source.splitlines()
    compile(source, str(target), "exec")


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


def test_examples_are_python_literals() -> None:
    """A candidate reads Python: `None`, not JSON's `null`."""
    stack = invoke("show", FIXTURES / "problems" / "stack")
    assert "obj.pop()  # -> None" in stack.stdout and "null" not in stack.stdout
    two_sum = invoke("show", "two-sum", "--problems", ROOT / "problems")
    assert "output: None" in two_sum.stdout


# --- a CLI that reads well at 80 columns -------------------------------------------------

COMMANDS = (
    "check",
    "grade",
    "list",
    "new",
    "new-problem",
    "practice",
    "run",
    "sandbox",
    "show",
    "stats",
)


def _wide(*args: str | Path, columns: int = 80, env: dict[str, str] | None = None) -> Result:
    return invoke(*args, env={"COLUMNS": str(columns), **(env or {})})


def test_list_is_narrow_by_default_and_never_cut_at_80_columns() -> None:
    result = _wide("list", "--problems", ROOT / "problems")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["slug", "title", "difficulty", "minutes"]
    assert "…" not in result.stdout and "..." not in result.stdout
    assert all(len(line) <= 80 for line in lines)
    row = next(line for line in lines if line.startswith("pairwise-similarity"))
    assert "Batched Pairwise Cosine" in row and "medium" in row and row.endswith(" 20")
    assert "Similarity" in result.stdout  # a long title wraps within its column, whole
    assert "specialisation" not in result.stdout  # the category is for --long


def test_list_long_shows_every_column_and_cuts_nothing() -> None:
    for columns in (80, 200):
        result = _wide("list", "--long", "--problems", ROOT / "problems", columns=columns)
        assert result.exit_code == 0, result.output
        assert "…" not in result.stdout
        assert all(len(line) <= columns for line in result.stdout.splitlines())
        for text in ("specialisation", "senior, principal", "ml-engineering", "Top K of a Stream"):
            assert text in result.stdout, (columns, text)
    assert result.stdout.splitlines()[0].split() == [
        *("slug", "title", "difficulty", "category", "levels", "skills", "minutes")
    ]


def test_list_json_is_a_list_of_objects() -> None:
    result = invoke("list", "--json", "--problems", ROOT / "problems", "--tag", "heap")
    assert result.exit_code == 0, result.output
    problems = json.loads(result.stdout)
    with_heap = sorted(  # read from the YAML here, not through the filter under test
        path.parent.name
        for path in (ROOT / "problems").glob("*/problem.yaml")
        if "heap" in yaml.safe_load(path.read_text(encoding="utf-8"))["skills"]
    )
    assert [problem["slug"] for problem in problems] == with_heap
    top_k = next(problem for problem in problems if problem["slug"] == "top-k-streaming")
    assert top_k["title"] == "Top K of a Stream" and top_k["difficulty"] == "medium"
    assert top_k["category"] == "must" and top_k["levels"] == ["mid", "senior", "principal"]
    assert "heap" in top_k["skills"] and isinstance(top_k["practice_minutes"], int)
    assert Path(top_k["path"]) == ROOT / "problems" / "top-k-streaming"


def test_help_summaries_are_whole_at_80_columns() -> None:
    from judge.cli import main as group

    for args in ((), ("practice",), ("sandbox",)):
        result = _wide(*args, "--help")
        assert result.exit_code == 0
        commands = result.stdout.partition("Commands:")[2].splitlines()
        assert commands and not any(line.endswith("...") for line in commands)
        assert all(len(line) <= 80 for line in result.stdout.splitlines())
    listed = _wide("--help").stdout
    for name in COMMANDS:
        command = group.get_command(click.Context(group), name)
        assert command is not None and command.short_help
        line = rf"^  {re.escape(name)} +{re.escape(command.short_help)}$"
        assert re.search(line, listed, re.MULTILINE), name


def test_help_stays_fast_by_importing_no_library() -> None:
    """`judge --help` loads neither numpy nor problem packages nor the sandbox."""
    code = (
        "import sys\n"
        "from judge.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('numpy', 'yaml', 'hypothesis', 'docker', 'judge.core.problem',"
        " 'judge.sandbox', 'judge.grading', 'judge.practice.sets') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr


def test_a_command_imports_only_its_own_module() -> None:
    """`judge run --help` loads the module of `run` and none of the other commands'."""
    code = (
        "import sys\n"
        "from judge.cli import main\n"
        "try:\n"
        "    main(['run', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('judge.cli.'))\n"
        "print('LOADED', loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "LOADED ['judge.cli.common', 'judge.cli.judging']" in done.stdout, done.stdout


def test_command_modules_import_alone_without_the_entry_point() -> None:
    """No cycles: each command module imports on its own, and never imports judge.cli's
    __init__ (which imports them)."""
    for name in ("common", "judging", "catalog", "sandbox", "practice", "grade", "authoring"):
        code = (
            "import importlib, sys\n"
            f"module = importlib.import_module('judge.cli.{name}')\n"
            "source = open(module.__file__).read()\n"
            "assert 'from judge.cli import' not in source and 'import judge.cli\\n' not in source\n"
        )
        subprocess.run([sys.executable, "-c", code], check=True)


def test_json_is_a_flag_that_prints_to_stdout_everywhere() -> None:
    for args in (
        ("run", "--help"),
        ("list", "--help"),
        ("grade", "--help"),
        ("stats", "--help"),
        ("practice", "start", "--help"),
        ("practice", "status", "--help"),
        ("practice", "submit", "--help"),
        ("practice", "finish", "--help"),
    ):
        shown = " ".join(_wide(*args).stdout.split())
        assert "--json Print JSON to stdout instead" in shown, args
    grade_help = " ".join(_wide("grade", "--help").stdout.split())
    assert "--json-file FILE" in grade_help


def test_grade_json_prints_the_grading_to_stdout(tmp_path: Path) -> None:
    out = tmp_path / "grades.json"
    result = CliRunner(env={"GITHUB_STEP_SUMMARY": ""}).invoke(
        main,
        [
            *("grade", str(ADD), str(SUBMISSIONS / "ok.py"), str(SUBMISSIONS / "re_raise.py")),
            *("--sandbox", "process", "-j", "1", "--max-examples", "5", "--json"),
            *("--json-file", str(out)),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 1, result.output
    printed = json.loads(result.stdout)  # nothing but the JSON on stdout
    assert printed["kind"] == "grading"
    assert {row["candidate"]: row["verdict"] for row in printed["results"]} == {
        "ok": "AC",
        "re_raise": "RE",
    }
    assert json.loads(out.read_text())["results"] == printed["results"]


# --- environment variables go through click ----------------------------------------------


def test_env_names_match_the_library() -> None:
    from judge.cli import common
    from judge.core.catalog import PROBLEMS_ENV
    from judge.practice.history import DB_ENV

    assert common.PROBLEMS_ENV == PROBLEMS_ENV and common.DB_ENV == DB_ENV


def test_help_shows_the_environment_variables() -> None:
    commands: tuple[tuple[str, ...], ...] = (
        ("run",),
        ("check",),
        ("list",),
        ("show",),
        ("new",),
        ("grade",),
    )
    for args in commands:
        shown = " ".join(_wide(*args, "--help").stdout.split())
        assert "[env var: JUDGE_PROBLEMS]" in shown, args
    practice: tuple[tuple[str, ...], ...] = (
        ("stats",),
        ("practice", "start"),
        ("practice", "status"),
        ("practice", "submit"),
    )
    for args in practice:
        shown = " ".join(_wide(*args, "--help").stdout.split())
        assert "[env var: JUDGE_DB]" in shown, args
    assert "[env var: JUDGE_DEBUG]" in " ".join(_wide("--help").stdout.split())


def test_judge_problems_is_read_by_click(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from judge.core import catalog

    seen: list[Path | None] = []
    real = catalog.all_problems

    def spy(folder: Path | None = None, on_error=None):  # type: ignore[no-untyped-def]
        seen.append(folder)
        return real(folder, on_error=on_error)

    monkeypatch.setattr(catalog, "all_problems", spy)
    monkeypatch.chdir(tmp_path)  # no ./problems here
    result = invoke("list", "--json", env={"JUDGE_PROBLEMS": str(FIXTURES / "problems")})
    assert result.exit_code == 0, result.output
    slugs = {problem["slug"] for problem in json.loads(result.stdout)}
    assert "add" in slugs and "two-sum" not in slugs
    assert seen == [FIXTURES / "problems"]  # handed over by click, not read by the library
    # --problems wins over the environment
    result = invoke(
        "list", "--json", "--problems", ROOT / "problems", env={"JUDGE_PROBLEMS": str(tmp_path)}
    )
    assert "two-sum" in {problem["slug"] for problem in json.loads(result.stdout)}


def test_a_manifests_problems_dir_wins_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """--problems on the command line > the manifest's problems_dir > $JUDGE_PROBLEMS."""
    from judge.core.errors import UsageError
    from judge.grading import candidates

    seen: list[Path | None] = []

    def plan(path: Path, problems_dir: Path | None = None) -> list[object]:
        seen.append(problems_dir)
        raise UsageError("stop here")

    monkeypatch.setattr(candidates, "plan_manifest", plan)
    manifest = tmp_path / "grading.yaml"
    manifest.write_text("problems_dir: problems\n")
    env = {"JUDGE_PROBLEMS": str(tmp_path / "from-env"), "GITHUB_STEP_SUMMARY": ""}
    assert invoke("grade", "--manifest", manifest, env=env).exit_code == 2
    assert invoke("grade", "--manifest", manifest, "--problems", ADD.parent, env=env).exit_code == 2
    assert seen == [None, ADD.parent]


def test_judge_db_is_read_by_click(tmp_path: Path) -> None:
    database = tmp_path / "from-env.sqlite3"
    result = invoke("stats", "--json", env={"JUDGE_DB": str(database)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["schema"] == 1 and database.exists()


# --- the permission notice ----------------------------------------------------------------


def _permission_denied(**_: object) -> None:
    """What docker.from_env raises, chain and all, for a user outside the `docker` group."""
    import docker.errors
    import requests.exceptions
    from urllib3.exceptions import ProtocolError

    try:
        try:
            raise ProtocolError("Connection aborted.", PermissionError(13, "Permission denied"))
        except ProtocolError as error:
            raise requests.exceptions.ConnectionError(error) from error
    except requests.exceptions.ConnectionError as error:
        raise docker.errors.DockerException(
            f"Error while fetching server API version: {error}"
        ) from error


def _socket_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    socket_file = tmp_path / "docker.sock"
    socket_file.touch(mode=0o000)
    monkeypatch.setenv("DOCKER_HOST", f"unix://{socket_file}")
    monkeypatch.setattr("judge.sandbox.docker.docker.from_env", _permission_denied)


def test_a_socket_without_permission_says_how_to_join_the_docker_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from judge.core.errors import SandboxUnavailable
    from judge.sandbox.docker import connect

    _socket_file(tmp_path, monkeypatch)
    with pytest.raises(SandboxUnavailable) as raised:
        connect()
    message = str(raised.value)
    assert "permission denied" in message and str(tmp_path / "docker.sock") in message
    assert "sudo usermod -aG docker $USER" in message and "log out and in again" in message
    assert "does not answer" not in message

    result = invoke("run", ADD, SUBMISSIONS / "ok.py", "--sandbox", "docker")
    assert result.exit_code == 2
    assert "sudo usermod -aG docker $USER" in " ".join(result.stderr.split())
    fallback = invoke("run", ADD, SUBMISSIONS / "ok.py", "--max-examples", "3", "--json")
    assert fallback.exit_code == 0
    notice = json.loads(fallback.stdout)["sandbox"]["notice"]
    assert "permission denied" in notice and "usermod -aG docker" in notice


def test_an_engine_that_is_down_is_not_called_a_permission_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docker.errors

    from judge.core.errors import SandboxUnavailable
    from judge.sandbox.docker import connect

    def refused(**_: object) -> None:
        raise docker.errors.DockerException("Error while fetching server API version") from (
            ConnectionRefusedError(111, "Connection refused")
        )

    _socket_file(tmp_path, monkeypatch)
    monkeypatch.setattr("judge.sandbox.docker.docker.from_env", refused)
    with pytest.raises(SandboxUnavailable, match="does not answer") as raised:
        connect()
    assert "usermod" not in str(raised.value)


# --- user text is shown as typed, never as markup or control sequences ----------------------


def test_a_file_name_is_shown_as_typed(tmp_path: Path) -> None:
    hostile = tmp_path / "[bold red]alice\x1b[2J.py"
    shutil.copy(SUBMISSIONS / "ok.py", hostile)
    result = _wide("run", ADD, hostile, "--sandbox", "process", "--max-examples", "2", columns=200)
    assert result.exit_code == 0, result.output
    assert "[bold red]alice\\x1b[2J.py" in result.stdout
    assert "\x1b" not in result.stdout


def test_a_problem_title_is_shown_as_typed(tmp_path: Path) -> None:
    folder = tmp_path / "add"
    shutil.copytree(ADD, folder)
    text = (folder / "problem.yaml").read_text().replace("title: Add", 'title: "[red]Add\\u202e"')
    (folder / "problem.yaml").write_text(text)
    for args in ((), ("--long",)):
        result = _wide("list", *args, "--problems", tmp_path, columns=120)
        assert result.exit_code == 0, result.output
        assert "[red]Add\\u202e" in result.stdout and "\u202e" not in result.stdout
