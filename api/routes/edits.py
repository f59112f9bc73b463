"""Writes: create, replace and delete nodes and edges, with bearer tokens and ETags.

The body of a create or replace is a record exactly as in a data file (validated by the same
pydantic models); the store checks the whole would-be dataset with the data files' rules.
Creates take no If-Match; replace and delete require the ETag last read (428 without, 412
when stale). ``POST /changes`` applies several of these as one, checked once at the end.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Body, Depends
from starlette.responses import Response

from api.batch import BatchAnswer, BatchBody
from api.deps import (
    ACCEPT_PATCH,
    AsOf,
    EdgeKeyPath,
    IfMatch,
    NodeIdPath,
    ReadStoreDep,
    StoreDep,
    WriteComment,
    WriterDep,
    known_query_parameters,
    merge_patch_only,
    same_key,
)
from api.errors import PROBLEM_RESPONSES
from api.json_body import UniqueKeysRoute
from api.responses import respond
from api.saving import patch_edge as patch_edge_in_turn
from api.saving import patch_node as patch_node_in_turn
from api.saving import save_edge, save_node
from api.schemas import EdgeDetail, EdgeSaved, NodeSaved
from api.services import edge_detail
from api.succession import SuccessionBody, hand_over
from orgmodel.editing import etag
from orgmodel.records import AnyNode, EdgeRecord

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["edits"],
                   dependencies=[Depends(known_query_parameters)],
                   responses=PROBLEM_RESPONSES["write"], route_class=UniqueKeysRoute)

NodeBody = Annotated[AnyNode, Body(description="The node as in a data file (kind: the model).")]
PatchBody = Annotated[dict[str, Any], Body(
    media_type="application/merge-patch+json",
    description="A JSON merge patch (RFC 7396): the fields to change, each with its new "
                "value; null removes a field. application/json is taken too.",
    examples=[{"name_en": "Payroll and pay", "description": None}])]
EdgeBody = Annotated[EdgeRecord, Body(description="The edge as in a data file (from, to).")]


@router.post("/nodes", status_code=201, response_model=NodeSaved, summary="Create a node")
async def create_node(record: NodeBody, store: StoreDep, caller: WriterDep,
                      comment: WriteComment = None) -> Response:
    """Create a node; 409 if the id exists. Answers the node with its ETag and Location.

    ``notices`` says what ``orgmodel validate`` would note of it (a KLE number no topic has;
    a unit, post or forum that belongs to nothing: itself, or, when it ends, what was under it).
    """
    saved = await store.write(save_node, store.store, store.editor(), record, expected=None,
                              actor=caller.name, comment=comment)
    return respond(saved, status_code=201, etag=etag(record),
                   location=f"/api/v1/nodes/{record.id}")


@router.put("/nodes/{node_id:path}", response_model=NodeSaved, summary="Replace a node")
async def replace_node(node_id: NodeIdPath, record: NodeBody, store: StoreDep,
                       caller: WriterDep, expected: IfMatch, comment: WriteComment = None
                       ) -> Response:
    """Replace a node with the record in the body (If-Match: the ETag you read)."""
    same_key(node_id, record.id, "id")
    saved = await store.write(save_node, store.store, store.editor(), record, expected=expected,
                              actor=caller.name, comment=comment)
    return respond(saved, etag=etag(record))


@router.patch("/nodes/{node_id:path}", response_model=NodeSaved,
              summary="Change some fields of a node", dependencies=[Depends(merge_patch_only)])
async def patch_node(node_id: NodeIdPath, patch: PatchBody, store: StoreDep, caller: WriterDep,
                     expected: IfMatch, comment: WriteComment = None) -> Response:
    """Change the fields the body names (a JSON merge patch; null removes one), keep the rest.

    If-Match: the ETag you read. The record patched is checked as a whole, as a PUT's is.
    """
    saved, record = await store.write(patch_node_in_turn, store.store, store.editor(), node_id,
                                      patch, expected, actor=caller.name, comment=comment)
    return respond(saved, etag=etag(record), more={"Accept-Patch": ACCEPT_PATCH})


@router.delete("/nodes/{node_id:path}", status_code=204, summary="Delete a node")
async def delete_node(node_id: NodeIdPath, store: StoreDep, caller: WriterDep,
                      expected: IfMatch, comment: WriteComment = None) -> Response:
    """Delete a node; 409 naming the edges while any still touch it (delete those first)."""
    await store.write(store.editor().delete_node, node_id, expected_etag=expected,
                        actor=caller.name, comment=comment)
    return Response(status_code=204)


@router.get("/edges/{key:path}", response_model=EdgeDetail, summary="One edge",
            tags=["queries"])
async def get_edge(key: EdgeKeyPath, store: ReadStoreDep, as_of: AsOf = None) -> Response:
    """Return an edge and its data-file record (any date); the ETag header versions it.

    ``as_of``, sent with every read by some clients, is taken and checked but changes nothing:
    the record is the edge's on every date.
    """
    del as_of  # declared, so the schema says it is taken (it was taken undeclared)
    detail, tag = await store.run(edge_detail, store.store, key)
    return respond(detail, etag=tag)


@router.post("/edges", status_code=201, response_model=EdgeSaved, summary="Create an edge")
async def create_edge(record: EdgeBody, store: StoreDep, caller: WriterDep,
                      comment: WriteComment = None) -> Response:
    """Create an edge; 409 if its key exists (give parallel edges an id).

    ``notices`` says what ``orgmodel validate`` would note (a post it gives a second unit, an
    edge dated to begin before one of its nodes).
    """
    saved = await store.write(save_edge, store.store, store.editor(), record, key=None,
                              expected=None, actor=caller.name, comment=comment)
    return respond(saved, status_code=201, etag=etag(record),
                   location=f"/api/v1/edges/{quote(record.key, safe=':')}")


@router.put("/edges/{key:path}", response_model=EdgeSaved, summary="Replace an edge")
async def replace_edge(key: EdgeKeyPath, record: EdgeBody, store: StoreDep, caller: WriterDep,
                       expected: IfMatch, comment: WriteComment = None) -> Response:
    """Replace an edge with the record in the body; its key (id or TYPE:from->to) must stay.

    ``notices``: as a create's, and a unit its PART_OF edge's end leaves part of nothing.
    """
    saved = await store.write(save_edge, store.store, store.editor(), record, key=key,
                              expected=expected, actor=caller.name, comment=comment)
    return respond(saved, etag=etag(record))


@router.patch("/edges/{key:path}", response_model=EdgeSaved,
              summary="Change some fields of an edge", dependencies=[Depends(merge_patch_only)])
async def patch_edge(key: EdgeKeyPath, patch: PatchBody, store: StoreDep, caller: WriterDep,
                     expected: IfMatch, comment: WriteComment = None) -> Response:
    """Change the fields the body names (a JSON merge patch); its key must stay."""
    saved, record = await store.write(patch_edge_in_turn, store.store, store.editor(), key,
                                      patch, expected, actor=caller.name, comment=comment)
    return respond(saved, etag=etag(record), more={"Accept-Patch": ACCEPT_PATCH})


@router.delete("/edges/{key:path}", status_code=204, summary="Delete an edge")
async def delete_edge(key: EdgeKeyPath, store: StoreDep, caller: WriterDep,
                      expected: IfMatch, comment: WriteComment = None) -> Response:
    """Delete an edge (422 if, e.g., a task would lose its only accountable owner)."""
    await store.write(store.editor().delete_edge, key, expected_etag=expected,
                        actor=caller.name, comment=comment)
    return Response(status_code=204)


@router.post("/nodes/{node_id:path}/successor", response_model=BatchAnswer, status_code=201,
             summary="Hand a node over to a successor from a day")
async def hand_over_node(node_id: NodeIdPath, body: SuccessionBody, store: StoreDep,
                         caller: WriterDep, expected: IfMatch) -> Response:
    """End the node the day before ``from`` and hand it over to ``record`` from that day.

    If-Match: the node's ETag as read. A title or name changed from a day is a new record:
    the node ends, its successor begins, and every edge of the node that holds on the day
    (its holder, line, tasks, what lies under it) ends the day before and is written again
    to the successor; an edge that began on the day or later moves whole; one that ended
    before stays. One batch, all or nothing, each write in the audit log with ``comment``.
    """
    changes = await store.write(hand_over, store.editor(), node_id, body,
                                expected_etag=expected, actor=caller.name)
    return respond(BatchAnswer.of(changes), status_code=201,
                   location=f"/api/v1/nodes/{quote(body.record.id, safe=':')}")


@router.post("/changes", response_model=BatchAnswer, summary="Several edits as one")
async def apply_changes(body: BatchBody, store: StoreDep, caller: WriterDep) -> Response:
    """Apply edits in order, checked once at the end: all of them or none.

    For what cannot be written one record at a time: a new task with its accountable owner, or
    a task with the edges that touch it. Each operation is one of the single writes, with the
    ETag it would send in If-Match (``if_match``); the errors are theirs (409, 412, 404), and a
    rule broken at the end is a 422. Every edit gets its own audit-log entry.
    """
    changes = await store.write(store.editor().apply_all,
                                  [item.operation() for item in body.operations],
                                  actor=caller.name, comment=body.comment)
    return respond(BatchAnswer.of(changes))

