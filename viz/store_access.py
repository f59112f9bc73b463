"""The app's store, for the views' handlers: the API's, or a bare views app's own."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio.to_thread
from starlette.requests import Request

from orgmodel.contract import OrgStore
from orgmodel.store.without_persons import WithoutPersons

__all__ = ["with_store"]

T = TypeVar("T")


async def with_store(request: Request, work: Callable[[OrgStore], T]) -> T:
    """Run ``work`` on the app's store in a worker thread (with the API's deadline, if any)."""
    # An intranet may show posts without the people who hold them (FACTS: personal data).
    hidden = bool(getattr(request.app.state, "pages_without_persons", False))

    def shown(store: OrgStore) -> OrgStore:
        return WithoutPersons(store) if hidden else store

    access = getattr(request.app.state, "access", None)
    if access is not None:
        handle = await access.handle()
        result: T = await handle.offload(work, shown(handle.store))
        return result
    store: OrgStore = request.app.state.store
    return await anyio.to_thread.run_sync(work, shown(store))
