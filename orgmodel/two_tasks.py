"""Two tasks asked of at once: "who's responsible for budget and procurement?".

The search weighs a question as a whole, so two tasks joined by "og"/"and" each meet only half
of it: round 13 got the budget tasks and no procurement, "okonomistyring og indkob" the
procurement task and a stray one before financial management. Where each side of the "og"
names a task well by itself, and the whole names none as well, each side's task is answered
first, in the order asked; a name that holds "og" ("Løn- og personaleforhold") fits whole
better than its halves, and is left as it is.

Examples
--------
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER
>>> from orgmodel.store.memory import MemoryStore
>>> def task(i, name):
...     return NODE_ADAPTER.validate_python({"id": i, "kind": "Task", "name": name,
...                                          "source": "seed", "confidence": "high"})
>>> store = MemoryStore(Dataset.build([task("task:budget", "Budget"),
...                                    task("task:indkob", "Indkøb")], []))
>>> when = date(2024, 6, 1)
>>> question = "hvem har budget og indkøb?"
>>> [r.task.id for r in both_asked(store, question, store.owners(question, as_of=when),
...                                as_of=when)]
['task:budget', 'task:indkob']
>>> split_at_and("hvem har budget og indkøb?")
('hvem har budget', 'indkøb')
"""

from __future__ import annotations

import re
from datetime import date

from orgmodel.contract import OrgStore, OwnersResult
from orgmodel.schema import Kind

__all__ = ["AND_SPELLINGS", "NAME_MIN", "PART_MARGIN", "PART_MIN", "both_asked", "split_at_and"]

#: The words that join two things asked of.
AND_SPELLINGS: tuple[str, ...] = ("og", "and", "&")
_AND = re.compile(r"\s+(?:og|and|&)\s+", re.IGNORECASE)
#: How well each side must name its task alone (a search score) ...
PART_MIN = 0.75
#: ... and by how much better than the whole question names its best task.
PART_MARGIN = 0.1


def split_at_and(question: str) -> tuple[str, str] | None:
    """The question before its one "og"/"and" and what follows, or ``None`` (none, or two)."""
    parts = _AND.split(question.strip().rstrip("?!. "))
    return (parts[0], parts[1]) if len(parts) == 2 and all(p.strip() for p in parts) else None


#: How well the words around the "og" must name something that is not a task for the "og" to
#: be part of its name ("Økonomi og Indkøb", "IT og Digitalisering").
NAME_MIN = 0.9


def _joins_a_name(store: OrgStore, before: str, after: str, *, as_of: date) -> bool:
    """Whether the "og" between ``before`` and ``after`` is within a unit's or other's name."""
    around = f"{' '.join(before.split()[-3:])} og {' '.join(after.split()[:3])}"
    return any(hit.kind is not Kind.TASK and hit.score >= NAME_MIN
               for hit in store.search(around, limit=3, as_of=as_of))


def both_asked(store: OrgStore, question: str, results: list[OwnersResult], *,
               as_of: date) -> list[OwnersResult]:
    """``results`` with the task each side of an "og" names first, where both name one well.

    Two more searches, only when the question joins two parts with one "og" or "and".
    """
    sides = split_at_and(question)
    if sides is None or _joins_a_name(store, *sides, as_of=as_of):
        return results
    first, second = (store.owners(side, limit=1, as_of=as_of) for side in sides)
    if not first or not second or first[0].task.id == second[0].task.id:
        return results
    parts = [first[0], second[0]]
    whole = max((r.score for r in results), default=0.0)
    if min(part.score for part in parts) < max(PART_MIN, whole + PART_MARGIN):
        return results
    asked = {part.task.id for part in parts}
    rest = [r for r in results if r.task.id not in asked]
    return (parts + rest)[:max(len(results), 2)]
