"""``orgmodel history``: who changed what, and when (the audit log of writes).

Read from Neo4j (the audit log lives in the graph), from a running API with ``--url`` (the
embedded store keeps its edits, and their log, in the API's process) or from the API's audit
file (``--file``, default ``$ORGMODEL_AUDIT_FILE``: JSON lines, kept across restarts). Each
write is one line, then one line per field it changed.

Examples
--------
>>> before = {"id": "task:lon", "name": "Løn", "aliases": ["payroll"]}
>>> for line in changes(before, {**before, "name": "Lønudbetaling"}, "da"):
...     print(line)
name: 'Løn' → 'Lønudbetaling'
>>> changes(before, {**before, "aliases": ["lønkørsel"]}, "en")
["aliases: + 'lønkørsel', − 'payroll'"]
>>> changes(None, before, "en")
['created: Løn', "aliases: ['payroll']"]
>>> changes({"type": "HEADS", "from": "post:a", "to": "unit:a", "valid_from": "2027-01-01"},
...         None, "da")
['slettet: post:a HEADS unit:a', "valid_from: '2027-01-01'"]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.parse
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError

from api.cli import HttpStatusError, http_get
from api.schemas import AUDIT_PAGE_MOST
from orgmodel.audit_query import AuditQuery, day_end, day_start
from orgmodel.audit_replay import NotAnAuditFileError, read_audit_file
from orgmodel.cli import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    add_common_options,
    examples,
    open_store_from_args,
)
from orgmodel.cli_args import at_most, iso_date
from orgmodel.contract import AuditEntry, WritableStore
from orgmodel.exceptions import NotFoundError
from orgmodel.messages import Lang, t

if TYPE_CHECKING:
    _Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = ["changes", "cmd_history", "register_history"]

_ENTRIES = TypeAdapter(list[AuditEntry])
_WORDS: dict[str, tuple[str, str]] = {
    "created": ("oprettet", "created"),
    "part_of": ("del af ændring #{first}", "part of change #{first}"),
    "comment": ("kommentar", "comment"),
    "not_in_graph": ("NB", "NB"),
    "deleted": ("slettet", "deleted"),
    # The actions, as the log names them.
    "create": ("opret", "create"), "update": ("ret", "update"), "delete": ("slet", "delete"),
    "discard": ("forkast", "discard"),
    "none": ("Ingen ændringer i loggen.", "No changes in the log."),
    "none_for": ("Ingen ændringer af {record} i loggen.", "No changes to {record} in the log."),
    # The changes of its edges (a unit moved out of it) are not the node's own.
    "none_for_edges": ("Ingen ændringer af {record} i loggen; ændringer af dens relationer: "
                       "orgmodel history --with-edges {record}",
                       "No changes to {record} in the log; changes to its edges: "
                       "orgmodel history --with-edges {record}"),
    "empty": ("(tom)", "(empty)"),
    "unknown": ("ukendt id: {record} findes hverken i grafen eller i loggen",
                "unknown id: {record} is neither in the graph nor in the log"),
    "no_history": (
        "det indlejrede lager starter forfra ved hver kørsel, uden historik: ændringer over API'et "
        "findes i API'ets proces (spørg den med --url) og i dens auditfil (--file, "
        "ORGMODEL_AUDIT_FILE), eller brug Neo4j (--neo4j); ændringer af datafilerne selv står "
        "i git (git log -p -- DATAMAPPE)",
        "the embedded store starts afresh each run, with no history: edits made over the API "
        "live in the API's process (ask it with --url) and in its audit file (--file, "
        "ORGMODEL_AUDIT_FILE), or use Neo4j (--neo4j); changes to the data files themselves "
        "are in git (git log -p -- DATA_FOLDER)"),
    "bad_line": ("{path}:{line}: ikke en auditpost, sprunget over: {reason}",
                 "{path}:{line}: not an audit entry, skipped: {reason}"),
    "since": ("API'ets log begynder {at} UTC, da det startede: ændringer fra før står ikke i "
              "den (men i dets auditfil, hvis det har en: --file)",
              "the API's log begins {at} UTC, when it started: changes from before are not in "
              "it (they are in its audit file, if it has one: --file)"),
    "limited": ("de {limit} nyeste ændringer; --limit N viser flere, --offset {next} de næste",
                "the {limit} newest changes; --limit N shows more, --offset {next} the next"),
    "limited_one": ("kun den nyeste ændring; --limit N viser flere, --offset {next} de næste",
                    "only the newest change; --limit N shows more, --offset {next} the next"),
    "counted": ("ændring {first}–{last} af {total}, nyeste først; --offset {next} viser de "
                "næste", "changes {first}–{last} of {total}, newest first; --offset {next} "
                "shows the next"),
    "edges_of_what": ("--with-edges er for en nodes relationer: angiv nodens ID",
                      "--with-edges is for a node's edges: give the node's ID"),
    "since_until": ("--since {since} er efter --until {until}: ingen ændring er begge",
                    "--since {since} is after --until {until}: no change is both"),
    "not_a_log": ("{url} svarede ikke med en auditlog: {reason}",
                  "{url} did not answer with an audit log: {reason}"),
}


def _word(key: str, lang: Lang, **values: object) -> str:
    da, en = _WORDS[key]
    return (da if lang == "da" else en).format(**values)


def register_history(commands: _Subparsers) -> None:
    """Add ``orgmodel history``."""
    helptext = "who changed what, and when: the audit log of writes, newest first"
    history = commands.add_parser(
        "history", help=helptext,
        description=helptext + ". From Neo4j (--neo4j / NEO4J_URI), where the log lives in the "
        "graph, or from a running API with --url (the embedded store's edits live there).",
        **examples("orgmodel history --url http://127.0.0.1:8000 task:lon --limit 5",
                   "orgmodel history --file audit.jsonl --with-edges unit:okonomi-og-stab",
                   "orgmodel history --neo4j --json"))
    history.add_argument("record", nargs="?", default=None, metavar="ID",
                         help="only this node id or edge key (see `orgmodel show`)")
    history.add_argument("--with-edges", action="store_true",
                         help="with a node's ID: also the writes of the edges to and from it "
                              "(those keyed TYPE:from->to)")
    history.add_argument("--actor", default=None, metavar="NAME",
                         help="only the writes of this writer (the name of its token)")
    history.add_argument("--since", type=iso_date, default=None, metavar="YYYY-MM-DD",
                         help="only the writes on or after this day (UTC)")
    history.add_argument("--until", type=iso_date, default=None, metavar="YYYY-MM-DD",
                         help="only the writes on or before this day (UTC)")
    history.add_argument("--limit", type=at_most(AUDIT_PAGE_MOST), default=20,
                         help=f"most writes to show (default 20, at most {AUDIT_PAGE_MOST})")
    history.add_argument("--offset", type=at_most(1_000_000, least=0), default=0, metavar="N",
                         help="skip the N newest writes first (to read on after a --limit)")
    history.add_argument("--url", default=None,
                         help="base URL of a running API, e.g. http://127.0.0.1:8000")
    history.add_argument("--token", default=os.environ.get("ORGMODEL_TOKEN"),
                         help="bearer token for --url (default $ORGMODEL_TOKEN)")
    history.add_argument("--file", type=Path, default=os.environ.get("ORGMODEL_AUDIT_FILE"),
                         metavar="FILE", help="the API's audit file, JSON lines (default "
                         "$ORGMODEL_AUDIT_FILE); used when neither --url nor Neo4j is asked")
    add_common_options(history, dated=False)
    history.set_defaults(handler=cmd_history)


def cmd_history(args: argparse.Namespace) -> int:
    """Print the writes, newest first, each with the fields it changed."""
    lang: Lang = args.lang
    if args.with_edges and not args.record:  # the edges of no record: said, not ignored
        raise CommandError(_word("edges_of_what", lang), EXIT_USAGE)
    if args.since and args.until and args.since > args.until:
        raise CommandError(_word("since_until", lang, since=args.since, until=args.until),
                           EXIT_USAGE)
    since: datetime | None = None  # when the API's log begins, if not with every write
    total: int | None  # how many writes the filters match (an older API does not say)
    if args.url:
        entries, total, since = _fetch(args)
    elif args.file and not (args.neo4j or os.environ.get("NEO4J_URI")):
        entries, total = _from_file(Path(args.file), _asked(args), args.limit, lang,
                                    offset=args.offset)
    else:
        entries, total = _from_store(args)
    began = _word("since", lang, at=f"{since:%Y-%m-%d %H:%M}") if since else None
    if args.record and not entries and not _known(args, args.record):
        # A typo in an id would otherwise read as "never changed".
        raise CommandError(_word("unknown", lang, record=args.record)
                           + (f"; {began}" if began else ""))
    if args.json:
        print(json.dumps([e.model_dump(mode="json") for e in entries], ensure_ascii=False,
                         indent=2))
        return EXIT_OK
    if not entries:
        print(_word("none", lang) if not args.record else _word(
            "none_for" if args.with_edges or not _is_node_id(args.record) else "none_for_edges",
            lang, record=args.record))
    if began:  # an embedded API's log: earlier writes are in its audit file only
        print(f"orgmodel: {began}", file=sys.stderr)
    shown_to = args.offset + len(entries)
    if total is not None and entries and shown_to < total:  # more: how many, and how to see them
        said = _word("counted", lang, first=args.offset + 1, last=shown_to, total=total,
                     next=shown_to)
        print(f"orgmodel: {said}", file=sys.stderr)
    elif total is None and len(entries) == args.limit:  # there may be more
        said = _word("limited_one" if args.limit == 1 else "limited", lang, limit=args.limit,
                     next=args.offset + args.limit)
        print(f"orgmodel: {said}", file=sys.stderr)
    for entry in entries:
        action = _word(entry.action, lang) if entry.action in _WORDS else entry.action
        part_of = (f"  ({_word('part_of', lang, first=entry.change)})"
                   if entry.change is not None and entry.change != entry.seq else "")
        print(f"#{entry.seq}  {entry.at:%Y-%m-%d %H:%M:%S} UTC  {entry.actor}  {action}  "
              f"{entry.record_key}{part_of}")
        if entry.comment:
            print(f"  {_word('comment', lang)}: {' '.join(entry.comment.split())}")
        if not_in_graph := (entry.not_in_graph_da if lang == "da" else None) \
                or entry.not_in_graph:  # the folder's newer record kept it out at start
            print(f"  {_word('not_in_graph', lang)}: {not_in_graph}")
        for line in changes(entry.before, entry.after, lang):
            print(f"  {line}")
    return EXIT_OK


def changes(before: dict[str, Any] | None, after: dict[str, Any] | None,
            lang: Lang) -> list[str]:
    """The fields a write changed, one line each (a creation or deletion in one line)."""
    if before is None and after is None:  # a mark in the log (a start without earlier writes)
        return []
    if before is None or after is None:
        record = (after if before is None else before) or {}
        name = record.get("name") or record.get("id") or " ".join(  # an edge has no name
            str(record[part]) for part in ("from", "type", "to") if part in record)
        # ... and what it said: from when, with which role (the administrator's probe: a new
        # accountable owner from 2027-01-01 showed neither its raci nor its date)
        return [f"{_word('created' if before is None else 'deleted', lang)}: {name}"] + [
            f"{field}: {record[field]!r}" for field in sorted(record)
            if field not in _NAMED_BY and record[field] not in (None, [], "")]
    return [_change(field, before.get(field), after.get(field), lang)
            for field in sorted(before.keys() | after.keys())
            if before.get(field) != after.get(field)]


#: The fields a created or deleted record is named by, on its first line.
_NAMED_BY = frozenset({"id", "name", "type", "from", "to"})


def _change(field: str, old: Any, new: Any, lang: Lang) -> str:
    """One changed field; a field that was or became unset says so in words, not ``None``.

    >>> _change("valid_to", None, "2025-12-31", "da")
    "valid_to: (tom) → '2025-12-31'"
    """
    if isinstance(old, list) and isinstance(new, list):  # aliases: what came and went
        return f"{field}: " + ", ".join([f"+ {v!r}" for v in new if v not in old]
                                        + [f"− {v!r}" for v in old if v not in new])

    def shown(value: Any) -> str:
        return _word("empty", lang) if value is None or value == [] else repr(value)

    return f"{field}: {shown(old)} → {shown(new)}"


def _from_store(args: argparse.Namespace) -> tuple[list[AuditEntry], int]:
    from api.runtime import is_local  # not at import: every orgmodel command loads this module

    store = open_store_from_args(args)
    if is_local(store) or not isinstance(store, WritableStore):
        raise CommandError(_word("no_history", args.lang))
    asked = _asked(args)
    return (store.audit_log(record_key=asked.record_key, offset=args.offset, limit=args.limit,
                            with_edges=asked.with_edges, actor=asked.actor, since=asked.since,
                            until=asked.until),
            store.audit_count(record_key=asked.record_key, with_edges=asked.with_edges,
                              actor=asked.actor, since=asked.since, until=asked.until))


def _asked(args: argparse.Namespace) -> AuditQuery:
    """The writes the command's arguments ask for (its days as whole days, UTC)."""
    return AuditQuery(record_key=args.record, with_edges=args.with_edges, actor=args.actor,
                      since=day_start(args.since) if args.since else None,
                      until=day_end(args.until) if args.until else None)


