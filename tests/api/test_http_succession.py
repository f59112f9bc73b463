"""A node handed over to a successor from a day, over HTTP (``POST …/successor``).

The administrator's probe: a post retitled from a day took 14 writes (end it, create the
successor, end each edge and write it again), and nothing tied the two together.
"""

from __future__ import annotations

from typing import Any

import httpx
from httpapi import ANNA, LiveServer, problem

CHIEF = "post:chef-okonomi-og-stab"
NEW = {"id": "post:okonomidirektor", "kind": "Post", "name": "Økonomidirektør",
       "name_en": "Director of Finance", "source": "seed", "confidence": "medium"}


def tag(http: httpx.Client, node_id: str) -> str:
    response = http.get(f"/api/v1/nodes/{node_id}")
    assert response.status_code == 200, response.text
    return str(response.headers["etag"])


def edges(http: httpx.Client, node_id: str, as_of: str) -> set[tuple[str, str, str]]:
    answer: dict[str, Any] = http.get(f"/api/v1/nodes/{node_id}",
                                      params={"as_of": as_of}).json()
    return {(e["type"], e["source_id"], e["target_id"]) for e in answer["edges"]}


def test_a_post_handed_over_ends_and_its_successor_takes_its_edges_from_the_day(
        editable_api: LiveServer) -> None:
    with editable_api.client(ANNA) as anna:
        before = edges(anna, CHIEF, "2026-12-31")
        answer = anna.post(f"/api/v1/nodes/{CHIEF}/successor", headers={"If-Match": tag(
            anna, CHIEF)}, json={"from": "2027-01-01", "record": NEW,
                                 "comment": "Stillingen omdøbt fra 1. januar 2027"})
        assert answer.status_code == 201, answer.text
        assert answer.headers["location"] == "/api/v1/nodes/post:okonomidirektor"
        applied = answer.json()["applied"]
        assert applied[:2] == [
            {"key": CHIEF, "action": "update", "etag": applied[0]["etag"]},
            {"key": "post:okonomidirektor", "action": "create", "etag": applied[1]["etag"]}]
        # The chief until the day before, with every edge it had ...
        old = anna.get(f"/api/v1/nodes/{CHIEF}", params={"as_of": "2026-12-31"}).json()["node"]
        assert old["name"] == "Chef for Økonomi og Stab" and old["valid_to"] == "2026-12-31"
        assert edges(anna, CHIEF, "2026-12-31") == before
        # ... gone on the day (said so, with its dates), its successor there with them all
        gone = anna.get(f"/api/v1/nodes/{CHIEF}", params={"as_of": "2027-01-01"})
        assert gone.status_code == 404 and "2026-12-31" in gone.json()["detail"]
        swapped = {(kind, NEW["id"] if a == CHIEF else a, NEW["id"] if b == CHIEF else b)
                   for kind, a, b in before}
        assert edges(anna, NEW["id"], "2027-01-01") == swapped
        assert ("HEADS", NEW["id"], "unit:okonomi-og-stab") in swapped
        new = anna.get(f"/api/v1/nodes/{NEW['id']}", params={"as_of": "2027-01-01"}).json()[
            "node"]
        assert new["valid_from"] == "2027-01-01" and new["name"] == "Økonomidirektør"
        # whom the unit heads report to, from the day: the successor
        chain = anna.get("/api/v1/chain/post:enhedsleder-it-og-digitalisering",
                         params={"as_of": "2027-06-01"}).json()
        assert [n["id"] for n in chain["chain"]][:2] == [
            "post:enhedsleder-it-og-digitalisering", NEW["id"]]
        # asked of by the old name after the day, the post says who took over (the probe: only
        # that it ended)
        asked_old = anna.get("/api/v1/owners", params={
            "q": "hvem er økonomichef", "as_of": "2027-06-01"}).json()
        old_name = asked_old["node_hint"]
        assert old_name is not None, asked_old
        assert old_name["succeeded_by"]["id"] == NEW["id"]
        assert "Fra 2027-01-01 efterfulgt af Økonomidirektør." in old_name["text_da"]
        # every write in the audit log, with the comment
        log = anna.get("/api/v1/audit", params={"limit": 200}).json()["items"]
        assert len(log) == len(applied)
        assert {entry["comment"] for entry in log} == {"Stillingen omdøbt fra 1. januar 2027"}


