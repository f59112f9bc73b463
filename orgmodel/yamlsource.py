r"""Reading YAML while keeping the line of every record and field, for precise error messages.

PyYAML's composer gives a node tree with positions; we turn it into plain Python values and
remember, for each mapping, the line it starts on and the line of each of its keys.

Examples
--------
>>> doc = parse_yaml("nodes:\n  - id: a\n    name: A\n", "x.yaml")
>>> record = doc.value["nodes"][0]
>>> record.line, record.key_lines["name"], dict(record)
(2, 3, {'id': 'a', 'name': 'A'})
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from orgmodel.exceptions import Problem

__all__ = ["LocatedDict", "LocatedList", "ParsedYaml", "YamlSyntaxError", "parse_yaml"]

#: Data files are records of fields holding lists at most: deeper is a mistake (or an attack
#: on the stack).
MAX_DEPTH = 32
# libyaml builds nested collections by recursion in C: some 25,000 brackets deep it overflows
# the stack and the process dies, before the depth is checked. Brackets counted in the text
# (quotes ignored: a stray bracket in a text only counts for more) stop such a file first.
_BRACKETS = re.compile(r"[\[\]{}]")
_BRACKET_DEPTH_LIMIT = 1000
# Characters YAML reads as line breaks that editors show as nothing (pasted from Word or PDF).
_INVISIBLE_BREAKS = {"\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR",
                     "\x85": "NEXT LINE"}


class LocatedDict(dict[str, Any]):
    """A mapping that knows the line it starts on and the line of each key (1-based).

    ``written`` holds, for a key whose value YAML read as something other than text (a
    number, a truth value, a date, nothing), the value as it was written: ``NO`` read as
    ``False``, ``02.30`` as ``2.3``. ``repeated`` holds each key written again, in this
    mapping or one inside it, with the line of its second writing: the first value is kept,
    and the reader refuses the record by its id (the rest of the file is still read).
    """

    line: int
    key_lines: dict[str, int]
    written: dict[str, str]
    repeated: dict[str, int]

    def line_of(self, key: object) -> int:
        """Line of ``key`` if present, else the mapping's own line."""
        return self.key_lines.get(str(key), self.line)


class LocatedList(list[Any]):
    """A sequence that knows the line of each item (1-based)."""

    item_lines: list[int]


@dataclass(frozen=True)
class ParsedYaml:
    """The value of one YAML document."""

    value: Any


