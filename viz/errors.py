"""A page that goes wrong answers as a page, in the visitor's language, not as JSON.

The views' page routes (the start page, a view, its table) use :class:`PageRoute`: a date
that cannot be read, a view that does not exist or a post no one is called answers with the
site's own page (the same status code), saying what is wrong in words, offering the posts
the visitor may have meant and a link to the page without the bad value. The JSON routes keep
the API's problem documents.
"""

from __future__ import annotations

import contextlib
import inspect
import re
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from typing import Any

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.datastructures import URL
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, Response

from orgmodel.contract import OrgStore
from orgmodel.exceptions import NotFoundError, NotValidOnDateError, OrgModelError, held_text
from orgmodel.hint_model import kind_phrase
from orgmodel.messages import Lang
from orgmodel.succession import successor_of
from orgmodel.text import shortened
from viz.builders import said_of
from viz.gather import NotAPostError, posts_like
from viz.recent import with_organisation
from viz.render import VIEWS, Page, render_error
from viz.store_access import with_store
from viz.texts import UI, lang_of, ui

__all__ = ["PageRoute", "not_found_as_page"]

_SUGGESTIONS = 5


class PageRoute(APIRoute):
    """A route whose errors are pages (see the module's docstring)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """Wrap FastAPI's handler: errors it raises become error pages."""
        handle = super().get_route_handler()

        async def handle_as_page(request: Request) -> Response:
            try:
                return await handle(request)
            except RequestValidationError as invalid:
                return await _page_of(request, 422, *_invalid(request, invalid))
            except HTTPException as failed:
                if failed.status_code != 404:
                    raise
                message, dropped, suggestions = await _not_found(request, failed)
                return await _page_of(request, 404, message, dropped, suggestions)

        return handle_as_page


def _invalid(request: Request, invalid: RequestValidationError) -> tuple[str, list[str]]:
    """What is wrong with the query string, and the parameters to drop."""
    lang = lang_of(request.query_params.get("lang"))
    first = invalid.errors()[0]
    field = str(first["loc"][-1])
    value = request.query_params.get(field, "")
    if field == "as_of":
        # "2027-02-30" is written as asked: it is the day that does not exist.
        written = re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip())
        message = ui("error_no_day" if written else "error_date", lang, value=value)
    else:
        message = ui("error_param", lang, field=field, value=shortened(value, 80),
                     why=_why(first, lang))
    fields = {str(e["loc"][-1]) for e in invalid.errors()}
    return message, sorted(fields)


def _why(error: Mapping[str, Any], lang: Lang) -> str:
    """Why a value cannot be used, in the page's language where the reason is a common one."""
    key = f"why_{error.get('type')}"
    if key in UI:
        return ui(key, lang, **error.get("ctx", {}))
    return str(error.get("msg", "")).removeprefix("Value error, ")


async def _not_found(request: Request, failed: HTTPException
                     ) -> tuple[str, list[str], list[tuple[str, str]]]:
    """What was not found, the parameters to drop, and what the visitor may have meant."""
    lang = lang_of(request.query_params.get("lang"))
    view = request.path_params.get("view")
    if view is not None and view not in VIEWS:
        return ui("error_no_view", lang, name=view), [], []
    cause = failed.__cause__
    post = request.query_params.get("post")
    if isinstance(cause, NotAPostError):
        name = said_of(cause.name, cause.name_en, lang)
        return (ui("error_not_post", lang, name=name, kind=kind_phrase(cause.kind, lang)),
                ["post"], await _posts_like(request, cause.name))
    if post and isinstance(cause, NotValidOnDateError) and cause.node_id == post:
        # a post that ended, or begins later: said so, with the post that took over from it
        # (the successor probe: "no post is called post:chef-okonomi-og-stab")
        return await _post_not_on_date(request, cause, lang)
    if post and isinstance(cause, NotFoundError) and cause.node_id == post:
        return ui("error_no_post", lang, name=post), ["post"], await _posts_like(request, post)
    name = cause.node_id if isinstance(cause, NotFoundError) else str(failed.detail)
    return ui("error_no_node", lang, name=name), ["focus", "post", "expand"], []


