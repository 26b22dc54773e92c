"""Edit distance: inputs and stress inputs (the checker is `exact`)."""

from __future__ import annotations

import random
import string
from typing import Any

from hypothesis import strategies as st

MAX_LEN = 1000
LETTERS = string.ascii_letters


def _case(a: str, b: str) -> dict[str, Any]:
    return {"a": a, "b": b}


def _text(alphabet: str, max_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=st.sampled_from(alphabet), max_size=max_size)


def _edit(text: list[str], kind: str, position: int, letter: str) -> None:
    """One edit of `text` in place, at `position` (clamped): insert, delete, substitute, or
    swap two neighbours (two edits in Levenshtein's terms)."""
    if kind == "insert":
        text.insert(min(position, len(text)), letter)
    elif text:
        position %= len(text)
        if kind == "delete":
            del text[position]
        elif kind == "substitute":
            text[position] = letter
        elif position + 1 < len(text):
            text[position], text[position + 1] = text[position + 1], text[position]


@st.composite
def _edited_copy(draw: st.DrawFn) -> dict[str, Any]:
    """`b` is `a` after a few edits (swaps of neighbours and case changes among them)."""
    alphabet = draw(st.sampled_from(["ab", "aA", "abc", "xyzXYZ"]))
    a = draw(_text(alphabet, 16))
    edited = list(a)
    kinds = st.sampled_from(["insert", "delete", "substitute", "swap"])
    for kind, position, letter in draw(
        st.lists(st.tuples(kinds, st.integers(0, 16), st.sampled_from(alphabet)), max_size=4)
    ):
        _edit(edited, kind, position, letter)
    return _case(a, "".join(edited))


@st.composite
def _rotation(draw: st.DrawFn) -> dict[str, Any]:
    """`b` is `a` rotated: the same length, and far from letter-by-letter equal."""
    a = draw(_text("abcd", 12))
    shift = draw(st.integers(0, max(len(a) - 1, 0)))
    return _case(a, a[shift:] + a[:shift])


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """Empty strings, single letters, equal strings, strings over one to three letters,
    letters that differ only by case, edited copies (with swapped neighbours), rotations of
    the same length, unrelated strings of up to 12 letters, and strings of up to 100 letters.
    Shrinks towards two empty strings, then shorter strings of the alphabet's first letter."""
    fixed = st.sampled_from(
        [
            _case("", ""),
            _case("", "abc"),
            _case("abc", ""),
            _case("a", "a"),
            _case("a", "A"),
            _case("ab", "ba"),
            _case("abc", "bca"),
        ]
    )
    same = _text(LETTERS, 12).map(lambda text: _case(text, text))
    few_letters = st.sampled_from(["a", "ab", "aA", "abc"]).flatmap(
        lambda alphabet: st.builds(_case, _text(alphabet, 12), _text(alphabet, 12))
    )
    return (
        few_letters
        | _edited_copy()
        | _rotation()
        | fixed
        | same
        | st.builds(_case, _text(LETTERS, 12), _text(LETTERS, 12))
        | st.builds(_case, _text("abc", 100), _text("abc", 100))
    )


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """Both strings of 1000 letters: unrelated random letters (a distance of about 950, far
    above the small ints Python caches), and a copy with about 10% of its letters edited
    (substitutions, neighbour swaps and case changes, so both lengths stay 1000)."""
    a = "".join(rng.choice(LETTERS) for _ in range(MAX_LEN))
    b = "".join(rng.choice(LETTERS) for _ in range(MAX_LEN))
    edited = list(a)
    for _ in range(MAX_LEN // 10):
        kind = rng.choice(["substitute", "swap", "case"])
        position = rng.randrange(MAX_LEN)
        if kind == "case":
            edited[position] = edited[position].swapcase()
        else:
            _edit(edited, kind, position, rng.choice(LETTERS))
    return [_case(a, b), _case(a, "".join(edited))]
