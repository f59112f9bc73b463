"""Whole-graph analytics on a snapshot: stakeholder influence and interest, node owners.

Everything here is a pure function of a :class:`~orgmodel.dataset.Dataset` (a store's
``snapshot``) or of the weighted networkx graph made from one, so both stores give the same
answers and the functions are easy to test on small graphs.

* **influence** — how central a node is: the mean of its degree centrality in the whole
  organisation and its betweenness centrality (on large graphs: within the post's ego network, since
  exact betweenness on 5,000 nodes takes seconds in Python),
  scaled to [0, 1].
* **interest** — how close a node is to one post: the strongest chain of ties within a few
  steps, where a tie's weight comes from its strength (1–5) or its type.
* **stakeholder grid** — the two together, with the classic quadrants (manage closely, keep
  satisfied, keep informed, monitor).

Examples
--------
>>> g = nx.Graph()
>>> g.add_weighted_edges_from([("chef", "direktor", 1.0), ("direktor", "borgmester", 1.0),
...                            ("direktor", "kollega", 0.5), ("chef", "team", 0.4)])
>>> interest(g, "chef")
{'borgmester': 1.0, 'direktor': 1.0, 'kollega': 0.5, 'team': 0.4}
>>> inf = influence(g)
>>> max(inf, key=inf.get)
'direktor'
>>> [(s.id, s.quadrant.value) for s in grid(g, "chef")]
[('direktor', 'manage'), ('borgmester', 'inform'), ('kollega', 'inform'), ('team', 'monitor')]
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

import networkx as nx

from orgmodel.dataset import Dataset
from orgmodel.records import EdgeRecord
from orgmodel.schema import EdgeType, Kind, Raci

__all__ = [
    "ACTOR_KINDS",
    "EDGE_WEIGHTS",
    "STRATEGY_ORDER",
    "WHOLE_GRAPH_LIMIT",
    "Quadrant",
    "StakeholderGrid",
    "StakeholderScore",
    "actor_ids",
    "authority",
    "by_strategy",
    "commanded",
    "grid",
    "headed",
    "home_organisation",
    "influence",
    "interest",
    "kle_main_group",
    "node_owners",
    "quadrant_of",
    "ranked",
    "shared_fora",
    "shortest_chains",
    "stakeholder_scores",
    "strongest_chains",
    "tie_weight",
    "weighted_graph",
]

#: Weight of a tie by edge type when it has no strength: reporting lines and headship bind
#: hardest, advice and shared fora less, a system used or a policy contributed to least.
EDGE_WEIGHTS: dict[EdgeType, float] = {
    EdgeType.REPORTS_TO: 1.0,
    EdgeType.HEADS: 1.0,
    EdgeType.POST_IN: 0.8,
    EdgeType.HOLDS: 1.0,
    EdgeType.PART_OF: 0.7,
    EdgeType.ADVISES: 0.8,
    EdgeType.MEMBER_OF: 0.6,
    EdgeType.PARTICIPATES_IN: 0.6,
    EdgeType.SUPPORTS: 0.6,
    EdgeType.COLLABORATES_WITH: 0.6,
    EdgeType.SUBMITS_TO: 0.6,
    EdgeType.DEPENDS_ON: 0.6,
    EdgeType.RESPONSIBLE_FOR: 0.5,
    EdgeType.DECIDES: 0.5,
}
_OTHER_WEIGHT = 0.4
#: Above this many nodes, betweenness is taken within the post's ego network only.
WHOLE_GRAPH_LIMIT = 1000


class Quadrant(StrEnum):
    """The strategy for a stakeholder by influence (high/low) and interest (high/low)."""

    MANAGE = "manage"  # high influence, high interest: manage closely
    SATISFY = "satisfy"  # high influence, low interest: keep satisfied
    INFORM = "inform"  # low influence, high interest: keep informed
    MONITOR = "monitor"  # low influence, low interest: monitor

    @property
    def high_influence(self) -> bool:
        """Whether this quadrant is the upper half of the grid."""
        return self in (Quadrant.MANAGE, Quadrant.SATISFY)

    @property
    def high_interest(self) -> bool:
        """Whether this quadrant is the right half of the grid."""
        return self in (Quadrant.MANAGE, Quadrant.INFORM)


def quadrant_of(influence: float, interest: float, threshold: float = 0.5) -> Quadrant:
    """The quadrant of scores ``influence`` and ``interest``; ``threshold`` and up is high.

    Examples
    --------
    >>> quadrant_of(0.5, 0.2), quadrant_of(0.1, 0.9).high_interest
    (<Quadrant.SATISFY: 'satisfy'>, True)
    """
    if influence >= threshold:
        return Quadrant.MANAGE if interest >= threshold else Quadrant.SATISFY
    return Quadrant.INFORM if interest >= threshold else Quadrant.MONITOR


@dataclass(frozen=True)
class StakeholderScore:
    """One stakeholder of a post: scores in [0, 1], distance in steps, and the quadrant."""

    id: str
    influence: float
    interest: float
    distance: int
    quadrant: Quadrant
    #: What ties it to the post in ``distance`` steps, the strongest such chain: the nodes
    #: after the post, this one last (why it is a stakeholder: :mod:`orgmodel.ties` says it in
    #: words). A longer chain may be stronger and give the interest: the mayor beside the chief
    #: is tied by their work together, though both report through the municipal director.
    chain: tuple[str, ...] = ()


#: The strategies in the order a reader works through them: whom to manage closely first.
STRATEGY_ORDER = (Quadrant.MANAGE, Quadrant.SATISFY, Quadrant.INFORM, Quadrant.MONITOR)


def by_strategy(scores: Iterable[StakeholderScore]) -> list[StakeholderScore]:
    """``scores`` by strategy (:data:`STRATEGY_ORDER`), each strategy's strongest first.

    Examples
    --------
    >>> scores = [StakeholderScore("a", 0.2, 0.9, 1, Quadrant.INFORM),
    ...           StakeholderScore("b", 0.9, 0.1, 2, Quadrant.SATISFY),
    ...           StakeholderScore("c", 0.6, 0.7, 1, Quadrant.MANAGE)]
    >>> [s.id for s in by_strategy(scores)]
    ['c', 'b', 'a']
    """
    return sorted(scores, key=lambda s: (STRATEGY_ORDER.index(s.quadrant),
                                         -(s.influence + s.interest), s.id))


def tie_weight(edge: EdgeRecord) -> float:
    """Weight of one edge as a tie between two nodes, in (0, 1].

    Examples
    --------
    >>> e = EdgeRecord.model_validate({"type": "COLLABORATES_WITH", "from": "unit:a",
    ...     "to": "unit:b", "strength": 4, "source": "seed", "confidence": "high"})
    >>> tie_weight(e)
    0.8
    """
    if edge.strength is not None:
        return edge.strength / 5
    return EDGE_WEIGHTS.get(edge.type, _OTHER_WEIGHT)


#: Kinds that can be stakeholders: those who act, decide or take part.
ACTOR_KINDS = frozenset({Kind.ORGANISATION, Kind.BODY, Kind.FORUM, Kind.UNIT, Kind.POST,
                         Kind.STAKEHOLDER, Kind.INITIATIVE, Kind.PERSON})


def actor_ids(dataset: Dataset, ego: str | None = None) -> set[str]:
    """The ids of the nodes that can be stakeholders (:data:`ACTOR_KINDS`) of ``ego``.

    Left out: a person who holds a post (the post stands for them, once, and outlives them)
    and, with ``ego``, the organisation ``ego`` works in, and what ``ego`` heads: a post's own
    municipality is where its stakeholders are, and the chief's own department is the chief's
    to lead, not one of them.
    """
    everyone = _actors(dataset)
    if ego is None:
        return everyone
    return everyone - _ours(dataset, ego, _upward(dataset), headed(dataset))


def _actors(dataset: Dataset) -> set[str]:
    """Every node of :data:`ACTOR_KINDS` but a person who holds a post."""
    holders = {e.source_id for e in dataset.edges.values() if e.type is EdgeType.HOLDS}
    return {i for i, node in dataset.nodes.items()
            if Kind(node.kind) in ACTOR_KINDS and i not in holders}


def _upward(dataset: Dataset) -> dict[str, set[str]]:
    """Each node's links up the hierarchy: the unit a post is in, the whole a part is of."""
    up: dict[str, set[str]] = {}
    for edge in dataset.edges.values():
        if edge.type in (EdgeType.POST_IN, EdgeType.PART_OF, EdgeType.REPORTS_TO):
            up.setdefault(edge.source_id, set()).add(edge.target_id)
    return up


