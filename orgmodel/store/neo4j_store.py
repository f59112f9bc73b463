"""The Neo4j store: the query contract answered from a Neo4j 5 graph.

Reads are Cypher (the constants of :mod:`orgmodel.store.neo4j_cypher`, values as parameters),
with validity on the date checked in Cypher for every node and edge walked. Conversions and
orderings come from :mod:`orgmodel.semantics`, and the step-by-step rules of ``chain`` and
``owners`` and the search ranking are the reference ones (see :mod:`.neo4j_rules`), so both
stores give the same answers; the contract tests check that for every node of the data.

Open it with :meth:`Neo4jStore.from_environment` (``NEO4J_URI``, ``NEO4J_USER``,
``NEO4J_PASSWORD``; see :mod:`.neo4j_connection`) and close it when done.
"""

from __future__ import annotations

import weakref
from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from orgmodel import editing
from orgmodel.audit_query import AuditQuery
from orgmodel.batch import Operation, apply_all
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
    WritableStore,
)
from orgmodel.dataset import Dataset
from orgmodel.editing import Change
from orgmodel.exceptions import NotFoundError, NotValidOnDateError
from orgmodel.records import AnyNode, EdgeRecord, edge_key_parts
from orgmodel.schema import Confidence, EdgeType, Kind, Raci
from orgmodel.semantics import RACI_ORDER, edge_view, is_valid, node_ref, node_view, task_ref
from orgmodel.store import neo4j_cypher as cypher
from orgmodel.store import neo4j_writes as writes
from orgmodel.store.neo4j_connection import Neo4jClient, Neo4jSettings
from orgmodel.store.neo4j_props import (
    edge_from_props,
    node_from_props,
)
from orgmodel.store.neo4j_rules import (
    Catalogue,
    CatalogueEntry,
    Walk,
    shortest_paths,
)
from orgmodel.vocabulary import Vocabulary, load_vocabulary

__all__ = ["Neo4jStore"]


def _edge(record: Mapping[str, Any]) -> EdgeRecord:
    return edge_from_props(record["props"], record["type"], record["source"], record["target"])


