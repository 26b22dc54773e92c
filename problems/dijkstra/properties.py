"""Shortest paths: inputs, stress inputs and example conversion (the checker is `exact`)."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

MAX_N = 10**5
MAX_M = 2 * 10**5
MAX_W = 10**9

Edge = tuple[int, int, int]

WEIGHTS = st.integers(0, 10) | st.just(0) | st.just(MAX_W) | st.integers(0, MAX_W)
"""Small weights (many ties), zero, the maximum (distances past 10^9 and 2^31), and any."""


@st.composite
def _graph(draw: st.DrawFn, max_n: int = 7, edges_per_node: int = 3) -> dict[str, Any]:
    """Any directed multigraph: self-loops, parallel edges and unreachable nodes come free."""
    n = draw(st.integers(1, max_n))
    node = st.integers(0, n - 1)
    edges = draw(st.lists(st.tuples(node, node, WEIGHTS), max_size=edges_per_node * n))
    return {"n": n, "edges": edges, "source": draw(node)}


@st.composite
def _heavy_chain(draw: st.DrawFn) -> dict[str, Any]:
    """A path of maximum-weight edges (distances of k · 10^9) plus a few random extra edges."""
    length = draw(st.integers(1, 6))
    n = length + 1 + draw(st.integers(0, 2))
    order = draw(st.permutations(range(n)))
    edges: list[Edge] = [(order[k], order[k + 1], MAX_W) for k in range(length)]
    node = st.integers(0, n - 1)
    edges += draw(st.lists(st.tuples(node, node, WEIGHTS), max_size=4))
    return {"n": n, "edges": draw(st.permutations(edges)), "source": order[0]}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Small graphs of 1 to 7 nodes (and some of up to 40): self-loops, parallel edges with
    different weights, zero-weight edges and cycles, edges back into the source, unreachable
    nodes, and paths of maximum-weight edges. Shrinks towards one node, no edges, weight 0
    and source 0."""
    fixed = st.sampled_from(
        [
            {"n": 1, "edges": [], "source": 0},
            {"n": 1, "edges": [(0, 0, 5)], "source": 0},
            {"n": 3, "edges": [], "source": 1},
            {"n": 2, "edges": [(0, 1, 5), (0, 1, 0), (0, 1, 3)], "source": 0},
            {"n": 3, "edges": [(0, 1, 0), (1, 2, 0), (2, 0, 0), (1, 0, 9)], "source": 1},
            {"n": 3, "edges": [(1, 0, MAX_W), (0, 2, MAX_W)], "source": 1},
        ]
    )
    return _graph() | _heavy_chain() | fixed | _graph(max_n=40, edges_per_node=2)


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    """YAML gives edges as lists; the signature promises tuples."""
    return {**values, "edges": [tuple(edge) for edge in values["edges"]]}


def _long_chain(rng: random.Random) -> dict[str, Any]:
    """A path through all n nodes in random order, listed last edge first (Bellman-Ford then
    needs n - 1 rounds), whose distances reach ~5 · 10^13; the other edges point backwards
    along the path, or are self-loops or dearer parallel copies, so none is a shortcut."""
    uniform = rng.random
    order = list(range(MAX_N))
    rng.shuffle(order)
    chain = [(order[k], order[k + 1], int(uniform() * (MAX_W + 1))) for k in range(MAX_N - 1)]
    extra: list[Edge] = []
    while len(chain) + len(extra) < MAX_M:
        i, j = sorted((int(uniform() * MAX_N), int(uniform() * MAX_N)))
        kind = int(uniform() * 3)
        if kind == 0:
            extra.append((order[j], order[i], int(uniform() * (MAX_W + 1))))  # backwards/loop
        elif kind == 1:
            extra.append((order[i], order[i], 0))  # a free self-loop
        elif i < MAX_N - 1:
            u, v, w = chain[i]
            extra.append((u, v, w + int(uniform() * (MAX_W - w + 1))))  # parallel, never cheaper
    return {"n": MAX_N, "edges": chain[::-1] + extra, "source": order[0]}


def _random_graph(rng: random.Random) -> dict[str, Any]:
    """Random edges and weights: about an eighth of the nodes are unreachable."""
    uniform = rng.random
    edges = [
        (int(uniform() * MAX_N), int(uniform() * MAX_N), int(uniform() * (MAX_W + 1)))
        for _ in range(MAX_M)
    ]
    return {"n": MAX_N, "edges": edges, "source": edges[0][0]}


def _stale_hub(rng: random.Random) -> dict[str, Any]:
    """A hub with 10^5 edges out, reached through 5 · 10^4 feeders that each offer a shorter
    path than the one before (feeder i at distance i, then 2(k - i) + 1 to the hub): the hub
    gets 5 · 10^4 heap entries, all but one stale when popped. Skipping stale entries costs
    nothing; rescanning the hub's edges for each one is 5 · 10^9 relaxations."""
    feeders = 5 * 10**4
    order = list(range(MAX_N))
    rng.shuffle(order)  # labels in random order: position 0 is the source, 1 the hub
    source, hub, targets = order[0], order[1], order[2 + feeders :]
    edges: list[Edge] = []
    for i in range(1, feeders + 1):
        feeder = order[1 + i]
        edges += [(source, feeder, i), (feeder, hub, 2 * (feeders - i) + 1)]
    edges += [(hub, target, rng.randint(0, MAX_W)) for target in targets]
    while len(edges) < MAX_M:  # dearer or cheaper parallel edges out of the hub
        edges.append((hub, rng.choice(targets), rng.randint(0, MAX_W)))
    rng.shuffle(edges)
    return {"n": MAX_N, "edges": edges, "source": source}


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum size (n = 10^5, m = 2 · 10^5): a long chain, a random graph, and a hub with
    many stale heap entries."""
    return [_long_chain(rng), _random_graph(rng), _stale_hub(rng)]
