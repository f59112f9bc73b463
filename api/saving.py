"""A write of one record and what answers it, in one turn of the writers' queue.

What a write replaced, the write, and the records after it (for its notices) are read in the
same turn (:meth:`api.runtime.StoreHandle.write`): read in three turns, another writer could
write between them, and the answer's notices named what that writer did (the review). Each
function here is that turn; the route handlers call one and answer.
"""

from __future__ import annotations

from typing import Any

from api.deps import edge_id_given, same_key
from api.errors import ApiProblemError
from api.schemas import EdgeSaved, NodeSaved
from api.services import (
    dataset_after_write,
    edge_write_notices,
    node_write_notices,
    patched,
    read_record,
)
from orgmodel.contract import OrgStore, WritableStore
from orgmodel.editing import Record, record_data
from orgmodel.exceptions import NotFoundError
from orgmodel.records import AnyNode, EdgeRecord, edge_key_parts

__all__ = ["patch_edge", "patch_node", "save_edge", "save_node"]


def save_node(store: OrgStore, editor: WritableStore, record: AnyNode, *,
              expected: str | None, actor: str, comment: str | None) -> NodeSaved:
    """Create (``expected`` None) or replace a node; the answer with its notices.

    What it replaces is read first, in this turn: were it changed before the write, the write
    fails on its ETag (412), so a record read here is the one replaced.
    """
    before = None if expected is None else _record_or_none(store, record.id)
    view = editor.put_node(record, expected_etag=expected, actor=actor, comment=comment)
    return NodeSaved(node=view, record=record_data(record), notices=node_write_notices(
        record, dataset_after_write(store, record), before))


def patch_node(store: OrgStore, editor: WritableStore, node_id: str, patch: dict[str, Any],
               expected: str, *, actor: str, comment: str | None) -> tuple[NodeSaved, AnyNode]:
    """Patch a node (a JSON merge patch); the answer and the record written."""
    before, record = patched(store, node_id, patch, expected)
    if isinstance(record, EdgeRecord):
        raise ApiProblemError(404, f"{node_id!r} is an edge: PATCH /api/v1/edges/{node_id}")
    same_key(node_id, record.id, "id")
    view = editor.put_node(record, expected_etag=expected, actor=actor, comment=comment)
    return NodeSaved(node=view, record=record_data(record), notices=node_write_notices(
        record, dataset_after_write(store, record), before, patched=True)), record


def save_edge(store: OrgStore, editor: WritableStore, record: EdgeRecord, *,
              key: str | None, expected: str | None, actor: str,
              comment: str | None) -> EdgeSaved:
    """Create (``key`` None) or replace the edge ``key``; the answer with its notices."""
    before = None
    if key is not None:
        edge_id_given(key, record.id)
        same_key(key, record.key, "id" if record.id else differing_part(key, record))
        before = _record_or_none(store, key)
    view = editor.put_edge(record, expected_etag=expected, actor=actor, comment=comment)
    return EdgeSaved(edge=view, record=record_data(record), notices=edge_write_notices(
        record, dataset_after_write(store, record), before))


def patch_edge(store: OrgStore, editor: WritableStore, key: str, patch: dict[str, Any],
               expected: str, *, actor: str, comment: str | None) -> tuple[EdgeSaved, EdgeRecord]:
    """Patch an edge (a JSON merge patch; its key must stay); the answer and the record.

    A patch removes what it names null on purpose: its notices name no field left out.
    """
    _, record = patched(store, key, patch, expected)
    if not isinstance(record, EdgeRecord):
        raise ApiProblemError(404, f"{key!r} is a node: PATCH /api/v1/nodes/{key}")
    edge_id_given(key, record.id)
    same_key(key, record.key, "id" if record.id else differing_part(key, record))
    view = editor.put_edge(record, expected_etag=expected, actor=actor, comment=comment)
    return EdgeSaved(edge=view, record=record_data(record), notices=edge_write_notices(
        record, dataset_after_write(store, record))), record


def differing_part(key: str, record: EdgeRecord) -> str:
    """The field of the body that makes its key differ from the path's (type, from, to, topic).

    A collaboration's key ends in ``#topic``: a new topic is a new edge, not an update.

    >>> edge = EdgeRecord.model_validate({"type": "HEADS", "from": "post:a", "to": "unit:b",
    ...                                   "source": "seed", "confidence": "high"})
    >>> differing_part("HEADS:post:a->unit:c", edge), differing_part("HEADS:post:x->unit:b", edge)
    ('to', 'from')
    """
    named = edge_key_parts(key)
    for field, in_path, in_body in (("type", named.type, str(record.type)),
                                    ("from", named.source_id, record.source_id),
                                    ("to", named.target_id, record.target_id)):
        if in_path != in_body:
            return field
    return "topic" if named.topic or record.topic else "to"


def _record_or_none(store: OrgStore, key: str) -> Record | None:
    try:
        return read_record(store, key)
    except NotFoundError:
        return None
