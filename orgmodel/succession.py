"""A node handed over to a successor from a day: the old one ends, the new one takes its edges.

A post retitled from 1 January ("Chef for Økonomi og Stab" becomes "Økonomidirektør"), a unit
renamed after a reorganisation: a name written over holds on every date, past ones too
(``docs/data-model.md``), so a change from a day is a new record. Made by hand it took 14
writes for one post (the administrator's probe): end the record, create its successor, end
each edge that holds on the day and write it again to the successor. :func:`succession` makes
them, as the operations of one batch (:func:`orgmodel.batch.apply_all`): all or none, each
in the audit log. The holder of a post, the units under a unit, the tasks it answers for and
the posts reporting to it all go with it; an edge that ended before the day stays with the
old node, and one that begins on the day or later moves whole.

Examples
--------
>>> from datetime import date
>>> from orgmodel.batch import apply_all
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> chef = node(id="post:chef", kind="Post", name="Chef")
>>> ds = Dataset.build([chef, node(id="post:dir", kind="Post", name="Direktør")],
...     [EdgeRecord.model_validate({"type": "REPORTS_TO", "from": "post:chef",
...                                 "to": "post:dir", "source": "seed", "confidence": "high"})])
>>> new = node(id="post:okonomidirektor", kind="Post", name="Økonomidirektør")
>>> changes = apply_all(ds, succession(ds, "post:chef", new, from_day=date(2027, 1, 1)))
>>> [(c.action, c.key) for c in changes]  # doctest: +NORMALIZE_WHITESPACE
[('update', 'post:chef'), ('create', 'post:okonomidirektor'),
 ('update', 'REPORTS_TO:post:chef->post:dir'),
 ('create', 'REPORTS_TO:post:okonomidirektor->post:dir')]
>>> after = changes[-1].dataset
>>> str(after.nodes["post:chef"].valid_to), str(after.nodes["post:okonomidirektor"].valid_from)
('2026-12-31', '2027-01-01')
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from orgmodel.batch import Operation
from orgmodel.contract import NodeView, OrgStore
from orgmodel.dataset import Dataset
from orgmodel.editing import etag
from orgmodel.exceptions import NotFoundError, OrgModelError
from orgmodel.records import AnyNode, EdgeRecord
from orgmodel.schema import EDGE_RULES, EdgeType, Kind

__all__ = ["SuccessionError", "succession", "successor_of"]


class SuccessionError(OrgModelError):
    """A succession asked wrongly: ``field`` (of the request) and what is wrong with it."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def succession(ds: Dataset, node_id: str, successor: AnyNode, *, from_day: date,
               expected_etag: str | None = None) -> list[Operation]:
    """The operations that hand ``node_id`` over to ``successor`` from ``from_day``.

    ``successor`` holds from ``from_day`` to the day the old node would have ended (its own
    ``valid_from`` and ``valid_to`` are set so); the old node ends the day before. Its write
    expects ``expected_etag`` (the ETag the writer read; default: the node's own), so a node
    changed since it was read fails the batch.

    Raises
    ------
    NotFoundError
        When no node has the id ``node_id``.
    SuccessionError
        When the successor has the old node's id or another kind, or the old node does not
        hold on ``from_day`` or the day before (a successor follows a node that held).
    """
    old = ds.nodes.get(node_id)
    if old is None:
        raise NotFoundError(node_id)
    _check(old, successor, from_day)
    day_before = from_day - timedelta(days=1)
    operations = [
        Operation.put(old.model_copy(update={"valid_to": day_before}),
                      expected_etag or etag(old)),
        Operation.put(successor.model_copy(update={"valid_from": from_day,
                                                   "valid_to": old.valid_to}))]
    if _may_result_from(successor, old):
        # ... and the successor says where it came from, as a merged unit does: history links
        # the two (the administrator's probe found the two untied, but by their relations)
        operations.append(Operation.put(EdgeRecord.model_validate({
            "type": EdgeType.RESULTED_FROM.value, "from": successor.id, "to": node_id,
            "source": successor.source, "confidence": successor.confidence,
            "description": f"Overtog relationerne fra {old.name} fra {from_day.isoformat()}.",
            "description_en": f"Took over the relations of {old.name_en or old.name} from "
                              f"{from_day.isoformat()}."})))
    for edge in ds.edges.values():
        if node_id not in (edge.source_id, edge.target_id, edge.via) or (
                edge.type in _HISTORY):
            continue
        first, last = _span_of(ds, edge)
        if last is not None and last < from_day:
            continue  # ended before (itself or a node at its other end): the old node's history
        moved = _moved(edge, node_id, successor.id, from_day)
        if first is not None and first >= from_day:
            # it begins on the day or later (itself, or the node at its other end): whole
            operations += [Operation.delete(edge.key, etag(edge)),
                           Operation.put(moved.model_copy(update={"valid_from": edge.valid_from}))]
        else:
            operations += [Operation.put(edge.model_copy(update={"valid_to": day_before}),
                                         etag(edge)), Operation.put(moved)]
    return operations


#: The relations that tell how a node came to be ("resulted from" a merger): the old node's
#: history, not carried over to its successor.
_HISTORY = frozenset({EdgeType.RESULTED_FROM})


def _may_result_from(successor: AnyNode, old: AnyNode) -> bool:
    """Whether the schema lets ``successor`` say it resulted from ``old``.

    A unit may; a post, whose history is its holders, may not.
    """
    sources, targets = EDGE_RULES[EdgeType.RESULTED_FROM]
    return successor.kind in sources and old.kind in targets