async def _post_not_on_date(request: Request, cause: NotValidOnDateError, lang: Lang
                            ) -> tuple[str, list[str], list[tuple[str, str]]]:
    """A post that does not hold on the page's date: when it does, and who took over."""
    def read(store: OrgStore) -> tuple[str, list[tuple[str, str]]]:
        node = store.node(cause.node_id, as_of=cause.valid_from or cause.valid_to)
        after = successor_of(store, node) if cause.valid_to and cause.when > cause.valid_to \
            else None
        return said_of(node.name, node.name_en, lang), (
            [(said_of(after.name, after.name_en, lang), after.id)] if after else [])

    name, took_over = await with_store(request, read)
    span = held_text(cause.valid_from, cause.valid_to, (("fra", "til"), ("from", "to"))[
        lang == "en"])
    message = ui("error_post_not_on_date", lang, name=name, day=cause.when.isoformat(), span=span)
    return message, ["post"], [(label, _relative(request.url.include_query_params(post=post_id)))
                               for label, post_id in took_over]


async def _posts_like(request: Request, text: str) -> list[tuple[str, str]]:
    """The posts a visitor may have meant by ``text``, as (name, link to this page for it)."""
    lang = lang_of(request.query_params.get("lang"))

    def named(store: OrgStore) -> list[tuple[str, str]]:  # (id, name in the page's language)
        return [(node.id, said_of(node.name, node.name_en, lang))
                for node in posts_like(store, text, as_of=None, limit=_SUGGESTIONS)]

    return [(name, _relative(request.url.include_query_params(post=post_id)))
            for post_id, name in await with_store(request, named)]


async def _page_of(request: Request, status: int, message: str, dropped: list[str],
                   suggestions: list[tuple[str, str]] | None = None) -> Response:
    lang = lang_of(request.query_params.get("lang"))
    retry = _relative(request.url.remove_query_params(dropped)) if dropped else None
    other = "da" if lang == "en" else "en"
    page = Page(mode="served", lang=lang)
    # Titled with the organisation, as the page that failed would have been; with the store
    # out of reach, the plain title says enough.
    with contextlib.suppress(HTTPException, OrgModelError):
        page = await with_store(request, lambda store: with_organisation(store, page))
    html = render_error(page, message=message,
                        suggestions=suggestions or [],
                        retry_link=retry, retry_text=_retry_text(dropped, lang),
                        other_lang_link=_relative(request.url.include_query_params(lang=other)))
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def _retry_text(dropped: list[str], lang: Lang) -> str:
    """The link that drops what could not be used, saying what it drops.

    "Vis siden uden det" did not say without what.

    >>> _retry_text(["as_of"], "da"), _retry_text(["focus", "post", "expand"], "en")
    ('Vis siden uden datoen', 'Show the page without the selection')
    >>> _retry_text(["depth"], "da")
    'Vis siden uden »depth«'
    """
    if dropped == ["as_of"] or dropped == ["post"]:
        what = ui(f"retry_{dropped[0]}", lang)
    elif "focus" in dropped:
        what = ui("retry_node", lang)
    else:
        what = ", ".join((f"»{field}«" if lang == "da" else f"“{field}”") for field in dropped)
    return ui("error_retry", lang, what=what)


def _relative(url: URL) -> str:
    r"""The path and query of ``url``: links stay on the site, whatever Host or path said.

    A path that begins with ``//`` (or ``/\``, which browsers read alike) would be read as
    another host's address (``//evil.example/x``): it keeps one slash.

    >>> _relative(URL("http://intra/views/org?lang=en"))
    '/views/org?lang=en'
    >>> _relative(URL("http://intra//evil.example/x")), _relative(URL("http://intra/\\evil/x"))
    ('/evil.example/x', '/evil/x')
    """
    path = "/" + url.path.lstrip("/\\")
    return f"{path}?{url.query}" if url.query else path


def not_found_as_page(
        handle: Callable[[Request, Any], Response | Awaitable[Response]] | None,
) -> Callable[[Request, Exception], Coroutine[Any, Any, Response]]:
    """The app's handler of HTTP errors, with a 404 a browser asked for answered as a page.

    A mistyped address on the intranet ("/vews/org") showed the API's problem document as
    raw JSON; a browser (``Accept: text/html``) outside ``/api/`` now gets the site's page
    in its language, with a link to the start page. Everything else goes to ``handle``.
    """
    async def handled(request: Request, exc: Exception) -> Response:
        wants_page = "text/html" in request.headers.get("accept", "")
        if (isinstance(exc, HTTPException | StarletteHTTPException) and exc.status_code == 404
                and wants_page and not request.url.path.startswith("/api/")):
            lang = lang_of(request.query_params.get("lang"))
            path = shortened(request.url.path, 80)
            return await _page_of(request, 404, ui("error_no_page", lang, path=path), [])
        if handle is None:
            raise exc
        answer = handle(request, exc)
        return await answer if inspect.isawaitable(answer) else answer

    return handled
