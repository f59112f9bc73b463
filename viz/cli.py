"""The ``orgmodel view`` and ``orgmodel site`` commands: views for intranets that only host files.

* ``orgmodel view KIND --out FILE.html`` writes one self-contained file (vis-network, script and
  style inlined) that works opened from disk with no network at all.
* ``orgmodel site OUTDIR`` writes the start page and every view, in Danish and English
  (``OUTDIR/en/``), with the shared assets once in ``OUTDIR/static``. The start page's
  question is answered in the browser from the embedded answers of every task.

Both draw the whole graph (there is no server to fetch more from).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
from datetime import date
from pathlib import Path

from orgmodel.cli import (
    EXIT_USAGE,
    CommandError,
    add_common_options,
    examples,
    open_store_from_args,
)
from orgmodel.cli_args import output_file, output_folder
from orgmodel.contract import OrgStore
from orgmodel.home import home_name_words
from orgmodel.messages import Lang
from orgmodel.store.without_persons import WithoutPersons
from viz import gather
from viz.render import BUNDLE, STATIC_DIR, VIEWS, Page, asset_bytes, render_start, render_view
from viz.stakeholder_csv import BOM, stakeholders_csv
from viz.start import advice_texts, example_tasks, named_index, owner_index
from viz.texts import ui
from viz.views import POST_VIEWS, build_view

__all__ = ["cmd_site", "cmd_view", "register_site", "register_view", "write_site"]

#: Static files a site needs (not the vendored source map or the README).
_SITE_ASSETS = ("css", "js", "vendor/vis-network/vis-network.min.js",
                "vendor/vis-network/LICENSE-MIT", "vendor/vis-network/LICENSE-APACHE-2.0")
_NO_LIMIT = 10**9


def register_view(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``orgmodel view``."""
    parser = commands.add_parser(
        "view", help="write one view as a single HTML file that works offline",
        description="Write one view as a single self-contained HTML file (works from disk).",
        **examples("orgmodel view org --out organisation.html",
                   'orgmodel view stakeholders --post "Chef for Økonomi og Stab" --out kort.html',
                   "orgmodel view responsibilities --lang en --out responsibilities.html"))
    parser.add_argument("kind", choices=list(VIEWS), metavar="KIND",
                        help=f"which view: {', '.join(VIEWS)}")
    parser.add_argument("--out", type=output_file, required=True, metavar="FILE",
                        help="the HTML file (in a folder that exists)")
    parser.add_argument("--post", default=None, metavar="POST", type=_post,
                        help="post of the stakeholder map or case route: its id or its name "
                             "(default: $ORGMODEL_DEFAULT_POST, else the Chef for Økonomi og "
                             "Stab, or in data without either the post with the most "
                             "relations)")
    _add_without_persons(parser)
    add_common_options(parser)
    parser.set_defaults(handler=cmd_view)


def _post(text: str) -> str:
    """A post's id or name as given to --post; blank is a mistake, not the default post."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give a post's id or name (or leave --post out for "
                                         "the default post)")
    return text


def register_site(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``orgmodel site``."""
    parser = commands.add_parser(
        "site", help="write the start page and every view as a static site",
        description="Write the start page and every view (Danish and English) as a static site "
                    "with shared assets in OUTDIR/static.",
        **examples("orgmodel site public", "orgmodel site public --as-of 2024-01-01"))
    parser.add_argument("outdir", type=output_folder, metavar="OUTDIR",
                        help="folder to write into (made if missing)")
    parser.add_argument("--post", default=None, metavar="POST", type=_post,
                        help="post of the stakeholder map and case route: its id or its name "
                             "(default: $ORGMODEL_DEFAULT_POST, else the Chef for Økonomi og "
                             "Stab, or in data without either the post with the most "
                             "relations)")
    _add_without_persons(parser)
    add_common_options(parser, language=False)  # a site holds both languages
    parser.set_defaults(handler=cmd_site)


def _add_without_persons(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--without-persons", action="store_true",
                        help="leave persons (the holders of posts) out of the pages: the posts "
                             "stay")


