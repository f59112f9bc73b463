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
from collections.abc import Iterable
from datetime import date

from orgmodel.between import Between, Tie
from orgmodel.contract import EdgeView, NodeRef, OrgStore
from orgmodel.exceptions import NotFoundError
from orgmodel.hint_build import IN_CHARGE, hint_of
from orgmodel.hint_model import NodeHint, node_ref
from orgmodel.hint_search import REPORTING_POST_MIN, first_hint, post_or_head
from orgmodel.home import home_organisation, names_home_alone
from orgmodel.kle_catalogue import ROUTE_MARGIN
from orgmodel.question_frames import HEAD_WORDS, LEADERSHIP_WORDS
from orgmodel.schema import EdgeType, Kind
from orgmodel.text import fold

__all__ = ["NOT_BETWEEN_SPELLINGS", "RELATING_SPELLINGS", "YES_NO_OPENINGS",
           "YES_NO_OPENING_SPELLINGS", "asks_yes_no",
           "ties_between", "ties_in", "which_kind", "yes_no_core", "yes_or_no"]

#: The verbs a question of yes or no opens with (Danish puts the verb first) ...
_OPENINGS = """
    er sidder deltager hører refererer rapporterer indgår tilhører ligger leder har bruger står
    driver understøtter leverer beslutter rådgiver betjener samarbejder sender
    drives ledes bruges leveres understøttes betjenes rådgives besluttes håndterer håndteres
    varetager varetages
    is are was were does do did has have
"""
YES_NO_OPENING_SPELLINGS: tuple[str, ...] = tuple(_OPENINGS.split())
YES_NO_OPENINGS = frozenset(fold(_OPENINGS).split())
#: ... unless it asks whether there is one ("er der et team for løn?", "is there …") or
#: which of two ("er OP en afdeling eller en enhed?").
NOT_BETWEEN_SPELLINGS: tuple[str, ...] = (
    "der", "there", "eller", "or", "hvem", "hvad", "who", "what")
_NOT_BETWEEN = frozenset(fold(" ".join(NOT_BETWEEN_SPELLINGS)).split())
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
    includes omfatter leverandør leverandøren ledes drives bruges leveres understøttes betjenes
    rådgives besluttes by operated used headed led supplied supported advised served decided
    chaired handle handles handled håndterer håndteres varetager varetages
