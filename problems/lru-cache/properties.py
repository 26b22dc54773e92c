"""LRU Cache: scripts of gets and puts over a few keys, and stress scripts of 3·10^5 calls."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

from judge.authoring import Script, Step, calls, script_from_calls, stream

MAX_CAPACITY = 5 * 10**4
MAX_CALLS = 2 * 10**5
EVICTIONS = 12 * 10**4
LIMIT = 10**9

VALUES = st.one_of(*[st.integers(-1, 3)] * 3, st.integers(-LIMIT, LIMIT))
"""Mostly -1 to 3 (0 is falsy and where failures shrink to; -1 is LeetCode's "miss"), now and
then any value."""


def _script(capacity: int, spare: int, *, full: bool = False) -> Any:
    """Gets and puts of `capacity + spare` keys (so a full cache must evict, and a get often
    hits), with the values above; with `full`, after puts of keys 0..capacity-1 (key k
    stores k), so that the first new key already evicts. Drawn as up to 8 bursts of up to
    12 calls: about 20 calls on average, where one flat list of calls is mostly under 10,
    and every call can still shrink away."""
    key = st.integers(0, capacity + spare - 1)
    burst = calls(
        init=(capacity,),
        methods={"get": st.tuples(key), "put": st.tuples(key, VALUES)},
        max_calls=12,
    )
    fill = [["put", k, k] for k in range(capacity)] if full else []
    return st.lists(burst, max_size=8).map(lambda bursts: _joined(capacity, fill, bursts))


def _joined(capacity: int, fill: list[list[int | str]], bursts: list[Script]) -> Script:
    """One script of the fill and the bursts' calls, runs of one method in one step."""
    drawn = [
        [step.method, *args] for script in bursts for step in script.steps for args in step.calls
    ]
    return script_from_calls((capacity,), fill + drawn)


def _wide_keys() -> Any:
    """Keys anywhere in [-10^9, 10^9], the extremes and their neighbours included."""
    key = st.sampled_from([-LIMIT, -LIMIT + 1, -1, 0, LIMIT - 1, LIMIT]) | st.integers(
        -LIMIT, LIMIT
    )
    return calls(
        init=st.tuples(st.integers(1, 3)),
        methods={"get": st.tuples(key), "put": st.tuples(key, VALUES)},
        max_calls=30,
    )


def cases() -> st.SearchStrategy[Any]:
    """Capacities of 1 to 4 over one or two keys more than fit, starting empty or full, so
    that evictions, gets that refresh a key, updates of a present key (full or not), misses,
    and stored values of 0 and -1 happen in most scripts; capacities up to 8 over three
    keys more; and keys anywhere up to ±10^9. A failure shrinks to the shortest failing
    sequence of calls (after the fill), then towards gets (which change only the order),
    key 0, value 0 and capacity 1."""
    short = st.integers(1, 4).flatmap(lambda capacity: _script(capacity, 2))
    full = st.integers(1, 4).flatmap(lambda capacity: _script(capacity, 1, full=True))
    long = st.integers(1, 8).flatmap(lambda capacity: _script(capacity, 3, full=True))
    return short | full | long | _wide_keys()


def from_example(values: dict[str, Any]) -> Script:
    return script_from_calls((values["capacity"],), values["calls"])


def _keys(rng: random.Random, count: int) -> list[int]:
    return rng.sample(range(-LIMIT, LIMIT + 1), count)


def _value(rng: random.Random) -> int:
    return int(rng.random() * (2 * LIMIT + 1)) - LIMIT


def _refreshes(rng: random.Random) -> Script:
    """Fill the cache (capacity 5·10^4), then 60 rounds of 2·10^3 gets of random present
    keys and 500 updates of present keys (2·10^5 calls in all): every call moves a key from
    anywhere in the recency order to its end, so a list of keys searches half of it."""
    present = _keys(rng, MAX_CAPACITY)
    steps = [Step("put", [(key, _value(rng)) for key in present])]
    for _ in range((MAX_CALLS - MAX_CAPACITY) // 2500):
        steps.append(stream("get", [rng.choice(present) for _ in range(2000)]))
        steps.append(Step("put", [(rng.choice(present), _value(rng)) for _ in range(500)]))
    return Script((MAX_CAPACITY,), tuple(steps))


def _evictions(rng: random.Random) -> Script:
    """Fill the cache (capacity 5·10^4), then 60 rounds of 2·10^3 puts of new keys, each
    followed by 200 gets of its newest keys (hits) and 50 of evicted ones (misses): 1.2·10^5
    evictions, each a search for the oldest key when recency is kept as timestamps."""
    new_keys = _keys(rng, MAX_CAPACITY + EVICTIONS)
    steps = [Step("put", [(key, _value(rng)) for key in new_keys[:MAX_CAPACITY]])]
    for start in range(MAX_CAPACITY, len(new_keys), 2000):
        batch = new_keys[start : start + 2000]
        steps.append(Step("put", [(key, _value(rng)) for key in batch]))
        evicted = start + len(batch) - MAX_CAPACITY  # new_keys[:evicted] are gone
        misses = [new_keys[int(rng.random() * evicted)] for _ in range(50)]
        steps.append(stream("get", batch[::-1][:200] + misses))
    return Script((MAX_CAPACITY,), tuple(steps))


def stress_cases(rng: random.Random) -> list[Script]:
    """Capacity 5·10^4 each: a cache kept full and read and updated at random (refreshes
    from anywhere in the order), and a stream of new keys (an eviction per put)."""
    return [_refreshes(rng), _evictions(rng)]
