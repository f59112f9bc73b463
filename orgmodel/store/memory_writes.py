"""The embedded store made writable: validated edits, optimistic concurrency, an audit log.

:class:`EditableMemoryStore` answers every question of the query contract through an immutable
:class:`~orgmodel.store.memory.MemoryStore` and takes writes (:class:`WritableStore`) by
building the changed dataset with :mod:`orgmodel.editing`, rebuilding a whole new
``MemoryStore`` from it and swapping it in under a lock. A reader therefore always sees one
consistent state, before or after a write, never half of one; a failed write changes nothing.

A state never changes, so the answers given from it are kept (up to ``cache_size`` of them,
oldest dropped first) until a write replaces the state; ``as_of=None`` is keyed by today's date.

The audit log is kept in memory and, with ``audit_file``, appended to that file as JSON lines
(one :class:`~orgmodel.contract.AuditEntry` a line). Without an audit file the edits live as long
as the process: export them with ``orgmodel export-data`` (or ``GET /api/v1/export``) to keep
them. With one, the next start makes its edits again over the data folder
(:mod:`orgmodel.audit_replay`; ``replay=False`` starts from the folder alone).

Examples
--------
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> ds = Dataset.build(
...     [node(id="unit:lon", kind="Unit", name="Lønenheden", level="enhed"),
...      node(id="task:lon", kind="Task", name="Løn")],
...     [EdgeRecord.model_validate({"type": "RESPONSIBLE_FOR", "from": "unit:lon",
...      "to": "task:lon", "raci": "A", "source": "seed", "confidence": "high"})])
>>> from orgmodel.editing import etag
>>> store = EditableMemoryStore(MemoryStore(ds))
>>> unit = store.record("unit:lon")
>>> view = store.put_node(unit.model_copy(update={"name": "Løn og HR"}),
...                       expected_etag=etag(unit), actor="editor")
>>> store.owners("løn")[0].owners[0].name
'Løn og HR'
>>> [(e.seq, e.actor, e.action, e.before["name"], e.after["name"]) for e in store.audit_log()]
[(1, 'editor', 'update', 'Lønenheden', 'Løn og HR')]
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Hashable, Sequence
from contextlib import suppress
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from orgmodel import editing
from orgmodel.audit_query import AuditQuery
from orgmodel.audit_replay import DISCARD, read_audit_file, replay
from orgmodel.batch import Operation, apply_all
from orgmodel.contract import (
    AuditEntry,
    EdgeView,
    Membership,
    NodePage,
    NodeRef,
    NodeView,
    OwnersResult,
    Responsibility,
    SearchResult,
    Subgraph,
)
from orgmodel.dataset import Dataset
from orgmodel.editing import Change
from orgmodel.exceptions import NotFoundError, StoreWriteFailedError
from orgmodel.messages import t
from orgmodel.records import AnyNode, EdgeRecord
from orgmodel.schema import Confidence, EdgeType, Kind
from orgmodel.semantics import edge_view, node_view
from orgmodel.store import audit_lock
from orgmodel.store.memory import MemoryStore

__all__ = ["EditableMemoryStore"]

T = TypeVar("T")

log = logging.getLogger(__name__)


class EditableMemoryStore:
    """The query contract and :class:`~orgmodel.contract.WritableStore` over a MemoryStore.

    Parameters
    ----------
    store
        The initial state.
    audit_file
        If given, every audit entry is also appended to this file as a JSON line; sequence
        numbers continue after the last line already in it.
    """

    def __init__(self, store: MemoryStore, *, audit_file: Path | None = None,
                 cache_size: int = 256, replay: bool = True) -> None:
        self.cache_size = cache_size
        self._lock = threading.Lock()
        self._audit: list[AuditEntry] = []
        self._audit_file = audit_file
        self._started: datetime | None = datetime.now(UTC)
        # Held before the file is read: a second writer would number its entries alike.
        self._audit_holder = audit_lock.hold(audit_file) if audit_file else None
        self._seq = 0
        if audit_file is not None:
            try:  # a YAML file named by mistake was taken, and written into
                read = read_audit_file(audit_file)
                read.check(audit_file)
            except BaseException:
                self.close()
                raise
            for number, reason in read.damaged:
                log.warning("%s:%d: not an audit entry, skipped (%s)", audit_file, number, reason)
            _end_last_line(audit_file)
            # Numbering goes on after the highest number of any line, one cut short too.
            self._seq = read.last_seq
            if replay:
                store, skipped = _replayed(store, read.entries, audit_file)
                # A write the folder's newer record kept out is in the log, not the graph:
                # the history says so, or the last value it shows is not the record's.
                self._audit = sorted((e.model_copy(update=skipped[e.seq]) if e.seq in skipped
                                      else e for e in read.entries), key=lambda e: e.seq)
                self._started = None  # the log holds every write the graph has had
            elif _since_discard(read.entries):
                log.warning("%s holds writes up to #%d from before this start; the graph starts "
                            "from its data folder (ORGMODEL_REPLAY_AUDIT=false), which holds "
                            "those edits only if they were exported (orgmodel export-data); "
                            "later starts do not make them again either", audit_file,
                            read.entries[-1].seq)
                self._discard()
        self._version = _Version(store)

    def _discard(self) -> None:
        """Mark in the log that the writes before this start are not in the graph.

        Else a later start with replay on made them again over the writes made since, and
        dropped the newer ones the data folder had not (the folder had changed their records).
        """
        marker = AuditEntry(
            seq=self._seq + 1, at=datetime.now(UTC), actor="orgmodel", action=DISCARD,
            record_key="", change=self._seq + 1,
            comment="started from the data folder alone (ORGMODEL_REPLAY_AUDIT=false): the "
                    "writes before this one are not made again")
        self._append([marker])
        self._seq += 1
        self._audit.append(marker)

    def _append(self, entries: list[AuditEntry]) -> None:
        """Append entries to the audit file, if there is one (nothing is changed if not)."""
        if self._audit_file is None:
            return
        try:
            with self._audit_file.open("a", encoding="utf-8") as out:
                out.writelines(audit_line(entry) for entry in entries)
        except OSError as exc:  # a folder removed, a full disk: said, not a bare 500
            raise StoreWriteFailedError(
                f"the audit file {self._audit_file} cannot be written ({exc.strerror}): "
                "nothing was changed; ask the administrator") from exc

    def close(self) -> None:
        """Let go of the audit file, for another server to write (the edits end here)."""
        if self._audit_holder is not None:
            self._audit_holder.close()
            self._audit_holder = None

    @property
    def state(self) -> MemoryStore:
        """The current (immutable) embedded store, e.g. for analytics on its graph."""
        return self._version.store

    @property
    def version(self) -> int:
        """The number of writes so far: answers of one version never change."""
        return self._version.number

    @property
    def _state(self) -> MemoryStore:
        return self._version.store

    def _answer(self, question: tuple[Hashable, ...], ask: Callable[[MemoryStore], T]) -> T:
        """Return the answer of the current version, from its cache if asked before.

        A version never changes, so its answers can be kept until the next write replaces it.
        Errors (NotFoundError) are not kept. ``cache_size`` 0 turns the cache off.
        """
        version = self._version
        if self.cache_size <= 0:
            return ask(version.store)
        try:
            return version.answers[question]  # type: ignore[no-any-return]
        except KeyError:
            pass
        answer = ask(version.store)
        with suppress(KeyError, RuntimeError, StopIteration):  # another thread may evict too
            while len(version.answers) >= self.cache_size:
                del version.answers[next(iter(version.answers))]
        version.answers[question] = answer
        return answer

    # -- reads: each takes the current state once, so it sees one consistent version -----------

    def node(self, node_id: str, *, as_of: date | None = None) -> NodeView:
        """One node; raises NotFoundError."""
        when = as_of or date.today()
        return self._answer(("node", node_id, when), lambda s: s.node(node_id, as_of=when))

    def edges_of(self, node_id: str, *, as_of: date | None = None) -> list[EdgeView]:
        """All edges touching a node, sorted by key."""
        when = as_of or date.today()
        return list(self._answer(("edges_of", node_id, when),
                                 lambda s: s.edges_of(node_id, as_of=when)))

    def list_nodes(
        self, *, kind: Kind | None = None, text: str | None = None, offset: int = 0,
        limit: int = 50, as_of: date | None = None, confidence: Confidence | None = None,
    ) -> NodePage:
        """Nodes filtered by kind, text and confidence (search order for text, else by id)."""
        when = as_of or date.today()
        return self._answer(("list_nodes", kind, text, offset, limit, when, confidence),
                            lambda s: s.list_nodes(kind=kind, text=text, offset=offset,
                                                   limit=limit, as_of=when,
                                                   confidence=confidence))

    def search(
        self, query: str, *, kinds: Collection[Kind] | None = None, limit: int = 20,
        as_of: date | None = None,
    ) -> list[SearchResult]:
        """Danish-aware search, best first."""
        when = as_of or date.today()
        return list(self._answer(("search", query, _key(kinds), limit, when),
                                 lambda s: s.search(query, kinds=kinds, limit=limit, as_of=when)))

    def owners(
        self, query: str, *, limit: int = 5, as_of: date | None = None
    ) -> list[OwnersResult]:
        """Who owns the tasks matching a task id, a KLE number or free text, best first."""
        when = as_of or date.today()
        return list(self._answer(("owners", query, limit, when),
                                 lambda s: s.owners(query, limit=limit, as_of=when)))

    def chain(self, node_id: str, *, as_of: date | None = None) -> list[NodeRef]:
        """Return the reporting line from a node up to the top, the node itself first."""
        when = as_of or date.today()
        return list(self._answer(("chain", node_id, when), lambda s: s.chain(node_id, as_of=when)))

    def members(self, node_id: str, *, as_of: date | None = None) -> list[Membership]:
        """Members of a forum, body or initiative."""
        when = as_of or date.today()
        return list(self._answer(("members", node_id, when),
                                 lambda s: s.members(node_id, as_of=when)))

    def memberships(self, node_id: str, *, as_of: date | None = None) -> list[Membership]:
        """Fora, bodies and initiatives a node belongs to or takes part in."""
        when = as_of or date.today()
        return list(self._answer(("memberships", node_id, when),
                                 lambda s: s.memberships(node_id, as_of=when)))

    def responsibilities(
        self, node_id: str, *, descendants: bool = False, as_of: date | None = None
    ) -> list[Responsibility]:
        """Tasks a unit or post holds (with ``descendants``: also its sub-units and posts)."""
        when = as_of or date.today()
        return list(self._answer(
            ("responsibilities", node_id, descendants, when),
            lambda s: s.responsibilities(node_id, descendants=descendants, as_of=when)))

    def neighbourhood(
        self, node_id: str, *, depth: int = 1, kinds: Collection[Kind] | None = None,
        edge_types: Collection[EdgeType] | None = None, as_of: date | None = None,
    ) -> Subgraph:
        """Nodes within ``depth`` steps (either direction), filtered by kind and edge type."""
        when = as_of or date.today()
        return self._answer(
            ("neighbourhood", node_id, depth, _key(kinds), _key(edge_types), when),
            lambda s: s.neighbourhood(node_id, depth=depth, kinds=kinds, edge_types=edge_types,
                                      as_of=when))

    def paths(
        self, source_id: str, target_id: str, *, max_paths: int = 5, as_of: date | None = None
    ) -> list[list[NodeRef]]:
        """Shortest paths between two nodes, ignoring direction."""
        when = as_of or date.today()
        found = self._answer(("paths", source_id, target_id, max_paths, when),
                             lambda s: s.paths(source_id, target_id, max_paths=max_paths,
                                               as_of=when))
        return [list(path) for path in found]

    def subtree(self, node_id: str, *, as_of: date | None = None) -> Subgraph:
        """Return a unit or body with everything PART_OF it, their posts and holders."""
        when = as_of or date.today()
        return self._answer(("subtree", node_id, when), lambda s: s.subtree(node_id, as_of=when))

    def snapshot(self, *, as_of: date | None = None) -> Dataset:
        """All records valid on the date, for analytics and exports."""
        return self._state.snapshot(as_of=as_of)

    def dataset(self) -> Dataset:
        """Every record of every date, with origins: the source of exports."""
        return self._state.dataset

    def record(self, key: str) -> AnyNode | EdgeRecord:
        """Return the node with id ``key`` or the edge with key ``key`` (any date).

        Raises NotFoundError if there is none; used for ETags on reads.
        """
        found = editing.find_record(self._state.dataset, key)
        if found is None:
            raise NotFoundError(key, f"no record with id or key {key!r}")
        return found

    # -- writes -------------------------------------------------------------------------------

    def put_node(self, record: AnyNode, *, expected_etag: str | None, actor: str,
                 comment: str | None = None) -> NodeView:
        """Create (``expected_etag=None``) or replace a node."""
        with self._lock:
            self._commit(editing.put_node(self._state.dataset, record,
                                          expected_etag=expected_etag), actor=actor,
                         comment=comment)
        return node_view(record)

    def delete_node(self, node_id: str, *, expected_etag: str, actor: str,
                    comment: str | None = None) -> None:
        """Delete a node (refused while edges still touch it)."""
        with self._lock:
            self._commit(editing.delete_node(self._state.dataset, node_id,
                                             expected_etag=expected_etag), actor=actor,
                         comment=comment)

    def put_edge(self, record: EdgeRecord, *, expected_etag: str | None, actor: str,
                 comment: str | None = None) -> EdgeView:
        """Create (``expected_etag=None``) or replace an edge."""
        with self._lock:
            self._commit(editing.put_edge(self._state.dataset, record,
                                          expected_etag=expected_etag), actor=actor,
                         comment=comment)
        return edge_view(record)

    def delete_edge(self, key: str, *, expected_etag: str, actor: str,
                    comment: str | None = None) -> None:
        """Delete an edge."""
        with self._lock:
            self._commit(editing.delete_edge(self._state.dataset, key,
                                             expected_etag=expected_etag), actor=actor,
                         comment=comment)

    def apply_all(self, operations: Sequence[Operation], *, actor: str,
                  comment: str | None = None) -> list[Change]:
        """Apply several edits as one (:mod:`orgmodel.batch`): all or nothing."""
        with self._lock:
            changes = apply_all(self._state.dataset, operations)
            self._commit(*changes, actor=actor, comment=comment)
        return changes

    def audit_log(self, *, record_key: str | None = None, offset: int = 0,
                  limit: int = 100, with_edges: bool = False, actor: str | None = None,
                  since: datetime | None = None,
                  until: datetime | None = None) -> list[AuditEntry]:
        """Return the writes, newest first (optionally for one record, and its edges)."""
        asked = AuditQuery(record_key=record_key, with_edges=with_edges, actor=actor,
                           since=since, until=until)
        if asked.is_all:  # the views ask for the newest on every request: no full copy
            newest = len(self._audit) - offset
            return self._audit[max(newest - limit, 0):max(newest, 0)][::-1]
        entries = [e for e in reversed(self._audit) if asked.matches(e)]
        return entries[offset: offset + limit]

    def audit_count(self, *, record_key: str | None = None, with_edges: bool = False,
                    actor: str | None = None, since: datetime | None = None,
                    until: datetime | None = None) -> int:
        """How many writes :meth:`audit_log` asked the same finds, on every page."""
        asked = AuditQuery(record_key=record_key, with_edges=with_edges, actor=actor,
                           since=since, until=until)
        if asked.is_all:
            return len(self._audit)
        return sum(1 for entry in self._audit if asked.matches(entry))

    def log_kept_since(self) -> datetime | None:
        """When this process began, if its log holds only the writes since.

        ``None`` with an audit file made again at start: the log holds every write the graph
        has had since the file began.
        """
        return self._started

    def _commit(self, *changes: Change, actor: str, comment: str | None = None) -> None:
        """Swap in the state after ``changes`` and log each (the caller holds the lock).

        Changes that change nothing are neither logged nor built into a new state: the
        current one, and the answers cached for it, stay.
        """
        changed = [change for change in changes if change.changed]
        if not changed:
            return
        new_state = MemoryStore(changes[-1].dataset, self._state.vocabulary)
        now = datetime.now(UTC)
        entries = [editing.audit_entry(change, seq=self._seq + n, actor=actor, at=now,
                                       first=self._seq + 1, comment=comment)
                   for n, change in enumerate(changed, start=1)]
        self._append(entries)  # first: a write the file cannot keep is not made
        self._seq += len(entries)
        self._audit += entries
        self._version = _Version(new_state, self._version.number + 1)


class _Version:
    """One state of the store and the answers given from it."""

    __slots__ = ("answers", "number", "store")

    def __init__(self, store: MemoryStore, number: int = 0) -> None:
        self.store = store
        self.number = number
        self.answers: dict[tuple[Hashable, ...], Any] = {}


def _key(values: Collection[Kind] | Collection[EdgeType] | None) -> tuple[str, ...] | None:
    """Return a filter as a hashable, order-free cache key."""
    return tuple(sorted({str(v) for v in values})) if values else None


def audit_line(entry: AuditEntry) -> str:
    r"""One audit entry as a line of JSON, with no character other tools read as a line break.

    JSON allows U+2028, U+2029 and U+0085 raw inside a string; Python's ``splitlines`` (and
    many editors) break lines there, so they are written as ``\u`` escapes.

    >>> from datetime import datetime
    >>> entry = AuditEntry(seq=1, at=datetime(2025, 1, 1), actor="a", action="create",
    ...                    record_key="unit:x", after={"name": "A\u2028B"})
    >>> line = audit_line(entry)
    >>> line.count("\n"), "\\u2028" in line, len(line.splitlines())
    (1, True, 1)
    """
    text = entry.model_dump_json()
    for breaking in ("\u2028", "\u2029", "\x85"):
        text = text.replace(breaking, f"\\u{ord(breaking):04x}")
    return text + "\n"


def _end_last_line(path: Path) -> None:
    """End a last line cut short, so the next entry starts a line of its own."""
    try:
        with path.open("rb") as existing:
            existing.seek(0, 2)
            if existing.tell() == 0:
                return
            existing.seek(-1, 2)
            whole = existing.read(1) == b"\n"
    except FileNotFoundError:
        return
    if not whole:
        with path.open("a", encoding="utf-8") as out:
            out.write("\n")


def _since_discard(entries: Sequence[AuditEntry]) -> list[AuditEntry]:
    """The entries after the last mark of a start without them (all, if none)."""
    marks = [number for number, entry in enumerate(entries, 1) if entry.action == DISCARD]
    return list(entries[marks[-1] if marks else 0:])


def _replayed(store: MemoryStore, entries: Sequence[AuditEntry],
              audit_file: Path) -> tuple[MemoryStore, dict[int, dict[str, str]]]:
    """The store with the audit file's edits made again over its data folder, each one said.

    And why each entry not made again was not, by its number.
    """
    if not entries:
        return store, {}
    done = replay(store.dataset, entries)
    for skipped in done.skipped:
        log.warning("%s: write #%d (%s) not made again: %s", audit_file, skipped.seq,
                    skipped.record_key, skipped.reason())
    log.info("%s: %d write(s) made again over the data folder, %d there already, %d skipped",
             audit_file, len(done.made), len(done.there), len(done.skipped))
    why = {entry.seq: {"not_in_graph": t("audit_not_in_graph", "en", why=entry.reason()),
                       "not_in_graph_da": t("audit_not_in_graph", "da", why=entry.reason("da"))}
           for entry in done.skipped}
    return (MemoryStore(done.dataset, store.vocabulary) if done.made else store), why
