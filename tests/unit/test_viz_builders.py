"""View builders: the store's answers in, vis nodes and edges with positions out."""

from __future__ import annotations

import math
import time
from datetime import date
from typing import Any

import pytest

from orgmodel.messages import Lang
from orgmodel.store.memory import MemoryStore
from orgmodel.synthetic import generate
from viz import gather
from viz.builders import NODE_LIMIT, ViewGraph
from viz.grid_layout import label_box
from viz.networks import build_collaboration, build_stakeholders
from viz.org_chart import build_org_chart
from viz.responsibility import build_case_route, build_responsibilities
from viz.styles import NODE_STYLES
from viz.views import build_view

TODAY = date.today()
CHIEF = "post:chef-okonomi-og-stab"


@pytest.fixture(scope="module")
def big_store() -> MemoryStore:
    return MemoryStore(generate(5000))


def by_id(graph: ViewGraph) -> dict[str, dict[str, Any]]:
    return {n["id"]: n for n in graph.nodes}


def test_org_chart_is_the_subtree_with_rows_from_the_model(memory_store: MemoryStore) -> None:
    graph = build_org_chart(gather.org_chart(memory_store, as_of=TODAY), "da")
    nodes = by_id(graph)
    assert set(nodes) == {n.id for n in memory_store.subtree("org:albertslund-kommune",
                                                             as_of=TODAY).nodes}
    # Rows follow the model's levels (the first of each stacked run sits on its row).
    y = {key: nodes[key]["y"] for key in (
        "org:albertslund-kommune", "body:kommunalbestyrelsen", "body:borne-og-skoleudvalget",
        "forum:direktorforum", "unit:direktoromrade-1", "unit:okonomi-og-stab",
        "unit:okonomi-og-indkob", "unit:organisation-og-politik-team-1")}
    assert list(y.values()) == sorted(y.values())
    assert len(set(y.values())) == len(y)
    chief, unit = nodes[CHIEF], nodes["unit:okonomi-og-stab"]
    assert chief["x"] == unit["x"] and chief["y"] > unit["y"]
    assert chief["owner"] == "Kommunaldirektør" and unit["owner"] == "Chef for Økonomi og Stab"
    assert {"PART_OF", "HEADS", "HOLDS"}.isdisjoint(graph.hidden_types)
    assert "COLLABORATES_WITH" in graph.hidden_types
    assert not graph.partial and graph.total == len(graph.nodes)


def test_a_column_of_teams_stands_beside_its_unit_joined_by_elbows(
        memory_store: MemoryStore) -> None:
    # Stacked under their unit, the line to the fourth team crossed the other three, and the
    # column read as a chain (team 1 → 2 → 3 → 4). Beside the unit, each team is joined to
    # it by an elbow whose corner is under the unit, clear of the column.
    graph = build_org_chart(gather.org_chart(memory_store, as_of=TODAY), "da")
    nodes = by_id(graph)
    unit = nodes["unit:organisation-og-politik"]
    teams = [nodes[f"unit:organisation-og-politik-team-{i}"] for i in range(1, 5)]
    assert len({team["x"] for team in teams}) == 1
    assert teams[0]["x"] - unit["x"] >= 150  # more than a box's width to the right
    team_ids = {f"unit:organisation-og-politik-team-{i}" for i in range(1, 5)}
    into = [e for e in graph.edges if e["type"] == "PART_OF" and e["from"] in team_ids
            and e["to"] == "unit:organisation-og-politik"]
    assert len(into) == 4
    assert all(e["smooth"]["type"] == "straightCross" for e in into)
    # The committees beside the council likewise; the mayor's edges into them too.
    mayor = [e for e in graph.edges if e["from"] == "post:borgmester"
             and e["to"] == "body:okonomiudvalget"]
    assert mayor and all(e["smooth"]["type"] == "discrete" for e in mayor)


