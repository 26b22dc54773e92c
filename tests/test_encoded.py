"""`judge.core.encoded`: big encodings made once per value, by identity, within a bound."""

from __future__ import annotations

from pathlib import Path

import pytest

from judge.core import encoded
from judge.core.encoded import KEEP_FROM_BYTES, ByIdentity
from judge.core.engine import JudgeOptions, judge
from judge.core.problem import Problem
from judge.core.verdict import SandboxInfo, Verdict
from judge.sandbox import OpenedSandbox
from judge.sandbox.fake import FakeSandbox
from judge.sandbox.inside import wire

SUBMISSIONS = Path(__file__).parent / "fixtures" / "submissions"


def test_a_big_result_is_computed_once_per_value_and_a_small_one_each_time() -> None:
    store: ByIdentity[bytes] = ByIdentity(len)
    calls: list[str] = []
    big, small = [1, 2, 3], [4]

    def compute(name: str, size: int) -> bytes:
        calls.append(name)
        return b"x" * size

    for _ in range(3):
        assert store.get(big, lambda: compute("big", KEEP_FROM_BYTES)) == b"x" * KEEP_FROM_BYTES
        assert store.get(small, lambda: compute("small", 10)) == b"x" * 10
    assert calls == ["big", "small", "small", "small"]
    equal_but_other = [1, 2, 3]  # the key is the object, not its value
    store.get(equal_but_other, lambda: compute("other", KEEP_FROM_BYTES))
    assert calls[-1] == "other"


def test_the_store_drops_the_least_recently_used_beyond_its_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(encoded, "KEEP_AT_MOST_BYTES", 3 * KEEP_FROM_BYTES)
    store: ByIdentity[bytes] = ByIdentity(len)
    values = [[index] for index in range(4)]
    calls: list[int] = []

    def get(index: int) -> None:
        def compute() -> bytes:
            calls.append(index)
            return b"x" * KEEP_FROM_BYTES

        store.get(values[index], compute)

    for index in (0, 1, 2, 0, 3):  # 3 pushes out 1, the least recently used
        get(index)
    get(0)
    get(2)
    get(1)
    assert calls == [0, 1, 2, 3, 1]


def test_an_encoded_message_gets_a_fresh_id_and_stays_one_json_line() -> None:
    body = wire.encode_object({"op": "call", "args": [[1, 2], "x\n"]})
    line = wire.with_id(7, body)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert wire.decode_line(line) == {"id": 7, "op": "call", "args": [[1, 2], "x\n"]}
    for bad in (b"{}", b"[1]", b'"x"'):
        with pytest.raises(wire.WireError):
            wire.with_id(1, bad)


def test_judging_twice_against_one_suite_encodes_its_stress_case_once(
    add_problem: Problem, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The add problem's stress case is small, so the bound is lowered to keep it."""
    monkeypatch.setattr(encoded, "KEEP_FROM_BYTES", 1)
    from judge.core.entries import function

    monkeypatch.setattr(function, "_CALLS", ByIdentity(len))
    encodings: list[bytes] = []
    real = wire.encode_object

    def spy(message: dict[str, object]) -> bytes:
        line = real(message)
        if message.get("op") == wire.Op.CALL:
            encodings.append(line)
        return line

    monkeypatch.setattr(wire, "encode_object", spy)
    sandbox = FakeSandbox.importing()
    opened = OpenedSandbox(sandbox, SandboxInfo(kind=sandbox.kind))
    options = JudgeOptions(max_examples=5, time_limit_s=1.0)
    first = judge(add_problem, SUBMISSIONS / "ok.py", opened, options)
    once = len(encodings)
    second = judge(add_problem, SUBMISSIONS / "ok.py", opened, options)
    assert first.verdict is second.verdict is Verdict.AC
    assert once > 0 and len(encodings) == once  # no call encoded again: all kept (bound 1)
    stress = [r for r in sandbox.requests() if abs(r["args"][0]) > 10**6]
    assert len(stress) == 2 and stress[0]["args"] == stress[1]["args"]
    assert stress[0]["id"] != stress[1]["id"]  # the same bytes, each with its own id
