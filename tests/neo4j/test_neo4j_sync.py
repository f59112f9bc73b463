"""``orgmodel load --neo4j``: validate first, sync what changed, all or nothing, idempotent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from orgmodel.cli import main
from orgmodel.exceptions import OrgModelError, WriteConflictError
from orgmodel.loader import load_dataset
from orgmodel.store import neo4j_cypher, neo4j_sync
from orgmodel.store.neo4j_store import Neo4jStore
from orgmodel.store.neo4j_sync import dump_graph, sync_dataset, wipe_graph

V1 = """
nodes:
  - {id: unit:a, kind: Unit, name: Enhed A, level: enhed, source: seed, confidence: high}
  - {id: unit:b, kind: Unit, name: Enhed B, level: afdeling, source: seed, confidence: high}
  - {id: post:leder-b, kind: Post, name: Leder af B, source: seed, confidence: high}
  - {id: task:t, kind: Task, name: Lønudbetaling, kle: "81.15.00", source: seed,
     confidence: high}
edges:
  - {type: PART_OF, from: unit:a, to: unit:b, source: seed, confidence: high}
  - {type: HEADS, from: post:leder-b, to: unit:b, source: seed, confidence: high}
  - {type: RESPONSIBLE_FOR, from: unit:a, to: task:t, raci: A, source: seed, confidence: high}
"""
V2 = """
nodes:
  - {id: unit:b, kind: Unit, name: Enhed B og A, level: afdeling, source: seed,
     confidence: high, valid_from: 2024-01-01}
  - {id: unit:c, kind: Unit, name: Enhed C, level: enhed, source: seed, confidence: high}
  - {id: post:leder-b, kind: Post, name: Leder af B, source: seed, confidence: high}
  - {id: task:t, kind: Task, name: Lønudbetaling, kle: "81.15.00", source: seed,
     confidence: high}
edges:
  - {type: PART_OF, from: unit:c, to: unit:b, source: seed, confidence: high}
  - {type: HEADS, from: post:leder-b, to: unit:b, source: seed, confidence: high}
  - {type: RESPONSIBLE_FOR, from: unit:b, to: task:t, raci: A, source: seed, confidence: high}
