"""A task asked of the unit that holds it: "økonomistyring ØS", "hvem står for løn i OP?".

Such a question names a task and where it is held. The unit's name met the unit better than
the task ("økonomistyring ØS": the department at 0.75, the task at 0.25), and the unit's hint
answered alone; "hvem står for løn i Organisation og Politik?" put the unit first and the staff
matters, which the unit only carries out, before payroll, which it is accountable for. Read so,
the rest of the question names the task, and the tasks held in the unit (or under it) come
first.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> def edge(kind, a, b, **kw):
...     return EdgeRecord.model_validate({"type": kind, "from": a, "to": b, "source": "seed",
...                                       "confidence": "high", **kw})
>>> store = MemoryStore(Dataset.build(
...     [node(id="unit:stab", kind="Unit", name="Stab", aliases=["ST"], level="afdeling"),
...      node(id="unit:oko", kind="Unit", name="Økonomi", level="enhed"),
...      node(id="task:styring", kind="Task", name="Økonomistyring")],
...     [edge("PART_OF", "unit:oko", "unit:stab"),
...      edge("RESPONSIBLE_FOR", "unit:oko", "task:styring", raci="A")]))
>>> [r.task.id for r in task_in_place(store, "økonomistyring ST", date(2024, 6, 1))]
['task:styring']
>>> task_in_place(store, "hvem leder ST", date(2024, 6, 1)) is None  # no task named
True
"""

from __future__ import annotations

import re
from datetime import date

from orgmodel.contract import OrgStore, OwnersResult
from orgmodel.question_frames import (
    CASE_WORDS,
    COLLABORATION_WORDS,
    DECIDING_WORDS,
    LEADERSHIP_WORDS,
    REPORTING_WORDS,
    SIZE_WORDS,
    STAKEHOLDER_WORDS,
    STRUCTURE_WORDS,
    asks_collaboration,
    asks_place,
    asks_structure,
)
from orgmodel.schema import Kind
from orgmodel.search import acronyms
from orgmodel.text import fold, tokenize

__all__ = ["TASK_MIN", "task_in_place"]

#: How many of the places the search finds best are looked at for one the question names.
_PLACES = 3
#: How well the rest of the question must name the task held there.
TASK_MIN = 0.75
#: A question of another frame is no task in a place: "hvem leder ØS", "hvilke enheder har
#: ØS" ("enheder" met the staff's devices), "hvor mange ansatte har OP".
_OTHER_FRAMES = (CASE_WORDS | COLLABORATION_WORDS | LEADERSHIP_WORDS | REPORTING_WORDS
                 | SIZE_WORDS | STAKEHOLDER_WORDS | STRUCTURE_WORDS | DECIDING_WORDS)
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def task_in_place(store: OrgStore, query: str, as_of: date) -> list[OwnersResult] | None:
    """The tasks ``query`` names besides the unit or body it names, those held there first.

    ``None`` when it names no unit or body well, when the rest names no task held there well,
    or when it asks another frame's question (who leads, what lies under, how many, …).
    """
    words = fold(query).split()
    # A task and a place are two words at least: most questions ("løn") ask no store here.
    if len(tokenize(query)) < 2 or not _OTHER_FRAMES.isdisjoint(words) or asks_collaboration(
            words) or asks_place(words) or asks_structure(words):
        return None  # "who does Finance and Procurement work with on budgets?"
    # the first of the best places whose name the question writes whole ("økonomistyring ØI":
    # the task's word met Økonomi og Stab first, which the question does not name)
    asked = f" {' '.join(fold(word) for word in _WORD.findall(query))} "
    for hit in store.search(query, kinds=[Kind.UNIT, Kind.BODY], limit=_PLACES, as_of=as_of):
        place = store.node(hit.id, as_of=as_of)
        # the longest of its names the question writes whole: "Organisation og Politik", "OP"
        # (not each word of them: "HR og løn" is an alias of the unit that holds payroll)
        written = [name for name in {fold(n) for n in (place.name, place.name_en or "",
                                                       *place.aliases)}
                   if name and f" {name} " in asked]
        if written:
            break
    else:
        return None
    held = {r.task.id for r in store.responsibilities(place.id, descendants=True, as_of=as_of)}
    # the longest first; one whose rest names no task held there ("økonomistyring", an alias
    # of Økonomi og Indkøb as well as its task's name) gives way to the next ("ØI"); one that
    # leaves nothing ("Who owns IT-support?") is a question of that name alone
    for named in sorted(written, key=lambda name: (len(name.split()), name), reverse=True):
        rest = asked.replace(f" {named} ", " ", 1).strip()
        if not tokenize(rest):
            return None
        # a name of words to find, or an acronym in capitals ("ØS", which folds to "os", us)
        if not (tokenize(named) or named in acronyms(query)):
            continue
        found = store.owners(rest, limit=5, as_of=as_of)
        if any(r.score >= TASK_MIN and r.task.id in held for r in found):
            return sorted(found, key=lambda r: r.task.id not in held)
    return None
