"""The Albertslund dataset says what FACTS.md says (checked through the query contract)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from orgmodel.kle import load_kle_subset
from orgmodel.schema import EdgeType, Kind

ROOT = Path(__file__).resolve().parents[2]
CHIEF = "post:chef-okonomi-og-stab"
UNITS = {"unit:organisation-og-politik": "Organisation og Politik",
         "unit:okonomi-og-indkob": "Økonomi og Indkøb",
         "unit:it-og-digitalisering": "IT og Digitalisering"}


def test_okonomi_og_stab_has_75_staff_a_chief_and_three_units(memory_store) -> None:  # type: ignore[no-untyped-def]
    department = memory_store.node("unit:okonomi-og-stab")
    assert department.attributes["staff_count"] == 75
    assert department.attributes["level"] == "afdeling"
    tree = memory_store.subtree("unit:okonomi-og-stab")
    enheder = {n.id for n in tree.nodes if n.attributes.get("level") == "enhed"}
    assert enheder == set(UNITS)
    for unit in UNITS:
        chain = [n.id for n in memory_store.chain(unit)]
        assert chain[1].startswith("post:enhedsleder"), chain
        assert chain[2] == CHIEF


def test_organisation_og_politik_has_four_teams_one_with_a_teamleder(memory_store) -> None:  # type: ignore[no-untyped-def]
    tree = memory_store.subtree("unit:organisation-og-politik")
    teams = [n for n in tree.nodes if n.attributes.get("level") == "team"]
    assert len(teams) == 4
    assert memory_store.node("unit:organisation-og-politik").attributes["team_count"] == 4
    assert all(t.confidence.value == "low" for t in teams)  # the names are not known
    heads = {e.source_id for e in tree.edges if e.type is EdgeType.HEADS
             and e.target_id in {t.id for t in teams}}
    assert "post:teamleder-organisation-og-politik" in heads


def test_fleets_and_systems_carry_their_numbers(memory_store) -> None:  # type: ignore[no-untyped-def]
    assets = memory_store.list_nodes(kind=Kind.ASSET).items
    assert sorted(a.attributes["device_count"] for a in assets) == [3000, 3000]
    systems = {s.id: s for s in memory_store.list_nodes(kind=Kind.SYSTEM, limit=100).items}
    assert systems["system:fagsystemer"].attributes["system_count"] == 400
    assert systems["system:fagsystemer"].attributes["count_is_minimum"] is True


def test_direktorforum_and_chefforum(memory_store) -> None:  # type: ignore[no-untyped-def]
    forum = {m.node.id for m in memory_store.members("forum:direktorforum")}
    assert {"post:borgmester", "post:kommunaldirektor"} <= forum
    assert len([m for m in forum if m.startswith("post:direktor-")]) == 2
    assert CHIEF in {m.node.id for m in memory_store.members("forum:chefforum")}


def test_political_level_and_case_route(memory_store) -> None:  # type: ignore[no-untyped-def]
    kb = memory_store.node("body:kommunalbestyrelsen")
    assert kb.attributes["seats"] == 21
    route = memory_store.neighbourhood("body:okonomiudvalget", edge_types=[EdgeType.SUBMITS_TO])
    into_ou = [e for e in route.edges if e.target_id == "body:okonomiudvalget"]
    out_of_ou = [e for e in route.edges if e.source_id == "body:okonomiudvalget"]
    assert len(into_ou) == 5 and {e.order for e in into_ou} == {1}
    assert [(e.target_id, e.order) for e in out_of_ou] == [("body:kommunalbestyrelsen", 2)]
    chief = memory_store.edges_of(CHIEF)
    advice = {e.topic for e in chief if e.type is EdgeType.ADVISES}
    assert {"lovmedholdelighed", "økonomiske konsekvenser", "borgerinddragelse"} <= {
        (a or "").lower() for a in advice}
    took_part = {e.target_id for e in chief if e.type is EdgeType.PARTICIPATES_IN}
    assert {"body:okonomiudvalget", "body:kommunalbestyrelsen"} <= took_part


def test_borgmester_changes_in_2026(memory_store) -> None:  # type: ignore[no-untyped-def]
    def holder(day: date) -> set[str]:
        return {e.source_id for e in memory_store.edges_of("post:borgmester", as_of=day)
                if e.type is EdgeType.HOLDS}
    assert holder(date(2024, 1, 1)) == {"person:steen-christiansen"}
    assert holder(date(2026, 6, 1)) == {"person:lars-gravgaard-hansen"}


def test_every_task_has_a_known_kle_number_and_one_accountable_owner(albertslund) -> None:  # type: ignore[no-untyped-def]
    kle = load_kle_subset(ROOT / "data" / "kle" / "kle.yaml")
    tasks = [n for n in albertslund.nodes.values() if n.kind == "Task"]
    assert len(tasks) >= 20
    assert [t.id for t in tasks if t.kle not in kle] == []
    for task in tasks:
        accountable = [e for e in albertslund.edges.values()
                       if e.type is EdgeType.RESPONSIBLE_FOR and e.target_id == task.id
                       and e.raci is not None and e.raci.value == "A"]
        # One at a time: a task that changed hands has one owner before and one after.
        for day in (date(2022, 7, 1), date(2024, 6, 1), date.today()):
            holding = [e for e in accountable if (e.valid_from or date.min) <= day
                       <= (e.valid_to or date.max)]
            assert len(holding) <= 1, (task.id, day)
        assert [e for e in accountable if e.valid_to is None], task.id


def test_every_record_has_a_source_and_assumptions_are_low_confidence(albertslund) -> None:  # type: ignore[no-untyped-def]
    records = [*albertslund.nodes.values(), *albertslund.edges.values()]
    assert all(r.source for r in records)
    assumed = [r for r in records if r.source == "assumption"]
    assert assumed and all(r.confidence.value == "low" for r in assumed)


def test_no_personal_phone_numbers_or_private_mail_in_the_data() -> None:
    files = (ROOT / "data" / "albertslund").glob("*")
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    assert not re.search(r"(?<![\d.])(\+45 ?)?\d{2} ?\d{2} ?\d{2} ?\d{2}(?![\d.])", text)
    mails = set(re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text))
    assert mails <= {"loen@albertslund.dk"}, mails


def test_every_role_in_the_data_has_its_english(albertslund) -> None:  # type: ignore[no-untyped-def]
    # An English answer or page names a relation's role in English: "takes part with the
    # municipal director", not "deltager sammen med kommunaldirektøren" mid-sentence.
    from orgmodel.messages import role_names

    roles = {e.role for e in albertslund.edges.values() if e.role}
    assert sorted(roles - role_names().keys()) == []
    # ... and what a collaboration is about, which the answer to "who does X work with?" names
    topics = {e.topic for e in albertslund.edges.values() if e.topic}
    assert sorted(topics - role_names().keys()) == []
