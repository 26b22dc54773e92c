"""Statements rendered with their examples, and starter files with the exact signature."""

from __future__ import annotations

import re

from judge.core.problem import Problem


def signature(problem: Problem) -> str:
    """The entry point as Python source (a def, or a class with its methods)."""
    return problem.entry.signature()


def examples_markdown(problem: Problem) -> str:
    parts = ["## Examples", ""]
    for number, example in enumerate(problem.examples, 1):
        body = problem.entry.example_lines(example.input, example.output)
        parts += [f"**Example {number}**", "", "```", *body, "```"]
        if example.explanation:
            parts += [example.explanation]
        parts.append("")
    return "\n".join(parts)


def full_statement(problem: Problem) -> str:
    """The statement as a candidate reads it: the package's text, then the examples."""
    limits = problem.limits
    facts = (
        f"*Difficulty: {problem.difficulty.value} · time limit {limits.time_s:g} s per case "
        f"(stress: derived from the reference) · memory {limits.memory_mib} MiB · "
        f"expected {problem.complexity}*"
    )
    return f"{problem.statement.rstrip()}\n\n{examples_markdown(problem)}\n{facts}\n"


def starter_file(problem: Problem) -> str:
    """A file that imports and has the exact signature, and fails honestly until written."""
    header = (
        f'"""{problem.title}: see `judge show {problem.slug}`.\n\n'
        f'Expected: {problem.complexity}.\n"""\n\n'
    )
    return f"{header}{_imports(problem.entry.types())}\n{problem.entry.starter_code()}"


ABSTRACT_TYPES = {"Callable", "Iterable", "Iterator", "Mapping", "Sequence"}
"""Names a signature may use from `collections.abc` (the rest are builtins, or numpy's)."""


def _imports(types: list[str]) -> str:
    """What the signature's annotations name, imported, so a linter finds nothing undefined."""
    names = {name for text in types for name in re.findall(r"[A-Za-z_][\w.]*", text)}
    lines = ["from __future__ import annotations", ""]
    abstract = sorted(names & ABSTRACT_TYPES)
    if abstract:
        lines.append(f"from collections.abc import {', '.join(abstract)}")
    if "Any" in names:
        lines.append("from typing import Any")
    if any(name.startswith("numpy") or name == "ndarray" for name in names):
        lines.append("import numpy")
    return "\n".join(lines) + ("\n\n" if len(lines) > 2 else "\n")
