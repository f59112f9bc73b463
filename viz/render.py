"""Render views and the start page with the project's own Jinja templates (autoescape on).

Data reaches the browser only as JSON inside ``<script type="application/json">``, written by
Jinja's ``tojson`` filter, which escapes ``<``, ``>``, ``&`` and ``'`` so no text from the
data can close the element or become markup. The browser code reads it with ``JSON.parse``
and puts text into the page with ``textContent`` only.

Three modes share the templates:

* ``served`` — pages of the app; scripts and styles from ``/static`` with a content hash in
  the URL (cached for a year), the graph fetched as JSON from the app;
* ``site`` — a static site on disk: the same pages with relative links to ``static/``;
* ``single`` — one self-contained file: vis-network and the project's own script and style
  inlined (the only mode that inlines them), with a Content-Security-Policy that forbids
  every network request.

Examples
--------
>>> "<" in script_safe_json({"name": "</script><img src=x>"})
False
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from orgmodel.asked_date import RELATIVE_LEAD, RELATIVE_SPELLINGS, Reading, as_of_note
from orgmodel.asker import (
    AMOUNT,
    BOSS_SPELLINGS,
    MY_SPELLINGS,
    NOT_WORD,
    PHONE_NUMBER,
    SELF_PLACE_SPELLINGS,
    SELF_REPORTING_SPELLINGS,
    SUBJECT_SPELLINGS,
    WHETHER_THERE_IS,
    WHO_NOT,
)
from orgmodel.event_date import AROUND, EVENT_MIN
from orgmodel.framed_hints import ONWARD_SPELLINGS
from orgmodel.hint_model import NO_COUNT, NO_SIZE
from orgmodel.hint_search import (
    NODE_HINT_MIN,
    POSTS_NEAR_TIE,
    REPORTING_POST_MIN,
    STRAY_GAP,
    SUPPORTED_MIN,
    WRITTEN_NAME_CHARS,
    WRITTEN_NAME_MIN,
)
from orgmodel.home import HOME_SPELLINGS, WHERE_SPELLINGS
from orgmodel.kind_list import (
    LIST_ASKING_SPELLINGS,
    LIST_FRAME_SPELLINGS,
    RUNNING_SPELLINGS,
    TOWN_SPELLINGS,
)
from orgmodel.kle_catalogue import ROUTE_MARGIN
from orgmodel.list_kinds import LISTS
from orgmodel.messages import (
    DANISH_END,
    DANISH_START,
    LEVEL_NAMES,
    Lang,
    kind_label,
    marked_danish,
    t,
    unmarked,
)
from orgmodel.node_hint import ITSELF_SPELLINGS, NAME_WORDS, WHAT_SPELLINGS
from orgmodel.node_sizes import COUNTS
from orgmodel.politeness import ANYONE_VERBS, PLAIN_PATTERNS
from orgmodel.question_frames import (
    APPROVING_SPELLINGS,
    ARTICLES,
    CASE_SPELLINGS,
    COLLABORATION_FRAME_SPELLINGS,
    COLLABORATION_SPELLINGS,
    DECIDER_FRAME,
    DECIDING_SPELLINGS,
    DEFINING_SPELLINGS,
    DO_WORK_WITH,
    ESCALATION_ANSWER_SPELLINGS,
    ESCALATION_FRAME_SPELLINGS,
    ESCALATION_NOT_SPELLINGS,
    ESCALATION_NOT_STEM_SPELLINGS,
    ESCALATION_SPELLINGS,
    HAPPENING_SPELLINGS,
    HEAD_SPELLINGS,
    HOME_POINTER_SPELLINGS,
    IN_IT_SPELLINGS,
    LEADERSHIP_SPELLINGS,
    MEETING_SPELLINGS,
    NEAREST_SPELLINGS,
    NOT_DEFINING_SPELLINGS,
    PLACE_ASKED_KIND,
    PLACE_ENDINGS,
    PLACE_FRAME_SPELLINGS,
    PLACE_SPELLINGS,
    PLACE_SPLIT_ENDING,
    PLACE_WHERE_SPELLINGS,
    PLACE_WHICH,
    REPORTED_TO_SPELLINGS,
    REPORTING_ADVERB_SPELLINGS,
    REPORTING_FRAME_SPELLINGS,
    REPORTING_SPELLINGS,
    REWORDED_PHRASES,
    ROLE_SPELLINGS,
    ROUTE_FRAME_SPELLINGS,
    SAT_IN_LAST,
    SITTING_SPELLINGS,
    SIZE_ASK,
    SIZE_NOUN_COUNTS,
    SIZE_NOUN_SPELLINGS,
    SIZE_SPELLINGS,
    STAKEHOLDER_FRAME_SPELLINGS,
    STAKEHOLDER_SPELLINGS,
    STRUCTURE_FRAME_SPELLINGS,
    STRUCTURE_SPELLINGS,
    SUBORDINATE_SPELLINGS,
    SUPERIOR_SPELLINGS,
    SUPPLY_SPELLINGS,
    SUPPORTING_SPELLINGS,
    TOPIC_SPELLINGS,
    UNDER_SPELLINGS,
)
from orgmodel.raci_asked import RACI_ASKED_SPELLINGS, role_note
from orgmodel.search import READ_AS, READ_AS_MIN_LETTERS
from orgmodel.task_in_place import TASK_MIN as TASK_IN_PLACE_MIN
from orgmodel.task_list import (
    RESPONSIBLE_SPELLINGS,
    TASK_FRAME_SPELLINGS,
    TASK_LIST_SPELLINGS,
)
from orgmodel.text import ACRONYM_GENITIVE, ENGLISH_QUESTION_WORDS, STOPWORD_SPELLINGS
from orgmodel.two_tasks import AND_SPELLINGS, NAME_MIN, PART_MARGIN, PART_MIN
from orgmodel.verb_frames import (
    AFTER_WORK_VERB,
    SYSTEM_WORDS,
    USE_WORDS,
    WHICH_WORDS,
    WORK_VERBS,
)
from orgmodel.when_asked import (
    BEGIN_SPELLINGS,
    DONE_SPELLINGS,
    END_SPELLINGS,
    WHEN_FRAME_SPELLINGS,
    WHEN_SPELLINGS,
)
from orgmodel.yes_no import NOT_BETWEEN_SPELLINGS, RELATING_SPELLINGS, YES_NO_OPENING_SPELLINGS
from viz.builders import ViewGraph, label_of
from viz.grid_layout import LABEL_BOX, LABEL_LINE_CHARS
from viz.styles import (
    DIM_OPACITY,
    NODE_STYLES,
    SELECTED_LABEL,
    dim_labels,
    edge_style_table,
    legend,
)
from viz.texts import EDGE_NAMES, TEXT_MOST, UI, browser_texts, edge_name, kind_name, ui

__all__ = [
    "ASSETS",
    "BUNDLE",
    "SCRIPTS",
    "STATIC_DIR",
    "VIEWS",
    "Page",
    "asset_bytes",
    "asset_version",
    "danish_parts",
    "render_start",
    "render_table",
    "render_view",
    "script_safe_json",
]

STATIC_DIR = Path(__file__).resolve().parent / "static"
#: The page's own scripts, in the order they run; kept apart for reading, sent as one file.
SCRIPTS = ("js/text.js", "js/tooltips.js", "js/permalink.js", "js/orgview-compact.js",
           "js/orgview.js",
           "js/orgview-path.js", "js/orgview-ui.js", "js/orgview-keys.js", "js/twin.js")
#: How well the static start page's own reading must find a body written whole among a
#: question of cases' other words to read it as the route asked of (the server takes it when
#: nothing fits the rest better: orgmodel.framed_hints.route_of; the page ranks no nodes).
WRITTEN_ROUTE_MIN = 0.25

#: The one file the view pages load :data:`SCRIPTS` as (made from them, not stored): a page
#: with one request for its scripts instead of seven draws sooner.
BUNDLE = "js/orgview.bundle.js"
#: The files every view page loads, in order.
ASSETS = {"css": ["css/views.css"], "js": ["vendor/vis-network/vis-network.min.js", BUNDLE]}
#: View key -> how a focus or a topic draws its few nodes close together (orgview-compact.js):
#: on rings around the focus where the view is rings, in packed rows where it is a tree. The
#: responsibility map's blocks and the case route's columns are compact already.
COMPACT_LAYOUT = {"org": "rows", "collaboration": "rings", "stakeholders": "rings"}
#: View key -> (title text key, intro text key); the order of the start page.
VIEWS: dict[str, tuple[str, str]] = {
    "org": ("view_org", "view_org_intro"),
    "collaboration": ("view_collaboration", "view_collaboration_intro"),
    "stakeholders": ("view_stakeholders", "view_stakeholders_intro"),
    "responsibilities": ("view_responsibilities", "view_responsibilities_intro"),
    "case-route": ("view_case_route", "view_case_route_intro"),
}
#: Most rows (nodes + edges) of an accessible table written into a served view page; bigger
#: tables get a page of their own (``/views/<view>/table``), so the page itself stays small.
TABLE_ROWS = 150

Mode = Literal["served", "site", "single"]


def script_safe_json(value: Any) -> str:
    r"""JSON that is safe inside ``<script>``: ``<``, ``>``, ``&`` and ``'`` as ``\u`` escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("'", "\\u0027"))


