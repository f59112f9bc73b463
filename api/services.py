"""Answers that combine store calls, so each route handler makes one call.

Each function takes the store first and runs synchronously (the handler runs it inline or in a
worker thread through :class:`api.runtime.StoreHandle`).
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Protocol, runtime_checkable

from api.schemas import EdgeDetail, NodeDetail
from orgmodel.contract import OrgStore, WritableStore
from orgmodel.editing import Record, etag, find_record, record_data
from orgmodel.exceptions import NotFoundError
from orgmodel.export import export_files
from orgmodel.records import EdgeRecord
from orgmodel.semantics import edge_view

__all__ = ["RecordReader", "edge_detail", "export_zip", "node_detail", "read_record"]


@runtime_checkable
class RecordReader(Protocol):
    """A store that reads one record by id or key (fast ETags); optional."""

    def record(self, key: str) -> Record:
        """Return the node or edge; raise NotFoundError."""
        ...


def read_record(store: OrgStore, key: str) -> Record:
    """Return the current record of a node id or edge key (any date); NotFoundError if none."""
    if isinstance(store, RecordReader):
        return store.record(key)
    if isinstance(store, WritableStore):
        found = find_record(store.dataset(), key)
        if found is not None:
            return found
    raise NotFoundError(key, f"no record with id or key {key!r}")


def node_detail(store: OrgStore, node_id: str, as_of: date | None) -> tuple[NodeDetail, str]:
    """Return a node, its record and its edges on ``as_of``, and the record's ETag."""
    node = store.node(node_id, as_of=as_of)
    edges = store.edges_of(node_id, as_of=as_of)
    record = read_record(store, node_id)
    return NodeDetail(node=node, record=record_data(record), edges=edges), etag(record)


def edge_detail(store: OrgStore, key: str) -> tuple[EdgeDetail, str]:
    """Return an edge (any date), its record and its ETag."""
    record = read_record(store, key)
    if not isinstance(record, EdgeRecord):
        raise NotFoundError(key, f"no edge with key {key!r}")
    return EdgeDetail(edge=edge_view(record), record=record_data(record)), etag(record)


def export_zip(store: WritableStore) -> bytes:
    """Return the whole dataset as data files in a zip (see :mod:`orgmodel.export`)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in export_files(store.dataset()).items():
            archive.writestr(name, text)
    return buffer.getvalue()
