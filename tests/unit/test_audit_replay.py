"""An audit file's edits made again over a data folder (orgmodel.audit_replay).

The entries are made by the embedded store's own writes, as the API makes them, then made
again over the dataset as it was before them, or as a data folder changed since holds it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from orgmodel.audit_replay import read_audit_file, replay
from orgmodel.batch import Operation
from orgmodel.contract import AuditEntry
from orgmodel.dataset import Dataset
from orgmodel.editing import etag
from orgmodel.records import NODE_ADAPTER, AnyNode, EdgeRecord
from orgmodel.store.memory import MemoryStore
from orgmodel.store.memory_writes import EditableMemoryStore


def node(**kw: Any) -> AnyNode:
    return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})


def edge(**kw: Any) -> EdgeRecord:
    return EdgeRecord.model_validate({"source": "seed", "confidence": "high", **kw})


def owns(unit: str, task: str) -> EdgeRecord:
    return edge(type="RESPONSIBLE_FOR", raci="A", **{"from": unit, "to": task})


def folder() -> Dataset:
    return Dataset.build(
        [node(id="unit:lon", kind="Unit", name="Lønenheden", level="enhed"),
         node(id="unit:hr", kind="Unit", name="HR", level="enhed"),
         node(id="task:lon", kind="Task", name="Løn", kle="81.15.00")],
        [owns("unit:lon", "task:lon")])


def edited(ds: Dataset, halfway: list[Dataset] | None = None
           ) -> tuple[Dataset, list[AuditEntry]]:
    """Three writes over the API: a rename, a new task with its owner (a batch), a move.

    ``halfway`` gets the graph after the second write, as an export then would have it.
    """
    store = EditableMemoryStore(MemoryStore(ds))
    unit = store.record("unit:lon")
    store.put_node(unit.model_copy(update={"name": "Løn og Personale"}),
                   expected_etag=etag(unit), actor="anna")
    store.apply_all([Operation.put(node(id="task:hr", kind="Task", name="HR-jura")),
                     Operation.put(owns("unit:hr", "task:hr"))], actor="bo")
    if halfway is not None:
        halfway.append(store.dataset())
    hr_task_owner = store.record("RESPONSIBLE_FOR:unit:hr->task:hr")
    store.apply_all([Operation.delete(hr_task_owner.key, etag(hr_task_owner)),
                     Operation.put(owns("unit:lon", "task:hr"))], actor="anna")
    return store.dataset(), sorted(store.audit_log(), key=lambda e: e.seq)


def test_the_writes_made_again_give_the_graph_the_api_had() -> None:
    after_api, entries = edited(folder())
    done = replay(folder(), entries)
    assert done.made == [1, 2, 3, 4, 5] and done.skipped == [] and done.there == []
    assert done.dataset.nodes == after_api.nodes and done.dataset.edges == after_api.edges
    # New records go where the API put them, for the export to write
    assert done.dataset.origins["task:hr"].file == "api-edits.yaml"


def test_writes_already_in_the_folder_are_there_and_not_made_twice() -> None:
    after_api, entries = edited(folder())
    done = replay(after_api, entries)  # the folder as `export-data --replace` left it
    assert done.made == [] and done.there == [1, 2, 3, 4, 5] and done.skipped == []
    assert done.dataset is after_api


def test_a_folder_exported_halfway_gets_the_writes_after_the_export() -> None:
    halfway: list[Dataset] = []
    after_api, entries = edited(folder(), halfway)
    done = replay(halfway[0], entries)
    # The move (#4, #5) deletes the owner #3 created: judged alone against the folder after
    # the move, #3 would not be there, nor could it be made again (two owners)
    assert done.there == [1, 2, 3] and done.made == [4, 5] and done.skipped == []
    assert done.dataset.edges == after_api.edges


def test_a_record_the_folder_changed_since_keeps_the_folders_version() -> None:
    _, entries = edited(folder())
    ds = folder()
    ds.nodes["unit:lon"] = ds.nodes["unit:lon"].model_copy(update={"name": "Lønkontoret"})
    done = replay(ds, entries)
    assert [(s.seq, s.record_key, s.why) for s in done.skipped] == [(1, "unit:lon", "changed")]
    assert str(done.skipped[0]) == ("#1 (unit:lon): the data folder has changed the record "
                                    "since: it is no longer as the write found it")
    assert done.skipped[0].reason("da").startswith("datamappen har ændret posten siden")
    assert done.dataset.nodes["unit:lon"].name == "Lønkontoret"
    assert done.made == [2, 3, 4, 5]  # the other writes do not hang on it


def test_a_write_of_several_records_is_made_whole_or_not_at_all() -> None:
    _, entries = edited(folder())
    ds = folder()
    # The folder has gained a task with the batch's id: its creation cannot be made again
    ds.nodes["task:hr"] = node(id="task:hr", kind="Task", name="HR-jura (mappen)")
    ds.edges[owns("unit:hr", "task:hr").key] = owns("unit:hr", "task:hr")
    done = replay(ds, entries)
    skipped = {s.seq: (s.why, s.detail) for s in done.skipped}
    assert skipped[2] == ("exists", "")
    assert skipped[3] == ("with", "2")  # the owner, written with it, waits with it
    assert done.dataset.nodes["task:hr"].name == "HR-jura (mappen)"
    assert 1 in done.made


def test_a_write_that_breaks_the_rules_of_the_folder_now_names_the_rule() -> None:
    _, entries = edited(folder())
    # Only the first owner's creation, without the task it owns: the task does not exist
    lone = [e for e in entries if e.record_key == "RESPONSIBLE_FOR:unit:lon->task:hr"]
    lone = [lone[0].model_copy(update={"at": lone[0].at.replace(year=2020)})]
    done = replay(folder(), lone)
    assert [s.why for s in done.skipped] == ["rule"]
    assert "task:hr" in done.skipped[0].detail


def test_an_entry_that_holds_no_record_or_an_invalid_one_is_named() -> None:
    _, entries = edited(folder())
    rename = entries[0]
    empty = rename.model_copy(update={"before": None, "after": None})
    bad = rename.model_copy(update={"after": {**(rename.after or {}), "level": "galakse"}})
    done = replay(folder(), [empty])
    assert [(s.why, s.reason()) for s in done.skipped] == [
        ("empty", "the entry holds the record neither before nor after the write")]
    done = replay(folder(), [bad])
    assert done.skipped[0].why == "invalid" and "level" in done.skipped[0].detail


def test_an_audit_file_reads_back_every_whole_line_and_names_the_others(
        tmp_path: Path) -> None:
    _, entries = edited(folder())
    audit = tmp_path / "audit.jsonl"
    lines = [entry.model_dump_json() for entry in entries]
    audit.write_text("\n".join([lines[0], "{not json", *lines[1:], '{"seq": 9, "at'])
                     + "\n", encoding="utf-8")
    read = read_audit_file(audit)
    assert [e.seq for e in read.entries] == [1, 2, 3, 4, 5]
    assert [line for line, _ in read.damaged] == [2, 7]
    assert replay(folder(), read.entries).made == [1, 2, 3, 4, 5]
    assert json.loads(lines[0])["record_key"] == "unit:lon"


def test_an_audit_file_not_there_has_no_entries(tmp_path: Path) -> None:
    read = read_audit_file(tmp_path / "no-such.jsonl")
    assert read.entries == [] and read.damaged == []


def test_the_entries_of_one_change_are_one_write_though_others_share_their_moment() -> None:
    _, entries = edited(folder())
    assert [e.change for e in entries] == [1, 2, 2, 4, 4]
    # Two single writes at one moment by one writer: still two, by their changes
    same_moment = [e.model_copy(update={"at": entries[0].at, "actor": "anna"})
                   for e in entries]
    ds = folder()
    ds.nodes["unit:lon"] = ds.nodes["unit:lon"].model_copy(update={"name": "Lønkontoret"})
    done = replay(ds, same_moment)
    assert [s.seq for s in done.skipped] == [1] and done.made == [2, 3, 4, 5]
