"""The version of a remote store, confirmed for each request at the cost of a shared read.

A cached answer may be replayed only while the store is still at the version the answer was
computed at. The embedded store knows its version in memory; Neo4j may be changed by other
processes (``orgmodel load``, another API instance), so its version has to be read from the
server: a tiny query (``graph_version()``: the ``Meta`` node every sync and write bumps, and
the database state the read saw, which writes made around orgmodel move too).

Reading it once per request would cost a round trip per request. :class:`VersionProbe` shares
reads instead, without ever giving a request a version older than the request: a request waits
for the next read that *starts after it arrived*. While one read is under way, every request
that arrives joins the read after it, so at any load there is at most one read running and one
forming, and each request waits at most two round trips.

Examples
--------
>>> import asyncio
>>> from concurrent.futures import ThreadPoolExecutor
>>> reads = []
>>> async def read():
...     reads.append(1)
...     await asyncio.sleep(0.01)
...     return len(reads)
>>> async def many():
...     probe = VersionProbe(read)
...     return await asyncio.gather(*(probe.confirm() for _ in range(50)))
>>> with ThreadPoolExecutor(1) as pool:  # a thread of its own: the caller may be in a loop
...     versions = pool.submit(asyncio.run, many()).result()
>>> len(reads) <= 2 and set(versions) <= {1, 2}
True
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

__all__ = ["VersionProbe"]

V = TypeVar("V")


class VersionProbe(Generic[V]):
    """Shares reads of a version among concurrent requests (see the module docstring)."""

    def __init__(self, read: Callable[[], Awaitable[V]]) -> None:
        self._read = read
        self._forming: asyncio.Future[V] | None = None  # the read that starts next
        self._runner: asyncio.Task[None] | None = None

    async def confirm(self) -> V:
        """Return the version from a read that began after this call (its error if it failed)."""
        if self._forming is None:
            self._forming = asyncio.get_running_loop().create_future()
        waiting = self._forming
        if self._runner is None or self._runner.done():
            self._runner = asyncio.create_task(self._run())
        # shield: one caller giving up (its request cancelled) must not cancel the others' read
        return await asyncio.shield(waiting)

    async def _run(self) -> None:
        while self._forming is not None:
            current, self._forming = self._forming, None
            try:
                current.set_result(await self._read())
            except asyncio.CancelledError:  # shutting down: nobody waits forever
                current.cancel()
                raise
            except Exception as exc:  # every waiter gets the error (e.g. the store is down)
                current.set_exception(exc)
                current.exception()  # marked as retrieved: nobody may be waiting any more
