"""Entry kinds: what a submission must define, and how a case reaches it.

Everything that differs between a function problem and a class problem lives in one class
per kind: how `problem.yaml` declares it, what the harness must look for, how a YAML example
becomes a case, how the trusted reference answers a case on the host, how a case runs
through the live session, and how the signature and the starter file read. A new kind (a
stdin/stdout program, say) is one more subclass and one more entry in `KINDS`.
"""

from __future__ import annotations

import abc
import array
import copy
import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, ClassVar, Protocol

from judge.core.cases import Case, Script, script_from_calls
from judge.core.errors import ProblemError
from judge.core.fields import Fields
from judge.core.verdict import Verdict
from judge.sandbox.inside import wire

CHUNK_CALLS = 1 << 15
"""Calls per batch request when a class case streams many calls."""


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
class Answer:
    """What one case produced before checking: a verdict if it already failed, else a value."""

    failure: tuple[Verdict, str] | None
    value: Any
    time_s: float
    wall_s: float
    memory_mib: float | None


ValueOf = Callable[[dict[str, Any]], Any]
"""Reads the answer out of a well-formed reply (may raise `wire.WireError`)."""


class Caller(Protocol):
    """The runner's side of an execution: requests through its live session."""

    def request(
        self, message: dict[str, Any], time_limit_s: float, value_of: ValueOf, spent: Answer | None
    ) -> Answer:
        """Send one request; the answer's time and wall time add to those `spent` before."""

    def abandon(self) -> None:
        """End the session: the submission's state is mid-case and must not serve another."""


class Entry(abc.ABC):
    """The entry point a submission must define. Subclasses are frozen dataclasses."""

    kind: ClassVar[EntryKind]
    name: str
    params: tuple[Param, ...]

    @classmethod
    @abc.abstractmethod
    def parse(cls, fields: Fields, name: str) -> Entry:
        """Read the rest of the `entry` mapping (its kind and name already read)."""

    @abc.abstractmethod
    def harness_spec(self) -> dict[str, Any]:
        """What the harness needs to find and check the entry point."""

    @abc.abstractmethod
    def example_inputs(self) -> list[str]:
        """The names a YAML example's `input` must give."""

    @abc.abstractmethod
    def case_from_example(self, values: Mapping[str, Any]) -> Case:
        """A YAML example's input as a case."""

    @abc.abstractmethod
    def find_reference(self, module: ModuleType) -> Callable[..., Any] | None:
        """The trusted reference's entry point in its module, or None."""

    @abc.abstractmethod
    def reference_answer(self, reference: Callable[..., Any], case: Case) -> Any:
        """The reference's answer to a case (on a copy: a reference may mutate its input)."""

    @abc.abstractmethod
    def execute(self, caller: Caller, case: Case, time_limit_s: float) -> Answer:
        """Run one case through the live session."""

    @abc.abstractmethod
    def signature(self) -> str:
        """The entry point as Python source."""

    @abc.abstractmethod
    def starter_code(self) -> str:
        """The signature with bodies that fail honestly until written."""

    @abc.abstractmethod
    def example_lines(self, values: Mapping[str, Any], output: Any) -> list[str]:
        """A worked example as a reader sees it in the statement."""

    def types(self) -> list[str]:
        """Every type named in the signature (a starter imports numpy if one is an ndarray)."""
        return [param.type for param in self.params]


def _params(fields: Fields, key: str) -> tuple[Param, ...]:
    params = []
    for index, raw in enumerate(fields.get(key, list, [])):
        item = Fields(fields.path, raw, f"{fields.prefix}{key}[{index}].")
        param = Param(name=item.get("name", str), type=item.get("type", str))
        item.done()
        if not param.name.isidentifier():
            item.fail(item.prefix + "name", f"must be a Python identifier, got {param.name!r}")
        params.append(param)
    return tuple(params)


def _json(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class FunctionEntry(Entry):
    """A function called once per case with the case's arguments, in parameter order."""

    kind: ClassVar[EntryKind] = EntryKind.FUNCTION
    name: str
    params: tuple[Param, ...] = ()
    returns: str = "None"

    @classmethod
    def parse(cls, fields: Fields, name: str) -> FunctionEntry:
        return cls(name, _params(fields, "params"), fields.get("returns", str))

    def harness_spec(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "name": self.name, "arity": len(self.params)}

    def example_inputs(self) -> list[str]:
        return [param.name for param in self.params]

    def case_from_example(self, values: Mapping[str, Any]) -> Case:
        return dict(values)

    def arguments(self, case: Mapping[str, Any]) -> list[Any]:
        return [case[param.name] for param in self.params]

    def find_reference(self, module: ModuleType) -> Callable[..., Any] | None:
        found = getattr(module, self.name, None)
        if callable(found):
            return found  # type: ignore[no-any-return]
        holder = getattr(module, "Solution", None)
        if holder is not None and callable(getattr(holder, self.name, None)):
            return lambda *args: getattr(holder(), self.name)(*args)
        return None

    def reference_answer(self, reference: Callable[..., Any], case: Case) -> Any:
        return reference(*copy.deepcopy(self.arguments(case)))

    def execute(self, caller: Caller, case: Case, time_limit_s: float) -> Answer:
        message = {"op": wire.Op.CALL, "args": wire.to_wire(self.arguments(case))}
        return caller.request(
            message, time_limit_s, lambda reply: wire.from_wire(reply.get("value")), None
        )

    def signature(self) -> str:
        params = ", ".join(f"{param.name}: {param.type}" for param in self.params)
        return f"def {self.name}({params}) -> {self.returns}:"

    def starter_code(self) -> str:
        return f"{self.signature()}\n    raise NotImplementedError\n"

    def example_lines(self, values: Mapping[str, Any], output: Any) -> list[str]:
        arguments = ", ".join(f"{name}={_json(value)}" for name, value in values.items())
        return [f"input:  {arguments}", f"output: {_json(output)}"]

    def types(self) -> list[str]:
        return [*super().types(), self.returns]


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
        methods = []
        for index, raw in enumerate(fields.get("methods", list)):
            item = Fields(fields.path, raw, f"{fields.prefix}methods[{index}].")
            methods.append(
                Method(item.get("name", str), _params(item, "params"), item.get("returns", str))
            )
            item.done()
        if not methods:
            fields.fail(fields.prefix + "methods", "must list at least one method")
        return cls(name, _params(fields, "init"), tuple(methods))

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
        init = ", ".join(_json(values[param.name]) for param in self.params)
        lines = [f"obj = {self.name}({init})"]
        results = iter(output if isinstance(output, list) else [])
        for method, *args in values["calls"]:
            call = f"obj.{method}({', '.join(_json(arg) for arg in args)})"
            lines.append(
                call if self.method(method).void else f"{call}  # -> {_json(next(results, None))}"
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


KINDS: dict[EntryKind, type[Entry]] = {
    EntryKind.FUNCTION: FunctionEntry,
    EntryKind.CLASS: ClassEntry,
}


def parse_entry(fields: Fields) -> Entry:
    """The `entry` mapping of problem.yaml as an entry of its kind."""
    kind = fields.choice("kind", EntryKind)
    name = fields.get("name", str)
    if not name.isidentifier():
        fields.fail(fields.prefix + "name", f"must be a Python identifier, got {name!r}")
    entry = KINDS[kind].parse(fields, name)
    fields.done()
    return entry


def reference_entry(entry: Entry, module: ModuleType, path: object) -> Callable[..., Any]:
    found = entry.find_reference(module)
    if found is None:
        raise ProblemError(path, f"does not define {entry.name}")
    return found
