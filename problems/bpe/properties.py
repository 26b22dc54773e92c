"""Byte-pair encoding: scripts of train and encode calls over small alphabets, and stress
scripts that train on 10^5 words (a few hundred distinct ones) and encode 2000 more."""

from __future__ import annotations

import random
import string
from typing import Any

from hypothesis import strategies as st

from judge.authoring import Script, Step, calls, script_from_calls

MAX_LEN = 20
MAX_CORPUS = 10**5
MAX_DISTINCT = 200
MAX_MERGES = 300
ENCODES = 2000
LETTERS = string.ascii_lowercase


def _script(alphabet: str, longest: int) -> st.SearchStrategy[Script]:
    words = st.text(st.sampled_from(alphabet), max_size=longest)
    corpus = st.lists(words, max_size=8)
    return calls(
        methods={
            "train": st.tuples(corpus, st.integers(0, 12)),
            "encode": st.tuples(words),
        },
        min_calls=1,
        max_calls=8,
    )


def cases() -> st.SearchStrategy[Script]:
    """Up to 8 train and encode calls in any order: encode before any train, train twice
    (each starts over), corpora of 0 to 8 words (empty words, repeated words) and 0 to 12
    merges, often more than the corpus allows (training stops early). Words have up to 6
    letters over "a" (runs, where pairs overlap), "ab" or "abc" (many ties, merged symbols
    that meet again), or up to 20 of the 26 letters. A failure shrinks to the fewest
    calls, then to shorter corpora and words of "a", and fewer merges."""
    shapes = [("a", 6), ("ab", 6), ("abc", 6), (LETTERS, MAX_LEN)]
    return st.sampled_from(shapes).flatmap(lambda shape: _script(*shape))


def from_example(values: dict[str, Any]) -> Script:
    return script_from_calls((), values["calls"])


def _word(rng: random.Random, shortest: int, longest: int, alphabet: str = LETTERS) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(shortest, longest)))


def _zipf(rng: random.Random, distinct: list[str]) -> list[str]:
    """`MAX_CORPUS` words drawn from `distinct`, the r-th most often in proportion to 1/r."""
    return rng.choices(distinct, [1 / rank for rank in range(1, len(distinct) + 1)], k=MAX_CORPUS)


def _pieces(rng: random.Random, distinct: list[str]) -> list[tuple[str]]:
    """`ENCODES` words glued from a tail of one corpus word and the head of another."""
    return [
        ((rng.choice(distinct)[rng.randint(0, 10) :] + rng.choice(distinct))[:MAX_LEN],)
        for _ in range(ENCODES)
    ]


def stress_cases(rng: random.Random) -> list[Script]:
    """10^5 words each, Zipf-distributed over at most 200 distinct ones, then 2000 encodes
    of words glued from pieces of corpus words (so that long merges apply):

    - text: 200 distinct words of 3 to 20 letters, 300 merges;
    - runs: 10^5 words from 6 distinct runs and alternations of up to 20 letters ("aaaa…",
      "abab…", "aabaab…"), where pairs overlap; 300 merges asked, fewer possible.
    """
    text = [_word(rng, 3, MAX_LEN) for _ in range(MAX_DISTINCT)]
    runs = ["a" * MAX_LEN, "ab" * 10, "aab" * 6, "b" * 19, "abb" * 6 + "a", "a" * 7]
    return [
        Script(
            (),
            (Step("train", [(_zipf(rng, text), MAX_MERGES)]), Step("encode", _pieces(rng, text))),
        ),
        Script(
            (),
            (Step("train", [(_zipf(rng, runs), MAX_MERGES)]), Step("encode", _pieces(rng, runs))),
        ),
    ]
