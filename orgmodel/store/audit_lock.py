"""One writer per audit file: a second server writing the same file is refused at start.

Two processes appending to one audit file numbered their entries alike (each carries on from
the last line it read at start): two entries #95, and a history that no longer tells which
write came first. The writer holds an exclusive advisory lock (``flock``) on the file for as
long as it runs; readers (``orgmodel history --file``) take none.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> audit = Path(tempfile.mkdtemp()) / "audit.jsonl"
>>> held = hold(audit)
>>> check_free(audit)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
orgmodel.store.audit_lock.AuditFileInUseError: the audit file ... is in use by another ...
>>> held.close()
>>> check_free(audit)
"""

from __future__ import annotations

import fcntl
from pathlib import Path
from typing import IO

from orgmodel.exceptions import OrgModelError

__all__ = ["AuditFileInUseError", "check_free", "hold"]


class AuditFileInUseError(OrgModelError):
    """Another process writes the audit file."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"the audit file {path} is in use by another orgmodel server: two writers would "
            "number their entries alike; stop the other server, or give this one its own "
            "file (ORGMODEL_AUDIT_FILE)")


def hold(path: Path) -> IO[str]:
    """Lock ``path`` for this process's writes until the returned file is closed."""
    handle = path.open("a", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise AuditFileInUseError(path) from None
    return handle


def check_free(path: Path) -> None:
    """Raise :class:`AuditFileInUseError` if another writer holds ``path`` (then let it go)."""
    if path.exists():
        hold(path).close()
