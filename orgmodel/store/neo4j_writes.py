"""Validated edits in Neo4j: one transaction each, optimistic concurrency, an audit trail.

Every write runs in one transaction that (1) takes the write lock on the ``(:Meta)`` node, so
writes and loads happen one at a time, (2) reads the whole dataset and applies the change with
:mod:`orgmodel.editing` (the rules of the data files, the ETag precondition), (3) writes the
node or edge, (4) bumps the graph version (so cached search indexes are rebuilt) and (5)
appends an ``(:AuditEntry)``. An error anywhere rolls all of it back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import neo4j

from orgmodel import editing
from orgmodel.audit_query import AuditQuery
from orgmodel.contract import AuditEntry
from orgmodel.dataset import Dataset
from orgmodel.editing import Change
from orgmodel.records import EdgeRecord, record_ends
from orgmodel.schema import Kind
from orgmodel.store import neo4j_cypher as cypher
from orgmodel.store.neo4j_connection import Neo4jClient
from orgmodel.store.neo4j_props import (
    edge_from_props,
    edge_props,
    node_from_props,
    node_keywords,
    node_props,
    origin_from_props,
    plain,
    source_from_props,
)
from orgmodel.vocabulary import Vocabulary

__all__ = ["append_audit", "audit_log", "read_dataset", "write"]

#: A pure change of a dataset (one of the functions of :mod:`orgmodel.editing`).
Edit = Callable[[Dataset], Change]


def read_dataset(run: Callable[..., Any], node_query: str = cypher.ALL_NODES,
                 edge_query: str = cypher.ALL_EDGES, **params: Any) -> Dataset:
    """Visible records with origins, read with ``run(query, **params) -> records``.

    By default every record; the store's snapshot passes the queries of one date.
    """
    ds = Dataset()
    for record in run(node_query, **params):
        node = node_from_props(record["props"])
        ds.nodes[node.id] = node
        if (origin := origin_from_props(record["props"])) is not None:
            ds.origins[node.id] = origin
    for record in run(edge_query, **params):
        edge = edge_from_props(record["props"], record["type"], record["source"],
                               record["target"])
        ds.edges[edge.key] = edge
        if (origin := origin_from_props(record["props"])) is not None:
            ds.origins[edge.key] = origin
    for record in run(cypher.SOURCES):
        source = source_from_props(record["props"])
        ds.sources[source.key] = source
    return ds


def _apply(tx: neo4j.ManagedTransaction, change: Change, vocabulary: Vocabulary) -> None:
    origin = change.dataset.origins.get(change.key)
    before, after = change.before, change.after
    if isinstance(before, EdgeRecord) and (
            after is None or not isinstance(after, EdgeRecord) or (after.type, after.source_id,
                                                                   after.target_id)
            != (before.type, before.source_id, before.target_id)):
        old = {"source": before.source_id, "target": before.target_id, "key": before.key}
        tx.run(cypher.delete_edges_query(before.type), rows=[old]).consume()
    if before is not None and not isinstance(before, EdgeRecord) and after is None:
        tx.run(cypher.DELETE_NODES, ids=[before.id]).consume()
    if isinstance(after, EdgeRecord):
        row: dict[str, Any] = {"source": after.source_id, "target": after.target_id,
                               "key": after.key, "props": edge_props(after, origin)}
        tx.run(cypher.upsert_edges_query(after.type, "Node", "Node"), rows=[row]).consume()
    elif after is not None:
        props = node_props(after, origin, node_keywords(after, vocabulary))
        tx.run(cypher.upsert_nodes_query(Kind(after.kind)),
               rows=[{"id": after.id, "props": props}]).consume()


def write(client: Neo4jClient, edit: Edit, *, actor: str, vocabulary: Vocabulary,
          comment: str | None = None) -> Change:
    """Apply ``edit`` to the graph in one transaction; return the change.

    Raises
    ------
    WriteConflictError, NotFoundError, DataValidationError
        As :mod:`orgmodel.editing` decides; nothing is written then.
    StoreUnavailableError
        If Neo4j cannot be reached; nothing is written.
    """
    return write_all(client, lambda ds: [edit(ds)], actor=actor, vocabulary=vocabulary,
                     comment=comment)[0]


def write_all(client: Neo4jClient, edits: Callable[[Dataset], list[Change]], *, actor: str,
              vocabulary: Vocabulary, comment: str | None = None) -> list[Change]:
    """Apply the changes ``edits`` makes of the graph's dataset in one transaction (a batch)."""
    def work(tx: neo4j.ManagedTransaction) -> list[Change]:
        tx.run(cypher.LOCK_META).consume()

        def run(query: str, **params: Any) -> list[neo4j.Record]:
            return list(tx.run(query, params))

        changes = edits(read_dataset(run))
        changed = [change for change in changes if change.changed]  # the rest: nothing to do
        first: int | None = None  # the write's first entry: the others name it
        for change in changed:
            _apply(tx, change, vocabulary)
            before, after = (None if r is None else editing.record_data(r)
                             for r in (change.before, change.after))
            seq = append_audit(tx, actor=actor, action=change.action, key=change.key,
                               before=before, after=after, first=first, comment=comment)
            first = seq if first is None else first
        if changed:  # a new version only when the graph is new: cached answers stay good
            tx.run(cypher.BUMP_META).consume()
        return changes

    with client.errors(), client.session() as session:
        return session.execute_write(work)


def append_audit(tx: neo4j.ManagedTransaction | neo4j.Transaction, *, actor: str, action: str,
                 key: str, before: dict[str, Any] | None, after: dict[str, Any] | None,
                 first: int | None = None, comment: str | None = None) -> int:
    """Append one entry to the audit log in the graph, in ``tx`` (the write's own).

    ``first`` is the seq of the write's first entry (none: this is it). Returns its seq.
    """
    seq: int = tx.run(cypher.AUDIT_APPEND, actor=actor, action=action, record_key=key,
                      before=_json(before), after=_json(after), ends=record_ends(before, after),
                      change=first, comment=comment).single(strict=True)["seq"]
    return seq


def _json(data: dict[str, Any] | None) -> str | None:
    return None if data is None else json.dumps(data, ensure_ascii=False)


def audit_count(client: Neo4jClient, asked: AuditQuery) -> int:
    """How many audit entries ``asked`` finds, on every page."""
    total: int = client.read(cypher.AUDIT_COUNT, record_key=asked.record_key,
                             with_edges=asked.with_edges, actor=asked.actor, since=asked.since,
                             until=asked.until)[0]["total"]
    return total


def audit_log(client: Neo4jClient, asked: AuditQuery, *, offset: int,
              limit: int) -> list[AuditEntry]:
    """The audit entries ``asked`` for, newest first."""
    entries = []
    for record in client.read(cypher.AUDIT_LOG, record_key=asked.record_key, offset=offset,
                              limit=limit, with_edges=asked.with_edges, actor=asked.actor,
                              since=asked.since, until=asked.until):
        props = record["props"]
        at: datetime = plain(props["at"])
        entries.append(AuditEntry(
            seq=props["seq"], at=at, actor=props["actor"], action=props["action"],
            record_key=props["record_key"],
            before=json.loads(props["before"]) if props.get("before") else None,
            after=json.loads(props["after"]) if props.get("after") else None,
            change=props.get("change"), comment=props.get("comment")))
    return entries
