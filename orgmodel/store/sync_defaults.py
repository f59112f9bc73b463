"""Defaults of a Neo4j sync, importable without the driver.

The command line shows them in its help before it knows whether Neo4j will be used at all.

Examples
--------
>>> DEFAULT_BATCH_SIZE, DEFAULT_WORKERS
(10000, 2)
"""

from __future__ import annotations

__all__ = ["DEFAULT_BATCH_SIZE", "DEFAULT_WORKERS"]

#: Rows per write statement: big enough that round trips do not count, small enough that a
#: staging transaction stays far below the server's transaction memory (docs/neo4j.md).
DEFAULT_BATCH_SIZE = 10_000
#: Batches staged at once: two keep a two-core server busy while the client builds rows.
DEFAULT_WORKERS = 2
