"""``orgmodel load DIR --neo4j``: a validated data folder synced into Neo4j.

The CLI validates the folder first (nothing is written when it has problems); this module
connects, syncs (see :mod:`.neo4j_sync`), shows progress on stderr for long loads and prints a
summary of what was added, changed and removed.
"""

from __future__ import annotations

import json
import sys
import time
from typing import TextIO

from orgmodel.dataset import Dataset
from orgmodel.messages import Lang
from orgmodel.store.neo4j_connection import Neo4jClient, Neo4jSettings
from orgmodel.store.neo4j_sync import SyncReport, sync_dataset
from orgmodel.store.sync_defaults import DEFAULT_BATCH_SIZE, DEFAULT_WORKERS

__all__ = ["ProgressPrinter", "load_into_neo4j"]

_BATCH = ("parti", "batch")


class ProgressPrinter:
    """Prints ``batch done/total`` lines on a stream, at most every ``interval`` seconds."""

    def __init__(self, stream: TextIO, interval: float = 1.0, lang: Lang = "en") -> None:
        self.stream, self.interval, self.lang = stream, interval, lang
        self._last = 0.0

    def __call__(self, done: int, total: int, what: str) -> None:
        """Report one finished batch (the first and the last are always shown)."""
        now = time.monotonic()
        if done in (1, total) or now - self._last >= self.interval:
            self._last = now
            print(f"orgmodel: load: {_BATCH[self.lang == 'en']} {done}/{total} ({what})",
                  file=self.stream, flush=True)


def load_into_neo4j(
    dataset: Dataset, *, uri: str | None = None, user: str | None = None,
    password_env: str = "NEO4J_PASSWORD",  # noqa: S107 - the name of a variable
    prune: bool = True, batch_size: int = DEFAULT_BATCH_SIZE, workers: int = DEFAULT_WORKERS,
    as_json: bool = False, verify: bool = False, lang: Lang = "en",
) -> SyncReport:
    """Sync ``dataset`` into the Neo4j the environment (or the arguments) name; print a summary.

    Raises
    ------
    StoreUnavailableError
        If Neo4j is not reachable or refuses the credentials; nothing is written.
    OrgModelError
        If the load fails (e.g. another write came in between); nothing is written.
    """
    settings = Neo4jSettings.from_environment(uri=uri, user=user, password_env=password_env)
    nodes, edges, sources = (("noder", "relationer", "kilder"), ("nodes", "edges", "sources")
                             )[lang == "en"]
    print(f"orgmodel: load: {len(dataset.nodes)} {nodes}, {len(dataset.edges)} {edges}, "
          f"{len(dataset.sources)} {sources} -> {settings.uri}", file=sys.stderr, flush=True)
    started = time.monotonic()
    with Neo4jClient.connect(settings) as client:
        report = sync_dataset(client, dataset, prune=prune, batch_size=batch_size,
                              workers=workers, progress=ProgressPrinter(sys.stderr, lang=lang),
                              verify=verify)
    seconds = time.monotonic() - started
    if as_json:
        print(json.dumps({
            "changed": report.changed, "version": report.version, "seconds": round(seconds, 3),
            "overwritten": report.overwritten,
            **{part: vars(getattr(report, part)) for part in ("nodes", "edges", "sources")},
        }, indent=2))
    else:
        print(report.summary(lang))
        print(f"({seconds:.1f} s)", file=sys.stderr)
    return report
