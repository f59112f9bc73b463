"""``orgmodel serve`` and ``orgmodel export-data``, registered through ``orgmodel.commands``."""

from __future__ import annotations

import argparse
import io
import json
import os
import socket
import sys
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from orgmodel.audit_replay import NotAnAuditFileError, read_audit_file, replay
from orgmodel.cli import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    CommandError,
    add_common_options,
    open_store_from_args,
)
from orgmodel.dataset import Dataset
from orgmodel.export import export_files, safe_file_name
from orgmodel.export_layout import keep_layout
from orgmodel.loader import data_files, load_dataset
from orgmodel.messages import Lang, t
from orgmodel.store import audit_lock
from orgmodel.store.without_persons import dataset_without_persons

if TYPE_CHECKING:
    _Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = ["HttpStatusError", "cmd_export_data", "cmd_serve", "http_get", "register_export_data",
           "register_serve"]



def register_serve(commands: _Subparsers) -> None:
    """Add ``orgmodel serve``."""
    serve = commands.add_parser(
        "serve", help="serve the API (and the views) over HTTP",
        description="Serve the API at http://HOST:PORT (docs at /docs). Without NEO4J_URI it "
                    "serves the data folder from memory; with ORGMODEL_AUDIT_FILE the edits "
                    "made over the API outlive the process: each start makes the file's "
                    "writes again over the data folder and says what it made and skipped "
                    "(ORGMODEL_REPLAY_AUDIT=false: it starts from the folder alone). "
                    "Settings: ORGMODEL_* (see docs/api.md).")
    serve.add_argument("--host", default=None,
                       help="address to listen on (default $ORGMODEL_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None,
                       help="port (default $ORGMODEL_PORT or 8000)")
    serve.add_argument("--log-level", default="info",
                       choices=("critical", "error", "warning", "info", "debug"),
                       help="how much the server logs (default info)")
    serve.add_argument("--no-access-log", action="store_true", help="do not log each request")
    add_common_options(serve, dated=False, json_output=False, language=False)
    serve.set_defaults(handler=cmd_serve)


