"""Exporting into a folder that already holds the data: keep each unchanged record as written.

:func:`orgmodel.export.export_files` writes every record in one canonical layout, which is right
for a new folder but buries an edit in a folder of hand-written files: their comments (why a
record says what it says), line breaks and quoting all change. :func:`keep_layout` merges a
freshly exported file into the file it replaces, in the file's own order of sections and
records: a record equal to the one already there keeps its text and the comments above it, a
changed record keeps the lines of the fields that did not change and takes the export's for
those that did (a one-line record stays on one line), a new one goes at the end of its
section, and a record gone from the data goes with its comments, but not with a heading
(``# --- Suppliers ---``) over records that stay. ``git diff`` then shows the edits.

The merge never trades data for looks: if the old file cannot be read record by record, or the
merged text does not read back as the export, there is no merge (``None``), and the caller
writes the export as it is.

Examples
--------
>>> old = '''# Tasks, with why.
... nodes:
...   # The payroll (seed).
...   - {id: task:lon, kind: Task, name: Løn, source: seed, confidence: high}
...   - {id: task:hr, kind: Task, name: HR, source: seed, confidence: high}
... '''
>>> new = '''nodes:
...   - id: task:lon
...     kind: Task
...     name: Løn
...     source: seed
...     confidence: high
...
...   - id: task:hr
...     kind: Task
...     name: Personale
...     source: seed
...     confidence: high
...
... '''
>>> print(keep_layout(old, new), end="")
# Tasks, with why.
nodes:
  # The payroll (seed).
  - {id: task:lon, kind: Task, name: Løn, source: seed, confidence: high}
  - {id: task:hr, kind: Task, name: Personale, source: seed, confidence: high}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from orgmodel.records import NODE_ADAPTER, EdgeRecord, SourceRecord

__all__ = ["keep_layout"]

_SECTIONS = ("sources", "nodes", "edges")
_SECTION_RE = re.compile(r"^(sources|nodes|edges):\s*(#.*)?$")
_ITEM_RE = re.compile(r"^(\s*)- ")
# A comment that heads a group of records: "# --- Suppliers ---", "# === IT ===".
_HEADING_RE = re.compile(r"^\s*#\s*([-=*#~_])\1\1")
# An id the YAML dumper quotes for its colon, though a plain scalar reads the same: 'unit:it'.
_QUOTED_ID_RE = re.compile(r"'([a-z][a-z_]*:[A-Za-z0-9][A-Za-z0-9._-]*)'")
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class _Item:
    """One record of a section: the comments and blank lines above it, then its own lines."""

    lead: list[str]
    body: list[str]
    record: BaseModel | None  # None: it does not read as a record (then it is never kept)


@dataclass
class _File:
    head: list[str]  # everything before the first section
    sections: dict[str, tuple[str, list[_Item], list[str]]]  # key line, items, trailing lines


def keep_layout(old: str, new: str) -> str | None:
    """``new`` (an export of a data file) with the text of ``old``'s unchanged records kept.

    ``None`` when ``old`` cannot be read record by record (then write ``new`` as it is).
    """
    before, after = _split(old), _split(new)
    if before is None or after is None:
        return None
    lines = list(before.head)
    order = [*before.sections, *(name for name in after.sections if name not in before.sections)]
    for name in order:
        if name not in after.sections:
            continue  # every record of the section left the data
        key_line, items, trailer = after.sections[name]
        old_key_line, old_items, old_trailer = before.sections.get(name, (key_line, [], trailer))
        lines.append(old_key_line)
        lines += _merged_section(name, old_items, items)
        lines += old_trailer
    merged = "".join(lines)
    return merged if _reads_as(merged, new) else None


def _merged_section(section: str, old_items: list[_Item], items: list[_Item]) -> list[str]:
    """A section's records: the file's own, in its order, then the new ones as exported."""
    exported = {_identity(item.record): item for item in items}
    lines: list[str] = []
    placed = set()
    carried: list[str] = []  # a heading above a record that left, for the records below it
    for old_item in old_items:
        now = exported.get(_identity(old_item.record)) if old_item.record else None
        if now is None:  # gone from the data, with the comments about it, but not a heading
            carried += _group_lead(old_item.lead)
            continue
        placed.add(_identity(now.record))
        lead = old_item.lead if _group_lead(old_item.lead) else carried + old_item.lead
        carried = []
        lines += lead + (old_item.body if old_item.record == now.record
                         else _laid_out_as(section, old_item, now))
    lines += [line for item in items if _identity(item.record) not in placed
              for line in item.lead + item.body]
    return lines


def _group_lead(lead: list[str]) -> list[str]:
    """The part of a record's lead that heads a group of records (``# --- Suppliers ---``)."""
    last = max((i for i, line in enumerate(lead) if _HEADING_RE.match(line)), default=-1)
    return lead[:last + 1]


