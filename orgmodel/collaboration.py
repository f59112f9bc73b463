r"""Whom a unit, post or forum works with: the hint for "hvem samarbejder Økonomi og Stab med?".

The new chief maps stakeholders by asking whom a part of the organisation works with; the
words of such a question ("samarbejder", "interessenter", "stakeholders":
:data:`orgmodel.question_frames.COLLABORATION_SPELLINGS`) met stray tasks at 0.1–0.2. The
answer is the node's collaborations (with their topic), the fora and bodies it sits or takes
part in, whom it advises, supports or serves, and who advises or supports it. A unit that works
with no one itself works through its head and the units under it: the department's
collaborations are the chief's and its units', each said with who holds it.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.schema import Kind
>>> from orgmodel.store.memory import MemoryStore
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> def edge(**kw):
...     return EdgeRecord.model_validate({"source": "seed", "confidence": "high", **kw})
>>> store = MemoryStore(Dataset.build(
...     [node(id="unit:stab", kind="Unit", name="Stab", level="afdeling"),
...      node(id="post:chef", kind="Post", name="Chef for Stab"),
...      node(id="post:borgmester", kind="Post", name="Borgmester")],
...     [edge(type="HEADS", **{"from": "post:chef", "to": "unit:stab"}),
...      edge(type="COLLABORATES_WITH", topic="politiske sager",
...           **{"from": "post:borgmester", "to": "post:chef"})]))
>>> found = collaboration_hint(store, "unit:stab", Kind.UNIT, as_of=date(2024, 6, 1))
>>> print(found.text("da").replace(". ", ".\n"))
Stab er en enhed, ikke en opgave.
Samarbejder med: Borgmester (gennem Chef for Stab: politiske sager; sikkerhed: høj, kilde: seed).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from orgmodel.contract import EdgeView, OrgStore
from orgmodel.hint_model import NodeHint, Relation, node_ref
from orgmodel.schema import EdgeType, Kind
from orgmodel.text import stem, tokenize

__all__ = ["COLLABORATION_KINDS", "OUTSIDE_KINDS", "collaboration_hint", "on_topic",
           "outside_only"]

_E = EdgeType
#: The kinds a question of whom something works with is about.
COLLABORATION_KINDS = (Kind.UNIT, Kind.POST, Kind.FORUM, Kind.BODY, Kind.ORGANISATION,
                       Kind.INITIATIVE, Kind.STAKEHOLDER)
#: The kinds outside the organisation: other organisations (a supplier, a neighbouring
#: municipality) and groups of stakeholders (citizens, the schools' pupils).
OUTSIDE_KINDS = (Kind.ORGANISATION, Kind.STAKEHOLDER)
# Into the node: who works with it, advises or supports it, takes part or sits in it ...
_INTO = (_E.COLLABORATES_WITH, _E.ADVISES, _E.SUPPORTS, _E.PARTICIPATES_IN, _E.MEMBER_OF)
# ... and out of it: whom it works with, where it sits or takes part, whom it helps. Whom a
# post heads comes first: its collaborations are those of the post, not of the unit asked.
_OUT_OF = (_E.HEADS, _E.COLLABORATES_WITH, _E.MEMBER_OF, _E.PARTICIPATES_IN, _E.ADVISES,
           _E.SUPPORTS, _E.SERVES)


def collaboration_hint(store: OrgStore, named: str, kind: Kind, *,
                       as_of: date) -> NodeHint | None:
    """Whom node ``named`` of ``kind`` works with, or (a unit that works with no one) its head.

    ``None`` when neither has a collaboration to name.
    """
    found = _hint(store, named, as_of=as_of)
    if kind is not Kind.UNIT or _works_with_others(found):
        return found
    # A department works through its units and its head: IT's work with the schools, the
    # chief's with the mayor (it was the chief's alone, as if the units did nothing together)
    edges = store.edges_of(named, as_of=as_of)
    heads = [e.source_id for e in edges if e.type is _E.HEADS and e.target_id == named]
    parts = sorted(e.source_id for e in edges if e.type is _E.PART_OF and e.target_id == named)
    through = [
        relation.model_copy(update={"via": holder.node})
        for holder in filter(None, (_hint(store, other, as_of=as_of)
                                    for other in [*parts, *heads[:1]]))
        for relation in holder.relations if relation.type is _E.COLLABORATES_WITH
        and relation.node.id != named]
    if not through:
        return found
    return NodeHint(node=node_ref(store.node(named, as_of=as_of)),
                    relations=[*(found.relations if found else []), *through])


def on_topic(hint: NodeHint, topic: str) -> NodeHint:
    """``hint`` with only the collaborations about ``topic``, if any is; else as it is.

    A collaboration is about the topic when a word of its own topic begins as a word of
    ``topic`` does ("budgetter" meets "budget, budgetopfølgning og indkøb").

    >>> from orgmodel.contract import NodeRef
    >>> from orgmodel.hint_model import Relation
    >>> def together(name, topic):
    ...     return Relation(type=_E.COLLABORATES_WITH, node=NodeRef(id=f"unit:{name}",
    ...                     name=name, kind=Kind.UNIT), role=topic, source="seed",
    ...                     confidence="high", outward=True)
    >>> hint = NodeHint(node=NodeRef(id="unit:oi", name="ØI", kind=Kind.UNIT), relations=[
    ...     together("a", "budget og indkøb"), together("b", "devices til skoleelever")])
    >>> [r.node.name for r in on_topic(hint, "budgetter").relations]
    ['a']
    >>> [r.node.name for r in on_topic(hint, "vejr").relations]
    ['a', 'b']
    """
    asked = [stem(word) for word in tokenize(topic)]
    if not asked:
        return hint

    def about(relation: Relation) -> bool:
        own = [stem(word) for word in tokenize(relation.role or "")]
        return any(word.startswith(part) or part.startswith(word)
                   for part in asked for word in own if min(len(part), len(word)) >= 4)

    kept = [r for r in hint.relations if r.type is not _E.COLLABORATES_WITH or about(r)]
    if len(kept) == len(hint.relations) or not any(
            r.type is _E.COLLABORATES_WITH for r in kept):
        return hint
    return hint.model_copy(update={"relations": kept})


def outside_only(hint: NodeHint) -> NodeHint:
    """``hint`` with only its relations to those outside the organisation, if it has any.

    "hvilke eksterne samarbejdspartnere har Økonomi og Stab?" asks for these alone; a hint
    with none of them is kept as it is (its relations are all there is to say).

    >>> from orgmodel.contract import NodeRef
    >>> def together(name, kind):
    ...     return Relation(type=_E.COLLABORATES_WITH, node=NodeRef(id=f"x:{name}", name=name,
    ...                     kind=kind), source="seed", confidence="high", outward=True)
    >>> hint = NodeHint(node=NodeRef(id="unit:oi", name="ØI", kind=Kind.UNIT), relations=[
    ...     together("IT", Kind.UNIT), together("Nabokommunen", Kind.ORGANISATION)])
    >>> [r.node.name for r in outside_only(hint).relations]
    ['Nabokommunen']
    """
    kept = [r for r in hint.relations if r.node.kind in OUTSIDE_KINDS]
    return hint.model_copy(update={"relations": kept}) if kept else hint


def _works_with_others(hint: NodeHint | None) -> bool:
    return hint is not None and any(r.type is _E.COLLABORATES_WITH for r in hint.relations)


def _hint(store: OrgStore, named: str, *, as_of: date) -> NodeHint | None:
    near = store.neighbourhood(named, edge_types=(*_INTO, *_OUT_OF), as_of=as_of)
    nodes = {n.id: n for n in near.nodes}
    relations: dict[tuple[EdgeType, bool, str], Relation] = {}
    for edge in sorted(near.edges, key=_order(named)):
        outward = edge.source_id == named
        if named not in (edge.source_id, edge.target_id) or edge.type not in (
                _OUT_OF if outward else _INTO):
            continue
        other = nodes[edge.target_id if outward else edge.source_id]
        # Working together runs both ways: one list, whichever end the data wrote it from.
        together = edge.type is _E.COLLABORATES_WITH
        relations.setdefault((edge.type, outward or together, other.id), Relation(
            type=edge.type, node=node_ref(other),
            role=edge.topic if together else edge.role, source=edge.source,
            confidence=edge.confidence, outward=outward or together))
    if not any(r.type is not _E.HEADS for r in relations.values()):
        return None
    node = nodes[named]
    return NodeHint(node=node_ref(node), relations=list(relations.values()))


def _order(named: str) -> Callable[[EdgeView], tuple[int, int, int, str]]:
    """Edges in the order a hint names them: heads, then working together, …; strongest first."""
    def key(edge: EdgeView) -> tuple[int, int, int, str]:
        outward = edge.source_id == named
        types = _OUT_OF if outward else _INTO
        at = types.index(edge.type) if edge.type in types else len(types)
        return (at, 0 if outward else 1, -(edge.strength or 0), edge.key)
    return key
