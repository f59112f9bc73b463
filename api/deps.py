"""Every dependency of the routes, as an ``Annotated`` alias in one place.

Dependencies are ``async`` so FastAPI runs them on the event loop, not in a thread per call.
"""

from __future__ import annotations

import json
from datetime import date
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from fastapi import Depends, Header, Path, Query, Request, params
from fastapi.dependencies.utils import get_flat_params
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import TypeAdapter, ValidationError, WithJsonSchema

from api.errors import ApiProblemError
from api.responses import record_tag
from api.runtime import StoreHandle
from api.security import Caller, TokenBook, bearer_token
from api.settings import Settings
from orgmodel.records import BlankOrIsoDate, ChangeComment

_AS_OF: TypeAdapter[date | None] = TypeAdapter(BlankOrIsoDate)

__all__ = [
    "AsOf",
    "EdgeKeyPath",
    "IfMatch",
    "NodeIdPath",
    "PostIdPath",
    "PrivateStoreDep",
    "ReadStoreDep",
    "SettingsDep",
    "StoreDep",
    "WriterDep",
    "edge_id_given",
    "get_read_store",
    "known_query_parameters",
    "same_key",
]

bearer = HTTPBearer(auto_error=False, description="A token from ORGMODEL_WRITE_TOKENS (writes) "
                    "or ORGMODEL_READ_TOKENS (reads, when ORGMODEL_READ_REQUIRES_TOKEN is on).")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


async def get_settings(request: Request) -> Settings:
    """Return the app's settings."""
    settings: Settings = request.app.state.settings
    return settings


async def get_store(request: Request) -> StoreHandle:
    """Return the open store (503 while it cannot be reached)."""
    handle: StoreHandle = await request.app.state.access.handle()
    return handle


async def get_read_store(request: Request) -> StoreHandle:
    """Return the open store for a read, checking the token first if reads require one.

    One dependency for both, reading the header by hand, because each dependency costs time
    on every request; the OpenAPI schema declares read security only when reads need a token
    (see :func:`api.app.create_app`).
    """
    app_state = request.app.state
    if app_state.settings.read_requires_token:
        tokens: TokenBook = app_state.tokens
        tokens.caller(bearer_token(request.headers.get("authorization")))
    handle: StoreHandle = await app_state.access.handle()
    return handle


async def get_private_store(request: Request, credentials: Credentials) -> StoreHandle:
    """Return the open store for what only a known caller may read: 401 without a token.

    The audit log keeps what was written, also of records deleted since (a person removed
    from the data is still in the log), and the export holds every person: neither is for
    whoever reaches the server, even where reads are open. Any token of the server, one
    that reads or one that writes, may read them.
    """
    tokens: TokenBook = request.app.state.tokens
    tokens.caller(credentials.credentials if credentials else None)
    handle: StoreHandle = await request.app.state.access.handle()
    return handle


async def require_writer(request: Request, credentials: Credentials) -> Caller:
    """Return the caller of a write: 401 without a valid token, 403 with a read-only one.

    :class:`api.security.WriteGate` has refused the request already if so; ``credentials``
    declares the bearer scheme in the OpenAPI schema.
    """
    tokens: TokenBook = request.app.state.tokens
    return tokens.writer(credentials.credentials if credentials else None)


async def if_match(
    header: Annotated[str | None, Header(
        alias="If-Match", description="The ETag of the record as last read, e.g. \"3f2a…\".")
    ] = None,
) -> str:
    """Return the one strong ETag of If-Match: 428 if missing, 412 if weak or a wildcard."""
    if header is None or not header.strip():
        raise ApiProblemError(428, "send If-Match with the ETag of the record as you last read it")
    value = header.strip()
    if value == "*" or value.startswith("W/") or "," in value:
        raise ApiProblemError(
            412, "If-Match must hold the one strong ETag you read (no *, W/ or lists)")
    return record_tag(value)


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[StoreHandle, Depends(get_store)]
ReadStoreDep = Annotated[StoreHandle, Depends(get_read_store)]
PrivateStoreDep = Annotated[StoreHandle, Depends(get_private_store)]
WriterDep = Annotated[Caller, Depends(require_writer)]
IfMatch = Annotated[str, Depends(if_match)]
AsOf = Annotated[BlankOrIsoDate, Query(
    description="Answer as the organisation was on this date (YYYY-MM-DD; default today, also "
                "when empty).",
    examples=["2024-06-01"]),
    # "?as_of=" is taken (today), so the schema says so: a client generated from it, or a
    # schema-driven test, sent an empty value and found it outside the schema.
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date"},
                              {"type": "string", "maxLength": 0}, {"type": "null"}]})]
WriteComment = Annotated[ChangeComment | None, Query(
    description="Why the change is made, kept with it in the audit log (up to 500 characters).",
    examples=["Ny enhed efter omorganiseringen 1. marts"])]
NodeIdPath = Annotated[str, Path(
    description="Node id, e.g. unit:organisation-og-politik (the colon needs no escaping).",
    examples=["unit:organisation-og-politik"])]
