"""Sync a validated dataset into Neo4j: all or nothing, only what changed, idempotent.

A sync compares the dataset with the graph (by a content hash stored on every node and edge)
and applies the difference in two phases:

1. **Stage** (many small transactions, invisible to readers): new nodes are written with the
   label ``:Pending`` instead of ``:Node``, and new edges that touch a new node are written
   between them. Readers only ever match ``:Node``, so nothing staged shows.
2. **Switch** (one transaction): check that no other write came in between (the graph version
   is unchanged), turn the staged nodes into ``:Node``, hide removed nodes (``:Removed``
   instead of ``:Node``: their edges vanish with them), apply every change, the remaining
   deletions and new edges, and bump the graph version. Hidden nodes are deleted after the
   commit, in small transactions.

If anything fails before the switch commits (bad data is rejected before phase 1; a server
stopped, a lost connection, a constraint violation), the visible graph is exactly what it was:
the switch is one transaction, and what phase 1 staged is invisible and deleted by the next
sync. Staging keeps each transaction small, so a 50,000-node/150,000-edge load fits the
512 MiB transaction memory of a test server; only the switch grows with the number of new and
removed *nodes* (a label change each) and of *changed* records. See docs/neo4j.md.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import neo4j
from neo4j import exceptions as neo4j_errors

from orgmodel.dataset import Dataset, Origin
from orgmodel.editing import record_data
from orgmodel.exceptions import OrgModelError, StoreUnavailableError, WriteConflictError
from orgmodel.records import AnyNode, EdgeRecord
from orgmodel.schema import EdgeType, Kind
from orgmodel.store import neo4j_cypher as cypher
from orgmodel.store.neo4j_admin import dump_graph, wipe_graph  # also importable from here
from orgmodel.store.neo4j_connection import Neo4jClient, is_database_unavailable, unavailable
from orgmodel.store.neo4j_cypher import StageLabel
from orgmodel.store.neo4j_props import (
    content_hash,
    edge_props,
    node_keywords,
    node_props,
    source_props,
    stored_hash,
)
from orgmodel.store.neo4j_report import Counts, SyncReport
from orgmodel.store.neo4j_writes import append_audit
from orgmodel.store.sync_defaults import DEFAULT_BATCH_SIZE, DEFAULT_WORKERS
from orgmodel.vocabulary import Vocabulary, load_vocabulary

__all__ = [
    "DEFAULT_BATCH_SIZE", "DEFAULT_WORKERS", "LOAD_ACTOR", "Counts", "Progress", "SyncReport",
    "clean_staging", "dump_graph", "edge_row", "ensure_schema", "node_row", "sync_dataset",
    "wipe_graph",
]

#: ``progress(done, total, what)``: called after every batch of work.
Progress = Callable[[int, int, str], None]
_CLEAN_BATCH = 2_000
_AUDIT_BATCH = 5_000  # keys asked of the audit log at once
#: Who the audit log says wrote what a load changed of a record written over the API.
LOAD_ACTOR = "load"


Row = dict[str, Any]


def node_row(node: AnyNode, origin: Origin | None, keywords: tuple[str, ...] = ()) -> Row:
    """A node's row for the staging statement (``STAGE_NODES``): id, kind and properties."""
    return {"id": node.id, "kind": Kind(node.kind).value,
            "props": node_props(node, origin, keywords)}


def edge_row(key: str, edge: EdgeRecord, origin: Origin | None) -> Row:
    """An edge's row for the edge statements: its ends, key, type and properties."""
    return {"source": edge.source_id, "target": edge.target_id, "key": key,
            "type": edge.type.value, "props": edge_props(edge, origin)}


class _NewNode(NamedTuple):
    """A node to create; its statement row is built when its batch is about to be written."""

    node: AnyNode
    origin: Origin | None
    keywords: tuple[str, ...]

    def row(self) -> Row:
        return node_row(self.node, self.origin, self.keywords)


class _NewEdge(NamedTuple):
    """An edge to create (its row built late, as for :class:`_NewNode`)."""

    key: str
    edge: EdgeRecord
    origin: Origin | None

    def row(self) -> Row:
        return edge_row(self.key, self.edge, self.origin)


def _rows() -> defaultdict[Any, list[Row]]:
    return defaultdict(list)


def _new_edges() -> defaultdict[Any, list[_NewEdge]]:
    return defaultdict(list)


