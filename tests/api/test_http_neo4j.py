"""The API over HTTP with Neo4j as the store: the same answers as the embedded store, and a
Neo4j stopped under the running app gives 503 within 2 seconds and comes back by itself."""

from __future__ import annotations

import io
import shutil
import subprocess
import time
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
from httpapi import ANNA, BO, LiveServer, make_settings, problem
from neo4j_service import SCRIPT, Instance, free_port

from api.responses import record_tag
from orgmodel.cli import main
from orgmodel.dataset import Dataset
from orgmodel.editing import etag
from orgmodel.loader import load_dataset
from orgmodel.store.neo4j_connection import Neo4jClient, Neo4jSettings
from orgmodel.store.neo4j_store import Neo4jStore
from orgmodel.store.neo4j_sync import sync_dataset, wipe_graph

pytestmark = pytest.mark.neo4j

SAME_ANSWERS = [
    "/api/v1/owners?q=løn", "/api/v1/owners?q=payroll", "/api/v1/owners?q=81.15.00",
    "/api/v1/search?q=indkøb", "/api/v1/nodes?kind=Unit&limit=100", "/api/v1/nodes?q=it-support",
    "/api/v1/chain/unit:organisation-og-politik", "/api/v1/members/forum:chefforum",
    "/api/v1/memberships/post:chef-okonomi-og-stab",
    "/api/v1/responsibilities/unit:okonomi-og-stab?descendants=true",
    "/api/v1/neighbourhood/unit:organisation-og-politik?depth=2&kinds=Unit,Post",
    "/api/v1/paths?from=unit:organisation-og-politik&to=body:okonomiudvalget",
    "/api/v1/subtree/unit:okonomi-og-stab", "/api/v1/owners?q=løn&as_of=2022-06-01",
]


@contextmanager
def serve_neo4j(env: dict[str, str], **settings: Any) -> Iterator[LiveServer]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        server = LiveServer(make_settings(use_neo4j=True, neo4j_uri=env["NEO4J_URI"],
                                          **settings)).start()
        try:
            yield server
        finally:
            server.stop()


def stop(instance: Instance) -> None:
    """Stop a private server by its folder (its port alone does not find it)."""
    subprocess.run([str(SCRIPT), "stop", "--dir", str(instance.folder)], check=True,
                   capture_output=True, timeout=120)


def wait_for_200(url: str, seconds: float = 90) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while (response := httpx.get(url, timeout=30)).status_code != 200:
        assert time.monotonic() < deadline, response.text
        time.sleep(0.5)
    return response


def load(env: dict[str, str], dataset: Dataset) -> None:
    client = Neo4jClient.connect(Neo4jSettings.from_environment(env))
    try:
        wipe_graph(client)
        sync_dataset(client, dataset)
    finally:
        client.close()


@pytest.fixture(scope="module")
def neo4j_api(neo4j_env: dict[str, str], albertslund: Dataset) -> Iterator[LiveServer]:
    load(neo4j_env, albertslund)
    # Neo4j plans each query on first use, which on a busy 2-core machine can take longer
    # than the 2-second default deadline: these tests compare answers, not speed.
    with serve_neo4j(neo4j_env, store_timeout=20) as server:
        yield server


def test_neo4j_gives_the_same_answers_as_the_embedded_store(
    neo4j_api: LiveServer, live_api: LiveServer
) -> None:
    with neo4j_api.client() as neo4j, live_api.client() as memory:
        assert neo4j.get("/ready").json()["store"] == "Neo4jStore"
        for url in SAME_ANSWERS:
            answer = neo4j.get(url)
            assert answer.status_code == 200, (url, answer.text)
            assert answer.json() == memory.get(url).json(), url
        node = neo4j.get("/api/v1/nodes/unit:organisation-og-politik").json()
        expected = memory.get("/api/v1/nodes/unit:organisation-og-politik").json()
        assert (node["node"], node["edges"]) == (expected["node"], expected["edges"])
        problem(neo4j.get("/api/v1/nodes/unit:nowhere"), 404)


def test_acceptance_who_owns_payroll_from_neo4j(neo4j_api: LiveServer) -> None:
    for question in ("løn", "payroll"):
        best = httpx.get(f"{neo4j_api.url}/api/v1/owners", params={"q": question}).json()[
            "results"][0]
        assert [o["name"] for o in best["owners"] if o["raci"] == "A"] == [
            "Organisation og Politik"]
        assert [e["name"] for e in best["escalation"]][-1] == "Kommunalbestyrelsen"


