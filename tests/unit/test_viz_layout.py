"""Server-side layouts: levels as rows, no overlaps, deterministic, fast on big graphs."""

from __future__ import annotations

import itertools
import math
import time

from viz.layout import grouped_grid_layout, layered_layout, ring_layout, tree_layout


def test_tree_rows_follow_layers_not_depth() -> None:
    # A department directly under the organisation sits on the department row, not row 1.
    children = {"org": ["area", "dept"], "area": ["dept2"]}
    layer = {"org": 0, "area": 1, "dept": 2, "dept2": 2}
    pos = tree_layout(["org"], children, layer, y_gap=100)
    assert pos["dept"][1] == pos["dept2"][1] == 200
    assert pos["area"][1] == 100


def test_tree_parent_is_centred_and_columns_do_not_overlap() -> None:
    children = {"r": ["a", "b", "c"], "a": ["a1", "a2"], "c": ["c1"]}
    layer = {n: (0 if n == "r" else 1 if len(n) == 1 else 2) for n in
             ["r", "a", "b", "c", "a1", "a2", "c1"]}
    pos = tree_layout(["r"], children, layer)
    assert pos["a"][0] == (pos["a1"][0] + pos["a2"][0]) / 2
    row = sorted(x for n, (x, y) in pos.items() if y == pos["a1"][1])
    assert all(b - a >= 200 for a, b in itertools.pairwise(row))


def test_attached_nodes_hang_under_their_anchor() -> None:
    pos = tree_layout(["unit"], {}, {"unit": 0}, attached={"unit": ["head"], "head": ["person"]})
    assert pos["head"] == (pos["unit"][0], pos["unit"][1] + 52)
    assert pos["person"] == (pos["unit"][0], pos["unit"][1] + 104)


def test_many_leaves_are_stacked() -> None:
    kids = [f"team{i}" for i in range(12)]
    pos = tree_layout(["unit"], {"unit": kids}, {"unit": 0, **dict.fromkeys(kids, 1)},
                      stack_after=3, stack_rows=6)
    assert len({pos[k][0] for k in kids}) == 2
    assert len(set(pos.values())) == len(pos)


def test_layered_layout_reduces_crossings() -> None:
    layers = {"a": 0, "b": 0, "c": 0, "x": 1, "y": 1, "z": 1}
    edges = [("a", "z"), ("b", "y"), ("c", "x")]
    pos = layered_layout(layers, edges)
    # Either column may move; what counts is that no two edges cross.
    for (a, b) in edges:
        for (c, d) in edges:
            assert (pos[a][1] < pos[c][1]) == (pos[b][1] < pos[d][1]) or (a, b) == (c, d)
    assert {round(p[0]) for p in pos.values()} == {0, 320}


def test_ring_layout_anchor_keeps_order_and_others_follow() -> None:
    rings = [["hub"], ["a", "b", "c", "d"], ["leaf"]]
    neighbours = {"leaf": ["c"], "c": ["leaf"], "a": ["hub"], "hub": ["a"]}
    pos = ring_layout(rings, neighbours, anchor=1)
    assert pos["hub"] == (0.0, 0.0)
    angle = {n: math.atan2(pos[n][1], pos[n][0]) for n in pos if n != "hub"}
    assert abs(angle["leaf"] - angle["c"]) < 1e-6
    radius = {n: math.dist(pos[n], (0, 0)) for n in pos}
    assert radius["leaf"] > radius["a"] > 0


def test_grouped_grid_puts_partners_beside_their_items() -> None:
    pos = grouped_grid_layout([("g1", ["t1", "t2", "t3", "t4"]), ("g2", ["t5"])],
                              {"o1": ["t5"], "o2": ["t1"]}, columns=2)
    assert pos["o2"][1] < pos["o1"][1]
    assert pos["o1"][0] > max(pos[t][0] for t in ["t1", "t2", "t3", "t4", "t5"])
    assert pos["g2"][1] > pos["t3"][1]


def test_layouts_are_fast_on_a_big_tree() -> None:
    children = {f"n{i}": [f"n{2 * i + 1}", f"n{2 * i + 2}"] for i in range(5000)}
    layer = {f"n{i}": int(math.log2(i + 1)) for i in range(10001)}
    start = time.perf_counter()
    pos = tree_layout(["n0"], children, layer)
    assert time.perf_counter() - start < 1.0
    assert len(pos) == 10001
