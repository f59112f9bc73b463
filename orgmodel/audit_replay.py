"""An audit file read back, and its edits made again over a data folder.

The embedded store keeps the API's edits in memory and appends each to its audit file
(:mod:`orgmodel.store.memory_writes`). At the next start the file is the journal of what the
data folder lacks: :func:`replay` makes each edit again over the folder's records, so an edit
made over the API outlives the process that took it.

An entry holds its record before and after the write, so each is judged against what the
folder holds now:

* the record is as the entry left it: the edit is **there** already (exported into the folder);
* the record is as the entry found it: the edit is **made**;
* anything else: the folder changed the record since, and the folder wins: the edit is
  **skipped**, with the reason.

The entries one write made (a batch: they share their ``change``) are made together or skipped
together, checked once with the data files' rules, as the batch was. A start that did not make
the writes (replay turned off) marks the file (:data:`DISCARD`): the writes before the mark are
not made again at later starts either.

Examples
--------
>>> from datetime import datetime
>>> from orgmodel.records import NODE_ADAPTER
>>> def unit(name):
...     return NODE_ADAPTER.validate_python({"id": "unit:lon", "kind": "Unit", "name": name,
...         "level": "enhed", "source": "seed", "confidence": "high"})
>>> ds = Dataset.build([unit("Lønenheden")], [])
>>> def renamed(seq, old, new):
...     return AuditEntry(seq=seq, at=datetime(2026, 1, seq), actor="anna", action="update",
...         record_key="unit:lon", before=record_data(unit(old)), after=record_data(unit(new)))
>>> done = replay(ds, [renamed(1, "Lønenheden", "Løn"), renamed(2, "Løn og HR", "HR")])
>>> done.dataset.nodes["unit:lon"].name, done.made, [s.seq for s in done.skipped]
('Løn', [1], [2])
>>> replay(done.dataset, [renamed(1, "Lønenheden", "Løn")]).there  # already in the folder
[1]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from orgmodel.batch import Operation, apply_one
from orgmodel.contract import AuditEntry
from orgmodel.dataset import Dataset
from orgmodel.editing import Record, etag, find_record, record_data, validate_change
from orgmodel.exceptions import DataValidationError, OrgModelError
from orgmodel.messages import Lang, t
from orgmodel.records import NODE_ADAPTER, EdgeRecord

__all__ = ["DISCARD", "AuditRead", "NotAnAuditFileError", "Replay", "Skipped", "read_audit_file",
           "replay"]

#: The action of an entry that marks a start without the writes before it (replay turned
#: off): the next starts make only the writes after it again.
DISCARD = "discard"

#: A line's number, read from a line too damaged to be an entry: the numbering goes on after it.
_SEQ = re.compile(rb'"seq"\s*:\s*(\d+)')
#: ... and what it wrote to which record, where the line still says it (the administrator's
#: probe: a delete cut short was named by its line alone, and its record came back unsaid).
_WROTE = re.compile(rb'"(action|record_key)"\s*:\s*"((?:[^"\\]|\\.)*)"')


class NotAnAuditFileError(OrgModelError):
    """A file named as an audit file holds lines, and not one of them is an audit entry."""

    def __init__(self, path: Path, read: AuditRead) -> None:
        line, reason = read.damaged[0]
        self.path, self.lines, self.line, self.reason = path, len(read.damaged), line, reason
        super().__init__(t("not_audit_file", "en", path=path, lines=self.lines, line=line,
                           reason=reason))

    def text(self, lang: Lang) -> str:
        """The message in ``lang``."""
        return t("not_audit_file", lang, path=self.path, lines=self.lines, line=self.line,
                 reason=self.reason)


@dataclass(frozen=True)
class AuditRead:
    """The entries of an audit file in the order written, and the lines that were none.

    ``damaged`` holds ``(line number, reason)`` of each line that is not an audit entry: a
    write cut short by a crash, a line repeated (a file written twice over), or a file that
    is no audit file at all. ``last_seq`` is the highest number any line holds, damaged ones
    too: a new entry is numbered after it.
    """

    entries: list[AuditEntry]
    damaged: list[tuple[int, str]]
    last_seq: int = 0

    def check(self, path: Path) -> None:
        """Raise NotAnAuditFileError if lines were read and not one is an audit entry."""
        if self.damaged and not self.entries:
            raise NotAnAuditFileError(path, self)


def _what_it_wrote(line: bytes) -> str:
    """What a damaged line still says it wrote ("#23 delete unit:x: "), or nothing.

    >>> _what_it_wrote(b'{"seq": 23, "at": "2026", "actor": "a", "action": "delete", '
    ...                b'"record_key": "MEMBER_OF:unit:x->forum:y", "bef')
    '#23 delete MEMBER_OF:unit:x->forum:y: '
    >>> _what_it_wrote(b'{"se')
    ''
    """
    said = {key.decode(): value.decode("utf-8", "replace") for key, value in _WROTE.findall(line)}
    seq = _SEQ.search(line)
    parts = [f"#{seq.group(1).decode()}" if seq else "", said.get("action", ""),
             said.get("record_key", "")]
    return " ".join(part for part in parts if part) + ": " if said else ""


def read_audit_file(path: Path) -> AuditRead:
    r"""Read an audit file; a missing file has no entries.

    Raises
    ------
    OSError
        The file exists but cannot be read.

    Examples
    --------
    >>> import tempfile
    >>> audit = Path(tempfile.mkdtemp()) / "audit.jsonl"
    >>> read_audit_file(audit).entries
    []
    >>> _ = audit.write_bytes(b'{"seq": 1, "at": "2026-01-01T00:00:00Z", "actor": "anna", '
    ...     b'"action": "delete", "record_key": "unit:x"}\n{"seq": 2, "at": "20')
    >>> read = read_audit_file(audit)
    >>> [e.seq for e in read.entries], read.damaged[0][0]
    ([1], 2)
    """
    try:
        # Lines end at "\n" alone: JSON may hold U+2028 raw, which splitlines() breaks at.
        # Bytes: a line cut inside "ø" is one damaged line, not an unreadable file.
        lines = path.read_bytes().split(b"\n")
    except FileNotFoundError:
        return AuditRead([], [])
    entries: list[AuditEntry] = []
    damaged: list[tuple[int, str]] = []
    last = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = AuditEntry.model_validate_json(line)
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(part) for part in problem["loc"])
            damaged.append((number, _what_it_wrote(line)
                            + f"{where + ': ' if where else ''}{problem['msg']}"))
            if found := _SEQ.search(line):
                last = max(last, int(found.group(1)))
            continue
        if entry.seq <= last:  # numbers only grow: a line repeated, or a file written twice
            damaged.append((number, f"#{entry.seq} again, after #{last}: an entry repeated"))
            continue
        entries.append(entry)
        last = entry.seq
    return AuditRead(entries, damaged, last)


@dataclass(frozen=True)
class Skipped:
    """An entry not made again, and why: a ``replay_*`` text of :mod:`orgmodel.messages`."""

    seq: int
    record_key: str
    why: str
    detail: str = ""

    def reason(self, lang: Lang = "en") -> str:
        """Why the entry was skipped, in words."""
        return t(f"replay_{self.why}", lang, detail=self.detail)

    def __str__(self) -> str:
        return f"#{self.seq} ({self.record_key}): {self.reason()}"


@dataclass
class Replay:
    """What :func:`replay` did: the dataset after it, and each entry's fate by its number."""

    dataset: Dataset
    made: list[int] = field(default_factory=list)
    there: list[int] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def replay(ds: Dataset, entries: Sequence[AuditEntry]) -> Replay:
    """Make the edits of ``entries`` again over ``ds`` (which is left as it was).

    Each write (the entries of one change) is made whole or skipped whole; an entry whose
    record the dataset already holds as the entry left it counts as there, as do all the
    writes up to the point the dataset was exported at (:func:`_exported`). Entries before
    the last :data:`DISCARD` mark are left out.
    """
    done = Replay(ds)
    ordered = sorted(entries, key=lambda e: e.seq)
    # A start without the writes before it (replay off): they are not made again later either.
    discarded = max((n for n, e in enumerate(ordered, 1) if e.action == DISCARD), default=0)
    writes = list(_writes(ordered[discarded:]))
    exported = _exported(ds, writes)
    done.there = [entry.seq for write in writes[:exported] for entry in write]
    for write in writes[exported:]:
        after, made, there = done.dataset, [], []
        culprit: AuditEntry | None = None
        try:
            for culprit in write:
                operation = _operation(after, culprit)
                if operation is None:
                    there.append(culprit.seq)
                    continue
                try:
                    after = apply_one(after, operation).dataset
                except OrgModelError as exc:
                    raise _NotMadeError("rule", _reason(exc)) from None
                made.append(culprit.seq)
            culprit = None  # the write as a whole, from here on
            if made:
                try:  # rules broken in between do not count, as in a batch
                    validate_change(done.dataset, after)
                except DataValidationError as exc:
                    raise _NotMadeError("rule", _reason(exc)) from None
        except _NotMadeError as exc:  # a write is made whole or not at all
            done.skipped += [
                Skipped(e.seq, e.record_key, exc.why, exc.detail) if culprit in (None, e)
                else Skipped(e.seq, e.record_key, "with", str(culprit.seq)) for e in write]
            continue
        done.dataset = after
        done.made += made
        done.there += there
    return done


