"""Pydantic records for the nodes, edges and sources of the data files.

One model per node kind (a discriminated union on ``kind``), one edge model, one source model.
Every field has a description, so the JSON Schema for editors and the OpenAPI docs explain
themselves.

Examples
--------
>>> unit = NODE_ADAPTER.validate_python({
...     "id": "unit:okonomi-og-indkob", "kind": "Unit", "name": "Økonomi og Indkøb",
...     "level": "enhed", "source": "seed", "confidence": "high"})
>>> unit.level.value, unit.valid_at(date(2024, 1, 1))
('enhed', True)
>>> edge = EdgeRecord.model_validate({"type": "RESPONSIBLE_FOR", "from": "unit:a",
...     "to": "task:lon", "raci": "A", "source": "seed", "confidence": "high"})
>>> edge.key
'RESPONSIBLE_FOR:unit:a->task:lon'
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal, NamedTuple, get_args
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from orgmodel.personal_data import ALSO, PHONE_NUMBER, needs_a_look, personal_data
from orgmodel.schema import KIND_PREFIX, Confidence, EdgeType, Kind, Raci, UnitLevel
from orgmodel.text import DIRECTION_CONTROLS, NO_WIDTH

__all__ = [
    "ID_PATTERN",
    "NODE_ADAPTER",
    "NODE_MODELS",
    "RULE_FIELDS",
    "AnyNode",
    "AssetRecord",
    "BlankOrIsoDate",
    "BodyRecord",
    "ChangeComment",
    "EdgeKeyParts",
    "EdgeRecord",
    "ForumRecord",
    "InitiativeRecord",
    "IsoDate",
    "NodeRecord",
    "OrganisationRecord",
    "PersonRecord",
    "PolicyRecord",
    "PostRecord",
    "SourceRecord",
    "StakeholderRecord",
    "SystemRecord",
    "TaskRecord",
    "UnitRecord",
    "ValidityMixin",
    "edge_key_parts",
    "id_meant",
    "is_node_id",
    "keyed_by",
    "record_ends",
    "touches",
]

#: Ids are readable slugs with a kind prefix: ``unit:okonomi-og-indkob``.
ID_PATTERN = r"^[a-z]+:[a-z0-9][a-z0-9._-]*$"


def is_node_id(text: str) -> bool:
    """Whether ``text`` is written as a node id of a known kind (whether or not one exists).

    >>> is_node_id("task:lon"), is_node_id("task:does-not-exist"), is_node_id("løn: hvem?")
    (True, True, False)
    >>> is_node_id("kl:00.01")  # no kind's prefix
    False
    """
    prefix, _, _ = text.partition(":")
    return prefix in _PREFIXES and re.fullmatch(ID_PATTERN, text) is not None


_PREFIXES = frozenset(KIND_PREFIX.values())
_KLE_PATTERN = r"^\d{2}(\.\d{2}){0,2}$"
_KLE = re.compile(_KLE_PATTERN)

_ID = re.compile(ID_PATTERN)
#: An edge's own id (for parallel edges): a slug as a node's, its prefix free.
EDGE_ID_PATTERN = r"^[a-z0-9][a-z0-9._:-]*$"
_EDGE_ID = re.compile(EDGE_ID_PATTERN)
# How the data writes a Danish name as an id: "Økonomi og Indkøb" is okonomi-og-indkob.
_ID_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", "ü": "u", "ö": "o",
                             "ä": "a",
                             # ... and the Cyrillic and Greek letters that look like Latin
                             # ones: "task:lоn" (a Cyrillic o) was told to write "task:l-n"
                             **dict(zip("аеорсухіјѕԁһкмтвнαοριντυχκ",
                                        "aeopcyxijsdhkmtbhaopivtuxk", strict=True))})


def id_meant(text: str) -> str | None:
    """The id ``text`` is written for, where it is not one ("unit:Økonomi og Indkøb").

    >>> id_meant("unit:Økonomi og Indkøb"), id_meant("task:Løn"), id_meant("løn") is None
    ('unit:okonomi-og-indkob', 'task:lon', True)
    >>> id_meant("task:l\u043en")  # a Cyrillic o, which looks like a Latin one
    'task:lon'
    """
    prefix, colon, name = text.strip().lower().translate(_ID_LETTERS).partition(":")
    meant = f"{prefix}:{'-'.join(re.sub(r'[^a-z0-9._-]+', ' ', name).split())}"
    return meant if colon and meant != text and _ID.fullmatch(meant) else None


def _id_shape(text: str) -> str:
    if _ID.fullmatch(text) is None:
        meant = id_meant(text)
        raise ValueError("an id is written prefix:name in a-z, 0-9, '.', '_' and '-' (no "
                         "capitals, æ, ø, å or spaces)" + (f": write {meant!r}" if meant else ""))
    return text


NodeId = Annotated[
    str,
    Field(
        max_length=200,
        description="Stable readable id, e.g. unit:okonomi-og-stab.",
        json_schema_extra={"pattern": ID_PATTERN},
    ),
    AfterValidator(_id_shape),
]
# U+2028/U+2029 too: many readers break lines there, and a YAML export turns them into spaces.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
# Bidirectional embeddings, overrides and isolates make a text show in another order than it
# is stored ("Trojan Source"): a name would read one way and be found another.
_BIDI_CONTROL = re.compile(f"[{DIRECTION_CONTROLS}]")
# Characters of no width: a name holding one looks like another name, and a word pasted with
# one is not found as it is written.
_INVISIBLE = re.compile(f"[{NO_WIDTH}]")
#: Unicode's private-use area: no meaning but what a program gives it (the pages mark a Danish
#: part of an English text with U+E000 and U+E001, orgmodel.messages).
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_LINE_BREAK = re.compile(r"[\n\r\t]")
_WHITESPACE = re.compile(r"\s")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _readable(text: str) -> str:
    """Refuse a text of spaces alone (the characters no one can see: every text field)."""
    if not text.strip():
        raise ValueError("is blank (only spaces)")
    return text


def _visible(text: str) -> str:
    """Refuse a text holding a character no one can see or type (in any text field)."""
    if found := _CONTROL_CHARACTER.search(text):
        raise ValueError(f"holds the control character U+{ord(found.group()):04X}, invisible "
                         "in most editors: delete it")
    if found := _BIDI_CONTROL.search(text):
        raise ValueError(f"holds the direction control U+{ord(found.group()):04X}, which shows "
                         "the text in another order than it is written: delete it")
    if found := _INVISIBLE.search(text):
        raise ValueError(f"holds the invisible character U+{ord(found.group()):04X} "
                         f"({unicodedata.name(found.group()).lower()}): delete it")
    if found := _PRIVATE_USE.search(text):  # no font has it; the pages use two for Danish
        raise ValueError(f"holds the private-use character U+{ord(found.group()):04X}, which "
                         "no font shows: delete it")
    return text


def _day_as_written(value: Any) -> Any:
    """Let a date through as a date or as YYYY-MM-DD, nothing else.

    Left lax, pydantic reads ``2023`` and ``"0"`` as seconds since 1970.

    >>> day = TypeAdapter(IsoDate)
    >>> day.validate_python("2024-06-01"), day.validate_python(date(2024, 6, 1))
    (datetime.date(2024, 6, 1), datetime.date(2024, 6, 1))
    >>> day.validate_python("2024-02-30")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for ...
      Value error, 2024-02-30 is not a day in the calendar ...
    >>> day.validate_python(2023)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for ...
      Value error, write the date as YYYY-MM-DD, e.g. 2024-06-01 ...
    """
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value.strip()):
        raise ValueError("write the date as YYYY-MM-DD, e.g. 2024-06-01")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:  # 2024-02-30: the shape is right, the day is not in the calendar
        raise ValueError(f"{value.strip()} is not a day in the calendar") from None


Text = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_readable)]


def _web_address(text: str) -> str:
    """Refuse an address that is no web page: a ``javascript:`` or ``file:`` one is no source.

    >>> _web_address("https://albertslund.dk")
    'https://albertslund.dk'
    >>> _web_address("javascript:alert(1)")
    Traceback (most recent call last):
    ...
    ValueError: write a web address beginning with https:// or http://, not 'javascript:alert(1)'
    >>> _web_address("https://")
    Traceback (most recent call last):
    ...
    ValueError: 'https://' names no site: write the whole address, e.g. https://www.kl.dk/kommunale-opgaver
    """
    if not text.strip().lower().startswith(("https://", "http://")):
        raise ValueError(f"write a web address beginning with https:// or http://, not {text!r}")
    if _WHITESPACE.search(text.strip()):
        raise ValueError(f"{text!r} holds a space: a web address has none (write %20)")
    try:
        host = urlsplit(text.strip()).hostname
    except ValueError as exc:  # "http://[::1" : a bracket left open
        raise ValueError(f"{text!r} is no web address ({exc})") from None
    if not host:
        raise ValueError(f"{text!r} names no site: write the whole address, e.g. "
                         "https://www.kl.dk/kommunale-opgaver")
    return text


WebAddress = Annotated[str, Field(max_length=500), AfterValidator(_web_address)]


def _kle_number(text: str) -> str:
    """``text`` if it is written as a KLE number (the pattern alone told an editor nothing).

    >>> _kle_number("81.15.00")
    '81.15.00'
    >>> _kle_number("81.5.0")
    Traceback (most recent call last):
    ...
    ValueError: write a KLE number as 81, 81.15 or 81.15.00 (pairs of digits between dots)
    """
    if not _KLE.fullmatch(text):
        raise ValueError("write a KLE number as 81, 81.15 or 81.15.00 (pairs of digits between "
                         "dots)")
    return text


#: A KLE number; its pattern stays in the JSON Schema, for editors.
KleNumber = Annotated[str, WithJsonSchema({"pattern": _KLE_PATTERN, "type": "string"}),
                      AfterValidator(_kle_number)]


def _same_name(text: str) -> str:
    """A name as two names are told apart: runs of spaces aside, not case.

    Case tells: "AULA" beside "Aula" says the name is also written as an acronym, which search
    weighs (``orgmodel.search.acronyms``).

    >>> _same_name("  Løn  og Personale ") == _same_name("Løn og Personale")
    True
    >>> _same_name("AULA") == _same_name("Aula")
    False
    """
    return " ".join(text.split())


def _one_line(text: str) -> str:
    """Refuse a line break or tab in a name: a label, a table cell and a search hit are one line.

    Nor may it begin or end with a space: " Løn" sorts before every other name and is not the
    name "Løn" that an edit or a link compares it with.
    """
    if found := _LINE_BREAK.search(text):
        raise ValueError(f"holds a {'tab' if found.group() == chr(9) else 'line break'}: a name "
                         "is one line")
    if text != text.strip():
        raise ValueError(f"{text!r} begins or ends with a space: write {text.strip()!r}")
    return text


def _comment_line(text: str) -> str:
    """Refuse a line break or tab in a change's comment: the log prints each write's on one line.

    A line break let a comment write what looked like another entry of ``orgmodel history``.
    """
    if found := _LINE_BREAK.search(text):
        raise ValueError(f"holds a {'tab' if found.group() == chr(9) else 'line break'}: a "
                         "comment is one line")
    return text


#: Why a change was made, as its writer says it (the audit log keeps it with the change).
ChangeComment = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(_readable),
                          AfterValidator(_visible), AfterValidator(_comment_line)]
#: A name: readable text on one line.
Name = Annotated[Text, AfterValidator(_one_line)]
#: A day, written YYYY-MM-DD (or a date YAML read as one).
IsoDate = Annotated[date, BeforeValidator(_day_as_written)]
#: A day that may be left blank, as a form's empty date field is sent (``as_of=``): no day.
BlankOrIsoDate = Annotated[
    IsoDate | None, BeforeValidator(lambda v: None if isinstance(v, str) and not v.strip() else v)]
# Strict: YAML reads "yes" as true, and a lax int takes true as 1.
Count = Annotated[int, Field(ge=0, le=1_000_000_000, strict=True)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)
    #: The text fields where any phone number is personal data (a post's, a person's).
    _PHONE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="after")
    @classmethod
    def _text_rules(cls, value: Any, info: ValidationInfo) -> Any:
        # Every text field, not only names: an ESC in an edge's role reached the terminal of
        # `orgmodel show` as a control sequence.
        phones = info.field_name in cls._PHONE_FIELDS
        said: list[str] = []
        for text in value if isinstance(value, list) else (value,):
            if isinstance(text, str):
                _visible(text)
                if needs_a_look(text):  # most texts have no digit and no "@": cheap
                    said += personal_data(text, phones)
        if said:  # all of it at once: an editor mends one text once, not once per number
            raise ValueError(ALSO.join(dict.fromkeys(said)))
        return value


class ValidityMixin(_Strict):
    """Validity in time, inclusive at both ends (as OS2mo's ``Validity{from,to}``)."""

    valid_from: IsoDate | None = Field(None,
                                       description="First day the record holds; none: always.")
    valid_to: IsoDate | None = Field(None,
                                     description="Last day the record holds; none: still holds.")
    source: str = Field(
        min_length=1,
        description="Source key from sources.yaml (seed, web:…, law:…, assumption) or a URL.",
    )
    confidence: Confidence = Field(description="high, medium or low (low: an assumption).")
    note: str | None = Field(None, max_length=2000, description="Why the record says what it says.")

    @model_validator(mode="after")
    def _from_before_to(self) -> ValidityMixin:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError(f"valid_to {self.valid_to} is before valid_from {self.valid_from}")
        return self

    def valid_at(self, when: date) -> bool:
        """Tell whether the record holds on ``when``."""
        return (self.valid_from is None or self.valid_from <= when) and (
            self.valid_to is None or when <= self.valid_to
        )


#: The fields a record-level rule is about, named in its message ("valid_to … is before
#: valid_from …", "a RESPONSIBLE_FOR edge needs raci"): a data file's problem and an API
#: error point at the field, not at the whole record.
RULE_FIELDS = ("valid_to", "raci", "description", "note", "role", "topic")


class NodeRecord(ValidityMixin):
    """Fields every node has."""

    id: NodeId
    name: Name = Field(description="Danish name, the primary label.")
    name_en: Name | None = Field(None, description="English name.")
    # None is none, as for every other field that may be left out ("name_en": null).
    aliases: Annotated[list[Name], BeforeValidator(lambda v: [] if v is None else v)] = Field(
        default_factory=list, description="Other names, for search.")
    description: Text | None = Field(None, description="Danish description.")
    description_en: Text | None = Field(None, description="English description.")
    url: WebAddress | None = Field(None, description="Public page about the node.")

    @field_validator("aliases")
    @classmethod
    def _each_alias_once(cls, value: list[str], info: ValidationInfo) -> list[str]:
        # A repeated alias (or the name again) finds nothing new and tells a reader the data
        # was pasted twice.
        if not value:  # most nodes have none: no work on a bulk load's hot path
            return value
        seen = {_same_name(info.data["name"]): "the name"} if "name" in info.data else {}
        for at, alias in enumerate(value, start=1):  # counted as a person reads the list
            if (first := seen.setdefault(_same_name(alias), f"alias {at}")) != f"alias {at}":
                raise ValueError(f"alias {at} ({alias!r}) repeats {first}: give each other "
                                 "name once")
        return value

    @property
    def kind_value(self) -> str:
        """The kind as text, e.g. ``Unit``."""
        return str(getattr(self, "kind"))  # noqa: B009 - every subclass defines kind

    @field_validator("id")
    @classmethod
    def _id_names_the_kind(cls, value: str) -> str:
        # An id's prefix says its kind (unit:…, task:…), which people and tools read it by.
        kind = cls.model_fields["kind"].annotation
        wanted = KIND_PREFIX.get(Kind(get_args(kind)[0])) if get_args(kind) else None
        if wanted and not value.startswith(wanted + ":"):
            prefix = value.partition(":")[0]
            # A PUT of a Unit's record as a Forum met this before any word that a node's
            # kind cannot change (a PATCH said so)
            other = next((k.value for k, p in KIND_PREFIX.items() if p == prefix), None)
            also = (f"; {prefix}: is a {other}'s id, and a node's kind cannot change: create "
                    f"the node anew as a {get_args(kind)[0]} and delete the {other}"
                    if other else "")
            raise ValueError(f"the id of a {get_args(kind)[0]} starts with '{wanted}:' "
                             f"(e.g. {wanted}:{value.partition(':')[2] or 'navn'}){also}")
        return value


class OrganisationRecord(NodeRecord):
    """A formal organisation: the municipality, a supplier, another municipality."""

    kind: Literal["Organisation"]
    classification: str | None = Field(
        None, description="e.g. kommune, leverandør, rekrutteringsfirma."
    )
    inhabitants: Count | None = Field(None, description="Number of inhabitants (municipalities).")
    nationalities: Count | None = Field(
        None, description="Number of nationalities among inhabitants."
    )
    capacity_2045: Count | None = Field(
        None, description="Inhabitants the plans make room for by 2045."
    )


class BodyRecord(NodeRecord):
    """A political body: the council or one of its committees (Popolo organisation)."""

    kind: Literal["Body"]
    classification: Literal["council", "committee", "special_committee"] = Field(
        description="council (kommunalbestyrelse) or committee (udvalg)."
    )
    abbreviation: str | None = Field(None, max_length=20, description="e.g. ØU, KB, BSU.")
    seats: Count | None = Field(None, description="Number of members.")


class ForumRecord(NodeRecord):
    """A collaboration across the hierarchy: Direktørforum, Chefforum, a council, a group."""

    kind: Literal["Forum"]
    abbreviation: str | None = Field(None, max_length=40, description="Short name.")
    meets: str | None = Field(None, max_length=200, description="How often it meets.")
    meets_en: str | None = Field(None, max_length=200,
                                 description="How often it meets, in English (English pages).")


class UnitRecord(NodeRecord):
    """An organisational unit at one level of the administration."""

    kind: Literal["Unit"]
    level: UnitLevel = Field(description="direktørområde, afdeling, stab, enhed or team.")
    staff_count: Count | None = Field(None, description="Number of employees (about).")
    team_count: Count | None = Field(None, description="Number of teams in the unit.")
    abbreviation: str | None = Field(None, max_length=40, description="Short name, e.g. ØS.")


class _PersonalDataRules(NodeRecord):
    """What posts and persons may not carry: a phone number, in any text (personal data).

    Examples
    --------
    >>> PostRecord(id="post:x", kind="Post", name="Leder", source="seed", confidence="high",
    ...            description="Ring på 43 68 68 68")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for PostRecord
    description
      Value error, '43 68 68 68' looks like a phone number; ...
    """

    _PHONE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"name", "name_en", "aliases", "description", "description_en", "note", "title"})


