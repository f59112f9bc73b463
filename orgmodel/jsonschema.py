"""The JSON Schema of a data file, generated from the records, for editors.

YAML files point at it with ``# yaml-language-server: $schema=../schema/orgmodel-data.schema.json``
so editors complete field names and flag mistakes while typing. The schema is checked
in; a test fails when it no longer matches the records.

Examples
--------
>>> schema = data_file_schema()
>>> sorted(schema["properties"])
['edges', 'nodes', 'sources']
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from orgmodel.records import AnyNode, EdgeRecord, SourceRecord

__all__ = ["SCHEMA_PATH", "data_file_schema", "data_file_schema_text"]

SCHEMA_PATH = "schema/orgmodel-data.schema.json"


class DataFile(BaseModel):
    """One data file of an orgmodel data folder."""

    model_config = ConfigDict(extra="forbid", title="orgmodel data file")

    sources: list[SourceRecord] = Field(default_factory=list, description="Sources cited by key.")
    nodes: list[AnyNode] = Field(default_factory=list, description="Nodes of any kind.")
    edges: list[EdgeRecord] = Field(default_factory=list, description="Typed, dated relations.")


def data_file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one data file."""
    schema = DataFile.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "orgmodel-data.schema.json"
    return schema


def data_file_schema_text() -> str:
    """The schema as the text written to ``data/schema/orgmodel-data.schema.json``."""
    return json.dumps(data_file_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
