"""Questions the model cannot answer as asked, and what to ask instead.

About the one who asks ("hvem er min chef?"): the model holds posts, not who is asking, and
"who is my boss?" met three stray tasks at 0.60 ("chef" is in their owners' titles). Such a
question is told to ask whom the asker's own post reports to, or to find their unit in the org
chart. A question that names a post, unit or task as well ("hvem er min chef i Løn?") is still
answered by what it names.

The same for where the asker sits or whom they should know ("hvilke fora sidder jeg i?",
"hvem er mine interessenter?", "who do I work with?"): a list of every forum, or tasks that met
"interessenter", answered as if the model knew the asker's post.

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
>>> asks_about_self("hvem er lederne under mig?"), asks_about_self("hvilke fora sidder jeg i?")
(True, True)
>>> asks_about_self("hvem er mine vigtigste interessenter?"), asks_about_self("who should I know?")
(True, True)
>>> asks_about_self("hvilke fora sidder borgmesteren i?")  # a post named: answered
False
>>> asks_about_self("hvem sidder i udvalgene?")  # Danish "i" is "in", not "I"
False
>>> ask_instead("who is my boss?").en.startswith("The model does not know who you are")
True
>>> ask_instead("hvem er chef?").code, ask_instead("hvem er chef for Økonomi og Stab?")
('names_no_one', None)
>>> example = AskExample(unit="Løn", unit_en="Payroll", post="Lønchef", post_en="Payroll manager")
>>> ask_instead("hvem er chef?", example).en.split(", e.g. ")[1]
'"who is the head of Payroll?".'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from orgmodel.contract import Note, OrgStore
from orgmodel.messages import Lang, name_in, t
from orgmodel.question_frames import LEADERSHIP_WORDS
from orgmodel.schema import EdgeType, Kind
from orgmodel.text import fold, tokenize

__all__ = [
    "AMOUNT",
    "BOSS_SPELLINGS",
    "MY_SPELLINGS",
    "NOT_WORD",
    "PHONE_NUMBER",
    "SELF_PLACE_SPELLINGS",
    "SELF_REPORTING_SPELLINGS",
    "SUBJECT_SPELLINGS",
    "WHETHER_THERE_IS",
    "WHO_NOT",
    "AskExample",
    "advice_of_data",
    "ask_example",
    "ask_instead",
    "asks_about_self",
    "asks_amount",
    "asks_phone_number",
    "asks_who_not",
    "names_no_one",
    "whether_there_is",
    "without_phone_number",
]

#: Words that make the asker the owner: "min chef", "my manager".
MY_SPELLINGS: tuple[str, ...] = ("min", "mit", "mine", "my")
#: Words for the one above the asker, read within two words after one of :data:`MY_SPELLINGS`
#: ("min nærmeste leder", "my line manager") or just before it ("chefen min"); with those, the
#: question names nothing else ("who is my boss's boss?" too).
BOSS_SPELLINGS: tuple[str, ...] = (
    "chef", "chefen", "chefs", "leder", "lederen", "leders", "boss", "manager", "supervisor",
    "overordnede", "overordnet", "foresatte", "direktør", "director", "nærmeste", "nearest", "line",
    "direct", "immediate", "closest", "egen", "own", "superior", "superiors",
    # ... and those under the asker ("hvem er mine enhedsledere?" named one of three)
    "enhedsleder", "enhedsledere", "ledere", "lederne", "medarbejdere", "medarbejderne",
    "ansatte", "reports", "employees", "staff", "team", "teamet", "teams",
    # ("hvem er mine direkte underordnede?" met the KLE topic of direct exports)
    "underordnede", "underordnet", "direkte", "subordinates", "subordinate",
    # ... and those around the asker ("hvem er mine vigtigste interessenter?")
    "interessenter", "interessent", "stakeholders", "stakeholder", "kolleger", "colleagues",
    "vigtigste", "important", "most", "key",
    # ... and what the asker does ("hvad er mine opgaver?" met budgets as a weak match)
    "opgaver", "opgave", "ansvar", "ansvarsområder", "ansvarsområde", "tasks", "task",
    "duties", "responsibilities")
#: "hvem refererer jeg til?", "who do I report to?", "hvem er jeg ansat under?": the asker as
#: subject of reporting, with no other word to say what is reported ("who do I report a data
#: breach to?" asks where).
SELF_REPORTING_SPELLINGS: tuple[str, ...] = (
    "jeg", "i", "me", "refererer", "referere", "reporterer", "rapporterer", "report", "reports",
    "reporting", "ansat", "under")
#: Where the asker sits, and whom they should know: "hvilke fora sidder jeg i?", "which
#: committees do I serve?", "hvem skal jeg kende?", "who do I work with?"; with the asker as
#: subject and nothing else named, as :data:`SELF_REPORTING_SPELLINGS`.
SELF_PLACE_SPELLINGS: tuple[str, ...] = (
    "sidder", "sidde", "deltager", "deltage", "medlem", "member", "sit", "serve", "attend",
    "kende", "know", "møde", "meet", "samarbejder", "samarbejde", "work", "skal", "should",
    "fora", "forummer", "udvalg", "udvalgene", "råd", "organer", "fora's", "forums",
    "committees", "councils", "bodies", "meetings", "møder", "hvilke", "which", "what",
    # ... and what the asker answers for: "hvad har jeg ansvaret for?" (no answer, where "hvad
    # er mine opgaver?" was told what to ask)
    "ansvaret", "ansvar", "ansvarlig", "responsible", "accountable", "charge", "opgaver",
    "tasks", "duties")
#: The asker, as subject or object: "hvem refererer til mig?".
SUBJECT_SPELLINGS: tuple[str, ...] = ("jeg", "i", "me", "mig")
_MY = frozenset(map(fold, MY_SPELLINGS))
_BOSS = frozenset(map(fold, BOSS_SPELLINGS))
_SUBJECT = frozenset(map(fold, SUBJECT_SPELLINGS))
_REPORTING = frozenset(map(fold, SELF_REPORTING_SPELLINGS)) - _SUBJECT
_PLACE = frozenset(map(fold, SELF_PLACE_SPELLINGS))
# "I" written as the English pronoun; a Danish "i" is "in" ("hvem sidder i udvalget?").
_CAPITAL_I = re.compile(r"(?<![\w'])I(?![\w'])")
_BOSS_REACH = 2


def asks_about_self(question: str) -> bool:
    """Whether ``question`` asks for the asker's own manager or line."""
    words = fold(question).split()
    # "min chef", and Danish also "chefen min"
    mine = any(word in _MY and _BOSS & {*words[at + 1:at + 1 + _BOSS_REACH], *words[at - 1:at]}
               for at, word in enumerate(words))
    subject = _SUBJECT & set(words)
    reporting = bool(_REPORTING & set(words) and subject)
    placing = bool(_PLACE & set(words)) and bool(subject - {"i"} or _CAPITAL_I.search(question))
    frame = _MY | _BOSS | _REPORTING | _PLACE | _SUBJECT
    return (mine or reporting or placing) and not [w for w in tokenize(question)
                                                    if w not in frame]


