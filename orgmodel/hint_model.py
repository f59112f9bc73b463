r"""A hint beside ``owners``: the node a question names, and who is in charge of it or takes part.

The model of :mod:`orgmodel.node_hint`'s answer and its text in Danish and English, apart
from how a question finds the node, so that :mod:`orgmodel.collaboration` can give one too.

Examples
--------
>>> from orgmodel.schema import Kind
>>> hint = NodeHint(node=NodeRef(id="system:aula", name="Aula", kind=Kind.SYSTEM), relations=[
...     Relation(type=EdgeType.SUPPORTS, node=NodeRef(id="unit:it", name="IT", kind=Kind.UNIT),
...              source="seed", confidence="high")])
>>> print(hint.text("en").replace(". ", ".\n"))
Aula is a system that no task in the model uses.
Supported by: IT (confidence: high, source: seed).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from orgmodel.between import Between
from orgmodel.contract import NodeRef
from orgmodel.exceptions import held_text
from orgmodel.list_kinds import LISTS
from orgmodel.messages import Lang, certainty, in_danish, name_in, role_in
from orgmodel.node_sizes import COUNTS, size_text
from orgmodel.schema import Confidence, EdgeType, Kind
from orgmodel.semantics import USED_KINDS

__all__ = ["MEMBERS_OF_SEATS", "NO_SIZE", "STATUS_WORDS", "ListedNote", "NodeHint", "Relation",
           "kind_phrase", "node_name", "node_ref"]

_E = EdgeType
# Relations that say where a node sits (what lies under it, where its cases go), not who is
# in charge of it or takes part: a hint of these alone does not answer "who".
_ONLY_AROUND = frozenset({EdgeType.PART_OF, EdgeType.SUBMITS_TO})

_KIND_WORDS: dict[Kind, tuple[str, str]] = {
    Kind.SYSTEM: ("et system", "a system"), Kind.ASSET: ("udstyr", "equipment"),
    Kind.INITIATIVE: ("et initiativ", "an initiative"),
    Kind.POLICY: ("en politik eller strategi", "a policy"), Kind.UNIT: ("en enhed", "a unit"),
    Kind.FORUM: ("et forum", "a forum"), Kind.BODY: ("et politisk organ", "a political body"),
    Kind.POST: ("en stilling", "a post"), Kind.PERSON: ("en person", "a person"),
    Kind.ORGANISATION: ("en organisation", "an organisation"),
    Kind.STAKEHOLDER: ("en interessent", "a stakeholder"), Kind.TASK: ("en opgave", "a task"),
}
#: A unit's level as a sentence says it (the data's ``level`` values).
_LEVEL_WORDS: dict[str, tuple[str, str]] = {
    "direktørområde": ("et direktørområde", "a director area"),
    "afdeling": ("en afdeling", "a department"), "stab": ("en stabsfunktion", "a staff function"),
    "enhed": ("en enhed", "a unit"), "team": ("et team", "a team"),
}
_RELATION_WORDS: dict[EdgeType, tuple[str, str]] = {
    _E.OPERATES: ("Drives af", "Operated by"), _E.SUPPORTS: ("Understøttes af", "Supported by"),
    _E.SUPPLIES: ("Leveres af", "Supplied by"), _E.HEADS: ("Ledes af", "Headed by"),
    _E.MEMBER_OF: ("Medlemmer", "Members"), _E.PARTICIPATES_IN: ("Deltagere", "Taking part"),
    _E.CONTRIBUTES_TO: ("Bidrager", "Contributing"), _E.DECIDES: ("Besluttes af", "Decided by"),
    _E.RESULTED_FROM: ("Førte til", "Led to"), _E.HOLDS: ("Besat af", "Held by"),
    _E.PART_OF: ("Under sig", "Under it"),
    _E.SUBMITS_TO: ("Får sager fra", "Receives cases from"),
    _E.ADVISES: ("Rådgives af", "Advised by"), _E.SERVES: ("Betjenes af", "Served by"),
    _E.REPORTS_TO: ("Direkte underordnede", "Direct reports"),
    _E.USES: ("Bruges af", "Used by"),
}
#: The bodies, fora and initiatives under a node, each said apart from its units (in this
#: order, after them).
_UNDER_WORDS: dict[Kind, tuple[str, str]] = {
    Kind.BODY: ("Politiske organer under sig", "Political bodies under it"),
    Kind.FORUM: ("Fora", "Fora"), Kind.INITIATIVE: ("Initiativer", "Initiatives"),
}
_UNDER_ORDER = (None, *_UNDER_WORDS)
_OUTWARD_WORDS: dict[EdgeType, tuple[str, str]] = {
    _E.HOLDS: ("Bestrider", "Holds"), _E.HEADS: ("Leder", "Heads"),
    _E.REPORTS_TO: ("Refererer til", "Reports to"),
    _E.RESPONSIBLE_FOR: ("Ansvarlig for", "Accountable for"),
    _E.SUPPLIES: ("Leverer", "Supplies"), _E.PARTICIPATES_IN: ("Deltager i", "Takes part in"),
    _E.SERVES: ("Betjener", "Serves"),
    _E.SUBMITS_TO: ("Sender sager videre til", "Passes cases on to"),
    _E.COLLABORATES_WITH: ("Samarbejder med", "Collaborates with"),
    _E.MEMBER_OF: ("Medlem af", "Member of"), _E.ADVISES: ("Rådgiver", "Advises"),
    _E.SUPPORTS: ("Understøtter", "Supports"), _E.DECIDES: ("Beslutter", "Decides"),
}


#: What a hint asked for a size says when the record counts none (Danish, English).
NO_SIZE = ("Modellen angiver ikke dens størrelse.", "The model does not give its size.")
MEMBERS_NAMED = ("Data nævner {count} {members}; modellen angiver ikke, om det er alle.",
                 "The data names {count} {members}; the model does not say whether that is all.")
_MEMBER_WORDS = (("medlem", "medlemmer"), ("member", "members"))
MEMBERS_OF_SEATS = ("Data nævner {count} af de {seats} medlemmer.",
                    "The data names {count} of the {seats} members.")
NO_COUNT = ("Modellen angiver ikke antallet af {what}.",
            "The model does not give the number of {what}.")
#: An initiative's status as a hint says it (Danish, English).
STATUS_WORDS: dict[str, tuple[str, str]] = {
    "planned": ("planlagt", "planned"), "active": ("i gang", "under way"),
    "completed": ("afsluttet", "completed")}
NO_MEETINGS = ("Modellen angiver ikke, hvor ofte den mødes.",
               "The model does not say how often it meets.")


class Relation(BaseModel):
    """Someone in charge of the named node, or taking part in it."""

    model_config = ConfigDict(frozen=True)

    type: EdgeType = Field(description="The relation, e.g. HEADS, SUPPORTS, MEMBER_OF.")
    node: NodeRef = Field(description="Who.")
    role: str | None = Field(None, description="The role the relation gives, e.g. formand.")
    source: str = Field(description="Source of the relation.")
    confidence: Confidence = Field(description="How sure the relation is: high, medium or low.")
    outward: bool = Field(False, description="The relation runs from the named node: the posts "
                                             "a person holds, what a post heads or reports to.")
    held_by: NodeRef | None = Field(None, description="Who holds the post that heads the named "
                                                      "node, where the data says.")
    held_source: str | None = Field(None, description="Source of the holding (held_by).")
    held_confidence: Confidence | None = Field(None, description="How sure the holding is.")
    via: NodeRef | None = Field(None, description="A task of a unit, post, body or forum asked "
                                                 "for its tasks (``asked_tasks``): the unit or "
                                                 "post under it that holds the task; a "
                                                 "collaboration of a unit that has none of its "
                                                 "own: its head or the unit under it that "
                                                 "holds it.")

    @computed_field(  # type: ignore[prop-decorator]
        description="The role in English, where the vocabulary has it (else as written).")
    @property
    def role_en(self) -> str | None:
        """The role in English: an English client's label (``data/vocabulary/roles.yaml``)."""
        return role_in(self.role, "en") if self.role else None


