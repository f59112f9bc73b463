"""The views' static files (vis-network, scripts, styles), served from memory.

A view page cannot draw before its stylesheet and scripts arrive, so they are served the
cheapest way there is: each file is read and gzipped once, on its first request, and every
later request is answered from memory with one ``send``, no file system and no thread. Only
the files that were under the folder when the app started are served (a fixed list: no path
from a request ever reaches the file system), and URLs naming the content (``?v=hash``, see
:func:`viz.render.asset_version`) are cached by browsers for a year.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "app.js").write_text("console.log('hello');" * 100)
>>> assets = StaticAssets(folder)
>>> asset = assets.find("app.js")
>>> asset.media_type, len(asset.body), len(asset.gzipped) < len(asset.body)
('text/javascript; charset=utf-8', 2100, True)
>>> assets.find("../secret") is None
True
"""

from __future__ import annotations

import gzip
import hashlib
import json
import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from starlette.types import Receive, Scope, Send

__all__ = ["Asset", "StaticAssets", "takes_gzip"]

_TEXT_TYPES = {".js": "text/javascript", ".css": "text/css", ".md": "text/markdown",
               ".json": "application/json", ".svg": "image/svg+xml", ".html": "text/html"}
_YEAR = b"public, max-age=31536000, immutable"
_HOUR = b"public, max-age=3600"


@dataclass(frozen=True)
class Asset:
    """One file as it is sent: its bytes, gzipped bytes (when that is smaller) and headers."""

    body: bytes
    gzipped: bytes | None
    media_type: str
    etag: bytes


def _media_type(path: Path) -> str:
    text = _TEXT_TYPES.get(path.suffix.lower())
    if text is not None:
        return f"{text}; charset=utf-8"
    if not path.suffix:  # LICENSE-MIT and the like
        return "text/plain; charset=utf-8"
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


class StaticAssets:
    """An ASGI app serving the files under ``directory`` from memory (see the module docs).

    Parameters
    ----------
    directory : Path
        The folder; its files at the time the app is made are the ones served.
    generated : mapping of str to bytes, optional
        Files that are made, not stored (path relative to the folder -> content), such as the
        page scripts' bundle.
    """

    def __init__(self, directory: Path, generated: Mapping[str, bytes] | None = None) -> None:
        self._files = {p.relative_to(directory).as_posix(): p
                       for p in sorted(directory.rglob("*")) if p.is_file()}
        self._generated = dict(generated or {})
        self._loaded: dict[str, Asset] = {}

    def find(self, path: str) -> Asset | None:
        """The asset at ``path`` (relative, with ``/``), or None when there is no such file."""
        found = self._loaded.get(path)
        if found is not None:
            return found
        if path in self._generated:
            body = self._generated[path]
        elif path in self._files:
            body = self._files[path].read_bytes()
        else:
            return None
        self._loaded[path] = found = _asset(Path(path), body)
        return found

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer GET and HEAD from memory: 200, 304 (``If-None-Match``), 404 or 405."""
        if scope["type"] != "http":
            return
        if scope["method"] not in ("GET", "HEAD"):
            await _problem(send, scope, 405, "Method not allowed", "static files are read only",
                           [(b"allow", b"GET, HEAD")])
            return
        path = scope["path"][len(scope.get("root_path", "")):].lstrip("/")
        asset = self.find(path)
        if asset is None:
            await _problem(send, scope, 404, "Not found", f"no static file {path!r}")
            return
        request = dict(scope["headers"])
        headers = [(b"cache-control", _YEAR if b"v=" in scope.get("query_string", b"") else _HOUR),
                   (b"etag", asset.etag), (b"vary", b"accept-encoding")]
        if asset.etag in request.get(b"if-none-match", b""):
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        body = asset.body
        if asset.gzipped is not None and takes_gzip(
                request.get(b"accept-encoding", b"").decode("latin-1")):
            body = asset.gzipped
            headers.append((b"content-encoding", b"gzip"))
        headers += [(b"content-type", asset.media_type.encode()),
                    (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body",
                    "body": b"" if scope["method"] == "HEAD" else body})


def takes_gzip(accept_encoding: str) -> bool:
    """Whether a client's ``Accept-Encoding`` takes gzip: named or ``*``, and not at ``q=0``.

    >>> takes_gzip("gzip, deflate, br"), takes_gzip("gzip;q=0, identity"), takes_gzip("*")
    (True, False, True)
    >>> takes_gzip(""), takes_gzip("br"), takes_gzip("gzip;q=0.5"), takes_gzip("gzip;q=x")
    (False, False, True, False)
    """
    for coding in accept_encoding.lower().split(","):
        name, *parameters = (part.strip() for part in coding.split(";"))
        if name not in ("gzip", "x-gzip", "*"):
            continue
        weight = "1"
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip() == "q":
                weight = value.strip()
        try:
            return float(weight) > 0
        except ValueError:  # a malformed weight: as if gzip were not offered
            return False
    return False


def _asset(name: Path, body: bytes) -> Asset:
    packed = gzip.compress(body, compresslevel=9, mtime=0)
    etag = b'"' + hashlib.sha256(body).hexdigest()[:20].encode() + b'"'
    return Asset(body=body, gzipped=packed if len(packed) < len(body) * 0.9 else None,
                 media_type=_media_type(name), etag=etag)


async def _problem(send: Send, scope: Scope, status: int, title: str, detail: str,
                   extra: list[tuple[bytes, bytes]] | None = None) -> None:
    """An RFC 9457 problem, as every other error of the app is (docs/api.md)."""
    slug = {404: "not-found", 405: "method-not-allowed"}[status]
    text = json.dumps({"type": f"urn:orgmodel:problem:{slug}", "title": title, "status": status,
                       "detail": detail, "instance": scope["path"]}).encode()
    headers = [(b"content-type", b"application/problem+json"),
               (b"content-length", str(len(text)).encode()), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else text})
