"""Maintenance of the Neo4j graph: a canonical dump for comparisons, and a wipe for tests."""

from __future__ import annotations

import json

from orgmodel.store import neo4j_cypher as cypher
from orgmodel.store.neo4j_connection import Neo4jClient

__all__ = ["dump_graph", "wipe_graph"]


def dump_graph(client: Neo4jClient) -> list[str]:
    """Every node and relationship in the database as sorted JSON lines (for comparisons)."""
    lines = [json.dumps({"labels": sorted(r["labels"]), **r["props"]}, sort_keys=True,
                        default=str, ensure_ascii=False)
             for r in client.read(cypher.DUMP_NODES)]
    lines += [json.dumps({"type": r["type"], "from": r["source"], "to": r["target"],
                          **r["props"]}, sort_keys=True, default=str, ensure_ascii=False)
              for r in client.read(cypher.DUMP_RELATIONSHIPS)]
    return sorted(lines)


def wipe_graph(client: Neo4jClient) -> None:
    """Delete every node and relationship (schema stays). For tests and fresh starts."""
    client.run_implicit(cypher.WIPE)
