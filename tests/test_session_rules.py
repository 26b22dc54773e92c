"""The protocol rules of `HarnessSession`, one at a time, through a scripted transport.

No container and no process: `ScriptedSession` replays what a sandbox would write (lines,
stderr, EOF, silence) and what its accounting would read, so each rule runs in microseconds.
"""

from __future__ import annotations

from typing import Any

import pytest

from judge.core.verdict import Limits
from judge.sandbox.fake import EOF, ScriptedSession, reply
from judge.sandbox.inside import wire
from judge.sandbox.session import (
    CODEC_ALLOWANCE_S,
    HARD_DEADLINE_GRACE_S,
    STDERR,
    STDERR_KEEP_BYTES,
    STDOUT,
    TRANSFER_BYTES_PER_S,
    Outcome,
    SessionFailed,
    Usage,
)

LIMITS = Limits(time_s=1.0, memory_mib=64, output_kib=4, message_mib=1)
CAP = LIMITS.output_kib * 1024
CALL = {"op": wire.Op.CALL, "args": [1, 2]}
ANSWER = {"ok": True, "value": 3, "time_ns": 1000}


def forged(**body: Any) -> Any:
    """A well-formed reply for an id that is not the request's: what a submission can write."""
    return lambda request_id: (STDOUT, wire.encode_line({"id": request_id + 1, **body}))


def session(*script: Any, usage: Usage | None = None, lost: bool = False) -> ScriptedSession:
    """A session past a good hello, with `script` to play for its first request."""
    scripted = ScriptedSession(LIMITS, [reply(ok=True), *script], usage=usage, lost=lost)
    assert scripted.hello(1.0).outcome is Outcome.REPLY
    return scripted


# --- hello -------------------------------------------------------------------------------
def test_hello_is_the_line_with_id_zero() -> None:
    scripted = ScriptedSession(LIMITS, [reply(ok=False, error=wire.ErrorKind.ENTRY)])
    hello = scripted.hello(1.0)
    assert hello.outcome is Outcome.REPLY and hello.reply is not None
    assert hello.reply["error"] == wire.ErrorKind.ENTRY and hello.time_s is None


def test_an_oom_kill_while_importing_is_memory() -> None:
    scripted = ScriptedSession(LIMITS, [Usage(oom_kills=1), EOF])
    assert scripted.hello(1.0).outcome is Outcome.MEMORY
    assert scripted.killed and not scripted.alive


# --- ids ---------------------------------------------------------------------------------
def test_only_the_line_with_the_request_id_is_its_reply() -> None:
    scripted = session(reply(**ANSWER), reply(**ANSWER))
    first = scripted.request(CALL, 1.0)
    second = scripted.request(CALL, 1.0)
    assert first.outcome is second.outcome is Outcome.REPLY
    ids = [message["id"] for message in scripted.sent]
    assert len(set(ids)) == 2 and 0 not in ids
    assert first.reply == {"id": ids[0], **ANSWER}


def test_a_forged_line_is_not_credited_but_counts_against_the_output_cap() -> None:
    scripted = session(forged(ok=True, value=999, time_ns=1), reply(**ANSWER))
    exchange = scripted.request(CALL, 1.0)
    assert exchange.outcome is Outcome.REPLY and exchange.reply is not None
    assert exchange.reply["value"] == 3
    forged_line = {"id": scripted.sent[0]["id"] + 1, "ok": True, "value": 999, "time_ns": 1}
    assert scripted.stderr_total == len(wire.encode_line(forged_line))
    assert scripted.stderr_head == b""  # counted, never shown as the submission's output


def test_a_late_reply_to_the_previous_request_is_not_credited() -> None:
    def stale(request_id: int) -> tuple[int, bytes]:
        previous = scripted.sent[0]["id"]
        return STDOUT, wire.encode_line({"id": previous, "ok": True, "value": 0, "time_ns": 1})

    scripted = session(reply(**ANSWER), stale, reply(ok=True, value=7, time_ns=1))
    scripted.request(CALL, 1.0)
    exchange = scripted.request(CALL, 1.0)
    assert exchange.reply is not None and exchange.reply["value"] == 7
    assert scripted.stderr_total > 0


def test_a_line_with_the_right_id_but_no_boolean_ok_is_not_a_reply() -> None:
    scripted = session(reply(ok="yes", value=1, time_ns=1), reply(**ANSWER))
    exchange = scripted.request(CALL, 1.0)
    assert exchange.reply is not None and exchange.reply["ok"] is True
    assert scripted.stderr_total > 0


