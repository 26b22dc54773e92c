"""Sequences served item by item from the host (`judge.authoring.Remote`), for sublinear
problems: O(log n) reads pass, a scan (even one hidden in `list(nums)`) runs out of time,
and the tag is refused anywhere but in a request."""

from __future__ import annotations

from pathlib import Path

import pytest

from judge.core.cases import Remote
from judge.core.engine import JudgeOptions, judge
from judge.core.problem import Problem, load_problem
from judge.core.suite_codec import pack, same, unpack
from judge.core.verdict import Group, Verdict
from judge.sandbox import OpenedSandbox
from judge.sandbox.inside import wire

FIXTURES = Path(__file__).parent / "fixtures"
SEARCH = FIXTURES / "submissions" / "search"
OPTIONS = JudgeOptions(max_examples=20)


@pytest.fixture(scope="module")
def search() -> Problem:
    return load_problem(FIXTURES / "problems" / "search-sorted")


def _stress_ms(report: object) -> float:
    groups = {group.group: group for group in report.groups}  # type: ignore[attr-defined]
    found = groups[Group.STRESS].max_time_ms
    assert found is not None
    return float(found)


@pytest.mark.parametrize("sandbox", ["process_opened", "docker_opened"])
def test_binary_search_passes_and_a_scan_runs_out_of_time(
    search: Problem, sandbox: str, request: pytest.FixtureRequest
) -> None:
    opened: OpenedSandbox = request.getfixturevalue(sandbox)
    fast = judge(search, SEARCH / "binary.py", opened, OPTIONS)
    assert fast.verdict is Verdict.AC, fast.first_failure
    assert _stress_ms(fast) < 250  # ~20 reads of a 10^6-item list, not 10^6
    for scan in ("linear.py", "copies_first.py"):
        slow = judge(search, SEARCH / scan, opened, OPTIONS)
        assert slow.verdict is Verdict.TLE, (scan, slow.first_failure)
        failure = slow.first_failure
        assert failure is not None and failure.group is Group.STRESS


def test_remote_values_round_trip_the_suite_cache() -> None:
    value = {"nums": Remote(list(range(1000))), "target": 5}
    assert same(unpack(pack(value)), value)
    assert not same(unpack(pack(value)), {"nums": list(range(1000)), "target": 5})


def test_the_host_never_accepts_a_remote_tag_in_a_reply() -> None:
    """Replies are decoded without a `remote` factory: a submission cannot make the host
    build anything from a `$remote` it sends."""
    with pytest.raises(wire.WireError):
        wire.from_wire({"$remote": {"length": 3, "source": 0}})
    built = wire.from_wire(
        [{"$remote": {"length": 3, "source": 1}}], remote=lambda length, source: (length, source)
    )
    assert built == [(3, 1)]
    with pytest.raises(wire.WireError):
        wire.from_wire({"$remote": {"length": -1, "source": 0}}, remote=lambda *args: args)


def test_a_long_remote_shows_its_first_items_and_a_count() -> None:
    """A report of a failing stress case must not build a million-item string first."""
    assert repr(Remote([3, 1])) == "Remote([3, 1])"
    shown = repr(Remote(range(10**6)))
    assert shown.startswith("Remote([0, 1, 2,") and shown.endswith(", 99, … 999900 more])")
    assert len(shown) < 1000
