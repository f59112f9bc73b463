"""The vocabulary of the model: node kinds, edge types and which edge may join which kinds.

The kinds follow the W3C Organization Ontology (ORG) and Popolo, the RACI roles follow
OS2mo's Udførende/Ansvarlig/Indsigt, and tasks carry KLE numbers. These enums double as the
whitelist of Neo4j labels and relationship types: nothing else is ever put into a Cypher
string.

Examples
--------
>>> edge_allowed(EdgeType.RESPONSIBLE_FOR, Kind.UNIT, Kind.TASK)
True
>>> edge_allowed(EdgeType.RESPONSIBLE_FOR, Kind.TASK, Kind.UNIT)
False
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "EDGE_RULES",
    "EDGE_TYPE_FIELDS",
    "HIERARCHY_EDGES",
    "KIND_PREFIX",
    "ORG_TERMS",
    "Confidence",
    "EdgeType",
    "Kind",
    "Raci",
    "UnitLevel",
    "edge_allowed",
]


class Kind(StrEnum):
    """Node kinds; the value is also the Neo4j label."""

    ORGANISATION = "Organisation"
    BODY = "Body"
    FORUM = "Forum"
    UNIT = "Unit"
    POST = "Post"
    PERSON = "Person"
    TASK = "Task"
    SYSTEM = "System"
    ASSET = "Asset"
    INITIATIVE = "Initiative"
    STAKEHOLDER = "Stakeholder"
    POLICY = "Policy"


class EdgeType(StrEnum):
    """Edge types; the value is also the Neo4j relationship type."""

    PART_OF = "PART_OF"
    POST_IN = "POST_IN"
    HOLDS = "HOLDS"
    HEADS = "HEADS"
    REPORTS_TO = "REPORTS_TO"
    MEMBER_OF = "MEMBER_OF"
    RESPONSIBLE_FOR = "RESPONSIBLE_FOR"
    SUPPORTS = "SUPPORTS"
    OPERATES = "OPERATES"
    USES = "USES"
    COLLABORATES_WITH = "COLLABORATES_WITH"
    PARTICIPATES_IN = "PARTICIPATES_IN"
    ADVISES = "ADVISES"
    DECIDES = "DECIDES"
    SUBMITS_TO = "SUBMITS_TO"
    SERVES = "SERVES"
    DEPENDS_ON = "DEPENDS_ON"
    SUPPLIES = "SUPPLIES"
    CONTRIBUTES_TO = "CONTRIBUTES_TO"
    RESULTED_FROM = "RESULTED_FROM"


class Confidence(StrEnum):
    """How sure we are of a record (see FACTS.md): high, medium or low."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """Higher is surer: the least sure of several records is the one with the least rank.

        >>> min(Confidence.HIGH, Confidence.LOW, key=lambda c: c.rank)
        <Confidence.LOW: 'low'>
        """
        return _CONFIDENCE_RANK[self]


_CONFIDENCE_RANK = {Confidence.HIGH: 2, Confidence.MEDIUM: 1, Confidence.LOW: 0}


class Raci(StrEnum):
    """RACI role on a RESPONSIBLE_FOR edge (OS2mo: Udførende=R, Ansvarlig=A, Indsigt=I)."""

    R = "R"
    A = "A"
    C = "C"
    I = "I"  # noqa: E741 - the RACI letter itself


class UnitLevel(StrEnum):
    """Levels of the administrative hierarchy, top to bottom."""

    DIREKTOROMRADE = "direktørområde"
    AFDELING = "afdeling"
    STAB = "stab"
    ENHED = "enhed"
    TEAM = "team"


#: The id prefix each kind's ids carry, e.g. ``unit:okonomi-og-indkob``.
KIND_PREFIX: dict[Kind, str] = {
    Kind.ORGANISATION: "org",
    Kind.BODY: "body",
    Kind.FORUM: "forum",
    Kind.UNIT: "unit",
    Kind.POST: "post",
    Kind.PERSON: "person",
    Kind.TASK: "task",
    Kind.SYSTEM: "system",
    Kind.ASSET: "asset",
    Kind.INITIATIVE: "initiative",
    Kind.STAKEHOLDER: "stakeholder",
    Kind.POLICY: "policy",
}

#: ORG / Popolo / FOAF term of each kind, used by the JSON-LD export.
ORG_TERMS: dict[Kind, str] = {
    Kind.ORGANISATION: "org:FormalOrganization",
    Kind.BODY: "org:Organization",
    Kind.FORUM: "org:OrganizationalCollaboration",
    Kind.UNIT: "org:OrganizationalUnit",
    Kind.POST: "org:Post",
    Kind.PERSON: "foaf:Person",
    Kind.TASK: "skos:Concept",
    Kind.SYSTEM: "orgmodel:System",
    Kind.ASSET: "orgmodel:Asset",
    Kind.INITIATIVE: "org:ChangeEvent",
    Kind.STAKEHOLDER: "foaf:Group",
    Kind.POLICY: "orgmodel:Policy",
}

_ORGS = frozenset({Kind.ORGANISATION, Kind.BODY, Kind.FORUM, Kind.UNIT})
_ACTORS = _ORGS | {Kind.POST}
_ANY = frozenset(Kind)

#: For each edge type: (kinds allowed at the start, kinds allowed at the end).
EDGE_RULES: dict[EdgeType, tuple[frozenset[Kind], frozenset[Kind]]] = {
    EdgeType.PART_OF: (
        frozenset({Kind.UNIT, Kind.BODY, Kind.FORUM, Kind.ORGANISATION, Kind.TASK}),
        frozenset({Kind.UNIT, Kind.BODY, Kind.ORGANISATION, Kind.TASK}),
    ),
    EdgeType.POST_IN: (frozenset({Kind.POST}), _ORGS),
    EdgeType.HOLDS: (frozenset({Kind.PERSON}), frozenset({Kind.POST})),
    EdgeType.HEADS: (frozenset({Kind.POST}), _ORGS),
    EdgeType.REPORTS_TO: (frozenset({Kind.POST}), frozenset({Kind.POST, Kind.BODY})),
    EdgeType.MEMBER_OF: (
        _ACTORS | {Kind.PERSON},
        frozenset({Kind.BODY, Kind.FORUM, Kind.INITIATIVE, Kind.ORGANISATION}),
    ),
    EdgeType.RESPONSIBLE_FOR: (_ACTORS, frozenset({Kind.TASK})),
    EdgeType.SUPPORTS: (_ACTORS | {Kind.SYSTEM, Kind.TASK}, _ANY - {Kind.PERSON}),
    EdgeType.OPERATES: (_ACTORS, frozenset({Kind.SYSTEM, Kind.ASSET})),
    EdgeType.USES: (
        _ACTORS | {Kind.TASK, Kind.STAKEHOLDER, Kind.INITIATIVE},
        frozenset({Kind.SYSTEM, Kind.ASSET}),
    ),
    EdgeType.COLLABORATES_WITH: (
        _ACTORS | {Kind.INITIATIVE, Kind.STAKEHOLDER},
        _ACTORS | {Kind.INITIATIVE, Kind.STAKEHOLDER},
    ),
    EdgeType.PARTICIPATES_IN: (
        _ACTORS | {Kind.STAKEHOLDER, Kind.PERSON},
        frozenset({Kind.INITIATIVE, Kind.FORUM, Kind.BODY}),
    ),
    EdgeType.ADVISES: (_ACTORS, _ACTORS),
    EdgeType.DECIDES: (
        frozenset({Kind.BODY, Kind.FORUM, Kind.POST}),
        frozenset({Kind.TASK, Kind.INITIATIVE, Kind.POLICY, Kind.SYSTEM}),
    ),
    EdgeType.SUBMITS_TO: (frozenset({Kind.BODY}), frozenset({Kind.BODY})),
    EdgeType.SERVES: (
        _ACTORS | {Kind.SYSTEM},
        _ACTORS | {Kind.STAKEHOLDER},
    ),
    EdgeType.DEPENDS_ON: (
        _ACTORS | {Kind.TASK, Kind.SYSTEM, Kind.INITIATIVE},
        _ACTORS | {Kind.TASK, Kind.SYSTEM, Kind.ASSET},
    ),
    EdgeType.SUPPLIES: (
        frozenset({Kind.ORGANISATION}),
        _ACTORS | {Kind.SYSTEM, Kind.ASSET},
    ),
    EdgeType.CONTRIBUTES_TO: (
        _ACTORS | {Kind.INITIATIVE, Kind.TASK, Kind.STAKEHOLDER, Kind.SYSTEM},
        frozenset({Kind.POLICY, Kind.INITIATIVE}),
    ),
    EdgeType.RESULTED_FROM: (
        frozenset({Kind.UNIT, Kind.BODY, Kind.FORUM, Kind.POST, Kind.SYSTEM, Kind.POLICY}),
        frozenset({Kind.INITIATIVE, Kind.UNIT}),
    ),
}

#: Edge types that must never form a cycle.
HIERARCHY_EDGES: frozenset[EdgeType] = frozenset({EdgeType.PART_OF, EdgeType.REPORTS_TO})

#: Optional edge fields that only some edge types may carry (all others may carry none of them).
EDGE_TYPE_FIELDS: dict[str, frozenset[EdgeType]] = {
    "raci": frozenset({EdgeType.RESPONSIBLE_FOR}),
    "via": frozenset({EdgeType.COLLABORATES_WITH}),
    "order": frozenset({EdgeType.SUBMITS_TO}),
}


def edge_allowed(edge_type: EdgeType, source: Kind | str, target: Kind | str) -> bool:
    """Tell whether an edge of ``edge_type`` may run from a ``source`` to a ``target`` node.

    Examples
    --------
    >>> edge_allowed(EdgeType.HEADS, Kind.POST, Kind.UNIT)
    True
    >>> edge_allowed(EdgeType.HOLDS, Kind.POST, Kind.PERSON)
    False
    """
    starts, ends = EDGE_RULES[edge_type]
    return source in starts and target in ends
