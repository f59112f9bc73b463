"""``orgmodel list``: the nodes of a kind, or as sure as asked, on a date.

For whoever keeps the data true ("what does the data only assume?": ``--confidence low``)
and for the new chief learning what the model holds (``--kind Initiative``). The API's
``GET /api/v1/nodes?kind=…&confidence=…``, on the command line.
"""

from __future__ import annotations

import argparse
import json
import sys

from orgmodel.cli import (
    EXIT_FAILED,
    EXIT_OK,
    add_common_options,
    examples,
    open_store_from_args,
    print_table,
)
from orgmodel.cli_args import positive_int
from orgmodel.cli_print import name as display_name
from orgmodel.messages import CONFIDENCE_NAMES, kind_label, t
from orgmodel.schema import Confidence, Kind

__all__ = ["cmd_list", "register_list"]


def register_list(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``orgmodel list``."""
    helptext = "the nodes of a kind, or whose records are as sure as asked, by id"
    parser = commands.add_parser(
        "list", help=helptext,
        description=helptext + " (--confidence low: what the data only assumes, to check).",
        **examples("orgmodel list --confidence low", "orgmodel list --kind Initiative",
                   "orgmodel list --kind Post --confidence low --json"))
    # (choices as text: a word of no kind is told the kinds there are)
    parser.add_argument("--kind", choices=[k.value for k in Kind], metavar="KIND",
                        help="only this kind: " + ", ".join(k.value for k in Kind))
    parser.add_argument("--confidence", choices=[c.value for c in Confidence],
                        metavar="LEVEL", help="only records this sure: high, medium or low")
    parser.add_argument("--limit", type=positive_int, default=500,
                        help="most nodes to list (default 500)")
    add_common_options(parser)
    parser.set_defaults(handler=cmd_list)


def cmd_list(args: argparse.Namespace) -> int:
    """Print the nodes asked for: name, kind, id, how sure, and the source."""
    store = open_store_from_args(args)
    page = store.list_nodes(kind=Kind(args.kind) if args.kind else None,
                            confidence=Confidence(args.confidence) if args.confidence else None,
                            limit=args.limit, as_of=args.as_of)
    if args.json:
        print(json.dumps({"total": page.total, "nodes": [
            node.model_dump(mode="json", include={"id", "name", "name_en", "kind", "source",
                                                  "confidence", "note"})
            for node in page.items]}, ensure_ascii=False, indent=2))
        return EXIT_OK if page.items else EXIT_FAILED
    lang = args.lang
    if not page.items:
        print(t("none_listed", lang), file=sys.stderr)
        return EXIT_FAILED
    print_table([(display_name(node, lang), kind_label(node.kind.value, node.attributes, lang),
                  node.id, CONFIDENCE_NAMES[node.confidence.value][lang == "en"], node.source)
                 for node in page.items],
                [t("name", lang), t("kind", lang), t("id", lang), t("confidence", lang),
                 t("source", lang)])
    if page.total > len(page.items):
        print(t("more_listed", lang, shown=len(page.items), total=page.total))
    return EXIT_OK
