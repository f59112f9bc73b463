"""Personal data no record may hold, and what to say of each piece found.

A post carries a functional mailbox, never a person's phone number, CPR number or private
mail address (FACTS.md: no personal data beyond what a post needs). The rules are read by the
records' text validators (:mod:`orgmodel.records`): any record refuses a number said to be
private or a mobile's, a CPR number and a private mailbox; a post's or a person's text, and a
holding's, refuse any phone number.

Examples
--------
>>> for said in personal_data("Ring 43 68 68 68, skriv a@gmail.com", phones=True):
...     print(said.split(" (")[0])
'a@gmail.com' is a private mailbox
'43 68 68 68' looks like a phone number; posts and persons carry none
>>> personal_data("Budget 2024 2025", phones=True), needs_a_look("Løn og personale")
([], False)
"""

from __future__ import annotations

import re

__all__ = ["ALSO", "PHONE_NUMBER", "needs_a_look", "personal_data"]

# A number said to be private or a mobile's is personal data in any record ("Steens mobil
# 22 33 44 55" on the edge that links him to his post): 8 digits run together or in pairs,
# close after the word (not 4+4, the shape of "2024 2025").
_PRIVATE_PHONE = re.compile(
    r"(?i)\b(?:privat\w*|mobil\w*|mobile|cell(?:phone)?)\b[^\d\n]{0,12}"
    # ... grouped any way ("22 334 455"): after such a word, eight digits are a number
    r"(?:\+45[ -]?)?(?:\d[ .-]?){7}\d(?!\d)")
# A CPR number (a person's civil registration number), in any record: written as people write
# it, DDMMYY-NNNN (a day that can be a day), or any ten digits after the word "CPR".
_CPR = re.compile(
    r"(?<![\w/.-])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}-\d{4}(?![\w/-])"
    r"|(?i:\bcpr\b)[^\d\n]{0,12}\d{6}[ -]?\d{4}(?!\d)")
# A private mailbox (a mail service for people, not an organisation's): a person's own
# address; a post gives a functional one of the organisation's own domain (loen@….dk).
_PRIVATE_MAIL = re.compile(
    r"(?i)[\w.+-]+@(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|ymail|icloud|me|mac|aol"
    r"|gmx|proton|protonmail|pm|mail|jubii|ofir|get2net|webspeed|stofanet|youmail|tdcadsl)"
    r"\.(?:com|dk|net|me|de|ch)\b")
_DIGIT = re.compile(r"\d")
#: Between two problems of one field: each is said, not only the first one found.
ALSO = "; also "
#: What no record may hold (personal data), and what to say of it.
_PERSONAL_DATA = (
    (_PRIVATE_PHONE, "is a private phone number (personal data): leave it out; a post gives a "
                     "functional mailbox"),
    (_CPR, "looks like a CPR number (personal data): leave it out"),
    (_PRIVATE_MAIL, "is a private mailbox (personal data): a post gives a functional one "
                    "of the organisation's own domain"),
)


# A Danish phone number as people write one: 8 digits, run together or in pairs (spaces,
# dots or dashes), or after +45; a sentence's full stop may follow it, a digit not (part of
# a longer number). Not the 4+4 form on its own, which is how year spans ("2024 2025") are
# written too.
PHONE_NUMBER = re.compile(
    r"(?<![\w/-])(?<!\d[.,])(?:\+45[ -]?)?(?:\d{8}|\d{2}(?:([ .-])\d{2}(?:\1\d{2}){2}))"
    r"(?![\w/-])(?![.,]\d)|\+45[ -]?\d{4} \d{4}(?![\w/-])(?![.,]\d)"
    # ... and the 4+4 form after a word that says it is one ("tlf. 2233 4455")
    r"|(?i:\b(?:tlf|telefon|phone|tel)\b)\.?:?\s*(?:\+45[ -]?)?\d{4}[ .-]?\d{4}(?!\d)"
)




def needs_a_look(text: str) -> bool:
    """Whether a rule could find anything in ``text``: each needs a digit or an "@".

    Most texts have neither, and 200,000 records are validated at a bulk load
    (docs/benchmarks.md).
    """
    return "@" in text or _DIGIT.search(text) is not None


def personal_data(text: str, phones: bool) -> list[str]:
    """Every piece of personal data in ``text``, each with what to say of it.

    ``phones``: any phone number too (a post's or a person's text), unless a rule of
    :data:`_PERSONAL_DATA` already said it.
    """
    said: list[str] = []
    spans: list[tuple[int, int]] = []
    for pattern, what in _PERSONAL_DATA:
        for found in pattern.finditer(text):
            said.append(f"{found.group()!r} {what}")
            spans.append(found.span())
    for found in PHONE_NUMBER.finditer(text) if phones else ():
        if not any(start < found.end() and found.start() < end for start, end in spans):
            said.append(f"{found.group()!r} looks like a phone number; posts and persons "
                        "carry none (personal data): give the post a functional mailbox instead")
    return said
