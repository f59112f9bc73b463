"""The organisation chart: a top-down tree whose rows are the model's levels.

Rows come from the model, not from vis-network's hub-size heuristic: the organisation, the
council, its committees, the fora, the director areas, the departments, the units and the
teams (:data:`ORG_LAYERS`). A post is drawn right under the unit it heads (or sits in) and a
person under the post they hold. A chart of more than :data:`~viz.builders.NODE_LIMIT` nodes
opens on its top rows; double-clicking a node adds its children.

Examples
--------
>>> layer_of("Unit", "team", None), layer_of("Body", None, "committee")
(7, 2)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping

from orgmodel.contract import NodeView
from orgmodel.messages import Lang
from orgmodel.schema import EdgeType, Kind
from viz.builders import NODE_LIMIT, ViewGraph, assemble, edge_dict, elbow, node_dict
from viz.gather import ViewInput
from viz.layout import stacked_beside, tree_layout

__all__ = ["ORG_LAYERS", "build_org_chart", "layer_of"]

#: (kind, unit level or body classification) -> row, top to bottom.
ORG_LAYERS: dict[tuple[str, str | None], int] = {
    ("Organisation", None): 0,
    ("Body", "council"): 1,
    ("Body", None): 2,
    ("Forum", None): 3,
    ("Unit", "direktørområde"): 4,
    ("Unit", "afdeling"): 5,
    ("Unit", "stab"): 5,
    ("Unit", "enhed"): 6,
    ("Unit", "team"): 7,
}
#: Edge types the chart shows at first; the others can be switched on in the filter.
SHOWN_TYPES = frozenset({EdgeType.PART_OF.value, EdgeType.HEADS.value, EdgeType.HOLDS.value})
_ATTACHING = {EdgeType.HEADS: 0, EdgeType.POST_IN: 1, EdgeType.HOLDS: 2}
#: A chart too big to show whole opens with whole rows up to this many nodes.
OPEN_LIMIT = 300


def layer_of(kind: str, level: str | None, classification: str | None) -> int:
    """The model's row for a node (before empty rows are dropped)."""
    if kind == "Body":
        return ORG_LAYERS.get(("Body", classification), ORG_LAYERS[("Body", None)])
    return ORG_LAYERS.get((kind, level), ORG_LAYERS.get((kind, None), 3))


class _Tree:
    """Parents, children, attachments and rows of the chart's nodes."""

    def __init__(self, data: ViewInput) -> None:
        self.nodes: dict[str, NodeView] = {n.id: n for n in data.subgraph.nodes}
        self.parent: dict[str, str] = {}
        anchors: dict[str, tuple[int, str]] = {}
        for edge in data.subgraph.edges:  # sorted by key: the first parent wins
            source, target = edge.source_id, edge.target_id
            if edge.type in _ATTACHING and target in self.nodes:
                rank = (_ATTACHING[edge.type], target)
                if source not in anchors or rank < anchors[source]:
                    anchors[source] = rank
            elif edge.type is EdgeType.PART_OF and target in self.nodes \
                    and self.nodes[source].kind not in (Kind.POST, Kind.PERSON):
                self.parent.setdefault(source, target)
        self.anchor = {node: target for node, (_, target) in anchors.items()}
        self.attached: dict[str, list[str]] = defaultdict(list)
        for node, (_rank, anchor) in sorted(anchors.items(),
                                            key=lambda a: (a[1], self._name(a[0]))):
            self.attached[anchor].append(node)
        self.children: dict[str, list[str]] = defaultdict(list)
        for child, parent in self.parent.items():
            self.children[parent].append(child)
        starts = [r for r in data.roots if r in self.nodes]
        loose = sorted(n for n in self.nodes if n not in self.parent and n not in self.anchor
                       and n not in starts)
        self.roots = [*starts, *loose]
        self.layer = self._layers()
        for kids in self.children.values():
            kids.sort(key=lambda k: (self.layer[k], self._name(k)))

    def _name(self, node: str) -> str:
        return self.nodes[node].name.casefold()

    def _layers(self) -> dict[str, int]:
        model: dict[str, int] = {}
        queue = list(self.roots)
        while queue:
            node = queue.pop()
            view = self.nodes[node]
            above = model[self.parent[node]] + 1 if node in self.parent else 0
            attributes = view.attributes
            model[node] = max(above, layer_of(view.kind.value, attributes.get("level"),
                                              attributes.get("classification")))
            queue.extend(self.children.get(node, ()))
        used = {layer: row for row, layer in enumerate(sorted(set(model.values())))}
        return {node: used[layer] for node, layer in model.items()}

    def with_attached(self, nodes: Collection[str]) -> set[str]:
        found, todo = set(nodes), list(nodes)
        while todo:
            for item in self.attached.get(todo.pop(), ()):
                if item not in found:
                    found.add(item)
                    todo.append(item)
        return found

    def visible(self, limit: int, expand: Collection[str], focus: str | None) -> set[str]:
        """The tree nodes to show: whole rows while under ``limit``, plus expansions."""
        tree_nodes = list(self.layer)
        if len(self.with_attached(tree_nodes)) <= limit:
            return set(tree_nodes)
        shown: set[str] = set()
        # Open on the top rows only: a chart of a few hundred nodes still fits a screen,
        # while every further row of a big municipality multiplies its width.
        opening = min(limit, OPEN_LIMIT)
        for row in sorted(set(self.layer.values())):
            more = {n for n in tree_nodes if self.layer[n] == row}
            if shown and len(self.with_attached(shown | more)) > opening:
                break
            shown |= more
        opened = set(expand)
        node = self.anchor.get(focus, focus) if focus else None
        while node is not None and node in self.nodes:  # open the way down to the focus
            opened.add(node)
            node = self.parent.get(node)
        for node in opened:
            if node in self.layer:
                shown |= {node, *self.children.get(node, ())}
        # A shown node's ancestors are shown too, so every expansion hangs off the tree.
        for node in list(shown):
            while node in self.parent and self.parent[node] not in shown:
                node = self.parent[node]
                shown.add(node)
        return shown


