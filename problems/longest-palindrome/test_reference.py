"""The longest-palindrome reference (expansion around centres) against a brute force over
every substring, and at full size against an independent slice-based scan; the checker against every right
answer and wrong answers of every shape; the stress cases against their claims."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from judge.testing import ExpectedAnswerError, check, load_problem, reference_answer

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def all_longest(s: str) -> set[str]:
    """Every longest palindromic substring, by trying every substring."""
    palindromes = {
        s[i:j] for i in range(len(s)) for j in range(i + 1, len(s) + 1) if s[i:j] == s[i:j][::-1]
    }
    longest = max(map(len, palindromes), default=0)
    return {p for p in palindromes if len(p) == longest} or {""}


def longest_length(s: str) -> int:
    """A palindrome ending at i is at most 2 longer than the best before i: test just those
    two lengths at each i, by slicing (shares nothing with expanding around centres)."""
    best = 0
    for i in range(len(s)):
        for grown in (best + 2, best + 1):
            piece = s[max(i - grown + 1, 0) : i + 1]
            if len(piece) == grown and piece == piece[::-1]:
                best = grown
                break
    return best


def accepted(case: dict[str, Any], got: Any, expected: str | None = None) -> bool:
    if expected is None:
        return bool(check(PROBLEM, case, got).ok)
    return bool(check(PROBLEM, case, got, expected).ok)


@settings(max_examples=400, deadline=None)
@given(properties.cases())
def test_reference_returns_a_longest_palindrome(case: dict[str, Any]) -> None:
    s = case["s"]
    assert len(s) <= properties.MAX_LEN and all(c in properties.ALPHABET for c in s)
    answer = reference_answer(PROBLEM, case)
    assert answer in all_longest(s)
    assert len(answer) == longest_length(s)


@settings(max_examples=200, deadline=None)
@given(properties.cases())
def test_checker_accepts_every_longest_palindrome_and_nothing_shorter(case: dict[str, Any]) -> None:
    s = case["s"]
    if len(s) > 40:
        return
    best = all_longest(s)
    expected = reference_answer(PROBLEM, case)
    for answer in best:
        assert accepted(case, answer, expected)
    for i in range(len(s)):
        for j in range(i, len(s) + 1):
            if s[i:j] not in best:  # too short, or as long but no palindrome
                assert not accepted(case, s[i:j], expected)


def test_examples_are_right_answers() -> None:
    for example in PROBLEM.examples:
        case = dict(example.input)
        assert accepted(case, example.output)
        assert example.output in all_longest(case["s"])


def test_checker_accepts_other_answers_than_the_references() -> None:
    assert accepted({"s": "babad"}, "bab") and accepted({"s": "babad"}, "aba")
    assert accepted({"s": "ac"}, "a") and accepted({"s": "ac"}, "c")
    assert accepted({"s": "Aba"}, "A") and accepted({"s": "Aba"}, "b")
    assert accepted({"s": ""}, "")


@pytest.mark.parametrize(
    ("s", "got", "reason"),
    [
        ("babad", None, "must be a str"),
        ("babad", 3, "must be a str"),
        ("babad", ["b", "a", "b"], "must be a str"),
        ("babad", b"bab", "must be a str"),
        ("babad", "bob", "not a substring"),
        ("babad", "baba", "not a palindrome"),
        ("babad", "babad", "not a palindrome"),
        ("abacdfgdcaba", "abacd", "not a palindrome"),
        ("Aba", "Aba", "not a palindrome"),
        ("abcba", "dabcbad", "not a substring"),
        ("abcba", "bcb", "largest possible is 5"),
        ("cbbd", "c", "largest possible is 2"),
        ("a", "", "largest possible is 1"),
    ],
)
def test_checker_rejects_wrong_answers_with_a_reason(s: str, got: Any, reason: str) -> None:
    verdict = check(PROBLEM, {"s": s}, got)
    assert not verdict.ok
    assert reason in verdict.message


def test_checker_blames_the_reference_when_the_answer_beats_it() -> None:
    with pytest.raises(ExpectedAnswerError):
        check(PROBLEM, {"s": "abba"}, "abba", expected="bb")


def test_stress_cases_reach_the_maximum_length_and_have_their_shapes() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert len(cases) == 3
    assert cases == properties.stress_cases(random.Random(0))
    answers = [reference_answer(PROBLEM, case) for case in cases]
    for case, answer in zip(cases, answers, strict=True):
        s = case["s"]
        assert len(s) == properties.MAX_LEN and all(c in properties.ALPHABET for c in s)
        assert accepted(case, answer)
        assert len(answer) == longest_length(s)
    repeated, random_text, planted = answers
    assert repeated == cases[0]["s"]  # every centre expands to an end of the string
    assert len(random_text) < 40  # short: checking every substring cannot stop early
    assert len(planted) >= properties.MAX_LEN // 2 and len(planted) % 2 == 0
