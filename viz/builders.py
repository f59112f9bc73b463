"""What every view builder shares: node and edge dicts, and the pyvis network around them.

A view builder turns a :class:`~viz.gather.ViewInput` (store answers) into a :class:`ViewGraph`:
vis-network nodes with server-computed positions, edges, and the network options. The nodes
and edges go into a :class:`pyvis.network.Network` directly (``nodes``, ``edges``,
``node_ids``, ``node_map``) instead of through ``add_node``/``add_edge``, which check
membership in a list (quadratic on large graphs) and drop parallel edges in undirected mode.
pyvis contributes the options (physics off, edges hidden while dragging); the project's own
template renders the result.

Node styles are not repeated per node: the browser makes a node's kind its vis ``group``, and
the groups come from :mod:`viz.styles`. Edges get no ids (the browser numbers them).

Examples
--------
>>> from orgmodel.contract import NodeView
>>> view = NodeView(id="unit:a", name="<b>A</b>", kind="Unit", source="seed", confidence="low")
>>> node = node_dict(view, "da", {}, (10.0, 20.0))
>>> node["label"], node["kind"], node["conf"], node["x"]
('<b>A</b>', 'Unit', 'low', 10.0)
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pyvis.network import Network

from orgmodel.contract import EdgeView, NodeView
from orgmodel.messages import Lang, marked_danish, name_in, role_in, role_names
from orgmodel.records import SourceRecord
from orgmodel.schema import EdgeType
from orgmodel.text import shortened
from viz.layout import Position
from viz.styles import EDGE_STYLES, raci_width, vis_groups

__all__ = [
    "NODE_LIMIT",
    "ViewGraph",
    "assemble",
    "edge_dict",
    "elbow",
    "fan_out_parallel",
    "label_of",
    "nearest_shown_ancestor",
    "node_dict",
    "said_of",
    "shortened",
    "shown_role",
]

#: Above this many nodes a view opens on part of the graph and expands on double-click:
#: vis-network draws every node and label on each frame, so thousands stay sluggish even
#: with physics off.
NODE_LIMIT = 1500
_DESCRIPTION_CHARS = 400
_SOURCE_TITLE_CHARS = 90  # a tooltip's line; the table below the view has the whole title
_THIN_ABOVE = 400


@dataclass
class ViewGraph:
    """A view ready to render: vis nodes and edges, options, and what the page says about them."""

    view: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    total: int  # store nodes in the whole view, shown or not
    partial: bool = False  # True when only part of the view is shown (expand on double-click)
    hidden_types: list[str] = field(default_factory=list)  # edge types filtered out at first
    hidden_kinds: list[str] = field(default_factory=list)  # node kinds filtered out at first
    extra: dict[str, Any] = field(default_factory=dict)  # view-specific data for the browser
    table: Any = None  # view-specific rows for the accessible table (server side only)
    # key -> the source, for each source a shown node or edge cites (tooltips and the table
    # name a source by its title, not by the key the data files use)
    sources: dict[str, SourceRecord] = field(default_factory=dict)

    def store_nodes(self) -> list[dict[str, Any]]:
        """The nodes that are store nodes (not KLE group headings)."""
        return [n for n in self.nodes if not n.get("synthetic")]

    def payload(self) -> dict[str, Any]:
        """The part the browser gets as JSON."""
        return {"view": self.view, "nodes": self.nodes, "edges": self.edges, "total": self.total,
                "partial": self.partial, "hiddenTypes": self.hidden_types,
                "hiddenKinds": self.hidden_kinds, "extra": self.extra,
                "sources": {key: shortened(source.title, _SOURCE_TITLE_CHARS)
                            for key, source in self.sources.items()}}

    def cited(self, sources: Mapping[str, SourceRecord]) -> ViewGraph:
        """The view with the sources its nodes and edges cite, taken from ``sources``."""
        keys = {item.get("src") for item in itertools.chain(self.nodes, self.edges)}
        return replace(self, sources={k: s for k, s in sources.items() if k in keys})


def label_of(name: str, name_en: str | None, lang: Lang) -> str:
    """The name to show: English when asked for and known, else Danish.

    Examples
    --------
    >>> label_of("Løn", "Payroll", "en"), label_of("Løn", None, "en")
    ('Payroll', 'Løn')
    """
    return name_in(name, name_en, lang)


def said_of(name: str, name_en: str | None, lang: Lang) -> str:
    """The name to show inside a text (a tooltip's row, the table), its Danish marked so.

    As :func:`label_of`; a Danish name on an English page is marked
    (``orgmodel.messages.DANISH_START``) for the page to say ``lang="da"``
    (``viz.render.danish_parts``, ``orgmodelText.put``).

    >>> said_of("Løn", "Payroll", "en"), said_of("Løn", None, "da")
    ('Payroll', 'Løn')
    >>> said_of("Løn", None, "en") == marked_danish("Løn")
    True
    """
    return marked_danish(name) if lang == "en" and not name_en else name_in(name, name_en, lang)


def node_dict(view: NodeView, lang: Lang, owners: Mapping[str, tuple[str, str | None]],
              position: Position,
              **extra: Any) -> dict[str, Any]:
    """A vis node for a store node; text fields are plain text for the browser to show as text."""
    node: dict[str, Any] = {
        "id": view.id, "label": label_of(view.name, view.name_en, lang), "kind": view.kind.value,
        "x": round(position[0], 1), "y": round(position[1], 1),
        "conf": view.confidence.value, "src": view.source,
    }
    if node["label"] != view.name:  # an English page: its Danish name still finds it
        node["da"] = view.name
    elif view.name_en and view.name_en != view.name:  # ... and a Danish page its English one
        node["en"] = view.name_en
    if lang == "en" and not view.name_en:  # Danish on an English page: said so (WCAG 3.1.2)
        node["label_lang"] = "da"
    owner = owners.get(view.id)
    if owner:
        node["owner"] = said_of(*owner, lang)  # ... and its owner's, marked within the text
    description = view.description_en if lang == "en" and view.description_en else view.description
    if description:
        node["desc"] = shortened(description, _DESCRIPTION_CHARS)
        if lang == "en" and not view.description_en:  # Danish on an English page: said so
            node["desc_lang"] = "da"
    for key in ("level", "kle"):
        if key in view.attributes:
            node[key] = view.attributes[key]
    node.update(extra)
    return node


def edge_dict(edge: EdgeView, lang: Lang, **extra: Any) -> dict[str, Any]:
    """A vis edge; its width follows the style table, strength and RACI role.

    Its role (a free text) in ``lang`` where it is a common word (``formand``: chair), and its
    topic's English as ``topic_text`` on an English page, where the vocabulary has it.
    """
    style = EDGE_STYLES[edge.type.value]
    width = style.width
    if edge.strength is not None:
        width = 1.0 + edge.strength
    if edge.type is EdgeType.RESPONSIBLE_FOR:
        width = raci_width(edge.raci.value if edge.raci else None)
    item: dict[str, Any] = {"from": edge.source_id, "to": edge.target_id,
                            "type": edge.type.value, "conf": edge.confidence.value,
                            "src": edge.source, "width": width}
    if edge.raci is not None:
        item["raci"] = edge.raci.value
    for key in ("role", "topic", "strength", "order"):
        value = getattr(edge, key)
        if value is not None:
            item[key] = shown_role(value, lang) if key == "role" else value
    if edge.description is not None:
        english = lang == "en" and edge.description_en
        item["desc"] = edge.description_en if english else edge.description
        if lang == "en" and not english:  # Danish on an English page: said so
            item["desc_lang"] = "da"
    # The topic stays as written, the key a filter and a permalink match in either language;
    # the reader sees its English where the vocabulary has it (else its Danish, marked so).
    if edge.topic is not None and shown_role(edge.topic, lang) != edge.topic:
        item["topic_text"] = shown_role(edge.topic, lang)
    if style.label:
        label = item.get("raci") or (str(edge.order) if edge.order is not None else None)
        if label:
            item["label"] = label
    item.update(extra)
    return item


def shown_role(role: str, lang: Lang) -> str:
    """A role or topic (free Danish text) as shown, its Danish marked so on an English page.

    English where the vocabulary has it, else the Danish.

    >>> shown_role("formand", "en"), shown_role("formand", "da")
    ('chair', 'formand')
    >>> shown_role("noget andet", "en") == marked_danish("noget andet")
    True
    """
    if lang == "en" and role not in role_names():
        return marked_danish(role)
    return role_in(role, lang)


#: The curves of an elbow round a column (:func:`elbow`), by vis-network's type name; kept
#: elbows when parallel (:func:`fan_out_parallel`).
_ELBOWS: dict[str, dict[str, Any]] = {
    "straightCross": {"enabled": True, "type": "straightCross", "roundness": 0.0},
    "discrete": {"enabled": True, "type": "discrete", "roundness": 1.0},
}


def elbow(from_column: bool, to_column: bool) -> dict[str, Any]:
    """How an edge into or out of a column beside its parent is drawn.

    Bent at the corner under the node outside the column, so it passes no other node of the
    column. vis-network puts the corner of a "straightCross" curve at (to.x, from.y) and, with
    roundness 1, of a "discrete" one at (from.x, to.y).

    >>> elbow(True, False)["smooth"]["type"], elbow(False, True)["smooth"]["type"]
    ('straightCross', 'discrete')
    >>> elbow(True, True), elbow(False, False)
    ({}, {})
    """
    if from_column == to_column:
        return {}
    return {"smooth": dict(_ELBOWS["straightCross" if from_column else "discrete"])}


def fan_out_parallel(edges: Sequence[dict[str, Any]]) -> None:
    """Bend edges that join the same two nodes apart, so parallel edges stay visible."""
    pairs: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for edge in edges:
        pairs[frozenset((edge["from"], edge["to"]))].append(edge)
    for group in pairs.values():
        if len(group) > 1:
            for index, edge in enumerate(group):
                bent = edge.get("smooth") or {}
                if bent.get("type") in _ELBOWS:  # an elbow stays one: its corner moves a little
                    step = 0.08 * index * (1 if bent["type"] == "straightCross" else -1)
                    edge["smooth"] = {**bent, "roundness": round(bent["roundness"] + step, 2)}
                    continue
                edge["smooth"] = {"enabled": True, "type": "curvedCW",
                                  "roundness": round(0.15 * (index + 1) * (-1) ** index, 2)}


def assemble(view: str, nodes: Iterable[dict[str, Any]], edges: Iterable[dict[str, Any]], *,
             total: int, partial: bool = False, hidden_types: Iterable[str] = (),
             hidden_kinds: Iterable[str] = (),
             extra: dict[str, Any] | None = None, table: Any = None) -> ViewGraph:
    """Put nodes and edges into a pyvis network (set-based) and take its data and options."""
    net = Network(directed=True, cdn_resources="remote")
    net.toggle_physics(False)  # positions come from viz.layout; vis physics is O(n²) per step
    net.toggle_hide_edges_on_drag(True)
    net.toggle_stabilization(False)
    by_id: dict[str, dict[str, Any]] = {}
    for node in nodes:
        by_id.setdefault(node["id"], node)
    kept = [e for e in edges if e["from"] in by_id and e["to"] in by_id]
    fan_out_parallel(kept)
    if len(kept) > _THIN_ABOVE:  # thousands of full-width lines merge into one blot
        for edge in kept:
            edge["width"] = round(max(0.5, edge["width"] * 0.4), 2)
    net.nodes, net.node_ids, net.node_map = list(by_id.values()), list(by_id), by_id
    net.edges = kept
    vis_nodes, vis_edges, _heading, _height, _width, options_json = net.get_network_data()
    options: dict[str, Any] = json.loads(options_json)
    options["edges"] = {"smooth": False, "color": {"inherit": False},
                        "font": {"size": 14, "align": "middle", "strokeWidth": 4,
                                 "face": "system-ui, sans-serif"}}
    options["interaction"].update(hover=True, tooltipDelay=150, multiselect=False,
                                  navigationButtons=False,
                                  keyboard={"enabled": True, "bindToWindow": False})
    options["layout"] = {"improvedLayout": False, "hierarchical": False}
    # Labels are wrapped by the page's script (orgview.js), not by vis's widthConstraint.
    options["nodes"] = {"margin": 8}
    options["groups"] = vis_groups()
    return ViewGraph(view=view, nodes=vis_nodes, edges=vis_edges, options=options, total=total,
                     partial=partial, hidden_types=sorted(hidden_types),
                     hidden_kinds=sorted(hidden_kinds), extra=extra or {},
                     table=table)


def nearest_shown_ancestor(node: str, parents: Mapping[str, str],
                           shown: Collection[str]) -> str | None:
    """The closest of ``node``'s ancestors that is drawn; ``None`` when none is.

    A team's unit, or its department when the unit is not drawn.
    A node's ``up`` in a view: a focus on a department counts everything drawn under it as one
    step from it (the page's ``partsOf``): its own ties are few, its units' are its
    collaboration and its tasks.

    >>> nearest_shown_ancestor("team", {"team": "unit", "unit": "dept"}, {"team", "dept"})
    'dept'
    """
    seen = {node}
    while node in parents and parents[node] not in seen:
        node = parents[node]
        if node in shown:
            return node
        seen.add(node)
    return None