def _check(old: AnyNode, successor: AnyNode, from_day: date) -> None:
    """Raise SuccessionError when ``successor`` cannot follow ``old`` from ``from_day``."""
    node_id = old.id
    if successor.id == node_id:
        raise SuccessionError("record.id", f"is {node_id}'s own id: a successor is a new node, "
                                           "with an id of its own")
    if successor.kind_value != old.kind_value:
        raise SuccessionError("record.kind", f"is {successor.kind_value}, and {node_id} is a "
                                             f"{old.kind_value}: a successor is of its kind")
    if old.kind_value == Kind.PERSON.value:
        raise SuccessionError("record.kind", "a person is not handed over: end the holding "
                                             "(HOLDS, valid_to) and write the new holder's")
    for field in ("valid_from", "valid_to"):
        if getattr(successor, field) is not None and (
                field == "valid_to" or successor.valid_from != from_day):
            raise SuccessionError(f"record.{field}", "is set by the hand-over (from the day to "
                                                     "the node's own end): leave it out")
    day_before = from_day - timedelta(days=1) if from_day > date.min else from_day
    if from_day == date.min or not _holds(old.valid_from, old.valid_to, day_before) or not _holds(
            old.valid_from, old.valid_to, from_day):
        raise SuccessionError("from", f"{node_id} holds {_span(old.valid_from, old.valid_to)}: "
                                      f"a successor from {from_day} follows it only where it "
                                      f"holds on {day_before} and {from_day}")


def _span_of(ds: Dataset, edge: EdgeRecord) -> tuple[date | None, date | None]:
    """The days ``edge`` holds: its own, within those of the nodes at its ends."""
    firsts = [edge.valid_from] + [ds.nodes[n].valid_from for n in (edge.source_id, edge.target_id)
                                  if n in ds.nodes]
    lasts = [edge.valid_to] + [ds.nodes[n].valid_to for n in (edge.source_id, edge.target_id)
                               if n in ds.nodes]
    known_firsts = [day for day in firsts if day is not None]
    known_lasts = [day for day in lasts if day is not None]
    return (max(known_firsts) if known_firsts else None,
            min(known_lasts) if known_lasts else None)


def _moved(edge: EdgeRecord, old: str, new: str, from_day: date) -> EdgeRecord:
    """``edge`` with ``old`` replaced by ``new``, from ``from_day`` (or its own later start)."""
    start = edge.valid_from if edge.valid_from is not None and edge.valid_from >= from_day \
        else from_day

    def swap(node: str | None) -> str | None:
        return new if node == old else node

    only_via = old not in (edge.source_id, edge.target_id)
    return edge.model_copy(update={
        "source_id": swap(edge.source_id), "target_id": swap(edge.target_id),
        "via": swap(edge.via), "valid_from": start,
        # a collaboration through the node keeps its key (its ends and topic): the copy needs
        # an id of its own
        "id": _moved_id(edge.id, old, new, from_day) if edge.id else (
            _via_id(edge, new, from_day) if only_via else None)})


def _via_id(edge: EdgeRecord, new: str, from_day: date) -> str:
    """An id for the copy of a collaboration that now runs through ``new``.

    >>> record = EdgeRecord.model_validate({"type": "COLLABORATES_WITH", "from": "post:a",
    ...     "to": "post:b", "via": "forum:x", "topic": "Budget", "source": "seed",
    ...     "confidence": "high"})
    >>> _via_id(record, "forum:y", date(2027, 2, 1))
    'collaborates_with:a:b:y:2027-02-01'
    """
    names = [node.partition(":")[2] for node in (edge.source_id, edge.target_id, new)]
    return f"{edge.type.value.lower()}:{':'.join(names)}:{from_day.isoformat()}"


def _moved_id(edge_id: str, old: str, new: str, from_day: date) -> str:
    """The copy's own id: the old node's name in it made the new one's, or the day added.

    >>> _moved_id("advises:chef:ou", "post:chef", "post:direktor", date(2027, 1, 1))
    'advises:direktor:ou'
    >>> _moved_id("edge:budget", "post:chef", "post:direktor", date(2027, 1, 1))
    'edge:budget-2027-01-01'
    """
    old_name, new_name = old.partition(":")[2], new.partition(":")[2]
    if old_name and old_name in edge_id:
        return edge_id.replace(old_name, new_name)
    return f"{edge_id}-{from_day.isoformat()}"


def _holds(first: date | None, last: date | None, day: date) -> bool:
    return (first is None or first <= day) and (last is None or day <= last)


def _span(first: date | None, last: date | None) -> str:
    if first and last:
        return f"from {first} to {last}"
    return f"from {first} on" if first else (f"until {last}" if last else "on every day")


def successor_of(store: OrgStore, node: NodeView) -> NodeView | None:
    """The node that took over ``node``'s relations the day after it ended, if one did.

    One of its kind, beginning that day, in the most of the relations ``node`` had on its last
    day (a hand-over writes them all again): "Chef for Økonomi og Stab" asked of after it
    ended is told of "Økonomidirektør" (the successor probe). ``None`` for a node that has not
    ended, or whose relations no new node took over.
    """
    if node.valid_to is None or node.valid_to == date.max:
        return None
    after = node.valid_to + timedelta(days=1)
    ties = Counter[str]()
    for edge in store.edges_of(node.id, as_of=node.valid_to):
        other = edge.target_id if edge.source_id == node.id else edge.source_id
        try:
            later = store.edges_of(other, as_of=after)
        except NotFoundError:  # it ended with the node
            continue
        ties.update(e.source_id if e.target_id == other else e.target_id
                    for e in later if e.type is edge.type)
    for candidate, _count in ties.most_common():
        try:
            found = store.node(candidate, as_of=after)
        except NotFoundError:
            continue
        if candidate != node.id and found.kind is node.kind and found.valid_from == after:
            return found
    return None
