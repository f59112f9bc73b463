"""Benchmark of the domain core: validate+build, owners and search on a synthetic municipality.

    python bench/core_bench.py [--nodes 50000] [--queries 2000]

Writes the municipality as JSON Lines, then in a fresh process (so peak RSS is its own):
load_dataset (parse + validate + check) and MemoryStore (graph + search index), then
`owners` and `search` over a mix of questions. The baseline, measured in the same run, is
json.loads of the same files: how far validation and building are from just reading.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTIONS = [
    "løn",
    "lon",
    "payroll",
    "indkøb",
    "procurement",
    "budgetopfølgning",
    "it-support",
    "kommunikation",
    "skole drift",
    "ældrepleje tilsyn",
    "regnskab",
    "81.15.00",
    "digitalisering",
    "borgerservice",
    "sagsbehandlng",
    "Jura rådgivning",
]


def measure(folder: Path, n_queries: int) -> dict[str, float]:
    from orgmodel.loader import data_files, load_dataset
    from orgmodel.store.memory import MemoryStore

    started = time.perf_counter()
    for path in data_files(folder):
        for line in path.read_text(encoding="utf-8").splitlines():
            json.loads(line)
    baseline = time.perf_counter() - started

    started, cpu_started = time.perf_counter(), time.process_time()
    dataset = load_dataset(folder)
    validated = time.perf_counter() - started
    store = MemoryStore(dataset)
    built = time.perf_counter() - started
    built_cpu = time.process_time() - cpu_started

    rng = random.Random(7)
    timings: dict[str, list[float]] = {"owners": [], "search": []}
    for _ in range(n_queries):
        question = rng.choice(QUESTIONS) + ("" if rng.random() < 0.5 else f" {rng.randint(0, 999)}")
        for name, call in (("owners", store.owners), ("search", store.search)):
            t0 = time.perf_counter()
            call(question)
            timings[name].append((time.perf_counter() - t0) * 1000)
    result = {
        "nodes": len(dataset.nodes),
        "edges": len(dataset.edges),
        "read_json_s": baseline,
        "validate_s": validated,
        "validate_build_s": built,
              "validate_build_cpu_s": built_cpu,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    for name, values in timings.items():
        values.sort()
        result[f"{name}_p50_ms"] = statistics.median(values)
        result[f"{name}_p99_ms"] = values[int(len(values) * 0.99) - 1]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=2_000)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.queries)))
        return
    from orgmodel.synthetic import write_jsonl

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        records = write_jsonl(folder, args.nodes)
        print(f"generated {records} records in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(folder), "--queries", str(args.queries)],
            capture_output=True,
            text=True,
            check=True,
        )
    result = json.loads(out.stdout)
    print(f"load average after: {Path('/proc/loadavg').read_text().split()[:3]}")
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    print(
        f"machine: {cpu}, {__import__('os').cpu_count()} cores, Python {platform.python_version()}"
    )
    for key, value in result.items():
        print(f"{key:>20}: {value:,.3f}" if isinstance(value, float) else f"{key:>20}: {value:,}")
    print(
        f"{'validate+build / read':>20}: {result['validate_build_s'] / result['read_json_s']:.1f}x"
    )


if __name__ == "__main__":
    main()
