"""Answers of read requests kept per version of the embedded store.

The embedded store changes only by writes through this process, and numbers its versions
(``EditableMemoryStore.version``). :class:`ResponseCache` keeps the 200 answers of
``GET /api/v1/…`` reads (not the audit log or the export) by path, query and today's date
(the default ``as_of``), and serves them again while the version is the same; a write makes a
new version and the kept answers are dropped. An answer is only kept if no write happened
while it was computed. Stores without versions (Neo4j, which other processes may change) are
never cached, and neither are reads that need a token.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["ResponseCache"]

_PREFIX = "/api/v1/"
_NOT_CACHED = ("/api/v1/audit", "/api/v1/export")
_KEPT_HEADERS = frozenset({b"content-type", b"content-length", b"etag"})
_MAX_BODY = 1_000_000


class ResponseCache:
    """ASGI middleware replaying read answers of the current store version (see module)."""

    def __init__(self, app: ASGIApp, size: int) -> None:
        self.app = app
        self.size = size
        self._version: object = None
        self._kept: OrderedDict[tuple[str, bytes, date], tuple[list[Any], bytes]] = OrderedDict()

    def _current_version(self, scope: Scope) -> object:
        state = scope["app"].state
        if state.settings.read_requires_token:
            return None
        handle = state.access.current
        return getattr(handle.store, "version", None) if handle is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI call."""
        if (scope["type"] != "http" or scope["method"] != "GET" or self.size <= 0
                or not scope["path"].startswith(_PREFIX)
                or scope["path"].startswith(_NOT_CACHED)):
            await self.app(scope, receive, send)
            return
        version = self._current_version(scope)
        if version is None:
            await self.app(scope, receive, send)
            return
        if version != self._version:
            self._kept.clear()
            self._version = version
        key = (scope["path"], scope["query_string"], date.today())
        kept = self._kept.get(key)
        if kept is not None:
            headers, body = kept
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def keeping_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keeping_send)
        body = b"".join(chunks)
        if (start.get("status") == 200 and len(body) <= _MAX_BODY
                and self._current_version(scope) == version == self._version):
            headers = [(k, v) for k, v in start.get("headers", ()) if k.lower() in _KEPT_HEADERS]
            self._kept[key] = (headers, body)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
