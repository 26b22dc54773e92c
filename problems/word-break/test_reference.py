"""The word-break reference against a search from the front (an independent algorithm) on
every generated case and at full size, against enumeration of every split on short strings;
the checker against answers of every wrong shape and against other right splits."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judge.testing import ExpectedAnswerError, check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties


def splits_by_search(s: str, words: list[str]) -> bool:
    """Depth-first search over the positions reachable from 0 by whole words (each position
    visited once), trying the words themselves with startswith."""
    seen, stack = {0}, [0]
    while stack:
        position = stack.pop()
        for word in words:
            end = position + len(word)
            if end not in seen and s.startswith(word, position):
                seen.add(end)
                stack.append(end)
    return len(s) in seen


def every_split(s: str, words: list[str]) -> list[list[str]]:
    """Every split of s into words of the list, by trying all 2^(n-1) sets of cut points."""
    vocabulary = set(words)
    found = []
    for cuts in itertools.product((False, True), repeat=max(len(s) - 1, 0)):
        bounds = [0, *(k + 1 for k, cut in enumerate(cuts) if cut), len(s)]
        pieces = [s[start:end] for start, end in itertools.pairwise(bounds)]
        if all(piece in vocabulary for piece in pieces):
            found.append(pieces)
    return found if s else [[]]


def valid_case(case: dict[str, Any]) -> bool:
    s, words = case["s"], case["words"]
    return (
        len(s) <= properties.MAX_LEN
        and len(words) <= properties.MAX_WORDS
        and all(1 <= len(word) <= properties.MAX_WORD for word in words)
        and all(text.isascii() and (text.islower() or not text) for text in [s, *words])
    )


def accepted(case: dict[str, Any], got: Any) -> bool:
    return bool(check(PROBLEM, case, got).ok)


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_splits_exactly_when_a_split_exists(case: dict[str, Any]) -> None:
    assert valid_case(case)
    answer = reference_answer(PROBLEM, case)
    assert (answer is not None) == splits_by_search(case["s"], case["words"])
    if answer is not None:
        assert isinstance(answer, list)
        assert properties.valid(case, answer) is None
    assert accepted(case, answer)


@settings(deadline=None)
@given(st.text("ab", max_size=9), st.lists(st.text("ab", min_size=1, max_size=3), max_size=5))
def test_checker_accepts_every_split_and_the_reference_returns_one(
    s: str, words: list[str]
) -> None:
    case = {"s": s, "words": words}
    splits = every_split(s, words)
    answer = reference_answer(PROBLEM, case)
    assert (answer is None) == (not splits)
    if answer is not None:
        assert answer in splits
    for split in splits:
        assert accepted(case, split)
        assert accepted(case, tuple(split))
    if splits:
        assert not accepted(case, None)


@settings(deadline=None)
@given(properties.cases())
def test_checker_rejects_wrong_answers_with_a_reason(case: dict[str, Any]) -> None:
    s = case["s"]
    answer = reference_answer(PROBLEM, case)
    wrong: list[Any] = [s or "a", 0, {"s": s}, [s, 1], [""], [s + "z"], ["q"]]
    if answer is None:
        wrong.append([s])  # s is not one of the words, or it would split
    else:
        wrong.append(None)
        if answer:
            wrong += [answer[:-1], [*answer, answer[0]], [a.upper() for a in answer]]
        if "".join(answer[::-1]) != s:
            wrong.append(answer[::-1])  # the right words in the wrong order
        if s:
            wrong.append([])
    for got in wrong:
        result = check(PROBLEM, case, got)
        assert not result.ok, got
        assert result.message


def test_checker_explains_each_kind_of_fault() -> None:
    case = {"s": "catsanddog", "words": ["cat", "cats", "and", "sand", "dog"]}

    def why(got: Any) -> str:
        result = check(PROBLEM, case, got)
        assert not result.ok
        return result.message

    assert "list of words or None" in why("cats and dog")
    assert "not a str" in why(["cats", 3, "dog"])
    assert "not one of the words" in why(["cats", "anddog"])
    assert "not one of the words" in why(["cats", "", "and", "dog"])
    assert "spell" in why(["cat", "and", "dog"])
    assert "splits into words" in why(None)
    assert "empty string" in check(PROBLEM, {"s": "", "words": ["a"]}, None).message
    assert accepted(case, ["cat", "sand", "dog"])
    assert accepted({"s": "", "words": []}, [])


def test_a_split_where_the_reference_found_none_is_the_references_fault() -> None:
    case = {"s": "ab", "words": ["a", "b"]}
    with pytest.raises(ExpectedAnswerError):
        check(PROBLEM, case, ["a", "b"], expected=None)


def test_examples_are_right_by_the_checker() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert accepted(case, example.output)
        assert (example.output is None) == (not every_split(case["s"], case["words"]))


def test_stress_cases_reach_the_maxima_and_agree_with_search() -> None:
    cases = properties.stress_cases(random.Random(0))
    assert 1 <= len(cases) <= 3
    assert cases == properties.stress_cases(random.Random(0))
    answers = []
    for case in cases:
        assert valid_case(case)
        assert len(case["s"]) >= properties.MAX_LEN - properties.MAX_WORD
        assert len(case["words"]) == properties.MAX_WORDS
        assert max(map(len, case["words"])) == properties.MAX_WORD
        answers.append(reference_answer(PROBLEM, case))
        assert (answers[-1] is not None) == splits_by_search(case["s"], case["words"])
        assert answers[-1] is None or properties.valid(case, answers[-1]) is None
    stopped, glued, run = cases
    assert stopped["s"] == "a" * (properties.MAX_LEN - 1) + "b" and answers[0] is None
    assert {"a" * k for k in range(1, 21)} <= set(stopped["words"])
    assert answers[1] is not None and set(glued["s"]) == {"a", "b"}
    assert run["s"] == "a" * properties.MAX_LEN and answers[2] is not None
