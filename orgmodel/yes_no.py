"""Questions of yes or no that name two nodes: "sidder borgmesteren i Økonomiudvalget?".

A question that opens with its verb ("er", "sidder", "hører", "is", "does", …) and names two
nodes, one before the words that relate them and one after, asks how the two stand to each
other. The split is where both sides name a node best (each as well as a post is named for
its line, :data:`~orgmodel.hint_search.REPORTING_POST_MIN`); a side with a leader's word
("chefen for ØS") names the post that heads what it names. The answer is the first node's
hint with :class:`~orgmodel.between.Between` said first. A question that names fewer than
two nodes so well is not one of these: the other frames read it.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(i, kind, name, **kw):
...     return NODE_ADAPTER.validate_python({"id": i, "kind": kind, "name": name,
...                                          "source": "seed", "confidence": "high", **kw})
>>> store = MemoryStore(Dataset.build(
...     [node("post:borgmester", "Post", "Borgmester"),
...      node("body:ou", "Body", "Økonomiudvalget", classification="committee")],
...     [EdgeRecord.model_validate({"type": "MEMBER_OF", "from": "post:borgmester",
...                                 "to": "body:ou", "role": "formand", "source": "seed",
...                                 "confidence": "high"})]))
>>> found = yes_or_no(store, "Sidder borgmesteren i Økonomiudvalget?", date(2026, 1, 1))
>>> found[0].line_answer("da")
'Ja: Borgmester er medlem af Økonomiudvalget (formand; sikkerhed: høj, kilde: seed).'
>>> yes_or_no(store, "Sidder borgmesteren i byrådet?", date(2026, 1, 1)) is None
True
"""

from __future__ import annotations

import re
from datetime import date

from orgmodel.between import Between, Tie
from orgmodel.contract import NodeRef, OrgStore
from orgmodel.exceptions import NotFoundError
from orgmodel.hint_build import IN_CHARGE, hint_of
from orgmodel.hint_model import NodeHint, node_ref
from orgmodel.hint_search import REPORTING_POST_MIN, post_or_head
from orgmodel.question_frames import HEAD_WORDS, LEADERSHIP_WORDS
from orgmodel.schema import EdgeType, Kind
from orgmodel.text import fold, tokenize

__all__ = ["YES_NO_OPENINGS", "asks_yes_no", "yes_or_no"]

#: The verbs a question of yes or no opens with (Danish puts the verb first) ...
_OPENINGS = """
    er sidder deltager hører refererer rapporterer indgår tilhører ligger leder har bruger
    driver understøtter leverer beslutter rådgiver betjener samarbejder sender
    is are was were does do did has have
"""
YES_NO_OPENINGS = frozenset(fold(_OPENINGS).split())
#: ... unless it asks whether there is one ("er der et team for løn?", "is there …") or
#: which of two ("er OP en afdeling eller en enhed?").
_NOT_BETWEEN = frozenset(fold("der there eller or hvem hvad who what").split())
#: The words that relate the two nodes (verbs, prepositions, roles): where a question splits.
_RELATING = """
    i med under til af for på hos ved en et som sammen del medlem medlemmer formand
    næstformand ansvarlig ansvaret ansvar leder ledes chef sidder deltager hører refererer
    rapporterer indgår tilhører ligger bruger driver understøtter leverer beslutter rådgiver
    betjener samarbejder sender er nogen
    in on of to at with for under into a an the part member members chair chairman head
    responsible accountable sit sits attend attends report reports belong belongs lead leads
    run runs use uses support supports supply supplies supplier advise advises serve serves
    take takes participate participates collaborate collaborates work works is include
    includes omfatter leverandør leverandøren
"""
_RELATING_WORDS = frozenset(fold(_RELATING).split())
_IN_IT = (EdgeType.MEMBER_OF, EdgeType.PARTICIPATES_IN, EdgeType.HEADS)
#: The relations a question's verbs and nouns ask about ("leder", "member", "report").
_ASKING: tuple[tuple[str, tuple[EdgeType, ...]], ...] = (
    ("leder ledes formand chef head heads lead leads chair chairs chairman", (EdgeType.HEADS,)),
    ("medlem medlemmer sidder deltager med member members sit sits attend attends participate "
     "participates take takes", _IN_IT),
    ("include includes omfatter", (*_IN_IT, EdgeType.PART_OF)),
    ("refererer rapporterer report reports", (EdgeType.REPORTS_TO,)),
    ("del under part tilhører belong belongs", (EdgeType.PART_OF,)),
    ("ansvarlig ansvaret ansvar responsible accountable", (EdgeType.RESPONSIBLE_FOR,)),
    ("bruger use uses", (EdgeType.USES,)),
    ("leverer leverandør leverandøren supply supplies supplier", (EdgeType.SUPPLIES,)),
    ("driver run runs", (EdgeType.OPERATES,)),
    ("understøtter support supports", (EdgeType.SUPPORTS,)),
    ("rådgiver advise advises", (EdgeType.ADVISES,)),
    ("betjener serve serves", (EdgeType.SERVES,)),
    ("samarbejder collaborate collaborates", (EdgeType.COLLABORATES_WITH,)),
    ("beslutter decide decides", (EdgeType.DECIDES,)),
)
_ASKED_BY: dict[str, tuple[EdgeType, ...]] = {
    word: types for words, types in _ASKING for word in fold(words).split()}
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
#: The most steps up a reporting line or a structure is followed.
_LINE_STEPS = 12


