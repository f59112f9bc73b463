"""Running the app under uvicorn, tolerant of unescaped UTF-8 in request lines.

``curl 'http://127.0.0.1:8000/api/v1/owners?q=løn'`` sends the ø as raw UTF-8 bytes, which
HTTP does not allow in a request line, and uvicorn's parsers answer 400. Browsers escape it
themselves; for people typing Danish words into curl, :class:`LenientHttpToolsProtocol`
percent-encodes bytes above 0x7F in the request line (only there: never in headers or bodies)
before the parser sees them. A second request pipelined into the same packet is not rewritten.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from fastapi import FastAPI

__all__ = ["escape_request_line", "http_protocol", "run"]

_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def escape_request_line(line: bytes) -> bytes:
    r"""Percent-encode the non-ASCII bytes of a request line.

    Examples
    --------
    >>> escape_request_line("GET /api/v1/owners?q=løn HTTP/1.1".encode())
    b'GET /api/v1/owners?q=l%C3%B8n HTTP/1.1'
    """
    if line.isascii():
        return line
    return _HIGH_BYTE.sub(lambda m: b"%%%02X" % m.group()[0], line)


def http_protocol() -> Any:
    """Return uvicorn's httptools protocol made lenient, or ``"auto"`` without httptools."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:  # pragma: no cover - uvicorn[standard] brings httptools
        return "auto"

    class LenientHttpToolsProtocol(HttpToolsProtocol):
        """HttpToolsProtocol that escapes raw UTF-8 in request lines."""

        _in_request_line = True

        def data_received(self, data: bytes) -> None:
            if self._in_request_line:
                end = data.find(b"\n")
                if end >= 0:
                    self._in_request_line = False
                    data = escape_request_line(data[:end]) + data[end:]
                else:
                    data = escape_request_line(data)
            super().data_received(data)

        def on_message_complete(self) -> None:
            super().on_message_complete()
            self._in_request_line = True

    return LenientHttpToolsProtocol


def run(app: FastAPI, *, host: str, port: int, log_level: str = "info",
        access_log: bool = True) -> None:
    """Serve ``app`` until interrupted, its own log (``api``, ``orgmodel``) beside uvicorn's."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=access_log,
                server_header=False, http=http_protocol(), ws="none",
                log_config=log_config(log_level))


def log_config(level: str) -> dict[str, Any]:
    """The logging of uvicorn, with the app's loggers at ``level`` through its handler.

    Without it, Python's last-resort handler printed their warnings alone: what a start did
    (the audit file's writes made again) and where a stop left the edits were never said.

    >>> log_config("info")["loggers"]["orgmodel"]["level"]
    'INFO'
    """
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    for name in ("api", "orgmodel"):
        config["loggers"][name] = {"handlers": ["default"], "level": level.upper(),
                                   "propagate": False}
    return config
