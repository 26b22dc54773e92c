"""Cheapest flight within k stops: inputs and stress inputs (the checker is `exact`).

A case is `n` cities, directed flights `(from, to, price)` with `from != to`, the cities
`src` and `dst`, and `k`: a route may make at most k stops, so it takes at most k + 1
flights.
"""

from __future__ import annotations

import random
from itertools import pairwise
from typing import Any

from hypothesis import strategies as st

MAX_N = 100
MAX_M = 5000
MAX_PRICE = 10**4

Flight = tuple[int, int, int]

PRICES = st.integers(0, 9) | st.integers(0, MAX_PRICE) | st.sampled_from([0, MAX_PRICE])
"""Small prices (many ties, free flights), the extremes, and any."""


@st.composite
def _flights(draw: st.DrawFn, n: int, max_size: int) -> list[Flight]:
    city = st.integers(0, n - 1)
    pairs = draw(
        st.lists(st.tuples(city, city).filter(lambda pair: pair[0] != pair[1]), max_size=max_size)
    )
    return [(a, b, draw(PRICES)) for a, b in pairs]


@st.composite
def _any_network(draw: st.DrawFn, max_n: int = 7) -> dict[str, Any]:
    """Any flights among up to max_n cities (parallel flights and cycles come free), any
    src and dst (often the same city), any k from 0 to n - 1. Shrinks towards one city,
    no flights, price 0 and k = 0."""
    n = draw(st.integers(1, max_n))
    city = st.integers(0, n - 1)
    flights = draw(_flights(n, 3 * n)) if n > 1 else []
    return {
        "n": n,
        "flights": flights,
        "src": draw(city),
        "dst": draw(city),
        "k": draw(st.integers(0, n - 1)),
    }


@st.composite
def _stop_trap(draw: st.DrawFn) -> dict[str, Any]:
    """A city `via` reached cheaply with many flights and dearly with few, then a chain of
    flights on to dst: within k stops only the dear way to `via` leaves enough flights.
    Searching each city once, by its cheapest price, misses the answer."""
    cheap_hops = draw(st.integers(2, 4))
    tail = draw(st.integers(1, 3))
    n = cheap_hops + tail + 1 + draw(st.integers(0, 2))
    cities = draw(st.permutations(range(n)))
    src, via, dst = cities[0], cities[cheap_hops], cities[cheap_hops + tail]
    hop = st.integers(0, 5)
    flights = [(cities[i], cities[i + 1], draw(hop)) for i in range(cheap_hops + tail)]
    cheap = sum(price for _, _, price in flights[:cheap_hops])
    flights.append((src, via, cheap + draw(st.integers(1, 20))))
    k = tail + draw(st.integers(0, cheap_hops - 2))  # enough stops for the dear way only
    return {"n": n, "flights": draw(st.permutations(flights)), "src": src, "dst": dst, "k": k}


@st.composite
def _chain_in_order(draw: st.DrawFn) -> dict[str, Any]:
    """A cheap chain src -> ... -> dst listed first to last, and a dearer route with fewer
    flights: relaxing in place, in list order, walks the whole chain in one round."""
    length = draw(st.integers(2, 6))
    n = length + 1 + draw(st.integers(0, 2))
    cities = draw(st.permutations(range(n)))
    flights = [(cities[i], cities[i + 1], draw(st.integers(0, 5))) for i in range(length)]
    cheap = sum(price for _, _, price in flights)
    flights.append((cities[0], cities[length], cheap + draw(st.integers(1, 20))))
    if length > 2:
        flights.append((cities[0], cities[length - 1], cheap + draw(st.integers(1, 20))))
    k = draw(st.integers(0, length - 2))
    return {"n": n, "flights": flights, "src": cities[0], "dst": cities[length], "k": k}


