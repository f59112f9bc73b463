"""Server-side layouts: positions are computed here so the browser never runs physics.

vis-network's physics is O(n²) per step and its hierarchical layout sorts by hub size, not by
the organisation's levels. These layouts are deterministic, pure Python and close to linear,
so a 5,000-node municipality is laid out in milliseconds:

* :func:`tree_layout` — a top-down tidy tree whose rows are the model's levels; heads of units
  sit directly under their unit, and long runs of leaves are stacked in columns.
* :func:`layered_layout` — left-to-right layers with barycentre ordering (tasks → owners,
  committee → ØU → KB).
* :func:`grouped_grid_layout` — headed groups of items in a few columns, with the items'
  partners in a column beside them (tasks by KLE group → owners).
* :func:`ring_layout` — concentric rings; one ring keeps a given order and the others sit at
  the mean angle of their neighbours (collaboration network, ego networks).

Examples
--------
>>> pos = tree_layout(["a"], {"a": ["b", "c"]}, {"a": 0, "b": 1, "c": 1})
>>> pos["a"][0] == (pos["b"][0] + pos["c"][0]) / 2, pos["b"][1] > pos["a"][1]
(True, True)
>>> pos = layered_layout({"t": 0, "u": 1}, [("t", "u")])
>>> pos["t"][0] < pos["u"][0]
True
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = ["Position", "grouped_grid_layout", "layered_layout", "ring_layout", "stacked_beside",
           "tree_layout"]

Position = tuple[float, float]


def tree_layout(
    roots: Sequence[str], children: Mapping[str, Sequence[str]], layer: Mapping[str, int], *,
    attached: Mapping[str, Sequence[str]] | None = None, x_gap: float = 200.0,
    y_gap: float = 210.0, attach_gap: float = 52.0, stack_after: int = 6, stack_rows: int = 8,
    beside: float = 0.0,
) -> dict[str, Position]:
    """Positions of a forest drawn top-down, one row per ``layer``.

    Parameters
    ----------
    roots
        The trees' roots, left to right.
    children
        Each node's children, left to right.
    layer
        Row of each node (0 at the top); a child is drawn on its own row, not its depth.
    attached
        Nodes drawn right under another one (a unit's head post, a post's holder), which take
        no column of their own.
    x_gap, y_gap, attach_gap
        Column width, row height and the step between a node and the nodes attached to it.
    stack_after, stack_rows
        More than ``stack_after`` leaf children are stacked in columns of ``stack_rows``, so
        a department with twelve teams is not twelve columns wide.
    beside
        How far right of its parent a single stacked column stands (0: right under it). Beside
        the parent, each child can be joined to it by an elbow that passes no other child
        (:func:`stacked_beside`); right under it, a line to a lower child crosses the upper
        ones, and the column reads as a chain.

    Examples
    --------
    >>> pos = tree_layout(["u"], {}, {"u": 0}, attached={"u": ["p"]})
    >>> pos["p"][0] == pos["u"][0], pos["p"][1] - pos["u"][1]
    (True, 52.0)
    >>> kids = [f"t{i}" for i in range(9)]
    >>> pos = tree_layout(["d"], {"d": kids}, {"d": 0, **{k: 1 for k in kids}})
    >>> len({pos[k][0] for k in kids})  # two stacked columns instead of nine
    2
    """
    attached = attached or {}
    positions: dict[str, Position] = {}
    cursor = 0.0

    def depth_of(node: str) -> int:
        """How many nodes hang under ``node`` (its attached chain), for stacking rows."""
        count, todo = 0, list(attached.get(node, ()))
        while todo:
            count += 1
            todo.extend(attached.get(todo.pop(), ()))
        return count

    def place_attached(node: str) -> None:
        x, y = positions[node]
        step = 1
        todo = list(attached.get(node, ()))
        while todo:
            item = todo.pop(0)
            positions[item] = (x, y + step * attach_gap)
            step += 1
            todo[:0] = attached.get(item, ())

    def row_y(node: str) -> float:
        return layer.get(node, 0) * y_gap

    # Iterative post-order: a node is placed once all its children are.
    for root in roots:
        stack: list[tuple[str, bool]] = [(root, False)]
        while stack:
            node, done = stack.pop()
            kids = list(children.get(node, ()))
            if not done and kids and not _stackable(kids, children, stack_after):
                stack.append((node, True))
                stack.extend((kid, False) for kid in reversed(kids))
                continue
            if kids and _stackable(kids, children, stack_after):
                columns = math.ceil(len(kids) / stack_rows)
                left = cursor
                shift = beside if columns == 1 else 0.0
                pitch = (1 + max(depth_of(kid) for kid in kids)) * attach_gap + 12.0
                for index, kid in enumerate(kids):
                    column, row = divmod(index, stack_rows)
                    positions[kid] = ((left + column) * x_gap + shift, row_y(kid) + row * pitch)
                    place_attached(kid)
                cursor += columns + shift / x_gap
                positions[node] = ((left + (columns - 1) / 2) * x_gap, row_y(node))
            elif kids:
                first, last = positions[kids[0]][0], positions[kids[-1]][0]
                positions[node] = ((first + last) / 2, row_y(node))
            else:
                positions[node] = (cursor * x_gap, row_y(node))
                cursor += 1
            place_attached(node)
    return positions


def stacked_beside(children: Mapping[str, Sequence[str]], *, stack_after: int,
                   stack_rows: int) -> set[str]:
    """The children :func:`tree_layout` stacks in one column beside their parent.

    >>> kids = {"d": ["t1", "t2", "t3", "t4"], "u": ["t5"]}
    >>> sorted(stacked_beside(kids, stack_after=3, stack_rows=6))
    ['t1', 't2', 't3', 't4']
    """
    return {kid for kids in children.values()
            if _stackable(kids, children, stack_after) and len(kids) <= stack_rows
            for kid in kids}


def _stackable(kids: Sequence[str], children: Mapping[str, Sequence[str]],
               stack_after: int) -> bool:
    return len(kids) > stack_after and not any(children.get(kid) for kid in kids)


def layered_layout(
    layers: Mapping[str, int], edges: Iterable[tuple[str, str]], *, x_gap: float = 320.0,
    y_gap: float = 64.0, sweeps: int = 4, order: Sequence[str] | None = None,
) -> dict[str, Position]:
    """Left-to-right positions: one column per layer, rows ordered to cross few edges.

    Rows start in ``order`` (default: id order) and are re-sorted by the mean row of their
    neighbours in the next and previous column, a few sweeps each way (the barycentre
    heuristic of Sugiyama et al.). Columns are centred on y = 0.

    Examples
    --------
    >>> pos = layered_layout({"a": 0, "b": 0, "x": 1, "y": 1}, [("a", "y"), ("b", "x")])
    >>> pos["x"][1] < pos["y"][1]  # x moved up next to b, no crossing
    True
    """
    columns: dict[int, list[str]] = defaultdict(list)
    rank = {node: index for index, node in enumerate(order)} if order else {}
    for node in sorted(layers, key=lambda n: (rank.get(n, len(rank)), n)):
        columns[layers[node]].append(node)
    neighbours: dict[str, list[str]] = defaultdict(list)
    for u, v in edges:
        if u in layers and v in layers and layers[u] != layers[v]:
            neighbours[u].append(v)
            neighbours[v].append(u)
    keys = sorted(columns)
    row = {node: float(i) for col in columns.values() for i, node in enumerate(col)}
    for sweep in range(sweeps):
        for key in keys if sweep % 2 == 0 else reversed(keys):
            col = columns[key]

            def barycentre(node: str, col_key: int = key) -> float:
                near = [row[n] for n in neighbours[node] if layers[n] != col_key]
                return sum(near) / len(near) if near else row[node]

            col.sort(key=lambda n: (barycentre(n), row[n]))
            row.update({node: float(i) for i, node in enumerate(col)})
    positions = {}
    for key in keys:
        col = columns[key]
        for i, node in enumerate(col):
            positions[node] = (key * x_gap, (i - (len(col) - 1) / 2) * y_gap)
    return positions


def grouped_grid_layout(
    groups: Sequence[tuple[str, Sequence[str]]], partners: Mapping[str, Sequence[str]], *,
    columns: int = 3, header_width: float = 260.0, column_width: float = 230.0,
    row_height: float = 62.0, group_gap: float = 40.0, partner_gap: float = 300.0,
) -> dict[str, Position]:
    """Groups top to bottom, each a header and its items in ``columns``; partners on the right.

    A partner (e.g. the owner of tasks) sits at the mean height of the items it is tied to,
    pushed down just enough to keep ``row_height`` between partners, so the column of partners
    reads in the same order as the groups.

    Examples
    --------
    >>> pos = grouped_grid_layout([("g1", ["a", "b"]), ("g2", ["c"])], {"o": ["c"]}, columns=1)
    >>> pos["g1"][1] == pos["a"][1] < pos["b"][1] < pos["c"][1] == pos["g2"][1]
    True
    >>> pos["o"][1] == pos["c"][1] and pos["o"][0] > pos["c"][0]
    True
    """
    positions: dict[str, Position] = {}
    top = 0.0
    for header, items in groups:
        positions[header] = (0.0, top)
        for index, item in enumerate(items):
            row, column = divmod(index, columns)
            positions[item] = (header_width + column * column_width, top + row * row_height)
        top += max(1, math.ceil(len(items) / columns)) * row_height + group_gap
    x = header_width + columns * column_width + partner_gap
    wanted = []
    for partner, items in partners.items():
        ys = [positions[i][1] for i in items if i in positions]
        wanted.append((sum(ys) / len(ys) if ys else top, partner))
    last = -math.inf
    for y, partner in sorted(wanted):
        last = max(y, last + row_height)
        positions[partner] = (x, last)
    return positions


def ring_layout(
    rings: Sequence[Sequence[str]], neighbours: Mapping[str, Iterable[str]], *, anchor: int = 0,
    min_gap: float = 80.0, ring_gap: float = 260.0, first_radius: float = 0.0,
    sizes: Mapping[str, Position] | None = None, margin: float = 16.0,
) -> dict[str, Position]:
    """Concentric rings around (0, 0); ring ``anchor`` keeps its order, the others follow.

    The anchor ring is spread in the given order. Every other ring is placed from the anchor
    outwards and inwards: each node at the mean angle of its neighbours already placed, then
    pushed apart along the ring. Neighbours on a ring are at least ``min_gap`` apart, and, on
    the anchor ring and those inside it, with ``sizes`` (each node's label box, width and
    height), far enough apart that their boxes keep ``margin`` between them: at the top and
    bottom of a ring, where the boxes stand side by side, their widths count; at its sides,
    where they stand one above the other, their heights. Those rings grow until their labels
    do not overlap; the rings outside them (a network's many outside parties, the second step
    of an ego network) keep ``min_gap``, or the graph would be two or three times wider.

    Examples
    --------
    >>> pos = ring_layout([["ego"], ["a", "b"]], {"a": ["ego"], "b": ["ego"]}, anchor=1)
    >>> pos["ego"]
    (0.0, 0.0)
    >>> round(math.dist(pos["a"], pos["ego"])) == round(math.dist(pos["b"], pos["ego"]))
    True
    >>> wide = {n: (200.0, 40.0) for n in "abcdefgh"}  # eight wide labels on one ring
    >>> pos = ring_layout([list("abcdefgh")], {}, sizes=wide)
    >>> all(abs(p[0] - q[0]) >= 200 or abs(p[1] - q[1]) >= 40  # no two boxes overlap
    ...     for p in pos.values() for q in pos.values() if p != q)
    True
    """
    def apart(a: str, b: str, angle: float) -> float:
        return min_gap

    def needed(a: str, b: str, angle: float) -> float:
        """How far apart along the ring ``a`` and ``b`` must be, near ``angle``.

        A step along the ring there moves |sin| of it sideways and |cos| of it up or down;
        the boxes are clear once either is past their half sizes (an arc's chord is a little
        shorter than the arc: a tenth more).
        """
        if sizes is None or a not in sizes or b not in sizes:
            return min_gap
        sideways, upways = abs(math.sin(angle)), abs(math.cos(angle))
        wide = (sizes[a][0] + sizes[b][0]) / 2 + margin
        high = (sizes[a][1] + sizes[b][1]) / 2 + margin
        step = min(wide / sideways if sideways > 1e-6 else math.inf,
                   high / upways if upways > 1e-6 else math.inf)
        return max(min_gap, 1.1 * step)

    def average(ring: Sequence[str], by_labels: bool) -> float:
        """The length a ring needs, its pairs at every angle on average (|sin|, |cos|: 2/π)."""
        if len(ring) < 2:
            return 0.0
        if sizes is None or not by_labels:
            return len(ring) * min_gap
        extent = {node: sum(sizes.get(node, (0.0, 0.0))) for node in ring}  # width + height
        return sum(max(min_gap, (extent[a] + extent[b]) / math.pi + margin)
                   for a, b in zip(ring, [*ring[1:], ring[0]], strict=True))

    sized = anchor + 1  # the rings whose labels are kept apart
    radii: list[float] = []
    for index, ring in enumerate(rings):
        wanted = average(ring, index < sized) / (2 * math.pi)
        base = first_radius if index == 0 else radii[-1] + ring_gap
        radii.append(max(base, wanted) if index else max(first_radius, wanted))
    angles: dict[str, float] = {}
    ring_of = {node: i for i, ring in enumerate(rings) for node in ring}
    if rings:
        grown, spread = _around(rings[anchor], radii[anchor], needed)
        radii[anchor:] = [r + grown - radii[anchor] for r in radii[anchor:]]
        angles.update(spread)
    order = [*range(anchor + 1, len(rings)), *range(anchor - 1, -1, -1)]
    for index in order:
        ring = rings[index]
        wanted_angles = []
        for position, node in enumerate(ring):
            placed = [angles[n] for n in neighbours.get(node, ()) if n in angles
                      and ring_of.get(n) != index]
            fallback = -math.pi / 2 + 2 * math.pi * position / max(len(ring), 1)
            wanted_angles.append((_circular_mean(placed) if placed else fallback, node))
        for _ in range(8):  # a ring whose labels are kept apart grows until it holds them
            radius = radii[index]

            def turn(a: str, b: str, at: float, r: float = radius,
                     gap: Callable[[str, str, float], float] = needed if index < sized
                     else apart) -> float:
                return gap(a, b, at) / r if r else 0.0

            spread, fitted = _spread(sorted(wanted_angles), turn)
            if fitted or not radius or index >= sized:
                break
            # It grows, and the rings outside it move out as far (they keep their gaps).
            radii[index:] = [r + 0.15 * radius for r in radii[index:]]
        angles.update(spread)
    positions = {}
    for index, ring in enumerate(rings):
        radius = radii[index]
        for node in ring:
            angle = angles.get(node, 0.0)
            positions[node] = (0.0, 0.0) if radius == 0 else (
                round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1))
    return positions


def _around(ring: Sequence[str], radius: float,
            needed: Callable[[str, str, float], float]) -> tuple[float, dict[str, float]]:
    """The anchor ring in its order from the top, each pair as far apart as it needs there.

    A gap depends on where on the ring it falls, and where it falls on the gaps before it: a
    few rounds settle both. The radius grows while the gaps do not fit the ring; what is left
    over is shared out evenly (and so moves the gaps, hence the rounds).
    """
    if len(ring) < 2:
        return radius, {node: -math.pi / 2 for node in ring}
    pairs = list(zip(ring, [*ring[1:], ring[0]], strict=True))
    step = 2 * math.pi / len(ring)
    angles = [-math.pi / 2 + step * i for i in range(len(ring))]
    for _ in range(40):
        gaps = [needed(a, b, angle + step / 2) / radius
                for (a, b), angle in zip(pairs, angles, strict=True)]
        total = sum(gaps)
        if total > 2 * math.pi:
            radius *= max(total / (2 * math.pi), 1.02)
            continue
        spare = (2 * math.pi - total) / len(ring)
        settled = [-math.pi / 2]
        for gap in gaps[:-1]:
            settled.append(settled[-1] + gap + spare)
        moved = max(abs(a - b) for a, b in zip(settled, angles, strict=True))
        angles = settled
        if moved < 1e-3:
            break
    return radius, dict(zip(ring, angles, strict=True))


def _circular_mean(angles: Sequence[float]) -> float:
    return math.atan2(sum(math.sin(a) for a in angles), sum(math.cos(a) for a in angles))


def _spread(wanted: Sequence[tuple[float, str]],
            gap: Callable[[str, str, float], float]) -> tuple[dict[str, float], bool]:
    """Angles as close to the wanted ones as one sweep allows, and whether every gap fitted.

    Each pair is ``gap(a, b, angle)`` apart, at most an even share of the ring; when the ring
    cannot hold them all, they are squeezed evenly and the answer says so.
    """
    if not wanted:
        return {}, True
    most = 2 * math.pi / len(wanted)
    fitted = True
    angles = [wanted[0][0]]
    for (angle, node), (_, before) in zip(wanted[1:], wanted, strict=False):
        step = gap(before, node, angles[-1])
        fitted = fitted and step <= most
        angles.append(max(angle, angles[-1] + min(most, step)))
    last = gap(wanted[-1][1], wanted[0][1], angles[-1])
    fitted = fitted and last <= most
    last = min(most, last)
    span = angles[-1] - angles[0]
    if span > 2 * math.pi - last and span > 0:  # wrapped past the first node: squeeze evenly
        fitted = False
        scale = (2 * math.pi - last) / span
        angles = [angles[0] + (a - angles[0]) * scale for a in angles]
    return {node: angle for angle, (_, node) in zip(angles, wanted, strict=True)}, fitted
