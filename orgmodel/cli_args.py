"""The types of the ``orgmodel`` command's arguments.

Each refuses a bad value with a usage error (exit 2) that says what is wrong, before any work
is done.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

__all__ = ["MOST", "at_most", "iso_date", "node_id", "output_file", "output_folder",
           "positive_int", "question"]


def question(text: str) -> str:
    """An argparse type: text with something in it besides spaces.

    Examples
    --------
    >>> question(" løn ")
    ' løn '
    >>> question("  ")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: empty: give a word, a task id or a KLE number
    """
    if not text.strip():
        raise argparse.ArgumentTypeError("empty: give a word, a task id or a KLE number")
    return text


def output_file(text: str) -> Path:
    """An argparse type: a file to write, in a folder that exists (checked before any work).

    A path that is a folder, or in a folder that is not there (a typo), is refused rather than
    the folders made.

    >>> output_file("/")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: '/' is a folder: give a file name
    >>> output_file("/no-such-folder/org.html")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: no folder '/no-such-folder' to write org.html in: make it first
    """
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} is a folder: give a file name")
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(
            f"no folder {str(path.parent)!r} to write {path.name} in: make it first")
    return path


def output_folder(text: str) -> Path:
    """An argparse type: a folder to write into (made if missing, in a folder that exists).

    >>> output_folder("/etc/hostname")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: '/etc/hostname' is a file, not a folder
    """
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} is a file, not a folder")
    if not path.exists() and not path.parent.is_dir():
        raise argparse.ArgumentTypeError(
            f"no folder {str(path.parent)!r} to make {path.name} in: make it first")
    return path


#: The most any count may be: more is no count a person means (and overflows islice).
MOST = 1_000_000


def node_id(text: str) -> str:
    """An argparse type: a node's id or name, not blank (a usage error, as an empty question).

    >>> node_id(" ")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: empty: give a node's id or name
    """
    if not text.strip():
        raise argparse.ArgumentTypeError("empty: give a node's id or name")
    return text


def positive_int(text: str) -> int:
    """An argparse type: a whole number from 1 to :data:`MOST`.

    Examples
    --------
    >>> positive_int("500")
    500
    >>> positive_int("0")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: not a whole number from 1 to 1000000: '0'
    """
    return at_most(MOST)(text)


def at_most(most: int, *, least: int = 1) -> Callable[[str], int]:
    """An argparse type: a whole number from ``least`` (1) to ``most``.

    >>> at_most(1000)("99999999999999999999")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: not a whole number from 1 to 1000: '99999999999999999999'
    >>> at_most(10, least=0)("0")
    0
    """
    def whole_number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = least - 1
        if not least <= value <= most:
            raise argparse.ArgumentTypeError(
                f"not a whole number from {least} to {most}: {text!r}")
        return value

    return whole_number


def iso_date(text: str) -> date:
    """An argparse type: a day written YYYY-MM-DD.

    >>> iso_date("2024-06-01")
    datetime.date(2024, 6, 1)
    """
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (use YYYY-MM-DD): {text!r}") from None
