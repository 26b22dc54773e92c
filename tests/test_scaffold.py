"""`judge new-problem`: the scaffold of each kind is a package that `judge check` and its own
tests pass as written, it never overwrites anything, and it refuses slugs it cannot use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner, Result

from judge.cli import main
from judge.cli.authoring import KINDS
from judge.core.engine import JudgeOptions
from judge.core.entries import EntryKind
from judge.core.errors import UsageError
from judge.core.problem import load_problem
from judge.core.scaffold import (
    Scaffold,
    default_solutions,
    kinds,
    new_problem,
    schema_modeline,
    schema_path,
)
from judge.core.verdict import Verdict
from judge.core.verify import verify_package
from judge.sandbox import OpenedSandbox

ROOT = Path(__file__).resolve().parent.parent
SLUGS = {"function": "count-distinct", "class": "distinct-counter"}


def invoke(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args], env=env, catch_exceptions=False)


def _scaffold(tmp_path: Path, kind: str) -> Scaffold:
    return new_problem(SLUGS[kind], kind, tmp_path / "problems")


def _assert_checks(done: Scaffold, opened: OpenedSandbox) -> None:
    """`judge check` as the library runs it: the package is sound and every labelled
    submission (one per verdict folder) gets its folder's verdict."""
    result = verify_package(done.problem, None, opened, JudgeOptions())
    assert result.problems == []
    got = {
        item.path.relative_to(done.solutions): item.report.verdict for item in result.submissions
    }
    assert got == {
        Path("accepted/hash_set.py"): Verdict.AC,
        Path("wrong_answer/assumes_grouped.py"): Verdict.WA,
        Path("time_limit_exceeded/list_membership.py"): Verdict.TLE,
    }
    assert result.ok


@pytest.mark.parametrize("kind", KINDS)
def test_the_scaffold_passes_judge_check(
    kind: str, tmp_path: Path, process_opened: OpenedSandbox
) -> None:
    _assert_checks(_scaffold(tmp_path, kind), process_opened)


@pytest.mark.docker
@pytest.mark.parametrize("kind", KINDS)
def test_the_scaffold_passes_judge_check_in_docker(
    kind: str, tmp_path: Path, docker_opened: OpenedSandbox
) -> None:
    _assert_checks(_scaffold(tmp_path, kind), docker_opened)


@pytest.mark.parametrize("kind", KINDS)
def test_the_package_tests_it_writes_pass(kind: str, tmp_path: Path) -> None:
    done = _scaffold(tmp_path, kind)
    options = ["-q", "-p", "no:cacheprovider", "--import-mode=importlib", "-W", "error"]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", str(done.problem), *options, "--rootdir", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 passed" in run.stdout


@pytest.mark.parametrize("kind", KINDS)
def test_the_scaffold_is_complete_and_marked(kind: str, tmp_path: Path) -> None:
    done = _scaffold(tmp_path, kind)
    package = {path.name for path in done.problem.iterdir()}
    assert package == {
        "problem.yaml",
        "statement.md",
        "reference.py",
        "properties.py",
        "test_reference.py",
    }
    assert {path.name for path in done.solutions.iterdir()} == {
        "accepted",
        "wrong_answer",
        "time_limit_exceeded",
    }
    assert sorted(done.files) == sorted(p for p in tmp_path.rglob("*") if p.is_file())
    for path in done.files:  # every file says what to replace
        assert "TODO" in path.read_text(encoding="utf-8"), path
    problem = load_problem(done.problem)
    assert problem.slug == SLUGS[kind] and problem.entry.kind.value == kind
    document = yaml.safe_load((done.problem / "problem.yaml").read_text(encoding="utf-8"))
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(document)