def test_kept_answers_follow_a_change_made_by_another_process(
    neo4j_api: LiveServer, neo4j_env: dict[str, str]
) -> None:
    url = "/api/v1/nodes/unit:organisation-og-politik"
    with neo4j_api.client() as client, Neo4jStore.from_environment(neo4j_env) as other:
        first = client.get(url)
        assert client.get(url).content == first.content  # asked twice: the same answer
        client.get("/api/v1/owners", params={"q": "løn"})
        before = other.record("unit:organisation-og-politik")
        renamed = before.model_copy(update={"name": "Organisation og Politik (omdøbt)"})
        other.put_node(renamed, expected_etag=etag(before), actor="another-process")
        try:  # the API did not make the change; its next answer must show it all the same
            assert client.get(url).json()["node"]["name"] == "Organisation og Politik (omdøbt)"
            owners = client.get("/api/v1/owners", params={"q": "løn"}).json()
            assert "Organisation og Politik (omdøbt)" in {
                o["name"] for o in owners["results"][0]["owners"]}
        finally:
            other.put_node(before, expected_etag=etag(renamed), actor="another-process")
        assert client.get(url).json()["node"] == first.json()["node"]


RAW_RENAME = "MATCH (n:Node {id: $id}) SET n.name = $name"


def test_kept_answers_follow_a_change_made_around_orgmodel(
    neo4j_api: LiveServer, neo4j_env: dict[str, str]
) -> None:
    # An administrator corrects a name in Neo4j Browser: plain Cypher, no orgmodel, so the
    # graph's version in (:Meta) stays; the next answers (kept ones and the search
    # catalogue's) must show the change all the same.
    unit, name = "unit:organisation-og-politik", "Organisation og Politik (rettet i Browser)"
    url = f"/api/v1/nodes/{unit}"
    auth = (neo4j_env["NEO4J_USER"], neo4j_env["NEO4J_PASSWORD"])
    with neo4j_api.client() as client, neo4j.GraphDatabase.driver(
            neo4j_env["NEO4J_URI"], auth=auth) as browser:
        def found() -> list[str]:
            hits = client.get("/api/v1/search", params={"q": "rettet i Browser"}).json()
            return [hit["id"] for hit in hits["results"]]

        first = client.get(url).json()["node"]
        assert unit not in found()
        browser.execute_query(RAW_RENAME, id=unit, name=name)
        try:
            assert client.get(url).json()["node"]["name"] == name
            assert found()[:1] == [unit]
        finally:
            browser.execute_query(RAW_RENAME, id=unit, name=first["name"])
        assert client.get(url).json()["node"] == first


