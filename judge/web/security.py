"""The guard in front of every request: a local app that runs code must not be a door.

Jupyter's token model. `judge serve` prints a URL with a random token; the first request
that carries it gets an HttpOnly, SameSite=Strict cookie (a second secret, so the token in
the browser's history is worth nothing once traded) and is redirected to the bare URL.
Every request after that needs the cookie, and:

- its Host header must name this server (127.0.0.1 or localhost at its port), so that a
  DNS-rebinding page on another name cannot reach it;
- a request that changes anything (any method but GET and HEAD) must also carry an Origin
  header of this server: another site's form or script is refused even if the browser
  were to send the cookie;
- every response forbids framing, sniffing and referrers, and the page may load scripts,
  styles and data only from this server (Content-Security-Policy 'self').
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "judge_session"
SAFE_METHODS = frozenset({"GET", "HEAD"})


def csp(style_nonce: str = "") -> str:
    """The Content-Security-Policy: everything from this server only. The page's response
    adds a fresh nonce for the one <style> element its editor writes (CodeMirror's theme);
    scripts never get one."""
    styles = f"'self' 'nonce-{style_nonce}'" if style_nonce else "'self'"
    return (
        f"default-src 'self'; script-src 'self'; style-src {styles}; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


HEADERS = (
    (b"content-security-policy", csp().encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


@dataclass(frozen=True)
class Secrets:
    """The URL's token and the cookie it is traded for: fresh for every `judge serve`."""

    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    cookie: str = field(default_factory=lambda: secrets.token_urlsafe(32))


class Guard:
    """ASGI middleware that applies the rules in the module docstring to HTTP requests."""

    def __init__(self, app: App, port: int, keys: Secrets) -> None:
        self.app = app
        self.keys = keys
        self.hosts = frozenset({f"127.0.0.1:{port}", f"localhost:{port}"})
        self.origins = frozenset(f"http://{host}" for host in self.hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan: not a request
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        if headers.get("host") not in self.hosts:
            await _refuse(send, 421, "this server answers only to 127.0.0.1 and localhost")
            return
        token = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [""])[0]
        if token and secrets.compare_digest(token, self.keys.token):
            await self._trade(send)
            return
        if not self._has_cookie(headers):
            await _refuse(
                send, 403, "open the URL `judge serve` printed (it carries the access token)"
            )
            return
        if scope["method"] not in SAFE_METHODS and headers.get("origin") not in self.origins:
            await _refuse(send, 403, "cross-origin request refused")
            return
        await self.app(scope, receive, _with_headers(send))

    def _has_cookie(self, headers: dict[str, str]) -> bool:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(headers.get("cookie", ""))
        except Exception:  # a malformed Cookie header is simply no cookie
            return False
        morsel = jar.get(COOKIE)
        return morsel is not None and secrets.compare_digest(morsel.value, self.keys.cookie)

    async def _trade(self, send: Send) -> None:
        """The token for the cookie, then the app's root without the token in its URL
        (always the root: a path from the request could be `//elsewhere`, a redirect out)."""
        cookie = f"{COOKIE}={self.keys.cookie}; HttpOnly; SameSite=Strict; Path=/"
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [
                    (b"location", b"/"),
                    (b"set-cookie", cookie.encode()),
                    (b"cache-control", b"no-store"),
                    *HEADERS,
                ],
            }
        )
        await send({"type": "http.response.body", "body": b""})


def _headers(scope: Scope) -> dict[str, str]:
    """The request's headers by lower-case name; a repeated header keeps its first value."""
    found: dict[str, str] = {}
    for name, value in scope.get("headers", ()):
        found.setdefault(name.decode("latin-1").lower(), value.decode("latin-1"))
    return found


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {name.lower() for name, _ in message.get("headers", ())}
            extra = [(name, value) for name, value in HEADERS if name not in present]
            message["headers"] = [*message.get("headers", ()), *extra]
        await send(message)

    return sending


async def _refuse(send: Send, status: int, why: str) -> None:
    body = f"{status}: {why}\n".encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
