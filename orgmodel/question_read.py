"""A question as every answering surface reads it before it is answered.

The command line, the API and the served start page read a question alike: its date (one it
names, or one from today: :mod:`orgmodel.asked_date`), the municipality's own name where it
only says where (:mod:`orgmodel.home`), an event it is dated by ("før sammenlægningen":
:mod:`orgmodel.event_date`), and whether it asks for a phone number or an amount of money,
which the data never holds (:mod:`orgmodel.asker`): a phone's words leave the text, as they
would meet the staff's phones.

Examples
--------
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.store.memory import MemoryStore
>>> store = MemoryStore(Dataset.build([], []))
>>> read = read_question(store, "phone number of payroll in 2022", as_of=None,
...                      today=date(2026, 11, 1))
>>> read.asked.text, read.asked.when, read.phone, read.amount, read.who_not
(' of payroll', datetime.date(2022, 7, 1), True, False, False)
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from orgmodel.asked_date import Asked, asked
from orgmodel.asker import (
    NOT_WORD,
    asks_amount,
    asks_phone_number,
    asks_who_not,
    without_phone_number,
)
from orgmodel.contract import OrgStore
from orgmodel.event_date import asked_around
from orgmodel.home import asked_here

__all__ = ["ReadQuestion", "read_question"]


class ReadQuestion(NamedTuple):
    """A question read: what to match on which date, and what it asks that no record holds."""

    asked: Asked
    phone: bool  # it asks for a phone number (its words are out of ``asked.text``)
    amount: bool  # it asks for an amount of money
    who_not: bool  # it asks who does not (the data says who does)


def read_question(store: OrgStore, question: str, *, as_of: date | None,
                  today: date) -> ReadQuestion:
    """``question`` read for its date, place and event, and for what no record holds.

    ``as_of``: the date the caller gives (``--as-of``, the page's date), which wins.
    """
    read = asked_around(store, asked_here(store, asked(question, as_of, today)), as_of=as_of)
    phone = asks_phone_number(read.text)
    if phone:
        read = read._replace(text=without_phone_number(read.text))
    who_not = asks_who_not(read.text)
    if who_not:  # what is left asks who does, which the data says
        read = read._replace(text=NOT_WORD.sub(" ", read.text, count=1))
    return ReadQuestion(read, phone, asks_amount(read.text), who_not)
