"""Several edits as one: applied in order, checked once at the end, all or nothing.

Some changes cannot be made one record at a time, because every record in between would break
a rule of the data files. A new task needs an accountable owner (a ``RESPONSIBLE_FOR`` edge
with ``raci: A``), but that edge cannot exist before the task; a task cannot be deleted while
edges touch it, nor its last accountable edge before it. A batch makes them in one step: each
operation goes through :mod:`orgmodel.editing` with its own precondition (ETag), and the rules
are checked once, on the dataset after the last one. Stores persist the changes in one
transaction and log each in the audit log.

Examples
--------
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> ds = Dataset.build([node(id="unit:lon", kind="Unit", name="Løn", level="enhed")], [])
>>> task = node(id="task:lon", kind="Task", name="Løn")
>>> owns = EdgeRecord.model_validate({"type": "RESPONSIBLE_FOR", "from": "unit:lon",
...     "to": "task:lon", "raci": "A", "source": "seed", "confidence": "high"})
>>> changes = apply_all(ds, [Operation.put(task), Operation.put(owns)])
>>> [(c.action, c.key) for c in changes]
[('create', 'task:lon'), ('create', 'RESPONSIBLE_FOR:unit:lon->task:lon')]
>>> sorted(changes[-1].dataset.nodes), sorted(ds.nodes)  # ds itself is left as it was
(['task:lon', 'unit:lon'], ['unit:lon'])
>>> apply_all(ds, [Operation.put(task)])  # alone, the task has no accountable owner
Traceback (most recent call last):
...
orgmodel.exceptions.DataValidationError: 1 problem(s) in the data
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from orgmodel import editing
from orgmodel.dataset import Dataset
from orgmodel.editing import Change, Record
from orgmodel.exceptions import DataValidationError, OrgModelError, Problem
from orgmodel.records import EdgeRecord

__all__ = ["MAX_OPERATIONS", "Operation", "apply_all", "apply_one"]

#: Most operations in one batch: a batch is an editor's change, not a bulk load.
MAX_OPERATIONS = 1000


@dataclass(frozen=True)
class Operation:
    """One edit of a batch: put (create or replace) a record, or delete one by id or key.

    ``expected_etag`` is the ETag last read: required to replace or delete, ``None`` to create.
    """

    action: Literal["put", "delete"]
    record: Record | None = None
    key: str | None = None
    expected_etag: str | None = None

    @classmethod
    def put(cls, record: Record, expected_etag: str | None = None) -> Operation:
        """Create ``record`` (no ETag) or replace it (the ETag last read)."""
        return cls("put", record=record, expected_etag=expected_etag)

    @classmethod
    def delete(cls, key: str, expected_etag: str) -> Operation:
        """Delete the node with id ``key`` or the edge with key ``key``."""
        return cls("delete", key=key, expected_etag=expected_etag)


def apply_all(ds: Dataset, operations: Sequence[Operation]) -> list[Change]:
    """Apply ``operations`` in order to ``ds``; the last change holds the dataset after all.

    Raises
    ------
    AlreadyExistsError, NotFoundError, StaleWriteError, NodeInUseError
        As the single edits of :mod:`orgmodel.editing` do, for the first operation that fails
        (its index in ``operation``).
    DataValidationError
        If the batch is empty or too long, or the dataset after it breaks a rule that ``ds``
        did not (rules broken in between do not count).
    """
    if not 1 <= len(operations) <= MAX_OPERATIONS:
        raise DataValidationError([Problem(editing.NEW_RECORDS_FILE, 0, (
            f"a batch holds 1 to {MAX_OPERATIONS} operations, not {len(operations)}"))])
    changes: list[Change] = []
    current = ds
    for index, operation in enumerate(operations):
        try:
            change = apply_one(current, operation)
        except OrgModelError as failed:  # say which one: a batch may hold a thousand
            failed.operation = index
            raise
        changes.append(change)
        current = change.dataset
    editing.validate_change(ds, current)
    return changes


def apply_one(ds: Dataset, operation: Operation) -> Change:
    """Apply one operation with its precondition, leaving the rules to be checked at the end.

    Raises
    ------
    AlreadyExistsError, NotFoundError, StaleWriteError, NodeInUseError
        As the single edits of :mod:`orgmodel.editing` do.
    """
    record, etag = operation.record, operation.expected_etag
    if operation.action == "put" and record is not None:
        if isinstance(record, EdgeRecord):
            return editing.put_edge(ds, record, expected_etag=etag, check=False)
        return editing.put_node(ds, record, expected_etag=etag, check=False)
    if operation.action == "delete" and operation.key is not None and etag is not None:
        if operation.key in ds.edges:
            return editing.delete_edge(ds, operation.key, expected_etag=etag, check=False)
        return editing.delete_node(ds, operation.key, expected_etag=etag, check=False)
    raise ValueError(f"incomplete operation: {operation!r}")  # the constructors prevent it
