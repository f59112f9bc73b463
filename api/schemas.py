"""Response models of the API: the query contract's answers with what was asked, and examples.

The answers themselves are the contract's pydantic models (:mod:`orgmodel.contract`), whose
fields all carry descriptions; the envelopes here add the question (query, id, date) and an
example from the Albertslund dataset, so ``/docs`` explains every field with real data.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field

from orgmodel.contract import (
    AuditEntry,
    EdgeView,
    Membership,
    NodePage,
    NodeRef,
    NodeView,
    Note,
    OwnersResult,
    Responsibility,
    SearchResult,
    Subgraph,
)
from orgmodel.node_hint import NodeHint
from orgmodel.problem_text import notice_in_danish

__all__ = [
    "ApiIndex",
    "AuditPage",
    "ChainAnswer",
    "EdgeDetail",
    "EdgeSaved",
    "Health",
    "KleHint",
    "MembershipsAnswer",
    "NodeDetail",
    "NodeList",
    "NodeSaved",
    "NodeWritten",
    "NoticesInDanish",
    "OwnersAnswer",
    "PathsAnswer",
    "ResponsibilitiesAnswer",
    "SearchAnswer",
    "SubgraphAnswer",
]

_OP = {"id": "unit:organisation-og-politik", "name": "Organisation og Politik",
       "name_en": "Organisation and Politics", "kind": "Unit"}
_HEAD_OP = {"id": "post:enhedsleder-organisation-og-politik",
            "name": "Enhedsleder for Organisation og Politik",
            "name_en": "Head of Organisation and Politics", "kind": "Post"}
_CHEF = {"id": "post:chef-okonomi-og-stab", "name": "Chef for Økonomi og Stab",
         "name_en": "Head of Finance and Staff", "kind": "Post"}
_KD = {"id": "post:kommunaldirektor", "name": "Kommunaldirektør",
       "name_en": "Municipal Director", "kind": "Post"}
_MAYOR = {"id": "post:borgmester", "name": "Borgmester", "name_en": "Mayor", "kind": "Post"}
_KB = {"id": "body:kommunalbestyrelsen", "name": "Kommunalbestyrelsen",
       "name_en": "Municipal Council", "kind": "Body"}
_TASK_LON = {"id": "task:lon", "name": "Løn", "name_en": "Payroll", "kle": "81.15.00"}
_NODE_LON = {
    **_TASK_LON, "kind": "Task", "aliases": ["lønudbetaling", "payroll", "salaries"],
    "description": "Lønadministration og lønudbetaling for kommunens medarbejdere i OPUS løn.",
    "source": "seed", "confidence": "high",
    "attributes": {"kle": "81.15.00", "mailbox": "loen@albertslund.dk"},
}
_EDGE_LON = {"key": "RESPONSIBLE_FOR:unit:organisation-og-politik->task:lon",
             "type": "RESPONSIBLE_FOR", "source_id": "unit:organisation-og-politik",
             "target_id": "task:lon", "raci": "A", "source": "seed", "confidence": "high"}
_RECORD_LON = {"id": "task:lon", "kind": "Task", "name": "Løn", "name_en": "Payroll",
               "aliases": ["lønudbetaling", "payroll", "salaries"], "kle": "81.15.00",
               "mailbox": "loen@albertslund.dk", "source": "seed", "confidence": "high"}


def _example(value: dict[str, Any]) -> ConfigDict:
    return ConfigDict(frozen=True, json_schema_extra={"examples": [value]})


class ApiIndex(BaseModel):
    """What the API is and where its description is: the answer at ``/api/v1``."""

    model_config = _example({"name": "orgmodel API", "version": "1.0.0",
                             "openapi": "/openapi.json", "docs": "/docs"})

    name: str = Field(description="The API's name.")
    version: str = Field(description="The API's version (this path's major version: v1).")
    openapi: str | None = Field(description="Its OpenAPI schema (null when docs are off).")
    docs: str | None = Field(description="Its documentation page (null when docs are off).")


class Health(BaseModel):
    """Liveness or readiness."""

    model_config = _example({"status": "ready", "store": "EditableMemoryStore"})

    status: str = Field(description="ok (alive) or ready (the store answers).")
    store: str | None = Field(None, description="Which store answers (ready only).")


class NodeList(NodePage):
    """One page of nodes, filtered by kind and text."""

    model_config = _example({"total": 1, "offset": 0, "limit": 50, "items": [_NODE_LON],
                             "as_of": "2024-06-01"})

    as_of: date = Field(description="The date answered for.")


class NodeWritten(BaseModel):
    """A node as the API shows it and as a data file holds it (send ``record`` back to edit)."""

    model_config = _example({"node": _NODE_LON, "record": _RECORD_LON})

    node: NodeView = Field(description="The node.")
    record: dict[str, Any] | None = Field(
        description="The record as in a data file; change it and PUT it with If-Match "
                    "(null from a store that cannot read single records).")


class NoticesInDanish(BaseModel):
    """A write's ``notices``, also in Danish (``notices_da``)."""

    notices: list[str] = Field(default_factory=list, description="Not errors: worth a look.")

    @computed_field(  # type: ignore[prop-decorator]
        description="The same notices in Danish, as `orgmodel validate` says them.")
    @property
    def notices_da(self) -> list[str]:
        """The notices in Danish (a Danish client shows these)."""
        return [notice_in_danish(notice) for notice in self.notices]