def _ours(dataset: Dataset, ego: str, up: Mapping[str, Collection[str]],
          heads: Mapping[str, Collection[str]]) -> set[str]:
    """The organisations ``ego`` is inside (following ``up``) and what it ``heads``."""
    above = {i for i in _reachable(ego, up) if i in dataset.nodes
             and Kind(dataset.nodes[i].kind) is Kind.ORGANISATION}
    return above | set(heads.get(ego, ()))


def _reachable(start: str, links: Mapping[str, Collection[str]]) -> set[str]:
    """``start`` and every node its ``links`` lead to, step after step."""
    seen, stack = {start}, [start]
    while stack:
        for other in links.get(stack.pop(), ()):
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return seen


def home_organisation(dataset: Dataset) -> str | None:
    """The organisation the data is about: the one with the most units and bodies inside it.

    Data name their suppliers and partners (KMD, SKI, a neighbour municipality) as
    organisations too; the home one holds the hierarchy (``PART_OF``, transitively). The lowest
    id of equals; ``None`` without any organisation.

    Examples
    --------
    >>> from orgmodel.records import NODE_ADAPTER
    >>> def node(i, kind, **extra): return NODE_ADAPTER.validate_python(
    ...     {"id": i, "kind": kind, "name": i, "source": "seed", "confidence": "high", **extra})
    >>> def part_of(a, b): return EdgeRecord.model_validate(
    ...     {"type": "PART_OF", "from": a, "to": b, "source": "seed", "confidence": "high"})
    >>> home_organisation(Dataset.build(
    ...     [node("org:kmd", "Organisation"), node("org:by", "Organisation"),
    ...      node("unit:a", "Unit", level="afdeling"), node("unit:b", "Unit", level="team")],
    ...     [part_of("unit:a", "org:by"), part_of("unit:b", "unit:a")]))
    'org:by'
    """
    below: dict[str, list[str]] = {}
    for edge in dataset.edges.values():
        if edge.type is EdgeType.PART_OF:
            below.setdefault(edge.target_id, []).append(edge.source_id)
    organisations = [i for i, n in dataset.nodes.items() if Kind(n.kind) is Kind.ORGANISATION]
    return min(organisations, key=lambda o: (-len(_reachable(o, below)), o), default=None)


