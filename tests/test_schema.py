"""The JSON Schema of problem.yaml (judge/core/problem.schema.json) agrees with the loader.

Every package the judge ships validates; each malformed variant below is refused by both
`load_problem` and the schema; each well-formed one is accepted by both. The loader is the
authority: what the schema cannot say (the slug is the folder's name, the weights sum to
100, ...) is listed in `LOADER_ONLY`, so that the gap is written down rather than found.
"""

from __future__ import annotations

import copy
import json
import math
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from judge.core.checkers import CheckerName
from judge.core.entries import EntryKind
from judge.core.errors import ProblemError
from judge.core.problem import Category, Difficulty, Level, load_problem
from judge.core.scaffold import schema_path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = sorted(
    path.parent
    for folder in (ROOT / "problems", ROOT / "tests" / "fixtures" / "problems")
    for path in folder.glob("*/problem.yaml")
)
SCHEMA: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)

FUNCTION: dict[str, Any] = {
    "title": "Add",
    "slug": "add",
    "difficulty": "easy",
    "category": "must",
    "levels": ["mid"],
    "skills": ["warm-up"],
    "entry": {
        "kind": "function",
        "name": "add",
        "params": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}],
        "returns": "int",
    },
    "limits": {
        "time_s": 0.5,
        "memory_mib": 64,
        "output_kib": 64,
        "message_mib": 1,
        "stress": {"multiplier": 5, "floor_s": 0.5},
    },
    "checker": "exact",
    "tolerance": {"rel": 1e-6, "abs": 1e-9},
    "complexity": "O(1)",
    "practice_minutes": 1,
    "max_examples": 25,
    "weights": {"samples": 10, "properties": 60, "stress": 30},
    "examples": [
        {"input": {"a": 1, "b": 2}, "output": 3, "explanation": "1 + 2"},
        {"input": {"a": -5, "b": 5}, "output": 0},
    ],
}
"""A function problem using every field (the `add` fixture, filled out)."""

CLASS: dict[str, Any] = {
    **copy.deepcopy(FUNCTION),
    "title": "Top K",
    "slug": "top-k",
    "entry": {
        "kind": "class",
        "name": "TopK",
        "init": [{"name": "k", "type": "int"}],
        "methods": [
            {"name": "add", "params": [{"name": "x", "type": "int"}], "returns": "None"},
            {"name": "top", "params": [], "returns": "list[int]"},
        ],
    },
    "examples": [
        {"input": {"k": 1, "calls": [["add", 5], ["top"]]}, "output": [[5]]},
        {"input": {"k": 2, "calls": [["top"]]}, "output": [[]]},
    ],
}
"""A class problem using every field."""

DELETE = object()
"""A variant's value that removes the field."""

Variant = tuple[str, dict[str, Any], tuple[str | int, ...], Any]
"""(id, base document, path to the field, new value or DELETE)."""


def _variant(base: dict[str, Any], path: tuple[str | int, ...], value: Any) -> Any:
    if not path:
        return copy.deepcopy(value)
    document = copy.deepcopy(base)
    parent: Any = document
    for key in path[:-1]:
        parent = parent[key]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = copy.deepcopy(value)
    return document


def _with(base: dict[str, Any], edits: dict[tuple[str | int, ...], Any]) -> dict[str, Any]:
    """The base with several fields set (or DELETEd) at once."""
    document = base
    for path, value in edits.items():
        document = _variant(document, path, value)
    return document


