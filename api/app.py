"""The FastAPI application: :func:`create_app` builds it from :class:`~api.settings.Settings`.

Nothing is built at import time. The store is opened in the lifespan (see
:mod:`api.runtime`). Other packages (the views) add routes through the entry-point group
``orgmodel.api``: a callable taking the app, e.g. ``viz.web:register``; they are served with
the same security headers (CSP from ``ORGMODEL_CSP``).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from importlib.metadata import entry_points
from typing import Any

from fastapi import FastAPI

from api.cache import ResponseCache
from api.conditional import ApiGzip, ConditionalGet
from api.docs import install_docs
from api.errors import ProblemGuard, install_error_handlers
from api.openapi_doc import document_http
from api.responses import HeadAsGet
from api.routes import admin, edits, health, queries
from api.runtime import StoreAccess
from api.security import ProblemCORS, SecurityHeaders, TokenBook, WriteGate
from api.settings import Settings
from orgmodel.dataset import Dataset

__all__ = ["API_VERSION", "create_app"]

API_VERSION = "1.0.0"
log = logging.getLogger("api")

_DESCRIPTION = """\
An organisation as a knowledge graph: who owns which task (*hvem har ansvaret for løn?*),
reporting lines, fora and the raw material of the intranet views. The examples are of the
bundled data, Albertslund Kommune around its department Økonomi og Stab; the API answers for
the data it serves (`ORGMODEL_DATA_DIR`, or Neo4j).

* Reads are open unless `ORGMODEL_READ_REQUIRES_TOKEN` is on; writes need a bearer token.
* Every query takes `as_of` (YYYY-MM-DD). Node ids contain `:` and go into paths as they are.
* Writes: send the record as in a data file; replace and delete need `If-Match` with the ETag
  you read (428 without it, 412 when someone wrote first).
* Errors are RFC 9457 `application/problem+json`.
"""


def create_app(settings: Settings,
               plugins: Iterable[Callable[[FastAPI], None]] | None = None,
               loaded: Dataset | None = None) -> FastAPI:
    """Build the app for ``settings``; ``plugins`` default to the ``orgmodel.api`` entry points.

    ``loaded``: the data folder of the embedded store, already loaded (``orgmodel serve``
    checks it before the server starts), so it is not read twice.
    """
    access = StoreAccess(settings, loaded)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await access.start()
        # The store's objects live as long as the process: keep them out of the garbage
        # collector's full passes, which otherwise stall requests for milliseconds.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            await access.close()

    app = FastAPI(
        title="orgmodel API", version=API_VERSION, description=_DESCRIPTION, lifespan=lifespan,
        docs_url=None, redoc_url=None,  # /docs is served from local files (api/docs.py)
        openapi_url="/openapi.json" if settings.docs else None,
    )
    # A path with a trailing slash is redirected by a relative Location (api.errors), not to
    # an absolute http:// URL.
    app.router.redirect_slashes = False
    app.state.settings = settings
    app.state.access = access
    app.state.pages_without_persons = settings.pages_without_persons
    app.state.tokens = TokenBook(settings)
    install_error_handlers(app)
    if settings.docs:
        install_docs(app, openapi_url="/openapi.json", title=app.title)
    app.include_router(health.router)
    app.include_router(queries.router)
    app.include_router(edits.router)
    app.include_router(admin.router)
    if settings.bench_endpoints:
        app.include_router(health.bench_router)
    if settings.read_requires_token:
        _declare_read_security(app)
    # inside the cached build below: the document is made once, not on every request
    document_http(app)
    _document_only_answered_statuses(app)
    for register in _plugins() if plugins is None else plugins:
        register(app)
    # Outermost last: security headers on every response, the 500 guard inside them. A write
    # without a token is refused before its size is judged: a client learns of the token first
    # (an oversize body without one was a 413, and the client fixed the wrong thing).
    app.add_middleware(ProblemGuard)
    app.add_middleware(WriteGate, tokens=app.state.tokens, routes=lambda: app.router.routes)
    app.add_middleware(ResponseCache, size=settings.query_cache)
    app.add_middleware(ConditionalGet, private=settings.read_requires_token)
    app.add_middleware(ApiGzip)
    if settings.cors_origins:
        app.add_middleware(
            ProblemCORS, allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "If-None-Match"],
            expose_headers=["ETag", "Location", "Retry-After", "WWW-Authenticate", "Allow"],
            max_age=600,
        )
    app.add_middleware(SecurityHeaders, settings=settings)
    app.add_middleware(HeadAsGet)
    return app


def _declare_read_security(app: FastAPI) -> None:
    """Mark the reads under /api/v1 as needing the bearer token in the OpenAPI schema."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        schema = build()
        for path, operations in schema.get("paths", {}).items():
            if path.startswith("/api/v1/") and "get" in operations:
                operations["get"]["security"] = [{"HTTPBearer": []}]
        components = schema.setdefault("components", {}).setdefault("securitySchemes", {})
        components.setdefault("HTTPBearer", {"type": "http", "scheme": "bearer"})
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


#: Statuses a method never answers: a read neither writes nor takes a body, a delete takes
#: no body. The routers' shared ``responses`` listed them on every route of the router.
_NEVER = {"get": {"400", "403", "409", "412", "413", "415", "428", "501"},
          "delete": {"400", "413", "415"}}
#: Reads of no id, which no unknown id can make a 404.
_NO_ID = ("/api/v1/nodes", "/api/v1/search", "/api/v1/export")


def _document_only_answered_statuses(app: FastAPI) -> None:
    """Leave out of the OpenAPI schema the statuses a route cannot answer.

    A client generated from the schema handled a 412 on a read and a 415 on a delete.
    """
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        for path, operations in schema.get("paths", {}).items():
            for method, operation in operations.items():
                never = _NEVER.get(method, set()) | ({"404"} if path in _NO_ID else set())
                responses = operation.get("responses", {})
                for status in never & set(responses):
                    del responses[status]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _plugins() -> list[Callable[[FastAPI], None]]:
    found = []
    for entry in entry_points(group="orgmodel.api"):
        try:
            found.append(entry.load())
        except ImportError as exc:  # a missing optional part must not stop the API
            log.warning("API plugin %r unavailable: %s", entry.name, exc)
    return found
