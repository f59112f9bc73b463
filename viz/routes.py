"""HTTP routes of the views: the start page, five views, their tables and their JSON.

:func:`register` adds them to the API app (entry point ``orgmodel.api``): the router and the
``/static`` mount. Handlers are thin: parse, build the view in a worker thread (gathering,
layout and rendering are CPU work), respond. The store is the API's (``app.state.access``),
or ``app.state.store`` in an app made by :func:`create_views_app`.

The search and path highlight use the API's ``/api/v1/search`` and ``/api/v1/paths`` when the
app has them, and the equivalent ``/views/api/…`` endpoints here otherwise.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Sequence
from datetime import date
from typing import Annotated, Any, TypeVar

import anyio.to_thread
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from orgmodel.contract import OrgStore
from orgmodel.exceptions import NotFoundError
from orgmodel.question_read import ReadQuestion, read_question
from orgmodel.records import BlankOrIsoDate
from orgmodel.schema import Kind
from orgmodel.stakeholder_map import MAP_DEPTH, MAP_DEPTH_MOST
from viz import start
from viz.assets import StaticAssets, takes_gzip
from viz.builders import ViewGraph, label_of
from viz.errors import PageRoute, not_found_as_page
from viz.recent import Recent, examples_of, store_version, with_organisation
from viz.render import (
    BUNDLE,
    STATIC_DIR,
    VIEWS,
    Page,
    asset_bytes,
    render_start,
    render_table,
    render_view,
    script_safe_json,
)
from viz.stakeholder_csv import BOM, CSV_MEDIA_TYPE, stakeholders_csv
from viz.store_access import with_store
from viz.texts import TEXT_MOST, lang_of
from viz.views import build_view

__all__ = ["create_views_app", "register", "router"]

T = TypeVar("T")
router = APIRouter(include_in_schema=False)
pages = APIRouter(include_in_schema=False, route_class=PageRoute)  # errors answered as pages

Lang = Annotated[str | None, Query(max_length=35)]  # a language tag: "en", "en-GB", "EN"
AsOf = Annotated[BlankOrIsoDate, Query()]
Ids = Annotated[str | None, Query(max_length=20_000)]
Id = Annotated[str | None, Query(max_length=TEXT_MOST)]
# the steps from its post a stakeholder map reaches (``orgmodel stakeholders --depth``)
Depth = Annotated[int | None, Query(ge=1, le=MAP_DEPTH_MOST)]
_API_SEARCH, _API_PATHS = "/api/v1/search", "/api/v1/paths"


# The last few built views, so a page and its JSON (fetched right after) build once.
_cache: Recent[ViewGraph] = Recent()


def _page(request: Request, lang: str | None, as_of: date | None, **params: str | None) -> Page:
    api = {"search": "/views/api/search?q={q}",
           "paths": "/views/api/paths?from={source}&to={target}"}
    # The API app: use its search and paths, unless the pages leave persons out (the API's
    # own answers have them: a holder's name typed in the search box found them).
    if hasattr(request.app.state, "access") and not getattr(
            request.app.state, "pages_without_persons", False):
        api["search"] = f"{_API_SEARCH}?q={{q}}&limit=10"
        api["paths"] = f"{_API_PATHS}?from={{source}}&to={{target}}&max_paths=1"
    return Page(mode="served", lang=lang_of(lang), as_of=as_of, api=api,
                params={k: v for k, v in params.items() if v})


def _respond(request: Request, body: str, media_type: str) -> Response:
    """A page or JSON answer, gzipped when the client takes it (graphs compress ~10×)."""
    data = body.encode("utf-8")
    headers = {"Cache-Control": "no-cache", "Vary": "Accept-Encoding"}
    if len(data) > 1024 and takes_gzip(request.headers.get("accept-encoding", "")):
        data = gzip.compress(data, compresslevel=5)
        headers["Content-Encoding"] = "gzip"
    return Response(data, media_type=media_type, headers=headers)


def _split(ids: str | None) -> tuple[str, ...]:
    return tuple(sorted({part for part in (ids or "").split(",") if part}))[:500]


def _graph(store: OrgStore, view: str, page: Page, expand: Sequence[str],
           focus: str | None) -> ViewGraph:
    when = page.as_of or date.today()
    key = (id(store), store_version(store), view, page.lang, when,
           tuple(sorted(page.params.items())), tuple(expand), focus)
    depth = int(page.params.get("depth") or MAP_DEPTH)
    return _cache.get(key, lambda: build_view(store, view, lang=page.lang, as_of=when,
                                              post=page.params.get("post"), expand=expand,
                                              focus=focus, depth=depth))


def _depth(view: str, depth: int | None) -> str | None:
    """The stakeholder map's ``depth`` as the page's parameter; other views have none."""
    return str(depth) if depth is not None and view == "stakeholders" else None


def _check_view(view: str) -> None:
    if view not in VIEWS:
        raise HTTPException(404, f"no view {view!r}; views: {', '.join(VIEWS)}")


async def _build(request: Request, work: Callable[[OrgStore], T]) -> T:
    try:
        return await with_store(request, work)
    except NotFoundError as exc:
        raise HTTPException(404, str(exc)) from exc  # a page names what was not found


@pages.get("/")
async def start_page(request: Request, q: Annotated[str | None, Query(max_length=TEXT_MOST)] = None,
                     lang: Lang = None, as_of: AsOf = None) -> Response:
    """The intranet start page: "Hvem har ansvaret for …?" answered on the server, and views."""
    page = _page(request, lang, as_of, q=q)
    query = (q or "").strip() or None

    def work(store: OrgStore) -> tuple[list[dict[str, Any]], str | None, dict[str, str] | None,
                                       str | None, list[str], ReadQuestion]:
        with_organisation(store, page)
        read = read_question(store, query or "", as_of=as_of, today=date.today())
        here = read.asked
        found, named, link = start.answers(store, here, lang=page.lang)
        # "hvem er min chef?": ask about the post (a node named is the answer)
        advice = start.ask_instead(store, here.text, page.lang, as_of=here.when) \
            if query and not found and not named else None
        return found, named, link, advice, examples_of(store, page), read

    found, named, link, advice, examples, read = await _build(request, work)
    here, text = read.asked, read.asked.text
    # The catalogue is read and indexed when first asked (about a second): not on the loop.
    hint = None
    # ... and tasks that each meet only part of it are the nearest, said so
    weak = bool(found) and not named and all(answer["weak"] for answer in found)
    if query and not found and not named and advice is None:
        hint = await anyio.to_thread.run_sync(start.kle_hint, text, page.lang)
    return _respond(request, render_start(page, query=query, answers=found, kle_hint=hint,
                                          only_weak=weak,
                                          no_phone_numbers=read.phone,
                                          no_amounts=read.amount, who_not=read.who_not,
                                          ask_instead=advice, examples=examples,
                                          node_hint=named, node_link=link,
                                          answered_as_of=here.named,
                                          as_of_reading=here.reading,
                                          as_of_event=here.event_en if page.lang == "en"
                                          and here.event_en else here.event),
                    "text/html")


@pages.get("/views/{view}")
async def view_page(request: Request, view: str, lang: Lang = None, as_of: AsOf = None,
                    post: Id = None, expand: Ids = None, focus: Id = None,
                    depth: Depth = None) -> Response:
    """A view: the interactive network, its controls and its accessible table."""
    _check_view(view)
    page = _page(request, lang, as_of, post=post, depth=_depth(view, depth))

    def work(store: OrgStore) -> str:
        with_organisation(store, page)
        graph = _graph(store, view, page, _split(expand), focus)
        options: dict[str, Any] = {}
        if view == "stakeholders" and graph.extra["ego"]:  # none in data without posts
            page.params["post"] = graph.extra["ego"]  # the id, whether a name or an id came
            posts = store.list_nodes(kind=Kind.POST, limit=500, as_of=page.as_of)
            # In the page's language: the server takes a post's English name too.
            options["posts"] = sorted({label_of(p.name, p.name_en, page.lang) for p in posts.items})
            # ... those in Danish on an English page, said so (lang="da")
            options["posts_danish"] = {p.name for p in posts.items
                                       if page.lang == "en" and not p.name_en}
            ego = store.node(graph.extra["ego"], as_of=page.as_of)
            options["post_name"] = label_of(ego.name, ego.name_en, page.lang)
        page.api["data"] = f"/views/{view}/data?{page.query()}"
        return render_view(graph, page, options=options)

    return _respond(request, await _build(request, work), "text/html")


@router.get("/views/{view}/data")
async def view_data(request: Request, view: str, lang: Lang = None, as_of: AsOf = None,
                    post: Id = None, expand: Ids = None, focus: Id = None,
                    depth: Depth = None) -> Response:
    """A view's nodes and edges as JSON (what the page draws; with ``expand``: more of it)."""
    _check_view(view)
    page = _page(request, lang, as_of, post=post, depth=_depth(view, depth))
    graph = await _build(request, lambda store: _graph(store, view, page, _split(expand), focus))
    return _respond(request, script_safe_json(graph.payload()), "application/json")