REJECTED: list[Variant] = [
    # unknown fields, at every level
    ("unknown top-level field", FUNCTION, ("author",), "me"),
    ("unknown limits field", FUNCTION, ("limits", "cpu_s"), 1),
    ("unknown stress field", FUNCTION, ("limits", "stress", "factor"), 2),
    ("unknown tolerance field", FUNCTION, ("tolerance", "eps"), 0.1),
    ("unknown weights group", FUNCTION, ("weights", "bonus"), 0),
    ("unknown entry field", FUNCTION, ("entry", "doc"), "adds"),
    ("unknown param field", FUNCTION, ("entry", "params", 0, "default"), 0),
    ("unknown method field", CLASS, ("entry", "methods", 0, "static"), True),
    ("unknown example field", FUNCTION, ("examples", 0, "note"), "easy"),
    # missing fields
    *(
        (f"missing {field}", FUNCTION, (field,), DELETE)
        for field in (
            "title",
            "slug",
            "difficulty",
            "category",
            "levels",
            "skills",
            "entry",
            "limits",
            "checker",
            "complexity",
            "practice_minutes",
            "examples",
        )
    ),
    ("missing limits.time_s", FUNCTION, ("limits", "time_s"), DELETE),
    ("missing limits.memory_mib", FUNCTION, ("limits", "memory_mib"), DELETE),
    ("missing entry.kind", FUNCTION, ("entry", "kind"), DELETE),
    ("missing entry.name", FUNCTION, ("entry", "name"), DELETE),
    ("missing function returns", FUNCTION, ("entry", "returns"), DELETE),
    ("missing class methods", CLASS, ("entry", "methods"), DELETE),
    ("missing method returns", CLASS, ("entry", "methods", 1, "returns"), DELETE),
    ("missing method name", CLASS, ("entry", "methods", 1, "name"), DELETE),
    ("missing param type", FUNCTION, ("entry", "params", 1, "type"), DELETE),
    ("missing param name", CLASS, ("entry", "init", 0, "name"), DELETE),
    ("missing example input", FUNCTION, ("examples", 0, "input"), DELETE),
    ("missing example output", FUNCTION, ("examples", 1, "output"), DELETE),
    # wrong types
    ("title a number", FUNCTION, ("title",), 3),
    ("slug null", FUNCTION, ("slug",), None),
    ("levels a string", FUNCTION, ("levels",), "mid"),
    ("skills a string", FUNCTION, ("skills",), "warm-up"),
    ("skills a number", FUNCTION, ("skills",), [1]),
    ("time_s a string", FUNCTION, ("limits", "time_s"), "1"),
    ("time_s a boolean", FUNCTION, ("limits", "time_s"), True),
    ("memory_mib a fraction", FUNCTION, ("limits", "memory_mib"), 64.5),
    ("memory_mib a string", FUNCTION, ("limits", "memory_mib"), "64"),
    ("output_kib a boolean", FUNCTION, ("limits", "output_kib"), False),
    ("stress a number", FUNCTION, ("limits", "stress"), 5),
    ("multiplier a string", FUNCTION, ("limits", "stress", "multiplier"), "5x"),
    ("tolerance a number", FUNCTION, ("tolerance",), 1e-6),
    ("tolerance.rel a string", FUNCTION, ("tolerance", "rel"), "1e-6"),
    ("complexity null", FUNCTION, ("complexity",), None),
    ("practice_minutes a string", FUNCTION, ("practice_minutes",), "ten"),
    ("max_examples a fraction", FUNCTION, ("max_examples",), 2.5),
    ("max_examples a boolean", FUNCTION, ("max_examples",), True),
    ("weights a list", FUNCTION, ("weights",), [10, 60, 30]),
    ("weight a string", FUNCTION, ("weights", "samples"), "10"),
    ("examples a mapping", FUNCTION, ("examples",), {"input": {"a": 1, "b": 2}, "output": 3}),
    ("example a list", FUNCTION, ("examples", 0), [{"a": 1, "b": 2}, 3]),
    ("example input a list", FUNCTION, ("examples", 0, "input"), [1, 2]),
    ("explanation a number", FUNCTION, ("examples", 0, "explanation"), 3),
    ("entry a string", FUNCTION, ("entry",), "add"),
    ("entry name a number", FUNCTION, ("entry", "name"), 3),
    ("returns null", FUNCTION, ("entry", "returns"), None),
    ("params a mapping", FUNCTION, ("entry", "params"), {"a": "int"}),
    ("param a string", FUNCTION, ("entry", "params", 0), "a: int"),
    ("param type a list", FUNCTION, ("entry", "params", 0, "type"), ["int"]),
    ("method name a number", CLASS, ("entry", "methods", 0, "name"), 1),
    # bad enum values
    ("difficulty", FUNCTION, ("difficulty",), "trivial"),
    ("category", FUNCTION, ("category",), "nice-to-have"),
    ("level", FUNCTION, ("levels",), ["mid", "junior"]),
    ("checker", FUNCTION, ("checker",), "approximately"),
    ("entry kind", FUNCTION, ("entry", "kind"), "program"),
    # out of bounds
    ("no levels", FUNCTION, ("levels",), []),
    ("no skills", FUNCTION, ("skills",), []),
    ("an empty skill", FUNCTION, ("skills",), ["warm-up", ""]),
    ("time_s zero", FUNCTION, ("limits", "time_s"), 0),
    ("time_s negative", FUNCTION, ("limits", "time_s"), -1.0),
    ("memory_mib under 16", FUNCTION, ("limits", "memory_mib"), 8),
    ("tolerance negative", FUNCTION, ("tolerance", "abs"), -1e-9),
    ("a negative weight", FUNCTION, ("weights",), {"samples": -10, "properties": 80}),
    ("max_examples zero", FUNCTION, ("max_examples",), 0),
    ("practice_minutes zero", FUNCTION, ("practice_minutes",), 0),
    ("multiplier under 1", FUNCTION, ("limits", "stress", "multiplier"), 0.5),
    ("floor_s zero", FUNCTION, ("limits", "stress", "floor_s"), 0),
    ("output_kib zero", FUNCTION, ("limits", "output_kib"), 0),
    ("message_mib zero", FUNCTION, ("limits", "message_mib"), 0),
    ("one example", FUNCTION, ("examples",), [FUNCTION["examples"][0]]),
    # entries of the wrong shape
    ("entry name not an identifier", FUNCTION, ("entry", "name"), "add two"),
    ("param name not an identifier", FUNCTION, ("entry", "params", 0, "name"), "1a"),
    ("init name not an identifier", CLASS, ("entry", "init", 0, "name"), "k-th"),
    ("method name not an identifier", CLASS, ("entry", "methods", 0, "name"), "add one"),
    ("entry name a keyword", FUNCTION, ("entry", "name"), "lambda"),
    ("param name a keyword", FUNCTION, ("entry", "params", 0, "name"), "from"),
    ("method name a keyword", CLASS, ("entry", "methods", 0, "name"), "yield"),
    ("function with methods", FUNCTION, ("entry", "methods"), CLASS["entry"]["methods"]),
    ("function with init", FUNCTION, ("entry", "init"), []),
    ("class with returns", CLASS, ("entry", "returns"), "None"),
    ("class with params", CLASS, ("entry", "params"), []),
    ("class without methods", CLASS, ("entry", "methods"), []),
    ("methods a mapping", CLASS, ("entry", "methods"), {"top": "list[int]"}),
    ("class entry as a function", CLASS, ("entry", "kind"), "function"),
    ("function entry as a class", FUNCTION, ("entry", "kind"), "class"),
    # not a mapping at all
    ("document a list", FUNCTION, (), [FUNCTION]),
    ("document empty", FUNCTION, (), None),
]