def _settings(args: argparse.Namespace) -> Any:
    from api.settings import Settings

    overrides: dict[str, Any] = {}
    for name in ("host", "port", "data"):
        value = getattr(args, name, None)
        if value is not None:
            overrides["data_dir" if name == "data" else name] = value
    if getattr(args, "neo4j", False):
        overrides["use_neo4j"] = True
    elif getattr(args, "data", None) is not None:  # a folder named beats NEO4J_URI's default
        overrides.update(neo4j_uri=None, use_neo4j=False)
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        lines = [f"  {'.'.join(str(p) for p in e['loc']) or 'settings'}: "
                 f"{e['msg'].removeprefix('Value error, ')}"
                 for e in exc.errors(include_input=False, include_url=False)]
        raise CommandError("invalid settings:\n" + "\n".join(lines), EXIT_USAGE) from None


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the API server until interrupted."""
    from api.app import create_app
    from api.server import run

    settings = _settings(args)
    loaded = None
    if not settings.use_neo4j:
        # Checked before the server starts: a problem in the data is then named with its file
        # and line, as by `orgmodel validate`, instead of failing the server's start-up.
        loaded = load_dataset(settings.data_dir)
        if settings.audit_file is not None:
            try:  # ... and another server writing the same audit file, by its name
                audit_lock.check_free(settings.audit_file)
                read_audit_file(settings.audit_file).check(settings.audit_file)
            except (audit_lock.AuditFileInUseError, NotAnAuditFileError) as exc:
                raise CommandError(str(exc), EXIT_USAGE) from None
            except OSError as exc:
                raise CommandError(t("unreadable_audit", "en", path=settings.audit_file,
                                     reason=exc.strerror), EXIT_USAGE) from None
    for warning in settings.placeholder_warnings():
        print(f"orgmodel serve: development mode: {warning}", file=sys.stderr)
    store = "Neo4j at " + str(settings.neo4j_uri or os.environ.get("NEO4J_URI", "?")) \
        if settings.use_neo4j else f"the data folder {settings.data_dir} (in memory)"
    print(f"orgmodel serve: {settings.env} mode, serving {store} at "
          f"http://{settings.host}:{settings.port}" + (" (docs at /docs)" if settings.docs else ""),
          file=sys.stderr)
    run(create_app(settings, loaded=loaded), host=settings.host, port=settings.port,
        log_level=args.log_level, access_log=not args.no_access_log)
    return EXIT_OK


def register_export_data(commands: _Subparsers) -> None:
    """Add ``orgmodel export-data``."""
    export = commands.add_parser(
        "export-data", help="write the graph back as data files, for review and commit",
        description="Write the current graph as data files in DIR (YAML; a JSON Lines file "
        "stays JSON Lines), grouped by the file each "
                    "record came from (new records: api-edits.yaml). From the store (--neo4j / "
                    "NEO4J_URI, or the data folder), or from a running API with --url.")
    export.add_argument("folder", type=Path, metavar="DIR", help="folder to write to")
    export.add_argument("--url", default=None,
                        help="base URL of a running API, e.g. http://127.0.0.1:8000")
    export.add_argument("--token", default=os.environ.get("ORGMODEL_TOKEN"),
                        help="bearer token for --url (default $ORGMODEL_TOKEN)")
    export.add_argument("--replace", action="store_true",
                        help="delete data files in DIR that the export does not write")
    export.add_argument("--audit-file", type=Path, default=None, metavar="FILE",
                        help="make the edits of an API audit file (ORGMODEL_AUDIT_FILE) again "
                             "over the data folder first, as the API does at start; edits the "
                             "folder has changed since are skipped and named")
    export.add_argument("--without-persons", action="store_true",
                        help="leave persons (the holders of posts) and their edges out: the "
                             "posts stay")
    add_common_options(export, dated=False, json_output=False)
    export.set_defaults(handler=cmd_export_data)


def cmd_export_data(args: argparse.Namespace) -> int:
    """Export the graph to DIR, then check that DIR loads."""
    lang: Lang = args.lang
    if args.audit_file is not None and args.url:
        raise CommandError(t("export_replay_where", lang), EXIT_USAGE)
    files = (_download(args.url, args.token, persons=not args.without_persons, lang=lang)
             if args.url else _from_store(args))
    folder: Path = args.folder
    stale = [p for p in data_files(folder) if p.relative_to(folder).as_posix() not in files] \
        if folder.is_dir() else []
    if stale and not args.replace:
        names = ", ".join(p.relative_to(folder).as_posix() for p in stale)
        raise CommandError(t("export_stale", lang, folder=folder, names=names))
    relaid: list[str] = []  # files whose own layout could not be kept
    try:
        for path in stale:
            path.unlink()
        for name, text in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if name.endswith((".yaml", ".yml")) and target.is_file():
                # Over the files it replaces: unchanged records keep their text and comments.
                kept = keep_layout(target.read_text(encoding="utf-8"), text)
                if kept is None:
                    relaid.append(name)
                text = text if kept is None else kept
            target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CommandError(t("export_cannot_write", lang, folder=folder,
                             reason=exc.strerror)) from None
    dataset = load_dataset(folder)
    print(t("export_wrote", lang, files=len(files), folder=folder, nodes=len(dataset.nodes),
            edges=len(dataset.edges), sources=len(dataset.sources)))
    if relaid:
        print(t("export_relaid", lang, names=", ".join(relaid)), file=sys.stderr)
    return EXIT_OK


def _from_store(args: argparse.Namespace) -> dict[str, str]:
    from api.runtime import is_local  # not at import: every orgmodel command loads this module
    from api.services import DatasetSource

    store = open_store_from_args(args)
    if not isinstance(store, DatasetSource):
        raise CommandError("this store cannot list all its records")
    if args.audit_file is not None and not is_local(store):
        raise CommandError(t("export_replay_where", args.lang), EXIT_USAGE)
    dataset = store.dataset()
    if args.audit_file is not None:
        dataset = _replayed(dataset, args.audit_file, args.lang)
    return export_files(dataset_without_persons(dataset) if args.without_persons else dataset)


def _replayed(dataset: Dataset, audit_file: Path, lang: Lang) -> Dataset:
    """The dataset with an audit file's edits made again, each skipped one named on stderr."""
    try:
        audit_file.stat()  # a file not there is a mistake here, not an empty log
        found = read_audit_file(audit_file)
        found.check(audit_file)
    except NotAnAuditFileError as exc:
        raise CommandError(exc.text(lang)) from None
    except OSError as exc:
        raise CommandError(t("unreadable_audit", lang, path=audit_file,
                             reason=exc.strerror)) from None
    for number, reason in found.damaged:
        print(f"orgmodel: {audit_file}:{number}: {reason}", file=sys.stderr)
    done = replay(dataset, found.entries)
    print(t("export_replayed", lang, file=audit_file, made=len(done.made),
            there=len(done.there), skipped=len(done.skipped)), file=sys.stderr)
    for skipped in done.skipped:
        print(t("export_replay_skipped", lang, seq=skipped.seq, record=skipped.record_key,
                reason=skipped.reason(lang)), file=sys.stderr)
    return done.dataset


