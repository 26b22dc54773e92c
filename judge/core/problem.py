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

from judge.core.cases import Case
from judge.core.checkers import Checker, CheckerName, Tolerance
from judge.core.entries import Entry, parse_entry, reference_entry
from judge.core.errors import ProblemError
from judge.core.fields import Fields
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
    checker_name: CheckerName
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
        if self.checker_name is CheckerName.CUSTOM and not callable(getattr(module, "check", None)):
            missing.append("check")
        if missing:
            raise ProblemError(self.root / "properties.py", f"must define {', '.join(missing)}()")
        return module

    @cached_property
    def reference(self) -> Callable[..., Any]:
        """The trusted reference entry point (function or class), run on the host."""
        path = self.root / "reference.py"
        module = _import_trusted(path, f"judge_problems.{self.slug}.reference")
        return reference_entry(self.entry, module, path)

    @cached_property
    def checker(self) -> Checker:
        """The problem's checker: a built-in by name, or its properties module's `check`."""
        if self.checker_name is CheckerName.CUSTOM:
            return self.properties.check  # type: ignore[no-any-return]
        from judge.core.checkers.registry import BUILT_IN  # numpy: only once a check is due

        return BUILT_IN[self.checker_name]

    def sample_case(self, values: Mapping[str, Any]) -> Case:
        """A YAML example as a case: through the package's `from_example`, or its entry kind."""
        convert = getattr(self.properties, "from_example", None)
        if convert is not None:
            return convert(dict(values))
        return self.entry.case_from_example(values)

    def reference_answer(self, case: Case) -> Any:
        """The reference's answer, computed on the host: the reference never enters a
        sandbox that runs a submission."""
        return self.entry.reference_answer(self.reference, case)

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
    top = Fields(path, data)
    slug = top.get("slug", str)
    if slug != folder.name:
        top.fail("slug", f"must match the folder name {folder.name!r}, got {slug!r}")
    levels = tuple(
        Fields(path, {"level": value}).choice("level", Level) for value in top.get("levels", list)
    )
    if not levels:
        top.fail("levels", "must list at least one level")
    skills = top.get("skills", list)
    if not skills or not all(isinstance(skill, str) and skill for skill in skills):
        top.fail("skills", "must be a non-empty list of tags")
    limits_fields = top.child("limits")
    stress_fields = limits_fields.child("stress", {})
    stress = StressPolicy(
        # below 1×, the limit would be under the reference's own time
        multiplier=float(stress_fields.number("multiplier", (int, float), 5.0, at_least=1)),
        floor_s=float(stress_fields.number("floor_s", (int, float), 1.0, above=0)),
    )
    stress_fields.done()
    limits = Limits(
        time_s=float(limits_fields.number("time_s", (int, float), above=0)),
        memory_mib=limits_fields.number("memory_mib", int, at_least=16),
        output_kib=limits_fields.number("output_kib", int, 1024, at_least=1),
        message_mib=limits_fields.number("message_mib", int, 16, at_least=1),
    )
    limits_fields.done()
    checker = top.choice("checker", CheckerName)
    tolerance_fields = top.child("tolerance", {})
    tolerance = Tolerance(
        rel=float(tolerance_fields.number("rel", (int, float), 1e-6, at_least=0)),
        abs=float(tolerance_fields.number("abs", (int, float), 1e-9, at_least=0)),
    )
    tolerance_fields.done()
    entry = parse_entry(top.child("entry"))
    examples = _examples(top, entry)
    weights_fields = top.child("weights", {})
    weights = {
        group: float(
            weights_fields.number(group.value, (int, float), DEFAULT_WEIGHTS[group], at_least=0)
        )
        for group in Group
    }
    weights_fields.done()
    if abs(sum(weights.values()) - 100) > 1e-9:
        top.fail("weights", f"must sum to 100, got {sum(weights.values()):g}")
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
        checker_name=checker,
        tolerance=tolerance,
        complexity=top.get("complexity", str),
        practice_minutes=top.number("practice_minutes", int, at_least=1),
        examples=examples,
        weights=weights,
        max_examples=top.number("max_examples", int, 200, at_least=1),
    )
    top.done()
    return problem


def _examples(top: Fields, entry: Entry) -> tuple[Example, ...]:
    examples = []
    for index, raw in enumerate(top.get("examples", list)):
        item = Fields(top.path, raw, f"examples[{index}].")
        values = item.get("input", dict)
        expected_names = entry.example_inputs()
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
