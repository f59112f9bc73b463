"""Fixtures for the API over HTTP (helpers in httpapi.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from httpapi import LiveServer, make_settings


@pytest.fixture(scope="session")
def live_api() -> Iterator[LiveServer]:
    """One read-only server for the whole session (tests must not write to it)."""
    server = LiveServer(make_settings()).start()
    yield server
    server.stop()


@pytest.fixture
def start_server() -> Iterator[Callable[..., LiveServer]]:
    """Start a fresh server (its own store, so writes stay in the test) with settings."""
    started: list[LiveServer] = []

    def start(**overrides: Any) -> LiveServer:
        server = LiveServer(make_settings(**overrides)).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def editable_api(start_server: Callable[..., LiveServer]) -> LiveServer:
    return start_server()
