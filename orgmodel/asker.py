"""Questions about the one who asks ("hvem er min chef?"), which the model cannot answer.

The model holds posts, not who is asking: "who is my boss?" met three stray tasks at 0.60
("chef" is in their owners' titles). Such a question is told what to ask instead: whom the
asker's own post reports to, or where their unit sits in the org chart. A question that names a
post, unit or task as well ("hvem er min chef i Løn?") is still answered by what it names.

Examples
--------
>>> asks_about_self("Hvem er min nærmeste leder?"), asks_about_self("who do I report to?")
(True, True)
>>> asks_about_self("hvem er chef for Økonomi og Stab?"), asks_about_self("hvem er min chef i Løn?")
(False, False)
>>> asks_about_self("who do I report a data breach to?")  # where to report something
False
>>> ask_instead("who is my boss?").en.startswith("The model does not know who you are")
True
"""

from __future__ import annotations

from orgmodel.contract import Note
from orgmodel.messages import t
from orgmodel.text import fold, tokenize

__all__ = ["BOSS_SPELLINGS", "MY_SPELLINGS", "SELF_REPORTING_SPELLINGS", "ask_instead",
           "asks_about_self"]

#: Words that make the asker the owner: "min chef", "my manager".
MY_SPELLINGS: tuple[str, ...] = ("min", "mit", "mine", "my")
#: Words for the one above the asker, read within two words after one of :data:`MY_SPELLINGS`
#: ("min nærmeste leder", "my line manager") or just before it ("chefen min"); with those, the
#: question names nothing else ("who is my boss's boss?" too).
BOSS_SPELLINGS: tuple[str, ...] = (
    "chef", "chefen", "chefs", "leder", "lederen", "leders", "boss", "manager", "supervisor",
    "overordnede", "overordnet", "foresatte", "direktør", "director", "nærmeste", "nearest", "line",
    "direct", "immediate", "closest", "egen", "own", "superior", "superiors")
#: "hvem refererer jeg til?", "who do I report to?", "hvem er jeg ansat under?": the asker as
#: subject of reporting, with no other word to say what is reported ("who do I report a data
#: breach to?" asks where).
SELF_REPORTING_SPELLINGS: tuple[str, ...] = (
    "jeg", "i", "me", "refererer", "referere", "reporterer", "rapporterer", "report", "reports",
    "reporting", "ansat", "under")
_MY = frozenset(map(fold, MY_SPELLINGS))
_BOSS = frozenset(map(fold, BOSS_SPELLINGS))
_SUBJECT = frozenset({"jeg", "i", "me"})
_REPORTING = frozenset(map(fold, SELF_REPORTING_SPELLINGS)) - _SUBJECT
_BOSS_REACH = 2


def asks_about_self(question: str) -> bool:
    """Whether ``question`` asks for the asker's own manager or line."""
    words = fold(question).split()
    # "min chef", and Danish also "chefen min"
    mine = any(word in _MY and _BOSS & {*words[at + 1:at + 1 + _BOSS_REACH], *words[at - 1:at]}
               for at, word in enumerate(words))
    reporting = bool(_REPORTING & set(words) and _SUBJECT & set(words))
    frame = _MY | _BOSS | _REPORTING | _SUBJECT
    return (mine or reporting) and not [w for w in tokenize(question) if w not in frame]


def ask_instead(question: str) -> Note | None:
    """What to ask instead, when ``question`` asks about the asker (:func:`asks_about_self`)."""
    if not asks_about_self(question):
        return None
    da, en = t("ask_about_your_post", "da"), t("ask_about_your_post", "en")
    return Note(code="asks_about_self", da=da, en=en)
