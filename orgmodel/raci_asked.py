"""A role of RACI a question asks for, and a word where the task it met has no one in it.

"who is consulted on the budget?" was answered by the budget's accountable unit alone, with no
word that the data names no one to consult: the answer read as if the accountable were the one
consulted (leadership's fourteenth probe). The verbs of the role are no words of the task
(:data:`orgmodel.text.STOPWORDS`); this says what the data lacks.

Examples
--------
>>> raci_asked("hvem skal høres om budgettet?"), raci_asked("who is informed of payroll")
('C', 'I')
>>> raci_asked("hvem har ansvaret for løn?") is None
True
"""

from __future__ import annotations

from collections.abc import Sequence

from orgmodel.contract import Note, OwnersResult
from orgmodel.semantics import note
from orgmodel.text import fold

__all__ = ["RACI_ASKED_SPELLINGS", "raci_asked", "role_note", "with_role_asked"]

#: The words that ask for one role of RACI, by its letter (the static start page reads them).
RACI_ASKED_SPELLINGS: dict[str, tuple[str, ...]] = {
    "C": ("høres", "hørt", "konsulteres", "konsulteret", "rådgiver", "rådgivere", "consulted",
          "consult"),
    "I": ("informeres", "informeret", "orienteres", "orienteret", "informed", "notified"),
}
_ASKED = {fold(word): letter for letter, words in RACI_ASKED_SPELLINGS.items() for word in words}
#: How the note says each role: the Danish and the English of "who is …".
_SAID: dict[str, tuple[str, str]] = {"C": ("skal høres", "is consulted"),
                                     "I": ("skal orienteres", "is informed")}


def raci_asked(question: str) -> str | None:
    """The letter of the one role of RACI ``question`` asks for, if it asks for one."""
    letters = {_ASKED[word] for word in fold(question).split() if word in _ASKED}
    return letters.pop() if len(letters) == 1 else None


def with_role_asked(question: str, results: Sequence[OwnersResult]) -> list[OwnersResult]:
    """``results``, the first with a note where it has no one in the role ``question`` asks for.

    Only the first: it is the answer; the others are read as alternatives.
    """
    answered = list(results)
    letter = raci_asked(question)
    if letter is None or not answered or any(o.raci == letter for o in answered[0].owners):
        return answered
    answered[0] = answered[0].model_copy(update={"notes": [*answered[0].notes,
                                                           role_note(letter)]})
    return answered


def role_note(letter: str) -> Note:
    """The note that the data names no one in the role ``letter`` ("C" or "I").

    >>> role_note("C").en
    'The data names no one who is consulted (C) on the task.'
    """
    return note("role_not_in_data", _SAID[letter], letter)
