"""The ``orgmodel`` command: validate data and ask the organisation questions.

Other packages add commands (``serve``, ``view``, ``site``) through the entry-point group
``orgmodel.commands``, so this domain module never imports the API or the views.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from orgmodel.asked_date import as_of_note
from orgmodel.asker import (
    advice_of_data,
    ask_instead,
)
from orgmodel.cli_args import (
    iso_date,
    node_id,
    output_file,
    positive_int,
    question,
)
from orgmodel.cli_print import (
    kind_label,
    print_chain,
    print_node,
    print_owners,
    print_table,
)
from orgmodel.cli_print import name as display_name
from orgmodel.cli_usage import UsageError, UsageParser, language_asked
from orgmodel.contract import OrgStore
from orgmodel.dataset import Dataset
from orgmodel.exceptions import (
    DataValidationError,
    NotFoundError,
    NotValidOnDateError,
    OrgModelError,
    Problem,
    StoreUnavailableError,
    held_text,
)
from orgmodel.kle_catalogue import hint as kle_hint
from orgmodel.loader import load_dataset, unread_files
from orgmodel.messages import Lang, name_in, t
from orgmodel.node_hint import NodeHint, answers_and_hint, only_weak
from orgmodel.notices import notices_of
from orgmodel.problem_text import in_danish, problem_line
from orgmodel.question_read import read_question
from orgmodel.resolve import UnknownNodeError, check_written_id, resolve_node
from orgmodel.store.sync_defaults import DEFAULT_BATCH_SIZE, DEFAULT_WORKERS
from orgmodel.vocabulary import DEFAULT_DATA_DIR, load_vocabulary
from orgmodel.year_changes import with_year_changes

__all__ = ["CommandError", "add_common_options", "examples", "main", "open_store_from_args",
           "print_table"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3


class CommandError(OrgModelError):
    """A command could not do what was asked; the message says why."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        self.exit_code = exit_code
        super().__init__(message)


