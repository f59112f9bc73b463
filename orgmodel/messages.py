"""User-facing words in Danish (the default) and English.

Examples
--------
>>> t("no_answer", "da", query="xyz")
'Intet svar på »xyz«.'
>>> t("no_answer", "en", query="xyz")
'No answer for "xyz".'
"""

from __future__ import annotations

from typing import Literal

__all__ = ["KIND_NAMES", "Lang", "t"]

Lang = Literal["da", "en"]

_TEXTS: dict[str, tuple[str, str]] = {
    "no_answer": ("Intet svar på »{query}«.", 'No answer for "{query}".'),
    "kle_hint": (
        "Spørgsmålet ligner KLE {number} »{title}«, som ingen opgave i modellen dækker.",
        'The question looks like KLE {number} "{title}", which no task in the model covers.',
    ),
    "answer_as_of": (
        "Svar pr. {date} (den dato, spørgsmålet nævner).",
        "Answer as of {date} (the date the question names).",
    ),
    "try_search": (
        "Prøv `orgmodel search` med andre ord.",
        "Try `orgmodel search` with other words.",
    ),
    "task": ("Opgave", "Task"),
    "kle": ("KLE", "KLE"),
    "owners": ("Ansvarlige", "Owners"),
    "accountable_post": ("Ansvarlig stilling", "Accountable post"),
    "escalation": ("Eskalation", "Escalation"),
    "sources": ("Kilder", "Sources"),
    "note": ("Bemærk", "Note"),
    "id": ("Id", "Id"),
    "name": ("Navn", "Name"),
    "kind": ("Type", "Kind"),
    "score": ("Score", "Score"),
    "edges": ("Relationer", "Relations"),
    "edge_type": ("Relation", "Relation"),
    "detail": ("Detaljer", "Details"),
    "valid_data": (
        "Data er gyldige: {nodes} noder, {edges} relationer i {folder}.",
        "Data are valid: {nodes} nodes, {edges} edges in {folder}.",
    ),
    "invalid_data": (
        "{count} problem(er) i {folder}; intet er indlæst.",
        "{count} problem(s) in {folder}; nothing was loaded.",
    ),
    "not_found": ("Ukendt id: {id}", "Unknown id: {id}"),
    "none": ("(ingen)", "(none)"),
    "source": ("Kilde", "Source"),
    "confidence": ("Sikkerhed", "Confidence"),
    "valid": ("Gyldig", "Valid"),
}

KIND_NAMES: dict[str, tuple[str, str]] = {
    "Organisation": ("Organisation", "Organisation"),
    "Body": ("Politisk organ", "Political body"),
    "Forum": ("Forum", "Forum"),
    "Unit": ("Enhed", "Unit"),
    "Post": ("Stilling", "Post"),
    "Person": ("Person", "Person"),
    "Task": ("Opgave", "Task"),
    "System": ("System", "System"),
    "Asset": ("Udstyr", "Asset"),
    "Initiative": ("Initiativ", "Initiative"),
    "Stakeholder": ("Interessent", "Stakeholder"),
    "Policy": ("Politik/strategi", "Policy"),
}


def t(key: str, lang: Lang = "da", **values: object) -> str:
    """The text ``key`` in ``lang``, with ``values`` filled in."""
    da, en = _TEXTS[key]
    return (da if lang == "da" else en).format(**values)