ACCEPTED: list[Variant] = [
    ("function as given", FUNCTION, (), FUNCTION),
    ("class as given", CLASS, (), CLASS),
    *(
        (f"without optional {'.'.join(map(str, path))}", base, path, DELETE)
        for base, path in (
            (FUNCTION, ("tolerance",)),
            (FUNCTION, ("max_examples",)),
            (FUNCTION, ("weights",)),
            (FUNCTION, ("limits", "output_kib")),
            (FUNCTION, ("limits", "message_mib")),
            (FUNCTION, ("limits", "stress")),
            (FUNCTION, ("limits", "stress", "floor_s")),
            (FUNCTION, ("tolerance", "rel")),
            (FUNCTION, ("examples", 0, "explanation")),
            (CLASS, ("entry", "methods", 1, "params")),
        )
    ),
    (
        "no parameters",
        FUNCTION,
        (),
        _with(
            FUNCTION,
            {("entry", "params"): [], ("examples", 0, "input"): {}, ("examples", 1, "input"): {}},
        ),
    ),
    ("some weights, the rest default", FUNCTION, ("weights",), {"samples": 40, "properties": 30}),
    ("integer time_s", FUNCTION, ("limits", "time_s"), 2),
    ("null output", FUNCTION, ("examples", 1, "output"), None),
    (
        "a class without init",
        CLASS,
        (),
        _with(
            CLASS,
            {
                ("entry", "init"): DELETE,
                ("examples", 0, "input", "k"): DELETE,
                ("examples", 1, "input", "k"): DELETE,
            },
        ),
    ),
    ("every level", FUNCTION, ("levels",), ["mid", "senior", "principal"]),
    *((f"checker {name.value}", FUNCTION, ("checker",), name.value) for name in CheckerName),
]