class YamlSyntaxError(Exception):
    """The text is not YAML this loader accepts; ``problem`` says where and why."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


# libyaml's parser is about seven times faster; the pure-Python one is the fallback.
_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """Safe loader; only used for composing and scalar resolution."""


def _scalar(loader: _Loader, node: yaml.ScalarNode) -> Any:
    # YAML 1.1 reads 0x10, 0o17, 017, 1_000 and 1:30 (base 60!) as numbers: a count written so
    # is no count a person means to write; as text, the record's check names it.
    if node.tag == _INT_TAG and not _DECIMAL.fullmatch(node.value):
        return node.value
    try:
        value = loader.construct_object(node)
    except (ValueError, OverflowError):
        # A date's shape but no date (2024-02-30): keep the text, and the record's own check
        # names the record, the field and why; the rest of the file is still read.
        return node.value
    # YAML 1.1 turns unquoted dates into date objects; keep them, they validate as dates. A
    # time of day (2026-02-28T10:00:00) is no day: as text, it is refused as the API does.
    if isinstance(value, dt.datetime):
        return node.value
    return value


def _convert(loader: _Loader, node: yaml.Node, filename: str) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _scalar(loader, node)
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList(_convert(loader, item, filename) for item in node.value)
        items.item_lines = [item.start_mark.line + 1 for item in node.value]
        return items
    if isinstance(node, yaml.MappingNode):
        result = LocatedDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        result.written = {}
        result.repeated = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            # A key YAML reads as no text (~, 2024, yes) is no field name, whatever it says.
            if not isinstance(key_node, yaml.ScalarNode):  # "? [a, b]" or "{a: 1}: x"
                written = "a list" if isinstance(key_node, yaml.SequenceNode) else "a mapping"
                raise YamlSyntaxError(Problem(
                    filename, line, f"a key must be a plain word, not {written}"))
            if key_node.tag != _STR_TAG:
                raise YamlSyntaxError(Problem(
                    filename, line, f"a key must be a plain word, not {key_node.value!r}"))
            key = str(_scalar(loader, key_node))
            if key in result:
                result.repeated.setdefault(key, line)
                continue
            result[key] = value = _convert(loader, value_node, filename)
            if isinstance(value, LocatedDict):  # "note: {a: 1, a: 2}" is the record's to say
                for inner, at in value.repeated.items():
                    result.repeated.setdefault(f"{key}.{inner}", at)
            result.key_lines[key] = line
            if isinstance(value_node, yaml.ScalarNode) and not isinstance(value, str):
                result.written[key] = value_node.value
        return result
    raise YamlSyntaxError(  # pragma: no cover - PyYAML has no other node types
        Problem(filename, node.start_mark.line + 1, "unsupported YAML node")
    )


def parse_yaml(text: str, filename: str) -> ParsedYaml:
    """Parse one YAML document, keeping lines; raise :class:`YamlSyntaxError` with the line.

    Aliases and custom tags are refused: data files are plain data.

    Examples
    --------
    >>> parse_yaml("a: [1, 2", "bad.yaml")
    Traceback (most recent call last):
    ...
    orgmodel.yamlsource.YamlSyntaxError: bad.yaml:...: YAML syntax error: ...
    """
    _refuse_invisible_breaks(text, filename)
    _refuse_deep_brackets(text, filename)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return ParsedYaml(None)
        _refuse_aliases_and_tags(root, filename)
        return ParsedYaml(_convert(loader, root, filename))
    except yaml.MarkedYAMLError as exc:
        raise YamlSyntaxError(_syntax_problem(exc, text, filename)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a control
        line = text[:exc.position].count("\n") + 1 if isinstance(exc.position, int) else 1
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlSyntaxError(Problem(
            filename, line, f"the character U+{character:04X} is not allowed in YAML "
            "(a control character, invisible in most editors): delete it")) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        raise YamlSyntaxError(Problem(filename, 1, f"YAML error: {exc}")) from None
    finally:
        loader.dispose()


#: What libyaml was reading when it found the end of the file (its ``context``), said as what
#: was opened and not closed: libyaml notices at the end, the line to mend is where it opened.
_UNCLOSED = {"while scanning a quoted scalar": "a quote",
             "while parsing a flow sequence": "a '['",
             "while parsing a flow mapping": "a '{'"}


#: libyaml's most common words, said as what to mend (the data's editors are not parser
#: writers: "mapping values are not allowed" is a colon in an unquoted text).
_PLAIN = {
    "mapping values are not allowed in this context":
        "a ':' where this value cannot have one: put a text that holds ': ' in quotes, or "
        "mend the indentation above",
    "mapping values are not allowed here":
        "a ':' where this value cannot have one: put a text that holds ': ' in quotes, or "
        "mend the indentation above",
    "found character that cannot start any token":
        "a value begins with a character YAML keeps for itself (@, `, %): put the text in "
        "quotes",
    "did not find expected key":
        "the indentation does not match the lines above: indent it as the field or list it "
        "belongs to",
    "did not find expected '-' indicator":
        "the indentation does not match the lines above: indent it as the field or list it "
        "belongs to",
    "found undefined alias": "a '*' names no '&' anchor: write the value out",
    "found a tab character that violates indentation": "a tab: YAML indents with spaces",
}


def _plain(problem: str, line: str) -> str:
    """``problem`` in words an editor can act on, where libyaml's are of a known shape."""
    if "\t" in line and "cannot start any token" in problem:
        return "a tab: YAML indents with spaces"
    return _PLAIN.get(problem, problem)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, filename: str) -> Problem:
    r"""The problem libyaml found, on the line to mend.

    >>> try:
    ...     parse_yaml('name: "Økonomi\nkind: Unit\n', "f.yaml")
    ... except YamlSyntaxError as exc:
    ...     print(exc.problem.line, exc.problem.message[:60])
    1 YAML syntax error: a quote opened on this line (column 7) is
    """
    mark = exc.problem_mark or exc.context_mark
    opened = _UNCLOSED.get(exc.context or "")
    if opened and exc.context_mark and mark and exc.context_mark.line < mark.line:
        return Problem(filename, exc.context_mark.line + 1,
                       f"YAML syntax error: {opened} opened on this line (column "
                       f"{exc.context_mark.column + 1}) is not closed (libyaml noticed on line "
                       f"{mark.line + 1}: {exc.problem})")
    lines = text.splitlines()
    at = mark.line if mark and mark.line < len(lines) else 0
    what = _plain(exc.problem or exc.context or "invalid YAML", lines[at] if lines else "")
    if what == "but found another document":  # libyaml's words, half a sentence
        what = "a second document ('---'): a data file is one document; remove the line"
    line = mark.line + 1 if mark else 1
    # A quote left open is closed by the next quote, lines later, where libyaml then stumbles.
    if (spanned := _quote_across_lines(text, line)) is not None:
        start, column, end = spanned
        return Problem(filename, start, f"YAML syntax error: a quote opened on this line (column "
                       f"{column}) closes only on line {end}: is its closing quote missing? "
                       f"(libyaml noticed on line {line}: {what})")
    return Problem(filename, line, f"YAML syntax error: {what}")


