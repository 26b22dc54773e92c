"""Load and validate a problem package into frozen dataclasses, once, at the edge.

A package is a folder with `problem.yaml`, `statement.md`, `reference.py` and
`properties.py` (see the README). Every mistake in `problem.yaml` is reported with the file
and the field, and unknown fields are refused so that a typo is not silently ignored.
"""

from __future__ import annotations

import enum
import hashlib
import importlib.util
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from judge.core.errors import ProblemError
from judge.core.verdict import Group, Limits

REQUIRED_FILES = ("problem.yaml", "statement.md", "reference.py", "properties.py")


class Difficulty(str, enum.Enum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Category(str, enum.Enum):
    MUST = "must"
    GOOD_TO_KNOW = "good-to-know"
    SPECIALISATION = "specialisation"


class Level(str, enum.Enum):
    MID = "mid"
    SENIOR = "senior"
    PRINCIPAL = "principal"


class EntryKind(str, enum.Enum):
    FUNCTION = "function"
    """A function (or a method of a `Solution` class) called once per case."""
    CLASS = "class"
    """A class constructed once per case, then driven by a script of method calls."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str


@dataclass(frozen=True)
class Method:
    name: str
    params: tuple[Param, ...]
    returns: str

    @property
    def void(self) -> bool:
        """Methods declared to return None: their return values never cross the wire."""
        return self.returns == "None"


@dataclass(frozen=True)
class Entry:
    """The entry point a submission must define."""

    kind: EntryKind
    name: str
    params: tuple[Param, ...] = ()
    returns: str = "None"
    methods: tuple[Method, ...] = ()

    def harness_spec(self) -> dict[str, Any]:
        """What the harness needs to find and check the entry point."""
        if self.kind is EntryKind.FUNCTION:
            return {"kind": "function", "name": self.name, "arity": len(self.params)}
        return {
            "kind": "class",
            "name": self.name,
            "init_arity": len(self.params),
            "methods": {method.name: len(method.params) for method in self.methods},
        }

    def method(self, name: str) -> Method:
        return next(method for method in self.methods if method.name == name)


@dataclass(frozen=True)
class StressPolicy:
    """How stress time limits derive from the reference's own time (Kattis-style)."""

    multiplier: float = 5.0
    floor_s: float = 1.0


@dataclass(frozen=True)
class Example:
    input: Mapping[str, Any]
    output: Any
    explanation: str = ""


@dataclass(frozen=True)
class Tolerance:
    rel: float = 1e-6
    abs: float = 1e-9


CHECKER_NAMES = ("exact", "unordered", "float", "custom")
DEFAULT_WEIGHTS = {Group.SAMPLES: 10.0, Group.PROPERTIES: 60.0, Group.STRESS: 30.0}


@dataclass(frozen=True)
class Problem:
    root: Path
    slug: str
    title: str
    difficulty: Difficulty
    category: Category
    levels: tuple[Level, ...]
    skills: tuple[str, ...]
    entry: Entry
    limits: Limits
    stress: StressPolicy
    checker: str
    tolerance: Tolerance
    complexity: str
    practice_minutes: int
    examples: tuple[Example, ...]
    weights: Mapping[Group, float]
    max_examples: int

    @property
    def statement(self) -> str:
        return (self.root / "statement.md").read_text(encoding="utf-8")

    @cached_property
    def properties(self) -> ModuleType:
        """The package's trusted properties module (strategies, stress cases, checker)."""
        module = _import_trusted(self.root / "properties.py", f"judge_problems.{self.slug}.props")
        missing = [
            name for name in ("cases", "stress_cases") if not callable(getattr(module, name, None))
        ]
        if self.checker == "custom" and not callable(getattr(module, "check", None)):
            missing.append("check")
        if missing:
            raise ProblemError(self.root / "properties.py", f"must define {', '.join(missing)}()")
        return module

    @cached_property
    def reference(self) -> Callable[..., Any]:
        """The trusted reference entry point (function or class), run on the host."""
        path = self.root / "reference.py"
        module = _import_trusted(path, f"judge_problems.{self.slug}.reference")
        found = getattr(module, self.entry.name, None)
        if found is None and self.entry.kind is EntryKind.FUNCTION:
            holder = getattr(module, "Solution", None)
            if holder is not None and hasattr(holder, self.entry.name):
                return lambda *args: getattr(holder(), self.entry.name)(*args)
        if not callable(found):
            raise ProblemError(path, f"does not define {self.entry.name}")
        return found  # type: ignore[no-any-return]

    def fingerprint(self) -> str:
        """A hash of what decides the package's behaviour (for calibration caches)."""
        digest = hashlib.sha256()
        for name in REQUIRED_FILES:
            digest.update((self.root / name).read_bytes())
        return digest.hexdigest()[:16]


def _import_trusted(path: Path, name: str) -> ModuleType:
    """Import one of the package's trusted files by path (never a submission's)."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ProblemError(path, "cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        del sys.modules[name]
        raise ProblemError(path, f"fails to import: {type(error).__name__}: {error}") from None
    return module


class _Fields:
    """Reads one mapping from problem.yaml, naming the file and field in every complaint."""

    def __init__(self, path: Path, data: Any, prefix: str = "") -> None:
        self.path, self.prefix = path, prefix
        if not isinstance(data, dict):
            self.fail(prefix.rstrip(".") or None, "must be a mapping")
        self.data: dict[str, Any] = data
        self.seen: set[str] = set()

    def fail(self, field: str | None, message: str) -> Any:
        raise ProblemError(self.path, message, field)

    def get(
        self, key: str, kind: type | tuple[type, ...], default: Any = ..., what: str = ""
    ) -> Any:
        self.seen.add(key)
        field = self.prefix + key
        if key not in self.data:
            if default is ...:
                self.fail(field, "is missing")
            return default
        value = self.data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and object not in kinds and bool not in kinds:
            self.fail(field, f"must be {what or _kind_name(kind)}, not a boolean")
        if not isinstance(value, kind):
            self.fail(field, f"must be {what or _kind_name(kind)}, got {value!r}")
        return value

    def choice(self, key: str, enum_type: type[enum.Enum], default: Any = ...) -> Any:
        allowed = [member.value for member in enum_type]
        value = self.get(key, str, default, what=f"one of {allowed}")
        if isinstance(value, enum_type):
            return value
        try:
            return enum_type(value)
        except ValueError:
            return self.fail(self.prefix + key, f"must be one of {allowed}, got {value!r}")

    def child(self, key: str, default: Any = ...) -> _Fields:
        return _Fields(self.path, self.get(key, dict, default), f"{self.prefix}{key}.")

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            self.fail(self.prefix + unknown[0], "is not a known field")


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {
        str: "a string",
        int: "an integer",
        float: "a number",
        list: "a list",
        dict: "a mapping",
    }
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _params(fields: _Fields, key: str) -> tuple[Param, ...]:
    params = []
    for index, raw in enumerate(fields.get(key, list, [])):
        item = _Fields(fields.path, raw, f"{fields.prefix}{key}[{index}].")
        param = Param(name=item.get("name", str), type=item.get("type", str))
        item.done()
        if not param.name.isidentifier():
            item.fail(item.prefix + "name", f"must be a Python identifier, got {param.name!r}")
        params.append(param)
    return tuple(params)


def _entry(fields: _Fields) -> Entry:
    kind = fields.choice("kind", EntryKind)
    name = fields.get("name", str)
    if not name.isidentifier():
        fields.fail(fields.prefix + "name", f"must be a Python identifier, got {name!r}")
    if kind is EntryKind.FUNCTION:
        entry = Entry(kind, name, _params(fields, "params"), str(fields.get("returns", str)))
    else:
        methods = []
        for index, raw in enumerate(fields.get("methods", list)):
            item = _Fields(fields.path, raw, f"{fields.prefix}methods[{index}].")
            methods.append(
                Method(item.get("name", str), _params(item, "params"), item.get("returns", str))
            )
            item.done()
        if not methods:
            fields.fail(fields.prefix + "methods", "must list at least one method")
        entry = Entry(kind, name, _params(fields, "init"), name, tuple(methods))
    fields.done()
    return entry


def load_problem(folder: Path) -> Problem:
    """Read and validate a problem package; ProblemError names the file and field."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ProblemError(folder, "is not a problem folder")
    for name in REQUIRED_FILES:
        if not (folder / name).is_file():
            raise ProblemError(folder / name, "is missing from the problem package")
    path = folder / "problem.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ProblemError(path, f"is not valid YAML: {error}") from None
    top = _Fields(path, data)
    slug = top.get("slug", str)
    if slug != folder.name:
        top.fail("slug", f"must match the folder name {folder.name!r}, got {slug!r}")
    levels = tuple(
        _Fields(path, {"level": value}).choice("level", Level) for value in top.get("levels", list)
    )
    if not levels:
        top.fail("levels", "must list at least one level")
    skills = top.get("skills", list)
    if not skills or not all(isinstance(skill, str) and skill for skill in skills):
        top.fail("skills", "must be a non-empty list of tags")
    limits_fields = top.child("limits")
    stress_fields = limits_fields.child("stress", {})
    stress = StressPolicy(
        multiplier=float(stress_fields.get("multiplier", (int, float), 5.0)),
        floor_s=float(stress_fields.get("floor_s", (int, float), 1.0)),
    )
    stress_fields.done()
    limits = Limits(
        time_s=float(limits_fields.get("time_s", (int, float))),
        memory_mib=limits_fields.get("memory_mib", int),
        output_kib=limits_fields.get("output_kib", int, 1024),
        message_mib=limits_fields.get("message_mib", int, 16),
    )
    limits_fields.done()
    if limits.time_s <= 0 or limits.memory_mib < 16:
        top.fail("limits", "need time_s > 0 and memory_mib >= 16")
    checker = top.get("checker", str)
    if checker not in CHECKER_NAMES:
        top.fail("checker", f"must be one of {list(CHECKER_NAMES)}, got {checker!r}")
    tolerance_fields = top.child("tolerance", {})
    tolerance = Tolerance(
        rel=float(tolerance_fields.get("rel", (int, float), 1e-6)),
        abs=float(tolerance_fields.get("abs", (int, float), 1e-9)),
    )
    tolerance_fields.done()
    entry = _entry(top.child("entry"))
    examples = _examples(top, entry)
    weights_fields = top.child("weights", {})
    weights = {
        group: float(weights_fields.get(group.value, (int, float), DEFAULT_WEIGHTS[group]))
        for group in Group
    }
    weights_fields.done()
    if any(weight < 0 for weight in weights.values()) or abs(sum(weights.values()) - 100) > 1e-9:
        top.fail("weights", f"must be non-negative and sum to 100, got {sum(weights.values()):g}")
    problem = Problem(
        root=folder,
        slug=slug,
        title=top.get("title", str),
        difficulty=top.choice("difficulty", Difficulty),
        category=top.choice("category", Category),
        levels=levels,
        skills=tuple(skills),
        entry=entry,
        limits=limits,
        stress=stress,
        checker=checker,
        tolerance=tolerance,
        complexity=top.get("complexity", str),
        practice_minutes=top.get("practice_minutes", int),
        examples=examples,
        weights=weights,
        max_examples=top.get("max_examples", int, 200),
    )
    top.done()
    return problem


def _examples(top: _Fields, entry: Entry) -> tuple[Example, ...]:
    examples = []
    for index, raw in enumerate(top.get("examples", list)):
        item = _Fields(top.path, raw, f"examples[{index}].")
        values = item.get("input", dict)
        expected_names = [param.name for param in entry.params]
        if entry.kind is EntryKind.CLASS:
            expected_names.append("calls")
        if sorted(values) != sorted(expected_names):
            item.fail(
                item.prefix + "input", f"must give exactly {expected_names}, got {sorted(values)}"
            )
        examples.append(
            Example(values, item.get("output", object), item.get("explanation", str, ""))
        )
        item.done()
    if len(examples) < 2:
        top.fail("examples", "must hold at least two worked examples")
    return tuple(examples)
