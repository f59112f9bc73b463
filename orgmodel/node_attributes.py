"""A node's own attributes for naming it in an answer, when the node can be read at all.

Answers name nodes by :class:`~orgmodel.contract.NodeRef` (id, name, kind); a unit is better
named by its level (afdeling, enhed, team: :func:`orgmodel.messages.kind_label`), which sits in
the node's attributes. Built on the contract's ``node``, so both stores give the same.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER
>>> from orgmodel.store.memory import MemoryStore
>>> store = MemoryStore(Dataset.build([NODE_ADAPTER.validate_python(
...     {"id": "unit:lon", "kind": "Unit", "name": "Løn", "level": "team",
...      "valid_from": "2024-01-01", "source": "seed", "confidence": "high"})], []))
>>> node_attributes(store, "unit:lon", date(2025, 1, 1))
{'level': 'team'}
>>> node_attributes(store, "unit:lon", date(2020, 1, 1))
{}
"""

from __future__ import annotations

from datetime import date
from typing import Any

from orgmodel.contract import OrgStore
from orgmodel.exceptions import NotFoundError

__all__ = ["node_attributes"]


def node_attributes(store: OrgStore, node_id: str, as_of: date | None) -> dict[str, Any]:
    """A node's attributes (a unit's level names its kind), or none if it cannot be read.

    An owner may be valid on a day its own record is not: then its kind alone names it.
    """
    try:
        return store.node(node_id, as_of=as_of).attributes
    except NotFoundError:
        return {}