def test_forged_lines_beyond_the_output_cap_end_the_session() -> None:
    flood = [forged(ok=True, padding="x" * 1000)] * (CAP // 1000 + 1)
    scripted = session(*flood, reply(**ANSWER))
    exchange = scripted.request(CALL, 1.0)
    assert exchange.outcome is Outcome.OUTPUT
    assert "protocol channel" in exchange.detail
    assert scripted.killed and not scripted.alive


def test_a_reply_split_across_chunks_is_reassembled() -> None:
    def half(index: int) -> Any:
        return lambda request_id: (STDOUT, reply(**ANSWER)(request_id)[1][index * 7 :][:7])

    line_length = len(wire.encode_line({"id": 2**62, **ANSWER}))
    exchange = session(*[half(i) for i in range(line_length // 7 + 1)]).request(CALL, 1.0)
    assert exchange.outcome is Outcome.REPLY and exchange.reply is not None
    assert exchange.reply["value"] == 3


# --- garbage and caps --------------------------------------------------------------------
@pytest.mark.parametrize("line", [b"not json\n", b"[1, 2]\n", b'{"id": 1, "v": NaN}\n', b"\xff\n"])
def test_garbage_on_the_protocol_channel_is_a_protocol_error(line: bytes) -> None:
    scripted = session((STDOUT, line), reply(**ANSWER))
    exchange = scripted.request(CALL, 1.0)
    assert exchange.outcome is Outcome.PROTOCOL
    assert "malformed message" in exchange.detail
    assert scripted.killed


def test_a_line_over_the_message_cap_is_output() -> None:
    big = {"ok": True, "value": "x" * (LIMITS.message_mib << 20), "time_ns": 1}
    exchange = session(reply(**big)).request(CALL, 1.0)
    assert exchange.outcome is Outcome.OUTPUT
    assert "size cap" in exchange.detail


def test_an_unterminated_line_over_the_message_cap_is_output_before_its_end() -> None:
    exchange = session((STDOUT, b"x" * ((LIMITS.message_mib << 20) + 1))).request(CALL, 1.0)
    assert exchange.outcome is Outcome.OUTPUT


def test_stderr_under_the_cap_is_kept_for_the_report() -> None:
    scripted = session((STDERR, b"debug: 42\n"), reply(**ANSWER))
    assert scripted.request(CALL, 1.0).outcome is Outcome.REPLY
    assert scripted.stderr_text() == "debug: 42\n"


def test_stderr_beyond_the_output_cap_is_output() -> None:
    scripted = session(*[(STDERR, b"y" * 1024)] * (LIMITS.output_kib + 1), reply(**ANSWER))
    exchange = scripted.request(CALL, 1.0)
    assert exchange.outcome is Outcome.OUTPUT
    assert exchange.detail == "the submission printed too much"
    assert scripted.stderr_total > CAP
    assert len(scripted.stderr_head) == min(STDERR_KEEP_BYTES, scripted.stderr_total)


# --- endings -----------------------------------------------------------------------------
def test_eof_is_a_crash_and_keeps_what_the_sandbox_said_last() -> None:
    scripted = session(EOF, (STDERR, b"Segmentation fault"))
    exchange = scripted.request(CALL, 1.0)
    assert exchange.outcome is Outcome.CRASH
    assert exchange.detail == "exited with status 1"
    assert "Segmentation fault" in scripted.stderr_text()
    with pytest.raises(SessionFailed):
        scripted.request(CALL, 1.0)


def test_silence_until_the_deadline_is_a_timeout_charged_the_wall_time() -> None:
    scripted = session(None, reply(**ANSWER))
    exchange = scripted.request(CALL, 1.0)
    assert exchange.outcome is Outcome.TIMEOUT
    assert exchange.time_s == exchange.wall_s
    assert scripted.killed


def test_a_call_whose_cpu_is_past_the_limit_is_stopped_without_waiting_for_the_deadline() -> None:
    scripted = session(Usage(cpu_s=1.2), None, usage=Usage(cpu_s=0.0))
    exchange = scripted.request(CALL, 1.0)
    assert exchange.outcome is Outcome.TIMEOUT and scripted.killed
    assert 1.0 <= exchange.wall_s < 1.0 + HARD_DEADLINE_GRACE_S / 2


@pytest.mark.parametrize("cpu_s", [0.0, 1.0 + CODEC_ALLOWANCE_S / 2])
def test_a_call_within_its_cpu_budget_waits_for_the_hard_deadline(cpu_s: float) -> None:
    """A sleeping call (no CPU), or one whose CPU past the limit is within the codec
    allowance, could still reply in time: only the wall-clock deadline ends it."""
    scripted = session(Usage(cpu_s=cpu_s), None, usage=Usage(cpu_s=0.0))
    exchange = scripted.request(CALL, 1.0)
    assert exchange.outcome is Outcome.TIMEOUT
    assert exchange.wall_s >= 1.0 + HARD_DEADLINE_GRACE_S


def test_overtime_is_announced_once_and_only_past_the_limit() -> None:
    announced: list[str] = []
    quick = session(reply(**ANSWER)).request(CALL, 1.0, overtime=lambda: announced.append("q"))
    assert quick.outcome is Outcome.REPLY and announced == []
    slow = session(None).request(CALL, 1.0, overtime=lambda: announced.append("s"))
    assert slow.outcome is Outcome.TIMEOUT and announced == ["s"]


def test_an_oom_kill_during_the_request_is_memory_even_with_a_reply() -> None:
    scripted = session(Usage(oom_kills=1), reply(**ANSWER), usage=Usage(oom_kills=0))
    assert scripted.request(CALL, 1.0).outcome is Outcome.MEMORY


def test_an_oom_kill_then_eof_is_memory_even_if_the_engine_also_lost_it() -> None:
    scripted = session(Usage(oom_kills=1), EOF, usage=Usage(oom_kills=0), lost=True)
    assert scripted.request(CALL, 1.0).outcome is Outcome.MEMORY


def test_a_sandbox_removed_from_outside_is_lost() -> None:
    exchange = session(EOF, lost=True).request(CALL, 1.0)
    assert exchange.outcome is Outcome.LOST
    assert "outside" in exchange.detail


def test_close_asks_the_harness_to_exit_then_kills() -> None:
    scripted = session()
    scripted.close()
    assert scripted.sent[-1]["op"] == wire.Op.EXIT
    assert scripted.killed and not scripted.alive


# --- the time decision ---------------------------------------------------------------------
def test_a_failed_call_decides_no_time() -> None:
    failed = {"ok": False, "error": wire.ErrorKind.EXCEPTION, "type": "ValueError"}
    exchange = session(reply(**failed)).request(CALL, 1.0)
    assert exchange.outcome is Outcome.REPLY and exchange.time_s is None


@pytest.mark.parametrize("time_ns", [None, -1, 1.5, True, "1"])
def test_a_reply_without_a_valid_time_is_a_protocol_error(time_ns: Any) -> None:
    body = {"ok": True, "value": 3} if time_ns is None else {"ok": True, "time_ns": time_ns}
    exchange = session(reply(**body)).request(CALL, 1.0)
    assert exchange.outcome is Outcome.PROTOCOL
    assert "valid time" in exchange.detail


def test_the_reported_time_stands_when_below_the_wall_clock() -> None:
    exchange = session(reply(ok=True, value=3, time_ns=1)).request(CALL, 1.0)
    assert exchange.time_s == 1e-9 < exchange.wall_s


def test_a_reported_time_is_never_above_the_host_wall_clock() -> None:
    exchange = session(reply(ok=True, value=3, time_ns=10**12)).request(CALL, 1.0)
    assert exchange.time_s is not None and exchange.time_s == exchange.wall_s < 1.0


def test_a_reported_time_is_raised_to_the_cpu_the_sandbox_used_minus_an_allowance() -> None:
    scripted = session(Usage(cpu_s=3.0), reply(ok=True, value=3, time_ns=1), usage=Usage(cpu_s=1))
    exchange = scripted.request(CALL, 1.0)
    request_bytes = len(wire.encode_line(scripted.sent[0]))
    allowance = CODEC_ALLOWANCE_S + request_bytes / TRANSFER_BYTES_PER_S
    assert exchange.time_s == pytest.approx(2.0 - allowance)


def test_cpu_within_the_allowance_does_not_raise_the_reported_time() -> None:
    scripted = session(Usage(cpu_s=1.004), reply(ok=True, value=3, time_ns=1), usage=Usage(cpu_s=1))
    assert scripted.request(CALL, 1.0).time_s == 1e-9


def test_the_allowance_grows_with_an_honest_reply_not_with_the_reply_sent() -> None:
    def charged(padding: int, budget: int) -> float:
        body = {"ok": True, "value": 3, "time_ns": 1, "padding": "x" * padding}
        scripted = session(Usage(cpu_s=2.0), reply(**body), usage=Usage(cpu_s=0.0))
        exchange = scripted.request(CALL, 1.0, reply_budget_bytes=budget)
        assert exchange.time_s is not None
        return exchange.time_s

    assert charged(0, 0) == pytest.approx(charged(500_000, 0))  # padding buys nothing
    assert charged(0, 0) - charged(0, int(TRANSFER_BYTES_PER_S)) == pytest.approx(1.0)
