"""The reference against brute force (every substring; every start extended to its first
repeat) on generated strings, against a shrinking-set window at full size, and the stress
cases against the limits."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.testing import check, load_problem, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
reference = PROBLEM.reference
properties = PROBLEM.properties


def every_substring(s: str) -> int:
    """The longest of all O(n^2) substrings whose characters are distinct: O(n^3)."""
    n = len(s)
    return max(j - i for i in range(n + 1) for j in range(i, n + 1) if len(set(s[i:j])) == j - i)


def every_start(s: str) -> int:
    """From each start, extend to the first repeat: O(n · L)."""
    best = 0
    for i in range(len(s)):
        seen: set[str] = set()
        for char in s[i:]:
            if char in seen:
                break
            seen.add(char)
        best = max(best, len(seen))
    return best


def shrinking_set(s: str) -> int:
    """A window kept as a set, its left edge dropping characters until the new one is not
    inside: O(n), and no index of a last copy anywhere."""
    window: set[str] = set()
    left = best = 0
    for right, char in enumerate(s):
        while char in window:
            window.remove(s[left])
            left += 1
        window.add(char)
        best = max(best, right - left + 1)
    return best


def no_surrogates(s: str) -> bool:
    return not any(0xD800 <= ord(char) < 0xE000 for char in s)


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_agrees_with_brute_force(case: dict[str, Any]) -> None:
    s = case["s"]
    assert len(s) <= properties.MAX_LEN and no_surrogates(s)
    answer = reference(s)
    assert type(answer) is int
    assert answer == every_start(s) == shrinking_set(s)
    if len(s) <= 40:
        assert answer == every_substring(s)


def test_windows_that_restart() -> None:
    """A start that moved backwards, or a restart at the repeat, would get these wrong."""
    expected = {"abba": 2, "dvdf": 3, "tmmzuxt": 5, "aA": 2, "e\u0301é": 3, "ab": 2, "": 0}
    for s, length in expected.items():
        assert reference(s) == length, s


def test_examples_are_right_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert check(PROBLEM, case, example.output).ok, example
        assert example.output == every_substring(case["s"])


def test_stress_cases_reach_the_maxima() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    answers = []
    for case in cases:
        s = case["s"]
        assert len(s) == properties.MAX_LEN and no_surrogates(s)
        assert sum(ord(char) > 0xFFFF for char in s) > 0.8 * len(s)  # mostly outside the BMP
        answers.append(reference(s))
        assert answers[-1] == shrinking_set(s)
    distinct, blocks = (case["s"] for case in cases)
    assert len(set(distinct)) == len(distinct) == answers[0]
    quarter = properties.MAX_LEN // 4
    parts = [set(blocks[k : k + quarter]) for k in range(0, len(blocks), quarter)]
    assert len(parts) == 4 and all(part == parts[0] for part in parts)
    assert len(parts[0]) == quarter  # each quarter: a shuffle of the same distinct characters
    assert quarter // 2 < answers[1] < 2 * quarter  # long windows, restarted often