class PostRecord(_PersonalDataRules):
    """A post (a role), held by at most one person at a time."""

    kind: Literal["Post"]
    title: str | None = Field(None, max_length=200, description="Job title.")
    mailbox: str | None = Field(
        None,
        pattern=r"^[^@\s]+@[^@\s]+$",
        description="Functional mailbox only; never a personal address.",
    )


class PersonRecord(_PersonalDataRules):
    """A person holding a post. Optional data; views and exports can leave names out."""

    kind: Literal["Person"]


class TaskRecord(NodeRecord):
    """A responsibility, classified by KLE."""

    kind: Literal["Task"]
    kle: KleNumber | None = Field(None, description="KLE number, e.g. 81.15.00.")
    service_goal: str | None = Field(None, max_length=500, description="Published service goal.")
    service_goal_en: str | None = Field(None, max_length=500,
                                        description="The service goal in English.")
    mailbox: str | None = Field(
        None, pattern=r"^[^@\s]+@[^@\s]+$", description="Functional mailbox for the task."
    )


class SystemRecord(NodeRecord):
    """An IT system or a group of systems."""

    kind: Literal["System"]
    vendor: str | None = Field(None, max_length=200, description="Supplier, e.g. KMD.")
    category: str | None = Field(None, max_length=200, description="e.g. løn, økonomi, fagsystem.")
    system_count: Count | None = Field(None, description="For a group: how many systems.")
    count_is_minimum: bool = Field(False, description="True when the count is 'more than'.")


