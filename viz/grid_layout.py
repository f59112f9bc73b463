"""The stakeholder map's influence/interest grid, with no label on top of another.

Stakeholders cluster: in an ego network most have little influence and middling interest. If
each were drawn at its exact scores, a third of the labels would cover others. Each one is
instead given a spot its label's box fits in (boxes are estimated from the label, wrapped as
the page wraps it) inside the quadrant its scores put it in, clear of the quadrants' titles,
in rows: higher influence higher up, more interest further right. When a quadrant's rows do
not fit, the grid grows (same shape) and everyone is placed again: a stakeholder is never
moved into another quadrant.

Examples
--------
>>> wrap_label("Chef for Kultur, Fritid og Forebyggende Sundhed")
['Chef for Kultur, Fritid og', 'Forebyggende Sundhed']
>>> items = [GridItem("a", 0.2, 0.8, 200.0, 42.0), GridItem("b", 0.2, 0.8, 200.0, 42.0)]
>>> places, width, height = place_on_grid(items)
>>> places["a"] != places["b"], (width, height)
(True, (1400.0, 900.0))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from orgmodel.analytics import Quadrant, quadrant_of
from viz.layout import Position

__all__ = ["GRID_HEIGHT", "GRID_WIDTH", "LABEL_BOX", "LABEL_LINE_CHARS", "GridItem", "label_box",
           "place_on_grid", "wrap_label"]

#: The grid's smallest size (graph units); a crowded grid grows from here, keeping its shape.
GRID_WIDTH, GRID_HEIGHT = 1400.0, 900.0
#: Where the page breaks labels into lines (orgview.js takes it from the page's config).
LABEL_LINE_CHARS = 26
# A label's box as vis-network draws it at font size 14 (measured in Chromium with the system
# sans-serif): about 8.6 units a character plus the margins; 14 a line, plus 28 for a box's
# margins; round shapes grow with the text in both directions.
_CHAR_W, _SIDES, _LINE_H, _BOX_MARGIN = 8.6, 20.0, 14.0, 28.0
_ROUND = frozenset({"ellipse", "circle", "database"})
#: The same estimate for the page's script, which draws a focus's few nodes close together
#: (orgview-compact.js).
LABEL_BOX = {"charWidth": _CHAR_W, "sides": _SIDES, "lineHeight": _LINE_H,
             "boxMargin": _BOX_MARGIN, "round": sorted(_ROUND)}
_GAP = 10.0  # free space kept between two boxes
_GROW = 1.15
_TITLE_H = 50.0  # room for a quadrant's title, drawn at its top left (orgview-ui.js)


class GridItem(NamedTuple):
    """A stakeholder to place: its scores (0–1), the size of its label's box, its quadrant.

    The quadrant is the one the scores were given (:func:`orgmodel.analytics.grid`); without
    it, the scores' quadrant at the default threshold.
    """

    id: str
    influence: float
    interest: float
    width: float
    height: float
    quadrant: Quadrant | None = None

    def side(self) -> Quadrant:
        """The quadrant this stakeholder is drawn in."""
        return self.quadrant or quadrant_of(self.influence, self.interest)


def wrap_label(text: str, line_chars: int = LABEL_LINE_CHARS) -> list[str]:
    """The lines of ``text`` broken at spaces after about ``line_chars`` characters.

    The same rule as the page's ``wrap`` (orgview.js): a word longer than a line keeps a line
    of its own.

    >>> wrap_label("Økonomiudvalget")
    ['Økonomiudvalget']
    >>> wrap_label("a bb ccc", line_chars=4)
    ['a bb', 'ccc']
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > line_chars:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines or [""]


def label_box(label: str, shape: str) -> tuple[float, float]:
    """The width and height of the box vis-network draws for ``label`` in ``shape``.

    >>> label_box("Borgmester", "box")
    (106.0, 42.0)
    >>> label_box("Gennemgang af politiske sager med borgmester og direktører", "ellipse")[1]
    84.0
    """
    lines = wrap_label(label)
    width = max(len(line) for line in lines) * _CHAR_W + _SIDES
    if shape in _ROUND:
        return round(width, 1), 2 * _LINE_H * len(lines)
    return round(width, 1), _LINE_H * len(lines) + _BOX_MARGIN


def place_on_grid(items: Sequence[GridItem], width: float = GRID_WIDTH,
                  height: float = GRID_HEIGHT) -> tuple[dict[str, Position], float, float]:
    """Centres for ``items`` on a grid of at least ``width`` × ``height``, and its final size.

    Interest runs to the right and influence up, from the grid's centre (0, 0). Each item
    stays in its quadrant (:meth:`GridItem.side`). Inside a
    quadrant the items are set in rows: by influence from the top, and in a row by interest
    from the left, spread evenly over the quadrant below its title. When a quadrant's rows
    do not fit, the whole grid grows by 15 % (same shape) and the rows are set again.
    """
    quadrants: dict[Quadrant, list[GridItem]] = defaultdict(list)
    for item in sorted(items, key=lambda i: (-i.influence, i.interest, i.id)):
        quadrants[item.side()].append(item)
    for _ in range(100):  # 1.15 ** 100: room for any set of boxes
        places: dict[str, Position] = {}
        for quadrant, members in quadrants.items():
            left = 0.0 if quadrant.high_interest else -width / 2
            top = -height / 2 if quadrant.high_influence else 0.0
            set_rows = _rows_in(members, left, top, width / 2, height / 2)
            if set_rows is None:
                break
            places.update(set_rows)
        else:
            return places, round(width, 1), round(height, 1)
        width, height = width * _GROW, height * _GROW
    raise ValueError("stakeholders too many or labels too long for the grid")


def _rows_in(members: Sequence[GridItem], left: float, top: float, width: float,
             height: float) -> dict[str, Position] | None:
    """Centres for ``members`` in rows in the quadrant at ``left, top``; None if they don't fit."""
    rows: list[list[GridItem]] = []
    room = width - 2 * _GAP
    used = room
    for item in members:
        if used + item.width + _GAP > room:
            if item.width + _GAP > room:
                return None
            rows.append([])
            used = 0.0
        rows[-1].append(item)
        used += item.width + _GAP
    heights = [max(i.height for i in row) + _GAP for row in rows]
    free_y = height - _TITLE_H - sum(heights)
    if free_y < 0:
        return None
    places: dict[str, Position] = {}
    y = top + _TITLE_H + free_y / (len(rows) + 1)
    for row, row_height in zip(rows, heights, strict=True):
        row.sort(key=lambda i: (i.interest, i.id))
        spare = (width - sum(i.width for i in row)) / (len(row) + 1)
        x = left + spare
        for item in row:
            places[item.id] = (round(x + item.width / 2, 1), round(y + row_height / 2, 1))
            x += item.width + spare
        y += row_height + free_y / (len(rows) + 1)
    return places