def weighted_graph(dataset: Dataset) -> nx.Graph:
    """The snapshot as an undirected graph; parallel ties keep the strongest weight."""
    graph = nx.Graph()
    graph.add_nodes_from(dataset.nodes)
    for edge in dataset.edges.values():
        u, v, weight = edge.source_id, edge.target_id, tie_weight(edge)
        if u == v:
            continue
        if graph.has_edge(u, v):
            weight = max(weight, graph[u][v]["weight"])
        graph.add_edge(u, v, weight=weight)
    return graph


def influence(graph: nx.Graph, *, within: Collection[str] | None = None) -> dict[str, float]:
    """Influence of nodes: mean of degree and betweenness centrality, scaled to [0, 1].

    Degree centrality is taken in the whole graph. Betweenness is taken in the subgraph of
    the nodes ``within`` when given (the scores are then for those nodes only), else in the
    whole graph.

    Examples
    --------
    >>> star = nx.star_graph(4)
    >>> scores = influence(star)
    >>> scores[0], scores[1]
    (1.0, 0.0)
    >>> sorted(influence(star, within=[0, 1]))
    [0, 1]
    """
    nodes = list(graph) if within is None else [n for n in within if n in graph]
    if not nodes:
        return {}
    total = max(graph.number_of_nodes() - 1, 1)
    degree = {n: graph.degree(n) / total for n in nodes}
    between = nx.betweenness_centrality(graph if within is None else graph.subgraph(nodes))
    combined = {n: (_scaled(degree, n) + _scaled(between, n)) / 2 for n in nodes}
    low, high = min(combined.values()), max(combined.values())
    span = high - low
    return {n: round((value - low) / span, 4) if span else 0.0 for n, value in combined.items()}


#: Hierarchy edges, read from superior to subordinate: True when the edge already points
#: down (a post heads its unit), False when it points up (a part of its whole, a post to
#: its boss).
_DOWNWARD = {EdgeType.HEADS: True, EdgeType.PART_OF: False, EdgeType.REPORTS_TO: False,
             EdgeType.POST_IN: False}


