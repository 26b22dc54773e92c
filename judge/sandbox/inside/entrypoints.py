"""Finding a submission's entry point, and the namespace it runs in.

Standard library only, and no import-time effects: the harness loads it beside `wire.py`,
and the host's fake sandbox imports it, so both resolve entry points by the same rules.

A function entry `two_sum` is found as a top-level `two_sum` or `twoSum`, or as a method of
a LeetCode-style `class Solution` under either spelling; a class entry's methods likewise
(`top_k` or `topK`). A submission also finds LeetCode's usual names already imported
(`List`, `deque`, `heappush`, ...), so code pasted from there runs unchanged.
"""

from __future__ import annotations

import difflib
import importlib
import inspect
from typing import Any

PRELUDE_MODULES = (
    "bisect",
    "collections",
    "functools",
    "heapq",
    "itertools",
    "math",
    "operator",
    "re",
    "string",
    "typing",
)
PRELUDE_NAMES = {
    "typing": (
        "Any Callable Deque DefaultDict Dict FrozenSet Generator Iterable Iterator List "
        "Optional Sequence Set Tuple Union"
    ),
    "collections": "Counter OrderedDict defaultdict deque",
    "heapq": "heapify heappop heappush heappushpop heapreplace nlargest nsmallest",
    "bisect": "bisect_left bisect_right insort insort_left insort_right",
    "functools": "cache cmp_to_key lru_cache reduce",
    "itertools": "accumulate chain combinations count groupby permutations product zip_longest",
    "math": "ceil comb floor gcd inf isqrt log log2 perm sqrt",
}
"""What LeetCode puts in a submission's namespace before it runs. None shadows a builtin
(no `math.pow`), and a module keeps its name (`bisect` is the module, as `bisect.bisect_left`
is how most code uses it). Only the submission's namespace gets them; the harness keeps
its own."""


class EntryPointError(Exception):
    """The submission imports but does not offer the entry point the problem asks for."""


def prelude() -> dict[str, Any]:
    modules = {name: importlib.import_module(name) for name in PRELUDE_MODULES}
    namespace: dict[str, Any] = dict(modules)
    for module, names in PRELUDE_NAMES.items():
        for name in names.split():
            namespace[name] = getattr(modules[module], name)
    return namespace


def camel(name: str) -> str:
    """two_sum -> twoSum: LeetCode's spelling of the same name."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def spellings(name: str) -> list[str]:
    return list(dict.fromkeys([name, camel(name)]))


def accepts(function: Any, count: int) -> bool:
    """Whether `function` can be called with `count` positional arguments."""
    try:
        inspect.signature(function).bind(*range(count))
    except TypeError:
        return False
    except ValueError:  # builtins without a signature: give them the benefit of the doubt
        return True
    return True


def signature(function: Any) -> str:
    try:
        return str(inspect.signature(function))
    except (TypeError, ValueError):
        return "(...)"


def _defined(module: Any) -> dict[str, list[str] | None]:
    """The file's own functions (None) and classes (their public methods)."""
    found: dict[str, list[str] | None] = {}
    for name, value in vars(module).items():
        if name.startswith("_") or getattr(value, "__module__", None) != module.__name__:
            continue
        if inspect.isfunction(value):
            found[name] = None
        elif inspect.isclass(value):
            found[name] = sorted(
                method
                for method, member in vars(value).items()
                if callable(member) and not method.startswith("_")
            )
    return found


def what_is_defined(module: Any, wanted: str) -> str:
    """What the file defines instead, and the name closest to the one wanted."""
    found = _defined(module)
    if not found:
        return "the file defines nothing callable"
    parts = [
        f"{name}()" if methods is None else f"class {name} ({', '.join(methods) or 'no methods'})"
        for name, methods in sorted(found.items())
    ]
    names = [*found, *(method for methods in found.values() for method in methods or [])]
    lowered = {name.lower(): name for name in names}
    close = difflib.get_close_matches(wanted, names, n=1, cutoff=0.6) or [
        lowered[match]
        for match in difflib.get_close_matches(camel(wanted).lower(), list(lowered), n=1)
    ]
    hint = f"; did you mean {close[0]!r}? It must be spelled {wanted!r}" if close else ""
    return f"the file defines {', '.join(parts)}{hint}"


def find_function(module: Any, name: str, arity: int) -> Any:
    """The callable that answers a function problem; EntryPointError when there is none."""
    for spelling in spellings(name):
        found = getattr(module, spelling, None)
        if callable(found) and not inspect.isclass(found):
            if not accepts(found, arity):
                raise EntryPointError(
                    f"{spelling}() must take {arity} argument(s); "
                    f"its signature is {spelling}{signature(found)}"
                )
            return found
    holder = getattr(module, "Solution", None)
    for spelling in spellings(name) if inspect.isclass(holder) else []:
        method = getattr(holder, spelling, None)
        if callable(method):
            if not accepts(method, arity + 1):
                raise EntryPointError(
                    f"Solution.{spelling}() must take self and {arity} argument(s); "
                    f"its signature is {spelling}{signature(method)}"
                )
            return lambda *args: getattr(holder(), spelling)(*args)  # type: ignore[misc]
    raise EntryPointError(
        f"no function {name}() (or method Solution.{name}) found; {what_is_defined(module, name)}"
    )


def find_class(
    module: Any, name: str, init_arity: int, methods: dict[str, int]
) -> tuple[type, dict[str, str]]:
    """The class of a class problem, and each of the problem's method names mapped to the
    submission's spelling of it; EntryPointError when something is missing."""
    cls = getattr(module, name, None)
    if not inspect.isclass(cls):
        raise EntryPointError(f"no class {name} found; {what_is_defined(module, name)}")
    if not accepts(cls, init_arity):
        raise EntryPointError(f"{name}() must take {init_arity} argument(s) to construct")
    spelled = {}
    for method_name, arity in methods.items():
        spelling = next((s for s in spellings(method_name) if callable(getattr(cls, s, None))), "")
        if not spelling:
            defined = sorted(m for m in vars(cls) if not m.startswith("_")) or ["no methods"]
            raise EntryPointError(
                f"class {name} has no method {method_name}(); it defines {', '.join(defined)}"
            )
        if not accepts(getattr(cls, spelling), arity + 1):
            raise EntryPointError(f"{name}.{spelling}() must take self and {arity} argument(s)")
        spelled[method_name] = spelling
    return cls, spelled
