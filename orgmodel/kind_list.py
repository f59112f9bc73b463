"""Questions of which of a kind there are: "hvilke udvalg er der?", "what fora are there?".

Such a question names no node: its words are a kind's plural and the frame around it. It
met the tasks that hold the word ("Betjening af Økonomiudvalget og de stående udvalg"), while
the new chief asks to learn the organisation. The answer is every node of that kind under
the municipality (:mod:`orgmodel.home`), at any depth, as the municipality's hint
(``listing``). A question that also names where to look ("hvilke enheder har Økonomi og
Stab?") is a question of what lies under that (:func:`orgmodel.question_frames.asks_structure`).

Examples
--------
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> def part_of(part, whole):
...     return EdgeRecord.model_validate({"type": "PART_OF", "from": part, "to": whole,
...                                       "source": "seed", "confidence": "high"})
>>> store = MemoryStore(Dataset.build(
...     [node(id="org:by", kind="Organisation", name="Byens Kommune"),
...      node(id="body:kb", kind="Body", name="Byrådet", classification="council"),
...      node(id="body:tu", kind="Body", name="Teknikudvalget", classification="committee")],
...     [part_of("body:kb", "org:by"), part_of("body:tu", "body:kb")]))
>>> asked_kind("hvilke udvalg er der?"), asked_kind("hvilke udvalg har byrådet?")
('committees', None)
>>> asked_kind("udvalg")  # a search, as before

>>> print(listed(store, "what committees are there?", as_of=date(2024, 6, 1)).text("en"))
Committees in Byens Kommune (1): Teknikudvalget (confidence: high, source: seed).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from orgmodel.contract import EdgeView, NodeRef, NodeView, OrgStore
from orgmodel.hint_model import ListedNote, NodeHint, Relation, node_ref
from orgmodel.hint_search import REPORTING_POST_MIN
from orgmodel.home import HOME_WORDS, home_name_words, home_organisation
from orgmodel.list_kinds import LISTS
from orgmodel.question_frames import without
from orgmodel.schema import Confidence, EdgeType, Kind
from orgmodel.search import acronyms
from orgmodel.text import STOPWORDS, fold

__all__ = ["LISTS", "LIST_ASKING_SPELLINGS", "LIST_ASKING_WORDS", "LIST_FRAME_SPELLINGS",
           "LIST_FRAME_WORDS", "RUNNING_SPELLINGS", "RUNNING_WORDS", "SYSTEM_VERB_SPELLINGS",
           "TITLE_PHRASES", "TOWN_SPELLINGS", "as_titles", "asked_kind", "kind_named", "list_of",
           "listed"]

#: The frame of such a question, left out before what remains must be the kind's plural alone.
LIST_FRAME_SPELLINGS: tuple[str, ...] = (
    "hvilke", "hvilken", "hvad", "alle", "findes", "eksisterer", "liste", "oversigt", "over",
    "which", "what", "all", "are", "there", "exist", "list", "overview", "show", "antal",
    "number",
    # "hvilke initiativer kører?", "hvad hedder direktørområderne?": what is running, or named
    "kører", "running", "aktive", "active", "igangværende", "gang", "ongoing", "nuværende",
    "current", "hedder", "called", "named", "names", "navne", "navnene", "director", "it",
    # "hvilke it-systemer bruger kommunen?" (round 11: no answer)
    "bruger", "bruges", "benytter", "anvender", "use", "uses", "used",
    # "hvad er usikkert i data?"
    "data", "modellen", "model", "records",
    # "hvor mange stående udvalg er der?" (it met the servicing of the standing committees)
    "stående", "standing", "faste", "permanent", "politiske", "political")
LIST_FRAME_WORDS = frozenset(fold(" ".join(LIST_FRAME_SPELLINGS)).split())
_FRAME = LIST_FRAME_WORDS | STOPWORDS
#: The words that ask for what is under way: a list of them leaves out what is planned or
#: completed (the static start page reads them too).
RUNNING_SPELLINGS: tuple[str, ...] = (
    "kører", "kørende", "igangværende", "aktive", "running", "ongoing", "active", "current")
RUNNING_WORDS = frozenset(fold(" ".join(RUNNING_SPELLINGS)).split())
#: The town, which a list's question may name for the municipality ("hvilke initiativer er i
#: gang i byen?" met a task).
TOWN_SPELLINGS: tuple[str, ...] = ("byen", "town", "city")
_TOWN = frozenset(fold(" ".join(TOWN_SPELLINGS)).split())
#: The words of the frame that ask for a list: one of them must be there.
LIST_ASKING_SPELLINGS: tuple[str, ...] = (
    "hvilke", "hvilken", "hvad", "alle", "liste", "oversigt", "which", "what", "all", "list",
    "overview", "show", "mange", "antal", "many", "number")  # ... and how many there are
LIST_ASKING_WORDS = frozenset(fold(" ".join(LIST_ASKING_SPELLINGS)).split())
#: The most nodes of a kind outside the tree a list names (a question's answer, not a dump).
_MOST_LISTED = 200
_NOUNS = {fold(noun): key for key, listed_kind in LISTS.items() for noun in listed_kind.nouns}


#: Titles English writes in two words, read as the plural that names their list ("how many
#: unit heads are there in Økonomi og Stab?" met the leadership team, chief and all).
TITLE_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\bunit\s+(?:heads|managers|leaders)\b", "enhedsledere"),
    (r"\bheads\s+of\s+(?:the\s+)?units\b", "enhedsledere"),
    (r"\bteam\s+(?:leaders|heads|managers)\b", "teamledere"))
_TITLES = tuple((re.compile(pattern, re.IGNORECASE), said) for pattern, said in TITLE_PHRASES)


def as_titles(question: str) -> str:
    """``question`` with a title written in two words as the plural that names its list.

    >>> as_titles("how many unit heads are there?")
    'how many enhedsledere are there?'
    """
    for pattern, said in _TITLES:
        question = pattern.sub(said, question)
    return question


def asked_kind(question: str) -> str | None:
    """The key of :data:`LISTS` whose list ``question`` asks for, alone; ``None`` otherwise.

    A word of the frame must ask for it: "udvalg" alone is searched for, as before.
    """
    folded = fold(question).split()
    # An acronym in capitals is a name, not the stopword it folds to: "ØS" is not "os" (us),
    # and "hvor mange enheder har ØS" listed the municipality's 18 units, not its three.
    written = acronyms(question)
    words = [word for word in folded if word not in _FRAME
             or (word in written and word not in LIST_FRAME_WORDS)]
    keys = {_NOUNS.get(word) for word in words}
    asks = not LIST_ASKING_WORDS.isdisjoint(folded)
    return keys.pop() if asks and len(keys) == 1 and None not in keys and words else None


def kind_named(question: str) -> str | None:
    """The key of :data:`LISTS` whose plural ``question`` writes, if it writes one only.

    >>> kind_named("hvor mange enheder har Økonomi og Stab?"), kind_named("hvem er chef?")
    ('units', None)
    """
    keys = {_NOUNS[word] for word in fold(question).split() if word in _NOUNS}
    return keys.pop() if len(keys) == 1 else None


def listed(store: OrgStore, question: str, *, as_of: date) -> NodeHint | None:
    """The municipality's hint listing every node of the kind ``question`` asks for.

    ``None`` when it asks for no kind's list alone, when the data has no municipality, or none
    of that kind under it.
    """
    question = as_titles(question)
    key = asked_kind(question)
    # "which departments does Albertslund have?": its own words say where. Read from the
    # store only when a kind's plural is written: this runs before every question is read.
    if key is None and kind_named(question) is not None:
        here = home_name_words(store, as_of=as_of) | HOME_WORDS | _TOWN
        # (as written: "ØS" in capitals stays a name)
        key = asked_kind(" ".join(word for word in question.split() if fold(word) not in here))
    if key is None and (titled := kind_named(question)) and LISTS[titled].kind is Kind.POST:
        return _posts_in(store, question, titled, as_of=as_of)  # "enhedsledere i ØS"
    if key is None and titled == "systems":  # "hvilke systemer drifter Økonomi og Indkøb?"
        return _systems_of(store, question, as_of=as_of)
    # ... and "i gang" ("hvilke initiativer er i gang?" listed the completed merger too)
    running = not RUNNING_WORDS.isdisjoint(fold(question).split()) or " i gang" in \
        f" {fold(question)}"
    return None if key is None else list_of(store, key, as_of=as_of, running=running)


def _posts_in(store: OrgStore, question: str, key: str, *, as_of: date) -> NodeHint | None:
    """The posts of :data:`LISTS` ``key`` (a title) in the unit the rest of ``question`` names.

    "hvilke enhedsledere er der i ØS?" named no list: "ØS" is a unit's name, and the question
    got no answer. The unit must be named as well as a post is for its line, by the words
    left when the frame and the title's plural are out; its posts are those in it or in any
    unit under it, each as sure as its record.

    >>> from orgmodel.dataset import Dataset
    >>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
    >>> from orgmodel.store.memory import MemoryStore
    >>> def node(**kw):
    ...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
    >>> def edge(kind, a, b):
    ...     return EdgeRecord.model_validate({"type": kind, "from": a, "to": b,
    ...                                       "source": "seed", "confidence": "high"})
    >>> def unit(id, name, **kw):
    ...     return node(id=id, kind="Unit", name=name, level="enhed", **kw)
    >>> store = MemoryStore(Dataset.build(
    ...     [unit("unit:stab", "Stab", aliases=["ST"]), unit("unit:lon", "Løn"),
    ...      unit("unit:vej", "Vej"),
    ...      node(id="post:a", kind="Post", name="Enhedsleder for Løn"),
    ...      node(id="post:b", kind="Post", name="Enhedsleder for Vej")],
    ...     [edge("PART_OF", "unit:lon", "unit:stab"), edge("POST_IN", "post:a", "unit:lon"),
    ...      edge("POST_IN", "post:b", "unit:vej")]))
    >>> print(listed(store, "hvilke enhedsledere er der i ST?", as_of=date(2024, 6, 1)).text("da"))
    Enhedsledere i Stab (1): Enhedsleder for Løn (sikkerhed: høj, kilde: seed).
    """
    nouns = frozenset(fold(" ".join(LISTS[key].nouns)).split())
    rest = without(question, nouns | LIST_FRAME_WORDS | LIST_ASKING_WORDS)
    if not rest.strip():
        return None
    hits = store.search(rest, kinds=[Kind.UNIT], limit=1, as_of=as_of)
    if not hits or hits[0].score < REPORTING_POST_MIN:
        return None
    unit = store.node(hits[0].id, as_of=as_of)
    which = LISTS[key].which
    found = sorted((n for n in store.subtree(unit.id, as_of=as_of).nodes
                    if n.kind is Kind.POST and which(n)), key=lambda n: fold(n.name))
    return NodeHint(node=node_ref(unit), as_of=as_of, listing=key, listing_notes=_notes_of(found),
                    relations=[Relation(type=EdgeType.POST_IN, node=node_ref(n), source=n.source,
                                        confidence=n.confidence) for n in found]) \
        if found else None


#: How a unit, post, forum or body has a system: it runs, supports or uses it.
_SYSTEM_TIES = (EdgeType.OPERATES, EdgeType.SUPPORTS, EdgeType.USES)
#: The verbs of such a question, left out before the holder is looked for.
SYSTEM_VERB_SPELLINGS: tuple[str, ...] = (
    "drifter", "drift", "driver", "understøtter", "supporterer", "har", "ejer", "passer",
    "runs", "run", "operates", "operate", "supports", "support", "has", "have", "owns", "own",
    "does", "do")
_SYSTEM_VERBS = frozenset(fold(" ".join(SYSTEM_VERB_SPELLINGS)).split())


def _systems_of(store: OrgStore, question: str, *, as_of: date) -> NodeHint | None:
    """The systems the unit, post, forum or body the rest of ``question`` names has.

    Those it runs, supports or uses (the round 14 probe: "hvilke systemer drifter Økonomi og
    Indkøb?" gave procurement's and IT's tasks). The holder must be named as well as a post is
    for its line; ``None`` when nothing is, or it has no system.

    >>> from orgmodel.dataset import Dataset
    >>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
    >>> from orgmodel.store.memory import MemoryStore
    >>> def node(**kw):
    ...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
    >>> store = MemoryStore(Dataset.build(
    ...     [node(id="unit:oi", kind="Unit", name="Økonomi og Indkøb", level="enhed"),
    ...      node(id="system:rollebi", kind="System", name="RolleBi")],
    ...     [EdgeRecord.model_validate({"type": "OPERATES", "from": "unit:oi",
    ...      "to": "system:rollebi", "source": "seed", "confidence": "high"})]))
    >>> print(listed(store, "hvilke systemer drifter Økonomi og Indkøb?",
    ...              as_of=date(2024, 6, 1)).text("da"))
    Systemer i Økonomi og Indkøb (1): RolleBi (sikkerhed: høj, kilde: seed).
    """
    nouns = frozenset(fold(" ".join(LISTS["systems"].nouns)).split())
    # ("IT" in capitals is a name, not the frame's "it" of "it-systemer")
    frame = (nouns | LIST_FRAME_WORDS | LIST_ASKING_WORDS | _SYSTEM_VERBS) - acronyms(question)
    rest = without(question, frame)
    if not rest.strip():
        return None
    hits = store.search(rest, kinds=[Kind.UNIT, Kind.POST, Kind.FORUM, Kind.BODY], limit=1,
                        as_of=as_of)
    if not hits or hits[0].score < REPORTING_POST_MIN:
        return None
    holder = store.node(hits[0].id, as_of=as_of)
    ties = [edge for edge in store.edges_of(holder.id, as_of=as_of)
            if edge.type in _SYSTEM_TIES and edge.source_id == holder.id]
    systems = {edge.target_id: edge for edge in ties}
    found = sorted((store.node(system, as_of=as_of) for system in systems),
                   key=lambda n: fold(n.name))
    found = [n for n in found if n.kind is Kind.SYSTEM]
    return NodeHint(node=node_ref(holder), as_of=as_of, listing="systems",
                    listing_notes=_notes_of(found), relations=[
        Relation(type=systems[n.id].type, node=node_ref(n), **_less_sure(n, systems[n.id]))
        for n in found]) if found else None


def list_of(store: OrgStore, key: str, *, as_of: date, running: bool = False) -> NodeHint | None:
    """The municipality's hint listing every node of :data:`LISTS` ``key`` under it.

    ``running``: only those whose record's ``status`` is not planned or completed ("hvilke
    initiativer kører?" listed a completed merger and a planned project).
    """
    if (home := home_organisation(store, as_of=as_of)) is None:
        return None
    kind, listed_which = LISTS[key].kind, LISTS[key].which

    def which(node: NodeView) -> bool:
        return listed_which(node) and not (
            running and node.attributes.get("status") in ("planned", "completed"))

    top = store.node(home, as_of=as_of)
    if not LISTS[key].in_tree:  # "hvilke initiativer kører?": not under the municipality
        page = store.list_nodes(kind=kind, limit=_MOST_LISTED, as_of=as_of,
                                confidence=Confidence.LOW if key == "uncertain" else None)
        every = sorted((n for n in page.items if which(n)), key=lambda n: fold(n.name))
        # (said so only of a kind whose records say whether they are under way)
        running = running and any("status" in n.attributes for n in page.items)
        return NodeHint(node=node_ref(top), as_of=as_of, listing=key, listing_running=running,
                        listing_notes=_notes_of(every), relations=[
            Relation(type=EdgeType.PART_OF, node=node_ref(n), source=n.source,
                     confidence=n.confidence) for n in every]) if every else None
    tree = store.subtree(home, as_of=as_of)
    # each node by the edge that puts it in the tree, or by its own record where that is less
    # sure: a team whose name is an assumption (low) was listed as its high PART_OF edge
    placed = {e.source_id: e for e in tree.edges if e.type is EdgeType.PART_OF}
    found = sorted((n for n in tree.nodes if n.kind is kind and n.id != home and which(n)
                    and n.id in placed), key=lambda n: fold(n.name))
    if not found:
        return None
    running = running and any("status" in n.attributes for n in tree.nodes if n.kind is kind)
    return NodeHint(node=node_ref(top), as_of=as_of, listing=key, listing_running=running,
                    listing_notes=_notes_of(found), relations=[
        Relation(type=EdgeType.PART_OF, node=node_ref(n), **_less_sure(n, placed[n.id]))
        for n in found])


def _notes_of(nodes: list[NodeView]) -> list[ListedNote]:
    """The notes of ``nodes``' records, each once with the nodes that have it, in list order.

    "hvilke afdelinger er der?" listed eight where the seed names seven, and the committees of
    the 2018–2021 term as today's: their records say so, and the list said nothing of it.
    """
    shared: dict[str, list[NodeRef]] = {}
    for node in nodes:
        if node.note:
            shared.setdefault(" ".join(node.note.split()), []).append(node_ref(node))
    return [ListedNote(note=note, nodes=refs) for note, refs in shared.items()]


_SURE = {Confidence.HIGH: 2, Confidence.MEDIUM: 1, Confidence.LOW: 0}


def _less_sure(node: NodeView, edge: EdgeView) -> dict[str, Any]:
    """The source and confidence of ``node``'s record or of ``edge``, whichever is less sure."""
    said = node if _SURE[node.confidence] < _SURE[edge.confidence] else edge
    return {"source": said.source, "confidence": said.confidence}