class AssetRecord(NodeRecord):
    """A fleet of assets, e.g. devices for employees or pupils."""

    kind: Literal["Asset"]
    device_type: str | None = Field(None, max_length=200, description="e.g. Chromebook, pc.")
    device_count: Count | None = Field(None, description="How many (about).")
    users: str | None = Field(None, max_length=200, description="Who uses them.")


class InitiativeRecord(NodeRecord):
    """A cross-cutting project or a change event (e.g. a merger)."""

    kind: Literal["Initiative"]
    status: Literal["planned", "active", "completed"] | None = Field(None, description="Status.")
    change_event: bool = Field(False, description="True for an org:ChangeEvent such as a merger.")


class StakeholderRecord(NodeRecord):
    """An external stakeholder group: citizens, associations, companies."""

    kind: Literal["Stakeholder"]
    group_size: Count | None = Field(None, description="About how many members.")
    count_is_minimum: bool = Field(False, description="True when the count is 'more than'.")


class PolicyRecord(NodeRecord):
    """A vision, plan or management concept adopted by the organisation."""

    kind: Literal["Policy"]
    adopted: IsoDate | None = Field(None, description="When it was adopted.")


AnyNode = Annotated[
    OrganisationRecord
    | BodyRecord
    | ForumRecord
    | UnitRecord
    | PostRecord
    | PersonRecord
    | TaskRecord
    | SystemRecord
    | AssetRecord
    | InitiativeRecord
    | StakeholderRecord
    | PolicyRecord,
    Field(discriminator="kind"),
]
NODE_ADAPTER: TypeAdapter[AnyNode] = TypeAdapter(AnyNode)

