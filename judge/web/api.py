"""The page's HTTP API: JSON in and out, and a server-sent event stream per judgement.

Each handler reads the request, calls `Service` (or the job board) and turns the library's
errors into statuses: an unknown problem or job is 404, a request the library refuses
(`UsageError`: a second running set, bad filters) is 400 with its message.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from judge.core.errors import UsageError
from judge.web import jobs
from judge.web.service import NotFound, Service

MAX_BODY_BYTES = 512 * 1024
POLL_S = 0.05
"""How often an event stream looks for new events (the worker thread appends them)."""
KEEPALIVE_S = 15.0

Handler = Callable[[Request], Awaitable[Response]]


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def _board(request: Request) -> jobs.Board:
    board: jobs.Board = request.app.state.board
    return board


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status, headers={"cache-control": "no-store"})


def _guarded(handler: Handler) -> Handler:
    async def handle(request: Request) -> Response:
        try:
            return await handler(request)
        except NotFound as missing:
            return _json({"error": str(missing.args[0] if missing.args else missing)}, 404)
        except UsageError as refused:
            return _json({"error": str(refused)}, 400)

    return handle


async def _body(request: Request) -> dict[str, Any]:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise UsageError("send JSON (Content-Type: application/json)")
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise UsageError(f"the request is over {MAX_BODY_BYTES // 1024} KiB")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise UsageError("the request is not valid JSON") from None
    if not isinstance(data, dict):
        raise UsageError("the request must be a JSON object")
    return data


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise UsageError(f"{name} must be a string")
    return value


async def _in_thread(function: Callable[..., Any], *args: Any) -> Any:
    """The library's calls touch SQLite and files: off the event loop."""
    return await asyncio.to_thread(function, *args)


# --- handlers ------------------------------------------------------------------------------
async def catalogue(request: Request) -> Response:
    return _json(await _in_thread(_service(request).catalogue))


async def problem(request: Request) -> Response:
    slug = request.path_params["slug"]
    page = await _in_thread(_service(request).problem_page, slug)
    latest = _board(request).latest(slug)
    return _json({**page, "last_job": latest.summary() if latest else None})


async def attempts(request: Request) -> Response:
    return _json(await _in_thread(_service(request).attempts, request.path_params["slug"]))


async def start_job(request: Request) -> Response:
    slug = request.path_params["slug"]
    _service(request).problem(slug)
    data = await _body(request)
    try:
        mode = jobs.Mode(data.get("mode"))
    except ValueError:
        raise UsageError("mode must be 'run' or 'submit'") from None
    job = _board(request).submit(jobs.Request(slug, _text(data, "code"), mode))
    return _json(job.summary(), 202)


async def save(request: Request) -> Response:
    data = await _body(request)
    saved = await _in_thread(
        _service(request).save, request.path_params["slug"], _text(data, "code")
    )
    return _json({"saved": saved})


def _job(request: Request) -> jobs.Job:
    job = _board(request).get(request.path_params["job"])
    if job is None:
        raise NotFound("no such judgement (the server keeps the last 100)")
    return job


async def job(request: Request) -> Response:
    return _json(_job(request).summary())


async def cancel(request: Request) -> Response:
    found = _job(request)
    _board(request).cancel(found)
    return _json(found.summary(), 202)


async def events(request: Request) -> Response:
    """Server-sent events: every event of the job after Last-Event-ID, until it is over."""
    found = _job(request)
    try:
        last = int(request.headers.get("last-event-id", "-1"))
    except ValueError:
        last = -1

    async def stream() -> AsyncIterator[str]:
        seen, quiet = last, 0.0
        while True:
            fresh = found.events_after(seen)
            for event in fresh:
                yield f"id: {event.number}\nevent: {event.name}\ndata: {json.dumps(event.data)}\n\n"
                seen = event.number
            if found.state.over and not found.events_after(seen):
                return  # `over` is set after the last event is out (see `Board._end`)
            if await request.is_disconnected():
                return
            quiet = 0.0 if fresh else quiet + POLL_S
            if quiet >= KEEPALIVE_S:
                yield ": keep-alive\n\n"
                quiet = 0.0
            await asyncio.sleep(POLL_S)

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"cache-control": "no-store", "x-accel-buffering": "no"},
    )


async def current_set(request: Request) -> Response:
    return _json({"set": await _in_thread(_service(request).current_set)})


async def start_set(request: Request) -> Response:
    data = await _body(request)
    return _json({"set": await _in_thread(_service(request).start_set, data)}, 201)


async def finish_set(request: Request) -> Response:
    return _json({"set": await _in_thread(_service(request).finish_set)})


async def stats(request: Request) -> Response:
    return _json(await _in_thread(_service(request).stats))


ROUTES = [
    Route("/api/problems", _guarded(catalogue)),
    Route("/api/problems/{slug}", _guarded(problem)),
    Route("/api/problems/{slug}/attempts", _guarded(attempts)),
    Route("/api/problems/{slug}/jobs", _guarded(start_job), methods=["POST"]),
    Route("/api/problems/{slug}/code", _guarded(save), methods=["PUT"]),
    Route("/api/jobs/{job}", _guarded(job)),
    Route("/api/jobs/{job}/events", _guarded(events)),
    Route("/api/jobs/{job}/cancel", _guarded(cancel), methods=["POST"]),
    Route("/api/set", _guarded(current_set)),
    Route("/api/set", _guarded(start_set), methods=["POST"]),
    Route("/api/set/finish", _guarded(finish_set), methods=["POST"]),
    Route("/api/stats", _guarded(stats)),
]