class NodeSaved(NodeWritten, NoticesInDanish):
    """A node just written, and what in it is worth a look (as ``orgmodel validate`` says)."""

    model_config = _example({"node": _NODE_LON, "record": _RECORD_LON, "notices": [],
                             "notices_da": []})

    notices: list[str] = Field(
        default_factory=list, description="Not errors (the write is done): e.g. a KLE number "
        "that is no topic of the catalogue, which no question will lead to; a unit, post or "
        "forum that belongs to nothing (itself, or, as a node ends, one under it, named by its "
        "id), which the org chart leaves out; a new name or title, which holds on every date "
        "of the record.")


class NodeDetail(NodeWritten):
    """A node, its record and every edge touching it (the ETag header versions the record)."""

    model_config = _example({"node": _NODE_LON, "record": _RECORD_LON, "edges": [_EDGE_LON],
                             "as_of": "2024-06-01"})

    edges: list[EdgeView] = Field(description="Edges touching the node on as_of, by key.")
    as_of: date = Field(description="The date answered for.")


_EDGE_RECORD_LON = {"type": "RESPONSIBLE_FOR", "from": "unit:organisation-og-politik",
                    "to": "task:lon", "raci": "A", "source": "seed", "confidence": "high"}


class EdgeDetail(BaseModel):
    """An edge and its record (the ETag header versions the record)."""

    model_config = _example({"edge": _EDGE_LON, "record": _EDGE_RECORD_LON})

    edge: EdgeView = Field(description="The edge.")
    record: dict[str, Any] = Field(
        description="The record as in a data file (from/to); change it and PUT it with If-Match.")


class EdgeSaved(EdgeDetail, NoticesInDanish):
    """An edge just written, and what in it is worth a look (as ``orgmodel validate`` says)."""

    model_config = _example({"edge": _EDGE_LON, "record": _EDGE_RECORD_LON, "notices": [],
                             "notices_da": []})

    notices: list[str] = Field(
        default_factory=list, description="Not errors (the write is done), each as 'id: "
        "notice' of the record it is on: e.g. a unit left part of nothing as its PART_OF edge "
        "ends, which the org chart leaves out; a post with two holders' edges; an edge dated "
        "to begin before one of its nodes.")


class KleHint(BaseModel):
    """A topic of KLE, the municipal task classification."""

    number: str = Field(description="KLE number.", examples=["02.34.02"])
    title: str = Field(description="KLE's title of the topic (Danish).",
                       examples=["Byggetilladelse"])


