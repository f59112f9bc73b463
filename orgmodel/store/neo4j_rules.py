"""The step-by-step rules of the contract, applied to records read from Neo4j.

``chain`` and ``owners`` walk the graph one step at a time with tie-breaks (the next step up,
owners inherited from a parent task, the head of the parent unit when a unit has none), and
``paths`` ranks shortest paths in a fixed order. Those rules are written once here, the same
as the reference store (:class:`~orgmodel.store.memory.MemoryStore`, whose semantics are the
contract), and applied to a small subgraph that one Cypher query fetched: the reporting-line
closure (:data:`~orgmodel.store.neo4j_cypher.CLOSURE`) or the breadth-first ball around a
node. The contract tests compare the answers of both stores for every node.

Search needs the same ranking in both stores: :class:`Catalogue` keeps every node of the graph
in the shared :class:`~orgmodel.search.SearchIndex` (the embedded store over the nodes alone),
rebuilt whenever the graph changes: the version in ``(:Meta)`` that orgmodel's writes bump, or
the database's state, which any write moves (``Neo4jStore.graph_version``).
"""

from __future__ import annotations

import itertools
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from orgmodel.contract import NodeRef, Note, OwnerEntry, OwnersResult
from orgmodel.dataset import Dataset
from orgmodel.exceptions import NotFoundError, NotValidOnDateError
from orgmodel.records import AnyNode, EdgeRecord
from orgmodel.schema import EdgeType, Kind, Raci
from orgmodel.semantics import (
    CHAIN_KINDS,
    RACI_ORDER,
    both_names,
    is_valid,
    node_ref,
    note,
    task_ref,
)
from orgmodel.store.memory import PATH_CANDIDATES, MemoryStore
from orgmodel.vocabulary import Vocabulary

__all__ = ["Catalogue", "CatalogueEntry", "Walk", "shortest_paths"]

_ORG_KINDS = frozenset({Kind.UNIT, Kind.BODY, Kind.FORUM, Kind.ORGANISATION})


class Walk:
    """The reporting-line rules over a subgraph (nodes and edges of all dates)."""

    def __init__(self, nodes: Iterable[AnyNode], edges: Iterable[EdgeRecord]) -> None:
        self.nodes = {node.id: node for node in nodes}
        self._out_edges: dict[str, list[EdgeRecord]] = defaultdict(list)
        self._in_edges: dict[str, list[EdgeRecord]] = defaultdict(list)
        for edge in {e.key: e for e in edges}.values():
            self._out_edges[edge.source_id].append(edge)
            self._in_edges[edge.target_id].append(edge)

    def _alive(self, node_id: str, when: date) -> bool:
        node = self.nodes.get(node_id)
        return node is not None and is_valid(node.valid_from, node.valid_to, when)

    def _out(self, node_id: str, when: date, *types: EdgeType) -> Iterator[EdgeRecord]:
        return (e for e in self._out_edges.get(node_id, ())
                if (not types or e.type in types) and is_valid(e.valid_from, e.valid_to, when)
                and self._alive(e.target_id, when))

    def _in(self, node_id: str, when: date, *types: EdgeType) -> Iterator[EdgeRecord]:
        return (e for e in self._in_edges.get(node_id, ())
                if (not types or e.type in types) and is_valid(e.valid_from, e.valid_to, when)
                and self._alive(e.source_id, when))

    def record(self, node_id: str, when: date) -> AnyNode:
        """The node if it exists and is valid on ``when``; raises NotFoundError."""
        node = self.nodes.get(node_id)
        if node is None:
            raise NotFoundError(node_id)
        if not is_valid(node.valid_from, node.valid_to, when):
            raise NotValidOnDateError(node_id, when, node.valid_from, node.valid_to)
        return node

    def _head(self, node_id: str, when: date) -> str | None:
        return min((e.source_id for e in self._in(node_id, when, EdgeType.HEADS)), default=None)

    def _parent(self, node_id: str, when: date) -> str | None:
        return min((e.target_id for e in self._out(node_id, when, EdgeType.PART_OF)), default=None)

    def _next_up(self, node_id: str, kind: Kind, when: date, seen: set[str]) -> str | None:
        if kind is Kind.POST:
            bosses = sorted((self.nodes[e.target_id].kind != Kind.POST.value, e.target_id)
                            for e in self._out(node_id, when, EdgeType.REPORTS_TO))
            if bosses:
                return bosses[0][1]
            home = min((e.target_id for e in self._out(node_id, when, EdgeType.POST_IN)),
                       default=None)
            return self._parent(home, when) if home else None
        if kind is Kind.PERSON:
            return min((e.target_id for e in self._out(node_id, when, EdgeType.HOLDS)),
                       default=None)
        if kind is Kind.TASK:
            owner = min((e.source_id for e in self._in(node_id, when, EdgeType.RESPONSIBLE_FOR)
                         if e.raci is Raci.A), default=None)
            return owner or self._parent(node_id, when)
        if kind is Kind.BODY:  # the political level ends at the top body (the council)
            parent = self._parent(node_id, when)
            return parent if parent and self.nodes[parent].kind == Kind.BODY.value else None
        if kind in _ORG_KINDS:
            head = self._head(node_id, when)
            if head is not None and head not in seen:
                return head
        return self._parent(node_id, when)

    def chain(self, node_id: str, when: date) -> list[NodeRef]:
        """The reporting line from a node up to the top, the node itself first."""
        result, seen = [node_ref(self.record(node_id, when))], {node_id}
        current: str | None = node_id
        while current is not None:
            current = self._next_up(current, Kind(self.nodes[current].kind), when, seen)
            if current is None or current in seen:
                break
            seen.add(current)
            result.append(node_ref(self.nodes[current]))
        return result

    def owners_of(self, task_id: str, score: float, when: date,
                  found_by: tuple[Note, ...] = ()) -> OwnersResult:
        """Who owns one task: RACI owners (inherited if need be), accountable post, chain."""
        task = self.nodes[task_id]
        notes: list[Note] = list(found_by)
        inherited_from: str | None = None
        edges = list(self._in(task_id, when, EdgeType.RESPONSIBLE_FOR))
        current, seen = task_id, {task_id}
        while not edges:
            parent = self._parent(current, when)
            if parent is None or parent in seen:
                notes.append(note("no_owner"))
                break
            current = parent
            seen.add(current)
            edges = list(self._in(current, when, EdgeType.RESPONSIBLE_FOR))
            if edges:
                inherited_from = current
                notes.append(note("inherited", both_names(self.nodes[current])))
        edges.sort(key=lambda e: (RACI_ORDER.index(str(e.raci)), e.source_id))
        owners = [OwnerEntry(**node_ref(self.nodes[e.source_id]).model_dump(),
                             raci=e.raci or Raci.R, inherited_from=inherited_from,
                             confidence=e.confidence, source=e.source)
                  for e in edges]
        accountable = next((o for o in owners if o.raci is Raci.A), None)
        post: NodeRef | None = None
        escalation: list[NodeRef] = []
        if accountable is not None:
            post = self._accountable_post(accountable.id, when, notes)
            start = post.id if post else accountable.id
            escalation = [ref for ref in self.chain(start, when)[1:] if ref.kind in CHAIN_KINDS]
        elif owners:  # roles, but no one accountable (its owner ended): said, not left out
            notes.append(note("no_accountable"))
        return OwnersResult(task=task_ref(task), score=score, owners=owners,
                            accountable_post=post, escalation=escalation,
                            sources=sorted({task.source, *(e.source for e in edges)}),
                            notes=notes)

    def _accountable_post(self, owner_id: str, when: date, notes: list[Note]) -> NodeRef | None:
        owner = self.nodes[owner_id]
        if owner.kind == Kind.POST.value:
            return node_ref(owner)
        current, seen = owner_id, set()
        while current not in seen:
            seen.add(current)
            head = self._head(current, when)
            if head is not None:
                if current != owner_id:
                    notes.append(note("fallback_parent", both_names(owner),
                                      both_names(self.nodes[current])))
                return node_ref(self.nodes[head])
            parent = self._parent(current, when)
            if parent is None:
                break
            current = parent
        notes.append(note("no_head", both_names(owner)))
        return None


