"""Judgements the page asks for, run one at a time on a worker thread, streamed as events.

A job's events are what the page's stream replays: `state` when it starts, one `case` per
case judged (shrinking steps included, marked), then exactly one of `done` (the report),
`cancelled` or `failed` (the server's own trouble: a broken package, a running set that
refuses the submission). Events are numbered, so a page that reloads mid-judgement asks for
the ones after the last it saw. Finished jobs stay for the page to show again after a
reload, up to `KEEP` of them.
"""

from __future__ import annotations

import enum
import itertools
import logging
import secrets
import threading
import traceback
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from judge.core.watch import Cancelled, Watch
from judge.reports.json import case_to_dict

KEEP = 100
"""Finished jobs kept in memory (the reports a reload can show again)."""

log = logging.getLogger(__name__)


class Mode(str, enum.Enum):
    RUN = "run"
    """The worked examples only: a quick check while writing."""
    SUBMIT = "submit"
    """The whole judgement (recorded when the problem is in the running practice set)."""


class State(str, enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"
    FAILED = "failed"

    @property
    def over(self) -> bool:
        return self in (State.DONE, State.CANCELLED, State.FAILED)


@dataclass(frozen=True)
class Event:
    number: int
    name: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Request:
    slug: str
    code: str
    mode: Mode


class JobFailed(Exception):
    """Why a job could not be judged, in words for the page (not the submission's fault)."""


Work = Callable[[Request, Watch], dict[str, Any]]
"""Judges a request under a watch and returns the `done` event's data (the report)."""


@dataclass
class Job:
    id: str
    request: Request
    watch: Watch
    state: State = State.QUEUED
    events: list[Event] = field(default_factory=list)
    result: dict[str, Any] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def emit(self, name: str, data: dict[str, Any]) -> None:
        with self._lock:
            self.events.append(Event(len(self.events), name, data))

    def events_after(self, number: int) -> list[Event]:
        with self._lock:
            return self.events[number + 1 :]

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "slug": self.request.slug,
            "mode": self.request.mode.value,
            "state": self.state.value,
            "result": self.result,
        }


class Board:
    """Every job of this server: queued, running and the last `KEEP` finished ones."""

    def __init__(self, work: Work) -> None:
        self._work = work
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._counter = itertools.count(1)
        # One judgement at a time: each already uses the machine's cores (a container, the
        # reference, Hypothesis), and time limits mean more on a quiet machine.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="judge-job")

    def submit(self, request: Request) -> Job:
        job = Job(f"{next(self._counter)}-{secrets.token_hex(4)}", request, Watch())
        job.watch.on_case = lambda case: job.emit("case", case_to_dict(case))
        with self._lock:
            self._jobs[job.id] = job
            finished = [key for key, old in self._jobs.items() if old.state.over]
            for key in finished[: max(0, len(finished) - KEEP)]:
                del self._jobs[key]
        job.emit("state", {"state": State.QUEUED.value})
        self._worker.submit(self._run, job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def latest(self, slug: str) -> Job | None:
        with self._lock:
            mine = [job for job in self._jobs.values() if job.request.slug == slug]
        return mine[-1] if mine else None

    def cancel(self, job: Job) -> None:
        """Stop the job: at once when queued, before its next request when running."""
        job.watch.cancel()

    def shutdown(self) -> None:
        with self._lock:
            jobs = list(self._jobs.values())
        for job in jobs:
            job.watch.cancel()
        self._worker.shutdown(wait=True)

    def _run(self, job: Job) -> None:
        if job.watch.cancelled:
            self._end(job, State.CANCELLED, {})
            return
        job.state = State.RUNNING
        job.emit("state", {"state": State.RUNNING.value})
        try:
            result = self._work(job.request, job.watch)
        except Cancelled:
            self._end(job, State.CANCELLED, {})
        except JobFailed as failure:
            self._end(job, State.FAILED, {"message": str(failure)})
        except Exception as error:  # the server's own fault: say so, keep the traceback
            log.exception("job %s failed", job.id)
            message = f"the judge failed: {type(error).__name__}: {error}"
            self._end(job, State.FAILED, {"message": message, "debug": traceback.format_exc()})
        else:
            self._end(job, State.DONE, result)

    def _end(self, job: Job, state: State, data: dict[str, Any]) -> None:
        job.result = data
        job.emit(state.value, data)
        job.state = state  # last: a stream that sees the job over has its final event