def test_writes_on_neo4j_two_editors_rules_and_audit(neo4j_api: LiveServer) -> None:
    with neo4j_api.client(ANNA) as anna, neo4j_api.client(BO) as bo:
        new: dict[str, Any] = {"id": "unit:neo4j-test", "kind": "Unit", "name": "Neo4j-test",
                               "level": "team", "source": "assumption", "confidence": "low"}
        created = anna.post("/api/v1/nodes", json=new)
        assert created.status_code == 201, created.text
        # Read back from the graph: a unit alone is noted as part of nothing.
        assert [n[:16] for n in created.json()["notices"]] == ["part of nothing:"]
        edge = {"type": "PART_OF", "from": "unit:neo4j-test",
                "to": "unit:organisation-og-politik", "source": "assumption", "confidence": "low"}
        assert anna.post("/api/v1/edges", json=edge).status_code == 201
        read = bo.get("/api/v1/nodes/unit:neo4j-test")
        # same content, same ETag (the read's adds a digest of its answer: its edges)
        assert record_tag(read.headers["etag"]) == record_tag(created.headers["etag"])
        first = anna.put("/api/v1/nodes/unit:neo4j-test", json={**new, "name": "Først"},
                         headers={"If-Match": read.headers["etag"]})
        assert first.status_code == 200, first.text
        stale = problem(bo.put("/api/v1/nodes/unit:neo4j-test", json={**new, "name": "Sidst"},
                               headers={"If-Match": read.headers["etag"]}), 412)
        # ... naming the write it missed, from the log in the graph
        assert (stale["last_write"]["actor"], stale["last_write"]["action"]) == ("anna",
                                                                                 "update")
        assert bo.get("/api/v1/nodes/unit:neo4j-test").json()["node"]["name"] == "Først"
        in_use = problem(anna.delete("/api/v1/nodes/unit:neo4j-test",
                                     headers={"If-Match": first.headers["etag"]}), 409)
        assert in_use["edges"] == ["PART_OF:unit:neo4j-test->unit:organisation-og-politik"]
        problem(anna.post("/api/v1/edges", json={**edge, "to": "unit:nowhere"}), 422)
        # An end date that leaves a task without an owner is refused here too.
        unit = bo.get("/api/v1/nodes/unit:okonomi-og-indkob")
        ended = problem(anna.put("/api/v1/nodes/unit:okonomi-og-indkob",
                                 json={**unit.json()["record"], "valid_to": "2026-01-31"},
                                 headers={"If-Match": unit.headers["etag"]}), 422)
        assert "would have no accountable owner from 2026-02-01" in ended["errors"][0]["msg"]
        page = anna.get("/api/v1/audit", params={"record": "unit:neo4j-test"}).json()
        assert page["kept_since"] is None  # the log in the graph holds every write
        # ... and counts the writes a filter matches on every page (the total of a page)
        assert page["total"] == 2 and anna.get("/api/v1/audit", params={
            "record": "unit:neo4j-test", "with_edges": "true", "limit": 1}).json()["total"] == 3
        log = page["items"]
        assert [(e["actor"], e["action"]) for e in log] == [("anna", "update"),
                                                           ("anna", "create")]
        assert log[0]["before"]["name"] == "Neo4j-test" and log[0]["after"]["name"] == "Først"
        # A record neither in the graph nor in the log is a 404, not "never changed".
        problem(anna.get("/api/v1/audit", params={"record": "unit:neo4j-tset"}), 404)
        assert anna.get("/api/v1/audit", params={"record": "unit:okonomi-og-stab"}
                        ).json()["items"] == []
        with zipfile.ZipFile(io.BytesIO(anna.get("/api/v1/export").content)) as archive:
            assert "name: Først" in archive.read("api-edits.yaml").decode()
        # A PATCH changes the fields it names in the graph and keeps the rest
        patched = anna.patch("/api/v1/nodes/unit:neo4j-test", json={"name_en": "First"},
                             headers={"If-Match": first.headers["etag"]})
        assert patched.status_code == 200, patched.text
        assert bo.get("/api/v1/nodes/unit:neo4j-test").json()["record"] == {
            **new, "name": "Først", "name_en": "First"}
        problem(bo.patch("/api/v1/nodes/unit:neo4j-test", json={"name_en": "1st"},
                         headers={"If-Match": first.headers["etag"]}), 412)
        # A batch's entries are one change, with the comment it was sent with
        edge_key = "PART_OF:unit:neo4j-test->unit:organisation-og-politik"
        anna.post("/api/v1/changes", json={"comment": "Flyttet til Økonomi og Indkøb",
                                           "operations": [
            {"op": "delete", "key": edge_key,
             "if_match": bo.get(f"/api/v1/edges/{edge_key}").headers["etag"]},
            {"op": "put_edge", "edge": {**edge, "to": "unit:okonomi-og-indkob"}}]}
        ).raise_for_status()
        moved = anna.get("/api/v1/audit", params={"limit": 2}).json()["items"]
        assert [e["change"] for e in moved] == [moved[1]["seq"]] * 2
        assert {e["comment"] for e in moved} == {"Flyttet til Økonomi og Indkøb"}


def test_a_post_handed_over_on_neo4j_hands_its_line_to_its_successor(
        neo4j_api: LiveServer, neo4j_env: dict[str, str], albertslund: Dataset) -> None:
    # One batch in the graph: the chief ends, the successor takes its edges from the day
    chief = "post:chef-okonomi-og-stab"
    with neo4j_api.client(ANNA) as anna:
        handed = anna.post(f"/api/v1/nodes/{chief}/successor", headers={
            "If-Match": anna.get(f"/api/v1/nodes/{chief}").headers["etag"]}, json={
            "from": "2030-01-01", "comment": "Ny titel", "record": {
                "id": "post:okonomidirektor", "kind": "Post", "name": "Økonomidirektør",
                "source": "seed", "confidence": "medium"}})
        assert handed.status_code == 201, handed.text
        chain = anna.get("/api/v1/chain/post:enhedsleder-it-og-digitalisering",
                         params={"as_of": "2030-06-01"}).json()["chain"]
        assert [n["id"] for n in chain][1] == "post:okonomidirektor"
        before = anna.get("/api/v1/chain/post:enhedsleder-it-og-digitalisering",
                          params={"as_of": "2029-12-31"}).json()["chain"]
        assert [n["id"] for n in before][1] == chief
    load(neo4j_env, albertslund)  # the graph as the data files hold it, for the tests after