@pytest.mark.parametrize(("view", "rings"), [("stakeholders", 2), ("collaboration", 3)])
def test_no_two_labels_on_the_inner_rings_overlap(memory_store: MemoryStore, view: str,
                                                  rings: int) -> None:
    # Rings spaced by a fixed gap put "Kommunalbestyrelsen" half under "Økonomi og Stab" and
    # "Økonomiudvalget"; spaced by the labels' own boxes, none covers another: on every ring
    # of the collaboration network, and on the ego and first ring of the stakeholder map.
    graph = build_view(memory_store, view, lang="da", as_of=TODAY)
    radii = sorted({round(math.hypot(n["x"], n["y"])) for n in graph.nodes})
    assert len(radii) == 3
    boxes = [(n["x"], n["y"], *label_box(n["label"].replace("\n", " "),
                                          NODE_STYLES[n["kind"]].shape)) for n in graph.nodes
             if round(math.hypot(n["x"], n["y"])) in radii[:rings]]
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if abs(a[0] - b[0]) < (a[2] + b[2]) / 2 and abs(a[1] - b[1]) < (a[3] + b[3]) / 2]
    assert overlapping == []


def test_an_english_view_names_owners_in_english_and_keeps_the_danish_name_to_find(
        memory_store: MemoryStore) -> None:
    nodes = by_id(build_org_chart(gather.org_chart(memory_store, as_of=TODAY), "en"))
    chief, unit = nodes[CHIEF], nodes["unit:okonomi-og-stab"]
    assert chief["owner"] == "Municipal Director" and chief["da"] == "Chef for Økonomi og Stab"
    assert unit["owner"] == chief["label"] == "Head of Finance and Staff"
    assert "da" not in by_id(build_org_chart(gather.org_chart(memory_store, as_of=TODAY),
                                             "da"))[CHIEF]


@pytest.mark.parametrize("view", ["org", "collaboration", "stakeholders", "responsibilities",
                                  "case-route"])
def test_a_view_names_each_source_it_cites_by_title(memory_store: MemoryStore,
                                                    view: str) -> None:
    graph = build_view(memory_store, view, lang="da", as_of=TODAY)
    cited = {item["src"] for item in graph.nodes + graph.edges} - {"KLE"}
    known = memory_store.dataset.sources
    assert set(graph.sources) == cited & known.keys() and graph.sources
    titles = graph.payload()["sources"]
    for key, title in titles.items():
        whole = known[key].title
        assert title == whole or (title.endswith("…") and whole.startswith(title[:-1].rstrip()))
        assert len(title) <= 91


def test_options_come_from_pyvis_with_physics_off(memory_store: MemoryStore) -> None:
    graph = build_view(memory_store, "org", lang="da", as_of=TODAY)
    options = graph.options
    assert options["configure"] == {"enabled": False}  # pyvis's own option tree
    assert options["physics"]["enabled"] is False
    assert options["interaction"]["hideEdgesOnDrag"] is True
    assert options["layout"]["improvedLayout"] is False
    assert set(options["groups"]) >= {"Unit", "Post", "Body"}
    assert all("group" not in n and "title" not in n for n in graph.nodes)


def test_parallel_edges_are_kept_and_bent_apart(memory_store: MemoryStore) -> None:
    graph = build_case_route(gather.case_route(memory_store, as_of=TODAY, post=CHIEF), "da")
    advice = [e for e in graph.edges if e["type"] == "ADVISES" and e["from"] == CHIEF
              and e["to"] == "body:kommunalbestyrelsen"]
    assert len(advice) == 3
    assert len({e["smooth"]["roundness"] for e in advice}) == 3


def test_case_route_reads_left_to_right(memory_store: MemoryStore) -> None:
    graph = build_case_route(gather.case_route(memory_store, as_of=TODAY, post=CHIEF), "da")
    nodes = by_id(graph)
    assert nodes["body:borne-og-skoleudvalget"]["x"] < nodes["body:okonomiudvalget"]["x"] \
        < nodes["body:kommunalbestyrelsen"]["x"]
    steps = {(e["from"], e["to"]): e["label"] for e in graph.edges if e["type"] == "SUBMITS_TO"}
    assert steps[("body:okonomiudvalget", "body:kommunalbestyrelsen")] == "2"
    assert nodes[CHIEF]["y"] > nodes["body:okonomiudvalget"]["y"]
    assert {e["type"] for e in graph.edges if e["from"] == CHIEF} == {
        "ADVISES", "PARTICIPATES_IN", "MEMBER_OF"}
    assert graph.table[-1] == ("body:okonomiudvalget", "body:kommunalbestyrelsen", 2)


