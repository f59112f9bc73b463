"""Where a unit, body, forum or post sits: the line of what it lies under, up to the top.

"hvilket direktørområde hører Skole og Uddannelse under?", "what is Finance and Staff part
of?": the answer is the node's ``PART_OF`` line upward (a post's first step is the unit it is
``POST_IN``), each step with its source and confidence. The reporting line (``chain``) runs
through posts; this one runs through what contains the node, as the org chart draws it.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> def edge(kind, start, end, confidence="high"):
...     return EdgeRecord.model_validate({"type": kind, "from": start, "to": end,
...                                       "source": "seed", "confidence": confidence})
>>> store = MemoryStore(Dataset.build(
...     [node(id="org:k", kind="Organisation", name="Kommunen"),
...      node(id="unit:omr", kind="Unit", name="Område 2", level="direktørområde"),
...      node(id="unit:skole", kind="Unit", name="Skole", level="afdeling"),
...      node(id="post:chef", kind="Post", name="Skolechef")],
...     [edge("PART_OF", "unit:omr", "org:k"), edge("PART_OF", "unit:skole", "unit:omr", "low"),
...      edge("POST_IN", "post:chef", "unit:skole")]))
>>> [(step.node.name, step.confidence.value)
...  for step in line_above(store, "post:chef", as_of=date(2024, 6, 1))]
[('Skole', 'high'), ('Område 2', 'low'), ('Kommunen', 'high')]
"""

from __future__ import annotations

from datetime import date

from orgmodel.contract import EdgeView, OrgStore
from orgmodel.hint_build import hint_of
from orgmodel.hint_model import NodeHint, Relation, node_ref
from orgmodel.question_frames import PLACE_FRAME, without, without_asked_kind
from orgmodel.schema import Confidence, EdgeType, Kind

__all__ = ["PLACED_KINDS", "line_above", "place_of", "placed_hint"]

#: The kinds whose place a question may ask ("hvad hører Økonomiudvalget under?").
PLACED_KINDS = (Kind.UNIT, Kind.BODY, Kind.FORUM, Kind.POST)
# Deeper than any organisation's line: a guard, should the data hold a cycle the validator
# has not been run on.
_MOST_STEPS = 12
_SURER = {Confidence.HIGH: 0, Confidence.MEDIUM: 1, Confidence.LOW: 2}


def line_above(store: OrgStore, node_id: str, *, as_of: date) -> list[Relation]:
    """What ``node_id`` lies under on ``as_of``, nearest first, up to what lies under nothing.

    Each step is the ``PART_OF`` (a post's first: ``POST_IN``) edge out of the step before,
    as a :class:`~orgmodel.hint_model.Relation` to the node it leads to. Of two edges out of
    one node on the same day (the validator's notice), the surer is followed.
    """
    steps: list[Relation] = []
    seen = {node_id}
    at = node_id
    while len(steps) < _MOST_STEPS:
        edge = _step_up(store.edges_of(at, as_of=as_of), at)
        if edge is None or edge.target_id in seen:
            break
        seen.add(edge.target_id)
        steps.append(Relation(type=edge.type, node=node_ref(store.node(edge.target_id,
                                                                         as_of=as_of)),
                              source=edge.source, confidence=edge.confidence, outward=True))
        at = edge.target_id
    return steps


def placed_hint(store: OrgStore, node_id: str, kind: Kind, *, as_of: date) -> NodeHint | None:
    """The hint of ``node_id`` with what it lies under said first (``asked_place``)."""
    found = hint_of(store, node_id, kind, as_of=as_of)
    return None if found is None else found.model_copy(update={
        "asked_place": True, "above": line_above(store, node_id, as_of=as_of)})


def place_of(store: OrgStore, query: str, *, least: float,
             as_of: date) -> tuple[NodeHint, float] | None:
    """The placed hint of the unit, body, forum or post a question of its place names.

    Named by the question without its frame and the kind its "which" asks for ("hvilket
    direktørområde hører Skole og Uddannelse under?" names the department, not a director
    area), at least ``least`` well (as a post must be named for its line, and better than
    any task: "hvilken enhed hører løn under?" asks who owns payroll); with how well.
    """
    rest = without(without_asked_kind(query), PLACE_FRAME)
    for hit in store.search(rest, kinds=list(PLACED_KINDS), limit=1, as_of=as_of):
        if hit.score >= least and (found := placed_hint(store, hit.id, hit.kind,
                                                        as_of=as_of)) is not None:
            return found, hit.score
    return None


def _step_up(edges: list[EdgeView], node_id: str) -> EdgeView | None:
    up = [e for e in edges if e.source_id == node_id
          and e.type in (EdgeType.PART_OF, EdgeType.POST_IN)]
    return min(up, key=lambda e: (_SURER[e.confidence], e.target_id), default=None)