def _exported(ds: Dataset, writes: Sequence[list[AuditEntry]]) -> int:
    """How many of the writes the dataset holds already: an export of the graph after them.

    The first one after which the most records the log writes are as the log left them: a
    record written, exported and written again holds its first write at the export, which
    judged alone against the record's last version would not be there. Ties go to the
    earliest, so that a record the folder changed since is judged against each write of it.
    """
    expected: dict[str, Any] = {}
    for write in writes:
        for entry in write:
            expected.setdefault(entry.record_key, _as_json(entry.before))
    now = {key: _now(ds, key) for key in expected}
    differ = {key for key, value in expected.items() if now[key] != value}
    fewest, exported = len(differ), 0
    for number, write in enumerate(writes, 1):
        for entry in write:
            expected[entry.record_key] = _as_json(entry.after)
            (differ.discard if now[entry.record_key] == expected[entry.record_key]
             else differ.add)(entry.record_key)
        if len(differ) < fewest:
            fewest, exported = len(differ), number
    return exported


def _now(ds: Dataset, key: str) -> Any:
    """The record ``key`` as the dataset holds it, as an entry would hold it."""
    current = find_record(ds, key)
    return None if current is None else _as_json(record_data(current))


class _NotMadeError(Exception):
    """An entry that cannot be made again over the dataset: why (a ``replay_*`` text)."""

    def __init__(self, why: str, detail: str = "") -> None:
        super().__init__(why)
        self.why, self.detail = why, detail


