"""Read endpoints under /api/v1: one call to the query contract each."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import AfterValidator, BeforeValidator, StringConstraints
from starlette.responses import Response

from api.deps import (
    AsOf,
    NodeIdPath,
    PostIdPath,
    ReadStoreDep,
    known_query_parameters,
    today,
)
from api.errors import PROBLEM_RESPONSES
from api.responses import respond
from api.schemas import (
    ChainAnswer,
    MembershipsAnswer,
    NodeDetail,
    NodeList,
    OwnersAnswer,
    PathsAnswer,
    ResponsibilitiesAnswer,
    SearchAnswer,
    SubgraphAnswer,
)
from api.services import (
    members_of,
    node_detail,
    owners_answer,
    responsibilities_of,
    stakeholders_of,
)
from orgmodel.schema import Confidence, EdgeType, Kind
from orgmodel.stakeholder_map import MAP_DEPTH, MAP_DEPTH_MOST, StakeholdersAnswer
from orgmodel.text import visible

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["queries"],
                   dependencies=[Depends(known_query_parameters)],
                   responses=PROBLEM_RESPONSES["read"])


def _split(value: object) -> object:
    """Accept ``?kinds=Unit,Post`` as well as ``?kinds=Unit&kinds=Post``."""
    if isinstance(value, list):
        return [part.strip() for item in value for part in str(item).split(",") if part.strip()]
    return value


def _not_blank(value: str) -> str:
    # what a reader sees: a zero-width space alone was a question, answered by nothing
    if not visible(value).strip():
        raise ValueError("empty or only spaces: give a word, a task id or a KLE number")
    # ... and what no one types (the API client's probe: "%00" and "%ff%fe" were answered,
    # and echoed back, where a body's are refused)
    if "\ufffd" in value:
        raise ValueError("is not valid UTF-8 (U+FFFD stands for bytes that are no text): send "
                         "the text's UTF-8 bytes, percent-encoded")
    if found := _CONTROL.search(value):
        raise ValueError(f"holds the control character U+{ord(found.group()):04X}, invisible "
                         "in most editors: delete it")
    return value


#: The characters no one types into a question: controls (as a record's text refuses them,
#: orgmodel.records) and U+FFFD, which stands for bytes that were no UTF-8.
_CONTROL_CLASS = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufffd"
_CONTROL = re.compile(f"[{_CONTROL_CLASS}]".encode().decode("unicode_escape"))


# The pattern is for the OpenAPI schema (clients and generated tests see what is valid); the
# validator gives the clear message. It names Python's spaces one by one: "\S" would mean
# other characters to a JSON Schema (ECMA) reader, which counts U+001C-U+001F as text.
# ... and the characters of no width, which a reader does not see either (orgmodel.text.visible:
# "q=%EF%BB%BF", a byte-order mark alone, was valid by the schema and refused as blank)
_INVISIBLE = ("\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2060-\\u2064\\ufeff\\u202a-\\u202e"
              "\\u2066-\\u206f")
_SPACES = "".join(f"\\u{ord(c):04x}" for c in map(chr, range(0x3001)) if c.isspace())
_NOT_ONLY_SPACES = (f"^[^{_CONTROL_CLASS}]*[^{_SPACES}{_INVISIBLE}{_CONTROL_CLASS}]"
                    f"[^{_CONTROL_CLASS}]*$")
# The lengths come before the validator, so a long text is "String should have at most 200
# characters" rather than pydantic's generic "Value should have at most 200 items".
Text = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_not_blank),
                 Query(description="Question or search text (not only spaces).",
                       examples=["løn"], json_schema_extra={"pattern": _NOT_ONLY_SPACES})]
Kinds = Annotated[list[Kind] | None, BeforeValidator(_split), Query(
    description="Only these node kinds (repeat, or separate by commas).", examples=[["Unit"]])]
EdgeTypes = Annotated[list[EdgeType] | None, BeforeValidator(_split), Query(
    description="Only these edge types (repeat, or separate by commas).")]


@router.get("/nodes", response_model=NodeList, summary="List and filter nodes")
async def list_nodes(
    store: ReadStoreDep, as_of: AsOf = None, kind: Annotated[Kind | None, Query(
        description="Only this kind.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Search text (search order).")]
    = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000,
                                 description="Index of the first node on the page.")] = 0,
    limit: Annotated[int, Query(ge=1, le=500, description="Nodes on the page, at most.")] = 50,
    confidence: Annotated[Confidence | None, Query(
        description="Only nodes whose record is this sure: `low` lists what the data assumes "
                    "(to check).")] = None,
) -> Response:
    """List nodes valid on ``as_of``, by id, or by relevance when ``q`` is given."""
    when = today(as_of)
    page = await store.run(store.store.list_nodes, kind=kind, text=q, offset=offset, limit=limit,
                           as_of=when, confidence=confidence)
    return respond(NodeList(**dict(page), as_of=when))


@router.get("/nodes/{node_id:path}", response_model=NodeDetail, summary="One node and its edges")
async def get_node(node_id: NodeIdPath, store: ReadStoreDep, as_of: AsOf = None) -> Response:
    """Return a node, its data-file record and its edges; the ETag header versions the record."""
    detail, tag = await store.run(node_detail, store.store, node_id, today(as_of))
    return respond(detail, etag=tag)


@router.get("/owners", response_model=OwnersAnswer, summary="Who owns a task")
async def owners(q: Text, store: ReadStoreDep, as_of: AsOf = None,
                 limit: Annotated[int, Query(ge=1, le=50, description="Tasks answered, at "
                                             "most, best first.")] = 5,
                 with_facts: Annotated[bool, Query(description="Each task also with its "
                                                   "mailbox, service goal, who decides it and "
                                                   "what it uses (`facts`).")] = False
                 ) -> Response:
    """Answer who owns the tasks matching a task id, KLE number or text (da or en).

    Per task: the RACI owners, the accountable post, the escalation chain up to the council,
    the KLE number and the sources; notes say how a task was found when the question named
    it only through the KLE catalogue. When no task answers, ``kle_hint`` names the KLE topic
    the question fits, if one does: work no task in the model covers. Without ``as_of``, a
    question that names a date or year ("hvem havde ansvaret for løn i 2022?") is answered on
    it (a year: 1 July, or today in this year); the answer's ``as_of`` says which date.
    """
    return respond(await store.run(owners_answer, store.store, q, limit=limit, as_of=as_of,
                                   with_facts=with_facts))


@router.get("/search", response_model=SearchAnswer, summary="Search nodes")
async def search(q: Text, store: ReadStoreDep, as_of: AsOf = None, kinds: Kinds = None,
                 limit: Annotated[int, Query(ge=1, le=200, description="Hits, at most, best "
                                             "first.")] = 20) -> Response:
    """Search Danish-aware (æøå/ae-oe-aa, accents), with synonyms (da↔en) and typos."""
    when = today(as_of)
    hits = await store.run(store.store.search, q, kinds=kinds, limit=limit, as_of=when)
    return respond(SearchAnswer(query=q, as_of=when, results=hits))


@router.get("/chain/{node_id:path}", response_model=ChainAnswer, summary="Reporting line")
async def chain(node_id: NodeIdPath, store: ReadStoreDep, as_of: AsOf = None) -> Response:
    """Return the reporting line from a node up to the top (political level included)."""
    when = today(as_of)
    links = await store.run(store.store.chain, node_id, as_of=when)
    return respond(ChainAnswer(id=node_id, as_of=when, chain=links))


@router.get("/stakeholders/{node_id:path}", response_model=StakeholdersAnswer,
            summary="A post's stakeholders")
async def stakeholders(
    node_id: PostIdPath, store: ReadStoreDep, as_of: AsOf = None,
    depth: Annotated[int, Query(ge=1, le=MAP_DEPTH_MOST, description=(
        "How many steps from the post the map reaches."))] = MAP_DEPTH,
) -> Response:
    """Return a post's stakeholders by strategy, as its stakeholder map places them.

    Manage closely, keep satisfied, keep informed, monitor (each strongest first), with
    influence, interest, steps, the relations that tie each to the post and the fora where
    they meet. A node that is no post is a 422.
    """
    when = today(as_of)
    found = await store.run(stakeholders_of, store.store, node_id, depth=depth, as_of=when)
    return respond(found)


@router.get("/members/{node_id:path}", response_model=MembershipsAnswer, summary="Members")
async def members(node_id: NodeIdPath, store: ReadStoreDep, as_of: AsOf = None) -> Response:
    """Return the members of a forum, body or initiative."""
    when = today(as_of)
    found = await store.run(members_of, store.store, node_id, as_of=when)
    return respond(MembershipsAnswer(id=node_id, as_of=when, items=found))


@router.get("/memberships/{node_id:path}", response_model=MembershipsAnswer,
            summary="Memberships")
async def memberships(node_id: NodeIdPath, store: ReadStoreDep, as_of: AsOf = None) -> Response:
    """Return the fora, bodies and initiatives a node belongs to or takes part in."""
    when = today(as_of)
    found = await store.run(store.store.memberships, node_id, as_of=when)
    return respond(MembershipsAnswer(id=node_id, as_of=when, items=found))


@router.get("/responsibilities/{node_id:path}", response_model=ResponsibilitiesAnswer,
            summary="Responsibilities")
async def responsibilities(
    node_id: NodeIdPath, store: ReadStoreDep, as_of: AsOf = None,
    descendants: Annotated[bool, Query(description=(
        "Include what is below: sub-units and their posts; for a post, what it heads."))] = False,
) -> Response:
    """Return the tasks a unit or post holds, with RACI roles."""
    when = today(as_of)
    found = await store.run(responsibilities_of, store.store, node_id, descendants=descendants,
                            as_of=when)
    return respond(ResponsibilitiesAnswer(id=node_id, as_of=when, descendants=descendants,
                                          items=found))


@router.get("/neighbourhood/{node_id:path}", response_model=SubgraphAnswer,
            summary="Neighbourhood")
async def neighbourhood(
    node_id: NodeIdPath, store: ReadStoreDep, as_of: AsOf = None,
    depth: Annotated[int, Query(ge=0, le=4, description="Steps in either direction.")] = 1,
    kinds: Kinds = None, edges: EdgeTypes = None,
) -> Response:
    """Return the nodes within ``depth`` steps and the edges between them."""
    when = today(as_of)
    graph = await store.run(store.store.neighbourhood, node_id, depth=depth, kinds=kinds,
                            edge_types=edges, as_of=when)
    return respond(SubgraphAnswer(**dict(graph), as_of=when))


@router.get("/paths", response_model=PathsAnswer, summary="Shortest paths")
async def paths(
    source_id: Annotated[str, Query(alias="from", min_length=1, max_length=200,
                                    description="Id of the node the paths start at.",
                                    examples=["unit:organisation-og-politik"])],
    target_id: Annotated[str, Query(alias="to", min_length=1, max_length=200,
                                    description="Id of the node the paths end at.",
                                    examples=["body:okonomiudvalget"])],
    store: ReadStoreDep, as_of: AsOf = None,
    max_paths: Annotated[int, Query(ge=1, le=20, description="Shortest paths, at most.")] = 5,
) -> Response:
    """Return the shortest paths between two nodes, ignoring edge direction."""
    when = today(as_of)
    found = await store.run(store.store.paths, source_id, target_id, max_paths=max_paths,
                            as_of=when)
    return respond(PathsAnswer(source_id=source_id, target_id=target_id, as_of=when,
                               paths=found))


@router.get("/subtree/{node_id:path}", response_model=SubgraphAnswer, summary="Subtree")
async def subtree(node_id: NodeIdPath, store: ReadStoreDep, as_of: AsOf = None) -> Response:
    """Return a unit or body with everything PART_OF it, their posts and the posts' holders."""
    when = today(as_of)
    graph = await store.run(store.store.subtree, node_id, as_of=when)
    return respond(SubgraphAnswer(**dict(graph), as_of=when))