def names_no_one(question: str) -> bool:
    """Whether ``question`` asks who leads or sits in something, and names nothing."""
    words = tokenize(question)
    return bool(words) and all(word in LEADERSHIP_WORDS for word in words)


@dataclass(frozen=True)
class AskExample:
    """A unit of the data and the post that heads it: what the advice says to ask about."""

    unit: str
    unit_en: str | None
    post: str
    post_en: str | None

    def advice(self, key: str, lang: Lang) -> str:
        """The advice ``key`` in ``lang``, with this example in it."""
        return t(key, lang, example=t(
            "example_head_of" if key == "name_what_is_led" else "example_reports_to", lang,
            unit=name_in(self.unit, self.unit_en, lang), post=name_in(self.post, self.post_en,
                                                                       lang)))


#: How many units are looked at for the example, at most (the first by id).
_EXAMPLE_UNITS = 200


def ask_example(store: OrgStore, *, as_of: date) -> AskExample | None:
    """The example the advice names: the unit with the most units under it that a post heads.

    Of the data at hand, so another organisation's advice names its own units ("hvem er chef
    for Økonomi og Stab?" in Albertslund's); ``None`` when no unit is headed by a post.
    """
    best: tuple[int, str] | None = None
    found: AskExample | None = None
    for unit in store.list_nodes(kind=Kind.UNIT, limit=_EXAMPLE_UNITS, as_of=as_of).items:
        edges = store.edges_of(unit.id, as_of=as_of)
        heads = [e.source_id for e in edges if e.type is EdgeType.HEADS and e.target_id == unit.id]
        if not heads:
            continue
        rank = (-sum(e.type is EdgeType.PART_OF and e.target_id == unit.id for e in edges),
                unit.id)
        if best is None or rank < best:
            post = store.node(heads[0], as_of=as_of)
            if post.kind is Kind.POST:
                best, found = rank, AskExample(unit.name, unit.name_en, post.name, post.name_en)
    return found


