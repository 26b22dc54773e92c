"""Word break: inputs, stress inputs, and the checker (any split into words is accepted;
None only when there is none)."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

from judge.authoring import Check, CheckContext, valid_answer

MAX_LEN = 1000
MAX_WORDS = 200
MAX_WORD = 20
LOWER = "abcdefghijklmnopqrstuvwxyz"
SHOWN = 40


def _case(s: str, words: list[str]) -> dict[str, Any]:
    return {"s": s, "words": words}


def _word(alphabet: str, max_size: int = 4) -> st.SearchStrategy[str]:
    return st.text(st.sampled_from(alphabet), min_size=1, max_size=max_size)


@st.composite
def _built(draw: st.DrawFn, max_pieces: int = 8) -> dict[str, Any]:
    """`s` glued from words of a small vocabulary over one to three letters (a split exists,
    often many), with the list shuffled and sometimes holding repeats or a word longer than
    `s`; sometimes one letter of `s` is changed afterwards (the split may be gone)."""
    alphabet = draw(st.sampled_from(["a", "ab", "abc"]))
    vocabulary = draw(st.lists(_word(alphabet), min_size=1, max_size=6))
    pieces = draw(st.lists(st.sampled_from(vocabulary), max_size=max_pieces))
    s = "".join(pieces)
    if s and draw(st.booleans()):
        position = draw(st.integers(0, len(s) - 1))
        s = s[:position] + draw(st.sampled_from("abz")) + s[position + 1 :]
    words = vocabulary + draw(st.lists(st.sampled_from(vocabulary), max_size=2))
    if draw(st.booleans()):
        longer = (s + draw(_word(alphabet)))[:MAX_WORD] if len(s) < MAX_WORD else "z"
        words.append(longer)
    return _case(s, draw(st.permutations(words)))


@st.composite
def _unrelated(draw: st.DrawFn) -> dict[str, Any]:
    """A random `s` and random words over "ab": whether a split exists is a coin toss."""
    s = draw(st.text(st.sampled_from("ab"), max_size=12))
    return _case(s, draw(st.lists(_word("ab"), max_size=5)))


@st.composite
def _runs_and_a_stop(draw: st.DrawFn) -> dict[str, Any]:
    """ "aaa…a" followed by a letter no word covers, or not, with words made of "a" only:
    no split when the stop is there, or a split of the run when it is not."""
    run = "a" * draw(st.integers(0, 16))
    stop = draw(st.sampled_from(["", "b"]))
    words = ["a" * length for length in draw(st.sets(st.integers(1, 4), min_size=1))]
    return _case(run + stop, draw(st.permutations(words)))


def cases() -> st.SearchStrategy[dict[str, Any]]:
    """The empty string (with and without words), no words, a word longer than `s`, repeated
    words, words used many times, splits where the longest first word is a dead end, runs of
    one letter ended by a stray letter, random strings that may or may not split, and glued
    strings of up to 1000 letters. Shrinks towards an empty `s` and fewer, shorter words."""
    fixed = st.sampled_from(
        [
            _case("", []),
            _case("", ["a"]),
            _case("a", []),
            _case("abc", ["abcd"]),
            _case("aaaa", ["a", "a"]),
            _case("aab", ["aa", "a", "ab"]),
            _case("ab", ["a", "b", "ab"]),
            _case("z" * MAX_WORD, ["z" * MAX_WORD]),
        ]
    )
    return (
        _built()
        | _unrelated()
        | _runs_and_a_stop()
        | fixed
        | _built(max_pieces=60)
        | st.builds(_long, st.randoms(use_true_random=False))
    )


def _long(rng: random.Random) -> dict[str, Any]:
    """A string of up to 1000 letters glued from up to 10 words of up to 20 letters."""
    vocabulary = ["".join(rng.choices("ab", k=rng.randint(1, MAX_WORD))) for _ in range(10)]
    s = ""
    while len(s) + MAX_WORD <= MAX_LEN and rng.random() < 0.98:
        s += rng.choice(vocabulary)
    return _case(s, vocabulary)


def stress_cases(rng: random.Random) -> list[dict[str, Any]]:
    """The maximum sizes (s of about 1000 letters, 200 words of up to 20 letters): "a" * 999
    + "b" with the words "a" to "a" * 20 (no split, but every prefix of a's splits, so plain
    backtracking tries exponentially many ways); a string glued from 200 random words over
    "ab" (very many splits); and "a" * 1000 with the same runs of a's (a split of ~50 words)."""
    runs = ["a" * length for length in range(1, MAX_WORD + 1)]
    others = _random_words(rng, "cdefghijklmnopqrstuvwxyz", MAX_WORDS - len(runs))
    stopped = _case("a" * (MAX_LEN - 1) + "b", _shuffled(rng, runs + others))
    vocabulary = _random_words(rng, "ab", MAX_WORDS)
    glued = ""
    while len(glued) + MAX_WORD <= MAX_LEN:
        glued += rng.choice(vocabulary)
    return [stopped, _case(glued, vocabulary), _case("a" * MAX_LEN, _shuffled(rng, runs + others))]


def _random_words(rng: random.Random, alphabet: str, count: int) -> list[str]:
    return ["".join(rng.choices(alphabet, k=rng.randint(2, MAX_WORD))) for _ in range(count)]


def _shuffled(rng: random.Random, words: list[str]) -> list[str]:
    words = list(words)
    rng.shuffle(words)
    return words


def _show(text: str) -> str:
    return repr(text) if len(text) <= SHOWN else f"{text[:SHOWN]!r}… ({len(text)} letters)"


def valid(case: dict[str, Any], got: Any) -> str | None:
    """None when `got` is None (a claim that there is no split, judged by the objective) or a
    split of `s` into words of the list; else why not."""
    if got is None:
        return None
    if not isinstance(got, (list, tuple)):
        return f"the answer must be a list of words or None, got {type(got).__name__}"
    vocabulary = set(case["words"])
    for index, piece in enumerate(got):
        if not isinstance(piece, str):
            return f"piece {index} is {piece!r}, not a str"
        if piece not in vocabulary:
            return f"piece {index}, {_show(piece)}, is not one of the words"
    joined = "".join(got)
    if joined != case["s"]:
        return f"the {len(got)} pieces spell {_show(joined)}, not s = {_show(case['s'])}"
    return None


def _found(case: dict[str, Any], answer: Any) -> int:
    return 0 if answer is None else 1


_split = valid_answer(valid, objective=_found, goal="max", name="count of splits found")


def check(context: CheckContext) -> Check:
    """Any valid split; None only when the reference finds no split either. A split where
    the reference found none is the reference's fault (IE, from `valid_answer`)."""
    if context.got is None and context.expected is not None:
        if not context.case["s"]:
            return Check.reject("the answer is None, but the empty string splits into no words: []")
        return Check.reject(
            f"the answer is None, but s splits into words "
            f"(into {len(context.expected)} of them, for one)"
        )
    return _split(context)
