"""Statements rendered with their examples, and starter files with the exact signature."""

from __future__ import annotations

import json
from typing import Any

from judge.core.problem import EntryKind, Example, Problem


def signature(problem: Problem) -> str:
    """The entry point as Python source (a def, or a class with its methods)."""
    entry = problem.entry
    params = ", ".join(f"{param.name}: {param.type}" for param in entry.params)
    if entry.kind is EntryKind.FUNCTION:
        return f"def {entry.name}({params}) -> {entry.returns}:"
    lines = [
        f"class {entry.name}:",
        f"    def __init__(self{', ' if params else ''}{params}) -> None:",
    ]
    for method in entry.methods:
        args = "".join(f", {param.name}: {param.type}" for param in method.params)
        lines.append(f"    def {method.name}(self{args}) -> {method.returns}:")
    return "\n".join(lines)


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _session_lines(problem: Problem, example: Example) -> list[str]:
    """A class example as the calls a user would type, each returning call with its result."""
    entry = problem.entry
    init = ", ".join(_value(example.input[param.name]) for param in entry.params)
    lines = [f"obj = {entry.name}({init})"]
    results = iter(example.output if isinstance(example.output, list) else [])
    for method, *args in example.input["calls"]:
        call = f"obj.{method}({', '.join(_value(arg) for arg in args)})"
        lines.append(
            call if entry.method(method).void else f"{call}  # -> {_value(next(results, None))}"
        )
    return lines


def examples_markdown(problem: Problem) -> str:
    parts = ["## Examples", ""]
    for number, example in enumerate(problem.examples, 1):
        if problem.entry.kind is EntryKind.CLASS:
            body = _session_lines(problem, example)
        else:
            arguments = ", ".join(
                f"{name}={_value(value)}" for name, value in example.input.items()
            )
            body = [f"input:  {arguments}", f"output: {_value(example.output)}"]
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
    entry = problem.entry
    header = f'"""{problem.title}: see `judge show {problem.slug}`.\n\nExpected: {problem.complexity}.\n"""\n\n'
    imports = "from __future__ import annotations\n\n"
    if any("ndarray" in param.type for param in entry.params) or "ndarray" in entry.returns:
        imports += "import numpy\n\n"
    body = (
        "        raise NotImplementedError\n"
        if entry.kind is EntryKind.CLASS
        else "    raise NotImplementedError\n"
    )
    if entry.kind is EntryKind.FUNCTION:
        return f"{header}{imports}\n{signature(problem)}\n{body}"
    methods = signature(problem).splitlines()
    lines = [methods[0]]
    for line in methods[1:]:
        lines += [line, body.rstrip("\n"), ""]
    return f"{header}{imports}\n" + "\n".join(lines).rstrip() + "\n"
