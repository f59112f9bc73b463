"""One entry point for every view: ask the store, then build (what routes and the CLI call).

Examples
--------
>>> sorted(BUILDERS) == sorted(["org", "collaboration", "stakeholders", "responsibilities",
...                             "case-route"])
True
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date

from orgmodel.contract import OrgStore
from orgmodel.messages import Lang
from orgmodel.stakeholder_map import MAP_DEPTH
from viz import gather
from viz.builders import NODE_LIMIT, ViewGraph
from viz.networks import build_collaboration, build_stakeholders
from viz.org_chart import build_org_chart
from viz.responsibility import build_case_route, build_responsibilities

__all__ = ["BUILDERS", "build_view"]

Builder = Callable[..., ViewGraph]

#: View key -> builder of a ViewInput.
BUILDERS: dict[str, Builder] = {
    "org": build_org_chart,
    "collaboration": build_collaboration,
    "stakeholders": build_stakeholders,
    "responsibilities": build_responsibilities,
    "case-route": build_case_route,
}


#: The views drawn for one post (``post``); the others draw the whole organisation.
POST_VIEWS = ("stakeholders", "case-route")


def gather_view(store: OrgStore, view: str, *, as_of: date,
                post: str | None = None, depth: int = MAP_DEPTH) -> gather.ViewInput:
    """The store's answers a view is built from."""
    if view == "org":
        return gather.org_chart(store, as_of=as_of)
    if view == "collaboration":
        return gather.collaboration(store, as_of=as_of)
    if view == "responsibilities":
        return gather.responsibilities(store, as_of=as_of)
    chosen = (gather.resolve_post(store, post, as_of=as_of) if post
              else gather.default_post(store, as_of=as_of))
    if view == "stakeholders":
        return gather.stakeholders(store, as_of=as_of, post=chosen, depth=depth)
    if view == "case-route":
        return gather.case_route(store, as_of=as_of, post=chosen)
    raise KeyError(view)


def build_view(store: OrgStore, view: str, *, lang: Lang, as_of: date, post: str | None = None,
               expand: Collection[str] = (), focus: str | None = None,
               limit: int = NODE_LIMIT, depth: int = MAP_DEPTH) -> ViewGraph:
    """Build ``view`` from ``store`` as it was on ``as_of``.

    ``depth``: the steps from the post the stakeholder map reaches (1–3).
    """
    data = gather_view(store, view, as_of=as_of, post=post, depth=depth)
    graph: ViewGraph = BUILDERS[view](data, lang, limit=limit, expand=expand, focus=focus)
    if (view in POST_VIEWS and not post
            and data.focus != gather.named_default(store, as_of=as_of)
            and any(node["id"] == data.focus for node in graph.nodes)):
        # A choice made for the reader, in data without the chief's post: the page says so.
        graph.extra["post_chosen"] = data.focus
    return graph.cited(data.sources)
