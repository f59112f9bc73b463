"""Loading a data folder: all or nothing, every problem reported at once.

A data folder holds YAML files (``*.yaml``/``*.yml``, searched recursively) with the top-level
keys ``sources``, ``nodes`` and ``edges``, for people to edit; and, for bulk data written by
programs, JSON Lines files (``*.jsonl``) with one record a line (a node has ``kind``, an edge
``type``, a source ``key``), which load about 30 times faster than YAML.
:func:`load_dataset` returns a checked
:class:`~orgmodel.dataset.Dataset` or raises :class:`~orgmodel.exceptions.DataValidationError`
listing every problem as ``FILE:LINE: id: field: message``.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "org.yaml").write_text('''
... nodes:
...   - {id: unit:a, kind: Unit, name: A, level: enhed, source: seed, confidence: high}
...   - {id: task:t, kind: Task, name: T, kle: "81.15.00", source: seed, confidence: high}
... edges:
...   - {type: RESPONSIBLE_FOR, from: unit:a, to: task:t, raci: A, source: seed,
...      confidence: high}
... ''', encoding="utf-8")
>>> ds = load_dataset(folder)
>>> sorted(ds.nodes), ds.origin("task:t")
(['task:t', 'unit:a'], Origin(file='org.yaml', line=4))
"""

from __future__ import annotations

import difflib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from orgmodel.dataset import Dataset, Origin, Unread, check_dataset
from orgmodel.exceptions import DataValidationError, Problem
from orgmodel.records import (
    NODE_ADAPTER,
    NODE_MODELS,
    RULE_FIELDS,
    EdgeRecord,
    SourceRecord,
    id_meant,
)
from orgmodel.yamlsource import LocatedDict, LocatedList, YamlSyntaxError, parse_yaml

__all__ = ["DATA_SUFFIXES", "MAX_FILE_BYTES", "data_files", "field_meant", "got_and_meant",
           "load_dataset", "unread_files"]

DATA_SUFFIXES = (".yaml", ".yml", ".jsonl")
MAX_FILE_BYTES = 50 * 1024 * 1024
_SECTIONS = ("sources", "nodes", "edges")


def data_files(folder: Path) -> list[Path]:
    """The data files of ``folder``, sorted, hidden files and folders left out.

    The suffix counts in any case (``ORG.YAML``); a link to nothing is kept, to be reported
    as unreadable rather than left out without a word.
    """
    return _data_and_json_files(folder)[0]


def _data_and_json_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """The data files of ``folder`` and its JSON files, from one walk of the folder.

    JSON files are no data files, but easily taken for them: the load names them.
    """
    data, json_files = [], []
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        suffix = path.suffix.lower()
        if suffix in DATA_SUFFIXES and (path.is_file() or path.is_symlink()):
            data.append(path)
        elif suffix == ".json":
            json_files.append(path)
    return data, json_files


#: Files a data folder may hold beside its data, not worth a notice: its documentation.
_DOCUMENTATION_SUFFIXES = (".md", ".rst")


def unread_files(folder: str | Path) -> list[Problem]:
    """A notice on each file of ``folder`` that is not read, nor named as JSON, nor a document.

    A backup (``okonomi-og-stab.yaml~``), a copy in another format (``medarbejdere.csv``) or
    notes were left out without a word: whoever put records there meant them to count. Hidden
    files and folders, and documentation (``README.md``), are left out as before.
    """
    root = Path(folder)
    data, json_files = _data_and_json_files(root)
    read = {*data, *json_files}
    return [Problem(path.relative_to(root).as_posix(), 0,
                    "not read: data files end in .yaml, .yml or .jsonl (a copy or a backup? "
                    "move it out of the data folder)")
            for path in sorted(root.rglob("*"))
            if path.is_file() and path not in read
            and path.suffix.lower() not in _DOCUMENTATION_SUFFIXES
            and not any(part.startswith(".") for part in path.relative_to(root).parts)]


