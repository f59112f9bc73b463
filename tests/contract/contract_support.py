"""Contract helpers: the same dataset in the embedded store and in Neo4j, answers compared."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from orgmodel.dataset import Dataset
from orgmodel.store.memory import MemoryStore
from orgmodel.store.neo4j_connection import Neo4jClient
from orgmodel.store.neo4j_store import Neo4jStore
from orgmodel.store.neo4j_sync import sync_dataset, wipe_graph

STORES = ["memory", "neo4j"]


def both_stores(dataset: Dataset, client: Neo4jClient) -> dict[str, Any]:
    """The dataset in a MemoryStore and (wiped, then synced) in Neo4j."""
    wipe_graph(client)
    report = sync_dataset(client, dataset)
    assert report.nodes.added == len(dataset.nodes)
    return {"memory": MemoryStore(dataset), "neo4j": Neo4jStore(client)}


def outcome(call: Callable[[], Any]) -> Any:
    """The answer of ``call``, or the error it raised (type and message), for comparing."""
    try:
        return call()
    except Exception as exc:  # the error is part of the answer
        return ("raised", type(exc).__name__, str(exc))
