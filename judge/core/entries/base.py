"""The contract every entry kind keeps, and the vocabulary they share."""

from __future__ import annotations

import abc
import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, ClassVar, Protocol

from judge.core.cases import Case
from judge.core.fields import Fields
from judge.core.verdict import Verdict


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
        self,
        message: dict[str, Any] | bytes,
        time_limit_s: float,
        value_of: ValueOf,
        spent: Answer | None,
        sources: Sequence[Sequence[Any]] = (),
    ) -> Answer:
        """Send one request (a message, or one encoded by `wire.encode_object`); the
        answer's time and wall time add to those `spent` before. `sources` are the
        sequences its `$remote` arguments stand for."""

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


def params_of(fields: Fields, key: str) -> tuple[Param, ...]:
    params: list[Param] = []
    for index, raw in enumerate(fields.get(key, list, [])):
        item = Fields(fields.path, raw, f"{fields.prefix}{key}[{index}].")
        param = Param(name=item.name("name"), type=item.get("type", str))
        item.done()
        if any(other.name == param.name for other in params):
            item.fail(item.prefix + "name", f"{param.name!r} is already a parameter")
        params.append(param)
    return tuple(params)


def literal(value: Any) -> str:
    """A YAML example's value as a Python literal: candidates read `None` and `True` in
    Python code, not JSON's `null` and `true`."""
    return repr(value)
