"""Reading one mapping of `problem.yaml`, naming the file and the field in every complaint.

Shared by the problem loader and the entry kinds, each of which reads its own part.
"""

from __future__ import annotations

import enum
import keyword
import math
from pathlib import Path
from typing import Any, NoReturn

from judge.core.errors import ProblemError


class Fields:
    """Reads one mapping from problem.yaml, naming the file and field in every complaint."""

    def __init__(self, path: Path, data: Any, prefix: str = "") -> None:
        self.path, self.prefix = path, prefix
        if not isinstance(data, dict):
            self.fail(prefix.rstrip(".") or None, "must be a mapping")
        self.data: dict[str, Any] = data
        self.seen: set[str] = set()

    def fail(self, field: str | None, message: str) -> NoReturn:
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
            self.fail(field, f"must be {what or kind_name(kind)}, not a boolean")
        if not isinstance(value, kind):
            self.fail(field, f"must be {what or kind_name(kind)}, got {value!r}")
        return value

    def number(
        self,
        key: str,
        kind: type | tuple[type, ...],
        default: Any = ...,
        *,
        above: float | None = None,
        at_least: float | None = None,
    ) -> Any:
        """A finite number of `kind`, greater than `above` or at least `at_least`. YAML spells
        NaN and infinity (`.nan`, `.inf`), and every comparison with NaN is false, so a bound
        alone would let it through."""
        value = self.get(key, kind, default)
        field = self.prefix + key
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(field, f"must be a finite number, got {value!r}")
        if above is not None and not value > above:
            self.fail(field, f"must be greater than {above:g}, got {value!r}")
        if at_least is not None and not value >= at_least:
            self.fail(field, f"must be at least {at_least:g}, got {value!r}")
        return value

    def name(self, key: str) -> str:
        """A Python identifier that is not a keyword: what a submission will `def`."""
        value: str = self.get(key, str)
        if not value.isidentifier() or keyword.iskeyword(value):
            self.fail(self.prefix + key, f"must be a Python identifier, got {value!r}")
        return value

    def choice(self, key: str, enum_type: type[enum.Enum], default: Any = ...) -> Any:
        allowed = [member.value for member in enum_type]
        value = self.get(key, str, default, what=f"one of {allowed}")
        if isinstance(value, enum_type):
            return value
        try:
            return enum_type(value)
        except ValueError:
            self.fail(self.prefix + key, f"must be one of {allowed}, got {value!r}")

    def child(self, key: str, default: Any = ...) -> Fields:
        return Fields(self.path, self.get(key, dict, default), f"{self.prefix}{key}.")

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            self.fail(self.prefix + unknown[0], "is not a known field")


def kind_name(kind: type | tuple[type, ...]) -> str:
    names = {
        str: "a string",
        int: "an integer",
        float: "a number",
        list: "a list",
        dict: "a mapping",
    }
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)
