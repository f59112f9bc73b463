"""A real Neo4j for the tests, never a skip.

``neo4j_env`` (session scope) is the server the Neo4j tests use:

- ``NEO4J_URI`` set (CI's ``scripts/test`` starts one and exports it): that server, with
  ``NEO4J_USER``/``NEO4J_PASSWORD``. The tests delete everything in its database, so it must
  be on this machine (loopback) unless ``ORGMODEL_TEST_NEO4J_ANY_HOST=1``.
- ``NEO4J_URI`` not set and ``CI`` set: the tests fail, saying CI must start Neo4j.
- Otherwise the fixture starts a private server with ``scripts/neo4j`` on a free port for the
  session and stops it at the end; without Java or Maven it fails saying what to install.

:class:`Instance` starts and stops further private servers (own port and folder) for tests that
stop a server on purpose.
"""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j"
HOW_TO_START = 'eval "$(scripts/neo4j start)"'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _missing_tools() -> list[str]:
    return [tool for tool in ("java", "mvn") if shutil.which(tool) is None]


@dataclass
class Instance:
    """A private Neo4j server started with scripts/neo4j (own port and data folder)."""

    port: int
    heap: str = "1g"

    @property
    def folder(self) -> Path:
        return ROOT / ".cache" / "neo4j" / f"test-{self.port}"

    def _script(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True,
                              timeout=timeout, check=False, cwd=ROOT)

    def start(self, *, keep: bool = False) -> dict[str, str]:
        missing = _missing_tools()
        if missing:
            pytest.fail(f"the Neo4j tests need {' and '.join(missing)} (Java 17+ and Maven) to "
                        f"start a Neo4j server, or set NEO4J_URI to a running one ({HOW_TO_START})",
                        pytrace=False)
        args = ["start", "--port", str(self.port), "--dir", str(self.folder), "--heap", self.heap]
        done = self._script(*args, *(["--keep"] if keep else []))
        if done.returncode != 0:
            pytest.fail(f"scripts/neo4j start failed:\n{done.stderr[-3000:]}", pytrace=False)
        env = {}
        for line in done.stdout.splitlines():
            if line.startswith("export "):
                name, _, value = line.removeprefix("export ").partition("=")
                env[name] = shlex.split(value)[0] if value else ""
        return env

    def stop(self) -> bool:
        """Stop the server; True if it is down (then its folder may be deleted)."""
        return self._script("stop", "--dir", str(self.folder), timeout=120).returncode == 0


def _check_usable(uri: str) -> None:
    host = urlsplit(uri).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get(
            "ORGMODEL_TEST_NEO4J_ANY_HOST"):
        pytest.fail(f"NEO4J_URI={uri} is not on this machine, and the Neo4j tests delete "
                    "everything in its database; use a local test server "
                    f"({HOW_TO_START}) or set ORGMODEL_TEST_NEO4J_ANY_HOST=1", pytrace=False)


@pytest.fixture(scope="session")
def neo4j_env() -> Iterator[dict[str, str]]:
    """NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD of the session's test server."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        _check_usable(uri)
        yield {"NEO4J_URI": uri, "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
               "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", "")}
        return
    if os.environ.get("CI"):
        pytest.fail("NEO4J_URI is not set: CI must start Neo4j before the tests "
                    f"({HOW_TO_START}; scripts/test does it)", pytrace=False)
    instance = Instance(free_port())
    print(f"starting a private Neo4j on port {instance.port} for the tests", file=sys.stderr)
    env = instance.start()
    try:
        yield {name: env[name] for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")}
    finally:
        if instance.stop():
            shutil.rmtree(instance.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def neo4j_client(neo4j_env: dict[str, str]) -> Iterator[object]:
    """A connected :class:`~orgmodel.store.neo4j_connection.Neo4jClient` for the session."""
    from orgmodel.store.neo4j_connection import Neo4jClient, Neo4jSettings

    client = Neo4jClient.connect(Neo4jSettings.from_environment(neo4j_env))
    yield client
    client.close()
