"""The collaboration network and the stakeholder map: ring layouts around what matters.

* The collaboration network puts the fora and political bodies (through which collaboration
  runs) on the inner ring, the units and posts on the middle ring in the order of the
  hierarchy (so a department's units sit together), and initiatives and outside parties on
  the outer ring next to those they work with. Edge width is the collaboration's strength.
* The stakeholder map puts the post in the middle, its direct ties on the first ring and the
  ties of those on the second. Each stakeholder also has a place in the influence/interest
  grid (``gx``, ``gy``), which the page can switch to.

Examples
--------
>>> ancestry("c", {"c": "b", "b": "a"}, {"a": "A", "b": "B", "c": "C"})
('a', 'b', 'c')
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict, deque
from collections.abc import Collection, Mapping
from typing import Any

from orgmodel.analytics import ACTOR_KINDS, Quadrant, by_strategy
from orgmodel.contract import EdgeView, NodeView
from orgmodel.messages import Lang
from orgmodel.schema import Kind
from orgmodel.ties import tie_text
from viz.builders import (
    NODE_LIMIT,
    ViewGraph,
    assemble,
    edge_dict,
    label_of,
    nearest_shown_ancestor,
    node_dict,
    said_of,
    shown_role,
)
from viz.gather import ViewInput
from viz.grid_layout import GridItem, label_box, place_on_grid
from viz.layout import ring_layout
from viz.styles import NODE_STYLES

__all__ = ["ancestry", "build_collaboration", "build_stakeholders"]

_INNER = frozenset({Kind.FORUM, Kind.BODY})
#: Kinds that are never stakeholders themselves (see orgmodel.analytics.ACTOR_KINDS).
NOT_STAKEHOLDERS = frozenset(k.value for k in Kind) - {k.value for k in ACTOR_KINDS}
_MIDDLE = frozenset({Kind.UNIT, Kind.POST})
_TOPICS_SHOWN = 200


def ancestry(node: str, parents: Mapping[str, str], names: Mapping[str, str]) -> tuple[str, ...]:
    """The node's line of ancestors from the top, itself last: a sort key for tree order."""
    line = [node]
    seen = {node}
    while line[-1] in parents and parents[line[-1]] not in seen:
        seen.add(parents[line[-1]])
        line.append(parents[line[-1]])
    return tuple(reversed(line))


def _adjacency(edges: Collection[EdgeView]) -> dict[str, set[str]]:
    near: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        near[edge.source_id].add(edge.target_id)
        near[edge.target_id].add(edge.source_id)
    return near


def _distances(start: str, near: Mapping[str, Collection[str]], depth: int) -> dict[str, int]:
    found = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if found[node] < depth:
            for other in sorted(near.get(node, ())):
                if other not in found:
                    found[other] = found[node] + 1
                    queue.append(other)
    return found


def _expanded(start: str, near: Mapping[str, Collection[str]], expand: Collection[str]) -> set[str]:
    """A start node's neighbourhood plus the neighbourhoods of the expanded nodes."""
    shown = {start, *near.get(start, ())}
    for node in expand:
        if node in near:
            shown |= {node, *near[node]}
    return shown


def build_collaboration(data: ViewInput, lang: Lang, *, limit: int = NODE_LIMIT,
                        expand: Collection[str] = (), focus: str | None = None) -> ViewGraph:
    """The collaboration network of ``data`` (from :func:`viz.gather.collaboration`)."""
    views = {n.id: n for n in data.subgraph.nodes}
    near = _adjacency(data.subgraph.edges)
    partial = len(views) > limit
    if partial:
        start = focus if focus in views else max(views, key=lambda n: (len(near[n]), n))
        shown = _expanded(start, near, expand)
        rings = [[start], sorted(near[start] & shown), sorted(shown - near[start] - {start})]
        anchor = 1
    else:
        names = {i: v.name for i, v in views.items()}
        kind = {i: v.kind for i, v in views.items()}
        inner = sorted(n for n in views if kind[n] in _INNER)
        middle = sorted((n for n in views if kind[n] in _MIDDLE), key=lambda n: tuple(
            names.get(a, a) for a in ancestry(n, data.parents, names)))
        outer = sorted(n for n in views if n not in set(inner) | set(middle))
        rings, anchor, shown = [inner, middle, outer], 1, set(views)
    positions = ring_layout([r for r in rings if r], near, anchor=anchor if rings[0] else 0,
                            min_gap=120.0, ring_gap=380.0, first_radius=260.0,
                            sizes=_label_boxes(views, shown, lang))
    nodes = []
    for n in sorted(shown):
        extra: dict[str, Any] = {"more": True} if partial and near[n] - shown else {}
        up = nearest_shown_ancestor(n, data.parents, shown)
        if up is not None:
            extra["up"] = up
        nodes.append(node_dict(views[n], lang, data.owners, positions[n], **extra))
    edges = [edge_dict(e, lang) for e in data.subgraph.edges
             if e.source_id in shown and e.target_id in shown]
    topics = [t for t, _ in Counter(e.topic for e in data.subgraph.edges
                                    if e.topic).most_common(_TOPICS_SHOWN)]
    return assemble("collaboration", nodes, edges, total=len(views), partial=partial,
                    extra={"topics": topics,
                           # (a Danish one marked so on an English page: view.html)
                           "topic_names": {t: shown_role(t, lang) for t in topics},
                           # Where a page too wide to read when fitted opens: the middle.
                           "home": min(shown, key=lambda n: math.dist(positions[n], (0, 0)),
                                       default=None)})


