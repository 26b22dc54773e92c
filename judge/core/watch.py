"""Following a judgement while it runs: each case as it is judged, and a way to stop it.

The CLI needs neither; the web app streams every case to the page and has a Cancel button.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from judge.core.verdict import CaseResult


class Cancelled(BaseException):
    """The judgement was cancelled through its `Watch`. A BaseException, like
    KeyboardInterrupt, so that neither the engine's IE handler nor Hypothesis' shrinking
    takes it for a failure to report: it reaches the caller, with every sandbox closed."""


def _ignore(result: CaseResult) -> None:
    del result


@dataclass
class Watch:
    """Given to `judge`: `on_case` hears of every case judged, in order (shrinking steps
    too, marked `shrunk`), on the judging thread; `cancel()` may be called from any thread
    and stops the judgement before its next request to the sandbox, so at worst after the
    running case's time limit."""

    on_case: Callable[[CaseResult], None] = _ignore
    _stop: threading.Event = field(default_factory=threading.Event, repr=False)

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Raise `Cancelled` once `cancel()` was called."""
        if self._stop.is_set():
            raise Cancelled()
