"""Longest common subsequence: inputs, stress inputs, and the checker (any LCS is accepted)."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

from judge.authoring import Check, CheckContext

MAX_LEN = 1000

CASE_PAIRS = ("aA", "bB", "éÉ", "ßẞ", "ωΩ", "жЖ", "ǆǅǄ", "𝐚𝐀")
"""Letters that differ only by case (or title case): an answer must not fold them together."""

POOL = "abcxyzABCXYZéÉßẞωΩжЖ中文字ǆǅǄ𝐚𝐀ﬁ"
"""ASCII and non-ASCII letters, incl. a ligature and letters outside the BMP (𝐚, 𝐀)."""

SHOWN = 60


def _text(alphabet: str, max_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=st.sampled_from(alphabet), max_size=max_size)


@st.composite
def _over_small_alphabet(draw: st.DrawFn, max_size: int = 24) -> dict[str, Any]:
    """Both strings over the same 1 to 4 letters: many matches, many ties between answers."""
    alphabet = "".join(draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=4, unique=True)))
    return {"a": draw(_text(alphabet, max_size)), "b": draw(_text(alphabet, max_size))}


@st.composite
def _case_variants(draw: st.DrawFn) -> dict[str, Any]:
    """Letters that differ only by case, so folding case finds matches that are not there."""
    alphabet = draw(st.sampled_from(CASE_PAIRS))
    return {"a": draw(_text(alphabet, 12)), "b": draw(_text(alphabet, 12))}


@st.composite
def _edited_copy(draw: st.DrawFn) -> dict[str, Any]:
    """`b` is `a` with some letters deleted and others inserted: a long planted answer."""
    alphabet = "".join(draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=3, unique=True)))
    a = draw(_text(alphabet, 30))
    kept = [letter for letter in a if draw(st.booleans())]
    inserted = draw(st.lists(st.tuples(st.integers(0, 30), st.sampled_from(POOL)), max_size=6))
    for position, letter in inserted:
        kept.insert(min(position, len(kept)), letter)
    return {"a": a, "b": "".join(kept)}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Empty strings, single letters, identical strings, case-only differences, disjoint
    alphabets, non-ASCII and non-BMP letters, edited copies, and a few strings of up to 200
    letters. Every branch shrinks towards two empty strings, then towards shorter strings
    of the alphabet's first letter."""
    fixed = st.sampled_from(
        [
            {"a": "", "b": ""},
            {"a": "", "b": "abc"},
            {"a": "abc", "b": ""},
            {"a": "a", "b": "a"},
            {"a": "a", "b": "A"},
            {"a": "ß", "b": "ss"},
            {"a": "abc", "b": "xyz"},
            {"a": "𝐀𝐚𝐀", "b": "𝐚𝐀"},
        ]
    )
    identical = _text(POOL, 20).map(lambda text: {"a": text, "b": text})
    any_letters = st.fixed_dictionaries(
        {
            "a": st.text(st.characters(categories=["L"]), max_size=12),
            "b": st.text(st.characters(categories=["L"]), max_size=12),
        }
    )
    return (
        _over_small_alphabet()
        | _case_variants()
        | _edited_copy()
        | fixed
        | identical
        | any_letters
        | _over_small_alphabet(max_size=200)
    )


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum lengths: random text over four letters (one outside the BMP), a copy with 10%
    of its letters edited (a long answer to rebuild), and two equal runs of one letter."""
    alphabet = "aé中𝐀"
    a = "".join(rng.choice(alphabet) for _ in range(MAX_LEN))
    b = "".join(rng.choice(alphabet) for _ in range(MAX_LEN))
    edited = [rng.choice(POOL) if rng.random() < 0.1 else letter for letter in a]
    return [
        {"a": a, "b": b},
        {"a": a, "b": "".join(edited)},
        {"a": "ж" * MAX_LEN, "b": "ж" * MAX_LEN},
    ]


def _show(text: str) -> str:
    return repr(text) if len(text) <= SHOWN else f"{text[:SHOWN]!r}… ({len(text)} letters)"


def is_subsequence(small: str, big: str) -> bool:
    """True when `small` can be had from `big` by deleting letters (order kept)."""
    letters = iter(big)
    return all(letter in letters for letter in small)


def check(context: CheckContext) -> Check:
    a, b = context.case["a"], context.case["b"]
    got, expected = context.got, context.expected
    if not isinstance(got, str):
        return Check.reject(f"the answer must be a str, got {type(got).__name__}")
    if not is_subsequence(got, a):
        return Check.reject(f"{_show(got)} is not a subsequence of a")
    if not is_subsequence(got, b):
        return Check.reject(f"{_show(got)} is not a subsequence of b")
    if len(got) < len(expected):
        return Check.reject(
            f"{_show(got)} is a common subsequence of length {len(got)}, "
            f"but a longest one has length {len(expected)}"
        )
    if len(got) > len(expected):  # the reference is not optimal: the judge's fault (IE)
        raise RuntimeError(
            f"the reference's answer has length {len(expected)}, "
            f"but the submission found a common subsequence of length {len(got)}"
        )
    return Check.accept()