def load_dataset(folder: str | Path) -> Dataset:
    """Read, validate and check the data folder ``folder`` as a whole.

    Raises
    ------
    DataValidationError
        With every problem found, if there is any; nothing is returned then.
    """
    root = Path(folder)
    if not root.is_dir():
        raise DataValidationError([Problem(str(root), 0, "not a folder (or it does not exist)")])
    files, json_files = _data_and_json_files(root)
    if not files:
        raise DataValidationError([Problem(str(root), 0, "no .yaml data files in this folder")])
    collector = _Collector()
    for path in json_files:  # records someone meant to load, never read otherwise
        collector.problems.append(Problem(
            path.relative_to(root).as_posix(), 0,
            "JSON files are not read: write the records as JSON Lines (.jsonl, one record a "
            "line) or YAML (.yaml), or move the file out of the data folder"))
    for path in files:
        collector.read_file(path, path.relative_to(root).as_posix())
    # With records that could not be read, the rest is still checked as a whole, so that one
    # run reports every problem; not when records were lost without even an id (a broken
    # file), which would make every reference to them look wrong.
    if not collector.lost:
        collector.problems += check_dataset(collector.dataset, collector.unread)
    if not collector.problems and not collector.dataset.nodes:
        # Loaded into Neo4j, a folder of no nodes would delete the whole graph.
        collector.problems.append(Problem(str(root), 0, "the data files hold no nodes: is this "
                                                        "the data folder?"))
    if collector.problems:
        raise DataValidationError(_copies_said_once(collector.problems))
    return collector.dataset


#: A file repeating at least this many records of another is said once, as a copy.
_COPY_MIN = 5
_REPEATED = re.compile(r"duplicate (?:id \(first defined at|edge \(first at) (.+):\d+\)")


def _copies_said_once(problems: list[Problem]) -> list[Problem]:
    """``problems``, a file's many repeats of another file's records said as one problem.

    A file copied beside its original ("okonomi-og-stab - kopi.yaml") gave one "duplicate id"
    per record, 74 of them, with the parallel edges' advice.
    """
    repeats: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        if (found := _REPEATED.match(problem.message)) is not None:
            repeats.setdefault((problem.file, found[1]), []).append(problem)
    copies = {pair: said for pair, said in repeats.items() if len(said) >= _COPY_MIN}
    if not copies:
        return problems
    left_out = {id(problem) for said in copies.values() for problem in said}
    return [problem for problem in problems if id(problem) not in left_out] + [
        Problem(file, said[0].line, f"{len(said)} records here are also in {first}, which is "
                "read first: is one file a copy of the other? Remove the copy")
        for (file, first), said in copies.items()]


_EMPTY = "the file is empty"


