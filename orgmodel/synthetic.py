"""Synthetic municipalities for benchmarks and scale tests.

A generated municipality has the shape of a real one: a council with committees, director
areas, departments, units and teams (depth 5, fan-out 3–12), a head post per unit reporting to
the head above, tasks with KLE-like numbers and R/A/I owners, systems used by units, and
collaborations between units. About a fifth of the nodes are units, a fifth posts, half tasks
and a tenth systems; there are about three edges per node.

Examples
--------
>>> ds = generate(300, seed=1)
>>> len(ds.nodes) >= 300, len(ds.edges) > 2 * len(ds.nodes)
(True, True)
>>> from orgmodel.dataset import check_dataset
>>> check_dataset(ds)
[]
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from orgmodel.dataset import Dataset
from orgmodel.records import NODE_ADAPTER, EdgeRecord

__all__ = ["generate", "generate_records", "write_jsonl"]

_TOPICS = (
    "Løn",
    "Personale",
    "Budget",
    "Regnskab",
    "Indkøb",
    "IT-support",
    "Digitalisering",
    "Jura",
    "Kommunikation",
    "Borgerservice",
    "Skole",
    "Dagtilbud",
    "Ældrepleje",
    "Miljø",
    "Trafik",
    "Byggesag",
    "Beskæftigelse",
    "Kultur",
    "Sundhed",
    "Handicap",
    "Affald",
    "Vej og park",
)
_TASK_WORDS = (
    "opfølgning",
    "udbetaling",
    "planlægning",
    "drift",
    "rådgivning",
    "tilsyn",
    "sagsbehandling",
    "indberetning",
    "kontrol",
    "analyse",
    "kvalitetssikring",
    "support",
    "registrering",
)
_LEVELS = ("direktørområde", "afdeling", "enhed", "team")
_COMMON = {"source": "synthetic", "confidence": "low"}


def _node(**fields: Any) -> dict[str, Any]:
    return {**fields, **_COMMON}


def _edge(edge_type: str, source: str, target: str, **fields: Any) -> dict[str, Any]:
    return {"type": edge_type, "from": source, "to": target, **fields, **_COMMON}


def generate_records(n_nodes: int, *, seed: int = 0) -> Iterator[dict[str, Any]]:
    """Yield node and edge records (as in a data file) for a municipality of about ``n_nodes``."""
    rng = random.Random(seed)
    yield _node(id="org:kommune", kind="Organisation", name="Syntetisk Kommune")
    yield _node(id="body:kb", kind="Body", name="Kommunalbestyrelsen", classification="council")
    yield _node(id="body:ou", kind="Body", name="Økonomiudvalget", classification="committee")
    yield _edge("PART_OF", "body:ou", "body:kb")
    yield _node(id="post:borgmester", kind="Post", name="Borgmester")
    yield _edge("REPORTS_TO", "post:borgmester", "body:kb")
    yield _edge("POST_IN", "post:borgmester", "body:kb")
    yield _node(id="post:direktor", kind="Post", name="Kommunaldirektør")
    yield _edge("HEADS", "post:direktor", "org:kommune")
    yield _edge("POST_IN", "post:direktor", "org:kommune")
    yield _edge("REPORTS_TO", "post:direktor", "post:borgmester")
    yield _node(id="forum:chefforum", kind="Forum", name="Chefforum")
    yield _edge("PART_OF", "forum:chefforum", "org:kommune")

    n_units = max(4, n_nodes // 5)
    n_tasks = max(2, n_nodes // 2)
    n_systems = max(1, n_nodes // 10)
    # Breadth-first unit tree: each level's fan-out chosen so the tree reaches n_units at depth 4.
    units: list[tuple[str, int]] = []  # (unit id, level index)
    frontier = [("org:kommune", "post:direktor", -1)]
    while frontier and len(units) < n_units:
        parent, parent_head, level = frontier.pop(0)
        fan_out = 3 if level < 0 else rng.randint(4, 12)
        for _ in range(fan_out):
            if len(units) >= n_units:
                break
            number = len(units)
            level_name = _LEVELS[min(level + 1, len(_LEVELS) - 1)]
            topic = rng.choice(_TOPICS)
            unit_id, head = f"unit:u{number}", f"post:p{number}"
            yield _node(
                id=unit_id,
                kind="Unit",
                name=f"{topic} {level_name} {number}",
                level=level_name,
                staff_count=rng.randint(3, 80),
            )
            yield _edge("PART_OF", unit_id, parent)
            yield _node(id=head, kind="Post", name=f"Leder af {topic} {number}")
            yield _edge("POST_IN", head, unit_id)
            yield _edge("HEADS", head, unit_id)
            yield _edge("REPORTS_TO", head, parent_head)
            if level_name in ("direktørområde", "afdeling"):
                yield _edge("MEMBER_OF", head, "forum:chefforum")
            units.append((unit_id, level + 1))
            frontier.append((unit_id, head, level + 1))
    for number in range(n_systems):
        system = f"system:s{number}"
        yield _node(id=system, kind="System", name=f"Fagsystem {rng.choice(_TOPICS)} {number}")
        yield _edge("OPERATES", rng.choice(units)[0], system)
    for number in range(n_tasks):
        topic, word = rng.choice(_TOPICS), rng.choice(_TASK_WORDS)
        task = f"task:t{number}"
        kle = f"{rng.randint(0, 88):02d}.{rng.randint(0, 40):02d}.{rng.randint(0, 20):02d}"
        yield _node(
            id=task,
            kind="Task",
            name=f"{topic}{word} {number}",
            kle=kle,
            aliases=[f"{topic} {word}"],
        )
        owner, responsible, informed = (rng.choice(units)[0] for _ in range(3))
        yield _edge("RESPONSIBLE_FOR", owner, task, raci="A")
        if responsible != owner:
            yield _edge("RESPONSIBLE_FOR", responsible, task, raci="R")
        if informed not in (owner, responsible):
            yield _edge("RESPONSIBLE_FOR", informed, task, raci="I")
        yield _edge("USES", task, f"system:s{rng.randrange(n_systems)}")
    for number, (unit, _) in enumerate(units):
        other = rng.choice(units)[0]
        if other != unit:
            yield _edge(
                "COLLABORATES_WITH",
                unit,
                other,
                topic=f"emne {number}",
                strength=rng.randint(1, 5),
                via="forum:chefforum",
            )


def generate(n_nodes: int, *, seed: int = 0) -> Dataset:
    """A validated-in-memory synthetic municipality of about ``n_nodes`` nodes."""
    nodes, edges = [], []
    for record in generate_records(n_nodes, seed=seed):
        if "kind" in record:
            nodes.append(NODE_ADAPTER.validate_python(record))
        else:
            edges.append(EdgeRecord.model_validate(record))
    return Dataset.build(nodes, edges)


def write_jsonl(folder: Path, n_nodes: int, *, seed: int = 0, per_file: int = 50_000) -> int:
    """Write a synthetic municipality as JSON Lines files into ``folder``; return the records."""
    folder.mkdir(parents=True, exist_ok=True)
    count, part = 0, 0
    handle: TextIO | None = None
    try:
        for record in generate_records(n_nodes, seed=seed):
            if count % per_file == 0:
                if handle:
                    handle.close()
                handle = (folder / f"part-{part:03d}.jsonl").open("w", encoding="utf-8")
                part += 1
            assert handle is not None  # opened on the first record
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if handle:
            handle.close()
    return count
