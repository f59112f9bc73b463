"""Ask the store the questions each view needs; the only module of ``viz`` that calls a store.

Every function here takes an :class:`~orgmodel.contract.OrgStore` and returns a
:class:`ViewInput`: the view's nodes and edges as a :class:`~orgmodel.contract.Subgraph`
(from ``subtree``, ``neighbourhood`` or a filtered ``snapshot``), plus the answers the
tooltips and layouts need (owners, the hierarchy, stakeholder scores). The builders then work
on these answers alone, so they are pure and testable without a store.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from orgmodel import analytics
from orgmodel.contract import EdgeView, NodeView, OrgStore, Subgraph
from orgmodel.dataset import Dataset
from orgmodel.exceptions import NotFoundError, NotValidOnDateError
from orgmodel.records import SourceRecord
from orgmodel.resolve import UnknownNodeError, resolve_node
from orgmodel.schema import EdgeType, Kind
from orgmodel.semantics import edge_view, node_view
from orgmodel.stakeholder_map import stakeholder_map
from orgmodel.ties import TieStep

__all__ = [
    "COLLABORATION_EDGES",
    "COLLABORATION_KINDS",
    "DEFAULT_POST",
    "DEFAULT_POST_VARIABLE",
    "NotAPostError",
    "ViewInput",
    "case_route",
    "collaboration",
    "default_post",
    "named_default",
    "org_chart",
    "organisation_name",
    "posts_like",
    "preferred_posts",
    "resolve_post",
    "responsibilities",
    "stakeholders",
]

#: The post the stakeholder map and the case route open on, where the data holds it ...
DEFAULT_POST = "post:chef-okonomi-og-stab"
#: ... unless this environment variable names another (its id or name): another
#: organisation's data has its own chief to map.
DEFAULT_POST_VARIABLE = "ORGMODEL_DEFAULT_POST"
#: Cross-cutting edge types drawn by the collaboration network.
COLLABORATION_EDGES = frozenset({
    EdgeType.COLLABORATES_WITH, EdgeType.PARTICIPATES_IN, EdgeType.MEMBER_OF, EdgeType.SUPPORTS,
    EdgeType.DEPENDS_ON, EdgeType.ADVISES, EdgeType.SERVES, EdgeType.CONTRIBUTES_TO,
})
#: Node kinds of the collaboration network: departments, units, fora, initiatives and
#: the posts, bodies and outside parties they work with.
COLLABORATION_KINDS = frozenset({
    Kind.UNIT, Kind.FORUM, Kind.INITIATIVE, Kind.BODY, Kind.ORGANISATION, Kind.POST,
    Kind.STAKEHOLDER,
})
_CASE_ROUTE_TIES = frozenset({EdgeType.PARTICIPATES_IN, EdgeType.ADVISES, EdgeType.MEMBER_OF})
_UNIT_TIES = frozenset({EdgeType.SUPPORTS, EdgeType.COLLABORATES_WITH, EdgeType.PARTICIPATES_IN,
                        EdgeType.ADVISES})


@dataclass(frozen=True)
class ViewInput:
    """What a view builder gets: the store's answers, nothing else."""

    subgraph: Subgraph
    as_of: date
    # node id -> the owner's name and English name (tooltips say it in the page's language)
    owners: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)  # node id -> parent in the hierarchy
    roots: list[str] = field(default_factory=list)
    scores: list[analytics.StakeholderScore] = field(default_factory=list)
    via: dict[str, list[str]] = field(default_factory=dict)  # stakeholder -> fora with the post
    # stakeholder -> the relations that tie it to the post (orgmodel.ties)
    ties: dict[str, list[TieStep]] = field(default_factory=dict)
    focus: str | None = None  # the post of a stakeholder map or case route
    # source key -> the source, for each source a node or edge of the subgraph cites
    sources: dict[str, SourceRecord] = field(default_factory=dict)


def _input(snapshot: Dataset, subgraph: Subgraph, *, as_of: date, **answers: Any) -> ViewInput:
    """The subgraph with the answers every view needs: owners' names and the sources cited."""
    ids = {n.id for n in subgraph.nodes}
    cited = {n.source for n in subgraph.nodes} | {e.source for e in subgraph.edges}
    return ViewInput(subgraph=subgraph, as_of=as_of, owners=_owner_names(snapshot, ids),
                     sources={k: s for k, s in sorted(snapshot.sources.items()) if k in cited},
                     **answers)


