"""VersionProbe: one read of a remote store's version shared by the requests of a moment,
never a version read before the request arrived."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import pytest

from api.versions import VersionProbe

T = TypeVar("T")


def run(main: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine in a thread of its own (the test session may already run a loop)."""
    async def wrapped() -> T:
        return await main()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, wrapped()).result()


class Server:
    """A store whose version can change between reads; each read takes a while."""

    def __init__(self) -> None:
        self.version = 1
        self.reads = 0
        self.fail = False

    async def read(self) -> int:
        self.reads += 1
        seen = self.version  # the version when the read started
        await asyncio.sleep(0.02)
        if self.fail:
            raise ConnectionError("the store does not answer")
        return seen


def test_concurrent_requests_share_reads() -> None:
    server = Server()

    async def main() -> list[int]:
        probe = VersionProbe(server.read)
        return await asyncio.gather(*(probe.confirm() for _ in range(100)))

    assert run(main) == [1] * 100
    assert server.reads == 1


def test_a_request_during_a_read_waits_for_the_next_one() -> None:
    server = Server()

    async def main() -> tuple[int, int]:
        probe = VersionProbe(server.read)
        first = asyncio.create_task(probe.confirm())
        await asyncio.sleep(0.005)  # the first read is under way, at version 1
        server.version = 2  # a write lands; then a request arrives
        second = await probe.confirm()
        return await first, second

    # The second request must not get the read that began before it (version 1).
    assert run(main) == (1, 2)
    assert server.reads == 2


def test_a_failed_read_fails_every_waiter_and_the_next_request_reads_again() -> None:
    server = Server()

    async def main() -> tuple[list[BaseException | int], int]:
        probe = VersionProbe(server.read)
        server.fail = True
        failed = await asyncio.gather(*(probe.confirm() for _ in range(5)),
                                      return_exceptions=True)
        server.fail = False
        return failed, await probe.confirm()

    failed, after = run(main)
    assert all(isinstance(result, ConnectionError) for result in failed)
    assert after == 1 and server.reads == 2


def test_a_cancelled_request_does_not_cancel_the_read_of_the_others() -> None:
    server = Server()

    async def main() -> int:
        probe = VersionProbe(server.read)
        leaving = asyncio.create_task(probe.confirm())
        staying = asyncio.create_task(probe.confirm())
        await asyncio.sleep(0.005)
        leaving.cancel()
        with pytest.raises(asyncio.CancelledError):
            await leaving
        return await staying

    assert run(main) == 1
