"""The hints of questions of one frame each: size, what goes on, cases, support, sitting.

"hvor mange ansatte har Økonomi og Indkøb?", "hvad sker der i Chefforum?", "hvor går sagerne
hen efter Økonomiudvalget?", "hvem drifter Aula?", "which committees does the head of Finance
and Staff attend?": each names a node with the words of its frame left out, and is answered
by that node's hint alone, what was asked said first (:mod:`orgmodel.hint_model`).
:mod:`orgmodel.node_hint` reads the frame and asks these.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER
>>> from orgmodel.store.memory import MemoryStore
>>> store = MemoryStore(Dataset.build([NODE_ADAPTER.validate_python(
...     {"id": "body:kb", "kind": "Body", "name": "Kommunalbestyrelsen", "seats": 21,
...      "classification": "council", "source": "seed", "confidence": "high"})], []))
>>> sized(store, "hvor mange sidder i Kommunalbestyrelsen?", date(2024, 6, 1))[0].line_answer("da")
'Kommunalbestyrelsen: 21 medlemmer.'
"""

from __future__ import annotations

import re
from datetime import date

from orgmodel.contract import NodeRef, OrgStore
from orgmodel.hint_build import IN_CHARGE, counted_hint, hint_of, used_by_a_task
from orgmodel.hint_model import NodeHint, node_ref
from orgmodel.hint_search import (
    NODE_HINT_MIN,
    REPORTING_POST_MIN,
    STRUCTURE_KINDS,
    SUPPORTED_MIN,
    first_hint,
    home_hint,
    post_or_head,
    written_whole,
)
from orgmodel.home import HOME_WORDS, home_name_words, home_organisation
from orgmodel.kle_catalogue import ROUTE_MARGIN
from orgmodel.node_sizes import node_counts
from orgmodel.question_frames import (
    DECIDER_FRAME,
    HOME_POINTER_SPELLINGS,
    LEADERSHIP_WORDS,
    MERGER_WORDS,
    ROUTE_FRAME,
    SITTING_WORDS,
    SIZE_NOUN_COUNTS,
    SIZE_NOUNS,
    SIZE_WORDS,
    STRUCTURE_FRAME,
    without,
)
from orgmodel.schema import EdgeType, Kind
from orgmodel.semantics import USED_KINDS
from orgmodel.text import fold, spaced, tokenize

__all__ = ["ONWARD_SPELLINGS", "council_deciding", "group_counted", "happening_in",
           "merged_into", "onward", "route_of", "sits_in", "sized", "supported"]


