"""The date a question names: read the way people write dates, never from other numbers."""

from __future__ import annotations

from datetime import date

import pytest

from orgmodel.asked_date import as_of_note, asked, date_asked

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(("question", "expected"), [
    ("hvem havde ansvaret for løn i 2022?", date(2022, 7, 1)),
    ("who owned payroll in 2023", date(2023, 7, 1)),
    ("hvem er borgmester i år 2026", TODAY),  # this year: today, not a July to come
    ("løn pr. 2024", date(2024, 7, 1)),
    ("payroll during 2021", date(2021, 7, 1)),
    ("løn pr. 2024-03-01", date(2024, 3, 1)),
    ("løn den 1.3.2024", date(2024, 3, 1)),
    ("løn 1/3-2024", date(2024, 3, 1)),
    ("hvem havde løn 31/12 2022", date(2022, 12, 31)),  # leadership's: it answered for today
    ("løn 1. marts 2024", date(2024, 3, 1)),
    ("payroll on 1 March 2024", date(2024, 3, 1)),
    ("payroll on March 1, 2024", date(2024, 3, 1)),
    ("løn i marts 2024", date(2024, 3, 15)),
    ("LØN I JUNI 2022", date(2022, 6, 15)),
])
def test_dates_as_people_write_them(question: str, expected: date) -> None:
    assert date_asked(question, TODAY)[0] == expected


@pytest.mark.parametrize("question", [
    "Microsoft 365", "KLE 81.15.00", "81.15", "Direktørområde 1", "løn 2010-2012",
    "løn 2024-02-30", "løn 31.4.2023", "3.000 devices", "løn i marts", "budget 1850",
    "post:borgmester", "cvr 12345678", "0001-01-01", "løn 3024-01-01", "løn i 1985",
    # a year alone is often part of a name
    "hvem ejer Klimaplan 2050?", "hvem står for vision 2030?", "budget 2024",
    "Albertslund – Vision 2022-2030",
])
def test_other_numbers_are_no_date(question: str) -> None:
    assert date_asked(question, TODAY) == (None, question)


def test_the_date_leaves_the_text_and_as_of_wins() -> None:
    assert asked("hvem havde ansvaret for løn i 2022?", None, TODAY) == (
        "hvem havde ansvaret for løn ?", date(2022, 7, 1), date(2022, 7, 1), "year", None, None,
        None)
    # An explicit date (the page's date field, --as-of) wins; the year still leaves the text,
    # and is kept as the date set aside (said, where it was not)
    assert asked("løn i 2022", date(2024, 6, 1), TODAY) == (
        "løn", date(2024, 6, 1), None, None, date(2022, 7, 1), None, None)
    assert asked("i 2022", None, TODAY) == (
        "i 2022", date(2022, 7, 1), date(2022, 7, 1), "year", None, None, None)
    # ... not a date the same as the one given, nor today said
    assert asked("løn i 2024", date(2024, 7, 1), TODAY).set_aside is None
    assert asked("løn lige nu", date(2024, 6, 1), TODAY).set_aside is None


@pytest.mark.parametrize(("question", "said"), [
    ("hvem havde ansvaret for løn den 1.3.2023", "Svar pr. 2023-03-01 (den dato, spørgsmålet "
                                                 "nævner)."),
    ("løn i marts 2023", "Svar pr. 2023-03-15 (midt i den måned, spørgsmålet nævner)."),
    ("løn i 2022", "Svar pr. 2022-07-01 (midt i det år, spørgsmålet nævner)."),
    # This year is today, not its middle: the note says so, not that the question named it.
    ("løn i 2026", "Svar pr. 2026-11-27 (i dag: spørgsmålet nævner dette år)."),
])
def test_the_note_says_how_the_date_was_read(question: str, said: str) -> None:
    named = asked(question, None, TODAY)
    assert named.named is not None and as_of_note(named.named, named.reading, "da") == said


@pytest.mark.parametrize(("question", "left"), [
    ("hvem er borgmester lige nu?", "hvem er borgmester ?"),
    ("who is currently mayor", "who is mayor"),
    ("hvem er kommunaldirektør pt", "hvem er kommunaldirektør"),
    ("hvem har budget p.t.", "hvem har budget"),
    ("hvem er formand for ØU i øjeblikket", "hvem er formand for ØU"),
    ("current mayor", "mayor"), ("hvem er borgmester i dag", "hvem er borgmester"),
    ("hvem er med i direktørforum nu om dage", "hvem er med i direktørforum"),
])
def test_today_said_is_today_with_no_date_to_note(question: str, left: str) -> None:
    # Leadership's third probe: the words of right now met stray tasks ("lige", "currently").
    assert asked(question, None, TODAY) == (left, TODAY, None, None, None, None, None)


@pytest.mark.parametrize("question", ["hvem har ansvaret for dagtilbud", "Pt-skanning",
                                      "hvem står for OPT"])
def test_words_that_only_hold_the_words_of_today_are_no_date(question: str) -> None:
    assert date_asked(question, TODAY) == (None, question)