class TaskFactsOut(BaseModel):
    """What an answer about a task adds to its owners (:mod:`orgmodel.task_facts`)."""

    description: str | None = Field(None, description="What the task is (its description).")
    description_en: str | None = Field(None, description="The same in English, where the "
                                                         "data has it.")
    mailbox: str | None = Field(None, description="The task's functional mailbox.")
    service_goal: str | None = Field(None, description="What a person asking can expect.")
    service_goal_en: str | None = Field(None, description="The same in English, where the data "
                                                          "has it.")
    decided_by: list[NodeRef] = Field(
        default_factory=list, description="Who decides it (`DECIDES` into the task).")
    uses: list[NodeRef] = Field(
        default_factory=list, description="The systems and equipment it uses (`USES`).")
    supplied_by: dict[str, list[NodeRef]] = Field(
        default_factory=dict, description="Who supplies each of them (`SUPPLIES`), by its id, "
                                          "where the data says.")


class OwnersAnswerResult(OwnersResult):
    """Who owns one task, and (asked with `with_facts=true`) its facts."""

    facts: TaskFactsOut | None = Field(
        None, description="Only with `with_facts=true`: the task's mailbox, service goal, who "
        "decides it and what it uses, as the command line and the start page show them.")


class OwnersAnswer(BaseModel):
    """Who owns the tasks matching a question, best match first."""

    model_config = _example({"query": "løn", "as_of": "2024-06-01", "results": [{
        "task": _TASK_LON, "score": 1.0,
        "owners": [{**_OP, "raci": "A", "confidence": "high", "source": "seed"},
                   {"id": "unit:organisation-og-politik-team-1",
                    "name": "Team 1 i Organisation og Politik (navn ikke bekræftet)",
                    "kind": "Unit", "raci": "R", "confidence": "low",
                    "source": "assumption"}],
        "accountable_post": _HEAD_OP, "escalation": [_CHEF, _KD, _MAYOR, _KB],
        "sources": ["assumption", "seed"], "notes": []}]})

    query: str = Field(description="The question: task id, KLE number or text (da or en).")
    as_of: date = Field(description="The date answered for.")
    as_of_set_aside: date | None = Field(
        None, description="The date the question names (\"i 2019\": the middle of 2019), "
        "set aside because `as_of` was given: leave `as_of` out for the answer on that date.")
    results: list[OwnersAnswerResult] = Field(description="One answer per matching task.")
    kle_hint: KleHint | None = Field(
        None, description="Only when no task answers: the KLE topic the question fits, which no "
        "task in the model covers (work outside the model).")
    only_weak: bool = Field(
        False, description="Every task in `results` meets only part of the question (note "
        "`weak_match`) and no node is named: no task of the model is what it asks; the "
        "results are the nearest.")
    no_phone_numbers: bool = Field(
        False, description="The question asks for a phone number, which the data never holds "
        "(no personal contact details): the results are what the data has (a task's mailbox "
        "in its `facts`).")
    who_not: bool = Field(
        False, description="The question asks who does not (\"hvem har IKKE ansvaret for "
        "løn?\"): the data says who does, and the results are who does.")
    no_amounts: bool = Field(
        False, description="The question asks for an amount of money (a budget, a price, a "
        "salary), which the data never holds: the results are who holds the task.")
    node_hint: NodeHint | None = Field(
        None, description="When the question names a system (that no task uses), initiative, "
        "policy, unit, forum, political body or post clearly better than any task, or asks who "
        "leads or sits in one: that node, and the relations that say who is in charge of it or "
        "takes part, each with its source and confidence; `text_da`/`text_en` say it in "
        "sentences.")
    ask_instead: Note | None = Field(
        None, description="When the model cannot answer the question as asked: about the "
        "asker (\"hvem er min chef?\", \"who do I report to?\"; code `asks_about_self`) or a "
        "leader of nothing named (\"hvem er chef?\"; code `names_no_one`), or whether "
        "there is one that nothing answers (\"har vi en DPO?\"; code `not_in_data`), what to "
        "ask instead. No task answers it then.")


class SearchAnswer(BaseModel):
    """Search hits, best first."""

    model_config = _example({"query": "indkøb", "as_of": "2024-06-01", "results": [
        {"id": "task:indkob", "name": "Indkøb", "kind": "Task", "score": 1.0}]})

    query: str = Field(description="The search text.")
    as_of: date = Field(description="The date answered for.")
    results: list[SearchResult] = Field(description="Hits, best first.")


