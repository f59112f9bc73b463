"""The ``orgmodel`` command's entry point: Ctrl-C while the command line loads is no traceback.

:mod:`orgmodel.cli` imports the domain (networkx, pydantic, the vocabulary) before its
``main`` can catch anything: a Ctrl-C in that first half second printed a traceback through
importlib. This module imports nothing heavy itself and catches it.
"""

from __future__ import annotations

import sys

__all__ = ["run"]


def run() -> int:
    """Load the command line and run it; 130 if interrupted while loading."""
    try:
        from orgmodel.cli import main
    except KeyboardInterrupt:
        print("orgmodel: interrupted", file=sys.stderr)
        return 130
    return main()