def _owner_names(snapshot: Dataset, ids: Collection[str]) -> dict[str, tuple[str, str | None]]:
    return {node: (snapshot.nodes[owner].name, snapshot.nodes[owner].name_en)
            for node, owner in analytics.node_owners(snapshot, ids).items()
            if owner in snapshot.nodes}


def _hierarchy(snapshot: Dataset) -> dict[str, str]:
    """Each node's parent: PART_OF for units and bodies, POST_IN for posts (first by key)."""
    parents: dict[str, str] = {}
    for edge in sorted(snapshot.edges.values(), key=lambda e: e.key):
        if edge.type in (EdgeType.PART_OF, EdgeType.POST_IN):
            parents.setdefault(edge.source_id, edge.target_id)
    return parents


def _filtered(snapshot: Dataset, node_ok: Callable[[str], bool],
              edge_ok: Callable[[EdgeType, str, str], bool]) -> Subgraph:
    """The snapshot's edges that pass ``edge_ok`` between nodes that pass ``node_ok``."""
    edges = [e for e in snapshot.edges.values()
             if node_ok(e.source_id) and node_ok(e.target_id)
             and edge_ok(e.type, e.source_id, e.target_id)]
    ids = sorted({e.source_id for e in edges} | {e.target_id for e in edges})
    return Subgraph(nodes=[node_view(snapshot.nodes[i]) for i in ids],
                    edges=[edge_view(e) for e in sorted(edges, key=lambda e: e.key)])


def _union(parts: Iterable[Subgraph]) -> Subgraph:
    nodes: dict[str, NodeView] = {}
    edges: dict[str, EdgeView] = {}
    for part in parts:
        nodes.update((n.id, n) for n in part.nodes)
        edges.update((e.key, e) for e in part.edges)
    return Subgraph(nodes=[nodes[k] for k in sorted(nodes)],
                    edges=[edges[k] for k in sorted(edges)])


def org_chart(store: OrgStore, *, as_of: date, root: str | None = None) -> ViewInput:
    """The organisation's tree: the home organisation's subtree and the political level.

    The root is the home organisation (:func:`orgmodel.analytics.home_organisation`: the
    municipality itself, not its suppliers); a council not inside it is added as a second tree.
    """
    snapshot = store.snapshot(as_of=as_of)
    trees: dict[str, Subgraph] = {}
    if root is not None:
        trees[root] = store.subtree(root, as_of=as_of)
    elif (home := analytics.home_organisation(snapshot)) is not None:
        trees[home] = store.subtree(home, as_of=as_of)
    inside = {n.id for tree in trees.values() for n in tree.nodes}
    councils = sorted(n.id for n in snapshot.nodes.values() if Kind(n.kind) is Kind.BODY
                      and getattr(n, "classification", "") == "council")
    for council in councils:
        if council not in inside:
            trees[council] = store.subtree(council, as_of=as_of)
    return _input(snapshot, _union(trees.values()), as_of=as_of, roots=list(trees))


def collaboration(store: OrgStore, *, as_of: date) -> ViewInput:
    """Cross-cutting edges between units, fora, initiatives, posts and outside parties."""
    snapshot = store.snapshot(as_of=as_of)
    kinds = {i: Kind(n.kind) for i, n in snapshot.nodes.items()}

    def edge_ok(edge_type: EdgeType, _source: str, target: str) -> bool:
        if edge_type is EdgeType.MEMBER_OF:  # of a forum: collaboration; of a body: politics
            return kinds[target] is Kind.FORUM
        return edge_type in COLLABORATION_EDGES

    subgraph = _filtered(snapshot, lambda n: kinds[n] in COLLABORATION_KINDS, edge_ok)
    return _input(snapshot, subgraph, as_of=as_of, parents=_hierarchy(snapshot))


def organisation_name(store: OrgStore, *, as_of: date) -> tuple[str, str | None] | None:
    """The home organisation's name and English name, for the pages' title; ``None`` if none."""
    snapshot = store.snapshot(as_of=as_of)
    home = analytics.home_organisation(snapshot)
    return None if home is None else (snapshot.nodes[home].name, snapshot.nodes[home].name_en)