@functools.cache
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("viz", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    # tojson escapes < > & ' itself (htmlsafe_json_dumps); compact output keeps pages small.
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    env.globals.update(kind_label=kind_label, edge_name=edge_name)
    env.filters.update(danish_parts=danish_parts, unmarked=unmarked)
    env.tests["danish"] = _wholly_danish
    return env


_MARKS = re.compile(f"([{DANISH_START}{DANISH_END}])")
_SPAN_DA, _SPAN_END = Markup('<span lang="da">'), Markup("</span>")


def danish_parts(text: object) -> Markup:
    """``text`` escaped, each part marked Danish in a ``<span lang="da">``.

    The parts :func:`orgmodel.messages.in_danish` marks: a screen reader reads a Danish name
    in an English answer in Danish. Only the marks make markup; everything else is escaped
    text (a mark out of place is dropped).

    >>> str(danish_parts(f"Held by: {marked_danish('<b>Ø</b>')}."))
    'Held by: <span lang="da">&lt;b&gt;Ø&lt;/b&gt;</span>.'
    >>> str(danish_parts("plain & simple" + DANISH_END))
    'plain &amp; simple'
    """
    said: list[Markup] = []
    inside = False
    for part in _MARKS.split(str(text)):
        if part == DANISH_START:
            if not inside:
                said.append(_SPAN_DA)
            inside = True
        elif part == DANISH_END:
            if inside:
                said.append(_SPAN_END)
            inside = False
        elif part:
            said.append(escape(part))
    if inside:
        said.append(_SPAN_END)
    return Markup("").join(said)


def _wholly_danish(text: object) -> bool:
    """Whether ``text`` is one Danish part (a whole name marked): its element says ``lang``."""
    said = str(text)
    return said.startswith(DANISH_START) and said.endswith(DANISH_END) and said.count(
        DANISH_START) == 1


@functools.cache
def asset_bytes(path: str) -> bytes:
    """A static file's bytes; for :data:`BUNDLE`, the :data:`SCRIPTS` one after another.

    Examples
    --------
    >>> bundle = asset_bytes(BUNDLE)
    >>> bundle.startswith(asset_bytes(SCRIPTS[0])) and bundle.endswith(asset_bytes(SCRIPTS[-1]))
    True
    """
    if path == BUNDLE:
        return b"\n".join(asset_bytes(script) for script in SCRIPTS)
    return (STATIC_DIR / path).read_bytes()


@functools.cache
def asset_version(path: str) -> str:
    """A short content hash of a static file, for cache-busting URLs."""
    return hashlib.sha256(asset_bytes(path)).hexdigest()[:10]


@functools.cache
def _inline(path: str) -> Markup:
    """A static file's text for inlining in the single-file mode.

    It is our own or vendored code, never data; a closing tag inside would end the element
    early, so that is refused rather than escaped.
    """
    text = asset_bytes(path).decode("utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"{path} cannot be inlined: it contains a closing tag")
    return Markup(text)  # noqa: S704 - trusted static file checked above, not data


@dataclass
class Page:
    """Where and how a page is rendered: mode, language, date and the view's parameters."""

    mode: Mode = "served"
    lang: Lang = "da"
    as_of: date | None = None
    params: dict[str, str] = field(default_factory=dict)  # e.g. post
    api: dict[str, str] = field(default_factory=dict)  # JSON endpoints: search, paths, data
    prefix: str = ""  # site mode: path from this page to the site root
    # The home organisation's name and English name (the title says whose organisation it is);
    # None: a page that could not read the data (an error page) has a plain title.
    organisation: tuple[str, str | None] | None = None

    def query(self, lang: Lang | None = None, **extra: str) -> str:
        """The query string of this page's state (language, date, parameters)."""
        values = {"lang": lang or self.lang, **self.params, **extra}
        if self.as_of:
            values["as_of"] = self.as_of.isoformat()
        if values.get("lang") == "da":
            del values["lang"]
        return urlencode({k: v for k, v in values.items() if v})

    def link(self, target: str, lang: Lang | None = None) -> str:
        """URL of the start page (``""``), a view, or a view's ``…/table`` page."""
        wanted: Lang = lang or self.lang
        if self.mode != "served":
            folder = "en/" if wanted == "en" else ""
            name = (target or "index").replace("/", "-")
            return f"{self.prefix}{folder}{name}.html"
        path = "/" if not target else f"/views/{target}"
        query = self.query(wanted) if not target else self.query(wanted, q="")
        return f"{path}?{query}" if query else path

    def csv_link(self) -> str | None:
        """URL of the stakeholder map's table as CSV; a page in a file of its own has none.

        >>> Page(params={"post": "post:x"}).csv_link()
        '/views/stakeholders/csv?post=post%3Ax'
        >>> Page(mode="site", lang="en", prefix="../").csv_link(), Page(mode="single").csv_link()
        ('../en/stakeholders.csv', None)
        """
        if self.mode == "single":
            return None
        if self.mode != "served":
            return f"{self.prefix}{'en/' if self.lang == 'en' else ''}stakeholders.csv"
        query = self.query()
        return "/views/stakeholders/csv" + (f"?{query}" if query else "")

    @property
    def as_of_ahead(self) -> bool:
        """Whether the page's date is after today: what the data knows now of that day."""
        return self.as_of is not None and self.as_of > date.today()

    def on(self, when: date | None) -> Page:
        """Return this state on another date (``None``: today), for links that keep the rest."""
        return replace(self, as_of=when)

    def asset(self, path: str) -> str:
        """URL of a static file: versioned under /static, or relative in a static site."""
        if self.mode == "served":
            return f"/static/{path}?v={asset_version(path)}"
        return f"{self.prefix}static/{path}"

    def context(self) -> dict[str, Any]:
        """What every template gets."""
        def text(key: str, **values: object) -> str:
            return ui(key, self.lang, **values)

        title = (ui("app_title", self.lang, org=label_of(*self.organisation, self.lang))
                 if self.organisation else ui("app_title_plain", self.lang))
        return {"page": self, "lang": self.lang, "t": text, "views": VIEWS, "app_title": title,
                "other_lang": "en" if self.lang == "da" else "da",
                "inline": _inline if self.mode == "single" else None, "assets": ASSETS,
                "text_most": TEXT_MOST}


def _render(template: str, page: Page, **values: Any) -> str:
    return _environment().get_template(template).render(**page.context(), **values)


def _config(graph: ViewGraph, page: Page, embed: bool) -> dict[str, Any]:
    return {
        "view": graph.view, "lang": page.lang, "mode": page.mode,
        "asOf": page.as_of.isoformat() if page.as_of else None,
        "texts": browser_texts(page.lang), "options": graph.options,
        "labelBox": LABEL_BOX, "compact": COMPACT_LAYOUT.get(graph.view),
        "labelLineChars": LABEL_LINE_CHARS,  # the grid's layout sizes labels wrapped so
        "edgeStyles": edge_style_table(), "selectedLabel": SELECTED_LABEL,
        "dimOpacity": DIM_OPACITY, "dimLabels": dim_labels(),
        "kindNames": {k: kind_name(k, page.lang) for k in NODE_STYLES},  # search hits too
        "levelNames": {level: names[0 if page.lang == "da" else 1]
                       for level, names in LEVEL_NAMES.items()},
        "edgeNames": {t: edge_name(t, page.lang) for t in EDGE_NAMES},
        "payload": graph.payload() if embed else None,
        "urls": page.api,
    }


def render_view(graph: ViewGraph, page: Page, *, options: Mapping[str, Any] | None = None) -> str:
    """A view page: controls, legend, the canvas and the accessible table twin."""
    # A served page fetches its graph as JSON (compressed, and cached with the page's state in
    # mind); files on disk cannot fetch, so they carry it.
    embed = page.mode != "served"
    kinds = {n["kind"] for n in graph.nodes}
    types = {e["type"] for e in graph.edges}
    title_key, intro_key = VIEWS[graph.view]
    return _render("view.html", page, graph=graph, config=_config(graph, page, embed),
                   legend=legend(kinds, types, page.lang), title_key=title_key,
                   intro_key=intro_key, names=_names(graph), named=_named(graph),
                   options=options or {},
                   empty_key=_empty_key(graph.view),
                   table_inline=page.mode != "served"
                   or len(graph.nodes) + len(graph.edges) <= TABLE_ROWS)


def _empty_key(view: str) -> str:
    """What an empty view says: what it is drawn from, where the view has its own words.

    >>> _empty_key("case-route"), _empty_key("org"), _empty_key("stakeholders")
    ('empty_case-route', 'view_empty', 'no_posts_page')
    """
    if view == "stakeholders":
        return "no_posts_page"
    return f"empty_{view}" if f"empty_{view}" in UI else "view_empty"


def render_table(graph: ViewGraph, page: Page) -> str:
    """The accessible twin of a view on a page of its own."""
    title_key, _ = VIEWS[graph.view]
    return _render("table.html", page, graph=graph, title_key=title_key, names=_names(graph),
                   named=_named(graph), sel_base=page.link(graph.view))


def render_error(page: Page, *, message: str, suggestions: list[tuple[str, str]],
                 retry_link: str | None, other_lang_link: str, retry_text: str = "") -> str:
    """A page that could not be shown: what is wrong, what was perhaps meant, where to go.

    ``retry_link`` shows the page without what could not be used, ``retry_text`` says which.
    """
    return _render("error.html", page, message=message, suggestions=suggestions,
                   retry_link=retry_link, retry_text=retry_text, other_lang_link=other_lang_link)


def render_start(page: Page, *, query: str | None, answers: list[Any],
                 tasks: list[dict[str, Any]] | None = None, kle_hint: str | None = None,
                 node_hint: str | None = None, node_link: dict[str, str] | None = None,
                 named: list[dict[str, Any]] | None = None,
                 ask_instead: str | None = None, advice: dict[str, str] | None = None,
                 answered_as_of: date | None = None,
                 as_of_reading: Reading | None = None, as_of_event: str | None = None,
                 examples: list[str] | None = None,
                 home_names: list[str] | None = None, only_weak: bool = False,
                 no_phone_numbers: bool = False, no_amounts: bool = False,
                 who_not: bool = False) -> str:
    """The start page: the "who is responsible" search, its answers, links into the views.

    ``kle_hint`` says where a question no task answers belongs (:func:`viz.start.kle_hint`);
    ``only_weak`` that each task answering it meets only part of it (the nearest);
    ``node_hint`` who is in charge of what it names that is not a task (:func:`viz.start.answers`),
    ``node_link`` the view that draws it (:func:`viz.start.hint_link`);
    ``ask_instead`` what to ask when it asks about the asker (:func:`viz.start.ask_instead`);
    ``answered_as_of`` the date the question named, when the answers are for it, and
    ``as_of_reading`` how it was read (:data:`orgmodel.asked_date.Reading`); ``examples`` a
    few of the data's task names for the search box (:func:`viz.start.example_tasks`);
    ``home_names`` the words of the municipality's own name, which a question's "i Albertslund"
    leaves out (:func:`orgmodel.home.without_home_name`).
    The static site's page reads the question in the browser, from ``tasks``
    (:func:`viz.start.owner_index`) and ``named`` (:func:`viz.start.named_index`), with its
    ``advice`` to what it cannot answer (:func:`viz.start.advice_texts`).
    """
    from viz.start import NAME_WEIGHT, kle_words_near, start_texts, synonym_groups

    # The words a typo is read as: the names of what it may name, the tasks' names (start-read.js).
    names = ([key[0] for entry in named or [] for key in entry["keys"]]
             + [key[0] for task in tasks or [] for key in task["keys"] if key[1] >= NAME_WEIGHT])

    # The static site's question is read in the browser: it needs the words to read it with.
    reading = ({"texts": start_texts(page.lang, advice), "stopwords": list(STOPWORD_SPELLINGS),
                "workVerbs": sorted(WORK_VERBS), "afterWorkVerb": sorted(AFTER_WORK_VERB),
                "systemWords": sorted(SYSTEM_WORDS), "whichWords": sorted(WHICH_WORDS),
                "useWords": sorted(USE_WORDS),
                "englishQuestion": sorted(ENGLISH_QUESTION_WORDS),
                "synonyms": synonym_groups(), "named": named or [],
                "leading": list(LEADERSHIP_SPELLINGS), "deciding": list(DECIDING_SPELLINGS),
                "raciAsked": {letter: list(words)
                              for letter, words in RACI_ASKED_SPELLINGS.items()},
                "roleNotes": {letter: role_note(letter).text(page.lang)
                              for letter in RACI_ASKED_SPELLINGS},
                "deciderFrame": sorted(DECIDER_FRAME),
                "homePointers": list(HOME_POINTER_SPELLINGS),
                "approving": list(APPROVING_SPELLINGS),
                "reworded": [list(pair) for pair in REWORDED_PHRASES],
                "meeting": [list(words) for words in MEETING_SPELLINGS],
                "listFrame": list(LIST_FRAME_SPELLINGS), "listAsking": list(LIST_ASKING_SPELLINGS),
                "runningWords": list(RUNNING_SPELLINGS),
                "reporting": [*REPORTING_SPELLINGS, *SUBORDINATE_SPELLINGS],
                "subordinate": list(SUBORDINATE_SPELLINGS),
                "reportingFrame": list(REPORTING_FRAME_SPELLINGS),
                "reportingAdverbs": list(REPORTING_ADVERB_SPELLINGS),
                "reportingMin": REPORTING_POST_MIN, "taskInPlaceMin": TASK_IN_PLACE_MIN,
                "escalating": list(ESCALATION_SPELLINGS),
                "escalationFrame": list(ESCALATION_FRAME_SPELLINGS),
                "escalationNot": list(ESCALATION_NOT_SPELLINGS),
                "escalationNotStems": list(ESCALATION_NOT_STEM_SPELLINGS),
                "escalationAnswer": list(ESCALATION_ANSWER_SPELLINGS),
                "supporting": list(SUPPORTING_SPELLINGS), "supportedMin": SUPPORTED_MIN,
                "structure": list(STRUCTURE_SPELLINGS),
                "size": [*SIZE_SPELLINGS, *SIZE_NOUN_SPELLINGS], "sizeAsk": SIZE_ASK,
                "sizeWords": list(SIZE_SPELLINGS),
                "relativeDates": [said[:3] for said in RELATIVE_SPELLINGS],
                "relativeLead": RELATIVE_LEAD,
                "noSize": NO_SIZE[0 if page.lang == "da" else 1],
                "sizeNounCounts": SIZE_NOUN_COUNTS, "noCount": NO_COUNT[page.lang == "en"],
                "countWords": {key: words[page.lang == "en"] for key, words in COUNTS.items()},
                "collaboration": list(COLLABORATION_SPELLINGS), "doWorkWith": DO_WORK_WITH,
                "collaborationFrame": list(COLLABORATION_FRAME_SPELLINGS),
                "topicWords": list(TOPIC_SPELLINGS), "homeWords": list(HOME_SPELLINGS),
                "homeNames": home_names or [], "where": list(WHERE_SPELLINGS),
                "townWords": list(TOWN_SPELLINGS),  # "… i byen": the municipality, in a list
                "cases": list(CASE_SPELLINGS), "routeFrame": list(ROUTE_FRAME_SPELLINGS),
                "onward": list(ONWARD_SPELLINGS),
                # the plurals that name what lies under a unit: "hvor mange enheder har ØS?"
                "partNouns": {noun: key for key, listed in LISTS.items() if listed.in_tree
                              for noun in listed.nouns},
                "heading": list(HEAD_SPELLINGS), "inIt": list(IN_IT_SPELLINGS),
                "superior": list(SUPERIOR_SPELLINGS), "nearest": list(NEAREST_SPELLINGS),
                "happening": list(HAPPENING_SPELLINGS), "supplying": list(SUPPLY_SPELLINGS),
                "whatWords": sorted(WHAT_SPELLINGS), "itself": sorted(ITSELF_SPELLINGS),
                "stakeholderWords": list(STAKEHOLDER_SPELLINGS),
                "stakeholderFrame": list(STAKEHOLDER_FRAME_SPELLINGS),
                "placeEndings": [list(ending) for ending in PLACE_ENDINGS],
                "placeWords": list(PLACE_SPELLINGS), "placeWhich": list(PLACE_WHICH),
                "placeWhere": [list(words) for words in PLACE_WHERE_SPELLINGS],
                "placeFrame": list(PLACE_FRAME_SPELLINGS), "placeAskedKind": PLACE_ASKED_KIND,
                "placeSplitEnding": [list(PLACE_SPLIT_ENDING[0]), PLACE_SPLIT_ENDING[1]],
                # "vis mig hvem der sidder i …" is "hvem sidder i …" (orgmodel.politeness)
                "plain": PLAIN_PATTERNS, "anyoneVerbs": sorted(ANYONE_VERBS),
                # "hvornår blev OP oprettet?": its dates (orgmodel.when_asked)
                "whenWords": list(WHEN_SPELLINGS), "whenBegin": list(BEGIN_SPELLINGS),
                "whenEnd": list(END_SPELLINGS), "whenFrame": list(WHEN_FRAME_SPELLINGS),
                "whenDone": list(DONE_SPELLINGS),
                # "er borgmesteren formand for ØU?": what the data holds between the two
                # (orgmodel.yes_no, viz.start_between)
                "yesNoOpenings": list(YES_NO_OPENING_SPELLINGS),
                "notBetween": list(NOT_BETWEEN_SPELLINGS), "relating": list(RELATING_SPELLINGS),
                # "har vi en DPO?" that nothing answers: the data names none (orgmodel.asker)
                "whetherThereIs": WHETHER_THERE_IS.pattern.replace("(?P<", "(?<"),
                # "hvad er telefonnummeret til lønkontoret?": the data holds none (asker)
                "phoneNumber": PHONE_NUMBER.pattern,
                # "what is the budget of Finance and Staff?": no amounts in the data (asker)
                "amount": AMOUNT.pattern, "whoNot": WHO_NOT.pattern,
                "notWord": NOT_WORD.pattern,
                # "… før sammenlægningen": a day this page is not of (orgmodel.event_date)
                "around": AROUND.pattern.replace("(?P<", "(?<"), "eventMin": EVENT_MIN,
                # "budget and procurement": both tasks (orgmodel.two_tasks)
                "andWords": list(AND_SPELLINGS), "partMin": PART_MIN, "partMargin": PART_MARGIN,
                "nameMin": NAME_MIN,
                # "ØUs medlemmer" names ØU; "the CFO's boss" keeps its genitive (text.py)
                "acronymGenitive": ACRONYM_GENITIVE.replace("\\w", "\\p{L}\\p{N}_"),
                "notInData": t("not_in_data", page.lang, what="{what}"),
                "structureFrame": list(STRUCTURE_FRAME_SPELLINGS), "under": list(UNDER_SPELLINGS),
                "my": list(MY_SPELLINGS), "boss": list(BOSS_SPELLINGS),
                "selfReporting": list(SELF_REPORTING_SPELLINGS),
                "selfPlace": list(SELF_PLACE_SPELLINGS), "selfSubject": list(SUBJECT_SPELLINGS),
                "taskList": list(TASK_LIST_SPELLINGS), "taskFrame": list(TASK_FRAME_SPELLINGS),
                "responsible": list(RESPONSIBLE_SPELLINGS),
                "reportedTo": list(REPORTED_TO_SPELLINGS),
                "sitting": [list(words) for words in SITTING_SPELLINGS],
                "satInLast": list(SAT_IN_LAST),
                "defining": sorted(" ".join(pair) for pair in DEFINING_SPELLINGS),
                "notDefining": list(NOT_DEFINING_SPELLINGS), "articles": sorted(ARTICLES),
                "roleWords": list(ROLE_SPELLINGS),
                "hintMin": NODE_HINT_MIN, "nearTie": POSTS_NEAR_TIE,
                "writtenMin": WRITTEN_NAME_MIN, "writtenChars": WRITTEN_NAME_CHARS,
                "writtenRouteMin": WRITTEN_ROUTE_MIN,
                "margin": ROUTE_MARGIN, "nameWords": NAME_WORDS, "strayGap": STRAY_GAP,
                "nameWeight": NAME_WEIGHT,
                "readAs": READ_AS, "readAsMin": READ_AS_MIN_LETTERS,
                "notTypos": kle_words_near(names),
                "asOf": (page.as_of or date.today()).isoformat()} if tasks is not None else {})
    return _render("start.html", page, query=query, answers=answers,
                   tasks_json=tasks if tasks is not None else None, reading=reading,
                   kle_hint=kle_hint, only_weak=only_weak, no_phone_numbers=no_phone_numbers,
                   no_amounts=no_amounts, who_not=who_not,
                   node_hint=node_hint, node_link=node_link,
                   ask_instead=ask_instead,
                   answered_as_of=answered_as_of, examples=examples or [],
                   as_of_note=as_of_note(answered_as_of, as_of_reading, page.lang,
                                         event=as_of_event)
                   if answered_as_of else None)


def _names(graph: ViewGraph) -> Callable[[str], str]:
    labels = {n["id"]: n["label"] for n in graph.nodes}
    return lambda node_id: labels.get(node_id, node_id)


def _named(graph: ViewGraph) -> Callable[[str], str]:
    """A node's name for the page's text, a Danish one on an English page marked so.

    The template says it through ``danish_parts`` (``lang="da"``).

    (``names`` gives the plain name, for the page's title, which holds no markup.)
    """
    labels = {n["id"]: marked_danish(n["label"]) if n.get("label_lang") else n["label"]
              for n in graph.nodes}
    return lambda node_id: labels.get(node_id, node_id)