class Neo4jStore:
    """The query contract over Neo4j (see the module docstring)."""

    def __init__(self, client: Neo4jClient, vocabulary: Vocabulary | None = None) -> None:
        self.client = client
        self.vocabulary = vocabulary or load_vocabulary()
        self._catalogue = Catalogue(self.vocabulary)

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> Neo4jStore:
        """Connect with the settings in the environment; fail fast with a clear message.

        Raises
        ------
        StoreUnavailableError
            If a setting is missing, the server does not answer or refuses the password.
        """
        client = Neo4jClient.connect(Neo4jSettings.from_environment(env))
        store = cls(client)
        weakref.finalize(store, client.close)  # closes the driver even if nobody calls close()
        return store

    def close(self) -> None:
        """Close the connections."""
        self.client.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def graph_version(self) -> tuple[str | None, int, str]:
        """The graph's identity, version and database state: every write changes it.

        Answers computed while it holds are still right, which is what lets the API and the
        search catalogue reuse them. orgmodel's syncs and writes bump the version; the state
        (see :meth:`Neo4jClient.read_state`) also changes with writes made around orgmodel,
        in Neo4j Browser or cypher-shell, so those show in the next answer too.
        """
        records, state = self.client.read_state(cypher.META_VERSION)
        return records[0]["graph_id"], records[0]["version"], state

    # -- helpers -------------------------------------------------------------------------------

    def _record(self, node_id: str, when: date) -> AnyNode:
        found = self.client.read(cypher.NODES_BY_ID, ids=[node_id])
        if not found:
            raise NotFoundError(node_id)
        node = node_from_props(found[0]["props"])
        if not is_valid(node.valid_from, node.valid_to, when):
            raise NotValidOnDateError(node_id, when, node.valid_from, node.valid_to)
        return node

    def _nodes(self, ids: Collection[str]) -> dict[str, AnyNode]:
        records = self.client.read(cypher.NODES_BY_ID, ids=list(ids))
        nodes = (node_from_props(r["props"]) for r in records)
        return {node.id: node for node in nodes}

    def _index(self) -> CatalogueEntry:
        def load() -> tuple[list[AnyNode], list[EdgeRecord]]:
            nodes = [node_from_props(r["props"]) for r in self.client.read(cypher.ALL_NODES)]
            return nodes, [_edge(r) for r in self.client.read(cypher.TASKS_USING)]

        return self._catalogue.get(self.graph_version(), load)

    def _closure(self, ids: list[str], when: date) -> tuple[tuple[Any, ...] | None, Walk]:
        """The reporting-line closure of ``ids`` and the graph version it was read at."""
        nodes, edges, key = [], [], None
        records, state = self.client.read_state(cypher.CLOSURE, ids=ids, when=when)
        for record in records:
            key = (record["graph_id"], record["version"], state)
            node = node_from_props(record["props"])
            nodes.append(node)
            edges += [edge_from_props(e["props"], e["type"], node.id, e["target"])
                      for e in record["edges"]]
        return key, Walk(nodes, edges)

    def _descendants(self, node_id: str, when: date) -> list[str]:
        return sorted(r["id"] for r in self.client.read(cypher.DESCENDANTS, id=node_id, when=when))

    def _subgraph(self, ids: set[str], when: date,
                  types: list[str] | None = None) -> Subgraph:
        nodes = self._nodes(ids)
        edges = {e.key: e for e in map(_edge, self.client.read(
            cypher.OUT_EDGES, ids=sorted(ids), types=types, when=when)) if e.target_id in ids}
        return Subgraph(nodes=[node_view(nodes[n]) for n in sorted(ids)],
                        edges=[edge_view(edges[k]) for k in sorted(edges)])

    # -- nodes ---------------------------------------------------------------------------------

    def node(self, node_id: str, *, as_of: date | None = None) -> NodeView:
        """One node; raises NotFoundError."""
        return node_view(self._record(node_id, as_of or date.today()))

    def edges_of(self, node_id: str, *, as_of: date | None = None) -> list[EdgeView]:
        """All edges touching a node, sorted by key."""
        when = as_of or date.today()
        self._record(node_id, when)
        edges = {e.key: e for e in map(_edge, self.client.read(cypher.EDGES_OF, id=node_id,
                                                               when=when))}
        return [edge_view(edges[key]) for key in sorted(edges)]

    def list_nodes(
        self, *, kind: Kind | None = None, text: str | None = None, offset: int = 0,
        limit: int = 50, as_of: date | None = None, confidence: Confidence | None = None,
    ) -> NodePage:
        """Nodes filtered by kind, text and confidence (search order for text, else by id)."""
        when = as_of or date.today()
        if text and text.strip():
            hits = self.search(text, kinds=[kind] if kind else None, limit=10_000, as_of=when)
            found = [hit.id for hit in hits]
            if confidence is not None:  # each record says how sure it is
                sure = self._nodes(found)
                found = [i for i in found if sure[i].confidence == confidence]
            page = found[offset: offset + limit]
            nodes = self._nodes(page)
            return NodePage(total=len(found), offset=offset, limit=limit,
                            items=[node_view(nodes[i]) for i in page])
        record = self.client.read(cypher.LIST_NODES, kind=kind.value if kind else None,
                                  confidence=confidence.value if confidence else None,
                                  offset=offset, limit=limit, when=when)[0]
        return NodePage(total=record["total"], offset=offset, limit=limit,
                        items=[node_view(node_from_props(p)) for p in record["items"]])

    # -- search and owners ---------------------------------------------------------------------

    def search(
        self, query: str, *, kinds: Collection[Kind] | None = None, limit: int = 20,
        as_of: date | None = None,
    ) -> list[SearchResult]:
        """Danish-aware search, best first (the shared ranking over the graph's nodes)."""
        return self._index().store.search(query, kinds=kinds, limit=limit,
                                          as_of=as_of or date.today())

    def owners(
        self, query: str, *, limit: int = 5, as_of: date | None = None
    ) -> list[OwnersResult]:
        """Who owns the tasks matching a task id, a KLE number or free text, best first.

        Matches with the cached catalogue and checks its version against the one the closure
        query reads (no extra round trip); a stale catalogue is rebuilt and the match redone.
        """
        when = as_of or date.today()
        catalogue = self._catalogue.peek() or self._index()
        for _ in range(2):
            # The embedded store's rule, over the catalogue's nodes.
            matched = catalogue.store.match_tasks(query.strip(), limit, when)
            if matched:
                key, walk = self._closure([task_id for task_id, _, _ in matched], when)
                current = key == catalogue.key
            else:
                walk, current = Walk([], []), self._index() is catalogue
            if current:
                break
            catalogue = self._index()
        return [walk.owners_of(task_id, score, when, found_by)
                for task_id, score, found_by in matched]

    # -- hierarchy ------------------------------------------------------------------------------

    def chain(self, node_id: str, *, as_of: date | None = None) -> list[NodeRef]:
        """The reporting line from a node up to the top, the node itself first."""
        when = as_of or date.today()
        return self._closure([node_id], when)[1].chain(node_id, when)

    def _memberships(self, query: str, node_id: str, when: date) -> list[Membership]:
        self._record(node_id, when)
        found = [(EdgeType(r["type"]), node_from_props(r["props"]), r["role"])
                 for r in self.client.read(query, id=node_id, when=when)]
        found.sort(key=lambda f: (f[0], f[1].id, f[2] or ""))
        return [Membership(node=node_ref(node), type=edge_type, role=role)
                for edge_type, node, role in found]

    def members(self, node_id: str, *, as_of: date | None = None) -> list[Membership]:
        """Members of a forum, body or initiative."""
        return self._memberships(cypher.MEMBERS, node_id, as_of or date.today())

    def memberships(self, node_id: str, *, as_of: date | None = None) -> list[Membership]:
        """Fora, bodies and initiatives a node belongs to or takes part in."""
        return self._memberships(cypher.MEMBERSHIPS, node_id, as_of or date.today())

    def responsibilities(
        self, node_id: str, *, descendants: bool = False, as_of: date | None = None
    ) -> list[Responsibility]:
        """Tasks a unit or post holds (with ``descendants``: also what is below it).

        Below a unit are its sub-units and the posts in them; below a post, what it heads too.
        """
        when = as_of or date.today()
        self._record(node_id, when)
        holders = sorted(r["id"] for r in self.client.read(
            cypher.HELD_BELOW, id=node_id, when=when)) if descendants else [node_id]
        found = [(node_from_props(r["task"]), node_from_props(r["holder"]), Raci(r["raci"]))
                 for r in self.client.read(cypher.RESPONSIBILITIES, ids=holders, when=when)]
        found.sort(key=lambda f: (f[0].id, RACI_ORDER.index(f[2].value), f[1].id))
        return [Responsibility(task=task_ref(task), holder=node_ref(holder), raci=raci)
                for task, holder, raci in found]

    # -- subgraphs ------------------------------------------------------------------------------

    def neighbourhood(
        self, node_id: str, *, depth: int = 1, kinds: Collection[Kind] | None = None,
        edge_types: Collection[EdgeType] | None = None, as_of: date | None = None,
    ) -> Subgraph:
        """Nodes within ``depth`` steps (either direction), filtered by kind and edge type."""
        when = as_of or date.today()
        self._record(node_id, when)
        types = sorted(EdgeType(t).value for t in edge_types) if edge_types else None
        kind_values = sorted(Kind(k).value for k in kinds) if kinds else None
        found, frontier = {node_id}, [node_id]
        for _ in range(max(depth, 0)):
            if not frontier:
                break
            records = self.client.read(cypher.NEIGHBOURS, ids=frontier, types=types,
                                       kinds=kind_values, when=when)
            frontier = sorted({r["id"] for r in records} - found)
            found.update(frontier)
        return self._subgraph(found, when, types)

    def paths(
        self, source_id: str, target_id: str, *, max_paths: int = 5, as_of: date | None = None
    ) -> list[list[NodeRef]]:
        """Shortest paths between two nodes, ignoring direction."""
        when = as_of or date.today()
        self._record(source_id, when)
        self._record(target_id, when)

        def neighbours(frontier: list[str]) -> list[tuple[str, str]]:
            records = self.client.read(cypher.PATH_STEP, ids=frontier, when=when)
            return [(r["node"], r["other"]) for r in records]

        found = shortest_paths(source_id, target_id, max_paths, neighbours)
        nodes = self._nodes({n for path in found for n in path})
        return [[node_ref(nodes[n]) for n in path] for path in found]

    def subtree(self, node_id: str, *, as_of: date | None = None) -> Subgraph:
        """A unit or body with everything PART_OF it, their posts and the posts' holders."""
        when = as_of or date.today()
        self._record(node_id, when)
        ids = set(self._descendants(node_id, when))
        ids |= {r["id"] for r in self.client.read(cypher.HOLDERS, ids=sorted(ids), when=when)}
        return self._subgraph(ids, when)

    def snapshot(self, *, as_of: date | None = None) -> Dataset:
        """All records valid on the date, for analytics and exports."""
        when = as_of or date.today()
        return writes.read_dataset(self.client.read, cypher.VALID_NODES, cypher.VALID_EDGES,
                                   when=when)

    def dataset(self) -> Dataset:
        """Every record of every date, with the files and lines they were read from."""
        return writes.read_dataset(self.client.read)

    def record(self, key: str) -> AnyNode | EdgeRecord:
        """The node with id ``key`` or the edge with key ``key`` (any date), for ETags.

        Raises NotFoundError if there is none.
        """
        found = self.client.read(cypher.NODES_BY_ID, ids=[key])
        if found:
            return node_from_props(found[0]["props"])
        edges = self.client.read(cypher.EDGE_BY_KEY, key=key,
                                 source=edge_key_parts(key).source_id or None)
        if not edges:
            raise NotFoundError(key, f"no record with id or key {key!r}")
        return _edge(edges[0])

    # -- writes ---------------------------------------------------------------------------------

    def put_node(self, record: AnyNode, *, expected_etag: str | None, actor: str,
                 comment: str | None = None) -> NodeView:
        """Create (``expected_etag=None``) or replace a node."""
        writes.write(self.client, lambda ds: editing.put_node(
            ds, record, expected_etag=expected_etag), actor=actor, vocabulary=self.vocabulary,
            comment=comment)
        return node_view(record)

    def delete_node(self, node_id: str, *, expected_etag: str, actor: str,
                    comment: str | None = None) -> None:
        """Delete a node (refused while edges still touch it)."""
        writes.write(self.client, lambda ds: editing.delete_node(
            ds, node_id, expected_etag=expected_etag), actor=actor, vocabulary=self.vocabulary,
            comment=comment)

    def put_edge(self, record: EdgeRecord, *, expected_etag: str | None, actor: str,
                 comment: str | None = None) -> EdgeView:
        """Create (``expected_etag=None``) or replace an edge."""
        writes.write(self.client, lambda ds: editing.put_edge(
            ds, record, expected_etag=expected_etag), actor=actor, vocabulary=self.vocabulary,
            comment=comment)
        return edge_view(record)

    def delete_edge(self, key: str, *, expected_etag: str, actor: str,
                    comment: str | None = None) -> None:
        """Delete an edge."""
        writes.write(self.client, lambda ds: editing.delete_edge(
            ds, key, expected_etag=expected_etag), actor=actor, vocabulary=self.vocabulary,
            comment=comment)

    def apply_all(self, operations: Sequence[Operation], *, actor: str,
                  comment: str | None = None) -> list[Change]:
        """Apply several edits as one (:mod:`orgmodel.batch`), in one transaction."""
        return writes.write_all(self.client, lambda ds: apply_all(ds, operations), actor=actor,
                                vocabulary=self.vocabulary, comment=comment)

    def audit_log(self, *, record_key: str | None = None, offset: int = 0,
                  limit: int = 100, with_edges: bool = False, actor: str | None = None,
                  since: datetime | None = None,
                  until: datetime | None = None) -> list[AuditEntry]:
        """Writes, newest first (optionally for one record, and its edges)."""
        return writes.audit_log(self.client, AuditQuery(
            record_key=record_key, with_edges=with_edges, actor=actor, since=since, until=until),
            offset=offset, limit=limit)

    def audit_count(self, *, record_key: str | None = None, with_edges: bool = False,
                    actor: str | None = None, since: datetime | None = None,
                    until: datetime | None = None) -> int:
        """How many writes :meth:`audit_log` asked the same finds, on every page."""
        return writes.audit_count(self.client, AuditQuery(
            record_key=record_key, with_edges=with_edges, actor=actor, since=since, until=until))

    def log_kept_since(self) -> datetime | None:
        """``None``: the log is in the graph, every write since the graph was made."""
        return None


_: type[WritableStore] = Neo4jStore  # the store implements the contract (checked by mypy)