class _ExamplesFormatter(argparse.HelpFormatter):
    """The description wrapped to the terminal, as argparse does; the examples as typed."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith(_EXAMPLES):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


_EXAMPLES = "Examples:\n"


def examples(*commands: str) -> dict[str, Any]:
    """``add_parser`` arguments that show ``commands`` under --help as they are typed.

    >>> examples("orgmodel who-owns løn")["epilog"].splitlines()
    ['Examples:', '  orgmodel who-owns løn']
    """
    return {"epilog": _EXAMPLES + "".join(f"  {command}\n" for command in commands),
            "formatter_class": _ExamplesFormatter}


def add_common_options(parser: argparse.ArgumentParser, *, dated: bool = True,
                       json_output: bool = True, language: bool = True) -> None:
    """Add the options commands share: the data, and the date, JSON and language of answers.

    ``dated``, ``json_output`` and ``language`` add ``--as-of``, ``--json`` and ``--lang``.
    A command offers only the options it uses: ``serve`` answers in both languages, for any
    date asked in a request, so ``--as-of`` or ``--lang`` would do nothing there.
    """
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"data folder (default: $ORGMODEL_DATA_DIR or {DEFAULT_DATA_DIR}); read even "
        "when NEO4J_URI is set",
    )
    parser.add_argument(
        "--neo4j",
        action="store_true",
        help="query Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) instead of the "
        "embedded graph; implied when NEO4J_URI is set",
    )
    if dated:
        parser.add_argument(
            "--as-of",
            type=iso_date,
            default=None,
            metavar="DATE",
            help="answer as the organisation was on DATE (YYYY-MM-DD; default today)",
        )
    if json_output:
        parser.add_argument("--json", action="store_true", help="print JSON for machines")
    if language:
        parser.add_argument(
            "--lang",
            choices=("da", "en"),
            default=os.environ.get("ORGMODEL_LANG", "da"),
            help="language of the output (default da)",
        )


def data_dir_from_args(args: argparse.Namespace) -> Path:
    """The data folder chosen on the command line or in the environment."""
    chosen = args.data or os.environ.get("ORGMODEL_DATA_DIR")
    return Path(chosen) if chosen else DEFAULT_DATA_DIR


def open_store_from_args(args: argparse.Namespace) -> OrgStore:
    """The store the options ask for: Neo4j, or the embedded graph of the data folder.

    ``NEO4J_URI`` asks for Neo4j unless a data folder is named on the command line: what a
    command is told beats what its environment says (``--neo4j`` asks for Neo4j always).
    """
    from orgmodel.store import open_store

    use_neo4j = bool(getattr(args, "neo4j", False)) or (
        bool(os.environ.get("NEO4J_URI")) and getattr(args, "data", None) is None)
    return open_store(data_dir=data_dir_from_args(args), use_neo4j=use_neo4j)


def _dump(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


# -- commands ---------------------------------------------------------------------------------


def _load_or_report(folder: Path, lang: Lang, *, as_json: bool = False) -> Dataset | None:
    """Load a data folder; on bad data print every problem and a summary to stderr.

    ``as_json`` also prints the problems on stdout, for machines, as
    ``{"valid": false, "problems": [{file, line, message, record_id, field}]}``.
    """
    try:
        return load_dataset(folder)
    except DataValidationError as exc:
        if as_json:
            _dump({"valid": False, "problems": [dataclasses.asdict(p) for p in exc.problems]})
        print_problems(exc.problems, lang)
        print(t("invalid_data", lang, count=len(exc.problems), folder=folder), file=sys.stderr)
        for meant in _data_folders_under(folder):  # "data/" for "data/albertslund"
            print(t("data_folder_meant", lang, folder=meant), file=sys.stderr)
        return None


#: How many problems of one kind are printed before the rest are counted: a file of 60,000
#: tasks without an owner printed 60,000 lines of the same message (the administrator's probe).
ALIKE_SHOWN = 10


def print_problems(problems: Sequence[Problem], lang: Lang) -> None:
    """Print ``problems`` to stderr, each kind's first :data:`ALIKE_SHOWN`, the rest counted.

    A kind is a message alike but for the record and where it is (``--json`` lists them all).
    """
    alike: Counter[str] = Counter()
    for problem in problems:
        alike[problem.message] += 1
        if alike[problem.message] <= ALIKE_SHOWN:
            print(problem_line(problem, lang), file=sys.stderr)
    for message, count in alike.items():
        if count > ALIKE_SHOWN:
            said = message if lang == "en" else in_danish(message)
            print(t("more_alike", lang, count=count - ALIKE_SHOWN, message=said), file=sys.stderr)


def _data_folders_under(folder: Path) -> list[Path]:
    """The folders right under ``folder`` whose data files hold nodes (read their start only)."""
    if not folder.is_dir():
        return []
    found = []
    for child in sorted(folder.iterdir()):
        if child.is_dir() and not child.name.startswith(".") and any(
                _holds_nodes(path) for path in sorted(child.glob("*.yaml"))[:20]):
            found.append(child)
    return found


def _holds_nodes(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            start = file.read(65536)
    except OSError:
        return False
    return start.startswith("nodes:") or "\nnodes:" in start


def _one_folder(args: argparse.Namespace) -> Path:
    """The folder ``DIR`` names, or ``--data``; both naming different ones is a usage error.

    ``validate DIR --data OTHER`` checked DIR without a word about OTHER.
    """
    if args.folder and args.data and Path(args.folder).resolve() != Path(args.data).resolve():
        raise CommandError(t("two_folders", _said_in(args), folder=args.folder, data=args.data),
                           EXIT_USAGE)
    return Path(args.folder) if args.folder else data_dir_from_args(args)


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate a data folder: exit 0 if whole, 1 with every problem on stderr."""
    folder = _one_folder(args)
    dataset = _load_or_report(folder, args.lang, as_json=args.json)
    if dataset is None:
        return EXIT_FAILED
    notices = unread_files(folder) + notices_of(dataset, load_vocabulary().catalogue)
    if args.json:
        _dump({"valid": True, "nodes": len(dataset.nodes), "edges": len(dataset.edges),
               "problems": [], "notices": [dataclasses.asdict(n) for n in notices]})
    else:
        print(
            t(
                "valid_data",
                args.lang,
                nodes=len(dataset.nodes),
                edges=len(dataset.edges),
                folder=folder,
            )
        )
        for notice in notices:  # valid, but worth a look
            print(f"{t('notice', args.lang)}: {problem_line(notice, args.lang)}", file=sys.stderr)
    return EXIT_OK