def sits_in(store: OrgStore, query: str, as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The hint of the post ``query`` names well, what it sits in said first, alone.

    Named by its own words (the frame left out), or by the unit it heads ("the head of
    Finance and Staff"); a question naming no post ("hvem sidder i udvalgene?") is ``None``.
    """
    sitting = SITTING_WORDS[0] | SITTING_WORDS[1]
    # a leader's word may be the post's own name ("the municipal director") or the head of
    # what it names ("the head of Finance and Staff"): kept first, then left out
    for rest in (without(query, sitting), without(query, sitting | LEADERSHIP_WORDS)):
        if post := post_or_head(store, rest, as_of):
            return post[0].model_copy(update={"asked_line": "sits"}), post[1], True
    return None


def sized(store: OrgStore, query: str, as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The hint of what a question of size names, alone, marked as asked for its size.

    The size words are left out, then the nouns of what is counted: "hvor mange devices har
    medarbejderne?" names the staff's devices by "medarbejderne"; "hvor mange ansatte har
    Økonomi og Indkøb?" names the unit only without "ansatte".
    """
    rest = without(query, SIZE_WORDS)
    texts = (rest, without(rest, SIZE_NOUNS))
    found = next(filter(None, (home_hint(store, text, as_of) for text in texts)), None) or (
        _home_counts(store, rest, texts[1], as_of)) or next(
        filter(None, (_counted(store, text, as_of) for text in texts)), None)
    if found is None:
        return None
    hint, fit, _alone = found
    # The count the question's noun asks for, unless the noun is in the node's name ("devices
    # til medarbejdere" is counted in devices).
    name = set(fold(f"{hint.node.name} {hint.node.name_en or ''}").split())
    # A system or equipment counts itself: "hvor mange devices har medarbejderne?" asks for
    # the devices, and the staff are whose they are, not what is counted.
    # ... and so does a group of stakeholders ("how many staff": the staff, about 3,000)
    asked = set() if hint.node.kind in (*USED_KINDS, Kind.STAKEHOLDER) else {
        SIZE_NOUN_COUNTS[word] for word in fold(query).split()  # "headcount" is a size word
        if word in SIZE_NOUN_COUNTS and word not in name}
    if len(asked) == 1 and hint.node.kind is Kind.ORGANISATION and not (
            asked & set(hint.counts)) and (
            group := group_counted(store, next(iter(asked)), as_of)):
        return group  # "hvor mange ansatte har kommunen?": its staff, a group the data counts
    return hint.model_copy(update={"asked_size": True, "asked_count": (
        asked.pop() if len(asked) == 1 else None)}), fit, True


def group_counted(store: OrgStore, count: str,
                  as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The hint of a group of stakeholders the question's size noun names, with its count.

    "hvor mange ansatte har kommunen?" said that the model counts no staff, and "how many
    people work for the municipality?" gave its inhabitants (round 11): the municipality's
    record counts its inhabitants, and the data counts its staff as a group (Medarbejdere,
    about 3,000).
    """
    # found by any noun that asks that count ("people work for" asks it as "ansatte" does)
    for noun in sorted(word for word, key in SIZE_NOUN_COUNTS.items() if key == count):
        for hit in store.search(noun, kinds=[Kind.STAKEHOLDER], limit=1, as_of=as_of):
            if hit.score >= REPORTING_POST_MIN and (
                    group := counted_hint(store, hit.id, as_of=as_of)) is not None:
                return group.model_copy(update={"asked_size": True}), hit.score, True
    return None


def _home_counts(store: OrgStore, rest: str, unnamed: str,
                 as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The municipality's hint, when a question of size names only what it counts.

    "hvor mange indbyggere er der?" ("i Albertslund" left out: :mod:`orgmodel.home`) met
    citizen involvement by "indbyggere"; "how many nationalities?" nothing. ``rest`` is the
    question without its size words, ``unnamed`` without the nouns of what is counted too.
    """
    if tokenize(unnamed) or (home := home_organisation(store, as_of=as_of)) is None:
        return None
    counts = node_counts(store.node(home, as_of=as_of).attributes)
    if not any(SIZE_NOUN_COUNTS.get(word) in counts for word in fold(rest).split()):
        return None
    found = hint_of(store, home, Kind.ORGANISATION, as_of=as_of)
    return (found, 1.0, True) if found else None


def _counted(store: OrgStore, text: str, as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The hint of what ``text`` (a question of size without its frame) names, if anything.

    What a task uses, when it fits better and its record counts something: its hint ("hvor
    mange fagsystemer har vi?": more than 400; "how many devices do the staff have?" named
    the staff function's head by "staff", 0.68, and the staff's devices at 0.81). ``None``
    when it counts nothing: the task that uses it answers.
    """
    found = first_hint(store, text, list(IN_CHARGE), -ROUTE_MARGIN, as_of)
    for hit in store.search(text, kinds=[Kind.STAKEHOLDER], limit=1, as_of=as_of):
        # "hvor mange foreninger er der?": a group its record counts (over 300), by its name
        if (found is None or hit.score > found[1]) and hit.score >= REPORTING_POST_MIN and (
                group := counted_hint(store, hit.id, as_of=as_of)) is not None:
            return group, hit.score, True
    for hit in store.search(text, kinds=list(USED_KINDS), limit=1, as_of=as_of):
        # named by its name or an alias ("hvor mange ansatte har IT?" met the staff's devices
        # at 0.73, by "ansatte" and "IT", beside the unit)
        if (found is None or hit.score > found[1]) and hit.score >= REPORTING_POST_MIN and (
                used := hint_of(store, hit.id, hit.kind, as_of=as_of, what_is=True)) \
                is not None and used_by_a_task(used):
            return (used, hit.score, True) if used.counts else None
    return found


def happening_in(store: OrgStore, rest: str, better_than: float,
                  as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The hint of what ``rest`` names clearly better than any task, alone.

    A unit, body, forum, initiative or policy ("hvad er status på letbanen?": its hint says
    its status). The tasks are weighed by ``rest`` too: "hvad sker der med løn?" met payroll
    at 0.29 with "sker", a unit by its description at 0.75 without it.
    """
    tasks = [result.score for result in store.owners(rest, limit=1, as_of=as_of)]
    found = first_hint(store, rest, [*STRUCTURE_KINDS, Kind.INITIATIVE, Kind.POLICY],
                        max([better_than, *tasks]), as_of)
    return (found[0], found[1], True) if found else None


def council_deciding(store: OrgStore, query: str,
                     as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The council's hint, alone, for a question of who decides that names nothing decided.

    "which body has the final say in Albertslund?", "hvem bestemmer i kommunen?": the
    municipality's council (a body classified ``council``) decides every case; a question
    that names something decided ("hvem bestemmer skolestrukturen?") is not read so, nor one
    in a data with no council or several.

    Examples
    --------
    >>> from orgmodel.dataset import Dataset
    >>> from orgmodel.records import NODE_ADAPTER
    >>> from orgmodel.store.memory import MemoryStore
    >>> store = MemoryStore(Dataset.build([NODE_ADAPTER.validate_python(
    ...     {"id": "body:kb", "kind": "Body", "name": "Byrådet", "classification": "council",
    ...      "source": "seed", "confidence": "high"})], []))
    >>> council_deciding(store, "hvem bestemmer i kommunen?", date(2024, 6, 1))[0].node.name
    'Byrådet'
    >>> council_deciding(store, "hvem bestemmer skolestrukturen?", date(2024, 6, 1)) is None
    True
    """
    # the municipality's own name only says where ("… in Albertslund?", "in this
    # municipality"); "who decides this?" names something
    home = HOME_WORDS | home_name_words(store, as_of=as_of)
    words = fold(without(query, DECIDER_FRAME)).split()
    rest = [word for at, word in enumerate(words)
            if not (word in _HOME_POINTERS and words[at + 1:at + 2]
                    and words[at + 1] in home)]
    if not home.issuperset(tokenize(" ".join(rest))):
        return None
    councils = [node for node in store.list_nodes(kind=Kind.BODY, limit=_MOST_BODIES,
                                                  as_of=as_of).items
                if node.attributes.get("classification") == "council"]
    if len(councils) != 1 or (
            found := hint_of(store, councils[0].id, Kind.BODY, as_of=as_of)) is None:
        return None
    # its own record says that it decides (a list of what the data has it decide would name a
    # few cases, as if those were all)
    return found, 1.0, True


_HOME_POINTERS = frozenset(fold(" ".join(HOME_POINTER_SPELLINGS)).split())
#: The most political bodies looked through for the council (a municipality has some ten).
_MOST_BODIES = 200


def route_of(store: OrgStore, query: str, as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The hint of the body a question of cases names well, where they come from and go first.

    Alone: "how does a case get to the city council?" met the tasks of servicing the
    committees by "sager" and a system's set-up by "get".
    """
    rest = without(query, ROUTE_FRAME)
    # "hvordan kommer en sag fra BSU til kommunalbestyrelsen?": the route starts where it comes
    # from (the council, named too, is where it ends)
    start = _FROM_TO.search(rest)
    hits = [hit for text in ([start[1]] if start else []) + [rest]
            for hit in store.search(text, kinds=[Kind.BODY], limit=1, as_of=as_of)
            if hit.score >= NODE_HINT_MIN]
    if not hits:
        # ... or the body written whole among other words, when the rest names nothing better:
        # "hvilket udvalg skal se sagen lige før kommunalbestyrelsen?" met the council at
        # 0.24, above all else (the round 14 probe); a long question's "council case" did not
        asked = spaced(rest)
        hits = [hit for hit in store.search(rest, limit=1, as_of=as_of) if hit.kind is Kind.BODY
                and written_whole(store.node(hit.id, as_of=as_of), asked)]
    for hit in hits:
        if (found := hint_of(store, hit.id, Kind.BODY, as_of=as_of)) is not None:
            return found.model_copy(update={
                "asked_route": True, "route_onward": onward(store, hit.id, as_of),
                "route_onward_asked": not _ONWARD.isdisjoint(fold(query).split())}), \
                hit.score, True
    return None


#: "fra X til Y", "from X to Y", "fra X forbi Y", "en sag starter i X – …": X is where a case
#: starts.
_FROM_TO = re.compile(r"\b(?:fra|from|starter\s+i|begynder\s+i|starts?\s+(?:in|at)|"
                      r"begins?\s+(?:in|at))\s+(.+?)(?:\s+(?:til|to|forbi|via|inden|før|gennem|"
                      r"past|through|before)\b|\s+[-–—]|\s*[,;:?]|$)", re.IGNORECASE)
#: The words that ask where the cases go after the body ("hvor går sagerne hen efter ØU?"):
#: the static start page reads them too.
ONWARD_SPELLINGS: tuple[str, ...] = (
    "efter", "bagefter", "derefter", "videre", "hen", "after", "afterwards", "next", "then",
    "onwards")
_ONWARD = frozenset(fold(" ".join(ONWARD_SPELLINGS)).split())
#: The most bodies a route is followed through (a municipality's has three).
_MOST_STEPS = 6


def onward(store: OrgStore, body: str, as_of: date) -> list[NodeRef]:
    """The bodies a case goes on to after the next one, while each sends on to one body.

    "what is the case route for the environment committee?" said only "Økonomiudvalget", not
    that the council decides after it.
    """
    route: list[NodeRef] = []
    seen = {body}
    at = _sends_to(store, body, as_of)
    while at is not None and len(route) < _MOST_STEPS:
        seen.add(at.id)
        after = _sends_to(store, at.id, as_of)
        if after is None or after.id in seen:
            break
        route.append(after)
        at = after
    return route


def _sends_to(store: OrgStore, body: str, as_of: date) -> NodeRef | None:
    """The one body ``body`` sends its cases to (SUBMITS_TO), if one; else ``None``."""
    to = {e.target_id for e in store.edges_of(body, as_of=as_of)
          if e.type is EdgeType.SUBMITS_TO and e.source_id == body}
    return node_ref(store.node(to.pop(), as_of=as_of)) if len(to) == 1 else None


#: The rest of a question of a merger, left out with its words when the unit is looked for.
_MERGED_FRAME = MERGER_WORDS | STRUCTURE_FRAME | frozenset(
    fold("slået slaaet slog lagt lagde sammen blev til into were was from af").split())


def merged_into(store: OrgStore, query: str,
                as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The change a unit the question names well resulted from (RESULTED_FROM), as its hint.

    "hvilke enheder blev slået sammen til Organisation og Politik?" met the staff matters;
    the merger that made it says what the data knows of the units before it. ``None`` when
    the unit named resulted from no change the data holds.
    """
    for hit in store.search(without(query, _MERGED_FRAME), kinds=[Kind.UNIT, Kind.BODY,
                                                                  Kind.FORUM],
                            limit=1, as_of=as_of):
        if hit.score < REPORTING_POST_MIN:
            return None
        made = sorted(e.target_id for e in store.edges_of(hit.id, as_of=as_of)
                      if e.type is EdgeType.RESULTED_FROM and e.source_id == hit.id)
        for change in made:
            node = store.node(change, as_of=as_of)
            if (found := hint_of(store, node.id, node.kind, as_of=as_of)) is not None:
                return found, hit.score, True
    return None


def supported(store: OrgStore, query: str, as_of: date) -> tuple[NodeHint, float, bool] | None:
    """Who supports or runs the system or equipment ``query`` names well, as its hint alone.

    ``query`` is the question without its verb ("hvem drifter Aula?"): the tasks of support
    the verb met are stray. A system a task uses is answered so only where the data says who
    runs it, that said first ("hvem drifter Politiker Web?" answered the task that uses it;
    "politikerweb hvem drifter" met IT support by "drifter"); else the task answers. A name
    met by a part ("IT" half names "IT-udstyr") is none: ``None``, and the question is read as
    any other.
    """
    for hit in store.search(query, kinds=list(USED_KINDS), limit=1, as_of=as_of):
        if hit.score >= SUPPORTED_MIN and (
                found := hint_of(store, hit.id, hit.kind, as_of=as_of)) is not None:
            return found, hit.score, True
        if hit.score >= REPORTING_POST_MIN and (used := hint_of(
                store, hit.id, hit.kind, as_of=as_of, what_is=True)) is not None and \
                used.operated_by(EdgeType.OPERATES, EdgeType.SUPPORTS):
            return used.model_copy(update={"asked_operator": True}), hit.score, True
    return None
