"""Editing a dataset: content ETags and validated, all-or-nothing changes.

Every write, whichever store takes it, goes through this module, so an edit over the API obeys
exactly the rules of the data files: the record models of :mod:`orgmodel.records` (the caller
validates the record first) and :func:`orgmodel.dataset.check_dataset` on the whole would-be
dataset. The functions are pure: they return a new :class:`~orgmodel.dataset.Dataset` in a
:class:`Change` and never modify the one they were given, also not when they raise.

How a store implements :class:`~orgmodel.contract.WritableStore` with it:

1. Under the store's write lock, take the current dataset (the embedded store has it; Neo4j
   reads it whole, or at least the records the change touches and everything
   ``check_dataset`` needs).
2. Call :func:`put_node`, :func:`delete_node`, :func:`put_edge` or :func:`delete_edge` with the
   writer's ``expected_etag``. They check the precondition (:func:`check_precondition`) and the
   rules, and raise

   - :class:`AlreadyExistsError` (API: 409) to create a record that exists,
   - :class:`~orgmodel.exceptions.NotFoundError` (404) to change a record that does not exist,
   - :class:`StaleWriteError` (412) when ``expected_etag`` is not the record's current
     :func:`etag`,
   - :class:`NodeInUseError` (409) to delete a node that edges still touch (no cascade: the
     message names the edges, delete them first),
   - :class:`~orgmodel.exceptions.DataValidationError` (422) when the change would break a
     rule (only problems the change brings in count).

3. Persist ``change.after`` (or delete ``change.key``) and append :func:`audit_entry` to the
   store's audit log.

An ETag is the content hash of a record in its data-file form (:func:`record_data`), without
quotes; HTTP puts it in double quotes. Two stores holding the same record give the same ETag.

Examples
--------
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> unit = node(id="unit:lon", kind="Unit", name="Lønenheden", level="enhed")
>>> task = node(id="task:lon", kind="Task", name="Løn")
>>> owns = EdgeRecord.model_validate({"type": "RESPONSIBLE_FOR", "from": "unit:lon",
...     "to": "task:lon", "raci": "A", "source": "seed", "confidence": "high"})
>>> ds = Dataset.build([unit, task], [owns])
>>> renamed = unit.model_copy(update={"name": "Løn og Personale"})
>>> change = put_node(ds, renamed, expected_etag=etag(unit))
>>> change.action, change.dataset.nodes["unit:lon"].name, ds.nodes["unit:lon"].name
('update', 'Løn og Personale', 'Lønenheden')
>>> put_node(ds, renamed, expected_etag="0" * 32)
Traceback (most recent call last):
...
orgmodel.editing.StaleWriteError: 'unit:lon' has changed since it was read (stale ETag)
>>> delete_node(ds, "unit:lon", expected_etag=etag(unit))
Traceback (most recent call last):
...
orgmodel.editing.NodeInUseError: 'unit:lon' still has 1 edge(s): RESPONSIBLE_FOR:unit:lon->... first
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from orgmodel.accountable_dates import owners_lost
from orgmodel.contract import AuditEntry
from orgmodel.dataset import Dataset, Origin, check_dataset
from orgmodel.exceptions import DataValidationError, NotFoundError, Problem, WriteConflictError
from orgmodel.records import AnyNode, EdgeRecord

__all__ = [
    "NEW_RECORDS_FILE",
    "AlreadyExistsError",
    "Change",
    "NodeInUseError",
    "Record",
    "StaleWriteError",
    "audit_entry",
    "check_precondition",
    "delete_edge",
    "delete_node",
    "edges_touching",
    "etag",
    "find_record",
    "merge_patch",
    "put_edge",
    "put_node",
    "record_data",
    "record_key",
    "validate_change",
]

#: The data file that records created over the API are exported to.
NEW_RECORDS_FILE = "api-edits.yaml"

#: A node or an edge.
Record = AnyNode | EdgeRecord

Action = Literal["create", "update", "delete"]
#: What :func:`etag` writes: anything else sent as one was never an ETag of a record.
_ETAG_SHAPE = re.compile(r"[0-9a-f]{32}")


class StaleWriteError(WriteConflictError):
    """The writer's ETag is not the record's current one: someone else changed it first.

    Or what was sent is no ETag at all (``sent``): then it is said so, not that the record
    changed ("If-Match: garbage" was told the record had changed since it was read).

    >>> str(StaleWriteError("task:lon", "garbage"))[:60]
    "'task:lon': 'garbage' is no ETag (a read's ETag header: 32 h"
    """

    def __init__(self, key: str, sent: str | None = None) -> None:
        self.key = key
        # An ETag of the record as it was: a write changed it since (one the log may name).
        self.stale = sent is None or _ETAG_SHAPE.fullmatch(sent) is not None
        if sent is not None and not self.stale:
            super().__init__(f"{key!r}: {sent[:40]!r} is no ETag (a read's ETag header: 32 hex "
                             "digits in quotes): read the record and send its ETag")
        else:
            super().__init__(f"{key!r} has changed since it was read (stale ETag)")


class AlreadyExistsError(WriteConflictError):
    """A create named a record that already exists."""

    def __init__(self, key: str) -> None:
        self.key = key
        # An edge keyed by its type and ends is one per pair: another period of the same
        # relation (a person back in a post) is a parallel edge, which needs an id; updating
        # the first would rewrite its dates.
        again = ("; or, for another period of the same relation, give the new edge an \"id\" "
                 "of its own (a parallel edge)") if "->" in key else ""
        super().__init__(f"{key!r} already exists; update it with its ETag instead{again}")


class NodeInUseError(WriteConflictError):
    """A node cannot be deleted while edges touch it; ``edge_keys`` names them."""

    def __init__(self, node_id: str, edge_keys: list[str]) -> None:
        self.node_id = node_id
        self.edge_keys = edge_keys
        shown = ", ".join(edge_keys[:10]) + (f" and {len(edge_keys) - 10} more"
                                             if len(edge_keys) > 10 else "")
        super().__init__(
            f"{node_id!r} still has {len(edge_keys)} edge(s): {shown}; delete them first")


@dataclass(frozen=True)
class Change:
    """One applied change: the dataset after it and the record before and after."""

    dataset: Dataset
    action: Action
    key: str
    before: Record | None
    after: Record | None

    @property
    def changed(self) -> bool:
        """Whether the record differs (a replace with the same content changes nothing)."""
        return self.before != self.after


def record_key(record: Record) -> str:
    """Return the identity of a record: a node's id or an edge's key.

    Examples
    --------
    >>> record_key(EdgeRecord.model_validate({"type": "PART_OF", "from": "unit:a",
    ...     "to": "unit:b", "source": "seed", "confidence": "high"}))
    'PART_OF:unit:a->unit:b'
    """
    return record.key if isinstance(record, EdgeRecord) else record.id


def record_data(record: Record) -> dict[str, Any]:
    """Return the record as a data file holds it: JSON values, ``from``/``to``, no defaults.

    Examples
    --------
    >>> from orgmodel.records import NODE_ADAPTER
    >>> data = record_data(NODE_ADAPTER.validate_python({"id": "task:lon", "kind": "Task",
    ...     "name": "Løn", "kle": "81.15.00", "source": "seed", "confidence": "high"}))
    >>> list(data.items())  # doctest: +NORMALIZE_WHITESPACE
    [('id', 'task:lon'), ('kind', 'Task'), ('name', 'Løn'), ('kle', '81.15.00'),
     ('source', 'seed'), ('confidence', 'high')]
    """
    if isinstance(record, EdgeRecord):
        data = record.to_data()
    else:
        data = record.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        data["kind"] = record.kind_value
    return dict(sorted(data.items(), key=_rank))


_HEAD = ("id", "kind", "type", "from", "to", "name", "name_en", "aliases")
_TAIL = ("description", "description_en", "url", "valid_from", "valid_to", "source",
         "confidence", "note")


def _rank(item: tuple[str, Any]) -> int:
    """Order keys as people read records: identity first, provenance last."""
    key = item[0]
    if key in _HEAD:
        return _HEAD.index(key)
    return len(_HEAD) + 1 + _TAIL.index(key) if key in _TAIL else len(_HEAD)


def etag(record: Record) -> str:
    """Return the content hash of a record (32 hex digits, no quotes): same content, same ETag.

    Examples
    --------
    >>> from orgmodel.records import NODE_ADAPTER
    >>> a = NODE_ADAPTER.validate_python({"id": "task:lon", "kind": "Task", "name": "Løn",
    ...     "source": "seed", "confidence": "high"})
    >>> etag(a) == etag(a.model_copy()), etag(a) == etag(a.model_copy(update={"name": "L"}))
    (True, False)
    >>> len(etag(a))
    32
    """
    text = json.dumps(record_data(record), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def merge_patch(target: Any, patch: Any) -> Any:
    """Apply a JSON merge patch (RFC 7396) to ``target``: what a PATCH of a record sends.

    A member set to ``null`` is removed; an object is merged member by member; anything else
    (a list, a text) replaces the value whole.

    Examples
    --------
    >>> task = {"id": "task:lon", "name": "Løn", "aliases": ["lønkørsel"], "kle": "81.15.00"}
    >>> merge_patch(task, {"name": "Lønudbetaling", "kle": None, "aliases": ["løn"]})
    {'id': 'task:lon', 'name': 'Lønudbetaling', 'aliases': ['løn']}
    >>> merge_patch({"a": {"b": 1, "c": 2}}, {"a": {"c": None, "d": 3}})
    {'a': {'b': 1, 'd': 3}}
    >>> task["name"]  # the target is left as it was
    'Løn'
    """
    if not isinstance(patch, dict):
        return patch
    merged = dict(target) if isinstance(target, dict) else {}
    for name, value in patch.items():
        if value is None:
            merged.pop(name, None)
        else:
            merged[name] = merge_patch(merged.get(name), value)
    return merged


def find_record(ds: Dataset, key: str) -> Record | None:
    """Return the node with id ``key`` or the edge with key ``key``, or ``None``."""
    node: AnyNode | None = ds.nodes.get(key)
    return node if node is not None else ds.edges.get(key)


def edges_touching(ds: Dataset, node_id: str) -> list[str]:
    """Keys of the edges that start or end at ``node_id`` or run via it, sorted."""
    return sorted(key for key, e in ds.edges.items()
                  if node_id in (e.source_id, e.target_id, e.via))


def check_precondition(key: str, current: Record | None, expected_etag: str | None) -> None:
    """Check a write's precondition: ``None`` creates, an ETag must be the current one.

    Raises
    ------
    AlreadyExistsError
        ``expected_etag`` is ``None`` but the record exists.
    NotFoundError
        ``expected_etag`` is given but the record does not exist.
    StaleWriteError
        ``expected_etag`` is not the current record's :func:`etag`.
    """
    if expected_etag is None:
        if current is not None:
            raise AlreadyExistsError(key)
        return
    if current is None:
        raise NotFoundError(key, f"no record with id or key {key!r}")
    if etag(current) != expected_etag:
        raise StaleWriteError(key, expected_etag)


def validate_change(before: Dataset, after: Dataset, written: str | None = None) -> None:
    """Raise DataValidationError if ``after`` has problems that ``before`` did not have.

    Among them, days a task would have no accountable owner that it had one on
    (:func:`orgmodel.accountable_dates.owners_lost`: ending the unit that owns a task). With
    ``written``, the one record the change wrote, each problem is said of it: the record sent
    is what to mend ("two accountable owners" was said of the edge already there, and the
    API's answer pointed at it), at a field the write changed (:func:`_said_of`).
    """
    problems = check_dataset(after)
    new = []
    if problems:
        known = {(p.record_id, p.field, p.message) for p in check_dataset(before)}
        new = [p for p in problems if (p.record_id, p.field, p.message) not in known]
    # a task left with no accountable edge at all is said once ("has no accountable owner"),
    # not again as days without one
    said = {p.record_id for p in new}
    new += [p for p in owners_lost(before, after) if p.record_id not in said]
    if written is not None:
        changed = _fields_changed(find_record(before, written), find_record(after, written))
        new = [_said_of(p, written, changed) for p in new]
    if new:
        raise DataValidationError(new)


def _fields_changed(was: Record | None, now: Record | None) -> set[str]:
    """The fields of a record that a write changed, as a data file names them.

    Empty for a record created or deleted: every field of it is the write's, and a problem is
    said at the field it names.

    >>> from datetime import date
    >>> edge = EdgeRecord.model_validate({"type": "HOLDS", "from": "person:a", "to": "post:b",
    ...     "valid_from": "2020-01-01", "source": "seed", "confidence": "high"})
    >>> _fields_changed(edge, edge.model_copy(update={"valid_to": date(2025, 12, 31)}))
    {'valid_to'}
    """
    if was is None or now is None:
        return set()
    old, new = record_data(was), record_data(now)
    return {name for name in old.keys() | new.keys() if old.get(name) != new.get(name)}


#: The fields of a record's days: a rule of dates broken by a write is said at the one it moved.
_DATES = ("valid_from", "valid_to")


def _said_of(problem: Problem, written: str, changed: set[str]) -> Problem:
    """``problem`` said of the record ``written``, at a field the write changed.

    A write of one record breaks a rule another record is checked by, or one of its own that
    names the field the check starts from: two holders of a post are said at the later
    holding's ``valid_from``, a second accountable owner at its ``raci``. The client changed
    neither when it moved the first holding's ``valid_to`` on: the problem is said at the date
    it changed, the field to mend (``changed``: :func:`_fields_changed`).

    >>> two = Problem("ledelse.yaml", 3, "post post:b has two holders from 2026-01-01: …",
    ...               record_id="HOLDS:person:c->post:b", field="valid_from")
    >>> said = _said_of(two, "HOLDS:person:a->post:b", {"valid_to"})
    >>> said.record_id, said.field, said.file
    ('HOLDS:person:a->post:b', 'valid_to', 'api-edits.yaml')
    """
    field = problem.field
    dates = [name for name in _DATES if name in changed]
    if field is not None and field not in changed and dates:
        field = dates[0]
    if problem.record_id == written:
        return replace(problem, field=field)
    return replace(problem, file=NEW_RECORDS_FILE, line=0, record_id=written, field=field)


def _changed(ds: Dataset, *, nodes: dict[str, AnyNode] | None = None,
             edges: dict[str, EdgeRecord] | None = None, origins: dict[str, Origin]) -> Dataset:
    return Dataset(nodes=ds.nodes if nodes is None else nodes,
                   edges=ds.edges if edges is None else edges,
                   sources=ds.sources, origins=origins)


def _origins_with(ds: Dataset, key: str) -> dict[str, Origin]:
    origins = dict(ds.origins)
    origins.setdefault(key, Origin(NEW_RECORDS_FILE, 0))
    return origins


def put_node(ds: Dataset, record: AnyNode, *, expected_etag: str | None,
             check: bool = True) -> Change:
    """Create (``expected_etag=None``) or replace the node ``record.id``.

    Raises
    ------
    AlreadyExistsError, NotFoundError, StaleWriteError
        See :func:`check_precondition`.
    DataValidationError
        The dataset with the node would break a rule.
    """
    current = ds.nodes.get(record.id)
    if current is None and record.id in ds.edges:
        raise DataValidationError([Problem(NEW_RECORDS_FILE, 0, "an edge already has this key",
                                           record_id=record.id, field="id")])
    check_precondition(record.id, current, expected_etag)
    after = _changed(ds, nodes={**ds.nodes, record.id: record},
                     origins=_origins_with(ds, record.id))
    if check:  # a batch (orgmodel.batch) checks once, at its end
        validate_change(ds, after, written=record.id)
    return Change(after, "create" if current is None else "update", record.id, current, record)


def delete_node(ds: Dataset, node_id: str, *, expected_etag: str,
                check: bool = True) -> Change:
    """Delete a node; refused while edges touch it.

    Raises
    ------
    NotFoundError, StaleWriteError
        See :func:`check_precondition`.
    NodeInUseError
        Edges still start, end or run via the node.
    """
    current = ds.nodes.get(node_id)
    check_precondition(node_id, current, expected_etag)
    in_use = edges_touching(ds, node_id)
    if in_use:
        raise NodeInUseError(node_id, in_use)
    nodes = {k: v for k, v in ds.nodes.items() if k != node_id}
    origins = {k: v for k, v in ds.origins.items() if k != node_id}
    after = _changed(ds, nodes=nodes, origins=origins)
    if check:  # a batch (orgmodel.batch) checks once, at its end
        validate_change(ds, after)
    return Change(after, "delete", node_id, current, None)


def put_edge(ds: Dataset, record: EdgeRecord, *, expected_etag: str | None,
             check: bool = True) -> Change:
    """Create (``expected_etag=None``) or replace the edge ``record.key``.

    Raises
    ------
    AlreadyExistsError, NotFoundError, StaleWriteError
        See :func:`check_precondition`.
    DataValidationError
        The dataset with the edge would break a rule (unknown ends, kinds the type may not
        join, a cycle, fields the type does not take).
    """
    # Re-read the record: a model_copy of an edge keeps the copied (cached) key.
    record = EdgeRecord.model_validate(record.to_data())
    key = record.key
    if key in ds.nodes:
        raise DataValidationError([Problem(
            NEW_RECORDS_FILE, 0, f"a node already has the id {key}: give the edge another id",
            record_id=key, field="id")])
    current = ds.edges.get(key)
    check_precondition(key, current, expected_etag)
    if current is not None and (moved := _moved_end(current, record)):
        # An edge with an id of its own could change its ends in place: who was accountable,
        # or who held a post, would change for every day it held. As for a keyless edge,
        # whose key is its ends: the old one is ended or deleted, and a new one begins.
        raise DataValidationError([Problem(
            NEW_RECORDS_FILE, 0, f"an edge keeps its {moved}: to move it, end it (valid_to) or "
            "delete it, and create a new edge", record_id=key, field=moved)])
    after = _changed(ds, edges={**ds.edges, key: record}, origins=_origins_with(ds, key))
    if check:  # a batch (orgmodel.batch) checks once, at its end
        validate_change(ds, after, written=key)
    return Change(after, "create" if current is None else "update", key, current, record)


def _moved_end(current: EdgeRecord, record: EdgeRecord) -> str | None:
    """The first of type, from and to that ``record`` changes, if it changes one."""
    for field, before, after in (("type", current.type, record.type),
                                 ("from", current.source_id, record.source_id),
                                 ("to", current.target_id, record.target_id)):
        if before != after:
            return field
    return None


def delete_edge(ds: Dataset, key: str, *, expected_etag: str,
                check: bool = True) -> Change:
    """Delete an edge (refused if, e.g., a task would lose its only accountable owner).

    Raises
    ------
    NotFoundError, StaleWriteError
        See :func:`check_precondition`.
    DataValidationError
        The dataset without the edge would break a rule.
    """
    current = ds.edges.get(key)
    check_precondition(key, current, expected_etag)
    edges = {k: v for k, v in ds.edges.items() if k != key}
    origins = {k: v for k, v in ds.origins.items() if k != key}
    after = _changed(ds, edges=edges, origins=origins)
    if check:  # a batch (orgmodel.batch) checks once, at its end
        validate_change(ds, after)
    return Change(after, "delete", key, current, None)


def audit_entry(change: Change, *, seq: int, actor: str, at: datetime,
                first: int | None = None, comment: str | None = None) -> AuditEntry:
    """Return the audit-log entry of an applied change.

    ``first`` is the seq of the first entry of the write it is part of (its own, if none).
    """
    return AuditEntry(
        seq=seq, at=at, actor=actor, action=change.action, record_key=change.key,
        before=None if change.before is None else record_data(change.before),
        after=None if change.after is None else record_data(change.after),
        change=seq if first is None else first, comment=comment,
    )
