"""The LCS reference against brute force (memoised recursion, enumeration of subsequences)
and, at full size, against a bit-parallel length; the custom checker against good and bad
answers."""

from __future__ import annotations

import itertools
import random
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judge.testing import CheckContext, Tolerance, load_problem

problem = load_problem(Path(__file__).parent)
reference = problem.reference
properties = problem.properties


def lcs_length(a: str, b: str) -> int:
    """Memoised recursion on prefixes: independent of the reference's suffix table."""
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 4 * (len(a) + len(b)) + 100))

    @cache
    def best(i: int, j: int) -> int:
        if i == 0 or j == 0:
            return 0
        if a[i - 1] == b[j - 1]:
            return best(i - 1, j - 1) + 1
        return max(best(i - 1, j), best(i, j - 1))

    return best(len(a), len(b))


def lcs_length_bits(a: str, b: str) -> int:
    """Allison and Dix's bit-parallel LCS length: one big-integer step per letter of b,
    O(|a|·|b| / word) and nothing in common with a table. A zero bit of `row` below
    bit |a| marks a position of a where the LCS so far grows."""
    matches: dict[str, int] = {}
    for position, letter in enumerate(a):
        matches[letter] = matches.get(letter, 0) | 1 << position
    full = (1 << len(a)) - 1
    row = full
    for letter in b:
        hits = row & matches.get(letter, 0)
        row = ((row + hits) | (row - hits)) & full
    return len(a) - bin(row).count("1")


def is_subsequence_of(small: str, big: str) -> bool:
    position = 0
    for letter in small:
        position = big.find(letter, position) + 1
        if position == 0:
            return False
    return True


def subsequences(text: str) -> set[str]:
    return {
        "".join(text[k] for k in chosen)
        for size in range(len(text) + 1)
        for chosen in itertools.combinations(range(len(text)), size)
    }


def judged(case: dict[str, str], got: object) -> bool:
    context = CheckContext(case, reference(case["a"], case["b"]), got, Tolerance())
    return bool(properties.check(context).ok)


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_returns_a_longest_common_subsequence(case: dict[str, str]) -> None:
    a, b = case["a"], case["b"]
    answer = reference(a, b)
    assert isinstance(answer, str)
    assert properties.is_subsequence(answer, a)
    assert properties.is_subsequence(answer, b)
    assert len(answer) == lcs_length(a, b) == lcs_length_bits(a, b)
    assert judged(case, answer)


@settings(deadline=None)
@given(st.text(st.sampled_from("abAé𝐀"), max_size=9), st.text(st.sampled_from("abAé𝐀"), max_size=9))
def test_reference_matches_enumeration_of_all_subsequences(a: str, b: str) -> None:
    common = subsequences(a) & subsequences(b)
    answer = reference(a, b)
    assert answer in common
    assert len(answer) == max(len(text) for text in common)


@settings(deadline=None)
@given(properties.cases(), st.data())
def test_checker_rejects_corrupted_answers(case: dict[str, str], data: st.DataObject) -> None:
    answer = reference(case["a"], case["b"])
    if answer:
        cut = data.draw(st.integers(0, len(answer) - 1))
        assert not judged(case, answer[:cut] + answer[cut + 1 :])  # one letter short
        swapped = answer[::-1]
        if not (properties.is_subsequence(swapped, case["a"])):
            assert not judged(case, swapped)
    outsider = "Ω" if "Ω" not in case["a"] else "Ж"
    assert not judged(case, answer + outsider)  # not a subsequence of a
    for malformed in (None, 0, True, list(answer), (answer,), {"lcs": answer}, answer.encode()):
        assert not judged(case, malformed)


def test_checker_accepts_every_longest_answer_not_just_the_references() -> None:
    case = {"a": "ab", "b": "ba"}
    assert judged(case, "a")
    assert judged(case, "b")
    assert not judged(case, "")
    assert not judged(case, "ab")


def test_examples_agree_with_the_reference_and_the_checker() -> None:
    for example in problem.examples:
        case = dict(example.input)
        assert judged(case, example.output)
        assert len(example.output) == len(reference(case["a"], case["b"]))


def test_pool_holds_only_letters() -> None:
    letters = properties.POOL + "".join(properties.CASE_PAIRS)
    assert all(unicodedata.category(letter).startswith("L") for letter in letters)
    assert any(ord(letter) > 0xFFFF for letter in letters)


def test_stress_cases_reach_the_maximum_length_and_are_deterministic() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    for case in cases:
        assert len(case["a"]) == len(case["b"]) == properties.MAX_LEN
        assert all(unicodedata.category(letter).startswith("L") for letter in case["a"])
        assert all(unicodedata.category(letter).startswith("L") for letter in case["b"])
    edited = cases[1]
    assert len(reference(edited["a"], edited["b"])) >= 800


def test_checker_blames_the_reference_when_the_answer_beats_it() -> None:
    """A valid answer longer than the reference's is the judge's fault: the checker raises,
    which the engine reports as an internal error (IE), never as the submission's WA."""
    context = CheckContext({"a": "ab", "b": "ab"}, "a", "ab", Tolerance())
    with pytest.raises(RuntimeError, match="reference"):
        properties.check(context)


def test_reference_agrees_with_the_bit_parallel_length_at_full_size() -> None:
    """Every stress case (random text, an edited copy, two runs of one letter): the answer
    is common to both strings and as long as the independent bit-parallel length."""
    for case in properties.stress_cases(random.Random(0)):
        a, b = case["a"], case["b"]
        answer = reference(a, b)
        assert is_subsequence_of(answer, a) and is_subsequence_of(answer, b)
        assert len(answer) == lcs_length_bits(a, b)