#: A question of whether there is one ("har vi en DPO?", "er der en digitaliseringsstrategi?",
#: "is there a data protection officer?"), and what it asks of.
WHETHER_THERE_IS = re.compile(
    r"^\s*(?:er der|findes der|har vi|har i|har kommunen|is there|are there|do we have|"
    r"does the municipality have)\s+(?:(?:en|et|nogen|nogle|a|an|any)\s+)?(?P<what>.+?)"
    r"[\s?!.]*$", re.IGNORECASE)


#: A question of a phone number ("hvad er telefonnummeret til lønkontoret?", "what's the phone
#: number of the IT helpdesk?"): the model holds none (no personal contact details), and a
#: loosely matched task was given as if it were the answer (round 12). The static start page
#: reads it too (case aside).
PHONE_NUMBER = re.compile(
    r"(?<![\w-])(?:telefon|mobil|tlf\.?)\s*n(?:umme|umre)\w*|(?<![\w-])tlf\b|"
    r"(?<![\w-])(?:tele)?phone\s+(?:numbers?|no\b)|(?<![\w-])mobile\s+numbers?",
    re.IGNORECASE)


def asks_phone_number(question: str) -> bool:
    """Whether ``question`` asks for a phone number, which the data never holds.

    >>> asks_phone_number("hvad er telefonnummeret til lønkontoret?")
    True
    >>> asks_phone_number("what's the phone number of the IT helpdesk?")
    True
    >>> asks_phone_number("hvem skal jeg ringe til om løn?"), asks_phone_number("KLE-nummer")
    (False, False)
    """
    return PHONE_NUMBER.search(question) is not None


#: A question of an amount of money ("what is the budget of Finance and Staff?", "hvor meget
#: koster OPUS om året?", "hvad tjener kommunaldirektøren?"): the model holds no budgets,
#: prices or salaries in kroner, and the budget task was given as if it were the answer
#: (round 13). Who has the task is still said, after. The static start page reads it too.
AMOUNT = re.compile(
    r"(?<![\w-])(?:kroner|kr\.|dkk|mio\.?|millioner|million|millions|mia\.?|milliarder|"
    r"billion|beløb(?:et|ene)?|amounts?)(?![\w-])|"
    r"(?<![\w-])(?:hvor meget|how much)\b.*\b(?:koste[rt]?|costs?|charges?|betaler|pays?|"
    r"penge|money|budget\w*|tjener|earns?|bruger)\b|"
    r"(?<![\w-])(?:koster|costs)\b|"
    r"(?<![\w-])(?:hvad|what)\s+(?:tjener|earns?|does\s+.+\s+earn)\b|"
    r"(?<![\w-])(?:hvad er|hvor stort? er|what(?:'s|\s+is)|how (?:big|large) is)\s+"
    r"(?:the\s+|vores\s+|our\s+|det\s+|den\s+)?[\w-]*?budget(?:tet|s|ter|terne)?(?![\w-])|"
    r"(?<![\w-])(?:hvad er|what(?:'s|\s+is))\s+(?:the\s+)?(?:lønnen|salary|the pay)\s+"
    r"(?:for|of|til)\b",
    re.IGNORECASE)


