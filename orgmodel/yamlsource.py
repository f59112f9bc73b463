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
from dataclasses import dataclass
from typing import Any

import yaml

from orgmodel.exceptions import Problem

__all__ = ["LocatedDict", "ParsedYaml", "YamlSyntaxError", "parse_yaml"]


class LocatedDict(dict[str, Any]):
    """A mapping that knows the line it starts on and the line of each key (1-based)."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: object) -> int:
        """Line of ``key`` if present, else the mapping's own line."""
        return self.key_lines.get(str(key), self.line)


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


def _scalar(loader: _Loader, node: yaml.ScalarNode, filename: str, key: str | None = None) -> Any:
    try:
        value = loader.construct_object(node)
    except (ValueError, OverflowError) as exc:  # e.g. 2024-13-01: a date's shape, no date
        field = f"{key}: " if key else ""
        kind = node.tag.rsplit(":", 1)[-1].replace("timestamp", "date")
        raise YamlSyntaxError(Problem(filename, node.start_mark.line + 1,
                                      f"{field}{node.value!r} is not a valid {kind} ({exc})"),
                              ) from None
    # YAML 1.1 turns unquoted dates into date objects; keep them, they validate as dates.
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _convert(loader: _Loader, node: yaml.Node, filename: str, key: str | None = None) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _scalar(loader, node, filename, key)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, filename) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        result = LocatedDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlSyntaxError(Problem(filename, line, "a key must be plain text"))
            key = str(_scalar(loader, key_node, filename))
            if key in result:
                raise YamlSyntaxError(Problem(filename, line, f"duplicate key {key!r}"))
            result[key] = _convert(loader, value_node, filename, key)
            result.key_lines[key] = line
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
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return ParsedYaml(None)
        _refuse_aliases_and_tags(root, filename, set())
        return ParsedYaml(_convert(loader, root, filename))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(Problem(filename, line, f"YAML syntax error: {what}")) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        raise YamlSyntaxError(Problem(filename, 1, f"YAML error: {exc}")) from None
    finally:
        loader.dispose()


_PLAIN_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


def _refuse_aliases_and_tags(node: yaml.Node, filename: str, seen: set[int]) -> None:
    if id(node) in seen:
        raise YamlSyntaxError(
            Problem(filename, node.start_mark.line + 1, "YAML aliases (*ref) are not allowed")
        )
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        raise YamlSyntaxError(
            Problem(filename, node.start_mark.line + 1, f"YAML tag {node.tag!r} is not allowed")
        )
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_aliases_and_tags(item, filename, seen)
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _refuse_aliases_and_tags(key_node, filename, seen)
            _refuse_aliases_and_tags(value_node, filename, seen)
