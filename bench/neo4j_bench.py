"""Neo4j benchmark: bulk load, batched vs one transaction per record, query latency.

    python bench/neo4j_bench.py                       # a private Neo4j via scripts/neo4j
    NEO4J_URI=... python bench/neo4j_bench.py         # a running server (IT IS WIPED)
    python bench/neo4j_bench.py --nodes 50000 --sample 500 --queries 200 --heap 1g
    python bench/neo4j_bench.py --gc parallel         # the private server with ParallelGC

1. Writes the synthetic 50,000-node municipality as JSON Lines, validates it (``load_dataset``)
   and syncs it into an empty graph (``orgmodel load``'s code path): records/s.
2. Syncs it again (nothing to do), then empties the graph and loads it once more: the first
   load runs on a fresh JVM that compiles Neo4j's hot code as it goes; the second is the rate
   of a server that has run a while (both are reported). For scale, the same nodes written by
   the simplest statement there is (``UNWIND $rows CREATE (n:Bare) SET n = row.props``: no
   label of ours, no index, no edges): the server's bare write rate on this machine, the
   ceiling of any load.
3. A sample of about 2,000 records (``generate(--sample)``), written with the same Cypher
   statements twice in the same run (the staging statements of ``orgmodel load``: CREATE the
   nodes, MATCH their ends and CREATE the edges; kinds and types are parameters): batched (all
   nodes in one statement, all edges in another, one transaction) and one transaction per
   record, both from the same rows built before the clock starts (the ratio compares the
   transactions, not client work that is the same in both); and by ``sync_dataset`` itself,
   timed whole (planning, building rows, staging, the switch, the clean-up). Reports the
   ratios. The JVM compiles Neo4j's hot code over the first rounds, so each variant runs
   ``--warm-rounds`` untimed rounds, then ``--rounds`` timed ones; the median counts.
4. ``owners``, ``search`` and ``chain`` p50/p99 on Neo4j beside the embedded store, on the
   50k graph.

Prints the results as JSON and writes them to ``bench/results/neo4j-<timestamp>.json``.
Not a test: it measures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from orgmodel.loader import load_dataset
from orgmodel.store import neo4j_cypher as cypher
from orgmodel.store.memory import MemoryStore
from orgmodel.store.neo4j_connection import Neo4jClient, Neo4jSettings
from orgmodel.store.neo4j_props import node_props
from orgmodel.store.neo4j_store import Neo4jStore
from orgmodel.store.neo4j_sync import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_WORKERS,
    edge_row,
    ensure_schema,
    node_row,
    sync_dataset,
    wipe_graph,
)
from orgmodel.synthetic import generate, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
LOAD = "bench"  # the staging statements mark what they write with the load's id
#: The calibration statements: no label of ours, no index, nothing to look up.
BARE_CREATE = "UNWIND $rows AS row CREATE (n:Bare) SET n = row"
BARE_DELETE = "MATCH (n:Bare) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS"


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
               if line.startswith("MemTotal"))
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gib": round(mem / 2**20, 1),
            "python": platform.python_version(), "load_avg_start": os.getloadavg()[0]}


def server_cpu(env: dict[str, str]) -> float:
    """CPU seconds the Neo4j JVM has used so far (0 if it is not a local scripts/neo4j one)."""
    pid_file = Path(env.get("ORGMODEL_NEO4J_DIR", "/nonexistent")) / "neo4j.pid"
    try:
        fields = Path(f"/proc/{pid_file.read_text().strip()}/stat").read_text().rsplit(")", 1)[1]
    except OSError:
        return 0.0
    utime, stime = fields.split()[11:13]
    return (int(utime) + int(stime)) / os.sysconf("SC_CLK_TCK")


def cpu_timed(env: dict[str, str], call: Callable[[], Any]) -> tuple[float, float, float, Any]:
    """Wall seconds, client CPU seconds, server CPU seconds, result."""
    server0, client0 = server_cpu(env), time.process_time()
    wall, result = timed(call)
    return wall, time.process_time() - client0, server_cpu(env) - server0, result


@contextmanager
def server(heap: str, gc: str = "g1") -> Iterator[dict[str, str]]:
    if os.environ.get("NEO4J_URI"):
        yield dict(os.environ)
        return
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = ROOT / ".cache" / "neo4j" / f"bench-{port}"
    done = subprocess.run([str(ROOT / "scripts" / "neo4j"), "start", "--port", str(port),
                           "--dir", str(folder), "--heap", heap, "--gc", gc],
                          capture_output=True, text=True, check=True)
    env = dict(os.environ)
    for line in done.stdout.splitlines():
        name, _, value = line.removeprefix("export ").partition("=")
        env[name] = shlex.split(value)[0]
    try:
        yield env
    finally:
        subprocess.run([str(ROOT / "scripts" / "neo4j"), "stop", "--dir", str(folder)],
                       capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def rows_of(ds: Any) -> tuple[list[Any], list[Any]]:
    """The staging rows of ``orgmodel load`` (each with its kind or type) for a dataset."""
    return ([node_row(node, None) for node in ds.nodes.values()],
            [edge_row(key, edge, None) for key, edge in ds.edges.items()])


Rows = tuple[list[Any], list[Any]]


def batched(client: Neo4jClient, rows: Rows) -> None:
    nodes, edges = rows
    with client.session() as session, session.begin_transaction() as tx:
        tx.run(cypher.STAGE_NODES, rows=nodes, load=LOAD).consume()
        tx.run(cypher.create_edges_query("Pending", "Pending"), rows=edges).consume()
        tx.commit()


def per_record(client: Neo4jClient, rows: Rows) -> None:
    nodes, edges = rows
    for row in nodes:
        client.write(cypher.STAGE_NODES, rows=[row], load=LOAD)
    for row in edges:
        client.write(cypher.create_edges_query("Pending", "Pending"), rows=[row])


def bare_write(client: Neo4jClient, ds: Any, size: int) -> float:
    """Seconds to write the nodes' properties with the simplest statement (then deleted)."""
    rows = [node_props(node, None) for node in ds.nodes.values()]
    started = time.perf_counter()
    for start in range(0, len(rows), size):
        client.write(BARE_CREATE, rows=rows[start:start + size])
    seconds = time.perf_counter() - started
    client.run_implicit(BARE_DELETE)
    return seconds


