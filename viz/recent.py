"""The last few answers the views built, and what pages show of the data on every visit.

A page and its JSON (fetched right after) build once; the title's organisation, and the start
page's example tasks, are read once per store version and date. Both the view routes and their
error pages use it.

Examples
--------
>>> recent: Recent[int] = Recent()
>>> recent.get(("store", 0), lambda: 41 + 1), recent.get(("store", 0), lambda: 0)
(42, 42)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Any, Generic, TypeVar

from orgmodel.contract import OrgStore
from viz import gather, start
from viz.render import Page

__all__ = ["Recent", "examples_of", "store_version", "with_organisation"]

V = TypeVar("V")
_SIZE = 32


class Recent(Generic[V]):
    """The last few answers built, by key (the store, its version, what was asked)."""

    def __init__(self) -> None:
        self._items: OrderedDict[tuple[Any, ...], V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], build: Callable[[], V]) -> V:
        """The answer kept under ``key``, else ``build()``'s, kept."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        built = build()
        with self._lock:
            self._items[key] = built
            while len(self._items) > _SIZE:
                self._items.popitem(last=False)
        return built


_organisations: Recent[tuple[str, str | None] | None] = Recent()
_examples: Recent[list[str]] = Recent()


def store_version(store: OrgStore) -> int:
    """A number that changes when the store is written to (0 for read-only stores)."""
    log = getattr(store, "audit_log", None)
    if not callable(log):
        return 0
    entries = log(limit=1)
    return int(entries[0].seq) if entries else 0


def with_organisation(store: OrgStore, page: Page) -> Page:
    """``page`` with the home organisation's name for its title (read once per store version)."""
    when = page.as_of or date.today()
    page.organisation = _organisations.get(
        (id(store), store_version(store), when),
        lambda: gather.organisation_name(store, as_of=when))
    return page


def examples_of(store: OrgStore, page: Page) -> list[str]:
    """The search box's examples, the data's own tasks (read once per store version and date).

    The start page is the intranet's landing page: most visits ask nothing, and read nothing
    else from the store.
    """
    when = page.as_of or date.today()
    return _examples.get((id(store), store_version(store), when, page.lang),
                         lambda: start.example_tasks(store, as_of=when, lang=page.lang))
