"""The responsibility edge behind each owner of an answer: how sure it is, and from where.

``owners`` names who holds R, A, C or I for a task; a reader also needs to see which of those
links are assumptions (FACTS.md: low confidence is shown as such). Built on the contract's
``edges_of``, so both stores give the same.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> store = MemoryStore(Dataset.build(
...     [NODE_ADAPTER.validate_python({"id": i, "kind": k, "name": i, "source": "seed",
...      "confidence": "high", **extra}) for i, k, extra in (
...          ("unit:lon", "Unit", {"level": "enhed"}), ("task:lon", "Task", {}))],
...     [EdgeRecord.model_validate({"type": "RESPONSIBLE_FOR", "raci": "A", "from": "unit:lon",
...      "to": "task:lon", "source": "assumption", "confidence": "low"})]))
>>> [answer] = store.owners("task:lon", as_of=date(2025, 1, 1))
>>> links = owner_links(store, answer, as_of=date(2025, 1, 1))
>>> [(owner.id, edge.confidence.value) for owner, edge in links]
[('unit:lon', 'low')]
"""

from __future__ import annotations

from datetime import date
from typing import Any

from orgmodel.contract import EdgeView, OrgStore, OwnerEntry, OwnersResult
from orgmodel.exceptions import NotFoundError
from orgmodel.schema import EdgeType

__all__ = ["node_attributes", "owner_links"]

def owner_links(store: OrgStore, result: OwnersResult, *,
                as_of: date | None) -> list[tuple[OwnerEntry, EdgeView | None]]:
    """Each owner of ``result`` with its responsibility edge (the least sure if several).

    An inherited owner's edge is on the task it is inherited from; ``None`` where no edge is
    found (it cannot be read on the date).
    """
    edges: dict[str, list[EdgeView]] = {}
    found = []
    for owner in result.owners:
        task = owner.inherited_from or result.task.id
        if task not in edges:
            edges[task] = [e for e in store.edges_of(task, as_of=as_of)
                           if e.type is EdgeType.RESPONSIBLE_FOR and e.target_id == task]
        candidates = [e for e in edges[task] if e.source_id == owner.id and e.raci == owner.raci]
        found.append((owner, min(candidates, key=lambda e: e.confidence.rank, default=None)))
    return found


def node_attributes(store: OrgStore, node_id: str, as_of: date | None) -> dict[str, Any]:
    """A node's attributes (a unit's level names its kind), or none if it cannot be read.

    An owner may be valid on a day its own record is not: then its kind alone names it.
    """
    try:
        return store.node(node_id, as_of=as_of).attributes
    except NotFoundError:
        return {}
