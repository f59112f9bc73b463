"""Rules both stores share, so their answers agree: conversions, orderings, notes.

Examples
--------
>>> from orgmodel.records import NODE_ADAPTER
>>> view = node_view(NODE_ADAPTER.validate_python({"id": "unit:a", "kind": "Unit",
...     "name": "A", "level": "enhed", "staff_count": 7, "source": "seed",
...     "confidence": "high"}))
>>> view.attributes
{'level': 'enhed', 'staff_count': 7}
>>> sorted(["I", "A", "R", "C"], key=RACI_ORDER.index)
['A', 'R', 'C', 'I']
"""

from __future__ import annotations

from datetime import date
from typing import Any

from orgmodel.contract import EdgeView, NodeRef, NodeView, Note, TaskRef
from orgmodel.messages import marked_danish, unmarked
from orgmodel.records import AnyNode, EdgeRecord, NodeRecord
from orgmodel.schema import EdgeType, Kind

__all__ = [
    "ANSWER_MIN",
    "CHAIN_KINDS",
    "MEMBERSHIP_EDGES",
    "NODE_COMMON_FIELDS",
    "OWNER_MATCH_RATIO",
    "RACI_ORDER",
    "USED_KINDS",
    "WEAK_MATCH",
    "both_names",
    "edge_view",
    "is_valid",
    "node_ref",
    "node_view",
    "note",
    "task_ref",
]

RACI_ORDER = ("A", "R", "C", "I")
#: Edge types that make a node a member of a forum, body or initiative.
MEMBERSHIP_EDGES = (EdgeType.MEMBER_OF, EdgeType.PARTICIPATES_IN, EdgeType.POST_IN)
#: Kinds that belong in an escalation chain.
CHAIN_KINDS = frozenset({Kind.POST, Kind.BODY})
#: The edges a step up a reporting line follows (``chain``): from the node below to the one
#: above (a post reports to, a person holds, a unit or body is part of) ...
CHAIN_UP_EDGES = frozenset({EdgeType.REPORTS_TO, EdgeType.HOLDS, EdgeType.PART_OF})
#: ... or from the one above to the node below (a post heads a unit, an owner is accountable
#: for a task).
CHAIN_DOWN_EDGES = frozenset({EdgeType.HEADS, EdgeType.RESPONSIBLE_FOR})
#: owners() keeps tasks scoring at least this share of the best match.
OWNER_MATCH_RATIO = 0.6
#: An owners() answer scoring below this matched only part of the question, and says so.
WEAK_MATCH = 0.3
#: ... and one scoring below this met next to nothing of it (a word's ending, a stray word):
#: no answer ("hvem udsteder parkeringstilladelser" met recruitment at 0.035, as if it were).
ANSWER_MIN = 0.05
#: Kinds a task USES whose names also lead to the task: "hvem ejer RolleBi" means bookkeeping.
USED_KINDS = (Kind.SYSTEM, Kind.ASSET)

NODE_COMMON_FIELDS = frozenset(NodeRecord.model_fields) | {"kind"}


def is_valid(valid_from: date | None, valid_to: date | None, when: date) -> bool:
    """Tell whether a record with this validity holds on ``when`` (both ends inclusive).

    Examples
    --------
    >>> is_valid(None, date(2023, 12, 31), date(2024, 1, 1))
    False
    """
    return (valid_from is None or valid_from <= when) and (valid_to is None or when <= valid_to)


def node_ref(node: AnyNode) -> NodeRef:
    """The short form of a node."""
    return NodeRef(id=node.id, name=node.name, name_en=node.name_en, kind=Kind(node.kind))


def task_ref(node: AnyNode) -> TaskRef:
    """The short form of a task."""
    return TaskRef(id=node.id, name=node.name, name_en=node.name_en, kle=getattr(node, "kle", None))


def node_view(node: AnyNode) -> NodeView:
    """The whole node, kind-specific fields under ``attributes`` (defaults left out)."""
    data: dict[str, Any] = node.model_dump(mode="json", exclude_none=True)
    attributes = {
        key: value
        for key, value in data.items()
        if key not in NODE_COMMON_FIELDS and value != type(node).model_fields[key].default
    }
    return NodeView(
        id=node.id,
        name=node.name,
        name_en=node.name_en,
        kind=Kind(node.kind),
        aliases=list(node.aliases),
        description=node.description,
        description_en=node.description_en,
        valid_from=node.valid_from,
        valid_to=node.valid_to,
        source=node.source,
        confidence=node.confidence,
        note=node.note,
        attributes=attributes,
    )