#: The kinds that stand in the hierarchy of command.
_COMMANDING = frozenset({Kind.ORGANISATION, Kind.BODY, Kind.FORUM, Kind.UNIT, Kind.POST})


def authority(dataset: Dataset) -> dict[str, float]:
    """Formal authority of every node: how high in the hierarchy it stands, in [0, 1].

    The hierarchy runs downwards: a body or unit commands what is part of it, a post what it
    heads and who reports to it. The top (the council, its chair and the municipal director,
    who hold one another) scores 1, each level below one step less, the lowest level
    ``1 / levels``; a node outside the hierarchy (a task, a system, a citizen) 0. Levels, not
    the share of the organisation below a node: data describes one department in detail and
    the others as a name each, and by share a unit of the detailed one outranked the
    directors above it. A forum or body carries the authority of its most senior member
    (Økonomiudvalget the mayor's, Direktørforum the municipal director's).

    Examples
    --------
    >>> from orgmodel.records import NODE_ADAPTER
    >>> def node(i, kind, **kw):
    ...     return NODE_ADAPTER.validate_python({"id": i, "kind": kind, "name": i,
    ...         "source": "seed", "confidence": "high", **kw})
    >>> def edge(t, a, b):
    ...     return EdgeRecord.model_validate({"type": t, "from": a, "to": b,
    ...         "source": "seed", "confidence": "high"})
    >>> ds = Dataset.build(
    ...     [node("post:boss", "Post"), node("post:lead", "Post"),
    ...      node("unit:dept", "Unit", level="afdeling"), node("unit:team", "Unit", level="team")],
    ...     [edge("HEADS", "post:boss", "unit:dept"), edge("PART_OF", "unit:team", "unit:dept"),
    ...      edge("REPORTS_TO", "post:lead", "post:boss")])
    >>> authority(ds)
    {'post:boss': 1.0, 'post:lead': 0.6667, 'unit:dept': 0.6667, 'unit:team': 0.3333}
    """
    down = _command(dataset)
    # Nodes that hold one another (the mayor heads the council, which the mayor sits in) are
    # one level.
    dag = nx.condensation(down)
    members = dag.graph["mapping"]
    tops = [c for c in dag if dag.in_degree(c) == 0 and dag.out_degree(c) > 0]
    level = {node: depth for depth, layer in enumerate(nx.bfs_layers(dag, tops) if tops else ())
             for node in layer}
    levels = max(level.values(), default=0) + 1
    ranks = {node: (1 - level[members[node]] / levels if members[node] in level else 0.0)
             for node in dataset.nodes}
    for edge in dataset.edges.values():
        if edge.type is EdgeType.MEMBER_OF and edge.target_id in ranks \
                and Kind(dataset.nodes[edge.target_id].kind) in (Kind.BODY, Kind.FORUM):
            ranks[edge.target_id] = max(ranks[edge.target_id], ranks[edge.source_id])
    return {node: round(value, 4) for node, value in sorted(ranks.items())}


def _command(dataset: Dataset) -> nx.DiGraph:
    """The hierarchy of command: an edge from each node to what it commands directly."""
    down = nx.DiGraph()
    down.add_nodes_from(dataset.nodes)
    for edge in dataset.edges.values():
        # a task part of a task is no command: tasks stand outside the hierarchy
        if edge.type in _DOWNWARD and edge.source_id != edge.target_id \
                and dataset.nodes[edge.source_id].kind in _COMMANDING \
                and dataset.nodes[edge.target_id].kind in _COMMANDING:
            upper, lower = ((edge.source_id, edge.target_id) if _DOWNWARD[edge.type]
                            else (edge.target_id, edge.source_id))
            down.add_edge(upper, lower)
    return down


