"""``orgmodel history``: the audit log of writes, read from a running API or from the store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from httpapi import ANNA, BO, READER, LiveServer

from api.responses import record_tag
from orgmodel.cli import main

DATA = Path(__file__).resolve().parents[2] / "data" / "albertslund"
NEW_TEAM = {"id": "unit:historik-test", "kind": "Unit", "name": "Historikteamet", "level": "team",
            "source": "assumption", "confidence": "low"}


def test_history_from_a_running_api_says_who_changed_which_field(
    start_server: Callable[..., LiveServer], capsys: pytest.CaptureFixture[str],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    audit_file = tmp_path / "audit.jsonl"
    server = start_server(audit_file=audit_file)
    with server.client(ANNA) as anna, server.client(BO) as bo:
        record = anna.get("/api/v1/nodes/task:lon")
        anna.put("/api/v1/nodes/task:lon", headers={"If-Match": record.headers["etag"]},
                 json={**record.json()["record"], "name_en": "Payroll (salaries)",
                       "aliases": [*record.json()["record"]["aliases"], "lønkørsel"]},
                 ).raise_for_status()
        bo.post("/api/v1/nodes", json=NEW_TEAM).raise_for_status()
    assert main(["history", "--url", server.url, "--token", ANNA, "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # newest first: bo's creation, then anna's update with the fields it changed
    assert lines[0].startswith("#2 ") and lines[0].endswith("bo  create  unit:historik-test")
    # ... with what the record said (the administrator's probe: a new owner's raci and
    # valid_from were in --json alone)
    assert lines[1:6] == ["  created: Historikteamet", "  confidence: 'low'", "  kind: 'Unit'",
                          "  level: 'team'", "  source: 'assumption'"]
    assert lines[6].startswith("#1 ") and lines[6].endswith("anna  update  task:lon")
    assert lines[7:] == ["  aliases: + 'lønkørsel'",
                         "  name_en: 'Payroll' → 'Payroll (salaries)'"]

    # A list cut at --limit says so, and how to see more.
    assert main(["history", "--url", server.url, "--token", ANNA, "--limit", "1",
                 "--lang", "en"]) == 0
    told = capsys.readouterr()
    assert told.out.startswith("#2 ") and "#1 " not in told.out
    assert "orgmodel: changes 1–1 of 2, newest first; --offset 1 shows the next" in told.err
    # ... and read on from there (the administrator's probe: --offset was unknown)
    assert main(["history", "--url", server.url, "--token", ANNA, "--limit", "1", "--offset",
                 "1", "--lang", "en"]) == 0
    told = capsys.readouterr()
    assert told.out.startswith("#1 ")
    assert "orgmodel: changes" not in told.err  # the last page: nothing more to see
    # ... and a page that is the whole log says nothing more either
    assert main(["history", "--url", server.url, "--token", ANNA, "--limit", "2",
                 "--lang", "en"]) == 0
    assert "--offset" not in capsys.readouterr().err
    assert main(["history", "task:lon", "--url", server.url, "--token", ANNA, "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["seq"], e["actor"], e["record_key"]) for e in entries] == [(1, "anna", "task:lon")]
    assert main(["history", "task:budget", "--url", server.url, "--token", ANNA]) == 0
    # (the administrator's probe: a unit whose edges changed read as never changed)
    assert capsys.readouterr().out == (
        "Ingen ændringer af task:budget i loggen; ændringer af dens relationer: "
        "orgmodel history --with-edges task:budget\n")
    assert main(["history", "task:budget", "--with-edges", "--url", server.url,
                 "--token", ANNA]) == 0
    assert capsys.readouterr().out == "Ingen ændringer af task:budget i loggen.\n"
    edge = "USES:task:lon->system:opus-lon"
    assert main(["history", edge, "--url", server.url, "--token", ANNA, "--lang", "en"]) == 0
    told = capsys.readouterr()
    assert told.out == f"No changes to {edge} in the log.\n"
    # With an audit file, the log holds every write (a restart makes them again): no note.
    assert told.err == ""
    # A mistyped id is not "never changed": the API answers 404, with what it looked for ...
    with server.client(ANNA) as anna:
        typo = anna.get("/api/v1/audit", params={"record": "task:budgett"})
        assert typo.status_code == 404
        assert typo.json()["detail"] == ("no record with id or key 'task:budgett' in the graph, "
                                         "and no write of it in the audit log; did you mean "
                                         "'task:budget' (Budgetter)?")
        # ... while a record never edited since the load has an empty page, as has a page
        # past the last of one that was.
        assert anna.get("/api/v1/audit", params={"record": "task:budget"}).json()["items"] == []
        assert anna.get("/api/v1/audit", params={"record": "task:lon", "offset": 5}
                        ).json()["items"] == []
    # ... and the command says the id is unknown, and fails.
    for typo in ("task:budgett", "USES:task:lon->system:opus"):
        assert main(["history", typo, "--url", server.url, "--token", ANNA, "--lang", "en"]) == 1
        assert capsys.readouterr().err == (
            f"orgmodel: unknown id: {typo} is neither in the graph nor in the log\n")

    # A node's history with its edges: the writes of the edges keyed with it at an end too.
    uses = {"type": "USES", "from": "task:lon", "to": "system:rollebi", "source": "seed",
            "confidence": "low"}
    # ... and of an edge with an id of its own, by its ends (its key names neither: left out)
    with server.client(ANNA) as anna:
        anna.post("/api/v1/edges", json=uses).raise_for_status()
        anna.post("/api/v1/edges", json={**uses, "id": "edge:lon-aula", "to": "system:aula"}
                  ).raise_for_status()
        keys = [e["record_key"] for e in anna.get(
            "/api/v1/audit", params={"record": "task:lon", "with_edges": "true"}).json()["items"]]
    assert keys == ["edge:lon-aula", "USES:task:lon->system:rollebi", "task:lon"]
    assert main(["history", "task:lon", "--with-edges", "--url", server.url, "--token", ANNA,
                 "--json"]) == 0
    assert [e["seq"] for e in json.loads(capsys.readouterr().out)] == [4, 3, 1]
    assert main(["history", "task:lon", "--url", server.url, "--token", ANNA, "--json"]) == 0
    assert [e["seq"] for e in json.loads(capsys.readouterr().out)] == [1]

    # The API's audit file tells the same, with no API running (it outlives the process).
    monkeypatch.delenv("NEO4J_URI", raising=False)
    server.stop()
    assert main(["history", "--file", str(audit_file), "--lang", "en"]) == 0
    told_lines = capsys.readouterr().out.splitlines()
    assert told_lines[0].startswith("#4 ") and told_lines[-len(lines):] == lines
    assert main(["history", "task:lon", "--with-edges", "--file", str(audit_file),
                 "--json"]) == 0
    assert [e["seq"] for e in json.loads(capsys.readouterr().out)] == [4, 3, 1]
    monkeypatch.setenv("ORGMODEL_AUDIT_FILE", str(audit_file))
    assert main(["history", "unit:historik-test", "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines() == lines[:6]
    # Beside an audit file, the data folder tells a mistyped id from one never changed.
    assert main(["history", "task:lnn"]) == 1
    assert "ukendt id: task:lnn findes hverken i grafen eller i loggen" in capsys.readouterr().err


def test_a_damaged_audit_file_is_named_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    damaged = tmp_path / "audit.jsonl"
    damaged.write_text('{"seq": 1, "at": "2026-01-01T00:00:00Z", "actor": "anna", '
                       '"action": "update", "record_key": "task:lon"}\n{"seq": "two"}\n',
                       encoding="utf-8")
    # The damaged line is named and skipped; the entries around it are still told.
    assert main(["history", "--file", str(damaged), "--lang", "en"]) == 0
    told = capsys.readouterr()
    assert f"{damaged}:2: not an audit entry, skipped: seq:" in told.err
    assert told.out.startswith("#1  2026-01-01 00:00:00 UTC  anna  update  task:lon")
    assert main(["history", "--file", str(damaged)]) == 0  # in Danish, the default
    told = capsys.readouterr()
    assert ":2: ikke en auditpost, sprunget over" in told.err
    assert "  anna  ret  task:lon" in told.out
    assert main(["history", "--file", str(tmp_path / "missing.jsonl"), "--lang", "en"]) == 1
    # worded as export-data --audit-file words it (it said "[Errno 2] …: '/…/missing.jsonl'")
    assert capsys.readouterr().err == (f"orgmodel: cannot read the audit file "
                                       f"{tmp_path / 'missing.jsonl'}: No such file or directory\n")
    assert main(["history", "--file", str(tmp_path / "missing.jsonl")]) == 1
    assert "kan ikke læse auditfilen" in capsys.readouterr().err
    # A file that is no audit log (a data file given by mistake) is said to be one, not read
    # as a log of no changes (exit 0, after a warning for each of its hundreds of lines).
    data_file = Path(__file__).resolve().parents[2] / "data" / "albertslund" / "politik.yaml"
    assert main(["history", "--file", str(data_file)]) == 1
    told = capsys.readouterr()
    assert told.err.startswith(f"orgmodel: {data_file} er ikke en auditfil: ingen af dens ")
    assert told.err.count("\n") == 1 and told.out == ""


def test_history_names_what_is_wrong_with_a_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--url", "ftp://example", "--lang", "en"]) == 2
    assert "not an http(s) URL" in capsys.readouterr().err
    assert main(["history", "--url", "http://127.0.0.1:9", "--lang", "en"]) == 3  # out of reach
    # why, in words: Python's "<urlopen error [Errno 111] Connection refused>" told little
    assert capsys.readouterr().err == ("orgmodel: cannot reach http://127.0.0.1:9: nothing "
                                       "answers there (is orgmodel serve running, on that "
                                       "port?)\n")
    assert main(["history", "--url", "http://127.0.0.1:9"]) == 3
    assert "kan ikke nå http://127.0.0.1:9: ingen svarer der" in capsys.readouterr().err


def test_history_of_the_embedded_store_points_to_where_edits_live(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fresh embedded store has no history, and saying "no changes" would mislead: the
    # edits made over the API live in that process.
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert main(["history", "--data", str(DATA)]) == 1
    error = capsys.readouterr().err
    assert "--url" in error and "Neo4j" in error


@pytest.mark.parametrize(("cut", "said"), [
    (b'{"seq": 8, "at": "20', ""),
    # cut inside a letter: the first of the two bytes of "\u00f8" (a traceback at start)
    (b'{"seq": 8, "at": "2026-01-02T00:00:00Z", "actor": "anna", "note": "L\xc3', ""),
    # ... and what the cut write did to which record, where the line still says it (the
    # administrator's probe: a delete cut short came back unsaid)
    (b'{"seq": 8, "at": "2026-01-02T00:00:00Z", "actor": "anna", "action": "delete", '
     b'"record_key": "MEMBER_OF:unit:x->forum:chefforum", "befo',
     " #8 delete MEMBER_OF:unit:x->forum:chefforum: ")])
def test_an_audit_file_cut_short_by_a_crash_does_not_stop_the_server(
    start_server: Callable[..., LiveServer], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cut: bytes, said: str
) -> None:
    audit_file = tmp_path / "audit.jsonl"
    audit_file.write_bytes(b'{"seq": 7, "at": "2026-01-01T00:00:00Z", "actor": "anna", '
                           b'"action": "update", "record_key": "task:lon"}\n' + cut)
    server = start_server(audit_file=audit_file)
    with server.client(BO) as bo:
        bo.post("/api/v1/nodes", json=NEW_TEAM).raise_for_status()
        # the file's history, and its new entry numbered after the number the cut line
        # holds (two entries #8 told no one which came first)
        assert [e["seq"] for e in bo.get("/api/v1/audit").json()["items"]] == [9, 7]
    server.stop()
    written = audit_file.read_bytes().split(b"\n")
    assert written[1] == cut  # left as it was, for a person to look at
    assert json.loads(written[-2])["seq"] == 9  # on a line of its own
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert main(["history", "unit:historik-test", "--file", str(audit_file), "--lang", "en"]) == 0
    told = capsys.readouterr()
    assert f"{audit_file}:2: not an audit entry, skipped:{said}" in told.err  # named, not hidden
    assert told.out.startswith("#9  ")


def test_a_line_separator_in_a_text_is_refused_before_it_reaches_the_audit_file(
    start_server: Callable[..., LiveServer], tmp_path: Path
) -> None:
    server = start_server(audit_file=tmp_path / "audit.jsonl")
    with server.client(ANNA) as anna:
        for field, value in (("description", "to linjer\u2028her"), ("name", "Løn\nteam")):
            response = anna.post("/api/v1/nodes", json={**NEW_TEAM, field: value})
            assert response.status_code == 422, response.text
            assert field in json.dumps(response.json()["errors"])
    assert not (tmp_path / "audit.jsonl").exists() or \
        (tmp_path / "audit.jsonl").read_text(encoding="utf-8") == ""


def test_an_audit_file_no_one_can_write_is_refused_at_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found at start, in words, rather than as a bare 500 on every write.
    monkeypatch.setenv("ORGMODEL_AUDIT_FILE", str(tmp_path / "no-such-folder" / "audit.jsonl"))
    assert main(["serve", "--port", "1"]) == 2
    err = capsys.readouterr().err
    assert "invalid settings" in err and "no-such-folder does not exist" in err


def test_a_replace_that_changes_nothing_adds_nothing_to_the_history(
    start_server: Callable[..., LiveServer]
) -> None:
    server = start_server()
    with server.client(ANNA) as anna:
        record = anna.get("/api/v1/nodes/task:lon")
        again = anna.put("/api/v1/nodes/task:lon", headers={"If-Match": record.headers["etag"]},
                         json=record.json()["record"])
        # the record's tag: the read's adds a digest of its answer (its edges on the date)
        assert again.status_code == 200 and record_tag(again.headers["etag"]) == record_tag(
            record.headers["etag"])
        assert anna.get("/api/v1/audit").json()["items"] == []


def test_a_second_server_on_the_same_audit_file_is_refused_until_the_first_stops(
    start_server: Callable[..., LiveServer], tmp_path: Path, caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two servers appending to one file numbered their entries alike (two entries #95).
    audit_file = tmp_path / "audit.jsonl"
    first = start_server(audit_file=audit_file)
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("ORGMODEL_AUDIT_FILE", str(audit_file))
    assert main(["serve", "--data", str(DATA), "--port", "8799"]) == 2
    said = capsys.readouterr().err
    assert f"the audit file {audit_file} is in use by another orgmodel server" in said
    assert "Traceback" not in said
    with first.client(BO) as bo:
        bo.post("/api/v1/nodes", json=NEW_TEAM).raise_for_status()
    first.stop()
    # Stopped, it lets go: the next server carries on the numbering.
    with caplog.at_level("INFO", logger="orgmodel"):
        second = start_server(audit_file=audit_file)
    # ... after making the file's write again
    assert (f"{audit_file}: 1 write(s) made again over the data folder, 0 there already, "
            "0 skipped") in caplog.text
    with second.client(BO) as bo:
        bo.get(f"/api/v1/nodes/{NEW_TEAM['id']}").raise_for_status()
        bo.post("/api/v1/nodes", json={**NEW_TEAM, "id": "unit:historik-test-2"}
                ).raise_for_status()
        assert [e["seq"] for e in bo.get("/api/v1/audit").json()["items"]] == [2, 1]


def test_a_change_says_why_and_the_entries_of_a_batch_say_they_are_one_change(
    start_server: Callable[..., LiveServer], capsys: pytest.CaptureFixture[str],
    tmp_path: Path
) -> None:
    # The administrator's probe: a batch's entries shared nothing that tied them together,
    # and no write could say why it was made.
    server = start_server(audit_file=tmp_path / "audit.jsonl")
    team = {**NEW_TEAM, "id": "unit:kommentar-test"}
    placed = {"type": "PART_OF", "from": "unit:kommentar-test",
              "to": "unit:organisation-og-politik", "source": "assumption", "confidence": "low"}
    with server.client(ANNA) as anna:
        anna.post("/api/v1/nodes", json=NEW_TEAM,
                  params={"comment": "Oprettet efter mødet i Chefforum"}).raise_for_status()
        anna.post("/api/v1/changes", json={
            "operations": [{"op": "put_node", "node": team}, {"op": "put_edge", "edge": placed}],
            "comment": "Ny enhed under Organisation og Politik"}).raise_for_status()
        # a line break let a comment print what looked like another entry of the history
        for bad in ("   ", "x" * 501, "bip\x07", "flyttet\n#999 slet alt"):
            refused = anna.post("/api/v1/nodes", json={**NEW_TEAM, "id": "unit:afvist-test"},
                                params={"comment": bad})
            assert refused.status_code == 422, (bad, refused.text)
            assert refused.json()["errors"][0]["loc"] == ["query", "comment"]
        for bad in ("", "a\nb"):
            refused = anna.post("/api/v1/changes", json={
                "operations": [{"op": "put_node", "node": {**team, "id": "unit:afvist-test"}}],
                "comment": bad})
            assert refused.status_code == 422 and \
                refused.json()["errors"][0]["loc"] == ["body", "comment"]
        log = anna.get("/api/v1/audit").json()["items"]
    assert [(e["seq"], e["change"], e["comment"]) for e in log] == [
        (3, 2, "Ny enhed under Organisation og Politik"),
        (2, 2, "Ny enhed under Organisation og Politik"),
        (1, 1, "Oprettet efter mødet i Chefforum")]
    assert main(["history", "--url", server.url, "--token", ANNA, "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("create  PART_OF:unit:kommentar-test->unit:organisation-og-"
                             "politik  (part of change #2)")
    assert lines[1] == "  comment: Ny enhed under Organisation og Politik"
    assert "  comment: Oprettet efter mødet i Chefforum" in lines
    assert main(["history", "unit:historik-test", "--url", server.url, "--token", ANNA]) == 0
    assert capsys.readouterr().out.splitlines()[1] == \
        "  kommentar: Oprettet efter mødet i Chefforum"


def test_the_log_and_the_export_are_read_with_a_token_even_where_reads_are_open(
        editable_api: LiveServer) -> None:
    # The administrator's probe: a person created with a note and deleted again was still
    # readable, name and note, by anyone from GET /api/v1/audit; the export holds every person.
    person = {"id": "person:jens-test", "kind": "Person", "name": "Jens Test",
              "note": "Sygemeldt siden marts", "source": "assumption", "confidence": "low"}
    with editable_api.client(ANNA) as anna:
        assert anna.post("/api/v1/nodes", json=person).status_code == 201
        etag = anna.get("/api/v1/nodes/person:jens-test").headers["etag"]
        assert anna.delete("/api/v1/nodes/person:jens-test",
                           headers={"If-Match": etag}).status_code == 204
    with editable_api.client() as stranger:
        assert stranger.get("/api/v1/owners", params={"q": "løn"}).status_code == 200
        for path in ("/api/v1/audit", "/api/v1/export"):
            refused = stranger.get(path)
            assert refused.status_code == 401, path
            assert "Sygemeldt" not in refused.text and refused.headers["www-authenticate"]
    with editable_api.client(READER) as reader:  # a token that only reads may read them
        log = reader.get("/api/v1/audit", params={"record": "person:jens-test"})
        assert [entry["action"] for entry in log.json()["items"]] == ["delete", "create"]
        assert reader.get("/api/v1/export").status_code == 200


def test_the_log_is_asked_by_writer_and_by_day(
        start_server: Callable[..., LiveServer], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # The administrator's probe: "who changed it last month?" had to be read by hand (actor and
    # since were unknown parameters).
    audit_file = tmp_path / "audit.jsonl"
    server = start_server(audit_file=audit_file)
    with server.client(ANNA) as anna, server.client(BO) as bo:
        bo.post("/api/v1/nodes", json=NEW_TEAM).raise_for_status()
        record = anna.get("/api/v1/nodes/unit:historik-test")
        anna.put("/api/v1/nodes/unit:historik-test", headers={"If-Match": record.headers["etag"]},
                 json={**record.json()["record"], "name": "Historik"}).raise_for_status()
        today = anna.get("/api/v1/audit").json()["items"][0]["at"][:10]
        by_bo = anna.get("/api/v1/audit", params={"actor": "bo"}).json()["items"]
        assert [(e["actor"], e["action"]) for e in by_bo] == [("bo", "create")]
        on_the_day = anna.get("/api/v1/audit", params={"since": today, "until": today})
        assert [e["seq"] for e in on_the_day.json()["items"]] == [2, 1]
        assert anna.get("/api/v1/audit", params={"until": "2020-01-01"}).json()["items"] == []
        # the edges of no record were taken and ignored (the administrator's probe)
        alone = anna.get("/api/v1/audit", params={"with_edges": "true"})
        assert alone.status_code == 422
        assert alone.json()["errors"][0]["loc"] == ["query", "with_edges"]
        backwards = anna.get("/api/v1/audit", params={"since": today, "until": "2020-01-01"})
        assert backwards.status_code == 422
        assert backwards.json()["errors"][0]["loc"] == ["query", "since"]
    url = ["--url", server.url, "--token", ANNA]
    assert main(["history", *url, "--actor", "anna", "--lang", "en"]) == 0
    told = capsys.readouterr().out.splitlines()
    assert told[0].endswith("anna  update  unit:historik-test") and "bo" not in "".join(told)
    server.stop()
    monkeypatch.delenv("NEO4J_URI", raising=False)
    # ... and from the audit file, the same
    assert main(["history", "--file", str(audit_file), "--actor", "bo", "--since", today,
                 "--json"]) == 0
    assert [e["seq"] for e in json.loads(capsys.readouterr().out)] == [1]
    assert main(["history", "--file", str(audit_file), "--since", "2026-12-02", "--until",
                 "2026-12-01", "--lang", "en"]) == 2
    assert "--since 2026-12-02 is after --until 2026-12-01" in capsys.readouterr().err
    assert main(["history", "--file", str(audit_file), "--with-edges", "--lang", "en"]) == 2
    assert "--with-edges is for a node's edges: give the node's ID" in capsys.readouterr().err


def test_a_page_of_the_log_says_how_many_writes_its_filters_match(
        editable_api: LiveServer) -> None:
    # The administrator's probe: a client paging with limit and offset could not tell how many
    # writes its filters match (a full page did not say whether another follows).
    part_of = {"type": "PART_OF", "from": NEW_TEAM["id"], "to": "unit:organisation-og-politik",
               "source": "seed", "confidence": "low"}
    with editable_api.client(ANNA) as anna, editable_api.client(BO) as bo:
        bo.post("/api/v1/nodes", json=NEW_TEAM).raise_for_status()
        record = anna.get(f"/api/v1/nodes/{NEW_TEAM['id']}")
        anna.put(f"/api/v1/nodes/{NEW_TEAM['id']}", headers={"If-Match": record.headers["etag"]},
                 json={**record.json()["record"], "name": "Historik"}).raise_for_status()
        anna.post("/api/v1/edges", json=part_of).raise_for_status()

        def page(**params: str | int) -> tuple[int, list[int]]:
            body = anna.get("/api/v1/audit", params=params).json()
            return body["total"], [entry["seq"] for entry in body["items"]]

        assert page(limit=1) == (3, [3])
        assert page(limit=1, offset=2) == (3, [1])
        assert page(offset=5) == (3, [])  # past the last page: the total still says how many
        assert page(actor="anna", limit=1) == (2, [3])
        assert page(record=NEW_TEAM["id"]) == (2, [2, 1])
        assert page(record=NEW_TEAM["id"], with_edges="true", limit=2) == (3, [3, 2])
        assert page(until="2020-01-01") == (0, [])
        assert page(record="task:budget") == (0, [])  # in the graph, never written
        schema = anna.get("/openapi.json").json()["components"]["schemas"]["AuditPage"]
        assert "total" in schema["required"] and schema["examples"][0]["total"] == 1
