"""Minimum spanning tree: inputs and stress inputs (the checker is `exact`).

Weights may be negative; self-loops and parallel edges occur; a disconnected graph's
answer is None, and a single node's is 0.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

MAX_N = 10**5
MAX_M = 15 * 10**4
MAX_W = 10**9

Edge = tuple[int, int, int]

WEIGHTS = st.integers(-3, 3) | st.sampled_from([-MAX_W, 0, MAX_W]) | st.integers(-MAX_W, MAX_W)
"""Small weights (many ties, negatives, zero), the extremes, and any."""


def _edges(draw: st.DrawFn, nodes: list[int], count: int) -> list[Edge]:
    node = st.sampled_from(nodes)
    return draw(st.lists(st.tuples(node, node, WEIGHTS), max_size=count))


def _tree(draw: st.DrawFn, nodes: list[int]) -> list[Edge]:
    """A random spanning tree of `nodes`, each edge written either way round."""
    edges = []
    for k in range(1, len(nodes)):
        other = nodes[draw(st.integers(0, k - 1))]
        u, v = (nodes[k], other) if draw(st.booleans()) else (other, nodes[k])
        edges.append((u, v, draw(WEIGHTS)))
    return edges


@st.composite
def _graph(draw: st.DrawFn, max_n: int = 7, edges_per_node: int = 3) -> dict[str, Any]:
    """Any multigraph: self-loops, parallel edges and isolated nodes come free."""
    n = draw(st.integers(1, max_n))
    return {"n": n, "edges": _edges(draw, list(range(n)), edges_per_node * n)}


@st.composite
def _connected(draw: st.DrawFn, max_n: int = 8) -> dict[str, Any]:
    """A random spanning tree plus extra edges (cycles, parallel copies, self-loops), listed
    in random order: connected, so the answer is a number."""
    n = draw(st.integers(1, max_n))
    nodes = list(range(n))
    edges = _tree(draw, draw(st.permutations(nodes))) + _edges(draw, nodes, 2 * n)
    return {"n": n, "edges": draw(st.permutations(edges))}


@st.composite
def _parts(draw: st.DrawFn) -> dict[str, Any]:
    """Two or three connected parts with no edge between them, every node on some edge
    (a self-loop, at least): disconnected although no node is isolated."""
    n = draw(st.integers(2, 9))
    order = draw(st.permutations(range(n)))
    cuts = sorted(draw(st.sets(st.integers(1, n - 1), min_size=1, max_size=2)))
    edges: list[Edge] = []
    for part in (order[a:b] for a, b in zip([0, *cuts], [*cuts, n], strict=True)):
        edges += _tree(draw, part) + _edges(draw, part, 2)
        if len(part) == 1:
            edges.append((part[0], part[0], draw(WEIGHTS)))
    return {"n": n, "edges": draw(st.permutations(edges))}


@st.composite
def _heavy_bridge(draw: st.DrawFn) -> dict[str, Any]:
    """Two connected parts joined only by edges of the maximum weight 10^9: one of them must
    be in the tree (so "infinity" must be larger than any weight)."""
    n = draw(st.integers(2, 8))
    order = draw(st.permutations(range(n)))
    cut = draw(st.integers(1, n - 1))
    left, right = order[:cut], order[cut:]
    edges = _tree(draw, left) + _tree(draw, right) + _edges(draw, order, 3)
    edges = [edge for edge in edges if (edge[0] in left) == (edge[1] in left)]
    copies = draw(st.integers(1, 3))
    node = st.sampled_from(order)
    for _ in range(copies):
        edges.append((draw(st.sampled_from(left)), draw(st.sampled_from(right)), MAX_W))
    edges.append((draw(node), draw(node), draw(WEIGHTS)))
    return {"n": n, "edges": draw(st.permutations(edges))}


@st.composite
def _parallel(draw: st.DrawFn) -> dict[str, Any]:
    """Few nodes, every edge in several copies (either way round) of different weights, in
    random order: only the cheapest copy of an edge can be in the tree."""
    n = draw(st.integers(2, 5))
    nodes = list(range(n))
    edges = []
    for u, v, w in _tree(draw, nodes) + _edges(draw, nodes, n):
        for extra in draw(st.lists(st.integers(0, 5), min_size=1, max_size=3)):
            a, b = (u, v) if draw(st.booleans()) else (v, u)
            edges.append((a, b, min(w + extra, MAX_W)))
    return {"n": n, "edges": draw(st.permutations(edges))}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Multigraphs of 1 to 9 nodes (and some of up to 40): connected ones (a random tree
    plus cycles), disconnected ones with isolated nodes and without, bridges of the maximum
    weight, parallel copies of different weights, self-loops of any weight (the cheapest
    edge of all, sometimes), negative and zero weights, ties; and n = 1 with and without a
    self-loop, n > 1 with no edges. Shrinks towards one node, no edges, and weight 0."""
    fixed = st.sampled_from(
        [
            {"n": 1, "edges": []},
            {"n": 1, "edges": [(0, 0, -5)]},
            {"n": 2, "edges": []},
            {"n": 2, "edges": [(1, 0, 3), (0, 1, -2), (1, 1, -MAX_W)]},
            {"n": 3, "edges": [(0, 1, MAX_W), (1, 2, MAX_W), (2, 0, MAX_W)]},
            {"n": 4, "edges": [(0, 1, -MAX_W), (2, 3, -MAX_W), (0, 0, 1), (3, 2, 0)]},
        ]
    )
    return (
        _graph()
        | _connected()
        | _parts()
        | _heavy_bridge()
        | _parallel()
        | fixed
        | _connected(max_n=40)
        | _graph(max_n=40, edges_per_node=2)
    )


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    """YAML gives edges as lists; the signature promises tuples."""
    return {**values, "edges": [tuple(edge) for edge in values["edges"]]}


