"""Answers of read requests kept per version of the store.

:class:`ResponseCache` keeps the 200 answers of ``GET /api/v1/…`` reads (not the audit log or
the export) by path, query and today's date (the default ``as_of``), and serves them again
while the store is at the same version; any write makes a new version and the kept answers
are dropped. Reads that need a token are never kept.

* The embedded store changes only by writes through this process and numbers its versions
  (``EditableMemoryStore.version``): checking costs nothing, and an answer is only kept if no
  write happened while it was computed.
* Neo4j may be changed by other processes, so its version (``Neo4jStore.graph_version``) is
  read from the server for every request, one read shared by the requests that arrive
  meanwhile (:mod:`api.versions`). The read begins after the request arrived, so a replayed
  answer is never older than the request. If the store does not answer, the request gets the
  same 503 a store call would give, within the same deadline.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import store_unavailable
from orgmodel.exceptions import StoreUnavailableError

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

    @staticmethod
    async def _current_version(scope: Scope) -> object:
        state = scope["app"].state
        if state.settings.read_requires_token:
            return None
        handle = state.access.current
        return None if handle is None else await handle.version()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI call."""
        if (scope["type"] != "http" or scope["method"] != "GET" or self.size <= 0
                or not scope["path"].startswith(_PREFIX)
                or scope["path"].startswith(_NOT_CACHED)):
            await self.app(scope, receive, send)
            return
        try:
            version = await self._current_version(scope)
        except (StoreUnavailableError, TimeoutError):
            await store_unavailable(scope["path"])(scope, receive, send)
            return
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
                and await self._unchanged(scope, version)):
            headers = [(k, v) for k, v in start.get("headers", ()) if k.lower() in _KEPT_HEADERS]
            self._kept[key] = (headers, body)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)

    async def _unchanged(self, scope: Scope, version: object) -> bool:
        """Whether the answer just computed belongs to ``version``, the one still kept."""
        if version != self._version:
            return False
        handle = scope["app"].state.access.current
        if handle is None or not handle.local:
            # A remote store's version was read after the request arrived, and versions only
            # grow: an answer read later is of that version or a newer one, and a newer one
            # never comes back as current, so the answer is never replayed for a wrong one.
            return True
        return await self._current_version(scope) == version
