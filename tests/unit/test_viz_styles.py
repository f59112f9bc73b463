"""One style table for every kind and edge type; legend and vis options come from it."""

from __future__ import annotations

from orgmodel.schema import EdgeType, Kind
from viz.styles import (
    EDGE_STYLES,
    KLE_GROUP_KIND,
    NODE_STYLES,
    edge_style_table,
    legend,
    vis_groups,
)
from viz.texts import EDGE_NAMES, UI, browser_texts


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
