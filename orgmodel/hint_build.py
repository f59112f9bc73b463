r"""The hint of one node a question names: who is in charge of it or takes part.

:func:`hint_of` reads a node's relations (those into it that say who is in charge or takes
part, :data:`IN_CHARGE`, then those out of it, :data:`OUT_OF`) into a
:class:`~orgmodel.hint_model.NodeHint`. How a question finds the node is
:mod:`orgmodel.node_hint`'s; this module is what both it and the static start page's index
(``viz/start.py``) build each node's hint with.

Examples
--------
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> store = MemoryStore(Dataset.build(
...     [node(id="post:borgmester", kind="Post", name="Borgmester"),
...      node(id="person:lgh", kind="Person", name="Lars Gravgaard Hansen")],
...     [EdgeRecord.model_validate({"type": "HOLDS", "from": "person:lgh",
...                                 "to": "post:borgmester", "source": "seed",
...                                 "confidence": "high"})]))
>>> found = hint_of(store, "post:borgmester", Kind.POST, as_of=date(2024, 6, 1))
>>> print(found.text_da.replace(". ", ".\n"))
Borgmester er en stilling, ikke en opgave.
Besat af: Lars Gravgaard Hansen (sikkerhed: høj, kilde: seed).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from orgmodel.contract import EdgeView, NodeRef, OrgStore
from orgmodel.hint_model import NodeHint, Relation, node_ref
from orgmodel.node_sizes import node_counts
from orgmodel.schema import EdgeType, Kind, Raci
from orgmodel.text import shortened

__all__ = ["IN_CHARGE", "OUT_OF", "counted_hint", "hint_of"]

_E = EdgeType
#: The kinds a question may name instead of a task, and the relations into such a node that
#: say who is in charge of it or takes part, in the order a hint names them.
IN_CHARGE: dict[Kind, tuple[EdgeType, ...]] = {
    Kind.SYSTEM: (_E.OPERATES, _E.SUPPORTS, _E.SUPPLIES),
    Kind.ASSET: (_E.OPERATES, _E.SUPPORTS, _E.SUPPLIES),
    Kind.INITIATIVE: (_E.DECIDES, _E.PARTICIPATES_IN, _E.CONTRIBUTES_TO, _E.RESULTED_FROM),
    Kind.POLICY: (_E.DECIDES, _E.CONTRIBUTES_TO),
    Kind.UNIT: (_E.HEADS, _E.PART_OF),  # who heads it, and the units and teams under it
    Kind.FORUM: (_E.HEADS, _E.MEMBER_OF, _E.PARTICIPATES_IN, _E.SUPPORTS),
    Kind.BODY: (_E.HEADS, _E.MEMBER_OF, _E.PARTICIPATES_IN, _E.SUPPORTS, _E.PART_OF,
                _E.SUBMITS_TO),  # ... and the case route: from which bodies its cases come
    Kind.POST: (_E.HOLDS, _E.REPORTS_TO),  # who holds it, and who reports to it
    Kind.ORGANISATION: (_E.HEADS, _E.PART_OF),  # ... and its director areas and fora
    Kind.PERSON: (),
}
#: The relations out of such a node that a hint names after those into it: the posts a person
#: holds ("hvem er Henrik Harder?"), what a post heads and whom it reports to ("hvem er
#: økonomichef?": a post may be named by a title no one is recorded as holding), the tasks a
#: unit or body is accountable for.
OUT_OF: dict[Kind, tuple[EdgeType, ...]] = {
    Kind.PERSON: (_E.HOLDS,),
    Kind.POST: (_E.HEADS, _E.REPORTS_TO, _E.MEMBER_OF, _E.PARTICIPATES_IN),  # ... and sits in
    Kind.UNIT: (_E.RESPONSIBLE_FOR,),  # the tasks it is accountable for (raci A)
    # ... where its cases go on to, and what it decides ("hvad beslutter ØU selv?")
    Kind.BODY: (_E.RESPONSIBLE_FOR, _E.SUBMITS_TO, _E.DECIDES),
    # what a forum decides and whom it advises ("hvad beslutter Digitaliseringsrådet?")
    Kind.FORUM: (_E.DECIDES, _E.ADVISES),
    # what an outside party delivers or takes part in ("hvem er KMD?": OPUS løn's supplier)
    Kind.ORGANISATION: (_E.SUPPLIES, _E.PARTICIPATES_IN, _E.SERVES),
}
#: How much of a description a hint says: whole sentences up to this many characters (the
#: first alone is shortened to it). "hvad beslutter Chefforum?" was told "Kommunens chefer og
#: direktører." only, and the sentence of what the forum does was left out.
_ABOUT_CHARS = 320
# A sentence ends before a capital: "ca. 75 medarbejdere" goes on.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")


def hint_of(store: OrgStore, named: str, kind: Kind, *, as_of: date,
            what_is: bool = False) -> NodeHint | None:
    """The hint for node ``named`` of ``kind`` (a key of :data:`IN_CHARGE`).

    ``None`` for a system or asset a task uses (a question naming it leads to that task),
    unless the question asks what it is (``what_is``): then it says so, and what it is used
    for; and ``None`` for a post with no relation to name.
    """
    into, out_of = IN_CHARGE[kind], OUT_OF.get(kind, ())
    near = store.neighbourhood(named, edge_types=(*into, *out_of, EdgeType.USES), as_of=as_of)
    nodes = {n.id: n for n in near.nodes}
    used = any(e.type is EdgeType.USES and e.target_id == named
               and nodes[e.source_id].kind is Kind.TASK for e in near.edges)
    if used and not what_is:
        return None
    if used:  # what the tasks that use it are, last (after who runs and supplies it)
        into = (*into, EdgeType.USES)
    incoming = sorted((e for e in near.edges if e.type in into and e.target_id == named),
                      key=lambda e: (into.index(e.type), e.role != "formand", e.source_id))
    outgoing = sorted((e for e in near.edges if e.type in out_of and e.source_id == named
                       and (e.type is not EdgeType.RESPONSIBLE_FOR or e.raci is Raci.A)),
                      key=lambda e: (out_of.index(e.type), e.target_id))
    if kind is Kind.POST and not incoming and not outgoing:
        return None
    node = nodes[named]
    holders = _holders(store, [e.source_id for e in incoming if e.type is EdgeType.HEADS
                               and nodes[e.source_id].kind is Kind.POST], as_of)
    relations = [
        *(Relation(type=e.type, node=node_ref(nodes[e.source_id]), role=e.role, source=e.source,
                   confidence=e.confidence, **_held(holders, e))
          for e in incoming),
        *(Relation(type=e.type, node=node_ref(nodes[e.target_id]), role=e.role, source=e.source,
                   confidence=e.confidence, outward=True) for e in outgoing)]
    return NodeHint(node=node_ref(node), counts=node_counts(node.attributes),
                    level=node.attributes.get("level") if kind is Kind.UNIT else None,
                    counts_minimum=bool(node.attributes.get("count_is_minimum")),
                    about=_about(node.description), about_en=_about(node.description_en),
                    meets=node.attributes.get("meets"), meets_en=node.attributes.get("meets_en"),
                    status=node.attributes.get("status"),
                    as_of=as_of, relations=relations,
                    no_holder=kind is Kind.POST and not any(
                        e.type is EdgeType.HOLDS for e in incoming))


def used_by_a_task(hint: NodeHint) -> bool:
    """Whether the hint (of a system or equipment, asked what it is) names a task that uses it.

    Such a node has no hint but when asked what it is (:func:`hint_of`, ``what_is``).
    """
    return any(r.type is EdgeType.USES and r.node.kind is Kind.TASK for r in hint.relations)


def _holders(store: OrgStore, posts: list[str], as_of: date) -> dict[str, tuple[NodeRef, EdgeView]]:
    """Who holds each of ``posts``, and by which edge: "hvem leder Løn?" is asked of a person.

    A post held by two or more at once names none of them here (its own hint lists them).
    """
    held: dict[str, tuple[NodeRef, EdgeView]] = {}
    for post in posts:
        near = store.neighbourhood(post, edge_types=(EdgeType.HOLDS,), as_of=as_of)
        people = {n.id: n for n in near.nodes if n.kind is Kind.PERSON}
        holdings = [e for e in near.edges if e.source_id in people and e.target_id == post]
        if len(holdings) == 1:
            held[post] = node_ref(people[holdings[0].source_id]), holdings[0]
    return held


def _held(holders: dict[str, tuple[NodeRef, EdgeView]], edge: EdgeView) -> dict[str, Any]:
    """The holder of the post that heads by ``edge``, and how sure the holding is."""
    if edge.type is not EdgeType.HEADS or edge.source_id not in holders:
        return {}
    person, holding = holders[edge.source_id]
    return {"held_by": person, "held_source": holding.source,
            "held_confidence": holding.confidence}


def counted_hint(store: OrgStore, named: str, *, as_of: date) -> NodeHint | None:
    """The hint of a node its record counts (a group of stakeholders: "over 300 foreninger").

    What it is and its count alone; ``None`` when its record counts nothing. For a question
    of how many there are ("hvor mange foreninger er der?" met the oversight of the
    administration): no one is in charge of a group of stakeholders.
    """
    node = store.node(named, as_of=as_of)
    counts = node_counts(node.attributes)
    if not counts:
        return None
    return NodeHint(node=node_ref(node), counts=counts,
                    counts_minimum=bool(node.attributes.get("count_is_minimum")),
                    about=_about(node.description), about_en=_about(node.description_en),
                    as_of=as_of, relations=[])


def _about(description: str | None) -> str | None:
    """Its sentences that fit in :data:`_ABOUT_CHARS`, or the first one shortened.

    >>> _about("Kommunens chefer. Drøfter tværgående sager.")
    'Kommunens chefer. Drøfter tværgående sager.'
    >>> _about("Kort. Lang" + " ord" * 100 + ".")  # the next sentence does not fit
    'Kort.'
    >>> _about("Lang" + " ord" * 100 + ".")[-5:]  # the first alone is shortened
    ' ord…'
    """
    if not description:
        return None
    sentences = _SENTENCE_END.split(" ".join(description.split()))
    said = sentences[0]
    for sentence in sentences[1:]:
        if len(said) + 1 + len(sentence) > _ABOUT_CHARS:
            break
        said += " " + sentence
    return shortened(said, _ABOUT_CHARS)
