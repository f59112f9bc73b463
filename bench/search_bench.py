"""Measure SearchIndex build time and query latency on 50,000 synthetic documents.

Run from the repository root: ``PYTHONPATH=. python bench/search_bench.py``.
Targets: build < 5 s, query p50 <= 1 ms, p99 <= 5 ms (cold per-token cache).
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from orgmodel.search import SearchDoc, SearchIndex, load_synonyms

TOPICS = [
    ("Løn", "Payroll"), ("Budgetopfølgning", "Budget monitoring"), ("Indkøb", "Procurement"),
    ("Regnskab", "Accounting"), ("Kreditorbogholderi", "Accounts payable"),
    ("Rekruttering", "Recruitment"), ("IT-support", "IT support"), ("IT-drift", "IT operations"),
    ("Kommunikation", "Communication"), ("Borgerinddragelse", "Citizen involvement"),
    ("Jura", "Legal"), ("Digitalisering", "Digitalisation"), ("Arkiv", "Archive"),
    ("Sekretariat", "Secretariat"), ("Informationssikkerhed", "Information security"),
    ("Organisationsudvikling", "Organisational development"), ("Lønudbetaling", "Salaries"),
    ("Skoleadministration", "School administration"), ("Ejendomme", "Facilities"),
    ("Arbejdsmiljø", "Work environment"), ("Budgetlægning", "Budgeting"),
    ("Personaleadministration", "Personnel"), ("Fagsystemer", "Specialist systems"),
    ("Borgerservice", "Citizen service"), ("Byrådsbetjening", "Council support"),
]
PATTERNS = ["Team {da} {n}", "{da} område {n}", "{da}enheden {n}", "Center for {da} {n}"]
QUERIES = [
    "løn", "payroll", "lon", "budgetopfølgning", "budgetopfolgnig", "indkøb", "procurement",
    "team løn 123", "IT-support til skoleelever", "hvem har ansvaret for lønudbetaling",
    "81.15.00", "kommunikation og presse", "informationssikkerhed", "rekrutering",
    "organisationsudvikling", "human resources", "computere til elever", "område 45",
    "digitalisering", "arkivering", "borgerinddragelse høring", "kreditorer", "it drift",
    "team", "center for jura 77", "budget", "salaries", "who owns payroll", "sekretariat 12",
    "arbejdsmiljo",
]


def make_docs(count: int, seed: int = 7) -> list[SearchDoc]:
    rng = random.Random(seed)
    docs = []
    for i in range(count):
        da, en = TOPICS[i % len(TOPICS)]
        n = rng.randrange(1, 500)
        name = PATTERNS[(i // len(TOPICS)) % len(PATTERNS)].format(da=da, n=n)
        docs.append(SearchDoc(
            id=f"unit:{i:05d}", kind=("Unit", "Task", "Post")[i % 3], name=name,
            name_en=f"{en} {n}", aliases=(f"{da} {n}", f"{da.lower()}team {n}"),
            description=f"Varetager {da.lower()} for område {n}." if i % 4 == 0 else None,
            kle=f"81.{i % 40:02d}.00" if i % 5 == 0 else None,
        ))
    return docs


def main() -> None:
    synonyms = load_synonyms(Path("data/vocabulary/synonyms.yaml"))
    docs = make_docs(50_000)
    start, cpu = time.perf_counter(), time.process_time()
    index = SearchIndex(docs, synonyms)
    build, build_cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"build: {build:.2f} s wall, {build_cpu:.2f} s CPU for {len(index)} docs")
    for label, clear in (("cold", True), ("warm", False)):
        times = []
        for _ in range(20):
            for query in QUERIES:
                if clear:
                    index._cache.clear()  # measure the full per-token work
                t0 = time.perf_counter()
                index.search(query)
                times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        p50 = statistics.median(times)
        p99 = times[int(len(times) * 0.99) - 1]
        print(f"{label}: queries={len(times)} p50={p50:.3f} ms p99={p99:.3f} ms "
              f"max={times[-1]:.3f} ms")
    cold = {q: _time(index, q) for q in QUERIES}
    for query in sorted(QUERIES, key=lambda q: -cold[q])[:8]:
        hits = index.search(query, limit=3)
        print(f"  {cold[query]:7.2f} ms  {query!r}: {[(h.id, h.score) for h in hits]}")


def _time(index: SearchIndex, query: str) -> float:
    index._cache.clear()
    t0 = time.perf_counter()
    index.search(query)
    return (time.perf_counter() - t0) * 1000


if __name__ == "__main__":
    main()