def _store(args: argparse.Namespace) -> OrgStore:
    store = open_store_from_args(args)
    return WithoutPersons(store) if args.without_persons else store


def _write(path: Path, text: str) -> None:
    _write_bytes(path, text.encode("utf-8"))


def _write_bytes(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror}") from None


def cmd_view(args: argparse.Namespace) -> int:
    """Write one view as a single offline HTML file."""
    if args.post is not None and args.kind not in POST_VIEWS:  # it would be quietly ignored
        raise CommandError(f"--post is for {' and '.join(POST_VIEWS)}, not {args.kind}",
                           EXIT_USAGE)
    store = _store(args)
    when = args.as_of or date.today()
    graph = build_view(store, args.kind, lang=args.lang, as_of=when, post=args.post,
                       limit=_NO_LIMIT)
    page = Page(mode="single", lang=args.lang, as_of=when,
                params={"post": args.post} if args.post else {},
                organisation=gather.organisation_name(store, as_of=when))
    _write(args.out, render_view(graph, page))
    if args.json:
        print(json.dumps({"file": str(args.out), "nodes": len(graph.store_nodes()),
                          "edges": len(graph.edges)}))
    else:
        print(ui("view_written", args.lang, file=args.out, nodes=len(graph.store_nodes()),
                 edges=len(graph.edges)))
    return 0


def write_site(store: OrgStore, outdir: Path, *, as_of: date,
               post: str | None = None) -> list[Path]:
    """Write the static site into ``outdir``; return the pages written."""
    written = []
    organisation = gather.organisation_name(store, as_of=as_of)
    for lang in ("da", "en"):
        language: Lang = "en" if lang == "en" else "da"
        folder = outdir / "en" if lang == "en" else outdir
        prefix = "../" if lang == "en" else ""
        for view in VIEWS:
            graph = build_view(store, view, lang=language, as_of=as_of, post=post, limit=_NO_LIMIT)
            page = Page(mode="site", lang=language, as_of=as_of, prefix=prefix,
                        organisation=organisation)
            target = folder / f"{view}.html"
            _write(target, render_view(graph, page))
            written.append(target)
            if view == "stakeholders" and graph.table:  # the map's table, for a spreadsheet
                _write(folder / "stakeholders.csv", BOM + stakeholders_csv(graph, language))
        page = Page(mode="site", lang=language, as_of=as_of, prefix=prefix,
                    organisation=organisation)
        tasks = owner_index(store, as_of=as_of, lang=language)
        target = folder / "index.html"
        named = named_index(store, as_of=as_of, lang=language)
        _write(target, render_start(page, query=None, answers=[], tasks=tasks, named=named,
                                    advice=advice_texts(store, language, as_of=as_of),
                                    examples=example_tasks(store, as_of=as_of, lang=language),
                                    home_names=sorted(home_name_words(
                                        store, as_of=as_of or date.today()))))
        written.append(target)
    for asset in _SITE_ASSETS:
        source, destination = STATIC_DIR / asset, outdir / "static" / asset
        try:
            if source.is_dir():
                shutil.copytree(source, destination, dirs_exist_ok=True)
            else:
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, destination)
        except OSError as exc:
            raise CommandError(f"cannot write {destination}: {exc.strerror}") from None
    _write_bytes(outdir / "static" / BUNDLE, asset_bytes(BUNDLE))  # made, not stored
    return written


def cmd_site(args: argparse.Namespace) -> int:
    """Write the start page and every view as a static site."""
    store = _store(args)
    pages = write_site(store, args.outdir, as_of=args.as_of or date.today(), post=args.post)
    if args.json:
        print(json.dumps({"outdir": str(args.outdir), "pages": [str(p) for p in pages]}))
    else:
        # The site holds both languages; what is said of it follows ORGMODEL_LANG.
        said: Lang = "en" if os.environ.get("ORGMODEL_LANG") == "en" else "da"
        print(ui("site_written", said, folder=args.outdir, pages=len(pages),
                 assets=args.outdir / "static"))
    return 0