"""


def folder(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.mkdir()
    (path / "org.yaml").write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def neo4j(neo4j_env: dict[str, str], neo4j_client: Any,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """An empty graph, and the environment the ``orgmodel`` command reads pointing at it."""
    for name, value in neo4j_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("ORGMODEL_LANG", "en")  # the summaries in English, as read below
    wipe_graph(neo4j_client)
    yield neo4j_client


def test_loading_twice_writes_once(neo4j: Any, capsys: pytest.CaptureFixture[str],
                                   data_dir: Path, albertslund: Any) -> None:
    assert main(["load", str(data_dir), "--neo4j", "--lang", "da"]) == 0
    first = capsys.readouterr()
    # In the command line's language: a Danish run said "nodes: 126 added" in English.
    assert f"noder: {len(albertslund.nodes)} tilføjet, 0 ændret, 0 fjernet" in first.out
    assert "parti 1/" in first.err  # progress on stderr
    assert main(["load", str(data_dir), "--neo4j"]) == 0
    assert capsys.readouterr().out.startswith("no changes")
    assert main(["load", str(data_dir), "--neo4j", "--lang", "da"]) == 0
    assert capsys.readouterr().out.startswith("ingen ændringer (grafversion ")
    assert Neo4jStore(neo4j).dataset() == albertslund  # files -> Neo4j -> records, origins too


def test_sync_adds_changes_and_removes(neo4j: Any, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(folder(tmp_path, "v1", V1)), "--neo4j"]) == 0
    capsys.readouterr()
    assert main(["load", str(folder(tmp_path, "v2", V2)), "--neo4j"]) == 0
    out = capsys.readouterr().out
    assert "nodes: 1 added, 1 changed, 1 removed" in out
    assert "edges: 2 added, 0 changed, 2 removed" in out
    store = Neo4jStore(neo4j)
    assert store.dataset() == load_dataset(tmp_path / "v2")
    assert [r.holder.id for r in store.responsibilities("unit:b")] == ["unit:b"]
    assert not any('"Removed"' in line or "unit:a" in line for line in dump_graph(neo4j))


def test_verify_puts_back_what_was_changed_around_orgmodel(
        neo4j: Any, data_dir: Path, albertslund: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(data_dir), "--neo4j"]) == 0
    assert main(["load", str(data_dir), "--neo4j", "--verify"]) == 0  # nothing is off
    assert capsys.readouterr().out.splitlines()[-1].startswith("no changes")
    # Neo4j Browser: a name, a node no record can hold, an edge's confidence, a source's title
    neo4j.write("MATCH (n:Node {id: 'task:lon'}) SET n.name = 'Rettet i Browser'")
    neo4j.write("MATCH (n:Node {id: 'task:budget'}) SET n.kle = 'not a KLE number'")
    neo4j.write("MATCH (:Node)-[r:RESPONSIBLE_FOR {raci: 'A'}]->(:Node {id: 'task:lon'}) "
                "SET r.confidence = 'low'")
    neo4j.write("MATCH (s:Source {key: 'seed'}) SET s.title = 'Rettet'")
    assert main(["load", str(data_dir), "--neo4j"]) == 0  # by the stored hashes: unseen
    assert capsys.readouterr().out.startswith("no changes")
    assert main(["load", str(data_dir), "--neo4j", "--verify"]) == 0
    out = capsys.readouterr().out
    assert "nodes: 0 added, 2 changed, 0 removed" in out
    assert "edges: 0 added, 1 changed, 0 removed" in out
    assert "sources: 0 added, 1 changed, 0 removed" in out
    assert Neo4jStore(neo4j).dataset() == albertslund


def test_no_prune_keeps_what_left_the_files(neo4j: Any, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    main(["load", str(folder(tmp_path, "v1", V1)), "--neo4j"])
    assert main(["load", str(folder(tmp_path, "v2", V2)), "--neo4j", "--no-prune"]) == 0
    assert "1 added, 1 changed, 0 removed" in capsys.readouterr().out
    assert Neo4jStore(neo4j).node("unit:a").name == "Enhed A"


def test_a_broken_folder_writes_nothing(neo4j: Any, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    main(["load", str(folder(tmp_path, "v1", V1)), "--neo4j"])
    before = dump_graph(neo4j)
    text = V2.replace("from: unit:b, to: task:t", "from: unit:x, to: task:t")
    broken = folder(tmp_path, "broken", text)
    capsys.readouterr()
    assert main(["load", str(broken), "--neo4j", "--lang", "da"]) == 1
    err = capsys.readouterr().err
    assert "org.yaml:" in err and "unit:x" in err and "intet er skrevet til Neo4j" in err
    assert dump_graph(neo4j) == before


def test_load_needs_to_be_told_to_write_neo4j(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert main(["load", str(folder(tmp_path, "v1", V1))]) == 2
    assert "angiv --neo4j" in capsys.readouterr().err  # in Danish, the default


def visible(client: Any) -> tuple[Any, Any]:
    """What readers see: every record and the graph version."""
    return Neo4jStore(client).dataset(), client.read(neo4j_cypher.META_VERSION)[0]["version"]


def test_a_failure_in_the_switch_leaves_the_graph_as_it_was(
        neo4j: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sync_dataset(neo4j, load_dataset(folder(tmp_path, "v1", V1)))
    before = visible(neo4j)
    v2 = load_dataset(folder(tmp_path, "v2", V2))
    monkeypatch.setattr(neo4j_cypher, "BUMP_META", "RETURN 1 / 0 AS version")
    with pytest.raises(OrgModelError, match="nothing was changed"):
        sync_dataset(neo4j, v2)
    assert visible(neo4j) == before
    assert any('"Pending"' in line for line in dump_graph(neo4j))  # staged, never shown
    monkeypatch.undo()
    assert sync_dataset(neo4j, v2).nodes.added == 1
    assert visible(neo4j)[0] == v2
    assert not any('"Pending"' in line for line in dump_graph(neo4j))


def test_a_write_in_between_fails_the_load_cleanly(
        neo4j: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, albertslund: Any) -> None:
    sync_dataset(neo4j, load_dataset(folder(tmp_path, "v1", V1)))
    v2 = load_dataset(folder(tmp_path, "v2", V2))
    stage = neo4j_sync._stage

    def stage_then_someone_else_loads(*args: Any) -> None:
        stage(*args)
        monkeypatch.setattr(neo4j_sync, "_stage", stage)
        sync_dataset(neo4j, albertslund)  # another load lands while this one is staged

    monkeypatch.setattr(neo4j_sync, "_stage", stage_then_someone_else_loads)
    with pytest.raises(WriteConflictError, match="run the load again"):
        sync_dataset(neo4j, v2)
    assert visible(neo4j)[0] == albertslund


@pytest.mark.parametrize("workers", [1, 3])
def test_small_batches_write_every_record_once(neo4j: Any, albertslund: Any,
                                               workers: int) -> None:
    # Batches are staged several at a time, each building its rows as it starts; with batches
    # of 7 records, a batch lost or written twice would show in the graph or in the count.
    seen: list[tuple[int, int]] = []
    report = sync_dataset(neo4j, albertslund, batch_size=7, workers=workers,
                          progress=lambda done, total, what: seen.append((done, total)))
    assert report.nodes.added == len(albertslund.nodes)
    assert report.edges.added == len(albertslund.edges)
    assert Neo4jStore(neo4j).dataset() == albertslund
    assert [done for done, _ in seen] == list(range(1, len(seen) + 1))
    assert seen[-1][0] == seen[-1][1] > len(albertslund.nodes) // 7
