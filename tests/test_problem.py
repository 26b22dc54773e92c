"""Problem packages: the six load; malformed ones are refused naming the file and field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from judge.core.entries import ClassEntry, EntryKind
from judge.core.errors import ProblemError
from judge.core.problem import load_problem

ROOT = Path(__file__).resolve().parent.parent
ADD = Path(__file__).parent / "fixtures" / "problems" / "add"
SLUGS = ["two-sum", "lcs", "dijkstra", "knapsack", "top-k-streaming", "pairwise-similarity"]


@pytest.mark.parametrize("slug", SLUGS)
def test_the_six_problems_load(slug: str) -> None:
    problem = load_problem(ROOT / "problems" / slug)
    assert problem.slug == slug
    assert len(problem.examples) >= 2
    assert problem.properties.cases() is not None
    assert callable(problem.reference)
    assert problem.statement.strip()


def test_top_k_is_a_class_problem() -> None:
    entry = load_problem(ROOT / "problems" / "top-k-streaming").entry
    assert entry.kind is EntryKind.CLASS
    assert isinstance(entry, ClassEntry)
    assert entry.harness_spec() == {
        "kind": "class",
        "name": "TopK",
        "init_arity": 1,
        "methods": {"add": 1, "top": 0},
    }
    assert entry.method("add").void and not entry.method("top").void


def _broken(tmp_path: Path, edit: Callable[[dict[str, Any]], object]) -> Path:
    folder = tmp_path / "add"
    shutil.copytree(ADD, folder)
    data = yaml.safe_load((folder / "problem.yaml").read_text())
    edit(data)
    (folder / "problem.yaml").write_text(yaml.safe_dump(data))
    return folder


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    [
        (lambda d: d.pop("title"), "title", "is missing"),
        (lambda d: d.update(difficulty="impossible"), "difficulty", "must be one of"),
        (lambda d: d.update(levels=["junior"]), "level", "must be one of"),
        (lambda d: d.update(colour="blue"), "colour", "is not a known field"),
        (lambda d: d["limits"].update(time_s="fast"), "limits.time_s", "must be"),
        (lambda d: d["limits"].update(memory_mib=True), "limits.memory_mib", "not a boolean"),
        (lambda d: d["entry"].update(name="not an identifier"), "entry.name", "identifier"),
        (lambda d: d["entry"]["params"][0].pop("type"), "entry.params[0].type", "is missing"),
        (lambda d: d.update(checker="fuzzy"), "checker", "must be one of"),
        (lambda d: d.update(slug="other"), "slug", "folder name"),
        (lambda d: d.update(examples=d["examples"][:1]), "examples", "at least two"),
        (lambda d: d["examples"][0]["input"].pop("b"), "examples[0].input", "must give exactly"),
    ],
)
def test_malformed_yaml_names_file_and_field(
    tmp_path: Path, edit: Callable[[dict[str, Any]], object], field: str, message: str
) -> None:
    folder = _broken(tmp_path, edit)
    with pytest.raises(ProblemError) as raised:
        load_problem(folder)
    text = str(raised.value)
    assert str(folder / "problem.yaml") in text
    assert field in text and message in text


def test_invalid_yaml_syntax(tmp_path: Path) -> None:
    folder = tmp_path / "add"
    shutil.copytree(ADD, folder)
    (folder / "problem.yaml").write_text("title: [unclosed\n")
    with pytest.raises(ProblemError, match=r"problem\.yaml: is not valid YAML"):
        load_problem(folder)


def test_missing_file_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "add"
    shutil.copytree(ADD, folder)
    (folder / "reference.py").unlink()
    with pytest.raises(ProblemError, match=r"reference\.py: is missing"):
        load_problem(folder)


def test_broken_reference_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "add"
    shutil.copytree(ADD, folder)
    (folder / "reference.py").write_text("def add(a, b):\n    return a +\n")
    problem = load_problem(folder)
    with pytest.raises(ProblemError, match=r"reference.py: fails to import: SyntaxError"):
        problem.reference  # noqa: B018


def test_properties_without_required_functions(tmp_path: Path) -> None:
    folder = tmp_path / "add"
    shutil.copytree(ADD, folder)
    (folder / "properties.py").write_text("def cases():\n    return None\n")
    with pytest.raises(ProblemError, match=r"properties.py: must define stress_cases\(\)"):
        load_problem(folder).properties  # noqa: B018
