"""The batch write's body and answer: several edits as one (``POST /api/v1/changes``).

A new task and its accountable owner, or a task and the edges that touch it, can only be
written together (:mod:`orgmodel.batch` says why); each operation here is one of the single
writes, with the ETag it would send in If-Match.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.config import JsonDict

from api.responses import record_tag
from api.schemas import NoticesInDanish
from api.services import write_notices
from orgmodel.batch import MAX_OPERATIONS, Operation
from orgmodel.editing import Change, Record, etag
from orgmodel.records import AnyNode, ChangeComment, EdgeRecord

__all__ = ["Applied", "BatchAnswer", "BatchBody", "OperationIn"]

_TASK: JsonDict = {"id": "task:ny-opgave", "kind": "Task", "name": "Ny opgave", "kle": "81.03.00",
         "source": "seed", "confidence": "low"}
_OWNER: JsonDict = {"type": "RESPONSIBLE_FOR", "from": "unit:organisation-og-politik",
          "to": "task:ny-opgave", "raci": "A", "source": "seed", "confidence": "low"}
_EXAMPLE: JsonDict = {"operations": [{"op": "put_node", "node": _TASK},
                                     {"op": "put_edge", "edge": _OWNER}]}


class OperationIn(BaseModel):
    """One edit: put a node or an edge (create, or replace with ``if_match``), or delete."""

    model_config = ConfigDict(extra="forbid")

    op: Literal["put_node", "put_edge", "delete"] = Field(description="What to do.")
    node: AnyNode | None = Field(None, description="put_node: the node as in a data file.")
    edge: EdgeRecord | None = Field(None, description="put_edge: the edge as in a data file.")
    key: str | None = Field(None, description="delete: the node's id or the edge's key.")
    if_match: str | None = Field(
        None, description="The ETag of the record as last read: to replace or delete (as in "
        "If-Match, quotes optional); left out to create.")

    @model_validator(mode="after")
    def _complete(self) -> OperationIn:
        wanted = {"put_node": "node", "put_edge": "edge", "delete": "key"}[self.op]
        given = {name for name in ("node", "edge", "key") if getattr(self, name) is not None}
        if wanted not in given:
            raise ValueError(f"{self.op} needs '{wanted}'")
        if extra := sorted(given - {wanted}):
            raise ValueError(f"{self.op} takes '{wanted}' (and if_match) only; leave out "
                             + ", ".join(repr(name) for name in extra))
        if self.op == "delete" and not self.if_match:
            raise ValueError("delete needs if_match: the ETag of the record as last read")
        if self.if_match is not None and (self.if_match.startswith("W/") or
                                          self.if_match.strip() in ("", "*")):
            raise ValueError("if_match must be the one strong ETag you read (no *, W/)")
        return self

    def operation(self) -> Operation:
        """The edit this asks for."""
        expected = record_tag(self.if_match) if self.if_match else None
        if self.op == "delete" and self.key is not None and expected is not None:
            return Operation.delete(self.key, expected)
        record = self.node if self.op == "put_node" else self.edge
        assert record is not None  # checked by _complete
        return Operation.put(record, expected)


class BatchBody(BaseModel):
    """Edits applied in order and checked once, at the end: all of them or none."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_EXAMPLE]})

    operations: list[OperationIn] = Field(min_length=1, max_length=MAX_OPERATIONS,
                                          description="The edits, in the order to apply them.")
    comment: ChangeComment | None = Field(
        None, description="Why the change is made, kept with each of its entries in the audit "
                          "log (up to 500 characters).")


class Applied(BaseModel):
    """One edit as applied."""

    key: str = Field(description="The record's id (node) or key (edge).")
    action: Literal["create", "update", "delete"] = Field(description="What was done.")
    etag: str | None = Field(description="The record's new ETag (none after a delete).")


class BatchAnswer(NoticesInDanish):
    """The edits applied, in order."""

    applied: list[Applied]
    notices: list[str] = Field(
        default_factory=list, description="Not errors (the edits are done): what `orgmodel "
        "validate` would note of the records written, each with its id: a KLE number no "
        "topic has, a unit, post or forum left belonging to nothing, a post or unit left in two "
        "places or a unit with two heads at once.")

    @classmethod
    def of(cls, changes: list[Change]) -> BatchAnswer:
        """The answer for ``changes``."""
        return cls(applied=[Applied(key=c.key, action=c.action,
                                    etag=etag(c.after) if c.after is not None else None)
                            for c in changes],
                   notices=[f"{key}: {said}" for key, said in write_notices(
                       _written(changes), changes[-1].dataset if changes else None)])


def _written(changes: list[Change]) -> list[Record]:
    """The records the changes wrote or deleted (a deleted edge may leave a unit loose)."""
    return [record for change in changes
            if (record := change.after or change.before) is not None]
