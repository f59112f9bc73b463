"""Questions dated by an event they name ("før sammenlægningen"), on both stores.

Rounds 12 and 13 of leadership's probes asked "hvem var ansvarlig for HR før
sammenlægningen?" and "who owned communication before the merger?": both were answered for
today, when Organisation og Politik has the tasks the merger gave it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from orgmodel.asked_date import as_of_note, asked
from orgmodel.event_date import asked_around
from orgmodel.home import asked_here

TODAY = date(2026, 11, 1)


def dated(store: Any, question: str, as_of: date | None = None) -> Any:
    """The question as the CLI, the API and the served start page read it."""
    return asked_around(store, asked_here(store, asked(question, as_of, TODAY)), as_of=as_of)


@pytest.mark.parametrize(("question", "day", "owner"), [
    ("hvem var ansvarlig for HR før sammenlægningen?", date(2022, 12, 31), "unit:okonomi-og-stab"),
    ("who owned communication before the merger?", date(2022, 12, 31), "unit:okonomi-og-stab"),
    ("hvem har løn efter sammenlægningen", date(2023, 1, 1), "unit:organisation-og-politik"),
])
def test_a_question_before_or_after_an_event_is_answered_for_its_day(
        store: Any, question: str, day: date, owner: str) -> None:
    read = dated(store, question)
    assert (read.when, read.named) == (day, day)
    assert read.event == "Sammenlægning til Organisation og Politik"
    assert "sammenlægning" not in read.text.lower() and "merger" not in read.text.lower()
    found = store.owners(read.text, limit=1, as_of=read.when)
    accountable = [o.id for o in found[0].owners if o.raci.value == "A"]
    assert accountable == [owner], (question, accountable)
    said = as_of_note(read.named, read.reading, "da", event=read.event)
    assert said.startswith(f"Svar pr. {day.isoformat()} (")


def test_a_date_given_or_named_wins_and_words_naming_no_event_date_nothing(store: Any) -> None:
    question = "hvem var ansvarlig for HR før sammenlægningen?"
    assert dated(store, question, as_of=date(2024, 6, 1)).when == date(2024, 6, 1)
    assert dated(store, "hvem havde HR i 2020 før sammenlægningen").when == date(2020, 7, 1)
    lunch = dated(store, "hvem har løn efter frokost")
    assert (lunch.when, lunch.named, lunch.event) == (TODAY, None, None)
