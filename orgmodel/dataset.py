"""A validated organisation: nodes, edges and sources, checked as a whole.

:func:`check_dataset` holds every rule that spans records (references, allowed kinds, cycles,
accountable owners); the loader and the write API both go through it, so data files and API
edits obey the same rules.

Examples
--------
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> unit = NODE_ADAPTER.validate_python({"id": "unit:a", "kind": "Unit", "name": "A",
...     "level": "enhed", "source": "seed", "confidence": "high"})
>>> task = NODE_ADAPTER.validate_python({"id": "task:t", "kind": "Task", "name": "T",
...     "source": "seed", "confidence": "high"})
>>> ds = Dataset.build([unit, task], [])
>>> [str(p) for p in check_dataset(ds)]
['<data>: task:t: task has no accountable owner (RESPONSIBLE_FOR with raci A)']
"""

from __future__ import annotations

import difflib
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from orgmodel.exceptions import Problem
from orgmodel.records import AnyNode, EdgeRecord, SourceRecord
from orgmodel.schema import EDGE_TYPE_FIELDS, HIERARCHY_EDGES, EdgeType, Kind, Raci, edge_allowed

__all__ = ["NO_ACCOUNTABLE_OWNER", "Dataset", "Origin", "Unread", "check_dataset", "held",
           "overlapping"]

#: The problem of a task without an accountable owner (the API names the batch that writes
#: both by it, so it is one constant, not a repeated text).
NO_ACCOUNTABLE_OWNER = "task has no accountable owner (RESPONSIBLE_FOR with raci A)"


@dataclass(frozen=True)
class Origin:
    """Where a record was read from (file relative to the data folder, 1-based line)."""

    file: str
    line: int


_NOWHERE = Origin("<data>", 0)


@dataclass
class Unread:
    """What records that could not be read named, so that checks of the rest do not blame them.

    A data folder with a broken node is still checked as a whole, to report every problem in
    one run; an edge to that node is not "to a node that does not exist", and a task whose
    accountable edge is broken does not lack an owner.
    """

    nodes: set[str] = field(default_factory=set)  # ids of nodes that could not be read
    sources: set[str] = field(default_factory=set)  # keys of sources that could not be read
    edge_targets: set[str] = field(default_factory=set)  # where unreadable edges point
    any_source: bool = False  # a source could not be read, not even its key


@dataclass
class Dataset:
    """Nodes by id, edges by key, sources by key, and where each came from."""

    nodes: dict[str, AnyNode] = field(default_factory=dict)
    edges: dict[str, EdgeRecord] = field(default_factory=dict)
    sources: dict[str, SourceRecord] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        nodes: Iterable[AnyNode],
        edges: Iterable[EdgeRecord],
        sources: Iterable[SourceRecord] = (),
    ) -> Dataset:
        """Collect records into a dataset (later duplicates replace earlier ones)."""
        return cls(
            nodes={n.id: n for n in nodes},
            edges={e.key: e for e in edges},
            sources={s.key: s for s in sources},
        )

    def origin(self, key: str) -> Origin:
        """Where the node or edge with this id/key came from."""
        return self.origins.get(key, _NOWHERE)

    def problem(
        self, key: str, message: str, *, record_id: str | None = None, field_name: str | None = None
    ) -> Problem:
        """A problem located at the record ``key``."""
        where = self.origin(key)
        return Problem(where.file, where.line, message, record_id=record_id, field=field_name)


def check_dataset(ds: Dataset, unread: Unread | None = None) -> list[Problem]:
    """Every cross-record problem of ``ds``: an empty list means the dataset is sound.

    ``unread`` names what records that failed to load referred to; problems that only those
    records explain are left out (they are reported as the records' own problems).
    """
    unread = unread or Unread()
    problems: list[Problem] = []
    problems += _check_sources(ds, unread)
    problems += _check_edges(ds, unread)
    problems += _check_cycles(ds)
    problems += _check_accountable(ds, unread)
    problems += _check_holders(ds)
    problems += _check_within_ends(ds)
    return problems