def test_case_route_of_a_post_with_no_part_in_it_draws_it_apart(
        memory_store: MemoryStore) -> None:
    # The coordinator's route showed the committees alone, with no word of the post asked for.
    post = "post:koordinator-informationssikkerhed"
    graph = build_case_route(gather.case_route(memory_store, as_of=TODAY, post=post), "da")
    assert graph.extra["post"] == post and graph.extra["post_apart"] is True
    assert not [e for e in graph.edges if post in (e["from"], e["to"])]
    chief = build_case_route(gather.case_route(memory_store, as_of=TODAY, post=CHIEF), "da")
    assert chief.extra["post_apart"] is False
    mayor = build_case_route(gather.case_route(memory_store, as_of=TODAY,
                                               post="post:borgmester"), "da")
    assert ("post:borgmester", "forum:politisk-sagsgennemgang") in {
        (e["from"], e["to"]) for e in mayor.edges}  # the mayor's part: the review of the cases


def test_case_route_holds_the_forum_that_reads_the_cases_first(memory_store: MemoryStore) -> None:
    # The review of political cases with the mayor and the directors, where the chief takes
    # part, was missing: its cases go to the committees after it.
    graph = build_case_route(gather.case_route(memory_store, as_of=TODAY, post=CHIEF), "da")
    nodes = by_id(graph)
    review = "forum:politisk-sagsgennemgang"
    ties = {(e["from"], e["to"], e["type"]) for e in graph.edges}
    assert (review, "body:kommunalbestyrelsen", "ADVISES") in ties
    assert (CHIEF, review, "MEMBER_OF") in ties
    # Above the route, over the body it prepares for; the chief's own fora elsewhere are not.
    assert nodes[review]["y"] < nodes["body:kommunalbestyrelsen"]["y"]
    assert nodes[review]["x"] == nodes["body:kommunalbestyrelsen"]["x"]
    assert "forum:chefforum" not in nodes
    assert not [e for e in graph.edges if e["type"] == "ADVISES"
                and e["from"] == "body:okonomiudvalget"]  # the route says that step


def test_collaboration_width_is_strength(memory_store: MemoryStore) -> None:
    data = gather.collaboration(memory_store, as_of=TODAY)
    graph = build_collaboration(data, "da")
    assert {n["id"] for n in graph.nodes} == {n.id for n in data.subgraph.nodes}
    strong = [e for e in graph.edges if e.get("strength")]
    assert strong and all(e["width"] == 1 + e["strength"] for e in strong)
    assert {e["type"] for e in graph.edges} <= set(gather.COLLABORATION_EDGES)
    assert "budget, budgetopfølgning og indkøb" in graph.extra["topics"]


def test_collaboration_nodes_name_the_nearest_drawn_node_above_them(
        memory_store: MemoryStore) -> None:
    # A focus on a department showed its two own ties: the page needs to know what lies under
    # it to count its units (and theirs) as one step from it.
    nodes = by_id(build_collaboration(gather.collaboration(memory_store, as_of=TODAY), "da"))
    assert nodes["unit:it-og-digitalisering"]["up"] == "unit:okonomi-og-stab"
    assert nodes["post:enhedsleder-it-og-digitalisering"]["up"] == "unit:it-og-digitalisering"
    assert all(n["up"] in nodes for n in nodes.values() if "up" in n)  # only what is drawn
    assert "up" not in nodes["org:albertslund-kommune"]  # the top


def test_collaboration_topics_read_in_english_and_keep_their_key(memory_store: MemoryStore) -> None:
    # On English pages the topics were Danish mid-sentence: the filter, tooltips and table.
    english = build_collaboration(gather.collaboration(memory_store, as_of=TODAY), "en")
    topic = "budget, budgetopfølgning og indkøb"
    assert topic in english.extra["topics"]  # the key a filter and a permalink match
    assert english.extra["topic_names"][topic] == "budgets, budget monitoring and procurement"
    edge = next(e for e in english.edges if e.get("topic") == topic)
    assert edge["topic_text"] == "budgets, budget monitoring and procurement"
    danish = build_collaboration(gather.collaboration(memory_store, as_of=TODAY), "da")
    assert not any("topic_text" in e for e in danish.edges)
    assert danish.extra["topic_names"][topic] == topic


