"""Edits made over the API outlive a restart of the embedded store that has an audit file.

The audit file is the journal: the next start makes its writes again over the data folder,
skips (and names) those the folder has changed since, and `orgmodel export-data
--audit-file` writes them into data files without a server.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from httpapi import ANNA, BO, LiveServer, free_port

from orgmodel.cli import main
from orgmodel.loader import load_dataset

DATA = Path(__file__).resolve().parents[2] / "data" / "albertslund"
NEW_TEAM = {"id": "unit:journal-test", "kind": "Unit", "name": "Journalteamet", "level": "team",
            "source": "assumption", "confidence": "low"}
PART_OF = {"type": "PART_OF", "from": "unit:journal-test", "to": "unit:organisation-og-politik",
           "source": "assumption", "confidence": "low"}


def edit(server: LiveServer) -> None:
    """A new team placed in a batch, and payroll renamed in English: three writes."""
    with server.client(ANNA) as anna, server.client(BO) as bo:
        anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_node", "node": NEW_TEAM}, {"op": "put_edge", "edge": PART_OF}]}
        ).raise_for_status()
        task = bo.get("/api/v1/nodes/task:lon")
        bo.put("/api/v1/nodes/task:lon", headers={"If-Match": task.headers["etag"]},
               json={**task.json()["record"], "name_en": "Payroll and pay"}).raise_for_status()


def edited(start_server: Callable[..., LiveServer], data: Path, audit_file: Path) -> None:
    """A server on ``data`` with ``audit_file`` takes the writes of :func:`edit`, and stops."""
    first = start_server(data_dir=data, audit_file=audit_file)
    edit(first)
    first.stop()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def test_the_edits_are_there_after_a_restart_with_their_history(
    start_server: Callable[..., LiveServer], tmp_path: Path, data: Path,
    caplog: pytest.LogCaptureFixture
) -> None:
    audit_file = tmp_path / "audit.jsonl"
    edited(start_server, data, audit_file)
    with caplog.at_level(logging.INFO, logger="orgmodel"):
        second = start_server(data_dir=data, audit_file=audit_file)
    assert (f"{audit_file}: 3 write(s) made again over the data folder, 0 there already, "
            "0 skipped") in caplog.text
    with second.client(ANNA) as anna:
        assert anna.get("/api/v1/nodes/task:lon").json()["record"]["name_en"] == \
            "Payroll and pay"
        chain = anna.get("/api/v1/chain/unit:journal-test").json()["chain"]
        assert [step["id"] for step in chain][:2] == ["unit:journal-test",
                                                     "unit:organisation-og-politik"]
        page = anna.get("/api/v1/audit").json()
        assert page["kept_since"] is None  # every write, from before the restart too
        assert [(e["seq"], e["actor"]) for e in page["items"]] == [
            (3, "bo"), (2, "anna"), (1, "anna")]
        anna.delete("/api/v1/edges/PART_OF:unit:journal-test->unit:organisation-og-politik",
                    headers={"If-Match": anna.get(
                        "/api/v1/edges/PART_OF:unit:journal-test->unit:organisation-og-politik"
                    ).headers["etag"]}).raise_for_status()
        assert anna.get("/api/v1/audit").json()["items"][0]["seq"] == 4
    second.stop()
    third = start_server(data_dir=data, audit_file=audit_file)
    with third.client(BO) as bo:  # the deletion, too, outlived its process
        chain = bo.get("/api/v1/chain/unit:journal-test").json()["chain"]
        assert [step["id"] for step in chain] == ["unit:journal-test"]


def test_a_record_the_data_folder_changed_since_keeps_the_folders_version(
    start_server: Callable[..., LiveServer], tmp_path: Path, data: Path,
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    audit_file = tmp_path / "audit.jsonl"
    edited(start_server, data, audit_file)
    tasks = data / "opgaver.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace(
        "    name_en: Payroll\n", "    name_en: Salaries\n", 1), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="orgmodel"):
        second = start_server(data_dir=data, audit_file=audit_file)
    assert (f"{audit_file}: write #3 (task:lon) not made again: the data folder has changed "
            "the record since: it is no longer as the write found it") in caplog.text
    assert "2 write(s) made again over the data folder, 0 there already, 1 skipped" \
        in caplog.text
    with second.client(BO) as bo:
        assert bo.get("/api/v1/nodes/task:lon").json()["record"]["name_en"] == "Salaries"
        bo.get("/api/v1/nodes/unit:journal-test").raise_for_status()
        # The administrator's probe: the history showed the skipped write as any other, so
        # its last value was not the record's; it says the write is not in the graph.
        log = {e["seq"]: e for e in bo.get("/api/v1/audit").json()["items"]}
        assert log[3]["not_in_graph"] == (
            "not made again at start, so it is not in the graph: the data folder has changed "
            "the record since: it is no longer as the write found it")
        assert log[3]["not_in_graph_da"].startswith("ikke lavet igen ved start, så den er ")
        assert log[1]["not_in_graph"] is None and log[2]["not_in_graph"] is None
    capsys.readouterr()
    assert main(["history", "task:lon", "--url", second.url, "--token", ANNA]) == 0
    assert "  NB: ikke lavet igen ved start, så den er ikke i grafen: " in capsys.readouterr().out


def test_edits_exported_into_the_folder_are_not_made_twice(
    start_server: Callable[..., LiveServer], tmp_path: Path, data: Path,
    caplog: pytest.LogCaptureFixture
) -> None:
    audit_file = tmp_path / "audit.jsonl"
    first = start_server(data_dir=data, audit_file=audit_file)
    edit(first)
    assert main(["export-data", str(data), "--replace", "--url", first.url, "--token", ANNA]) == 0
    first.stop()
    with caplog.at_level(logging.INFO, logger="orgmodel"):
        second = start_server(data_dir=data, audit_file=audit_file)
    assert "0 write(s) made again over the data folder, 3 there already, 0 skipped" \
        in caplog.text
    with second.client(BO) as bo:
        assert bo.get("/api/v1/nodes/task:lon").json()["record"]["name_en"] == \
            "Payroll and pay"


def test_replay_turned_off_starts_from_the_data_folder_alone(
    start_server: Callable[..., LiveServer], tmp_path: Path, data: Path,
    caplog: pytest.LogCaptureFixture
) -> None:
    audit_file = tmp_path / "audit.jsonl"
    edited(start_server, data, audit_file)
    with caplog.at_level(logging.WARNING, logger="orgmodel"):
        second = start_server(data_dir=data, audit_file=audit_file, replay_audit=False)
    assert f"{audit_file} holds writes up to #3 from before this start" in caplog.text
    with second.client(BO) as bo:
        assert bo.get("/api/v1/nodes/unit:journal-test").status_code == 404
        assert [e["action"] for e in bo.get("/api/v1/audit").json()["items"]] == ["discard"]


def test_export_data_writes_an_audit_files_edits_into_data_files(
    start_server: Callable[..., LiveServer], tmp_path: Path, data: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    audit_file = tmp_path / "audit.jsonl"
    edited(start_server, data, audit_file)
    out = tmp_path / "out"
    assert main(["export-data", str(out), "--data", str(data), "--audit-file", str(audit_file),
                 "--lang", "en"]) == 0
    told = capsys.readouterr()
    assert f"{audit_file}: 3 write(s) made again over the data folder, 0 there already, " \
           "0 skipped" in told.err
    exported = load_dataset(out)
    assert exported.nodes["task:lon"].name_en == "Payroll and pay"
    assert exported.origins["unit:journal-test"].file == "api-edits.yaml"
    # A record changed in the folder since is skipped, and named with the reason
    (data / "opgaver.yaml").write_text((data / "opgaver.yaml").read_text(
        encoding="utf-8").replace("    name_en: Payroll\n", "    name_en: Salaries\n", 1),
        encoding="utf-8")
    assert main(["export-data", str(tmp_path / "out2"), "--data", str(data), "--audit-file",
                 str(audit_file)]) == 0
    assert ("  #3 (task:lon) sprunget over: datamappen har ændret posten siden: den er ikke "
            "længere, som ændringen fandt den") in capsys.readouterr().err
    # Named wrongly: an error in words, nothing written
    assert main(["export-data", str(tmp_path / "out3"), "--data", str(data), "--audit-file",
                 str(tmp_path / "no-such.jsonl"), "--lang", "en"]) == 1
    assert "cannot read the audit file" in capsys.readouterr().err
    assert not (tmp_path / "out3").exists()
    assert main(["export-data", str(tmp_path / "out4"), "--url", "http://127.0.0.1:1",
                 "--audit-file", str(audit_file), "--lang", "en"]) == 2
    assert "not with --url" in capsys.readouterr().err


def test_writes_left_out_by_a_start_without_replay_stay_out(
    start_server: Callable[..., LiveServer], tmp_path: Path, data: Path
) -> None:
    # The administrator's probe: after a start with replay off, the next start brought the
    # discarded writes back, and dropped the newer ones (their records had changed since).
    audit_file = tmp_path / "audit.jsonl"
    edited(start_server, data, audit_file)  # #1–#3: a team placed, payroll's English name
    second = start_server(data_dir=data, audit_file=audit_file, replay_audit=False)
    with second.client(BO) as bo:
        mark = bo.get("/api/v1/audit").json()["items"]
        assert [(e["seq"], e["action"], e["actor"]) for e in mark] == [(4, "discard", "orgmodel")]
        task = bo.get("/api/v1/nodes/task:lon")
        bo.patch("/api/v1/nodes/task:lon", json={"note": "efter nystart"},
                 headers={"If-Match": task.headers["etag"]}).raise_for_status()
    second.stop()
    third = start_server(data_dir=data, audit_file=audit_file)
    with third.client(BO) as bo:
        record = bo.get("/api/v1/nodes/task:lon").json()["record"]
        assert record["note"] == "efter nystart" and record["name_en"] == "Payroll"
        assert bo.get("/api/v1/nodes/unit:journal-test").status_code == 404


def test_a_file_that_is_no_audit_file_is_refused_not_written_into(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    yaml_file = tmp_path / "it.yaml"
    shutil.copy(data / "it.yaml", yaml_file)
    before = yaml_file.read_bytes()
    monkeypatch.setenv("ORGMODEL_AUDIT_FILE", str(yaml_file))
    assert main(["serve", "--data", str(data), "--port", "1"]) == 2
    said = capsys.readouterr().err
    assert f"{yaml_file} is not an audit file: none of its" in said and "Traceback" not in said
    monkeypatch.delenv("ORGMODEL_AUDIT_FILE")
    assert main(["export-data", str(tmp_path / "out"), "--data", str(data), "--audit-file",
                 str(yaml_file)]) == 1
    assert f"{yaml_file} er ikke en auditfil" in capsys.readouterr().err
    assert yaml_file.read_bytes() == before and not (tmp_path / "out").exists()


def test_numbers_go_on_after_a_damaged_line_and_a_repeated_entry_is_read_once(
    start_server: Callable[..., LiveServer], tmp_path: Path, data: Path,
    caplog: pytest.LogCaptureFixture
) -> None:
    audit_file = tmp_path / "audit.jsonl"
    edited(start_server, data, audit_file)
    whole = audit_file.read_bytes()
    # The file written twice over (cat a a > b), then a write cut short that held #9
    audit_file.write_bytes(whole + whole + b'{"seq": 9, "at": "2026-01-0')
    with caplog.at_level(logging.INFO, logger="orgmodel"):
        second = start_server(data_dir=data, audit_file=audit_file)
    assert f"{audit_file}:4: not an audit entry, skipped (#1 again, after #3" in caplog.text
    assert "3 write(s) made again over the data folder" in caplog.text
    with second.client(ANNA) as anna:
        assert [e["seq"] for e in anna.get("/api/v1/audit").json()["items"]] == [3, 2, 1]
        task = anna.get("/api/v1/nodes/task:budget")
        anna.patch("/api/v1/nodes/task:budget", json={"note": "x"},
                   headers={"If-Match": task.headers["etag"]}).raise_for_status()
        assert anna.get("/api/v1/audit").json()["items"][0]["seq"] == 10


def test_a_write_the_audit_file_cannot_keep_is_a_503_naming_it_and_changes_nothing(
    start_server: Callable[..., LiveServer], tmp_path: Path, data: Path
) -> None:
    folder = tmp_path / "log"
    folder.mkdir()
    server = start_server(data_dir=data, audit_file=folder / "audit.jsonl")
    shutil.rmtree(folder)
    with server.client(ANNA) as anna:
        task = anna.get("/api/v1/nodes/task:lon")
        failed = anna.patch("/api/v1/nodes/task:lon", json={"name_en": "Pay"},
                            headers={"If-Match": task.headers["etag"]})
        assert failed.status_code == 503, failed.text
        assert f"the audit file {folder / 'audit.jsonl'} cannot be written" in \
            failed.json()["detail"]
        assert anna.get("/api/v1/nodes/task:lon").headers["etag"] == task.headers["etag"]
        assert anna.get("/api/v1/audit").json()["items"] == []


def test_the_server_says_at_start_what_it_made_again(
    tmp_path: Path, data: Path, start_server: Callable[..., LiveServer]
) -> None:
    # The summary was logged at INFO, which no handler printed: edits came back in silence.
    audit_file = tmp_path / "audit.jsonl"
    edited(start_server, data, audit_file)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    env.update(ORGMODEL_AUDIT_FILE=str(audit_file), PYTHONUNBUFFERED="1")
    with subprocess.Popen([sys.executable, "-m", "orgmodel.cli", "serve", "--data", str(data),
                           "--port", str(port)], env=env, stderr=subprocess.PIPE, text=True,
                          encoding="utf-8") as server:
        assert server.stderr is not None
        said = []
        for line in server.stderr:
            said.append(line)
            if "Uvicorn running" in line or "Application startup complete" in line:
                break
        server.terminate()
        said.append(server.stderr.read())
    text = "".join(said)
    assert "3 write(s) made again over the data folder, 0 there already, 0 skipped" in text, text