def commanded(dataset: Dataset) -> dict[str, list[str]]:
    """What each node commands directly: what is part of it, what a post heads, its reports.

    >>> from orgmodel.records import NODE_ADAPTER
    >>> ds = Dataset.build([NODE_ADAPTER.validate_python({"id": i, "kind": "Post", "name": i,
    ...     "source": "seed", "confidence": "high"}) for i in ("post:boss", "post:lead")],
    ...     [EdgeRecord.model_validate({"type": "REPORTS_TO", "from": "post:lead",
    ...                                 "to": "post:boss", "source": "seed",
    ...                                 "confidence": "high"})])
    >>> commanded(ds)
    {'post:boss': ['post:lead']}
    """
    down = _command(dataset)
    return {node: sorted(down.successors(node)) for node in sorted(down)
            if down.out_degree(node)}


def headed(dataset: Dataset) -> dict[str, list[str]]:
    """What each post heads (post id -> the units, bodies and fora it heads).

    >>> from orgmodel.records import NODE_ADAPTER
    >>> ds = Dataset.build([NODE_ADAPTER.validate_python({"id": i, "kind": k, "name": i,
    ...     "source": "seed", "confidence": "high", **kw}) for i, k, kw in (
    ...     ("post:a", "Post", {}), ("unit:u", "Unit", {"level": "enhed"}))],
    ...     [EdgeRecord.model_validate({"type": "HEADS", "from": "post:a", "to": "unit:u",
    ...                                 "source": "seed", "confidence": "high"})])
    >>> headed(ds)
    {'post:a': ['unit:u']}
    """
    found: dict[str, list[str]] = {}
    for edge in dataset.edges.values():
        if edge.type is EdgeType.HEADS:
            found.setdefault(edge.source_id, []).append(edge.target_id)
    return {post: sorted(units) for post, units in sorted(found.items())}


def _scaled(values: dict[str, float], node: str) -> float:
    top = max(values.values())
    return values[node] / top if top else 0.0


def interest(graph: nx.Graph, ego: str, *, depth: int = 2) -> dict[str, float]:
    """Interest of every node within ``depth`` steps of ``ego``: its strongest chain of ties.

    A chain's strength is the product of its ties' weights, so a strong direct tie beats a
    weak one and a two-step chain counts less than either of its steps. Nodes come strongest
    first (ties by id).

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_weighted_edges_from([("a", "b", 0.5), ("b", "c", 0.5), ("c", "d", 1.0)])
    >>> interest(g, "a")
    {'b': 0.5, 'c': 0.25}
    """
    return _strengths(strongest_chains(graph, ego, depth=depth))


def _strengths(chains: dict[str, tuple[float, tuple[str, ...]]]) -> dict[str, float]:
    ordered = sorted(chains.items(), key=lambda item: (-item[1][0], item[0]))
    return {node: round(value, 4) for node, (value, _chain) in ordered}


def strongest_chains(graph: nx.Graph, ego: str, *,
                     depth: int = 2) -> dict[str, tuple[float, tuple[str, ...]]]:
    """Every node within ``depth`` steps of ``ego``: its strongest chain's strength, and it.

    The chain is the nodes after ``ego``, the node last (:func:`interest` is the strengths).

    >>> g = nx.Graph()
    >>> g.add_weighted_edges_from([("a", "b", 0.5), ("b", "c", 0.5), ("a", "c", 0.2)])
    >>> strongest_chains(g, "a")["c"]
    (0.25, ('b', 'c'))
    """
    if ego not in graph:
        return {}
    # Rounds of relaxation, one per step: after round k every node holds its strongest chain
    # of at most k ties. (A best-first search would miss nodes behind a node first reached
    # by a strong but long chain.)
    best: dict[str, tuple[float, tuple[str, ...]]] = {ego: (1.0, ())}
    frontier = dict(best)
    for _ in range(depth):
        improved: dict[str, tuple[float, tuple[str, ...]]] = {}
        for node, (strength, chain) in frontier.items():
            for other, data in graph[node].items():
                value = strength * data.get("weight", _OTHER_WEIGHT)
                if value > best.get(other, (0.0,))[0] and value > improved.get(other, (0.0,))[0]:
                    improved[other] = (value, (*chain, other))
        best.update(improved)
        frontier = improved
    del best[ego]
    return best


