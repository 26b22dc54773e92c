"""Entry kinds: what a submission must define, and how a case reaches it.

Everything that differs between a function problem and a class problem lives in one class
per kind (`function.py`, `script.py`): how `problem.yaml` declares it, what the harness must
look for, how a YAML example becomes a case, how the trusted reference answers a case on the
host, how a case runs through the live session, and how the signature and the starter file
read. A new kind (a stdin/stdout program, say) is one more module and one entry in `KINDS`.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from judge.core.entries.base import Answer, Caller, Entry, EntryKind, Method, Param, ValueOf
from judge.core.entries.function import FunctionEntry
from judge.core.entries.script import ClassEntry
from judge.core.errors import ProblemError
from judge.core.fields import Fields

KINDS: dict[EntryKind, type[Entry]] = {
    EntryKind.FUNCTION: FunctionEntry,
    EntryKind.CLASS: ClassEntry,
}


def parse_entry(fields: Fields) -> Entry:
    """The `entry` mapping of problem.yaml as an entry of its kind."""
    kind = fields.choice("kind", EntryKind)
    name = fields.name("name")
    entry = KINDS[kind].parse(fields, name)
    fields.done()
    return entry


def reference_entry(entry: Entry, module: ModuleType, path: object) -> Callable[..., Any]:
    found = entry.find_reference(module)
    if found is None:
        raise ProblemError(path, f"does not define {entry.name}")
    return found


__all__ = [
    "KINDS",
    "Answer",
    "Caller",
    "ClassEntry",
    "Entry",
    "EntryKind",
    "FunctionEntry",
    "Method",
    "Param",
    "ValueOf",
    "parse_entry",
    "reference_entry",
]
