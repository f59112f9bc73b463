"""The date a question asks about, when it names one: "hvem havde ansvaret for løn i 2022?".

The organisation changes (units merge, posts change hands), so "who owned payroll in 2022"
has another answer than "who owns payroll". Callers that were given no ``as_of`` read it from
the question with :func:`date_asked` and ask the rest of the question on that date. Read:

* an ISO date (``2022-06-01``) or a Danish one (``1.6.2022``, ``1/6-2022``);
* a day and month by name (``1. juni 2022``, ``1 June 2022``, ``June 1, 2022``);
* a month by name and a year (``juni 2022``): the 15th of it;
* a year after a word that makes it a time (``i 2022``, ``in 2022``, ``pr. 2022``, ``år
  2022``, ``during 2022``): 1 July of it, or today in this year. A year alone is not read:
  it is often part of a name ("Vision 2030", "Klimaplan 2050", "budget 2024");
* a year or month said from today (``næste år``, ``next year``, ``sidste år``, ``i fjor``,
  ``last year``, ``i år``, ``this year``, ``næste måned``, ``last month``): as the year or
  month they name.

Only years from 1990 to 2099 are read as years, so other numbers (``Microsoft 365``, KLE
``81.15``, ``Direktørområde 1``) are left alone. A date that does not exist is not read.

Examples
--------
>>> today = date(2026, 11, 27)
>>> date_asked("hvem havde ansvaret for løn i 2022?", today)
(datetime.date(2022, 7, 1), 'hvem havde ansvaret for løn ?')
>>> date_asked("who owned payroll on 1 March 2023", today)
(datetime.date(2023, 3, 1), 'who owned payroll')
>>> date_asked("løn pr. 2024-02-30", today)  # no such day: not a date
(None, 'løn pr. 2024-02-30')
>>> date_asked("hvem er borgmester i år 2026", today)[0]  # this year: today
datetime.date(2026, 11, 27)
>>> date_asked("Microsoft 365", today)
(None, 'Microsoft 365')
>>> date_asked("hvem ejer Klimaplan 2050?", today)  # a name, not a time
(None, 'hvem ejer Klimaplan 2050?')
>>> date_asked("who will own payroll next year?", today)
(datetime.date(2027, 7, 1), 'who will own payroll ?')
>>> date_asked("hvem havde løn i fjor", today)
(datetime.date(2025, 7, 1), 'hvem havde løn')
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal, NamedTuple

from orgmodel.messages import Lang, t
from orgmodel.politeness import plain_question
from orgmodel.text import visible, without_acronym_genitive

__all__ = ["RELATIVE_LEAD", "RELATIVE_SPELLINGS", "Asked", "Reading", "as_of_note", "asked",
           "date_asked"]

_MONTHS = {
    name: number
    for number, names in enumerate((
        "januar january jan", "februar february feb", "marts march mar", "april apr",
        "maj may", "juni june jun", "juli july jul", "august aug", "september sept sep",
        "oktober october okt oct", "november nov", "december dec"), start=1)
    for name in names.split()
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>199\d|20\d{2})"
_END = r"(?![\w-])"
_START = r"(?<![\w.,/-])"
# The words that make a number a time; they leave the question with the date ("pr" alone
# would meet PR, public relations).
_MARK = r"(?:i år|i|in|on|år|anno|pr\.?|per|den|the|year|in the year|during|as of) "
# Most specific first: a year inside a full date must not be read alone.
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    _START + f"(?:{_MARK})?" + _YEAR + r"-(?P<month>\d{2})-(?P<day>\d{2})" + _END,
    _START + f"(?:{_MARK})?" + r"(?P<day>\d{1,2})[./](?P<month>\d{1,2})(?:[./-]| )" + _YEAR
    + _END,  # "31/12 2022" too
    _START + f"(?:{_MARK})?" + r"(?P<day>\d{1,2})\.? " + _MONTH + r",? " + _YEAR + _END,
    _START + f"(?:{_MARK})?" + _MONTH + r" (?P<day>\d{1,2}),? " + _YEAR + _END,
    _START + f"(?:{_MARK})?" + _MONTH + r" " + _YEAR + _END,
    r"(?<![\w-])" + _MARK + _YEAR + _END,
)]


# A year or month said from today: (pattern, years and months from today's, reading). After
# the dates above: "i år 2022" is 2022.
# The static start page reads them too (start-read.js).
RELATIVE_LEAD = "i|in|til|for|to|of|during"
RELATIVE_SPELLINGS: tuple[tuple[str, int, int, Reading], ...] = (
    ("næste år|det kommende år|next year|the coming year|the next year", 1, 0, "year"),
    ("sidste år|forrige år|fjor|last year|the previous year|the past year", -1, 0, "year"),
    ("i år|dette år|this year|the current year", 0, 0, "this_year"),
    ("næste måned|next month|the coming month", 0, 1, "month"),
    ("sidste måned|forrige måned|last month|the previous month", 0, -1, "month"),
    # today, said: asked of today, as a question with no date is ("hvem er borgmester lige
    # nu?" met a task by "lige", "who is currently mayor?" by "currently")
    (r"lige nu|nu om dage|i disse dage|i dag|for nuværende|nuværende|for tiden|i øjeblikket|"
     r"p\.t\.|p\.t|pt\.?|right now|currently|current|at the moment|at present|presently|"
     r"today|nowadays|these days",
     0, 0, "now"),
)
_RELATIVE: list[tuple[re.Pattern[str], int, int, Reading]] = [
    (re.compile(rf"(?<![\w-])(?:(?:{RELATIVE_LEAD}) )?(?:{words})(?![\w-])", re.IGNORECASE),
     years, months, reading)
    for words, years, months, reading in RELATIVE_SPELLINGS]


def _relative(years: int, months: int, reading: Reading, today: date) -> date:
    """The day a year or month said from ``today`` is read as (see :data:`Reading`)."""
    if reading in ("this_year", "now"):
        return today
    if months:
        number = today.year * 12 + today.month - 1 + months
        return date(number // 12, number % 12 + 1, 15)
    return date(today.year + years, 7, 1)


def date_asked(question: str, today: date) -> tuple[date | None, str]:
    """The date ``question`` asks about (``None`` if it names none) and the question without it.

    :func:`asked` also says how the date was read (a day, the middle of a month or a year).

    Parameters
    ----------
    question : str
        The question as asked.
    today : date
        The date a year that is this year stands for.
    """
    when, _reading, rest = _read(question, today)
    return when, rest


def _read(question: str, today: date) -> tuple[date | None, Reading | None, str]:
    for pattern in _PATTERNS:
        for found in pattern.finditer(question):
            when, reading = _date(found.groupdict(), today)
            if when is not None:
                rest = question[:found.start()] + question[found.end():]
                return when, reading, " ".join(rest.split())
    for pattern, years, months, said in _RELATIVE:
        if (words := pattern.search(question)) is not None:
            rest = question[:words.start()] + question[words.end():]
            return _relative(years, months, said, today), said, " ".join(rest.split())
    return None, None, question


def _date(parts: dict[str, str | None], today: date) -> tuple[date | None, Reading]:
    year, month, day = parts.get("year"), parts.get("month"), parts.get("day")
    assert year is not None  # every pattern has a year
    if month is None:
        if int(year) == today.year:
            return today, "this_year"
        return date(int(year), 7, 1), "year"
    number = int(month) if month.isdigit() else _MONTHS[month.lower()]
    try:
        return date(int(year), number, int(day) if day else 15), "day" if day else "month"
    except ValueError:  # 2024-02-30, 31.4.2023: not a date
        return None, "day"


#: How a named date was read: a day as written, the 15th of a month named, 1 July of a year
#: named, or today for this year.
Reading = Literal["day", "month", "year", "this_year", "now", "before_event", "after_event"]


class Asked(NamedTuple):
    """A question read for its date: what to match, on which date, and a date it named."""

    text: str
    when: date
    named: date | None  # the date the question named, when it decided ``when``
    reading: Reading | None = None  # how ``named`` was read from the question
    #: The date the question named that an ``as_of`` given set aside ("hvem var borgmester i
    #: 2019" with --as-of 2026-11-01 was answered for 2026 without a word).
    set_aside: date | None = None
    #: The event that dated it ("før sammenlægningen": :mod:`orgmodel.event_date`), by name.
    event: str | None = None
    event_en: str | None = None


def asked(question: str, as_of: date | None, today: date) -> Asked:
    """What to match and on which date: ``as_of`` if given, else the date named, else today.

    The date's words leave the text either way: "2022" is no word of any task.

    Examples
    --------
    >>> asked("løn i 2022", None, date(2026, 11, 27))  # doctest: +NORMALIZE_WHITESPACE
    Asked(text='løn', when=datetime.date(2022, 7, 1), named=datetime.date(2022, 7, 1),
          reading='year', set_aside=None, event=None, event_en=None)
    >>> asked("løn i 2022", date(2024, 1, 1), date(2026, 11, 27))  # as_of wins, said
    ... # doctest: +NORMALIZE_WHITESPACE
    Asked(text='løn', when=datetime.date(2024, 1, 1), named=None, reading=None,
          set_aside=datetime.date(2022, 7, 1), event=None, event_en=None)
    >>> asked("løn", None, date(2026, 11, 27))  # doctest: +NORMALIZE_WHITESPACE
    Asked(text='løn', when=datetime.date(2026, 11, 27), named=None, reading=None,
          set_aside=None, event=None, event_en=None)
    """
    # "lø\u00adn", pasted from a web page, asks for "løn"; "ØUs" for "ØU"
    # ... and "vis mig hvem der sidder i ØU" for "hvem sidder i ØU" (orgmodel.politeness)
    question = plain_question(without_acronym_genitive(visible(question)))
    named, reading, text = _read(question, today)
    if not text.strip():  # "i 2022" alone: nothing else to ask, keep it as it was
        text = question
    if as_of is not None or named is None or reading == "now":  # today: no date to note
        aside = named if as_of is not None and named not in (None, as_of) \
            and reading not in ("now", "this_year") else None
        return Asked(text, as_of or today, None, set_aside=aside)
    return Asked(text, named, named, reading)


def as_of_note(named: date, reading: Reading | None, lang: Lang, *,
               event: str | None = None) -> str:
    """The line that says for which date a question is answered, and why that date.

    Examples
    --------
    >>> question = asked("who owned payroll in 2022", None, date(2026, 11, 27))
    >>> as_of_note(question.named, question.reading, "en")
    'Answer as of 2022-07-01 (the middle of the year the question names).'
    >>> as_of_note(date(2026, 11, 27), "this_year", "da")
    'Svar pr. 2026-11-27 (i dag: spørgsmålet nævner dette år).'
    >>> as_of_note(date(2022, 12, 31), "before_event", "da", event="Sammenlægningen")
    'Svar pr. 2022-12-31 (dagen før Sammenlægningen, som spørgsmålet nævner).'
    """
    return t(f"answer_as_of_{reading or 'day'}", lang, date=named.isoformat(),
             event=event or "")