def cmd_load(args: argparse.Namespace) -> int:
    """Validate a data folder, then sync it into Neo4j in one all-or-nothing switch."""
    if not (args.neo4j or args.uri or os.environ.get("NEO4J_URI")):
        raise CommandError(t("load_needs_neo4j", args.lang), EXIT_USAGE)
    folder = _one_folder(args)
    dataset = _load_or_report(folder, args.lang)
    if dataset is None:
        print(t("nothing_written", args.lang), file=sys.stderr)
        return EXIT_FAILED
    from orgmodel.store.neo4j_load import load_into_neo4j  # the driver is imported only here

    load_into_neo4j(dataset, uri=args.uri, user=args.user, password_env=args.password_env,
                    prune=args.prune, batch_size=args.batch_size, workers=args.workers,
                    as_json=args.json, verify=args.verify, lang=args.lang)
    return EXIT_OK


def _print_hints(named: NodeHint | None, text: str, results: Sequence[object],
                 lang: Lang, store: OrgStore, when: date) -> None:
    """To stderr: what the question names that is not a task, or what to ask instead.

    With no answer: what to ask instead of a question about the asker ("hvem er min chef?"),
    else the KLE topic the question fits.
    """
    if named is not None:
        print(named.text(lang), file=sys.stderr)
    elif not results and (advice := advice_of_data(text, store, as_of=when)) is not None:
        print(advice.text(lang), file=sys.stderr)
    elif not results and (topic := kle_hint(text, load_vocabulary().catalogue)) is not None:
        print(t("kle_hint", lang, number=topic.number, title=topic.title), file=sys.stderr)


def cmd_who_owns(args: argparse.Namespace) -> int:
    """Print who owns the tasks matching TEXT."""
    store = open_store_from_args(args)
    question, phone, amount, who_not = read_question(store, args.text, as_of=args.as_of,
                                                     today=date.today())
    text, when = question.text, question.when
    results, named = answers_and_hint(
        store, text, store.owners(text, limit=args.limit, as_of=when), as_of=when)
    if not results and named is None:  # "task:lonn": no answer, but the id perhaps meant
        check_written_id(store, text, as_of=when)
    results = with_year_changes(store, results, question)
    # What the question names answers it when it says who is in charge ("hvem er
    # kommunaldirektør?": the post's holder), with or without tasks.
    # ... or says what it is, where no one is in charge of it ("hvem er Genitor?": a recruiting
    # firm's description was on stderr, exit 1, and a script took the answer for a failure)
    answered = bool(results) or (named is not None and (
        named.answers or (bool(named.about) and not named.not_on_date)))
    if question.set_aside is not None:  # the question's date, set aside by --as-of: said
        print(t("as_of_set_aside", args.lang, named=question.set_aside.isoformat(),
                as_of=when.isoformat()), file=sys.stderr)
    if question.named is not None:  # say which date the answer is for: the question chose it
        beside = args.json or not answered  # stdout holds the JSON, or nothing at all
        event = question.event_en if args.lang == "en" and question.event_en else question.event
        print(as_of_note(question.named, question.reading, args.lang, event=event),
              file=sys.stderr if beside else sys.stdout)
    if args.json:
        _dump(
            [
                {
                    "task": r.task.model_dump(mode="json",
                                              include={"id", "name", "name_en", "kle"}),
                    "owners": [
                        o.model_dump(mode="json", include={"id", "name", "name_en", "kind",
                                                           "raci", "confidence", "source"})
                        for o in r.owners
                    ],
                    "accountable_post": r.accountable_post.model_dump(
                        mode="json", include={"id", "name", "name_en", "kind"}
                    )
                    if r.accountable_post
                    else None,
                    "escalation": [
                        e.model_dump(mode="json", include={"id", "name", "name_en", "kind"})
                        for e in r.escalation
                    ],
                    "score": r.score,
                    "sources": r.sources,
                    "notes": [n.model_dump(mode="json") for n in r.notes],
                }
                for r in results
            ]
        )
        # The list on stdout keeps its shape for scripts; the hints (the API's node_hint and
        # kle_hint) go to stderr, where a person running the script still reads them.
        _print_hints(named, text, results, args.lang, store, when)
        return EXIT_OK if results else EXIT_FAILED
    if not answered:  # exit 1: nothing answers it; a hint may still say what it names
        if phone:
            print(t("no_phone_numbers", args.lang), file=sys.stderr)
        if amount:
            print(t("no_amounts", args.lang), file=sys.stderr)
        if who_not:
            print(t("not_who_not", args.lang), file=sys.stderr)
        searching = named is None and ask_instead(text) is None  # other words may find it
        if searching:
            print(t("no_answer", args.lang, query=args.text), file=sys.stderr)
        _print_hints(named, text, results, args.lang, store, when)
        if searching:
            print(t("try_search", args.lang), file=sys.stderr)
        return EXIT_FAILED
    lang: Lang = args.lang
    if phone:  # a number no record holds: said, before what the data has
        print(t("no_phone_numbers", lang))
        print()
    if amount:  # ... and so is an amount
        print(t("no_amounts", lang))
        print()
    if who_not:  # "hvem har IKKE ansvaret …": the data says who has
        print(t("not_who_not", lang))
        print()
    if named is None and only_weak(results):  # what no task is: said first
        print(t("only_weak", lang))
        print()
    if named is not None:  # first, as on the start page: "hvem leder IT?" is answered by it
        print(named.text(lang))
    for number, r in enumerate(results):
        if number or named is not None:
            print()
        print_owners(store, r, as_of=when, lang=lang)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    """Print the nodes matching TEXT."""
    store = open_store_from_args(args)
    hits = store.search(args.text, limit=args.limit, as_of=args.as_of)
    if args.json:
        _dump([h.model_dump(mode="json") for h in hits])
        return EXIT_OK if hits else EXIT_FAILED
    if not hits:
        print(t("no_answer", args.lang, query=args.text), file=sys.stderr)
        return EXIT_FAILED
    # Each hit's node, for its name in the language asked for and a unit's level.
    nodes = [store.node(h.id, as_of=args.as_of) for h in hits]
    print_table(
        [(display_name(n, args.lang), kind_label(n.kind.value, n.attributes, args.lang), h.id,
          f"{h.score:.2f}") for h, n in zip(hits, nodes, strict=True)],
        [t("name", args.lang), t("kind", args.lang), t("id", args.lang), t("score", args.lang)],
    )
    return EXIT_OK


