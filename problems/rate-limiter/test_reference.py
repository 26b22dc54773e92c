"""The rate limiter's reference against the definition, counted in exact quarters; the stress
streams against a ring of the last `limit` allowed times (another algorithm) and against
the shapes they claim."""

from __future__ import annotations

import array
import itertools
import random
from pathlib import Path

import numpy
from hypothesis import given, settings

from judge.authoring import Script
from judge.testing import check, load_problem, reference_answer, sample_cases

PROBLEM = load_problem(Path(__file__).parent)
properties = PROBLEM.properties
STRESS = properties.stress_cases(random.Random(0))


def quarters(value: float) -> int:
    exact = value * 4
    assert exact == int(exact), f"{value} is not a multiple of 0.25"
    return int(exact)


def times_of(script: Script) -> list[float]:
    return [args if isinstance(args, float) else args[0] for args in script.steps[0].calls]


def by_definition(script: Script, inclusive: bool = False) -> list[bool]:
    """Every allowed time kept; a request is allowed when fewer than `limit` of them lie in
    (t - window, t], counted in integer quarters. `inclusive` counts the boundary too (the
    wrong rule), to show that the cases tell the two apart."""
    limit, window = script.init
    allowed: list[int] = []
    answers = []
    for t in times_of(script) if script.steps else []:
        now, start = quarters(t), quarters(t) - quarters(window)
        inside = sum(1 for s in allowed if (s >= start if inclusive else s > start))
        answers.append(inside < limit)
        if inside < limit:
            allowed.append(now)
    return answers


def ring_of_last_allowed(script: Script) -> list[bool]:
    """Another algorithm: allowed when fewer than `limit` were ever allowed, or when the
    oldest of the last `limit` allowed times is at least `window` ago."""
    limit, window = script.init
    ring: list[float] = []
    oldest = 0
    answers = []
    for t in times_of(script):
        if len(ring) < limit:
            ring.append(t)
            answers.append(True)
        elif t - ring[oldest] >= window:
            ring[oldest] = t
            oldest = (oldest + 1) % limit
            answers.append(True)
        else:
            answers.append(False)
    return answers


@settings(max_examples=300, deadline=None)
@given(properties.cases())
def test_reference_matches_the_definition(script: Script) -> None:
    limit, window = script.init
    assert 1 <= limit <= properties.MAX_LIMIT
    assert 0 < window <= properties.MAX_WINDOW
    times = [quarters(t) for t in times_of(script)] if script.steps else []
    assert times == sorted(times)
    assert all(abs(t) <= 4 * properties.MAX_T for t in times)
    assert reference_answer(PROBLEM, script) == by_definition(script)


def most_expiring_at_once_from_a_full_window(script: Script) -> int:
    """The most allowed requests that leave the window between two calls, counted only
    when the window held `limit` of them (the previous request was refused)."""
    limit, window = script.init
    allowed: list[float] = []
    most = 0
    for t, answer in zip(
        times_of(script) if script.steps else [], by_definition(script), strict=True
    ):
        inside = [s for s in allowed if s > t - window]
        if len(allowed) == limit:
            most = max(most, len(allowed) - len(inside))
        allowed = [*inside, t] if answer else inside
    return most


def events(script: Script) -> set[str]:
    window = script.init[1]
    times = times_of(script) if script.steps else []
    answers = by_definition(script)
    seen = set()
    if answers != by_definition(script, inclusive=True):
        seen.add("a request decided by a time exactly on the boundary")
    if any(a is False and b is True for a, b in itertools.pairwise(answers)):
        seen.add("an allowed request after a refused one")
    if most_expiring_at_once_from_a_full_window(script) >= 2:
        seen.add("a full window of which several requests expire at once")
    if times and window > times[0] + properties.MAX_T:
        seen.add("a window that reaches back before -10^9")
    return seen


def test_cases_reach_the_edges() -> None:
    """In one pass of 200 generated scripts (as many as the judge draws), each edge comes
    up: on purpose, not by luck of one seed."""
    seen: set[str] = set()

    @settings(max_examples=200, derandomize=True, database=None, deadline=None)
    @given(properties.cases())
    def record(script: Script) -> None:
        seen.update(events(script))

    record()
    assert seen == {
        "a request decided by a time exactly on the boundary",
        "an allowed request after a refused one",
        "a full window of which several requests expire at once",
        "a window that reaches back before -10^9",
    }


def test_examples_are_right_answers() -> None:
    for case, example in zip(sample_cases(PROBLEM), PROBLEM.examples, strict=True):
        assert check(PROBLEM, case, example.output).ok, example
        assert example.output == by_definition(case)


def test_stress_streams_are_sorted_quarters_in_range() -> None:
    assert [len(script.steps[0]) for script in STRESS] == [
        properties.MAX_CALLS,
        properties.BURSTY_CALLS,
    ]
    for script in STRESS:
        (step,) = script.steps
        assert isinstance(step.calls, array.array) and step.calls.typecode == "d"
        times = numpy.frombuffer(step.calls, dtype=numpy.float64)
        assert numpy.all(numpy.diff(times) >= 0)
        assert numpy.all(times * 4 == numpy.round(times * 4))
        assert times[0] >= -properties.MAX_T and times[-1] <= properties.MAX_T


def test_at_capacity_keeps_the_window_exactly_full() -> None:
    """Every request is allowed, and from the limit-th on the window holds limit - 1 earlier
    ones, the next older on its boundary: counting the boundary refuses all of those."""
    limit, window = STRESS[0].init
    assert limit == properties.MAX_LIMIT
    times = numpy.frombuffer(STRESS[0].steps[0].calls, dtype=numpy.float64)
    earlier = numpy.arange(len(times)) - numpy.searchsorted(times, times - window, side="right")
    assert earlier.max() == limit - 1
    assert numpy.count_nonzero(earlier == limit - 1) == len(times) - limit + 1
    assert numpy.isin(times[limit:] - window, times).all()


def test_reference_matches_a_ring_at_full_size() -> None:
    """Both streams against the ring; the bursty one refuses most requests, and has
    bursts at one instant and pauses longer than the window."""
    for script in STRESS:
        assert reference_answer(PROBLEM, script) == ring_of_last_allowed(script)
    bursty = STRESS[1]
    assert sum(reference_answer(PROBLEM, bursty)) < properties.BURSTY_CALLS / 3
    times = numpy.frombuffer(bursty.steps[0].calls)
    gaps = numpy.diff(times)
    assert (gaps == 0).mean() > 0.7
    assert (gaps > bursty.init[1]).sum() >= 5
