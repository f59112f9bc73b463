"""Questions the model cannot answer as asked, and what to ask instead.

About the one who asks ("hvem er min chef?"): the model holds posts, not who is asking, and
"who is my boss?" met three stray tasks at 0.60 ("chef" is in their owners' titles). Such a
question is told to ask whom the asker's own post reports to, or to find their unit in the org
chart. A question that names a post, unit or task as well ("hvem er min chef i Løn?") is still
answered by what it names.

About a leader of nothing named ("hvem er chef?", "who is the director?"): eight chiefs and
three directors fit alike, and the same stray tasks met "chef". Such a question is told to name
the unit, committee or post.

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
>>> ask_instead("hvem er chef?").code, ask_instead("hvem er chef for Økonomi og Stab?")
('names_no_one', None)
"""

from __future__ import annotations

from orgmodel.contract import Note
from orgmodel.messages import t
from orgmodel.question_frames import LEADERSHIP_WORDS
from orgmodel.text import fold, tokenize

__all__ = ["BOSS_SPELLINGS", "MY_SPELLINGS", "SELF_REPORTING_SPELLINGS", "ask_instead",
           "asks_about_self", "names_no_one"]

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


def names_no_one(question: str) -> bool:
    """Whether ``question`` asks who leads or sits in something, and names nothing."""
    words = tokenize(question)
    return bool(words) and all(word in LEADERSHIP_WORDS for word in words)


def ask_instead(question: str) -> Note | None:
    """What to ask instead of ``question``, when the model cannot answer it as asked.

    Code ``asks_about_self`` (:func:`asks_about_self`) or ``names_no_one``
    (:func:`names_no_one`); ``None`` for a question the model can answer.
    """
    if asks_about_self(question):
        code, key = "asks_about_self", "ask_about_your_post"
    elif names_no_one(question):
        code, key = "names_no_one", "name_what_is_led"
    else:
        return None
    return Note(code=code, da=t(key, "da"), en=t(key, "en"))
