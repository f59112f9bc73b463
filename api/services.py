"""Answers that combine store calls, so each route handler makes one call.

Each function takes the store first and runs synchronously (the handler runs it inline or in a
worker thread through :class:`api.runtime.StoreHandle`).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol, runtime_checkable

from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from api.errors import ApiProblemError
from api.schemas import (
    EdgeDetail,
    KleHint,
    NodeDetail,
    OwnersAnswer,
    OwnersAnswerResult,
    TaskFactsOut,
)
from orgmodel.asker import (
    advice_of_data,
)
from orgmodel.audit_query import AuditQuery
from orgmodel.contract import AuditEntry, Membership, OrgStore, Responsibility, WritableStore
from orgmodel.dataset import Dataset
from orgmodel.editing import Record, StaleWriteError, etag, find_record, merge_patch, record_data
from orgmodel.exceptions import NotFoundError
from orgmodel.export import export_files
from orgmodel.kle_catalogue import hint
from orgmodel.node_hint import answers_and_hint, only_weak
from orgmodel.notices import (
    outside_its_nodes,
    part_of_nothing,
    same_names,
    touched_by,
    two_places,
    unowned,
)
from orgmodel.question_read import read_question
from orgmodel.records import NODE_ADAPTER, AnyNode, EdgeRecord
from orgmodel.resolve import check_written_id
from orgmodel.schema import EDGE_RULES, EdgeType, Kind
from orgmodel.semantics import MEMBERSHIP_EDGES, edge_view
from orgmodel.stakeholder_map import StakeholdersAnswer, stakeholders_answer
from orgmodel.store.without_persons import dataset_without_persons
from orgmodel.task_facts import task_facts
from orgmodel.vocabulary import load_vocabulary
from orgmodel.year_changes import with_year_changes

__all__ = [
    "DatasetSource",
    "RecordReader",
    "audit_page",
    "dataset_after_write",
    "edge_detail",
    "edge_write_notices",
    "export_zip",
    "left_out",
    "members_of",
    "node_detail",
    "node_write_notices",
    "owners_answer",
    "read_record",
    "renamed",
    "responsibilities_of",
    "stakeholders_of",
    "write_notices",
]


def owners_answer(store: OrgStore, query: str, *, limit: int,
                  as_of: date | None, with_facts: bool = False) -> OwnersAnswer:
    """Who owns the tasks ``query`` names, with hints where no task fits well.

    On ``as_of``; without it, on the date the question names ("… i 2022", see
    :mod:`orgmodel.asked_date`), else today: the answer's ``as_of`` says which.

    With no answer, the KLE topic the question fits, if one does; when the question names a
    system, initiative, policy, unit, forum, body or organisation clearly better than any task,
    or whom a post reports to, who is in
    charge of it (:func:`orgmodel.node_hint.answers_and_hint`: tasks only weakly matched are
    then left out). ``with_facts``: each task also with its facts (:mod:`orgmodel.task_facts`;
    two more store calls a task, so only when asked).
    """
    question, phone, amount, who_not = read_question(store, query, as_of=as_of,
                                                     today=date.today())
    text, when = question.text, question.when
    results, named = answers_and_hint(store, text, store.owners(text, limit=limit, as_of=when),
                                      as_of=when)
    if not results and named is None:  # "task:nope": a 404 with the ids perhaps meant
        check_written_id(store, text, as_of=when)
    results = with_year_changes(store, results, question)
    # A node the question names is its answer; the KLE topic it half fits would be noise, as
    # for a question about the asker, which is told what to ask instead.
    advice = None if results or named else advice_of_data(text, store, as_of=when)
    weak = named is None and only_weak(results)  # no task is what it asks: said so
    topic = None if results or named or advice else hint(text, load_vocabulary().catalogue)
    answered = [OwnersAnswerResult(**dict(result), facts=_facts(store, result.task.id, when)
                                   if with_facts else None) for result in results]
    return OwnersAnswer(query=query, as_of=when, as_of_set_aside=question.set_aside,
                        results=answered, node_hint=named,
                        ask_instead=advice, only_weak=weak,
                        no_phone_numbers=phone, no_amounts=amount, who_not=who_not,
                        kle_hint=KleHint(number=topic.number, title=topic.title) if topic else None)


def write_notices(written: Sequence[Record], after: Dataset | None) -> list[tuple[str, str]]:
    """What ``orgmodel validate`` would note of the records just written, as (id, notice).

    A node's KLE number no topic has; and, given the dataset ``after`` the writes, a node
    named as another of its kind at the same time (:func:`orgmodel.notices.same_names`), a
    task left without an accountable owner on some of its days (an owner that begins after
    it: :func:`orgmodel.notices.unowned`), a unit, post or forum they leave belonging to
    nothing (:func:`orgmodel.notices.part_of_nothing`):
    one just created, or the parts of one that ends; and a post or unit they leave in two
    places, or a unit with two heads, at once (:func:`orgmodel.notices.two_places`).
    """
    catalogue = load_vocabulary().catalogue
    nodes = [record for record in written if not isinstance(record, EdgeRecord)]
    said = [(notice.record_id or "", notice.message)
            for notice in catalogue.unknown_numbers(Dataset.build(nodes, []))]
    if after is not None:
        tasks = {record.id for record in nodes} | {
            record.target_id for record in written
            if isinstance(record, EdgeRecord) and record.type is EdgeType.RESPONSIBLE_FOR}
        said += [(notice.record_id or "", notice.message) for notice in [
            *same_names(after, {record.id for record in nodes if record.id in after.nodes}),
            *unowned(after, tasks)]]
        said += [(notice.record_id or "", notice.message)
                 for notice in part_of_nothing(after, touched_by(after, written))]
        ends = {end for record in written if isinstance(record, EdgeRecord)
                for end in (record.source_id, record.target_id)}
        ends |= {record.id for record in nodes}
        said += [(notice.record_id or "", notice.message) for notice in two_places(after, ends)]
        said += [(notice.record_id or "", notice.message) for notice in outside_its_nodes(
            after, {record.key for record in written if isinstance(record, EdgeRecord)})]
    return said


def node_write_notices(record: AnyNode, after: Dataset | None,
                       before: Record | None = None, *, patched: bool = False) -> list[str]:
    """The notices of a node just written: of itself as they are, of another with its id.

    With the record it replaced (``before``), a new name or title (:func:`renamed`), and,
    unless ``patched`` (a PATCH leaves out what it names, null), the fields that record had
    and the new one leaves out: a PUT replaces the whole record, and a client that sent only
    what it changed lost the others without a word.
    """
    said = [message if key == record.id else f"{key}: {message}"
            for key, message in write_notices([record], after)]
    return [*said, *renamed(before, record), *([] if patched else left_out(before, record))]


def renamed(before: Record | None, record: Record) -> list[str]:
    """A notice that a new name or title holds on every date, those before the change too.

    The administrator's probe: a post's title patched showed the new title on 2020-01-01 as
    well, without a word; a record has one name, and a change from a day is a successor.

    >>> from orgmodel.records import NODE_ADAPTER
    >>> old = NODE_ADAPTER.validate_python({"id": "post:x", "kind": "Post", "name": "Konsulent",
    ...     "valid_from": "2020-01-01", "source": "seed", "confidence": "high"})
    >>> renamed(old, old.model_copy(update={"name": "Udbudskonsulent"}))[0][:46]
    'name changed: it holds on every date of the re'
    >>> renamed(old, old)
    []
    """
    if before is None or isinstance(before, EdgeRecord) or isinstance(record, EdgeRecord):
        return []
    # (one left out is gone, and said so by left_out)
    fields = [name for name in ("name", "title") if None not in (
        getattr(before, name, None), getattr(record, name, None))
        and getattr(before, name) != getattr(record, name)]
    if not fields:
        return []
    return [f"{' and '.join(fields)} changed: it holds on every date of the record, those "
            "before the change too (a record has one name); for a change from a day, hand it "
            "over to a successor with POST /api/v1/nodes/{id}/successor"]


def edge_write_notices(record: EdgeRecord, after: Dataset | None,
                       before: Record | None = None) -> list[str]:
    """The notices of an edge just written, each as ``"id: notice"`` of the record it is on.

    Ending a unit's PART_OF edge leaves the unit part of nothing: a batch said so, and the
    same edit as a single PATCH said nothing.
    """
    return [*(f"{key}: {message}" for key, message in write_notices([record], after)),
            *left_out(before, record)]


def left_out(before: Record | None, record: Record) -> list[str]:
    """A notice naming the fields ``before`` had and ``record``, which replaced it, has not.

    >>> from orgmodel.records import NODE_ADAPTER
    >>> old = NODE_ADAPTER.validate_python({"id": "task:lon", "kind": "Task", "name": "Løn",
    ...     "aliases": ["lønkørsel"], "source": "seed", "confidence": "high"})
    >>> left_out(old, old.model_copy(update={"aliases": []}))[0][:59]
    'the record had aliases, which the one written leaves out: i'
    >>> left_out(old, old)
    []
    """
    if before is None:
        return []
    gone = [field for field in record_data(before) if field not in record_data(record)]
    if not gone:
        return []
    return [f"the record had {', '.join(gone)}, which the one written leaves out: "
            f"{'it is' if len(gone) == 1 else 'they are'} gone (a PUT replaces the whole "
            "record; send every field to keep, or PATCH the fields to change)"]


def dataset_after_write(store: OrgStore, record: Record) -> Dataset | None:
    """The store's records after writing ``record``, for its notices.

    Any node may be named as another of its kind; a unit, post or forum may itself belong to
    nothing; any node given an end may leave what belongs under it so (a body's committees'
    posts, an organisation's units). ``None`` from a store that cannot list its records.
    """
    return store.dataset() if isinstance(store, DatasetSource) else None


def _facts(store: OrgStore, task_id: str, when: date) -> TaskFactsOut:
    facts = task_facts(store, task_id, as_of=when)
    return TaskFactsOut(description=facts.about, description_en=facts.about_en,
                        mailbox=facts.mailbox, service_goal=facts.service_goal,
                        service_goal_en=facts.service_goal_en,
                        decided_by=facts.decided_by, uses=facts.uses,
                        supplied_by=facts.supplied_by)


@runtime_checkable
class RecordReader(Protocol):
    """A store that reads one record by id or key: fast ETags (optional; see docs/api.md)."""

    def record(self, key: str) -> Record:
        """Return the node or edge; raise NotFoundError."""
        ...


@runtime_checkable
class DatasetSource(Protocol):
    """A store that gives all its records with their origins (exports)."""

    def dataset(self) -> Dataset:
        """Return every record of every date, with origins."""
        ...


def read_record(store: OrgStore, key: str) -> Record | None:
    """Return the current record of a node id or edge key (any date).

    From the store's ``record(key)`` if it has one, else from its whole dataset if it is
    writable; ``None`` from a read-only store without either (then reads carry no ETag).
    Raises NotFoundError if the store has no such record.
    """
    if isinstance(store, RecordReader):
        return store.record(key)
    if isinstance(store, WritableStore):
        found = find_record(store.dataset(), key)
        if found is None:
            raise NotFoundError(key, f"no record with id or key {key!r}")
        return found
    return None


def patched(store: OrgStore, key: str, patch: dict[str, Any], expected_etag: str
            ) -> tuple[Record, Record]:
    """The record ``key`` and what a JSON merge patch (RFC 7396) makes of it.

    Read in the writers' turn, so the write that follows replaces the record patched (else it
    fails on its ETag). Raises NotFoundError (404), StaleWriteError (412) when ``expected_etag``
    is not the record's (before the patch is judged: what it patched is gone), and
    RequestValidationError (422) naming each field of the patched record that is wrong.
    """
    current = read_record(store, key)
    if current is None:  # a read-only store without records: no writes either
        raise ApiProblemError(501, "this store does not take edits")
    if etag(current) != expected_etag:
        raise StaleWriteError(key, expected_etag)
    kind = None if isinstance(current, EdgeRecord) else current.kind_value
    if kind is not None and patch.get("kind", kind) != kind:  # its id names its kind too
        raise RequestValidationError([{
            "loc": ("body", "kind"), "type": "value_error",
            "msg": f"a node's kind cannot change ({kind}): create the node anew as "
                   f"{patch['kind']!r}, with an id to match, and delete this one"}])
    data = merge_patch(record_data(current), patch)
    try:
        if isinstance(current, EdgeRecord):
            return current, EdgeRecord.model_validate(data)
        node: AnyNode = NODE_ADAPTER.validate_python(data)
    except ValidationError as exc:  # said of the body's fields, as a PUT's would be
        raise RequestValidationError([{**error, "loc": ("body", *error["loc"],
                                                        *_date_patched(error, patch))}
                                      for error in exc.errors(include_url=False)]) from None
    return current, node


def _date_patched(error: Any, patch: dict[str, Any]) -> tuple[str, ...]:
    """The date of ``patch`` that a rule of the record's two dates is about, if it sent one.

    "valid_to … is before valid_from …" is said at ``valid_to`` of a record sent whole; a
    patch that moved ``valid_from`` past the end is told of the field it changed.

    >>> error = {"type": "value_error", "loc": (),
    ...          "msg": "Value error, valid_to 2025-12-31 is before valid_from 2026-06-01"}
    >>> _date_patched(error, {"valid_from": "2026-06-01"}), _date_patched(error, {"note": "x"})
    (('valid_from',), ())
    """
    if error.get("loc") or error.get("type") != "value_error":
        return ()
    message = str(error.get("msg", ""))
    return tuple([name for name in ("valid_to", "valid_from")
                  if name in patch and name in message][:1])


def audit_page(store: WritableStore, asked: AuditQuery, *, offset: int,
               limit: int) -> tuple[list[AuditEntry], int]:
    """Return the audit log's writes ``asked`` for, newest first, and how many there are.

    The count is of every page, before ``offset`` and ``limit``: a client paging through the
    log learns from it where the log ends (a full page alone did not say whether another
    follows). Counted after the page is read, a write in between can make it one more than
    the page and its predecessors hold, never fewer.

    A record the log has no write of and the graph does not hold raises NotFoundError (a
    typo's empty page read as "never changed"); a deleted record has the writes that made
    and deleted it, and one never edited since the load is in the graph. ``since`` after
    ``until`` is a 422: no write is both (an empty page would read as "no one changed it").
    """
    if asked.with_edges and not asked.record_key:  # it was taken and ignored
        detail = "with_edges is of a record's edges: give record, a node id, with it"
        raise ApiProblemError(422, detail, errors=[
            {"loc": ["query", "with_edges"], "msg": detail, "type": "value_error"}])
    if asked.since and asked.until and asked.since >= asked.until:
        detail = "since is after until: no write is both; give since on or before until"
        raise ApiProblemError(422, detail, errors=[
            {"loc": ["query", "since"], "msg": detail, "type": "value_error"}])
    record = asked.record_key
    entries = store.audit_log(record_key=record, offset=offset, limit=limit,
                              with_edges=asked.with_edges, actor=asked.actor,
                              since=asked.since, until=asked.until)
    if record and not entries and offset == 0:
        try:
            read_record(store, record)
        except NotFoundError:
            raise NotFoundError(record, f"no record with id or key {record!r} in the graph, "
                                "and no write of it in the audit log") from None
    return entries, store.audit_count(record_key=record, with_edges=asked.with_edges,
                                      actor=asked.actor, since=asked.since, until=asked.until)


def node_detail(store: OrgStore, node_id: str, as_of: date) -> tuple[NodeDetail, str | None]:
    """Return a node, its record and its edges on ``as_of``, and the answer's ETag.

    The tag is the record's, a dash, and a digest of the answer: an edge added or another
    date is another answer (the record's tag alone answered 304 to a client holding the
    node's old edges), and a write's If-Match is checked against the record's part
    (:func:`api.responses.record_tag`).
    """
    node = store.node(node_id, as_of=as_of)
    edges = store.edges_of(node_id, as_of=as_of)
    record = read_record(store, node_id)
    if record is None:
        return NodeDetail(node=node, record=None, edges=edges, as_of=as_of), None
    detail = NodeDetail(node=node, record=record_data(record), edges=edges, as_of=as_of)
    answer = hashlib.blake2b(detail.model_dump_json().encode(), digest_size=8).hexdigest()
    return detail, f"{etag(record)}-{answer}"


def edge_detail(store: OrgStore, key: str) -> tuple[EdgeDetail, str]:
    """Return an edge (any date), its record and its ETag (501 without record access)."""
    record = read_record(store, key)
    if record is None:
        raise ApiProblemError(501, "this store cannot read single edges")
    if not isinstance(record, EdgeRecord):
        raise NotFoundError(key, f"no edge with key {key!r}")
    return EdgeDetail(edge=edge_view(record), record=record_data(record)), etag(record)


def export_zip(store: OrgStore, *, persons: bool = True) -> bytes:
    """Return the whole dataset as data files in a zip (see :mod:`orgmodel.export`).

    With ``persons=False`` the persons and the edges that touch them are left out.
    """
    if not isinstance(store, DatasetSource):
        raise ApiProblemError(501, "this store cannot list all its records")
    dataset = store.dataset() if persons else dataset_without_persons(store.dataset())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in export_files(dataset).items():
            archive.writestr(name, text)
    return buffer.getvalue()


#: The kinds that can have members (what a membership edge may end at), and that can hold a
#: task: the others' members or tasks are none by the rules of the data, and an empty list
#: said nothing of the id asked about being the wrong kind.
_WITH_MEMBERS = frozenset().union(*(EDGE_RULES[t][1] for t in MEMBERSHIP_EDGES))
_HOLDING_TASKS = EDGE_RULES[EdgeType.RESPONSIBLE_FOR][0]


def members_of(store: OrgStore, node_id: str, *, as_of: date) -> list[Membership]:
    """The members of ``node_id``; a 422 if its kind has none (a task, a system, a post)."""
    _of_kind(store, node_id, _WITH_MEMBERS, "members", as_of)
    return store.members(node_id, as_of=as_of)


def responsibilities_of(store: OrgStore, node_id: str, *, descendants: bool,
                        as_of: date) -> list[Responsibility]:
    """The tasks ``node_id`` holds; a 422 if its kind holds none (a task, a system, a person)."""
    _of_kind(store, node_id, _HOLDING_TASKS, "tasks", as_of)
    return store.responsibilities(node_id, descendants=descendants, as_of=as_of)


def stakeholders_of(store: OrgStore, node_id: str, *, depth: int,
                    as_of: date) -> StakeholdersAnswer:
    """A post's stakeholders; a 422 if ``node_id`` is no post (a unit: its head has them)."""
    _of_kind(store, node_id, frozenset({Kind.POST}), "stakeholder maps", as_of)
    return stakeholders_answer(store, node_id, as_of=as_of, depth=depth)


def _of_kind(store: OrgStore, node_id: str, kinds: frozenset[Kind], what: str,
             as_of: date) -> None:
    kind = store.node(node_id, as_of=as_of).kind  # unknown: 404
    if kind not in kinds:
        names = ", ".join(sorted(k.value for k in kinds))
        detail = f"{node_id} is a {kind.value}, which has no {what}: {what} are of a {names}"
        # named as the id's own problem, as every 422 names its input (the API client's probe)
        raise ApiProblemError(422, detail, errors=[
            {"loc": ["path", "node_id"], "msg": detail, "type": "kind"}])
