"""How records become Neo4j properties (no server needed)."""

from __future__ import annotations

from orgmodel.store.neo4j_props import DATE_FIELDS


def test_every_date_field_is_stored_as_a_neo4j_date() -> None:
    # Stored as text, Cypher's date comparisons find no record valid on any day: every
    # dated answer of the Neo4j store went empty when the fields' type was wrapped.
    assert {"valid_from", "valid_to", "adopted"} == DATE_FIELDS