def preferred_posts() -> tuple[str, ...]:
    """The posts named to open on, first first: ``$ORGMODEL_DEFAULT_POST``, then the chief's.

    >>> import os
    >>> os.environ["ORGMODEL_DEFAULT_POST"] = "post:stadsdirektor"
    >>> preferred_posts()
    ('post:stadsdirektor', 'post:chef-okonomi-og-stab')
    >>> del os.environ["ORGMODEL_DEFAULT_POST"]
    """
    named = os.environ.get(DEFAULT_POST_VARIABLE, "").strip()
    return (named, DEFAULT_POST) if named else (DEFAULT_POST,)


def named_default(store: OrgStore, *, as_of: date) -> str | None:
    """The first of :func:`preferred_posts` the data holds on ``as_of``, by its id; else ``None``.

    A map opened on any other post was a choice made for the reader, and says so.
    """
    for named in preferred_posts():
        try:  # the chief's by its id alone: a name near it is another organisation's post
            return store.node(named, as_of=as_of).id if named == DEFAULT_POST \
                else resolve_post(store, named, as_of=as_of)
        except NotFoundError:
            pass
    return None


def default_post(store: OrgStore, *, as_of: date) -> str | None:
    """The post a stakeholder map or case route opens on when none is asked for.

    The post ``$ORGMODEL_DEFAULT_POST`` names (its id or name) where the data holds it, else
    the chief of Økonomi og Stab (``DEFAULT_POST``); in another organisation's data with
    neither, the best-connected post (the most relations: its map has the most to show; the
    lowest id of equals); ``None`` when the data has no post on the date.
    """
    if (named := named_default(store, as_of=as_of)) is not None:
        return named
    snapshot = store.snapshot(as_of=as_of)
    relations = Counter(end for e in snapshot.edges.values() for end in (e.source_id, e.target_id))
    posts = [n.id for n in snapshot.nodes.values() if Kind(n.kind) is Kind.POST]
    return min(posts, key=lambda post: (-relations[post], post), default=None)


class NotAPostError(NotFoundError):
    """A stakeholder map was asked for a node that is no post (a task, a unit …)."""

    def __init__(self, node_id: str, name: str, kind: str, name_en: str | None = None) -> None:
        self.name, self.kind, self.name_en = name, kind, name_en
        super().__init__(node_id, f"{name!r} ({node_id}) is a {kind}, not a post")


def resolve_post(store: OrgStore, post: str, *, as_of: date) -> str:
    """The id of the post that ``post`` names: its id, or its name (case and accents aside).

    The page's post picker lets a visitor type a name, so a name must lead to the post too;
    and a person's (id or name) to the post they hold.

    Raises
    ------
    NotFoundError
        When no node has that id and no post has that name (an
        :class:`~orgmodel.resolve.UnknownNodeError`, with the closest posts).
    """
    try:
        node = store.node(post, as_of=as_of)
    except NotValidOnDateError:
        raise
    except NotFoundError:  # a name: the posts' names, and the closest posts if none has it
        try:
            return resolve_node(store, post, as_of=as_of, kinds=[Kind.POST])
        except UnknownNodeError as unknown:
            if unknown.ambiguous:
                raise
            try:  # a person's name ("Henrik Harder"): the post they hold; a unit's: not a post
                node = store.node(resolve_node(store, post, as_of=as_of, kinds=[Kind.PERSON]),
                                  as_of=as_of)
            except NotFoundError:
                try:
                    node = store.node(resolve_node(store, post, as_of=as_of), as_of=as_of)
                except NotFoundError:
                    raise unknown from None
    if node.kind == Kind.PERSON and (held := _held_post(store, node.id, post, as_of)):
        return held
    if node.kind != Kind.POST:  # a map of a task's "stakeholders" would mean nothing
        raise NotAPostError(post, node.name, str(node.kind), node.name_en)
    return node.id


def posts_like(store: OrgStore, text: str, *, as_of: date | None,
               limit: int = 3) -> list[NodeView]:
    """The posts a visitor may have meant by ``text`` (a unit's name: its head first)."""
    return [store.node(hit.id, as_of=as_of)
            for hit in store.search(text, kinds=[Kind.POST], limit=limit, as_of=as_of)]