def shortest_paths(source_id: str, target_id: str, max_paths: int,
                   neighbours: Callable[[list[str]], Iterable[tuple[str, str]]]) -> list[list[str]]:
    """All shortest undirected paths in id order (at most PATH_CANDIDATES ranked).

    ``neighbours(frontier)`` gives the ``(node, neighbour)`` pairs of one breadth-first step.
    """
    predecessors: dict[str, set[str]] = {source_id: set()}
    frontier = [source_id]
    while frontier and target_id not in predecessors:
        reached: dict[str, set[str]] = defaultdict(set)
        for current, other in neighbours(frontier):
            if other not in predecessors:
                reached[other].add(current)
        predecessors.update(reached)
        frontier = sorted(reached)
    if target_id not in predecessors:
        return []

    def walk(node: str) -> Iterator[list[str]]:
        if node == source_id:
            yield [source_id]
            return
        for before in sorted(predecessors[node]):
            for path in walk(before):
                yield [*path, node]

    return sorted(itertools.islice(walk(target_id), PATH_CANDIDATES))[:max_paths]


@dataclass(frozen=True)
class CatalogueEntry:
    """Every node of one graph version, searchable.

    The embedded store over the nodes and the edges from tasks to what they use: what
    :meth:`MemoryStore.match_tasks` reads.
    """

    key: tuple[Any, ...]
    store: MemoryStore


class Catalogue:
    """Every node of the graph, searchable, cached per graph version (thread-safe)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        self._lock = threading.Lock()
        self._entry: CatalogueEntry | None = None

    def peek(self) -> CatalogueEntry | None:
        """The catalogue last built, whatever its version (the caller checks it)."""
        return self._entry

    def get(self, key: tuple[Any, ...],
            load: Callable[[], tuple[list[AnyNode], list[EdgeRecord]]]) -> CatalogueEntry:
        """The catalogue for graph version ``key``; ``load`` reads it when it is new."""
        with self._lock:
            if self._entry is None or self._entry.key != key:
                nodes, edges = load()
                self._entry = CatalogueEntry(
                    key, MemoryStore(Dataset.build(nodes, edges), self._vocabulary))
            return self._entry
