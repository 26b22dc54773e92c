"""The ASGI app of `judge serve`: the page, its assets, the API, behind the guard."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from judge.web import api
from judge.web.jobs import Board
from judge.web.security import Guard, Secrets, csp
from judge.web.service import Service

STATIC = Path(__file__).parent / "static"


PAGE = (STATIC / "index.html").read_text(encoding="utf-8")


async def _page(request: Request) -> Response:
    """The page, with a fresh style nonce in its CSP and in the page for the editor."""
    del request
    nonce = secrets.token_urlsafe(16)
    headers = {"cache-control": "no-store", "content-security-policy": csp(nonce)}
    return HTMLResponse(PAGE.replace("{{nonce}}", nonce), headers=headers)


def create_app(service: Service, port: int, keys: Secrets) -> Starlette:
    """The app for a server on 127.0.0.1:`port`. Its lifespan's end cancels every job and
    waits for the running one to stop (before its next request to the sandbox)."""
    board = Board(service.judge)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        del app
        yield
        await asyncio.to_thread(board.shutdown)

    app = Starlette(
        routes=[
            Route("/", _page),
            *api.ROUTES,
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        # The guard first (outermost): nothing, not even compression, runs for a refused
        # request. Event streams are never compressed (Starlette leaves them alone).
        middleware=[Middleware(Guard, port=port, keys=keys), Middleware(GZipMiddleware)],
        lifespan=lifespan,
        max_body_size=api.MAX_BODY_BYTES,
    )
    app.state.service = service
    app.state.board = board
    return app