def _check_sources(ds: Dataset, unread: Unread) -> list[Problem]:
    if unread.any_source:
        return []  # a source without even a key could not be read: any citation may be to it
    if not ds.sources and not unread.sources:
        return []  # a folder without a sources list cites freely (e.g. synthetic data)
    problems = []
    records: list[tuple[str, str, str]] = [(n.id, n.id, n.source) for n in ds.nodes.values()]
    records += [(key, e.key, e.source) for key, e in ds.edges.items()]
    known = ds.sources.keys() | unread.sources
    for key, shown, source in records:
        if source not in known and not source.startswith(("http://", "https://")):
            close = difflib.get_close_matches(source, sorted(known), n=1, cutoff=0.75)
            meant = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(
                ds.problem(
                    key,
                    f"unknown source {source!r} (add it to a sources: list{meant})",
                    record_id=shown,
                    field_name="source",
                )
            )
    return problems


def _check_edges(ds: Dataset, unread: Unread) -> list[Problem]:
    problems = []
    nodes = ds.nodes
    for key, edge in ds.edges.items():
        source, target = nodes.get(edge.source_id), nodes.get(edge.target_id)
        # Kind is a StrEnum, so the plain kind strings can be looked up in the rule sets.
        if (
            source is not None
            and target is not None
            and edge.via is None
            and (edge.raci is None or edge.type is EdgeType.RESPONSIBLE_FOR)
            and (edge.order is None or edge.type is EdgeType.SUBMITS_TO)
            and edge_allowed(edge.type, source.kind, target.kind)
        ):
            continue  # the common case, checked without building anything
        problems += _edge_problems(ds, key, edge, unread)
    return problems


def _edge_problems(ds: Dataset, key: str, edge: EdgeRecord, unread: Unread) -> list[Problem]:
    problems = []
    ends = {"from": edge.source_id, "to": edge.target_id}
    if edge.via is not None:
        ends["via"] = edge.via
    kinds: dict[str, str] = {}
    for end, node_id in ends.items():
        node = ds.nodes.get(node_id)
        if node is None and node_id in unread.nodes:
            continue  # the node's own problem is reported
        if node is None:
            message = f"refers to {node_id!r}, which does not exist{_meant_id(ds, node_id)}"
            problems.append(ds.problem(key, message, record_id=key, field_name=end))
        else:
            kinds[end] = node.kind
    if "from" in kinds and "to" in kinds and not edge_allowed(
        edge.type, kinds["from"], kinds["to"]
    ):
        message = f"{edge.type.value} may not join {kinds['from']} to {kinds['to']}"
        if edge_allowed(edge.type, kinds["to"], kinds["from"]):  # the ends written the wrong way
            message += f": from and to swapped? It runs from {kinds['to']} to {kinds['from']}"
        problems.append(ds.problem(key, message, record_id=key, field_name="type"))
    if "via" in kinds and kinds["via"] != Kind.FORUM.value:
        problems.append(ds.problem(key, "via must name a Forum", record_id=key, field_name="via"))
    for name, allowed_types in EDGE_TYPE_FIELDS.items():
        if getattr(edge, name) is not None and edge.type not in allowed_types:
            allowed = ", ".join(sorted(t.value for t in allowed_types))
            message = f"field {name!r} is only allowed on {allowed}"
            problems.append(ds.problem(key, message, record_id=key, field_name=name))
    return problems


def _meant_id(ds: Dataset, node_id: str) -> str:
    """"; did you mean '…'?" naming the one id of the same prefix ``node_id`` is a typo of."""
    prefix = node_id.partition(":")[0] + ":"
    close = difflib.get_close_matches(
        node_id, [known for known in ds.nodes if known.startswith(prefix)], n=2, cutoff=0.85)
    return f"; did you mean {close[0]!r}?" if len(close) == 1 else ""