def asks_amount(question: str) -> bool:
    """Whether ``question`` asks for an amount of money, which the data never holds.

    >>> [asks_amount(q) for q in ("what is the budget of Finance and Staff?",
    ...  "hvad er IT-budgettet for 2025", "hvor meget koster OPUS om året?",
    ...  "hvad tjener kommunaldirektøren?", "how much does KMD charge us?")]
    [True, True, True, True, True]
    >>> [asks_amount(q) for q in ("hvem har ansvaret for budgettet?", "who owns the budget",
    ...  "hvad er budgetprocessen", "who handles salaries?", "hvor mange ansatte har IT?")]
    [False, False, False, False, False]
    """
    return AMOUNT.search(question) is not None


#: A question of who does not ("hvem har IKKE ansvaret for løn?", "who is NOT responsible for
#: payroll?"): the data says who does; round 13 gave that as if it were the answer.
WHO_NOT = re.compile(
    r"^\s*(?:hvem|hvilke|hvilken|hvilket|who|which)(?:\s+[\w-]+){0,2}?\s+(?:ikke|not)\b|"
    r"^\s*(?:who|which)(?:\s+[\w-]+){0,2}?\s+(?:isn't|doesn't|don't|aren't|isnt|doesnt)",
    re.IGNORECASE)


#: The word that makes it a question of who does not: out, what is left asks who does.
NOT_WORD = re.compile(r"\b(?:ikke|not)\b|n't\b", re.IGNORECASE)


def asks_who_not(question: str) -> bool:
    """Whether ``question`` asks who does not: the data says only who does.

    >>> [asks_who_not(q) for q in ("hvem har IKKE ansvaret for løn?",
    ...  "who is NOT responsible for payroll?", "who isn't responsible for HR")]
    [True, True, True]
    >>> asks_who_not("hvem har ansvaret for løn?"), asks_who_not("er IT ikke med i Chefforum?")
    (False, False)
    """
    return WHO_NOT.search(question) is not None


def without_phone_number(question: str) -> str:
    """``question`` without its words of a phone number: what the data may answer of it.

    "phone number of payroll" met the devices for staff by their other name "phone" (round
    13), where the payroll's mailbox is what the data has.

    >>> without_phone_number("phone number of payroll"), without_phone_number("løn")
    (' of payroll', 'løn')
    """
    return PHONE_NUMBER.sub(" ", question)


def whether_there_is(question: str) -> str | None:
    """What ``question`` asks whether there is, as written ("DPO"); ``None`` for others.

    >>> whether_there_is("har vi en DPO?"), whether_there_is("hvem er DPO?") is None
    ('DPO', True)
    """
    found = WHETHER_THERE_IS.match(question)
    return found["what"] if found else None


def ask_instead(question: str, example: AskExample | None = None) -> Note | None:
    """What to ask instead of ``question``, when the model cannot answer it as asked.

    Code ``asks_about_self`` (:func:`asks_about_self`), ``names_no_one``
    (:func:`names_no_one`) or ``not_in_data`` (a question of whether there is one that
    nothing answers: "har vi en DPO?" said only "no answer"); ``None`` for a question the
    model can answer. The advice names ``example`` (:func:`ask_example`), or no example.
    """
    if (what := whether_there_is(question)) is not None and not asks_about_self(question):
        return Note(code="not_in_data", da=t("not_in_data", "da", what=what),
                    en=t("not_in_data", "en", what=what))
    if asks_about_self(question):
        code, key = "asks_about_self", "ask_about_your_post"
    elif names_no_one(question):
        code, key = "names_no_one", "name_what_is_led"
    else:
        return None
    if example is None:
        return Note(code=code, da=t(key, "da", example=""), en=t(key, "en", example=""))
    return Note(code=code, da=example.advice(key, "da"), en=example.advice(key, "en"))


def advice_of_data(question: str, store: OrgStore, *, as_of: date) -> Note | None:
    """:func:`ask_instead`, its example read from ``store`` only when there is advice to give."""
    if ask_instead(question) is None:
        return None
    return ask_instead(question, ask_example(store, as_of=as_of))
