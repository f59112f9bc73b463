"""What the data says of two nodes together: the answer to a question of yes or no.

"er chefen for Økonomi og Stab med i Direktørforum?" names a post and a forum; the answer
is the relations between them, each as sure as its record ("Ja: … deltager i Direktørforum
(nøglespiller; sikkerhed: middel, kilde: seed)"), or the line one lies under the other by, or
that the data holds no relation between them and how they are connected all the same. The
data holding nothing is not a no: it is said as what the data holds.
:mod:`orgmodel.yes_no` reads the question; a :class:`~orgmodel.hint_model.NodeHint` carries
the answer in its ``between``.

Examples
--------
>>> from orgmodel.contract import NodeRef
>>> from orgmodel.schema import Confidence, EdgeType, Kind
>>> chef = NodeRef(id="post:chef", name="Chef", kind=Kind.POST)
>>> forum = NodeRef(id="forum:df", name="Direktørforum", kind=Kind.FORUM)
>>> tie = Tie(type=EdgeType.PARTICIPATES_IN, role="nøglespiller", source="seed",
...           confidence=Confidence.MEDIUM)
>>> Between(other=forum, ties=[tie]).text(chef, "da")
'Ja: Chef deltager i Direktørforum (nøglespiller; sikkerhed: middel, kilde: seed).'
>>> Between(other=forum, path=[NodeRef(id="post:dir", name="Direktør", kind=Kind.POST),
...                            forum]).text(chef, "da")
'Data har ingen direkte relation mellem Chef og Direktørforum; de er forbundet gennem Direktør.'
>>> Between(other=forum, ties=[tie], asked=[EdgeType.HEADS]).text(chef, "en")[:55]
'The data does not say that Chef heads Direktørforum; it'
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from orgmodel.contract import NodeRef
from orgmodel.messages import Lang, certainty, edge_name, in_danish, name_in, role_in
from orgmodel.schema import Confidence, EdgeType

__all__ = ["Between", "Tie"]


class Tie(BaseModel):
    """One relation between the two nodes, read from the first one named."""

    model_config = ConfigDict(frozen=True)

    type: EdgeType = Field(description="The relation, e.g. MEMBER_OF, HEADS, PART_OF.")
    inverse: bool = Field(False, description="It runs from the other node to the one named "
                                             "first (\"ledes af\").")
    role: str | None = Field(None, description="The role it gives, e.g. formand.")
    raci: str | None = Field(None, description="A responsibility's R, A, C or I.")
    source: str = Field(description="Source of the relation.")
    confidence: Confidence = Field(description="How sure the relation is.")
    note: str | None = Field(None, description="The record's note: why it says what it says "
                                               "(\"… så chefen er ikke medlem\").")


class Between(BaseModel):
    """How the node a question names first stands to the other it names."""

    model_config = ConfigDict(frozen=True)

    other: NodeRef = Field(description="The other node the question names.")
    ties: list[Tie] = Field(default_factory=list,
                            description="The relations between the two, read from the first.")
    asked: list[EdgeType] = Field(
        default_factory=list, description="The relations the question's words ask about "
        "(\"leder\": HEADS), where they name any; ties of other kinds are then said as what "
        "the data holds instead.")
    asked_inverse: bool = Field(
        False, description="The question asks the relation the other way, from the other node "
        "(\"is Politiker Web operated by OP?\", \"does Direktørforum include …?\").")
    as_post: NodeRef | None = Field(
        None, description="With ``ties``: the post the first node (a person) holds, whose "
        "relations they are.")
    line: list[NodeRef] = Field(
        default_factory=list, description="With no relation between them: the nodes of the "
        "reporting line or the structure from the first up to the other (the other last), "
        "where it lies under the other.")
    path: list[NodeRef] = Field(
        default_factory=list, description="With neither: the nodes of a shortest chain of "
        "relations of any kind from the first to the other (the other last), if any.")

    def text(self, first: NodeRef, lang: Lang) -> str:
        """The answer in ``lang``: yes with the relations, or what the data holds instead."""
        en = lang == "en"
        one, other = _name(first, lang), _name(self.other, lang)
        if self.ties:
            yes = ("Ja", "Yes")[en]
            if self.as_post is not None:  # a person, by the post they hold
                one = _name(self.as_post, lang)
                yes += f", {('som', 'as')[en]} {one}"
            said = self.relations(one, lang)
            if self.asked and not any(map(self._answers, self.ties)):
                asked = self.asked[0]
                verb = _verb(Tie(type=asked, inverse=self.asked_inverse, source="",
                                 raci="A" if asked is EdgeType.RESPONSIBLE_FOR else None,
                                 confidence=Confidence.HIGH), lang)
                return (f"Data siger ikke, at {one} {verb} {other}; data har: {said}.",
                        f"The data does not say that {one} {verb} {other}; it holds: {said}.")[en]
            return f"{yes}: {said}."
        if self.line:
            through = _through(self.line[:-1], lang)
            return (f"Ja: {one} hører under {other}{through}.",
                    f"Yes: {one} comes under {other}{through}.")[en]
        said = (f"Data har ingen direkte relation mellem {one} og {other}",
                f"The data holds no direct relation between {one} and {other}")[en]
        if len(self.path) > 1:
            links = " → ".join(_name(node, lang) for node in self.path[:-1])
            return said + (f"; de er forbundet gennem {links}.",
                           f"; they are connected through {links}.")[en]
        return said + "."


    def relations(self, one: str, lang: Lang) -> str:
        """Its ties as clauses from ``one`` (the first node's name), each as sure as it is.

        What the static start page says of two nodes, where it cannot weigh what was asked.
        """
        other = _name(self.other, lang)
        return "; ".join(f"{one} {_verb(tie, lang)} {other} ({_sure(tie, lang)})"
                         for tie in self.ties)

    @property
    def says_yes(self) -> bool:
        """Whether the data holds what was asked: a relation of the kind asked, or a line."""
        return bool(self.line) or any(map(self._answers, self.ties)) if self.asked else bool(
            self.ties or self.line)

    def _answers(self, tie: Tie) -> bool:
        """Whether ``tie`` is of a relation asked about.

        A chair heads what it chairs; one consulted on or informed of a task is not
        responsible for it.
        """
        if tie.type not in _EITHER_WAY and tie.inverse != self.asked_inverse:
            return False  # the director does not report to the chief who reports to him
        if tie.type is EdgeType.MEMBER_OF and tie.role in _CHAIRS:
            return EdgeType.HEADS in self.asked or EdgeType.MEMBER_OF in self.asked
        if tie.type is EdgeType.RESPONSIBLE_FOR:
            return tie.type in self.asked and tie.raci in (None, "R", "A")
        return tie.type in self.asked


#: The relations that read the same from either end.
_EITHER_WAY = frozenset({EdgeType.COLLABORATES_WITH})
#: The roles that chair what they are members of.
_CHAIRS = frozenset({"formand", "chair", "chairman"})


def _name(node: NodeRef, lang: Lang) -> str:
    return name_in(node.name, node.name_en, lang)


#: Where a relation's display name is no verb of a sentence ("del af", "headed by").
_SENTENCE_VERBS: dict[tuple[str, bool], tuple[str, str]] = {
    ("PART_OF", False): ("er en del af", "is part of"),
    ("POST_IN", False): ("er en stilling i", "is a post in"),
    ("MEMBER_OF", False): ("er medlem af", "is a member of"),
    ("RESPONSIBLE_FOR:A", True): ("har ansvaret placeret hos", "is the accountability of"),
}


def _verb(tie: Tie, lang: Lang) -> str:
    key = f"{tie.type.value}:{tie.raci}" if tie.raci else tie.type.value
    if pair := _SENTENCE_VERBS.get((key, tie.inverse)):
        return pair[lang == "en"]
    name = edge_name(tie.type.value, lang, inverse=tie.inverse, raci=tie.raci)
    return f"is {name}" if lang == "en" and name.endswith(" by") else name


def _sure(tie: Tie, lang: Lang) -> str:
    """The role, how sure and the note.

    A key player's note says it is no member (round 13: "er chefen for ØS med i
    Direktørforum?" was a bare "Ja").

    >>> _sure(Tie(type=EdgeType.PARTICIPATES_IN, role="nøglespiller", source="seed",
    ...           confidence=Confidence.MEDIUM, note="Chefen er ikke medlem."), "da")
    'nøglespiller; sikkerhed: middel, kilde: seed; bemærk: Chefen er ikke medlem'
    """
    role = f"{role_in(tie.role, lang)}; " if tie.role else ""
    # (the record's note is Danish: marked so in an English text, where asked)
    note = (f"; {('bemærk', 'note')[lang == 'en']}: {in_danish(tie.note.rstrip('. '), lang)}"
            if tie.note else "")
    return role + certainty(tie.confidence.value, tie.source, lang) + note


def _through(nodes: list[NodeRef], lang: Lang) -> str:
    """", gennem A og B" (the nodes between the two), or nothing when it lies right under."""
    if not nodes:
        return ""
    names = [_name(node, lang) for node in nodes]
    joined = names[0] if len(names) == 1 else (
        f"{', '.join(names[:-1])} {('og', 'and')[lang == 'en']} {names[-1]}")
    return f", {('gennem', 'through')[lang == 'en']} {joined}"