@dataclass
class _Plan:
    """The difference between a dataset and the graph, as batches of statement rows."""

    report: SyncReport
    version: int
    # New records carry their kind or type in the row ("kind", "type"): one statement writes
    # them all (see cypher.STAGE_NODES), so they are not grouped by it. Their rows (most of a
    # first load's client work) are built batch by batch, as each batch is written.
    staged_nodes: list[_NewNode] = field(default_factory=list)
    staged_edges: dict[tuple[StageLabel, StageLabel], list[_NewEdge]] = field(
        default_factory=_new_edges)
    updated_nodes: dict[Kind, list[Row]] = field(default_factory=_rows)
    moved_nodes: list[Row] = field(default_factory=list)
    deleted_nodes: list[str] = field(default_factory=list)
    new_edges: list[_NewEdge] = field(default_factory=list)
    updated_edges: dict[EdgeType, list[Row]] = field(default_factory=_rows)
    moved_edges: dict[EdgeType, list[Row]] = field(default_factory=_rows)
    deleted_edges: dict[EdgeType, list[Row]] = field(default_factory=_rows)
    sources: list[Row] = field(default_factory=list)
    deleted_sources: list[str] = field(default_factory=list)
    # What the load changes (the record now) or takes away (None), by key: those the audit log
    # has writes for get an entry of the load's own, so that their history stays true.
    touched: dict[str, AnyNode | EdgeRecord | None] = field(default_factory=dict)

    @property
    def staged_ids(self) -> list[str]:
        return [item.node.id for item in self.staged_nodes]


def ensure_schema(client: Neo4jClient) -> None:
    """Create the constraints and indexes (each statement is idempotent)."""
    for statement in cypher.SCHEMA:
        client.write(statement)


