"""The embedded store on small hand-made graphs and on the real Albertslund data."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from orgmodel.dataset import Dataset
from orgmodel.exceptions import NotFoundError
from orgmodel.records import NODE_ADAPTER, EdgeRecord
from orgmodel.schema import EdgeType, Kind
from orgmodel.store.memory import MemoryStore


def node(**fields: Any):  # type: ignore[no-untyped-def]
    return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **fields})


def edge(edge_type: str, source: str, target: str, **fields: Any) -> EdgeRecord:
    return EdgeRecord.model_validate(
        {
            "type": edge_type,
            "from": source,
            "to": target,
            "source": "seed",
            "confidence": "high",
            **fields,
        }
    )


@pytest.fixture()
def small() -> MemoryStore:
    """A department with a unit, a headless team, a merger in 2023 and a task tree."""
    nodes = [
        node(id="body:kb", kind="Body", name="Kommunalbestyrelsen", classification="council"),
        node(id="post:direktor", kind="Post", name="Direktør"),
        node(id="unit:afd", kind="Unit", name="Afdelingen", level="afdeling"),
        node(id="post:chef", kind="Post", name="Chef"),
        node(
            id="unit:gammel",
            kind="Unit",
            name="Gammel enhed",
            level="enhed",
            valid_to=date(2022, 12, 31),
        ),
        node(
            id="unit:ny", kind="Unit", name="Ny enhed", level="enhed", valid_from=date(2023, 1, 1)
        ),
        node(id="post:leder-ny", kind="Post", name="Leder af ny", valid_from=date(2023, 1, 1)),
        node(
            id="post:leder-gammel", kind="Post", name="Leder af gammel", valid_to=date(2022, 12, 31)
        ),
        node(id="unit:team", kind="Unit", name="Lønteamet", level="team"),
        node(id="task:personale", kind="Task", name="Personaleforhold", kle="81.03.00"),
        node(id="task:lon", kind="Task", name="Lønudbetaling", kle="81.15.00", aliases=["payroll"]),
        node(id="task:lonsedler", kind="Task", name="Lønsedler"),
        node(id="forum:chefforum", kind="Forum", name="Chefforum"),
        node(id="person:a", kind="Person", name="A. Person", valid_to=date(2023, 6, 30)),
        node(id="person:b", kind="Person", name="B. Person", valid_from=date(2023, 7, 1)),
    ]
    edges = [
        edge("REPORTS_TO", "post:direktor", "body:kb"),
        edge("HEADS", "post:chef", "unit:afd"),
        edge("REPORTS_TO", "post:chef", "post:direktor"),
        edge("PART_OF", "unit:gammel", "unit:afd", valid_to=date(2022, 12, 31)),
        edge("PART_OF", "unit:ny", "unit:afd", valid_from=date(2023, 1, 1)),
        edge("HEADS", "post:leder-ny", "unit:ny"),
        edge("REPORTS_TO", "post:leder-ny", "post:chef"),
        edge("HEADS", "post:leder-gammel", "unit:gammel"),
        edge("REPORTS_TO", "post:leder-gammel", "post:chef"),
        edge("PART_OF", "unit:team", "unit:ny"),
        edge("RESPONSIBLE_FOR", "unit:team", "task:lon", raci="A", valid_from=date(2023, 1, 1)),
        edge("RESPONSIBLE_FOR", "unit:gammel", "task:lon", raci="A", valid_to=date(2022, 12, 31)),
        edge("RESPONSIBLE_FOR", "unit:afd", "task:personale", raci="A"),
        edge("RESPONSIBLE_FOR", "post:chef", "task:personale", raci="I"),
        edge("PART_OF", "task:lonsedler", "task:lon"),
        edge("MEMBER_OF", "post:chef", "forum:chefforum", role="medlem"),
        edge("MEMBER_OF", "post:direktor", "forum:chefforum", role="formand"),
        edge("HOLDS", "person:a", "post:chef", valid_to=date(2023, 6, 30)),
        edge("HOLDS", "person:b", "post:chef", valid_from=date(2023, 7, 1)),
    ]
    return MemoryStore(Dataset.build(nodes, edges))


NOW = date(2024, 1, 1)
BEFORE = date(2022, 6, 1)


def test_a_team_without_head_falls_back_to_its_unit_and_says_so(small: MemoryStore) -> None:
    [answer] = small.owners("task:lon", as_of=NOW)
    assert [o.id for o in answer.owners] == ["unit:team"]
    assert answer.accountable_post is not None
    assert answer.accountable_post.id == "post:leder-ny"
    assert [e.id for e in answer.escalation] == ["post:chef", "post:direktor", "body:kb"]
    assert [n.code for n in answer.notes] == ["fallback_parent"]
    assert "Lønteamet" in answer.notes[0].da and "Ny enhed" in answer.notes[0].da


def test_owners_follow_the_date(small: MemoryStore) -> None:
    [answer] = small.owners("task:lon", as_of=BEFORE)
    assert [o.id for o in answer.owners] == ["unit:gammel"]
    assert answer.accountable_post is not None
    assert answer.accountable_post.id == "post:leder-gammel"


def test_a_subtask_inherits_its_owner_and_says_so(small: MemoryStore) -> None:
    [answer] = small.owners("task:lonsedler", as_of=NOW)
    assert [(o.id, o.inherited_from) for o in answer.owners] == [("unit:team", "task:lon")]
    assert answer.notes[0].code == "inherited"


def test_owners_by_text_synonym_typo_and_kle(small: MemoryStore) -> None:
    for question in ("lønudbetaling", "payroll", "lonudbetaling", "LØNUDBETALING", "81.15.00"):
        answers = small.owners(question, as_of=NOW)
        assert answers and answers[0].task.id == "task:lon", question
    assert [a.task.id for a in small.owners("81", as_of=NOW)] == ["task:personale", "task:lon"]
    assert small.owners("zzzz qqqq", as_of=NOW) == []


def test_owners_are_listed_accountable_first(small: MemoryStore) -> None:
    [answer] = small.owners("task:personale", as_of=NOW)
    assert [(o.raci.value, o.id) for o in answer.owners] == [("A", "unit:afd"), ("I", "post:chef")]


def test_chain_from_a_person_a_team_and_a_post(small: MemoryStore) -> None:
    assert [n.id for n in small.chain("unit:team", as_of=NOW)] == [
        "unit:team",
        "unit:ny",
        "post:leder-ny",
        "post:chef",
        "post:direktor",
        "body:kb",
    ]
    assert [n.id for n in small.chain("person:b", as_of=NOW)][:2] == ["person:b", "post:chef"]
    with pytest.raises(NotFoundError, match="not valid on 2024-01-01"):
        small.chain("person:a", as_of=NOW)
    with pytest.raises(NotFoundError):
        small.chain("unit:nowhere", as_of=NOW)


def test_members_and_memberships(small: MemoryStore) -> None:
    members = small.members("forum:chefforum", as_of=NOW)
    assert [(m.node.id, m.role) for m in members] == [
        ("post:chef", "medlem"),
        ("post:direktor", "formand"),
    ]
    assert [m.node.id for m in small.memberships("post:chef", as_of=NOW)] == ["forum:chefforum"]


def test_responsibilities_with_and_without_descendants(small: MemoryStore) -> None:
    own = small.responsibilities("unit:afd", as_of=NOW)
    assert [(r.task.id, r.raci.value) for r in own] == [("task:personale", "A")]
    everything = small.responsibilities("unit:afd", descendants=True, as_of=NOW)
    assert [(r.task.id, r.holder.id, r.raci.value) for r in everything] == [
        ("task:lon", "unit:team", "A"),
        ("task:personale", "unit:afd", "A"),
        ("task:personale", "post:chef", "I"),
    ]


def test_subtree_and_neighbourhood_respect_dates_and_filters(small: MemoryStore) -> None:
    now_ids = {n.id for n in small.subtree("unit:afd", as_of=NOW).nodes}
    assert {"unit:ny", "unit:team", "post:leder-ny", "post:chef", "person:b"} <= now_ids
    assert "unit:gammel" not in now_ids and "person:a" not in now_ids
    old_ids = {n.id for n in small.subtree("unit:afd", as_of=BEFORE).nodes}
    assert "unit:gammel" in old_ids and "unit:ny" not in old_ids
    hood = small.neighbourhood("post:chef", depth=1, kinds=[Kind.POST, Kind.FORUM], as_of=NOW)
    assert {n.id for n in hood.nodes} == {
        "post:chef",
        "post:direktor",
        "post:leder-ny",
        "forum:chefforum",
    }
    only_members = small.neighbourhood("post:chef", edge_types=[EdgeType.MEMBER_OF], as_of=NOW)
    assert {n.id for n in only_members.nodes} == {"post:chef", "forum:chefforum"}
    assert all(e.type is EdgeType.MEMBER_OF for e in only_members.edges)


def test_paths_are_shortest_and_deterministic(small: MemoryStore) -> None:
    paths = small.paths("unit:team", "forum:chefforum", as_of=NOW)
    assert [[n.id for n in p] for p in paths] == [
        ["unit:team", "unit:ny", "post:leder-ny", "post:chef", "forum:chefforum"],
        ["unit:team", "unit:ny", "unit:afd", "post:chef", "forum:chefforum"],
    ]


def test_snapshot_keeps_only_what_holds_on_the_date(small: MemoryStore) -> None:
    snapshot = small.snapshot(as_of=BEFORE)
    assert "unit:ny" not in snapshot.nodes and "unit:gammel" in snapshot.nodes
    assert all(
        e.source_id in snapshot.nodes and e.target_id in snapshot.nodes
        for e in snapshot.edges.values()
    )


def test_list_nodes_pages_and_filters(small: MemoryStore) -> None:
    page = small.list_nodes(kind=Kind.UNIT, as_of=NOW, limit=2)
    assert page.total == 3 and [n.id for n in page.items] == ["unit:afd", "unit:ny"]
    found = small.list_nodes(text="chefforum", as_of=NOW).items
    assert found[0].id == "forum:chefforum"


# -- the real data --------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["løn", "payroll", "lon", "LØN", "lønudbetaling", "salaries"])
def test_payroll_questions_name_organisation_og_politik(memory_store, question: str) -> None:  # type: ignore[no-untyped-def]
    best = memory_store.owners(question)[0]
    accountable = [o for o in best.owners if o.raci.value == "A"]
    assert [o.name for o in accountable] == ["Organisation og Politik"]
    assert best.accountable_post.name.startswith("Enhedsleder")
    assert best.task.kle == "81.15.00"
    names = [e.name for e in best.escalation]
    assert names[:2] == ["Chef for Økonomi og Stab", "Kommunaldirektør"]
    assert names[-1] == "Kommunalbestyrelsen"


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("indkob", "Økonomi og Indkøb"),
        ("procurement", "Økonomi og Indkøb"),
        ("budgetopfølgning", "Økonomi og Indkøb"),
        ("regnskab", "Økonomi og Indkøb"),
        ("computere til elever", "IT og Digitalisering"),
        ("IT-support til skoleelever", "IT og Digitalisering"),
        ("HR", "Organisation og Politik"),
        ("juridisk rådgivning", "Organisation og Politik"),
    ],
)
def test_who_owns_common_questions(memory_store, question: str, unit: str) -> None:  # type: ignore[no-untyped-def]
    best = memory_store.owners(question)[0]
    assert [o.name for o in best.owners if o.raci.value == "A"] == [unit], question
    assert "Chef for Økonomi og Stab" in [e.name for e in best.escalation]


def test_the_chief_reports_to_the_kommunaldirektor_and_sits_in_chefforum(memory_store) -> None:  # type: ignore[no-untyped-def]
    chain = [n.name for n in memory_store.chain("post:chef-okonomi-og-stab")]
    assert chain[:2] == ["Chef for Økonomi og Stab", "Kommunaldirektør"]
    assert "Chefforum" in [
        m.node.name for m in memory_store.memberships("post:chef-okonomi-og-stab")
    ]


def test_the_merger_shows_in_history(memory_store) -> None:  # type: ignore[no-untyped-def]
    units_2022 = {
        n.id for n in memory_store.subtree("unit:okonomi-og-stab", as_of=date(2022, 6, 1)).nodes
    }
    units_2024 = {
        n.id for n in memory_store.subtree("unit:okonomi-og-stab", as_of=date(2024, 6, 1)).nodes
    }
    assert "unit:organisation-og-politik" in units_2024
    assert "unit:organisation-og-politik" not in units_2022
    assert units_2022 - units_2024  # the predecessor units
