"""Errors as RFC 9457 problem details (``application/problem+json``).

Every error response has ``type``, ``title``, ``status``, ``detail`` and ``instance`` (the
request path); 422 responses add ``errors: [{loc, msg, type}]`` with the field path of each
problem. Domain errors map to statuses here and only here; no stack trace ever reaches a client
(:func:`guard` answers 500 without details and logs the exception).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from orgmodel.contract import AuditEntry, NodeRef
from orgmodel.dataset import NO_ACCOUNTABLE_OWNER
from orgmodel.editing import NodeInUseError, StaleWriteError
from orgmodel.exceptions import (
    DataValidationError,
    NotFoundError,
    OrgModelError,
    StoreUnavailableError,
    StoreWriteFailedError,
    WriteConflictError,
)
from orgmodel.loader import field_meant, got_and_meant
from orgmodel.problem_text import in_danish
from orgmodel.records import NODE_MODELS, RULE_FIELDS, EdgeRecord, edge_key_parts
from orgmodel.resolve import UnknownNodeError, nodes_meant

__all__ = [
    "PROBLEM_JSON",
    "PROBLEM_RESPONSES",
    "ApiProblemError",
    "ErrorItem",
    "LastWrite",
    "ProblemDetails",
    "ProblemGuard",
    "install_error_handlers",
    "problem_response",
    "store_unavailable",
]

PROBLEM_JSON = "application/problem+json"
_TYPE = "urn:orgmodel:problem:"
log = logging.getLogger("api")

_TITLES = {
    400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
    405: "Method not allowed", 409: "Conflict", 412: "Precondition failed",
    413: "Content too large",
    415: "Unsupported media type", 422: "Unprocessable content", 428: "Precondition required",
    500: "Internal server error", 501: "Not implemented", 503: "Service unavailable",
}
_SLUGS = {
    400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found",
    405: "method-not-allowed", 409: "conflict", 412: "stale-write", 413: "too-large",
    415: "unsupported-media-type",
    422: "invalid", 428: "if-match-required", 500: "internal", 501: "not-writable",
    503: "unavailable",
}


class ErrorItem(BaseModel):
    """One problem with the input."""

    loc: list[str | int] = Field(
        description="Where: e.g. [\"body\", \"level\"], [\"query\", \"limit\"], or for a rule "
                    "of the data [\"data\", record id, field].",
        examples=[["body", "level"]])
    msg: str = Field(description="What is wrong.", examples=["Field required"])
    type: str = Field(description="Kind of problem.", examples=["missing"])
    msg_da: str | None = Field(
        None, description="The same in Danish, as `orgmodel validate` says it, where the "
                          "message has a shape it knows (left out otherwise).",
        examples=["påkrævet felt"])

    @model_validator(mode="after")
    def _in_danish(self) -> ErrorItem:
        # An administrator's client may show the Danish the command line shows; the API
        # said its problems in English only.
        if self.msg_da is None and (danish := in_danish(self.msg)) != self.msg:
            self.msg_da = danish
        return self


class LastWrite(BaseModel):
    """The latest write of a record in the audit log: what a 412 met instead of the ETag sent."""

    seq: int = Field(description="Its number in the audit log (GET /api/v1/audit?record=…).")
    at: datetime = Field(description="When it was written (UTC).")
    actor: str = Field(description="Who wrote it (the token's name).")
    action: str = Field(description="create or update.")
    record_key: str = Field(description="The record written: node id or edge key.")
    change: int | None = Field(
        None, description="The seq of the first entry of the write it is part of (a batch's "
                          "entries share it).")
    comment: str | None = Field(None, description="Why, as the writer said (none: not said).")
    not_in_graph: str | None = Field(
        None, description="Why this write is not in the graph, if it is not: an embedded "
                          "store's audit file made again at start skips a write whose record "
                          "the data folder has changed since (the folder's record is the one "
                          "the ETag is checked against).")


class ProblemDetails(BaseModel):
    """An error, as RFC 9457 problem details."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "type": "urn:orgmodel:problem:not-found", "title": "Not found", "status": 404,
        "detail": "no node with id 'unit:nowhere'", "instance": "/api/v1/nodes/unit:nowhere"}]})

    type: str = Field(description="URI of the kind of problem (see docs/api.md).")
    title: str = Field(description="Short summary of the kind of problem.")
    status: int = Field(description="HTTP status code.")
    detail: str = Field(description="What went wrong this time, for a person to read.")
    instance: str = Field(description="The request path.")
    errors: list[ErrorItem] | None = Field(None, description="422 only: every problem found.")
    edges: list[str] | None = Field(
        None, description="409 on a node delete: the edges that still touch the node.")
    operation: int | None = Field(
        None, description="POST /changes: the index of the operation that failed (404, 409, "
                          "412); 422s name it in each error's loc.")
    last_write: LastWrite | None = Field(
        None, description="412 on a record changed since its ETag was read: the latest write "
                          "of it in the audit log, to look up (GET /api/v1/audit?record=…) "
                          "before the change is made again (left out when the log holds none: "
                          "changed by a load or outside the API, or before the log begins).")


