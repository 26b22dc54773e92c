"""Union-find: scripts of union, connected and components calls, and adversarial stress
scripts of up to 1.2 · 10^5 calls (the checker is `exact`)."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

from judge.authoring import Script, Step, calls, script_from_calls

MAX_N = 10**5
MAX_CALLS = 12 * 10**4
QUERIES = MAX_CALLS - MAX_N


@st.composite
def _random_calls(draw: st.DrawFn, max_n: int = 8, max_calls: int = 30) -> Script:
    """Any calls on a few nodes: self-unions, repeated unions and queries come free."""
    n = draw(st.integers(1, max_n))
    node = st.integers(0, n - 1)
    pair = st.tuples(node, node)
    methods = {"union": pair, "connected": pair, "components": st.tuples()}
    return draw(calls(init=(n,), methods=methods, max_calls=max_calls, end=[["components"]]))


@st.composite
def _merge_all(draw: st.DrawFn) -> Script:
    """Join every node into one set along the edges of a random tree, taken in random order
    (so sets of every size meet, and trees grow more than one level deep), each union
    written either way round and often followed by a query or a count; then union random
    pairs again (all False) and count."""
    n = draw(st.integers(2, 16))
    order = draw(st.permutations(range(n)))
    edges = [(order[k], order[draw(st.integers(0, k - 1))]) for k in range(1, n)]
    node = st.integers(0, n - 1)
    script: list[list[Any]] = []
    for a, b in draw(st.permutations(edges)):
        script.append(["union", a, b] if draw(st.booleans()) else ["union", b, a])
        if draw(st.booleans()):
            script.append(["connected", draw(node), draw(node)])
        if draw(st.booleans()):
            script.append(["components"])
    script += [["union", a, b] for a, b in draw(st.lists(st.tuples(node, node), max_size=4))]
    script.append(["components"])
    return script_from_calls((n,), script)


@st.composite
def _wide(draw: st.DrawFn) -> Script:
    """A large n (up to 10^5) with a few unions among small and far-apart labels: the count
    of sets starts at n, and the last node is as valid as the first."""
    n = draw(st.integers(1, MAX_N) | st.just(MAX_N))
    node = st.integers(0, min(n - 1, 5)) | st.sampled_from([0, n - 1]) | st.integers(0, n - 1)
    pair = st.tuples(node, node)
    methods = {"union": pair, "connected": pair, "components": st.tuples()}
    return draw(calls(init=(n,), methods=methods, max_calls=12, end=[["components"]]))


def cases() -> st.SearchStrategy[Script]:
    """Scripts on 1 to 8 nodes (and some of up to 30) of unions, connected queries and
    counts in any order: n = 1, a node joined with itself, the same union repeated, queries
    before any union; whole sets merged along random trees, edge by edge in random order
    (so sets of all sizes meet and trees grow several levels deep), either argument first;
    and n up to 10^5 with a few unions. Every script ends with components(). Shrinks to the
    shortest failing sequence of calls, then towards union, node 0 and a smaller n."""
    fixed = st.sampled_from(
        [
            script_from_calls((1,), [["union", 0, 0], ["connected", 0, 0], ["components"]]),
            script_from_calls((2,), [["union", 0, 1], ["union", 1, 0], ["components"]]),
            script_from_calls((3,), [["connected", 2, 0], ["components"], ["union", 2, 2]]),
        ]
    )
    return _random_calls() | _merge_all() | fixed | _random_calls(max_n=30, max_calls=60) | _wide()


def from_example(values: dict[str, Any]) -> Script:
    return script_from_calls((values["n"],), values["calls"])


def _chain(labels: list[int], new_first: bool) -> Script:
    """The nodes join one at a time, in the order of `labels`, each to the node that joined
    just before it: union(new, old) or union(old, new) throughout. Linking one root under
    the other without sizes then builds a chain n - 1 deep for one of the two ways round
    (a root linked under the node that just joined, every time), and so does linking by
    label when the labels fall (the larger under the smaller) or rise (the other way). The
    rest of the calls ask connected() about the first thousand nodes to join, the deepest
    ones: a walk of about 10^5 nodes each without a good union rule and path compression,
    4 · 10^9 steps in all."""
    pairs = zip(labels[1:], labels[:-1], strict=True)
    unions = [(new, old) if new_first else (old, new) for new, old in pairs]
    deep = labels[:1000]
    queries = [(deep[k % 1000], deep[(7 * k + 500) % 1000]) for k in range(QUERIES)]
    steps = (Step("union", unions), Step("connected", queries), Step("components", [()]))
    return Script((MAX_N,), steps)


def _random_mix(rng: random.Random) -> Script:
    """Random unions, queries and counts, in 50 rounds of 300 unions, 300 connected() and
    400 components() (the calls of one method in a row travel to the submission as one
    batch): each of the 2 · 10^4 components() calls must be O(1), not a scan of n nodes."""
    steps: list[Step] = []
    for _ in range(50):
        for method, count in (("union", 300), ("connected", 300)):
            pairs = [(rng.randrange(MAX_N), rng.randrange(MAX_N)) for _ in range(count)]
            steps.append(Step(method, pairs))
        steps.append(Step("components", [()] * 400))
    return Script((MAX_N,), tuple(steps))


def stress_cases(rng: random.Random) -> list[Script]:
    """n = 10^5: two adversarial chains of 1.2 · 10^5 calls (one n - 1 deep for each way
    of linking roots without sizes), and a random mix of 5 · 10^4 calls, 2 · 10^4 of them
    components()."""
    return [
        _chain(list(range(MAX_N - 1, -1, -1)), new_first=False),
        _chain(list(range(MAX_N)), new_first=True),
        _random_mix(rng),
    ]
