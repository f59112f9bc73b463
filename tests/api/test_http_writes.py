"""Writes over HTTP: tokens, validation, ETags (two editors), the audit log."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from httpapi import ANNA, BO, READER, LiveServer, problem

from api.responses import record_tag

NEW_UNIT = {"id": "unit:lonteam-test", "kind": "Unit", "name": "Lønteamet", "level": "team",
            "source": "seed", "confidence": "low"}
PART_OF = {"type": "PART_OF", "from": "unit:lonteam-test", "to": "unit:organisation-og-politik",
           "source": "seed", "confidence": "low"}


def read(http: httpx.Client, path: str) -> tuple[dict[str, Any], str]:
    response = http.get(path)
    assert response.status_code == 200, response.text
    return response.json()["record"], response.headers["etag"]


def end_node(http: httpx.Client, node_id: str, valid_to: str) -> httpx.Response:
    """Give the node ``node_id`` an end, with the ETag just read."""
    record, etag = read(http, f"/api/v1/nodes/{node_id}")
    return http.put(f"/api/v1/nodes/{node_id}", headers={"If-Match": etag},
                    json={**record, "valid_to": valid_to})


def test_writes_need_a_valid_write_token(editable_api: LiveServer) -> None:
    with editable_api.client() as anonymous:
        response = anonymous.post("/api/v1/nodes", json=NEW_UNIT)
        problem(response, 401)
        assert response.headers["www-authenticate"].startswith("Bearer")
    with editable_api.client("not-a-token") as stranger:
        response = stranger.post("/api/v1/nodes", json=NEW_UNIT)
        problem(response, 401)
        assert 'error="invalid_token"' in response.headers["www-authenticate"]
    with editable_api.client(READER) as reader:
        assert "may read but not write" in problem(
            reader.post("/api/v1/nodes", json=NEW_UNIT), 403)["detail"]
    with editable_api.client(ANNA) as anna:
        assert anna.get("/api/v1/nodes/unit:lonteam-test").status_code == 404  # nothing written


def test_create_update_and_delete_a_node_and_an_edge(editable_api: LiveServer) -> None:
    with editable_api.client(ANNA) as anna:
        created = anna.post("/api/v1/nodes", json=NEW_UNIT)
        assert created.status_code == 201, created.text
        assert created.headers["location"] == "/api/v1/nodes/unit:lonteam-test"
        edge = anna.post("/api/v1/edges", json=PART_OF)
        assert edge.status_code == 201, edge.text
        tree = anna.get("/api/v1/subtree/unit:organisation-og-politik").json()
        assert "unit:lonteam-test" in {n["id"] for n in tree["nodes"]}
        assert anna.get("/api/v1/search", params={"q": "lønteamet"}).json()["results"][0][
            "id"] == "unit:lonteam-test"

        record, etag = read(anna, "/api/v1/nodes/unit:lonteam-test")
        # the record's tag, which the read's holds with a digest of its answer (its edges)
        assert record_tag(etag) == record_tag(created.headers["etag"]) != etag.strip('"')
        updated = anna.put("/api/v1/nodes/unit:lonteam-test", headers={"If-Match": etag},
                           json={**record, "name": "Lønteam", "staff_count": 6})
        assert updated.status_code == 200, updated.text
        assert updated.json()["node"]["attributes"]["staff_count"] == 6
        assert updated.headers["etag"] != etag

        in_use = problem(anna.delete("/api/v1/nodes/unit:lonteam-test",
                                     headers={"If-Match": updated.headers["etag"]}), 409)
        key = "PART_OF:unit:lonteam-test->unit:organisation-og-politik"
        assert in_use["edges"] == [key] and key in in_use["detail"]

        _, edge_etag = read(anna, f"/api/v1/edges/{key}")
        assert anna.delete(f"/api/v1/edges/{key}",
                           headers={"If-Match": edge_etag}).status_code == 204
        assert anna.delete("/api/v1/nodes/unit:lonteam-test",
                           headers={"If-Match": updated.headers["etag"]}).status_code == 204
        problem(anna.get("/api/v1/nodes/unit:lonteam-test"), 404)


NEW_TASK = {"id": "task:ny-opgave-test", "kind": "Task", "name": "Sygefraværsopfølgning",
            "kle": "81.28.00", "source": "seed", "confidence": "low"}
ITS_OWNER = {"type": "RESPONSIBLE_FOR", "from": "unit:organisation-og-politik",
             "to": "task:ny-opgave-test", "raci": "A", "source": "seed", "confidence": "low"}
OWNER_KEY = "RESPONSIBLE_FOR:unit:organisation-og-politik->task:ny-opgave-test"


def test_a_new_task_and_its_owner_are_written_together_and_deleted_together(
        editable_api: LiveServer) -> None:
    with editable_api.client(ANNA) as anna:
        # One record at a time it cannot be done: the task alone has no accountable owner,
        # and the owner's edge alone points at a task that does not exist.
        alone = problem(anna.post("/api/v1/nodes", json=NEW_TASK), 422)["errors"]
        assert "no accountable owner" in str(alone)
        # ... and said how it can be done (the administrator's probe), in Danish too
        assert alone[0]["msg"].endswith("together in one POST /api/v1/changes")
        assert alone[0]["msg_da"].endswith("sammen i én POST /api/v1/changes")
        problem(anna.post("/api/v1/edges", json=ITS_OWNER), 422)
        written = anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_node", "node": NEW_TASK}, {"op": "put_edge", "edge": ITS_OWNER}]})
        assert written.status_code == 200, written.text
        applied = written.json()["applied"]
        assert [(a["key"], a["action"]) for a in applied] == [
            ("task:ny-opgave-test", "create"), (OWNER_KEY, "create")]
        answer = anna.get("/api/v1/owners", params={"q": "sygefraværsopfølgning"}).json()
        assert answer["results"][0]["task"]["id"] == "task:ny-opgave-test"
        assert answer["results"][0]["owners"][0]["id"] == "unit:organisation-og-politik"
        audit = anna.get("/api/v1/audit").json()["items"][:2]
        assert [(e["record_key"], e["actor"]) for e in audit] == [
            (OWNER_KEY, "anna"), ("task:ny-opgave-test", "anna")]

        # A batch that ends broken changes nothing, whatever it did on the way.
        _, task_etag = read(anna, "/api/v1/nodes/task:ny-opgave-test")
        broken = anna.post("/api/v1/changes", json={"operations": [
            {"op": "delete", "key": OWNER_KEY, "if_match": applied[1]["etag"]}]})
        assert "no accountable owner" in str(problem(broken, 422)["errors"])
        stale = anna.post("/api/v1/changes", json={"operations": [
            {"op": "delete", "key": OWNER_KEY, "if_match": applied[1]["etag"]},
            {"op": "delete", "key": "task:ny-opgave-test", "if_match": "0" * 32}]})
        problem(stale, 412)
        assert anna.get(f"/api/v1/edges/{OWNER_KEY}").status_code == 200

        deleted = anna.post("/api/v1/changes", json={"operations": [
            {"op": "delete", "key": OWNER_KEY, "if_match": f'"{applied[1]["etag"]}"'},
            {"op": "delete", "key": "task:ny-opgave-test", "if_match": task_etag}]})
        assert deleted.status_code == 200, deleted.text
        assert [a["etag"] for a in deleted.json()["applied"]] == [None, None]
        problem(anna.get("/api/v1/nodes/task:ny-opgave-test"), 404)


def test_a_batch_is_checked_before_anything_is_written(editable_api: LiveServer) -> None:
    with editable_api.client() as anonymous:
        problem(anonymous.post("/api/v1/changes", json={"operations": [
            {"op": "put_node", "node": NEW_UNIT}]}), 401)
    with editable_api.client(ANNA) as anna:
        for body, where in (
            ({"operations": []}, ["body", "operations"]),
            ({"operations": [{"op": "put_node", "edge": PART_OF}]}, ["body", "operations", 0]),
            ({"operations": [{"op": "delete", "key": "unit:x"}]}, ["body", "operations", 0]),
            ({"operations": [{"op": "rename", "key": "unit:x"}]}, ["body", "operations", 0, "op"]),
            ({"operations": [{"op": "put_node", "node": {**NEW_UNIT, "level": "x"}}]},
             ["body", "operations", 0, "node"]),
        ):
            errors = problem(anna.post("/api/v1/changes", json=body), 422)["errors"]
            assert errors[0]["loc"][:len(where)] == where, (body, errors)
        # The message names what is wrong: a missing record, or the fields to leave out.
        for operation, message in (
            ({"op": "put_node", "edge": PART_OF}, "put_node needs 'node'"),
            ({"op": "put_node", "node": NEW_UNIT, "key": "z"},
             "put_node takes 'node' (and if_match) only; leave out 'key'"),
        ):
            errors = problem(anna.post("/api/v1/changes", json={"operations": [operation]}),
                             422)["errors"]
            assert errors[0]["msg"] == message, errors
        assert anna.get("/api/v1/nodes/unit:lonteam-test").status_code == 404


def test_two_editors_the_second_gets_412_and_wins_after_reading_again(
    editable_api: LiveServer,
) -> None:
    with editable_api.client(ANNA) as anna, editable_api.client(BO) as bo:
        record_a, etag_a = read(anna, "/api/v1/nodes/task:lon")
        record_b, etag_b = read(bo, "/api/v1/nodes/task:lon")
        assert etag_a == etag_b
        first = anna.put("/api/v1/nodes/task:lon", headers={"If-Match": etag_a},
                         json={**record_a, "service_goal": "Svar inden for 1 arbejdsdag."})
        assert first.status_code == 200
        stale = problem(bo.put("/api/v1/nodes/task:lon", headers={"If-Match": etag_b},
                               json={**record_b, "mailbox": "lon@albertslund.dk"}), 412)
        assert "task:lon" in stale["detail"]
        # Anna's change survived Bo's stale write.
        record_b, etag_b = read(bo, "/api/v1/nodes/task:lon")
        assert record_b["service_goal"] == "Svar inden for 1 arbejdsdag."
        second = bo.put("/api/v1/nodes/task:lon", headers={"If-Match": etag_b},
                        json={**record_b, "mailbox": "lon@albertslund.dk"})
        assert second.status_code == 200
        final, _ = read(anna, "/api/v1/nodes/task:lon")
        assert final["service_goal"] == "Svar inden for 1 arbejdsdag."
        assert final["mailbox"] == "lon@albertslund.dk"


def test_if_match_is_required_and_must_be_one_strong_etag(editable_api: LiveServer) -> None:
    with editable_api.client(ANNA) as anna:
        record, etag = read(anna, "/api/v1/nodes/task:lon")
        problem(anna.put("/api/v1/nodes/task:lon", json=record), 428)
        problem(anna.delete("/api/v1/nodes/task:lon"), 428)
        problem(anna.put("/api/v1/nodes/task:lon", json=record, headers={"If-Match": "*"}), 412)
        problem(anna.put("/api/v1/nodes/task:lon", json=record,
                         headers={"If-Match": f"W/{etag}"}), 412)
        # Something that is no ETag is said to be none, not a record changed since it was read
        junk = problem(anna.put("/api/v1/nodes/task:lon", json=record,
                                headers={"If-Match": "garbage"}), 412)
        assert "'garbage' is no ETag" in junk["detail"], junk
        stale = problem(anna.put("/api/v1/nodes/task:lon", json=record,
                                 headers={"If-Match": '"' + "0" * 32 + '"'}), 412)
        assert "has changed since it was read" in stale["detail"], stale
        problem(anna.put("/api/v1/nodes/unit:nowhere", json={**NEW_UNIT, "id": "unit:nowhere"},
                         headers={"If-Match": etag}), 404)
        exists = problem(anna.post("/api/v1/nodes", json=record), 409)  # update it instead
        assert exists["detail"] == "'task:lon' already exists; update it with its ETag instead"
        # A person back in a post they held: a second period is a parallel edge, with an id
        # (updating the first holding would rewrite its dates).
        again = problem(anna.post("/api/v1/edges", json={
            "type": "HOLDS", "from": "person:steen-christiansen", "to": "post:borgmester",
            "valid_from": "2030-01-01", "source": "seed", "confidence": "low"}), 409)
        assert again["detail"].endswith('give the new edge an "id" of its own (a parallel edge)')


def test_invalid_records_are_422_with_field_paths(editable_api: LiveServer) -> None:
    with editable_api.client(ANNA) as anna:
        body = problem(anna.post("/api/v1/nodes", json={**NEW_UNIT, "level": "galaxy",
                                                        "nam": "typo"}), 422)
        assert {tuple(e["loc"]) for e in body["errors"]} == {("body", "level"), ("body", "nam")}
        # An unknown field with the one the record nearly has, as validate says it.
        typo = next(e for e in body["errors"] if e["loc"] == ["body", "nam"])
        assert typo["msg"].endswith("(did you mean 'name'?)")
        assert typo["msg_da"] == "ukendt felt (mente du 'name'?)"
        body = problem(anna.post("/api/v1/edges", json={**PART_OF, "to": "unit:nowhere"}), 422)
        # Each in Danish too, as the command line says it (the API spoke English only).
        assert body["errors"] == [{
            "loc": ["data", "PART_OF:unit:lonteam-test->unit:nowhere", "from"],
            "msg": "refers to 'unit:lonteam-test', which does not exist", "type": "data_rule",
            "msg_da": "henviser til 'unit:lonteam-test', som ikke findes"}, {
            "loc": ["data", "PART_OF:unit:lonteam-test->unit:nowhere", "to"],
            "msg": "refers to 'unit:nowhere', which does not exist", "type": "data_rule",
            "msg_da": "henviser til 'unit:nowhere', som ikke findes"}]
        missing = problem(anna.post("/api/v1/nodes", json={
            k: v for k, v in NEW_UNIT.items() if k != "name"}), 422)["errors"]
        assert [(e["loc"], e["msg_da"]) for e in missing] == [(["body", "name"], "påkrævet felt")]
        # What a field got and likely meant, as validate says it (pydantic's words alone
        # named neither).
        sure = problem(anna.post("/api/v1/nodes", json={**NEW_UNIT, "confidence": "High"}),
                       422)["errors"]
        assert sure[0]["loc"] == ["body", "confidence"]
        assert sure[0]["msg"].endswith("(got 'High'; did you mean 'high'?)")
        assert sure[0]["msg_da"].endswith("(fik 'High'; mente du 'high'?)")
        # An edge from a node to itself, an alias given twice: the field, as in a data file
        body = problem(anna.post("/api/v1/edges", json={
            **PART_OF, "from": "unit:okonomi-og-stab", "to": "unit:okonomi-og-stab"}), 422)
        assert [e["loc"] for e in body["errors"]] == [["body", "to"]]
        assert "is the same node as from (unit:okonomi-og-stab)" in body["errors"][0]["msg"]
        body = problem(anna.post("/api/v1/nodes", json={**NEW_UNIT, "aliases": ["LT", "LT"]}),
                       422)
        assert [e["loc"] for e in body["errors"]] == [["body", "aliases"]]
        assert "alias 2 ('LT') repeats alias 1" in body["errors"][0]["msg"]
        # The same rules as the data files: a task keeps an accountable owner.
        key = "RESPONSIBLE_FOR:unit:organisation-og-politik->task:lon"
        _, etag = read(anna, f"/api/v1/edges/{key}")
        body = problem(anna.delete(f"/api/v1/edges/{key}", headers={"If-Match": etag}), 422)
        assert "no accountable owner" in body["errors"][0]["msg"]
        # The administrator's probe: a task's only accountable edge deleted was said twice,
        # the second time "from 0001-01-01", a day no one wrote.
        only = "RESPONSIBLE_FOR:unit:it-og-digitalisering->task:it-support"
        _, etag = read(anna, f"/api/v1/edges/{only}")
        body = problem(anna.delete(f"/api/v1/edges/{only}", headers={"If-Match": etag}), 422)
        assert [e["msg"] for e in body["errors"]] == [
            "task has no accountable owner (RESPONSIBLE_FOR with raci A): write the task and its "
            "accountable edge (or another in its place) together in one POST /api/v1/changes"]
        record, etag = read(anna, "/api/v1/nodes/task:lon")
        body = problem(anna.put("/api/v1/nodes/task:lon", headers={"If-Match": etag},
                                json={**record, "id": "task:lon2"}), 422)
        assert body["errors"][0]["loc"] == ["body", "id"]
        # The API client's probe: a kind changed by PUT was told only the prefix a Forum's
        # id has (a PATCH said that a node's kind cannot change)
        unit, etag = read(anna, "/api/v1/nodes/unit:okonomi-og-stab")
        body = problem(anna.put("/api/v1/nodes/unit:okonomi-og-stab", headers={"If-Match": etag},
                                json={**unit, "kind": "Forum"}), 422)
        assert "unit: is a Unit's id, and a node's kind cannot change" in body["errors"][0]["msg"]
        assert "en knudes art kan ikke ændres" in body["errors"][0]["msg_da"]
        # ... and an edge's own id of spaces, slashes or emoji was taken
        for bad in (" ", "a/b c", "æøå😀"):
            body = problem(anna.post("/api/v1/edges", json={**PART_OF, "id": bad}), 422)
            assert [e["loc"] for e in body["errors"]] == [["body", "id"]], bad
            assert body["errors"][0]["msg"].startswith("an edge id is written in ")
            assert body["errors"][0]["msg_da"].startswith("et kant-id skrives med a-z")
        post, etag = read(anna, "/api/v1/nodes/post:chef-okonomi-og-stab")
        body = problem(anna.put("/api/v1/nodes/post:chef-okonomi-og-stab",
                                headers={"If-Match": etag},
                                json={**post, "description": "Direkte: +45 22 33 44 55"}), 422)
        assert body["errors"][0]["loc"] == ["body", "description"]
        assert "looks like a phone number" in body["errors"][0]["msg"]
        # Nor may an end date leave a task without an owner: Organisation og Politik answers
        # for payroll, and ending the unit (or the edge that says so) would leave it none.
        unit, etag = read(anna, "/api/v1/nodes/unit:organisation-og-politik")
        body = problem(anna.put("/api/v1/nodes/unit:organisation-og-politik",
                                headers={"If-Match": etag},
                                json={**unit, "valid_to": "2026-01-31"}), 422)
        said = [e["msg"] for e in body["errors"]]
        assert ("task task:lon would have no accountable owner from 2026-02-01 "
                "(unit:organisation-og-politik ends 2026-01-31)") in "\n".join(said)
        assert ("opgaven task:lon ville stå uden ansvarlig (A) fra 2026-02-01 "
                "(unit:organisation-og-politik ophører 2026-01-31)") in "\n".join(
                    e.get("msg_da", "") for e in body["errors"])
        edge, etag = read(anna, f"/api/v1/edges/{key}")
        body = problem(anna.put(f"/api/v1/edges/{key}", headers={"If-Match": etag},
                                json={**edge, "valid_to": "2026-01-31"}), 422)
        # Said of the record sent, which is what to mend (the message names the task).
        assert [e["loc"] for e in body["errors"]] == [["data", key]]
        assert body["errors"][0]["msg"].startswith("task task:lon would have no accountable")
        # A second accountable owner is said of the edge sent, not of the one already there
        # (the answer pointed at "for-sammenlaegning-lon", an edge the writer never touched).
        second = {"type": "RESPONSIBLE_FOR", "from": "unit:okonomi-og-indkob", "to": "task:lon",
                  "raci": "A", "source": "assumption", "confidence": "low"}
        body = problem(anna.post("/api/v1/edges", json=second), 422)
        sent = "RESPONSIBLE_FOR:unit:okonomi-og-indkob->task:lon"
        assert [e["loc"] for e in body["errors"]] == [["data", sent, "raci"]]
        assert "task task:lon has two accountable owners" in body["errors"][0]["msg"]
        problem(anna.post("/api/v1/nodes", content=b"{not json",
                          headers={"Content-Type": "application/json"}), 422)
        # Nothing was changed by any of this.
        assert anna.get(f"/api/v1/edges/{key}").status_code == 200
        assert anna.get("/api/v1/audit").json()["items"] == []


def test_the_audit_log_says_who_wrote_what_when(
    start_server: Callable[..., LiveServer], tmp_path: Path
) -> None:
    audit_file = tmp_path / "audit.jsonl"
    server = start_server(audit_file=audit_file)
    with server.client(ANNA) as anna, server.client(BO) as bo:
        anna.post("/api/v1/nodes", json=NEW_UNIT).raise_for_status()
        record, etag = read(bo, "/api/v1/nodes/unit:lonteam-test")
        bo.put("/api/v1/nodes/unit:lonteam-test", headers={"If-Match": etag},
               json={**record, "name": "Lønteam"}).raise_for_status()
        anna.post("/api/v1/edges", json=PART_OF).raise_for_status()

        page = anna.get("/api/v1/audit").json()
        log = page["items"]
        # With an audit file the log holds every write (a restart makes them again)
        assert page["kept_since"] is None
        assert [(e["seq"], e["actor"], e["action"], e["record_key"]) for e in log] == [
            (3, "anna", "create", "PART_OF:unit:lonteam-test->unit:organisation-og-politik"),
            (2, "bo", "update", "unit:lonteam-test"),
            (1, "anna", "create", "unit:lonteam-test")]
        assert log[1]["before"]["name"] == "Lønteamet" and log[1]["after"]["name"] == "Lønteam"
        assert log[2]["before"] is None and log[2]["after"] == NEW_UNIT
        assert log[0]["at"].endswith("Z") or log[0]["at"].endswith("+00:00")
        blank = anna.get("/api/v1/audit", params={"record": ""}).json()["items"]
        assert [e["seq"] for e in blank] == [3, 2, 1]  # a blank field asks for every record
        only = anna.get("/api/v1/audit", params={"record": "unit:lonteam-test"}).json()["items"]
        assert [e["seq"] for e in only] == [2, 1]
        assert [e["seq"] for e in anna.get("/api/v1/audit", params={
            "offset": 1, "limit": 1}).json()["items"]] == [2]
    lines = [json.loads(line) for line in audit_file.read_text(encoding="utf-8").splitlines()]
    assert [(e["seq"], e["actor"]) for e in lines] == [(1, "anna"), (2, "bo"), (3, "anna")]


@pytest.mark.parametrize("audit", [None, "audit.jsonl"])
def test_an_embedded_api_stopping_says_where_its_edits_go(
    start_server: Callable[..., LiveServer], tmp_path: Path, caplog: pytest.LogCaptureFixture,
    audit: str | None
) -> None:
    # Without an audit file the edits live in the process: stopping it without an export
    # lost them, silently. With one, the next start makes them again.
    server = start_server(audit_file=audit and tmp_path / audit)
    with server.client(ANNA) as anna:
        anna.post("/api/v1/nodes", json=NEW_UNIT).raise_for_status()
        kept_since = anna.get("/api/v1/audit").json()["kept_since"]
    with caplog.at_level(logging.INFO, logger="api"):
        server.stop()
    said = " ".join(r.getMessage() for r in caplog.records if r.name == "api")
    if audit is None:
        assert "1 edit(s) made over the API end with this process" in said
        assert "no audit file keeps what they were" in said
        assert kept_since is not None  # the log begins with the process: said to readers
    else:
        assert "end with this process" not in said
        assert f"1 edit(s) made over the API are kept in the audit file {tmp_path / audit}: " \
               "the next start makes them again" in said


def test_edits_exported_into_the_data_folder_are_not_said_to_end(
    start_server: Callable[..., LiveServer], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # The warning fired also after `export-data DATA --replace --url`: a false alarm.
    from orgmodel.cli import main

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[2] / "data" / "albertslund", data)
    server = start_server(data_dir=data)
    with server.client(ANNA) as anna:
        anna.post("/api/v1/nodes", json=NEW_UNIT).raise_for_status()
    assert main(["export-data", str(data), "--replace", "--url", server.url, "--token", ANNA]) == 0
    with caplog.at_level(logging.INFO, logger="api"):
        server.stop()
    said = " ".join(r.getMessage() for r in caplog.records if r.name == "api")
    assert "end with this process" not in said
    assert f"1 edit(s) made over the API are in the data folder {data}" in said


def test_huge_bodies_are_refused_before_they_are_read(editable_api: LiveServer) -> None:
    with editable_api.client(ANNA) as anna:
        body = problem(anna.post("/api/v1/nodes", content=b"x" * 2_000_000,
                                 headers={"Content-Type": "application/json"}), 413)
        assert "limited" in body["detail"]
    # ... but one without a token learns of the token first (the API client's probe: 413)
    with editable_api.client() as anonymous:
        problem(anonymous.post("/api/v1/nodes", content=b"x" * 2_000_000,
                               headers={"Content-Type": "application/json"}), 401)


def test_a_body_sent_in_chunks_is_held_to_the_same_limit(editable_api: LiveServer) -> None:
    big = {**NEW_UNIT, "description": "x" * 400_000, "note": "y" * 400_000,
           "aliases": ["z" * 300_000]}
    payload = json.dumps(big).encode()

    def chunks() -> Any:  # no Content-Length: the body arrives in pieces of 64 kB
        for start in range(0, len(payload), 65_536):
            yield payload[start:start + 65_536]

    with editable_api.client(ANNA) as anna:
        response = anna.post("/api/v1/nodes", content=chunks(),
                             headers={"Content-Type": "application/json"})
        assert response.request.headers.get("transfer-encoding") == "chunked"
        assert "limited" in problem(response, 413)["detail"]
        assert anna.get("/api/v1/nodes/unit:lonteam-test").status_code == 404  # nothing written


def test_a_write_without_a_token_is_refused_before_its_body_is_read(
        editable_api: LiveServer) -> None:
    with editable_api.client() as anonymous:
        for method, path in (("POST", "/api/v1/nodes"), ("PUT", "/api/v1/nodes/task:lon"),
                             ("PATCH", "/api/v1/nodes/task:lon"), ("POST", "/api/v1/changes"),
                             ("DELETE", "/api/v1/edges/x")):
            response = anonymous.request(method, path, content=b'{"broken',
                                         headers={"Content-Type": "application/json"})
            body = problem(response, 401)
            assert "JSON" not in response.text and "errors" not in body, (method, path)
        # A write to a read is the wrong method, whoever asks: not a missing token (401) or a
        # missing Content-Type (415), which sent the client looking for the wrong fix.
        for method in ("POST", "PATCH", "DELETE"):
            wrong = anonymous.request(method, "/api/v1/owners", params={"q": "løn"})
            assert problem(wrong, 405)["detail"] == (
                f"{method} is not taken here; this path takes GET, HEAD"), method
            assert wrong.headers["allow"] == "GET, HEAD", method
    with editable_api.client(ANNA) as anna:  # every method the path takes (it named the first)
        assert anna.patch("/api/v1/nodes").headers["allow"] == "GET, HEAD, POST"
        assert anna.post("/api/v1/nodes/task:lon").headers["allow"] == \
            "DELETE, GET, HEAD, PATCH, PUT"
    with editable_api.client(READER) as reader:
        problem(reader.post("/api/v1/nodes", content=b'{"broken',
                            headers={"Content-Type": "application/json"}), 403)
    with editable_api.client(ANNA) as anna:  # with a token, the body is read and judged
        assert problem(anna.post("/api/v1/nodes", content=b'{"broken',
                                 headers={"Content-Type": "application/json"}), 422)["errors"]


def test_a_body_not_sent_as_json_is_told_to_say_json_and_nothing_is_written(
        editable_api: LiveServer) -> None:
    # curl -d sends a form unless told otherwise: the answer names the header to add.
    body = json.dumps(NEW_UNIT).encode()
    with editable_api.client(ANNA) as anna:
        for content_type in ("application/x-www-form-urlencoded", "text/plain", None):
            headers = {"Content-Type": content_type} if content_type else {}
            response = anna.post("/api/v1/nodes", content=body, headers=headers)
            detail = problem(response, 415)["detail"]
            assert "Content-Type: application/json" in detail, content_type
            assert (content_type or "Content-Type") in detail
        assert anna.get("/api/v1/nodes/unit:lonteam-test").status_code == 404
        # Latin-1 bytes are no JSON text: the answer says to send UTF-8, not "an error
        # parsing the body"; broken JSON says where it broke.
        latin = json.dumps({**NEW_UNIT, "name": "Løn"}, ensure_ascii=False).encode("latin-1")
        unread = problem(anna.post("/api/v1/nodes", content=latin,
                                   headers={"Content-Type": "application/json"}), 400)
        assert "UTF-8" in unread["detail"]
        # ... and so is UTF-16 (json.loads read it by its byte order mark: a 422 "Expecting
        # value"), while UTF-8 with a byte order mark is read
        for utf16 in (json.dumps(NEW_UNIT).encode("utf-16"), b"\xff\xfe{}"):
            assert "UTF-8" in problem(anna.post("/api/v1/nodes", content=utf16, headers={
                "Content-Type": "application/json"}), 400)["detail"]
        marked = anna.post("/api/v1/nodes", content=b"\xef\xbb\xbf" + json.dumps(
            {**NEW_UNIT, "id": "unit:bom-test"}).encode(),
                           headers={"Content-Type": "application/json"})
        assert marked.status_code == 201, marked.text
        broken = problem(anna.post("/api/v1/nodes", content=b'{"id": "unit:x",}',
                                   headers={"Content-Type": "application/json"}), 422)
        assert broken["errors"][0]["msg"] == ("JSON decode error: Expecting property name "
                                              "enclosed in double quotes (at character 16)")
        # JSON in UTF-8 that Python cannot read as it is: the reason, not "send UTF-8".
        for unread_json, why in ((b'{"staff_count": ' + b"9" * 5000 + b"}",
                                  "more than 4300 digits"),
                                 (b"[" * 100_000 + b"]" * 100_000, "nested too deep")):
            deep = problem(anna.post("/api/v1/nodes", content=unread_json,
                                     headers={"Content-Type": "application/json"}), 422)
            assert why in deep["errors"][0]["msg"], deep
        # A key named twice is refused, not written with the last value (as a data file's is).
        twice = ('{"operations": [{"op": "put_node", "node": {"id": "unit:lonteam-test", '
                 '"kind": "Unit", "name": "Lønteam", "name": "Løn", "level": "team", '
                 '"source": "seed", "confidence": "low"}}]}')
        repeated = problem(anna.post("/api/v1/changes", content=twice.encode(),
                                     headers={"Content-Type": "application/json"}), 422)
        where = twice.rindex('"name"')  # the key named the second time, not its object
        assert repeated["errors"][0]["msg"] == ("JSON decode error: duplicate key 'name' in the "
                                                f"object (at character {where})")
        # ... also in a body that is one object (it said "at character 0", every time)
        one = twice[twice.index('{"id"'):-3]
        repeated = problem(anna.post("/api/v1/nodes", content=one.encode(),
                                     headers={"Content-Type": "application/json"}), 422)
        where = one.rindex('"name"')
        assert repeated["errors"][0]["msg"].endswith(f"(at character {where})")
        assert anna.get("/api/v1/nodes/unit:lonteam-test").status_code == 404
        # A node in a batch is located at its field, with no pydantic tag in between.
        bad = problem(anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_node", "node": {**NEW_UNIT, "level": "galaxy"}}]}), 422)
        assert bad["errors"][0]["loc"] == ["body", "operations", 0, "node", "level"]
        # A rule on the record as a whole points at the field it is about, as a data file's does.
        dated = problem(anna.post("/api/v1/nodes", json={**NEW_UNIT, "valid_from": "2025-01-01",
                                                         "valid_to": "2024-01-01"}), 422)
        assert dated["errors"][0]["loc"] == ["body", "valid_to"]
        raciless = {"type": "RESPONSIBLE_FOR", "from": "unit:organisation-og-politik",
                    "to": "task:lon", "source": "seed", "confidence": "low"}
        assert problem(anna.post("/api/v1/edges", json=raciless), 422)["errors"][0]["loc"] == [
            "body", "raci"]
        # A write takes one query parameter, its comment, and says so.
        unknown = problem(anna.post("/api/v1/nodes?dry_run=1", json=NEW_UNIT), 422)
        assert unknown["errors"][0]["msg"] == (
            "not a parameter of this endpoint (it takes: comment)")
        # ... and a batch none: its comment is in its body (not "it takes: none")
        unknown = problem(anna.post("/api/v1/changes?comment=x", json={"operations": []}), 422)
        assert unknown["errors"][0]["msg"] == (
            "not a parameter of this endpoint (it takes no parameters)")
        # An edge with its own id, replaced by a body that leaves the id out: the id is what
        # is missing (it blamed "type", saying the body "is" another edge).
        holding = {"id": "samarbejde:test-2", "type": "COLLABORATES_WITH",
                   "from": "unit:organisation-og-politik", "to": "unit:it-og-digitalisering",
                   "topic": "test", "source": "seed", "confidence": "low"}
        kept = anna.post("/api/v1/edges", json=holding)
        assert kept.status_code == 201, kept.text
        idless = {k: v for k, v in holding.items() if k != "id"}
        lacking = problem(anna.put("/api/v1/edges/samarbejde:test-2", json=idless,
                                   headers={"If-Match": kept.headers["etag"]}), 422)
        assert lacking["errors"][0]["loc"] == ["body", "id"]
        assert lacking["errors"][0]["msg"].endswith('add "id": "samarbejde:test-2"')
        # ... and it keeps its ends: moved in place, it would change whom it joined on every
        # day it held (a keyless edge's key is its ends, so it could not).
        moved = problem(anna.put("/api/v1/edges/samarbejde:test-2",
                                 json={**holding, "to": "unit:okonomi-og-indkob"},
                                 headers={"If-Match": kept.headers["etag"]}), 422)
        assert moved["errors"][0]["loc"] == ["data", "samarbejde:test-2", "to"]
        assert moved["errors"][0]["msg"].startswith("an edge keeps its to: to move it, end it")
        # null is none for the other names as for every field that may be left out
        nulled = anna.post("/api/v1/nodes", json={**NEW_UNIT, "id": "unit:uden-aliaser",
                                                  "aliases": None, "name_en": None})
        assert nulled.status_code == 201 and nulled.json()["record"].get("aliases", []) == []
        kindless = {k: v for k, v in NEW_UNIT.items() if k != "kind"}
        missing = problem(anna.post("/api/v1/nodes", json=kindless), 422)["errors"][0]
        assert missing["loc"] == ["body", "kind"] and missing["msg"].startswith(
            "kind is missing: a node is one of Asset, Body,")
        # a kind of no node names the field too (it was loc ["body"], pydantic's words)
        robot = problem(anna.post("/api/v1/nodes", json={**NEW_UNIT, "kind": "Robot"}),
                        422)["errors"][0]
        assert robot["loc"] == ["body", "kind"] and robot["msg"].startswith(
            "'Robot' is no kind of node: a node is one of Asset, Body,")
        answer = anna.post("/api/v1/nodes", content=body,
                           headers={"Content-Type": "application/json; charset=utf-8"})
        assert answer.status_code == 201, answer.text


def test_a_failing_operation_in_a_batch_is_named_by_its_index(editable_api: LiveServer) -> None:
    # A 404, 409 or 412 in a long batch says which operation it was, as a 422's loc does.
    with editable_api.client(ANNA) as anna:
        _, etag = read(anna, "/api/v1/nodes/task:lon")
        operations = [{"op": "put_node", "node": NEW_UNIT},
                      {"op": "put_edge", "edge": PART_OF},
                      {"op": "delete", "key": "task:lon", "if_match": '"stale"'}]
        body = problem(anna.post("/api/v1/changes", json={"operations": operations}), 412)
        assert body["operation"] == 2 and body["detail"].startswith("operations[2]: ")
        again = problem(anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_node", "node": {**NEW_UNIT, "id": "unit:organisation-og-politik"}}]}), 409)
        assert again["operation"] == 0
        single = problem(anna.request("DELETE", "/api/v1/nodes/task:lon",
                                      headers={"If-Match": '"stale"'}), 412)
        assert "operation" not in single  # one edit alone has no index to name
        assert anna.get("/api/v1/nodes/unit:lonteam-test").status_code == 404
        assert read(anna, "/api/v1/nodes/task:lon")[1] == etag


def test_a_replaced_edge_whose_body_names_another_edge_points_at_the_field(
        editable_api: LiveServer) -> None:
    with editable_api.client(ANNA) as anna:
        edges = anna.get("/api/v1/nodes/unit:organisation-og-politik").json()["edges"]
        collaboration = next(e for e in edges if e["type"] == "COLLABORATES_WITH" and e["topic"])
        path = "/api/v1/edges/" + quote(collaboration["key"], safe=":>")  # "#" is %23
        record, etag = read(anna, path)
        for field, value in (("topic", "et andet emne"), ("to", "unit:okonomi-og-indkob")):
            response = anna.put(path, headers={"If-Match": etag}, json={**record, field: value})
            assert problem(response, 422)["errors"][0]["loc"] == ["body", field], field
        # The same key with its "#" unescaped loses the topic: the 404 says how to write it.
        lost = anna.get("/api/v1/edges/" + collaboration["key"].split("#")[0])
        assert "%23" in problem(lost, 404)["detail"]


def test_a_year_in_which_a_task_changes_hands_says_so(editable_api: LiveServer) -> None:
    # "hvem havde ansvaret for indkøb i 2027?" named the owner of 1 July alone, though the
    # procurement moved to another unit on 1 March.
    key = "RESPONSIBLE_FOR:unit:okonomi-og-indkob->task:indkob"
    with editable_api.client(ANNA) as anna:
        edge, etag = read(anna, f"/api/v1/edges/{key}")
        moved = anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_edge", "edge": {**edge, "valid_to": "2027-02-28"}, "if_match": etag},
            {"op": "put_edge", "edge": {**edge, "from": "unit:it-og-digitalisering",
                                        "valid_from": "2027-03-01"}}]})
        assert moved.status_code == 200, moved.text
        answer = anna.get("/api/v1/owners",
                          params={"q": "hvem havde ansvaret for indkøb i 2027?"}).json()
        procurement = next(r for r in answer["results"] if r["task"]["id"] == "task:indkob")
        said = [n for n in procurement["notes"] if n["code"] == "owner_changes_in_year"]
        assert said and said[0]["da"] == (
            "Den ansvarlige (A) skifter i løbet af 2027: Økonomi og Indkøb til 28. februar → IT "
            "og Digitalisering fra 1. marts.")
        # A year it does not change in, and a day asked about, say nothing of it.
        for asked in ("hvem havde ansvaret for indkøb i 2025?", "indkøb 1. juni 2027"):
            quiet = anna.get("/api/v1/owners", params={"q": asked}).json()
            assert all(n["code"] != "owner_changes_in_year"
                       for r in quiet["results"] for n in r["notes"]), asked


def test_a_node_written_with_a_kle_number_no_topic_has_is_noted(editable_api: LiveServer) -> None:
    # orgmodel validate notes it; the API took it without a word.
    with editable_api.client(ANNA) as anna:
        odd = anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_node", "node": {**NEW_TASK, "kle": "99.99.99"}},
            {"op": "put_edge", "edge": ITS_OWNER}]})
        assert odd.status_code == 200, odd.text
        # ... and the task's owner begins with the merger: the days before are no one's
        assert odd.json()["notices"] == [
            f"{NEW_TASK['id']}: 99.99.99 is no topic of the KLE catalogue: check the number",
            f"{NEW_TASK['id']}: no accountable owner until 2022-12-31: who-owns names no one "
            "accountable then; add a RESPONSIBLE_FOR edge with raci A to it, or let the task "
            "begin when its owner does (valid_from: 2023-01-01)"]
        assert odd.json()["notices_da"][1].endswith(
            "eller lad opgaven begynde, når dens ansvarlige gør (valid_from: 2023-01-01)")
        record, etag = read(anna, f"/api/v1/nodes/{NEW_TASK['id']}")
        saved = anna.put(f"/api/v1/nodes/{NEW_TASK['id']}", headers={"If-Match": etag},
                         json={**record, "name": "Sygefravær"})
        assert saved.status_code == 200, saved.text
        assert saved.json()["notices"][0] == \
            "99.99.99 is no topic of the KLE catalogue: check the number"
        fine = anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_node", "node": {**NEW_UNIT, "valid_from": "2024-01-01"}},
            {"op": "put_edge", "edge": PART_OF}]})
        assert fine.status_code == 200 and fine.json()["notices"] == []


def test_a_replace_that_leaves_fields_out_says_which_are_gone(editable_api: LiveServer) -> None:
    # The administrator's probe: a PUT of the fields to change alone took the aliases, both
    # descriptions, the English name and the note with it, and answered "notices": [].
    with editable_api.client(ANNA) as anna:
        record, etag = read(anna, "/api/v1/nodes/post:kontraktansvarlig")
        assert {"aliases", "description", "name_en"} <= set(record)
        bare = {key: record[key] for key in ("id", "kind", "name", "source", "confidence")}
        saved = anna.put("/api/v1/nodes/post:kontraktansvarlig", headers={"If-Match": etag},
                         json={**bare, "name": "Kontraktansvarlig (udbud og indkøb)"})
        assert saved.status_code == 200, saved.text
        renamed, notice = saved.json()["notices"]  # (the new name holds on every date)
        assert renamed.startswith("name changed: ")
        gone = notice.removeprefix("the record had ").split(", which")[0].split(", ")
        assert set(gone) == set(record) - set(bare)
        assert saved.json()["notices_da"][1].startswith("posten havde name_en, aliases")
        # the whole record sent again: nothing is said to be gone
        again = anna.put("/api/v1/nodes/post:kontraktansvarlig",
                         headers={"If-Match": saved.headers["etag"]},
                         json={**record, "name": "Kontraktansvarlig (udbud)"})
        assert again.status_code == 200, again.text
        assert [n[:13] for n in again.json()["notices"]] == ["name changed:"]


def test_a_unit_left_belonging_to_nothing_is_noted(editable_api: LiveServer) -> None:
    # A unit created over the API could hang under nothing without a word, and ending a unit
    # left its posts under nothing from the next day: the org chart lost them.
    team = {**NEW_UNIT, "valid_from": "2024-01-01"}
    post = {"id": "post:lonkonsulent-test", "kind": "Post", "name": "Lønkonsulent",
            "valid_from": "2024-01-01", "source": "seed", "confidence": "low"}
    post_in = {"type": "POST_IN", "from": post["id"], "to": team["id"], "source": "seed",
               "confidence": "low"}
    with editable_api.client(ANNA) as anna:
        alone = anna.post("/api/v1/nodes", json=team)
        assert alone.status_code == 201, alone.text
        assert alone.json()["notices"] == [
            "part of nothing: the org chart leaves it out and its reporting line stops at it; "
            "add a PART_OF edge from it to the unit or organisation it belongs to"]
        # ... and in Danish, as validate says it
        assert alone.json()["notices_da"] == [
            "del af intet: organisationsdiagrammet udelader den, og dens referencelinje stopper "
            "ved den; tilføj en PART_OF-relation fra den til den enhed eller organisation, den "
            "hører under"]
        placed = anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_edge", "edge": PART_OF}, {"op": "put_node", "node": post},
            {"op": "put_edge", "edge": post_in}]})
        assert placed.status_code == 200 and placed.json()["notices"] == [], placed.text
        ended = end_node(anna, team["id"], "2030-12-31")
        assert ended.status_code == 200, ended.text
        assert ended.json()["notices"] == [
            "post:lonkonsulent-test: in no unit from 2031-01-01: the org chart leaves it out "
            "and its reporting line stops at it; add a POST_IN edge from it to its unit (or "
            "body or forum)"]
        # Moved to another unit from that day, nothing is left loose.
        moved = anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_edge", "edge": {**post_in, "id": "lonkonsulent-flyttet",
                                        "to": "unit:okonomi-og-indkob",
                                        "valid_from": "2031-01-01"}}]})
        assert moved.status_code == 200 and moved.json()["notices"] == [], moved.text
        # Moved without an end on the edge it left: in two units from that day, said.
        twice = anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_edge", "edge": {**post_in, "id": "lonkonsulent-igen",
                                        "to": "unit:it-og-digitalisering",
                                        "valid_from": "2032-01-01"}}]})
        assert twice.status_code == 200, twice.text
        assert [n.split(": ")[:3] for n in twice.json()["notices"]] == [
            ["lonkonsulent-igen", "in two units from 2032-01-01",
             "unit:okonomi-og-indkob and unit:it-og-digitalisering; the org chart draws it under "
             "one of them and its reporting line follows one; a post that moved"]]
        assert twice.json()["notices_da"][0].startswith(
            "lonkonsulent-igen: i to enheder fra 2032-01-01: unit:okonomi-og-indkob og ")


def test_an_edge_written_alone_says_what_it_leaves_as_a_batch_does(
        editable_api: LiveServer) -> None:
    # The administrator's probe: ending a unit's PART_OF edge by a PATCH said nothing, while
    # the same edit in a batch said the unit would be part of nothing; and a holder dated
    # before the post began was taken without a word.
    key = "PART_OF:unit:stabsfunktion->org:albertslund-kommune"
    with editable_api.client(ANNA) as anna:
        _, etag = read(anna, f"/api/v1/edges/{key}")
        ended = anna.patch(f"/api/v1/edges/{key}", headers={"If-Match": etag},
                           json={"valid_to": "2030-12-31"})
        assert ended.status_code == 200, ended.text
        assert [n.split(": ")[:2] for n in ended.json()["notices"]] == [
            ["unit:stabsfunktion", "part of nothing from 2031-01-01"]]
        assert ended.json()["notices_da"][0].startswith(
            "unit:stabsfunktion: del af intet fra 2031-01-01")
        holder = {"type": "HOLDS", "from": "person:henrik-harder",
                  "to": "post:enhedsleder-organisation-og-politik", "valid_from": "2022-06-01",
                  "valid_to": "2023-06-30", "source": "seed", "confidence": "low"}
        early = anna.post("/api/v1/edges", json=holder)
        assert early.status_code == 201, early.text
        said = "\n".join(early.json()["notices"])
        assert ("begins 2022-06-01, before post:enhedsleder-organisation-og-politik does "
                "(2023-01-01)") in said
        # a write that leaves nothing to note says nothing
        _, etag = read(anna, f"/api/v1/edges/{key}")
        kept = anna.patch(f"/api/v1/edges/{key}", headers={"If-Match": etag},
                          json={"valid_to": None})
        assert kept.status_code == 200 and kept.json()["notices"] == [], kept.text


def test_ending_an_organisation_notes_the_units_it_leaves_without_a_place(
        editable_api: LiveServer) -> None:
    # Any node given an end is read for what belongs under it, not only a unit or post.
    org = {"id": "org:samarbejde-test", "kind": "Organisation", "name": "Fællesskabet",
           "source": "seed", "confidence": "low"}
    unit = {**NEW_UNIT, "id": "unit:faelles-test", "name": "Fælles team",
            "valid_from": "2024-01-01"}
    under = {**PART_OF, "from": unit["id"], "to": org["id"]}
    with editable_api.client(ANNA) as anna:
        made = anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_node", "node": org}, {"op": "put_node", "node": unit},
            {"op": "put_edge", "edge": under}]})
        assert made.status_code == 200 and made.json()["notices"] == [], made.text
        ended = end_node(anna, org["id"], "2029-12-31")
        assert ended.status_code == 200, ended.text
        assert [n.split(": ")[:2] for n in ended.json()["notices"]] == [
            ["unit:faelles-test", "part of nothing from 2030-01-01"]]


def test_a_patch_changes_the_fields_it_names_and_keeps_the_rest(
        editable_api: LiveServer) -> None:
    # An administrator's client sent only what changed (PATCH): there was no PATCH, and a PUT
    # of those fields alone took the others with it.
    with editable_api.client(ANNA) as anna:
        record, etag = read(anna, "/api/v1/nodes/task:lon")
        assert "mailbox" in record and record["aliases"]
        patched = anna.patch("/api/v1/nodes/task:lon", headers={
            "If-Match": etag, "Content-Type": "application/merge-patch+json"},
            content=json.dumps({"name_en": "Payroll and pay", "mailbox": None}))
        assert patched.status_code == 200, patched.text
        assert patched.json()["notices"] == []
        assert patched.headers["accept-patch"] == "application/merge-patch+json"
        now, new_etag = read(anna, "/api/v1/nodes/task:lon")
        assert record_tag(new_etag) == record_tag(patched.headers["etag"]) != record_tag(etag)
        assert now == {**{k: v for k, v in record.items() if k != "mailbox"},
                       "name_en": "Payroll and pay"}
        entry = anna.get("/api/v1/audit").json()["items"][0]
        assert (entry["action"], entry["record_key"]) == ("update", "task:lon")
        assert entry["before"]["mailbox"] and "mailbox" not in entry["after"]
        # The answers follow: searched in English by its new name
        assert anna.get("/api/v1/search", params={"q": "payroll and pay"}).json()[
            "results"][0]["id"] == "task:lon"
        # The same ETag again is stale: what it patched is gone
        stale = problem(anna.patch("/api/v1/nodes/task:lon", headers={"If-Match": etag},
                                   json={"name_en": "Pay"}), 412)
        assert "changed since it was read" in stale["detail"]
        problem(anna.patch("/api/v1/nodes/task:lon", json={"name_en": "Pay"}), 428)
        problem(anna.patch("/api/v1/nodes/task:lonn", headers={"If-Match": new_etag},
                           json={"name_en": "Pay"}), 404)
    with editable_api.client() as anonymous:
        problem(anonymous.patch("/api/v1/nodes/task:lon", headers={"If-Match": new_etag},
                                json={"name_en": "Pay"}), 401)


def test_a_new_name_or_title_says_it_holds_on_every_date(editable_api: LiveServer) -> None:
    # The administrator's probe: a post's title patched showed on 2020-01-01 too, unsaid.
    with editable_api.client(ANNA) as anna:
        _, etag = read(anna, "/api/v1/nodes/post:kontraktansvarlig")
        renamed = anna.patch("/api/v1/nodes/post:kontraktansvarlig", headers={"If-Match": etag},
                             json={"name": "Udbudskonsulent"})
        assert renamed.status_code == 200, renamed.text
        [notice] = renamed.json()["notices"]
        assert notice.startswith("name changed: it holds on every date of the record, those "
                                 "before the change too")
        assert renamed.json()["notices_da"][0].startswith("navnet er ændret: det gælder på alle")
        # a change of something else says nothing of it
        _, etag = read(anna, "/api/v1/nodes/post:kontraktansvarlig")
        noted = anna.patch("/api/v1/nodes/post:kontraktansvarlig", headers={"If-Match": etag},
                           json={"note": "Omdøbt efter aftale."})
        assert noted.status_code == 200 and noted.json()["notices"] == [], noted.text


def test_a_patch_that_makes_a_wrong_record_names_the_field_and_changes_nothing(
        editable_api: LiveServer) -> None:
    with editable_api.client(ANNA) as anna:
        record, etag = read(anna, "/api/v1/nodes/unit:organisation-og-politik")
        for patch, field in (({"level": "galakse"}, "level"), ({"name": None}, "name"),
                             ({"id": "unit:andet"}, "id"), ({"nam": "X"}, "nam"),
                             ({"staff_count": "mange"}, "staff_count")):
            body = problem(anna.patch("/api/v1/nodes/unit:organisation-og-politik",
                                      headers={"If-Match": etag}, json=patch), 422)
            assert field in [part for error in body["errors"] for part in error["loc"]], body
        body = problem(anna.patch("/api/v1/nodes/unit:organisation-og-politik",
                                  headers={"If-Match": etag}, json=["name", "X"]), 422)
        assert body["errors"][0]["loc"] == ["body"]
        # A JSON Patch (RFC 6902) is not what it takes, and it says what is
        wrong = anna.patch("/api/v1/nodes/unit:organisation-og-politik", headers={
            "If-Match": etag, "Content-Type": "application/json-patch+json"},
            content=json.dumps([{"op": "replace", "path": "/name", "value": "X"}]))
        assert "JSON merge patch (RFC 7396" in problem(wrong, 415)["detail"]
        assert wrong.headers["accept-patch"] == "application/merge-patch+json"
        # ... and a kind does not change (its id names it too)
        kind = problem(anna.patch("/api/v1/nodes/unit:organisation-og-politik",
                                  headers={"If-Match": etag}, json={"kind": "Task"}), 422)
        assert kind["errors"][0]["loc"] == ["body", "kind"]
        assert kind["errors"][0]["msg"].startswith("a node's kind cannot change (Unit)")
        assert read(anna, "/api/v1/nodes/unit:organisation-og-politik") == (record, etag)
        assert anna.get("/api/v1/audit").json()["items"] == []


def test_a_patch_of_an_edge_keeps_its_key_and_the_rules(editable_api: LiveServer) -> None:
    key = "RESPONSIBLE_FOR:unit:organisation-og-politik->task:lon"
    with editable_api.client(ANNA) as anna:
        record, etag = read(anna, f"/api/v1/edges/{key}")
        assert record["raci"] == "A"
        body = problem(anna.patch(f"/api/v1/edges/{key}", headers={"If-Match": etag},
                                  json={"to": "task:budget"}), 422)
        assert body["errors"][0]["loc"] == ["body", "to"]
        # The only accountable owner made responsible: the task would have none
        problem(anna.patch(f"/api/v1/edges/{key}", headers={"If-Match": etag},
                           json={"raci": "R"}), 422)
        changed = anna.patch(f"/api/v1/edges/{key}", headers={"If-Match": etag},
                             json={"note": "Bekræftet af lønchefen"})
        assert changed.status_code == 200, changed.text
        assert changed.json()["record"] == {**record, "note": "Bekræftet af lønchefen"}
        # A node's id on the edges' path, and an edge's key on the nodes', are told apart
        problem(anna.patch("/api/v1/edges/task:lon", headers={"If-Match": etag},
                           json={"note": "x"}), 412)
        problem(anna.patch(f"/api/v1/nodes/{key}", headers={"If-Match": changed.headers[
            "etag"]}, json={"note": "x"}), 404)


def test_a_node_named_as_another_of_its_kind_is_noted_as_validate_notes_it(
        editable_api: LiveServer) -> None:
    # The administrator's probe: a second "Lønteamet" was written without a word, though
    # `orgmodel validate` notes it; a question naming it then met both.
    with editable_api.client(ANNA) as anna:
        anna.post("/api/v1/nodes", json=NEW_UNIT).raise_for_status()
        twin = anna.post("/api/v1/nodes", json={**NEW_UNIT, "id": "unit:lonteam-test-2",
                                                "name": "lønteamet"})
        assert twin.status_code == 201, twin.text
        assert [n[:44] for n in twin.json()["notices"]] == [
            "the same name as unit:lonteam-test (at api-e", "part of nothing: the org chart le"
            "aves it out"]
        assert twin.json()["notices_da"][0].startswith("samme navn som unit:lonteam-test")
        # A name that tells them apart, given by a PATCH, is no notice
        renamed = anna.patch("/api/v1/nodes/unit:lonteam-test-2", json={"name": "Lønteam 2"},
                             headers={"If-Match": twin.headers["etag"]})
        assert [n[:16] for n in renamed.json()["notices"]] == ["part of nothing:",
                                                                "name changed: it"]
        # One that follows the other (the first ends before it begins) is none either
        record, etag = read(anna, "/api/v1/nodes/unit:lonteam-test")
        ended = anna.put("/api/v1/nodes/unit:lonteam-test", headers={"If-Match": etag},
                         json={**record, "valid_to": "2026-12-31"})
        assert ended.status_code == 200, ended.text
        after = anna.patch("/api/v1/nodes/unit:lonteam-test-2", json={
            "name": "Lønteamet", "valid_from": "2027-01-01"},
            headers={"If-Match": renamed.headers["etag"]})
        assert after.status_code == 200, after.text
        assert not [n for n in after.json()["notices"] if "same name" in n]


def test_a_new_task_whose_owner_begins_after_it_is_noted(editable_api: LiveServer) -> None:
    # The administrator's probe: a task owned by a unit that begins a year later was taken
    # without a word; `validate` notes its year with no one accountable.
    later = {**NEW_UNIT, "valid_from": "2027-01-01"}
    with editable_api.client(ANNA) as anna:
        answer = anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_node", "node": later},
            {"op": "put_edge", "edge": PART_OF},
            {"op": "put_node", "node": NEW_TASK},
            {"op": "put_edge", "edge": {**ITS_OWNER, "from": "unit:lonteam-test"}}]})
        assert answer.status_code == 200, answer.text
        [notice] = [n for n in answer.json()["notices"] if "accountable" in n]
        assert notice.startswith("task:ny-opgave-test: no accountable owner until 2026-12-31")


def test_an_owner_dated_to_begin_later_than_its_task_needs_is_named_as_the_fault(
        editable_api: LiveServer) -> None:
    # The administrator's probe: an accountable edge dated to begin a year late was told the
    # task "would have no accountable owner from 2023-01-01 (for-sammenlaegning-lon ends
    # 2022-12-31)": an edge no one touched, ended years before; not the owner's start date.
    key = "RESPONSIBLE_FOR:unit:organisation-og-politik->task:lon"
    with editable_api.client(ANNA) as anna:
        _, etag = read(anna, f"/api/v1/edges/{key}")
        late = problem(anna.patch(f"/api/v1/edges/{key}", headers={"If-Match": etag},
                                  json={"valid_from": "2024-01-01"}), 422)["errors"]
        assert [error["loc"] for error in late] == [["data", key]]
        assert late[0]["msg"] == (
            f"the accountable owner of task task:lon begins too late: {key} begins 2024-01-01, "
            "after 2023-01-01, so the task would have no accountable owner from 2023-01-01 to "
            "2023-12-31; let it begin on 2023-01-01 at the latest (valid_from), or give the "
            "task another (RESPONSIBLE_FOR with raci A) for those days in the same change")
        assert late[0]["msg_da"].startswith(
            f"den ansvarlige (A) for opgaven task:lon begynder for sent: {key} begynder "
            "2024-01-01, efter 2023-01-01, så opgaven ville stå uden ansvarlig (A) fra "
            "2023-01-01 til 2023-12-31; lad den begynde senest 2023-01-01 (valid_from)")
        # A hand-over to a new owner that begins after the old one ends names the new one's
        # first day, and what ends, against the days between (it was told only what ends).
        record, etag = read(anna, f"/api/v1/edges/{key}")
        new_unit = {**NEW_UNIT, "level": "enhed", "valid_from": "2027-03-01"}
        batch = problem(anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_node", "node": new_unit},
            {"op": "put_edge", "edge": {**PART_OF, "valid_from": "2027-03-01"}},
            {"op": "put_edge", "edge": {"type": "RESPONSIBLE_FOR", "from": NEW_UNIT["id"],
                                        "to": "task:lon", "raci": "A", "source": "seed",
                                        "confidence": "low"}},
            {"op": "put_edge", "edge": {**record, "valid_to": "2026-12-31"},
             "if_match": etag}]}), 422)["errors"]
        assert [error["loc"] for error in batch] == [["data", "task:lon"]]
        assert batch[0]["msg"].startswith(
            "the accountable owner of task task:lon begins too late: unit:lonteam-test begins "
            "2027-03-01, after 2027-01-01, so the task would have no accountable owner from "
            f"2027-01-01 to 2027-02-28 ({key} ends 2026-12-31); let it begin on 2027-01-01")
        assert batch[0]["msg_da"].startswith(
            "den ansvarlige (A) for opgaven task:lon begynder for sent: unit:lonteam-test "
            "begynder 2027-03-01")
        # An end alone is still told as the end it is.
        ended = problem(anna.patch(f"/api/v1/edges/{key}", headers={"If-Match": etag},
                                   json={"valid_to": "2026-12-31"}), 422)["errors"]
        assert ended[0]["msg"].startswith(
            f"task task:lon would have no accountable owner from 2027-01-01 ({key} ends "
            "2026-12-31): give it another")
        assert anna.get("/api/v1/audit").json()["items"] == []


def test_a_patch_of_a_holdings_dates_is_told_at_the_date_it_changed(
        editable_api: LiveServer) -> None:
    # The administrator's probe: a PATCH of valid_to that ran a mayor's holding into the next
    # one's was refused at valid_from, a field the client never sent (the rule is said at the
    # later holding's start); and a PATCH of valid_from past the end at valid_to.
    key = "HOLDS:person:steen-christiansen->post:borgmester"
    with editable_api.client(ANNA) as anna:
        record, etag = read(anna, f"/api/v1/edges/{key}")
        assert (record["valid_from"], record["valid_to"]) == ("2010-01-01", "2025-12-31")
        for patch in ({"valid_to": "2026-06-30"}, {"valid_to": None}):
            body = problem(anna.patch(f"/api/v1/edges/{key}", headers={"If-Match": etag},
                                      json=patch), 422)
            assert [error["loc"] for error in body["errors"]] == [["data", key, "valid_to"]]
            assert body["errors"][0]["msg"] == (
                "post post:borgmester has two holders from 2026-01-01: person:steen-christiansen "
                "and person:lars-gravgaard-hansen; end the first holding with valid_to")
            assert body["errors"][0]["msg_da"].startswith("stillingen post:borgmester har to ")
        # ... and a PUT that moves the same date is told the same
        body = problem(anna.put(f"/api/v1/edges/{key}", headers={"If-Match": etag},
                                json={**record, "valid_to": "2026-06-30"}), 422)
        assert [error["loc"] for error in body["errors"]] == [["data", key, "valid_to"]]
        body = problem(anna.patch(f"/api/v1/edges/{key}", headers={"If-Match": etag},
                                  json={"valid_from": "2026-06-01"}), 422)
        assert [(error["loc"], error["msg"]) for error in body["errors"]] == [
            (["body", "valid_from"], "valid_to 2025-12-31 is before valid_from 2026-06-01")]
        # The later holding moved to begin earlier is told at the valid_from it changed.
        later = "HOLDS:person:lars-gravgaard-hansen->post:borgmester"
        _, later_etag = read(anna, f"/api/v1/edges/{later}")
        body = problem(anna.patch(f"/api/v1/edges/{later}", headers={"If-Match": later_etag},
                                  json={"valid_from": "2025-06-30"}), 422)
        assert [error["loc"] for error in body["errors"]] == [["data", later, "valid_from"]]
        assert anna.get("/api/v1/audit").json()["items"] == []


def test_a_stale_write_names_the_latest_write_of_the_record_in_the_audit_log(
        editable_api: LiveServer) -> None:
    # The administrator's probe: a 412 named no audit entry, so the client could not find
    # what had changed the record since its ETag.
    key = "RESPONSIBLE_FOR:unit:organisation-og-politik->task:lon"
    with editable_api.client(ANNA) as anna, editable_api.client(BO) as bo:
        _, etag = read(anna, "/api/v1/nodes/task:lon")
        bo.patch("/api/v1/nodes/task:lon", headers={"If-Match": etag}, params={
            "comment": "Engelsk navn rettet"}, json={"name_en": "Pay"}).raise_for_status()
        entry = anna.get("/api/v1/audit", params={"record": "task:lon"}).json()["items"][0]
        for answer in (anna.patch("/api/v1/nodes/task:lon", headers={"If-Match": etag},
                                  json={"name_en": "Salaries"}),
                       anna.put("/api/v1/nodes/task:lon", headers={"If-Match": etag},
                                json={"id": "task:lon", "kind": "Task", "name": "Løn",
                                      "source": "seed", "confidence": "high"}),
                       anna.delete("/api/v1/nodes/task:lon", headers={"If-Match": etag})):
            body = problem(answer, 412)
            assert body["last_write"] == {
                "seq": entry["seq"], "at": entry["at"], "actor": "bo", "action": "update",
                "record_key": "task:lon", "change": entry["seq"],
                "comment": "Engelsk navn rettet"}
            assert body["detail"] == (
                f"'task:lon' has changed since it was read (stale ETag); the latest write of it "
                f"in the audit log: #{entry['seq']}, update by bo at {entry['at'][:19]}+00:00 "
                "(GET /api/v1/audit?record=task:lon); read it again and redo the change")
        # In a batch too, for the operation that failed; an edge's key is named as it is
        # written in a URL.
        _, edge_etag = read(anna, f"/api/v1/edges/{key}")
        bo.patch(f"/api/v1/edges/{key}", headers={"If-Match": edge_etag},
                 json={"note": "Bekræftet"}).raise_for_status()
        body = problem(anna.post("/api/v1/changes", json={"operations": [
            {"op": "put_node", "node": NEW_UNIT},
            {"op": "delete", "key": key, "if_match": edge_etag}]}), 412)
        assert body["operation"] == 1 and body["last_write"]["record_key"] == key
        assert body["last_write"]["seq"] == entry["seq"] + 1
        assert f"(GET /api/v1/audit?record={quote(key, safe=':')})" in body["detail"]
        # A record no write of the log changed says so; what is no ETag names no write.
        body = problem(anna.patch("/api/v1/nodes/task:budget", json={"name_en": "Budgets"},
                                  headers={"If-Match": '"' + "0" * 32 + '"'}), 412)
        assert "last_write" not in body
        assert body["detail"].endswith("; the audit log holds no write of it (changed by a load "
                                       "or outside the API, or before the log begins); read it "
                                       "again and redo the change")
        junk = problem(anna.patch("/api/v1/nodes/task:lon", json={"name_en": "x"},
                                  headers={"If-Match": "garbage"}), 412)
        assert "last_write" not in junk and "audit" not in junk["detail"]
        schema = anna.get("/openapi.json").json()["components"]["schemas"]
        assert "last_write" in schema["ProblemDetails"]["properties"]
