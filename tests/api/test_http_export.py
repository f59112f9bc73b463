"""Data files → store → data files is lossless, and edits over the API come out for review."""

from __future__ import annotations

import difflib
import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from httpapi import ANNA, LiveServer

from orgmodel.cli import main
from orgmodel.contract import WritableStore
from orgmodel.dataset import Dataset
from orgmodel.export import export_files
from orgmodel.loader import load_dataset
from orgmodel.store import open_store

DATA = Path(__file__).resolve().parents[2] / "data"


def write(files: dict[str, str], folder: Path) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def assert_same(a: Dataset, b: Dataset) -> None:
    assert list(a.sources) == list(b.sources)
    for key in a.sources:
        assert a.sources[key] == b.sources[key], key
    assert sorted(a.nodes) == sorted(b.nodes)
    for key in a.nodes:
        assert a.nodes[key] == b.nodes[key], key
    assert sorted(a.edges) == sorted(b.edges)
    for key in a.edges:
        assert a.edges[key] == b.edges[key], key
    assert {k: o.file for k, o in a.origins.items()} == {k: o.file for k, o in b.origins.items()}


def test_albertslund_round_trips_through_the_store_record_by_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = load_dataset(DATA / "albertslund")
    store = open_store(data_dir=DATA / "albertslund")
    assert isinstance(store, WritableStore)
    folder = write(export_files(store.dataset()), tmp_path / "albertslund")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in (DATA / "albertslund").glob("*.yaml"))
    assert_same(original, load_dataset(folder))
    # The exported files pass `orgmodel validate` and point editors at the schema.
    assert main(["validate", str(folder), "--lang", "en"]) == 0
    assert f"{len(original.nodes)} nodes" in capsys.readouterr().out
    first_line = (folder / "opgaver.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schema/orgmodel-data.schema.json"


def test_api_edits_are_exported_to_api_edits_yaml(
    start_server: Callable[..., LiveServer], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = start_server()
    new = {"id": "unit:eksport-test", "kind": "Unit", "name": "Eksportteamet", "level": "team",
           "source": "assumption", "confidence": "low"}
    with server.client(ANNA) as anna:
        anna.post("/api/v1/nodes", json=new).raise_for_status()
        anna.post("/api/v1/edges", json={
            "type": "PART_OF", "from": "unit:eksport-test", "to": "unit:organisation-og-politik",
            "source": "assumption", "confidence": "low"}).raise_for_status()
        record = anna.get("/api/v1/nodes/task:lon")
        anna.put("/api/v1/nodes/task:lon", headers={"If-Match": record.headers["etag"]},
                 json={**record.json()["record"], "name_en": "Payroll (salaries)"},
                 ).raise_for_status()
        response = anna.get("/api/v1/export")
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        files = {n: archive.read(n).decode("utf-8") for n in archive.namelist()}
    assert "unit:eksport-test" in files["api-edits.yaml"]
    assert "unit:eksport-test" not in files["okonomi-og-stab.yaml"]
    assert "Payroll (salaries)" in files["opgaver.yaml"]  # edited where it came from
    exported = load_dataset(write(files, tmp_path / "zip"))
    assert exported.nodes["unit:eksport-test"].name == "Eksportteamet"
    assert exported.origin("unit:eksport-test").file == "api-edits.yaml"

    # orgmodel export-data DIR --url writes the same files and checks that they load.
    folder = tmp_path / "cli"
    assert main(["export-data", str(folder), "--url", server.url, "--token", ANNA]) == 0
    assert capsys.readouterr().out.endswith(" kilder (gyldige)\n")  # in Danish by default
    assert_same(exported, load_dataset(folder))

    # Over a copy of the data folder it replaces, the review shows the edits alone: every
    # unchanged record keeps its text and the comments above it.
    review = tmp_path / "review"
    shutil.copytree(DATA / "albertslund", review)
    assert main(["export-data", str(review), "--url", server.url, "--token", ANNA]) == 0
    assert_same(exported, load_dataset(review))
    changed = {p.name: _changed_lines((DATA / "albertslund" / p.name).read_text("utf-8")
                                      if (DATA / "albertslund" / p.name).is_file() else "",
                                      p.read_text("utf-8")) for p in review.glob("*.yaml")}
    assert {name for name, lines in changed.items() if lines} == {"opgaver.yaml",
                                                                  "api-edits.yaml"}
    # The edited field, and nothing else: the file has 370 records and a header of comments.
    assert changed["opgaver.yaml"] == ["-    name_en: Payroll",
                                       "+    name_en: Payroll (salaries)"]


def test_export_data_refuses_to_leave_stale_files_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)  # export the data folder, not Neo4j
    (tmp_path / "old.yaml").write_text("nodes: []\n", encoding="utf-8")
    args = ["export-data", str(tmp_path), "--data", str(DATA / "albertslund")]
    assert main(args) == 1
    refused = capsys.readouterr().err  # in Danish by default, in English with --lang en
    assert "old.yaml" in refused and "brug --replace eller en tom mappe" in refused
    assert main([*args, "--lang", "en"]) == 1
    assert "use --replace or an empty folder" in capsys.readouterr().err
    assert main([*args, "--replace"]) == 0
    assert capsys.readouterr().out.startswith(f"skrev 8 fil(er) i {tmp_path}: ")
    assert not (tmp_path / "old.yaml").exists()
    assert_same(load_dataset(DATA / "albertslund"), load_dataset(tmp_path))


def test_an_export_can_leave_the_holders_of_posts_out(
    start_server: Callable[..., LiveServer], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # FACTS: exports must be able to leave person names out; the posts stay, and it loads.
    server = start_server()
    with server.client(ANNA) as anna:
        response = anna.get("/api/v1/export", params={"persons": "false"})
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        text = "".join(archive.read(n).decode("utf-8") for n in archive.namelist())
    assert "person:" not in text and "Henrik Harder" not in text
    assert "post:kommunaldirektor" in text
    assert main(["export-data", str(tmp_path / "url"), "--url", server.url, "--token", ANNA,
                 "--without-persons"]) == 0
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert main(["export-data", str(tmp_path / "dir"), "--without-persons",
                 "--data", str(DATA / "albertslund")]) == 0
    capsys.readouterr()
    for folder in (tmp_path / "url", tmp_path / "dir"):
        exported = load_dataset(folder)
        assert "post:borgmester" in exported.nodes
        assert not [i for i in exported.nodes if i.startswith("person:")]


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
