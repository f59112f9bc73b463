"""The OpenAPI document's examples hold to their own schemas: a client generated from it, or
a mock server answering its examples, meets what the API answers."""

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

