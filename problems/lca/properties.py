"""Lowest common ancestor: trees as parent arrays, with queries, and stress inputs (the
checker is `exact`).

Node numbers are shuffled, so the root is any node and parents are often numbered above
their children.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

MAX_N = 10**5
MAX_Q = 5 * 10**4


def _case(n: int, edges: list[tuple[int, int]], labels: list[int], queries: Any) -> dict[str, Any]:
    """The parent array of a tree given as (child, parent) positions, renumbered by
    `labels` (position -> node number), with queries in node numbers."""
    parent = [-1] * n
    for child, up in edges:
        parent[labels[child]] = labels[up]
    return {"parent": parent, "queries": queries}


@st.composite
def _queries(draw: st.DrawFn, n: int, max_size: int = 12) -> list[tuple[int, int]]:
    """Random pairs, a node with itself, and both orders of a pair."""
    node = st.integers(0, n - 1)
    pairs = draw(st.lists(st.tuples(node, node), max_size=max_size))
    same = draw(st.lists(node.map(lambda v: (v, v)), max_size=2))
    flipped = [(v, u) for u, v in pairs[:2]]
    return draw(st.permutations(pairs + same + flipped))


@st.composite
def _random_tree(draw: st.DrawFn, max_n: int = 10) -> dict[str, Any]:
    """Each position's parent is a random earlier position; node numbers shuffled."""
    n = draw(st.integers(1, max_n))
    edges = [(k, draw(st.integers(0, k - 1))) for k in range(1, n)]
    labels = draw(st.permutations(range(n)))
    return _case(n, edges, labels, draw(_queries(n)))


@st.composite
def _deep_tree(draw: st.DrawFn) -> dict[str, Any]:
    """A path of 2 to 40 nodes from the root, with a few short branches off it: depth
    differences that need every bit of a jump table, and queries from the deep end to
    the root, to its ancestors, and to the branches."""
    length = draw(st.integers(2, 40))
    n = length + draw(st.integers(0, 6))
    edges = [(k, k - 1) for k in range(1, length)]
    edges += [(k, draw(st.integers(0, k - 1))) for k in range(length, n)]
    labels = draw(st.permutations(range(n)))
    deep = labels[length - 1]
    ends = [(deep, labels[0]), (labels[0], deep)]
    ends += [(deep, labels[draw(st.integers(0, n - 1))]) for _ in range(3)]
    return _case(n, edges, labels, draw(_queries(n, max_size=6)) + ends)


@st.composite
def _spider(draw: st.DrawFn) -> dict[str, Any]:
    """Two to four legs of up to 12 nodes hanging from a root (or from the end of a short
    stem), queried from leg to leg: the answer is far above both nodes."""
    stem = draw(st.integers(1, 3))
    edges = [(k, k - 1) for k in range(1, stem)]
    n, ends = stem, []
    for _ in range(draw(st.integers(2, 4))):
        length = draw(st.integers(1, 12))
        edges += [(n + k, n + k - 1 if k else stem - 1) for k in range(length)]
        n += length
        ends.append(n - 1)
    labels = draw(st.permutations(range(n)))
    across = [(labels[a], labels[b]) for a in ends for b in ends if a != b]
    return _case(n, edges, labels, draw(_queries(n, max_size=4)) + across)


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Trees of 1 to 10 nodes (and some of up to 200), paths of up to 40 nodes with short
    branches, and spiders whose legs meet far above the queried nodes; node numbers always
    shuffled, so the root is any node and parents are often numbered above their children.
    Queries include (u, u), both orders of a pair, ancestor and descendant, the root, and no
    queries at all. Shrinks towards fewer nodes and queries, and towards node 0."""
    fixed = st.sampled_from(
        [
            {"parent": [-1], "queries": []},
            {"parent": [-1], "queries": [(0, 0)]},
            {"parent": [1, -1], "queries": [(0, 1), (1, 0), (0, 0), (1, 1)]},
            {"parent": [-1, 0, 1], "queries": [(2, 1), (1, 2), (2, 0)]},
            {"parent": [1, 2, -1], "queries": [(0, 1), (1, 0), (0, 2)]},
        ]
    )
    return _random_tree() | _deep_tree() | _spider() | fixed | _random_tree(max_n=200)


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    """YAML gives queries as lists; the signature promises tuples."""
    return {**values, "queries": [tuple(query) for query in values["queries"]]}


def _stress_case(edges: list[tuple[int, int]], rng: random.Random, queries: Any) -> dict[str, Any]:
    labels = list(range(MAX_N))
    rng.shuffle(labels)
    return _case(MAX_N, edges, labels, [(labels[a], labels[b]) for a, b in queries])


def _path(rng: random.Random) -> dict[str, Any]:
    """All 10^5 nodes on one path from the root, 10^5 - 1 deep; queries between random
    positions (on a path one node is always the other's ancestor), some a node with itself.
    Walking up from the deeper node costs the depth difference, about n/3 per query."""
    edges = [(k, k - 1) for k in range(1, MAX_N)]
    queries = []
    for _ in range(MAX_Q):
        a = rng.randrange(MAX_N)
        queries.append((a, a if rng.random() < 0.01 else rng.randrange(MAX_N)))
    return _stress_case(edges, rng, queries)


def _two_caterpillars(rng: random.Random) -> dict[str, Any]:
    """Two spines of about n/4 nodes hanging from the root, a leaf hanging off every spine
    node (and the few nodes left over off the root). Half the queries join leaves of the two
    spines (the answer is the root: walking up costs both depths, about n/4), half join two
    leaves of one spine (the answer is the upper leaf's spine node)."""
    spine = (MAX_N - 1) // 4
    edges: list[tuple[int, int]] = []
    starts = (1, 1 + 2 * spine)  # spine nodes at start + 2i, their leaves at start + 2i + 1
    for start in starts:
        for i in range(spine):
            node = start + 2 * i
            edges += [(node, node - 2 if i else 0), (node + 1, node)]
    edges += [(extra, 0) for extra in range(1 + 4 * spine, MAX_N)]
    queries = []
    for k in range(MAX_Q):
        i, j = rng.randrange(spine), rng.randrange(spine)
        first = starts[rng.randrange(2)]
        second = starts[1] if first == starts[0] else starts[0]
        queries.append((first + 2 * i + 1, (second if k % 2 else first) + 2 * j + 1))
    return _stress_case(edges, rng, queries)


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """n = 10^5 and 5 · 10^4 queries on deep trees, where walking up one parent at a time
    costs about 10^9 steps: a path, and two caterpillars hanging from the root."""
    return [_path(rng), _two_caterpillars(rng)]
