"""Writing a dataset back as data files: records grouped by the file they came from.

:func:`export_files` turns a :class:`~orgmodel.dataset.Dataset` (e.g. the store's after edits
over the API) into ``{file name: text}`` that :func:`orgmodel.loader.load_dataset` reads back
into an equal dataset, record by record. Each record goes to the file it was read from
(``Dataset.origins``), in its original order; records created over the API go to
``api-edits.yaml``; sources go to ``sources.yaml``. YAML files start with the
``yaml-language-server`` schema line, list records with their keys in a fixed, readable order
(id, kind, name …, source, confidence, note) and a blank line between records; ``.jsonl``
files stay JSON Lines. Comments of the original files are not kept here;
:func:`orgmodel.export_layout.keep_layout` keeps them, and the text of every unchanged record,
when an export is written over the files it replaces (``orgmodel export-data``).

Examples
--------
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> ds = Dataset.build(
...     [node(id="unit:lon", kind="Unit", name="Lønenheden", level="enhed", aliases=["Løn"]),
...      node(id="task:lon", kind="Task", name="Løn", kle="81.15.00")],
...     [EdgeRecord.model_validate({"type": "RESPONSIBLE_FOR", "from": "unit:lon",
...      "to": "task:lon", "raci": "A", "source": "seed", "confidence": "high"})])
>>> files = export_files(ds)
>>> list(files)
['api-edits.yaml']
>>> print(files["api-edits.yaml"])
# yaml-language-server: $schema=../schema/orgmodel-data.schema.json
nodes:
  - id: task:lon
    kind: Task
    name: Løn
    kle: 81.15.00
    source: seed
    confidence: high
<BLANKLINE>
  - id: unit:lon
    kind: Unit
    name: Lønenheden
    aliases: [Løn]
    level: enhed
    source: seed
    confidence: high
<BLANKLINE>
edges:
  - type: RESPONSIBLE_FOR
    from: unit:lon
    to: task:lon
    raci: A
    source: seed
    confidence: high
<BLANKLINE>
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import PurePosixPath
from typing import Any

import yaml
from pydantic import BaseModel

from orgmodel.dataset import Dataset
from orgmodel.editing import NEW_RECORDS_FILE, record_data
from orgmodel.records import NODE_MODELS, EdgeRecord

__all__ = ["EDGE_KEY_ORDER", "NODE_KEY_ORDER", "SOURCES_FILE", "export_files", "safe_file_name"]

SOURCES_FILE = "sources.yaml"
_SCHEMA = "schema/orgmodel-data.schema.json"
_WIDTH = 100

#: Keys first in a node, in this order; kind-specific keys follow, then :data:`_NODE_TAIL`.
NODE_KEY_ORDER = ("id", "kind", "name", "name_en", "aliases")
_NODE_TAIL = ("description", "description_en", "url", "valid_from", "valid_to", "source",
              "confidence", "note")
EDGE_KEY_ORDER = ("id", "type", "from", "to", "raci", "role", "topic", "strength", "via", "order",
                  "description", "description_en", "valid_from", "valid_to", "source",
                  "confidence", "note")
_SOURCE_KEY_ORDER = ("key", "title", "url", "confidence")
_MODELS: tuple[type[BaseModel], ...] = (*NODE_MODELS.values(), EdgeRecord)
_DATE_FIELDS = frozenset(
    name for model in _MODELS
    for name, info in model.model_fields.items() if "date" in str(info.annotation)
)


def safe_file_name(name: str) -> str:
    """Return ``name`` if it is a relative data-file path inside the folder, else the default.

    Examples
    --------
    >>> safe_file_name("sub/it.yaml"), safe_file_name("../../etc/passwd"), safe_file_name("<data>")
    ('sub/it.yaml', 'api-edits.yaml', 'api-edits.yaml')
    """
    path = PurePosixPath(name)
    if (path.is_absolute() or ".." in path.parts or "\\" in name or not path.parts
            or path.suffix not in (".yaml", ".yml", ".jsonl")
            or any(part.startswith(".") for part in path.parts)):
        return NEW_RECORDS_FILE
    return path.as_posix()


def _ordered(data: dict[str, Any], head: tuple[str, ...], tail: tuple[str, ...] = ()) -> dict[
        str, Any]:
    """Return ``data`` with ``head`` keys first, ``tail`` keys last, the rest between."""
    middle = [k for k in data if k not in head and k not in tail]
    keys = [*(k for k in head if k in data), *middle, *(k for k in tail if k in data)]
    return {k: data[k] for k in keys}


def _yaml_values(data: dict[str, Any]) -> dict[str, Any]:
    """Return ``data`` with ISO dates as dates, so YAML writes them plain."""
    return {k: date.fromisoformat(v) if k in _DATE_FIELDS and isinstance(v, str) else v
            for k, v in data.items()}


_SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(_SafeDumper):  # type: ignore[valid-type,misc]
    """Safe dumper: flow-style lists of scalars, folded long text, no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > _WIDTH - 30 and "\n" not in value and value == value.strip() \
        and "  " not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    flow = all(isinstance(item, str | int | float) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def _dump_record(data: dict[str, Any], *, plain: bool) -> str:
    dumper = _SafeDumper if plain else _Dumper
    # Emitters break lines after the word that passes the width: leave room for it.
    text = yaml.dump([data], Dumper=dumper, allow_unicode=True, sort_keys=False,
                     width=_WIDTH - 24, indent=2, default_flow_style=False)
    # Check the text reads back the same (never trade data for looks); the loader is safe.
    if yaml.load(text, Loader=_SafeLoader) != [data] and not plain:  # noqa: S506
        return _dump_record(data, plain=True)
    return "".join(f"  {line}\n" if line else "\n" for line in text.splitlines())


def _yaml_file(name: str, sections: dict[str, list[dict[str, Any]]]) -> str:
    depth = len(PurePosixPath(name).parts)
    lines = [f"# yaml-language-server: $schema={'../' * depth}{_SCHEMA}\n"]
    for section in ("sources", "nodes", "edges"):
        records = sections.get(section)
        if records:
            lines.append(f"{section}:\n")
            lines += [_dump_record(_yaml_values(r), plain=False) + "\n" for r in records]
    return "".join(lines)


def _jsonl_file(sections: dict[str, list[dict[str, Any]]]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n"
                   for section in ("sources", "nodes", "edges")
                   for record in sections.get(section, ()))


def export_files(ds: Dataset) -> dict[str, str]:
    """Return the dataset as data files, ``{relative file name: text}``, sorted by name."""
    placed: dict[str, dict[str, list[tuple[tuple[bool, int, str], dict[str, Any]]]]] = \
        defaultdict(lambda: defaultdict(list))
    for node_id, node in ds.nodes.items():
        data = record_data(node)
        kind_keys = tuple(k for k in NODE_MODELS[node.kind_value].model_fields
                          if k not in NODE_KEY_ORDER and k not in _NODE_TAIL)
        ordered = _ordered(data, (*NODE_KEY_ORDER, *kind_keys), _NODE_TAIL)
        placed[_file_of(ds, node_id)]["nodes"].append((_position(ds, node_id), ordered))
    for key, edge in ds.edges.items():
        placed[_file_of(ds, key)]["edges"].append(
            (_position(ds, key), _ordered(record_data(edge), EDGE_KEY_ORDER)))
    for number, source in enumerate(ds.sources.values(), start=1):  # in the order read
        data = source.model_dump(mode="json", exclude_none=True)
        placed[SOURCES_FILE]["sources"].append(
            ((False, number, source.key), _ordered(data, _SOURCE_KEY_ORDER)))
    files = {}
    for name in sorted(placed):
        sections = {section: [record for _, record in sorted(items, key=lambda item: item[0])]
                    for section, items in placed[name].items()}
        files[name] = _jsonl_file(sections) if name.endswith(".jsonl") else \
            _yaml_file(name, sections)
    return files


def _file_of(ds: Dataset, key: str) -> str:
    return safe_file_name(ds.origin(key).file)


def _position(ds: Dataset, key: str) -> tuple[bool, int, str]:
    """Sort key: records in their original order, records without a line (new) last."""
    line = ds.origin(key).line
    return (line <= 0, line, key)
