"""Edits in Neo4j: validated, one transaction each, stale ETags refused, an audit trail, and
the same outcome as the same edits in the embedded store."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from orgmodel import editing
from orgmodel.batch import Operation
from orgmodel.cli import main
from orgmodel.exceptions import DataValidationError, WriteConflictError
from orgmodel.records import NODE_ADAPTER, EdgeRecord
from orgmodel.store.memory import MemoryStore
from orgmodel.store.memory_writes import EditableMemoryStore
from orgmodel.store.neo4j_store import Neo4jStore
from orgmodel.store.neo4j_sync import dump_graph, sync_dataset, wipe_graph

UNIT = "unit:okonomi-og-indkob"


@pytest.fixture
def stores(neo4j_client: Any, albertslund: Any) -> dict[str, Any]:
    wipe_graph(neo4j_client)
    sync_dataset(neo4j_client, albertslund)
    return {"neo4j": Neo4jStore(neo4j_client),
            "memory": EditableMemoryStore(MemoryStore(albertslund))}


def rename(store: Any, node_id: str, name: str, actor: str = "redaktør") -> None:
    record = store.record(node_id)
    store.put_node(record.model_copy(update={"name": name}),
                   expected_etag=editing.etag(record), actor=actor)


def test_a_rename_shows_in_reads_search_and_the_audit_log(stores: dict[str, Any]) -> None:
    neo4j = stores["neo4j"]
    old = neo4j.node(UNIT).name
    rename(neo4j, UNIT, "Indkøb og Økonomi (ny)")
    assert neo4j.node(UNIT).name == "Indkøb og Økonomi (ny)"
    assert neo4j.search("Indkøb og Økonomi ny")[0].id == UNIT  # the search index followed
    entry = neo4j.audit_log(record_key=UNIT)[0]
    assert (entry.actor, entry.action) == ("redaktør", "update")
    assert entry.before is not None and entry.after is not None
    assert (entry.before["name"], entry.after["name"]) == (old, "Indkøb og Økonomi (ny)")


def test_a_nodes_history_with_its_edges_is_the_same_in_both_stores(
        stores: dict[str, Any]) -> None:
    # "What happened to this unit?": its own writes and those of the edges with it at an end,
    # newest first, also one with an id of its own (its key names no end: it was left out);
    # not an edge elsewhere.
    def edge(**fields: Any) -> EdgeRecord:
        return EdgeRecord.model_validate({"source": "seed", "confidence": "low", **fields})

    found = {}
    for name, store in stores.items():
        rename(store, UNIT, "Økonomi og Indkøb (ny)")
        store.put_edge(edge(type="COLLABORATES_WITH", topic="løn#2", strength=2,
                            **{"from": "unit:organisation-og-politik", "to": UNIT}),
                       expected_etag=None, actor="a")
        store.put_edge(edge(type="SUPPORTS", **{"from": UNIT, "to": "forum:direktorforum"}),
                       expected_etag=None, actor="a")
        store.put_edge(edge(id="edge:egen", type="SUPPORTS",
                            **{"from": UNIT, "to": "body:kommunalbestyrelsen"}),
                       expected_etag=None, actor="a")
        store.put_edge(edge(type="SUPPORTS", **{"from": "unit:organisation-og-politik",
                                                "to": "forum:chefforum"}),
                       expected_etag=None, actor="a")
        found[name] = [e.record_key for e in store.audit_log(record_key=UNIT, with_edges=True)]
        assert [e.record_key for e in store.audit_log(record_key=UNIT)] == [UNIT]
    assert found["neo4j"] == found["memory"] == [
        "edge:egen",
        f"SUPPORTS:{UNIT}->forum:direktorforum",
        f"COLLABORATES_WITH:unit:organisation-og-politik->{UNIT}#løn#2",
        UNIT]


def test_the_log_is_asked_by_writer_and_by_time_alike_in_both_stores(
        stores: dict[str, Any]) -> None:
    # The administrator's probe: "who changed it last month?" had to be read by hand.
    found = {}
    for name, store in stores.items():
        rename(store, UNIT, "Økonomi og Indkøb (anna)", actor="anna")
        middle = datetime.now(UTC)
        rename(store, UNIT, "Økonomi og Indkøb (bo)", actor="bo")
        rename(store, "unit:organisation-og-politik", "OP (anna)", actor="anna")
        found[name] = (
            [(e.actor, e.record_key) for e in store.audit_log(actor="anna")],
            [e.after["name"] for e in store.audit_log(record_key=UNIT, since=middle)],
            [e.after["name"] for e in store.audit_log(until=middle)],
            store.audit_log(actor="carl"))
    assert found["neo4j"] == found["memory"] == (
        [("anna", "unit:organisation-og-politik"), ("anna", UNIT)],
        ["Økonomi og Indkøb (bo)"], ["Økonomi og Indkøb (anna)"], [])


def test_a_stale_etag_is_refused_and_nothing_changes(stores: dict[str, Any],
                                                     neo4j_client: Any) -> None:
    neo4j = stores["neo4j"]
    stale = neo4j.record(UNIT)
    rename(neo4j, UNIT, "Først")
    before = dump_graph(neo4j_client)
    with pytest.raises(WriteConflictError, match="changed since it was read"):
        neo4j.put_node(stale.model_copy(update={"name": "Sidst"}),
                       expected_etag=editing.etag(stale), actor="b")
    assert dump_graph(neo4j_client) == before
    assert len(neo4j.audit_log(record_key=UNIT)) == 1


def test_rules_of_the_data_files_hold_for_edits(stores: dict[str, Any],
                                                neo4j_client: Any) -> None:
    neo4j = stores["neo4j"]
    before = dump_graph(neo4j_client)
    dangling = EdgeRecord.model_validate({"type": "PART_OF", "from": UNIT, "to": "unit:findes-ikke",
                                          "source": "seed", "confidence": "high"})
    with pytest.raises(DataValidationError):
        neo4j.put_edge(dangling, expected_etag=None, actor="a")
    with pytest.raises(editing.NodeInUseError):
        neo4j.delete_node(UNIT, expected_etag=editing.etag(neo4j.record(UNIT)), actor="a")
    with pytest.raises(editing.AlreadyExistsError):
        neo4j.put_node(neo4j.record(UNIT), expected_etag=None, actor="a")
    assert dump_graph(neo4j_client) == before


def test_the_same_edits_give_the_same_store(stores: dict[str, Any]) -> None:
    new_edge = EdgeRecord.model_validate({
        "type": "COLLABORATES_WITH", "from": UNIT, "to": "unit:organisation-og-politik",
        "topic": "indkøb af lønsystem", "strength": 3, "source": "seed", "confidence": "low"})
    for store in stores.values():
        rename(store, UNIT, "Økonomi, Indkøb og Udbud")
        store.put_edge(new_edge, expected_etag=None, actor="a")
        changed = new_edge.model_copy(update={"strength": 5})
        store.put_edge(changed, expected_etag=editing.etag(store.record(new_edge.key)), actor="a")
    neo4j, memory = stores["neo4j"], stores["memory"]
    assert neo4j.record(new_edge.key) == memory.record(new_edge.key)
    assert neo4j.dataset() == memory.dataset()
    assert neo4j.owners("indkøb") == memory.owners("indkøb")
    assert neo4j.edges_of(UNIT) == memory.edges_of(UNIT)
    for store in stores.values():
        store.delete_edge(new_edge.key, expected_etag=editing.etag(store.record(new_edge.key)),
                          actor="a")
    assert neo4j.dataset() == memory.dataset()
    assert [(e.seq, e.action, e.record_key) for e in neo4j.audit_log()] == [
        (e.seq, e.action, e.record_key) for e in memory.audit_log()]


def test_a_task_with_its_owner_is_one_batch_in_both_stores(
        stores: dict[str, Any], neo4j_client: Any, albertslund: Any) -> None:
    task = NODE_ADAPTER.validate_python({
        "id": "task:arbejdsmiljo", "kind": "Task", "name": "Arbejdsmiljø", "kle": "87.00.00",
        "source": "seed", "confidence": "low"})
    owner = EdgeRecord.model_validate({
        "type": "RESPONSIBLE_FOR", "from": "unit:organisation-og-politik",
        "to": "task:arbejdsmiljo", "raci": "A", "source": "seed", "confidence": "low"})
    neo4j = stores["neo4j"]
    before = dump_graph(neo4j_client)
    with pytest.raises(DataValidationError):  # the task alone lacks an accountable owner
        neo4j.apply_all([Operation.put(task)], actor="a")
    with pytest.raises(WriteConflictError):  # the second edit fails: nothing is written
        neo4j.apply_all([Operation.put(task), Operation.put(owner),
                         Operation.delete(UNIT, "0" * 32)], actor="a")
    assert dump_graph(neo4j_client) == before and neo4j.audit_log() == []
    for store in stores.values():
        changes = store.apply_all([Operation.put(task), Operation.put(owner)], actor="a")
        assert [c.action for c in changes] == ["create", "create"]
    memory = stores["memory"]
    assert neo4j.dataset() == memory.dataset()
    assert neo4j.owners("arbejdsmiljø") == memory.owners("arbejdsmiljø")
    assert neo4j.owners("arbejdsmiljø")[0].task.id == "task:arbejdsmiljo"
    for store in stores.values():  # and out again, edge first
        store.apply_all([Operation.delete(owner.key, editing.etag(owner)),
                         Operation.delete(task.id, editing.etag(task))], actor="b")
    assert neo4j.dataset() == memory.dataset() == albertslund  # as before the batches
    assert [(e.action, e.record_key, e.actor) for e in neo4j.audit_log()] == [
        (e.action, e.record_key, e.actor) for e in memory.audit_log()] == [
        ("delete", task.id, "b"), ("delete", owner.key, "b"),
        ("create", owner.key, "a"), ("create", task.id, "a")]


def test_a_change_made_around_orgmodel_shows_in_the_next_answer(
    stores: dict[str, Any], neo4j_client: Any
) -> None:
    # Plain Cypher (as in Neo4j Browser) leaves the version in (:Meta) as it was; the store's
    # graph version still changes, and the cached search catalogue follows.
    neo4j = stores["neo4j"]
    assert neo4j.owners("honorarafregning")[0].task.id != "task:lon"  # the catalogue is built
    before = neo4j.graph_version()
    neo4j_client.write("MATCH (t:Node {id: 'task:lon'}) SET t.name = 'Honorarafregning'")
    assert neo4j.graph_version() != before
    assert [(a.task.id, a.task.name) for a in neo4j.owners("honorarafregning")][:1] == [
        ("task:lon", "Honorarafregning")]
    assert neo4j.search("honorarafregning", kinds=["Task"])[0].id == "task:lon"


def test_orgmodel_history_reads_the_log_in_the_graph(
    stores: dict[str, Any], neo4j_env: dict[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    rename(stores["neo4j"], UNIT, "Økonomi og Indkøb (historik)", actor="anna")
    for name, value in neo4j_env.items():
        monkeypatch.setenv(name, value)
    assert main(["history", UNIT, "--neo4j", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(f"anna  update  {UNIT}")
    assert lines[1:] == ["  name: 'Økonomi og Indkøb' → 'Økonomi og Indkøb (historik)'"]
    assert main(["history", "unit:findes-ikke", "--neo4j", "--lang", "en"]) == 1
    assert "unknown id: unit:findes-ikke is neither in the graph" in capsys.readouterr().err


def test_a_load_that_undoes_edits_made_over_the_api_says_so_and_logs_it(
    stores: dict[str, Any], neo4j_client: Any, albertslund: Any,
    capsys: pytest.CaptureFixture[str]
) -> None:
    # A rename and a new unit written over the API, then the files loaded again: the rename
    # was undone and the unit removed with "nodes: 0 added, 1 changed, 1 removed", and their
    # history still ended at the edits, as if they held.
    neo4j = stores["neo4j"]
    old = neo4j.node(UNIT).name
    rename(neo4j, UNIT, "Økonomi og Indkøb (rettet over API'et)", actor="anna")
    new = NODE_ADAPTER.validate_python({"id": "unit:kun-i-api", "kind": "Unit", "name": "Ny",
                                        "level": "team", "source": "assumption",
                                        "confidence": "low"})
    neo4j.put_node(new, expected_etag=None, actor="anna")
    report = sync_dataset(neo4j_client, albertslund)
    assert sorted(report.overwritten) == ["unit:kun-i-api", UNIT]
    said = report.summary("da").splitlines()[-1]
    assert said.startswith("overskrevet af filerne: 2 post(er) rettet over API'et (")
    undone, rename_entry = neo4j.audit_log(record_key=UNIT)[:2]
    assert (undone.actor, undone.action, rename_entry.actor) == ("load", "update", "anna")
    assert undone.before is not None and undone.after is not None
    assert (undone.before["name"], undone.after["name"]) == (
        "Økonomi og Indkøb (rettet over API'et)", old)
    removed = neo4j.audit_log(record_key="unit:kun-i-api")[0]
    assert (removed.actor, removed.action, removed.after) == ("load", "delete", None)
    # A load that changes nothing written over the API logs nothing.
    assert sync_dataset(neo4j_client, albertslund).overwritten == []
    rename(neo4j, "unit:okonomi-og-stab", "Økonomi og Stab", actor="anna")  # the same name
    assert sync_dataset(neo4j_client, albertslund).overwritten == []
    assert capsys.readouterr().out == ""
