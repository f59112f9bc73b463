"""Shaping responses: pydantic models serialised once, ETags and Location headers; HEAD."""

from __future__ import annotations

from pydantic import BaseModel
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["HeadAsGet", "respond"]


def record_tag(sent: str) -> str:
    """The record's ETag in a tag a client sends back (If-Match), quotes and all.

    A node's read tags its answer: the record's ETag, a dash, then a digest of what the
    answer holds besides the record (its edges on the date). A write checks the record's.

    >>> record_tag('"3f2a-9b1c"'), record_tag("3f2a")
    ('3f2a', '3f2a')
    """
    return sent.strip().strip('"').split("-", 1)[0]


def respond(model: BaseModel, *, status_code: int = 200, etag: str | None = None,
            location: str | None = None, more: dict[str, str] | None = None) -> Response:
    """Return ``model`` as JSON (by alias), with an ``ETag``, ``Location`` and ``more`` headers."""
    headers = dict(more or {})
    if etag is not None:
        headers["ETag"] = f'"{etag}"'
    if location is not None:
        headers["Location"] = location
    return Response(model.model_dump_json(by_alias=True), status_code=status_code,
                    headers=headers, media_type="application/json")


class HeadAsGet:
    """ASGI middleware: HEAD answered as GET, headers only (RFC 9110 section 9.3.2).

    FastAPI routes take the methods they declare, and ours declare GET alone; link checkers
    and caches ask with HEAD, and got 405 from every page and query.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI call."""
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