def _doc(status: int, description: str) -> dict[str, Any]:
    return {"model": ProblemDetails, "description": description,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}}


#: OpenAPI ``responses`` entries for the problems each kind of route can answer.
PROBLEM_RESPONSES: dict[str, dict[int | str, dict[str, Any]]] = {
    "read": {404: _doc(404, "Unknown id (or not valid on as_of)."),
             401: _doc(401, "A token is required for reads (ORGMODEL_READ_REQUIRES_TOKEN)."),
             422: _doc(422, "Invalid parameters."),
             503: _doc(503, "The store does not answer.")},
    "private": {401: _doc(401, "Missing or invalid bearer token (any of the server's, read "
                               "or write)."),
                404: _doc(404, "Unknown record."),
                422: _doc(422, "Invalid parameters."),
                503: _doc(503, "The store does not answer.")},
    "write": {400: _doc(400, "The body is not UTF-8."),
              401: _doc(401, "Missing or invalid bearer token."),
              403: _doc(403, "The token may not write."),
              404: _doc(404, "Unknown id or key."),
              409: _doc(409, "The record exists already, or edges still touch the node."),
              412: _doc(412, "Stale write: the record changed since the ETag was read."),
              413: _doc(413, "The body is larger than 1 MB."),
              415: _doc(415, "The body is not sent as JSON (Content-Type: application/json)."),
              422: _doc(422, "The record breaks the rules of the data files."),
              428: _doc(428, "If-Match is missing."),
              501: _doc(501, "The store does not take edits."),
              503: _doc(503, "The store does not answer.")},
}


class ApiProblemError(Exception):
    """An HTTP problem raised by the API layer (never by the domain)."""

    def __init__(self, status: int, detail: str, *, headers: dict[str, str] | None = None,
                 errors: list[dict[str, Any]] | None = None) -> None:
        self.status = status
        self.detail = detail
        self.headers = headers or {}
        self.errors = errors  # a 422's: which input is wrong, as every 422 says it
        super().__init__(detail)


def problem_response(
    status: int, detail: str, instance: str, *, headers: dict[str, str] | None = None,
    errors: list[dict[str, Any]] | None = None, **extra: Any,
) -> Response:
    """Build an ``application/problem+json`` response."""
    body = ProblemDetails(type=_TYPE + _SLUGS.get(status, "http"),
                          title=_TITLES.get(status, "Error"), status=status, detail=detail,
                          instance=instance, errors=errors, **extra)
    return Response(body.model_dump_json(exclude_none=True), status_code=status,
                    media_type=PROBLEM_JSON, headers=headers)


def store_unavailable(instance: str,
                      detail: str = "the store does not answer; try again shortly") -> Response:
    """The 503 every path gives when the store cannot be reached (with ``Retry-After``)."""
    return problem_response(503, detail, instance, headers={"Retry-After": "5"})


def _status_of(exc: OrgModelError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, StaleWriteError):
        return 412
    if isinstance(exc, WriteConflictError):  # AlreadyExistsError, NodeInUseError, …
        return 409
    if isinstance(exc, DataValidationError):
        return 422
    if isinstance(exc, StoreUnavailableError):
        return 503
    return 400


