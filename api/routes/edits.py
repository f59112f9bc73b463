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
    edge_id_given,
    known_query_parameters,
    merge_patch_only,
    same_key,
)
from api.errors import PROBLEM_RESPONSES, ApiProblemError
from api.json_body import UniqueKeysRoute
from api.responses import respond
from api.schemas import EdgeDetail, EdgeSaved, NodeSaved
from api.services import (
    dataset_after_write,
    edge_detail,
    edge_write_notices,
    node_write_notices,
    patched,
    read_record,
)
from api.succession import SuccessionBody, hand_over
from orgmodel.contract import OrgStore
from orgmodel.editing import Record, etag, record_data
from orgmodel.exceptions import NotFoundError
from orgmodel.records import AnyNode, EdgeRecord, edge_key_parts

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
    view = await store.write(store.editor().put_node, record, expected_etag=None,
                               actor=caller.name, comment=comment)
    after = await store.write(dataset_after_write, store.store, record)
    return respond(NodeSaved(node=view, record=record_data(record),
                             notices=node_write_notices(record, after)), status_code=201,
                   etag=etag(record), location=f"/api/v1/nodes/{record.id}")


@router.put("/nodes/{node_id:path}", response_model=NodeSaved, summary="Replace a node")
async def replace_node(node_id: NodeIdPath, record: NodeBody, store: StoreDep,
                       caller: WriterDep, expected: IfMatch, comment: WriteComment = None
                       ) -> Response:
    """Replace a node with the record in the body (If-Match: the ETag you read)."""
    same_key(node_id, record.id, "id")
    # What it replaces, read in the writers' turn: were it changed before this write, the
    # write fails on its ETag (412), so a record read here is the one replaced.
    before = await store.write(_record_or_none, store.store, node_id)
    view = await store.write(store.editor().put_node, record, expected_etag=expected,
                               actor=caller.name, comment=comment)
    after = await store.write(dataset_after_write, store.store, record)
    return respond(NodeSaved(node=view, record=record_data(record),
                             notices=node_write_notices(record, after, before)),
                   etag=etag(record))


@router.patch("/nodes/{node_id:path}", response_model=NodeSaved,
              summary="Change some fields of a node", dependencies=[Depends(merge_patch_only)])
async def patch_node(node_id: NodeIdPath, patch: PatchBody, store: StoreDep, caller: WriterDep,
                     expected: IfMatch, comment: WriteComment = None) -> Response:
    """Change the fields the body names (a JSON merge patch; null removes one), keep the rest.

    If-Match: the ETag you read. The record patched is checked as a whole, as a PUT's is.
    """
    before, record = await store.write(patched, store.store, node_id, patch, expected)
    if isinstance(record, EdgeRecord):
        raise ApiProblemError(404, f"{node_id!r} is an edge: PATCH /api/v1/edges/{node_id}")
    same_key(node_id, record.id, "id")
    view = await store.write(store.editor().put_node, record, expected_etag=expected,
                               actor=caller.name, comment=comment)
    after = await store.write(dataset_after_write, store.store, record)
    return respond(NodeSaved(node=view, record=record_data(record),
                             notices=node_write_notices(record, after, before, patched=True)),
                   etag=etag(record), more={"Accept-Patch": ACCEPT_PATCH})


def _record_or_none(store: OrgStore, key: str) -> Record | None:
    try:
        return read_record(store, key)
    except NotFoundError:
        return None


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
    view = await store.write(store.editor().put_edge, record, expected_etag=None,
                               actor=caller.name, comment=comment)
    after = await store.write(dataset_after_write, store.store, record)
    return respond(EdgeSaved(edge=view, record=record_data(record),
                             notices=edge_write_notices(record, after)), status_code=201,
                   etag=etag(record), location=f"/api/v1/edges/{quote(record.key, safe=':')}")


@router.put("/edges/{key:path}", response_model=EdgeSaved, summary="Replace an edge")
async def replace_edge(key: EdgeKeyPath, record: EdgeBody, store: StoreDep, caller: WriterDep,
                       expected: IfMatch, comment: WriteComment = None) -> Response:
    """Replace an edge with the record in the body; its key (id or TYPE:from->to) must stay.

    ``notices``: as a create's, and a unit its PART_OF edge's end leaves part of nothing.
    """
    edge_id_given(key, record.id)
    same_key(key, record.key, "id" if record.id else _differing_part(key, record))
    before = await store.write(_record_or_none, store.store, key)
    view = await store.write(store.editor().put_edge, record, expected_etag=expected,
                               actor=caller.name, comment=comment)
    after = await store.write(dataset_after_write, store.store, record)
    return respond(EdgeSaved(edge=view, record=record_data(record),
                             notices=edge_write_notices(record, after, before)),
                   etag=etag(record))


@router.patch("/edges/{key:path}", response_model=EdgeSaved,
              summary="Change some fields of an edge", dependencies=[Depends(merge_patch_only)])
async def patch_edge(key: EdgeKeyPath, patch: PatchBody, store: StoreDep, caller: WriterDep,
                     expected: IfMatch, comment: WriteComment = None) -> Response:
    """Change the fields the body names (a JSON merge patch); its key must stay."""
    _, record = await store.write(patched, store.store, key, patch, expected)
    if not isinstance(record, EdgeRecord):
        raise ApiProblemError(404, f"{key!r} is a node: PATCH /api/v1/nodes/{key}")
    edge_id_given(key, record.id)
    same_key(key, record.key, "id" if record.id else _differing_part(key, record))
    view = await store.write(store.editor().put_edge, record, expected_etag=expected,
                               actor=caller.name, comment=comment)
    after = await store.write(dataset_after_write, store.store, record)
    return respond(EdgeSaved(edge=view, record=record_data(record),
                             notices=edge_write_notices(record, after)), etag=etag(record),
                   more={"Accept-Patch": ACCEPT_PATCH})


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


def _differing_part(key: str, record: EdgeBody) -> str:
    """The field of the body that makes its key differ from the path's (type, from, to, topic).

    A collaboration's key ends in ``#topic``: a new topic is a new edge, not an update.
    """
    named = edge_key_parts(key)
    for field, in_path, in_body in (("type", named.type, str(record.type)),
                                    ("from", named.source_id, record.source_id),
                                    ("to", named.target_id, record.target_id)):
        if in_path != in_body:
            return field
    return "topic" if named.topic or record.topic else "to"

