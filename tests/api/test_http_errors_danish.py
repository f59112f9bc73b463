"""Every problem with a request is said in Danish too (``msg_da``), wholly in Danish.

A Danish client shows ``msg_da``; a message pydantic words with a reason after a comma came
half translated ("skal være a valid integer, unable to parse …"), and the API's own words
(an unknown parameter, an empty question, JSON that does not parse) had no Danish at all.
"""

from __future__ import annotations

import re

import pytest
from httpapi import ANNA, LiveServer, problem

# Words of pydantic's and the API's English that Danish never writes.
ENGLISH = re.compile(r"\b(should|valid|unable|parse|given|takes|only|spaces|decode|Expecting|"
                     r"missing|least|item|dictionary|object|extract)\b")

READS = [
    ("/api/v1/nodes?limit=abc", "skal være et helt tal (fik 'abc')"),
    ("/api/v1/owners?q=l%C3%B8n&with_facts=maybe", "skal være true eller false (fik 'maybe')"),
    ("/api/v1/owners?q=%20%20",
     "tom eller kun mellemrum: skriv et ord, et opgave-id eller et KLE-nummer"),
    ("/api/v1/owners?q=l%C3%B8n&lang=en",
     "ikke en parameter til dette endpoint (det tager: as_of, limit, q, with_facts)"),
    ("/api/v1/owners?q=l%C3%B8n&q=hr", "angivet mere end én gang; den tager én værdi"),
]


@pytest.mark.parametrize(("path", "danish"), READS)
def test_a_bad_read_is_said_in_danish(live_api: LiveServer, path: str, danish: str) -> None:
    with live_api.client() as http:
        errors = problem(http.get(path), 422)["errors"]
    assert [e["msg_da"] for e in errors] == [danish]


WRITES = [
    ("/api/v1/nodes", b"[]", "skal være et JSON-objekt ({…})"),
    ("/api/v1/nodes", b"{bad",
     "JSON-fejl: forventede et feltnavn i dobbelte anførselstegn (ved tegn 1)"),
    ("/api/v1/nodes", b'{"id": "unit:x"}', "kind mangler: en node er en af Asset, Body, Forum, "
     "Initiative, Organisation, Person, Policy, Post, Stakeholder, System, Task, Unit"),
    ("/api/v1/changes", b'{"operations": []}', "skal have mindst 1 element"),
    ("/api/v1/edges", b'{"type": "PART_OF", "id": "unit:okonomi-og-stab", "from": '
     b'"unit:it-og-digitalisering", "to": "unit:okonomi-og-stab", "source": "seed", '
     b'"confidence": "low"}',
     "en node har allerede id'et unit:okonomi-og-stab: giv relationen et andet id"),
    ("/api/v1/nodes", b'{"id": "person:y", "kind": "Robot", "name": "Y"}',
     "'Robot' er ingen slags node: en node er en af Asset, Body, Forum, Initiative, "
     "Organisation, Person, Policy, Post, Stakeholder, System, Task, Unit"),
    # the body reader's own words were left in English within the Danish
    ("/api/v1/nodes", b'{"id": "person:y", "kind": "Person", "name": "Y", "name": "Z"}',
     "JSON-fejl: nøglen 'name' står to gange i objektet (ved tegn 50)"),
    ("/api/v1/nodes", b"[" * 100_000 + b"]" * 100_000,
     "JSON-fejl: indlejret for dybt (ved tegn 0)"),
    # ... and of a number too long to read (the API client's probe: half in English)
    ("/api/v1/nodes", b'{"id": "unit:x", "staff_count": ' + b"1" * 5000 + b"}",
     "JSON-fejl: et tal med mere end 4300 cifre (ved tegn 0)"),
    ("/api/v1/changes", b'{"operations": [{"op": "delete", "key": "unit:x"}]}',
     "delete skal have if_match: postens ETag, som den sidst blev læst"),
]


@pytest.mark.parametrize(("path", "body", "danish"), WRITES)
def test_a_bad_write_is_said_in_danish(editable_api: LiveServer, path: str, body: bytes,
                                       danish: str) -> None:
    with editable_api.client(ANNA) as http:
        errors = problem(http.post(path, content=body,
                                   headers={"Content-Type": "application/json"}), 422)["errors"]
    assert [e["msg_da"] for e in errors] == [danish]
    assert not ENGLISH.search(danish)


def test_a_message_of_no_known_shape_has_no_half_danish(live_api: LiveServer) -> None:
    # Every problem of a mixed bag: Danish throughout where given.
    with live_api.client() as http:
        responses = [http.get(path) for path in (
            "/api/v1/nodes?limit=0&as_of=2024-02-30", "/api/v1/search?q=x&kinds=Galaxy",
            "/api/v1/neighbourhood/task:lon?depth=x", "/api/v1/paths?from=a")]
    said = [e.get("msg_da") for r in responses for e in problem(r, 422)["errors"]]
    assert said and all(said), said
    assert not [text for text in said if ENGLISH.search(text)]


def test_english_is_left_as_it_is(live_api: LiveServer) -> None:
    with live_api.client() as http:
        error = problem(http.get("/api/v1/nodes?limit=abc"), 422)["errors"][0]
    assert error["msg"] == ("Input should be a valid integer, unable to parse string as an "
                            "integer (got 'abc')")
    assert error["msg_da"] == "skal være et helt tal (fik 'abc')"


def test_a_cycle_names_the_edge_written_by_its_file_alone(editable_api: LiveServer) -> None:
    # "edges at okonomi-og-stab.yaml:343, api-edits.yaml:0": the edge sent has no line yet.
    edge = {"type": "PART_OF", "from": "unit:okonomi-og-stab", "to": "unit:okonomi-og-indkob",
            "source": "seed", "confidence": "low"}
    with editable_api.client(ANNA) as http:
        error = problem(http.post("/api/v1/edges", json=edge), 422)["errors"][0]
    assert error["msg"].startswith("PART_OF cycle: ") and error["msg"].endswith(
        ", api-edits.yaml)")
    assert error["msg_da"].startswith("kredsløb af PART_OF: ") and ":0" not in error["msg_da"]
