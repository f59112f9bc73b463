"""Why a node is a post's stakeholder: the chain of relations that ties it to the post.

What ties a stakeholder to the post in as few steps as it takes, the strongest such chain
(:func:`orgmodel.analytics.shortest_chains`; the interest may come from a longer, stronger
one); said in words, each step is the relation that made it, read from the post outward
("samarbejder med Borgmester", "har som medarbejder Enhedsleder for Organisation og Politik →
leder Organisation og Politik"). A new chief sees why the mayor is there, not only a score.

Examples
--------
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> def node(i):
...     return NODE_ADAPTER.validate_python({"id": i, "kind": "Post", "name": i.split(":")[1],
...                                          "source": "seed", "confidence": "high"})
>>> def reports(a, b):
...     return EdgeRecord.model_validate({"type": "REPORTS_TO", "from": a, "to": b,
...                                       "source": "seed", "confidence": "high"})
>>> data = Dataset.build([node("post:chef"), node("post:direktor"), node("post:leder")],
...                      [reports("post:chef", "post:direktor"),
...                       reports("post:leder", "post:chef")])
>>> found = ties(data, "post:chef", {"post:direktor": ("post:direktor",),
...                                  "post:leder": ("post:leder",)})
>>> names = {i: data.nodes[i].name for i in data.nodes}
>>> tie_text(found["post:direktor"], names.__getitem__, "da")
'refererer til direktor'
>>> tie_text(found["post:leder"], names.__getitem__, "en")
'has as direct report leder'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from orgmodel.analytics import tie_weight
from orgmodel.dataset import Dataset
from orgmodel.messages import Lang, edge_name
from orgmodel.records import EdgeRecord

__all__ = ["TieStep", "tie_text", "ties"]


@dataclass(frozen=True)
class TieStep:
    """One step of a chain: the relation, read from the post's side, and the node it reaches."""

    type: str
    inverse: bool  # the edge runs from the node reached back towards the post
    node: str
    raci: str | None = None


def ties(dataset: Dataset, ego: str,
         chains: Mapping[str, tuple[str, ...]]) -> dict[str, list[TieStep]]:
    """Each chain of ``chains`` (node -> the nodes after ``ego``) as the relations it runs by.

    Between two nodes of a chain, the strongest edge (:func:`~orgmodel.analytics.tie_weight`)
    is the one the chain was made of.
    """
    between: dict[frozenset[str], list[EdgeRecord]] = {}
    for edge in dataset.edges.values():
        between.setdefault(frozenset((edge.source_id, edge.target_id)), []).append(edge)
    found: dict[str, list[TieStep]] = {}
    for node, chain in chains.items():
        steps = []
        for before, after in zip((ego, *chain), chain, strict=False):
            edges = between.get(frozenset((before, after)))
            if not edges:
                break
            edge = max(edges, key=lambda e: (tie_weight(e), e.source_id == before, e.key))
            steps.append(TieStep(type=edge.type.value, inverse=edge.source_id != before,
                                 node=after, raci=edge.raci.value if edge.raci else None))
        found[node] = steps
    return found


def tie_text(steps: list[TieStep], name_of: Callable[[str], str], lang: Lang) -> str:
    """The chain in words, from the post: "refererer til X → leder Y"."""
    return " → ".join(f"{edge_name(step.type, lang, inverse=step.inverse, raci=step.raci)} "
                      f"{name_of(step.node)}" for step in steps)
