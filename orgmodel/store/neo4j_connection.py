"""Connecting to Neo4j: settings from the environment, short timeouts, one clear error.

The only place (with the other ``neo4j_*`` modules) that imports the ``neo4j`` driver. Every
driver failure that means "the store is not there" (server down, wrong password, bad URI,
connection lost) becomes a :class:`~orgmodel.exceptions.StoreUnavailableError` whose message
says what is wrong and how to fix it, so the CLI prints one line and the API one 503.

Settings (environment variables; the compose file and the API use the same names):

=================================  ==========================================================
``NEO4J_URI``                      ``bolt://host:7687`` or ``neo4j://host:7687`` (required)
``NEO4J_USER``                     user name (default ``neo4j``)
``NEO4J_PASSWORD``                 password (required)
``NEO4J_DATABASE``                 database name (default: the server's default database)
``ORGMODEL_NEO4J_CONNECT_TIMEOUT`` seconds to open a connection (default 3)
``ORGMODEL_NEO4J_RETRY_TIME``      seconds to retry transient errors, with exponential
                                   back-off (default 5; the driver's own default is 30)
=================================  ==========================================================

Examples
--------
>>> settings = Neo4jSettings.from_environment({"NEO4J_URI": "bolt://db:7687",
...                                            "NEO4J_PASSWORD": "secret"})
>>> settings.user, settings.connect_timeout, "secret" in repr(settings)
('neo4j', 3.0, False)
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors

from orgmodel.exceptions import StoreUnavailableError

__all__ = [
    "ENVIRONMENT_VARIABLES",
    "START_HINT",
    "Neo4jClient",
    "Neo4jSettings",
    "unavailable",
]

#: Every environment variable this module reads.
ENVIRONMENT_VARIABLES = (
    "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE",
    "ORGMODEL_NEO4J_CONNECT_TIMEOUT", "ORGMODEL_NEO4J_RETRY_TIME",
)
# The driver logs its retries as warnings; without a handler of the application's they would
# reach stderr beside the one clear line the CLI prints.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

#: How to get a server, for error messages.
START_HINT = 'start one (docker compose up -d neo4j, or eval "$(scripts/neo4j start)")'


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    text = env.get(name)
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        raise StoreUnavailableError(f"{name}={text!r} is not a number of seconds") from None
    if value <= 0:
        raise StoreUnavailableError(f"{name} must be more than 0 seconds, got {text}")
    return value


@dataclass(frozen=True)
class Neo4jSettings:
    """Where Neo4j is and how patiently to talk to it."""

    uri: str
    user: str = "neo4j"
    password: str = field(default="", repr=False)
    database: str | None = None
    connect_timeout: float = 3.0
    retry_time: float = 5.0

    @classmethod
    def from_environment(
        cls, env: Mapping[str, str] | None = None, *, uri: str | None = None,
        user: str | None = None, password_env: str = "NEO4J_PASSWORD",  # noqa: S107 - a name
    ) -> Neo4jSettings:
        """Settings from ``env`` (default: ``os.environ``); arguments override it.

        Raises
        ------
        StoreUnavailableError
            If the URI or the password is missing, or a timeout is not a positive number.
        """
        env = os.environ if env is None else env
        chosen_uri = uri or env.get("NEO4J_URI", "")
        if not chosen_uri:
            raise StoreUnavailableError(
                "NEO4J_URI is not set: export NEO4J_URI=bolt://HOST:7687 (and NEO4J_PASSWORD) "
                f"for your Neo4j server, or {START_HINT}")
        password = env.get(password_env, "")
        if not password:
            raise StoreUnavailableError(
                f"{password_env} is not set: export the password of the Neo4j user for "
                f"{chosen_uri} in {password_env}")
        return cls(
            uri=chosen_uri, user=user or env.get("NEO4J_USER") or "neo4j", password=password,
            database=env.get("NEO4J_DATABASE") or None,
            connect_timeout=_seconds(env, "ORGMODEL_NEO4J_CONNECT_TIMEOUT", 3.0),
            retry_time=_seconds(env, "ORGMODEL_NEO4J_RETRY_TIME", 5.0),
        )


def unavailable(exc: Exception, settings: Neo4jSettings) -> StoreUnavailableError:
    """The clear, one-line error for a driver failure that means Neo4j cannot be used."""
    text = str(exc)
    reason = (text.splitlines()[0].rstrip(":") if text else type(exc).__name__)
    if "refused" in text or "Errno 111" in text:
        reason = "connection refused"
    elif "timed out" in text.lower():
        reason = f"no answer within {settings.connect_timeout:g} s"
    if isinstance(exc, neo4j_errors.AuthError):
        return StoreUnavailableError(
            f"Neo4j at {settings.uri} refused user {settings.user!r} (wrong password?): set "
            "NEO4J_USER and NEO4J_PASSWORD to the server's credentials")
    if isinstance(exc, neo4j_errors.ConfigurationError | ValueError):
        return StoreUnavailableError(
            f"NEO4J_URI {settings.uri!r} is not usable ({reason}): use bolt://HOST:7687")
    if is_database_unavailable(exc):
        return StoreUnavailableError(
            f"Neo4j at {settings.uri} stopped serving its database (shutting down or starting); "
            "the unfinished transaction was rolled back: try again when it is up")
    if isinstance(exc, neo4j_errors.SessionExpired | neo4j_errors.IncompleteCommit):
        return StoreUnavailableError(
            f"lost the connection to Neo4j at {settings.uri} ({reason}); the unfinished "
            "transaction was rolled back: check the server and try again")
    return StoreUnavailableError(
        f"cannot reach Neo4j at {settings.uri} ({reason}): is the server running? "
        f"Check NEO4J_URI, or {START_HINT}")


def is_database_unavailable(exc: Exception) -> bool:
    """Tell whether the server answered that its database is not serving (stopping, starting).

    The server's answer, not the driver's, so it is no ``ServiceUnavailable``: a server
    stopped in the middle of a load sends it to the transactions still open.
    """
    return isinstance(exc, neo4j_errors.DatabaseUnavailable)


#: Driver errors that mean "the store cannot be used" rather than "this query is wrong".
_UNAVAILABLE: tuple[type[Exception], ...] = (
    neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, neo4j_errors.AuthError,
    neo4j_errors.ConfigurationError, neo4j_errors.IncompleteCommit,
    neo4j_errors.ConnectionAcquisitionTimeoutError, neo4j_errors.DatabaseUnavailable, OSError,
)


class Neo4jClient:
    """A driver with short timeouts, bounded retries and errors translated for people.

    Queries are the constants of :mod:`orgmodel.store.neo4j_cypher` (never user text).
    Reads and writes go through :meth:`read` and :meth:`write`; both retry transient errors
    with exponential back-off for at most ``settings.retry_time`` seconds. Close the client
    when done (it is a context manager).
    """

    def __init__(self, settings: Neo4jSettings) -> None:
        self.settings = settings
        try:
            self.driver = neo4j.GraphDatabase.driver(
                settings.uri, auth=(settings.user, settings.password),
                connection_timeout=settings.connect_timeout,
                connection_acquisition_timeout=settings.connect_timeout + settings.retry_time,
                max_transaction_retry_time=settings.retry_time,
                notifications_min_severity="OFF",
            )
        except (neo4j_errors.ConfigurationError, ValueError) as exc:
            raise unavailable(exc, settings) from None

    @classmethod
    def connect(cls, settings: Neo4jSettings) -> Neo4jClient:
        """Open a client and check at once that the server answers and takes the password."""
        client = cls(settings)
        try:
            with client.errors():
                client.driver.verify_connectivity()
                client.driver.verify_authentication()
        except StoreUnavailableError:
            client.close()
            raise
        return client

    def close(self) -> None:
        """Close the driver and its connections."""
        self.driver.close()

    def __enter__(self) -> Neo4jClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Turn driver failures that mean "Neo4j is unusable" into StoreUnavailableError."""
        try:
            yield
        except _UNAVAILABLE as exc:
            raise unavailable(exc, self.settings) from None

    def read(self, query: str, **params: Any) -> list[neo4j.Record]:
        """Run a read query; return its records.

        An auto-commit query (one round trip, where a managed transaction takes two), retried
        on transient errors with exponential back-off for at most ``settings.retry_time``.
        """
        return self.read_state(query, **params)[0]

    def read_state(self, query: str, **params: Any) -> tuple[list[neo4j.Record], str]:
        """Run a read query like :meth:`read`; return its records and the state it read.

        The state is the read's bookmark: Neo4j gives a read the bookmark of the last
        transaction committed before it, so two reads give the same state exactly when no
        write, by any client, was committed between them (Neo4j Browser and cypher-shell
        included). Opaque: compare states, never parse them.
        """
        deadline = time.monotonic() + self.settings.retry_time
        delay = 0.1
        with self.errors():
            while True:
                try:
                    with self.session() as session:
                        records = list(session.run(query, params))
                        return records, "|".join(sorted(session.last_bookmarks().raw_values))
                except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
                    if not exc.is_retryable() or time.monotonic() + delay > deadline:
                        raise
                time.sleep(delay)
                delay = min(delay * 2, 2.0)

    def write(self, query: str, **params: Any) -> list[neo4j.Record]:
        """Run a write query in its own transaction (retried on transient errors)."""
        with self.errors():
            records, _, _ = self.driver.execute_query(
                query, params, routing_=neo4j.RoutingControl.WRITE,
                database_=self.settings.database)
        return records

    def run_implicit(self, query: str, **params: Any) -> None:
        """Run a statement in an implicit transaction (needed by ``CALL {...} IN TRANSACTIONS``)."""
        with self.errors(), self.session() as session:
            session.run(query, params).consume()

    def session(self) -> neo4j.Session:
        """A session on the configured database (for multi-statement transactions)."""
        return self.driver.session(database=self.settings.database)
