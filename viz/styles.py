"""The one style table: how each node kind and edge type looks, and the legend made from it.

vis-network gets the node styles as ``groups`` (one entry per kind, sent once per page, not
once per node) and the edge styles as a table the browser code applies by edge type; the
legend in the page is rendered from the same table, so the legend cannot drift from the
drawing. Dashes are reserved for low confidence (an assumption), so no type uses them; types
differ by colour and by the mark at their end (WCAG 1.4.1: not by colour alone).

Examples
--------
>>> NODE_STYLES["Unit"].shape
'box'
>>> vis_groups()["Post"]["color"]["border"]
'#1565c0'
>>> [entry.key for entry in legend(["Post", "Unit"], ["PART_OF"], "da")]
['Unit', 'Post', 'PART_OF', 'low']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from orgmodel.messages import Lang
from orgmodel.schema import EdgeType, Kind
from viz.texts import edge_name, kind_name, ui

__all__ = [
    "DIM_OPACITY",
    "EDGE_STYLES",
    "KLE_GROUP_KIND",
    "LOW_CONFIDENCE_DASHES",
    "MARK_PATHS",
    "NODE_STYLES",
    "SELECTED_LABEL",
    "EdgeStyle",
    "LegendEntry",
    "NodeStyle",
    "dim_labels",
    "edge_style_table",
    "end_mark",
    "legend",
    "raci_width",
    "vis_groups",
]

#: The kind of the synthetic KLE main-group nodes of the responsibility map.
KLE_GROUP_KIND = "KleGroup"
#: Border/line dash pattern of low-confidence records.
LOW_CONFIDENCE_DASHES = [6, 4]


@dataclass(frozen=True)
class NodeStyle:
    """How nodes of one kind are drawn."""

    background: str
    border: str
    font: str
    shape: str


@dataclass(frozen=True)
class EdgeStyle:
    """How edges of one type are drawn."""

    color: str
    width: float
    arrow: str  # "to", or "" for a symmetric relation
    label: bool = False  # draw the RACI letter or route step on the edge
    #: The shape at the arrow's end (a vis-network arrow type), so that types told apart by
    #: colour are told apart by shape too (WCAG 1.4.1): distinct among the types of a view.
    mark: str = "arrow"


_WHITE, _INK = "#ffffff", "#1b1b1b"
#: The label colour of a selected node: the ink of the light kinds, on the selection's yellow.
SELECTED_LABEL = _INK

#: Node kind -> style. Colours are from a colour-blind-safe set; shapes keep labels inside.
NODE_STYLES: dict[str, NodeStyle] = {
    Kind.ORGANISATION.value: NodeStyle("#37474f", "#263238", _WHITE, "box"),
    Kind.BODY.value: NodeStyle("#b71c1c", "#7f0000", _WHITE, "box"),
    Kind.FORUM.value: NodeStyle("#6a1b9a", "#4a148c", _WHITE, "ellipse"),
    Kind.UNIT.value: NodeStyle("#1565c0", "#0d47a1", _WHITE, "box"),
    Kind.POST.value: NodeStyle("#e3f2fd", "#1565c0", _INK, "box"),
    Kind.PERSON.value: NodeStyle("#f5f5f5", "#757575", _INK, "ellipse"),
    Kind.TASK.value: NodeStyle("#fff3e0", "#e65100", _INK, "box"),
    Kind.SYSTEM.value: NodeStyle("#e0f2f1", "#00695c", _INK, "database"),
    Kind.ASSET.value: NodeStyle("#f1f8e9", "#558b2f", _INK, "box"),
    Kind.INITIATIVE.value: NodeStyle("#fff8e1", "#c25e00", _INK, "ellipse"),
    Kind.STAKEHOLDER.value: NodeStyle("#e8f5e9", "#2e7d32", _INK, "ellipse"),
    Kind.POLICY.value: NodeStyle("#efebe9", "#5d4037", _INK, "box"),
    KLE_GROUP_KIND: NodeStyle("#455a64", "#263238", _WHITE, "box"),
}

#: The opacity of a node off a highlighted path (orgview.js): set back, still readable.
DIM_OPACITY = 0.6
#: The least contrast of a dimmed node's label on its paled background (WCAG 1.4.3, body text).
_LABEL_CONTRAST = 4.5


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                        for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(one: str, other: str) -> float:
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _paled(colour: str, opacity: float) -> str:
    """``colour`` drawn at ``opacity`` on the white canvas."""
    channels = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * opacity + 255 * (1 - opacity)):02x}" for c in channels)


def dim_labels() -> dict[str, str]:
    """Node kind -> its label colour while the node is dimmed off a highlighted path.

    vis-network's opacity pales a node's background, not its label: the white label of a unit
    fell to 2.7:1 on its paled blue (the accessibility probe). Such a label is drawn in ink;
    one that keeps its contrast keeps its colour.

    Examples
    --------
    >>> labels = dim_labels()
    >>> labels["Unit"], labels["Post"]
    ('#1b1b1b', '#1b1b1b')
    >>> _paled("#1565c0", DIM_OPACITY)
    '#73a3d9'
    """
    return {
        kind: style.font
        if _contrast(style.font, _paled(style.background, DIM_OPACITY)) >= _LABEL_CONTRAST
        else _INK
        for kind, style in NODE_STYLES.items()
    }


#: Edge type -> style. Widths are defaults; strength and RACI widen an edge. Every colour has
#: at least 3:1 contrast on the white canvas (WCAG 1.4.11): the pale ones were at 1.8-2.7.
EDGE_STYLES: dict[str, EdgeStyle] = {
    EdgeType.PART_OF.value: EdgeStyle("#78909c", 1.5, "to"),
    EdgeType.POST_IN.value: EdgeStyle("#4f8fc9", 1.0, "to", mark="inv_triangle"),
    EdgeType.HOLDS.value: EdgeStyle("#808080", 1.0, "to", mark="box"),
    EdgeType.HEADS.value: EdgeStyle("#1565c0", 2.0, "to", mark="bar"),
    EdgeType.REPORTS_TO.value: EdgeStyle("#263238", 2.0, "to", mark="curve"),
    EdgeType.MEMBER_OF.value: EdgeStyle("#8e24aa", 1.5, "to", mark="crow"),
    EdgeType.RESPONSIBLE_FOR.value: EdgeStyle("#e65100", 2.0, "to", label=True),
    EdgeType.SUPPORTS.value: EdgeStyle("#00897b", 2.0, "to", mark="diamond"),
    EdgeType.OPERATES.value: EdgeStyle("#00695c", 1.5, "to", mark="box"),
    EdgeType.USES.value: EdgeStyle("#1f9d90", 1.0, "to", mark="vee"),
    EdgeType.COLLABORATES_WITH.value: EdgeStyle("#1e88e5", 2.0, ""),
    EdgeType.PARTICIPATES_IN.value: EdgeStyle("#ab47bc", 1.5, "to", mark="circle"),
    EdgeType.ADVISES.value: EdgeStyle("#d16b00", 2.0, "to", mark="vee"),
    EdgeType.DECIDES.value: EdgeStyle("#c62828", 1.5, "to", mark="triangle"),
    EdgeType.SUBMITS_TO.value: EdgeStyle("#b71c1c", 3.0, "to", label=True),
    EdgeType.SERVES.value: EdgeStyle("#43a047", 1.5, "to", mark="box"),
    EdgeType.DEPENDS_ON.value: EdgeStyle("#6d4c41", 2.0, "to", mark="inv_curve"),
    EdgeType.SUPPLIES.value: EdgeStyle("#757575", 1.5, "to", mark="diamond"),
    EdgeType.CONTRIBUTES_TO.value: EdgeStyle("#a08600", 1.5, "to", mark="bar"),
    EdgeType.RESULTED_FROM.value: EdgeStyle("#808080", 1.5, "to"),
    "IN_GROUP": EdgeStyle("#7d8f99", 1.0, ""),
}

#: Each end mark as SVG path data in a 30 x 12 box (the line runs from x=1 to x=21, or to 29
#: without a mark), and whether it is filled or stroked: drawn by the page's legend as
#: ``<path>`` and by the PNG's legend as a canvas ``Path2D``, so the two cannot differ.
MARK_PATHS: dict[str, tuple[str, bool]] = {
    "arrow": ("M19 1.5 L29 6 L19 10.5 Z", True),
    "vee": ("M19 1.5 L29 6 L19 10.5 L22 6 Z", True),
    "circle": ("M20.3 6 A4.2 4.2 0 1 0 28.7 6 A4.2 4.2 0 1 0 20.3 6 Z", True),
    "box": ("M20.5 2 H28.5 V10 H20.5 Z", True),
    "diamond": ("M19 6 L24 1.5 L29 6 L24 10.5 Z", True),
    "triangle": ("M21 2.5 L28 6 L21 9.5 Z", True),
    "inv_triangle": ("M29 1.5 L19 6 L29 10.5 Z", True),
    "bar": ("M27.5 0.5 V11.5", False),
    "curve": ("M21 1 Q29 6 21 11", False),
    "inv_curve": ("M28 1 Q20 6 28 11", False),
    "crow": ("M29 1 L20 6 L29 11 M20 6 H29", False),
    "none": ("", False),
}

_RACI_WIDTH = {"A": 4.0, "R": 3.0, "C": 1.5, "I": 1.0}


def raci_width(raci: str | None) -> float:
    """Line width of a RESPONSIBLE_FOR edge: the accountable owner draws thickest.

    Examples
    --------
    >>> raci_width("A") > raci_width("R") > raci_width("I")
    True
    """
    return _RACI_WIDTH.get(raci or "", 2.0)


def vis_groups() -> dict[str, dict[str, Any]]:
    """The node styles as vis-network ``groups`` options, one group per kind."""
    return {
        kind: {
            "shape": style.shape,
            "color": {
                "background": style.background, "border": style.border,
                "highlight": {"background": "#ffeb3b", "border": "#d35400"},
                "hover": {"background": style.background, "border": "#d35400"},
            },
            "font": {"color": style.font, "face": "system-ui, sans-serif", "size": 14},
            "borderWidth": 1.5,
            "margin": 8,
        }
        for kind, style in NODE_STYLES.items()
    }


def end_mark(edge_type: str) -> str:
    """The mark at the end of an edge of ``edge_type``: ``none`` for a symmetric relation.

    >>> end_mark("SUPPORTS"), end_mark("COLLABORATES_WITH")
    ('diamond', 'none')
    """
    style = EDGE_STYLES[edge_type]
    return style.mark if style.arrow else "none"


def edge_style_table() -> dict[str, dict[str, Any]]:
    """The edge styles for the browser code, keyed by edge type, with each end mark's path."""
    return {
        edge_type: {"color": style.color, "width": style.width, "arrow": style.arrow,
                    "mark": style.mark, "label": style.label,
                    "markPath": MARK_PATHS[end_mark(edge_type)]}
        for edge_type, style in EDGE_STYLES.items()
    }


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a kind, an edge type or the low-confidence mark."""

    group: str  # "kind", "edge" or "confidence"
    key: str
    label: str
    color: str
    border: str
    shape: str  # a kind's shape; an edge type's end mark (see MARK_PATHS)

    @property
    def mark_path(self) -> tuple[str, bool]:
        """An edge type's end mark as SVG path data, and whether it is filled."""
        return MARK_PATHS.get(self.shape, MARK_PATHS["none"])


def legend(kinds: Iterable[str], edge_types: Iterable[str], lang: Lang) -> list[LegendEntry]:
    """Legend entries for the kinds and edge types a view shows, in style-table order."""
    shown_kinds, shown_types = set(kinds), set(edge_types)
    entries = [
        LegendEntry("kind", kind, kind_name(kind, lang), style.background, style.border,
                    style.shape)
        for kind, style in NODE_STYLES.items() if kind in shown_kinds
    ]
    entries += [
        LegendEntry("edge", edge_type, edge_name(edge_type, lang), style.color, style.color,
                    end_mark(edge_type))
        for edge_type, style in EDGE_STYLES.items() if edge_type in shown_types
    ]
    entries.append(LegendEntry("confidence", "low", ui("low_confidence", lang), "#ffffff",
                               "#424242", "dashed"))
    return entries
