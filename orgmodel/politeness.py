"""The polite and roundabout ways a question is asked, read as the plain question.

"vis mig hvem der sidder i Direktørforum", "kan du fortælle hvem der er borgmester", "can you
tell me who chairs the council", "leder nogen Chefforum?", "findes der en klimaplan?": each
frame hid what was asked from the frames that read it ("hvem sidder i …", "who chairs …",
"er der …"), and a stray task answered (leadership's tenth probe: 7 of 20). A request that asks
whether ("kan du fortælle mig om ØU refererer til KB?") stays: it is a question of yes or no
(:mod:`orgmodel.yes_no`). :func:`plain_question` is applied where a question is first read
(:func:`orgmodel.asked_date.asked`).

Examples
--------
>>> plain_question("vis mig hvem der sidder i direktørforum")
'hvem sidder i direktørforum'
>>> plain_question("Can you tell me who chairs the council?")
'who chairs the council?'
>>> plain_question("leder nogen chefforum?"), plain_question("findes der en klimaplan?")
('hvem leder chefforum?', 'er der en klimaplan?')
>>> plain_question("giv mig en liste over direktørområderne")
'hvilke direktørområderne'
>>> plain_question("Som ny chef for ØS vil jeg gerne vide, hvem der har ansvaret for løn")
'hvem har ansvaret for løn'
>>> plain_question("ved du hvad Økonomiudvalget beslutter?")
'hvad Økonomiudvalget beslutter?'
>>> plain_question("er det Økonomi og Indkøb der står for bogholderiet?")
'står Økonomi og Indkøb for bogholderiet?'
>>> plain_question("kan du fortælle mig om ØU refererer til KB?")  # whether: as it is
'kan du fortælle mig om ØU refererer til KB?'
"""

from __future__ import annotations

import re

__all__ = ["ANYONE_VERBS", "PLAIN_PATTERNS", "plain_question"]

#: A request before the question ("kan du fortælle mig", "vis mig", "tell me"), unless what
#: follows asks whether ("… om", "… if").
_REQUEST = re.compile(
    r"^\s*(?:"
    r"(?:kan|vil|kunne|gider) (?:du|i) (?:venligst |lige )?(?:fortælle|sige|vise|oplyse|finde)"
    r"(?: mig| os)?|(?:fortæl|vis|oplys|find)(?: mig| os)?|giv (?:mig|os)|"
    r"jeg vil (?:gerne )?(?:vide|se|have)|(?:ved|véd|veed) (?:du|i)|"
    r"(?:do|would) you (?:happen to )?know|"
    # "Som ny chef for Økonomi og Stab vil jeg gerne vide, hvem …" (round 11: the post named
    # in the frame was answered, the task asked of dropped)
    r"som [^,?]{1,80}? vil jeg (?:gerne )?(?:vide|se|have)|"
    r"as (?:the |a |an )?[^,?]{1,60}?,? i(?:'d| would) like to know|"
    r"as (?:the |a |an )?[^,?]{1,60}?,? i want to know|"
    r"(?:can|could|would|will) you (?:please )?(?:tell|show|give|find)(?: me| us)?|"
    r"(?:please )?(?:tell|show|give|find)(?: me| us)|i(?:'d| would) like to know|"
    r"i want to know)"
    r"[\s,:]+(?!(?:(?:mig|os|me|us)\s+)?(?:om|if|whether)\b)", re.IGNORECASE)
#: "hvem der sidder i …" (a question put inside a request) is "hvem sidder i …".
_EMBEDDED = re.compile(r"^(hvem|hvad|hvilke|hvilken|hvilket) der\b", re.IGNORECASE)
#: "en liste over …", "a list of …": which of them.
_LIST = re.compile(r"^(?:en |a )?(?:liste|oversigt) (?:over|af|of)\s+|^(?:a )?list of\s+",
                   re.IGNORECASE)
#: "leder nogen Chefforum?", "does anyone lead …": who does.
_ANYONE = re.compile(r"^(\w+) (?:nogen|nogle|anyone|anybody)\b", re.IGNORECASE)
ANYONE_VERBS = frozenset((
    "leder", "har", "står", "sidder", "deltager", "refererer", "bruger", "driver", "ejer",
    "styrer", "varetager", "håndterer", "tager", "betjener", "rådgiver", "beslutter",
    "godkender", "leverer", "understøtter", "does", "do", "is", "are"))
#: "er det Økonomi og Indkøb der står for bogholderiet?" (a cleft) is "står Økonomi og Indkøb
#: for bogholderiet?", a question of yes or no (round 12 gave the task, and no "Ja").
_CLEFT = re.compile(r"^(?:er|var) det (.+?),? (?:der|som) (\w+) (.+)$", re.IGNORECASE)
#: "hvem har ansvaret for løn, men ikke HR?": what is left out is no part of what is asked
#: (round 13 put the HR task the question left out among the answers, and payroll after).
_EXCEPT = re.compile(r",?\s+(?:men ikke|but not|except(?: for)?|undtagen|bortset fra)\s+"
                     r"[^,?.!;]+", re.IGNORECASE)
#: "findes der …" is "er der …" (whether there is one).
_EXISTS = re.compile(r"^findes der\b", re.IGNORECASE)
#: "har vi nogen initiativer i gang?" asks which there are.
_ANY_OF = re.compile(r"^har (?:vi|i|kommunen|man) (?:nogen|nogle)\s+", re.IGNORECASE)


#: The patterns the static start page reads a question with too (start-read.js, case aside).
PLAIN_PATTERNS: dict[str, str] = {"request": _REQUEST.pattern, "embedded": _EMBEDDED.pattern,
                                  "list": _LIST.pattern, "exists": _EXISTS.pattern,
                                  "anyOf": _ANY_OF.pattern, "cleft": _CLEFT.pattern,
                                  "except": _EXCEPT.pattern}


def plain_question(question: str) -> str:
    """``question`` without the request or roundabout words around what it asks."""
    text = _REQUEST.sub("", question, count=1)
    if text != question:
        text = _LIST.sub(lambda m: "which " if m[0].lower().startswith(("a ", "list"))
                         else "hvilke ", text, count=1)
    text = _EMBEDDED.sub(lambda m: m[1], text, count=1)
    text = _EXISTS.sub("er der", text, count=1)
    text = _CLEFT.sub(r"\2 \1 \3", text, count=1)
    text = _EXCEPT.sub("", text)
    text = _ANY_OF.sub("hvilke ", text, count=1)
    if (anyone := _ANYONE.match(text)) and anyone[1].lower() in ANYONE_VERBS:
        verb = anyone[1]
        asked = "who" if verb.lower() in ("does", "do", "is", "are") else "hvem"
        text = f"{asked} {text[anyone.end():].lstrip()}" if asked == "who" else \
            f"hvem {verb} {text[anyone.end():].lstrip()}"
    return text.strip() or question
