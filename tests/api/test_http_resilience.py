"""A store that hangs or is away gives 503 in time, and the API recovers by itself; no 500
ever shows a stack trace. A stand-in remote store is used here; test_neo4j_api.py stops a real
Neo4j under the running app."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from httpapi import LiveServer, make_settings, problem

from api.runtime import StoreAccess
from orgmodel.contract import NodePage, OwnersResult
from orgmodel.exceptions import StoreUnavailableError


class RemoteStandIn:
    """Answers like an empty remote store; hangs while ``hanging``, refuses while ``down``."""

    def __init__(self) -> None:
        self.hanging = False
        self.down = False
        self.release = threading.Event()

    def _wait(self) -> None:
        if self.down:
            raise StoreUnavailableError("connection refused")
        if self.hanging:
            self.release.wait(timeout=30)

    def owners(self, query: str, *, limit: int = 5, as_of: date | None = None
               ) -> list[OwnersResult]:
        self._wait()
        return []

    def search(self, query: str, **_: Any) -> list[Any]:
        self._wait()
        return []

    def list_nodes(self, **_: Any) -> NodePage:
        self._wait()
        return NodePage(total=0, offset=0, limit=1, items=[])

    def chain(self, node_id: str, *, as_of: date | None = None) -> list[Any]:
        raise RuntimeError("secret internal detail")


@pytest.fixture
def remote(monkeypatch: pytest.MonkeyPatch) -> Iterator[RemoteStandIn]:
    store = RemoteStandIn()
    monkeypatch.setattr(StoreAccess, "_open", lambda self: store)
    yield store
    store.release.set()


@pytest.fixture
def server(remote: RemoteStandIn) -> Iterator[LiveServer]:
    live = LiveServer(make_settings(neo4j_uri="bolt://127.0.0.1:1", store_timeout=2.0)).start()
    yield live
    remote.release.set()
    live.stop()


def timed_get(client: httpx.Client, url: str) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


def test_a_hanging_store_gives_503_within_2_seconds_and_then_recovers(
    server: LiveServer, remote: RemoteStandIn
) -> None:
    assert httpx.get(f"{server.url}/api/v1/owners?q=x").status_code == 200
    remote.hanging = True
    urls = [f"{server.url}/api/v1/owners?q=løn"] * 40 + [f"{server.url}/ready"] * 4
    limits = httpx.Limits(max_connections=len(urls))
    with ThreadPoolExecutor(len(urls)) as pool, httpx.Client(timeout=10, limits=limits) as http:
        results = list(pool.map(lambda url: timed_get(http, url), urls))
    for response, seconds in results:
        body = problem(response, 503)
        assert response.headers["retry-after"] == "5"
        assert "store" in body["detail"]
        assert seconds < 2.0 + 1.0, seconds  # the deadline, plus a loaded 2-core machine
    with httpx.Client() as http:
        health, seconds = timed_get(http, f"{server.url}/health")
    assert health.status_code == 200 and seconds < 1.0  # the event loop never blocked
    remote.hanging = False
    remote.release.set()
    assert httpx.get(f"{server.url}/ready").status_code == 200
    # the store's answer (the stand-in holds no task), not a status alone
    recovered = httpx.get(f"{server.url}/api/v1/owners?q=løn")
    assert recovered.status_code == 200
    assert (recovered.json()["query"], recovered.json()["results"]) == ("løn", [])


def test_an_unreachable_store_at_start_is_opened_once_it_answers(
    monkeypatch: pytest.MonkeyPatch, remote: RemoteStandIn
) -> None:
    attempts: list[int] = []

    def open_store(self: StoreAccess) -> RemoteStandIn:
        attempts.append(1)
        if len(attempts) <= 2:
            raise StoreUnavailableError("Neo4j at bolt://127.0.0.1:1 refused the connection")
        return remote

    monkeypatch.setattr(StoreAccess, "_open", open_store)
    live = LiveServer(make_settings(neo4j_uri="bolt://127.0.0.1:1")).start()  # Neo4j is away
    try:
        problem(httpx.get(f"{live.url}/ready"), 503)
        assert httpx.get(f"{live.url}/health").status_code == 200
        assert httpx.get(f"{live.url}/ready").status_code == 200
        remote.down = True
        problem(httpx.get(f"{live.url}/api/v1/owners?q=løn"), 503)
        remote.down = False
        back = httpx.get(f"{live.url}/api/v1/owners?q=løn")
        assert back.status_code == 200
        assert (back.json()["query"], back.json()["results"]) == ("løn", [])
    finally:
        live.stop()


def test_unexpected_errors_are_a_bare_500_problem(
    server: LiveServer, caplog: pytest.LogCaptureFixture
) -> None:
    body = problem(httpx.get(f"{server.url}/api/v1/chain/unit:x"), 500)
    assert body["detail"] == "the server met an unexpected error"
    assert "secret" not in str(body)


def test_errors_in_added_routes_are_a_bare_500_too() -> None:
    def register(app: FastAPI) -> None:
        @app.get("/boom")
        async def boom() -> None:
            raise ValueError("password=hunter2")

    live = LiveServer(make_settings(), plugins=[register]).start()
    try:
        response = httpx.get(f"{live.url}/boom")
        body = problem(response, 500)
        assert "hunter2" not in response.text and "ValueError" not in response.text
        assert body["instance"] == "/boom"
        assert response.headers["x-content-type-options"] == "nosniff"
    finally:
        live.stop()
