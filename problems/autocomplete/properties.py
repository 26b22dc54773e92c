"""Autocomplete: scripts of inserts and top queries over small alphabets, and stress scripts
of 2·10^4 inserts interleaved with 6000 queries whose prefixes match thousands of words."""

from __future__ import annotations

import random
import string
from typing import Any

from hypothesis import strategies as st

from judge.authoring import Script, Step, script_from_calls

MAX_K = 10
MAX_LEN = 10
MAX_WEIGHT = 10**9
MAX_INSERTS = 2 * 10**4
MAX_TOPS = 6000
INSERTS_PER_BLOCK = 80
TOPS_PER_BLOCK = 48
"""After a bulk load of half their words, stress scripts alternate blocks of inserts and
of queries, so that an answer cannot be reused from one block to the next."""
LETTERS = string.ascii_lowercase


@st.composite
def _script(draw: st.DrawFn, alphabet: str, longest: int, crowd: int) -> Script:
    """At least `crowd` inserts, then up to 40 inserts and queries in any order, then
    top("", 10)."""
    letters = st.sampled_from(alphabet)
    weights = st.integers(-3, 3) | st.integers(-MAX_WEIGHT, MAX_WEIGHT)
    insert = st.tuples(st.just("insert"), st.text(letters, min_size=1, max_size=longest), weights)
    top = st.tuples(st.just("top"), st.text(letters, max_size=longest), st.integers(1, MAX_K))
    first = draw(st.lists(insert, min_size=crowd, max_size=crowd + 20))
    then = draw(st.lists(insert | top, max_size=40))
    return script_from_calls((), [*first, *then, ("top", "", MAX_K)])


def cases() -> st.SearchStrategy[Script]:
    """Up to 20 inserts, then up to 40 inserts and queries in any order, then top("", 10)
    to see the whole state:

    - words of 1 to 4 letters over "ab" or "abc": words share prefixes and are prefixes of
      one another, and come back with a new weight (higher, lower or the same);
    - crowded: 15 to 35 inserts of words of 1 to 3 letters over "abc" first, so more than
      10 words match most queries, and a listed word that drops below an unlisted one must
      make room for it;
    - words of up to 10 of the 26 letters, which rarely share more than a letter.

    Weights are -3 to 3 (ties, and 0) or anything up to ±10^9; prefixes are often empty or
    match nothing; k is 1 to 10. A failure shrinks to the fewest calls, then towards words
    and prefixes of "a" (or ""), weights of 0 and k = 1."""
    return (
        _script("ab", 4, 0)
        | _script("abc", 4, 0)
        | _script("abc", 3, 15)
        | _script(LETTERS, MAX_LEN, 0)
    )


def from_example(values: dict[str, Any]) -> Script:
    return script_from_calls((), values["calls"])


def _word(rng: random.Random, alphabet: str, shortest: int, longest: int = MAX_LEN) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(shortest, longest)))


def _interleaved(inserts: list[tuple[str, int]], prefixes: str, rng: random.Random) -> Script:
    """The first half of `inserts` at once, then blocks of `INSERTS_PER_BLOCK` inserts, each
    followed by `TOPS_PER_BLOCK` queries of k = 1 to 10 whose prefix is empty (half of
    them) or one letter of `prefixes`."""
    half = len(inserts) // 2
    steps = [Step("insert", inserts[:half])]
    for start in range(half, len(inserts), INSERTS_PER_BLOCK):
        queries = [
            (rng.choice(prefixes) if rng.random() < 0.5 else "", rng.randint(1, MAX_K))
            for _ in range(TOPS_PER_BLOCK)
        ]
        steps += [Step("insert", inserts[start : start + INSERTS_PER_BLOCK]), Step("top", queries)]
    return Script((), tuple(steps))


def stress_cases(rng: random.Random) -> list[Script]:
    """2·10^4 inserts and 6000 queries each: 10^4 inserts at once, then blocks of 80 inserts
    and 48 queries. A query's prefix is empty (half of them) or one letter long, so that
    it matches thousands of words.

    - shared prefixes: 15000 random words of 3 to 10 letters over "abcd", then 5000 of
      them again with a new random weight (higher or lower);
    - falling leaders: 17000 distinct words of 1 to 6 letters over "abcdef" with weights
      from 17000 down to 1, then the best 3000 again, best first, each with a weight below
      all others: every re-insert removes the best word from every list on its path.
    """
    fresh = [(_word(rng, "abcd", 3), rng.randint(-MAX_WEIGHT, MAX_WEIGHT)) for _ in range(15000)]
    again = [(rng.choice(fresh)[0], rng.randint(-MAX_WEIGHT, MAX_WEIGHT)) for _ in range(5000)]
    ranked: dict[str, None] = {}
    while len(ranked) < 17000:
        ranked[_word(rng, "abcdef", 1, 6)] = None
    leaders = [(word, len(ranked) - rank) for rank, word in enumerate(ranked)]
    falls = [(word, -rank) for rank, word in enumerate(list(ranked)[:3000])]
    return [
        _interleaved(fresh + again, "abcd", rng),
        _interleaved(leaders + falls, "abcdef", rng),
    ]
