"""Verbs and nouns that frame a question without naming anything in it.

:func:`orgmodel.text.tokenize` reads every question and every indexed text, and leaves these
out where they frame a question: "who works with payroll?" asks who does the work on payroll,
not about the "work phone" of staff devices; "which system is used for payroll?" asks what the
payroll task uses, not about "Adgang til fagsystemer". The words are folded (lower case, no
accents), as tokenize compares them; the static start page gets them too (:mod:`viz.render`).
"""

from __future__ import annotations

__all__ = ["AFTER_WORK_VERB", "SYSTEM_WORDS", "USE_WORDS", "WHICH_WORDS", "WORK_VERBS",
           "without_system_frame", "without_work_verb"]

# "work" before a preposition is the question's verb ("who works with payroll?", "who does
# IT work with?"), which met the alias "work phone" of staff devices; a name keeps it ("works
# council", "work environment"), as "arbejder" is a stopword and "arbejdsmiljø" a word.
WORK_VERBS = frozenset({"work", "works", "working", "worked"})
AFTER_WORK_VERB = frozenset({"with", "on", "in", "for", "at", "alongside", "closely",
                             "together"})


def without_work_verb(words: list[str]) -> list[str]:
    """Folded ``words`` without "work" where it is the question's verb.

    >>> without_work_verb("who works with payroll".split())
    ['who', 'with', 'payroll']
    >>> without_work_verb("who chairs the works council".split())
    ['who', 'chairs', 'the', 'works', 'council']
    """
    return [word for word, after in zip(words, [*words[1:], ""], strict=True)
            if word not in WORK_VERBS or after not in AFTER_WORK_VERB]


# "which system is used for payroll?" asks what the payroll task uses: "system" after "which"
# is the question's (it met "Adgang til fagsystemer" first), and so is its verb of use.
SYSTEM_WORDS = frozenset({"system", "systemer", "systemet", "systemerne", "systems",
                          "software", "program", "programmer", "programs"})
WHICH_WORDS = frozenset({"which", "what", "hvilket", "hvilke", "hvilken", "hvad"})
USE_WORDS = frozenset({"used", "use", "uses", "bruges", "bruger", "bruge", "anvendes",
                       "anvender", "benyttes", "benytter"})
_WHICH_REACH = 3


def without_system_frame(words: list[str]) -> list[str]:
    """Folded ``words`` without "system" after "which" and without the verb of use.

    >>> without_system_frame("hvilket it system bruges til lon".split())
    ['hvilket', 'til', 'lon']
    """
    asked = {at for at, word in enumerate(words) if word in SYSTEM_WORDS
             and WHICH_WORDS.intersection(words[max(0, at - _WHICH_REACH):at])}
    if not asked:
        return words
    # "hvilket IT-system": the "it" of the system's kind goes with it
    asked |= {at - 1 for at in asked if at and words[at - 1] == "it"}
    return [word for at, word in enumerate(words) if at not in asked and word not in USE_WORDS]
