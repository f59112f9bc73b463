"""Liveness, readiness and (only when enabled) the benchmark's hello-world."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from api.deps import StoreDep
from api.errors import PROBLEM_RESPONSES
from api.responses import respond
from api.schemas import ApiIndex, Health

__all__ = ["bench_router", "router"]

router = APIRouter(tags=["health"])
bench_router = APIRouter(tags=["bench"], include_in_schema=False)
_ALIVE = Health(status="ok")


@router.get("/health", response_model=Health, summary="Alive")
async def health() -> Response:
    """Answer 200 while the process runs (touches no store)."""
    return respond(_ALIVE)


@router.get("/api/v1", response_model=ApiIndex, summary="The API")
async def index(request: Request) -> Response:
    """Name, version and where the API is described (the path was a 404)."""
    app = request.app
    documented = app.openapi_url is not None
    return respond(ApiIndex(name=app.title, version=app.version,
                            openapi=app.openapi_url if documented else None,
                            docs="/docs" if documented else None))


@router.get("/ready", response_model=Health, summary="Ready",
            responses={503: PROBLEM_RESPONSES["read"][503]})
async def ready(store: StoreDep) -> Response:
    """Answer 200 when the store answers a query, 503 (within the store timeout) if not."""
    await store.run(store.store.list_nodes, limit=1)
    return respond(Health(status="ready", store=type(store.store).__name__))


@bench_router.get("/bench/hello")
async def hello() -> Response:
    """Answer a constant: the baseline of bench/api_bench.py (ORGMODEL_BENCH_ENDPOINTS)."""
    return respond(_ALIVE)