@pages.get("/views/{view}/table")
async def view_table(request: Request, view: str, lang: Lang = None, as_of: AsOf = None,
                     post: Id = None, depth: Depth = None) -> Response:
    """A view's accessible twin on a page of its own: its nodes and edges as tables."""
    _check_view(view)
    page = _page(request, lang, as_of, post=post, depth=_depth(view, depth))
    html = await _build(request,
                        lambda store: render_table(_graph(store, view, page, (), None),
                                                   with_organisation(store, page)))
    return _respond(request, html, "text/html")


@pages.get("/views/stakeholders/csv")
async def stakeholders_csv_file(request: Request, lang: Lang = None, as_of: AsOf = None,
                                post: Id = None, depth: Depth = None) -> Response:
    """The stakeholder map's table as a CSV file, for a spreadsheet."""
    page = _page(request, lang, as_of, post=post, depth=_depth("stakeholders", depth))
    graph = await _build(request, lambda store: _graph(store, "stakeholders", page, (), None))
    ego = graph.extra.get("ego") or "stakeholders"
    name = "interessenter" if page.lang == "da" else "stakeholders"
    response = _respond(request, BOM + stakeholders_csv(graph, page.lang), CSV_MEDIA_TYPE)
    # The post's id names the file: ids are a-z, digits, ".", "_" and "-" after the kind.
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{name}-{ego.partition(":")[2] or ego}.csv"')
    return response