def _from_file(path: Path, asked: AuditQuery, limit: int, lang: Lang, *,
               offset: int = 0) -> tuple[list[AuditEntry], int]:
    """The entries of an audit file, newest first, and how many match in all.

    A damaged line (a write cut short) is skipped with a warning naming it, as the API does
    when it reopens the file.
    """
    try:
        path.stat()  # a file not there is named here, not read as an empty log
        found = read_audit_file(path)
    except OSError as exc:
        raise CommandError(t("unreadable_audit", lang, path=path,
                             reason=exc.strerror or exc)) from None
    try:
        found.check(path)  # a data file or anything else: not "no changes", exit 0
    except NotAnAuditFileError as exc:
        raise CommandError(exc.text(lang)) from None
    damaged = found.damaged
    entries = [entry for entry in found.entries if asked.matches(entry)]
    for number, reason in damaged:
        print("orgmodel: " + _word("bad_line", lang, path=path, line=number, reason=reason),
              file=sys.stderr)
    return sorted(entries, key=lambda e: e.seq, reverse=True)[offset:offset + limit], len(entries)


def _is_node_id(record: str) -> bool:
    """Whether ``record`` is written as a node id ("unit:x"), not an edge's key or id.

    >>> _is_node_id("unit:okonomi-og-stab"), _is_node_id("PART_OF:unit:a->unit:b")
    (True, False)
    """
    return ":" in record and "->" not in record


