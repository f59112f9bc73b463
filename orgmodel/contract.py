"""The query contract: the questions every store answers, and the shapes of the answers.

Both stores (the embedded networkx graph and Neo4j) implement :class:`OrgStore`; one contract
test suite asks both the same questions and demands the same answers. The answer models are
pydantic, so the API returns them as they are and its OpenAPI docs explain every field.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field

from orgmodel.dataset import Dataset
from orgmodel.messages import marking_asked, role_in
from orgmodel.records import AnyNode, EdgeRecord
from orgmodel.schema import Confidence, EdgeType, Kind, Raci

if TYPE_CHECKING:  # the editing modules build on this one
    from orgmodel.batch import Operation
    from orgmodel.editing import Change

__all__ = [
    "AuditEntry",
    "EdgeView",
    "Membership",
    "NodePage",
    "NodeRef",
    "NodeView",
    "Note",
    "OrgStore",
    "OwnerEntry",
    "OwnersResult",
    "Responsibility",
    "SearchResult",
    "Subgraph",
    "TaskRef",
    "WritableStore",
]


class _Answer(BaseModel):
    model_config = ConfigDict(frozen=True)


class NodeRef(_Answer):
    """A node named in an answer."""

    id: str = Field(description="Node id.", examples=["unit:organisation-og-politik"])
    name: str = Field(description="Danish name.", examples=["Organisation og Politik"])
    name_en: str | None = Field(None, description="English name.")
    kind: Kind = Field(description="Node kind.")


class NodeView(NodeRef):
    """A whole node: common fields plus the kind's own attributes."""

    aliases: list[str] = Field(default_factory=list, description="Other names.")
    description: str | None = Field(None, description="Danish description.")
    description_en: str | None = Field(None, description="English description.")
    valid_from: date | None = Field(None, description="First day it holds.")
    valid_to: date | None = Field(None, description="Last day it holds.")
    source: str = Field(description="Source key or URL.")
    confidence: Confidence = Field(description="high, medium or low.")
    note: str | None = Field(None, description="Why the record says what it says.")
    attributes: dict[str, Any] = Field(
        default_factory=dict, description="Kind-specific attributes, e.g. level, kle, staff_count."
    )


class EdgeView(_Answer):
    """A relation between two nodes."""

    key: str = Field(description="Edge identity: its id or TYPE:from->to.")
    type: EdgeType = Field(description="Edge type.")
    source_id: str = Field(description="Start node id.")
    target_id: str = Field(description="End node id.")
    raci: Raci | None = Field(None, description="RESPONSIBLE_FOR: R, A, C or I.")
    role: str | None = Field(None, description="Role, e.g. formand.")
    topic: str | None = Field(None, description="What the relation is about.")
    strength: int | None = Field(None, description="1 (weak) to 5 (strong).")
    via: str | None = Field(None, description="Forum a collaboration runs through.")
    order: int | None = Field(None, description="Step in a case route.")
    description: str | None = Field(None, description="Danish description.")
    description_en: str | None = Field(None, description="English description.")
    valid_from: date | None = Field(None, description="First day it holds.")
    valid_to: date | None = Field(None, description="Last day it holds.")
    source: str = Field(description="Source key or URL.")
    confidence: Confidence = Field(description="high, medium or low.")
    note: str | None = Field(None, description="Why the record says what it says.")

    @computed_field(  # type: ignore[prop-decorator]
        description="The role in English, where the vocabulary has it (else as written).")
    @property
    def role_en(self) -> str | None:
        """The role in English: an English client's label (``data/vocabulary/roles.yaml``)."""
        return role_in(self.role, "en") if self.role else None


class Subgraph(_Answer):
    """Nodes and the edges between them: the raw material of the views."""

    nodes: list[NodeView] = Field(description="Nodes, sorted by id.")
    edges: list[EdgeView] = Field(description="Edges between those nodes, sorted by key.")


class NodePage(_Answer):
    """One page of a node listing."""

    total: int = Field(description="Number of matching nodes in all.")
    offset: int = Field(description="Index of the first item.")
    limit: int = Field(description="Page size asked for.")
    items: list[NodeView] = Field(description="The nodes on this page.")


class SearchResult(_Answer):
    """A search hit."""

    id: str = Field(description="Node id.")
    name: str = Field(description="Danish name.")
    name_en: str | None = Field(None, description="English name, where the data has one.")
    kind: Kind = Field(description="Node kind.")
    score: float = Field(description="Relevance in (0, 1]; higher is better.")


class TaskRef(_Answer):
    """A task with its KLE classification."""

    id: str = Field(description="Task id.", examples=["task:lon"])
    name: str = Field(description="Danish name.", examples=["Løn"])
    name_en: str | None = Field(None, description="English name.")
    kle: str | None = Field(None, description="KLE number.", examples=["81.15.00"])