def asks_yes_no(words: list[str]) -> bool:
    """Whether folded ``words`` open as a question of yes or no about two things."""
    return len(words) >= 3 and words[0] in YES_NO_OPENINGS and _NOT_BETWEEN.isdisjoint(words)


def yes_or_no(store: OrgStore, query: str,
              as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The first node's hint with how it stands to the second, or ``None``.

    ``None`` unless ``query`` names two nodes on either side of the words that relate them.
    """
    pair = _pair(store, query, as_of)
    if pair is None:
        return None
    (first, other), fit, asked = pair
    between = _between(store, first, other, as_of).model_copy(update={"asked": asked})
    hint = hint_of(store, first.id, first.kind, as_of=as_of) if first.kind in IN_CHARGE else None
    hint = hint or NodeHint(node=node_ref(first), relations=[], as_of=as_of)
    return hint.model_copy(update={"between": between}), fit, True


def _pair(store: OrgStore, query: str,
          as_of: date) -> tuple[tuple[NodeRef, NodeRef], float, list[EdgeType]] | None:
    """The two nodes ``query`` names on either side of its relating words, and how well.

    And the relations its opening verb and the words between the two ask about.

    Each run of relating words may be cut anywhere ("report to the head of Finance and
    Staff" names the post, not the unit, with "head of" kept); with no run that names two,
    any word boundary is a split ("leder chefen for ØS Chefforum?"). The best split names
    both best; of equals, the one that keeps the most words.
    """
    words = _WORD.findall(query)[1:]  # the opening verb names nothing
    folded = [fold(word) for word in words]
    seen: dict[str, tuple[NodeRef, float] | None] = {}

    def named(side: list[str], *, right: bool) -> tuple[NodeRef, float, int] | None:
        # A right side may run on past its name ("i KB møderne"): its start names it then.
        for end in range(len(side), 0, -1) if right else (len(side),):
            text = " ".join(side[:end])
            if text not in seen:
                seen[text] = _named(store, text, as_of) if text else None
            if (found := seen[text]) is not None:
                return found[0], found[1], end
        return None

    runs = [(at, end) for at, end in _runs(folded) if at > 0]
    splits = [(cut, resume) for at, end in runs
              for cut in range(at, end) for resume in range(cut + 1, end + 1)]
    for candidates in (splits, [(at, at) for at in range(1, len(words))]):
        best: tuple[tuple[NodeRef, NodeRef], tuple[bool, float, int], list[str]] | None = None
        for cut, resume in candidates:
            one = named(words[:cut], right=False)
            two = named(words[resume:], right=True) if one else None
            if one and two and one[0].id != two[0].id:
                # "the head of Finance and Staff" is its head, not the unit: a leader's word
                # left out between the two loses to one kept, however well the unit fits
                kept = HEAD_WORDS.isdisjoint(folded[cut:resume])
                rank = (kept, min(one[1], two[1]), cut + two[2])
                if best is None or rank > best[1]:
                    best = (one[0], two[0]), rank, folded[cut:resume]
        if best is not None:
            opening = fold(_WORD.findall(query)[0]).split()
            asked = [kind for word in [*opening, *best[2]] for kind in _ASKED_BY.get(word, ())]
            return best[0], best[1][1], list(dict.fromkeys(asked))
    return None


def _runs(folded: list[str]) -> list[tuple[int, int]]:
    """The runs of relating words among ``folded``, as (first, after last)."""
    runs: list[tuple[int, int]] = []
    for at, word in enumerate(folded):
        if word not in _RELATING_WORDS:
            continue
        if runs and runs[-1][1] == at:
            runs[-1] = (runs[-1][0], at + 1)
        else:
            runs.append((at, at + 1))
    return runs


def _named(store: OrgStore, text: str, as_of: date) -> tuple[NodeRef, float] | None:
    """The node ``text`` (one side of a question) names well, and how well.

    Words that only relate or lead ("chefen", "chefen for") name nothing: every chief fits.
    """
    # tokenize keeps a stopword written in capitals: "ØS" is the department, not "os"
    if all(word in _RELATING_WORDS or word in LEADERSHIP_WORDS for word in tokenize(text)):
        return None
    if not LEADERSHIP_WORDS.isdisjoint(fold(text).split()) and (
            post := post_or_head(store, text, as_of)):
        return post[0].node, post[1]
    hits = store.search(text, kinds=list(Kind), limit=1, as_of=as_of)
    if not hits or hits[0].score < REPORTING_POST_MIN:
        return None
    return NodeRef(id=hits[0].id, name=hits[0].name, name_en=hits[0].name_en,
                   kind=hits[0].kind), hits[0].score


def _between(store: OrgStore, first: NodeRef, other: NodeRef, as_of: date) -> Between:
    """What the data says of ``first`` and ``other`` together: relations, a line, a path.

    A person stands to something by the posts they hold: "er Lars Gravgaard Hansen formand
    for Økonomiudvalget?" is answered by the mayor's relations to it.
    """
    if ties := _ties(store, first.id, other.id, as_of):
        return Between(other=other, ties=ties)
    if first.kind is Kind.PERSON:
        for edge in store.edges_of(first.id, as_of=as_of):
            if edge.type is EdgeType.HOLDS and edge.source_id == first.id and (
                    ties := _ties(store, edge.target_id, other.id, as_of)):
                post = node_ref(store.node(edge.target_id, as_of=as_of))
                return Between(other=other, ties=ties, as_post=post)
    line = _structure_up(store, first.id, other.id, as_of) or _line_up(
        store, first.id, other.id, as_of)
    if line:
        return Between(other=other, line=line)
    paths = store.paths(first.id, other.id, max_paths=1, as_of=as_of)
    return Between(other=other, path=paths[0][1:] if paths else [])


def _ties(store: OrgStore, first: str, other: str, as_of: date) -> list[Tie]:
    """The relations between ``first`` and ``other``, read from ``first``; each said once.

    One relation written twice (two descriptions of it) is one tie.
    """
    return list(dict.fromkeys(
        Tie(type=edge.type, inverse=edge.source_id == other, role=edge.role,
            raci=edge.raci.value if edge.raci else None, source=edge.source,
            confidence=edge.confidence)
        for edge in store.edges_of(first, as_of=as_of)
        if {edge.source_id, edge.target_id} == {first, other}))


def _structure_up(store: OrgStore, first: str, other: str, as_of: date) -> list[NodeRef]:
    """The units from ``first`` (left out) up to ``other`` by what each is part of, or none."""
    found: list[NodeRef] = []
    at = first
    for _ in range(_LINE_STEPS):
        up = next((e.target_id for e in store.edges_of(at, as_of=as_of)
                   if e.type is EdgeType.PART_OF and e.source_id == at), None)
        if up is None or any(node.id == up for node in found):
            return []
        found.append(node_ref(store.node(up, as_of=as_of)))
        if up == other:
            return found
        at = up
    return []


def _line_up(store: OrgStore, first: str, other: str, as_of: date) -> list[NodeRef]:
    """The nodes from ``first`` (left out) up to ``other`` on its line, or none."""
    try:
        chain = store.chain(first, as_of=as_of)[1:_LINE_STEPS + 1]
    except NotFoundError:
        return []
    ids = [node.id for node in chain]
    return chain[:ids.index(other) + 1] if other in ids else []