STEP = 2 * 10**4
"""The gap between the weights of consecutive path edges in the stress case."""


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """One graph at the maximum size (n = 10^5, m = 1.5 · 10^5). A path through all n nodes
    (from node 0, the others in random order, so a depth-first search from node 0 goes
    n - 1 deep) whose edge weights rise from -10^9 along it to exactly 10^9 on its last
    edge, a bridge: the path is the unique minimum spanning tree, and Kruskal joins the
    nodes in path order. Its edges are written alternately with the newly joined node first
    and second, so a union-find that links one root under the other without sizes or path
    compression, whichever way round, builds a chain about n/2 deep. The other 5 · 10^4 + 1
    edges join two of the first thousand nodes of the path (the deepest in that chain) and
    sort between path edges, so each is looked at, and walks that chain, before the tree is
    complete: about 2.5 · 10^9 steps for such a find. Some of them are self-loops of weight
    -10^9 (the cheapest edges of all) or dearer copies of path edges. Prim's algorithm with
    an O(n) scan per node needs 10^10 steps on any graph of this size."""
    order = [0, *rng.sample(range(1, MAX_N), MAX_N - 1)]
    edges: list[Edge] = []
    for k in range(MAX_N - 1):
        new, old = order[k + 1], order[k]
        w = MAX_W if k == MAX_N - 2 else -MAX_W + STEP * k
        edges.append((new, old, w) if k % 2 else (old, new, w))
    while len(edges) < MAX_M:
        i, j = rng.randrange(1000), rng.randrange(1000)
        after = rng.randrange(max(i, j), MAX_N - 2)  # both ends joined when it is looked at
        kind = rng.randrange(20)
        if kind == 0:
            edges.append((order[i], order[i], -MAX_W))
        elif kind == 1:
            edges.append((order[i + 1], order[i], -MAX_W + STEP * i + rng.randrange(1, STEP)))
        else:
            edges.append((order[i], order[j], -MAX_W + STEP * after + rng.randrange(1, STEP)))
    rng.shuffle(edges)
    return [{"n": MAX_N, "edges": edges}]