def _check_cycles(ds: Dataset) -> list[Problem]:
    problems = []
    for edge_type in sorted(HIERARCHY_EDGES):
        keys: dict[tuple[str, str], str] = {
            (e.source_id, e.target_id): key for key, e in ds.edges.items() if e.type is edge_type
        }
        spans: dict[tuple[str, str], list[tuple[date, date]]] = defaultdict(list)
        for edge in ds.edges.values():
            if edge.type is edge_type:
                spans[(edge.source_id, edge.target_id)].append(held(ds, edge))
        suspects = _not_acyclic(keys)
        if not suspects:
            continue
        graph: nx.DiGraph = nx.DiGraph()
        graph.add_edges_from(pair for pair in keys if pair[0] in suspects and pair[1] in suspects)
        # Start each cycle at its smallest id, so the message is the same whatever the order.
        cycles = sorted(c[c.index(min(c)):] + c[: c.index(min(c))] for c in nx.simple_cycles(graph))
        for cycle in cycles:
            members = [*cycle, cycle[0]]
            if not _held_together([spans[pair] for pair in itertools.pairwise(members)]):
                continue  # its edges never hold on one day: a hierarchy that changed, no loop
            first_key = keys[(members[0], members[1])]
            # Every step's place: the one added by mistake is any of them, not the first.
            # (a record written over the API has no line yet: its file is where it will be)
            places = ", ".join(f"{where.file}:{where.line}" if where.line else where.file
                               for where in (ds.origin(keys[pair])
                                             for pair in itertools.pairwise(members)))
            message = f"{edge_type.value} cycle: {' -> '.join(members)} (edges at {places})"
            problems.append(ds.problem(first_key, message, record_id=first_key, field_name="to"))
    return problems


def _held_together(spans: list[list[tuple[date, date]]]) -> bool:
    """Whether some day lies in one span of each list (the days a cycle's steps hold).

    >>> d = date
    >>> _held_together([[(d(2020, 1, 1), d(2023, 12, 31))], [(d(2024, 1, 1), d.max)]])
    False
    >>> _held_together([[(d.min, d.max)], [(d(2024, 1, 1), d(2024, 6, 30))]])
    True
    """
    days = spans[0]
    for step in spans[1:]:
        days = [(max(a, c), min(b, e)) for a, b in days for c, e in step if max(a, c) <= min(b, e)]
    return bool(days)


def _not_acyclic(pairs: Iterable[tuple[str, str]]) -> set[str]:
    """Nodes left after peeling off every node without incoming edges (Kahn): empty if acyclic.

    Finding cycles in a hierarchy of 50,000 nodes this way takes a fraction of a second; only
    the (usually empty) remainder is handed to networkx to name the cycles.
    """
    successors: dict[str, list[str]] = defaultdict(list)
    indegree: dict[str, int] = defaultdict(int)
    for source, target in pairs:
        successors[source].append(target)
        indegree[target] += 1
        indegree.setdefault(source, 0)
    ready = [node for node, degree in indegree.items() if degree == 0]
    while ready:
        node = ready.pop()
        for target in successors.get(node, ()):
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
        del indegree[node]
    return set(indegree)


def held(ds: Dataset, edge: EdgeRecord) -> tuple[date, date]:
    """The first and last day ``edge`` holds: its own dates within its two nodes'.

    An edge holds only while both its nodes do, as every query reads it.
    """
    ends = [edge, *(node for end in (edge.source_id, edge.target_id)
                    if (node := ds.nodes.get(end)) is not None)]
    return (max(record.valid_from or date.min for record in ends),
            min(record.valid_to or date.max for record in ends))


