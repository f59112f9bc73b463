"""The interactive API docs (Swagger UI), served from the app's own files.

FastAPI's built-in ``/docs`` page loads Swagger UI from a CDN and starts it with an inline
script; an intranet may have no internet, and the app's Content-Security-Policy forbids inline
scripts. This page uses the vendored ``swagger-ui-dist`` (Apache-2.0, ``api/static/swagger``) and
a small start-up file instead, so ``/docs`` makes no request outside the app.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["ASSETS_PATH", "install_docs"]

ASSETS_PATH = "/docs-assets"
_ASSETS = Path(__file__).resolve().parent / "static" / "swagger"


def install_docs(app: FastAPI, *, openapi_url: str, title: str) -> None:
    """Serve Swagger UI at ``/docs`` with assets under :data:`ASSETS_PATH`."""
    app.mount(ASSETS_PATH, StaticFiles(directory=_ASSETS), name="docs-assets")
    page = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(title)} – docs</title>
<link rel="stylesheet" href="{ASSETS_PATH}/swagger-ui.css">
<link rel="icon" href="{ASSETS_PATH}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{escape(openapi_url)}"></div>
<script src="{ASSETS_PATH}/swagger-ui-bundle.js"></script>
<script src="{ASSETS_PATH}/orgmodel-docs.js"></script>
</body>
</html>
"""

    async def swagger_ui() -> HTMLResponse:
        return HTMLResponse(page)

    app.add_api_route("/docs", swagger_ui, include_in_schema=False, methods=["GET"])
