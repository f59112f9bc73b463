"""KLE, the Danish municipal task classification: parsing OS2KLE and the project's subset.

OS2KLE ships one topic a line::

    KLENummer='81.15.00':KLETitel='Løn i almindelighed':Keywords[Weight]=løn[5];lønning[5];

The project keeps only the topics it uses, as YAML (``data/kle/kle.yaml``), written by
``python -m orgmodel.kle SOURCE --numbers ... --out data/kle/kle.yaml``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from orgmodel.text import fold

__all__ = [
    "KLE_NUMBER_RE", "MAX_KEYWORDS", "KleFormatError", "KleTopic", "convert_os2kle", "import_main",
    "is_kle_number", "kle_group_asked", "load_kle_subset", "parse_os2kle", "useful_keywords",
    "write_kle_subset",
]

KLE_NUMBER_RE = re.compile(r"\d{2}(?:\.\d{2}){0,2}")
"""A KLE main group ("81"), group ("81.15") or topic ("81.15.00"); use with ``fullmatch``."""

MAX_KEYWORDS = 40

_PREFIX = "KLENummer='"
_TITLE_SEP = "':KLETitel='"
_KEYWORDS_SEP = "':Keywords[Weight]="
# A keyword ends at "[weight];" (or "[weight]" at end of line); the text before may itself
# hold brackets, quotes, commas or semicolons, so the weight marker is the only delimiter.
_KEYWORD_RE = re.compile(r"(.*?)\[(-?\d+)\](?:;|$)")
# OS2KLE carries classifier codes such as "ok01", "in 123m_2021_01" or "A1.234.56" next to
# real words; they are noise for people and for search.
_CODE_RE = re.compile(r"[a-z]{1,4} ?\d[\w.]*|[\w ]*_[\w ]*", re.IGNORECASE)
# Form numbers ("Blanket 0117", "Nr. 7913 Dafolo") identify paper forms, not tasks.
_FORM_RE = re.compile(r"\b(?:blanket\w*|nr)\.?\s*\d", re.IGNORECASE)
_CODE_WEIGHT = 1000  # OS2KLE gives its classifier codes weight 1000 or more
_MAX_KEYWORD_LEN = 60


class KleFormatError(ValueError):
    """A line of an OS2KLE file that cannot be read.

    Examples
    --------
    >>> str(KleFormatError("kle.txt", 3, "no title"))
    'kle.txt:3: no title'
    """

    def __init__(self, filename: str, line: int, message: str) -> None:
        super().__init__(f"{filename}:{line}: {message}")
        self.filename, self.line, self.message = filename, line, message


@dataclass(frozen=True)
class KleTopic:
    """One KLE topic.

    ``keywords`` are ordered by weight, highest first; ``weights`` is parallel to them when
    known (parsed from OS2KLE) and empty when not (loaded from the project's subset).
    """

    number: str
    title: str
    keywords: tuple[str, ...]
    weights: tuple[int, ...] = ()


def is_kle_number(s: str) -> bool:
    """Tell whether ``s`` is a KLE number: ``NN``, ``NN.NN`` or ``NN.NN.NN``.

    Examples
    --------
    >>> is_kle_number("81.15.00"), is_kle_number("81.15"), is_kle_number("81.1")
    (True, True, False)
    """
    return KLE_NUMBER_RE.fullmatch(s) is not None


# A main group's two digits said as one: after the word "KLE" ("kle 81 …") or ending the
# question ("hvem har ansvaret for 81?"); elsewhere two digits are a count or a year's end
# ("de sidste 10 år"), which the search leaves out as naming no work.
_GROUP_ASKED = re.compile(r"(?:\bkle\s+(\d{2})|(?<![\w.,-])(\d{2})[\s?!.]*$)(?![\w.,-])",
                          re.IGNORECASE)


def kle_group_asked(question: str) -> str | None:
    """The KLE main group a question names by its number, as the last word or after "KLE".

    Examples
    --------
    >>> kle_group_asked("hvem har ansvaret for 81?"), kle_group_asked("kle 81 tak")
    ('81', '81')
    >>> kle_group_asked("hvem har haft ansvaret de sidste 10 år"), kle_group_asked("81.15")
    (None, None)
    """
    found = _GROUP_ASKED.search(question.strip())
    return (found.group(1) or found.group(2)) if found else None


def _parse_keywords(text: str, filename: str, line: int) -> tuple[tuple[str, int], ...]:
    pairs: list[tuple[str, int]] = []
    pos = 0
    while pos < len(text):
        m = _KEYWORD_RE.match(text, pos)
        if m is None or m.end() == pos:
            raise KleFormatError(filename, line, f"keyword without [weight] at {text[pos:][:40]!r}")
        pairs.append((m.group(1).strip(), int(m.group(2))))
        pos = m.end()
    # Stable sort: equal weights keep the file's order.
    return tuple(sorted(pairs, key=lambda p: -p[1]))


def _parse_line(raw: str, filename: str, line: int) -> KleTopic:
    number_end = raw.find(_TITLE_SEP)
    title_end = raw.find(_KEYWORDS_SEP, number_end + 1)
    if not raw.startswith(_PREFIX) or number_end < 0 or title_end < 0:
        expected = "expected KLENummer='…':KLETitel='…':Keywords[Weight]=…"
        raise KleFormatError(filename, line, expected)
    number = raw[len(_PREFIX) : number_end]
    if not is_kle_number(number):
        raise KleFormatError(filename, line, f"bad KLE number {number!r}")
    title = raw[number_end + len(_TITLE_SEP) : title_end].strip()
    if not title:
        raise KleFormatError(filename, line, f"empty title for {number}")
    pairs = _parse_keywords(raw[title_end + len(_KEYWORDS_SEP) :], filename, line)
    return KleTopic(number, title, tuple(k for k, _ in pairs), tuple(w for _, w in pairs))


def parse_os2kle(text: str, *, filename: str = "<string>") -> list[KleTopic]:
    """Parse OS2KLE text into topics, in file order (blank lines, BOM and CRLF are fine).

    Raises
    ------
    KleFormatError
        Naming ``filename`` and the line, for the first line that is not a new topic.

    Examples
    --------
    >>> line = "KLENummer='81.15.00':KLETitel='Løn':Keywords[Weight]=ok01[1000];Løn[5];løn, 2[10];"
    >>> [topic] = parse_os2kle(line)
    >>> topic.number, topic.title, topic.keywords, topic.weights
    ('81.15.00', 'Løn', ('ok01', 'løn, 2', 'Løn'), (1000, 10, 5))
    """
    topics: list[KleTopic] = []
    seen: set[str] = set()
    for line_no, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        topic = _parse_line(stripped, filename, line_no)
        if topic.number in seen:
            raise KleFormatError(filename, line_no, f"KLE number {topic.number} given twice")
        seen.add(topic.number)
        topics.append(topic)
    return topics


def _clean_keyword(keyword: str, weight: int = 0) -> str | None:
    # "Folkeskoleloven §9" and "Folkeskoleloven §19" say the same thing to a searcher.
    keyword = keyword.split("§", 1)[0].strip(" ,.-")
    code = _CODE_RE.fullmatch(keyword) or _FORM_RE.search(keyword)
    if code or sum(ch.isalpha() for ch in keyword) < 2 or len(keyword) > _MAX_KEYWORD_LEN:
        return None
    return None if weight >= _CODE_WEIGHT and any(c.isdigit() for c in keyword) else keyword


def useful_keywords(topic: KleTopic) -> list[str]:
    """The topic's keywords for people and search: weightiest first, codes and repeats dropped."""
    kept: list[str] = []
    seen: set[str] = {fold(topic.title)}
    weights = topic.weights or (0,) * len(topic.keywords)
    for keyword, weight in zip(topic.keywords, weights, strict=True):
        clean = _clean_keyword(keyword, weight)
        if clean is not None and fold(clean) not in seen and len(kept) < MAX_KEYWORDS:
            seen.add(fold(clean))
            kept.append(clean)
    return kept


_HEADER = f"""\
# KLE topics used by orgmodel: a subset of OS2KLE v3.23 (KLE, February 2026).
# Source: OS2KLE, licensed under the Mozilla Public License 2.0 (MPL-2.0).
# Keywords: the {MAX_KEYWORDS} weightiest per topic, classifier codes dropped.
# Generated by `python -m orgmodel.kle OS2KLE.txt --numbers ... --out data/kle/kle.yaml`.
"""


def _quote(text: str) -> str:
    # A JSON string is a valid double-quoted YAML scalar: no reader takes "81.15" for a number.
    return json.dumps(text, ensure_ascii=False)


def write_kle_subset(topics: Iterable[KleTopic], numbers: Iterable[str]) -> str:
    r"""Render the topics named by ``numbers`` (ordered by number) as the project's KLE YAML.

    Raises
    ------
    ValueError
        If a number is malformed or not among ``topics``.

    Examples
    --------
    >>> topic = KleTopic("81.15.00", "Løn i almindelighed", ("ok01", "Lønning", "Løn"))
    >>> print(write_kle_subset([topic], ["81.15.00"]).split("\n", 4)[-1])
    topics:
      - number: "81.15.00"
        title: "Løn i almindelighed"
        keywords:
          - "Lønning"
          - "Løn"
    <BLANKLINE>
    """
    by_number = {t.number: t for t in topics}
    wanted = sorted(set(numbers))
    for problem, bad in [
        ("not KLE numbers", [n for n in wanted if not is_kle_number(n)]),
        ("unknown KLE numbers", [n for n in wanted if n not in by_number]),
    ]:
        if bad:
            raise ValueError(f"{problem}: {', '.join(bad)}")
    lines = [_HEADER + "topics:"]
    for number in wanted:
        keywords = useful_keywords(by_number[number])
        lines += [f"  - number: {_quote(number)}", f"    title: {_quote(by_number[number].title)}"]
        lines += ["    keywords:"] + [f"      - {_quote(k)}" for k in keywords]
        if not keywords:
            lines[-1] += " []"
    return "\n".join(lines) + "\n"


def load_kle_subset(path: str | Path) -> dict[str, KleTopic]:
    """Read a file written by :func:`write_kle_subset`: topics by number, without weights.

    Raises
    ------
    OSError
        If the file cannot be read.
    ValueError
        If the content is not a KLE subset.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp) / "kle.yaml"
    ...     _ = p.write_text("topics: [{number: '81.15.00', title: Løn, keywords: [løn]}]")
    ...     load_kle_subset(p)["81.15.00"].keywords
    ('løn',)
    """
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc
    items = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ValueError(f"{path}: expected a mapping with a 'topics' list")
    result: dict[str, KleTopic] = {}
    for i, item in enumerate(items, start=1):
        item = item if isinstance(item, dict) else {}
        number, title, keywords = item.get("number"), item.get("title"), item.get("keywords", [])
        if not (
            isinstance(number, str) and is_kle_number(number) and number not in result
            and isinstance(title, str) and title and isinstance(keywords, list)
            and all(isinstance(k, str) for k in keywords)
        ):
            message = "expected a new number 'NN.NN.NN', a title and a list of keywords"
            raise ValueError(f"{path}: topic {i}: {message}")
        result[number] = KleTopic(number, title, tuple(keywords))
    return result


def import_main(argv: list[str] | None = None) -> int:
    """Command line: write the project's KLE subset; 0 on success, 1 (and a message) if not.

    ``argv`` defaults to ``sys.argv[1:]``.
    """
    parser = argparse.ArgumentParser(
        prog="python -m orgmodel.kle",
        description="Extract the KLE topics the project uses from an OS2KLE file into YAML.",
        epilog="Example: python -m orgmodel.kle ../shared/data/kle/OS2KLE.txt "
        "--numbers 81.15.00,00.30.14 --out data/kle/kle.yaml",
    )
    parser.add_argument("source", type=Path, help="OS2KLE.txt (one topic a line)")
    parser.add_argument(
        "--numbers", action="append", required=True, metavar="NN.NN.NN,...",
        help="KLE numbers to keep, comma-separated; may be repeated",
    )
    parser.add_argument("--out", type=Path, help="YAML file to write (default: standard output)")
    args = parser.parse_args(argv)
    numbers = sorted({n for value in args.numbers for n in re.split(r"[,\s]+", value) if n})
    return convert_os2kle(args.source, args.out,
                          lambda topics: (write_kle_subset(topics, numbers), len(numbers)))


def convert_os2kle(source: Path, out: Path | None,
                   render: Callable[[list[KleTopic]], tuple[str, int]]) -> int:
    """Parse ``source``, write what ``render`` makes of its topics to ``out`` (or stdout).

    ``render`` returns the text and how many topics it holds. Returns 0, or 1 after printing
    what went wrong (the file and line of a bad OS2KLE line) to standard error.
    """
    try:
        text, count = render(parse_os2kle(source.read_text(encoding="utf-8"),
                                          filename=str(source)))
        if out is None:
            sys.stdout.write(text)
            return 0
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read or write: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # KleFormatError included: it names file and line
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {count} topics to {out}")
    return 0

if __name__ == "__main__":
    raise SystemExit(import_main())
