"""How the node a question names is found: the bars it must clear, and the search for it.

A node fits a question when the search scores it at least :data:`NODE_HINT_MIN`, and better
than the best task by ``ROUTE_MARGIN`` (:func:`first_hint`); a post is named by its own words
or by what it heads (:func:`post_or_head`); the municipality by its words alone
(:func:`home_hint`). :mod:`orgmodel.node_hint` reads a question's frame and asks these;
:mod:`orgmodel.framed_hints` answers the questions of one frame each.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER
>>> from orgmodel.store.memory import MemoryStore
>>> store = MemoryStore(Dataset.build([NODE_ADAPTER.validate_python(
...     {"id": "forum:chefforum", "kind": "Forum", "name": "Chefforum", "source": "seed",
...      "confidence": "high"})], []))
>>> found = first_hint(store, "Chefforum", [Kind.FORUM], 0.0, date(2024, 6, 1))
>>> found[0].node.name, found[1]
('Chefforum', 1.0)
"""

from __future__ import annotations

import re
from datetime import date

from orgmodel.contract import NodeView, OrgStore, SearchResult
from orgmodel.hint_build import hint_of
from orgmodel.hint_model import NodeHint
from orgmodel.home import home_organisation, names_home_alone
from orgmodel.kle_catalogue import ROUTE_MARGIN
from orgmodel.question_frames import LEADERSHIP_WORDS, without
from orgmodel.schema import EdgeType, Kind
from orgmodel.search import EXACT_ALIAS
from orgmodel.text import STOPWORDS, fold, longest_written, spaced

__all__ = ["LED_KINDS", "NAMED_WHOLE", "NODE_HINT_MIN", "POSTS_NEAR_TIE", "REPORTING_POST_MIN",
           "STRAY_GAP", "STRUCTURE_KINDS", "SUPPORTED_MIN", "WRITTEN_NAME_CHARS",
           "WRITTEN_NAME_KINDS", "WRITTEN_NAME_MIN", "acronyms_named", "first_hint",
           "head_of_named", "home_hint", "post_or_head", "written_whole"]

#: A node is named by the question when it fits at least this well (a partial or synonym
#: match is not naming: "affald" meets "Renovering af almene boligområder" at 0.59) ...
NODE_HINT_MIN = 0.65
#: A node that says who is in charge and fits the question this much better than every task
#: answers alone: the tasks met a word of their texts, not what was asked.
STRAY_GAP = 0.4
#: ... or by its whole name (the search's score of an exact name).
NAMED_WHOLE = 1.0
#: ... or, where the question writes one of its names whole (of :data:`WRITTEN_NAME_CHARS`
#: letters or more) among other words that pull the search's score down, this well: "hvem er
#: systemejer for Aula?" met Aula at 0.56 and a task at 0.17 (the round 14 probe).
WRITTEN_NAME_MIN = 0.4
WRITTEN_NAME_CHARS = 4
#: ... or this well, where nothing of any kind fits the question better: "jeg skal have fat i
#: systemejeren på AppWriter, hvem er det" met AppWriter at 0.31, first of all, a task at 0.13
#: (the round 15 probe: a name among many other words).
WRITTEN_FIRST_MIN = 0.2
#: ... where the node is a thing with a name of its own, not an organ whose name holds the
#: words of its tasks ("hvem betjener Kultur- og Fritidsudvalget?" asks for the servicing).
WRITTEN_NAME_KINDS = frozenset({Kind.SYSTEM, Kind.ASSET, Kind.INITIATIVE, Kind.ORGANISATION,
                                Kind.POLICY})
# ... and better than the best task by ROUTE_MARGIN, unless the question asks who leads or
# sits in something (orgmodel.question_frames).
#: The kinds a question about who leads or sits in something is about.
LED_KINDS = (Kind.UNIT, Kind.FORUM, Kind.BODY, Kind.INITIATIVE, Kind.POST)
#: ... when the post is named by its name or an alias (an alias scores 0.85 x the search's 0.9
#: scale), not through a synonym or its description: "who do I report a data breach to?" asks
#: where to report something, and meets the information security post only by a synonym.
REPORTING_POST_MIN = 0.75
#: ... as a system or equipment must be named to be what "who supports …?" asks about.
SUPPORTED_MIN = 0.8
#: The kinds with something under them or in them (a forum's members: "hvad består
#: Direktørforum af?"), named by the question's own words as well as a post is for its line
#: ("teams that work with payroll" names the Løn team at 0.58: tasks answer).
STRUCTURE_KINDS = (Kind.UNIT, Kind.BODY, Kind.ORGANISATION, Kind.FORUM)
#: Posts this close fit alike ("hvem er chef?": eight chiefs, the first by 0.88 against 0.86).
POSTS_NEAR_TIE = 0.05


