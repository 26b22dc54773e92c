"""What a case is: a dict of arguments (function problems) or a `Script` of calls (class problems).

Cases are built by a package's trusted `properties.py` (through `judge.authoring`) and by the
YAML examples; the entry kinds turn them into requests and reference calls.
"""

from __future__ import annotations

import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

Case = Any
"""A dict of argument values (function problems) or a `Script` (class problems)."""


@dataclass(frozen=True)
class Step:
    """Call `method` once per item of `calls`; each item is that call's argument tuple.

    An `array.array` stands for single-argument calls and crosses the wire as raw bytes,
    which is how a stream of millions of values reaches the submission in chunks.
    """

    method: str
    calls: Sequence[tuple[Any, ...]] | array.array  # type: ignore[type-arg]

    def __len__(self) -> int:
        return len(self.calls)


@dataclass(frozen=True)
class Script:
    """A class case: construct with `init`, then run the steps in order."""

    init: tuple[Any, ...]
    steps: tuple[Step, ...] = field(default_factory=tuple)

    def __repr__(self) -> str:
        """As the calls read in Python; a stream's values cut to their first items."""
        parts = [_call("init", self.init)]
        for step in self.steps:
            if isinstance(step.calls, array.array):
                parts.append(f"{step.method}(x) for x in {_items(step.calls)}")
            else:
                parts.extend(_call(step.method, args) for args in step.calls)
        return "; ".join(parts)


def _call(name: str, args: Sequence[Any]) -> str:
    return f"{name}({', '.join(repr(arg) for arg in args)})"


def _items(values: Sequence[Any]) -> str:
    """A list's repr, whole when small; a million values would be built into one string
    only for a report to cut it."""
    if len(values) <= REPR_ITEMS:
        return repr(list(values))
    head = ", ".join(repr(value) for value in values[:REPR_ITEMS])
    return f"[{head}, … {len(values) - REPR_ITEMS} more]"


REPR_ITEMS = 100
"""A `Remote` or a stream longer than this shows its first items and a count."""


class Remote(Sequence[Any]):
    """An argument the submission reads item by item from the host, for sublinear problems.

    Sending 10^6 numbers is itself O(n), so a binary search cannot be told from a scan by
    its time when its input crosses whole. A `Remote` never crosses: the submission gets a
    sequence whose every read is a round trip to the host, which counts it. 20 reads cost
    milliseconds; a scan of 10^6 runs out of time. The reference and checkers on the host
    read it as the plain sequence it wraps.
    """

    def __init__(self, values: Sequence[Any]) -> None:
        self.values = values

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, index: Any) -> Any:
        return self.values[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Remote) and list(self.values) == list(other.values)

    def __hash__(self) -> int:
        return hash(tuple(self.values))

    def __repr__(self) -> str:
        return f"Remote({_items(self.values)})"


def script_from_calls(init: tuple[Any, ...], calls: Sequence[Sequence[Any]]) -> Script:
    """A script from `[["add", 5], ["top"]]`-style calls, grouping runs of one method."""
    steps: list[Step] = []
    for method, *args in calls:
        if steps and steps[-1].method == method:
            steps[-1] = Step(method, [*steps[-1].calls, tuple(args)])
        else:
            steps.append(Step(method, [tuple(args)]))
    return Script(tuple(init), tuple(steps))


def stream(method: str, values: Sequence[int]) -> Step:
    """A step feeding 64-bit integers to a one-argument method, as raw bytes on the wire."""
    return Step(method, array.array("q", values))


def calls(
    *,
    methods: Mapping[str, SearchStrategy[tuple[Any, ...]]],
    init: SearchStrategy[tuple[Any, ...]] | tuple[Any, ...] = (),
    min_calls: int = 0,
    max_calls: int = 30,
    end: Sequence[Sequence[Any]] = (),
) -> SearchStrategy[Script]:
    """Scripts for a class problem: `init`, then up to `max_calls` calls of `methods` in any
    order, then the calls in `end` (e.g. `[["top"]]`, to observe the final state).

    `methods` maps each method's name to a strategy of its argument tuples (`st.tuples()`
    for none); `init` is the constructor's arguments, or a strategy of them.

        calls(init=st.tuples(st.integers(1, 4)),
              methods={"get": st.tuples(keys), "put": st.tuples(keys, values)})

    Shrinks as Hypothesis shrinks a list, fewer calls first: a failure shrinks to the
    shortest sequence of calls that still fails, then each call towards the first method
    named in `methods` and towards smaller arguments, then `init` towards its own minimum.
    """
    from hypothesis import strategies as st

    if not methods:
        raise ValueError("calls() needs at least one method")
    tail = [list(call) for call in end]

    def script(init_args: tuple[Any, ...], drawn: list[tuple[str, tuple[Any, ...]]]) -> Script:
        for name, args in [("init", init_args), *drawn]:
            if not isinstance(args, tuple):
                raise TypeError(
                    f"calls(): the strategy for {name} must draw argument tuples "
                    f"(st.tuples(...)), but drew {args!r}"
                )
        return script_from_calls(init_args, [*([name, *args] for name, args in drawn), *tail])

    one_call = st.one_of([st.tuples(st.just(name), args) for name, args in methods.items()])
    inits = init if isinstance(init, st.SearchStrategy) else st.just(tuple(init))
    return st.builds(script, inits, st.lists(one_call, min_size=min_calls, max_size=max_calls))