def _data_errors(exc: DataValidationError) -> list[dict[str, Any]]:
    return [{"loc": ["data", p.record_id or p.file, *([p.field] if p.field else [])],
             "msg": p.message + _WHERE_TOGETHER.get(p.message, ""), "type": "data_rule"}
            for p in exc.problems]


#: How to make over HTTP what one write alone cannot (the administrator's probe: a task posted
#: alone was refused with no word of the batch that takes it with its accountable owner).
_WHERE_TOGETHER = {
    NO_ACCOUNTABLE_OWNER: ": write the task and its accountable edge (or another in its place) "
                          "together in one POST /api/v1/changes"}


async def _domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, OrgModelError)
    status = _status_of(exc)
    path = request.url.path
    if isinstance(exc, DataValidationError):
        return problem_response(422, "the change breaks the rules of the data files", path,
                                errors=_data_errors(exc))
    if status == 503:
        log.warning("store unavailable: %s", exc)
        return store_unavailable(path, *([str(exc)] if isinstance(exc, StoreWriteFailedError)
                                         else []))
    # In a batch, which operation failed: its index in the detail and as a member of its own.
    detail = str(exc) if exc.operation is None else f"operations[{exc.operation}]: {exc}"
    if isinstance(exc, NotFoundError) and exc.node_id.startswith("COLLABORATES_WITH:") \
            and "#" not in exc.node_id:
        # "#" starts a URL's fragment: a client that did not write it as %23 lost the topic.
        source = edge_key_parts(exc.node_id).source_id
        detail += (f"; a collaboration's key ends in #topic, written %23 in a URL: "
                   f"GET /api/v1/nodes/{source} lists its edges with their keys")
    closest: list[NodeRef] = []
    if isinstance(exc, UnknownNodeError) and not exc.ambiguous:
        closest = list(exc.closest)
    elif type(exc) is NotFoundError:  # a read by an id: not a date, a node in use, …
        closest = await _nodes_meant(request, exc)
    if closest:
        detail += "; did you mean " + ", ".join(f"{n.id!r} ({n.name})" for n in closest) + "?"
    edges = exc.edge_keys if isinstance(exc, NodeInUseError) else None
    last_write = None
    if isinstance(exc, StaleWriteError) and exc.stale:
        last_write = await _last_write(request, exc.key)
        detail += (f"; the latest write of it in the audit log: #{last_write.seq}, "
                   f"{last_write.action} by {last_write.actor} at "
                   f"{last_write.at.isoformat(timespec='seconds')} (GET /api/v1/audit?record="
                   f"{quote(exc.key, safe=':')}); read it again and redo the change"
                   if last_write is not None else
                   "; the audit log holds no write of it (changed by a load or outside the "
                   "API, or before the log begins); read it again and redo the change")
    return problem_response(status, detail, path, edges=edges, operation=exc.operation,
                            last_write=last_write)


async def _last_write(request: Request, key: str) -> LastWrite | None:
    """The latest write of ``key`` in the audit log: what a 412's client did not see.

    A client told only that the record changed since its ETag could not tell what changed it,
    nor find it in the log. Asked after the write failed: a write in between is the latest
    then, and named.
    """
    try:
        handle = await request.app.state.access.handle()
        entries: list[AuditEntry] = await handle.run(
            handle.editor().audit_log, record_key=key, limit=1)
    except Exception:  # without it, the 412 still says what is wrong
        log.debug("no audit entry of %r", key, exc_info=True)
        return None
    if not entries:
        return None
    return LastWrite.model_validate(entries[0].model_dump(
        include=set(LastWrite.model_fields)))


async def _nodes_meant(request: Request, exc: NotFoundError) -> list[NodeRef]:
    """The nodes a read or write may mean by an id no node has: spelt nearly so, or named.

    "/api/v1/chain/post:borgmestr" is told of post:borgmester, as the question "post:borgmestr"
    is, and so is "/api/v1/chain/borgmester", a name where an id was asked. On the date the
    request asks about, if it names one that can be read. An edge's key suggests no node.
    """
    if not exc.node_id.strip() or len(exc.node_id) > 200 or "->" in exc.node_id:
        return []
    try:
        as_of = date.fromisoformat(request.query_params.get("as_of") or "")
    except ValueError:
        as_of = None
    try:
        handle = await request.app.state.access.handle()
        near: list[NodeRef] = await handle.run(nodes_meant, handle.store, exc.node_id,
                                               as_of=as_of)
    except Exception:  # without suggestions, the 404 still says what is wrong
        log.debug("no ids near %r", exc.node_id, exc_info=True)
        return []
    return near