def first_hint(store: OrgStore, query: str, kinds: list[Kind], better_than: float,
                as_of: date, *, by_alias: bool = False,
                alias_margin: float = ROUTE_MARGIN,
                what_is: bool = False) -> tuple[NodeHint, float, bool] | None:
    """The hint of the best node of ``kinds`` the query names well and better than a task.

    With ``by_alias`` (a question of what something is), a node named by one of its aliases
    (:data:`~orgmodel.search.EXACT_ALIAS`) is named unless a task fits better by
    ``alias_margin`` (a name alone, "ØU": unless a task fits better at all). With ``what_is``
    a system a task uses is named too (:func:`~orgmodel.hint_build.hint_of`).
    """
    if not query.strip():
        return None
    # A node named by its whole name is named whatever the tasks score: beside them, not
    # instead ("hvem er KMD?" met the tasks that use KMD's systems at 0.86). Asked what it
    # is, so is a node named by an alias: "hvem er ØU?" met the committee's servicing at 0.75
    # and the committee, by its alias, at 0.815; "hvad er SKI?" the task of SKI's framework
    # agreements at 0.93 and SKI at 0.9 ("hvem står for OU?" asks for a task).
    whole = EXACT_ALIAS if by_alias else NAMED_WHOLE
    bar = min(max(NODE_HINT_MIN, better_than + ROUTE_MARGIN), whole)
    asked = spaced(query)
    hits = _without_kind_nouns(store, query, kinds, as_of)
    for hit in _kind_named_first(hits, fold(query).split(), bar):
        if hit.score < bar and not _written_thing(store, hit, query, asked, as_of,
                                                  better_than + ROUTE_MARGIN):
            break
        if by_alias and hit.score + alias_margin <= better_than:
            break
        found = hint_of(store, hit.id, hit.kind, as_of=as_of, what_is=what_is)
        if found is not None:
            return found, hit.score, False
    return None


def _written_thing(store: OrgStore, hit: SearchResult, query: str, asked: str, as_of: date,
                   least: float) -> bool:
    """Whether ``hit`` is a thing ``query`` names by writing its name whole, well enough.

    It must fit at least ``least`` (better than the best task by the margin), and at least
    :data:`WRITTEN_NAME_MIN`, or :data:`WRITTEN_FIRST_MIN` where nothing fits better.
    """
    if hit.kind not in WRITTEN_NAME_KINDS or hit.score < max(WRITTEN_FIRST_MIN, least) or (
            not written_whole(store.node(hit.id, as_of=as_of), asked)):
        return False
    if hit.score >= WRITTEN_NAME_MIN:
        return True
    first = store.search(query, limit=1, as_of=as_of)
    return bool(first) and first[0].id == hit.id


def written_whole(node: NodeView, asked: str) -> bool:
    """Whether ``asked`` (:func:`~orgmodel.text.spaced`) writes a name of ``node`` whole.

    >>> from orgmodel.contract import NodeView
    >>> aula = NodeView.model_validate({"id": "system:aula", "kind": "System", "name": "Aula",
    ...                                 "source": "seed", "confidence": "low"})
    >>> written_whole(aula, spaced("hvem er systemejer for Aula?"))
    True
    >>> written_whole(aula, spaced("hvem har ansvaret for aulaen?"))
    False
    """
    names = (fold(name) for name in (node.name, node.name_en, *filter(_proper, node.aliases))
             if name)
    return longest_written((name for name in names if len(name) >= WRITTEN_NAME_CHARS),
                           asked) > 0


def _proper(alias: str) -> bool:
    """Whether ``alias`` names its node as a name does, not as a common word.

    "klubber", "plejehjem", "vision" named initiatives and policies in questions of other
    things (the code review): written with a capital or a digit, or of two words or more, or
    in Danish's definite form ("klimaplanen", "visionen": the one the data means), and no
    stopword.

    >>> [_proper(a) for a in ("klubber", "AULA", "new nursing home", "Kommunen", "klimaplanen")]
    [False, True, True, False, True]
    """
    return fold(alias) not in STOPWORDS and (
        alias != alias.lower() or any(c.isdigit() for c in alias) or len(alias.split()) > 1
        or _DEFINITE.fullmatch(alias) is not None)


#: A Danish noun in its definite form (the suffixed article), of seven letters or more.
_DEFINITE = re.compile(r"\w{4,}(?:en|et|ne)")


#: Nouns that say which kind a question's node is: "the IT and Digitalisation unit".
_KIND_NOUNS: dict[str, Kind] = {
    **dict.fromkeys(fold("unit enhed enheden department afdeling afdelingen team teamet").split(),
                    Kind.UNIT),
    **dict.fromkeys(fold("committee udvalg udvalget").split(), Kind.BODY),
}
#: The kind nouns no name holds: a team is called "Team 1" ("hvem leder teamet i OP?").
_UNNAMING_NOUNS = frozenset(_KIND_NOUNS) - frozenset(fold("team teamet udvalg").split())


