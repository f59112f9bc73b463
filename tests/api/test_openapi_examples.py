"""The OpenAPI document says what the API answers: its examples hold to their own schemas, and
its headers, conditional reads and media types are there (a client generated from it, or a
mock server answering its examples, meets what the API answers)."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from api.app import create_app
from api.settings import Settings


def _document() -> dict[str, Any]:
    document: dict[str, Any] = create_app(Settings()).openapi()
    return document


DOCUMENT = _document()
EXAMPLES = [(name, index, example)
            for name, schema in DOCUMENT["components"]["schemas"].items()
            for index, example in enumerate(schema.get("examples", []))]


def test_the_schemas_have_examples() -> None:
    assert len({name for name, _index, _example in EXAMPLES}) >= 15


@pytest.mark.parametrize(("name", "index", "example"), EXAMPLES,
                         ids=[f"{name}-{index}" for name, index, _example in EXAMPLES])
def test_an_example_holds_to_its_schema(name: str, index: int, example: Any) -> None:
    # The API client's probe: the examples of EdgeDetail, MembershipsAnswer, NodeDetail and
    # SubgraphAnswer lacked the required "role_en", NodeSaved's "notices_da".
    schema = {**DOCUMENT["components"]["schemas"][name],
              "components": DOCUMENT["components"]}
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(example),
                    key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]



def test_the_document_says_the_http_the_api_answers() -> None:
    # The API client's probe: no ETag or Location header, no If-None-Match or 304, no 400 for
    # a body that is not UTF-8, no as_of on an edge's read, PATCH as merge-patch only.
    paths = DOCUMENT["paths"]
    node = paths["/api/v1/nodes/{node_id}"]
    assert "If-None-Match" in {p["name"] for p in node["get"]["parameters"]}
    assert "304" in node["get"]["responses"]
    assert "ETag" in node["get"]["responses"]["200"]["headers"]
    created = paths["/api/v1/nodes"]["post"]["responses"]
    assert {"ETag", "Location"} <= set(created["201"]["headers"]) and "400" in created
    assert "ETag" in node["put"]["responses"]["200"]["headers"]
    assert {"application/merge-patch+json", "application/json"} <= set(
        node["patch"]["requestBody"]["content"])
    assert "400" not in node["delete"]["responses"]
    assert "as_of" in {p["name"] for p in paths["/api/v1/edges/{key}"]["get"]["parameters"]}
    # the export is streamed: no tag, no 304
    assert "304" not in paths["/api/v1/export"]["get"]["responses"]
