"""The responsibility map (tasks → R/A/C/I owners by KLE main group) and the case route.

The responsibility map reads left to right: KLE main groups, their tasks, and the units,
posts and bodies holding a RACI role on them (edge label and width: the role). A map of more
than :data:`~viz.builders.NODE_LIMIT` nodes opens with as many whole groups as fit; the others
open on double-click.

The case route reads left to right too: committees → Økonomiudvalget → Kommunalbestyrelsen
(SUBMITS_TO, step on the edge), with the post and its units below, tied to the bodies where
they take part.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from orgmodel.analytics import kle_main_group
from orgmodel.contract import NodeView
from orgmodel.messages import Lang, unmarked
from orgmodel.schema import EdgeType, Kind
from orgmodel.semantics import RACI_ORDER
from viz.builders import (
    NODE_LIMIT,
    ViewGraph,
    assemble,
    edge_dict,
    label_of,
    nearest_shown_ancestor,
    node_dict,
    said_of,
)
from viz.gather import ViewInput
from viz.kle_groups import group_label
from viz.layout import grouped_grid_layout, layered_layout
from viz.styles import KLE_GROUP_KIND

__all__ = ["build_case_route", "build_responsibilities", "group_id"]


def group_id(group: str | None) -> str:
    """Id of a KLE main group's heading node.

    Examples
    --------
    >>> group_id("81"), group_id(None)
    ('kle:81', 'kle:none')
    """
    return f"kle:{group or 'none'}"


def _group_node(group: str | None, lang: Lang, position: tuple[float, float],
                more: bool) -> dict[str, Any]:
    node: dict[str, Any] = {"id": group_id(group), "label": group_label(group, lang),
                            "kind": KLE_GROUP_KIND, "x": round(position[0], 1),
                            "y": round(position[1], 1), "conf": "high", "src": "KLE",
                            "synthetic": True}
    if more:
        node["more"] = True
    return node


def build_responsibilities(data: ViewInput, lang: Lang, *, limit: int = NODE_LIMIT,
                           expand: Collection[str] = (), focus: str | None = None) -> ViewGraph:
    """The responsibility map of ``data`` (from :func:`viz.gather.responsibilities`)."""
    views = {n.id: n for n in data.subgraph.nodes}
    tasks = sorted((n for n in views.values() if n.kind is Kind.TASK),
                   key=lambda n: (str(n.attributes.get("kle", "99")), n.name))
    group_of = {t.id: kle_main_group(t.attributes.get("kle")) for t in tasks}
    holders: dict[str, set[str]] = defaultdict(set)
    for edge in data.subgraph.edges:
        holders[edge.target_id].add(edge.source_id)
    members: dict[str | None, list[str]] = defaultdict(list)
    for task in tasks:
        members[group_of[task.id]].append(task.id)
    groups = sorted(members, key=lambda g: g or "zz")
    opened = _open_groups(groups, members, holders, limit, expand, focus, group_of)
    shown_tasks = [t.id for t in tasks if group_of[t.id] in opened]
    shown_holders = sorted({h for t in shown_tasks for h in holders[t]})
    shown = set(shown_tasks)
    blocks = [(group_id(g), [t for t in members[g] if t in shown]) for g in groups]
    owned: dict[str, list[str]] = defaultdict(list)
    for task_id in shown_tasks:
        for holder in holders[task_id]:
            owned[holder].append(task_id)
    positions = grouped_grid_layout(blocks, {h: owned[h] for h in shown_holders})
    nodes = [_group_node(g, lang, positions[group_id(g)], g not in opened) for g in groups]
    nodes += [node_dict(views[n], lang, data.owners, positions[n],
                        **({"unowned": True} if not holders[n] else {}))
              for n in shown_tasks]
    # A holder's nearest holder above it: a focus on a department reaches its units' tasks
    # as its own (±1 showed the one task it holds itself, not what its units hold).
    drawn = set(shown_holders)
    for n in shown_holders:
        up = nearest_shown_ancestor(n, data.parents, drawn)
        nodes.append(node_dict(views[n], lang, data.owners, positions[n],
                               **({"up": up} if up else {})))
    edges = [{"from": t, "to": group_id(group_of[t]), "type": "IN_GROUP", "conf": "high",
              "src": "KLE", "width": 1.0} for t in shown_tasks]
    edges += [edge_dict(e, lang) for e in data.subgraph.edges if e.target_id in shown]
    table = _matrix(groups, members, views, data, lang)
    return assemble("responsibilities", nodes, edges, total=len(views),
                    partial=len(opened) < len(groups), table=table,
                    extra={"home": group_id(groups[0]) if groups else None,
                           "homeAt": "top-left"})


def _open_groups(groups: list[str | None], members: dict[str | None, list[str]],
                 holders: dict[str, set[str]], limit: int, expand: Collection[str],
                 focus: str | None, group_of: dict[str, str | None]) -> set[str | None]:
    """Whole groups in KLE order while the map stays under ``limit`` nodes, plus those asked for."""
    opened: set[str | None] = set()
    seen_holders: set[str] = set()
    count = len(groups)
    for group in groups:
        new_holders = {h for t in members[group] for h in holders[t]} - seen_holders
        if count + len(members[group]) + len(new_holders) > limit:
            break
        opened.add(group)
        seen_holders |= new_holders
        count += len(members[group]) + len(new_holders)
    wanted = {g for g in groups if group_id(g) in expand}
    if focus in group_of:
        wanted.add(group_of[focus])
    elif focus:
        wanted |= {group_of[t] for t, who in holders.items() if focus in who and t in group_of}
    return opened | wanted


def _matrix(groups: list[str | None], members: dict[str | None, list[str]],
            views: dict[str, NodeView], data: ViewInput, lang: Lang) -> list[dict[str, Any]]:
    """The accessible twin: per KLE group, each task with its holders by RACI role."""
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for edge in data.subgraph.edges:
        if edge.type is EdgeType.RESPONSIBLE_FOR and edge.raci is not None:
            holder = views[edge.source_id]
            # (Danish on an English page, marked so: the table says it lang="da")
            name = said_of(holder.name, holder.name_en, lang)
            roles[edge.target_id][edge.raci.value].append(name)
    return [{"group": group_label(g, lang), "id": group_id(g), "tasks": [
        {"id": t, "label": label_of(views[t].name, views[t].name_en, lang),
         "kle": views[t].attributes.get("kle", ""),
         "label_lang": "da" if lang == "en" and not views[t].name_en else None,
         "roles": {r: sorted(roles[t].get(r, []), key=unmarked) for r in RACI_ORDER}}
        for t in members[g]]}
        for g in groups]


def build_case_route(data: ViewInput, lang: Lang, *, limit: int = NODE_LIMIT,
                     expand: Collection[str] = (), focus: str | None = None) -> ViewGraph:
    """The political case route of ``data`` (from :func:`viz.gather.case_route`)."""
    views = {n.id: n for n in data.subgraph.nodes}
    route = [e for e in data.subgraph.edges if e.type is EdgeType.SUBMITS_TO]
    step: dict[str, int] = {}
    for _ in range(len(views)):  # longest path from the committees: a few rounds at most
        changed = False
        for edge in route:
            wanted = step.get(edge.source_id, 0) + 1
            step.setdefault(edge.source_id, 0)
            if step.get(edge.target_id, -1) < wanted:
                step[edge.target_id], changed = wanted, True
        if not changed:
            break
    positions = layered_layout(step, [(e.source_id, e.target_id) for e in route],
                               x_gap=460.0, y_gap=90.0)
    bottom = max((y for _, y in positions.values()), default=0.0)
    top = min((y for _, y in positions.values()), default=0.0)
    # A forum that prepares the cases (advises a body on the route) sits above that body: on
    # the route, apart from the post and its units below it.
    preparing = sorted((e.source_id, e.target_id) for e in data.subgraph.edges
                       if e.type is EdgeType.ADVISES and e.target_id in positions
                       and e.source_id not in positions and views[e.source_id].kind is Kind.FORUM)
    for forum, body in preparing:
        positions.setdefault(forum, (positions[body][0], top - 160.0))
    ties: dict[str, list[str]] = defaultdict(list)
    for edge in data.subgraph.edges:
        if edge.type is not EdgeType.SUBMITS_TO and edge.target_id in positions:
            ties[edge.source_id].append(edge.target_id)
    others = sorted((n for n in views if n not in positions),
                    key=lambda n: (n != data.focus, data.parents.get(n) != data.focus, n))
    for row, node in enumerate(others):
        xs = [positions[t][0] for t in ties.get(node, ())] or [0.0]
        offset = 0.0 if node == data.focus else ((row % 3) - 1) * 230.0
        positions[node] = (sum(xs) / len(xs) + offset, bottom + 200.0 + 130.0 * min(row, 1)
                           + 90.0 * (row // 3 if row else 0))
    nodes = [node_dict(views[n], lang, data.owners, positions[n],
                       **({"ego": True} if n == data.focus else {})) for n in sorted(views)]
    edges = [edge_dict(e, lang) for e in data.subgraph.edges]
    steps = sorted(route, key=lambda e: (e.order or 0, e.source_id))
    # Too wide to read fitted (a phone): it opens where the route starts, at the top left.
    start = min(positions, key=lambda n: (positions[n][0], positions[n][1]), default=None)
    return assemble("case-route", nodes, edges, total=len(views),
                    extra={"post": data.focus if data.focus in views else None,
                           "post_apart": data.focus in views and not any(
                               data.focus in (e.source_id, e.target_id)
                               for e in data.subgraph.edges),
                           "home": start, "homeAt": "top-left"},
                    table=[(e.source_id, e.target_id, e.order) for e in steps])
