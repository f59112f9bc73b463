"""Shaping responses: pydantic models serialised once, ETags and Location headers."""

from __future__ import annotations

from pydantic import BaseModel
from starlette.responses import Response

__all__ = ["respond"]


def respond(model: BaseModel, *, status_code: int = 200, etag: str | None = None,
            location: str | None = None) -> Response:
    """Return ``model`` as JSON (by alias), with an ``ETag`` and ``Location`` if given."""
    headers = {}
    if etag is not None:
        headers["ETag"] = f'"{etag}"'
    if location is not None:
        headers["Location"] = location
    return Response(model.model_dump_json(by_alias=True), status_code=status_code,
                    headers=headers, media_type="application/json")