class OwnerEntry(NodeRef):
    """A unit, post or body with a RACI role on a task."""

    raci: Raci = Field(description="R (udførende), A (ansvarlig), C (rådgiver) or I (orienteres).")
    inherited_from: str | None = Field(
        None, description="Set when the role is inherited from a parent task."
    )
    confidence: Confidence = Field(
        description="How sure the responsibility edge is: high, medium or low (an assumption "
        "is low)."
    )
    source: str = Field(description="Source id of the responsibility edge.", examples=["seed"])


class Note(_Answer):
    """Something the answer had to assume, in Danish and English."""

    code: str = Field(description="Machine-readable kind of note.", examples=["fallback_parent"])
    da: str = Field(description="The note in Danish.")
    en: str = Field(description="The note in English.")
    # ``en`` with what it quotes in Danish (a name without English, a KLE title) marked, for a
    # page that asks for the marks (orgmodel.messages.marking_danish); set by semantics.note.
    _en_marked: str | None = PrivateAttr(default=None)

    def text(self, lang: str) -> str:
        """The note in ``lang``: English for "en", else Danish.

        >>> Note(code="x", da="Svagt match", en="Weak match").text("en")
        'Weak match'
        """
        if lang != "en":
            return self.da
        return self._en_marked if self._en_marked and marking_asked() else self.en


class OwnersResult(_Answer):
    """Who owns one task: RACI owners, the accountable post and the escalation chain."""

    task: TaskRef = Field(description="The task.")
    score: float = Field(description="How well the task matched the question.")
    owners: list[OwnerEntry] = Field(description="Owners, A first, then R, C, I.")
    accountable_post: NodeRef | None = Field(
        None, description="The post accountable for the task (the head of the accountable unit)."
    )
    escalation: list[NodeRef] = Field(
        description="Posts and bodies above the accountable post, up to the political level."
    )
    sources: list[str] = Field(description="Sources of the task and its responsibility edges.")
    notes: list[Note] = Field(default_factory=list, description="Fallbacks and gaps.")


class Membership(_Answer):
    """One member of a forum or body, or one forum/body a node belongs to."""

    node: NodeRef = Field(description="The member (for members) or the forum/body (memberships).")
    type: EdgeType = Field(description="MEMBER_OF, PARTICIPATES_IN or POST_IN.")
    role: str | None = Field(None, description="Role, e.g. formand.")

    @computed_field(  # type: ignore[prop-decorator]
        description="The role in English, where the vocabulary has it (else as written).")
    @property
    def role_en(self) -> str | None:
        """The role in English: an English client's label (``data/vocabulary/roles.yaml``)."""
        return role_in(self.role, "en") if self.role else None


class Responsibility(_Answer):
    """A task held by a unit or post."""

    task: TaskRef = Field(description="The task.")
    holder: NodeRef = Field(description="The unit or post that holds the role.")
    raci: Raci = Field(description="R, A, C or I.")


@runtime_checkable
class OrgStore(Protocol):
    """The questions every store answers; ``as_of`` (default: today) picks the date."""

    def node(self, node_id: str, *, as_of: date | None = None) -> NodeView:
        """One node; raises NotFoundError."""
        ...

    def edges_of(self, node_id: str, *, as_of: date | None = None) -> list[EdgeView]:
        """All edges touching a node, sorted by key."""
        ...

    def list_nodes(
        self,
        *,
        kind: Kind | None = None,
        text: str | None = None,
        offset: int = 0,
        limit: int = 50,
        as_of: date | None = None,
        confidence: Confidence | None = None,
    ) -> NodePage:
        """Nodes filtered by kind, text and confidence (search order for text, else by id).

        ``confidence`` keeps the nodes whose own record is that sure ("low": what the data
        assumes, for whoever checks it).
        """
        ...

    def search(
        self,
        query: str,
        *,
        kinds: Collection[Kind] | None = None,
        limit: int = 20,
        as_of: date | None = None,
    ) -> list[SearchResult]:
        """Danish-aware search, best first."""
        ...

    def owners(
        self, query: str, *, limit: int = 5, as_of: date | None = None
    ) -> list[OwnersResult]:
        """Who owns the tasks matching a task id, a KLE number or free text, best first."""
        ...

    def chain(self, node_id: str, *, as_of: date | None = None) -> list[NodeRef]:
        """The reporting line from a node up to the top, the node itself first."""
        ...

    def members(self, node_id: str, *, as_of: date | None = None) -> list[Membership]:
        """Members of a forum, body or initiative."""
        ...

    def memberships(self, node_id: str, *, as_of: date | None = None) -> list[Membership]:
        """Fora, bodies and initiatives a node belongs to or takes part in."""
        ...

    def responsibilities(
        self, node_id: str, *, descendants: bool = False, as_of: date | None = None
    ) -> list[Responsibility]:
        """Tasks a unit or post holds (with ``descendants``: also its sub-units and posts)."""
        ...

    def neighbourhood(
        self,
        node_id: str,
        *,
        depth: int = 1,
        kinds: Collection[Kind] | None = None,
        edge_types: Collection[EdgeType] | None = None,
        as_of: date | None = None,
    ) -> Subgraph:
        """Nodes within ``depth`` steps (either direction), filtered by kind and edge type."""
        ...

    def paths(
        self, source_id: str, target_id: str, *, max_paths: int = 5, as_of: date | None = None
    ) -> list[list[NodeRef]]:
        """Shortest paths between two nodes, ignoring direction."""
        ...

    def subtree(self, node_id: str, *, as_of: date | None = None) -> Subgraph:
        """A unit or body with everything PART_OF it, their posts and the posts' holders."""
        ...

    def snapshot(self, *, as_of: date | None = None) -> Dataset:
        """All records valid on the date, for analytics and exports."""
        ...


