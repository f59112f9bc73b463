"""A question dated by an event it names: "før sammenlægningen", "after the merger".

"hvem var ansvarlig for HR før sammenlægningen?" asks for the day before the merger that made
Organisation og Politik, and "who owned communication before the merger" was answered for
today (rounds 12 and 13). The event is an initiative of the data (a merger, a recruitment, a
tender) that the words after "før", "inden", "efter", "before" or "after" name well; its
record's days date the question: the day before it began, or, after it, the day it took
effect (a change, such as a merger: :attr:`change_event`) or the day after it ended. A date the
question names, or one the caller gives (``--as-of``), wins.

Examples
--------
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER
>>> from orgmodel.store.memory import MemoryStore
>>> merger = NODE_ADAPTER.validate_python({
...     "id": "initiative:fusion", "kind": "Initiative", "name": "Sammenlægning af enhederne",
...     "aliases": ["sammenlægningen"], "change_event": True, "valid_from": "2023-01-01",
...     "source": "seed", "confidence": "high"})
>>> store = MemoryStore(Dataset.build([merger], []))
>>> from orgmodel.asked_date import asked
>>> question = asked_around(store, asked("hvem havde HR før sammenlægningen?", None,
...                                      date(2026, 11, 1)), as_of=None)
>>> question.text, question.when, question.reading, question.event
('hvem havde HR?', datetime.date(2022, 12, 31), 'before_event', 'Sammenlægning af enhederne')
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from orgmodel.asked_date import Asked
from orgmodel.contract import OrgStore
from orgmodel.schema import Kind

__all__ = ["AROUND", "EVENT_MIN", "asked_around"]

#: "før/inden/efter/before/after/prior to" and what follows, up to the end of the clause.
AROUND = re.compile(r"(?<![\w-])(?P<side>før|inden|efter|before|after|prior to)\s+"
                    r"(?P<what>[^?!.,;:]+)", re.IGNORECASE)
#: How well the words after it must name an initiative (a search score): "efter frokost"
#: names none.
EVENT_MIN = 0.6
#: The most words of what follows that are read as the event's name.
_EVENT_WORDS = 6


def asked_around(store: OrgStore, question: Asked, *, as_of: date | None) -> Asked:
    """``question`` dated by the event it names before or after, if it names one well.

    Unchanged when the question names a date, when ``as_of`` was given, or when the words
    after "før"/"after" name no initiative with the day it needs.
    """
    if question.named is not None or as_of is not None:
        return question
    found = AROUND.search(question.text)
    if found is None:
        return question
    what = " ".join(found["what"].split()[:_EVENT_WORDS])
    hits = store.search(what, kinds=[Kind.INITIATIVE], limit=1, as_of=question.when)
    if not hits or hits[0].score < EVENT_MIN:
        return question
    event = store.node(hits[0].id, as_of=question.when)
    before = found["side"].lower() in ("før", "inden", "before", "prior to")
    if before:
        day = event.valid_from - timedelta(days=1) if event.valid_from else None
    elif event.attributes.get("change_event") or event.valid_to is None:
        day = event.valid_from  # a change holds from the day it took effect
    else:
        day = event.valid_to + timedelta(days=1)
    if day is None:
        return question
    text = re.sub(r"\s+(?=[?!.])", "", question.text[:found.start()]
                  + question.text[found.end():]).strip()
    return question._replace(text=text or question.text, when=day, named=day,
                             reading="before_event" if before else "after_event",
                             event=event.name, event_en=event.name_en)