NODE_MODELS: dict[str, type[NodeRecord]] = {
    model.model_fields["kind"].annotation.__args__[0]: model  # type: ignore[union-attr]
    for model in (
        OrganisationRecord,
        BodyRecord,
        ForumRecord,
        UnitRecord,
        PostRecord,
        PersonRecord,
        TaskRecord,
        SystemRecord,
        AssetRecord,
        InitiativeRecord,
        StakeholderRecord,
        PolicyRecord,
    )
}


class EdgeRecord(ValidityMixin):
    """A typed, dated and sourced relation between two nodes."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: str | None = Field(
        None, max_length=300, description="Optional id; needed only to tell parallel edges apart.",
        json_schema_extra={"pattern": EDGE_ID_PATTERN},
    )
    type: EdgeType = Field(description="Edge type (see the schema for which kinds it may join).")
    source_id: NodeId = Field(alias="from", description="Id of the node the edge starts at.")
    target_id: NodeId = Field(alias="to", description="Id of the node the edge ends at.")
    raci: Raci | None = Field(None, description="RESPONSIBLE_FOR only: R, A, C or I.")
    role: str | None = Field(None, max_length=200, description="Role, e.g. formand, deltager.")
    topic: str | None = Field(None, max_length=200, description="What the relation is about.")
    strength: int | None = Field(None, ge=1, le=5, strict=True,
                                 description="1 (weak) to 5 (strong).")
    via: NodeId | None = Field(
        None, description="COLLABORATES_WITH only: the forum it runs through."
    )
    order: int | None = Field(None, ge=1, le=1000, strict=True,
                              description="SUBMITS_TO only: step in the case route.")
    description: str | None = Field(None, max_length=2000, description="Danish description.")
    description_en: str | None = Field(None, max_length=2000, description="English description.")

    @field_validator("id")
    @classmethod
    def _not_shaped_as_a_key(cls, value: str | None) -> str | None:
        # "->" is how an edge without an id is named (TYPE:from->to): an id of that shape was
        # read as another edge's key, and its writes credited to that edge's nodes.
        if value is not None and "->" in value:
            raise ValueError("holds '->', which names edges that have no id (TYPE:from->to): "
                             "give the edge an id of another shape, e.g. edge:budgetsamarbejde")
        # An id of spaces, slashes or emoji was taken: a key no URL or export writes plainly
        if value is not None and _EDGE_ID.fullmatch(value) is None:
            raise ValueError("an edge id is written in a-z, 0-9, '.', '_', ':' and '-' (no "
                             "capitals, æ, ø, å, spaces or '/'), e.g. edge:budgetsamarbejde")
        return value

    @field_validator("target_id")
    @classmethod
    def _joins_two_nodes(cls, value: str, info: ValidationInfo) -> str:
        # A node does not report to, supply or collaborate with itself; such an edge is a
        # copy-paste slip, and drawn it is a loop no one can read.
        if value == info.data.get("source_id"):
            raise ValueError(f"is the same node as from ({value}): an edge joins two "
                             "different nodes")
        return value

    @model_validator(mode="after")
    def _raci_when_responsible(self) -> EdgeRecord:
        if self.type is EdgeType.RESPONSIBLE_FOR and self.raci is None:
            raise ValueError("a RESPONSIBLE_FOR edge needs raci (R, A, C or I)")
        return self

    @model_validator(mode="after")
    def _no_phone_on_a_holding(self) -> EdgeRecord:
        # A holding's text is about the person who holds the post: a phone number there is
        # theirs, as on the person's own record.
        if self.type is EdgeType.HOLDS:
            for field in ("description", "description_en", "note", "role", "topic"):
                text = getattr(self, field)
                if text and (found := PHONE_NUMBER.search(text)):
                    raise ValueError(
                        f"{field} holds {found.group()!r}, which looks like a phone number; a "
                        "holding links a person to a post and carries none (personal data): "
                        "give the post a functional mailbox instead")
        return self

    @cached_property
    def key(self) -> str:
        """Identity of the edge: its id, or type, ends and (for parallel edges) topic."""
        if self.id:
            return self.id
        suffix = f"#{self.topic}" if self.topic and self.type is EdgeType.COLLABORATES_WITH else ""
        # A StrEnum formats as its value; `.value` is a slow descriptor on a hot path.
        return f"{self.type}:{self.source_id}->{self.target_id}{suffix}"

    def to_data(self) -> dict[str, Any]:
        """The record as it is written in a data file (``from``/``to``, no defaults)."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)


