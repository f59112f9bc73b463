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

A task whose owner is known only from a later day lacks one from its first day, not from the
first day a calendar has:

>>> later = owns.model_copy(update={"valid_from": date(2025, 1, 1)})
>>> [p.message for p in owners_lost(before, Dataset.build([unit, task], [later]))]
... # doctest: +NORMALIZE_WHITESPACE
['task task:budget would have no accountable owner from its first day: give it another
  (RESPONSIBLE_FOR with raci A) in the same change, or end the task too']
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
            first = new[0][0]
            problems.append(after.problem(task_id, (
                f"task {task_id} would have no accountable owner "
                f"{'from its first day' if first == date.min else f'from {first.isoformat()}'}"
                f"{_why(before, after, task_id, first)}: give it another (RESPONSIBLE_FOR with "
                "raci A) in the same change, or end the task too"), record_id=task_id))
    return problems


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
    """What ends the day before ``day``: the owner or the edge that held it before."""
    for edge in before.edges.values():
        if not (edge.type is EdgeType.RESPONSIBLE_FOR and edge.raci is Raci.A
                and edge.target_id == task_id):
            continue
        owner = after.nodes.get(edge.source_id)
        kept = after.edges.get(edge.key)
        if owner is None or kept is None:
            return f" ({edge.key} is deleted)"
        for record, name in ((owner, owner.id), (kept, kept.key)):
            if record.valid_to is not None and record.valid_to + timedelta(days=1) == day:
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
