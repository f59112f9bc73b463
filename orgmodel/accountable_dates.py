"""The days a task has no accountable owner, and the edits that would add such days.

:func:`orgmodel.dataset.check_dataset` asks that each task has an accountable edge
(RESPONSIBLE_FOR with raci A); it does not ask that the edge, or the owner at its end, holds
on every day the task does. Data files may leave days open (who owned a task before a merger
is often not known, and ``owners`` then falls back to the parent task). An edit must not open
new ones: ending the unit that answers for the budget, or the edge that says so, would leave
the budget with no owner from that day, in the answers and in the views.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> unit = node(id="unit:okonomi", kind="Unit", name="Økonomi", level="enhed")
>>> task = node(id="task:budget", kind="Task", name="Budget")
>>> owns = EdgeRecord.model_validate({"type": "RESPONSIBLE_FOR", "from": "unit:okonomi",
...     "to": "task:budget", "raci": "A", "source": "seed", "confidence": "high"})
>>> before = Dataset.build([unit, task], [owns])
>>> unowned_days(before)
{}
>>> ended = unit.model_copy(update={"valid_to": date(2026, 1, 31)})
>>> after = Dataset.build([ended, task], [owns])
>>> unowned_days(after)
{'task:budget': [(datetime.date(2026, 2, 1), datetime.date(9999, 12, 31))]}
>>> [p.message for p in owners_lost(before, after)]  # doctest: +NORMALIZE_WHITESPACE
['task task:budget would have no accountable owner from 2026-02-01 (unit:okonomi ends
  2026-01-31): give it another (RESPONSIBLE_FOR with raci A) in the same change, or end
  the task too']

An owner that the change makes begin later than the task needs one is the fault, and is
named with its first day against the days left without an owner (said as though the task had
lost its owner, the message blamed whatever had ended before):

>>> later = owns.model_copy(update={"valid_from": date(2025, 1, 1)})
>>> [p.message for p in owners_lost(before, Dataset.build([unit, task], [later]))]
... # doctest: +NORMALIZE_WHITESPACE
['the accountable owner of task task:budget begins too late:
  RESPONSIBLE_FOR:unit:okonomi->task:budget begins 2025-01-01, after the task begins, so the
  task would have no accountable owner from its first day to 2024-12-31; let it begin with the
  task (leave out valid_from), or give the task another (RESPONSIBLE_FOR with raci A) for
  those days in the same change']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date, timedelta

from orgmodel.dataset import Dataset
from orgmodel.exceptions import Problem
from orgmodel.records import AnyNode, EdgeRecord
from orgmodel.schema import EdgeType, Kind, Raci

__all__ = ["owners_lost", "unowned_days"]

Days = tuple[date, date]  # first and last day, both included


def unowned_days(ds: Dataset, tasks: Collection[str] | None = None) -> dict[str, list[Days]]:
    """Each task's days without an accountable owner, in order; tasks with none are left out.

    A day is owned when an accountable edge and the node at its start both hold on it. Only
    ``tasks``, when given.
    """
    owned: dict[str, list[Days]] = defaultdict(list)
    for edge in ds.edges.values():
        if tasks is not None and edge.target_id not in tasks:
            continue
        owner = ds.nodes.get(edge.source_id)
        if edge.type is EdgeType.RESPONSIBLE_FOR and edge.raci is Raci.A and owner is not None:
            first = max(_life(edge)[0], _life(owner)[0])
            last = min(_life(edge)[1], _life(owner)[1])
            if first <= last:
                owned[edge.target_id].append((first, last))
    found = {}
    for node in (ds.nodes.values() if tasks is None
                 else (ds.nodes[t] for t in tasks if t in ds.nodes)):
        if node.kind == Kind.TASK.value:
            gaps = _without(_life(node), owned.get(node.id, []))
            if gaps:
                found[node.id] = gaps
    return found


def owners_lost(before: Dataset, after: Dataset) -> list[Problem]:
    """A problem for each task that ``after`` leaves without an owner on a day ``before`` did not.

    A task new in ``after`` is left to :func:`orgmodel.dataset.check_dataset` (it must have an
    owner at all).
    """
    touched = _touched(before, after)
    was, now = unowned_days(before, touched), unowned_days(after, touched)
    problems = []
    for task_id, gaps in now.items():
        if task_id not in before.nodes:
            continue
        new = [days for gap in gaps for days in _without(gap, was.get(task_id, []))]
        if new:
            problems.append(after.problem(task_id, _lost(before, after, task_id, *new[0]),
                                          record_id=task_id))
    return problems


def _lost(before: Dataset, after: Dataset, task_id: str, first: date, last: date) -> str:
    """What leaves ``task_id`` without an accountable owner from ``first`` to ``last``, in words.

    An owner the change gives or moves that begins only after ``first`` is the fault to name,
    with its first day against the days left open: the task has not lost an owner there, it
    was given one too late (an owner dated later was told the task "would have no accountable
    owner", blaming an edge that had ended years before).
    """
    since = "from its first day" if first == date.min else f"from {first.isoformat()}"
    ended = _why(before, after, task_id, first)
    if (late := _late(before, after, task_id, last)) is not None:
        name, begins = late
        after_day = "the task begins" if first == date.min else first.isoformat()
        begin = ("with the task (leave out valid_from)" if first == date.min
                 else f"on {first.isoformat()} at the latest (valid_from)")
        return (f"the accountable owner of task {task_id} begins too late: {name} begins "
                f"{begins.isoformat()}, after {after_day}, so the task would have no accountable "
                f"owner {since} to {last.isoformat()}{ended}; let it begin {begin}, or give the "
                "task another (RESPONSIBLE_FOR with raci A) for those days in the same change")
    return (f"task {task_id} would have no accountable owner {since}{ended}: give it another "
            "(RESPONSIBLE_FOR with raci A) in the same change, or end the task too")


def _late(before: Dataset, after: Dataset, task_id: str, last: date) -> tuple[str, date] | None:
    """The accountable edge or owner the change wrote that begins the day after ``last``.

    That is the record whose first day closes the days without an owner: the edge's key when
    the edge begins then, else its owner's id. One the change left as it was is no fault of
    the change (the days opened before it, by what ended), and is not named.
    """
    if last == date.max:
        return None
    day = last + timedelta(days=1)
    for edge in after.edges.values():
        owner = after.nodes.get(edge.source_id)
        if not (edge.type is EdgeType.RESPONSIBLE_FOR and edge.raci is Raci.A
                and edge.target_id == task_id and owner is not None):
            continue
        if before.edges.get(edge.key) == edge and before.nodes.get(owner.id) == owner:
            continue
        if edge.valid_from == day and _life(owner)[0] <= day:
            return edge.key, day
        if owner.valid_from == day and _life(edge)[0] <= day:
            return owner.id, day
    return None


def _touched(before: Dataset, after: Dataset) -> set[str]:
    """The tasks whose accountable days a change may have moved.

    The tasks it changed, those an edge it changed points at, and those a node it changed is
    responsible for. A change keeps the records it leaves alone (the same objects), so what it
    changed is told by identity; were it not kept, every record would count, and only the
    check would be slower.
    """
    nodes = {key for key in before.nodes.keys() | after.nodes.keys()
             if before.nodes.get(key) is not after.nodes.get(key)}
    edges = [edge for key in before.edges.keys() | after.edges.keys()
             for edge in (before.edges.get(key), after.edges.get(key))
             if edge is not None and before.edges.get(key) is not after.edges.get(key)]
    touched = set(nodes) | {edge.target_id for edge in edges}
    if nodes:
        touched |= {edge.target_id for ds in (before, after) for edge in ds.edges.values()
                    if edge.source_id in nodes and edge.type is EdgeType.RESPONSIBLE_FOR}
    return touched


def _why(before: Dataset, after: Dataset, task_id: str, day: date) -> str:
    """What the change ends the day before ``day``: the owner or the edge that held it before.

    Only a record the change deleted or wrote: an edge that ended long ago, untouched, on the
    day before by chance, is no cause (it was named as one).
    """
    for edge in before.edges.values():
        if not (edge.type is EdgeType.RESPONSIBLE_FOR and edge.raci is Raci.A
                and edge.target_id == task_id):
            continue
        owner = after.nodes.get(edge.source_id)
        kept = after.edges.get(edge.key)
        if owner is None or kept is None:
            return f" ({edge.key} is deleted)"
        for record, was, name in ((owner, before.nodes.get(owner.id), owner.id),
                                  (kept, edge, kept.key)):
            if record != was and record.valid_to is not None \
                    and record.valid_to + timedelta(days=1) == day:
                return f" ({name} ends {record.valid_to.isoformat()})"
    return ""


def _life(record: AnyNode | EdgeRecord) -> Days:
    return record.valid_from or date.min, record.valid_to or date.max


def _without(days: Days, taken: list[Days]) -> list[Days]:
    """The runs of ``days`` that no run in ``taken`` covers, in order."""
    left, (first, last) = [], days
    for start, end in sorted(taken):
        if end < first or start > last:
            continue
        if start > first:
            left.append((first, start - timedelta(days=1)))
        if end >= last:
            return left
        first = max(first, end + timedelta(days=1))
    left.append((first, last))
    return left