async def _api_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiProblemError)
    return problem_response(exc.status, exc.detail, request.url.path, headers=exc.headers,
                            errors=exc.errors)


def _loc(parts: Any) -> list[str | int]:
    """Return a field path, without the node kind pydantic puts after a node.

    >>> _loc(("body", "operations", 1, "node", "Unit", "level"))
    ['body', 'operations', 1, 'node', 'level']
    """
    loc = [p if isinstance(p, int) else str(p) for p in parts]
    return [part for i, part in enumerate(loc)
            if not (i and part in NODE_MODELS and loc[i - 1] in ("body", "node"))]


def _rule_field(error: Any) -> list[str | int]:
    """The field a record-level error is about, to add to its ``loc`` (the loader does so).

    >>> _rule_field({"type": "value_error", "loc": ("body",),
    ...              "msg": "Value error, valid_to 2020-01-01 is before valid_from 2021-01-01"})
    ['valid_to']
    >>> _rule_field({"type": "missing", "loc": ("body", "name"), "msg": "Field required"})
    []
    """
    if error.get("type") in ("union_tag_not_found", "union_tag_invalid"):
        return ["kind"]
    at_record = _loc(error.get("loc", ()))[-1:] in (["body"], ["node"], ["edge"])
    if error.get("type") != "value_error" or not at_record:
        return []
    named: list[str | int] = [f for f in RULE_FIELDS if f in str(error.get("msg", ""))]
    return named[:1]


# Errors of a value's kind or choice: what it got is said with them. Not these, whose input is
# a whole body or object.
_NOT_A_VALUE = frozenset({"model_type", "dict_type", "model_attributes_type"})


def _unknown_field_meant(error: Any, edge_path: bool) -> str:
    """" (did you mean 'name'?)" after an unknown field of a node or an edge, as validate says.

    The node's model is named in the error's loc (its kind); an edge's by the path, or by an
    operation's "edge" in a batch.
    """
    if error.get("type") != "extra_forbidden" or not (loc := list(error.get("loc", ()))):
        return ""
    kind = next((part for part in loc if isinstance(part, str) and part in NODE_MODELS), None)
    model = NODE_MODELS[kind] if kind else (
        EdgeRecord if edge_path or "edge" in loc[:-1] else None)
    return field_meant(str(loc[-1]), model) if model else ""


def _message(error: Any) -> str:
    """An error's message, with where the JSON broke when it did not parse.

    >>> _message({"type": "union_tag_not_found", "loc": ("body",),
    ...           "msg": "Unable to extract tag using discriminator 'kind'"})[:39]
    'kind is missing: a node is one of Asset'
    >>> _message({"type": "union_tag_invalid", "loc": ("body",), "ctx": {"tag": "Robot"},
    ...           "msg": "Input tag 'Robot' found using 'kind' does not match …"})[:45]
    "'Robot' is no kind of node: a node is one of "
    """
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    if error.get("type") == "union_tag_not_found":  # pydantic's words name no field
        return f"kind is missing: a node is one of {', '.join(sorted(NODE_MODELS))}"
    if error.get("type") == "union_tag_invalid":  # ... nor say it in Danish
        return (f"{(error.get('ctx') or {}).get('tag', '')!r} is no kind of node: a node is one "
                f"of {', '.join(sorted(NODE_MODELS))}")
    kind = str(error.get("type", ""))
    if (kind in ("literal_error", "enum") or kind.endswith(("_parsing", "_type"))) and (
            kind not in _NOT_A_VALUE and "input" in error
            and not isinstance(error["input"], dict | list)):  # got and meant, as validate says
        return message + got_and_meant(error["input"],
                                       str((error.get("ctx") or {}).get("expected", "")))
    if error.get("type") != "json_invalid":
        return message
    why = (error.get("ctx") or {}).get("error")
    at = list(error.get("loc", ()))[-1:]  # FastAPI puts the offset where it broke last
    return message + (f": {why}" if why else "") + (
        f" (at character {at[0]})" if at and isinstance(at[0], int) else "")


