"""Longest substring without repeating characters: inputs and stress inputs (the checker is
`exact`). Characters are code points, any but surrogates."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

MAX_LEN = 2 * 10**5

SURROGATES = range(0xD800, 0xE000)
CODE_POINTS = 0x110000 - len(SURROGATES)
"""How many characters a `str` may hold here: every code point but the surrogates."""

POOL = "abcxyzABCXYZ019 ,\t\nßẞéÉe\u0301ωΩжЖ中文字ﬁ🙂🙃😀𝐚𝐀\x00\U0010ffff"
"""ASCII letters, digits, spaces and control characters, both cases of several scripts, a
combining accent, a ligature, NUL, and characters outside the BMP (emoji, 𝐚, U+10FFFF)."""

CASE_PAIRS = ("aA", "bB", "ßẞ", "éÉ", "ωΩ", "жЖ", "𝐚𝐀")
"""Characters that differ only by case: folding them together finds repeats that are not."""


def _code_point(index: int) -> str:
    """The `index`-th character that is not a surrogate."""
    return chr(index if index < SURROGATES.start else index + len(SURROGATES))


def _text(alphabet: str, max_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=st.sampled_from(alphabet), max_size=max_size)


@st.composite
def _over_small_alphabet(draw: st.DrawFn, max_size: int = 20) -> str:
    """Text over 1 to 5 characters of POOL: windows restart often, after near and far
    repeats (abba, dvdf, tmmzuxt)."""
    size = draw(st.integers(1, 5))
    alphabet = "".join(draw(st.lists(st.sampled_from(POOL), min_size=size, max_size=size)))
    return draw(_text(alphabet, max_size))


@st.composite
def _distinct_then_tail(draw: st.DrawFn) -> str:
    """A prefix over a small alphabet, then a run of distinct characters at the very end,
    often the longest window, so an answer must count the window still open at the end."""
    prefix = draw(_over_small_alphabet(max_size=12))
    run = draw(st.lists(st.sampled_from(POOL), unique=True, max_size=len(POOL)))
    return prefix + "".join(run)


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Empty and one-character strings, runs of one character, repeats near and far (abba,
    dvdf, tmmzuxt), case-only differences, combining accents, NUL, emoji and other
    characters outside the BMP, strings of all-distinct characters, a distinct run at the
    very end, any code points, and text of up to 300 characters over 8 to 40 of them.
    Every branch shrinks towards the empty string, then towards short strings of one
    character."""
    fixed = st.sampled_from(["", "a", "aa", "ab", "abba", "dvdf", "tmmzuxt", "aA", "e\u0301é"])
    distinct = st.lists(st.characters(), unique=True, max_size=30).map("".join)
    medium = st.lists(st.sampled_from(POOL), min_size=8, max_size=40, unique=True).flatmap(
        lambda alphabet: _text("".join(alphabet), 300)
    )
    texts = (
        _over_small_alphabet()
        | fixed
        | st.sampled_from(CASE_PAIRS).flatmap(lambda pair: _text(pair, 10))
        | _distinct_then_tail()
        | distinct
        | st.text(max_size=30)
        | medium
    )
    return st.fixed_dictionaries({"s": texts})


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum length, 2·10^5 characters, mostly outside the BMP: all distinct (the answer
    is the whole string), and four shuffles of the same 5·10^4 characters one after another
    (the window restarts at almost every character, yet stays about 5·10^4 long, and each
    repeat's earlier copy may lie before the window's start)."""
    distinct = [_code_point(index) for index in rng.sample(range(CODE_POINTS), MAX_LEN)]
    alphabet = [_code_point(index) for index in rng.sample(range(CODE_POINTS), MAX_LEN // 4)]
    blocks = []
    for _ in range(4):
        rng.shuffle(alphabet)
        blocks += alphabet
    return [{"s": "".join(distinct)}, {"s": "".join(blocks)}]