def _held_post(store: OrgStore, person: str, asked: str, as_of: date) -> str | None:
    """The post ``person`` holds on ``as_of``; ``None`` if none (several: which is asked)."""
    posts = [e.target_id for e in store.edges_of(person, as_of=as_of)
             if e.type is EdgeType.HOLDS and e.source_id == person]
    if len(posts) > 1:
        raise UnknownNodeError(asked, [store.node(p, as_of=as_of) for p in posts],
                               ambiguous=True)
    return posts[0] if posts else None


def stakeholders(store: OrgStore, *, as_of: date, post: str | None,
                 depth: int = 2) -> ViewInput:
    """A post's ego network (``neighbourhood`` to ``depth``) and its stakeholders' scores.

    Without a post (data with none) the map is empty.
    """
    if post is None:
        return ViewInput(subgraph=Subgraph(nodes=[], edges=[]), as_of=as_of)
    found = stakeholder_map(store, post, as_of=as_of, depth=depth)
    return _input(found.snapshot, found.subgraph, as_of=as_of, scores=found.scores,
                  focus=post, via=found.via, ties=found.ties)


def responsibilities(store: OrgStore, *, as_of: date) -> ViewInput:
    """Every task with its RESPONSIBLE_FOR holders (tasks without any are kept, unowned)."""
    snapshot = store.snapshot(as_of=as_of)
    subgraph = _filtered(snapshot, lambda _n: True,
                         lambda edge_type, _s, _t: edge_type is EdgeType.RESPONSIBLE_FOR)
    present = {n.id for n in subgraph.nodes}
    lonely = [node_view(n) for n in snapshot.nodes.values()
              if Kind(n.kind) is Kind.TASK and n.id not in present]
    if lonely:
        subgraph = _union([subgraph, Subgraph(nodes=lonely, edges=[])])
    return _input(snapshot, subgraph, as_of=as_of, parents=_hierarchy(snapshot))


def case_route(store: OrgStore, *, as_of: date, post: str | None) -> ViewInput:
    """The political case route (SUBMITS_TO) and where the post and its unit take part.

    Without a post (data with none) the route alone.

    The fora that advise a body on the route are on it too (the review of political cases
    with the mayor and the directors, before the cases go to the committees). The post's
    PARTICIPATES_IN and ADVISES edges to the bodies and fora on the route are kept, and its
    memberships of those fora, and so are the SUPPORTS, COLLABORATES_WITH, PARTICIPATES_IN and
    ADVISES edges of the unit the post heads and of that unit's own units.
    """
    snapshot = store.snapshot(as_of=as_of)
    route = {n for e in snapshot.edges.values() if e.type is EdgeType.SUBMITS_TO
             for n in (e.source_id, e.target_id)}
    preparing = {e.source_id for e in snapshot.edges.values()
                 if e.type is EdgeType.ADVISES and e.target_id in route
                 and Kind(snapshot.nodes[e.source_id].kind) is Kind.FORUM}
    route |= preparing
    headed = {e.target_id for e in snapshot.edges.values()
              if e.type is EdgeType.HEADS and e.source_id == post}
    units = headed | {e.source_id for e in snapshot.edges.values()
                      if e.type is EdgeType.PART_OF and e.target_id in headed
                      and Kind(snapshot.nodes[e.source_id].kind) is Kind.UNIT}

    def edge_ok(edge_type: EdgeType, source: str, target: str) -> bool:
        if edge_type is EdgeType.SUBMITS_TO or (edge_type is EdgeType.ADVISES and
                                                source in preparing and target in route):
            return True
        if source == post and target in route:
            return edge_type in _CASE_ROUTE_TIES
        return source in units and target in route and edge_type in _UNIT_TIES

    subgraph = _filtered(snapshot, lambda n: n in route or n == post or n in units, edge_ok)
    if route and post in snapshot.nodes and post not in {n.id for n in subgraph.nodes}:
        # A post with no part in the route is drawn apart, said so: without it, the page did
        # not say which post it was asked for, nor why it was missing.
        subgraph = Subgraph(nodes=[*subgraph.nodes, node_view(snapshot.nodes[post])],
                            edges=subgraph.edges)
    return _input(snapshot, subgraph, as_of=as_of, parents=_hierarchy(snapshot), focus=post)