async def _request_invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    edges = request.url.path.endswith("/edges") or "/edges/" in request.url.path
    errors = [{"loc": _loc(e.get("loc", ())) + _rule_field(e),
               "msg": _message(e) + _unknown_field_meant(e, edges),
               "type": str(e.get("type", "invalid"))} for e in exc.errors()]
    return problem_response(422, "the request is not valid; see errors", request.url.path,
                            errors=errors)


#: What FastAPI says of a body it cannot decode (not UTF-8, say) before it is JSON.
_UNREADABLE_BODY = "There was an error parsing the body"


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "Error")
    if exc.status_code == 400 and detail == _UNREADABLE_BODY:  # FastAPI's words: say why
        detail = "the body cannot be read: send JSON, in UTF-8"
    headers = dict(exc.headers or {})
    if exc.status_code == 405:  # Starlette names the first route's methods; the path has more
        headers["Allow"] = ", ".join(allowed_methods(request))
        if detail == "Method Not Allowed":
            detail = f"{request.method} is not taken here; this path takes {headers['Allow']}"
    path = request.url.path
    if exc.status_code == 404 and detail == "Not Found" and len(path) > 1 and path.endswith("/") \
            and route_takes(request.app.router.routes, {**request.scope,
                                                         "path": path.rstrip("/")}):
        # To the path meant, by a relative Location: Starlette's own redirect went to an
        # absolute http:// URL, wrong behind a TLS proxy.
        query = request.url.query
        return Response(status_code=307, headers={
            "Location": path.rstrip("/") + (f"?{query}" if query else "")})
    return problem_response(exc.status_code, detail, path, headers=headers)


def route_takes(routes: Sequence[BaseRoute], scope: Scope) -> bool:
    """Whether one of ``routes`` takes the request ``scope`` describes (its path and method)."""
    return any(route.matches(scope)[0] is Match.FULL for route in routes)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route takes at the request's path (HEAD wherever GET is)."""
    # Asked of the router for each method: FastAPI keeps included routers as routes of their
    # own, which match a request but do not list their methods.
    routes = request.app.router.routes
    methods = {method for method in ("DELETE", "GET", "PATCH", "POST", "PUT")
               if route_takes(routes, {**request.scope, "method": method})}
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


async def _timeout(request: Request, exc: Exception) -> Response:
    log.warning("store call timed out: %s %s", request.method, request.url.path)
    return store_unavailable(request.url.path,
                             "the store did not answer in time; try again shortly")


def install_error_handlers(app: FastAPI) -> None:
    """Map every error the API can meet to a problem response."""
    app.add_exception_handler(OrgModelError, _domain_error)
    app.add_exception_handler(ApiProblemError, _api_problem)
    app.add_exception_handler(RequestValidationError, _request_invalid)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(TimeoutError, _timeout)


#: Records are small; a body larger than this is refused before anything reads it.
MAX_BODY_BYTES = 1_000_000
_TOO_LARGE = f"bodies are limited to {MAX_BODY_BYTES} bytes"


class ProblemGuard:
    """ASGI middleware: an unexpected exception answers a bare 500 problem and is logged.

    It also refuses bodies larger than :data:`MAX_BODY_BYTES` (413): one declared larger
    before the request is read, so a client without a token cannot make the server buffer
    it, and one sent in chunks (no length declared) as soon as what arrived passes the limit.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI call."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and (not value.isdigit()
                                              or int(value) > MAX_BODY_BYTES):
                response = problem_response(413, _TOO_LARGE, str(scope.get("path", "")))
                await response(scope, receive, send)
                return
        started = False
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_BODY_BYTES:  # FastAPI passes an HTTP error from here through
                raise StarletteHTTPException(413, _TOO_LARGE)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            response = problem_response(500, "the server met an unexpected error",
                                        str(scope.get("path", "")))
            await response(scope, receive, send)
