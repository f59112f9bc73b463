"""The contract suite's stores: the bundled data in the embedded store and in Neo4j.

A module of its own dataset (``test_contract_dated.py``) defines ``stores`` again.
"""

from __future__ import annotations

from typing import Any

import pytest
from contract_support import STORES, both_stores


@pytest.fixture(scope="module")
def stores(albertslund: Any, neo4j_client: Any) -> dict[str, Any]:
    return both_stores(albertslund, neo4j_client)


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, stores: dict[str, Any]) -> Any:
    return stores[request.param]