def _laid_out_as(section: str, old: _Item, now: _Item) -> list[str]:
    """A changed record's lines, as near the file's own as they read back the same.

    On one line if the file wrote it on one; else its unchanged fields as the file wrote them
    and the changed ones as exported; else all as exported.
    """
    indent = _indent(old.body[0])
    if old.body[0].lstrip()[2:].startswith("{"):
        value = yaml.load("".join(now.body), Loader=_Loader)[0]  # noqa: S506 - the safe loader
        return [f"{indent}- {_flow(value)}\n"]
    merged = _fields_merged(old.body, now.body)
    if merged is None or _record(section, _parsed(merged)) != now.record:
        return now.body
    return merged


def _flow(value: Any) -> str:
    """``value`` on one line, ids unquoted as the data files write them (``from: unit:it``).

    >>> _flow({"from": "unit:it", "to": "task:lon", "note": "a: b"})
    "{from: unit:it, to: task:lon, note: 'a: b'}"
    """
    flow: str = yaml.dump(value, Dumper=_Dumper, default_flow_style=True, width=1 << 30,
                          allow_unicode=True, sort_keys=False).strip()
    plain = _QUOTED_ID_RE.sub(r"\1", flow)
    return plain if yaml.load(plain, Loader=_Loader) == value else flow  # noqa: S506


def _fields_merged(old: list[str], new: list[str]) -> list[str] | None:
    """A block record with the file's lines for each field the export left as it was."""
    old_indent, new_indent = _indent(old[0]), _indent(new[0])
    before, after = _fields(old, old_indent), _fields(new, new_indent)
    if before is None or after is None:
        return None
    exported = dict(after)
    kept: list[tuple[str, list[str]]] = []
    for key, chunk in before:  # the file's order of fields; a field left out goes
        if key in exported:
            same = _parsed(chunk, old_indent) == _parsed(exported[key], new_indent)
            kept.append((key, chunk if same else _reindented(exported[key], new_indent,
                                                            old_indent)))
    for number, (key, chunk) in enumerate(after):
        if key in dict(before):
            continue
        # A new field goes after the field the export writes before it (valid_to after
        # valid_from, not at the end), or first when there is none.
        earlier = {k for k, _ in after[:number]}
        at = max((i + 1 for i, (k, _) in enumerate(kept) if k in earlier), default=0)
        kept.insert(at, (key, _reindented(chunk, new_indent, old_indent)))
    if kept and kept[0][1][0].startswith(old_indent + "  "):  # the first field leads the item
        return None
    lines = [line for _, chunk in kept for line in chunk]
    return lines if lines and lines[0].startswith(old_indent + "- ") else None


def _fields(body: list[str], indent: str) -> list[tuple[str, list[str]]] | None:
    """A block record's lines by field (each with the lines that continue it)."""
    first = re.match(rf"{re.escape(indent)}- ([A-Za-z_]\w*):(\s|$)", body[0])
    if first is None:
        return None
    fields = [(first.group(1), [body[0]])]
    key_line = re.compile(rf"{re.escape(indent)}  ([A-Za-z_]\w*):(\s|$)")
    above: list[str] = []  # comments (and blank lines) go with the field below them
    for line in body[1:]:
        if (found := key_line.match(line)) is not None:
            fields.append((found.group(1), [*above, line]))
            above = []
        elif line.lstrip().startswith("#") or not line.strip():
            above.append(line)
        else:
            fields[-1][1].extend([*above, line])
            above = []
    fields[-1][1].extend(above)
    return fields


