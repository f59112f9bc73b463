"""scripts/neo4j: the garbage collector a server starts with; an unknown one is refused.

The server itself is started by the Neo4j tests (tests/neo4j_service.py); these run the script's
option handling only, which needs no Java.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "neo4j"


def _script_module() -> ModuleType:
    path = ROOT / "scripts" / "neo4j_server.py"
    spec = importlib.util.spec_from_file_location("neo4j_server", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in the module look themselves up here
    spec.loader.exec_module(module)
    return module


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, check=False,
                          env={**os.environ, **env}, timeout=60)


def test_one_collector_per_server_and_extra_options_last() -> None:
    script = _script_module()
    parallel = script.jvm_options("2g", "parallel", quick=False, extra="-XX:+UseNUMA")
    assert "-XX:+UseParallelGC" in parallel and "-XX:+UseG1GC" not in parallel
    assert parallel[0] == "-Xmx2g" and parallel[-1] == "-XX:+UseNUMA"
    g1 = script.jvm_options("1g", "g1", quick=True)
    assert "-XX:+UseG1GC" in g1 and "-XX:+UseParallelGC" not in g1
    assert "-XX:TieredStopAtLevel=1" in g1


def test_an_unknown_collector_is_a_usage_error() -> None:
    flag = _run("start", "--gc", "zgc")
    assert flag.returncode == 2
    assert "invalid choice: 'zgc'" in flag.stderr
    from_env = _run("start", NEO4J_GC="zgc")
    assert from_env.returncode == 2
    assert "NEO4J_GC='zgc'" in from_env.stderr and "g1, parallel" in from_env.stderr
    assert "Traceback" not in flag.stderr + from_env.stderr
