"""Usage errors of the ``orgmodel`` command, in the language its answers are given in.

argparse prints its own errors, in English, and exits. The command's parser raises
:class:`UsageError` instead, and :func:`orgmodel.cli.main` prints it in Danish (the default) or
English, as ``--lang`` or ``ORGMODEL_LANG`` ask: a Danish administrator who leaves out a
node's id is told so in Danish, as the answer would have been.

Examples
--------
>>> parser = UsageParser(prog="orgmodel chain")
>>> _ = parser.add_argument("ID")
>>> try:
...     parser.parse_args([])
... except UsageError as exc:
...     print(exc.text("da"))
brug: orgmodel chain [-h] ID
orgmodel chain: fejl: disse argumenter mangler: ID
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Sequence
from typing import NoReturn

from orgmodel.messages import Lang

__all__ = ["UsageError", "UsageParser", "in_danish", "language_asked"]


class UsageError(Exception):
    """A command line argparse refuses: the parser's usage and what is wrong, in English."""

    def __init__(self, prog: str, usage: str, message: str) -> None:
        super().__init__(message)
        self.prog, self.usage, self.message = prog, usage, message

    def text(self, lang: Lang) -> str:
        """The usage and the error, as argparse would print them, in ``lang``."""
        if lang == "en":
            return f"{self.usage.rstrip()}\n{self.prog}: error: {self.message}"
        usage = re.sub(r"^usage: ", "brug: ", self.usage.rstrip())
        return f"{usage}\n{self.prog}: fejl: {in_danish(self.message)}"


class UsageParser(argparse.ArgumentParser):
    """An argument parser that raises :class:`UsageError` rather than printing and exiting.

    Its sub-commands' parsers are of this class too (argparse makes them of their parent's).
    """

    def error(self, message: str) -> NoReturn:
        """Raise the error, for :func:`orgmodel.cli.main` to print in the language asked."""
        raise UsageError(self.prog, self.format_usage(), message)


#: argparse's messages and the argument types' own (:mod:`orgmodel.cli_args`, the views'
#: commands), as (pattern, Danish): the patterns match the whole message; groups are kept.
_SHAPES: tuple[tuple[str, str], ...] = (
    (r"argument (.+?): (.+)", "argument {0}: {1}"),
    (r"the following arguments are required: (.+)", "disse argumenter mangler: {0}"),
    (r"unrecognized arguments: (.+)", "ukendte argumenter: {0}"),
    (r"one of the arguments (.+) is required", "et af argumenterne {0} skal gives"),
    (r"not allowed with argument (.+)", "kan ikke gives sammen med argument {0}"),
    (r"ignored explicit argument (.+)", "tager ingen værdi, men fik {0}"),
    (r"expected one argument", "skal have en værdi"),
    (r"expected at most one argument", "kan have højst én værdi"),
    (r"expected at least one argument", "skal have mindst én værdi"),
    (r"expected (\d+) arguments?", "skal have {0} værdier"),
    (r"ambiguous option: (.+) could match (.+)", "tvetydigt tilvalg: {0} kan være {1}"),
    (r"unexpected option string: (.+)", "uventet tilvalg: {0}"),
    (r"invalid choice: (.+) \(choose from (.+)\)", "ugyldigt valg: {0} (vælg mellem {1})"),
    (r"invalid (.+) value: (.+)", "ugyldig værdi: {1}"),
    (r"can't open '(.+)': (.+)", "kan ikke åbne '{0}': {1}"),
    (r"empty: give a word, a task id or a KLE number",
     "tom: skriv et ord, et opgave-id eller et KLE-nummer"),
    (r"empty: give a node's id or name", "tom: skriv en nodes id eller navn"),
    (r"(.+) is a folder: give a file name", "{0} er en mappe: skriv et filnavn"),
    (r"no folder (.+) to write (.+) in: make it first",
     "ingen mappe {0} at skrive {1} i: opret den først"),
    (r"(.+) is a file, not a folder", "{0} er en fil, ikke en mappe"),
    (r"no folder (.+) to make (.+) in: make it first",
     "ingen mappe {0} at oprette {1} i: opret den først"),
    (r"not a whole number from 1 to (\d+): (.+)", "ikke et helt tal fra 1 til {0}: {1}"),
    (r"not a date \(use YYYY-MM-DD\): (.+)", "ikke en dato (skriv ÅÅÅÅ-MM-DD): {0}"),
    (r"ORGMODEL_LANG must be da or en, not (.+)", "ORGMODEL_LANG skal være da eller en, ikke {0}"),
    (r"give a post's id or name \(or leave --post out for (.+)\)",
     "skriv en stillings id eller navn (eller udelad --post for {0})"),
)


def in_danish(message: str) -> str:
    """``message`` (argparse's, or an argument type's) in Danish; as it is if it has no shape.

    >>> in_danish("argument --as-of: not a date (use YYYY-MM-DD): '2024-13-01'")
    "argument --as-of: ikke en dato (skriv ÅÅÅÅ-MM-DD): '2024-13-01'"
    >>> in_danish("argument COMMAND: invalid choice: 'bogus' (choose from 'a', 'b')")
    "argument COMMAND: ugyldigt valg: 'bogus' (vælg mellem 'a', 'b')"
    >>> in_danish("something argparse may say one day")
    'something argparse may say one day'
    """
    for pattern, danish in _SHAPES:
        if matched := re.fullmatch(pattern, message, flags=re.DOTALL):
            parts = matched.groups()
            if pattern.startswith("argument "):  # the argument's own message has a shape too
                parts = (parts[0], in_danish(parts[1]))
            return danish.format(*parts)
    return message


def language_asked(argv: Sequence[str]) -> Lang:
    """The language of a command line's output: its last ``--lang``, else ``ORGMODEL_LANG``.

    Read from the words as typed, for a line argparse could not read.

    >>> language_asked(["chain", "--lang", "en"]), language_asked(["chain", "--lang=en"])
    ('en', 'en')
    >>> language_asked(["--lang", "en", "chain", "--lang", "da"])
    'da'
    """
    asked = os.environ.get("ORGMODEL_LANG", "da")
    for i, word in enumerate(argv):
        if word == "--lang" and i + 1 < len(argv):
            asked = argv[i + 1]
        elif word.startswith("--lang="):
            asked = word.partition("=")[2]
    return "en" if asked == "en" else "da"
