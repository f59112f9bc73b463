"""Bearer tokens for writes (and, if configured, reads), and the security headers.

Tokens come from the settings as ``name:token`` pairs; the name of the token that made a write
goes into the audit log. Every presented token is compared with every configured one with
:func:`hmac.compare_digest`, so the time taken does not tell which token was close.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.settings import Settings

__all__ = ["Caller", "SecurityHeaders", "TokenBook"]



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
