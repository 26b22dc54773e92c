"""Where practice gets the time: injected, so tests can move time on without sleeping.

Every instant the practice code handles is a timezone-aware UTC `datetime`; naive times never
enter the history, so a set started before a daylight-saving change or a flight still ends
when it should.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    """What practice needs of time: the present instant, and a way to wait."""

    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""

    def sleep(self, seconds: float) -> None:
        """Wait (the live countdown's tick); a fake clock moves itself on instead."""


@dataclass(frozen=True)
class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass
class ManualClock:
    """A clock that moves only when told to (tests, demos). `sleep` advances it."""

    current: datetime = field(
        default_factory=lambda: datetime(2030, 1, 1, 9, 0, tzinfo=timezone.utc)
    )

    def __post_init__(self) -> None:
        if self.current.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware datetime")
        self.current = self.current.astimezone(timezone.utc)

    def now(self) -> datetime:
        return self.current

    def sleep(self, seconds: float) -> None:
        self.advance(seconds=seconds)

    def advance(self, *, minutes: float = 0.0, seconds: float = 0.0) -> None:
        self.current += timedelta(minutes=minutes, seconds=seconds)