def test_writes_queued_behind_each_other_answer_their_outcome_not_503(
        neo4j_env: dict[str, str], neo4j_api: LiveServer) -> None:
    # Forty writes at once on Neo4j: a dozen were answered 503 "try again" after the read
    # deadline while they waited their turn, and went through all the same (a retry met 409).
    # Here the deadline is a tenth of a second, so nearly every queued write meets it.
    ids = [f"unit:queued-{n}" for n in range(16)]

    def create(client: httpx.Client, node: str) -> httpx.Response:
        unit = {"id": node, "kind": "Unit", "name": node, "level": "team",
                "source": "assumption", "confidence": "low"}
        part = {"type": "PART_OF", "from": node, "to": "unit:organisation-og-politik",
                "source": "assumption", "confidence": "low"}
        return client.post("/api/v1/changes", json={"operations": [
            {"op": "put_node", "node": unit}, {"op": "put_edge", "edge": part}]})

    with serve_neo4j(neo4j_env, store_timeout=0.1) as hurried, hurried.client(ANNA) as anna, \
            ThreadPoolExecutor(max_workers=len(ids)) as pool:
        answers = list(pool.map(lambda node: create(anna, node), ids))
    assert [a.status_code for a in answers] == [200] * len(ids), [a.text for a in answers]
    with neo4j_api.client(ANNA) as anna:
        for node in ids:  # each written once, and taken away again for the tests after this
            assert anna.get(f"/api/v1/nodes/{node}").status_code == 200
            log = anna.get("/api/v1/audit", params={"record": node}).json()["items"]
            assert [entry["action"] for entry in log] == ["create"]
            edge = f"PART_OF:{node}->unit:organisation-og-politik"
            assert anna.post("/api/v1/changes", json={"operations": [
                {"op": "delete", "key": edge, "if_match": anna.get(
                    f"/api/v1/edges/{edge}").headers["etag"]},
                {"op": "delete", "key": node, "if_match": anna.get(
                    f"/api/v1/nodes/{node}").headers["etag"]}]}).status_code == 200


def test_neo4j_stopped_under_the_app_gives_503_within_2_seconds_then_recovers(
    albertslund: Dataset,
) -> None:
    instance = Instance(free_port())
    env = instance.start()
    try:
        env = {name: env[name] for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")}
        load(env, albertslund)
        with serve_neo4j(env) as server:
            owners = f"{server.url}/api/v1/owners?q=l%C3%B8n"
            before = wait_for_200(owners)  # the first, unplanned queries may time out
            stop(instance)
            for url in (owners, f"{server.url}/ready", owners):
                started = time.monotonic()
                response = httpx.get(url, timeout=10)
                problem(response, 503)
                assert time.monotonic() - started < 2.0 + 0.5
            assert httpx.get(f"{server.url}/health", timeout=2).status_code == 200
            instance.start(keep=True)
            assert wait_for_200(owners).json() == before.json()
            # /ready asks Neo4j itself, within the same 2 s: on a busy machine its first
            # answer after the restart may still be late.
            assert wait_for_200(f"{server.url}/ready").status_code == 200
    finally:
        stop(instance)
        shutil.rmtree(instance.folder, ignore_errors=True)


def test_the_graph_in_neo4j_exports_back_to_the_same_data_files(
    neo4j_api: LiveServer, neo4j_env: dict[str, str], albertslund: Dataset, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load(neo4j_env, albertslund)  # as loaded from the data files, whatever ran before
    for name, value in neo4j_env.items():
        monkeypatch.setenv(name, value)
    assert main(["export-data", str(tmp_path / "cli"), "--neo4j"]) == 0
    response = httpx.get(f"{neo4j_api.url}/api/v1/export", timeout=60,
                         headers={"Authorization": f"Bearer {ANNA}"})
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        archive.extractall(tmp_path / "zip")
    for folder in (tmp_path / "cli", tmp_path / "zip"):
        exported = load_dataset(folder)
        assert exported.nodes == albertslund.nodes
        assert exported.edges == albertslund.edges
        assert exported.sources == albertslund.sources
        assert {k: o.file for k, o in exported.origins.items()} == {
            k: o.file for k, o in albertslund.origins.items()}
