"""Shared fixtures: paths to the project's data and to the shared reference files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data" / "albertslund"
SHARED = ROOT.parent / "shared"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Keep conftest files out of --doctest-modules collection.

    Several test folders have a conftest.py and no __init__.py; collecting them as doctest
    modules imports a second module named ``conftest`` and pytest refuses the mismatch.
    Pytest still loads them as conftests.
    """
    return True if collection_path.name == "conftest.py" else None


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA_DIR


@pytest.fixture(scope="session")
def albertslund():  # type: ignore[no-untyped-def]
    from orgmodel.loader import load_dataset

    return load_dataset(DATA_DIR)


@pytest.fixture(scope="session")
def memory_store(albertslund):  # type: ignore[no-untyped-def]
    from orgmodel.store.memory import MemoryStore

    return MemoryStore(albertslund)


# A real Neo4j for the contract and integration tests (started here if NEO4J_URI is unset).
from neo4j_service import neo4j_client, neo4j_env  # noqa: E402, F401