def _batch_count(rows: Sequence[Any], size: int) -> int:
    return -(-len(rows) // size)


def _batches(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start: start + size]


def _read_state(tx: neo4j.ManagedTransaction, verify: bool = False) -> dict[str, Any]:
    meta = tx.run(cypher.META_VERSION).single(strict=True)
    if verify:
        return _read_stored_state(tx, meta["version"])
    return {
        "version": meta["version"],
        "nodes": {r["id"]: r for r in tx.run(cypher.STATE_NODES)},
        "edges": {r["key"]: r for r in tx.run(cypher.STATE_EDGES) if r["key"] is not None},
        "sources": {r["key"]: r["hash"] for r in tx.run(cypher.STATE_SOURCES)},
    }


def _read_stored_state(tx: neo4j.ManagedTransaction, version: int) -> dict[str, Any]:
    """The state with each record's hash taken from what it stores, not from its ``_hash``.

    A property changed around orgmodel leaves ``_hash`` as it was; hashing the properties
    themselves makes that record differ from its file, so the load writes the file's back.
    """
    def rehashed(record: neo4j.Record, digest: str | None) -> dict[str, Any]:
        fields: dict[str, Any] = record.data()
        del fields["props"]  # not kept: a load's plan holds only ids, hashes and origins
        return {**fields, "hash": digest}

    return {
        "version": version,
        "nodes": {r["id"]: rehashed(r, stored_hash(r["props"]))
                  for r in tx.run(cypher.STATE_NODES_STORED)},
        "edges": {r["key"]: rehashed(r, stored_hash(r["props"], (r["type"], r["source"],
                                                                 r["target"])))
                  for r in tx.run(cypher.STATE_EDGES_STORED) if r["key"] is not None},
        "sources": {r["key"]: stored_hash(r["props"], source=True)
                    for r in tx.run(cypher.STATE_SOURCES_STORED)},
    }


def _plan(dataset: Dataset, state: dict[str, Any], prune: bool, vocabulary: Vocabulary) -> _Plan:
    plan = _Plan(report=SyncReport(version=state["version"]), version=state["version"])
    nodes, edges, counts = state["nodes"], state["edges"], plan.report
    for node_id, node in dataset.nodes.items():
        origin = dataset.origins.get(node_id)
        keywords = node_keywords(node, vocabulary)
        where = (origin.file, origin.line) if origin else (None, None)
        old = nodes.get(node_id)
        kind = Kind(node.kind)
        if old is not None and old["hash"] == content_hash(node, *keywords) and (
                old["kind"] == kind.value):
            if (old["file"], old["line"]) != where:  # only moved: no need for its properties
                plan.moved_nodes.append({"id": node_id, "file": where[0], "line": where[1]})
                counts.nodes.moved += 1
            continue
        if old is None:
            plan.staged_nodes.append(_NewNode(node, origin, keywords))
            counts.nodes.added += 1
        else:
            plan.updated_nodes[kind].append(
                {"id": node_id, "props": node_props(node, origin, keywords)})
            plan.touched[node_id] = node
            counts.nodes.changed += 1
    if prune:
        plan.deleted_nodes = sorted(set(nodes) - set(dataset.nodes))
        plan.touched.update(dict.fromkeys(plan.deleted_nodes))
        counts.nodes.removed = len(plan.deleted_nodes)
    staged = set(plan.staged_ids)
    for key, edge in dataset.edges.items():
        origin = dataset.origins.get(key)
        where = (origin.file, origin.line) if origin else (None, None)
        old = edges.get(key)
        same_ends = old is not None and (old["type"], old["source"], old["target"]) == (
            edge.type.value, edge.source_id, edge.target_id)
        if same_ends and old["hash"] == content_hash(edge, key):
            if (old["file"], old["line"]) != where:
                plan.moved_edges[edge.type].append({"source": edge.source_id, "target":
                                                    edge.target_id, "key": key,
                                                    "file": where[0], "line": where[1]})
                counts.edges.moved += 1
            continue
        if same_ends:
            plan.updated_edges[edge.type].append(
                {"source": edge.source_id, "target": edge.target_id, "key": key,
                 "props": edge_props(edge, origin)})
            plan.touched[key] = edge
            counts.edges.changed += 1
            continue
        if old is None:
            counts.edges.added += 1
        else:  # same key, other type or ends: replace it
            plan.deleted_edges[EdgeType(old["type"])].append(dict(old))
            plan.touched[key] = edge
            counts.edges.changed += 1
        source_label: StageLabel = "Pending" if edge.source_id in staged else "Node"
        target_label: StageLabel = "Pending" if edge.target_id in staged else "Node"
        if "Pending" in (source_label, target_label):
            plan.staged_edges[(source_label, target_label)].append(_NewEdge(key, edge, origin))
        else:
            plan.new_edges.append(_NewEdge(key, edge, origin))
    if prune:
        hidden = set(plan.deleted_nodes)
        for key in sorted(set(edges) - set(dataset.edges)):
            old = edges[key]
            plan.touched[key] = None
            if old["source"] not in hidden and old["target"] not in hidden:
                plan.deleted_edges[EdgeType(old["type"])].append(dict(old))
            counts.edges.removed += 1  # else it goes with its hidden node
    for key, source in dataset.sources.items():
        props = source_props(source)
        if key not in state["sources"]:
            counts.sources.added += 1
        elif state["sources"][key] != props["_hash"]:
            counts.sources.changed += 1
        else:
            continue
        plan.sources.append(props)
    if prune:
        plan.deleted_sources = sorted(set(state["sources"]) - set(dataset.sources))
        counts.sources.removed = len(plan.deleted_sources)
    return plan


class _Steps:
    """Counts batches of work and reports progress."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.done, self.total, self.progress = 0, total, progress

    def tick(self, what: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total, what)


def _stage(client: Neo4jClient, plan: _Plan, load: str, size: int, steps: _Steps,
           workers: int) -> None:
    """Write the new nodes, then the new edges that touch them, ``workers`` batches at a time.

    Each batch is its own transaction in its own session, so the server writes several at
    once (on its own cores) while the client builds the next batches' rows. Staged records are
    invisible until the switch, so their order does not matter; only the edges wait for the
    nodes they join. Concurrent edge batches can lock the same node: Neo4j then reports a
    deadlock, a transient error on which ``execute_write`` retries the batch.
    """
    def write(query: str, batch: Sequence[_NewNode] | Sequence[_NewEdge]) -> None:
        rows = [item.row() for item in batch]

        def work(tx: neo4j.ManagedTransaction) -> None:
            tx.run(query, rows=rows, load=load).consume()
        with client.errors(), client.session() as session:
            session.execute_write(work)

    node_work = [(cypher.STAGE_NODES, batch) for batch in _batches(plan.staged_nodes, size)]
    edge_work = [(cypher.create_edges_query(source_label, target_label), batch)
                 for (source_label, target_label), items in plan.staged_edges.items()
                 for batch in _batches(items, size)]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="orgmodel-stage") as pool:
        for work, what in ((node_work, "staged nodes"), (edge_work, "staged edges")):
            futures = [pool.submit(write, query, batch) for query, batch in work]
            try:
                for future in as_completed(futures):
                    future.result()
                    steps.tick(what)
            except BaseException:
                for future in futures:  # what has not started yet; running ones finish
                    future.cancel()
                raise


def _switch(tx: neo4j.Transaction, plan: _Plan, load: str, size: int, steps: _Steps) -> int:
    def run(query: str, what: str, **params: Any) -> neo4j.Result:
        result = tx.run(query, params)
        steps.tick(what)
        return result

    meta = tx.run(cypher.LOCK_META).single(strict=True)
    if meta["version"] != plan.version:
        raise WriteConflictError(
            f"the graph changed while loading (version {plan.version} -> {meta['version']}); "
            "nothing was written: run the load again")
    for edge_type, rows in plan.deleted_edges.items():
        for batch in _batches(rows, size):
            run(cypher.delete_edges_query(edge_type), "deleted edges", rows=batch).consume()
    for batch in _batches(plan.deleted_nodes, size):
        run(cypher.HIDE_NODES, "removed nodes", ids=batch).consume()
    published = 0
    for batch in _batches(plan.staged_ids, size):
        record = run(cypher.PUBLISH_PENDING, "published staged nodes", ids=batch,
                     load=load).single(strict=True)
        published += record["published"]
    if published != len(plan.staged_ids):
        raise WriteConflictError(
            f"{len(plan.staged_ids) - published} staged nodes vanished (another load ran at the "
            "same time?); nothing was written: run the load again")
    for kind, rows in plan.updated_nodes.items():
        for batch in _batches(rows, size):
            run(cypher.update_nodes_query(kind), "updated nodes", rows=batch).consume()
    for batch in _batches(plan.moved_nodes, size):
        run(cypher.MOVE_NODES, "moved nodes", rows=batch).consume()
    for batch in _batches(plan.new_edges, size):
        run(cypher.create_edges_query("Node", "Node"), "added edges",
            rows=[item.row() for item in batch]).consume()
    for edge_type, rows in plan.updated_edges.items():
        for batch in _batches(rows, size):
            run(cypher.update_edges_query(edge_type), "updated edges", rows=batch).consume()
    for edge_type, rows in plan.moved_edges.items():
        for batch in _batches(rows, size):
            run(cypher.move_edges_query(edge_type), "moved edges", rows=batch).consume()
    if plan.sources:
        run(cypher.UPSERT_SOURCES, "sources", rows=plan.sources).consume()
    if plan.deleted_sources:
        run(cypher.DELETE_SOURCES, "deleted sources", keys=plan.deleted_sources).consume()
    plan.report.overwritten = _log_overwritten(tx, plan.touched)
    version: int = run(cypher.BUMP_META, "graph version").single(strict=True)["version"]
    return version


def _log_overwritten(tx: neo4j.Transaction,
                     touched: dict[str, AnyNode | EdgeRecord | None]) -> list[str]:
    """Log the load's changes to records written over the API; return their keys.

    A load puts the files' records in place of the graph's: an edit made over the API and not
    exported to the files was undone without a word, and its history still ended at the edit.
    Each such record gets an entry by the actor ``load`` (before: the edit's record), in the
    switch's transaction. Records no one wrote over the API have no history to keep true.
    """
    keys = sorted(touched)
    overwritten = []
    first: int | None = None  # one load, one change: its entries name the first
    for batch in _batches(keys, _AUDIT_BATCH):
        for row in tx.run(cypher.AUDITED_LAST, keys=batch):
            key, record = row["key"], touched[row["key"]]
            before = json.loads(row["after"]) if row["after"] else None
            after = None if record is None else record_data(record)
            if before == after:  # the files hold what was written: nothing undone
                continue
            seq = append_audit(tx, actor=LOAD_ACTOR,
                               action="delete" if record is None else "update", key=key,
                               before=before, after=after, first=first)
            first = seq if first is None else first
            overwritten.append(key)
    return overwritten


def _stage_batches(plan: _Plan, size: int) -> int:
    return _batch_count(plan.staged_nodes, size) + sum(
        _batch_count(rows, size) for rows in plan.staged_edges.values())


def _switch_batches(plan: _Plan, size: int) -> int:
    groups: list[Sequence[Any]] = [
        *plan.deleted_edges.values(), plan.deleted_nodes, plan.staged_ids,
        *plan.updated_nodes.values(), plan.moved_nodes, plan.new_edges,
        *plan.updated_edges.values(), *plan.moved_edges.values(),
    ]
    return (sum(_batch_count(g, size) for g in groups) + bool(plan.sources)
            + bool(plan.deleted_sources) + 1)


def _run_switch(client: Neo4jClient, plan: _Plan, load: str, size: int, steps: _Steps) -> int:
    """The switch in one transaction, retried on transient errors (not on lack of memory)."""
    deadline, delay, done = time.monotonic() + client.settings.retry_time, 0.2, steps.done
    while True:
        steps.done = done
        try:
            with client.errors(), client.session() as session, \
                    session.begin_transaction() as tx:
                version = _switch(tx, plan, load, size, steps)
                tx.commit()
                return version
        except neo4j_errors.TransientError as exc:
            if "MemoryPool" in (exc.code or "") or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay *= 2


def clean_staging(client: Neo4jClient) -> int:
    """Delete what unfinished loads staged and what switches hid (both invisible)."""
    deleted = 0
    for query in (cypher.CLEAN_PENDING, cypher.CLEAN_REMOVED):
        while True:
            found: int = client.write(query, limit=_CLEAN_BATCH)[0]["deleted"]
            deleted += found
            if found < _CLEAN_BATCH:
                break
    return deleted


def sync_dataset(
    client: Neo4jClient, dataset: Dataset, *, prune: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = DEFAULT_WORKERS, progress: Progress | None = None,
    vocabulary: Vocabulary | None = None, verify: bool = False,
) -> SyncReport:
    """Make the graph hold ``dataset`` (which must be checked already); all or nothing.

    Parameters
    ----------
    client : Neo4jClient
        Where to write.
    dataset : Dataset
        A validated dataset (from :func:`orgmodel.loader.load_dataset`).
    prune : bool
        Delete nodes, edges and sources that are not in ``dataset`` (the default).
    batch_size : int
        Rows per ``UNWIND`` statement.
    workers : int
        Batches staged at the same time, each in its own transaction (the switch is one).
    progress : callable, optional
        Called as ``progress(done, total, what)`` after every batch.
    vocabulary : Vocabulary, optional
        KLE keywords for the full-text index (default: the project's vocabulary).
    verify : bool
        Compare the files with what each record stores, not with the hash stored beside it:
        a change made around orgmodel (plain Cypher) is then found and put back. Reads every
        property of the graph, where a load otherwise reads ids and hashes.

    Returns
    -------
    SyncReport
        Added/changed/removed counts; ``changed`` is false when the graph already held it all.

    Raises
    ------
    StoreUnavailableError
        If Neo4j cannot be reached, refuses the password or goes away; nothing is changed.
    WriteConflictError
        If another write changed the graph during the sync; nothing is changed.
    OrgModelError
        If Neo4j refused the work (e.g. not enough transaction memory); nothing is changed.
    ValueError
        If ``batch_size`` or ``workers`` is less than 1.
    """
    if batch_size < 1 or workers < 1:
        raise ValueError(f"batch_size and workers must be 1 or more, not {batch_size}, {workers}")
    vocabulary = vocabulary or load_vocabulary()
    try:
        ensure_schema(client)
        clean_staging(client)
        with client.errors(), client.session() as session:
            state = session.execute_read(_read_state, verify)
        plan = _plan(dataset, state, prune, vocabulary)
        if not plan.report.changed:
            return plan.report
        load = uuid.uuid4().hex
        steps = _Steps(_stage_batches(plan, batch_size) + _switch_batches(plan, batch_size),
                       progress)
        try:
            _stage(client, plan, load, batch_size, steps, workers)
        except KeyboardInterrupt:  # Ctrl-C: what was staged goes now, not at the next load
            with contextlib.suppress(StoreUnavailableError, neo4j_errors.Neo4jError):
                clean_staging(client)
            raise
        plan.report.version = _run_switch(client, plan, load, batch_size, steps)
    except neo4j_errors.Neo4jError as exc:
        if is_database_unavailable(exc):  # the server is stopping: not a refusal of the load
            raise unavailable(exc, client.settings) from None
        reason = (exc.message or str(exc)).splitlines()[0]
        hint = (": the switch needs more transaction memory than the server allows (raise "
                "dbms.memory.transaction.total.max, or load with --no-prune first)"
                if "MemoryPool" in (exc.code or "") else "")
        raise OrgModelError(f"Neo4j refused the load ({reason}); nothing was changed{hint}"
                            ) from None
    with contextlib.suppress(StoreUnavailableError):  # else the next sync deletes them
        clean_staging(client)  # delete the nodes the switch hid (and their edges)
    return plan.report