def test_stakeholder_map_has_the_ego_in_the_middle_and_a_grid(memory_store: MemoryStore) -> None:
    data = gather.stakeholders(memory_store, as_of=TODAY, post=CHIEF)
    graph = build_stakeholders(data, "da")
    nodes = by_id(graph)
    assert set(nodes) == {n.id for n in memory_store.neighbourhood(CHIEF, depth=2,
                                                                   as_of=TODAY).nodes}
    assert (nodes[CHIEF]["x"], nodes[CHIEF]["y"]) == (0.0, 0.0) and nodes[CHIEF]["ego"]
    scored = [n for n in graph.nodes if "gx" in n]
    actors = {n["id"] for n in graph.nodes if n["kind"] not in {"Task", "System", "Asset",
                                                                  "Policy", "Person"}}
    # Only actors are stakeholders: not the municipality the chief works in, nor the people
    # who hold the posts beside them, nor the department the chief heads (drawn in the
    # network, the chief's own to lead).
    assert {n["id"] for n in scored} == actors - {CHIEF, "org:albertslund-kommune",
                                                  "unit:okonomi-og-stab"}
    director = next(row for row in graph.table if row["id"] == "post:kommunaldirektor")
    assert "Chefforum" in director["via"] and "Direktørforum" in director["via"]  # where they meet
    assert {"Task", "System", "Policy"} <= set(graph.hidden_kinds)
    assert "Post" not in graph.hidden_kinds
    assert len({(n["gx"], n["gy"]) for n in scored}) == len(scored)  # no two on one spot
    boxes = [(n["gx"], n["gy"], *label_box(n["label"], NODE_STYLES[n["kind"]].shape))
             for n in scored]
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]  # no label on another
                if abs(a[0] - b[0]) < (a[2] + b[2]) / 2 and abs(a[1] - b[1]) < (a[3] + b[3]) / 2]
    director = nodes["post:kommunaldirektor"]
    assert director["interest"] == 1.0 and director["quadrant"] in {"manage", "inform"}
    assert {s["quadrant"] for s in graph.table} <= {"manage", "satisfy", "inform", "monitor"}


def test_stakeholder_table_lists_whom_to_manage_closely_first(memory_store: MemoryStore) -> None:
    # The table was in score order, the strategies mixed: a reader working down it met "monitor"
    # rows between "manage closely" ones. Now strategy by strategy, as the command line lists.
    graph = build_stakeholders(gather.stakeholders(memory_store, as_of=TODAY, post=CHIEF), "da")
    order = ["manage", "satisfy", "inform", "monitor"]
    strategies = [row["quadrant"] for row in graph.table]
    assert len(set(strategies)) > 2
    assert strategies == sorted(strategies, key=order.index)
    first = [row for row in graph.table if row["quadrant"] == strategies[0]]
    assert first == sorted(first, key=lambda r: -(r["influence"] + r["interest"]))
    # The node carries where one meets it, for its tooltip.
    director = by_id(graph)["post:kommunaldirektor"]
    assert "Direktørforum" in director["via"]


def test_responsibility_map_groups_tasks_by_kle(memory_store: MemoryStore) -> None:
    graph = build_responsibilities(gather.responsibilities(memory_store, as_of=TODAY), "da")
    nodes = by_id(graph)
    payroll = nodes["task:lon"]
    assert payroll["kle"] == "81.15.00"
    group = nodes["kle:81"]
    assert group["synthetic"] and group["label"] == "81 Kommunens personale"
    assert {"from": "task:lon", "to": "kle:81"}.items() <= next(
        e for e in graph.edges if e["type"] == "IN_GROUP" and e["from"] == "task:lon").items()
    raci = {e["raci"] for e in graph.edges if e["type"] == "RESPONSIBLE_FOR"}
    assert raci <= {"A", "R", "C", "I"} and "A" in raci
    table = {g["id"]: g for g in graph.table}
    row = next(t for t in table["kle:81"]["tasks"] if t["id"] == "task:lon")
    assert row["roles"]["A"] == ["Organisation og Politik"]


