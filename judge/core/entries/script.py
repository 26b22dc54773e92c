"""Class problems: construct with the case's `init`, then drive it with a script of calls."""

from __future__ import annotations

import array
import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, ClassVar

from judge.core.cases import Case, Script, script_from_calls
from judge.core.entries.base import (
    Answer,
    Caller,
    Entry,
    EntryKind,
    Method,
    Param,
    literal,
    params_of,
)
from judge.core.fields import Fields
from judge.core.verdict import Verdict
from judge.sandbox.inside import wire

CHUNK_CALLS = 1 << 15
"""Calls per batch request when a class case streams many calls."""


@dataclass(frozen=True)
class ClassEntry(Entry):
    """A class constructed with the case's `init`, then driven by its script of calls."""

    kind: ClassVar[EntryKind] = EntryKind.CLASS
    name: str
    params: tuple[Param, ...]
    """The constructor's parameters."""
    methods: tuple[Method, ...]

    @classmethod
    def parse(cls, fields: Fields, name: str) -> ClassEntry:
        methods: list[Method] = []
        for index, raw in enumerate(fields.get("methods", list)):
            item = Fields(fields.path, raw, f"{fields.prefix}methods[{index}].")
            method = Method(item.name("name"), params_of(item, "params"), item.get("returns", str))
            item.done()
            if any(other.name == method.name for other in methods):
                item.fail(item.prefix + "name", f"{method.name!r} is already a method")
            methods.append(method)
        if not methods:
            fields.fail(fields.prefix + "methods", "must list at least one method")
        return cls(name, params_of(fields, "init"), tuple(methods))

    def method(self, name: str) -> Method:
        return next(method for method in self.methods if method.name == name)

    def harness_spec(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "name": self.name,
            "init_arity": len(self.params),
            "methods": {method.name: len(method.params) for method in self.methods},
        }

    def example_inputs(self) -> list[str]:
        return [*(param.name for param in self.params), "calls"]

    def case_from_example(self, values: Mapping[str, Any]) -> Case:
        init = tuple(values[param.name] for param in self.params)
        return script_from_calls(init, values["calls"])

    def find_reference(self, module: ModuleType) -> Callable[..., Any] | None:
        found = getattr(module, self.name, None)
        return found if callable(found) else None

    def reference_answer(self, reference: Callable[..., Any], case: Case) -> Any:
        script: Script = copy.deepcopy(case)
        instance = reference(*script.init)
        values = []
        for step in script.steps:
            method = getattr(instance, step.method)
            void = self.method(step.method).void
            for args in _call_args(step.calls):
                value = method(*args)
                if not void:
                    values.append(value)
        return values

    def execute(self, caller: Caller, case: Case, time_limit_s: float) -> Answer:
        script: Script = case
        message = {"op": wire.Op.NEW, "args": wire.to_wire(list(script.init))}
        answer = caller.request(message, time_limit_s, lambda reply: None, None)
        values: list[Any] = []
        peaks = [answer.memory_mib]  # the peak is reset per request: the case's is their max
        for step in script.steps:
            void = self.method(step.method).void
            for start in range(0, len(step.calls), CHUNK_CALLS):
                if answer.failure is not None:
                    return answer
                if answer.time_s > time_limit_s:  # the budget is the case's, not each request's
                    caller.abandon()
                    message_text = (
                        f"took over {answer.time_s:.3f} s after {start} calls of "
                        f"{step.method}; limit {time_limit_s:.3f} s"
                    )
                    return Answer(
                        (Verdict.TLE, message_text),
                        None,
                        answer.time_s,
                        answer.wall_s,
                        answer.memory_mib,
                    )
                chunk = step.calls[start : start + CHUNK_CALLS]
                single = isinstance(chunk, array.array)
                request = {
                    "op": wire.Op.BATCH,
                    "method": step.method,
                    "calls": wire.to_wire(chunk if single else [list(args) for args in chunk]),
                    "single": single,
                    "void": void,
                }
                answer = caller.request(
                    request,
                    max(time_limit_s - answer.time_s, 0.0),
                    lambda reply: wire.from_wire(reply.get("values")),
                    answer,
                )
                peaks.append(answer.memory_mib)
                if answer.failure is None and not void:
                    if not isinstance(answer.value, list) or len(answer.value) != len(chunk):
                        return Answer(
                            (Verdict.RE, "the harness answered a batch with the wrong count"),
                            None,
                            answer.time_s,
                            answer.wall_s,
                            None,
                        )
                    values.extend(answer.value)
        known = [peak for peak in peaks if peak is not None]
        return Answer(
            answer.failure, values, answer.time_s, answer.wall_s, max(known, default=None)
        )

    def signature(self) -> str:
        params = ", ".join(f"{param.name}: {param.type}" for param in self.params)
        lines = [
            f"class {self.name}:",
            f"    def __init__(self{', ' if params else ''}{params}) -> None:",
        ]
        for method in self.methods:
            args = "".join(f", {param.name}: {param.type}" for param in method.params)
            lines.append(f"    def {method.name}(self{args}) -> {method.returns}:")
        return "\n".join(lines)

    def starter_code(self) -> str:
        methods = self.signature().splitlines()
        lines = [methods[0]]
        for line in methods[1:]:
            lines += [line, "        raise NotImplementedError", ""]
        return "\n".join(lines).rstrip() + "\n"

    def example_lines(self, values: Mapping[str, Any], output: Any) -> list[str]:
        """A session of calls as a user would type them, each returning call with its result."""
        init = ", ".join(literal(values[param.name]) for param in self.params)
        lines = [f"obj = {self.name}({init})"]
        results = iter(output if isinstance(output, list) else [])
        for method, *args in values["calls"]:
            call = f"obj.{method}({', '.join(literal(arg) for arg in args)})"
            lines.append(
                call if self.method(method).void else f"{call}  # -> {literal(next(results, None))}"
            )
        return lines

    def types(self) -> list[str]:
        found = super().types()
        for method in self.methods:
            found += [param.type for param in method.params] + [method.returns]
        return found


def _call_args(calls: Sequence[tuple[Any, ...]] | array.array) -> list[tuple[Any, ...]]:  # type: ignore[type-arg]
    if isinstance(calls, array.array):
        return [(value,) for value in calls.tolist()]
    return [tuple(args) for args in calls]