def _known(args: argparse.Namespace, record: str) -> bool:
    """Whether ``record`` is a node id or edge key of the graph the log is about.

    Asked only when the log has nothing on it: the running API for ``--url``, else the store
    (Neo4j, or the data folder beside an audit file). Anything that cannot tell counts as known.
    """
    from api.services import read_record  # not at import, as in _from_store

    if args.url:
        kind = "edges" if "->" in record else "nodes"
        try:
            http_get(args.url, f"/api/v1/{kind}/{urllib.parse.quote(record, safe=':')}",
                     args.token, args.lang)
        except HttpStatusError as exc:
            return exc.status != 404
        return True
    try:
        read_record(open_store_from_args(args), record)
    except NotFoundError:
        return False
    return True


def _fetch(args: argparse.Namespace) -> tuple[list[AuditEntry], int | None, datetime | None]:
    """The API's log (for the record asked about), its total and when it begins.

    The total is how many writes match in all (``None`` from an API that does not say); the
    beginning is given when the log does not hold every write.
    """
    query = ({"limit": str(args.limit)} | ({"offset": str(args.offset)} if args.offset else {})
             | ({"record": args.record} if args.record else {})
             | ({"with_edges": "true"} if args.with_edges else {})
             | {name: str(value) for name in ("actor", "since", "until")
                if (value := getattr(args, name, None))})
    try:
        body = http_get(args.url, "/api/v1/audit?" + urllib.parse.urlencode(query), args.token,
                        args.lang)
    except HttpStatusError as exc:
        if exc.status != 404 or not args.record:
            raise
        # The API knows no such record: no writes, and when its log begins, for the message.
        return [], 0, _fetch(argparse.Namespace(**{**vars(args), "record": None,
                                                   "limit": 1}))[2]
    try:
        page = json.loads(body)
        since = page.get("kept_since")
        total = page.get("total")
        return (_ENTRIES.validate_python(page["items"]),
                total if isinstance(total, int) else None,
                datetime.fromisoformat(since) if since else None)
    except (ValueError, KeyError, TypeError, AttributeError, ValidationError) as exc:
        raise CommandError(_word("not_a_log", args.lang, url=args.url, reason=exc)) from None
