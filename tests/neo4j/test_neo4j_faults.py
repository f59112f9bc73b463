"""Faults a user meets: a server stopped in the middle of a load, a server down, a wrong password.

These tests stop a server on purpose, so they run their own Neo4j (own port and folder), not
the session's shared one.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import exceptions as neo4j_errors
from neo4j_service import Instance, free_port

from orgmodel.exceptions import StoreUnavailableError
from orgmodel.store import neo4j_cypher
from orgmodel.store.neo4j_connection import Neo4jClient, Neo4jSettings
from orgmodel.store.neo4j_store import Neo4jStore
from orgmodel.store.neo4j_sync import dump_graph
from orgmodel.synthetic import write_jsonl

QUICK = {"ORGMODEL_NEO4J_CONNECT_TIMEOUT": "2", "ORGMODEL_NEO4J_RETRY_TIME": "2"}


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[Instance, dict[str, str]]]:
    instance = Instance(free_port())
    env = instance.start()
    yield instance, {name: env[name] for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")}
    if instance.stop():
        shutil.rmtree(instance.folder, ignore_errors=True)


def cli_env(neo4j: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "ORGMODEL_"))}
    return {**env, **QUICK, **neo4j}


def orgmodel(*args: str, env: dict[str, str],
             timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgmodel.cli", *args], env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)


def visible(neo4j: dict[str, str]) -> tuple[Any, Any]:
    with Neo4jClient.connect(Neo4jSettings.from_environment(neo4j)) as client:
        return (Neo4jStore(client).dataset(),
                client.read(neo4j_cypher.META_VERSION)[0]["version"])


def assert_one_clear_line(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("orgmodel: ") and all(w in last for w in words), last


def big_load_under_way(neo4j: dict[str, str], data_dir: Path, tmp_path: Path
                       ) -> tuple[tuple[Any, Any], subprocess.Popen[str]]:
    """The graph after loading ``data_dir``, and a load of 30,000 nodes once it is writing."""
    assert orgmodel("load", str(data_dir), "--neo4j", env=cli_env(neo4j)).returncode == 0
    before = visible(neo4j)
    big = tmp_path / "big"
    write_jsonl(big, 30_000)
    load = subprocess.Popen(
        [sys.executable, "-m", "orgmodel.cli", "load", str(big), "--neo4j", "--batch-size",
         "1000"], env=cli_env(neo4j), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert load.stderr is not None
    seen = []
    for line in load.stderr:  # wait until the load is writing
        seen.append(line)
        if "parti 1/" in line:  # "batch" in Danish, the command line's default
            break
    assert "parti 1/" in seen[-1], "".join(seen)
    return before, load


def test_a_server_stopped_mid_load_leaves_the_graph_as_it_was(
        server: tuple[Instance, dict[str, str]], data_dir: Path, tmp_path: Path) -> None:
    instance, neo4j = server
    before, load = big_load_under_way(neo4j, data_dir, tmp_path)
    instance.stop()
    try:
        _, err = load.communicate(timeout=120)
        # Depending on when the server goes, the driver loses the connection or the server
        # first answers that the database is unavailable: the same for the user.
        assert load.returncode == 3, err
        last = err.strip().splitlines()[-1]
        assert "Traceback" not in err and "Neo4j" in last, last
    finally:  # the module's later tests need the server, whatever happened here
        instance.start(keep=True)
    assert visible(neo4j) == before
    again = orgmodel("load", str(data_dir), "--neo4j", env=cli_env(neo4j))
    assert again.returncode == 0 and again.stdout.startswith("ingen ændringer"), again.stderr
    with Neo4jClient.connect(Neo4jSettings.from_environment(neo4j)) as client:
        assert not any('"Pending"' in line for line in dump_graph(client))


def test_ctrl_c_mid_load_leaves_the_graph_as_it_was_and_nothing_staged(
        server: tuple[Instance, dict[str, str]], data_dir: Path, tmp_path: Path) -> None:
    # Interrupted, a load left some 60,000 staged nodes in the graph until the next load.
    neo4j = server[1]
    before, load = big_load_under_way(neo4j, data_dir, tmp_path)
    load.send_signal(signal.SIGINT)
    _, err = load.communicate(timeout=120)
    assert load.returncode == 130 and err.strip().endswith("orgmodel: interrupted"), err
    assert "Traceback" not in err
    assert visible(neo4j) == before
    with Neo4jClient.connect(Neo4jSettings.from_environment(neo4j)) as client:
        assert not any('"Pending"' in line for line in dump_graph(client))


def test_server_down_is_one_clear_line_and_exit_3(server: tuple[Instance, dict[str, str]]) -> None:
    closed = {**server[1], "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}"}
    started = time.monotonic()
    done = orgmodel("who-owns", "løn", "--neo4j", env=cli_env(closed))
    assert time.monotonic() - started < 20
    assert_one_clear_line(done, "cannot reach Neo4j", "connection refused", "scripts/neo4j start")


def test_wrong_password_is_one_clear_line_and_exit_3(
        server: tuple[Instance, dict[str, str]]) -> None:
    wrong = {**server[1], "NEO4J_PASSWORD": "not-the-password"}
    done = orgmodel("who-owns", "løn", "--neo4j", env=cli_env(wrong))
    assert_one_clear_line(done, "refused user 'neo4j'", "NEO4J_PASSWORD")
    done = orgmodel("load", "--neo4j", env=cli_env(wrong))
    assert_one_clear_line(done, "refused user 'neo4j'")


def test_missing_settings_say_what_to_set() -> None:
    env = cli_env({})
    done = orgmodel("who-owns", "løn", "--neo4j", env=env)
    assert_one_clear_line(done, "NEO4J_URI is not set", "scripts/neo4j start")


@pytest.mark.parametrize("problem", ["down", "password"])
def test_the_store_gives_up_within_seconds(server: tuple[Instance, dict[str, str]],
                                           problem: str) -> None:
    env = {**server[1], **QUICK}
    if problem == "down":
        env["NEO4J_URI"] = f"bolt://127.0.0.1:{free_port()}"
    else:
        env["NEO4J_PASSWORD"] = "not-the-password"
    started = time.monotonic()
    with pytest.raises(StoreUnavailableError):
        Neo4jStore.from_environment(env)
    assert time.monotonic() - started < 5


def test_a_database_that_stops_serving_is_unavailable_not_a_refusal() -> None:
    # A server stopped in the middle of a load may first answer the open transactions that its
    # database is unavailable (a server error, not a lost connection). That is the store being
    # down (exit 3, try again), not Neo4j refusing the load (exit 1, change something).
    settings = Neo4jSettings.from_environment({"NEO4J_URI": "bolt://127.0.0.1:7687",
                                               "NEO4J_PASSWORD": "x"})
    stopping = neo4j_errors.DatabaseUnavailable("The database is not currently available")
    expected = pytest.raises(StoreUnavailableError, match="stopped serving its database")
    with Neo4jClient(settings) as client, expected, client.errors():  # no connection is made
        raise stopping
