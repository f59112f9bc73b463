"""The start page's question, "Hvem har ansvaret for …?": owners answers shaped for the page.

The served start page answers on the server (``/?q=løn``), so it works without JavaScript. The
static site has no server: it embeds every task's answer (:func:`owner_index`) with the words to
find it by (its names, its KLE topic's title and keywords, and their synonyms in Danish and
English) and the stopwords, and ``start-read.js`` (with ``start-hints.js``) matches the
question against them in the browser.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, ParamSpec, TypeVar

from orgmodel import asker
from orgmodel.analytics import StakeholderGrid, kle_main_group
from orgmodel.asked_date import Asked
from orgmodel.collaboration import COLLABORATION_KINDS, collaboration_hint
from orgmodel.contract import NodeView, OrgStore, OwnersResult
from orgmodel.framed_hints import group_counted, onward
from orgmodel.hint_build import used_by_a_task
from orgmodel.hint_model import NodeHint
from orgmodel.hint_search import WRITTEN_NAME_KINDS
from orgmodel.home import home_organisation
from orgmodel.kind_list import list_of
from orgmodel.kle_catalogue import hint
from orgmodel.list_kinds import LISTS
from orgmodel.messages import Lang, in_danish, kind_label, marking_danish, name_in, t
from orgmodel.node_attributes import node_attributes
from orgmodel.node_hint import (
    IN_CHARGE,
    LED_KINDS,
    STRUCTURE_KINDS,
    answers_and_hint,
    decider_hint,
    hint_of,
)
from orgmodel.place import PLACED_KINDS, placed_hint
from orgmodel.question_frames import SIZE_NOUN_COUNTS
from orgmodel.schema import EdgeType, Kind
from orgmodel.search import READ_AS_MIN_LETTERS
from orgmodel.semantics import USED_KINDS, note
from orgmodel.stakeholder_hint import with_stakeholders
from orgmodel.task_facts import task_facts
from orgmodel.task_list import HOLDING_KINDS, tasks_hint
from orgmodel.text import Speller, without_remark
from orgmodel.vocabulary import load_vocabulary
from orgmodel.when_asked import done_end, with_dates
from orgmodel.year_changes import with_year_changes
from viz.builders import label_of
from viz.kle_groups import group_label
from viz.start_between import identity, with_between
from viz.texts import ui

__all__ = ["NAME_WEIGHT", "START_TEXT_KEYS", "advice_texts", "answer", "answers",
           "ask_instead", "kle_hint", "kle_words_near", "named_index", "owner_index",
           "start_texts", "synonym_groups"]

_P = ParamSpec("_P")
_T = TypeVar("_T")


def _marking(make: Callable[_P, _T]) -> Callable[_P, _T]:
    """``make`` with the Danish parts of its English texts marked.

    Names without English, records' notes, KLE titles (:func:`orgmodel.messages.marking_danish`).

    The page says them ``lang="da"``: the served one through ``viz.render.danish_parts``, the
    static one through ``orgmodelText.put`` (text.js). Only the page's texts are made here.
    """
    @functools.wraps(make)
    def marked(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        with marking_danish():
            return make(*args, **kwargs)
    return marked


#: UI strings the static start page's script needs.
START_TEXT_KEYS = ("answers_for", "answer_said", "answers_said", "no_answer", "only_weak",
                   "owners", "raci",
                   "name", "kind", "confidence", "accountable_post",
                   "escalation", "notes", "kle", "kle_group", "task_on_map",
                   "site_as_of", "between_held", "between_none",
                   "no_phone_numbers", "no_amounts", "not_who_not")
#: Most tasks embedded in a static start page.
INDEX_LIMIT = 5000
#: Most other nodes a static start page can name in a hint (systems first, units last).
NAMED_LIMIT = 2000
# How strongly a static start page's question word meets a task's name, its other names, its
# KLE topic's words; and a synonym of any of them, relative to the word itself.
_NAME, _OTHER_NAMES, _KLE_WORDS, _SYNONYM = 1.0, 0.85, 0.5, 0.8
#: Texts weighing at least this are a task's names: the words a typo is read as (start-read.js).
NAME_WEIGHT = _OTHER_NAMES
_NOT_BROWSER_LETTERS = re.compile(r"[^a-z0-9]+")
# ... and the names of a system or asset the task uses: "hvem ejer RolleBi" asks for the
# bookkeeping task, as on the server (``MemoryStore._tasks_using``).
_TOOL = 0.8


@_marking
def answer(store: OrgStore, result: OwnersResult, lang: Lang, *,
           as_of: date | None) -> dict[str, Any]:
    """One task's owners, as text for the page (and the static site's JSON).

    Each owner says how sure its link is and from where ("lav (assumption)"), as the tables
    of the views do: an assumed owner must not read as a fact. On an English page what is
    Danish (a name without English, a note's KLE title) is marked so (:func:`_marking`).
    """
    task = result.task
    group = kle_main_group(task.kle)
    facts = task_facts(store, task.id, as_of=as_of)
    return {
        "id": task.id,
        "task": label_of(task.name, task.name_en, lang),
        "kle": task.kle,
        "kle_group": group_label(group, lang) if group else None,
        "owners": [{"raci": o.raci.value, "name": label_of(o.name, o.name_en, lang),
                    "kind": kind_label(o.kind.value, node_attributes(store, o.id, as_of), lang),
                    "certainty": f"{ui('conf_' + o.confidence.value, lang)} ({o.source})"}
                   for o in result.owners],
        "accountable_post": (label_of(result.accountable_post.name, result.accountable_post.name_en,
                                      lang) if result.accountable_post else None),
        "escalation": [label_of(e.name, e.name_en, lang) for e in result.escalation],
        # where to write, what to expect, who decides: [label, text] pairs
        "facts": [list(line) for line in facts.lines(lang)],
        # ... its mailbox, a link to write to (the data allows only an address: records.py)
        "mailbox": facts.mailbox,
        # whether the data says who decides it: such tasks come first when that is asked
        "decided": bool(facts.decided_by),
        # ... and the one that decides it, said first when that is asked of the task met
        # first ("hvem godkender it-projekter?"), unless accountable (orgmodel.node_hint)
        "decider": (decider.text(lang) if facts.decided_by and (decider := decider_hint(
            store, result, as_of or date.today())) is not None else None),
        "notes": [n.text(lang) for n in result.notes],
        # meets only part of the question: when all do, the page says so first
        "weak": any(n.code == "weak_match" for n in result.notes),
    }


@_marking
def answers(store: OrgStore, question: Asked, *,
            lang: Lang) -> tuple[list[dict[str, Any]], str | None, dict[str, str] | None]:
    """The answers to "who is responsible for" the ``question``, best first, a hint, its link.

    The hint is for a question that names something other than a task (a system no task uses,
    an initiative, a unit, a forum, a body) better than any task: who is in charge of it
    (:func:`orgmodel.node_hint.answers_and_hint`). A year asked about in which a task changes
    hands says so (:mod:`orgmodel.year_changes`).
    """
    query, as_of = question.text, question.when
    if not query.strip():
        return [], None, None
    results, named = answers_and_hint(store, query, store.owners(query, limit=5, as_of=as_of),
                                      as_of=as_of)
    results = with_year_changes(store, results, question)
    return ([answer(store, r, lang, as_of=as_of) for r in results],
            named.text(lang) if named else None,
            hint_link(named, lang, home_organisation(store, as_of=as_of)) if named else None)


#: The relations that put an outside organisation in the collaboration network.
_IN_THE_NETWORK = frozenset({EdgeType.PARTICIPATES_IN, EdgeType.COLLABORATES_WITH,
                             EdgeType.CONTRIBUTES_TO, EdgeType.ADVISES, EdgeType.SUPPORTS})


#: The view that draws what a hint names, by its kind: its link says where to see it (the
#: intranet probe: a hint, "whom do I contact", linked to nothing).
HINT_VIEWS: dict[Kind, str] = {
    Kind.UNIT: "org", Kind.POST: "org", Kind.BODY: "org", Kind.ORGANISATION: "org",
    Kind.FORUM: "collaboration", Kind.INITIATIVE: "collaboration",
    Kind.STAKEHOLDER: "collaboration"}


@_marking
def hint_link(named: NodeHint | None, lang: Lang,
              home: str | None = None) -> dict[str, str] | None:
    """Where to see what a hint names: its view, its id and the link's text; ``None`` if none.

    An organisation other than ``home`` (the municipality) is in no org chart: in the
    collaboration network where it takes part or works with someone ("Se »KMD« i
    organisationsdiagrammet" opened a chart without KMD), else nowhere.

    >>> from orgmodel.contract import NodeRef
    >>> hint = NodeHint(node=NodeRef(id="unit:it", name="IT", kind=Kind.UNIT), relations=[])
    >>> hint_link(hint, "da")
    {'view': 'org', 'id': 'unit:it', 'text': 'Se »IT« i organisationsdiagrammet'}
    >>> kmd = NodeHint(node=NodeRef(id="org:kmd", name="KMD", kind=Kind.ORGANISATION),
    ...                relations=[])
    >>> hint_link(kmd, "da", home="org:kommune") is None
    True
    """
    view = HINT_VIEWS.get(named.node.kind) if named is not None else None
    if named is None or view is None or named.listing is not None:
        return None  # a list of a kind names many
    if named.node.kind is Kind.ORGANISATION and home is not None and named.node.id != home:
        if not any(r.type in _IN_THE_NETWORK for r in named.relations):
            return None
        view = "collaboration"
    name = label_of(named.node.name, named.node.name_en, lang)
    return {"view": view, "id": named.node.id, "text": ui(f"node_on_{view}", lang).format(
        name=name)}


@_marking
def ask_instead(store: OrgStore, query: str, lang: Lang, *, as_of: date) -> str | None:
    """What to ask instead of a question the model cannot answer as asked (``orgmodel.asker``)."""
    advice = asker.advice_of_data(query, store, as_of=as_of)
    return advice.text(lang) if advice else None


@_marking
def advice_texts(store: OrgStore, lang: Lang, *, as_of: date) -> dict[str, str]:
    """The static start page's advice to a question it cannot answer, with the data's example."""
    example = asker.ask_example(store, as_of=as_of)
    return {key: example.advice(key, lang) if example else t(key, lang, example="")
            for key in ("ask_about_your_post", "name_what_is_led")}


#: How many of the data's task names the search box offers as examples, and how long each.
EXAMPLES, EXAMPLE_CHARS = 4, 24


def example_tasks(store: OrgStore, *, as_of: date, lang: Lang) -> list[str]:
    """A few of the data's own task names, shortest first: the search box's examples.

    Another organisation's data suggests its own tasks, not Albertslund's "løn" (which it
    may not have).
    """
    page = store.list_nodes(kind=Kind.TASK, limit=INDEX_LIMIT, as_of=as_of)
    names = {name_in(task.name, task.name_en, lang) for task in page.items}
    return sorted((n for n in names if len(n) <= EXAMPLE_CHARS), key=lambda n: (len(n), n))[
        :EXAMPLES]


@_marking
def kle_hint(query: str, lang: Lang) -> str | None:
    """Where a question no task answers belongs: the KLE topic it fits, as a sentence.

    KLE's titles are Danish: in an English sentence, marked so.
    """
    topic = hint(query, load_vocabulary().catalogue) if query.strip() else None
    return t("kle_hint", lang, number=topic.number,
             title=in_danish(topic.title, lang)) if topic else None


@_marking
def owner_index(store: OrgStore, *, as_of: date, lang: Lang) -> list[dict[str, Any]]:
    """Every task's answer with the words to find it by: the static start page's search index."""
    page = store.list_nodes(kind=Kind.TASK, limit=INDEX_LIMIT, as_of=as_of)
    index = []
    for task in page.items:
        found = store.owners(task.id, limit=1, as_of=as_of)
        if not found:
            continue
        item = answer(store, found[0], lang, as_of=as_of)
        item["keys"], item["synonyms"] = _finding_words(
            task.name, task.name_en, task.attributes.get("kle"), task.aliases)
        item["keys"] += _tool_words(store, task.id, as_of, lang)
        index.append(item)
    return index


@_marking
def named_index(store: OrgStore, *, as_of: date, lang: Lang) -> list[dict[str, Any]]:
    """What the static start page can name beside its answers, with the words to find it by.

    Every system no task uses, initiative, policy, forum, body, unit and held post (up to
    :data:`NAMED_LIMIT`), with its hint as text (:mod:`orgmodel.node_hint`): the server's
    ``node_hint``, read in the browser; and whom it works with, where it has anyone
    (:mod:`orgmodel.collaboration`); a stakeholder (no hint of its own) for that alone.
    """
    index: list[dict[str, Any]] = []
    # the stakeholder map's whole-graph parts, read once for every post (and only if asked)
    scoring = functools.cache(lambda: StakeholderGrid(store.snapshot(as_of=as_of)))
    home = home_organisation(store, as_of=as_of)  # the organisation the org chart draws
    for kind in IN_CHARGE:
        page = store.list_nodes(kind=kind, limit=NAMED_LIMIT - len(index), as_of=as_of)
        for node in page.items:
            named = hint_of(store, node.id, kind, as_of=as_of, what_is=kind in USED_KINDS)
            if named is not None and used_by_a_task(named):
                # A system a task uses is named only when asked what it is ("hvad er
                # RolleBi?") or who supplies it ("hvem leverer OPUS?"): else its task answers.
                # ... or how many there are, where its record counts them ("hvor mange
                # fagsystemer har vi?")
                index.append(_entry(_name_keys(node), None, what_is=named.text(lang),
                                    supplier=_supplier(named, lang),
                                    identity=identity(named, node, lang),
                                    when=_when_lines(store, named, as_of, lang),
                                    # who runs it: "hvem drifter Politiker Web?"
                                    operator=named.model_copy(
                                        update={"asked_operator": True}).text(lang)
                                    if named.operated_by(EdgeType.OPERATES, EdgeType.SUPPORTS)
                                    else None,
                                    usedCounted=bool(named.counts),
                                    sized=named.model_copy(update={"asked_size": True}).text(lang)
                                    if named.counts else None))
                continue
            if named is None:
                continue
            together = collaboration_hint(store, node.id, kind, as_of=as_of) \
                if kind in COLLABORATION_KINDS else None
            # where a body's cases go after the next one, once for both of its route texts
            on_to = onward(store, node.id, as_of) if kind is Kind.BODY else []
            index.append(_entry(
                _name_keys(node), named.text(lang), led=kind in LED_KINDS, says=named.says_who,
                # who it is, for a question of yes or no that names it (viz.start_between)
                identity=identity(named, node, lang),
                # its first and last day in the data: "hvornår blev OP oprettet?"
                when=_when_lines(store, named, as_of, lang),
                # the view that draws it, linked under its hint (as on the server)
                link=hint_link(named, lang, home),
                post=kind is Kind.POST, used=kind in USED_KINDS,
                org=kind is Kind.ORGANISATION,  # what it supplies: "hvad leverer KMD?"
                # named when written whole among other words: "hvem er systemejer for Aula?"
                thing=kind in WRITTEN_NAME_KINDS,
                # the one that decides when nothing decided is named: "hvem bestemmer?"
                council=kind is Kind.BODY and node.attributes.get("classification") == "council",
                parts=kind in STRUCTURE_KINDS and bool(named.relations),
                # how many of a kind lie under it, said first: "hvor mange enheder har ØS?"
                parts_counted=_parts_counted(named, lang) if kind in STRUCTURE_KINDS else None,
                counted=bool(named.counts),  # else a question of its size is told so
                # its size said first: "hvor mange medarbejdere har Økonomi og Stab?"
                sized=named.model_copy(update={"asked_size": True}).text(lang),
                counts=sorted(named.counts),  # and which it counts: staff are no inhabitants
                # whom it works with: "hvem samarbejder IT og Digitalisering med?"
                together=together.text(lang) if together else None,
                # how often it meets, or that the data does not say: "hvor tit mødes ØS-IT?"
                meeting=named.model_copy(update={"asked_meeting": True}).text(lang)
                if kind in (Kind.FORUM, Kind.BODY) else None,
                # a post's line said first: "hvem refererer økonomichefen til?"
                up=named.model_copy(update={"asked_line": "up"}).line_answer(lang)
                if kind is Kind.POST else None,
                down=named.model_copy(update={"asked_line": "down"}).line_answer(lang)
                if kind is Kind.POST else None,
                sits=named.model_copy(update={"asked_line": "sits"}).line_answer(lang)
                if kind is Kind.POST else None,
                # ... or, for what a post heads, what its head sits in ("which committees
                # does the head of Finance and Staff attend?", as hint_search.post_or_head)
                head_sits=_head_sits(store, named, as_of, lang)
                if kind in (Kind.UNIT, Kind.BODY, Kind.FORUM) else None,
                # whom its stakeholder map says to manage closely: "hvem er … interessenter?"
                stakeholders=_stakeholders_text(store, named, as_of, lang, scoring),
                # whom to escalate to: its head, and whom that reports to ("hvem eskalerer jeg
                # til, hvis IT ikke svarer?")
                escalation=_escalation(store, named, as_of, lang)
                if kind in (Kind.UNIT, Kind.BODY, Kind.FORUM) else None,
                # who heads it, said first, or that no one is named: "hvem er formand for …?"
                head=named.model_copy(update={"asked_head": True}).line_answer(lang)
                if kind in LED_KINDS and kind is not Kind.POST else None,
                # who supplies it: "hvem leverer Aula?"
                supplier=_supplier(named, lang) if kind in USED_KINDS else None,
                # the tasks held in it or under it: "økonomistyring ØS" asks for the task
                # (orgmodel.task_in_place)
                held=sorted({r.task.id for r in store.responsibilities(
                    node.id, descendants=True, as_of=as_of)})
                if kind in (Kind.UNIT, Kind.BODY) else None,
                # what it decides: "hvad beslutter Økonomiudvalget?"
                decides=named.model_copy(update={"asked_decides": True}).text(lang)
                if kind in (Kind.BODY, Kind.FORUM) else None,
                # where a body's cases come from and go: "hvor går sagerne hen efter ØU?"
                route=named.model_copy(update={"asked_route": True, "route_onward": on_to})
                .line_answer(lang) if kind is Kind.BODY else None,
                # ... where they go said first, when that is asked ("… hen efter ØU?")
                route_on=named.model_copy(update={
                    "asked_route": True, "route_onward_asked": True, "route_onward": on_to})
                .line_answer(lang) if kind is Kind.BODY else None,
                # what it lies under: "hvilket direktørområde hører Skole og Uddannelse under?"
                place=placed.line_answer(lang) if kind in PLACED_KINDS and (
                    placed := placed_hint(store, node.id, kind, as_of=as_of)) else None,
                # its tasks and those under it: "hvad er Økonomi og Stabs opgaver?"
                tasks=tasks.text(lang) if kind in HOLDING_KINDS and (
                    tasks := tasks_hint(store, node, as_of=as_of)) is not None else None))
        if len(index) >= NAMED_LIMIT:
            break
    # A kind no hint is given for ("Folkeskolerne", a stakeholder) is still asked whom it
    # works with, as on the server: named for that alone (no text of its own).
    for kind in (k for k in COLLABORATION_KINDS if k not in IN_CHARGE):
        if len(index) >= NAMED_LIMIT:
            break
        page = store.list_nodes(kind=kind, limit=NAMED_LIMIT - len(index), as_of=as_of)
        for node in page.items:
            if (together := collaboration_hint(store, node.id, kind, as_of=as_of)) is None:
                continue
            index.append(_entry(_name_keys(node), None, together=together.text(lang)))
    # "hvilke udvalg er der?": the list of a kind, found by its plurals and a word that asks
    for key, listed_kind in LISTS.items():
        if (kinds := list_of(store, key, as_of=as_of)) is not None:
            # ... and those under way, where that is another list ("hvilke initiativer kører?")
            under_way = list_of(store, key, as_of=as_of, running=True)
            index.append(_entry([(noun, 1.0) for noun in listed_kind.nouns], kinds.text(lang),
                                listing=True, says=True, running=under_way.text(lang)
                                if under_way is not None and under_way.listing_running
                                else None))
    # "hvem leder kommunen?", "hvad består kommunen af?": the municipality, by no name of its
    # own (orgmodel.home); found by the page's frame words, not by keys.
    if (home := home_organisation(store, as_of=as_of)) is not None and (
            homed := hint_of(store, home, Kind.ORGANISATION, as_of=as_of)) is not None:
        index.append(_entry([], homed.text(lang), home=True, says=homed.says_who,
                            # a count its record lacks, as the data counts it in a group: "hvor
                            # mange ansatte har kommunen?" (orgmodel.framed_hints.sized)
                            group_counted=_groups_counted(store, homed, as_of, lang),
                            counted=bool(homed.counts), counts=sorted(homed.counts),
                            sized=homed.model_copy(update={"asked_size": True}).text(lang)))
    # what the data holds between two of them: "er borgmesteren formand for ØU?"
    return with_between(store, index, as_of=as_of, lang=lang)


def _head_sits(store: OrgStore, named: NodeHint, as_of: date, lang: Lang) -> str | None:
    """What the post that heads ``named`` sits in, in the sentence the server says it first.

    (The post's own hint, which the server says after it, is its own entry's: left out here,
    where it would weigh on every page as a second copy.)
    """
    heads = [r.node.id for r in named.relations
             if r.type is EdgeType.HEADS and not r.outward and r.node.kind is Kind.POST]
    if len(heads) != 1 or (post := hint_of(store, heads[0], Kind.POST, as_of=as_of)) is None:
        return None
    return post.model_copy(update={"asked_line": "sits"}).line_answer(lang)


def _parts_counted(named: NodeHint, lang: Lang) -> dict[str, str] | None:
    """How many of each listed kind lie under ``named``, each said first, by the list's key.

    As the server says it (:mod:`orgmodel.node_hint`, ``asked_parts``): "hvor mange enheder
    har Økonomi og Stab?" was answered on the static page by the unit's hint alone.
    """
    under = {r.node.kind for r in named.relations
             if r.type is EdgeType.PART_OF and not r.outward}
    # the count's sentence alone: the page says the hint's text after it, as it has it
    counted = {key: named.model_copy(update={"asked_parts": key}).line_answer(lang) or ""
               for key, listed in LISTS.items() if listed.in_tree and listed.kind in under}
    return counted or None


def _stakeholders_text(store: OrgStore, named: NodeHint, as_of: date, lang: Lang,
                       scoring: Callable[[], StakeholderGrid]) -> str | None:
    """The answer to a question of the stakeholders of ``named``'s post, or its head's.

    As the server gives it (:mod:`orgmodel.node_hint`): whom the post's stakeholder map says
    to manage closely, then whom it works with, or its hint; a unit, body or forum by the
    post that heads it ("who are the stakeholders of Finance and Staff?").
    """
    post = named.node.id if named.node.kind is Kind.POST else next(
        (r.node.id for r in named.relations if r.type is EdgeType.HEADS and not r.outward
         and r.node.kind is Kind.POST), None)
    if post is None or named.node.kind not in (Kind.POST, Kind.UNIT, Kind.BODY, Kind.FORUM):
        return None
    base = collaboration_hint(store, post, Kind.POST, as_of=as_of) or (
        named if post == named.node.id else hint_of(store, post, Kind.POST, as_of=as_of))
    return None if base is None else with_stakeholders(store, base, as_of=as_of,
                                                       scoring=scoring()).text(lang)


def _name_keys(node: NodeView) -> list[tuple[str, float]]:
    """A node's name and its other names, each with the weight the page finds it by."""
    # ... and its names without the remark in brackets after them: "Team 2 i Organisation og
    # Politik" is "Team 2 i Organisation og Politik (navn ikke bekræftet)", as on the server
    others = dict.fromkeys(w for w in (node.name_en, *node.aliases, without_remark(node.name),
                                       without_remark(node.name_en or "")) if w)
    return [(node.name, _NAME), *((w, _OTHER_NAMES) for w in others)]


def _entry(keys: list[tuple[str, float]], text: str | None, *, together: str | None = None,
           meeting: str | None = None, tasks: str | None = None, up: str | None = None,
           down: str | None = None, sits: str | None = None, counts: list[str] | None = None,
           route: str | None = None, head: str | None = None, place: str | None = None,
           stakeholders: str | None = None, sized: str | None = None,
           running: str | None = None, decides: str | None = None,
           what_is: str | None = None, supplier: str | None = None,
           escalation: str | None = None, operator: str | None = None,
           held: list[str] | None = None, link: dict[str, str] | None = None,
           parts_counted: dict[str, str] | None = None, route_on: str | None = None,
           head_sits: str | None = None, when: list[str] | None = None,
           group_counted: dict[str, str] | None = None,
           identity: dict[str, Any] | None = None, **flags: bool) -> dict[str, Any]:
    """One entry of :func:`named_index`: what the page may name, how, and what it says.

    ``flags`` (``led``, ``says``, ``post``, ``used``, ``parts``, ``home``, ``counted``,
    ``listing``) are
    false unless given: what kind of question the entry answers (start-hints.js reads them).
    """
    kinds = dict.fromkeys(("led", "says", "post", "used", "parts", "counted", "listing", "org",
                           "thing", "council"), False)
    return {"keys": keys, **kinds, **flags, "text": text, "together": together,
            "meeting": meeting, "tasks": tasks, "up": up, "down": down, "sits": sits,
            "route": route, "head": head, "place": place, "stakeholders": stakeholders,
            "sized": sized, "running": running, "decides": decides,
            "whatIs": what_is, "supplier": supplier, "escalation": escalation,
            "operator": operator, "held": held, "link": link, "partsCounted": parts_counted,
            "routeOn": route_on, "headSits": head_sits, "when": when,
            "groupCounted": group_counted, **(identity or {}),
            "counts": counts or []}


def _groups_counted(store: OrgStore, home: NodeHint, as_of: date,
                    lang: Lang) -> dict[str, str] | None:
    """For each count the municipality's record lacks, the group the data counts it in, said.

    As :func:`orgmodel.framed_hints.sized` answers "hvor mange ansatte har kommunen?"
    (Medarbejdere, about 3,000), by the count's key (``staff_count``).
    """
    said = {count: found[0].text(lang) for count in sorted(set(SIZE_NOUN_COUNTS.values()))
            if count not in home.counts and (found := group_counted(store, count, as_of))}
    return said or None


def _when_lines(store: OrgStore, named: NodeHint, as_of: date, lang: Lang) -> list[str]:
    """When ``named``'s node began and when it ends in the data, as the server says each first.

    As :func:`orgmodel.when_asked.when_of` answers "hvornår blev OP oprettet?" and "hvornår
    ophører …?": its own dates, as sure as its record (a person's, of the post they hold).
    """
    dated = with_dates(store, named, as_of)
    # its first day, its last, and the day it was carried out ("… gennemført?")
    return [dated.model_copy(update={"asked_when": asked}).line_answer(lang) or ""
            for asked in ("from", "to", done_end(dated))]


def _escalation(store: OrgStore, named: NodeHint, as_of: date, lang: Lang) -> str | None:
    """The hint of the post that heads ``named``'s node, whom it reports to said first.

    As :func:`orgmodel.hint_search.head_of_named` finds it for a question of escalation.
    """
    head = next((r.node.id for r in named.relations
                 if r.type is EdgeType.HEADS and not r.outward), None)
    found = hint_of(store, head, Kind.POST, as_of=as_of) if head else None
    return found.model_copy(update={"asked_line": "up"}).text(lang) if found else None


def _supplier(named: NodeHint, lang: Lang) -> str:
    """A system's hint with who supplies it said first (or that the data names no one)."""
    return named.model_copy(update={"asked_supplier": True}).text(lang)


def _tool_words(store: OrgStore, task_id: str, as_of: date,
                lang: Lang) -> list[tuple[str, float, str]]:
    """The names of the systems and assets a task uses, each with the note saying so.

    Without their synonyms: a system's name is a name ("Politiker Web" is not about websites).
    """
    near = store.neighbourhood(task_id, kinds=USED_KINDS, edge_types=[EdgeType.USES],
                               as_of=as_of)
    uses = {e.target_id for e in near.edges if e.source_id == task_id}
    words: list[tuple[str, float, str]] = []
    for tool in near.nodes:
        if tool.id in uses:
            # (its English name on an English page, as the server's note says it)
            said = note("via_used", (tool.name, tool.name_en))
            words += [(text, _TOOL, said.text(lang))
                      for text in dict.fromkeys(w for w in (tool.name, tool.name_en, *tool.aliases)
                                                if w)]
    return words


def _finding_words(name: str, name_en: str | None, kle: Any, aliases: list[str],
                   ) -> tuple[list[tuple[str, float]], list[tuple[int, float]]]:
    """The texts a task is found by, and its synonym groups, each with how strongly.

    Its name, then its other names and KLE number, then its KLE topic's title and keywords:
    the server's order of fields (``orgmodel.search``). A synonym group (a number in
    :func:`synonym_groups`) weighs a little less than the text it was found in.
    """
    vocabulary = load_vocabulary()
    topic = vocabulary.kle.get(kle) if isinstance(kle, str) else None
    fields = [([name], _NAME), ([w for w in (name_en, kle, *aliases) if w], _OTHER_NAMES),
              ([topic.title, *topic.keywords] if topic else [], _KLE_WORDS)]
    texts: dict[str, float] = {}
    groups: dict[int, float] = {}
    for field, weight in fields:
        for text in field:
            texts.setdefault(text, weight)
            for group in vocabulary.synonyms.groups_in(text):
                groups.setdefault(group, weight * _SYNONYM)
    return list(texts.items()), list(groups.items())


def synonym_groups() -> list[list[str]]:
    """The synonym groups the static start page's tasks refer to by number."""
    return load_vocabulary().synonyms.written


def start_texts(lang: Lang, advice: dict[str, str] | None = None) -> dict[str, str]:
    """The static start page script's strings.

    The server's note on a weak match and its advice to a question about the asker among them
    (``advice``, :func:`advice_texts`; without, advice that names no example).
    """
    weak = note("weak_match")
    return {**{key: ui(key, lang) for key in START_TEXT_KEYS},
            "weak_match": weak.text(lang),
            **{key: t(key, lang, example="") for key in ("ask_about_your_post",
                                                         "name_what_is_led")},
            **(advice or {})}


def kle_words_near(names: Iterable[str]) -> list[str]:
    """The words KLE writes that are one edit from a word of ``names`` and not one of them.

    The static page reads a word no text writes, one edit from one word of a name, as that
    word ("borgmster" is "borgmester"), as the server does; but a word KLE writes is a word, not
    a typo ("forsaltning" is no misspelt "forvaltning"). The page cannot hold the whole
    catalogue (491 kB): it gets these, the words it would misread (from
    :data:`~orgmodel.search.READ_AS_MIN_LETTERS` letters, beginning as the name's word does),
    folded as the browser folds them (``text.js``: "ø" is "oe" there).

    Examples
    --------
    >>> words = kle_words_near(["Forvaltning", "Borgmester"])
    >>> "forsaltning" in words, "forvaltning" in words, "borgmster" in words
    (True, False, False)
    """
    written = {w for text in names for w in _browser_words(text)}
    speller = Speller(written, most_edits=1)

    def near(word: str) -> bool:  # one edit from a name's word, beginning as it does
        return any(name[0] == word[0] for name, _ in speller.near(word))

    topics = load_vocabulary().catalogue.topics().values()
    kle = {w for t in topics for text in (t.title, *t.keywords) for w in _browser_words(text)}
    return sorted(word for word in kle
                  if len(word) >= READ_AS_MIN_LETTERS and word not in written and near(word))


def _browser_words(text: str) -> list[str]:
    """The words of ``text`` as ``text.js``'s ``fold`` writes them (not orgmodel.text.fold)."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NOT_BROWSER_LETTERS.sub(" ", text).split()