def _without_kind_nouns(store: OrgStore, query: str, kinds: list[Kind],
                        as_of: date) -> list[SearchResult]:
    """The best hits of ``query``, and of it without the nouns that say a node's kind.

    "when was the Organisation and Politics unit created?" met a team of the unit: the noun
    is no word of the unit's name, and the team's description ("one of the unit's four
    teams") holds it. Each node at the better of its two scores.
    """
    hits = store.search(query, kinds=kinds, limit=3, as_of=as_of)
    words = query.split()
    bare = " ".join(word for word in words if fold(word) not in _UNNAMING_NOUNS)
    if bare == " ".join(words) or not bare.strip():
        return hits
    best = {hit.id: hit for hit in hits}
    for hit in store.search(bare, kinds=kinds, limit=3, as_of=as_of):
        if hit.id not in best or hit.score > best[hit.id].score:
            best[hit.id] = hit
    return sorted(best.values(), key=lambda hit: -hit.score)[:3]


def _kind_named_first(hits: list[SearchResult], words: list[str],
                      least: float) -> list[SearchResult]:
    """``hits``, the best of the kind the question's noun names first when it fits nearly as well.

    Nearly: within :data:`ROUTE_MARGIN` of the best, and at least ``least`` (the bar a hint
    must clear).

    "what does the IT and Digitalisation unit do?" met the unit's head first (0.78: its alias
    "unit manager" holds "unit") and the unit at 0.74.
    """
    kinds = {_KIND_NOUNS[word] for word in words if word in _KIND_NOUNS}
    if len(kinds) != 1 or not hits or hits[0].kind in kinds:
        return hits
    named = next((hit for hit in hits if hit.kind in kinds
                  and hit.score >= max(least, hits[0].score - ROUTE_MARGIN)), None)
    return [named, *(hit for hit in hits if hit is not named)] if named else hits


def home_hint(store: OrgStore, query: str, as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The municipality's hint, when ``query`` (its frame left out) names it and nothing else.

    "hvem leder kommunen?", "hvad består kommunen af?" (:mod:`orgmodel.home`).
    """
    if not names_home_alone(query) or (home := home_organisation(store, as_of=as_of)) is None:
        return None
    found = hint_of(store, home, Kind.ORGANISATION, as_of=as_of)
    return (found, 1.0, True) if found else None


def head_of_named(store: OrgStore, query: str,
                   as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The hint of the post that heads the unit, body or forum ``query`` names well, alone.

    "who does the chief of Finance and Staff report to?", "hvem refererer chefen for ØS
    til?": the post is named by the unit it heads, not by a name of its own.
    """
    hits = store.search(query, kinds=[Kind.UNIT, Kind.BODY, Kind.FORUM], limit=1, as_of=as_of)
    if not hits or hits[0].score < REPORTING_POST_MIN or (
            led := hint_of(store, hits[0].id, hits[0].kind, as_of=as_of)) is None:
        return None
    head = next((r.node.id for r in led.relations if r.type is EdgeType.HEADS and not r.outward),
                None)
    found = hint_of(store, head, Kind.POST, as_of=as_of) if head else None
    return (found, hits[0].score, True) if found else None


def post_or_head(store: OrgStore, rest: str,
                  as_of: date) -> tuple[NodeHint, float] | None:
    """The hint of the post ``rest`` (a question without its frame) names well, and how well.

    Named by its own words, or by the unit, body or forum it heads ("the head of Finance and
    Staff", "chefen for Økonomi og Stab": the leader's word left out).
    """
    for text in (rest, *acronyms_named(store, rest, as_of)):
        for hit in store.search(text, kinds=[Kind.POST], limit=1, as_of=as_of):
            if hit.score >= REPORTING_POST_MIN and (
                    found := hint_of(store, hit.id, hit.kind, as_of=as_of)) is not None:
                return found, hit.score
    if head := head_of_named(store, without(rest, LEADERSHIP_WORDS), as_of):
        return head[0], head[1]
    return None


#: An abbreviation in capitals ("OP", "ØS", "BSU").
_ACRONYM = re.compile(r"(?<![\w-])[A-ZÆØÅ]{2,5}(?![\w-])")


def acronyms_named(store: OrgStore, text: str, as_of: date) -> list[str]:
    """``text`` with each abbreviation a unit's or body's alias written as its name, if any.

    "teamlederen i OP" names the team leader of Organisation og Politik, whose post's names
    hold the unit's name, not its alias (leadership's probes: it met the committees'
    servicing). Nothing when ``text`` has no abbreviation (no search is made).
    """
    written = text
    for acronym in dict.fromkeys(_ACRONYM.findall(text)):
        hits = store.search(acronym, kinds=[Kind.UNIT, Kind.BODY, Kind.FORUM], limit=1,
                            as_of=as_of)
        if hits and hits[0].score >= EXACT_ALIAS:
            written = re.sub(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", hits[0].name, written)
    return [written] if written != text else []
