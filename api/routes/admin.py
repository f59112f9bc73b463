"""The audit log of writes and the export of the whole graph as data files."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from starlette.responses import Response

from api.deps import PrivateStoreDep, known_query_parameters
from api.errors import PROBLEM_RESPONSES
from api.responses import respond
from api.schemas import AUDIT_PAGE_MOST, AuditPage
from api.services import audit_page, export_zip
from orgmodel.audit_query import AuditQuery, day_end, day_start

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["admin"],
                   dependencies=[Depends(known_query_parameters)],
                   responses=PROBLEM_RESPONSES["private"])


@router.get("/audit", response_model=AuditPage, summary="Audit log of writes")
async def audit(
    store: PrivateStoreDep,
    record: Annotated[str | None, Query(max_length=300, description="Only this node id or edge "
                                        "key.", examples=["task:lon"])] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000,
                                 description="Writes to skip, newest first.")] = 0,
    limit: Annotated[int, Query(ge=1, le=AUDIT_PAGE_MOST,
                                description="Writes on the page, at most.")] = 100,
    with_edges: Annotated[bool, Query(description="With a node id as record: also the writes "
                                      "of the edges keyed with the node at an end.")] = False,
    actor: Annotated[str | None, Query(max_length=100, description=(
        "Only the writes of this writer (the token's name)."), examples=["anna"])] = None,
    since: Annotated[date | None, Query(description=(
        "Only the writes on or after this day (UTC)."), examples=["2026-11-01"])] = None,
    until: Annotated[date | None, Query(description=(
        "Only the writes on or before this day (UTC)."), examples=["2026-11-30"])] = None,
) -> Response:
    """Return the writes, newest first: who, when, what, the record before and after.

    ``total`` is how many writes the filters find on every page, before ``offset`` and
    ``limit``.

    A record named that the graph does not hold and the log never wrote is a 404; ``since``
    after ``until`` is a 422.
    """
    editor = store.editor()
    # An empty record or actor (a form's blank field) asks for every one, not for one named "".
    asked = AuditQuery(record_key=record or None, with_edges=with_edges, actor=actor or None,
                       since=day_start(since) if since else None,
                       until=day_end(until) if until else None)
    entries, total = await store.run(audit_page, editor, asked, offset=offset, limit=limit)
    return respond(AuditPage(total=total, offset=offset, limit=limit, items=entries,
                             kept_since=editor.log_kept_since()))


@router.get("/export", summary="The graph as data files (zip)", response_class=Response,
            responses={200: {"content": {"application/zip": {}},
                             "description": "A zip of YAML data files, one per origin file."}})
async def export(store: PrivateStoreDep, persons: Annotated[bool, Query(
        description="false: leave persons (the holders of posts) and their edges out")] = True,
) -> Response:
    """Return the whole graph as a zip of data files, grouped by the file each record came from.

    Records created over the API are in ``api-edits.yaml``; sources in ``sources.yaml``. Unzip
    into a data folder, review with ``orgmodel validate`` and git, and commit.
    """
    content = await store.offload(lambda s: export_zip(s, persons=persons), store.store)
    # The zip holds persons (unless left out): no cache between keeps a copy
    return Response(content, media_type="application/zip", headers={
        "Content-Disposition": 'attachment; filename="orgmodel-data.zip"',
        "Cache-Control": "no-store"})
