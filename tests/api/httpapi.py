"""Helpers for the API tests: a real uvicorn on a free loopback port, httpx as the client."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from api.app import create_app
from api.server import http_protocol
from api.settings import Settings

ANNA = "anna-token-0123456789"
BO = "bo-token-0123456789ab"
READER = "reader-token-0123456789"
WRITE_TOKENS = {"anna": ANNA, "bo": BO}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def make_settings(**overrides: Any) -> Settings:
    """Settings for tests: the embedded store unless told otherwise, whatever the environment."""
    values: dict[str, Any] = {
        "env": "development", "neo4j_uri": None, "use_neo4j": False,
        "write_tokens": WRITE_TOKENS, "read_tokens": {"reader": READER},
        "data_dir": Path(__file__).resolve().parents[2] / "data" / "albertslund",
    }
    values.update(overrides)
    return Settings(**values)


class LiveServer:
    """uvicorn serving ``create_app(settings)`` in a thread, as ``orgmodel serve`` does."""

    def __init__(self, settings: Settings, port: int | None = None,
                 plugins: list[Callable[[FastAPI], None]] | None = None) -> None:
        # The socket is bound here and handed to uvicorn: a free port looked up and bound
        # later was taken in between by another test run on the machine ("address already
        # in use"). A port asked for is bound by uvicorn, as `orgmodel serve` binds it.
        self.socket: socket.socket | None = None
        if port is None:
            self.socket = socket.socket()
            self.socket.bind(("127.0.0.1", 0))
            port = int(self.socket.getsockname()[1])
        self.port = port
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(settings, plugins=plugins or [])
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                http=http_protocol(), ws="none", lifespan="on")
        self.server = uvicorn.Server(config)
        sockets = [self.socket] if self.socket is not None else None
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": sockets},
                                       daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the API server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        if self.socket is not None:
            self.socket.close()

    def client(self, token: str | None = None, **kwargs: Any) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=10, **kwargs)


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    """Assert ``response`` is an RFC 9457 problem with ``status``; return its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert {"type", "title", "detail", "instance"} <= set(body)
    assert "Traceback" not in response.text
    return body
