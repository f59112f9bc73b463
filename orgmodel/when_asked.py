"""Questions of when something began or ended: "hvornår blev Organisation og Politik oprettet?".

The answer is the node's own dates (``valid_from``, ``valid_to``), as sure as its record, or
that the data gives none: "when was Organisation og Politik created?" met the staff matters,
"hvornår blev OP oprettet" payroll (leadership's probes). A question of when something meets
is :func:`orgmodel.question_frames.asks_meeting`'s.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER
>>> from orgmodel.store.memory import MemoryStore
>>> store = MemoryStore(Dataset.build([NODE_ADAPTER.validate_python(
...     {"id": "forum:lt", "kind": "Forum", "name": "Ledelsesteamet", "valid_from": "2023-01-01",
...      "source": "seed", "confidence": "low"})], []))
>>> found = when_of(store, "hvornår blev Ledelsesteamet oprettet?", date(2024, 6, 1))
>>> found[0].line_answer("da")
'Ledelsesteamet gælder i data fra 2023-01-01 (sikkerhed: lav, kilde: seed).'
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from orgmodel.contract import NodeRef, OrgStore
from orgmodel.hint_build import IN_CHARGE
from orgmodel.hint_model import NodeHint
from orgmodel.hint_search import first_hint
from orgmodel.kle_catalogue import ROUTE_MARGIN
from orgmodel.question_frames import without
from orgmodel.schema import EdgeType, Kind
from orgmodel.text import fold

__all__ = ["BEGIN_SPELLINGS", "DONE_SPELLINGS", "END_SPELLINGS", "WHEN_FRAME_SPELLINGS",
           "WHEN_SPELLINGS", "asked_end", "asks_when", "dated_sentences", "done_end", "when_of",
           "with_dates"]

#: The words that ask when (not how often: "hvornår mødes …" is a meeting's).
WHEN_SPELLINGS: tuple[str, ...] = ("hvornår", "when")
_WHEN = frozenset(fold(" ".join(WHEN_SPELLINGS)).split())
#: ... something began ("oprettet", "founded") ...
_BEGIN_TEXT = """
    oprettet oprettes oprettede etableret etableres dannet dannes startet startede starter
    begyndte begynder tiltrådte tiltræder indført indførtes åbnet sammenlagt lavet
    created established founded formed started start begin began begins opened set up
    introduced merged"""
BEGIN_SPELLINGS: tuple[str, ...] = tuple(_BEGIN_TEXT.split())
#: ... or ended ("nedlagt", "closed").
_END_TEXT = """
    nedlagt nedlægges nedlagde lukket lukkes lukkede ophørt ophører ophørte sluttede slutter
    udløber udløb stoppede stopper
    closed close dissolved ended end ends abolished expire expires expired stopped"""
END_SPELLINGS: tuple[str, ...] = tuple(_END_TEXT.split())
#: ... or was carried out: a change's day ("hvornår blev sammenlægningen gennemført?"), else
#: the last day of what was carried out.
_DONE_TEXT = """
    gennemført gennemførtes gennemførte afsluttet afsluttede færdiggjort skete
    completed finished happened"""
DONE_SPELLINGS: tuple[str, ...] = tuple(_DONE_TEXT.split())
_BEGIN = frozenset(fold(" ".join(BEGIN_SPELLINGS)).split())
_END = frozenset(fold(" ".join(END_SPELLINGS)).split())
_DONE = frozenset(fold(" ".join(DONE_SPELLINGS)).split())
#: The frame, left out when the node is looked for (with the words that ask when).
WHEN_FRAME_SPELLINGS: tuple[str, ...] = (
    "blev", "bliver", "er", "var", "skal", "was", "is", "were", "will", "be", "did", "does", "do",
    "the", "it", "den", "det")
_FRAME = _WHEN | _BEGIN | _END | _DONE | frozenset(fold(" ".join(WHEN_FRAME_SPELLINGS)).split())


def asks_when(words: list[str]) -> bool:
    """Whether folded ``words`` ask when something began or ended."""
    return not _WHEN.isdisjoint(words) and not (_BEGIN | _END | _DONE).isdisjoint(words)


def when_of(store: OrgStore, query: str, as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The hint of what ``query`` asks the beginning or end of, its dates said first."""
    words = fold(query).split()
    if not asks_when(words):
        return None
    found = first_hint(store, without(query, _FRAME), list(IN_CHARGE), -ROUTE_MARGIN, as_of,
                       what_is=True)
    if found is None:
        return None
    dated = with_dates(store, found[0], as_of)
    return dated.model_copy(update={"asked_when": asked_end(dated, words)}), found[1], True


def asked_end(hint: NodeHint, words: list[str]) -> Literal["from", "to"]:
    """Which of its days folded ``words`` ask of ``hint``'s node: its first or its last.

    "hvornår blev den nedlagt?" its last; "hvornår blev sammenlægningen gennemført?" the day
    of a change (a merger's first day, when it took effect), or the last of what else was
    carried out.
    """
    if not _BEGIN.isdisjoint(words):
        return "from"
    return done_end(hint) if _END.isdisjoint(words) and not _DONE.isdisjoint(words) else "to"


def done_end(hint: NodeHint) -> Literal["from", "to"]:
    """The day ``hint``'s node was carried out: a change's first day, else its last."""
    return "from" if hint.change_event else "to"


def with_dates(store: OrgStore, hint: NodeHint, as_of: date) -> NodeHint:
    """``hint`` with its node's dates and how sure they are; a person's, of the post they hold.

    A person's record has no dates of its own ("hvornår tiltrådte Henrik Harder?" said the
    data gives none): their holding of a post has, with its note (a placeholder day says so).
    """
    node = store.node(hint.node.id, as_of=as_of)
    if node.kind is Kind.PERSON:
        held = [edge for edge in store.neighbourhood(
            node.id, edge_types=[EdgeType.HOLDS], as_of=as_of).edges
            if edge.source_id == node.id]
        if len(held) == 1:  # of two posts held, which the question means is not guessed
            edge = held[0]
            post = store.node(edge.target_id, as_of=as_of)
            return hint.model_copy(update={
                "holds_from": edge.valid_from, "holds_to": edge.valid_to,
                "record_confidence": edge.confidence, "record_source": edge.source,
                "record_note": edge.note, "held_post": NodeRef(
                    id=post.id, name=post.name, name_en=post.name_en, kind=post.kind)})
    return hint.model_copy(update={
        "holds_from": node.valid_from, "holds_to": node.valid_to,
        "record_confidence": node.confidence, "record_source": node.source,
        "record_note": node.note, "change_event": bool(node.attributes.get("change_event")),
        "dated_da": dated_sentences(node.description), "dated_en": dated_sentences(
            node.description_en)})


#: A year in a sentence (1900-2099): a day said in words has one.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: Where a description's sentences end: a full stop, ! or ? and a capital letter ("pr. 1.
#: januar" goes on).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")


def dated_sentences(description: str | None) -> str | None:
    """The sentences of ``description`` that name a year, joined; ``None`` if none does.

    >>> dated_sentences("Leder afdelingen. Stillingen besættes pr. 1. januar 2024; "
    ...                 "personen er ikke registreret. Den er i Chefforum.")
    'Stillingen besættes pr. 1. januar 2024; personen er ikke registreret.'
    >>> dated_sentences("Leder afdelingen.") is None
    True
    """
    found = [part for part in _SENTENCE_END.split(" ".join((description or "").split()))
             if _YEAR.search(part)]
    return " ".join(found) or None
