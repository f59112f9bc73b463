"""What the OpenAPI document says of HTTP beside the bodies: conditional reads and write headers.

The middleware (:mod:`api.conditional`) gives every read an ``ETag`` and answers
``If-None-Match`` with ``304 Not Modified``; a create answers ``Location``; a write with a body
that is not UTF-8 is a 400; a ``PATCH`` takes ``application/json`` as a merge patch too. None of
this was in the document: a client generated from it treated a 304 as an error and could not
read an ETag by contract (the API client's probe). A property that may be null is documented
as optional, as FastAPI leaves nulls out of the document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

__all__ = ["document_http"]

_PREFIX = "/api/v1/"
_STREAMED = ("/api/v1/export",)
_MERGE_PATCH = "application/merge-patch+json"
_HEADER = {"schema": {"type": "string"}}
_ETAG = {"ETag": {**_HEADER, "description": "The answer's version: send it back in "
                                            "If-None-Match (a read) or If-Match (a write)."}}
_IF_NONE_MATCH = {"name": "If-None-Match", "in": "header", "required": False,
                  "schema": {"type": "string"},
                  "description": "An ETag this answer had: 304 Not Modified while it is the "
                                 "same."}
_NOT_MODIFIED = {"description": "Not Modified: the answer is still the one whose ETag was "
                                "sent (no body).",
                 "headers": {**_ETAG, "Cache-Control": _HEADER}}


def document_http(app: FastAPI) -> None:
    """Add the headers, the 304 and the media types the API answers to its OpenAPI document."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        schema = build()
        for path, operations in schema.get("paths", {}).items():
            for method, operation in operations.items():
                _document(path, method, operation)
        for component in schema.get("components", {}).get("schemas", {}).values():
            _nullable_optional(component)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _document(path: str, method: str, operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    if method == "get" and path.startswith(_PREFIX) and not path.startswith(_STREAMED):
        parameters = operation.setdefault("parameters", [])
        if not any(p.get("name") == "If-None-Match" for p in parameters):
            parameters.append(dict(_IF_NONE_MATCH))
        responses.setdefault("304", _NOT_MODIFIED)
        if "200" in responses:
            responses["200"].setdefault("headers", {}).update(
                {**_ETAG, "Cache-Control": _HEADER})
    if method in ("post", "put", "patch"):
        for status in ("200", "201"):
            if status in responses:
                headers = responses[status].setdefault("headers", {})
                headers.update(_ETAG)
                if status == "201":
                    headers["Location"] = {**_HEADER, "description": "Where the record is."}
    content = operation.get("requestBody", {}).get("content", {})
    if method == "patch" and _MERGE_PATCH in content:
        content.setdefault("application/json", content[_MERGE_PATCH])


def _nullable_optional(component: dict[str, Any]) -> None:
    """A property that may be null is not required in ``component``'s schema.

    FastAPI leaves every null out of the document, its examples' too: an edge's ``role_en``,
    null where it has no role, was required, and the examples that had it null broke their
    own schema (a mock server or contract test built from them failed). The API sends such a
    property, null or not.
    """
    properties = component.get("properties", {})
    required = [name for name in component.get("required", []) if not any(
        option.get("type") == "null" for option in properties.get(name, {}).get("anyOf", []))]
    if "required" in component:
        component["required"] = required