@pytest.mark.parametrize("kind", KINDS)
def test_the_python_it_writes_is_lint_clean(kind: str, tmp_path: Path) -> None:
    """With the judge's own ruff settings (so `judge` counts as first-party)."""
    done = _scaffold(tmp_path, kind)
    config = ["--config", str(ROOT / "pyproject.toml")]
    for command in (["check"], ["format", "--check"]):
        run = subprocess.run(
            [sys.executable, "-m", "ruff", *command, *config, str(done.problem)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_entry_points_are_named_after_the_slug(tmp_path: Path) -> None:
    new_problem("word-count", "function", tmp_path / "problems")
    new_problem("top-k", "class", tmp_path / "problems")
    assert load_problem(tmp_path / "problems" / "word-count").entry.name == "word_count"
    assert load_problem(tmp_path / "problems" / "top-k").entry.name == "TopK"
    assert (
        "class TopK:" in (tmp_path / "solutions" / "top-k" / "accepted" / "hash_set.py").read_text()
    )


def test_it_never_overwrites(tmp_path: Path) -> None:
    done = _scaffold(tmp_path, "function")
    before = {path: path.read_bytes() for path in done.files}
    (done.problem / "reference.py").write_text("# mine\n", encoding="utf-8")
    before[done.problem / "reference.py"] = b"# mine\n"
    with pytest.raises(UsageError, match=str(done.problem)):
        _scaffold(tmp_path, "function")
    with pytest.raises(UsageError, match=str(done.problem)):
        new_problem(SLUGS["function"], "class", tmp_path / "problems")
    assert {path: path.read_bytes() for path in done.files} == before


def test_an_existing_solutions_folder_refuses_the_whole_scaffold(tmp_path: Path) -> None:
    (tmp_path / "solutions" / "fresh" / "accepted").mkdir(parents=True)
    with pytest.raises(UsageError, match=str(tmp_path / "solutions" / "fresh")):
        new_problem("fresh", "function", tmp_path / "problems")
    assert not (tmp_path / "problems").exists()


def test_a_failure_halfway_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The package is renamed into place first; if the solutions then cannot be, the
    package goes again, and no staging folder stays behind."""
    rename = os.rename

    def refuse_the_solutions(source: str, target: Path) -> None:
        if Path(target).parent.name == "solutions":
            raise OSError(39, "Directory not empty")
        rename(source, target)

    monkeypatch.setattr(os, "rename", refuse_the_solutions)
    with pytest.raises(UsageError, match="not empty"):
        new_problem("fresh", "function", tmp_path / "problems")
    assert [path for path in tmp_path.rglob("*") if not path.is_dir()] == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["problems", "solutions"]
    assert not any((tmp_path / "problems").iterdir())
    assert not any((tmp_path / "solutions").iterdir())


def test_an_empty_folder_is_filled(tmp_path: Path) -> None:
    (tmp_path / "problems" / "fresh").mkdir(parents=True)
    done = new_problem("fresh", "function", tmp_path / "problems")
    assert (done.problem / "problem.yaml").is_file()
    assert sorted(path.name for path in (tmp_path / "problems").iterdir()) == ["fresh"]


@pytest.mark.parametrize(
    "slug",
    ["", "Two-Sum", "two_sum", "-x", "x-", "a--b", "3sum", "a/b", "../x", "x y", "é", "a" * 65],
)
def test_a_bad_slug_is_refused(slug: str, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not a slug"):
        new_problem(slug, "function", tmp_path / "problems")
    assert not (tmp_path / "problems").exists() or not any((tmp_path / "problems").iterdir())


@pytest.mark.parametrize(("slug", "kind"), [("sum", "function"), ("class", "function")])
def test_a_slug_naming_a_builtin_or_keyword_is_refused(
    slug: str, kind: str, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="keyword or built-in"):
        new_problem(slug, kind, tmp_path / "problems")


def test_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no scaffold"):
        new_problem("fresh", "program", tmp_path / "problems")


def test_the_command_writes_the_package_and_says_what_next(tmp_path: Path) -> None:
    problems = tmp_path / "problems"
    result = invoke("new-problem", "fresh", "--kind", "class", "--problems", problems)
    assert result.exit_code == 0, result.output
    assert f"wrote {problems / 'fresh' / 'problem.yaml'}" in result.stdout
    assert f"judge check {problems / 'fresh'}\n" in result.stdout
    assert load_problem(problems / "fresh").entry.kind is EntryKind.CLASS
    assert (tmp_path / "solutions" / "fresh" / "wrong_answer" / "assumes_grouped.py").is_file()


def test_the_command_takes_the_solutions_folder_and_the_environment(tmp_path: Path) -> None:
    labelled = tmp_path / "elsewhere" / "fresh"
    result = invoke(
        "new-problem",
        "fresh",
        "--solutions",
        labelled,
        env={"JUDGE_PROBLEMS": str(tmp_path / "probs")},
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "probs" / "fresh" / "problem.yaml").is_file()
    assert (labelled / "accepted" / "hash_set.py").is_file()
    assert f"--solutions {labelled}" in result.stdout


def test_the_command_exits_2_naming_the_path_it_will_not_overwrite(tmp_path: Path) -> None:
    problems = tmp_path / "problems"
    assert invoke("new-problem", "fresh", "--problems", problems).exit_code == 0
    result = invoke("new-problem", "fresh", "--problems", problems)
    assert result.exit_code == 2
    assert str(problems / "fresh") in " ".join(result.stderr.split())


def test_the_command_exits_2_for_a_bad_slug(tmp_path: Path) -> None:
    result = invoke("new-problem", "Not_A_Slug", "--problems", tmp_path)
    assert result.exit_code == 2
    assert "not a slug" in result.stderr


def test_the_command_offers_the_kinds_there_are() -> None:
    assert sorted(KINDS) == kinds()
    assert set(kinds()) <= {kind.value for kind in EntryKind}


def test_default_solutions_are_where_judge_check_looks(tmp_path: Path) -> None:
    assert default_solutions(Path("problems/x")) == Path("solutions/x")
    assert default_solutions(tmp_path / "p" / "x") == tmp_path / "solutions" / "x"


def test_a_package_in_the_checkout_points_editors_at_the_schema(tmp_path: Path) -> None:
    assert schema_modeline(ROOT / "problems" / "fresh") == (
        "# yaml-language-server: $schema=../../judge/core/problem.schema.json\n"
    )
    assert schema_modeline(tmp_path / "problems" / "fresh") == ""


def test_the_command_module_imports_no_library() -> None:
    """Defining `new-problem` loads neither the scaffold nor anything heavy (`judge --help`)."""
    code = (
        "import sys\n"
        "import judge.cli.authoring\n"
        "heavy = [m for m in ('numpy', 'yaml', 'hypothesis', 'judge.core.scaffold',"
        " 'judge.core.problem', 'judge.sandbox') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr
