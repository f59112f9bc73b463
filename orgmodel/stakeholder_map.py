"""A post's stakeholder map as data: who, in which quadrant, why, and where they meet.

The stakeholder map view, ``orgmodel stakeholders`` and ``GET /api/v1/stakeholders/{post}``
all read it: the post's ego network (``neighbourhood`` to ``depth``), its stakeholders within
it scored (:func:`orgmodel.analytics.stakeholder_scores`) and listed by strategy, what ties
each to the post (:mod:`orgmodel.ties`) and the fora both sit in
(:func:`orgmodel.analytics.shared_fora`).

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(i, kind):
...     return NODE_ADAPTER.validate_python({"id": i, "kind": kind, "name": i,
...                                          "source": "seed", "confidence": "high"})
>>> def edge(t, a, b):
...     return EdgeRecord.model_validate({"type": t, "from": a, "to": b, "source": "seed",
...                                       "confidence": "high"})
>>> store = MemoryStore(Dataset.build(
...     [node("post:chef", "Post"), node("post:boss", "Post"), node("forum:f", "Forum")],
...     [edge("REPORTS_TO", "post:chef", "post:boss"), edge("MEMBER_OF", "post:chef", "forum:f"),
...      edge("MEMBER_OF", "post:boss", "forum:f")]))
>>> found = stakeholder_map(store, "post:chef", as_of=date(2024, 6, 1))
>>> [(s.id, s.quadrant.value) for s in found.scores]
[('post:boss', 'manage'), ('forum:f', 'manage')]
>>> found.via["post:boss"], [step.type for step in found.ties["post:boss"]]
(['forum:f'], ['REPORTS_TO'])
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from orgmodel import analytics
from orgmodel.contract import OrgStore, Subgraph
from orgmodel.dataset import Dataset
from orgmodel.messages import edge_name
from orgmodel.schema import EdgeType, Kind, Raci
from orgmodel.ties import TieStep, ties

__all__ = ["MAP_DEPTH", "MAP_DEPTH_MOST", "Stakeholder", "StakeholderMap", "StakeholdersAnswer",
           "TieLink", "stakeholder_map", "stakeholders_answer"]

#: How many steps from its post a stakeholder map reaches, and the most it may: beyond three
#: steps a map holds most of a municipality.
MAP_DEPTH, MAP_DEPTH_MOST = 2, 3


@dataclass(frozen=True)
class StakeholderMap:
    """A post's stakeholders within its ego network, and what the map says of each."""

    post: str
    subgraph: Subgraph  # the ego network the map draws
    snapshot: Dataset  # the data on the day, which the scores were read from
    scores: list[analytics.StakeholderScore]  # by strategy, each strategy's strongest first
    via: dict[str, list[str]]  # stakeholder -> the fora and bodies both sit or take part in
    ties: dict[str, list[TieStep]]  # stakeholder -> the relations from the post to it


def stakeholder_map(store: OrgStore, post: str, *, as_of: date,
                    depth: int = MAP_DEPTH) -> StakeholderMap:
    """The stakeholder map of ``post`` on ``as_of``, ``depth`` steps out (1–3)."""
    subgraph = store.neighbourhood(post, depth=depth, as_of=as_of)
    snapshot = store.snapshot(as_of=as_of)
    near = {n.id for n in subgraph.nodes}
    scores = analytics.by_strategy(
        s for s in analytics.stakeholder_scores(snapshot, post, depth=depth) if s.id in near)
    return StakeholderMap(post=post, subgraph=subgraph, snapshot=snapshot, scores=scores,
                          via=analytics.shared_fora(snapshot, post),
                          ties=ties(snapshot, post, {s.id: s.chain for s in scores}))


# What the map says, as data for a script or a client: ``orgmodel stakeholders --json`` and
# ``GET /api/v1/stakeholders/{post}`` give the same.


class TieLink(BaseModel):
    """One relation of the chain that ties a stakeholder to the post, read from the post."""

    type: EdgeType = Field(description="The relation, e.g. REPORTS_TO, MEMBER_OF.")
    inverse: bool = Field(description="It runs from the node reached back towards the post.")
    raci: Raci | None = Field(None, description="A responsibility's R, A, C or I.")
    id: str = Field(description="The node this step reaches.")
    relation_da: str = Field(description="The relation in Danish, read from the post's side.",
                             examples=["refererer til"])
    relation_en: str = Field(description="The relation in English.", examples=["reports to"])


class Stakeholder(BaseModel):
    """A stakeholder of the post: where the map puts it, and why."""

    id: str = Field(description="Node id.")
    name: str = Field(description="Danish name.")
    name_en: str | None = Field(None, description="English name.")
    kind: Kind = Field(description="Node kind.")
    quadrant: Literal["manage", "satisfy", "inform", "monitor"] = Field(
        description="The strategy: manage closely, keep satisfied, keep informed, monitor.")
    influence: float = Field(ge=0, le=1, description="Formal authority first, centrality within "
                                                     "its level; the same on every post's map.")
    interest: float = Field(ge=0, le=1, description="How close it stands to the post: the "
                                                    "strongest chain of ties.")
    distance: int = Field(ge=1, description="Steps from the post.")
    tie: list[TieLink] = Field(description="The relations from the post to it, in as few "
                                           "steps as it takes.")
    via: list[str] = Field(description="The fora, bodies and initiatives both sit or take part "
                                       "in, by id.")


_EXAMPLE: JsonDict = {
    "post": "post:chef-okonomi-og-stab", "as_of": "2026-11-01", "depth": 2,
    "stakeholders": [{
        "id": "post:kommunaldirektor", "name": "Kommunaldirektør",
        "name_en": "Municipal Director", "kind": "Post", "quadrant": "manage",
        "influence": 0.96, "interest": 1.0, "distance": 1,
        "tie": [{"type": "REPORTS_TO", "inverse": False, "raci": None,
                 "id": "post:kommunaldirektor", "relation_da": "refererer til",
                 "relation_en": "reports to"}],
        "via": ["forum:chefforum", "forum:direktorforum"]}]}


class StakeholdersAnswer(BaseModel):
    """A post's stakeholders by strategy, each strategy's strongest first."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    post: str = Field(description="The post whose map it is.")
    as_of: date = Field(description="The date answered for.")
    depth: int = Field(description="How many steps from the post the map reaches.")
    stakeholders: list[Stakeholder] = Field(
        description="Manage closely, keep satisfied, keep informed, monitor; strongest first.")


def stakeholders_answer(store: OrgStore, post: str, *, as_of: date,
                        depth: int = MAP_DEPTH) -> StakeholdersAnswer:
    """The stakeholders of ``post`` (a post's id) on ``as_of``, ``depth`` steps out."""
    found = stakeholder_map(store, post, as_of=as_of, depth=depth)
    nodes = {node.id: node for node in found.subgraph.nodes}
    return StakeholdersAnswer(post=post, as_of=as_of, depth=depth, stakeholders=[
        Stakeholder(
            id=score.id, name=nodes[score.id].name, name_en=nodes[score.id].name_en,
            kind=nodes[score.id].kind, quadrant=score.quadrant.value,
            influence=round(score.influence, 3), interest=round(score.interest, 3),
            distance=score.distance, via=found.via.get(score.id, []),
            tie=[TieLink(type=EdgeType(step.type), inverse=step.inverse,
                         raci=Raci(step.raci) if step.raci else None, id=step.node,
                         relation_da=edge_name(step.type, "da", inverse=step.inverse,
                                               raci=step.raci),
                         relation_en=edge_name(step.type, "en", inverse=step.inverse,
                                               raci=step.raci))
                 for step in found.ties.get(score.id, [])])
        for score in found.scores])
