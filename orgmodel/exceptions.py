"""The one exception tree of orgmodel.

Every error the domain raises derives from :class:`OrgModelError`, so the CLI and the API can
turn any of them into a clear message without catching unrelated bugs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = [
    "DataValidationError",
    "NotFoundError",
    "NotValidOnDateError",
    "OrgModelError",
    "Problem",
    "StoreUnavailableError",
    "StoreWriteFailedError",
    "WriteConflictError",
    "held_text",
]


class OrgModelError(Exception):
    """Base class of every error raised by orgmodel."""

    #: In a batch of edits, the index of the operation that failed (set by the batch).
    operation: int | None = None


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows.

    Examples
    --------
    >>> str(Problem("units.yaml", 12, "unknown field 'nam'", record_id="unit:x", field="nam"))
    "units.yaml:12: unit:x: nam: unknown field 'nam'"
    >>> str(Problem("noter.txt", 0, "not read"))  # the whole file: no line to name
    'noter.txt: not read'
    """

    file: str
    line: int
    message: str
    record_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = "".join(f"{part}: " for part in (self.record_id, self.field) if part)
        at = f":{self.line}" if self.line else ""
        return f"{self.file}{at}: {where}{self.message}"


class DataValidationError(OrgModelError):
    """The data was rejected; ``problems`` lists every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data")


class NotFoundError(OrgModelError):
    """No node with the given id exists (at the given date)."""

    def __init__(self, node_id: str, message: str | None = None) -> None:
        self.node_id = node_id
        super().__init__(message or f"no node with id {node_id!r}")


class NotValidOnDateError(NotFoundError):
    """The node exists, but not on the date asked about (another ``--as-of`` shows it).

    With the node's own dates, the message says when it holds: a record that begins next
    year is read (and edited) by asking for a day within it.

    >>> str(NotValidOnDateError("task:x", date(2026, 6, 1), date(2027, 1, 1), None))
    "'task:x' is not valid on 2026-06-01: it holds from 2027-01-01; ask for a day within it (as_of)"
    """

    def __init__(self, node_id: str, when: date, valid_from: date | None = None,
                 valid_to: date | None = None) -> None:
        self.when, self.valid_from, self.valid_to = when, valid_from, valid_to
        span = held_text(valid_from, valid_to)
        within = f": it holds {span}; ask for a day within it (as_of)" if span else ""
        super().__init__(node_id, f"{node_id!r} is not valid on {when.isoformat()}{within}")


def held_text(valid_from: date | None, valid_to: date | None,
              words: tuple[str, str] = ("from", "to")) -> str:
    """When a record holds, in words ("from 2027-01-01 to 2027-12-31"); "" if always.

    ``words``: the words for "from" and "to" in the language it is said in.
    """
    return " ".join(part for part in (
        f"{words[0]} {valid_from.isoformat()}" if valid_from else "",
        f"{words[1]} {valid_to.isoformat()}" if valid_to else "") if part)


class WriteConflictError(OrgModelError):
    """A write was based on a stale version of a record (optimistic concurrency)."""


class StoreUnavailableError(OrgModelError):
    """The store (e.g. Neo4j) cannot be reached or refused the credentials."""


class StoreWriteFailedError(StoreUnavailableError):
    """The store could not keep a write (its audit file cannot be written): nothing changed.

    Its message names what failed, for the writer and the administrator.
    """
