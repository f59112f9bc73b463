"""Conditional reads and compression of the API's answers.

:class:`ConditionalGet` gives every 200 answer of a ``GET /api/v1/…`` read an ``ETag`` (a
record's own, or a weak one from the answer's bytes) and ``Cache-Control: no-cache``, and
answers ``If-None-Match`` with that tag by ``304 Not Modified`` and no body: a client polling
an org chart that has not changed gets a few bytes instead of the chart; any other answer of a
read is ``no-store``. :class:`ApiGzip`
compresses the API's answers for a client that accepts gzip; the pages and their static files
are left as they are (the views measure their own loading).

Examples
--------
>>> matches('W/"abc", "def"', '"def"'), matches('"abc"', 'W/"abc"'), matches("*", '"x"')
(True, True, True)
>>> matches('"abc"', '"abd"')
False
"""

from __future__ import annotations

import hashlib

from starlette.datastructures import Headers
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["ApiGzip", "ConditionalGet", "matches"]

_PREFIX = "/api/v1/"
#: Streamed or written to a file by the client: not held to be hashed.
_STREAMED = ("/api/v1/export",)
#: What a 304 keeps of the 200 it stands for (RFC 9110 section 15.4.5).
_KEPT_BY_304 = frozenset({b"etag", b"cache-control", b"vary", b"content-location"})


def matches(if_none_match: str, etag: str) -> bool:
    """Whether ``If-None-Match`` names ``etag``, compared weakly (RFC 9110 section 13.1.2)."""
    wanted = etag.removeprefix("W/")
    return any(tag.strip() == "*" or tag.strip().removeprefix("W/") == wanted
               for tag in if_none_match.split(","))


class ConditionalGet:
    """ASGI middleware: ETag and ``Cache-Control`` on reads, 304 for a tag the client holds."""

    def __init__(self, app: ASGIApp, *, private: bool = False) -> None:
        self.app = app
        # Reads that need a token are no one else's to keep (a shared cache must not).
        self.cache_control = b"private, no-cache" if private else b"no-cache"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI call."""
        if (scope["type"] != "http" or scope["method"] != "GET"
                or not scope["path"].startswith(_PREFIX) or scope["path"].startswith(_STREAMED)):
            await self.app(scope, receive, send)
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def holding(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                await self._answer(scope, start, b"".join(chunks), send)

        await self.app(scope, receive, holding)

    async def _answer(self, scope: Scope, start: Message, body: bytes, send: Send) -> None:
        headers = list(start.get("headers", ()))
        names = {key.lower() for key, _value in headers}
        if start.get("status") != 200:
            # A 404 is cacheable by default (RFC 9111 section 4.2.2): a node created after it
            # would stay missing for a cache that kept it
            if b"cache-control" not in names:
                headers.append((b"cache-control", b"no-store"))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        if b"etag" not in names:
            digest = hashlib.blake2b(body, digest_size=16).hexdigest()
            headers.append((b"etag", f'W/"{digest}"'.encode()))
        if b"cache-control" not in names:
            headers.append((b"cache-control", self.cache_control))
        etag = next(value.decode("latin-1") for key, value in headers if key.lower() == b"etag")
        asked = Headers(scope=scope).get("if-none-match")
        if asked is not None and matches(asked, etag):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(k, v) for k, v in headers if k.lower() in _KEPT_BY_304]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class ApiGzip:
    """ASGI middleware: the API's answers gzipped for a client that accepts it (1 kB and up)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzipped = GZipMiddleware(app, minimum_size=1000)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI call."""
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            await self.gzipped(scope, receive, send)
        else:
            await self.app(scope, receive, send)
