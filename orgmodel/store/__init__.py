"""Stores implementing the query contract: embedded (networkx) and Neo4j."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from orgmodel.contract import OrgStore

if TYPE_CHECKING:
    from orgmodel.dataset import Dataset

__all__ = ["open_store"]


def open_store(*, data_dir: Path, use_neo4j: bool = False,
               audit_file: Path | None = None, loaded: Dataset | None = None,
               replay_audit: bool = True) -> OrgStore:
    """Open the store asked for: Neo4j (settings from the environment) or the embedded graph.

    The embedded graph is built from ``data_dir`` after validating it whole (or from
    ``loaded``, that folder as the caller has just loaded it); it takes edits
    (:class:`~orgmodel.store.memory_writes.EditableMemoryStore`), and appends its audit log to
    ``audit_file`` if given, after making that file's edits again over the folder (unless
    ``replay_audit`` is false).
    """
    if use_neo4j:
        from orgmodel.store.neo4j_store import Neo4jStore

        return Neo4jStore.from_environment()
    from orgmodel.loader import load_dataset
    from orgmodel.store.memory import MemoryStore
    from orgmodel.store.memory_writes import EditableMemoryStore

    dataset = loaded if loaded is not None else load_dataset(data_dir)
    return EditableMemoryStore(MemoryStore(dataset), audit_file=audit_file, replay=replay_audit)