class HttpStatusError(CommandError):
    """The API answered with an error status (kept in ``status`` for callers that branch)."""

    def __init__(self, status: int, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message, code)
        self.status = status


def _problem_detail(body: str) -> str:
    """The ``detail`` of an RFC 9457 problem body, else the body as it came.

    >>> _problem_detail('{"status": 401, "detail": "missing bearer token"}')
    'missing bearer token'
    >>> _problem_detail("<html>Unauthorized</html>")
    '<html>Unauthorized</html>'
    """
    try:
        detail = json.loads(body).get("detail")
    except (ValueError, AttributeError):
        return body
    return detail if isinstance(detail, str) else body


def http_get(url: str, path: str, token: str | None, lang: Lang = "en") -> bytes:
    """GET ``path`` (with its query) from the API at ``url``; any failure is a CommandError.

    Its message is in ``lang``, but for the API's own answer to a request it refused.
    """
    if not url.startswith(("http://", "https://")):
        raise CommandError(t("not_http_url", lang, url=url), EXIT_USAGE)
    request = urllib.request.Request(url.rstrip("/") + path)  # noqa: S310 - checked
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - checked
            content: bytes = response.read()
    except urllib.error.HTTPError as exc:
        body = exc.read().decode(errors="replace")
        if exc.code in (401, 403):  # the token is missing or wrong: a setting to mend
            raise HttpStatusError(exc.code, t("token_refused", lang, url=url, status=exc.code,
                                              detail=_problem_detail(body)),
                                  EXIT_USAGE) from None
        raise HttpStatusError(exc.code, f"{url}: HTTP {exc.code}: {_problem_detail(body)}") \
            from None
    except (urllib.error.URLError, OSError) as exc:
        raise CommandError(t("cannot_reach", lang, url=url, reason=_why_unreachable(exc, lang)),
                           EXIT_UNAVAILABLE) from None
    return content


def _why_unreachable(exc: OSError, lang: Lang) -> str:
    """Why the API did not answer, in words ("<urlopen error [Errno 111] …>" told little).

    >>> _why_unreachable(urllib.error.URLError(ConnectionRefusedError(111, "refused")), "en")
    'nothing answers there (is orgmodel serve running, on that port?)'
    """
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, ConnectionRefusedError):
        return t("unreachable_refused", lang)
    if isinstance(reason, TimeoutError | socket.timeout):
        return t("unreachable_timeout", lang)
    if isinstance(reason, socket.gaierror):
        return t("unreachable_host", lang)
    return str(getattr(reason, "strerror", None) or reason)


def _download(url: str, token: str | None, *, persons: bool = True,
              lang: Lang = "en") -> dict[str, str]:
    content = http_get(url, "/api/v1/export" + ("" if persons else "?persons=false"), token,
                       lang)
    files = {}
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if safe_file_name(name) != name:
                raise CommandError(f"the export holds an unexpected file name: {name!r}")
            files[name] = archive.read(name).decode("utf-8")
    return files
