"""Longest palindromic substring: inputs, stress inputs, and the checker (any longest
palindromic substring is accepted)."""

from __future__ import annotations

import random
import string
from typing import Any

from hypothesis import strategies as st

from judge.authoring import valid_answer

MAX_LEN = 5000
ALPHABET = string.ascii_letters + string.digits
"""What `s` is made of: upper and lower case English letters and digits."""

SHOWN = 40


def _text(alphabet: str, max_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=st.sampled_from(alphabet), max_size=max_size)


def _alphabet(max_size: int) -> st.SearchStrategy[str]:
    """1 to `max_size` distinct characters, shrinking towards "a"."""
    letters = st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=max_size, unique=True)
    return letters.map("".join)


@st.composite
def _few_letters(draw: st.DrawFn, max_size: int = 16) -> dict[str, Any]:
    """Text over 1 to 3 characters: many palindromes, of both parities, and many ties."""
    return {"s": draw(_text(draw(_alphabet(3)), max_size))}


@st.composite
def _planted(draw: st.DrawFn) -> dict[str, Any]:
    """A palindrome (odd or even) inside other text: found only if it is expanded fully."""
    alphabet = draw(_alphabet(4))
    half = draw(_text(alphabet, 8))
    middle = draw(st.sampled_from(["", *alphabet]))
    before, after = draw(_text(alphabet, 8)), draw(_text(alphabet, 8))
    return {"s": before + half + middle + half[::-1] + after}


@st.composite
def _mirrored(draw: st.DrawFn) -> dict[str, Any]:
    """A word, other text, then the word reversed: `s` and `s[::-1]` share a long substring
    that is no palindrome (the trap of "longest common substring of s and its reverse")."""
    word = draw(st.text(st.sampled_from("abcd"), min_size=2, max_size=6))
    middle = draw(st.text(st.sampled_from("xyz"), min_size=1, max_size=4))
    return {"s": word + middle + word[::-1]}


@st.composite
def _case_variants(draw: st.DrawFn) -> dict[str, Any]:
    """Letters that differ only by case: "Aba" is no palindrome, case counts."""
    letter = draw(st.sampled_from(string.ascii_lowercase))
    return {"s": draw(_text(letter + letter.upper() + "1", 12))}


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """The empty string, single characters, all-equal runs, even and odd palindromes at the
    start, middle and end, palindromes inside other text, a word and its reverse apart,
    upper and lower case of one letter, digits, and text of up to 200 characters over two
    letters. Shrinks towards the empty string, then towards runs of "a"."""
    fixed = st.sampled_from(
        [
            {"s": ""},
            {"s": "a"},
            {"s": "Z"},
            {"s": "7"},
            {"s": "ab"},
            {"s": "aa"},
            {"s": "abc"},
            {"s": "Aba"},
            {"s": "abcba"},
            {"s": "xabba"},
            {"s": "abbax"},
            {"s": "abacdfgdcaba"},
            {"s": "forgeeksskeegfor"},
            {"s": "aaaaaaaaab"},
            {"s": "1221"},
        ]
    )
    return (
        _few_letters()
        | _planted()
        | _mirrored()
        | _case_variants()
        | fixed
        | _text(ALPHABET, 20).map(lambda s: {"s": s})
        | _few_letters(max_size=200)
    )


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Maximum length: one repeated letter (the worst case of expanding around each centre:
    every centre reaches an end of the string), random text over two letters (the longest
    palindrome is short, so checking every substring cannot stop early), and an even
    palindrome of half the length at the start of random text over two letters."""
    random_text = "".join(rng.choice("ab") for _ in range(MAX_LEN))
    half = "".join(rng.choice("ab") for _ in range(MAX_LEN // 4))
    rest = "".join(rng.choice("ab") for _ in range(MAX_LEN // 2))
    return [{"s": "a" * MAX_LEN}, {"s": random_text}, {"s": half + half[::-1] + rest}]


def _show(text: str) -> str:
    return repr(text) if len(text) <= SHOWN else f"{text[:SHOWN]!r}… ({len(text)} characters)"


def valid(case: dict[str, Any], got: Any) -> str | None:
    """None when `got` is a palindromic substring of `s`, else why it is not."""
    if not isinstance(got, str):
        return f"the answer must be a str, got {type(got).__name__}"
    if got not in case["s"]:
        return f"{_show(got)} is not a substring of s"
    if got != got[::-1]:
        return f"{_show(got)} is not a palindrome"
    return None


check = valid_answer(valid, objective=lambda case, answer: len(answer), goal="max", name="length")