"""
RELATING_SPELLINGS: tuple[str, ...] = tuple(_RELATING.split())
_RELATING_WORDS = frozenset(fold(_RELATING).split())
_IN_IT = (EdgeType.MEMBER_OF, EdgeType.HEADS)
#: ... and taking part, which "deltager" and "attend" ask, though "sidder" and "member" do not
#: (the chief is a key player in Direktørforum, not a member of it)
_TAKING_PART = (*_IN_IT, EdgeType.PARTICIPATES_IN)
#: The relations a question's verbs and nouns ask about ("leder", "member", "report").
_ASKING: tuple[tuple[str, tuple[EdgeType, ...]], ...] = (
    ("leder ledes formand chef head heads headed lead leads led chair chairs chaired chairman",
     (EdgeType.HEADS,)),
    ("medlem medlemmer sidder member members sit sits", _IN_IT),
    ("deltager med attend attends participate participates take takes", _TAKING_PART),
    ("include includes omfatter", (*_TAKING_PART, EdgeType.PART_OF)),
    ("refererer rapporterer report reports", (EdgeType.REPORTS_TO,)),
    ("del under part tilhører belong belongs", (EdgeType.PART_OF,)),
    ("ansvarlig ansvaret ansvar responsible accountable handle handles handled håndterer "
     "håndteres varetager varetages står", (EdgeType.RESPONSIBLE_FOR,)),
    ("bruger bruges use uses used", (EdgeType.USES,)),
    ("leverer leveres leverandør leverandøren supply supplies supplied supplier",
     (EdgeType.SUPPLIES,)),
    ("driver drives run runs operate operates operated", (EdgeType.OPERATES,)),
    ("understøtter understøttes support supports supported", (EdgeType.SUPPORTS,)),
    ("rådgiver rådgives advise advises advised", (EdgeType.ADVISES,)),
    ("betjener betjenes serve serves served", (EdgeType.SERVES,)),
    ("samarbejder collaborate collaborates", (EdgeType.COLLABORATES_WITH,)),
    ("beslutter besluttes decide decides decided", (EdgeType.DECIDES,)),
)
_ASKED_BY: dict[str, tuple[EdgeType, ...]] = {
    word: types for words, types in _ASKING for word in fold(words).split()}
#: The words that ask the relation from the other node: a passive ("drives af", "operated
#: by"), or what holds the other ("omfatter", "include").
_FROM_THE_OTHER = frozenset(fold("""
    ledes drives bruges leveres understøttes betjenes rådgives besluttes håndteres varetages by
    omfatter include includes""").split())
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
#: The most words a question with no relating word between its two names has ("leder chefen
#: for ØS Chefforum?"): a longer one is no question of two.
_BOUNDED_WORDS = 7
#: The most steps up a reporting line or a structure is followed.
_LINE_STEPS = 12


#: What a question of yes or no may say before its verb ("jeg er ny her – …", "quick
#: question: …") ...
_BEFORE = re.compile(r"^.*(?::|\s[-–—])\s+")
#: ... as its opening ("kan du fortælle mig om …", "do you know whether …") ...
_LEAD_IN = re.compile(
    r"^(?:(?:kan|vil) du (?:fortælle|sige)(?: mig)?,? om|ved du,? om|jeg vil gerne vide,? om|"
    r"do you know (?:if|whether)|can you tell me (?:if|whether)|i wonder (?:if|whether))\s+",
    re.IGNORECASE)
#: ... and after it (", eller hvordan er det?", ", right?").
_TAG = re.compile(r",\s*(?:eller|ikke|right|or|isn't|is it|correct)\b.*$", re.IGNORECASE)


def asks_yes_no(words: list[str]) -> bool:
    """Whether folded ``words`` open as a question of yes or no about two things."""
    return len(words) >= 3 and words[0] in YES_NO_OPENINGS and _NOT_BETWEEN.isdisjoint(words)


def yes_no_core(query: str) -> tuple[str, bool] | None:
    """The question of yes or no in ``query``, without what is said around it; or ``None``.

    And whether it opens with its verb: after "kan du fortælle mig om" the verb comes after
    the first node ("… om ØU refererer til KB").

    >>> yes_no_core("jeg er ny her – sidder kommunaldirektøren i direktørforum, eller hvad?")
    ('sidder kommunaldirektøren i direktørforum', True)
    >>> yes_no_core("kan du fortælle mig om ØU refererer til KB?")
    ('ØU refererer til KB', False)
    >>> yes_no_core("er OP en afdeling eller en enhed?") is None
    True
    """
    core = _TAG.sub("", query.strip().rstrip("?!. ")).strip()
    for text in dict.fromkeys((core, _BEFORE.sub("", core))):
        clause = _LEAD_IN.sub("", text)
        words = fold(clause).split()
        if clause != text and len(words) >= 3 and _NOT_BETWEEN.isdisjoint(words):
            return clause, False
        if asks_yes_no(words):
            return clause, True
    return None


def yes_or_no(store: OrgStore, query: str,
              as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The first node's hint with how it stands to the second, or ``None``.

    ``None`` unless ``query`` is a question of yes or no (:func:`yes_no_core`) that names two
    nodes on either side of the words that relate them.
    """
    core = yes_no_core(query)
    pair = _pair(store, core[0], as_of, opens_with_verb=core[1]) if core else None
    if pair is None:
        return None
    (firsts, others), fit, asked, inverse = pair
    # Of the nodes a side names nearly as well, the two the relation asked holds between
    # ("does SKI supply ØI?": the organisation, not the task of its framework agreements)
    found = [(first, other, _between(store, first, other, as_of).model_copy(
                update={"asked": asked, "asked_inverse": inverse}))
             for first in firsts for other in others if first.id != other.id]
    first, _other, between = next((one for one in found if one[2].says_yes), found[0])
    hint = hint_of(store, first.id, first.kind, as_of=as_of) if first.kind in IN_CHARGE else None
    hint = hint or NodeHint(node=node_ref(first), relations=[], as_of=as_of)
    return hint.model_copy(update={"between": between}), fit, True


