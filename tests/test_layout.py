"""The layout is the architecture: these tests keep the trust boundary and the import
direction true as the package grows (see the README's "How the code is laid out")."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "judge"
INSIDE = PACKAGE / "sandbox" / "inside"

LAYERS = {
    # package: the judge packages it may import (besides itself and the leaves)
    "judge.sandbox": set(),
    "judge.core": {"judge.sandbox"},
    "judge.reports": {"judge.core", "judge.grading.results", "judge.practice"},
    "judge.practice": {"judge.core", "judge.sandbox"},
    "judge.grading": {"judge.core", "judge.sandbox", "judge.reports"},
    "judge.web": {"judge.core", "judge.sandbox", "judge.practice", "judge.reports"},
    "judge.cli": {
        "judge.core",
        "judge.sandbox",
        "judge.practice",
        "judge.grading",
        "judge.reports",
        "judge.web",
    },
    # The daemon runs the CLI (its command processes are `judge` processes): it sits above.
    "judge.daemon": {"judge.cli", "judge.core", "judge.sandbox"},
}
RUNS_THE_CLI = {"judge.entry", "judge.daemon"}
"""The console script and the daemon: the only modules that may import `judge.cli`."""
LEAVES = {"judge", "judge.core.verdict", "judge.core.errors", "judge.core.text"}
"""Imported from any layer: the version, pure data, the exception tree, text escaping."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """Every module an import statement names, wherever it stands (lazy ones included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base, node.lineno
            for alias in node.names:  # `from judge.grading import grade` names a module
                yield f"{base}.{alias.name}", node.lineno


def _judge_imports(path: Path, modules: dict[str, Path]) -> set[str]:
    return {name for name, _ in _imports(path) if name in modules}


def test_inside_imports_only_the_standard_library() -> None:
    """The mounted folder runs on the image's bare Python: no judge, no third party."""
    for path in sorted(INSIDE.glob("*.py")):
        for name, line in _imports(path):
            top = name.split(".")[0]
            allowed = top in sys.stdlib_module_names or top == "__future__"
            # wire.py imports numpy lazily, only when an ndarray crosses (the image has it)
            allowed = allowed or (path.name == "wire.py" and top == "numpy")
            assert allowed, f"{path.name}:{line} imports {name}"


def test_the_host_never_imports_the_harness() -> None:
    for module, path in _modules().items():
        if path.parent == INSIDE:
            continue
        for name, line in _imports(path):
            assert not name.startswith("judge.sandbox.inside.harness"), f"{module}:{line}"


def _layer(module: str) -> str | None:
    return next(
        (layer for layer in LAYERS if module == layer or module.startswith(layer + ".")), None
    )


def test_imports_point_down_the_layers() -> None:
    modules = _modules()
    wrong = []
    for module, path in modules.items():
        layer = _layer(module)
        if layer is None:
            continue
        for name in _judge_imports(path, modules):
            target = _layer(name)
            if name in LEAVES or target is None or target == layer:
                continue
            if not any(name == ok or name.startswith(ok + ".") for ok in LAYERS[layer]):
                wrong.append(f"{module} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_nothing_imports_the_cli() -> None:
    for module, path in _modules().items():
        runner = any(module == name or module.startswith(name + ".") for name in RUNS_THE_CLI)
        if runner or _layer(module) == "judge.cli":
            continue
        for name, line in _imports(path):
            assert not name.startswith("judge.cli"), f"{module}:{line} imports {name}"


def test_no_import_cycles() -> None:
    """Lazy imports count too: a cycle hidden in a function is still a knot."""
    modules = _modules()
    graph = {module: _judge_imports(path, modules) - {module} for module, path in modules.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycle = [*stack[stack.index(target) :], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_problem_packages_use_only_the_public_faces() -> None:
    """A package's properties and tests import `judge.authoring` and `judge.testing` only,
    so that packages survive refactors of the judge's insides."""
    for path in sorted((ROOT / "problems").glob("*/*.py")):
        for name, line in _imports(path):
            if name == "judge" or name.startswith("judge."):
                base = ".".join(name.split(".")[:2])
                assert base in {"judge.authoring", "judge.testing"}, f"{path}:{line} {name}"
