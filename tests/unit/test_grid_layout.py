"""The stakeholder grid: no label over another, and every stakeholder in its quadrant."""

from __future__ import annotations

import random

from viz.grid_layout import GRID_HEIGHT, GRID_WIDTH, GridItem, label_box, place_on_grid


def _overlaps(items: list[GridItem],
              places: dict[str, tuple[float, float]]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            (ax, ay), (bx, by) = places[a.id], places[b.id]
            if abs(ax - bx) < (a.width + b.width) / 2 and abs(ay - by) < (a.height + b.height) / 2:
                found.append((a.id, b.id))
    return found


def _crowd(count: int, seed: int) -> list[GridItem]:
    """Stakeholders bunched as in an ego network: most low on influence, middling interest."""
    rng = random.Random(seed)
    return [GridItem(f"s{i}", round(rng.betavariate(1.5, 5), 2), round(rng.betavariate(4, 4), 2),
                     *label_box("x" * rng.randint(6, 50), rng.choice(["box", "ellipse"])))
            for i in range(count)]


def test_a_crowd_gets_no_overlaps_and_keeps_its_quadrants() -> None:
    for count, seed in ((10, 1), (60, 2), (140, 3)):
        items = _crowd(count, seed)
        places, width, height = place_on_grid(items)
        assert _overlaps(items, places) == []
        for item in items:
            x, y = places[item.id]
            assert (x - item.width / 2 >= 0) == (item.interest >= 0.5)  # right: high interest
            assert (y + item.height / 2 <= 0) == (item.influence >= 0.5)  # up: high influence
            assert abs(x) + item.width / 2 <= width / 2 and abs(y) + item.height / 2 <= height / 2


def test_the_grid_grows_only_when_needed_and_keeps_its_shape() -> None:
    few = [GridItem("a", 0.9, 0.9, 150.0, 42.0), GridItem("b", 0.1, 0.1, 150.0, 42.0)]
    places, width, height = place_on_grid(few)
    assert (width, height) == (GRID_WIDTH, GRID_HEIGHT)
    assert places["a"][0] > 0 > places["a"][1] and places["b"][0] < 0 < places["b"][1]
    _, big_width, big_height = place_on_grid(_crowd(200, 4))
    assert big_width > GRID_WIDTH and abs(big_width / big_height - GRID_WIDTH / GRID_HEIGHT) < 0.01


def test_more_influence_sits_higher_and_more_interest_further_right() -> None:
    items = [GridItem(f"s{i}", 0.1 + i * 0.03, 0.55 + (i % 4) * 0.1, 180.0, 42.0)
             for i in range(12)]
    places, _, _ = place_on_grid(items)
    by_influence = sorted(items, key=lambda i: i.influence)
    ys = [places[i.id][1] for i in by_influence]
    assert ys == sorted(ys, reverse=True)  # y grows downwards
    for a in items:
        for b in items:
            if places[a.id][1] == places[b.id][1] and a.interest < b.interest:
                assert places[a.id][0] < places[b.id][0]


def test_label_boxes_follow_the_wrapped_lines() -> None:
    one_line_w, one_line_h = label_box("Borgmester", "box")
    two_lines = label_box("Chef for Kultur, Fritid og Forebyggende Sundhed", "box")
    assert two_lines[1] > one_line_h and two_lines[0] > one_line_w
    assert label_box("Chefforum", "ellipse")[1] < label_box("Chefforum", "box")[1]
