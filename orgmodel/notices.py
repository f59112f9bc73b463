"""What a sound data folder holds that is still worth a look: notices, not errors.

``orgmodel validate`` prints them after "valid" (and ``--json`` lists them under
``notices``); they stop nothing from loading.

* A KLE number no topic of the catalogue has (:meth:`KleCatalogue.unknown_numbers`).
* Two records of one kind with the same name at the same time: a question or a search that
  names it meets both, and a reader cannot tell them apart. Often one record written twice
  under two ids; else two things that need names that tell them apart.
* A unit, post or forum that, on days it holds, belongs to nothing (no ``PART_OF`` from a unit
  or forum, no ``POST_IN`` from a post): the org chart leaves it out and its reporting line
  stops at it.
  Often a unit just created, or the units and posts of one that has ended.
* A task that, on days it holds, has no accountable owner (RESPONSIBLE_FOR with raci A):
  often one whose owning unit has ended.
* A post in two units, a unit part of two, or a unit headed by two posts, on the same days:
  most often one moved (or a new head) without an end on the edge it left.
* An edge dated to begin before one of its nodes does, or to end after: it holds only on the
  days both do, so the date written is most often a slip (a holder from January of a post
  created in April).
* Records that cite sources in a folder with no ``sources:`` list (its file deleted or moved):
  no key is checked then, and no source has a title or an address.

Examples
--------
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER
>>> def unit(**kw):
...     return NODE_ADAPTER.validate_python({"kind": "Unit", "level": "enhed", "source": "seed",
...                                         "confidence": "high", **kw})
>>> twice = Dataset.build([unit(id="unit:lon", name="Løn"), unit(id="unit:loen", name="LØN"),
...                        unit(id="unit:it", name="IT", valid_to="2023-12-31"),
...                        unit(id="unit:it-2024", name="IT", valid_from="2024-01-01")], [])
>>> [(p.record_id, p.message[:63]) for p in same_names(twice)]
[('unit:loen', 'the same name as unit:lon (at <data>:0), another Unit at the sa')]
>>> from orgmodel.records import EdgeRecord
>>> under = EdgeRecord.model_validate({"type": "PART_OF", "from": "unit:lon", "to": "unit:it",
...                                    "source": "seed", "confidence": "high"})
>>> moved = Dataset.build([unit(id="unit:lon", name="Løn"),
...                        unit(id="unit:it", name="IT", valid_to="2023-12-31")], [under])
>>> [(p.record_id, p.message[:32]) for p in part_of_nothing(moved)]
[('unit:lon', 'part of nothing from 2024-01-01:'), ('unit:it', 'part of nothing: the org chart l')]
>>> also = EdgeRecord.model_validate({"type": "PART_OF", "from": "unit:lon", "to": "unit:hr",
...                                   "valid_from": "2023-07-01", "source": "seed",
...                                   "confidence": "high"})
>>> moved = Dataset.build([unit(id="unit:lon", name="Løn"), unit(id="unit:it", name="IT"),
...                        unit(id="unit:hr", name="HR")], [under, also])
>>> print(two_places(moved)[0].message[:59])
part of two units from 2023-07-01: unit:it and unit:hr; the
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from datetime import date, timedelta

from orgmodel.accountable_dates import unowned_days
from orgmodel.dataset import Dataset, held, overlapping
from orgmodel.exceptions import Problem
from orgmodel.kle_catalogue import KleCatalogue
from orgmodel.records import AnyNode, EdgeRecord
from orgmodel.schema import EdgeType, Kind

__all__ = ["BELONGING_KINDS", "no_source_list", "notices_of", "outside_its_nodes",
           "part_of_nothing", "same_names", "touched_by", "two_places", "unowned"]

#: The edge by which each kind belongs in the structure, and what to tell of a missing one.
_BELONGS_BY = {
    Kind.UNIT.value: (EdgeType.PART_OF, "part of nothing", "a PART_OF edge from it to the unit "
                      "or organisation it belongs to"),
    Kind.POST.value: (EdgeType.POST_IN, "in no unit", "a POST_IN edge from it to its unit (or "
                      "body or forum)"),
    # A forum is drawn in the org chart where it is part of the organisation (Chefforum).
    Kind.FORUM.value: (EdgeType.PART_OF, "part of nothing", "a PART_OF edge from it to the "
                       "unit or organisation it belongs to"),
}


#: The kinds that belong in the structure by an edge of their own.
BELONGING_KINDS = frozenset(_BELONGS_BY)


def notices_of(dataset: Dataset, catalogue: KleCatalogue) -> list[Problem]:
    """Every notice on ``dataset``, in the order of the kinds above."""
    return [*catalogue.unknown_numbers(dataset), *same_names(dataset), *part_of_nothing(dataset),
            *unowned(dataset), *two_places(dataset), *outside_its_nodes(dataset),
            *no_source_list(dataset)]


def outside_its_nodes(dataset: Dataset, only: Collection[str] | None = None) -> list[Problem]:
    """A notice on each edge (of the keys ``only``) dated to begin before a node or end after.

    Queries read an edge on the days it and both its nodes hold, so nothing shows wrong; but a
    date written outside a node's is most often a slip, and the edge's dates do not say when
    it holds.

    >>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
    >>> post = NODE_ADAPTER.validate_python({"id": "post:ny", "kind": "Post", "name": "Ny",
    ...     "valid_from": "2026-04-01", "source": "seed", "confidence": "high"})
    >>> person = NODE_ADAPTER.validate_python({"id": "person:a", "kind": "Person",
    ...     "name": "A", "source": "seed", "confidence": "high"})
    >>> holds = EdgeRecord.model_validate({"type": "HOLDS", "from": "person:a",
    ...     "to": "post:ny", "valid_from": "2026-01-01", "source": "seed", "confidence": "high"})
    >>> print(outside_its_nodes(Dataset.build([post, person], [holds]))[0].message)
    begins 2026-01-01, before post:ny does (2026-04-01): it holds from 2026-04-01; check the date
    """
    notices = []
    for key, edge in dataset.edges.items():
        if only is not None and key not in only:
            continue
        for end in (edge.source_id, edge.target_id):
            if (node := dataset.nodes.get(end)) is None:
                continue
            if edge.valid_from and node.valid_from and edge.valid_from < node.valid_from:
                notices.append(dataset.problem(key, (
                    f"begins {edge.valid_from.isoformat()}, before {end} does "
                    f"({node.valid_from.isoformat()}): it holds from "
                    f"{node.valid_from.isoformat()}; check the date"),
                    record_id=key, field_name="valid_from"))
            if edge.valid_to and node.valid_to and edge.valid_to > node.valid_to:
                notices.append(dataset.problem(key, (
                    f"ends {edge.valid_to.isoformat()}, after {end} does "
                    f"({node.valid_to.isoformat()}): it holds until "
                    f"{node.valid_to.isoformat()}; check the date"),
                    record_id=key, field_name="valid_to"))
    return notices


def no_source_list(dataset: Dataset) -> list[Problem]:
    """One notice, on the first record citing a source, if the folder lists no sources.

    Any key is then taken as written (a folder without a list cites freely: the synthetic
    municipality does), so a misspelt one goes unnoticed and none has a title or an address:
    most often the file of sources was deleted or moved. A web address is a source of its own.
    """
    if dataset.sources:
        return []
    records = [*((n.id, n.source) for n in dataset.nodes.values()),
               *((key, e.source) for key, e in dataset.edges.items())]
    cited = sorted({source for _key, source in records
                    if not source.startswith(("http://", "https://"))})
    if not cited:
        return []
    first = next(key for key, source in records if source in cited)
    shown = ", ".join(repr(source) for source in cited[:3]) + (", …" if len(cited) > 3 else "")
    return [dataset.problem(first, f"the records cite {len(cited)} sources ({shown}) and the "
                            "folder lists none: no source key is checked, and none has a title "
                            "or an address; add a sources: list (e.g. sources.yaml)",
                            record_id=first, field_name="source")]


#: What a node has one of at a time: the edge type, the kind at the end the edges share and
#: whether that is the edge's from end, what two of them are called, and what to mend.
_ONE_AT_A_TIME = (
    (EdgeType.POST_IN, Kind.POST.value, True, "in two units",
     "the org chart draws it under one of them and its reporting line follows one; a post "
     "that moved: end the edge to the unit it left with valid_to"),
    (EdgeType.PART_OF, Kind.UNIT.value, True, "part of two units",
     "the org chart draws it under one of them and its reporting line follows one; a unit "
     "that moved: end the edge to the unit it left with valid_to"),
    (EdgeType.HEADS, Kind.UNIT.value, False, "headed by two posts",
     "who-owns names both as its leader; a new head: end the old HEADS edge with valid_to"),
)


def two_places(dataset: Dataset, only: Collection[str] | None = None) -> list[Problem]:
    """A notice on each post in two units, unit part of two or unit headed by two, at once.

    ``only``: of these posts and units alone, if given.

    Said of the later edge, from the first day both hold: most often a post or unit that
    moved, or a new head, with the edge it left still open (the data refuses two holders of a
    post; these may be meant, so they are notices).
    """
    notices = []
    for edge_type, kind, from_end, what, remedy in _ONE_AT_A_TIME:
        shared: dict[str, list[EdgeRecord]] = defaultdict(list)
        for edge in dataset.edges.values():
            end = edge.source_id if from_end else edge.target_id
            if edge.type is edge_type and (only is None or end in only) \
                    and (node := dataset.nodes.get(end)) is not None and node.kind == kind:
                shared[end].append(edge)
        for edges in shared.values():
            if len(edges) > 1 and (found := overlapping(dataset, edges)) is not None:
                earlier, later, when = found
                ends = (earlier.target_id, later.target_id) if from_end else (
                    earlier.source_id, later.source_id)
                notices.append(dataset.problem(
                    later.key, f"{what} {when}: {ends[0]} and {ends[1]}; {remedy}",
                    record_id=later.key, field_name="to" if from_end else "from"))
    return notices


def unowned(dataset: Dataset, only: Collection[str] | None = None) -> list[Problem]:
    """A notice on each task (of ``only``, if given) that, on days it holds, has no owner.

    Its accountable edge, or the owner at the edge's start, ends before the task does (the
    unit that answered for payroll was given an end date): a question of who owns it then
    names no one accountable. Data may leave such days on purpose (who owned a task before a
    merger is often not known); the API refuses an edit that opens new ones.
    """
    open_days = unowned_days(dataset)
    parents = {e.source_id: e.target_id for e in dataset.edges.values()
               if e.type is EdgeType.PART_OF and e.source_id in open_days
               and dataset.nodes.get(e.target_id) is not None
               and dataset.nodes[e.target_id].kind == Kind.TASK.value}
    notices = []
    for task_id in open_days:
        if only is not None and task_id not in only:
            continue
        # A sub-task inherits its parent's owner on its own open days (who-owns says so).
        if not (gaps := _unowned_with_parents(task_id, open_days, parents)):
            continue
        task = dataset.nodes[task_id]
        first, last = gaps[0]
        # Days before its first owner begins: most often a new task that begins with it.
        later = first == (task.valid_from or date.min) and last < (task.valid_to or date.max)
        remedy = (f"let the task begin when its owner does (valid_from: "
                  f"{(last + timedelta(days=1)).isoformat()})" if later else "end the task")
        notices.append(dataset.problem(
            task_id, f"no accountable owner{_days(task, first, last)}: who-owns names no one "
            f"accountable then; add a RESPONSIBLE_FOR edge with raci A to it, or {remedy}",
            record_id=task_id, field_name="id"))
    return notices


def _placing(dataset: Dataset) -> Iterator[EdgeRecord]:
    """The edges that give a unit, post or forum its place (the kind's own edge type)."""
    for edge in dataset.edges.values():
        node = dataset.nodes.get(edge.source_id)
        if node is not None and node.kind in _BELONGS_BY \
                and _BELONGS_BY[node.kind][0] is edge.type:
            yield edge


def touched_by(dataset: Dataset, written: Iterable[AnyNode | EdgeRecord]) -> set[str]:
    """The units, posts and fora whose place ``written`` records may have changed.

    A node written: itself and what belongs under it, any date (ending a unit leaves its
    parts without a place); an edge written or deleted: the node it is from.
    """
    under: dict[str, list[str]] = defaultdict(list)
    for edge in _placing(dataset):  # once: a batch writes up to a thousand records
        under[edge.target_id].append(edge.source_id)
    ids: set[str] = set()
    for record in written:
        if isinstance(record, EdgeRecord):
            ids.add(record.source_id)
        else:
            ids |= {record.id, *under.get(record.id, ())}
    return ids


def part_of_nothing(dataset: Dataset, only: Collection[str] | None = None) -> list[Problem]:
    """A notice on each unit or post (of ``only``, if given) that belongs to nothing some day.

    Each edge counts on the days it holds within its two nodes' dates, as queries read it:
    the units of a unit that ends belong to nothing from the day after, until moved.
    """
    spans: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for edge in _placing(dataset):
        if only is None or edge.source_id in only:
            first, last = held(dataset, edge)
            if first <= last:
                spans[edge.source_id].append((first, last))
    notices = []
    for node in dataset.nodes.values():
        if node.kind not in _BELONGS_BY or (only is not None and node.id not in only):
            continue
        if (gap := _first_gap(node, spans[node.id])) is None:
            continue
        _edge, missing, remedy = _BELONGS_BY[node.kind]
        notices.append(dataset.problem(
            node.id, f"{missing}{_days(node, *gap)}: the org chart leaves it out and its reporting "
            f"line stops at it; add {remedy}", record_id=node.id, field_name="id"))
    return notices


def _unowned_with_parents(task_id: str, open_days: dict[str, list[tuple[date, date]]],
                          parents: dict[str, str]) -> list[tuple[date, date]]:
    """The days neither ``task_id`` nor a task above it has an accountable owner."""
    gaps, seen, current = open_days[task_id], {task_id}, task_id
    while gaps and (current := parents.get(current, "")) and current not in seen:
        seen.add(current)
        above = open_days.get(current, [])
        gaps = [(max(a, c), min(b, d)) for a, b in gaps for c, d in above
                if max(a, c) <= min(b, d)]
    return gaps


def _first_gap(node: AnyNode, spans: list[tuple[date, date]]) -> tuple[date, date] | None:
    """The first run of days ``node`` holds that no span covers, if any."""
    day, end = node.valid_from or date.min, node.valid_to or date.max
    for first, last in sorted(spans):
        if first > day:
            return day, min(first - timedelta(days=1), end)
        if last >= end:
            return None
        day = max(day, last + timedelta(days=1))
        if day > end:
            return None
    return (day, end) if day <= end else None


def _days(node: AnyNode, first: date, last: date) -> str:
    """" from 2027-01-01", " until 2023-12-31", " from … to …", or "" for all its days."""
    since = f" from {first.isoformat()}" if first > (node.valid_from or date.min) else ""
    until = "" if last == (node.valid_to or date.max) else (
        f" to {last.isoformat()}" if since else f" until {last.isoformat()}")
    return since + until


def same_names(dataset: Dataset, only: Collection[str] | None = None) -> list[Problem]:
    """A notice on each record named as an earlier one of its kind while both hold.

    Names are compared as a reader sees them: case and runs of spaces aside. Records that
    follow one another (a unit that ends the day before its successor of the same name
    begins) are no notice. With ``only``, a notice on each of these records that shares its
    name with any other (a record just written, whichever came first).
    """
    named: dict[tuple[str, str], list[AnyNode]] = defaultdict(list)
    for node in dataset.nodes.values():
        named[(node.kind, " ".join(node.name.casefold().split()))].append(node)
    notices: list[Problem] = []
    for alike in named.values():
        for number, node in enumerate(alike):
            if only is not None and node.id not in only:
                continue
            others = alike[:number] if only is None else alike[:number] + alike[number + 1:]
            if first := next((other for other in others if _overlap(other, node)), None):
                where = dataset.origin(first.id)
                notices.append(dataset.problem(
                    node.id, f"the same name as {first.id} (at {where.file}:{where.line}), "
                    f"another {node.kind} at the same time: a question naming it meets both; "
                    "merge the two if they are one, or give each a name that tells them apart",
                    record_id=node.id, field_name="name"))
    order = {node_id: number for number, node_id in enumerate(dataset.nodes)}
    return sorted(notices, key=lambda p: order[p.record_id or ""])


def _overlap(one: AnyNode, other: AnyNode) -> bool:
    return (max(one.valid_from or date.min, other.valid_from or date.min)
            <= min(one.valid_to or date.max, other.valid_to or date.max))
