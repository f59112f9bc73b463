"""orgmodel.editing on small graphs: ETags, all-or-nothing changes, the data files' rules."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from typing import Any

import pytest

from orgmodel.batch import Operation, apply_all
from orgmodel.dataset import Dataset, Origin
from orgmodel.editing import (
    NEW_RECORDS_FILE,
    AlreadyExistsError,
    NodeInUseError,
    StaleWriteError,
    audit_entry,
    delete_edge,
    delete_node,
    etag,
    put_edge,
    put_node,
)
from orgmodel.exceptions import DataValidationError, NotFoundError
from orgmodel.records import NODE_ADAPTER, AnyNode, EdgeRecord


def node(**kw: Any) -> AnyNode:
    return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})


def edge(**kw: Any) -> EdgeRecord:
    return EdgeRecord.model_validate({"source": "seed", "confidence": "high", **kw})


OWNS = edge(type="RESPONSIBLE_FOR", raci="A", **{"from": "unit:lon", "to": "task:lon"})


@pytest.fixture
def ds() -> Dataset:
    dataset = Dataset.build(
        [node(id="unit:lon", kind="Unit", name="Lønenheden", level="enhed"),
         node(id="unit:hr", kind="Unit", name="HR", level="enhed"),
         node(id="forum:chefforum", kind="Forum", name="Chefforum"),
         node(id="task:lon", kind="Task", name="Løn", kle="81.15.00")],
        [OWNS, edge(type="COLLABORATES_WITH", topic="løn", via="forum:chefforum",
                    **{"from": "unit:lon", "to": "unit:hr"})])
    dataset.origins = {"unit:lon": Origin("org.yaml", 3), "task:lon": Origin("opgaver.yaml", 2)}
    return dataset


def test_etag_is_a_content_hash(ds: Dataset) -> None:
    unit = ds.nodes["unit:lon"]
    same = node(id="unit:lon", kind="Unit", name="Lønenheden", level="enhed", aliases=[])
    assert etag(unit) == etag(same)  # defaults and explicit defaults are the same content
    assert etag(unit) != etag(unit.model_copy(update={"name": "Løn"}))
    assert etag(OWNS) != etag(edge(type="RESPONSIBLE_FOR", raci="R",
                                   **{"from": "unit:lon", "to": "task:lon"}))


def test_an_update_returns_a_new_dataset_and_leaves_the_old_one(ds: Dataset) -> None:
    before = copy.deepcopy(ds)
    unit = ds.nodes["unit:lon"]
    change = put_node(ds, unit.model_copy(update={"name": "Løn og Personale"}),
                      expected_etag=etag(unit))
    assert (change.action, change.key) == ("update", "unit:lon")
    assert change.before == unit and change.after is not None
    assert change.dataset.nodes["unit:lon"].name == "Løn og Personale"
    assert change.dataset.origin("unit:lon") == Origin("org.yaml", 3)  # stays in its file
    assert ds == before


def test_creates_go_to_the_api_edits_file(ds: Dataset) -> None:
    change = put_node(ds, node(id="unit:ny", kind="Unit", name="Ny", level="team"),
                      expected_etag=None)
    assert change.action == "create" and change.before is None
    assert change.dataset.origin("unit:ny").file == NEW_RECORDS_FILE


@pytest.mark.parametrize(("key", "expected", "error"), [
    ("unit:lon", None, AlreadyExistsError),
    ("unit:lon", "0" * 32, StaleWriteError),
    ("unit:gone", "0" * 32, NotFoundError),
])
def test_preconditions(ds: Dataset, key: str, expected: str | None, error: type[Exception]) -> None:
    before = copy.deepcopy(ds)
    with pytest.raises(error):
        put_node(ds, node(id=key, kind="Unit", name="X", level="team"), expected_etag=expected)
    assert ds == before


def test_a_node_with_edges_is_not_deleted_and_the_edges_are_named(ds: Dataset) -> None:
    with pytest.raises(NodeInUseError) as caught:
        delete_node(ds, "forum:chefforum", expected_etag=etag(ds.nodes["forum:chefforum"]))
    assert caught.value.edge_keys == ["COLLABORATES_WITH:unit:lon->unit:hr#løn"]  # via counts
    assert "COLLABORATES_WITH:unit:lon->unit:hr#løn" in str(caught.value)


def test_deleting_the_last_edge_then_the_node_works(ds: Dataset) -> None:
    key = "COLLABORATES_WITH:unit:lon->unit:hr#løn"
    after = delete_edge(ds, key, expected_etag=etag(ds.edges[key])).dataset
    gone = delete_node(after, "forum:chefforum",
                       expected_etag=etag(after.nodes["forum:chefforum"])).dataset
    assert "forum:chefforum" not in gone.nodes and key not in gone.edges


def test_edges_obey_the_data_file_rules(ds: Dataset) -> None:
    with pytest.raises(DataValidationError) as caught:
        put_edge(ds, edge(type="PART_OF", **{"from": "unit:lon", "to": "unit:nowhere"}),
                 expected_etag=None)
    [problem] = caught.value.problems
    assert (problem.record_id, problem.field) == ("PART_OF:unit:lon->unit:nowhere", "to")
    with pytest.raises(DataValidationError, match="problem"):
        put_edge(ds, edge(type="HEADS", **{"from": "task:lon", "to": "unit:lon"}),
                 expected_etag=None)
    cycle = put_edge(ds, edge(type="PART_OF", **{"from": "unit:lon", "to": "unit:hr"}),
                     expected_etag=None).dataset
    with pytest.raises(DataValidationError) as caught:
        put_edge(cycle, edge(type="PART_OF", **{"from": "unit:hr", "to": "unit:lon"}),
                 expected_etag=None)
    assert "cycle" in caught.value.problems[0].message


def test_a_holding_by_what_is_no_person_is_told_that_alone(ds: Dataset) -> None:
    # A system "holding" a post that has its holder got the kind's rule, and "two holders:
    # end the first holding with valid_to" at the rightful holding, which no one touched.
    held = apply_all(ds, [
        Operation.put(node(id="post:chef", kind="Post", name="Chef")),
        Operation.put(node(id="person:a", kind="Person", name="A")),
        Operation.put(node(id="system:x", kind="System", name="X")),
        Operation.put(edge(type="HOLDS", **{"from": "person:a", "to": "post:chef"}))])[-1].dataset
    with pytest.raises(DataValidationError) as caught:
        put_edge(held, edge(type="HOLDS", **{"from": "system:x", "to": "post:chef"}),
                 expected_etag=None)
    assert [p.message for p in caught.value.problems] == [
        "HOLDS may not join System to Post"]


def test_a_task_keeps_an_accountable_owner(ds: Dataset) -> None:
    with pytest.raises(DataValidationError) as caught:
        delete_edge(ds, OWNS.key, expected_etag=etag(OWNS))
    assert caught.value.problems[0].record_id == "task:lon"
    assert "accountable" in caught.value.problems[0].message


def test_old_problems_do_not_block_unrelated_edits(ds: Dataset) -> None:
    broken = Dataset(nodes={**ds.nodes, "task:orphan": node(id="task:orphan", kind="Task",
                                                              name="Forældreløs")},
                     edges=ds.edges, sources=ds.sources, origins=ds.origins)
    unit = broken.nodes["unit:hr"]
    change = put_node(broken, unit.model_copy(update={"name": "HR og Løn"}),
                      expected_etag=etag(unit))
    assert change.dataset.nodes["unit:hr"].name == "HR og Løn"


def test_a_copied_edge_is_keyed_by_its_new_ends(ds: Dataset) -> None:
    moved = edge(type="RESPONSIBLE_FOR", raci="R", **{"from": "unit:hr", "to": "task:lon"})
    _ = OWNS.key  # the key of the original is cached; a copy would carry it along
    change = put_edge(ds, OWNS.model_copy(update={"source_id": "unit:hr", "raci": moved.raci}),
                      expected_etag=None)
    assert change.key == moved.key and moved.key in change.dataset.edges


def test_audit_entries_hold_the_records_as_in_data_files(ds: Dataset) -> None:
    change = put_edge(ds, edge(type="PART_OF", **{"from": "unit:hr", "to": "unit:lon"}),
                      expected_etag=None)
    entry = audit_entry(change, seq=7, actor="anna", at=datetime(2024, 6, 1, tzinfo=UTC))
    assert (entry.seq, entry.actor, entry.action, entry.before) == (7, "anna", "create", None)
    assert entry.after == {"type": "PART_OF", "from": "unit:hr", "to": "unit:lon",
                           "source": "seed", "confidence": "high"}


# -- the embedded store takes edits through this module -------------------------------------


def test_the_editable_store_answers_from_the_new_version_after_a_write(ds: Dataset) -> None:
    from orgmodel.store.memory import MemoryStore
    from orgmodel.store.memory_writes import EditableMemoryStore

    store = EditableMemoryStore(MemoryStore(ds))
    assert store.owners("løn")[0].owners[0].name == "Lønenheden"  # now kept in the cache
    assert store.owners("løn") == store.owners("løn", as_of=None)
    unit = store.record("unit:lon")
    store.put_node(unit.model_copy(update={"name": "Løn og HR"}), expected_etag=etag(unit),
                   actor="anna")
    assert store.owners("løn")[0].owners[0].name == "Løn og HR"
    answers = store.owners("løn")
    answers.clear()  # callers get their own list
    assert store.owners("løn")
    with pytest.raises(StaleWriteError):
        store.put_node(unit, expected_etag=etag(unit), actor="bo")
    assert store.node("unit:lon").name == "Løn og HR"
    assert [(e.actor, e.action) for e in store.audit_log()] == [("anna", "update")]


def test_the_cache_is_bounded_and_can_be_off(ds: Dataset) -> None:
    from orgmodel.store.memory import MemoryStore
    from orgmodel.store.memory_writes import EditableMemoryStore

    store = EditableMemoryStore(MemoryStore(ds), cache_size=2)
    for node_id in ("unit:lon", "unit:hr", "task:lon", "forum:chefforum"):
        store.chain(node_id)
    assert len(store._version.answers) == 2
    store.cache_size = 0
    store.chain("unit:lon")
    assert len(store._version.answers) == 2


def test_a_task_has_one_accountable_owner_on_any_day(ds: Dataset) -> None:
    # RACI allows one A: a second accountable edge is refused while both hold, and accepted
    # when the first ends the day before the second begins (a hand-over).
    second = edge(type="RESPONSIBLE_FOR", raci="A", **{"from": "unit:hr", "to": "task:lon"})
    with pytest.raises(DataValidationError) as refused:
        put_edge(ds, second, expected_etag=None)
    [problem] = refused.value.problems
    assert problem.field == "raci" and "two accountable owners" in problem.message
    assert "unit:lon" in problem.message and "unit:hr" in problem.message
    # Ending the first alone would leave the task no owner from 2025: refused, the day named.
    ending = OWNS.model_copy(update={"valid_to": date(2024, 12, 31)})
    with pytest.raises(DataValidationError) as orphaned:
        put_edge(ds, ending, expected_etag=etag(OWNS))
    assert "no accountable owner from 2025-01-01" in orphaned.value.problems[0].message
    # The hand-over is one change: the first ends, the second begins the next day.
    handed_over = apply_all(ds, [
        Operation.put(ending, etag(OWNS)),
        Operation.put(second.model_copy(update={"valid_from": date(2025, 1, 1)}))])
    assert len([e for e in handed_over[-1].dataset.edges.values() if e.raci == "A"]) == 2
    with pytest.raises(DataValidationError) as overlapping:
        apply_all(ds, [Operation.put(ending, etag(OWNS)),
                       Operation.put(second.model_copy(update={"valid_from": date(2024, 6, 1)}))])
    assert "from 2024-06-01" in overlapping.value.problems[0].message


def test_a_post_has_one_holder_on_any_day(ds: Dataset) -> None:
    post = node(id="post:chef", kind="Post", name="Chef")
    people = [node(id=f"person:{who}", kind="Person", name=who.title()) for who in ("a", "b")]
    first = edge(type="HOLDS", valid_to="2024-12-31", **{"from": "person:a", "to": "post:chef"})
    after = apply_all(ds, [Operation.put(n) for n in (post, *people)] + [Operation.put(first)])
    with_posts = after[-1].dataset
    second = edge(type="HOLDS", valid_from="2024-06-01", **{"from": "person:b", "to": "post:chef"})
    with pytest.raises(DataValidationError) as refused:
        put_edge(with_posts, second, expected_etag=None)
    [problem] = refused.value.problems
    assert problem.field == "valid_from" and problem.message.startswith(
        "post post:chef has two holders from 2024-06-01: person:a and person:b")
    # The day after the first holding ends, the post is free.
    put_edge(with_posts, second.model_copy(update={"valid_from": date(2025, 1, 1)}),
             expected_etag=None)
    # ... and so it is the day after its holder ends, though the holding carries no end of
    # its own (it was "two holders from 2025-01-01": every edge of the leaver had to be ended)
    open_ended = first.model_copy(update={"valid_to": None})
    leaver = people[0].model_copy(update={"valid_to": date(2024, 12, 31)})
    handed_over = apply_all(ds, [Operation.put(n) for n in (post, leaver, people[1])] + [
        Operation.put(open_ended),
        Operation.put(second.model_copy(update={"valid_from": date(2025, 1, 1)}))])
    assert len(handed_over[-1].dataset.edges) == len(ds.edges) + 2


def test_an_ended_owner_owns_nothing_after_its_end(ds: Dataset) -> None:
    # A unit merged away on 2024-12-31, its successor accountable from 2025-01-01: refused as
    # "two accountable owners from 2025-01-01" unless each of its edges was ended as well.
    ended = ds.nodes["unit:lon"].model_copy(update={"valid_to": date(2024, 12, 31)})
    successor = edge(type="RESPONSIBLE_FOR", raci="A", valid_from="2025-01-01",
                     **{"from": "unit:hr", "to": "task:lon"})
    after = apply_all(ds, [Operation.put(ended, etag(ds.nodes["unit:lon"])),
                           Operation.put(successor)])
    assert after[-1].dataset.nodes["unit:lon"].valid_to == date(2024, 12, 31)
    # A successor from the day the unit still holds overlaps it, and is said so.
    with pytest.raises(DataValidationError) as overlapping:
        apply_all(ds, [Operation.put(ended, etag(ds.nodes["unit:lon"])), Operation.put(
            successor.model_copy(update={"valid_from": date(2024, 12, 1)}))])
    assert "two accountable owners from 2024-12-01" in overlapping.value.problems[0].message


def test_an_edge_dated_outside_its_node_is_refused(ds: Dataset) -> None:
    # Every day of it, the unit does not exist: it would never show, and nothing said why.
    ended = node(id="unit:gammel", kind="Unit", name="Gammel", level="enhed",
                 valid_to="2020-12-31")
    after = apply_all(ds, [Operation.put(ended)])[-1].dataset
    later = edge(type="COLLABORATES_WITH", topic="løn", valid_from="2023-01-01",
                 **{"from": "unit:gammel", "to": "unit:hr"})
    with pytest.raises(DataValidationError) as refused:
        put_edge(after, later, expected_etag=None)
    [problem] = refused.value.problems
    assert problem.field == "valid_from" and problem.message == (
        "never holds: unit:gammel ends 2020-12-31, before the edge begins 2023-01-01")
    put_edge(after, later.model_copy(update={"valid_from": None}), expected_etag=None)