def _quote_across_lines(text: str, before: int) -> tuple[int, int, int] | None:
    """The first quoted text that runs over lines up to line ``before``: start, column, end."""
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line + 1 > before:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") and (
                    token.end_mark.line > token.start_mark.line):
                return (token.start_mark.line + 1, token.start_mark.column + 1,
                        token.end_mark.line + 1)
    except yaml.YAMLError:
        pass  # the tokens up to the error have been seen
    return None


def _refuse_deep_brackets(text: str, filename: str) -> None:
    """Name the line where flow brackets nest deeper than any data file could.

    >>> _refuse_deep_brackets("a: " + "[" * 2000 + "]" * 2000, "f.yaml")
    Traceback (most recent call last):
    ...
    orgmodel.yamlsource.YamlSyntaxError: f.yaml:1: nested more than 32 levels deep: ...
    """
    depth = 0
    for bracket in _BRACKETS.finditer(text):
        depth = depth + 1 if bracket.group() in "[{" else max(0, depth - 1)
        if depth > _BRACKET_DEPTH_LIMIT:
            raise YamlSyntaxError(_too_deep(filename, text.count("\n", 0, bracket.start()) + 1))


def _too_deep(filename: str, line: int) -> Problem:
    return Problem(filename, line, f"nested more than {MAX_DEPTH} levels deep: data files hold "
                   "records of fields, with lists at most")


def _refuse_invisible_breaks(text: str, filename: str) -> None:
    r"""Name a line break no editor shows, which would put every later line number off.

    >>> _refuse_invisible_breaks("a: 1\nnote: x\u2028y\n", "f.yaml")
    Traceback (most recent call last):
    ...
    orgmodel.yamlsource.YamlSyntaxError: f.yaml:2: the invisible character U+2028 ...
    """
    for character, name in _INVISIBLE_BREAKS.items():
        if (at := text.find(character)) >= 0:
            raise YamlSyntaxError(Problem(
                filename, text[:at].count("\n") + 1,
                f"the invisible character U+{ord(character):04X} ({name}), which YAML reads as "
                "a line break, is in this line (pasted text?): delete it"))


_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_MERGE_TAG = "tag:yaml.org,2002:merge"
_PLAIN_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


def _refuse_aliases_and_tags(root: yaml.Node, filename: str) -> None:
    # A loop, not recursion: a file nested thousands deep must get an answer, not a crash.
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        line = node.start_mark.line + 1
        if id(node) in seen:
            raise YamlSyntaxError(Problem(filename, line, "YAML aliases (*ref) are not allowed"))
        seen.add(id(node))
        if node.tag == _MERGE_TAG:
            raise YamlSyntaxError(Problem(filename, line, "YAML merge keys (<<) are not allowed: "
                                                          "write the fields out"))
        if node.tag not in _PLAIN_TAGS:
            raise YamlSyntaxError(Problem(filename, line, f"YAML tag {node.tag!r} is not allowed"))
        if depth > MAX_DEPTH:
            raise YamlSyntaxError(_too_deep(filename, line))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in reversed(node.value):
                stack.extend(((value_node, depth + 1), (key_node, depth + 1)))
