"""The embedded store made writable: validated edits, optimistic concurrency, an audit log.

:class:`EditableMemoryStore` answers every question of the query contract through an immutable
:class:`~orgmodel.store.memory.MemoryStore` and takes writes (:class:`WritableStore`) by
building the changed dataset with :mod:`orgmodel.editing`, rebuilding a whole new
``MemoryStore`` from it and swapping it in under a lock. A reader therefore always sees one
consistent state, before or after a write, never half of one; a failed write changes nothing.

The audit log is kept in memory and, with ``audit_file``, appended to that file as JSON lines
(one :class:`~orgmodel.contract.AuditEntry` a line). Edits live as long as the process: export
them with ``orgmodel export-data`` (or ``GET /api/v1/export``) to keep them.

Examples
--------
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> ds = Dataset.build(
...     [node(id="unit:lon", kind="Unit", name="Lønenheden", level="enhed"),
...      node(id="task:lon", kind="Task", name="Løn")],
...     [EdgeRecord.model_validate({"type": "RESPONSIBLE_FOR", "from": "unit:lon",
...      "to": "task:lon", "raci": "A", "source": "seed", "confidence": "high"})])
>>> from orgmodel.editing import etag
>>> store = EditableMemoryStore(MemoryStore(ds))
>>> unit = store.record("unit:lon")
>>> view = store.put_node(unit.model_copy(update={"name": "Løn og HR"}),
...                       expected_etag=etag(unit), actor="editor")
>>> store.owners("løn")[0].owners[0].name
'Løn og HR'
>>> [(e.seq, e.actor, e.action, e.before["name"], e.after["name"]) for e in store.audit_log()]
[(1, 'editor', 'update', 'Lønenheden', 'Løn og HR')]
"""

from __future__ import annotations

import json
import threading
from collections.abc import Collection
from datetime import UTC, date, datetime
from pathlib import Path

from orgmodel import editing
from orgmodel.contract import (
    AuditEntry,
    EdgeView,
    Membership,
    NodePage,
    NodeRef,
    NodeView,
    OwnersResult,
    Responsibility,
    SearchResult,
    Subgraph,
)
from orgmodel.dataset import Dataset
from orgmodel.editing import Change
from orgmodel.exceptions import NotFoundError
from orgmodel.records import AnyNode, EdgeRecord
from orgmodel.schema import EdgeType, Kind
from orgmodel.semantics import edge_view, node_view
from orgmodel.store.memory import MemoryStore

__all__ = ["EditableMemoryStore"]