def shortest_chains(graph: nx.Graph, ego: str, *, depth: int = 2) -> dict[str, tuple[str, ...]]:
    """Every node within ``depth`` steps of ``ego``: the strongest of its shortest chains.

    What ties a node to ``ego`` in as few steps as it takes, the nodes after ``ego``: a node
    beside it is tied by their own relation, though a longer chain may be stronger
    (:func:`strongest_chains`, which gives the interest). Of equally short chains the
    strongest; of equally strong ones, the first by id.

    >>> g = nx.Graph()
    >>> g.add_weighted_edges_from([("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 0.6)])
    >>> shortest_chains(g, "a")["c"], strongest_chains(g, "a")["c"][1]
    (('c',), ('b', 'c'))
    """
    if ego not in graph:
        return {}
    best: dict[str, tuple[float, tuple[str, ...]]] = {ego: (1.0, ())}
    layer = [ego]
    for _ in range(depth):
        reached: dict[str, tuple[float, tuple[str, ...]]] = {}
        for node in layer:
            strength, chain = best[node]
            for other in sorted(graph[node]):
                value = strength * graph[node][other].get("weight", _OTHER_WEIGHT)
                if other not in best and value > reached.get(other, (-1.0,))[0]:
                    reached[other] = (value, (*chain, other))
        best.update(reached)
        layer = sorted(reached)
    del best[ego]
    return {node: chain for node, (_strength, chain) in best.items()}


def grid(graph: nx.Graph, ego: str, *, depth: int = 2, threshold: float = 0.5,
         actors: Collection[str] | None = None,
         ranks: dict[str, float] | None = None,
         heads: Mapping[str, Collection[str]] | None = None,
         under: Mapping[str, Collection[str]] | None = None,
         measured: Collection[str] | None = None) -> list[StakeholderScore]:
    """The stakeholders of ``ego`` placed in the influence/interest grid, strongest first.

    Influence is rescaled so the most influential stakeholder scores 1. With ``actors``
    (e.g. :func:`actor_ids`) only those are stakeholders, and influence is measured among
    them alone: a unit holding many tasks is busy, not powerful. Interest still runs through
    every tie. With ``ranks`` (e.g. :func:`authority`), formal authority comes first and
    centrality places a node within its level (:func:`ranked`), so the mayor and the
    directors outrank a well-connected unit (the power of a power/interest grid is first of
    all formal), and the scores are the same on every map (not rescaled). With ``heads`` (e.g.
    :func:`headed`), a post is as central as what it heads: a unit's ties are its leader's
    too, and a unit no longer outranked the post that heads it. With ``under`` (e.g.
    :func:`commanded`), no node is less influential than one it commands, directly or not:
    a unit leader whose unit holds many ties outranked the municipal director above them.
    With ``measured``, centrality is measured among those nodes rather than the ``actors``
    (every map's the same: each post's actors leave out what it heads). On graphs
    larger than ``WHOLE_GRAPH_LIMIT`` betweenness is taken within the ego network (the nodes
    within ``depth`` steps): Everett and Borgatti's ego betweenness, which ranks brokers much
    like the global measure at a fraction of the cost.

    Examples
    --------
    >>> g = nx.path_graph(["a", "b", "c"])
    >>> [(s.id, s.distance) for s in grid(g, "a")]
    [('b', 1), ('c', 2)]
    """
    chains = strongest_chains(graph, ego, depth=depth)
    near = _strengths(chains)
    if actors is not None:
        near = {node: value for node, value in near.items() if node in actors}
    if not near:
        return []
    # what ties each to the post, in as few steps as it takes (its own relation, if beside it)
    shortest = shortest_chains(graph, ego, depth=depth)
    distance = {ego: 0, **{node: len(chain) for node, chain in shortest.items()}}
    # centrality among ``measured`` (every post's actors), else among the stakeholders
    among = measured if measured is not None else actors
    people = graph.subgraph(among) if among is not None else graph
    region = ([n for n in distance if n in people]
              if graph.number_of_nodes() > WHOLE_GRAPH_LIMIT else None)
    scores = influence(people, within=region)
    if heads is not None:
        scores = {n: max([value, *(scores.get(unit, 0.0) for unit in heads.get(n, ()))])
                  for n, value in scores.items()}
    if ranks is not None:
        scores = ranked(scores, ranks)
    if under is not None:
        scores = _at_least_those_under(scores, under)
    # Ranked, the scores are the organisation's own, the same on every map; else the most
    # central stakeholder scores 1.
    top = 1.0 if ranks is not None else max(scores.get(n, 0.0) for n in near) or 1.0
    result = []
    for node, node_interest in near.items():
        node_influence = round(scores.get(node, 0.0) / top, 4)
        quadrant = quadrant_of(node_influence, node_interest, threshold)
        result.append(StakeholderScore(node, node_influence, node_interest, distance[node],
                                       quadrant, shortest[node]))
    result.sort(key=lambda s: (-(s.influence + s.interest), s.id))
    return result