LOADER_ONLY: list[Variant] = [
    ("weights not summing to 100", FUNCTION, ("weights",), {"samples": 10, "properties": 59}),
    ("slug not the folder's name", FUNCTION, ("slug",), "sum"),
    # every comparison with NaN is false, and a bound lets infinity through
    ("time_s NaN", FUNCTION, ("limits", "time_s"), math.nan),
    ("time_s infinite", FUNCTION, ("limits", "time_s"), math.inf),
    ("floor_s infinite", FUNCTION, ("limits", "stress", "floor_s"), math.inf),
    ("a weight NaN", FUNCTION, ("weights", "samples"), math.nan),
    ("tolerance infinite", FUNCTION, ("tolerance", "rel"), math.inf),
    ("two parameters of one name", FUNCTION, ("entry", "params", 1, "name"), "a"),
    ("two methods of one name", CLASS, ("entry", "methods", 1, "name"), "add"),
    ("example input not the params", FUNCTION, ("examples", 0, "input"), {"a": 1, "c": 2}),
    ("example input without calls", CLASS, ("examples", 0, "input"), {"k": 1}),
    ("tolerance infinite", FUNCTION, ("tolerance", "rel"), float("inf")),
    # JSON has one kind of number: 64.0 is an integer to JSON Schema, a float to Python.
    ("memory_mib written 64.0", FUNCTION, ("limits", "memory_mib"), 64.0),
]
"""Refused by the loader, accepted by the schema: rules JSON Schema cannot express."""


def _load(tmp_path: Path, base: dict[str, Any], document: Any) -> None:
    """`load_problem` on the document, in a package folder named after the base's slug."""
    folder = tmp_path / base["slug"]
    folder.mkdir()
    for name in ("statement.md", "reference.py", "properties.py"):
        (folder / name).write_text("", encoding="utf-8")
    (folder / "problem.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    load_problem(folder)


def _schema_errors(document: Any) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(document)]


def _ids(variants: list[Variant]) -> list[str]:
    return [name for name, *_ in variants]


def test_the_schema_is_a_draft_7_schema() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("folder", PACKAGES, ids=[path.name for path in PACKAGES])
def test_every_shipped_package_validates(folder: Path) -> None:
    load_problem(folder)
    document = yaml.safe_load((folder / "problem.yaml").read_text(encoding="utf-8"))
    assert _schema_errors(document) == []


def test_the_enums_are_the_loaders() -> None:
    """A new checker, level or entry kind in the code must be added to the schema too."""
    properties = SCHEMA["properties"]
    assert properties["difficulty"]["enum"] == [member.value for member in Difficulty]
    assert properties["category"]["enum"] == [member.value for member in Category]
    assert properties["levels"]["items"]["enum"] == [member.value for member in Level]
    assert properties["checker"]["enum"] == [member.value for member in CheckerName]
    kinds = SCHEMA["definitions"]["entry"]["properties"]["kind"]["enum"]
    assert kinds == [member.value for member in EntryKind]


@pytest.mark.parametrize(("name", "base", "path", "value"), REJECTED, ids=_ids(REJECTED))
def test_both_refuse(
    name: str, base: dict[str, Any], path: tuple[str | int, ...], value: Any, tmp_path: Path
) -> None:
    document = _variant(base, path, value)
    assert _schema_errors(document), f"the schema accepts: {name}"
    with pytest.raises(ProblemError):
        _load(tmp_path, base, document)


@pytest.mark.parametrize(("name", "base", "path", "value"), ACCEPTED, ids=_ids(ACCEPTED))
def test_both_accept(
    name: str, base: dict[str, Any], path: tuple[str | int, ...], value: Any, tmp_path: Path
) -> None:
    document = _variant(base, path, value)
    assert _schema_errors(document) == []
    _load(tmp_path, base, document)


@pytest.mark.parametrize(("name", "base", "path", "value"), LOADER_ONLY, ids=_ids(LOADER_ONLY))
def test_what_only_the_loader_refuses(
    name: str, base: dict[str, Any], path: tuple[str | int, ...], value: Any, tmp_path: Path
) -> None:
    """If the schema learns to refuse one of these, move it to REJECTED."""
    document = _variant(base, path, value)
    assert _schema_errors(document) == []
    with pytest.raises(ProblemError):
        _load(tmp_path, base, document)


def test_a_nan_limit_is_refused_by_its_field(tmp_path: Path) -> None:
    document = _variant(FUNCTION, ("limits", "time_s"), math.nan)
    with pytest.raises(ProblemError, match=r"limits\.time_s.*finite number"):
        _load(tmp_path, FUNCTION, document)


def test_the_readme_lists_every_problem() -> None:
    """The README's catalogue names every shipped package, and nothing that is not one."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    catalogue = readme[readme.index("### The catalogue") :]
    catalogue = catalogue[: catalogue.index("\n## ")]
    listed = set(re.findall(r"^\| `([a-z0-9-]+)` \|", catalogue, flags=re.MULTILINE))
    assert listed == {folder.name for folder in PACKAGES if folder.parent == ROOT / "problems"}
