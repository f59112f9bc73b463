"""A year asked about in which a task changes hands: "hvem havde ansvaret for indkøb i 2027?".

A question that names a year is answered on one day of it (1 July, or today in this year:
:mod:`orgmodel.asked_date`). When the task's accountable owner on the first or the last day of
that year is another, that one day's answer is not the year's: the answer says who was
accountable when, in a note (code ``owner_changes_in_year``).

Examples
--------
>>> from orgmodel.asked_date import asked
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> def owns(unit, **dates):
...     return EdgeRecord.model_validate({"type": "RESPONSIBLE_FOR", "from": unit,
...         "to": "task:indkob", "raci": "A", "source": "seed", "confidence": "high", **dates})
>>> store = MemoryStore(Dataset.build(
...     [node(id="task:indkob", kind="Task", name="Indkøb", kle="02.00.00"),
...      node(id="unit:a", kind="Unit", name="Økonomi", level="enhed"),
...      node(id="unit:b", kind="Unit", name="Indkøb og Udbud", level="enhed")],
...     [owns("unit:a", valid_to="2027-02-28"), owns("unit:b", valid_from="2027-03-01")]))
>>> question = asked("hvem havde ansvaret for indkøb i 2027?", None, date(2026, 11, 28))
>>> found = store.owners(question.text, as_of=question.when)
>>> print(with_year_changes(store, found, question)[0].notes[-1].da)
Den ansvarlige (A) skifter i løbet af 2027: Økonomi til 28. februar → Indkøb og Udbud fra 1. marts.
"""

from __future__ import annotations

from datetime import date, timedelta

from orgmodel.asked_date import Asked
from orgmodel.contract import OrgStore, OwnersResult
from orgmodel.messages import marked_danish
from orgmodel.schema import Raci
from orgmodel.semantics import note

__all__ = ["with_year_changes"]


def with_year_changes(store: OrgStore, results: list[OwnersResult],
                      question: Asked) -> list[OwnersResult]:
    """``results`` with a note on each task whose accountable owner changes in the year asked.

    Only when the question named a year (not a day or a month): the owners on its first day,
    the day answered and its last day are compared, three questions to the store a task; where
    they differ, the day of the first change is found by halving the year (some nine more).
    """
    if question.reading not in ("year", "this_year") or question.named is None:
        return results
    year = question.named.year
    days = (date(year, 1, 1), question.when, date(year, 12, 31))
    noted = []
    for result in results:
        owners = [_accountable(store, result.task.id, day) for day in days]
        first, last = owners[0], owners[-1]
        if len(set(filter(None, owners))) > 1 and first and last:
            # the day it changed hands (the administrator's probe: the first and last day of
            # the year were said, not the day of the change)
            day, new = _first_change(store, result.task.id, first, days[0], days[-1], last)
            then = [(first, f"til {_day(day - timedelta(days=1), 'da')}",
                     f"until {_day(day - timedelta(days=1), 'en')}"),
                    (new, f"fra {_day(day, 'da')}", f"from {_day(day, 'en')}")]
            if new != last:  # more than one change: the year's last owner too
                then.append((last, "31. december", "31 December"))
            said = note("owner_changes_in_year", str(year), (
                " → ".join(f"{who[1] if who else '—'} {da}" for who, da, _ in then),
                # (a name without English is Danish in the English note: marked so)
                " → ".join(f"{(who[2] or marked_danish(who[1])) if who else '—'} {en}"
                           for who, _, en in then)))
            result = result.model_copy(update={"notes": [*result.notes, said]})
        noted.append(result)
    return noted


_MONTHS = (("januar", "January"), ("februar", "February"), ("marts", "March"),
           ("april", "April"), ("maj", "May"), ("juni", "June"), ("juli", "July"),
           ("august", "August"), ("september", "September"), ("oktober", "October"),
           ("november", "November"), ("december", "December"))


def _day(day: date, lang: str) -> str:
    """``day`` as a sentence says it: "1. marts", "1 March"."""
    month = _MONTHS[day.month - 1]
    return f"{day.day}. {month[0]}" if lang == "da" else f"{day.day} {month[1]}"


_Owner = tuple[str, str, str | None]


def _first_change(store: OrgStore, task_id: str, first: _Owner, start: date, end: date,
                  last: _Owner | None) -> tuple[date, _Owner | None]:
    """The first day after ``start`` whose accountable owner is not ``first``, and that owner.

    ``end`` has another owner (``last``): the year is halved between the two.
    """
    low, high, then = start, end, last  # low has the first owner, high has ``then``
    while (high - low).days > 1:
        middle = low + (high - low) // 2
        owner = _accountable(store, task_id, middle)
        if owner == first:
            low = middle
        else:
            high, then = middle, owner
    return high, then


def _accountable(store: OrgStore, task_id: str, day: date) -> _Owner | None:
    """The accountable owner of ``task_id`` on ``day`` as (id, name, English name), if any."""
    for found in store.owners(task_id, limit=1, as_of=day):
        for owner in found.owners:
            if owner.raci is Raci.A:
                return owner.id, owner.name, owner.name_en
    return None
