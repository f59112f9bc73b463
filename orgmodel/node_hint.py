"""Who is in charge of what a question names when it is not a task: a hint beside ``owners``.

``owners`` answers tasks. People also ask about a system ("hvem har ansvaret for Aula?"), an
initiative ("letbanen"), a policy, a unit, a forum, a political body ("hvem leder Økonomi og
Stab?"), an organisation ("hvem er KMD?": what it supplies) or a post ("hvem er borgmester?":
its holder on the date asked about; "hvem refererer økonomichefen til?": its line). When such a
node fits the question clearly better than any task, the CLI, the API and the start page name
it and the relations that say who is in charge of it or takes part (each with its source and
confidence), as they name the KLE topic of a question outside the model. Built on the
contract's ``search`` and ``neighbourhood``, so both stores give the same hint.

Examples
--------
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> store = MemoryStore(Dataset.build(
...     [node(id="system:aula", kind="System", name="Aula"),
...      node(id="unit:it", kind="Unit", name="IT og Digitalisering", level="afdeling")],
...     [EdgeRecord.model_validate({"type": "SUPPORTS", "from": "unit:it", "to": "system:aula",
...                                 "source": "assumption", "confidence": "low"})]))
>>> found = node_hint(store, "hvem har ansvaret for Aula?", as_of=date(2024, 6, 1))
>>> found.node.name, [(r.type.value, r.node.name, r.confidence.value) for r in found.relations]
('Aula', [('SUPPORTS', 'IT og Digitalisering', 'low')])
>>> found.text_da.split(". ")[1]
'Understøttes af: IT og Digitalisering (sikkerhed: lav, kilde: assumption).'
>>> node_hint(store, "budget", as_of=date(2024, 6, 1)) is None
True
>>> node_hint(store, "system:aula", as_of=date(2024, 6, 1)).node.name  # an id names its node
'Aula'
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from orgmodel.asker import asks_about_self, names_no_one
from orgmodel.collaboration import (
    COLLABORATION_KINDS,
    collaboration_hint,
    on_topic,
    outside_only,
)
from orgmodel.contract import NodeView, OrgStore, OwnersResult, SearchResult
from orgmodel.exceptions import NotFoundError
from orgmodel.framed_hints import (
    council_deciding,
    happening_in,
    merged_into,
    route_of,
    sits_in,
    sized,
    supported,
)
from orgmodel.hint_build import IN_CHARGE, OUT_OF, hint_of
from orgmodel.hint_model import NodeHint, Relation, node_ref
from orgmodel.hint_search import (
    LED_KINDS,
    NODE_HINT_MIN,
    POSTS_NEAR_TIE,
    REPORTING_POST_MIN,
    STRAY_GAP,
    STRUCTURE_KINDS,
    first_hint,
    head_of_named,
    home_hint,
    post_or_head,
)
from orgmodel.kind_list import (
    LIST_ASKING_WORDS,
    LIST_FRAME_WORDS,
    kind_named,
    list_of,
    listed,
)
from orgmodel.kle_catalogue import ROUTE_MARGIN
from orgmodel.place import place_of
from orgmodel.question_frames import (
    ADMINISTRATION_WORDS,
    APPROVING_WORDS,
    CASE_WORDS,
    COLLABORATION_FRAME,
    DECIDING_WORDS,
    ESCALATION_FRAME,
    EXTERNAL_WORDS,
    HAPPENING_WORDS,
    LEADERSHIP_WORDS,
    MEETING_WORDS,
    NEAREST_WORDS,
    REPORTING_FRAME,
    ROLE_WORDS,
    SIZE_WORDS,
    STAKEHOLDER_FRAME,
    STAKEHOLDER_WORDS,
    STRUCTURE_FRAME,
    STRUCTURE_WORDS,
    SUPPLY_WORDS,
    SUPPORTING_WORDS,
    USING_VERBS,
    as_reporting,
    asks_collaboration,
    asks_escalation,
    asks_head,
    asks_meeting,
    asks_merger,
    asks_place,
    asks_reporting,
    asks_sitting,
    asks_size,
    asks_structure,
    asks_superior,
    asks_what_it_is,
    reporting_direction,
    reworded,
    split_topic,
    without,
)
from orgmodel.raci_asked import with_role_asked
from orgmodel.schema import EdgeType, Kind, Raci
from orgmodel.stakeholder_hint import with_stakeholders
from orgmodel.succession import successor_of
from orgmodel.task_in_place import task_in_place
from orgmodel.task_list import asks_tasks, tasks_of
from orgmodel.text import (
    STOPWORDS,
    analyse,
    fold,
    longest_written,
    spaced,
    stem,
    tokenize,
    without_lone_tokens,
    without_pronoun_it,
)
from orgmodel.two_tasks import both_asked
from orgmodel.when_asked import when_of
from orgmodel.yes_no import which_kind, yes_or_no

__all__ = [
    "IN_CHARGE",
    "ITSELF_SPELLINGS",
    "LED_KINDS",
    "NAME_WORDS",
    "NODE_HINT_MIN",
    "OUT_OF",
    "POSTS_NEAR_TIE",
    "REPORTING_POST_MIN",
    "STRAY_GAP",
    "STRUCTURE_KINDS",
    "WHAT_SPELLINGS",
    "NodeHint",
    "Relation",
    "answers_and_hint",
    "decider_hint",
    "hint_of",
    "node_hint",
    "only_weak",
]

#: The most words a question that is only a name has ("ØU", "Direktørforum").
NAME_WORDS = 3
#: The words that open a question of what, not who ("hvad beslutter ØU?") ...
WHAT_SPELLINGS = frozenset({"hvad", "hvilke", "hvilken", "hvilket", "what", "which"})
_WHAT = frozenset(fold(" ".join(WHAT_SPELLINGS)).split())
#: ... and the words that say it decides by itself ("hvad beslutter ØU selv?"): no name.
ITSELF_SPELLINGS = frozenset({"selv", "itself", "themselves", "alene", "alone"})
_ITSELF = frozenset(fold(" ".join(ITSELF_SPELLINGS)).split())


def node_hint(store: OrgStore, query: str, *, as_of: date,
              better_than: float = 0.0) -> NodeHint | None:
    """What ``query`` names that is not a task, if anything; ``None`` otherwise.

    A node of a kind in :data:`IN_CHARGE` must fit the question at least ``NODE_HINT_MIN`` and
    by ``ROUTE_MARGIN`` better than ``better_than`` (the best task's score), unless the
    question asks who leads, sits in, takes part in or holds something: then a unit, forum,
    body, initiative or post is looked for without those words, and without those that ask
    who decides (:mod:`orgmodel.question_frames`).
    A node's id names that node. A system or asset a task uses gives no hint: the question
    leads to that task (``owners``, note ``via_used``).
    """
    found = _named(store, query, as_of=as_of, better_than=better_than)
    return found[0] if found else None


def _named(store: OrgStore, query: str, *, as_of: date,
           better_than: float) -> tuple[NodeHint, float, bool] | None:
    """:func:`node_hint`, how well its node fits, and whether it answers alone.

    A question of another day that names nothing of that day, but a node of today's that did
    not hold then ("hvem ledede Organisation og Politik i 2022?", before the merger), is told
    when that node holds, alone: the tasks of that day met the rest of its words.
    """
    found = _named_on(store, query, as_of=as_of, better_than=better_than)
    today = date.today()
    # Today's search is a second one: skipped on today, and when nothing can fit clearly
    # better than what that day named (fits are at most 1).
    if as_of == today or (found is not None and found[1] + ROUTE_MARGIN > 1.0):
        return found
    now = _named_on(store, query, as_of=today, better_than=better_than)
    # Today's node is meant when the question names it clearly better than anything of that
    # day ("Organisation og Politik" in 2022 met a former unit by its description alone).
    if now is None or (found is not None and now[1] < found[1] + ROUTE_MARGIN):
        return found
    node = store.node(now[0].node.id, as_of=today)
    if (node.valid_from is None or node.valid_from <= as_of) and (
            node.valid_to is None or as_of <= node.valid_to):
        return found  # it held then: what it named on that day is the answer, or none
    # ... and, after it ended, the node it was handed over to ("Økonomidirektør")
    after = successor_of(store, node) if node.valid_to and as_of > node.valid_to else None
    return NodeHint(node=node_ref(node), relations=[], as_of=as_of, holds_from=node.valid_from,
                    holds_to=node.valid_to, not_on_date=True,
                    succeeded_by=node_ref(after) if after else None), now[1], True


def _named_on(store: OrgStore, query: str, *, as_of: date,
              better_than: float) -> tuple[NodeHint, float, bool] | None:
    """:func:`_named` on the day ``as_of``.

    The fit is 1.0 for an id; whom a post reports to is answered by the post alone (no task
    is that answer), and so is what lies under or in a unit, body, organisation or forum.
    """
    if ":" in query and " " not in query.strip():  # an id ("system:aula") names its node
        try:
            node = store.node(query.strip(), as_of=as_of)
        except NotFoundError:
            return None
        found = hint_of(store, node.id, node.kind, as_of=as_of) if node.kind in IN_CHARGE else None
        return (found, 1.0, False) if found else None
    # "who fixes it" names no IT; "… - hvem er hendes leder?" asks whom the post reports to
    query = as_reporting(reworded(without_pronoun_it(query)))
    if not without_lone_tokens(query).strip():  # "1" alone names nothing ("område 1" does)
        return None
    words = fold(query).split()
    # "which fora does the municipal director sit in": the post's, not every forum (the
    # post's title and "sit" are words of a list's frame too)
    if asks_sitting(words) and (sits := sits_in(store, query, as_of)):
        return sits
    if (kinds := listed(store, query, as_of=as_of)) is not None:  # "hvilke udvalg er der?"
        return kinds, 1.0, True
    if not STAKEHOLDER_WORDS.isdisjoint(words) and (
            post := post_or_head(store, without(query, STAKEHOLDER_FRAME), as_of)):
        # "hvem er de vigtigste interessenter for chefen for Økonomi og Stab?": the map's,
        # then whom it works with (on what), where it has anyone
        base = collaboration_hint(store, post[0].node.id, Kind.POST, as_of=as_of) or post[0]
        return with_stakeholders(store, base, as_of=as_of), post[1], True
    if when := when_of(store, query, as_of):
        return when  # "hvornår blev Organisation og Politik oprettet?": its dates
    if asks_merger(words) and (merged := merged_into(store, query, as_of)):
        return merged  # "hvilke enheder blev slået sammen til Organisation og Politik?"
    if asks_collaboration(words) and (together := _collaborations(store, query, as_of)):
        return together
    if asks_escalation(words) and (head := _escalated_from(store, query, as_of)):
        # "hvem eskalerer jeg til, hvis IT ikke svarer?": its head, and whom that reports to
        return head[0].model_copy(update={"asked_line": "up"}), head[1], True
    if asks_reporting(words):  # the post's own words stay: "head of …" names it
        rest = without(query, REPORTING_FRAME)
        # whom it reports to, or who reports to it: said first (orgmodel.hint_model)
        line = {"asked_line": reporting_direction(words)}
        # the post by its own words (a unit's abbreviation written as its name: "teamlederen
        # i OP"), or by what it heads ("who does the head of Finance and Staff report to?")
        if post := post_or_head(store, rest, as_of):
            return post[0].model_copy(update=line), post[1], True
    if not CASE_WORDS.isdisjoint(words) and (route := route_of(store, query, as_of)):
        return route  # "hvor går sagerne hen efter Økonomiudvalget?"
    if asks_place(words) and (placed := place_of(
            store, query, least=max(REPORTING_POST_MIN, better_than + ROUTE_MARGIN),
            as_of=as_of)):
        return placed[0], placed[1], True  # "hvilket direktørområde hører X under?"
    if asks_tasks(words) and (tasks := tasks_of(store, query, as_of=as_of)):
        return tasks  # "hvad er Økonomi og Stabs opgaver?": those of its units too
    # "hvor mange stående udvalg har kommunalbestyrelsen?": how many of a kind lie under
    # what it names; a task that met the kind's word ("… de stående udvalg") is stray
    # ... or which of them ("which standing committees does the council have?")
    counted = (asks_size(words) or not LIST_ASKING_WORDS.isdisjoint(words)) and (
        kind_named(query) is not None)
    if asks_structure(words) and (parts := _parts_of(
            store, query, better_than=0.0 if counted else better_than, as_of=as_of,
            counted=counted)):
        key = kind_named(query) if parts[0].listing is None else None
        if key and parts[0].node.kind is Kind.ORGANISATION and (
                every := list_of(store, key, as_of=as_of)) is not None:
            # "how many departments does Albertslund have?": all of them, at any depth (those
            # right under it were four, the director areas among them), as "hvilke … er der?"
            return every, parts[1], True
        if key and (asks_size(words) or not LIST_ASKING_WORDS.isdisjoint(words)):
            # "hvor mange enheder har Økonomi og Stab?": how many, said first (its staff was);
            # "hvilke udvalg hører under KB?": which (the last of some 15 facts)
            return parts[0].model_copy(update={"asked_parts": key}), parts[1], parts[2]
        return parts
    if asks_size(words) and (size := sized(store, query, as_of)):
        return size
    if asks_meeting(words) and (met := first_hint(
            store, without(query, MEETING_WORDS[0] | MEETING_WORDS[1]),
            [Kind.FORUM, Kind.BODY], -ROUTE_MARGIN, as_of)):
        # its hint says how often it meets, or that the data does not say
        return met[0].model_copy(update={"asked_meeting": True}), met[1], True
    if not HAPPENING_WORDS.isdisjoint(words) and (on := happening_in(
            store, without(query, HAPPENING_WORDS), better_than, as_of)):
        return on  # "hvad sker der i Ledelsesteamet i Økonomi og Stab?"
    if not SUPPLY_WORDS.isdisjoint(words) and (org := first_hint(
            store, without(query, SUPPLY_WORDS), [Kind.ORGANISATION], -ROUTE_MARGIN, as_of)) \
            and org[1] >= REPORTING_POST_MIN:
        return org[0], org[1], True  # "hvad leverer KMD til os?": what it supplies
    if not SUPPLY_WORDS.isdisjoint(words) and (used := first_hint(
            store, without(query, SUPPLY_WORDS), [Kind.SYSTEM, Kind.ASSET], -ROUTE_MARGIN,
            as_of, what_is=True)) and used[1] >= REPORTING_POST_MIN:
        # "hvem leverer OPUS?" answered payroll, which uses it: who supplies it, first
        return used[0].model_copy(update={"asked_supplier": True}), used[1], True
    if not SUPPORTING_WORDS.isdisjoint(words) and (
            run := supported(store, without(query, SUPPORTING_WORDS), as_of)):
        return run
    if any(word in DECIDING_WORDS for word in words) and words[0] in _WHAT and (
            decides := first_hint(store, without(query, DECIDING_WORDS | _ITSELF),
                                   [Kind.BODY, Kind.FORUM], -ROUTE_MARGIN, as_of)):
        # "hvad beslutter Økonomiudvalget?": what it decides, said first (a "who" asks who
        # decides something, below)
        return decides[0].model_copy(update={"asked_decides": True}), decides[1], True
    if any(word in DECIDING_WORDS for word in words) and (
            council := council_deciding(store, query, as_of)):
        return council  # "which body has the final say?": the council decides every case
    if any(word in DECIDING_WORDS for word in words):
        words = [word for word in words if word not in DECIDING_WORDS]
        query = without(query, DECIDING_WORDS)
        # The tasks are weighed by the rest too: "hvem bestemmer skolestruktur?" met the task
        # Skolestruktur at 0.32 ("bestemmer" is no word of it), and an initiative named
        # "Ny skolestruktur 2027" was the answer alone; the rest names the task whole.
        better_than = max([better_than, *(r.score for r in store.owners(query, limit=1,
                                                                         as_of=as_of))])
    if any(word in LEADERSHIP_WORDS for word in words):
        lead = _led_or_leader(store, query, words, as_of)
        if lead and lead[0].node.kind is Kind.POST and asks_superior(words):
            # "hvem er teamlederens chef?": whom that post reports to, said first
            return lead[0].model_copy(update={"asked_line": "up"}), lead[1], lead[2]
        return lead
    what_is = asks_what_it_is(words)
    if what_is:  # "hvad er chefforums rolle?", "who uses RolleBi": what it is
        query = without(query, ROLE_WORDS | USING_VERBS)
        words = fold(query).split()
    # "ØU" alone asks what it is, as "hvad er ØU?" does, but gives way to any better task
    bare = _only_a_name(words) and not what_is
    return first_hint(store, query, list(IN_CHARGE), better_than, as_of,
                       by_alias=bare or what_is, alias_margin=0.0 if bare else ROUTE_MARGIN,
                       what_is=what_is)


def _escalated_from(store: OrgStore, query: str,
                    as_of: date) -> tuple[NodeHint, float] | None:
    """The post a question of escalation names, and how well.

    The head of the unit it names ("hvis IT ikke svarer"), else a post by its own words ("hvis
    enhedslederen for OP ikke svarer").
    """
    rest = without(query, ESCALATION_FRAME)
    if head := head_of_named(store, rest, as_of):
        return head[0], head[1]
    return post_or_head(store, rest, as_of)


def _led_or_leader(store: OrgStore, query: str, words: list[str],
                   as_of: date) -> tuple[NodeHint, float, bool] | None:
    """What a question of who leads names: a post by its title, or what is led, or a post.

    (The leader's words are left out when what is led is looked for.)
    """
    if titled := _post_by_its_title(store, query, as_of):
        return titled
    # "hvem deltager i ØU møderne?": who takes part in its meetings takes part in it
    unled = without(query, LEADERSHIP_WORDS | MEETING_WORDS[0] | NEAREST_WORDS
                    | ADMINISTRATION_WORDS)
    led = home_hint(store, unled, as_of) or first_hint(store, unled, list(LED_KINDS),
                                                          -ROUTE_MARGIN, as_of)
    if led and asks_head(words) and led[0].node.kind is not Kind.POST:
        # "hvem er formand for Børne- og Skoleudvalget?": who heads it, first, or no one
        led = led[0].model_copy(update={"asked_head": True}), led[1], led[2]
    # ... unless the leader's word is the post's own name ("who is the municipal director?":
    # "municipal" alone names nothing), and one post has it ("hvem er direktør?" names two
    # directors alike: which one is not guessed)
    return led or _one_post(store, query, as_of)


def _only_a_name(words: list[str]) -> bool:
    """Whether folded ``words`` are a name and nothing else: a word or three, no stopword.

    "ØU" alone asks what it is, as "hvad er ØU?" does: it met the task of servicing the
    committee first (0.75 against the committee's alias at 0.815).
    """
    return 0 < len(words) <= NAME_WORDS and not any(word in STOPWORDS for word in words)


#: The words of "hvor mange stående udvalg …", left out with the kind's plural when what it
#: lies under is looked for.
_COUNTING = SIZE_WORDS | LIST_FRAME_WORDS


def _parts_of(store: OrgStore, query: str, *, better_than: float, as_of: date,
              counted: bool = False) -> tuple[NodeHint, float, bool] | None:
    """The hint of the unit, body, organisation or forum whose parts or members ``query`` asks.

    Named by its own words (:data:`REPORTING_POST_MIN`) and better than any task by the margin
    ("teams … that do payroll" asks for a task). A post named clearly better answers by its
    own hint, what it heads and who reports to it ("hvad hører under borgmesteren?" is not
    about the forum named for meetings with the mayor).
    """
    rest = without(query, STRUCTURE_FRAME | (_COUNTING if counted else frozenset()))
    if home := home_hint(store, rest, as_of):
        return home
    bar = max(REPORTING_POST_MIN, better_than + ROUTE_MARGIN)
    posts = [hit for hit in store.search(rest, kinds=[Kind.POST], limit=1, as_of=as_of)
             if hit.score >= bar]
    for hit in store.search(rest, kinds=list(STRUCTURE_KINDS), limit=1, as_of=as_of):
        if any(post.score > hit.score + POSTS_NEAR_TIE for post in posts):
            break
        if hit.score < bar or _names_a_task_beside(store, rest, hit.id, as_of):
            return None
        found = hint_of(store, hit.id, hit.kind, as_of=as_of)
        if found is not None and found.relations:  # its parts, members or tasks
            return found, hit.score, True
        return None
    for post in posts:
        found = hint_of(store, post.id, Kind.POST, as_of=as_of)
        if found is not None and found.says_who:
            return found, post.score, True
    return None


def _names_a_task_beside(store: OrgStore, query: str, node_id: str, as_of: date) -> bool:
    """Whether the words of ``query`` that are not the node's names name a task by themselves.

    "which teams in Organisation og Politik handle payroll?" asks for payroll's owners: the
    whole question meets the task at 0.42, the unit at 0.65; "payroll" alone meets it at 0.81.
    """
    node = store.node(node_id, as_of=as_of)
    own = {word for name in (node.name, node.name_en or "", *node.aliases)
           for word in analyse(name)}
    rest = [word for word in tokenize(query) if stem(word) not in own]
    found = store.owners(" ".join(rest), limit=1, as_of=as_of) if rest else []
    return bool(found) and found[0].score >= REPORTING_POST_MIN


def _collaborations(store: OrgStore, query: str,
                    as_of: date) -> tuple[NodeHint, float, bool] | None:
    """Whom the node the question names works with, when it names one by its own words.

    "hvem samarbejder Økonomi og Stab med?" (:mod:`orgmodel.collaboration`).
    """
    # "which units does IT and Digitalisation work with?": "units" asks what kind of partner,
    # and met the unit's head ("enhedsleder") before the unit; a name may hold the word.
    rest = without(query, COLLABORATION_FRAME)
    # "… med om budgetter?": what it is about is no part of the name, and keeps the partners
    # that work with it on that (all of them when none is said to).
    named, topic = split_topic(rest)
    texts = (without(named, STRUCTURE_WORDS), named, without(rest, STRUCTURE_WORDS), rest)
    for text in dict.fromkeys(texts):
        for hit in store.search(text, kinds=list(COLLABORATION_KINDS), limit=1, as_of=as_of):
            if hit.score >= REPORTING_POST_MIN and (found := collaboration_hint(
                    store, hit.id, hit.kind, as_of=as_of)) is not None:
                found = on_topic(found, topic if text != rest else "")
                # "hvilke eksterne samarbejdspartnere …": those outside alone
                outside = not EXTERNAL_WORDS.isdisjoint(fold(query).split())
                return (outside_only(found) if outside else found), hit.score, True
    return None


def _post_by_its_title(store: OrgStore, query: str,
                       as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The post whose own title the question writes whole, leader's word and more.

    "hvem er IT-chef?" and "who is the head of IT?" write an alias of the head of IT and
    Digitalisation: without the leader's word, "IT" named the unit, beside stray tasks. A
    title of the leader's word alone ("direktør", two directors' alias) names no one here,
    nor do two posts whose titles the question writes equally long: of "Head of Finance and
    Staff" and another post's "head of finance", the longer title is the one asked about.
    """
    asked = " ".join(stem(word) for word in fold(query).split())
    leaders = {stem(word) for word in LEADERSHIP_WORDS}
    titled: list[tuple[int, SearchResult]] = []
    for hit in store.search(query, kinds=[Kind.POST], limit=3, as_of=as_of):
        node = store.node(hit.id, as_of=as_of)
        # written whole, give or take an ending ("IT-chefen"), and more than a leader's word
        written = [len(words) for name in (node.name, node.name_en, *node.aliases)
                   if (words := [stem(word) for word in fold(name or "").split()])
                   and f" {' '.join(words)} " in f" {asked} " and leaders & set(words)
                   and set(words) - leaders]
        if written:
            titled.append((max(written), hit))
    titled.sort(key=lambda pair: -pair[0])
    if not titled or (len(titled) > 1 and titled[1][0] == titled[0][0]):
        return None
    hit = titled[0][1]
    found = hint_of(store, hit.id, Kind.POST, as_of=as_of)
    return (found, hit.score, True) if found else None


def _one_post(store: OrgStore, query: str, as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The hint of the post the whole question names, when no other post fits it as well.

    Of equal or nearly equal scores, the one whose name the question writes whole and longest
    is named ("the municipal director" among the directors); otherwise none is ("hvem er
    direktør?" names both area directors by their alias alike).
    """
    hits = store.search(query, kinds=[Kind.POST], limit=2, as_of=as_of)
    if not hits or hits[0].score < NODE_HINT_MIN:
        return None
    # The leader's word must be the post's own, not met by a synonym: "hvem er chef?" named
    # "Leder af Regnskab og Budget" ("chef" is "leder") where no other post was near.
    if _written(store.node(hits[0].id, as_of=as_of), spaced(query)) == 0:
        return None
    if len(hits) > 1 and hits[1].score >= hits[0].score - POSTS_NEAR_TIE:
        asked = spaced(query)
        first, second = (_written(store.node(hit.id, as_of=as_of), asked) for hit in hits)
        if first <= second:  # the search put the longer first
            return None
    found = hint_of(store, hits[0].id, Kind.POST, as_of=as_of)
    return (found, hits[0].score, False) if found else None


def _written(node: NodeView, asked: str) -> int:
    """How long a name of ``node`` the question (:func:`~orgmodel.text.spaced`) writes whole."""
    return longest_written((fold(name) for name in (node.name, node.name_en, *node.aliases)
                            if name), asked)


def answers_and_hint(store: OrgStore, query: str, results: list[OwnersResult], *,
                     as_of: date) -> tuple[list[OwnersResult], NodeHint | None]:
    """:func:`_answers_and_hint`, the first task noted where it lacks a role of RACI asked for.

    (:mod:`orgmodel.raci_asked`: "who is consulted on the budget?" said the accountable alone.)
    """
    answered, hint = _answers_and_hint(store, query, results, as_of=as_of)
    return with_role_asked(query, answered), hint


def _answers_and_hint(store: OrgStore, query: str, results: list[OwnersResult], *,
                      as_of: date) -> tuple[list[OwnersResult], NodeHint | None]:
    """``owners``' answer ``results`` to ``query`` as it is given, and the hint beside it.

    The hint is given when the question names a node that is not a task clearly better than
    it names any task, or asks who leads or sits in one (:func:`node_hint`). When the node
    fits clearly better than every task, those are only weak matches, and the hint says who is
    in charge of the node, the tasks are left out: they met a stray word ("hvem er
    kommunaldirektør?" is about the post, not the staff matters "direktør" half meets).
    A question about the asker ("hvem er min chef?") or a leader of nothing named ("hvem er
    chef?") has neither: what it met was stray (:mod:`orgmodel.asker`).

    Examples
    --------
    >>> from orgmodel.dataset import Dataset
    >>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
    >>> from orgmodel.store.memory import MemoryStore
    >>> def node(**kw):
    ...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
    >>> store = MemoryStore(Dataset.build(
    ...     [node(id="post:direktor", kind="Post", name="Kommunaldirektør"),
    ...      node(id="body:kb", kind="Body", name="Kommunalbestyrelsen",
    ...           classification="council"),
    ...      node(id="task:stotte", kind="Task", kle="00.22.00",
    ...           name="Understøttelse af direktion og kommunalbestyrelse")],
    ...     [EdgeRecord.model_validate({"type": "REPORTS_TO", "from": "post:direktor",
    ...                                 "to": "body:kb", "source": "law", "confidence": "high"}),
    ...      EdgeRecord.model_validate({"type": "RESPONSIBLE_FOR", "from": "body:kb",
    ...                                 "to": "task:stotte", "raci": "A", "source": "seed",
    ...                                 "confidence": "high"})]))
    >>> when, question = date(2024, 6, 1), "hvem er kommunaldirektør?"
    >>> found = store.owners(question, limit=3, as_of=when)
    >>> [(r.task.name, [note.code for note in r.notes]) for r in found]
    [('Understøttelse af direktion og kommunalbestyrelse', ['weak_match', 'no_head'])]
    >>> results, hint = answers_and_hint(store, question, found, as_of=when)
    >>> results, hint.node.name
    ([], 'Kommunaldirektør')
    """
    if asks_about_self(query):  # "hvem er min chef?": what it met was stray (orgmodel.asker)
        return [], None
    if pair := yes_or_no(store, query, as_of) or which_kind(store, query, as_of):
        # "er OP ansvarlig for løn?": yes, before the task in its place; "bruger bogholderiet
        # RolleBi?": the task asked of with its owners, after the yes
        task = pair[0].node
        return (store.owners(task.id, limit=1, as_of=as_of)
                if task.kind is Kind.TASK else []), pair[0]
    # "budget and procurement": each side's task first, where both name one well (not a task
    # in the unit "Finance and Procurement")
    both = both_asked(store, query, results, as_of=as_of)
    # ... not a list of a kind ("which systems does IT and Digitalisation support?" asks for
    # its systems, not the task of IT support held there)
    asks_list = kind_named(query) is not None and not LIST_ASKING_WORDS.isdisjoint(
        fold(query).split())
    if both is results and not asks_list and (
            placed := task_in_place(store, query, as_of)) is not None:
        return placed, None  # "økonomistyring ØS": the task, in the unit that holds it
    results = both
    # A task the question meets well by its own words comes before one met only through the
    # KLE topic nearest the question ("hvem har ansvaret for snerydning?" answered the aids of
    # a KLE topic whose keywords hold "snerydning", 0.73, before winter service, 0.72, whose
    # own description says it); one met clearly less well, or weakly, keeps its place
    nearest = max((r.score for r in results if _only_kle_nearest(r)), default=1.0)
    results = sorted(results, key=lambda r: _only_kle_nearest(r) or _weak(r)
                     or r.score < nearest - ROUTE_MARGIN)
    # ("the last word on the annual accounts" asks who decides them too)
    asked_words = fold(reworded(query)).split()
    if not DECIDING_WORDS.isdisjoint(asked_words):
        results = _decided_first(store, results, as_of)
    if not (DECIDING_WORDS | APPROVING_WORDS).isdisjoint(asked_words) and results and (
            decider := decider_hint(store, results[0], as_of)) is not None:
        # "hvem godkender it-projekter?": the Digitalisation Council, which decides the task,
        # said first (it was in the answer's "Besluttes af" line, under IT's "A")
        return results, decider
    best = max((result.score for result in results), default=0.0)
    # Tasks met only through the KLE topic nearest the question name nothing of it: a node
    # its words name is named beside them ("who handles udligning?" answered bookkeeping,
    # beside a policy whose alias "udligning" is, and whose record says no one owns it).
    # Asked what something is, tasks met only through a system they use name that system:
    # "hvad er RolleBi?" answered bookkeeping, whose score was the system's, and no hint.
    what_is = asks_what_it_is(fold(query).split())
    named_best = max((r.score for r in results if not _only_kle_nearest(r)
                      and not (what_is and _only_via_used(r))), default=0.0)
    found = _named(store, query, as_of=as_of, better_than=named_best)
    if found is None:  # "hvem er chef?" names no one: what it met was stray too
        return ([], None) if names_no_one(query) else (results, None)
    named, fit, alone = found
    if alone:
        return [], named
    # A leader's question names its node whatever the tasks score; the tasks give way only
    # to a node that fits clearly better than each of them, and says who is in charge of it
    # (or is a person: one who holds no post on the date is still the one asked about).
    says = named.says_who or named.node.kind is Kind.PERSON
    # Tasks far below the node are stray too, weak or not: "hvem er borgmester?" met two tasks
    # at 0.45 whose texts mention the mayor, beside the mayor named whole.
    if says and (fit >= best + STRAY_GAP or (fit >= best + ROUTE_MARGIN
                                              and all(map(_weak, results)))):
        return [], named
    return results, named


def decider_hint(store: OrgStore, result: OwnersResult, as_of: date) -> NodeHint | None:
    """The hint of the one body or forum that decides ``result``'s task, what it decides first.

    ``None`` when the data names no decider, several, or the one accountable for the task
    (whose "A" says it already).

    >>> from orgmodel.dataset import Dataset
    >>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
    >>> from orgmodel.store.memory import MemoryStore
    >>> def node(**kw):
    ...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
    >>> def edge(kind, a, b, **kw):
    ...     return EdgeRecord.model_validate({"type": kind, "from": a, "to": b, "source": "seed",
    ...                                       "confidence": "high", **kw})
    >>> store = MemoryStore(Dataset.build(
    ...     [node(id="task:it", kind="Task", name="IT-projekter"),
    ...      node(id="unit:it", kind="Unit", name="IT", level="enhed"),
    ...      node(id="forum:rad", kind="Forum", name="Digitaliseringsrådet")],
    ...     [edge("RESPONSIBLE_FOR", "unit:it", "task:it", raci="A"),
    ...      edge("DECIDES", "forum:rad", "task:it")]))
    >>> when = date(2024, 6, 1)
    >>> [found] = store.owners("hvem godkender IT-projekter?", as_of=when)
    >>> decider_hint(store, found, when).text("da").split(" (")[0]
    'Digitaliseringsrådet beslutter: IT-projekter'
    """
    task = result.task.id
    deciders = sorted({edge.source_id for edge in store.edges_of(task, as_of=as_of)
                       if edge.type is EdgeType.DECIDES and edge.target_id == task})
    accountable = {owner.id for owner in result.owners if owner.raci is Raci.A}
    if len(deciders) != 1 or deciders[0] in accountable:
        return None
    decider = store.node(deciders[0], as_of=as_of)
    found = hint_of(store, decider.id, decider.kind, as_of=as_of)
    return found.model_copy(update={"asked_decides": True}) if found else None


def _decided_first(store: OrgStore, results: list[OwnersResult],
                   as_of: date) -> list[OwnersResult]:
    """``results``, those the data says who decides (``DECIDES``) first, each group in order.

    Asked who decides, "who decides on new IT systems?" put access to the specialist systems
    (0.45) before the new digital solutions the Digitalisation Council decides (0.40).
    """
    def decided(result: OwnersResult) -> bool:
        return any(edge.type is EdgeType.DECIDES and edge.target_id == result.task.id
                   for edge in store.edges_of(result.task.id, as_of=as_of))

    return sorted(results, key=lambda result: not decided(result))


def _only_kle_nearest(result: OwnersResult) -> bool:
    return any(note.code == "kle_nearest" for note in result.notes)


def _only_via_used(result: OwnersResult) -> bool:
    return any(note.code == "via_used" for note in result.notes)


def only_weak(results: Sequence[OwnersResult]) -> bool:
    """Whether every task answering a question meets only part of it (``weak_match``).

    The question then asks what no task of the model is: said first (leadership's tenth
    probe: "hvem står for rengøring på rådhuset" was answered by the SKI framework
    agreements, a note under it saying the match was weak).
    """
    return bool(results) and all(map(_weak, results))


def _weak(result: OwnersResult) -> bool:
    return any(note.code == "weak_match" for note in result.notes)

