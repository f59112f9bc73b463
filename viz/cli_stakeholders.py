"""``orgmodel stakeholders [POST]``: a post's stakeholders by strategy, as a list to work from.

The stakeholder map's influence/interest grid (:func:`orgmodel.analytics.grid`, the same scores
as the view) as text: for each strategy (manage closely, keep satisfied, keep informed,
monitor) the stakeholders in it, the most influential and interested first. For the new chief
of Økonomi og Stab, who maps them on the first day, and for scripts (``--json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from orgmodel.analytics import STRATEGY_ORDER, by_strategy
from orgmodel.cli import (
    EXIT_USAGE,
    CommandError,
    add_common_options,
    examples,
    open_store_from_args,
    print_table,
)
from orgmodel.hint_model import kind_phrase
from orgmodel.messages import kind_label, name_in, t
from orgmodel.stakeholder_map import stakeholders_answer
from orgmodel.ties import tie_text
from viz import gather
from viz.stakeholder_csv import stakeholders_csv
from viz.texts import ui
from viz.views import build_view

__all__ = ["cmd_stakeholders", "register_stakeholders"]

#: The whole map, however large (the view's own limit is for drawing).
_NO_LIMIT = 10**9

def register_stakeholders(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``orgmodel stakeholders``."""
    helptext = ("a post's stakeholders by influence and interest: whom to manage closely, keep "
                "satisfied, keep informed or monitor")
    parser = commands.add_parser(
        "stakeholders", help=helptext,
        description=helptext + " (the stakeholder map's grid, as a list).",
        **examples("orgmodel stakeholders", 'orgmodel stakeholders "Kommunaldirektør" --depth 1',
                   "orgmodel stakeholders post:chef-okonomi-og-stab --json --lang en"))
    parser.add_argument("post", nargs="?", default=None, metavar="POST",
                        help="the post: its id or its name (default: $ORGMODEL_DEFAULT_POST, "
                             "else the Chef for Økonomi og Stab; in data without either, the "
                             "post with the most relations)")
    # ... or --post, as `orgmodel view stakeholders --post` takes it
    parser.add_argument("--post", dest="post_option", default=None, metavar="POST",
                        help="the same as POST")
    parser.add_argument("--depth", type=int, choices=(1, 2, 3), default=2,
                        help="steps from the post a stakeholder may be (default 2, as the map)")
    parser.add_argument("--csv", action="store_true",
                        help="the map's table as CSV, for a spreadsheet (as the map's page offers "
                             "it: ';' between fields in Danish, ',' with --lang en)")
    add_common_options(parser)
    parser.set_defaults(handler=cmd_stakeholders)


def cmd_stakeholders(args: argparse.Namespace) -> int:
    """Print the post's stakeholders, grouped by strategy."""
    if args.post and args.post_option:
        raise CommandError(ui("post_twice", args.lang), EXIT_USAGE)
    asked = args.post or args.post_option
    store = open_store_from_args(args)
    when: date = args.as_of or date.today()
    try:
        post = (gather.resolve_post(store, asked, as_of=when) if asked
                else gather.default_post(store, as_of=when))
    except gather.NotAPostError as exc:  # a unit's name: which posts were perhaps meant
        meant = [name_in(node.name, node.name_en, args.lang) + f" ({node.id})"
                 for node in gather.posts_like(store, exc.name, as_of=when)]
        raise CommandError(ui("error_not_post", args.lang, name=name_in(
            exc.name, exc.name_en, args.lang), kind=kind_phrase(exc.kind, args.lang)) + (
            t("did_you_mean", args.lang, names=", ".join(meant)) if meant else "")) from None
    if post is None:
        raise CommandError(ui("no_posts", args.lang, date=when.isoformat()))
    if args.json and args.csv:
        raise CommandError(ui("json_or_csv", args.lang), EXIT_USAGE)
    if args.csv:  # as the map's page offers it
        graph = build_view(store, "stakeholders", lang=args.lang, as_of=when, post=post,
                           depth=args.depth, limit=_NO_LIMIT)
        sys.stdout.write(stakeholders_csv(graph, args.lang))
        return 0
    if args.json:  # as GET /api/v1/stakeholders/{post} gives it
        answer = stakeholders_answer(store, post, as_of=when, depth=args.depth)
        print(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return 0
    found = gather.stakeholders(store, as_of=when, post=post, depth=args.depth)
    nodes = {n.id: n for n in found.subgraph.nodes}
    ranked = by_strategy(found.scores)  # as the map's table lists them
    lang = args.lang

    def called(node_id: str) -> str:
        # The ego network holds every stakeholder and the fora the post sits in; a forum a
        # collaboration runs through may lie beyond it, and is read on its own.
        node = nodes.get(node_id) or store.node(node_id, as_of=when)
        return name_in(node.name, node.name_en, lang)

    print(f"{called(post)} ({post}), {when.isoformat()}")
    if asked is None and post != gather.named_default(store, as_of=when):  # chosen for the reader
        print(ui("post_chosen", lang))
    for quadrant in STRATEGY_ORDER:
        rows = [(called(s.id), kind_label(nodes[s.id].kind.value, nodes[s.id].attributes, lang),
                 f"{s.influence:.2f}", f"{s.interest:.2f}", s.distance,
                 tie_text(found.ties.get(s.id, []), called, lang),
                 ", ".join(called(forum) for forum in found.via.get(s.id, [])))
                for s in ranked if s.quadrant is quadrant]
        print(f"\n{ui('q_' + quadrant.value, lang)} ({len(rows)})")
        if rows:
            print_table(rows, [ui("name", lang), ui("kind", lang), ui("influence", lang),
                               ui("interest", lang), ui("steps", lang), ui("tie", lang),
                               ui("via", lang)])
    return 0
