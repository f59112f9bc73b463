"""Bearer tokens for writes (and, if configured, reads), the security headers, and CORS.

Tokens come from the settings as ``name:token`` pairs; the name of the token that made a write
goes into the audit log. Every presented token is compared with every configured one with
:func:`hmac.compare_digest`, so the time taken does not tell which token was close.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import ApiProblemError, problem_response, route_takes
from api.settings import Settings

__all__ = ["Caller", "ProblemCORS", "SecurityHeaders", "TokenBook", "WriteGate", "bearer_token"]

_REALM = 'Bearer realm="orgmodel"'
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})


@dataclass(frozen=True)
class Caller:
    """Who presented a valid token, and whether the token may write."""

    name: str
    can_write: bool


class TokenBook:
    """The configured tokens; :meth:`identify` tells who a presented token belongs to."""

    def __init__(self, settings: Settings) -> None:
        self._entries = [
            *((name, token.get_secret_value().encode(), True)
              for name, token in settings.write_tokens.items()),
            *((name, token.get_secret_value().encode(), False)
              for name, token in settings.read_tokens.items()),
        ]

    def identify(self, presented: str) -> Caller | None:
        """Return the caller a token belongs to, or ``None`` for an unknown token."""
        given = presented.encode()
        found: Caller | None = None
        for name, secret, can_write in self._entries:  # compare with all: no early exit
            if hmac.compare_digest(given, secret) and found is None:
                found = Caller(name, can_write)
        return found

    def caller(self, token: str | None) -> Caller:
        """Return who ``token`` belongs to: 401 (as :class:`ApiProblemError`) if no one."""
        if not token:
            raise ApiProblemError(401, "send a bearer token: Authorization: Bearer <token>",
                                  headers={"WWW-Authenticate": _REALM})
        caller = self.identify(token)
        if caller is None:
            raise ApiProblemError(401, "the token is not valid",
                                  headers={"WWW-Authenticate": f'{_REALM}, error="invalid_token"'})
        return caller

    def writer(self, token: str | None) -> Caller:
        """Return who may write with ``token``: 401 without a valid one, 403 if read-only."""
        caller = self.caller(token)
        if not caller.can_write:
            raise ApiProblemError(403, f"the token of {caller.name!r} may read but not write")
        return caller


def bearer_token(authorization: str | None) -> str | None:
    """Return the token of an ``Authorization: Bearer …`` header value, if it holds one.

    >>> bearer_token("Bearer abc "), bearer_token("Basic abc"), bearer_token(None)
    ('abc', None, None)
    """
    scheme, _, token = (authorization or "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def json_media_type_problem(content_type: str | None) -> str | None:
    """Say what is wrong with a write's ``Content-Type``, or ``None`` if it announces JSON.

    ``curl -d`` sends a form (``application/x-www-form-urlencoded``) unless told otherwise;
    read as JSON the body would be refused field by field, which hides the real mistake.

    >>> json_media_type_problem("application/json; charset=utf-8") is None
    True
    >>> json_media_type_problem("application/merge-patch+json") is None
    True
    >>> json_media_type_problem("text/plain")
    "send the body as JSON with the header Content-Type: application/json (not 'text/plain')"
    >>> json_media_type_problem(None)
    'send the body as JSON with the header Content-Type: application/json'
    """
    media_type = (content_type or "").partition(";")[0].strip().lower()
    if media_type == "application/json" or media_type.endswith("+json"):
        return None
    wanted = "send the body as JSON with the header Content-Type: application/json"
    return f"{wanted} (not {media_type!r})" if media_type else wanted


class WriteGate:
    """ASGI middleware: a write under ``/api/`` without a write token is refused unread.

    The routes check the token too (it names the caller in the audit log), but FastAPI reads
    and parses a body before it runs a route's dependencies: without this gate a client with
    no token could make the server read bodies and learn what is wrong with them. A write
    with a body that is not announced as JSON is refused (415) here too, before it is read.
    """

    def __init__(self, app: ASGIApp, tokens: TokenBook,
                 routes: Callable[[], Sequence[BaseRoute]] = tuple) -> None:
        self.app = app
        self.tokens = tokens
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI call."""
        if (scope["type"] == "http" and scope["method"] in _WRITES
                and scope["path"].startswith("/api/") and self._writes_to_a_route(scope)):
            headers = Headers(scope=scope)
            try:
                self.tokens.writer(bearer_token(headers.get("authorization")))
                if scope["method"] in _WITH_BODY:
                    wrong_type = json_media_type_problem(headers.get("content-type"))
                    if wrong_type:
                        raise ApiProblemError(415, wrong_type)
            except ApiProblemError as refused:
                response = problem_response(refused.status, refused.detail, scope["path"],
                                            headers=refused.headers)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


    def _writes_to_a_route(self, scope: Scope) -> bool:
        """Whether a route takes this method at this path; else the router answers, unread.

        A POST to a read ("POST /api/v1/owners") is a 405 that names the methods it takes,
        not a 401 for a missing token or a 415 for a missing Content-Type. With no routes
        given, every write is gated.
        """
        routes = self.routes()
        return not routes or route_takes(routes, scope)


class SecurityHeaders:
    """ASGI middleware adding nosniff, frame options, referrer policy and the CSP."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        base = [(b"x-content-type-options", b"nosniff"),
                (b"referrer-policy", b"same-origin")]
        frame = settings.frame_options()
        if frame:
            base.append((b"x-frame-options", frame.encode()))
        self._headers = [*base, (b"content-security-policy",
                                 settings.content_security_policy().encode())]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI call."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # /docs too: its Swagger UI is served from local files (api/docs.py), no CDN.
        extra = self._headers

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra:
                    if name.decode() not in headers:
                        headers.raw.append((name, value))
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ProblemCORS(CORSMiddleware):
    """Starlette's CORS, a refused preflight said as every error is, a problem document.

    It answered "Disallowed CORS origin" as plain text (the API client's probe); what is
    refused and the headers stay as Starlette gives them.
    """

    def preflight_response(self, request_headers: Headers) -> Response:
        """The preflight's answer; a refusal as ``application/problem+json``."""
        answer = super().preflight_response(request_headers)
        if answer.status_code != 400:
            return answer
        said = bytes(answer.body).decode()
        headers = {key: value for key, value in answer.headers.items()
                   if key.lower() not in ("content-length", "content-type")}
        return problem_response(400, f"{said}: the origin, method or headers are not allowed",
                                "", headers=headers)
