"""Which writes of the audit log a reader asks for: of a record, by someone, within days.

"Who changed the owner of payroll last month?" is a question of the log: the writes of
``task:lon`` and its edges (``with_edges``), by anyone or by one ``actor``, ``since`` one moment
and ``until`` another (the first included, the last not). The embedded store and an audit file
read it with :meth:`AuditQuery.matches`; Neo4j's log is asked the same in Cypher
(``orgmodel.store.neo4j_cypher.AUDIT_LOG``).

Examples
--------
>>> from datetime import datetime, timezone
>>> from orgmodel.contract import AuditEntry
>>> entry = AuditEntry(seq=1, at=datetime(2026, 11, 3, 9, 0, tzinfo=timezone.utc),
...                    actor="anna", action="update", record_key="task:lon")
>>> AuditQuery(record_key="task:lon", actor="anna").matches(entry)
True
>>> AuditQuery(since=day_start(date(2026, 11, 4))).matches(entry)
False
>>> AuditQuery(with_edges=True, record_key="unit:a").matches(entry)
False
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from orgmodel.contract import AuditEntry
from orgmodel.records import touches

__all__ = ["AuditQuery", "day_end", "day_start"]


def day_start(day: date) -> datetime:
    """The first moment of ``day`` in UTC, as the log's times are.

    >>> day_start(date(2026, 11, 1)).isoformat()
    '2026-11-01T00:00:00+00:00'
    """
    return datetime.combine(day, time(), tzinfo=UTC)


def day_end(day: date) -> datetime:
    """The first moment after ``day`` (UTC): "until 2026-11-30" holds the whole last day.

    >>> day_end(date(2026, 11, 30)).isoformat()
    '2026-12-01T00:00:00+00:00'
    """
    return day_start(day + timedelta(days=1))


@dataclass(frozen=True)
class AuditQuery:
    """The writes asked for; every part left ``None`` (or ``False``) asks for all."""

    record_key: str | None = None
    with_edges: bool = False  # with a node id: also the writes of its edges
    actor: str | None = None  # the token's name that wrote
    since: datetime | None = None  # from this moment, included
    until: datetime | None = None  # up to this moment, not included

    @property
    def is_all(self) -> bool:
        """Whether it asks for every write (the embedded store then reads no entry)."""
        return (self.record_key, self.actor, self.since, self.until) == (None,) * 4

    def matches(self, entry: AuditEntry) -> bool:
        """Whether ``entry`` is a write asked for."""
        if self.record_key is not None and entry.record_key != self.record_key and not (
                self.with_edges and touches(entry.record_key, self.record_key, entry.before,
                                            entry.after)):
            return False
        return ((self.actor is None or entry.actor == self.actor)
                and (self.since is None or entry.at >= self.since)
                and (self.until is None or entry.at < self.until))
