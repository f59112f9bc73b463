"""One style table for every kind and edge type; legend and vis options come from it."""

from __future__ import annotations

import re
from datetime import date

import pytest

from orgmodel.schema import EdgeType, Kind
from orgmodel.store.memory import MemoryStore
from viz.styles import (
    EDGE_STYLES,
    KLE_GROUP_KIND,
    NODE_STYLES,
    edge_style_table,
    legend,
    vis_groups,
)
from viz.texts import EDGE_NAMES, UI, browser_texts
from viz.views import build_view


def test_every_kind_and_edge_type_has_a_style_and_a_name() -> None:
    assert {k.value for k in Kind} | {KLE_GROUP_KIND} == set(NODE_STYLES)
    assert {t.value for t in EdgeType} <= set(EDGE_STYLES)
    assert set(EDGE_STYLES) <= set(EDGE_NAMES)


def test_vis_groups_and_edge_table_come_from_the_table() -> None:
    groups = vis_groups()
    assert groups["Unit"]["color"]["background"] == NODE_STYLES["Unit"].background
    assert groups["Forum"]["shape"] == "ellipse"
    table = edge_style_table()
    assert table["RESPONSIBLE_FOR"]["label"] is True
    assert table["COLLABORATES_WITH"]["arrow"] == ""


def test_legend_lists_what_the_view_shows_in_table_order() -> None:
    entries = legend(["Post", "Body"], ["SUBMITS_TO", "PART_OF"], "en")
    assert [(e.group, e.key) for e in entries] == [
        ("kind", "Body"), ("kind", "Post"), ("edge", "PART_OF"), ("edge", "SUBMITS_TO"),
        ("confidence", "low")]
    assert entries[0].label == "Political body" and entries[2].label == "part of"


def test_ui_strings_exist_in_both_languages() -> None:
    assert all(da and en for da, en in UI.values())
    assert browser_texts("en")["search_none"] == "No match in this view."


def _contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_focus_ring_stands_out_from_what_it_is_drawn_on() -> None:
    # WCAG 1.4.11 asks 3:1 of a focus indicator; the orange ring was 2.65:1 on white.
    from viz.render import STATIC_DIR

    css = (STATIC_DIR / "css" / "views.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6});", css))
    for background in ("#ffffff", "#fff8e1", colours["panel"]):
        assert _contrast(colours["focus"], background) >= 3, background
    assert _contrast(colours["focus-on-accent"], colours["accent"]) >= 3


def test_every_line_and_border_stands_out_on_the_white_canvas() -> None:
    # WCAG 1.4.11: a relation's line is what tells it apart; "post in" was 1.75:1, "uses"
    # 1.87:1, the initiative's border 2.65:1.
    from viz.styles import EDGE_STYLES, NODE_STYLES

    for name, edge in EDGE_STYLES.items():
        assert _contrast(edge.color, "#ffffff") >= 3, name
    for kind, node in NODE_STYLES.items():
        assert max(_contrast(node.border, "#ffffff"), _contrast(node.border, node.background)) \
            >= 3, kind


#: The end marks vis-network draws (``edges.arrows.to.type``).
_VIS_MARKS = {"arrow", "bar", "circle", "box", "crow", "curve", "inv_curve", "diamond",
              "triangle", "inv_triangle", "vee"}


@pytest.mark.parametrize("view", ["org", "collaboration", "case-route", "responsibilities"])
def test_the_relation_types_of_a_view_differ_by_more_than_colour(memory_store: MemoryStore,
                                                                  view: str) -> None:
    # WCAG 1.4.1: in the collaboration network "member of", "supports" and "takes part in"
    # differed by colour alone. A type with a label on its line (R/A/C/I, a route's step) is
    # told apart by it; the others by the mark at their end, or by having none.
    graph = build_view(memory_store, view, lang="da", as_of=date(2026, 6, 1))
    types = {edge["type"] for edge in graph.edges}
    assert all(EDGE_STYLES[t].mark in _VIS_MARKS for t in EDGE_STYLES)
    marks = [EDGE_STYLES[t].mark if EDGE_STYLES[t].arrow else "none"
             for t in types if not EDGE_STYLES[t].label]
    assert len(marks) == len(set(marks)), sorted(types)


def test_every_collaboration_type_has_its_own_mark() -> None:
    # Any collaboration network, not only Albertslund's, draws from these types.
    from viz.gather import COLLABORATION_EDGES

    marks = [EDGE_STYLES[t.value].mark if EDGE_STYLES[t.value].arrow else "none"
             for t in COLLABORATION_EDGES]
    assert len(marks) == len(set(marks))


def test_a_dimmed_nodes_label_keeps_its_contrast_on_the_paled_node() -> None:
    # vis-network's opacity pales the node, not its label: white on a paled unit was 2.7:1.
    from viz.styles import DIM_OPACITY, NODE_STYLES, dim_labels

    def paled(colour: str) -> str:
        channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
        return "#" + "".join(f"{round(c * DIM_OPACITY + 255 * (1 - DIM_OPACITY)):02x}"
                             for c in channels)

    labels = dim_labels()
    for kind, node in NODE_STYLES.items():
        assert _contrast(labels[kind], paled(node.background)) >= 4.5, kind