def _text_of(path: Path, name: str) -> str | Problem:
    """The text of a data file, or why it has none that can be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Problem(name, 0, f"file too large ({size} bytes)")
        raw = path.read_bytes()
    except OSError as exc:
        return Problem(name, 0, f"cannot read the file: {exc.strerror}")
    if not raw.strip():
        return Problem(name, 1, _EMPTY)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Problem(name, 1, "the file is UTF-16 text (Windows' \"Unicode\"); save it as UTF-8")
    if (nul := raw.find(b"\x00")) >= 0:  # the line of the first: one stray NUL, or a binary
        return Problem(name, raw.count(b"\n", 0, nul) + 1, "not a text file (it contains NUL "
                                                           "bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(name, raw[: exc.start].count(b"\n") + 1, "not UTF-8 text")


class _Collector:
    """Accumulates records and problems over the files of one folder."""

    def __init__(self) -> None:
        self.dataset = Dataset()
        self.problems: list[Problem] = []
        self.unread = Unread()  # what the records that could not be read named
        self.lost = False  # records were lost without even an id

    def _lose(self, problem: Problem) -> None:
        """Report a problem that loses records without even an id (a file, a line)."""
        self.problems.append(problem)
        self.lost = True

    def read_file(self, path: Path, name: str) -> None:
        text = self._read_text(path, name)
        if text is None:
            return
        if path.suffix.lower() == ".jsonl":
            self._read_jsonl(text, name)
            return
        try:
            document = parse_yaml(text, name).value
        except YamlSyntaxError as exc:
            self._lose(exc.problem)
            return
        if document is None:
            self.problems.append(Problem(name, 1, "the file holds no data"))
            return
        if not isinstance(document, LocatedDict):
            self._lose(
                Problem(name, 1, "the top level must be a mapping with keys sources, nodes, edges")
            )
            return
        for key, line in document.repeated.items():
            if "." not in key:  # a second "nodes:" of a file: its records were not read
                self._lose(Problem(name, line, f"duplicate key {key!r}: write each section "
                                               "once, with all its records under it"))
        for key in document:
            if key not in _SECTIONS:
                self._lose(
                    Problem(
                        name,
                        document.line_of(key),
                        f"unknown top-level key {key!r} (expected one of {', '.join(_SECTIONS)})",
                    )
                )
        for section in _SECTIONS:
            items = document.get(section)
            if items is None:
                continue
            if not isinstance(items, list):
                self._lose(
                    Problem(name, document.line_of(section), f"{section} must be a list of records")
                )
                continue
            for index, item in enumerate(items):
                line = items.item_lines[index] if isinstance(items, LocatedList) else \
                    document.line_of(section)
                self._read_record(section, item, name, line)

    def _read_jsonl(self, text: str, name: str) -> None:
        # Lines end at "\n" alone: JSON strings may hold U+2028 and U+0085, which
        # str.splitlines() would take for line ends.
        lines = text.split("\n")
        try:  # one parse of the whole file is several times faster than one per line
            values = json.loads("[" + ",".join(line for line in lines if line.strip()) + "]",
                                object_pairs_hook=_unique_keys)
        except (ValueError, RecursionError):  # bad JSON, a repeated key, a 5,000-digit number
            values = None  # find the broken lines one by one below
        if isinstance(values, list) and all(isinstance(v, dict) for v in values):
            numbers = [n for n, line in enumerate(lines, start=1) if line.strip()]
            for number, value in zip(numbers, values, strict=True):
                self._read_json_record(value, name, number)
            return
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line, object_pairs_hook=_unique_keys)
            except json.JSONDecodeError as exc:
                self._lose(Problem(name, number,
                                   f"JSON syntax error at column {exc.colno}: {exc.msg}"))
                continue
            except _DuplicateKeyError:
                # Read again keeping each key's first value: the record is refused by its id,
                # as a YAML one is, and what refers to it is not blamed.
                try:
                    value = json.loads(line, object_pairs_hook=_first_of_each_key)
                except (ValueError, RecursionError):  # broken after the key given twice
                    self._lose(Problem(name, number, "JSON syntax error after a key given "
                                                     "twice"))
                    continue
            except RecursionError:
                self._lose(Problem(name, number, "the record is nested too deeply"))
                continue
            except ValueError:  # the one left: Python reads no integer of over 4,300 digits
                self._lose(Problem(name, number, "a number has more than 4,300 digits: no field "
                                                 "takes one that long"))
                continue
            if not isinstance(value, dict):
                self._lose(Problem(name, number, "each line must be a JSON object"))
                continue
            self._read_json_record(value, name, number)

    def _read_json_record(self, value: dict[str, Any], name: str, number: int) -> None:
        record = LocatedDict(value)
        record.line, record.key_lines, record.written = number, {}, {}
        record.repeated = dict.fromkeys(getattr(value, "repeated", ()), number)
        section = (
            "nodes"
            if "kind" in value
            else "edges"
            if "type" in value
            else ("sources" if "key" in value else None)
        )
        if section is None:
            self._lose(
                Problem(
                    name, number, "a record needs 'kind' (node), 'type' (edge) or 'key' (source)"
                )
            )
            return
        self._read_record(section, record, name, number)

    def _read_text(self, path: Path, name: str) -> str | None:
        text = _text_of(path, name)
        if isinstance(text, Problem):
            self.problems.append(text)
            # An unreadable file loses its records, and so may an empty one (a file cut short
            # when saved): the references to its records are not each reported as wrong (133
            # problems for one emptied file, "filen er tom" the 28th of them).
            self.lost = True
            return None
        return text

    def _read_record(self, section: str, item: Any, name: str, section_line: int) -> None:
        if not isinstance(item, LocatedDict):
            self._lose(
                Problem(name, section_line, f"each entry of {section} must be a mapping")
            )
            return
        if (moved := _section_meant(section, item)) is not None:
            # A node under edges: (or an edge under nodes:) is one mistake, not six fields.
            self.problems.append(Problem(
                name, item.line, f"this record has {moved[1]} and no {moved[2]}: it is one "
                f"of the {moved[0]}; move it under {moved[0]}:",
                record_id=_text(item.get("id")) or None))
            if moved[0] == "nodes":
                self._unread_node(_text(item.get("id")))
            else:
                self.unread.edge_targets.add(_meant_id(item.get("to", "")))
        elif getattr(item, "repeated", None):
            self._refuse_repeated(section, item, name)
        elif section == "sources":
            self._add_source(item, name)
        elif section == "nodes":
            self._add_node(item, name)
        else:
            self._add_edge(item, name)

    def _refuse_repeated(self, section: str, item: LocatedDict, name: str) -> None:
        """A record with a key written twice: which value was meant is not guessed.

        Said by its id, as any other problem of the record, and the rest of the file is read:
        the other problems are still found, and what refers to the record is not blamed.
        """
        if section == "sources":
            label = _text(item.get("key"))
            if label:
                self.unread.sources.add(label)
            else:
                self.unread.any_source = True
        elif section == "nodes":
            label = _text(item.get("id"))
            self._unread_node(label)
        else:
            label = _edge_label(item)
            self.unread.edge_targets.add(_meant_id(item.get("to", "")))
        for key, line in item.repeated.items():
            self.problems.append(Problem(name, line, f"duplicate key {key!r}: write it once",
                                         record_id=label, field=key.partition(".")[0]))

    def _add_source(self, item: LocatedDict, name: str) -> None:
        try:
            source = SourceRecord.model_validate(dict(item))
        except ValidationError as exc:
            self.problems += _pydantic_problems(exc, item, name, _text(item.get("key")))
            if key := _text(item.get("key")):
                self.unread.sources.add(key)
            else:
                self.unread.any_source = True
            return
        if source.key in self.dataset.sources:
            self.problems.append(Problem(name, item.line, f"duplicate source key {source.key!r}"))
        self.dataset.sources[source.key] = source

    def _add_node(self, item: LocatedDict, name: str) -> None:
        record_id = _text(item.get("id"))
        kind = item.get("kind")
        if not isinstance(kind, str) or kind not in NODE_MODELS:
            known = ", ".join(sorted(NODE_MODELS))
            message = "missing field 'kind'" if kind is None else f"unknown kind {kind!r}"
            if guess := _closest(kind, " ".join(f"'{k}'" for k in NODE_MODELS)):
                known += f"; did you mean {guess!r}?"
            self.problems.append(
                Problem(
                    name,
                    item.line_of("kind"),
                    f"{message} (one of {known})",
                    record_id=record_id,
                    field="kind",
                )
            )
            self._unread_node(record_id)
            return
        try:
            node = NODE_ADAPTER.validate_python(dict(item))
        except ValidationError as exc:
            self.problems += _pydantic_problems(exc, item, name, record_id)
            self._unread_node(record_id)
            return
        if node.id in self.dataset.nodes:
            first = self.dataset.origin(node.id)
            self.problems.append(
                Problem(
                    name,
                    item.line,
                    f"duplicate id (first defined at {first.file}:{first.line})",
                    record_id=node.id,
                    field="id",
                )
            )
            return
        self.dataset.nodes[node.id] = node
        self.dataset.origins[node.id] = Origin(name, item.line)

    def _unread_node(self, record_id: str | None) -> None:
        if record_id:
            # ... and the id it was meant to be ("post:chef økonomi og stab" is refused with
            # "write 'post:chef-okonomi-og-stab'"): the edges to that were blamed, 32 of them.
            self.unread.nodes.update(filter(None, (record_id, id_meant(record_id))))
        else:
            self.lost = True  # edges may name it, and nothing says which

    def _add_edge(self, item: LocatedDict, name: str) -> None:
        try:
            edge = EdgeRecord.model_validate(dict(item))
        except ValidationError as exc:
            label = _edge_label(item)
            self.problems += _pydantic_problems(exc, item, name, label)
            self.unread.edge_targets.add(_meant_id(item.get("to", "")))
            return
        if edge.key in self.dataset.edges or edge.key in self.dataset.nodes:
            first = self.dataset.origin(edge.key)
            message = (f"the edge's id is a node's id (the node at {first.file}:{first.line}); "
                       "give the edge an id of its own"
                       if edge.key in self.dataset.nodes else
                       f"duplicate edge (first at {first.file}:{first.line}); "
                       "give parallel edges an id")
            self.problems.append(Problem(name, item.line, message, record_id=edge.key))
            return
        self.dataset.edges[edge.key] = edge
        self.dataset.origins[edge.key] = Origin(name, item.line)


def _pydantic_problems(
    exc: ValidationError, item: LocatedDict, name: str, record_id: str | None
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc: list[int | str] = list(error["loc"])
        # The discriminated union puts the kind name first in loc; the field follows it.
        if loc and isinstance(loc[0], str) and loc[0] in NODE_MODELS:
            loc = loc[1:]
        if not loc:  # a model-level rule: point at the field it is about
            loc = list[int | str](f for f in RULE_FIELDS if f in error["msg"])[:1]
        field = str(loc[0]) if loc else None
        line = item.line_of(field) if field else item.line
        if error["type"] == "extra_forbidden":
            message = f"unknown field {field!r}" + _field_meant(field, item)
        elif error["type"] == "missing":
            message = f"missing required field {field!r}"
        else:
            message = error["msg"].removeprefix("Value error, ")
            given = error.get("input")
            written = item.written.get(field) if field and len(loc) == 1 else None
            if written is not None and given is None:  # "id:" with nothing after it
                message = "has no value"
            elif written is not None and error["type"] == "string_type":
                message += (f" (YAML reads {written!r} as {_short(given)}: write it in quotes, "
                            f"{field}: \"{written}\")")
            elif (written is not None and not isinstance(given, dict)
                  and str(given) != written):  # yes: True, 02.30: 2.3 (not a record's rule)
                message += f" (YAML reads {written!r} as {_short(given)})"
            elif "input" in error and not isinstance(given, dict):
                message += got_and_meant(given, str(error.get("ctx", {}).get("expected", "")))
        shown_field = ".".join(str(p) for p in loc) if loc else None
        problems.append(
            Problem(name, line, message, record_id=record_id or None, field=shown_field)
        )
    return problems



def _edge_label(item: LocatedDict) -> str:
    """An edge that could not be read, named by what it says: ``TYPE:from->to``."""
    return f"{item.get('type', '?')}:{item.get('from', '?')}->{item.get('to', '?')}"


def _section_meant(section: str, item: LocatedDict) -> tuple[str, str, str] | None:
    """The section a record written under ``section`` belongs in, if another one.

    As (section, what it has, what it lacks): a node has a ``kind``, an edge a ``type``.

    >>> _section_meant("edges", LocatedDict(id="unit:a", kind="Unit"))
    ('nodes', "'kind'", "'type'")
    >>> _section_meant("nodes", LocatedDict(kind="Unit")) is None
    True
    """
    if section == "edges" and "kind" in item and "type" not in item:
        return "nodes", "'kind'", "'type'"
    if section == "nodes" and "type" in item and "kind" not in item:
        return "edges", "'type'", "'kind'"
    return None


def _field_meant(field: str | None, item: LocatedDict) -> str:
    """" (did you mean 'valid_to'?)" after an unknown field a record's model nearly has.

    >>> _field_meant("valid_until", LocatedDict(kind="Unit")), _field_meant("xyz", LocatedDict())
    (" (did you mean 'valid_to'?)", '')
    """
    model: type[BaseModel] = (NODE_MODELS.get(str(item.get("kind")), EdgeRecord)
                              if "kind" in item or "type" in item else SourceRecord)
    return field_meant(field, model)


def field_meant(field: str | None, model: type[BaseModel]) -> str:
    """" (did you mean 'name'?)" after an unknown field ``model`` nearly has; else "".

    >>> field_meant("nam", EdgeRecord), field_meant("nam", NODE_MODELS["Unit"])
    ('', " (did you mean 'name'?)")
    """
    names = [info.alias or name for name, info in model.model_fields.items()]
    close = difflib.get_close_matches(field or "", names, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def got_and_meant(given: object, expected: str) -> str:
    """What a field was given, and the choice it most likely meant, after the rule it broke.

    >>> got_and_meant("High", "'high', 'medium' or 'low'"), got_and_meant(7, "")
    (" (got 'High'; did you mean 'high'?)", ' (got 7)')
    """
    guess = _closest(given, expected)
    return f" (got {_short(given)}" + (f"; did you mean {guess!r}?)" if guess else ")")


#: The choices of confidence and RACI as a Danish editor may write them.
_DANISH_CHOICES = {
    "høj": "high", "hoej": "high", "middel": "medium", "mellem": "medium", "lav": "low",
    "udførende": "R", "ansvarlig": "A", "konsulteret": "C", "rådspurgt": "C", "informeret": "I",
}


def _closest(given: object, expected: str) -> str | None:
    """The one of ``expected``'s quoted choices that ``given`` is most likely a typo of.

    >>> _closest("PART_OFF", "'PART_OF', 'POST_IN' or 'HOLDS'"), _closest("holds", "'HOLDS'")
    ('PART_OF', 'HOLDS')
    >>> _closest("meget høj", "'high', 'medium' or 'low'") is None
    True
    >>> _closest("Middel", "'high', 'medium' or 'low'"), _closest("ansvarlig", "'R', 'A'")
    ('medium', 'A')
    """
    choices = {choice.casefold(): choice for choice in re.findall(r"'([^']*)'", expected)}
    if not isinstance(given, str) or not choices:
        return None
    if (said := _DANISH_CHOICES.get(given.strip().casefold())) in choices.values():
        return said
    close = difflib.get_close_matches(given.casefold(), list(choices), n=1, cutoff=0.75)
    return choices[close[0]] if close else None


def _text(value: Any) -> str | None:
    """A record's id or key if it is text; anything else names no record."""
    return value if isinstance(value, str) and value else None


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's keys as a dict, refusing a key given twice (as YAML files do)."""
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return value


class _KeysOnce(dict[str, Any]):
    """A JSON object read with each key's first value; ``repeated`` names the keys given again."""

    repeated: list[str]


def _first_of_each_key(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value = _KeysOnce()
    value.repeated = []
    for key, item in pairs:
        if key in value:
            value.repeated.append(key)
        else:
            value[key] = item
    return value


def _meant_id(value: Any) -> str:
    r"""The id a broken reference most likely meant: no spaces, invisible characters or capitals.

    A zero-width space in ``to: task:lon`` breaks the edge; the task it names then does not
    also "lack an accountable owner".

    >>> _meant_id(" Task:Lon\u200b")
    'task:lon'
    """
    return "".join(c for c in str(value) if c.isprintable() and not c.isspace()).lower()


def _short(value: Any) -> str:
    """A value as data files write it, cut at 60 characters.

    >>> _short([date(2023, 1, 1), "x"]), _short(True)
    ("['2023-01-01', 'x']", 'True')
    """
    text = repr(_as_written(value))
    return text if len(text) <= 60 else text[:57] + "..."


def _as_written(value: Any) -> Any:
    # A date as YAML shows it, not as Python's repr (datetime.date(2023, 1, 1)).
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_as_written(item) for item in value]
    return value
