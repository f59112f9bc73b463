"""A store's answers with the persons left out: for pages and exports without person names.

The data models posts first; a person holding a post is optional data, and views and exports
must be able to leave person names out (FACTS.md, "Personal data"). :class:`WithoutPersons`
wraps any store and answers every question of the contract as the store would if it held no
persons: a person is an unknown id, and no node list, search hit, network, path or snapshot
holds one or an edge that touches one. A post's holder is such an edge, so the posts stay and
their holders go. Person ids begin with ``person:`` (a data rule: an id names its kind).
Answers are filtered, not asked again: a path or a neighbourhood that ran through a person
loses that step rather than finding another way round.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(i, kind):
...     return NODE_ADAPTER.validate_python({"id": i, "kind": kind, "name": i.split(":")[1],
...         "source": "seed", "confidence": "high"})
>>> holds = EdgeRecord.model_validate({"type": "HOLDS", "from": "person:anna", "to": "post:chef",
...                                    "source": "seed", "confidence": "high"})
>>> store = WithoutPersons(MemoryStore(Dataset.build(
...     [node("post:chef", "Post"), node("person:anna", "Person")], [holds])))
>>> [hit.id for hit in store.search("anna")], store.edges_of("post:chef")
([], [])
>>> sorted(store.snapshot(as_of=date(2025, 1, 1)).nodes)
['post:chef']
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from orgmodel.contract import (
    EdgeView,
    Membership,
    NodePage,
    NodeRef,
    NodeView,
    OrgStore,
    OwnersResult,
    Responsibility,
    SearchResult,
    Subgraph,
)
from orgmodel.dataset import Dataset
from orgmodel.exceptions import NotFoundError
from orgmodel.schema import Confidence, EdgeType, Kind

__all__ = ["WithoutPersons", "dataset_without_persons", "is_person"]

_PERSON_PREFIX = "person:"
_OTHER_KINDS = tuple(kind for kind in Kind if kind is not Kind.PERSON)


def is_person(node_id: str) -> bool:
    """Whether ``node_id`` names a person (ids begin with their kind's prefix)."""
    return node_id.startswith(_PERSON_PREFIX)


def dataset_without_persons(dataset: Dataset) -> Dataset:
    """``dataset`` with its persons and the edges that touch them left out (for exports)."""
    edges = {key: e for key, e in dataset.edges.items()
             if not (is_person(e.source_id) or is_person(e.target_id))}
    return Dataset(nodes={i: n for i, n in dataset.nodes.items() if not is_person(i)},
                   edges=edges, sources=dataset.sources, origins=dataset.origins)


def _kinds(kinds: Collection[Kind] | None) -> list[Kind]:
    return [kind for kind in (kinds or _OTHER_KINDS) if kind is not Kind.PERSON]


def _known(node_id: str) -> None:
    if is_person(node_id):
        raise NotFoundError(node_id)


def _without(subgraph: Subgraph) -> Subgraph:
    return Subgraph(nodes=[n for n in subgraph.nodes if not is_person(n.id)],
                    edges=[e for e in subgraph.edges if not _touches_person(e)])


def _touches_person(edge: EdgeView) -> bool:
    return is_person(edge.source_id) or is_person(edge.target_id)


class WithoutPersons:
    """Any store, asked as if it held no persons (see the module's docstring)."""

    def __init__(self, store: OrgStore) -> None:
        self.store = store

    def node(self, node_id: str, *, as_of: date | None = None) -> NodeView:
        """One node; a person is not found."""
        _known(node_id)
        return self.store.node(node_id, as_of=as_of)

    def edges_of(self, node_id: str, *, as_of: date | None = None) -> list[EdgeView]:
        """The node's edges, none of them to a person."""
        _known(node_id)
        return [e for e in self.store.edges_of(node_id, as_of=as_of) if not _touches_person(e)]

    def list_nodes(self, *, kind: Kind | None = None, text: str | None = None, offset: int = 0,
                   limit: int = 50, as_of: date | None = None,
                   confidence: Confidence | None = None) -> NodePage:
        """Nodes by kind, text and confidence; persons are no kind to list."""
        if kind is Kind.PERSON:
            return NodePage(total=0, offset=offset, limit=limit, items=[])
        if kind is None and not text:  # page over every node but persons, counted right
            every = [n for k in _OTHER_KINDS for n in
                     self.store.list_nodes(kind=k, limit=1_000_000, as_of=as_of,
                                           confidence=confidence).items]
            every.sort(key=lambda n: n.id)
            return NodePage(total=len(every), offset=offset, limit=limit,
                            items=every[offset:offset + limit])
        page = self.store.list_nodes(kind=kind, text=text, offset=0, limit=1_000_000,
                                     as_of=as_of, confidence=confidence)
        items = [n for n in page.items if not is_person(n.id)]
        return NodePage(total=len(items), offset=offset, limit=limit,
                        items=items[offset:offset + limit])

    def search(self, query: str, *, kinds: Collection[Kind] | None = None, limit: int = 20,
               as_of: date | None = None) -> list[SearchResult]:
        """Search among every kind but persons."""
        return self.store.search(query, kinds=_kinds(kinds), limit=limit, as_of=as_of)

    def owners(self, query: str, *, limit: int = 5,
               as_of: date | None = None) -> list[OwnersResult]:
        """Who owns the tasks (units, posts and bodies: never a person)."""
        return self.store.owners(query, limit=limit, as_of=as_of)

    def chain(self, node_id: str, *, as_of: date | None = None) -> list[NodeRef]:
        """The reporting line, from a node that is not a person."""
        _known(node_id)
        return [n for n in self.store.chain(node_id, as_of=as_of) if not is_person(n.id)]

    def members(self, node_id: str, *, as_of: date | None = None) -> list[Membership]:
        """Members that are not persons."""
        _known(node_id)
        return [m for m in self.store.members(node_id, as_of=as_of) if not is_person(m.node.id)]

    def memberships(self, node_id: str, *, as_of: date | None = None) -> list[Membership]:
        """Fora and bodies a node (not a person) belongs to."""
        _known(node_id)
        return self.store.memberships(node_id, as_of=as_of)

    def responsibilities(self, node_id: str, *, descendants: bool = False,
                         as_of: date | None = None) -> list[Responsibility]:
        """Tasks a unit or post holds."""
        _known(node_id)
        return [r for r in self.store.responsibilities(node_id, descendants=descendants,
                                                       as_of=as_of)
                if not is_person(r.holder.id)]

    def neighbourhood(self, node_id: str, *, depth: int = 1,
                      kinds: Collection[Kind] | None = None,
                      edge_types: Collection[EdgeType] | None = None,
                      as_of: date | None = None) -> Subgraph:
        """The network around a node, with no person in it nor a step through one."""
        _known(node_id)
        return _without(self.store.neighbourhood(node_id, depth=depth, kinds=_kinds(kinds),
                                                 edge_types=edge_types, as_of=as_of))

    def paths(self, source_id: str, target_id: str, *, max_paths: int = 5,
              as_of: date | None = None) -> list[list[NodeRef]]:
        """Shortest paths that pass through no person."""
        _known(source_id)
        _known(target_id)
        found = self.store.paths(source_id, target_id, max_paths=max_paths, as_of=as_of)
        return [path for path in found if not any(is_person(n.id) for n in path)]

    def subtree(self, node_id: str, *, as_of: date | None = None) -> Subgraph:
        """A unit or body with what is part of it and its posts, without their holders."""
        _known(node_id)
        return _without(self.store.subtree(node_id, as_of=as_of))

    def snapshot(self, *, as_of: date | None = None) -> Dataset:
        """Every record valid on the date but persons and the edges that touch them."""
        return dataset_without_persons(self.store.snapshot(as_of=as_of))