def _parsed(lines: list[str], indent: str | None = None) -> Any:
    """The value of a record's lines (``indent``: of one field's lines, as ``{key: value}``)."""
    if indent is None:
        return yaml.load("".join(lines), Loader=_Loader)[0]  # noqa: S506 - the safe loader
    cut = len(indent) + 2
    text = "".join(line[cut:] if len(line) > cut else line.lstrip(" ")
                   for line in [indent + "  " + lines[0][cut:], *lines[1:]])
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - the safe loader
    except yaml.YAMLError:
        return None


def _reindented(lines: list[str], was: str, now: str) -> list[str]:
    return [now + line[len(was):] if line.startswith(was) else line for line in lines]


def _indent(line: str) -> str:
    return line[:len(line) - len(line.lstrip())]


def _split(text: str) -> _File | None:
    """The file's head and its sections' records; ``None`` if it is not laid out that way."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _SECTION_RE.match(line)]
    if not starts or any(line.strip() and not line.startswith((" ", "#", "- "))
                         for i, line in enumerate(lines) if i not in starts and i > starts[0]):
        return None
    found = _File(head=lines[:starts[0]], sections={})
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        name = lines[start].split(":")[0]
        if name in found.sections:
            return None
        items = _items(name, lines[start + 1:end])
        if items is None:
            return None
        found.sections[name] = (lines[start], *items)
    return found


def _items(section: str, lines: list[str]) -> tuple[list[_Item], list[str]] | None:
    """A section's records (each with the comments above it) and the lines after the last."""
    indent = next((m.group(1) for line in lines if (m := _ITEM_RE.match(line))), None)
    if indent is None:
        return None if any(line.strip() and not line.lstrip().startswith("#") for line in lines) \
            else ([], lines)
    items: list[_Item] = []
    pending: list[str] = []  # comments and blank lines not yet given to a record
    for line in lines:
        stripped = line.strip()
        if line.startswith(indent + "- "):
            items.append(_Item(lead=pending, body=[line], record=None))
            pending = []
        elif not stripped or (stripped.startswith("#") and not line.startswith(indent + "  ")):
            pending.append(line)
        elif items:
            items[-1].body += [*pending, line]  # a blank line or comment inside a record
            pending = []
        else:
            return None
    for item in items:
        try:
            data = yaml.load("".join(item.body), Loader=_Loader)  # noqa: S506 - the safe loader
        except yaml.YAMLError:
            return None
        if not isinstance(data, list) or len(data) != 1:
            return None
        item.record = _record(section, data[0])
    return items, pending


def _record(section: str, value: Any) -> BaseModel | None:
    """``value`` read as a record of ``section``; ``None`` if it is not one."""
    try:
        if section == "nodes":
            return NODE_ADAPTER.validate_python(value)
        if section == "edges":
            return EdgeRecord.model_validate(value)
        return SourceRecord.model_validate(value)
    except (ValidationError, ValueError, TypeError):
        return None


def _identity(record: BaseModel | None) -> tuple[str, str]:
    if isinstance(record, EdgeRecord):
        return "edge", record.key
    if isinstance(record, SourceRecord):
        return "source", record.key
    return "node", str(getattr(record, "id", ""))


def _reads_as(merged: str, new: str) -> bool:
    """Whether ``merged`` holds the same records as ``new`` (the order of a file is free)."""
    try:
        return _records(merged) == _records(new)
    except (yaml.YAMLError, ValidationError, ValueError, TypeError, AttributeError):
        return False


def _records(text: str) -> list[list[tuple[tuple[str, str], BaseModel | None]]]:
    data = yaml.load(text, Loader=_Loader) or {}  # noqa: S506 - the safe loader
    return [sorted(((_identity(record), record) for item in data.get(name) or []
                    for record in [_record(name, item)]), key=lambda pair: pair[0])
            for name in _SECTIONS]