def ranked(centrality: Mapping[str, float], ranks: Mapping[str, float]) -> dict[str, float]:
    """Influence by formal authority first, network centrality within each level.

    Each level of ``ranks`` (:func:`authority`) is a band of scores, centrality (in [0, 1])
    placing a node within its band and never above the level over it: with the two averaged,
    a unit leader of the one department the data describes in detail outranked the directors
    (the new chief's probe), and the same post scored differently on every map. In [0, 1]:
    the top level's most central node scores 1.

    Examples
    --------
    >>> scores = ranked({"director": 0.1, "unit leader": 1.0, "supplier": 0.5},
    ...                 {"director": 1.0, "unit leader": 0.5, "supplier": 0.0})
    >>> scores["director"] > scores["unit leader"] > scores["supplier"]
    True
    >>> ranked({"top": 1.0}, {"top": 1.0})
    {'top': 1.0}
    """
    # a level's band: the lowest level's rank is one step (1 / levels)
    step = min((rank for rank in ranks.values() if rank > 0), default=1.0)
    within = _WITHIN_LEVEL * step
    return {node: round((ranks.get(node, 0.0) + within * value) / (1 + within), 4)
            for node, value in centrality.items()}


#: The share of a level's band that centrality spans: less than all of it, so the most
#: central node of a level stays below the least central one of the level above.
_WITHIN_LEVEL = 0.9


def _at_least_those_under(scores: dict[str, float],
                          under: Mapping[str, Collection[str]]) -> dict[str, float]:
    """``scores``, each raised to the highest of what the node commands, directly or not."""
    highest: dict[str, float] = {}

    def below(node: str, path: frozenset[str]) -> float:
        if node not in highest:
            # a node on the path holds the one asking (the mayor heads the council the mayor
            # sits in): one level, asked once
            highest[node] = max([scores.get(node, 0.0), *(
                below(lower, path | {node}) for lower in under.get(node, ())
                if lower not in path)])
        return highest[node]

    return {node: below(node, frozenset()) for node in scores}