def _writes(entries: Sequence[AuditEntry]) -> Iterator[list[AuditEntry]]:
    """Group the entries one write made: consecutive, of one change.

    An entry written before changes were kept goes with those of the same moment and writer.
    """
    group: list[AuditEntry] = []
    for entry in entries:
        if group and _write_of(entry) != _write_of(group[-1]):
            yield group
            group = []
        group.append(entry)
    if group:
        yield group


def _write_of(entry: AuditEntry) -> tuple[object, ...]:
    return (entry.change,) if entry.change is not None else (entry.at, entry.actor)


def _operation(ds: Dataset, entry: AuditEntry) -> Operation | None:
    """The operation that makes ``entry`` again over ``ds``; ``None`` if it is there already.

    Raises
    ------
    _NotMadeError
        The entry holds no record, or the dataset's record is neither as the entry found it
        nor as it left it.
    """
    if entry.before is None and entry.after is None:
        raise _NotMadeError("empty")
    current = find_record(ds, entry.record_key)
    now = _now(ds, entry.record_key)
    if now == _as_json(entry.after):
        return None
    if now != _as_json(entry.before):
        raise _NotMadeError("gone" if current is None else
                            "exists" if entry.before is None else "changed")
    if entry.after is None:
        assert current is not None  # as the entry found it, which was a record
        return Operation.delete(entry.record_key, etag(current))
    record = _record(entry.after)
    if _key(record) != entry.record_key:
        raise _NotMadeError("other_key", repr(_key(record)))
    return Operation.put(record, None if current is None else etag(current))


def _record(data: dict[str, Any]) -> Record:
    """The record an entry holds, validated as a data file's would be."""
    try:
        if "kind" in data:
            node: Record = NODE_ADAPTER.validate_python(data)
            return node
        return EdgeRecord.model_validate(data)
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise _NotMadeError("invalid", f"{where + ': ' if where else ''}{problem['msg']}") from None


def _key(record: Record) -> str:
    return record.key if isinstance(record, EdgeRecord) else record.id


def _as_json(data: dict[str, Any] | None) -> Any:
    """``data`` as read back from a line of JSON (tuples as lists, dates as text)."""
    return None if data is None else json.loads(json.dumps(data, default=str))


def _reason(exc: OrgModelError) -> str:
    """The first problem of a failed write, for the log."""
    if isinstance(exc, DataValidationError) and exc.problems:
        problem = exc.problems[0]
        where = "".join(f"{part}: " for part in (problem.record_id, problem.field) if part)
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        return f"{where}{problem.message}{more}"
    return str(exc)
