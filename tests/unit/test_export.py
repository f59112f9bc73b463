"""orgmodel.export: data files that load back into the same dataset, and read well."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from orgmodel.dataset import Dataset, Origin
from orgmodel.export import export_files
from orgmodel.export_layout import keep_layout
from orgmodel.loader import load_dataset
from orgmodel.records import NODE_ADAPTER, AnyNode, EdgeRecord, SourceRecord


def node(**kw: Any) -> AnyNode:
    return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})


def small() -> Dataset:
    ds = Dataset.build(
        [node(id="unit:lon", kind="Unit", name="Lønenheden", level="enhed", staff_count=12,
              valid_from=date(2023, 1, 1), aliases=["Løn", "payroll"]),
         node(id="task:lon", kind="Task", name="Løn", kle="81.15.00"),
         node(id="policy:vision", kind="Policy", name="Vision 2030", adopted=date(2022, 5, 3))],
        [EdgeRecord.model_validate({"type": "RESPONSIBLE_FOR", "from": "unit:lon",
                                    "to": "task:lon", "raci": "A", "source": "seed",
                                    "confidence": "high"})],
        [SourceRecord(key="seed", title="Job profile", confidence="high")])  # type: ignore[arg-type]
    ds.origins = {"unit:lon": Origin("org/enheder.yaml", 5), "task:lon": Origin("bulk.jsonl", 1),
                  "RESPONSIBLE_FOR:unit:lon->task:lon": Origin("org/enheder.yaml", 9),
                  "policy:vision": Origin("../../etc/evil.yaml", 1)}
    return ds


def load(files: dict[str, str], folder: Path) -> Dataset:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return load_dataset(folder)


def test_records_go_back_to_their_files_and_load_the_same(tmp_path: Path) -> None:
    ds = small()
    files = export_files(ds)
    assert sorted(files) == ["api-edits.yaml", "bulk.jsonl", "org/enheder.yaml", "sources.yaml"]
    back = load(files, tmp_path)
    assert back.nodes == ds.nodes and back.edges == ds.edges and back.sources == ds.sources
    assert back.origin("task:lon").file == "bulk.jsonl"  # JSON Lines stay JSON Lines
    assert back.origin("policy:vision").file == "api-edits.yaml"  # never outside the folder
    header = files["org/enheder.yaml"].splitlines()[0]
    assert header == "# yaml-language-server: $schema=../../schema/orgmodel-data.schema.json"


def test_yaml_reads_like_the_hand_written_files() -> None:
    text = export_files(small())["org/enheder.yaml"]
    assert text.splitlines()[1:10] == [
        "nodes:", "  - id: unit:lon", "    kind: Unit", "    name: Lønenheden",
        "    aliases: [Løn, payroll]", "    level: enhed", "    staff_count: 12",
        "    valid_from: 2023-01-01", "    source: seed"]
    assert "\nedges:\n  - type: RESPONSIBLE_FOR\n    from: unit:lon\n" in text


def test_export_is_stable_across_a_round_trip(tmp_path: Path) -> None:
    # Exported, loaded back and exported again, the files are the same text: a second export
    # of what a reviewer committed shows no diff (the review: two exports of one dataset in
    # one process could not tell a wrong export from a right one).
    first = export_files(small())
    again = export_files(load(first, tmp_path))
    assert "org/enheder.yaml" in first and again == first


# Any text a record takes: not blank, no control character, format character (invisible,
# direction controls), private-use character (the pages' marks of Danish) or line/paragraph
# separator (U+2028/9) but line breaks and tabs; a name or alias is one line, with no space at
# either end.
_REFUSED = ("Cs", "Cc", "Cf", "Co", "Zl", "Zp")
_LINE = st.text(st.characters(blacklist_categories=_REFUSED),
                min_size=1, max_size=300).map(str.strip).filter(bool)
_TEXT = st.text(st.characters(blacklist_categories=_REFUSED)
                | st.sampled_from("\n\t\r"), min_size=1, max_size=300).filter(str.strip)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=_LINE, description=_TEXT, alias=_LINE)
def test_any_text_survives_the_round_trip(
    tmp_path_factory: pytest.TempPathFactory, name: str, description: str, alias: str
) -> None:
    others = ["yes", "2024-01-01", "null", "81.15"]
    assume(alias.split() not in [name.split(), *(other.split() for other in others)])  # once
    assume(name.split() not in [other.split() for other in others])  # a name is no alias too
    unit = node(id="unit:x", kind="Unit", name=name, level="team", description=description,
                aliases=[alias, *others])
    back = load(export_files(Dataset.build([unit], [])), tmp_path_factory.mktemp("export"))
    assert back.nodes["unit:x"] == unit


def test_an_export_over_hand_written_files_keeps_their_comments_and_unchanged_records() -> None:
    old = ("# Why these tasks.\nnodes:\n"
           "  # The payroll, from the seed.\n"
           "  - {id: task:lon, kind: Task, name: Løn, kle: \"81.15.00\", source: seed,\n"
           "     confidence: high}\n"
           "  # HR, which leaves the data.\n"
           "  - {id: task:hr, kind: Task, name: HR, source: seed, confidence: high}\n"
           "  - {id: task:budget, kind: Task, name: Budget, source: seed, confidence: high}\n")
    lon, budget = (NODE_ADAPTER.validate_python({**data, "kind": "Task", "source": "seed",
                                                 "confidence": "high"})
                   for data in ({"id": "task:lon", "name": "Løn", "kle": "81.15.00"},
                                {"id": "task:budget", "name": "Budgetlægning"}))
    new = export_files(Dataset.build([lon, budget], []))["api-edits.yaml"]
    merged = keep_layout(old, new)
    assert merged is not None
    assert merged.startswith("# Why these tasks.\nnodes:\n  # The payroll, from the seed.\n"
                             "  - {id: task:lon, kind: Task, name: Løn, kle: \"81.15.00\"")
    assert "HR" not in merged  # the record gone, with the comment about it
    # The changed one on one line, as the file writes its records.
    assert "  - {id: task:budget, kind: Task, name: Budgetlægning, source: seed, " \
        "confidence: high}\n" in merged
    # The same records (in the file's own order: a folder's order is free).
    assert sorted(yaml.safe_load(merged)["nodes"], key=lambda n: n["id"]) == \
        sorted(yaml.safe_load(new)["nodes"], key=lambda n: n["id"])


@pytest.mark.parametrize("old", [
    "{nodes: [{id: task:lon, kind: Task, name: Løn, source: seed, confidence: high}]}\n",
    "",
])
def test_a_file_not_laid_out_record_by_record_cannot_keep_its_layout(old: str) -> None:
    new = export_files(Dataset.build([NODE_ADAPTER.validate_python(
        {"id": "task:lon", "kind": "Task", "name": "Løn", "source": "seed",
         "confidence": "high"})], []))["api-edits.yaml"]
    assert keep_layout(old, new) is None  # export-data writes the export, and says so


def test_headings_stay_while_records_below_them_do_and_unindented_lists_keep_their_text() -> None:
    old = ("edges:\n"
           "# --- Suppliers ---\n"
           "- {type: SUPPLIES, from: org:a, to: system:x, source: seed, confidence: high}\n"
           "- {type: SUPPLIES, from: org:b, to: system:x, source: seed, confidence: high}\n"
           "\n"
           "# --- Payroll ---\n"
           "- {type: USES, from: task:lon, to: system:x, source: seed, confidence: high}\n")
    edges = [EdgeRecord.model_validate(
        {"type": t, "from": a, "to": "system:x", "source": "seed", "confidence": "high"})
        for t, a in (("SUPPLIES", "org:a"), ("SUPPLIES", "org:b"), ("USES", "task:lon"))]
    nodes = [NODE_ADAPTER.validate_python({"id": i, "kind": k, "name": i, "source": "seed",
                                           "confidence": "high"})
             for i, k in (("org:a", "Organisation"), ("org:b", "Organisation"),
                          ("system:x", "System"), ("task:lon", "Task"))]

    def export(kept: list[EdgeRecord]) -> str:
        text = export_files(Dataset.build(nodes, kept))["api-edits.yaml"]
        return "".join(text.partition("edges:\n")[1:])  # the edges section alone

    assert keep_layout(old, export(edges)) == old  # unchanged: byte for byte
    # The first supplier leaves: the heading stays above the second; the payroll group goes
    # whole (heading and all) when its one record leaves.
    assert keep_layout(old, export(edges[1:2])) == (
        "edges:\n# --- Suppliers ---\n"
        "- {type: SUPPLIES, from: org:b, to: system:x, source: seed, confidence: high}\n")


def test_a_changed_record_keeps_the_lines_of_its_unchanged_fields() -> None:
    old = ("nodes:\n"
           "  - id: task:lon\n"
           "    kind: Task\n"
           "    name: Løn\n"
           "    # the number of the KLE topic, quoted as the editor wrote it\n"
           "    kle: \"81.15.00\"\n"
           "    description: Lønudbetaling.\n"
           "    source: seed\n"
           "    confidence: high\n")
    lon = NODE_ADAPTER.validate_python({
        "id": "task:lon", "kind": "Task", "name": "Løn", "kle": "81.15.00",
        "name_en": "Payroll", "source": "seed", "confidence": "medium"})
    merged = keep_layout(old, export_files(Dataset.build([lon], []))["api-edits.yaml"])
    # A changed field in place, a new one where the export writes it (name_en after name,
    # not at the end), a dropped one gone; the comment stays above its field, and the
    # quoting of the fields left as they were stays.
    assert merged == ("nodes:\n"
                      "  - id: task:lon\n"
                      "    kind: Task\n"
                      "    name: Løn\n"
                      "    name_en: Payroll\n"
                      "    # the number of the KLE topic, quoted as the editor wrote it\n"
                      "    kle: \"81.15.00\"\n"
                      "    source: seed\n"
                      "    confidence: medium\n")
    # A changed one-line record stays one line, its ids as plain as the file wrote them.
    old = "edges:\n  - {type: USES, from: task:lon, to: system:x, source: seed, confidence: high}\n"
    uses = EdgeRecord.model_validate({"type": "USES", "from": "task:lon", "to": "system:x",
                                      "source": "seed", "confidence": "low"})
    exported = export_files(Dataset.build([], [uses]))["api-edits.yaml"]
    assert keep_layout(old, "".join(exported.partition("edges:\n")[1:])) == (
        "edges:\n  - {type: USES, from: task:lon, to: system:x, source: seed, confidence: low}\n")