class StakeholderGrid:
    """The stakeholder map's scoring of one dataset, its whole-graph parts read once.

    The graph, formal authority, what each post heads and what each node commands are the
    same for every post: the static start page asks for hundreds of posts' maps.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._actors, self._up = _actors(dataset), _upward(dataset)
        self.graph = weighted_graph(dataset)
        self.ranks = authority(dataset)
        self.heads = headed(dataset)
        self.under = commanded(dataset)
        # centrality among every post's actors, so a stakeholder scores the same on each map
        home = home_organisation(dataset)
        self._measured = self._actors - {home} if home else self._actors

    def scores(self, post: str, *, depth: int = 2) -> list[StakeholderScore]:
        """The stakeholders of ``post`` as the map scores them (:func:`stakeholder_scores`)."""
        # as actor_ids(…, post)
        actors = self._actors - _ours(self.dataset, post, self._up, self.heads)
        return grid(self.graph, post, depth=depth, actors=actors, ranks=self.ranks,
                    heads=self.heads, under=self.under, measured=self._measured)


def stakeholder_scores(dataset: Dataset, post: str, *, depth: int = 2) -> list[StakeholderScore]:
    """The stakeholders of ``post`` as the stakeholder map scores them, strongest first.

    :func:`grid` with every refinement: among the actors (:func:`actor_ids`), formal
    authority (:func:`authority`), a post as central as what it heads (:func:`headed`) and
    never below what it commands (:func:`commanded`).
    """
    return StakeholderGrid(dataset).scores(post, depth=depth)


_MEETS_IN = (EdgeType.MEMBER_OF, EdgeType.PARTICIPATES_IN)
_FORA = frozenset({Kind.FORUM, Kind.BODY, Kind.INITIATIVE})


def shared_fora(dataset: Dataset, ego: str) -> dict[str, list[str]]:
    """Through which fora each node meets ``ego``.

    The fora, bodies and initiatives both sit in or take part in, and the forum a
    collaboration of theirs runs through (``via``).

    Examples
    --------
    >>> from orgmodel.records import NODE_ADAPTER
    >>> def node(i, kind):
    ...     return NODE_ADAPTER.validate_python({"id": i, "kind": kind, "name": i,
    ...         "source": "seed", "confidence": "high"})
    >>> def member(a, b):
    ...     return EdgeRecord.model_validate({"type": "MEMBER_OF", "from": a, "to": b,
    ...         "source": "seed", "confidence": "high"})
    >>> ds = Dataset.build([node("post:a", "Post"), node("post:b", "Post"),
    ...                     node("forum:f", "Forum")],
    ...                    [member("post:a", "forum:f"), member("post:b", "forum:f")])
    >>> shared_fora(ds, "post:a")
    {'post:b': ['forum:f']}
    """
    sits_in: dict[str, set[str]] = {}
    for edge in dataset.edges.values():
        if edge.type in _MEETS_IN and Kind(dataset.nodes[edge.target_id].kind) in _FORA:
            sits_in.setdefault(edge.source_id, set()).add(edge.target_id)
    ours = sits_in.get(ego, set())
    found: dict[str, set[str]] = {}
    for node, fora in sits_in.items():
        if node != ego and fora & ours:
            found.setdefault(node, set()).update(fora & ours)
    for edge in dataset.edges.values():
        if edge.type is EdgeType.COLLABORATES_WITH and edge.via and ego in (edge.source_id,
                                                                           edge.target_id):
            other = edge.target_id if edge.source_id == ego else edge.source_id
            found.setdefault(other, set()).add(edge.via)
    return {node: sorted(fora) for node, fora in sorted(found.items())}


_HEADED = frozenset({Kind.UNIT, Kind.BODY, Kind.FORUM, Kind.ORGANISATION})
_DECIDED = frozenset({Kind.INITIATIVE, Kind.POLICY})


def node_owners(dataset: Dataset, ids: Collection[str] | None = None) -> dict[str, str]:
    """Who owns each node, for tooltips: id -> owner id.

    A task's owner is its accountable (A) holder; a unit, body, forum or organisation's is the
    post heading it; a post's is the post it reports to, else the unit it sits in (a tooltip's
    "Ansvarlig: Økonomi og Indkøb" on that unit's own leader read as if the unit were in
    charge of its head); a system's or asset's is whoever operates it; an initiative's or
    policy's is the body or forum that decides it. Ties break by edge key. Nodes without such
    an edge have no entry.
    """
    wanted = set(ids) if ids is not None else None
    owners: dict[str, str] = {}
    placed: list[tuple[str, str]] = []  # a post's unit: only where it reports to no one
    for edge in sorted(dataset.edges.values(), key=lambda e: e.key):
        pair = _ownership(edge, dataset)
        if pair is not None and (wanted is None or pair[0] in wanted):
            if edge.type is EdgeType.POST_IN:
                placed.append(pair)
            else:
                owners.setdefault(*pair)
    for post, unit in placed:
        owners.setdefault(post, unit)
    return owners


def _ownership(edge: EdgeRecord, dataset: Dataset) -> tuple[str, str] | None:
    """(owned, owner) when this edge makes one end the owner of the other."""
    target = dataset.nodes.get(edge.target_id)
    if target is None or edge.source_id not in dataset.nodes:
        return None
    owned_by_source = (
        (edge.type is EdgeType.RESPONSIBLE_FOR and edge.raci is Raci.A)
        or (edge.type is EdgeType.HEADS and target.kind in _HEADED)
        or edge.type is EdgeType.OPERATES
        or (edge.type is EdgeType.DECIDES and target.kind in _DECIDED)
    )
    if owned_by_source:
        return edge.target_id, edge.source_id
    if edge.type is EdgeType.POST_IN or (edge.type is EdgeType.REPORTS_TO
                                         and target.kind == Kind.POST.value):
        return edge.source_id, edge.target_id
    return None


def kle_main_group(kle: str | None) -> str | None:
    """The KLE main group (hovedgruppe) of a KLE number: its first two digits.

    Examples
    --------
    >>> kle_main_group("81.15.00"), kle_main_group(None)
    ('81', None)
    """
    if not kle or len(kle) < 2 or not kle[:2].isdigit():
        return None
    return kle[:2]