#: The kinds and levels a question of which of two names ("er OP en afdeling eller en enhed?").
_KIND_WORDS = frozenset(fold("""
    afdeling afdelingen enhed enheden team teamet direktørområde stab stabsfunktion forum udvalg
    organ stilling opgave system initiativ politik strategi organisation interessent
    department unit area directorate function committee body post task initiative policy
    strategy organisation organization stakeholder staff
    er en et eller is it a an or the""").split())


def which_kind(store: OrgStore, query: str,
               as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The hint of what a question of which of two kinds names; ``None`` for other questions.

    "er OP en afdeling eller en enhed?", "is the staff function a department or a unit?": the
    hint says what it is first ("Organisation og Politik er en enhed, …"), a unit by its
    level; it met payroll, by OP's words.
    """
    words = fold(query).split()
    if len(words) < 4 or words[0] not in ("er", "is") or _OR.isdisjoint(words) or sum(
            word in _KIND_WORDS and word not in _ARTICLES for word in words) < 2:
        return None
    # the node is what stands before the first of the two kinds ("er Stabsfunktion en stab
    # eller en afdeling?" keeps the unit's name, though it is a level's too)
    tokens = _WORD.findall(query)
    first = next((at for at, word in enumerate(tokens) if fold(word) in _OR), 0) - 1
    while first > 1 and fold(tokens[first - 1]) in _ARTICLES:
        first -= 1
    rest = " ".join(tokens[1:first])
    if not rest.strip():
        return None
    return first_hint(store, rest, list(IN_CHARGE), 0.0, as_of, by_alias=True,
                      alias_margin=0.0, what_is=True)


_OR = frozenset({"eller", "or"})
_ARTICLES = frozenset(fold("er en et eller is it a an or the").split())


def _pair(store: OrgStore, query: str, as_of: date, *, opens_with_verb: bool = True
          ) -> tuple[tuple[list[NodeRef], list[NodeRef]], float, list[EdgeType], bool] | None:
    """The two nodes ``query`` names on either side of its relating words, and how well.

    And the relations its opening verb and the words between the two ask about, and whether
    it asks them from the second node (a passive: "is Politiker Web operated by OP?").

    Each run of relating words may be cut anywhere ("report to the head of Finance and
    Staff" names the post, not the unit, with "head of" kept); with no run that names two,
    any word boundary is a split ("leder chefen for ØS Chefforum?"). The best split names
    both best; of equals, the one that keeps the most words.
    """
    words = _WORD.findall(query)[1 if opens_with_verb else 0:]  # the verb names nothing
    folded = [fold(word) for word in words]
    seen: dict[str, tuple[list[NodeRef], float] | None] = {}

    def named(side: list[str], *, right: bool) -> tuple[list[NodeRef], float, int] | None:
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
    # Any word boundary only in a short question: each split is a search or two of the store
    bounds = [(at, at) for at in range(1, len(words))] if len(words) <= _BOUNDED_WORDS else []
    for candidates in (splits, bounds):
        best: tuple[tuple[list[NodeRef], list[NodeRef]], tuple[bool, bool, float, int, int],
                    list[str]] | None = None
        for cut, resume in candidates:
            one = named(words[:cut], right=False)
            two = named(words[resume:], right=True) if one else None
            if one and two and one[0][0].id != two[0][0].id:
                # "the head of Finance and Staff" is its head, not the unit: a leader's word
                # left out between the two loses to one kept, however well the unit fits
                kept = HEAD_WORDS.isdisjoint(folded[cut:resume])
                # of equals, the split that uses the most of the question's own words, and
                # leaves the fewest relating words in the sides ("by OP" names OP too)
                sides = folded[:cut] + folded[resume:resume + two[2]]
                relating = sum(word in _RELATING_WORDS and word not in HEAD_WORDS
                               for word in sides)
                # a side that names several of one kind alike names none ("enhedslederen":
                # three unit heads; round 12 took it, and the unit after "for" as the other)
                named_one = not (_alike(one[0]) or _alike(two[0]))
                rank = (kept, named_one, min(one[1], two[1]), len(sides) - relating, -relating)
                if best is None or rank > best[1]:
                    best = (one[0], two[0]), rank, folded[cut:resume]
        if best is not None:
            said = [*fold(_WORD.findall(query)[0]).split()[:int(opens_with_verb)], *best[2]]
            asked = [kind for word in said for kind in _ASKED_BY.get(word, ())]
            inverse = not _FROM_THE_OTHER.isdisjoint(said)
            return best[0], best[1][2], list(dict.fromkeys(asked)), inverse
    return None


def _alike(nodes: list[NodeRef]) -> bool:
    """Whether a side's nodes named nearly as well hold two of one kind (an ambiguous name)."""
    return len({node.kind for node in nodes}) < len(nodes)


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


def _named(store: OrgStore, text: str, as_of: date) -> tuple[list[NodeRef], float] | None:
    """The nodes ``text`` (one side of a question) names well, best first, and how well.

    Those nearly as good come after the best: "SKI" is both a task's alias and the
    organisation's, and which the question means is told by the relation it asks about.
    Words that only relate or lead ("chefen", "chefen for") name nothing: every chief fits;
    the municipality's own words ("kommunen") name it.
    """
    words = fold(text).split()
    if all(word in _RELATING_WORDS or word in LEADERSHIP_WORDS for word in words):
        return None
    if names_home_alone(text) and (home := home_organisation(store, as_of=as_of)):
        return [node_ref(store.node(home, as_of=as_of))], 1.0
    if not LEADERSHIP_WORDS.isdisjoint(words) and (post := post_or_head(store, text, as_of)):
        return [post[0].node], post[1]
    hits = store.search(text, kinds=list(Kind), limit=3, as_of=as_of)
    if not hits or hits[0].score < REPORTING_POST_MIN:
        return None
    near = [hit for hit in hits if hit.score >= max(REPORTING_POST_MIN,
                                                    hits[0].score - ROUTE_MARGIN)]
    return [NodeRef(id=hit.id, name=hit.name, name_en=hit.name_en, kind=hit.kind)
            for hit in near], hits[0].score


def _between(store: OrgStore, first: NodeRef, other: NodeRef, as_of: date) -> Between:
    """What the data says of ``first`` and ``other`` together: relations, a line, a path.

    A person stands to something by the posts they hold: "er Lars Gravgaard Hansen formand
    for Økonomiudvalget?" is answered by the mayor's relations to it.
    """
    if ties := ties_between(store, first.id, other.id, as_of):
        return Between(other=other, ties=ties)
    if first.kind is Kind.PERSON:
        for edge in store.edges_of(first.id, as_of=as_of):
            if edge.type is EdgeType.HOLDS and edge.source_id == first.id and (
                    ties := ties_between(store, edge.target_id, other.id, as_of)):
                post = node_ref(store.node(edge.target_id, as_of=as_of))
                return Between(other=other, ties=ties, as_post=post)
    line = _structure_up(store, first.id, other.id, as_of) or _line_up(
        store, first.id, other.id, as_of)
    if line:
        return Between(other=other, line=line)
    paths = store.paths(first.id, other.id, max_paths=1, as_of=as_of)
    return Between(other=other, path=paths[0][1:] if paths else [])


def ties_between(store: OrgStore, first: str, other: str, as_of: date) -> list[Tie]:
    """The relations between ``first`` and ``other``, read from ``first``; each said once.

    One relation written twice (two descriptions of it) is one tie.
    """
    return ties_in(store.edges_of(first, as_of=as_of), first, other)


def ties_in(edges: Iterable[EdgeView], first: str, other: str) -> list[Tie]:
    """The relations among ``edges`` between ``first`` and ``other``, read from ``first``."""
    return list(dict.fromkeys(
        Tie(type=edge.type, inverse=edge.source_id == other, role=edge.role,
            raci=edge.raci.value if edge.raci else None, source=edge.source,
            confidence=edge.confidence, note=edge.note)
        for edge in edges if {edge.source_id, edge.target_id} == {first, other}))


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