@st.composite
def _parallel(draw: st.DrawFn) -> dict[str, Any]:
    """Several flights between the same two cities at different prices, in any order."""
    n = draw(st.integers(2, 4))
    city = st.integers(0, n - 1)
    src = draw(city)
    dst = draw(city.filter(lambda c: c != src))
    copies = [(src, dst, draw(PRICES)) for _ in range(draw(st.integers(2, 4)))]
    flights = copies + draw(_flights(n, 4))
    return {
        "n": n,
        "flights": draw(st.permutations(flights)),
        "src": src,
        "dst": dst,
        "k": draw(st.integers(0, n - 1)),
    }


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """One city, no flights, src == dst (0 even when a round trip exists), no route, no
    route within k stops, parallel flights, free flights, k = 0 and k = n - 1, routes
    where the cheapest way to a city on them has too many stops, chains listed in route
    order, and networks of up to 30 cities. Shrinks towards fewer cities and flights, price
    0 and k = 0."""
    fixed = st.sampled_from(
        [
            {"n": 1, "flights": [], "src": 0, "dst": 0, "k": 0},
            {"n": 2, "flights": [], "src": 0, "dst": 1, "k": 1},
            {"n": 2, "flights": [(1, 0, 5)], "src": 0, "dst": 1, "k": 1},
            {"n": 2, "flights": [(0, 1, 5), (0, 1, 3), (0, 1, 9)], "src": 0, "dst": 1, "k": 0},
            {"n": 2, "flights": [(0, 1, 4), (1, 0, 4)], "src": 0, "dst": 0, "k": 1},
            {"n": 3, "flights": [(0, 1, 1), (1, 2, 1), (0, 2, 5)], "src": 0, "dst": 2, "k": 0},
            {"n": 3, "flights": [(0, 1, 0), (1, 2, 0), (0, 2, 0)], "src": 0, "dst": 2, "k": 1},
        ]
    )
    return (
        _any_network()
        | _stop_trap()
        | _chain_in_order()
        | _parallel()
        | fixed
        | _any_network(max_n=30)
    )


def from_example(values: dict[str, Any]) -> dict[str, Any]:
    """YAML gives flights as lists; the signature promises tuples."""
    return {**values, "flights": [tuple(flight) for flight in values["flights"]]}


def _filled(rng: random.Random, flights: list[Flight], useless: Any) -> list[Flight]:
    """`flights` plus `useless(rng)` flights up to the maximum count, in random order."""
    flights = flights + [useless(rng) for _ in range(MAX_M - len(flights))]
    rng.shuffle(flights)
    return flights


def layered(rng: random.Random) -> dict[str, Any]:
    """src, 14 layers of 7 cities, dst: every city flies to every city of the next layer
    at price 1, so 7^14 routes all cost 15. The other flights go backwards between layers
    (never cheaper). A search over routes cannot prune any of them."""
    cities = list(range(MAX_N))
    rng.shuffle(cities)
    src, dst, middle = cities[0], cities[1], cities[2:]
    layers = [[src]] + [middle[7 * i : 7 * i + 7] for i in range(14)] + [[dst]]
    forward = [(a, b, 1) for here, there in pairwise(layers) for a in here for b in there]

    def backwards(rng: random.Random) -> Flight:
        i, j = sorted(rng.sample(range(len(layers)), 2))
        return (rng.choice(layers[j]), rng.choice(layers[i]), rng.randint(1, MAX_PRICE))

    return {
        "n": MAX_N,
        "flights": _filled(rng, forward, backwards),
        "src": src,
        "dst": dst,
        "k": MAX_N - 1,
    }


def dense(rng: random.Random) -> dict[str, Any]:
    """Random flights at random prices between any two cities, k = n - 1: every one of the
    100 rounds of relaxation has work."""

    def any_flight(rng: random.Random) -> Flight:
        a, b = rng.sample(range(MAX_N), 2)
        return (a, b, rng.randint(0, MAX_PRICE))

    src, dst = rng.sample(range(MAX_N), 2)
    return {
        "n": MAX_N,
        "flights": _filled(rng, [], any_flight),
        "src": src,
        "dst": dst,
        "k": MAX_N - 1,
    }


def ladder(rng: random.Random) -> dict[str, Any]:
    """A chain of 99 cheap flights from src to dst, and dearer flights from each city of
    it to one some way ahead: the cheapest way to every city has too many stops, and
    within k = 40 stops the answer mixes chain flights with jumps."""
    chain = list(range(MAX_N))
    rng.shuffle(chain)
    steps = [(chain[i], chain[i + 1], rng.randint(1, 10)) for i in range(MAX_N - 1)]

    def jump(rng: random.Random) -> Flight:
        i = rng.randrange(MAX_N - 1)
        j = min(MAX_N - 1, i + rng.randint(2, 6))
        return (chain[i], chain[j], rng.randint(5 * (j - i), 25 * (j - i)))

    return {
        "n": MAX_N,
        "flights": _filled(rng, steps, jump),
        "src": chain[0],
        "dst": chain[-1],
        "k": 40,
    }


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum size (n = 100, 5000 flights): layers that make every route equally cheap
    (exponentially many routes), a dense random network with k = n - 1, and a chain with
    jumps where the stop limit decides the answer."""
    return [layered(rng), dense(rng), ladder(rng)]
