"""The ASGI app of `judge serve`: the page, its assets, the API, behind the guard."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from judge.web import api
from judge.web.jobs import Board
from judge.web.security import Guard, Secrets
from judge.web.service import Service

STATIC = Path(__file__).parent / "static"


async def _page(request: Request) -> Response:
    del request
    return FileResponse(STATIC / "index.html", headers={"cache-control": "no-store"})


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
        middleware=[Middleware(Guard, port=port, keys=keys)],
        lifespan=lifespan,
        max_body_size=api.MAX_BODY_BYTES,
    )
    app.state.service = service
    app.state.board = board
    return app
