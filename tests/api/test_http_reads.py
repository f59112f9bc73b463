"""Read endpoints over HTTP against the embedded store with the Albertslund data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from httpapi import READER, LiveServer, problem

from api.responses import record_tag
from orgmodel.cli import main


@pytest.fixture(scope="module")
def http(live_api: LiveServer) -> Iterator[httpx.Client]:
    with live_api.client() as client:
        yield client


def test_owners_of_work_outside_the_model_name_its_kle_topic(http: httpx.Client) -> None:
    answer = http.get("/api/v1/owners", params={"q": "byggetilladelse"}).json()
    assert answer["results"] == []
    assert answer["kle_hint"] == {"number": "02.34.02", "title": "Byggetilladelse"}
    assert http.get("/api/v1/owners", params={"q": "løn"}).json()["kle_hint"] is None
    # A task the model lacks is answered by the KLE level above, with a note saying so.
    routed = http.get("/api/v1/owners", params={"q": "sygefravær"}).json()["results"]
    assert routed[0]["task"]["kle"] == "81.00.00"
    assert routed[0]["notes"][0]["code"] == "kle_nearest"


def test_owners_of_a_question_about_the_asker_say_what_to_ask_instead(
        http: httpx.Client) -> None:
    # The model does not know who asks "hvem er min chef?": no stray task, no KLE topic.
    answer = http.get("/api/v1/owners", params={"q": "hvem er min chef?"}).json()
    assert answer["results"] == [] and answer["node_hint"] is None
    assert answer["kle_hint"] is None and answer["ask_instead"]["code"] == "asks_about_self"
    assert answer["ask_instead"]["en"].startswith("The model does not know who you are.")
    assert http.get("/api/v1/owners", params={"q": "løn"}).json()["ask_instead"] is None
    # whether there is one that nothing answers: the data names none (leadership's probes:
    # "har vi en DPO?" said only "no answer")
    none = http.get("/api/v1/owners", params={"q": "har vi en DPO?"}).json()
    assert none["results"] == [] and none["ask_instead"]["code"] == "not_in_data"
    assert none["ask_instead"]["da"].startswith("Data nævner ingen »DPO«.")


def test_owners_answer_for_the_year_a_question_names(http: httpx.Client) -> None:
    def accountable(answer: dict[str, Any]) -> list[str]:
        return [o["name"] for o in answer["results"][0]["owners"] if o["raci"] == "A"]

    named = http.get("/api/v1/owners", params={"q": "hvem havde ansvaret for løn i 2022?"}).json()
    assert named["as_of"] == "2022-07-01" and accountable(named) == ["Økonomi og Stab"]
    assert named["query"] == "hvem havde ansvaret for løn i 2022?"  # as asked
    told = http.get("/api/v1/owners", params={"q": "hvem havde ansvaret for løn i 2022?",
                                              "as_of": "2024-06-01"}).json()
    assert told["as_of"] == "2024-06-01" and accountable(told) == ["Organisation og Politik"]
    # ... and says the date the question named was set aside (leadership's seventh probe:
    # "hvem var borgmester i 2019" with a date given was answered for that date, unsaid)
    assert told["as_of_set_aside"] == "2022-07-01" and named["as_of_set_aside"] is None
    mayor = http.get("/api/v1/owners", params={"q": "hvem var borgmester i 2020?"}).json()
    assert "Steen Christiansen" in mayor["node_hint"]["text_da"]


def test_owners_give_a_tasks_facts_when_asked(http: httpx.Client) -> None:
    # The command line and the start pages say where to write, what to expect, who decides
    # and what a task uses; an API client had to read each task's node and edges for them.
    asked = http.get("/api/v1/owners", params={"q": "løn", "with_facts": "true"}).json()
    payroll = next(r for r in asked["results"] if r["task"]["id"] == "task:lon")
    assert payroll["facts"]["mailbox"] == "loen@albertslund.dk"
    assert payroll["facts"]["service_goal"].startswith("Ansættelsesbrev og oprettelse i OPUS")
    assert payroll["facts"]["service_goal_en"].startswith("Letter of employment")
    assert "system:opus-lon" in [n["id"] for n in payroll["facts"]["uses"]]
    # ... and who supplies it ("hvem leverer OPUS?" answered payroll with no word of KMD)
    assert [n["id"] for n in payroll["facts"]["supplied_by"]["system:opus-lon"]] == ["org:kmd"]
    # what the task is, in both languages
    assert payroll["facts"]["description"] and payroll["facts"]["description_en"]
    assert payroll["facts"]["description"] != payroll["facts"]["description_en"]
    council = http.get("/api/v1/owners", params={"q": "godkendelse af nye IT-projekter",
                                                 "with_facts": "true"}).json()
    assert "forum:digitaliseringsradet" in [
        n["id"] for r in council["results"] for n in r["facts"]["decided_by"]]
    plain = http.get("/api/v1/owners", params={"q": "løn"}).json()
    assert all(r["facts"] is None for r in plain["results"])  # two store calls a task saved
    problem(http.get("/api/v1/owners", params={"q": "løn", "with_facts": "maybe"}), 422)


def test_a_question_of_control_characters_or_bytes_that_are_no_text_is_refused(
        http: httpx.Client) -> None:
    # The API client's probe: "q=%00" and "q=%ff%fe" were answered, and echoed back, where a
    # body's control characters are a 422 naming the field
    for raw, said in (("%00", "holds the control character U+0000"),
                      ("l%C3%B8n%1B%5B31m", "holds the control character U+001B"),
                      ("%ff%fe", "is not valid UTF-8")):
        for path in ("/api/v1/owners", "/api/v1/search"):
            body = problem(http.get(f"{path}?q={raw}"), 422)
            [error] = body["errors"]
            assert error["loc"] == ["query", "q"] and said in error["msg"], (path, raw)
            assert error["msg_da"] != error["msg"]
    assert http.get("/api/v1/owners", params={"q": "løn"}).status_code == 200


def test_owners_say_when_every_task_meets_only_part_of_the_question(
        http: httpx.Client) -> None:
    # Leadership's tenth probe: "hvem står for rengøring på rådhuset" was answered by the SKI
    # framework agreements, a weak-match note under it; 8 of 15 questions of what the model
    # does not hold were answered so
    weak = http.get("/api/v1/owners", params={"q": "hvem står for rengøring på rådhuset"}).json()
    assert weak["results"] and weak["only_weak"] is True
    assert all("weak_match" in [n["code"] for n in r["notes"]] for r in weak["results"])
    plain = http.get("/api/v1/owners", params={"q": "løn"}).json()
    assert plain["only_weak"] is False


def test_owners_of_a_question_of_yes_or_no_say_the_relations_between_the_two(
        http: httpx.Client) -> None:
    answer = http.get("/api/v1/owners", params={
        "q": "er chefen for Økonomi og Stab med i direktørforum?"}).json()
    hint = answer["node_hint"]
    assert answer["results"] == [] and hint["node"]["id"] == "post:chef-okonomi-og-stab"
    between = hint["between"]
    assert between["other"]["id"] == "forum:direktorforum"
    assert [(tie["type"], tie["role"], tie["confidence"]) for tie in between["ties"]] == [
        ("PARTICIPATES_IN", "nøglespiller", "medium")]
    assert hint["text_da"].startswith("Ja: Chef for Økonomi og Stab deltager i Direktørforum")
    assert hint["text_en"].startswith("Yes: Head of Finance and Staff participates in ")
    # a question of one node has none
    assert http.get("/api/v1/owners", params={"q": "hvem er ØU?"}).json()[
        "node_hint"]["between"] is None


def test_owners_of_what_is_not_a_task_say_who_is_in_charge_of_it(http: httpx.Client) -> None:
    # No task uses Aula, so no task answers; the unit that supports it is named, with the
    # relation's source and confidence (an assumption).
    answer = http.get("/api/v1/owners", params={"q": "hvem har ansvaret for Aula?"}).json()
    assert answer["results"] == []
    hint = answer["node_hint"]
    assert hint["node"]["id"] == "system:aula"
    assert [(r["type"], r["node"]["id"], r["source"], r["confidence"])
            for r in hint["relations"]] == [
        ("SUPPORTS", "unit:it-og-digitalisering", "assumption", "low")]
    assert hint["text_da"].startswith("Aula er et system, som ingen opgave i modellen bruger.")
    assert "Supported by: IT and Digitalisation" in hint["text_en"]
    # Only weak answers, each meeting a stray word: the node named answers alone.
    weak = http.get("/api/v1/owners", params={"q": "AppWriter"}).json()
    assert weak["results"] == [] and weak["node_hint"]["node"]["id"] == "system:appwriter"
    post = http.get("/api/v1/owners", params={"q": "hvem er kommunaldirektør?"}).json()
    assert post["results"] == [] and post["node_hint"]["node"]["id"] == "post:kommunaldirektor"
    # Who decides on something: what decides it, the words that ask left out.
    rail = http.get("/api/v1/owners", params={"q": "who decides on the light rail?"}).json()
    assert rail["results"] == [] and rail["node_hint"]["relations"][0]["type"] == "DECIDES"
    # Who chairs a committee: no task is that answer; the committee's chair is.
    chair = http.get("/api/v1/owners", params={"q": "who chairs the finance committee"}).json()
    hint = chair["node_hint"]
    assert hint["node"]["id"] == "body:okonomiudvalget"
    assert ("MEMBER_OF", "post:borgmester", "formand") in [
        (r["type"], r["node"]["id"], r["role"]) for r in hint["relations"]]
    # The common roles said in English in the English text (data keeps its Danish words).
    assert "Members: Mayor (chair; " in hint["text_en"]
    assert "Medlemmer: Borgmester (formand; " in hint["text_da"]
    # A system a task uses leads to the task; a task that fits well, to no hint.
    for question in ("hvem ejer RolleBi", "løn", "hvem står for årsregnskabet"):
        assert http.get("/api/v1/owners", params={"q": question}).json()["node_hint"] is None


@pytest.mark.parametrize("question", ["løn", "payroll", "lonudbetaling", "81.15.00", "task:lon",
                                      "lø\u00adn", "l\u200bøn"])  # soft hyphen, zero width
def test_owners_of_payroll_name_organisation_og_politik_and_the_escalation(
    http: httpx.Client, question: str
) -> None:
    answer = http.get("/api/v1/owners", params={"q": question}).json()
    best = answer["results"][0]
    assert best["task"]["id"] == "task:lon" and best["task"]["kle"] == "81.15.00"
    accountable = [o["name"] for o in best["owners"] if o["raci"] == "A"]
    assert accountable == ["Organisation og Politik"]
    # each owner says how sure its link is: the team is an assumption
    assert [(o["raci"], o["confidence"], o["source"]) for o in best["owners"]][1:] == [
        ("R", "low", "assumption")]
    assert best["accountable_post"]["name"] == "Enhedsleder for Organisation og Politik"
    assert [e["name"] for e in best["escalation"]] == [
        "Chef for Økonomi og Stab", "Kommunaldirektør", "Borgmester", "Kommunalbestyrelsen"]
    assert answer["query"] == question


def test_raw_utf8_in_the_url_works_as_curl_sends_it(live_api: LiveServer) -> None:
    # curl 'http://127.0.0.1:8000/api/v1/owners?q=løn' sends the ø unescaped.
    import socket

    with socket.create_connection(("127.0.0.1", live_api.port), timeout=5) as sock:
        sock.sendall("GET /api/v1/owners?q=løn HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                     .encode())
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 200")
    assert b"Organisation og Politik" in reply


def test_a_node_with_a_colon_in_its_id_has_its_edges_record_and_etag(http: httpx.Client) -> None:
    response = http.get("/api/v1/nodes/unit:organisation-og-politik")
    assert response.status_code == 200
    body = response.json()
    assert body["node"]["name"] == "Organisation og Politik"
    assert body["record"]["level"] == "enhed"
    assert any(e["type"] == "RESPONSIBLE_FOR" and e["target_id"] == "task:lon"
               for e in body["edges"])
    etag = response.headers["etag"]
    # the record's tag (32 hex digits), a dash, and a digest of the answer
    assert etag.startswith('"') and etag.endswith('"') and len(record_tag(etag)) == 32
    assert http.get("/api/v1/nodes/unit%3Aorganisation-og-politik").headers["etag"] == etag


def test_unknown_ids_are_404_problems(http: httpx.Client) -> None:
    body = problem(http.get("/api/v1/nodes/unit:does-not-exist"), 404)
    assert "unit:does-not-exist" in body["detail"]
    assert body["instance"] == "/api/v1/nodes/unit:does-not-exist"
    for path in ("chain", "members", "memberships", "responsibilities", "neighbourhood",
                 "subtree"):
        problem(http.get(f"/api/v1/{path}/post:nobody"), 404)
    problem(http.get("/api/v1/no-such-endpoint"), 404)


def test_as_of_answers_for_the_date(http: httpx.Client) -> None:
    # Organisation og Politik was created (by a merger) on 2023-01-01.
    problem(http.get("/api/v1/nodes/unit:organisation-og-politik",
                     params={"as_of": "2022-06-01"}), 404)
    before = http.get("/api/v1/owners", params={"q": "løn", "as_of": "2022-06-01"}).json()
    assert before["as_of"] == "2022-06-01"
    owners_2022 = {o["id"] for o in before["results"][0]["owners"]}
    assert "unit:organisation-og-politik" not in owners_2022


def test_invalid_parameters_are_422_with_field_paths(http: httpx.Client) -> None:
    body = problem(http.get("/api/v1/owners", params={"q": "løn", "as_of": "yesterday"}), 422)
    assert ["query", "as_of"] in [e["loc"] for e in body["errors"]]
    body = problem(http.get("/api/v1/nodes", params={"limit": 0}), 422)
    assert body["errors"][0]["loc"] == ["query", "limit"]
    body = problem(http.get("/api/v1/owners"), 422)
    assert body["errors"][0]["loc"] == ["query", "q"]
    for path in ("/api/v1/owners", "/api/v1/search"):
        # ... a zero-width space alone too, which no reader sees (the API client's probe)
        for blank in ("   ", "\u200b", " \u00ad "):
            body = problem(http.get(path, params={"q": blank}), 422)
            assert body["errors"][0]["loc"] == ["query", "q"]
            assert "only spaces" in body["errors"][0]["msg"]
        body = problem(http.get(path, params={"q": "løn " * 100}), 422)
        assert body["errors"][0]["msg"] == "String should have at most 200 characters"
    problem(http.get("/api/v1/neighbourhood/unit:okonomi-og-stab",
                     params={"kinds": "Unit,Spaceship"}), 422)


def test_list_and_filter_nodes_pages_through_all(http: httpx.Client) -> None:
    first = http.get("/api/v1/nodes", params={"kind": "Unit", "limit": 5}).json()
    rest = http.get("/api/v1/nodes", params={"kind": "Unit", "offset": 5, "limit": 500}).json()
    ids = [n["id"] for n in first["items"] + rest["items"]]
    assert first["total"] == len(ids) == len(set(ids)) and ids == sorted(ids)
    assert all(i.startswith("unit:") for i in ids)
    found = http.get("/api/v1/nodes", params={"q": "indkøb"}).json()
    assert found["items"][0]["id"] == "task:indkob"
    # what the data only assumes, to check (it was 422: "not a parameter")
    low = http.get("/api/v1/nodes", params={"confidence": "low", "limit": 500}).json()
    assert low["total"] == len(low["items"]) > 5
    assert {n["confidence"] for n in low["items"]} == {"low"}
    assert problem(http.get("/api/v1/nodes", params={"confidence": "unsure"}),
                   422)["errors"][0]["loc"] == ["query", "confidence"]


def test_search_is_danish_aware_and_filters_kinds(http: httpx.Client) -> None:
    hits = http.get("/api/v1/search", params={"q": "okonomi og stab", "kinds": "Unit"}).json()
    assert hits["results"][0]["id"] == "unit:okonomi-og-stab"
    assert {h["kind"] for h in hits["results"]} == {"Unit"}


def test_chain_members_memberships_and_responsibilities(http: httpx.Client) -> None:
    chain = http.get("/api/v1/chain/unit:organisation-og-politik").json()["chain"]
    assert [c["id"] for c in chain][-1] == "body:kommunalbestyrelsen"
    members = http.get("/api/v1/members/forum:chefforum").json()["items"]
    assert "post:chef-okonomi-og-stab" in {m["node"]["id"] for m in members}
    memberships = http.get("/api/v1/memberships/post:chef-okonomi-og-stab").json()["items"]
    assert "forum:chefforum" in {m["node"]["id"] for m in memberships}
    # Each role in English too, for an English client's labels (it had the Danish alone).
    roles = {m["role"]: m["role_en"] for m in memberships if m["role"]}
    assert roles["nøglespiller"] == "key player" and roles["chef"] == "head of department"
    kd = http.get("/api/v1/owners", params={"q": "hvem sidder i Direktørforum?"}).json()
    assert {r["role_en"] for r in kd["node_hint"]["relations"] if r["role"]} >= {"member"}
    own = http.get("/api/v1/responsibilities/unit:okonomi-og-stab").json()["items"]
    deep = http.get("/api/v1/responsibilities/unit:okonomi-og-stab",
                    params={"descendants": "true"}).json()["items"]
    assert "task:lon" in {r["task"]["id"] for r in deep}
    assert len(deep) > len(own)


def test_neighbourhood_paths_and_subtree(http: httpx.Client) -> None:
    near = http.get("/api/v1/neighbourhood/unit:organisation-og-politik",
                    params={"kinds": "Unit,Post", "edges": ["HEADS", "PART_OF"]}).json()
    assert {n["kind"] for n in near["nodes"]} <= {"Unit", "Post"}
    assert {e["type"] for e in near["edges"]} <= {"HEADS", "PART_OF"}
    assert "post:enhedsleder-organisation-og-politik" in {n["id"] for n in near["nodes"]}
    paths = http.get("/api/v1/paths", params={"from": "unit:organisation-og-politik",
                                              "to": "body:okonomiudvalget"}).json()
    assert paths["from"] == "unit:organisation-og-politik"
    assert all(p[0]["id"] == "unit:organisation-og-politik"
               and p[-1]["id"] == "body:okonomiudvalget" for p in paths["paths"])
    tree = http.get("/api/v1/subtree/unit:okonomi-og-stab").json()
    assert {"unit:organisation-og-politik", "post:chef-okonomi-og-stab"} <= {
        n["id"] for n in tree["nodes"]}


def test_an_edge_reads_with_its_etag(http: httpx.Client) -> None:
    key = "RESPONSIBLE_FOR:unit:organisation-og-politik->task:lon"
    response = http.get(f"/api/v1/edges/{key}")
    assert response.status_code == 200
    assert response.json()["record"] == {
        "type": "RESPONSIBLE_FOR", "from": "unit:organisation-og-politik", "to": "task:lon",
        "raci": "A", "valid_from": "2023-01-01", "source": "seed", "confidence": "high"}
    assert response.headers["etag"]
    problem(http.get("/api/v1/edges/PART_OF:unit:a->unit:b"), 404)


def test_health_and_ready(http: httpx.Client) -> None:
    assert http.get("/health").json() == {"status": "ok", "store": None}
    ready = http.get("/ready").json()
    assert ready["status"] == "ready" and ready["store"] == "EditableMemoryStore"


def test_security_headers_on_answers_and_errors(http: httpx.Client) -> None:
    for response in (http.get("/api/v1/owners", params={"q": "løn"}),
                     http.get("/api/v1/nodes/unit:nowhere")):
        headers = response.headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "SAMEORIGIN"
        assert headers["referrer-policy"] == "same-origin"
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'self'" in csp
        # neither a <base> nor a form that sends elsewhere (the review)
        assert "base-uri 'none'" in csp and "form-action 'self'" in csp
        assert "access-control-allow-origin" not in headers  # CORS is off by default


def test_cors_and_frame_ancestors_are_settings(start_server: object) -> None:
    server = start_server(cors_origins=["https://intranet.example"],  # type: ignore[operator]
                          frame_ancestors="'self' https://intranet.example")
    with server.client() as http:
        response = http.get("/api/v1/owners", params={"q": "løn"},
                            headers={"Origin": "https://intranet.example"})
        assert response.headers["access-control-allow-origin"] == "https://intranet.example"
        assert "etag" in response.headers["access-control-expose-headers"].lower()
        preflight = http.options("/api/v1/nodes/task:lon", headers={
            "Origin": "https://intranet.example", "Access-Control-Request-Method": "PUT",
            "Access-Control-Request-Headers": "If-Match, Authorization"})
        assert preflight.status_code == 200
        assert "x-frame-options" not in response.headers
        assert response.headers["content-security-policy"].endswith(
            "frame-ancestors 'self' https://intranet.example")
        other = http.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        # a refused preflight is a problem document, as every error is (the API client's
        # probe: "Disallowed CORS origin" as plain text)
        refused = problem(http.options("/api/v1/nodes", headers={
            "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}), 400)
        assert refused["detail"].startswith("Disallowed CORS origin")


def test_reads_can_require_a_token(start_server: object) -> None:
    server = start_server(read_requires_token=True)  # type: ignore[operator]
    with server.client() as anonymous:
        body = problem(anonymous.get("/api/v1/owners", params={"q": "løn"}), 401)
        assert "bearer" in body["detail"].lower()
        assert anonymous.get("/health").status_code == 200  # liveness stays open
    with server.client(READER) as reader:
        assert reader.get("/api/v1/owners", params={"q": "løn"}).status_code == 200
    with server.client("wrong-token") as stranger:
        response = stranger.get("/api/v1/owners", params={"q": "løn"})
        problem(response, 401)
        assert 'error="invalid_token"' in response.headers["www-authenticate"]


def test_commands_asking_an_api_without_a_valid_token_say_how_to_give_one(
        start_server: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # They printed the problem's raw JSON and exited 1, as for an unknown id. The log and the
    # export take a token even where reads are open (they hold what was deleted, and persons).
    server = start_server()  # type: ignore[operator]
    for command in (["history", "--url", server.url],
                    ["export-data", str(tmp_path / "out"), "--url", server.url]):
        for token in ([], ["--token", "wrong-token"]):
            assert main([*command, *token, "--lang", "en"]) == 2, command
            err = capsys.readouterr().err
            assert err.startswith(f"orgmodel: {server.url} refused the request (HTTP 401: ")
            assert err.endswith("give a valid token with --token or $ORGMODEL_TOKEN\n")
            assert "{" not in err
    assert not (tmp_path / "out").exists()
    assert main(["history", "--url", server.url, "--token", READER]) == 0


def test_head_answers_every_get_with_its_headers_alone(http: httpx.Client) -> None:
    for path in ("/health", "/api/v1/nodes/task:lon", "/api/v1/owners?q=l%C3%B8n", "/docs"):
        got = http.get(path)
        head = http.head(path)
        assert (head.status_code, got.status_code) == (200, 200), path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"]
        assert head.headers.get("etag") == got.headers.get("etag"), path
    assert http.head("/api/v1/nodes/no:such").status_code == 404


def test_every_read_says_the_date_it_answers_for(http: httpx.Client) -> None:
    for path, params in (("/api/v1/nodes", {"limit": 1}), ("/api/v1/nodes/task:lon", {}),
                         ("/api/v1/neighbourhood/task:lon", {}),
                         ("/api/v1/subtree/unit:okonomi-og-stab", {}),
                         ("/api/v1/chain/task:lon", {}), ("/api/v1/owners", {"q": "løn"})):
        dated = http.get(path, params={**params, "as_of": "2024-06-01"})
        assert dated.status_code == 200 and dated.json()["as_of"] == "2024-06-01", path
        assert http.get(path, params=params).json()["as_of"] == date.today().isoformat(), path


def test_a_query_parameter_the_endpoint_does_not_take_is_an_error_not_ignored(
    http: httpx.Client
) -> None:
    # /nodes filters by `kind`; `kinds` is /search's. Ignored, it would list every node.
    wrong = http.get("/api/v1/nodes", params={"kinds": "Unit,Post"})
    assert wrong.status_code == 422
    assert wrong.json()["errors"] == [{
        "loc": ["query", "kinds"], "type": "unknown_parameter",
        "msg": "not a parameter of this endpoint (it takes: as_of, confidence, kind, limit, "
               "offset, q)",
        "msg_da": "ikke en parameter til dette endpoint (det tager: as_of, confidence, kind, "
                  "limit, offset, q)"}]
    twice = http.get("/api/v1/nodes?kind=Unit&kind=Post")
    assert twice.status_code == 422 and twice.json()["errors"][0]["type"] == "repeated_parameter"
    # A list parameter takes several; a typo in a question's limit is named.
    assert http.get("/api/v1/search?q=l%C3%B8n&kinds=Task&kinds=Unit").status_code == 200
    # A record read by key takes a date (it holds on any), but one that is no date is named.
    edge = "/api/v1/edges/USES:task:lon-%3Esystem:opus-lon"
    assert http.get(edge, params={"as_of": "2025-01-01"}).status_code == 200
    garbage = http.get(edge, params={"as_of": "garbage"})
    assert garbage.status_code == 422 and garbage.json()["errors"][0]["loc"] == ["query", "as_of"]
    assert "YYYY-MM-DD" in garbage.json()["errors"][0]["msg"]
    # The log and the export are of every date: a date there asked for what they do not do
    # (it was taken and ignored: the whole log came back as "the log of 2025-01-01").
    for path in ("/api/v1/audit", "/api/v1/export"):
        dated = http.get(path, params={"as_of": "2025-01-01"})
        assert dated.status_code == 422, path
        assert dated.json()["errors"][0]["type"] == "unknown_parameter", path
    typo = http.get("/api/v1/owners", params={"q": "løn", "lmit": "2"})
    assert typo.status_code == 422 and typo.json()["errors"][0]["loc"] == ["query", "lmit"]


def test_a_question_that_is_an_unknown_id_is_a_404_naming_the_id_meant(
        http: httpx.Client) -> None:
    # "task:lonn" was an empty 200 (no task, no hint), while /nodes/task:lonn is a 404.
    missing = http.get("/api/v1/owners", params={"q": "task:lonn"})
    assert missing.status_code == 404
    assert missing.json()["detail"] == ("no node with the id or name 'task:lonn'; did you mean "
                                        "'task:lon' (Løn)?")
    assert http.get("/api/v1/owners", params={"q": "task:lon"}).json()["results"]


@pytest.mark.parametrize(("question", "named"), [
    ("who is the CFO of Albertslund?", "post:chef-okonomi-og-stab"),
    ("hvem er kommunaldirektør i Albertslund Kommune?", "post:kommunaldirektor"),
    ("hvem er økonomichef i albertslund", "post:chef-okonomi-og-stab"),
    ("hvad er Albertslund?", "org:albertslund-kommune"),
    ("hvem står bag Albertslund Centrum?", "initiative:albertslund-centrum")])
def test_the_municipalitys_name_where_it_says_where_is_left_out(
        http: httpx.Client, question: str, named: str) -> None:
    # The model is of one municipality: "… of Albertslund" met the tasks whose texts name the
    # town (budget adoption answered "who is the CFO of Albertslund?"), while without it the
    # post was named. Part of another name, or all there is, it stays.
    answer = http.get("/api/v1/owners", params={"q": question}).json()
    assert answer["node_hint"] is not None and answer["node_hint"]["node"]["id"] == named
    assert answer["results"] == []


def test_a_read_by_an_id_no_node_has_names_the_ids_meant(http: httpx.Client) -> None:
    # /chain/post:borgmestr said only "no node with id", while the question "post:borgmestr"
    # named the mayor: every read by id now says which ids are spelt nearly so.
    for path, params, meant in (
            ("/api/v1/chain/post:borgmestr", {}, "'post:borgmester' (Borgmester)"),
            ("/api/v1/nodes/forum:chefforu", {}, "'forum:chefforum' (Chefforum)"),
            ("/api/v1/members/forum:chefforu", {"as_of": "2025-01-01"},
             "'forum:chefforum' (Chefforum)"),
            ("/api/v1/paths", {"from": "post:borgmester", "to": "post:kommunaldirektr"},
             "'post:kommunaldirektor' (Kommunaldirektør)"),
            # ... and a name where an id was asked (the API client's probe: no suggestion)
            ("/api/v1/chain/borgmester", {}, "'post:borgmester' (Borgmester)"),
            ("/api/v1/nodes/Chefforum", {}, "'forum:chefforum' (Chefforum)")):
        missing = http.get(path, params=params)
        assert missing.status_code == 404, path
        assert missing.json()["detail"].endswith(f"; did you mean {meant}?"), path
    nothing_near = http.get("/api/v1/subtree/unit:zzz").json()["detail"]
    assert nothing_near == "no node with id 'unit:zzz'"


def test_members_or_tasks_of_a_kind_that_has_none_is_a_422(http: httpx.Client) -> None:
    # /members/task:lon was an empty 200: "no members" and "a task has none" looked alike.
    for path, said in (("/api/v1/members/task:lon", "task:lon is a Task, which has no members"),
                       ("/api/v1/responsibilities/system:opus-lon",
                        "system:opus-lon is a System, which has no tasks")):
        wrong = http.get(path)
        assert wrong.status_code == 422 and wrong.json()["detail"].startswith(said), path
        # ... naming the input, as every 422 does (the API client's probe: no "errors")
        [error] = wrong.json()["errors"]
        assert error["loc"] == ["path", "node_id"] and error["msg"].startswith(said), path
    assert http.get("/api/v1/members/unit:okonomi-og-stab").json()["items"]  # its posts
    assert http.get("/api/v1/members/task:nowhere").status_code == 404


def test_an_empty_as_of_is_taken_and_the_schema_says_so(http: httpx.Client) -> None:
    # "?as_of=" answers for today, but the published schema said a date or nothing: clients
    # generated from it, and schema-driven tests, found the answer outside the contract.
    assert http.get("/api/v1/nodes/task:lon", params={"as_of": ""}).status_code == 200
    spec = http.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["name"] == "as_of":
                assert {"type": "string", "maxLength": 0} in parameter["schema"]["anyOf"], path


def test_an_edge_read_by_key_says_it_takes_a_date(http: httpx.Client) -> None:
    # "?foo=1" was refused with "it takes no parameters", though as_of is taken; two dates
    # were taken without a word.
    edge = "/api/v1/edges/USES:task:lon-%3Esystem:opus-lon"
    unknown = http.get(edge, params={"foo": "1"}).json()["errors"][0]
    assert unknown["msg"] == "not a parameter of this endpoint (it takes: as_of)"
    twice = http.get(edge + "?as_of=2024-01-01&as_of=2025-01-01")
    assert twice.status_code == 422
    assert twice.json()["errors"][0]["type"] == "repeated_parameter"


def test_the_schema_lists_only_the_statuses_a_route_answers(http: httpx.Client) -> None:
    # Every route of a router listed the router's statuses: a read's 412 and 428, a delete's
    # 415, a search's "unknown id" 404; clients generated from the schema handled them.
    paths = http.get("/openapi.json").json()["paths"]
    read = set(paths["/api/v1/edges/{key}"]["get"]["responses"])
    assert read >= {"200", "404", "422"} and not read & {"403", "409", "412", "415", "428"}
    delete = set(paths["/api/v1/edges/{key}"]["delete"]["responses"])
    assert {"412", "428"} <= delete and not delete & {"413", "415"}
    assert {"413", "415"} <= set(paths["/api/v1/edges"]["post"]["responses"])
    assert "404" not in paths["/api/v1/search"]["get"]["responses"]
    assert "404" in paths["/api/v1/nodes/{node_id}"]["get"]["responses"]


def test_the_api_root_says_what_it_is(http: httpx.Client) -> None:
    # /api/v1 was a 404.
    root = http.get("/api/v1")
    assert root.status_code == 200
    assert root.json() == {"name": "orgmodel API", "version": "1.0.0",
                           "openapi": "/openapi.json", "docs": "/docs"}
    assert http.get(root.json()["openapi"]).status_code == 200


def test_a_posts_stakeholders_are_read_over_http_as_its_map_places_them(
        http: httpx.Client) -> None:
    # The new chief's probe: no endpoint gave them; a client had to read the view's own data.
    answer = http.get("/api/v1/stakeholders/post:chef-okonomi-og-stab").json()
    assert answer["post"] == "post:chef-okonomi-og-stab" and answer["depth"] == 2
    found = {s["id"]: s for s in answer["stakeholders"]}
    director = found["post:kommunaldirektor"]
    assert director["quadrant"] == "manage" and director["distance"] == 1
    assert director["tie"][0] == {"type": "REPORTS_TO", "inverse": False, "raci": None,
                                  "id": "post:kommunaldirektor",
                                  "relation_da": "refererer til", "relation_en": "reports to"}
    assert "forum:direktorforum" in director["via"]
    # by strategy, manage closely first, as the map's table lists them
    order = ["manage", "satisfy", "inform", "monitor"]
    quadrants = [order.index(s["quadrant"]) for s in answer["stakeholders"]]
    assert quadrants == sorted(quadrants)
    # ... within the post's ego network, which the map draws
    near = http.get("/api/v1/neighbourhood/post:chef-okonomi-og-stab",
                    params={"depth": 2}).json()["nodes"]
    assert set(found) <= {node["id"] for node in near} and len(found) > 20
    # one step reaches fewer; too many steps, or no post, are refused by name
    one = http.get("/api/v1/stakeholders/post:chef-okonomi-og-stab", params={"depth": 1})
    assert len(one.json()["stakeholders"]) < len(found)
    assert problem(http.get("/api/v1/stakeholders/post:borgmester",
                            params={"depth": 9}), 422)["errors"][0]["loc"] == ["query", "depth"]
    unit = problem(http.get("/api/v1/stakeholders/unit:okonomi-og-stab"), 422)
    assert "is a Unit" in unit["detail"] and unit["errors"][0]["loc"] == ["path", "node_id"]
    problem(http.get("/api/v1/stakeholders/post:ingen-saadan"), 404)


def test_a_question_of_a_phone_number_is_told_the_data_holds_none(http: httpx.Client) -> None:
    # Round 12: "hvad er telefonnummeret til lønkontoret?" gave the payroll task as if it were
    # the answer, and never said that the data holds no phone numbers.
    asked = http.get("/api/v1/owners", params={"q": "hvad er telefonnummeret til lønkontoret?",
                                               "with_facts": "true"}).json()
    assert asked["no_phone_numbers"] is True
    assert asked["results"][0]["task"]["id"] == "task:lon"  # what the data has: its mailbox
    assert http.get("/api/v1/owners", params={"q": "løn"}).json()["no_phone_numbers"] is False
    # Round 13: "phone" met the staff's phones (their devices), not what the rest asks for.
    english = http.get("/api/v1/owners", params={"q": "phone number of payroll"}).json()
    assert english["no_phone_numbers"] is True
    assert english["results"][0]["task"]["id"] == "task:lon"


def test_a_question_before_an_event_is_answered_for_the_day_before_it(
        http: httpx.Client) -> None:
    # Rounds 12 and 13: "før sammenlægningen" was answered for today.
    asked = http.get("/api/v1/owners",
                     params={"q": "hvem var ansvarlig for HR før sammenlægningen?"}).json()
    assert asked["as_of"] == "2022-12-31"
    owners = asked["results"][0]["owners"]
    assert [o["id"] for o in owners if o["raci"] == "A"] == ["unit:okonomi-og-stab"]


def test_a_question_of_who_does_not_is_told_the_data_says_who_does(http: httpx.Client) -> None:
    # Round 13: "hvem har IKKE ansvaret for løn" was answered by who has, as if it were the
    # answer; "who is NOT responsible for payroll" opened with the new payroll system.
    for question in ("hvem har IKKE ansvaret for løn", "who is NOT responsible for payroll?"):
        asked = http.get("/api/v1/owners", params={"q": question}).json()
        assert asked["who_not"] is True and asked["node_hint"] is None, question
        assert asked["results"][0]["task"]["id"] == "task:lon", question
    assert http.get("/api/v1/owners", params={"q": "hvem har ansvaret for løn"}
                    ).json()["who_not"] is False


def test_a_question_of_an_amount_is_told_the_data_holds_none(http: httpx.Client) -> None:
    # Round 13: "what is the budget of Finance and Staff" gave the budget task, no word that
    # the data holds no amounts; who holds the task still follows.
    asked = http.get("/api/v1/owners",
                     params={"q": "what is the budget of Finance and Staff"}).json()
    assert asked["no_amounts"] is True and asked["no_phone_numbers"] is False
    assert asked["results"][0]["task"]["id"] == "task:budget"
    for question in ("hvem har ansvaret for budgettet?", "budgetopfølgning"):
        assert http.get("/api/v1/owners", params={"q": question}).json()["no_amounts"] is False