def test_a_succession_asked_wrongly_names_the_field_and_writes_nothing(
        editable_api: LiveServer) -> None:
    with editable_api.client(ANNA) as anna:
        url, etag = f"/api/v1/nodes/{CHIEF}/successor", tag(anna, CHIEF)
        for body, field, said in (
                ({"from": "2027-01-01", "record": {**NEW, "id": CHIEF}}, ["record", "id"],
                 "a successor is a new node"),
                ({"from": "2027-01-01", "record": {**NEW, "kind": "Unit", "id": "unit:x",
                                                   "level": "enhed"}},
                 ["record", "kind"], "a successor is of its kind"),
                ({"from": "0001-01-01", "record": NEW}, ["from"], "follows it only where")):
            body_said = problem(anna.post(url, headers={"If-Match": etag}, json=body), 422)
            assert [e["loc"] for e in body_said["errors"]] == [["body", *field]], body_said
            assert said in body_said["errors"][0]["msg"]
            assert body_said["errors"][0]["msg_da"] != body_said["errors"][0]["msg"]  # Danish
        # a unit merged into being in 2024 has no successor from before it
        unit = "unit:organisation-og-politik"
        body_said = problem(anna.post(f"/api/v1/nodes/{unit}/successor", headers={
            "If-Match": tag(anna, unit)}, json={"from": "2020-01-01", "record": {
                "id": "unit:organisation-og-hr", "kind": "Unit", "name": "Organisation og HR",
                "level": "enhed", "source": "seed", "confidence": "low"}}), 422)
        assert body_said["errors"][0]["loc"] == ["body", "from"]
        assert body_said["errors"][0]["msg"].startswith(f"{unit} holds from 20")
        # the ETag of another read, a node no one has, a successor's id in use
        problem(anna.post(url, headers={"If-Match": '"' + "0" * 32 + '"'},
                          json={"from": "2027-01-01", "record": NEW}), 412)
        problem(anna.post(url, json={"from": "2027-01-01", "record": NEW}), 428)
        problem(anna.post("/api/v1/nodes/post:findes-ikke/successor",
                          headers={"If-Match": etag},
                          json={"from": "2027-01-01", "record": NEW}), 404)
        taken = {**NEW, "id": "post:kommunaldirektor", "name": "Kommunaldirektør"}
        in_use = problem(anna.post(url, headers={"If-Match": etag},
                                   json={"from": "2027-01-01", "record": taken}), 422)
        # (said of the body, not of the batch it makes: "operations[1]: … already exists")
        assert in_use["errors"][0]["loc"] == ["body", "record", "id"]
        stale = problem(anna.post(url, headers={"If-Match": '"' + "1" * 32 + '"'},
                                  json={"from": "2027-01-01", "record": NEW}), 412)
        assert "operations[" not in stale["detail"]
        # the successor's days are the hand-over's; a date is a date; a person is no post
        for body, field in (({"from": "2027-01-01", "record": {**NEW, "valid_to": "2030-01-01"}},
                             ["record", "valid_to"]),
                            ({"from": "2027-01-01T00:00:00", "record": NEW}, ["from"]),
                            ({"from": 20270101, "record": NEW}, ["from"])):
            said = problem(anna.post(url, headers={"If-Match": etag}, json=body), 422)
            assert [e["loc"] for e in said["errors"]] == [["body", *field]], said
        person = "person:henrik-harder"
        said = problem(anna.post(f"/api/v1/nodes/{person}/successor", headers={
            "If-Match": tag(anna, person)}, json={"from": "2027-01-01", "record": {
                "id": "person:ny", "kind": "Person", "name": "Ny", "source": "seed",
                "confidence": "low"}}), 422)
        assert said["errors"][0]["loc"] == ["body", "record", "kind"]
        assert "end the holding" in said["errors"][0]["msg"]
        assert anna.get("/api/v1/audit").json()["items"] == []
        assert anna.get(f"/api/v1/nodes/{NEW['id']}").status_code == 404


def test_a_unit_made_by_a_merger_and_a_forum_collaborations_run_through_are_handed_over(
        editable_api: LiveServer) -> None:
    # The successor probe: the merger's history (the unit resulted from it, the units before
    # it ended in 2022) was copied and refused ("never holds"); a collaboration through the
    # forum kept its key and collided with itself (409)
    with editable_api.client(ANNA) as anna:
        unit = "unit:organisation-og-politik"
        handed = anna.post(f"/api/v1/nodes/{unit}/successor", headers={
            "If-Match": tag(anna, unit)}, json={"from": "2027-03-01", "record": {
                "id": "unit:hr-og-politik", "kind": "Unit", "name": "HR og Politik",
                "level": "enhed", "source": "seed", "confidence": "low"}})
        assert handed.status_code == 201, handed.text
        # the new unit says it came from the old one (the administrator's probe: nothing tied
        # the two together), a record of the data, exported and in the audit log
        tie = f"RESULTED_FROM:unit:hr-og-politik->{unit}"
        assert {"key": tie, "action": "create"}.items() <= next(
            a for a in handed.json()["applied"] if a["key"] == tie).items()
        after = edges(anna, "unit:hr-og-politik", "2027-03-01")
        assert ("PART_OF", "unit:organisation-og-politik-team-1", "unit:hr-og-politik") in after
        # ... while the merger's history stays with the old unit
        assert not any(kind == "RESULTED_FROM" for kind, _a, _b in after)
        assert any(kind == "RESULTED_FROM" for kind, _a, _b in edges(anna, unit, "2027-02-28"))
        forum = "forum:chefforum"
        handed = anna.post(f"/api/v1/nodes/{forum}/successor", headers={
            "If-Match": tag(anna, forum)}, json={"from": "2027-02-01", "record": {
                "id": "forum:lederforum", "kind": "Forum", "name": "Lederforum",
                "source": "seed", "confidence": "low"}})
        assert handed.status_code == 201, handed.text