PostIdPath = Annotated[str, Path(
    description="A post's id, e.g. post:chef-okonomi-og-stab (another kind's is a 422).",
    examples=["post:chef-okonomi-og-stab"])]
EdgeKeyPath = Annotated[str, Path(
    description="Edge key: its id or TYPE:from->to (URL-encode # as %23).",
    examples=["RESPONSIBLE_FOR:unit:organisation-og-politik->task:lon"])]


#: What a PATCH takes (RFC 5789's Accept-Patch).
ACCEPT_PATCH = "application/merge-patch+json"


async def merge_patch_only(request: Request) -> None:
    """Refuse a JSON Patch (RFC 6902) sent to a PATCH that takes a merge patch (RFC 7396).

    Its list of operations was read as a record and refused as "a valid dictionary", which
    named neither what was wrong nor what is taken.
    """
    media_type = (request.headers.get("content-type") or "").partition(";")[0].strip().lower()
    if media_type == "application/json-patch+json":
        raise ApiProblemError(
            415, "PATCH takes a JSON merge patch (RFC 7396: application/merge-patch+json or "
                 "application/json: the fields to change, null to remove one), not a JSON "
                 "Patch (RFC 6902)", headers={"Accept-Patch": ACCEPT_PATCH})


def today(as_of: date | None) -> date:
    """Return ``as_of`` or today's date."""
    return as_of or date.today()


def same_key(in_path: str, in_body: str, field: str) -> None:
    """Raise 422 if the record in the body is not the one the path names."""
    if in_path != in_body:
        raise RequestValidationError([{
            "loc": ("body", field), "type": "value_error",
            "msg": f"the body is {in_body!r} but the path names {in_path!r}; "
                   "to rename, create the new record and delete the old one"}])


def edge_id_given(key: str, body_id: str | None) -> None:
    """Raise 422 if the path names an edge by its own id and the body has no id.

    An edge's own id holds no "->" (a key of type and ends does): without the id the body
    is another edge, and ``same_key`` would blame its type.
    """
    if body_id is None and "->" not in key:
        raise RequestValidationError([{
            "loc": ("body", "id"), "type": "missing",
            "msg": f"the path names the edge with the id {key!r} and the body has no id: add "
                   f"\"id\": {json.dumps(key)}"}])


async def known_query_parameters(request: Request) -> None:
    """Refuse a query parameter the route does not take, or one it takes once given twice.

    A typo (``?kidn=Post``) or another route's name (``/nodes?kinds=``) would otherwise be
    ignored, and the answer be about something other than what was asked.
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    taken = _query_parameters(route)
    errors = []
    for name in dict.fromkeys(request.query_params.keys()):
        by_key = _reads_by_key(route, request)
        if name == "as_of" and name not in taken and by_key:
            # every read takes a date; a record read by key holds on any date, but a date
            # that is none is said to be none, and one given twice is too
            if len(request.query_params.getlist(name)) > 1:
                errors.append({"loc": ("query", name), "type": "repeated_parameter",
                               "msg": "given more than once; it takes one value"})
                continue
            try:
                _AS_OF.validate_python(request.query_params[name])
            except ValidationError as exc:
                errors.append({"loc": ("query", name), "type": "date_from_datetime_parsing",
                               "msg": exc.errors()[0]["msg"].removeprefix("Value error, ")})
            continue
        if name not in taken:
            names = ", ".join(sorted({*taken, *(("as_of",) if by_key else ())}))
            takes = f"it takes: {names}" if names else "it takes no parameters"
            errors.append({"loc": ("query", name), "type": "unknown_parameter",
                           "msg": f"not a parameter of this endpoint ({takes})"})
        elif len(request.query_params.getlist(name)) > 1 and not _takes_many(taken[name]):
            errors.append({"loc": ("query", name), "type": "repeated_parameter",
                           "msg": "given more than once; it takes one value"})
    if errors:
        raise RequestValidationError(errors)


def _reads_by_key(route: APIRoute, request: Request) -> bool:
    """Whether the route reads one record named in its path (``/nodes/{node_id}``).

    The audit log, the export and the writes take no date: one given there asked for
    something they do not do (the log of a day), and is refused as any unknown parameter.
    """
    return request.method in ("GET", "HEAD") and "{" in route.path


def _takes_many(field: Any) -> bool:
    """Whether a query parameter is a list (``?kinds=A&kinds=B``), optional or not."""
    annotation = field.field_info.annotation
    options = get_args(annotation) if get_origin(annotation) in (Union, UnionType) \
        else (annotation,)
    return any(get_origin(option) in (list, tuple, set, frozenset) for option in options)


_QUERY_PARAMETERS: dict[int, tuple[APIRoute, dict[str, Any]]] = {}


def _query_parameters(route: APIRoute) -> dict[str, Any]:
    """The query parameters a route takes, by name, read once per route.

    Routes are not hashable; an id names the same route only while it is the same object.
    """
    cached = _QUERY_PARAMETERS.get(id(route))
    if cached is None or cached[0] is not route:
        cached = route, {f.alias: f for f in get_flat_params(route.dependant)
                         if isinstance(f.field_info, params.Query)}
        _QUERY_PARAMETERS[id(route)] = cached
    return cached[1]