def overlapping(ds: Dataset, edges: list[EdgeRecord],
                ) -> tuple[EdgeRecord, EdgeRecord, str] | None:
    """Two of ``edges`` that hold on a same day, and from when they do, in words.

    A unit or person that has ended holds nothing after: its successor's edge from the next
    day is no overlap, though the ended one's edges carry no end of their own.
    """
    spans = {edge.key: held(ds, edge) for edge in edges}
    ordered = sorted((edge for edge in edges if spans[edge.key][0] <= spans[edge.key][1]),
                     key=lambda e: (spans[e.key][0], e.key))
    for number, later in enumerate(ordered[1:], start=1):
        for earlier in ordered[:number]:
            if spans[earlier.key][1] >= spans[later.key][0]:
                since = max(spans[earlier.key][0], spans[later.key][0])
                when = f"from {since.isoformat()}" if since > date.min else "on the same days"
                return earlier, later, when
    return None


def _two_accountable(ds: Dataset, task: str, keys: list[str]) -> Problem | None:
    """A problem if two of a task's accountable edges hold on the same day (RACI: one A)."""
    if (found := overlapping(ds, [ds.edges[key] for key in keys])) is None:
        return None
    earlier, later, when = found
    return ds.problem(later.key, (
        f"task {task} has two accountable owners {when}: {earlier.source_id} and "
        f"{later.source_id}; one holds A (raci A), the other R, C or I, or end one "
        "with valid_to"), record_id=later.key, field_name="raci")


def _check_holders(ds: Dataset) -> list[Problem]:
    """A post is held by one person at a time (a hand-over ends one holding, starts another)."""
    holdings: dict[str, list[EdgeRecord]] = defaultdict(list)
    for edge in ds.edges.values():
        # A holding by what is no person is told it may not join those kinds; as a second
        # holder it named the rightful holding, untouched, as the one to end.
        holder = ds.nodes.get(edge.source_id)
        if edge.type is EdgeType.HOLDS and holder is not None and holder.kind == Kind.PERSON.value:
            holdings[edge.target_id].append(edge)
    problems = []
    for post, edges in holdings.items():
        if len(edges) > 1 and (found := overlapping(ds, edges)) is not None:
            earlier, later, when = found
            problems.append(ds.problem(later.key, (
                f"post {post} has two holders {when}: {earlier.source_id} and "
                f"{later.source_id}; end the first holding with valid_to"),
                record_id=later.key, field_name="valid_from"))
    return problems


def _check_within_ends(ds: Dataset) -> list[Problem]:
    """An edge dated so that it never holds: every day of it, one of its nodes does not."""
    problems = []
    for key, edge in ds.edges.items():
        if edge.valid_from is None and edge.valid_to is None:
            continue  # undated: it holds while both its nodes do
        for node_id in (edge.source_id, edge.target_id):
            node = ds.nodes.get(node_id)
            if node is None:
                continue  # reported as a missing node
            if node.valid_to is not None and edge.valid_from is not None \
                    and edge.valid_from > node.valid_to:
                problems.append(ds.problem(key, (
                    f"never holds: {node_id} ends {node.valid_to.isoformat()}, before the edge "
                    f"begins {edge.valid_from.isoformat()}"), record_id=key,
                    field_name="valid_from"))
                break
            if node.valid_from is not None and edge.valid_to is not None \
                    and edge.valid_to < node.valid_from:
                problems.append(ds.problem(key, (
                    f"never holds: it ends {edge.valid_to.isoformat()}, before {node_id} "
                    f"begins {node.valid_from.isoformat()}"), record_id=key,
                    field_name="valid_to"))
                break
    return problems


def _check_accountable(ds: Dataset, unread: Unread) -> list[Problem]:
    accountable: dict[str, list[str]] = defaultdict(list)
    for key, edge in ds.edges.items():
        if edge.type is EdgeType.RESPONSIBLE_FOR and edge.raci is Raci.A:
            accountable[edge.target_id].append(key)
    problems = [found for task, keys in accountable.items() if len(keys) > 1
                and (found := _two_accountable(ds, task, keys)) is not None]
    for node in ds.nodes.values():
        if (node.kind == Kind.TASK.value and not accountable.get(node.id)
                and node.id not in unread.edge_targets):
            problems.append(
                ds.problem(
                    node.id,
                    NO_ACCOUNTABLE_OWNER,
                    record_id=node.id,
                )
            )
    return problems