class ChainAnswer(BaseModel):
    """The reporting line from a node to the top, the node itself first."""

    model_config = _example({"id": "unit:organisation-og-politik", "as_of": "2024-06-01",
                             "chain": [_OP, _HEAD_OP, _CHEF, _KD, _MAYOR, _KB]})

    id: str = Field(description="The node asked about.")
    as_of: date = Field(description="The date answered for.")
    chain: list[NodeRef] = Field(description="The node, then each step up.")


class MembershipsAnswer(BaseModel):
    """Members of a forum or body, or the fora and bodies a node belongs to."""

    model_config = _example({"id": "post:chef-okonomi-og-stab", "as_of": "2024-06-01",
                             "items": [{"node": {"id": "forum:chefforum", "name": "Chefforum",
                                                 "name_en": "Chiefs' Forum", "kind": "Forum"},
                                        "type": "MEMBER_OF", "role": "chef",
                                        "role_en": "head of department"}]})

    id: str = Field(description="The node asked about.")
    as_of: date = Field(description="The date answered for.")
    items: list[Membership] = Field(description="Memberships, by edge type and id.")


class ResponsibilitiesAnswer(BaseModel):
    """Tasks held by a unit or post (and, with descendants, by everything under it)."""

    model_config = _example({
        "id": "unit:organisation-og-politik", "as_of": "2024-06-01", "descendants": False,
        "items": [{"task": {"id": "task:hr", "name": "HR", "name_en": "Human resources",
                            "kle": "81.03.00"}, "holder": _OP, "raci": "A"}]})

    id: str = Field(description="The unit or post asked about.")
    as_of: date = Field(description="The date answered for.")
    descendants: bool = Field(description="Whether sub-units and posts were included.")
    items: list[Responsibility] = Field(description="Responsibilities, by task.")


class PathsAnswer(BaseModel):
    """Shortest paths between two nodes, ignoring edge direction."""

    model_config = ConfigDict(**_example({
        "from": "unit:organisation-og-politik", "to": "body:okonomiudvalget",
        "as_of": "2024-06-01", "paths": [[_OP, {
            "id": "body:okonomiudvalget", "name": "Økonomiudvalget",
            "name_en": "Finance Committee", "kind": "Body"}]]}), populate_by_name=True)

    source_id: str = Field(alias="from", description="Start node.")
    target_id: str = Field(alias="to", description="End node.")
    as_of: date = Field(description="The date answered for.")
    paths: list[list[NodeRef]] = Field(description="Each path as its nodes, start first.")


class SubgraphAnswer(Subgraph):
    """Nodes and the edges between them (neighbourhood, subtree): the material of views."""

    model_config = _example({"nodes": [_NODE_LON], "edges": [_EDGE_LON], "as_of": "2024-06-01"})

    as_of: date = Field(description="The date answered for.")


#: The most writes one page of ``GET /api/v1/audit`` holds (and ``orgmodel history`` asks for).
AUDIT_PAGE_MOST = 1000


class AuditPage(BaseModel):
    """Writes, newest first."""

    model_config = _example({"total": 1, "offset": 0, "limit": 100, "items": [{
        "seq": 1, "at": "2024-06-01T09:30:00Z", "actor": "editor", "action": "update",
        "record_key": "task:lon", "before": _RECORD_LON,
        "after": {**_RECORD_LON, "mailbox": "lon@albertslund.dk"}}]})

    total: int = Field(
        description="How many writes match the filters (record, with_edges, actor, since, "
                    "until) on every page, before offset and limit: page on while offset + "
                    "limit is below it.")
    offset: int = Field(description="Index of the first entry.")
    limit: int = Field(description="Page size asked for.")
    items: list[AuditEntry] = Field(description="The entries, newest first.")
    kept_since: datetime | None = Field(
        None, description="When the log begins, if it does not hold every write: the "
                          "embedded store's log without an audit file begins with the API's "
                          "process; null for Neo4j's and for an audit file made again at "
                          "start, which hold all.")