def test_english_labels(memory_store: MemoryStore) -> None:
    graph = build_view(memory_store, "org", lang="en", as_of=TODAY)
    assert by_id(graph)["body:kommunalbestyrelsen"]["label"] == "Municipal Council"


def test_an_english_view_describes_a_relation_in_english_where_the_data_has_it(
        memory_store: MemoryStore) -> None:
    # An English page said every relation's description in Danish: edges had no English.
    def described(lang: Lang) -> dict[tuple[str, str], dict[str, Any]]:
        graph = build_view(memory_store, "stakeholders", lang=lang, as_of=TODAY)
        return {(e["from"], e["to"]): e for e in graph.edges if "desc" in e}

    line = ("post:chef-okonomi-og-stab", "post:kommunaldirektor")
    assert described("en")[line]["desc"] == "The head reports to the municipal director."
    assert "desc_lang" not in described("en")[line]
    assert described("da")[line]["desc"] == "Chefen refererer til kommunaldirektøren."


def test_an_english_view_says_the_common_roles_in_english(memory_store: MemoryStore) -> None:
    # A tooltip and the table read "Role: chair", not "formand", on the English page.
    def roles(lang: Lang) -> set[str]:
        graph = build_view(memory_store, "stakeholders", lang=lang, as_of=TODAY)
        return {e["role"] for e in graph.edges if "role" in e}

    assert {"member", "head of department"} <= roles("en") and not {"medlem", "chef"} & roles("en")
    assert {"medlem", "chef"} <= roles("da")


def test_as_of_changes_the_chart(memory_store: MemoryStore) -> None:
    before = {n["id"] for n in build_view(memory_store, "org", lang="da",
                                          as_of=date(2022, 6, 1)).nodes}
    now = {n["id"] for n in build_view(memory_store, "org", lang="da", as_of=TODAY).nodes}
    assert "unit:tidligere-enhed-1" in before - now
    assert "unit:organisation-og-politik" in now - before


def test_big_org_chart_opens_on_its_top_rows_and_expands(big_store: MemoryStore) -> None:
    start = time.perf_counter()
    data = gather.org_chart(big_store, as_of=TODAY)
    graph = build_org_chart(data, "da")
    assert time.perf_counter() - start < 3.0
    assert graph.partial and len(graph.nodes) <= NODE_LIMIT < graph.total
    closed = next(n["id"] for n in graph.nodes if n.get("more"))
    wider = build_org_chart(data, "da", expand=[closed])
    assert len(wider.nodes) > len(graph.nodes)
    assert not by_id(wider)[closed].get("more")
    shown = {n["id"] for n in graph.nodes}
    deep = next(f"unit:u{i}" for i in range(999, 0, -1) if f"unit:u{i}" not in shown)
    assert deep in by_id(build_org_chart(data, "da", focus=deep))
    assert len({(n["x"], n["y"]) for n in graph.nodes}) == len(graph.nodes)


def test_big_responsibility_map_opens_whole_groups(big_store: MemoryStore) -> None:
    data = gather.responsibilities(big_store, as_of=TODAY)
    graph = build_responsibilities(data, "da")
    assert graph.partial and len(graph.nodes) <= NODE_LIMIT
    closed = next(n for n in graph.nodes if n.get("more"))
    wider = build_responsibilities(data, "da", expand=[closed["id"]])
    assert any(e["to"] == closed["id"] for e in wider.edges)


def test_big_collaboration_opens_on_an_ego_network(big_store: MemoryStore) -> None:
    data = gather.collaboration(big_store, as_of=TODAY)
    graph = build_collaboration(data, "da", limit=100, focus="unit:u5")
    assert graph.partial and graph.extra["home"] == "unit:u5"
    assert len(graph.nodes) < 100
    closed = next(n["id"] for n in graph.nodes if n.get("more"))
    wider = build_collaboration(data, "da", limit=100, focus="unit:u5", expand=[closed])
    assert len(wider.nodes) > len(graph.nodes)