class ListedNote(BaseModel):
    """The note the records of some nodes of a list share: why they are not certain."""

    model_config = ConfigDict(frozen=True)

    note: str = Field(description="The note, as the records have it (in Danish).")
    nodes: list[NodeRef] = Field(description="The nodes of the list whose record has it.")


class NodeHint(BaseModel):
    """What a question names that is not a task, and who is in charge of it or takes part."""

    model_config = ConfigDict(frozen=True)

    node: NodeRef = Field(
        description="The system, asset, initiative, policy, unit, forum, body, post or person.")
    relations: list[Relation] = Field(description="Who is in charge of it or takes part.")
    counts: dict[str, int] = Field(
        default_factory=dict, description="Its size as its record counts it, e.g. seats: 21, "
                                          "staff_count: 75 (orgmodel.node_sizes.COUNTS).")
    counts_minimum: bool = Field(False, description="The system count is a minimum (more than).")
    asked_size: bool = Field(False, description="The question asked how big it is: without "
                                                "counts, the hint says the model has none.")
    asked_count: str | None = Field(None, description="The count a question of size asked for "
                                                      "(staff_count, seats, inhabitants): where "
                                                      "the record lacks it, the hint says so.")
    about: str | None = Field(None, description="What it is: the start of its description.")
    about_en: str | None = Field(None, description="The same in English, where the data has it.")
    meets: str | None = Field(None, description="How often a forum or body meets, as the data "
                                                "says it (in Danish).")
    meets_en: str | None = Field(None, description="``meets`` in English, where the data "
                                                   "has it (English answers say ``meets`` "
                                                   "otherwise).")
    status: Literal["planned", "active", "completed"] | None = Field(
        None, description="An initiative's status, where its record has one.")
    asked_meeting: bool = Field(False, description="The question asked how often it meets: "
                                                   "without ``meets``, the hint says so.")
    as_of: date | None = Field(None, description="The date its relations hold on.")
    not_on_date: bool = Field(False, description="It does not hold on ``as_of`` (a question of "
                                                 "another day): ``holds_from``/``holds_to`` "
                                                 "say when it does, and it has no relations.")
    holds_from: date | None = Field(None, description="With ``not_on_date``: its first day.")
    holds_to: date | None = Field(None, description="With ``not_on_date``: its last day.")
    asked_when: Literal["from", "to"] | None = Field(
        None, description="A question of when it began (from) or ended (to): its own dates "
        "(``holds_from``, ``holds_to``), as sure as its record, said first.")
    record_confidence: Confidence | None = Field(
        None, description="With ``asked_when``: how sure its record (and so its dates) is.")
    record_source: str | None = Field(None, description="With ``asked_when``: its record's "
                                                        "source.")
    record_note: str | None = Field(None, description="With ``asked_when``: its record's note "
                                                      "(why it says so: \"1 January 2021 is a "
                                                      "placeholder\"), said after its dates.")
    dated_da: str | None = Field(None, description="With ``asked_when`` and no day of its "
                                 "own: the sentences of its description that name a year "
                                 "(\"Stillingen besættes pr. 1. januar 2024 …\"), said after "
                                 "the data gives no date.")
    dated_en: str | None = Field(None, description="The same of its English description.")
    change_event: bool = Field(False, description="With ``asked_when``: its record is of a "
                                                  "change (a merger): the day it was carried "
                                                  "out is its first.")
    held_post: NodeRef | None = Field(
        None, description="With ``asked_when``, of a person: the post they hold, whose holding "
        "the dates are (\"hvornår tiltrådte Henrik Harder?\").")
    succeeded_by: NodeRef | None = Field(
        None, description="With ``not_on_date``, after its last day: the node that took over "
                          "its relations the day after (a hand-over, POST …/successor).")
    listing: str | None = Field(None, description="A question of which of a kind there are "
                                                  "(\"hvilke udvalg er der?\"): what it lists "
                                                  "(committees, fora, departments, units); the "
                                                  "relations are every one under the node.")
    listing_running: bool = Field(False, description="With ``listing``: only those under way "
                                                     "(\"hvilke initiativer kører?\"), not "
                                                     "those planned or completed.")
    listing_notes: list[ListedNote] = Field(
        default_factory=list, description="With ``listing``: the notes of the listed nodes' "
        "records, each once with the nodes that have it (\"Navn fra afdelingslisten 2014; "
        "ikke bekræftet for 2023.\"): a list said as fact was half assumed.")
    asked_parts: str | None = Field(None, description="A question of how many of a kind lie "
                                                      "under the node (\"hvor mange enheder har "
                                                      "Økonomi og Stab?\"): which (a key of the "
                                                      "lists, as ``listing``); the hint says "
                                                      "how many first.")
    asked_head: bool = Field(False, description="A question of who heads it (\"hvem er "
                                                "formand for Børne- og Skoleudvalget?\"): "
                                                "its head said first, or that the data names "
                                                "no one.")
    asked_route: bool = Field(False, description="A question of a body's cases (\"hvor går "
                                                 "sagerne hen efter Økonomiudvalget?\"): where "
                                                 "they come from and go (SUBMITS_TO), said first.")
    route_onward_asked: bool = Field(False, description="With ``asked_route``: the question "
                                     "asks where the cases go after it (\"hvor går sagerne "
                                     "hen efter ØU?\"): said before where they come from.")
    route_onward: list[NodeRef] = Field(
        default_factory=list, description="With ``asked_route``: where the cases go after the "
        "body they go on to, in order (SUBMITS_TO followed while each body sends on to one): "
        "\"fra Miljø- og Byudvalget … til Økonomiudvalget, og derfra til "
        "Kommunalbestyrelsen\".")
    asked_line: Literal["up", "down", "sits"] | None = Field(
        None, description="A question of a post's line: whom it reports to (up, \"hvem "
                          "refererer økonomichefen til?\") or who reports to it (down), or "
                          "what it sits in (sits, \"which committees does the head of "
                          "Finance and Staff attend?\"): the hint says that first.")
    asked_place: bool = Field(False, description="A question of what it lies under (\"hvilket "
                                                 "direktørområde hører Skole og Uddannelse "
                                                 "under?\"): ``above`` said first, or that "
                                                 "the data does not say.")
    above: list[Relation] = Field(default_factory=list, description="With ``asked_place``: "
                                  "what it lies under, nearest first (PART_OF; a post's first "
                                  "step POST_IN), up to what lies under nothing.")
    asked_decides: bool = Field(False, description="A question of what it decides (\"hvad "
                                                   "beslutter Økonomiudvalget?\"): what it "
                                                   "decides (DECIDES), said first.")
    between: Between | None = Field(None, description="A question of yes or no that names "
                                    "another node too (\"sidder borgmesteren i "
                                    "Økonomiudvalget?\"): how this one stands to it, said "
                                    "first (orgmodel.between).")
    level: str | None = Field(None, description="A unit's level, as its record says it "
                                                "(afdeling, enhed, team, …).")
    asked_supplier: bool = Field(False, description="A question of who supplies a system or "
                                 "equipment (\"hvem leverer OPUS?\"): its suppliers "
                                 "(SUPPLIES), said first.")
    asked_operator: bool = Field(False, description="A question of who runs a system or "
                                 "equipment a task uses (\"hvem drifter Politiker Web?\"): who "
                                 "operates it (OPERATES), else supports it (SUPPORTS), said "
                                 "first.")
    asked_stakeholders: bool = Field(False, description="A question of a post's stakeholders "
                                     "(\"hvem er de vigtigste interessenter for chefen for "
                                     "Økonomi og Stab?\"): ``stakeholders`` said first.")
    stakeholders: list[NodeRef] = Field(default_factory=list, description="With "
                                        "``asked_stakeholders``: those the stakeholder map "
                                        "says to manage closely, the strongest first.")
    stakeholders_more: int = Field(0, description="With ``asked_stakeholders``: how many "
                                                  "more stakeholders the map has.")
    asked_tasks: bool = Field(False, description="A question of its tasks (\"hvad er Økonomi "
                                                 "og Stabs opgaver?\"): the relations are the "
                                                 "tasks of it and of everything under it, each "
                                                 "with who under it holds it (``via``).")
    no_holder: bool = Field(False, description="A post the data names no one in: who holds it "
                                               "is what a question of it often asks, and that "
                                               "the data does not say is an answer too.")

    @property
    def answers(self) -> bool:
        """Whether it answers what was asked: someone related to it, or what was asked of it.

        What a team lies under answers "hvad hører Drift Nord under?" though no one is named
        in charge of the team.
        """
        # a question of yes or no is answered by what the data holds of the two, even nothing
        return bool(self.relations or self.above or self.stakeholders or self.between
                    or (self.asked_size and self.counts))

    @property
    def says_who(self) -> bool:
        """Whether it names someone in charge or taking part (not only what lies under it)."""
        return any(r.type not in _ONLY_AROUND for r in self.relations)

    @computed_field(description="The hint in Danish.")  # type: ignore[prop-decorator]
    @property
    def text_da(self) -> str:
        """The hint in Danish (also in the API's JSON)."""
        return self.text("da")

    @computed_field(description="The hint in English.")  # type: ignore[prop-decorator]
    @property
    def text_en(self) -> str:
        """The hint in English (also in the API's JSON)."""
        return self.text("en")

    def text(self, lang: Lang) -> str:
        """The hint as a few short sentences, in Danish or English."""
        lead = self.line_answer(lang)
        if lead and self.between is not None and self.node.kind is Kind.TASK:
            return lead  # a task asked of is answered beside it, with its owners
        return f"{lead} {self._text(lang)}" if lead else self._text(lang)

    def line_answer(self, lang: Lang) -> str | None:
        """The answer to what the question asked of the node, said before the rest of the hint.

        How many parts (``asked_parts``), where its cases go (``asked_route``), who heads it
        (``asked_head``), what it lies under (``asked_place``) or a post's line
        (``asked_line``): "Chef for Økonomi og Stab
        refererer til Kommunaldirektør." was a phrase in the middle of some 800 characters.
        ``None`` when none was asked.
        """
        if self.between is not None:  # "sidder borgmesteren i Økonomiudvalget?"
            return self.between.text(self.node, lang)
        if self.asked_when is not None:  # "hvornår blev Organisation og Politik oprettet?"
            return self._when(lang)
        if self.asked_parts is not None:  # "hvor mange enheder har Økonomi og Stab?"
            return self._parts(lang)
        if self.asked_route:
            return self._route(lang)
        if self.asked_head:
            return self._head(lang)
        if self.asked_size:  # "hvor mange medarbejdere har Økonomi og Stab?"
            return self._size(lang)
        if self.asked_place:
            return self._place(lang)
        if self.asked_stakeholders:
            return self._stakeholders(lang)
        if self.asked_supplier:
            return self._supplier(lang)
        if self.asked_operator:
            edge = _E.OPERATES if self.operated_by(_E.OPERATES) else _E.SUPPORTS
            by_da, by_en = (words.lower() for words in _RELATION_WORDS[edge])
            return self._by(lang, edge, (f"{{name}} {by_da}: {{by}}.",
                                         f"{{name}} is {by_en}: {{by}}."),
                            ("Data nævner ingen, der driver {name}.",
                             "The data names no one who runs {name}."))
        if self.asked_decides:
            at = 0 if lang == "da" else 1
            name = node_name(self.node, lang)
            decided = ", ".join(self._said(lang, (_E.DECIDES,), outward=True))
            return (f"{name} beslutter: {decided}.", f"{name} decides: {decided}.")[at] \
                if decided else (f"Data siger ikke, hvad {name} beslutter.",
                                 f"The data does not say what {name} decides.")[at]
        if self.asked_line is not None:
            return self._line(lang)
        return None

    def _when(self, lang: Lang) -> str:
        """Its first or last day in the data, as sure as its record, or that there is none."""
        at = 0 if lang == "da" else 1
        name = node_name(self.node, lang)
        day = self.holds_from if self.asked_when == "from" else self.holds_to
        sure = certainty(self.record_confidence.value, self.record_source or "", lang) \
            if self.record_confidence else ""
        if self.held_post is not None:  # a person: their holding of the post
            post = node_name(self.held_post, lang)
            said = self._held_when(name, post, day, sure, lang)
            return f"{said} {self._record_note(lang)}" if self.record_note else said
        if day is None:
            said = ((f"Data angiver ikke, hvornår {name} begyndte: den gælder, så langt data "
                     "rækker.", f"The data does not say when {name} began: it holds as far "
                     "back as the data goes.") if self.asked_when == "from" else
                    (f"Data angiver ingen slutning for {name}: den gælder stadig.",
                     f"The data gives {name} no end: it still holds."))[at]
            # ... but its description may say a day in words (round 13: "hvornår startede den
            # nye chef for ØS?" was told no date, and the post "besættes pr. 1. januar 2024")
            dated = self.dated_en if lang == "en" and self.dated_en else (
                in_danish(self.dated_da, lang) if self.dated_da else None)
            return said + ((f" Beskrivelsen siger: »{dated}«", f" Its description says: “{dated}”")
                           [at] if dated else "")
        word = (("fra", "from") if self.asked_when == "from" else ("til", "until"))[at]
        said = (f"{name} gælder i data {word} {day.isoformat()} ({sure}).",
                f"{name} holds in the data {word} {day.isoformat()} ({sure}).")[at]
        # why the record says so: "datoen 2023-01-01 er en antagelse" (round 11: an assumed day
        # was said as sure as its record)
        return f"{said} {self._record_note(lang)}" if self.record_note else said

    def _record_note(self, lang: Lang) -> str:
        """Its record's note, as the data has it (in Danish: marked so in English, if asked)."""
        return in_danish(self.record_note or "", lang)

    def _held_when(self, name: str, post: str, day: date | None, sure: str, lang: Lang) -> str:
        """When a person took up or leaves the post they hold, or that the data gives no day."""
        at = 0 if lang == "da" else 1
        began = self.asked_when == "from"
        if day is None:
            return ((f"Data angiver ikke, hvornår {name} tiltrådte som {post}.",
                     f"The data does not say when {name} took up {post}.") if began else
                    (f"Data angiver ingen slutning for {name} som {post}: det gælder stadig.",
                     f"The data gives {name} as {post} no end: it still holds."))[at]
        word = (("fra", "from") if began else ("til", "until"))[at]
        return (f"{name} bestrider {post} i data {word} {day.isoformat()} ({sure}).",
                f"{name} holds {post} in the data {word} {day.isoformat()} ({sure}).")[at]

    def _parts(self, lang: Lang) -> str:
        """How many parts of the kind asked about lie under it, and which."""
        at = 0 if lang == "da" else 1
        name = node_name(self.node, lang)
        listed = LISTS[self.asked_parts or ""]
        what = listed.title[at].lower()
        parts = [_relation(r, lang) for r in self.relations if r.type is _E.PART_OF
                 and not r.outward and r.node.kind is listed.kind]
        listing = f": {', '.join(parts)}." if parts else "."
        return (f"{name} har {len(parts)} {what} i data{listing}",
                f"{name} has {len(parts)} {what} in the data{listing}")[at]

    def _said(self, lang: Lang, types: tuple[EdgeType, ...], *, outward: bool) -> list[str]:
        """The relations of ``types`` into the node (or, ``outward``, out of it), as said."""
        return [_relation(r, lang) for r in self.relations
                if r.type in types and r.outward == outward]

    def operated_by(self, *edges: EdgeType) -> bool:
        """Whether someone runs it by one of ``edges`` (into it): ``OPERATES``, ``SUPPORTS``."""
        return any(r.type in edges and not r.outward for r in self.relations)

    def _supplier(self, lang: Lang) -> str:
        """Who supplies it, or that the data names no one."""
        return self._by(lang, _E.SUPPLIES, ("{name} leveres af: {by}.",
                                            "{name} is supplied by: {by}."),
                        ("Data nævner ingen leverandør af {name}.",
                         "The data names no supplier of {name}."))

    def _head(self, lang: Lang) -> str:
        """Who heads it, or that the data names no one."""
        return self._by(lang, _E.HEADS, ("{name} ledes af: {by}.", "{name} is headed by: {by}."),
                        ("Data nævner ingen, der leder {name}.",
                         "The data names no one who heads {name}."))

    def _by(self, lang: Lang, edge: EdgeType, said: tuple[str, str],
            unsaid: tuple[str, str]) -> str:
        """Those related to it by ``edge`` (into it) in ``said``, or ``unsaid`` if none."""
        at = 0 if lang == "da" else 1
        by = ", ".join(self._said(lang, (edge,), outward=False))
        return (said if by else unsaid)[at].format(name=node_name(self.node, lang), by=by)

    def _stakeholders(self, lang: Lang) -> str:
        """Whom the post's stakeholder map says to manage closely, and where the rest are."""
        at = 0 if lang == "da" else 1
        name = node_name(self.node, lang)
        rest = (f" Kortet har {self.stakeholders_more} interessenter mere; se "
                f"interessentkortet for {name} eller orgmodel stakeholders {self.node.id}.",
                f" The map has {self.stakeholders_more} more; see the stakeholder map of "
                f"{name} or orgmodel stakeholders {self.node.id}.")[at]
        if not self.stakeholders:
            return (f"Interessentkortet for {name} har ingen at håndtere tæt.",
                    f"The stakeholder map of {name} has no one to manage closely.")[at] + rest
        who = ", ".join(node_name(node, lang) for node in self.stakeholders)
        return (f"Interessenter for {name} at håndtere tæt ({len(self.stakeholders)}), efter "
                f"interessentkortet: {who}.",
                f"Stakeholders of {name} to manage closely ({len(self.stakeholders)}), by the "
                f"stakeholder map: {who}.")[at] + rest

    def _size(self, lang: Lang) -> str:
        """Its size as its record counts it, or that the model does not count what was asked.

        "hvor mange medarbejdere har kommunen?": its inhabitants are no answer, and are said
        after that; "hvor mange sidder i Chefforum?": how many members the data names.
        """
        at = 0 if lang == "da" else 1
        name = node_name(self.node, lang)
        members = sum(r.type is _E.MEMBER_OF and not r.outward for r in self.relations)
        if self.counts:
            size = f"{name}: {size_text(self.counts, self.counts_minimum, lang)}."
            if self.asked_count and self.asked_count not in self.counts:
                return NO_COUNT[at].format(what=COUNTS[self.asked_count][at]) + " " + size
            return size
        if members:  # "no size" stood above a list of twelve members
            return MEMBERS_NAMED[at].format(count=members, members=_MEMBER_WORDS[at][members != 1])
        if self.asked_count:
            return NO_COUNT[at].format(what=COUNTS[self.asked_count][at])
        return NO_SIZE[at]

    def _place(self, lang: Lang) -> str:
        """What it lies under, nearest first, or that the data does not say."""
        at = 0 if lang == "da" else 1
        name = node_name(self.node, lang)
        line = " → ".join(_relation(r, lang) for r in self.above)
        if not line:
            return (f"Data siger ikke, hvad {name} hører under.",
                    f"The data does not say what {name} is part of.")[at]
        if self.node.kind is Kind.POST:
            return (f"{name} er en stilling i: {line}.", f"{name} is a post in: {line}.")[at]
        return (f"{name} hører under: {line}.", f"{name} is part of: {line}.")[at]

    def _line(self, lang: Lang) -> str:
        """A post's line: whom it reports to, who reports to it, or what it sits in."""
        at = 0 if lang == "da" else 1
        name = node_name(self.node, lang)
        if self.asked_line == "sits":
            sits = ", ".join(self._said(lang, (_E.MEMBER_OF, _E.PARTICIPATES_IN), outward=True))
            return (f"{name} sidder i eller deltager i: {sits}.",
                    f"{name} sits in or takes part in: {sits}.")[at] if sits else (
                f"Data siger ikke, hvad {name} sidder i.",
                f"The data does not say what {name} sits in.")[at]
        up = self.asked_line == "up"
        line = ", ".join(self._said(lang, (_E.REPORTS_TO,), outward=up))
        if up:
            return (f"{name} refererer til {line}.", f"{name} reports to {line}.")[at] if line \
                else (f"Data siger ikke, hvem {name} refererer til.",
                      f"The data does not say whom {name} reports to.")[at]
        return (f"Til {name} refererer: {line}.", f"Reporting to {name}: {line}.")[at] if line \
            else (f"Ingen refererer til {name} i data.",
                  f"No one reports to {name} in the data.")[at]

    def _route(self, lang: Lang) -> str:
        """Where a body's cases come from and where they go on to, in a sentence or two."""
        at = 0 if lang == "da" else 1
        name = node_name(self.node, lang)
        came, goes = (self._said(lang, (_E.SUBMITS_TO,), outward=outward)
                      for outward in (False, True))
        said = []
        if goes:
            said.append((f"Fra {name} går sagerne videre til: {', '.join(goes)}.",
                         f"From {name}, cases go on to: {', '.join(goes)}.")[at])
        if goes and self.route_onward:  # "hvordan kommer en sag fra BSU til KB?": the rest
            onward = " → ".join(node_name(body, lang) for body in self.route_onward)
            said.append((f"Derfra går de videre til: {onward}.",
                         f"From there they go on to: {onward}.")[at])
        if came:
            came_from = (f"Sager kommer til {name} fra: {', '.join(came)}.",
                         f"Cases come to {name} from: {', '.join(came)}.")[at]
            # where they go first when asked ("hvor går sagerne hen efter ØU?" was told first
            # where they come from); else where they come from, as a route reads
            said.insert(len(said) if self.route_onward_asked else 0, came_from)
        return " ".join(said) or (
            f"Data siger ikke, hvor sagerne i {name} kommer fra eller går hen.",
            f"The data does not say where the cases of {name} come from or go.")[at]

    def _text(self, lang: Lang) -> str:
        """The hint without the answer to a question of its line."""
        at = 0 if lang == "da" else 1
        name = node_name(self.node, lang)
        if self.asked_tasks:  # "hvad er Økonomi og Stabs opgaver?": the tasks are the answer
            tasks = ", ".join(_task_held(r, lang) for r in self.relations)
            if self.node.kind is Kind.POST:  # the tasks of what it heads
                return (f"Opgaver under {name}: {tasks}.", f"Tasks under {name}: {tasks}.")[at]
            return (f"Opgaver i {name} og under den: {tasks}.",
                    f"Tasks of {name} and under it: {tasks}.")[at]
        if self.listing is not None:  # "hvilke udvalg er der?": the list is the answer
            what = LISTS[self.listing].title[at]
            who = ", ".join(_relation(r, lang) for r in self.relations)
            # how many, too: "hvor mange afdelinger er der?" asks just that
            count = len(self.relations)
            under_way = ("i gang ", "under way ")[at] if self.listing_running else ""
            listed = (f"{what} {under_way}i {name} ({count}): {who}.",
                      f"{what} {under_way}in {name} ({count}): {who}.")[at]
            return listed + self._listing_notes(lang)
        # a unit by its level: "Økonomi og Stab er en afdeling" (it said "en enhed", which
        # is another level, and its own description says "Afdeling")
        kind = _LEVEL_WORDS.get(self.level or "", _KIND_WORDS[self.node.kind])[at]
        if self.node.kind in USED_KINDS and any(r.type is _E.USES for r in self.relations):
            first = (f"{name} er {kind}.", f"{name} is {kind}.")[at]  # what for: below
        elif self.node.kind in USED_KINDS:
            first = (f"{name} er {kind}, som ingen opgave i modellen bruger.",
                     f"{name} is {kind} that no task in the model uses.")[at]
        else:
            first = (f"{name} er {kind}, ikke en opgave.", f"{name} is {kind}, not a task.")[at]
        holder = self._holder(lang)
        if holder:  # "hvem er borgmester?" is answered by who holds it, said first
            first += " " + holder
        english = lang == "en" and bool(self.about_en)
        about = self.about_en if english else self.about
        # "hvad er Digitaliseringsrådet?": what it does, before who takes part; asked its size,
        # the size is said first (line_answer) and the description left out (it buried it)
        if about and not self.asked_size:
            about = about if about.endswith((".", "!", "?", "…")) else about + "."
            # (Danish in an English hint where the data has no English: marked, if asked)
            first += " " + (about if english else in_danish(about, lang))
        if self.counts and not self.asked_size:
            size = size_text(self.counts, self.counts_minimum, lang)
            first += (f" Størrelse: {size}.", f" Size: {size}.")[at]
        if self.status:  # "hvad er status på letbanen?" met payroll by "status"
            first += (f" Status: {STATUS_WORDS[self.status][0]}.",
                      f" Status: {STATUS_WORDS[self.status][1]}.")[at]
        if self.meets:  # "hvor tit mødes ØS-IT?" was answered by a stray task
            first += (f" Mødes: {self.meets}.",
                      f" Meets: {self.meets_en or in_danish(self.meets, lang)}.")[at]
        elif self.asked_meeting:
            first += " " + NO_MEETINGS[at]
        if self.not_on_date:
            day = self.as_of.isoformat() if self.as_of else ""
            span = held_text(self.holds_from, self.holds_to, (("fra", "til"), ("from", "to"))[at])
            held = first + (f" Den gælder ikke pr. {day}, men {span}.",
                            f" It does not hold on {day}; it holds {span}.")[at]
            if self.succeeded_by is not None and self.holds_to is not None:
                then = (self.holds_to + timedelta(days=1)).isoformat()
                held += (f" Fra {then} efterfulgt af {node_name(self.succeeded_by, lang)}.",
                         f" From {then} succeeded by {node_name(self.succeeded_by, lang)}.")[at]
            return held
        if not self.relations and self.node.kind is Kind.PERSON:
            # The date is said: a question without one is asked of today, which "the date
            # asked about" did not tell.
            day = self.as_of.isoformat() if self.as_of else ""
            on = ((f" pr. {day}", f" on {day}")[at]) if day else ""
            return first + (f" {name} bestrider ingen stilling i modellen{on}.",
                            f" {name} holds no post in the model{on}.")[at]
        if not self.relations and self.node.kind is Kind.STAKEHOLDER:
            return first  # a group of stakeholders, counted: no one is in charge of it
        if not self.relations:
            return first + (f" Ingen er registreret som ansvarlig for {name} eller som deltager.",
                            f" No one is recorded as in charge of {name} or taking part.")[at]
        said = []
        groups = dict.fromkeys(_group(r) for r in self.relations
                               if not (holder and r.type is _E.HOLDS and not r.outward))
        for group in sorted(groups, key=lambda g: _UNDER_ORDER.index(g[2])):  # units first
            edge_type, outward, under = group
            who = ", ".join(_relation(r, lang) for r in self.relations if _group(r) == group)
            words = _UNDER_WORDS[under] if under else (
                _OUTWARD_WORDS if outward else _RELATION_WORDS)[edge_type]
            said.append(f"{words[at]}: {who}.")
            if (edge_type, outward, under) == (_E.MEMBER_OF, False, None) and (
                    partly := self._members_partly(lang)):
                said.append(partly)
        return " ".join([first, *said])

    def _members_partly(self, lang: Lang) -> str | None:
        """That the members named are not all, where the node counts more seats than that.

        "hvem sidder i Kommunalbestyrelsen?" named the mayor alone, beside "Størrelse: 21
        medlemmer"; a political body that counts no seats (Økonomiudvalget) is not said to
        have only the members the model holds.
        """
        at = 0 if lang == "da" else 1
        named = sum(r.type is _E.MEMBER_OF and not r.outward for r in self.relations)
        seats = self.counts.get("seats")
        if seats is not None and named < seats:
            return MEMBERS_OF_SEATS[at].format(count=named, seats=seats)
        if seats is None and self.node.kind is Kind.BODY and not self.asked_size:
            # (asked its size, the hint said so first)
            return MEMBERS_NAMED[at].format(count=named, members=_MEMBER_WORDS[at][named != 1])
        return None

    def _listing_notes(self, lang: Lang) -> str:
        """" Bemærk: A, B: note. C: note." after a list, or nothing."""
        said = []
        for group in self.listing_notes:
            note = group.note if group.note.endswith((".", "!", "?")) else group.note + "."
            note = in_danish(note, lang)  # the records' own words, in Danish
            # (names joined by "; ": "Arbejdsmarked, Erhverv og Ydelser" holds a comma)
            said.append(f"{'; '.join(node_name(n, lang) for n in group.nodes)}: {note}")
        return f" {('Bemærk', 'Note')[lang == 'en']}: {' '.join(said)}" if said else ""

    def _holder(self, lang: Lang) -> str | None:
        """Who holds a post, in a sentence: its holders, or that the data names no one.

        Said after the post's kind, before what it does: "Besat af: ingen person i data." came
        last, after some 1,000 characters, and "hvem er chef for …?" asks just that.
        """
        if self.node.kind is not Kind.POST:
            return None
        at = 0 if lang == "da" else 1
        if self.no_holder:
            return ("Besat af: ingen person i data.", "Held by: no person in the data.")[at]
        held = ", ".join(self._said(lang, (_E.HOLDS,), outward=False))
        return f"{_RELATION_WORDS[_E.HOLDS][at]}: {held}." if held else None


