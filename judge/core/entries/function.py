"""Function problems: one call per case, with the case's arguments in parameter order."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, ClassVar

from judge.core.cases import Case, Remote
from judge.core.encoded import ByIdentity
from judge.core.entries.base import (
    Answer,
    Caller,
    Entry,
    EntryKind,
    Param,
    literal,
    params_of,
)
from judge.core.fields import Fields
from judge.sandbox.inside import wire


@dataclass(frozen=True)
class FunctionEntry(Entry):
    """A function called once per case with the case's arguments, in parameter order."""

    kind: ClassVar[EntryKind] = EntryKind.FUNCTION
    name: str
    params: tuple[Param, ...] = ()
    returns: str = "None"

    @classmethod
    def parse(cls, fields: Fields, name: str) -> FunctionEntry:
        return cls(name, params_of(fields, "params"), fields.get("returns", str))

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
        values = self.arguments(case)
        sources: list[Sequence[Any]] = []
        message: dict[str, Any] | bytes
        if any(isinstance(value, Remote) for value in values):
            args: list[Any] = []
            for value in values:
                if isinstance(value, Remote):  # stays here; the harness reads it item by item
                    args.append(wire.remote_to_wire(len(value), len(sources)))
                    sources.append(value.values)
                else:
                    args.append(wire.to_wire(value))
            message = {"op": wire.Op.CALL, "args": args}
        else:  # a big case (the same object for every submission judged here) encoded once
            message = _CALLS.get(
                case,
                lambda: wire.encode_object(
                    {"op": wire.Op.CALL, "args": [wire.to_wire(value) for value in values]}
                ),
            )
        return caller.request(
            message,
            time_limit_s,
            lambda reply: wire.from_wire(reply.get("value")),
            None,
            sources,
        )

    def signature(self) -> str:
        params = ", ".join(f"{param.name}: {param.type}" for param in self.params)
        return f"def {self.name}({params}) -> {self.returns}:"

    def starter_code(self) -> str:
        return f"{self.signature()}\n    raise NotImplementedError\n"

    def example_lines(self, values: Mapping[str, Any], output: Any) -> list[str]:
        arguments = ", ".join(f"{name}={literal(value)}" for name, value in values.items())
        return [f"input:  {arguments}", f"output: {literal(output)}"]

    def types(self) -> list[str]:
        return [*super().types(), self.returns]


_CALLS: ByIdentity[bytes] = ByIdentity(len)
"""Encoded calls of big cases (see `judge.core.encoded`)."""
