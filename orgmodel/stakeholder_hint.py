"""Who a post's stakeholders are, as an answer to a question: the stakeholder map, in short.

"hvem er de vigtigste interessenter for chefen for Økonomi og Stab?" met the post's hint, its
description and relations, and not the map that answers it. The answer is whom the map says
to manage closely (:func:`orgmodel.analytics.stakeholder_scores`, the same scores as the map
and ``orgmodel stakeholders``), strongest first, and how many more it has.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.hint_build import hint_of
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.schema import Kind
>>> from orgmodel.store.memory import MemoryStore
>>> def node(i, kind, name):
...     return NODE_ADAPTER.validate_python({"id": i, "kind": kind, "name": name,
...                                          "source": "seed", "confidence": "high"})
>>> def reports(a, b):
...     return EdgeRecord.model_validate({"type": "REPORTS_TO", "from": a, "to": b,
...                                       "source": "seed", "confidence": "high"})
>>> store = MemoryStore(Dataset.build(
...     [node("post:chef", "Post", "Chef"), node("post:direktor", "Post", "Direktør")],
...     [reports("post:chef", "post:direktor")]))
>>> when = date(2024, 6, 1)
>>> found = with_stakeholders(store, hint_of(store, "post:chef", Kind.POST, as_of=when),
...                           as_of=when)
>>> [node.name for node in found.stakeholders], found.stakeholders_more
(['Direktør'], 0)
>>> found.line_answer("da").split(". ")[0]
'Interessenter for Chef at håndtere tæt (1), efter interessentkortet: Direktør'
"""

from __future__ import annotations

from datetime import date

from orgmodel.analytics import Quadrant, StakeholderGrid, by_strategy
from orgmodel.contract import NodeRef, OrgStore
from orgmodel.hint_model import NodeHint
from orgmodel.schema import Kind

__all__ = ["with_stakeholders"]


def with_stakeholders(store: OrgStore, post_hint: NodeHint, *, as_of: date,
                      scoring: StakeholderGrid | None = None) -> NodeHint:
    """``post_hint`` with the post's stakeholders to manage closely said first.

    ``scoring``: the dataset's map, prepared once for many posts (else read for this one).
    """
    scoring = scoring or StakeholderGrid(store.snapshot(as_of=as_of))
    snapshot = scoring.dataset
    scores = by_strategy(scoring.scores(post_hint.node.id))
    close = [score.id for score in scores if score.quadrant is Quadrant.MANAGE]
    return post_hint.model_copy(update={
        "asked_stakeholders": True, "stakeholders_more": len(scores) - len(close),
        "stakeholders": [NodeRef(id=record.id, name=record.name, name_en=record.name_en,
                                 kind=Kind(record.kind))
                         for record in (snapshot.nodes[node] for node in close)]})