def latency(call: Callable[[Any], Any], inputs: list[Any]) -> dict[str, float]:
    for value in inputs[:10]:
        call(value)  # warm up (plans, caches, the search catalogue)
    times = []
    for value in inputs:
        started = time.perf_counter()
        call(value)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 2),
            "p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument("--sample", type=int, default=520, help="generate(N) for the sample")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--gc", choices=["g1", "parallel"], default="g1",
                        help="the private server's garbage collector (scripts/neo4j --gc)")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                        help="batches the sync stages at a time")
    parser.add_argument("--warm-rounds", type=int, default=3,
                        help="untimed rounds of the sample (the JVM compiles hot code)")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds of the sample")
    args = parser.parse_args()
    result: dict[str, Any] = {"machine": machine(), "args": vars(args)}
    rng = random.Random(7)
    with server(args.heap, args.gc) as env, tempfile.TemporaryDirectory() as tmp:
        client = Neo4jClient.connect(Neo4jSettings.from_environment(env))
        component = client.read(cypher.COMPONENTS)[0]
        result["neo4j"] = f"{component['name']} {component['versions'][0]} {component['edition']}"
        ensure_schema(client)

        sample = generate(args.sample, seed=3)
        records = len(sample.nodes) + len(sample.edges)
        # Both strategies write the same rows, built before the clock starts: the ratio
        # compares the transactions, not the client's work that is the same in both.
        # ``sync`` is timed whole: planning, building rows, staging, switch, clean-up.
        sample_rows = rows_of(sample)
        rounds: dict[str, list[float]] = defaultdict(list)
        writes: list[tuple[str, Callable[[], Any]]] = [
            ("batched", partial(batched, client, sample_rows)),
            ("per_record", partial(per_record, client, sample_rows)),
            ("sync", partial(sync_dataset, client, sample)),
        ]
        for round_ in range(args.warm_rounds + args.rounds):
            for name, write in writes:
                wipe_graph(client)
                seconds, _ = timed(write)
                if round_ >= args.warm_rounds:
                    rounds[name].append(seconds)
        batched_s, single_s, sync_s = (statistics.median(rounds[name])
                                       for name in ("batched", "per_record", "sync"))
        result["sample"] = {"records": records, "batched_s": round(batched_s, 3),
                            "per_record_s": round(single_s, 2),
                            "ratio": round(single_s / batched_s, 1),
                            "sync_dataset_s": round(sync_s, 3),
                            "ratio_sync": round(single_s / sync_s, 1),
                            "rounds": {k: [round(x, 3) for x in v] for k, v in rounds.items()}}
        print(f"sample: {result['sample']}", file=sys.stderr)

        folder = Path(tmp) / "synthetic"
        write_jsonl(folder, args.nodes)
        validate_s, ds = timed(lambda: load_dataset(folder))
        total = len(ds.nodes) + len(ds.edges)
        wipe_graph(client)
        load_all = partial(sync_dataset, client, ds, batch_size=args.batch_size,
                           workers=args.workers)
        load_s, client_cpu, server_cpu_s, report = cpu_timed(env, load_all)
        again_s, again = timed(load_all)
        # The first load above also warms a fresh JVM; a server that has run a while loads
        # like this second one into an emptied graph.
        wipe_graph(client)
        warm_s, _ = timed(load_all)
        bare_s = bare_write(client, ds, args.batch_size)
        result["load"] = {
            "nodes": len(ds.nodes), "edges": len(ds.edges), "validate_s": round(validate_s, 1),
            "sync_s": round(load_s, 1), "records_per_s": round(total / load_s),
            "client_cpu_s": round(client_cpu, 1), "server_cpu_s": round(server_cpu_s, 1),
            "end_to_end_records_per_s": round(total / (validate_s + load_s)),
            "second_sync_s": round(again_s, 1), "second_sync_changed": again.changed,
            "warm_sync_s": round(warm_s, 1), "warm_records_per_s": round(total / warm_s),
            "version": report.version,
            "bare_nodes_per_s": round(len(ds.nodes) / bare_s),
        }
        print(f"load: {result['load']}", file=sys.stderr)

        neo4j, memory = Neo4jStore(client), MemoryStore(ds)
        tasks = [n for n in ds.nodes.values() if n.kind == "Task"]
        questions = [rng.choice([t.id, t.aliases[0] if t.aliases else t.name,
                                 getattr(t, "kle", None) or t.name])
                     for t in rng.sample(tasks, args.queries)]
        words = [rng.choice(t.aliases or [t.name]) for t in rng.sample(tasks, args.queries)]
        starts = rng.sample([n.id for n in ds.nodes.values()
                             if n.kind in ("Post", "Unit", "Task")], args.queries)
        result["queries"] = {}
        asked: list[tuple[str, Callable[[Any, Any], Any], list[Any]]] = [
            ("owners", lambda s, q: s.owners(q), questions),
            ("search", lambda s, q: s.search(q), words),
            ("chain", lambda s, q: s.chain(q), starts),
        ]
        stores: list[tuple[str, Any]] = [("neo4j", neo4j), ("memory", memory)]
        for name, call, inputs in asked:
            result["queries"][name] = {
                store_name: latency(partial(call, store), inputs)
                for store_name, store in stores}
            print(f"{name}: {result['queries'][name]}", file=sys.stderr)
        client.close()
    result["machine"]["load_avg_end"] = os.getloadavg()[0]
    out = ROOT / "bench" / "results" / f"neo4j-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
