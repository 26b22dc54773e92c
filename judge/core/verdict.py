"""Verdicts, limits and reports: pure data, importing nothing from the package.

Everything a front end needs to show or store a judgement lives here, so that reports,
grading and practice history can depend on this module alone.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Verdict(str, enum.Enum):
    """The outcome of one case, one group or one submission.

    Members are ordered from best to worst for the user (`AC` first); the judge's own fault
    (`IE`) is kept last and apart: it is never the submission's verdict to carry.
    """

    AC = "AC"
    """Accepted: every answer was right, within every limit."""
    WA = "WA"
    """Wrong answer: an answer broke the problem's checker (or could not be compared)."""
    TLE = "TLE"
    """Time limit exceeded: a case ran longer than its limit (measured by the host)."""
    MLE = "MLE"
    """Memory limit exceeded: the kernel killed the submission for memory inside its limit."""
    OLE = "OLE"
    """Output limit exceeded: printed too much, or sent a message over the size cap."""
    RE = "RE"
    """Runtime error: an exception, a crash, an exit, or a broken protocol during a case."""
    CE = "CE"
    """Compile error: the file does not import, or lacks the entry point as specified."""
    IE = "IE"
    """Internal error: the judge's fault (a broken checker, a lost sandbox); never the user's."""

    @property
    def accepted(self) -> bool:
        return self is Verdict.AC

    @property
    def label(self) -> str:
        """The verdict in words: "Wrong Answer"."""
        return _LABELS[self]


_LABELS = {
    Verdict.AC: "Accepted",
    Verdict.WA: "Wrong Answer",
    Verdict.TLE: "Time Limit Exceeded",
    Verdict.MLE: "Memory Limit Exceeded",
    Verdict.OLE: "Output Limit Exceeded",
    Verdict.RE: "Runtime Error",
    Verdict.CE: "Compile Error",
    Verdict.IE: "Internal Error",
}


class Group(str, enum.Enum):
    """Case groups, in judging order."""

    SAMPLES = "samples"
    PROPERTIES = "properties"
    STRESS = "stress"


@dataclass(frozen=True)
class Limits:
    """Resource limits for one case. Units are in the names; None means no limit."""

    time_s: float
    memory_mib: int
    output_kib: int = 1024
    message_mib: int = 16
    """Largest single protocol message the host reads from the sandbox."""


@dataclass(frozen=True)
class CaseResult:
    """One case as judged. Texts are already truncated and printable (see `shorten`)."""

    group: Group
    index: int
    verdict: Verdict
    time_ms: float | None = None
    wall_ms: float | None = None
    memory_mib: float | None = None
    message: str = ""
    input: str | None = None
    expected: str | None = None
    got: str | None = None
    shrunk: bool = False


@dataclass(frozen=True)
class GroupResult:
    """A group's cases and its share of the score."""

    group: Group
    verdict: Verdict
    weight: float
    score: float
    cases: tuple[CaseResult, ...]
    time_limit_s: float
    time_limit_note: str = ""

    @property
    def max_time_ms(self) -> float | None:
        times = [case.time_ms for case in self.cases if case.time_ms is not None]
        return max(times) if times else None

    @property
    def max_memory_mib(self) -> float | None:
        peaks = [case.memory_mib for case in self.cases if case.memory_mib is not None]
        return max(peaks) if peaks else None


@dataclass(frozen=True)
class SandboxInfo:
    """Which sandbox judged, so a report says how much to trust its isolation."""

    kind: str
    image_id: str | None = None
    notice: str = ""


@dataclass(frozen=True)
class Report:
    """The judgement of one submission against one problem."""

    problem: str
    submission: str
    verdict: Verdict
    score: float
    groups: tuple[GroupResult, ...]
    seed: int
    limits: Limits
    sandbox: SandboxInfo
    judge_version: str
    message: str = ""
    """For CE and IE, which stop before any case: what went wrong, in the user's words."""
    elapsed_s: float = 0.0
    notes: tuple[str, ...] = field(default_factory=tuple)
    debug: str = ""
    """For IE: the judge's own traceback, kept for whoever debugs the judge."""

    @property
    def cases(self) -> tuple[CaseResult, ...]:
        return tuple(case for group in self.groups for case in group.cases)

    @property
    def first_failure(self) -> CaseResult | None:
        return next((case for case in self.cases if not case.verdict.accepted), None)


def overall(verdicts: list[Verdict]) -> Verdict:
    """The first non-AC verdict in judging order, or AC when there is none."""
    return next((verdict for verdict in verdicts if not verdict.accepted), Verdict.AC)


def shorten(text: str, limit: int = 2000) -> str:
    """Truncate a text for a report, saying how much was cut."""
    if len(text) <= limit:
        return text
    head = limit * 3 // 4
    tail = limit - head
    return f"{text[:head]} …[{len(text) - limit} chars cut]… {text[-tail:]}"