class EditableMemoryStore:
    """The query contract and :class:`~orgmodel.contract.WritableStore` over a MemoryStore.

    Parameters
    ----------
    store
        The initial state.
    audit_file
        If given, every audit entry is also appended to this file as a JSON line; sequence
        numbers continue after the last line already in it.
    """

    def __init__(self, store: MemoryStore, *, audit_file: Path | None = None) -> None:
        self._state = store
        self._lock = threading.Lock()
        self._audit: list[AuditEntry] = []
        self._audit_file = audit_file
        self._seq = _last_seq(audit_file) if audit_file else 0

    @property
    def state(self) -> MemoryStore:
        """The current (immutable) embedded store, e.g. for analytics on its graph."""
        return self._state

    # -- reads: each takes the current state once, so it sees one consistent version -----------

    def node(self, node_id: str, *, as_of: date | None = None) -> NodeView:
        """One node; raises NotFoundError."""
        return self._state.node(node_id, as_of=as_of)

    def edges_of(self, node_id: str, *, as_of: date | None = None) -> list[EdgeView]:
        """All edges touching a node, sorted by key."""
        return self._state.edges_of(node_id, as_of=as_of)

    def list_nodes(
        self, *, kind: Kind | None = None, text: str | None = None, offset: int = 0,
        limit: int = 50, as_of: date | None = None,
    ) -> NodePage:
        """Nodes filtered by kind and text (search order for text, id order otherwise)."""
        return self._state.list_nodes(kind=kind, text=text, offset=offset, limit=limit,
                                      as_of=as_of)

    def search(
        self, query: str, *, kinds: Collection[Kind] | None = None, limit: int = 20,
        as_of: date | None = None,
    ) -> list[SearchResult]:
        """Danish-aware search, best first."""
        return self._state.search(query, kinds=kinds, limit=limit, as_of=as_of)

    def owners(
        self, query: str, *, limit: int = 5, as_of: date | None = None
    ) -> list[OwnersResult]:
        """Who owns the tasks matching a task id, a KLE number or free text, best first."""
        return self._state.owners(query, limit=limit, as_of=as_of)

    def chain(self, node_id: str, *, as_of: date | None = None) -> list[NodeRef]:
        """Return the reporting line from a node up to the top, the node itself first."""
        return self._state.chain(node_id, as_of=as_of)

    def members(self, node_id: str, *, as_of: date | None = None) -> list[Membership]:
        """Members of a forum, body or initiative."""
        return self._state.members(node_id, as_of=as_of)

    def memberships(self, node_id: str, *, as_of: date | None = None) -> list[Membership]:
        """Fora, bodies and initiatives a node belongs to or takes part in."""
        return self._state.memberships(node_id, as_of=as_of)

    def responsibilities(
        self, node_id: str, *, descendants: bool = False, as_of: date | None = None
    ) -> list[Responsibility]:
        """Tasks a unit or post holds (with ``descendants``: also its sub-units and posts)."""
        return self._state.responsibilities(node_id, descendants=descendants, as_of=as_of)

    def neighbourhood(
        self, node_id: str, *, depth: int = 1, kinds: Collection[Kind] | None = None,
        edge_types: Collection[EdgeType] | None = None, as_of: date | None = None,
    ) -> Subgraph:
        """Nodes within ``depth`` steps (either direction), filtered by kind and edge type."""
        return self._state.neighbourhood(node_id, depth=depth, kinds=kinds,
                                         edge_types=edge_types, as_of=as_of)

    def paths(
        self, source_id: str, target_id: str, *, max_paths: int = 5, as_of: date | None = None
    ) -> list[list[NodeRef]]:
        """Shortest paths between two nodes, ignoring direction."""
        return self._state.paths(source_id, target_id, max_paths=max_paths, as_of=as_of)

    def subtree(self, node_id: str, *, as_of: date | None = None) -> Subgraph:
        """Return a unit or body with everything PART_OF it, their posts and holders."""
        return self._state.subtree(node_id, as_of=as_of)

    def snapshot(self, *, as_of: date | None = None) -> Dataset:
        """All records valid on the date, for analytics and exports."""
        return self._state.snapshot(as_of=as_of)

    def dataset(self) -> Dataset:
        """Every record of every date, with origins: the source of exports."""
        return self._state.dataset

    def record(self, key: str) -> AnyNode | EdgeRecord:
        """Return the node with id ``key`` or the edge with key ``key`` (any date).

        Raises NotFoundError if there is none; used for ETags on reads.
        """
        found = editing.find_record(self._state.dataset, key)
        if found is None:
            raise NotFoundError(key, f"no record with id or key {key!r}")
        return found

    # -- writes -------------------------------------------------------------------------------

    def put_node(self, record: AnyNode, *, expected_etag: str | None, actor: str) -> NodeView:
        """Create (``expected_etag=None``) or replace a node."""
        with self._lock:
            self._commit(editing.put_node(self._state.dataset, record,
                                          expected_etag=expected_etag), actor)
        return node_view(record)

    def delete_node(self, node_id: str, *, expected_etag: str, actor: str) -> None:
        """Delete a node (refused while edges still touch it)."""
        with self._lock:
            self._commit(editing.delete_node(self._state.dataset, node_id,
                                             expected_etag=expected_etag), actor)

    def put_edge(self, record: EdgeRecord, *, expected_etag: str | None, actor: str) -> EdgeView:
        """Create (``expected_etag=None``) or replace an edge."""
        with self._lock:
            self._commit(editing.put_edge(self._state.dataset, record,
                                          expected_etag=expected_etag), actor)
        return edge_view(record)

    def delete_edge(self, key: str, *, expected_etag: str, actor: str) -> None:
        """Delete an edge."""
        with self._lock:
            self._commit(editing.delete_edge(self._state.dataset, key,
                                             expected_etag=expected_etag), actor)

    def audit_log(self, *, record_key: str | None = None, offset: int = 0,
                  limit: int = 100) -> list[AuditEntry]:
        """Return the writes, newest first (optionally for one record)."""
        entries = [e for e in reversed(self._audit)
                   if record_key is None or e.record_key == record_key]
        return entries[offset: offset + limit]

    def _commit(self, change: Change, actor: str) -> None:
        """Swap in the changed state and log the change (the caller holds the lock)."""
        new_state = MemoryStore(change.dataset, self._state.vocabulary)
        entry = editing.audit_entry(change, seq=self._seq + 1, actor=actor,
                                    at=datetime.now(UTC))
        if self._audit_file is not None:
            with self._audit_file.open("a", encoding="utf-8") as out:
                out.write(entry.model_dump_json() + "\n")
        self._seq += 1
        self._audit.append(entry)
        self._state = new_state


def _last_seq(path: Path) -> int:
    """Return the sequence number of the last entry in an audit file (0 if none)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return 0
    for line in reversed(lines):
        if line.strip():
            seq: int = json.loads(line)["seq"]
            return seq
    return 0