def edge_view(edge: EdgeRecord) -> EdgeView:
    """The API form of an edge."""
    return EdgeView(
        key=edge.key,
        type=edge.type,
        source_id=edge.source_id,
        target_id=edge.target_id,
        raci=edge.raci,
        role=edge.role,
        topic=edge.topic,
        strength=edge.strength,
        via=edge.via,
        order=edge.order,
        description=edge.description,
        description_en=edge.description_en,
        valid_from=edge.valid_from,
        valid_to=edge.valid_to,
        source=edge.source,
        confidence=edge.confidence,
        note=edge.note,
    )


_NOTES: dict[str, tuple[str, str]] = {
    "inherited": (
        "Opgaven har ingen egen ansvarlig; ansvaret arves fra den overordnede opgave {0}.",
        "The task has no owner of its own; it inherits from the parent task {0}.",
    ),
    "no_owner": (
        "Ingen ansvarlig er registreret for opgaven på datoen.",
        "No owner is recorded for the task on this date.",
    ),
    "no_accountable": (
        "Ingen ansvarlig (A) er registreret for opgaven på datoen; kun de øvrige roller.",
        "No one accountable (A) is recorded for the task on this date; only the other roles.",
    ),
    "fallback_parent": (
        "{0} har ingen leder registreret; ansvaret løftes til {1}.",
        "{0} has no head recorded; accountability falls back to {1}.",
    ),
    "no_head": (
        "Ingen ansvarlig stilling fundet over {0}.",
        "No accountable post found above {0}.",
    ),
    "role_not_in_data": (
        "Data nævner ingen, der {0} ({1}), om opgaven.",
        "The data names no one who {0} ({1}) on the task.",
    ),
    "weak_match": (
        "Svagt match: kun en del af spørgsmålet passer på opgaven. Tjek, at det er den, du "
        "leder efter.",
        "A weak match: only part of the question fits the task. Check that it is the one you "
        "mean.",
    ),
    "via_used": (
        "Fundet via {0}, som opgaven bruger.",
        "Found via {0}, which the task uses.",
    ),
    "kle_topic": (
        "Fundet via KLE-emnet {0} »{1}«.",
        'Found via the KLE topic {0} "{1}".',
    ),
    "owner_changes_in_year": (
        "Den ansvarlige (A) skifter i løbet af {0}: {1}.",
        "The accountable owner (A) changes during {0}: {1}.",
    ),
    "kle_nearest": (
        "Spørgsmålet passer til KLE {0} »{1}«, som ingen opgave i modellen har; "
        "svaret er opgaven for KLE {2} »{3}«, niveauet over.",
        'The question fits KLE {0} "{1}", which no task in the model has; '
        'the answer is the task for KLE {2} "{3}", the level above.',
    ),
}


def both_names(node: AnyNode) -> tuple[str, str | None]:
    """A node's Danish and English names, for :func:`note` to say each in its language."""
    return node.name, node.name_en


def note(code: str, *args: str | tuple[str, str | None]) -> Note:
    """A note in Danish and English; a name given as ``(name, name_en)`` is said in each.

    A text given as ``(text, None)`` has no English (a name without one, a KLE title): the
    English note quotes it in Danish, and marks it so for a page that asks
    (:func:`orgmodel.messages.marking_danish`); so does a text that carries the marks itself.

    Examples
    --------
    >>> note("no_head", "Team 1").en
    'No accountable post found above Team 1.'
    >>> found = note("inherited", ("Løn- og personaleforhold", "Pay and staff matters"))
    >>> found.da.split("opgave ")[-1], found.en.split("task ")[-1]
    ('Løn- og personaleforhold.', 'Pay and staff matters.')
    >>> from orgmodel.messages import marking_danish
    >>> titled = note("kle_topic", "81.15", ("Løn", None))
    >>> titled.en
    'Found via the KLE topic 81.15 "Løn".'
    >>> with marking_danish():
    ...     unmarked(titled.text("en")) == titled.en != titled.text("en")
    True
    """
    da, en = _NOTES[code]
    marked = en.format(*(a if isinstance(a, str) else a[1] or marked_danish(a[0]) for a in args))
    said = Note(code=code,
                da=unmarked(da.format(*(a if isinstance(a, str) else a[0] for a in args))),
                en=unmarked(marked))
    if marked != said.en:
        said._en_marked = marked
    return said