@router.get("/views/api/search")
async def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=TEXT_MOST)],
                 as_of: AsOf = None,
                 limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
    """The store's search, for apps without the API (same shape as /api/v1/search)."""
    hits = await _build(request, lambda store: store.search(q, limit=limit, as_of=as_of))
    return {"query": q, "results": [h.model_dump(mode="json") for h in hits]}


@router.get("/views/api/paths")
async def paths(request: Request, source: Annotated[str, Query(alias="from", max_length=TEXT_MOST)],
                target: Annotated[str, Query(alias="to", max_length=TEXT_MOST)],
                as_of: AsOf = None) -> dict[str, Any]:
    """The store's shortest paths, for apps without the API (same shape as /api/v1/paths)."""
    found = await _build(request,
                         lambda store: store.paths(source, target, max_paths=1, as_of=as_of))
    return {"paths": [[ref.model_dump(mode="json") for ref in path] for path in found]}


def register(app: FastAPI) -> None:
    """Add the views to an app: the router and ``/static`` (the ``orgmodel.api`` entry point).

    In the API app the views obey the same read rule as the API (a token when reads need one).
    """
    dependencies = []
    if hasattr(app.state, "settings"):  # the API app (a bare views app has no read rule)
        # The API's read gate: checks the token when reads need one. Were it renamed, this
        # import fails and the API skips the plugin, rather than serving the views unguarded.
        from api.deps import get_read_store

        dependencies.append(Depends(get_read_store))
    app.include_router(pages, dependencies=dependencies)
    app.include_router(router, dependencies=dependencies)
    # A browser's mistyped address gets a page, not the API's JSON (the API keeps its own).
    app.add_exception_handler(StarletteHTTPException, not_found_as_page(
        app.exception_handlers.get(StarletteHTTPException)))
    app.mount("/static", StaticAssets(STATIC_DIR, generated={BUNDLE: asset_bytes(BUNDLE)}),
              name="static")


def create_views_app(store: OrgStore, *, without_persons: bool = False) -> FastAPI:
    """A bare app serving only the views over ``store`` (tests, benchmarks, quick looks)."""
    app = FastAPI(title="orgmodel views", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = store
    app.state.pages_without_persons = without_persons
    register(app)
    return app
