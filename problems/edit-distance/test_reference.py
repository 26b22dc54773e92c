"""The edit-distance reference against a memoised recursion on every generated case, against
breadth-first search over strings on tiny ones, against the metric laws, and at full size
against a bit-parallel algorithm (Myers and Hyyrö) that shares nothing with a table."""

from __future__ import annotations

import random
import sys
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def distance(a: str, b: str) -> int:
    return reference_answer(PROBLEM, {"a": a, "b": b})


def by_recursion(a: str, b: str) -> int:
    """Memoised recursion on suffixes: the first letters are kept, substituted, deleted or
    inserted. The reference works on prefixes, row by row."""
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 4 * (len(a) + len(b)) + 100))

    @cache
    def rest(i: int, j: int) -> int:
        if i == len(a) or j == len(b):
            return len(a) - i + len(b) - j
        if a[i] == b[j]:
            return rest(i + 1, j + 1)
        return 1 + min(rest(i + 1, j + 1), rest(i + 1, j), rest(i, j + 1))

    return rest(0, 0)


def by_search(a: str, b: str) -> int:
    """Breadth-first search from `a` over whole strings, one edit per step, through strings no
    longer than the longer input and over the letters of both: the definition itself."""
    letters = sorted(set(a + b))
    longest = max(len(a), len(b))
    seen, frontier, steps = {a}, [a], 0
    while b not in seen:
        following = []
        for text in frontier:
            neighbours = [text[:k] + text[k + 1 :] for k in range(len(text))]
            for k in range(len(text) + 1):
                for letter in letters:
                    if len(text) < longest:
                        neighbours.append(text[:k] + letter + text[k:])
                    if k < len(text):
                        neighbours.append(text[:k] + letter + text[k + 1 :])
            for neighbour in neighbours:
                if neighbour not in seen:
                    seen.add(neighbour)
                    following.append(neighbour)
        frontier, steps = following, steps + 1
    return steps


def by_bit_vectors(a: str, b: str) -> int:
    """Myers' bit-vector algorithm in Hyyrö's form for the global distance: the vertical
    deltas of a column of the table, +1 (`plus`) or -1 (`minus`) per letter of `a`, kept as
    the bits of two integers and advanced by one letter of `b` at a time; the score is the
    bottom cell. O(len(b)) big-integer steps."""
    if not a:
        return len(b)
    mask = (1 << len(a)) - 1
    top = 1 << (len(a) - 1)
    matches: dict[str, int] = {}
    for position, letter in enumerate(a):
        matches[letter] = matches.get(letter, 0) | 1 << position
    plus, minus, score = mask, 0, len(a)
    for letter in b:
        equal = matches.get(letter, 0)
        vertical = equal | minus
        horizontal = ((((equal & plus) + plus) & mask) ^ plus) | equal
        up = (minus | ~(horizontal | plus)) & mask
        down = plus & horizontal
        score += bool(up & top) - bool(down & top)
        up = (up << 1 | 1) & mask
        down = (down << 1) & mask
        plus = (down | ~(vertical | up)) & mask
        minus = up & vertical
    return score


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_recursion_and_bit_vectors(case: dict[str, Any]) -> None:
    a, b = case["a"], case["b"]
    answer = distance(a, b)
    assert type(answer) is int
    assert answer == by_recursion(a, b) == by_bit_vectors(a, b)


@settings(deadline=None)
@given(st.text("ab", max_size=5), st.text("abc", max_size=4))
def test_reference_agrees_with_search_over_strings(a: str, b: str) -> None:
    assert distance(a, b) == by_search(a, b)


@settings(deadline=None)
@given(st.text("aAb", max_size=10), st.text("aAb", max_size=10), st.text("aAb", max_size=10))
def test_reference_is_a_metric(a: str, b: str, c: str) -> None:
    ab = distance(a, b)
    assert distance(a, a) == 0
    assert (ab == 0) == (a == b)
    assert ab == distance(b, a)
    assert distance(a, c) <= ab + distance(b, c)
    assert abs(len(a) - len(b)) <= ab <= max(len(a), len(b))
    if len(a) == len(b):
        assert ab <= sum(x != y for x, y in zip(a, b, strict=True))


def test_known_distances() -> None:
    assert distance("", "") == 0
    assert distance("abc", "") == 3
    assert distance("ab", "ba") == 2  # a swap of neighbours is two edits
    assert distance("abc", "bca") == 2  # fewer than the 3 differing positions
    assert distance("a", "A") == 1  # letters compare exactly
    assert distance("kitten", "sitting") == 3


def test_examples_are_right_by_the_checker() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert check(PROBLEM, case, example.output).ok
        assert example.output == by_recursion(case["a"], case["b"])


def test_stress_cases_reach_the_maxima_and_agree_with_bit_vectors() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    answers = []
    for case in cases:
        a, b = case["a"], case["b"]
        assert len(a) == len(b) == properties.MAX_LEN
        assert set(a + b) <= set(properties.LETTERS)
        answers.append(distance(a, b))
        assert answers[-1] == by_bit_vectors(a, b)
    unrelated, edited = answers
    assert unrelated > 900  # most cells of a full table hold ints above the cached 256
    assert 0 < edited <= 2 * properties.MAX_LEN // 10