def cmd_chain(args: argparse.Namespace) -> int:
    """Print the reporting line from ID to the top."""
    store = open_store_from_args(args)
    links = store.chain(resolve_node(store, args.id, as_of=args.as_of), as_of=args.as_of)
    if args.json:
        _dump([link.model_dump(mode="json", include={"id", "name", "name_en", "kind"})
               for link in links])
        return EXIT_OK
    print_chain(store, links, as_of=args.as_of, lang=args.lang)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    """Print one node with its relations."""
    store = open_store_from_args(args)
    node = store.node(resolve_node(store, args.id, as_of=args.as_of), as_of=args.as_of)
    edges = store.edges_of(node.id, as_of=args.as_of)
    if args.json:
        _dump(
            {
                "node": node.model_dump(mode="json"),
                "edges": [e.model_dump(mode="json") for e in edges],
            }
        )
        return EXIT_OK
    print_node(store, node, edges, as_of=args.as_of, lang=args.lang)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Print or write the JSON Schema of data files."""
    from orgmodel.jsonschema import data_file_schema_text

    text = data_file_schema_text()
    if args.out is None:
        print(text, end="")
        return EXIT_OK
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"cannot write {args.out}: {exc.strerror}") from None
    return EXIT_OK


Registrar = Callable[["argparse._SubParsersAction[UsageParser]"], None]


def _build_parser(plugins: dict[str, Registrar]) -> argparse.ArgumentParser:
    parser = UsageParser(
        prog="orgmodel",
        description="An organisation as a knowledge graph: who owns which task, reporting "
        "lines, fora, and views for the intranet (the bundled data: Albertslund Kommune, around "
        "its department Økonomi og Stab; --data or $ORGMODEL_DATA_DIR names another).",
        **examples("orgmodel who-owns løn", "orgmodel who-owns payroll --json",
                   "orgmodel search indkøb", "orgmodel chain post:chef-okonomi-og-stab",
                   "orgmodel validate data/albertslund"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    validate = commands.add_parser(
        "validate", help="check a data folder; list every problem",
        description="Check a data folder: every problem, one per line on stderr, as FILE:LINE: "
        "id: field: message (nothing is loaded while one remains). Exit 0: sound; 1: problems "
        "(a folder that is missing too). --json also prints {valid, nodes, edges, problems: "
        "[{file, line, record_id, field, message}]} on stdout, its messages in English.",
        **examples("orgmodel validate", "orgmodel validate data/albertslund --lang en",
                   "orgmodel validate --json"))
    validate.add_argument(
        "folder",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="data folder (default: --data or the bundled data/albertslund)",
    )
    add_common_options(validate, dated=False)
    validate.set_defaults(handler=cmd_validate)

    for name, handler, arg, helptext, arghelp, uses in (
        ("who-owns", cmd_who_owns, "text", "who owns a task (text, task id or KLE number); "
         "for a system, initiative, unit, committee or post: who is in charge of it",
         "the question, in Danish or English, a task id or a KLE number",
         ["løn", '"hvem har ansvaret for MUS?"', '"who pays salaries?" --lang en',
          '"hvem er formand for Økonomiudvalget?"', "81.15 --json",
          "indkøb --as-of 2024-01-01", '"hvem havde ansvaret for løn i 2022?"']),
        ("search", cmd_search, "text", "search nodes (Danish-aware, synonyms, typos)",
         "words to look for in names, aliases and KLE keywords",
         ["indkøb", '"head of IT"', "sagsbehandlng --limit 3"]),
        ("chain", cmd_chain, "id", "reporting line from a post or unit to the top",
         "a post, unit, team or task: its id, name, English name or alias (see `orgmodel "
         "search`)",
         ["post:chef-okonomi-og-stab", "unit:it-og-digitalisering --json"]),
        ("show", cmd_show, "id", "one node and its relations",
         "any node: its id, name, English name or alias (see `orgmodel search`)",
         ["task:lon", "body:okonomiudvalget --lang en"]),
    ):
        sub = commands.add_parser(name, help=helptext, description=helptext,
                                  **examples(*(f"orgmodel {name} {e}" for e in uses)))
        sub.add_argument(arg, metavar=arg.upper(), type=question if arg == "text" else node_id,
                         help=arghelp)
        if arg == "text":
            sub.add_argument(
                "--limit",
                type=positive_int,
                default=5 if name == "who-owns" else 10,
                help="most answers to show",
            )
        add_common_options(sub)
        sub.set_defaults(handler=handler)

    load = commands.add_parser(
        "load", help="validate a data folder and sync it into Neo4j (all or nothing)",
        description="Validate DIR, then make Neo4j hold exactly its records: new ones added, "
        "changed ones updated, missing ones removed (unless --no-prune), in one atomic switch. "
        "A second load of the same folder reports no changes.")
    load.add_argument("folder", nargs="?", type=Path, metavar="DIR",
                      help="data folder (default: --data or the bundled data/albertslund)")
    load.add_argument("--uri", default=None, help="Neo4j URI (default $NEO4J_URI)")
    load.add_argument("--user", default=None, help="Neo4j user (default $NEO4J_USER or neo4j)")
    load.add_argument("--password-env", default="NEO4J_PASSWORD", metavar="VAR",
                      help="environment variable holding the password (default NEO4J_PASSWORD)")
    load.add_argument("--no-prune", dest="prune", action="store_false",
                      help="keep records that are in Neo4j but no longer in the files")
    load.add_argument("--verify", action="store_true",
                      help="compare the files with what Neo4j stores, property by property, "
                      "and put back what was changed around orgmodel (e.g. in Neo4j Browser); "
                      "reads the whole graph")
    load.add_argument("--batch-size", type=positive_int, default=DEFAULT_BATCH_SIZE,
                      metavar="N",
                      help=f"records per write statement (default {DEFAULT_BATCH_SIZE})")
    load.add_argument("--workers", type=positive_int, default=DEFAULT_WORKERS, metavar="N",
                      help="batches written at the same time, each its own transaction, before "
                      f"the one-transaction switch (default {DEFAULT_WORKERS}; more for a "
                      "server with more cores)")
    add_common_options(load, dated=False)
    load.set_defaults(handler=cmd_load)

    schema = commands.add_parser(
        "schema", help="print or write the JSON Schema of data files",
        description="Print (or write with --out) the JSON Schema that data files follow: "
                    "editors that read it (VS Code's YAML extension) check and complete a data "
                    "file as it is written.")
    schema.add_argument(
        "--out",
        type=output_file,
        default=None,
        metavar="FILE",
        help="write to FILE (e.g. data/schema/orgmodel-data.schema.json)",
    )
    schema.set_defaults(handler=cmd_schema, lang="da")

    for register in plugins.values():
        register(commands)
    return parser


def _plugins() -> dict[str, Registrar]:
    found = {}
    for entry in entry_points(group="orgmodel.commands"):
        try:
            found[entry.name] = entry.load()
        except ImportError as exc:  # a missing optional part must not break the core commands
            print(f"orgmodel: command {entry.name!r} unavailable: {exc}", file=sys.stderr)
    return found


def _not_found_text(exc: UnknownNodeError | NotValidOnDateError, args: argparse.Namespace) -> str:
    """What was not found, in the language asked for, with the nodes perhaps meant."""
    lang: Lang = "en" if getattr(args, "lang", "da") == "en" else "da"
    if isinstance(exc, NotValidOnDateError) and (span := held_text(
            exc.valid_from, exc.valid_to, ("from", "to") if lang == "en" else ("fra", "til"))):
        return t("not_valid_on_span", lang, id=exc.node_id, date=exc.when.isoformat(), span=span)
    if isinstance(exc, NotValidOnDateError):
        return t("not_valid_on", lang, id=exc.node_id, date=exc.when.isoformat())
    names = ", ".join(f"{name_in(n.name, n.name_en, lang)} ({n.id})" for n in exc.closest)
    if exc.ambiguous:
        return t("ambiguous_name", lang, text=exc.text, names=names)
    return t("unknown_node", lang, text=exc.text) + (
        t("did_you_mean", lang, names=names) if names else "")


def _said_in(args: argparse.Namespace) -> Lang:
    """The language a command speaks: its --lang, or ORGMODEL_LANG for one without it."""
    lang = getattr(args, "lang", None) or os.environ.get("ORGMODEL_LANG", "da")
    return "en" if lang == "en" else "da"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``orgmodel`` command; return its exit code."""
    try:  # the commands' modules load here (a second): Ctrl-C then is no traceback either
        parser = _build_parser(_plugins())
    except KeyboardInterrupt:
        print("orgmodel: interrupted", file=sys.stderr)
        return 130
    words = sys.argv[1:] if argv is None else list(argv)
    try:
        args = parser.parse_args(words)
        if getattr(args, "lang", "da") not in ("da", "en"):  # argparse checks no default
            parser.error(f"ORGMODEL_LANG must be da or en, not {args.lang!r}")
    except UsageError as exc:
        print(exc.text(language_asked(words)), file=sys.stderr)
        return EXIT_USAGE
    try:
        code: int = args.handler(args)
    except DataValidationError as exc:
        print_problems(exc.problems, _said_in(args))
        print(
            t("invalid_data", _said_in(args), count=len(exc.problems),
              folder=data_dir_from_args(args)),
            file=sys.stderr,
        )
        return EXIT_FAILED
    except (UnknownNodeError, NotValidOnDateError) as exc:
        print(f"orgmodel: {_not_found_text(exc, args)}", file=sys.stderr)
        return EXIT_FAILED
    except NotFoundError as exc:
        print(f"orgmodel: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except CommandError as exc:
        print(f"orgmodel: {exc}", file=sys.stderr)
        return exc.exit_code
    except StoreUnavailableError as exc:
        print(f"orgmodel: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except OrgModelError as exc:
        print(f"orgmodel: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("orgmodel: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped early (`| head`): not an error of ours
        # Point stdout at /dev/null so that flushing it at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return code


if __name__ == "__main__":
    # Run as `python -m orgmodel.cli`, this file is __main__, and the commands in api/ import
    # orgmodel.cli anew: their CommandError would be another class than this module's, and
    # every such error an unexpected one (exit 1, not 2 or 3). The imported module runs.
    from orgmodel.cli import main as imported_main

    raise SystemExit(imported_main())
