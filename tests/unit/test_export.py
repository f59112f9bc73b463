"""orgmodel.export: data files that load back into the same dataset, and read well."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgmodel.dataset import Dataset, Origin
from orgmodel.export import export_files
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


def test_export_is_stable() -> None:
    assert export_files(small()) == export_files(small())


# Any text a record takes: not blank, no control character or line/paragraph separator
# (U+2028/9) but line breaks and tabs; a name or alias is one line.
_LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
                min_size=1, max_size=300).filter(str.strip)
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
                | st.sampled_from("\n\t\r"), min_size=1, max_size=300).filter(str.strip)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=_LINE, description=_TEXT, alias=_LINE)
def test_any_text_survives_the_round_trip(
    tmp_path_factory: pytest.TempPathFactory, name: str, description: str, alias: str
) -> None:
    unit = node(id="unit:x", kind="Unit", name=name, level="team", description=description,
                aliases=[alias, "yes", "2024-01-01", "null", "81.15"])
    back = load(export_files(Dataset.build([unit], [])), tmp_path_factory.mktemp("export"))
    assert back.nodes["unit:x"] == unit