def _group(relation: Relation) -> tuple[EdgeType, bool, Kind | None]:
    """Which sentence of a hint says ``relation``: its type, direction, and kind under it.

    A body, forum or initiative under the node is said apart from its units, by its kind.
    "Under sig" listed a unit's management team among its units, and the council's
    committees as a municipality's units.
    """
    under = (relation.node.kind if relation.type is _E.PART_OF and not relation.outward
             and relation.node.kind in _UNDER_WORDS else None)
    return relation.type, relation.outward, under


def _task_held(relation: Relation, lang: Lang) -> str:
    """A task of an ``asked_tasks`` hint: its name, who under the node holds it, how surely."""
    holder = f"{node_name(relation.via, lang)}; " if relation.via else ""
    sure = certainty(relation.confidence.value, relation.source, lang)
    return f"{node_name(relation.node, lang)} ({holder}{sure})"


def _relation(relation: Relation, lang: Lang) -> str:
    sure = certainty(relation.confidence.value, relation.source, lang)
    role = f"{role_in(relation.role, lang)}; " if relation.role else ""
    if relation.via:  # a department's collaboration, held by a unit under it or its head
        role = f"{('gennem', 'through')[lang == 'en']} {node_name(relation.via, lang)}: {role}"
    held = (f", {('besat af', 'held by')[lang == 'en']} {node_name(relation.held_by, lang)}"
            if relation.held_by else "")
    # Who holds the post is known as surely as its own record says (the mayor's chair by law,
    # its holder from Wikipedia): said where it differs from the relation's.
    if relation.held_by and relation.held_confidence and relation.held_source and (
            relation.held_confidence, relation.held_source) != (relation.confidence,
                                                                relation.source):
        holding = certainty(relation.held_confidence.value, relation.held_source, lang)
        sure += f"; {('besættelsen', 'the holder')[lang == 'en']}: {holding}"
    return f"{node_name(relation.node, lang)}{held} ({role}{sure})"


def kind_phrase(kind: str, lang: Lang) -> str:
    """A kind with its article, as a sentence says it ("en enhed", "a political body").

    >>> kind_phrase("Unit", "da"), kind_phrase("Body", "en")
    ('en enhed', 'a political body')
    """
    words = _KIND_WORDS.get(Kind(kind)) if kind in {k.value for k in Kind} else None
    return words[lang == "en"] if words else kind


def node_name(node: NodeRef, lang: Lang) -> str:
    """A node's name in ``lang``: the English one on English pages, where it has one."""
    return name_in(node.name, node.name_en, lang)


def node_ref(node: NodeRef) -> NodeRef:
    """A hint's reference to ``node`` (a :class:`NodeView` is one, with more than a hint says)."""
    return NodeRef(id=node.id, name=node.name, name_en=node.name_en, kind=node.kind)