def build_org_chart(data: ViewInput, lang: Lang, *, limit: int = NODE_LIMIT,
                    expand: Collection[str] = (), focus: str | None = None) -> ViewGraph:
    """The organisation chart of ``data`` (from :func:`viz.gather.org_chart`)."""
    tree = _Tree(data)
    shown = tree.visible(limit, expand, focus)
    children = {parent: [k for k in kids if k in shown]
                for parent, kids in tree.children.items() if parent in shown}
    attached: Mapping[str, list[str]] = tree.attached
    roots = [r for r in tree.roots if r in shown]
    # Runs of more than three leaves (teams, committees, a director's departments) are stacked,
    # so the chart stays about as wide as a screen and its labels legible when fitted.
    # A column of leaves stands beside its parent, each joined to it by an elbow: under it,
    # the line to the last crossed the others, and the column read as a chain.
    positions = tree_layout(roots, children, tree.layer, attached=attached, stack_after=3,
                            stack_rows=6, x_gap=190.0, y_gap=200.0, beside=160.0)
    column = tree.with_attached(stacked_beside(children, stack_after=3, stack_rows=6))
    visible = tree.with_attached(shown)
    nodes = []
    for node_id in sorted(visible, key=lambda n: positions.get(n, (0.0, 0.0))):
        extra = {}
        if any(k not in shown for k in tree.children.get(node_id, ())):
            extra["more"] = True
        nodes.append(node_dict(tree.nodes[node_id], lang, data.owners,
                               positions.get(node_id, (0.0, 0.0)), **extra))
    edges = [edge_dict(e, lang, **elbow(e.source_id in column, e.target_id in column))
             for e in data.subgraph.edges if e.source_id in visible and e.target_id in visible]
    hidden = {e["type"] for e in edges} - SHOWN_TYPES
    return assemble("org", nodes, edges, total=len(tree.nodes),
                    partial=len(visible) < len(tree.nodes),
                    hidden_types=hidden,
                    extra=_opening(tree, shown, roots))


def _opening(tree: _Tree, shown: set[str], roots: list[str]) -> dict[str, str | None]:
    """Where a chart too big to read fitted opens, as the page's intro reads it.

    At its political level (the council at the top left, the administration to its right),
    else at its root.
    """
    councils = sorted(n for n in shown if tree.nodes[n].kind is Kind.BODY
                      and tree.nodes[n].attributes.get("classification") == "council")
    if councils:
        return {"home": councils[0], "homeAt": "top-left"}
    return {"home": roots[0] if roots else None, "homeAt": "top"}