def _grid_items(scores: list[dict[str, Any]], views: Mapping[str, NodeView], lang: Lang,
                more: Collection[str]) -> list[GridItem]:
    """The stakeholders to place on the grid, each with the box its label will be drawn in."""
    items = []
    for score in scores:
        view = views[score["id"]]
        label = label_of(view.name, view.name_en, lang) + (" ⊕" if score["id"] in more else "")
        width, height = label_box(label, NODE_STYLES[view.kind.value].shape)
        items.append(GridItem(score["id"], score["influence"], score["interest"], width, height,
                              Quadrant(score["quadrant"])))
    return items


def _label_boxes(views: Mapping[str, NodeView], shown: Collection[str],
                 lang: Lang) -> dict[str, tuple[float, float]]:
    """The boxes the shown nodes' labels draw (wrapped as in the page), to keep them apart.

    "Kommunalbestyrelsen" beside "Økonomi og Stab" on a ring needs more than a fixed gap.
    """
    return {n: label_box(label_of(views[n].name, views[n].name_en, lang),
                         NODE_STYLES[views[n].kind.value].shape) for n in shown if n in views}


def build_stakeholders(data: ViewInput, lang: Lang, *, limit: int = NODE_LIMIT,
                       expand: Collection[str] = (), focus: str | None = None) -> ViewGraph:
    """The stakeholder map of the post ``data.focus`` (from :func:`viz.gather.stakeholders`)."""
    ego = data.focus or ""
    views: dict[str, NodeView] = {n.id: n for n in data.subgraph.nodes}
    if not views:  # data without posts: nothing to draw, and the page says so
        return assemble("stakeholders", [], [], total=0, partial=False,
                        extra={"ego": None, "home": None, "grid": {"width": 0, "height": 0}},
                        table=[])
    near = _adjacency(data.subgraph.edges)
    distance = _distances(ego, near, 2)
    partial = len(views) > limit
    shown = (_expanded(ego, near, [*expand, *([focus] if focus else [])]) if partial
             else set(views))
    rings = [[ego], sorted((n for n in shown if distance.get(n) == 1),
                           key=lambda n: (views[n].kind.value, views[n].name)),
             sorted(n for n in shown if distance.get(n, 2) >= 2)]
    positions = ring_layout([r for r in rings if r], near, anchor=1, min_gap=110.0,
                            ring_gap=420.0, first_radius=0.0,
                            sizes=_label_boxes(views, shown, lang))
    def called(node: str) -> str:
        # a forum met in, or a step of a stakeholder's chain (within the ego network's depth);
        # in Danish on an English page, marked so (the CSV file takes the marks away)
        return said_of(views[node].name, views[node].name_en, lang) if node in views else node

    # The table as the command line lists them: whom to manage closely first.
    scores = [{"id": s.id, "influence": s.influence, "interest": s.interest,
               "quadrant": s.quadrant.value, "distance": s.distance,
               "via": [called(forum) for forum in data.via.get(s.id, [])],
               "tie": tie_text(data.ties.get(s.id, []), called, lang)}
              for s in by_strategy(data.scores) if s.id in shown]
    more = {n for n in shown if partial and near[n] - shown}
    grid, grid_width, grid_height = place_on_grid(_grid_items(scores, views, lang, more))
    by_id = {s["id"]: s for s in scores}
    nodes = []
    for node in sorted(shown):
        extra: dict[str, Any] = {"ego": True} if node == ego else {}
        if node in by_id:
            score = by_id[node]
            gx, gy = grid[node]
            extra.update(gx=round(gx), gy=round(gy), influence=score["influence"],
                         interest=score["interest"], quadrant=score["quadrant"])
            if score["via"]:
                extra["via"] = score["via"]
            if score["tie"]:
                extra["tie"] = score["tie"]
        if node in more:
            extra["more"] = True
        nodes.append(node_dict(views[node], lang, data.owners, positions[node], **extra))
    edges = [edge_dict(e, lang) for e in data.subgraph.edges
             if e.source_id in shown and e.target_id in shown]
    # Tasks, systems and policies are in the ego network but are not stakeholders: hidden at
    # first (one click in the legend shows them), so the people and bodies stand out.
    things = {n["kind"] for n in nodes if "gx" not in n and not n.get("ego")}
    return assemble("stakeholders", nodes, edges, total=len(views), partial=partial,
                    hidden_kinds=things & NOT_STAKEHOLDERS,
                    extra={"ego": ego, "home": ego,
                           "grid": {"width": grid_width, "height": grid_height}},
                    table=scores)
