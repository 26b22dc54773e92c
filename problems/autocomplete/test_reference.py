"""The autocomplete reference against a brute force (a dict of weights, every match sorted
on every query): on generated scripts, and on a sample of the queries of the full-size
stress scripts; the stress scripts against the shapes they claim."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given, settings

from judge.authoring import Script
from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties
STRESS = properties.stress_cases(random.Random(0))
WORD = re.compile(r"[a-z]{1,10}")
PREFIX = re.compile(r"[a-z]{0,10}")


def calls_of(script: Script) -> Iterator[tuple[str, tuple[Any, ...]]]:
    for step in script.steps:
        for args in step.calls:
            yield step.method, tuple(args)


def brute_top(weights: dict[str, int], prefix: str, k: int) -> list[str]:
    matches = [word for word in weights if word.startswith(prefix)]
    matches.sort(key=lambda word: (-weights[word], word))
    return matches[:k]


def brute_force(script: Script) -> list[list[str]]:
    weights: dict[str, int] = {}
    answers = []
    for method, args in calls_of(script):
        if method == "insert":
            word, weight = args
            weights[word] = weight
        else:
            answers.append(brute_top(weights, *args))
    return answers


@settings(max_examples=200, deadline=None)
@given(properties.cases())
def test_reference_matches_brute_force(script: Script) -> None:
    for method, args in calls_of(script):
        if method == "insert":
            assert WORD.fullmatch(args[0]) and abs(args[1]) <= properties.MAX_WEIGHT
        else:
            assert PREFIX.fullmatch(args[0]) and 1 <= args[1] <= properties.MAX_K
    assert reference_answer(PROBLEM, script) == brute_force(script)


def test_examples_are_right_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert check(PROBLEM, case, example.output).ok, example
        assert example.output == brute_force(case)


def events(script: Script) -> Iterator[str]:
    """What happens at each call, as words a test can look for."""
    weights: dict[str, int] = {}
    for method, args in calls_of(script):
        if method == "top":
            prefix, k = args
            matches = sum(word.startswith(prefix) for word in weights)
            yield "more than k" if matches > k else "k or fewer"
            if matches > properties.MAX_K and k == properties.MAX_K:
                yield "more than 10, k = 10"
            if prefix in weights and prefix in brute_top(weights, prefix, k):
                yield "the prefix is a word"
            listed = brute_top(weights, prefix, k)
            if any(weights[a] == weights[b] for a, b in itertools.pairwise(listed)):
                yield "a tie"
            continue
        word, weight = args
        if weights.get(word) == 0:
            yield "a word of weight 0 comes back"
        before = brute_top(weights, "", properties.MAX_K)
        weights[word] = weight
        if word in before and set(brute_top(weights, "", properties.MAX_K)) - set(before):
            yield "a listed word falls below an unlisted one"


def test_cases_reach_the_edges() -> None:
    """In one pass of 200 generated scripts (as many as the judge draws), each edge comes
    up: on purpose, not by luck of one seed."""
    seen: set[str] = set()

    @settings(max_examples=200, derandomize=True, database=None, deadline=None)
    @given(properties.cases())
    def record(script: Script) -> None:
        seen.update(events(script))

    record()
    assert seen >= {
        "a listed word falls below an unlisted one",
        "more than 10, k = 10",
        "the prefix is a word",
        "a tie",
        "a word of weight 0 comes back",
        "more than k",
        "k or fewer",
    }


def test_stress_scripts_have_the_stated_sizes() -> None:
    assert len(STRESS) == 2
    for script in STRESS:
        calls = list(calls_of(script))
        inserts = [args for method, args in calls if method == "insert"]
        tops = [args for method, args in calls if method == "top"]
        assert len(inserts) == properties.MAX_INSERTS
        assert len(tops) == properties.MAX_TOPS
        assert all(WORD.fullmatch(word) and abs(weight) <= 10**9 for word, weight in inserts)
        assert all(len(prefix) <= 1 and 1 <= k <= properties.MAX_K for prefix, k in tops)
        assert sum(prefix == "" for prefix, _ in tops) > properties.MAX_TOPS / 3
        assert len(script.steps[0]) == properties.MAX_INSERTS // 2
        assert max(len(step) for step in script.steps[1:]) <= properties.INSERTS_PER_BLOCK


def test_falling_leaders_remove_the_best_word_each_time() -> None:
    """17000 distinct words with weights 17000 down to 1, then the best 3000 again, best
    first, each below all others: each re-insert lowers the word that is then the best."""
    inserts = [args for method, args in calls_of(STRESS[1]) if method == "insert"]
    leaders, falls = inserts[:17000], inserts[17000:]
    assert len({word for word, _ in leaders}) == len(leaders)
    assert [weight for _, weight in leaders] == list(range(17000, 0, -1))
    assert [word for word, _ in falls] == [word for word, _ in leaders[:3000]]
    assert [weight for _, weight in falls] == list(range(0, -3000, -1))


def test_reference_matches_brute_force_at_full_size() -> None:
    """Every 50th query of each stress script, against the brute force at that moment."""
    for script in STRESS:
        answers = iter(reference_answer(PROBLEM, script))
        weights: dict[str, int] = {}
        matched = []
        queries = 0
        for method, args in calls_of(script):
            if method == "insert":
                weights[args[0]] = args[1]
                continue
            answer = next(answers)
            queries += 1
            if queries % 50 == 0:
                assert answer == brute_top(weights, *args)
                matched.append(sum(word.startswith(args[0]) for word in weights))
        assert len(matched) == properties.MAX_TOPS // 50
        assert min(matched) >= 1000
