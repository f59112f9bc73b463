"""A node handed over to a successor from a day, in one write (``POST …/successor``).

A title changed from 1 January is a new post from that day, with the old one's holder, line
and tasks (:mod:`orgmodel.succession` says why); this is its body, and the write that makes
the batch of it in the writers' turn, so what it ends and copies is what the store holds.
"""

from __future__ import annotations

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from orgmodel.contract import WritableStore
from orgmodel.editing import AlreadyExistsError, Change
from orgmodel.exceptions import OrgModelError
from orgmodel.records import AnyNode, ChangeComment, IsoDate
from orgmodel.succession import SuccessionError, succession

__all__ = ["SuccessionBody", "hand_over"]

_EXAMPLE: JsonDict = {
    "from": "2027-01-01",
    "record": {"id": "post:okonomidirektor", "kind": "Post", "name": "Økonomidirektør",
               "source": "seed", "confidence": "medium"},
    "comment": "Stillingen omdøbt fra 1. januar 2027"}


class SuccessionBody(BaseModel):
    """The successor and the day it takes over."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True,
                              json_schema_extra={"examples": [_EXAMPLE]})

    # a day as every record writes one: "2028-01-01T00:00:00" and 20280101 (read as a Unix
    # time) were taken
    from_day: IsoDate = Field(
        alias="from", description="The successor's first day; the node ends the day before "
                                  "(YYYY-MM-DD).")
    record: AnyNode = Field(description="The successor as in a data file: a new id, the same "
                                        "kind (its valid_from and valid_to are set for it).")
    comment: ChangeComment | None = Field(
        None, description="Why, kept with each of the write's entries in the audit log.")


def hand_over(editor: WritableStore, node_id: str, body: SuccessionBody, *, expected_etag: str,
              actor: str) -> list[Change]:
    """Hand ``node_id`` over to the body's successor, as one batch; its changes in order.

    Raises RequestValidationError (422) naming the body's field a succession cannot take,
    and what the batch raises: StaleWriteError (412) when ``expected_etag`` is not the
    node's, NotFoundError (404), AlreadyExistsError (409), DataValidationError (422).
    """
    try:
        operations = succession(editor.dataset(), node_id, body.record, from_day=body.from_day,
                                expected_etag=expected_etag)
    except SuccessionError as exc:
        raise RequestValidationError([{"loc": ("body", *exc.field.split(".")),
                                       "type": "value_error", "msg": str(exc)}]) from None
    try:
        return editor.apply_all(operations, actor=actor, comment=body.comment)
    except AlreadyExistsError as exc:
        if exc.operation != 1:
            raise
        raise RequestValidationError([{  # the successor's id is in use: said of the body
            "loc": ("body", "record", "id"), "type": "value_error",
            "msg": f"is the id of a node that exists ({body.record.id}): give the successor "
                   "an id of its own"}]) from None
    except OrgModelError as exc:
        if exc.operation == 0:  # the node itself (its ETag): no batch of the client's to name
            exc.operation = None
        raise