class EdgeKeyParts(NamedTuple):
    """What an edge key (:attr:`EdgeRecord.key`) names; all blank for a key that is an id."""

    type: str
    source_id: str
    target_id: str
    topic: str


def edge_key_parts(key: str) -> EdgeKeyParts:
    """Read ``TYPE:from->to#topic`` back into its parts (the inverse of :attr:`EdgeRecord.key`).

    >>> edge_key_parts("COLLABORATES_WITH:unit:a->unit:b#budget")
    EdgeKeyParts(type='COLLABORATES_WITH', source_id='unit:a', target_id='unit:b', topic='budget')
    >>> edge_key_parts("edge:mit-id").source_id
    ''
    """
    if "->" not in key:
        return EdgeKeyParts("", "", "", "")
    head, _, topic = key.partition("#")
    edge_type, _, ends = head.partition(":")
    source, _, target = ends.partition("->")
    return EdgeKeyParts(edge_type, source, target, topic)


def keyed_by(record_key: str, node_id: str) -> bool:
    """Whether ``record_key`` is the node's own id, or the key of an edge with the node at an end.

    An edge given an id of its own does not name its ends in its key.

    >>> keyed_by("HEADS:post:chef->unit:a", "unit:a"), keyed_by("unit:a", "unit:a")
    (True, True)
    >>> keyed_by("HEADS:post:chef->unit:ab", "unit:a"), keyed_by("edge:mit-id", "unit:a")
    (False, False)
    """
    parts = edge_key_parts(record_key)
    return record_key == node_id or node_id in (parts.source_id, parts.target_id)


