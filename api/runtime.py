"""The store as the API reaches it: opened in the lifespan, every call bounded in time.

:class:`StoreAccess` opens whichever store :func:`orgmodel.store.open_store` gives (the
embedded graph of the data folder, or Neo4j when ``NEO4J_URI`` is set). A store that cannot be
reached at start is opened again on the next request, so the API recovers by itself when Neo4j
comes back; nothing broken is cached.

Calls to a remote store run in worker threads and give up after ``store_timeout`` seconds
(503, never a hanging request); the thread is abandoned, not killed, and a limiter caps how
many can pile up. The embedded store answers reads from memory in microseconds, so those run
inline on the event loop; its writes (which rebuild the search index) run in a thread.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import ParamSpec, TypeVar

import anyio
import anyio.to_thread

from api.errors import ApiProblemError
from api.settings import Settings
from api.versions import VersionProbe
from orgmodel.contract import OrgStore, WritableStore
from orgmodel.dataset import Dataset
from orgmodel.exceptions import DataValidationError, StoreUnavailableError
from orgmodel.loader import load_dataset

__all__ = ["WRITE_DEADLINE", "StoreAccess", "StoreHandle", "is_local"]

P = ParamSpec("P")
T = TypeVar("T")
log = logging.getLogger("api")
_MAX_THREADS = 32
#: Seconds a write to a remote store may take, its wait for the writes before it included:
#: far beyond a queue's wait, for a store that hangs.
WRITE_DEADLINE = 120.0


class StoreHandle:
    """The open store and how to call it: reads inline or in a thread, all with a deadline."""

    def __init__(self, store: OrgStore, *, timeout: float, limiter: anyio.CapacityLimiter,
                 write_limiter: anyio.CapacityLimiter | None = None) -> None:
        self.store = store
        self.timeout = timeout
        self._limiter = limiter
        self._write_limiter = write_limiter or anyio.CapacityLimiter(1)
        self.local = is_local(store)
        self.writable: WritableStore | None = store if isinstance(store, WritableStore) else None
        read_version = getattr(store, "graph_version", None)
        self._probe: VersionProbe[object] | None = None
        if not self.local and callable(read_version):
            self._probe = VersionProbe(partial(self.offload, read_version))

    async def version(self) -> object:
        """The store's version as of now, or ``None`` if it has none (answers not reusable).

        The embedded store knows it in memory; a remote one is asked (one read shared by the
        requests that arrive meanwhile, see :mod:`api.versions`). Raises like a store call
        (StoreUnavailableError, TimeoutError) when the store does not answer.
        """
        if self._probe is not None:
            return await self._probe.confirm()
        return getattr(self.store, "version", None) if self.local else None

    async def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Call a read function of the store (or one built on it) and return its answer."""
        if self.local:
            return fn(*args, **kwargs)
        return await self.offload(fn, *args, **kwargs)

    async def offload(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Call ``fn`` in a worker thread; raise TimeoutError after the deadline."""
        call = partial(fn, *args, **kwargs)
        if self.local:  # in-process work: let it finish rather than leave it half done
            return await anyio.to_thread.run_sync(call, limiter=self._limiter)
        with anyio.fail_after(self.timeout):
            return await anyio.to_thread.run_sync(call, abandon_on_cancel=True,
                                                  limiter=self._limiter)

    async def write(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Call a write (or the read that answers it) in a worker thread and await its outcome.

        Not the reads' deadline: writes queue behind each other (one at a time, in their own
        limiter, so reads keep their threads), and a write answered 503 after waiting its turn
        went through all the same; told to try again, its caller met 409. A store that is away
        still fails a write (the driver's own timeouts), as StoreUnavailableError; one that
        hangs gives TimeoutError (503) after ``WRITE_DEADLINE`` seconds. The embedded store's
        writes finish, as its other work does.
        """
        call = partial(fn, *args, **kwargs)
        if self.local:
            return await anyio.to_thread.run_sync(call, limiter=self._write_limiter)
        with anyio.fail_after(WRITE_DEADLINE):
            return await anyio.to_thread.run_sync(call, abandon_on_cancel=True,
                                                  limiter=self._write_limiter)

    def editor(self) -> WritableStore:
        """Return the store as a writable one, or answer 501 if it takes no edits."""
        if self.writable is None:
            raise ApiProblemError(501, "this store does not take edits")
        return self.writable


def is_local(store: OrgStore) -> bool:
    """Whether ``store`` is the embedded store (in this process, no server to ask)."""
    from orgmodel.store.memory import MemoryStore
    from orgmodel.store.memory_writes import EditableMemoryStore

    return isinstance(store, MemoryStore | EditableMemoryStore)


class StoreAccess:
    """Opens the store once it can, and hands out :class:`StoreHandle` s."""

    def __init__(self, settings: Settings, loaded: Dataset | None = None) -> None:
        self.settings = settings
        # The data folder as `orgmodel serve` checked it before start: not read a second time.
        self._loaded = loaded
        self._handle: StoreHandle | None = None
        self._lock = asyncio.Lock()
        self._limiter = anyio.CapacityLimiter(_MAX_THREADS)
        self._warming: asyncio.Task[None] | None = None

    def _open(self) -> OrgStore:
        from orgmodel.store import open_store

        loaded, self._loaded = self._loaded, None  # once: a reopened store reads the folder
        return open_store(data_dir=self.settings.data_dir, use_neo4j=self.settings.use_neo4j,
                          audit_file=self.settings.audit_file, loaded=loaded,
                          replay_audit=self.settings.replay_audit)

    async def start(self) -> None:
        """Open the store at start: invalid data fails here; an unreachable Neo4j is retried.

        A remote store is then warmed up in the background: Neo4j plans each query on first
        use, which can take longer than the request deadline. The embedded one builds its typo
        index in the background (:func:`prepare_typos`).
        """
        try:
            handle = await self.handle()
        except (StoreUnavailableError, TimeoutError) as exc:
            log.warning("store not reachable at start (%s); retrying on each request", exc)
            return
        # The embedded store needs no plans, but its typo index is built on first use (a write
        # builds a new state, and need not wait for one): the first question need not either.
        warm = warm_up if not handle.local else prepare_typos
        self._warming = asyncio.create_task(anyio.to_thread.run_sync(
            warm, handle.store, abandon_on_cancel=True, limiter=self._limiter))

    @property
    def current(self) -> StoreHandle | None:
        """Return the open store, or ``None`` if it is not open (yet)."""
        return self._handle

    async def handle(self) -> StoreHandle:
        """Return the open store, opening it first if needed (StoreUnavailableError if not)."""
        handle = self._handle
        if handle is not None:
            return handle
        async with self._lock:
            if self._handle is None:
                if self.settings.use_neo4j:
                    with anyio.fail_after(self.settings.store_timeout):
                        store = await anyio.to_thread.run_sync(
                            self._open, abandon_on_cancel=True, limiter=self._limiter)
                else:  # loading the data folder: no deadline, an invalid folder fails start
                    store = await anyio.to_thread.run_sync(self._open, limiter=self._limiter)
                if hasattr(store, "cache_size"):  # the embedded store keeps answers per version
                    store.cache_size = self.settings.query_cache
                self._handle = StoreHandle(store, timeout=self.settings.store_timeout,
                                           limiter=self._limiter)
                log.info("store open: %s", type(store).__name__)
            return self._handle

    async def close(self) -> None:
        """Close the store if it has something to close (e.g. the Neo4j driver)."""
        if self._warming is not None:
            self._warming.cancel()
            with suppress(asyncio.CancelledError):
                await self._warming
        if self._handle is not None:
            if self._handle.local:
                _say_what_ends(self._handle.store, self.settings)
            closer = getattr(self._handle.store, "close", None)
            self._handle = None
            if callable(closer):
                try:  # abandoned calls may still hold connections; shut down regardless
                    await anyio.to_thread.run_sync(closer)
                except Exception:
                    log.warning("closing the store failed", exc_info=True)


def _say_what_ends(store: OrgStore, settings: Settings) -> None:
    """Say where the embedded store's edits go when the process ends, if there were any.

    Into the data folder when they were exported there (``orgmodel export-data DIR --replace
    --url``): the next start reads them there. Into the audit file, which the next start makes
    again over the folder. Else they end with the process: a warning.
    """
    log_of = getattr(store, "audit_log", None)
    edits = len(log_of(limit=1_000_000)) if callable(log_of) else 0
    if edits and _holds_the_graph(settings.data_dir, store):
        log.info("%d edit(s) made over the API are in the data folder %s", edits,
                 settings.data_dir)
    elif edits and settings.audit_file is not None and settings.replay_audit:
        log.info("%d edit(s) made over the API are kept in the audit file %s: the next start "
                 "makes them again over the data folder %s (orgmodel export-data DIR "
                 "--audit-file %s writes them into data files)", edits, settings.audit_file,
                 settings.data_dir, settings.audit_file)
    elif edits:
        kept = (f"the audit file {settings.audit_file} keeps what they were (orgmodel history "
                "--file), not made again at start (ORGMODEL_REPLAY_AUDIT=false)"
                if settings.audit_file else "no audit file keeps what they were")
        log.warning("%d edit(s) made over the API end with this process (the embedded store "
                    "holds them in memory; orgmodel export-data DIR --url exports them while it "
                    "runs); %s", edits, kept)


#: A misspelt word ("budgetopfølgning"): searching it builds the typo index.
_A_TYPO = "budgetopfolgnig"


def prepare_typos(store: OrgStore) -> None:
    """Build what a question with a typo would otherwise wait for (answer ignored)."""
    try:
        store.search(_A_TYPO, limit=1)
    except Exception as exc:  # only the side effect matters
        log.info("typo index not prepared: %s", exc)


def warm_up(store: OrgStore) -> None:
    """Ask each kind of question once (answers and errors ignored), so plans are ready."""
    try:
        page = store.list_nodes(limit=1)
        first = page.items[0].id if page.items else "unit:x"
        questions: list[Callable[[], object]] = [
            lambda: store.node(first), lambda: store.edges_of(first),
            lambda: store.chain(first), lambda: store.members(first),
            lambda: store.memberships(first), lambda: store.responsibilities(first),
            lambda: store.neighbourhood(first), lambda: store.subtree(first),
            lambda: store.paths(first, first), lambda: store.search("a"),
            lambda: store.owners("00"), lambda: store.owners("løn"),
            lambda: store.search(_A_TYPO),
            lambda: store.list_nodes(text="a"),
        ]
    except Exception as exc:
        log.info("warm-up skipped: %s", exc)
        return
    for question in questions:
        try:
            question()
        except Exception:  # noqa: S112 - only the side effect (warm plans) matters
            continue


def _holds_the_graph(data_dir: Path, store: OrgStore) -> bool:
    """Whether the data folder now holds the graph as the store has it (its edits exported)."""
    if not isinstance(store, WritableStore):
        return False
    try:
        on_disk, held = load_dataset(data_dir), store.dataset()
    except (DataValidationError, OSError):
        return False
    return (on_disk.nodes, on_disk.edges, on_disk.sources) == (held.nodes, held.edges,
                                                                held.sources)