class AuditEntry(_Answer):
    """One write: who did what to which record, when, with the record before and after."""

    seq: int = Field(description="Sequence number of the write, increasing.")
    at: datetime = Field(description="When the write happened (UTC).")
    actor: str = Field(description="Who wrote (the token's name).")
    action: str = Field(description="create, update or delete.")
    record_key: str = Field(description="Node id or edge key.")
    before: dict[str, Any] | None = Field(None, description="The record before (none: created).")
    after: dict[str, Any] | None = Field(None, description="The record after (none: deleted).")
    change: int | None = Field(
        None, description="The seq of the first entry of the write this one is part of: the "
                          "entries of one batch share it (none: written before it was kept).")
    comment: str | None = Field(None, description="Why, as the writer said (none: not said).")
    not_in_graph: str | None = Field(
        None, description="Why this write is not in the graph, if it is not: an embedded "
                          "store's audit file made again at start skips a write whose record "
                          "the data folder has changed since (the folder wins). None: in it, "
                          "or changed by a later write.")
    not_in_graph_da: str | None = Field(None, description="The same in Danish.")


@runtime_checkable
class WritableStore(OrgStore, Protocol):
    """A store that takes validated edits, with optimistic concurrency and an audit log.

    ``expected_etag`` is the ETag the writer last read (:func:`orgmodel.editing.etag`), or
    ``None`` to create; a stale one raises WriteConflictError. Every write is checked with the
    same rules as the data files (DataValidationError) and leaves the store unchanged on error.
    """

    def dataset(self) -> Dataset:
        """Every record of every date, with origins: the source of exports."""
        ...

    def put_node(self, record: AnyNode, *, expected_etag: str | None, actor: str,
                 comment: str | None = None) -> NodeView:
        """Create or replace a node (``comment``: why, for the audit log)."""
        ...

    def delete_node(self, node_id: str, *, expected_etag: str, actor: str,
                    comment: str | None = None) -> None:
        """Delete a node (refused while edges still touch it)."""
        ...

    def put_edge(self, record: EdgeRecord, *, expected_etag: str | None, actor: str,
                 comment: str | None = None) -> EdgeView:
        """Create or replace an edge."""
        ...

    def delete_edge(self, key: str, *, expected_etag: str, actor: str,
                    comment: str | None = None) -> None:
        """Delete an edge."""
        ...

    def apply_all(self, operations: Sequence[Operation], *, actor: str,
                  comment: str | None = None) -> list[Change]:
        """Apply several edits as one, checked once at the end (:mod:`orgmodel.batch`)."""
        ...

    def audit_log(
        self, *, record_key: str | None = None, offset: int = 0, limit: int = 100,
        with_edges: bool = False, actor: str | None = None, since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[AuditEntry]:
        """Writes, newest first (optionally for one record, by one actor, within a time).

        ``with_edges``: for a node id, also the writes of the edges whose keys name it at an
        end (:func:`orgmodel.records.keyed_by`), or, an edge with an id of its own, whose ends
        written before or after name it (:func:`orgmodel.records.record_ends`). ``since`` is
        included, ``until`` not (:class:`orgmodel.audit_query.AuditQuery`).
        """
        ...

    def audit_count(
        self, *, record_key: str | None = None, with_edges: bool = False,
        actor: str | None = None, since: datetime | None = None, until: datetime | None = None,
    ) -> int:
        """How many writes :meth:`audit_log` asked the same finds on all its pages together.

        A reader paging with ``offset`` and ``limit`` learns from it how far the log goes.
        """
        ...

    def log_kept_since(self) -> datetime | None:
        """When the audit log begins, if it does not hold every write.

        The embedded store's log without an audit file begins with its process (its edits,
        and the log of them, are gone when it stops); ``None`` for a log that holds every
        write made to the store (Neo4j's, in the graph; the embedded store's with an audit
        file, whose edits it makes again at start).
        """
        ...