def touches(record_key: str, node_id: str, before: dict[str, Any] | None,
            after: dict[str, Any] | None) -> bool:
    """Whether a write of ``record_key`` (``before`` → ``after``) is of the node or its edges.

    An edge is known by its key (:func:`keyed_by`), one with an id of its own by its ends.

    >>> touches("edge:egen", "unit:a", None, {"id": "edge:egen", "type": "SUPPORTS",
    ...                                       "from": "unit:a", "to": "body:b"})
    True
    """
    return keyed_by(record_key, node_id) or node_id in record_ends(before, after)


def record_ends(*records: dict[str, Any] | None) -> list[str]:
    """The nodes at the ends of an edge as written before and after a write (none for a node).

    An edge with an id of its own names its ends here, not in its key: a node's history finds
    its writes by them.

    >>> record_ends({"id": "edge:x", "type": "SUPPORTS", "from": "unit:a", "to": "body:b"},
    ...             {"id": "edge:x", "type": "SUPPORTS", "from": "unit:c", "to": "body:b"})
    ['body:b', 'unit:a', 'unit:c']
    >>> record_ends({"id": "unit:a", "kind": "Unit"}, None)
    []
    """
    return sorted({str(data[end]) for data in records if data and "type" in data
                   for end in ("from", "to") if data.get(end)})


class SourceRecord(_Strict):
    """A source that records cite by key."""

    key: str = Field(min_length=1, max_length=200, description="Key cited by records, e.g. seed.")
    title: str = Field(min_length=1, max_length=500, description="What the source is.")
    url: WebAddress | None = Field(None, description="Where to find it.")
    confidence: Confidence = Field(description="Default confidence of facts from this source.")
