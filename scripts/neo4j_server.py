#!/usr/bin/env python3
"""Run a real Neo4j 5.26 LTS Community server for orgmodel without Docker.

Implementation of ``scripts/neo4j`` (see ``scripts/README.md`` or ``scripts/neo4j --help``).

Neo4j comes from Maven Central (``org.neo4j:neo4j``, the Community DBMS with
Bolt, Cypher and the Lucene full-text index).  The small Maven project in
``scripts/neo4j-runner/`` runs it as an embedded DBMS with the Bolt connector on
``127.0.0.1:PORT`` and authentication enabled.  Downloads are cached in
``~/.m2``; the built launcher and the instances live in ``.cache/neo4j/``
(gitignored).

Only ``export NAME=value`` lines are written to stdout (so that
``eval "$(scripts/neo4j start)"`` works); all progress goes to stderr.

Standard library only; the Python ``neo4j`` driver is used for the readiness
check when it is importable.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import fcntl
import hashlib
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

SCRIPTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPTS_DIR.parent
RUNNER_PROJECT = SCRIPTS_DIR / "neo4j-runner"
RUNNER_MAIN = "orgmodel.neo4j.Neo4jRunner"

DEFAULT_VERSION = "5.26.30"
DEFAULT_PASSWORD = "orgmodel-test-password"  # noqa: S105 - tests and local development only
DEFAULT_PORT = 7687
DEFAULT_HEAP = "1g"
DEFAULT_PAGECACHE = "256m"
DEFAULT_START_TIMEOUT = 180.0
DEFAULT_STOP_TIMEOUT = 60.0
USER = "neo4j"

# Files inside an instance directory (DIR).
PID_FILE = "neo4j.pid"
PORT_FILE = "port"
ENV_FILE = "env"  # the export lines printed by `start`
LOG_FILE = "neo4j.log"  # stdout/stderr of the JVM (Neo4j's user log)
READY_FILE = "ready"  # written by the runner once Bolt is up and the password is set
CONF_FILE = "neo4j.conf"
HOME_SUBDIR = "home"  # Neo4j home: data/, logs/debug.log ...

# JVM options, following the defaults of the Neo4j 5 server distribution, minus
# the ones that only cost start-up time (e.g. -XX:+AlwaysPreTouch).
JVM_OPTIONS = [
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dfile.encoding=UTF-8",
]
# Garbage collectors (--gc). G1 is Neo4j's own default: short pauses for queries. The parallel
# collector spends less CPU on the same work (no concurrent marking or refinement threads), which
# on a machine of two cores shows in bulk loads (docs/benchmarks.md), at the cost of longer
# stop-the-world pauses when the heap is collected.
GC_OPTIONS = {"g1": ["-XX:+UseG1GC"], "parallel": ["-XX:+UseParallelGC"]}


class Neo4jScriptError(Exception):
    """A failure to report to the user (message only, no traceback)."""


def log(msg: str) -> None:
    """Write a progress or error line to stderr (stdout carries only the exports)."""
    print(f"neo4j: {msg}", file=sys.stderr, flush=True)


def cache_dir() -> Path:
    """Return the directory for the built launcher and the instances."""
    return Path(os.environ.get("ORGMODEL_NEO4J_CACHE", REPO_ROOT / ".cache" / "neo4j")).resolve()


def neo4j_version() -> str:
    """Return the Neo4j version to run (env NEO4J_VERSION)."""
    return os.environ.get("NEO4J_VERSION", DEFAULT_VERSION)


# --------------------------------------------------------------------------- build


def _runner_stamp(version: str) -> str:
    h = hashlib.sha256(version.encode())
    h.update((RUNNER_PROJECT / "pom.xml").read_bytes())
    for src in sorted((RUNNER_PROJECT / "src").rglob("*.java")):
        h.update(str(src.relative_to(RUNNER_PROJECT)).encode())
        h.update(src.read_bytes())
    return h.hexdigest()[:12]


def jvm_options(heap: str, gc: str, quick: bool, extra: str | None = None) -> list[str]:
    """The JVM options of a server: heap, collector, the distribution's defaults, extras last.

    >>> jvm_options("1g", "parallel", quick=False)[:4]
    ['-Xmx1g', '-Xms128m', '-Xss2m', '-XX:+UseParallelGC']
    """
    options = [f"-Xmx{heap}", "-Xms128m", "-Xss2m", *GC_OPTIONS[gc], *JVM_OPTIONS]
    if quick:
        options.append("-XX:TieredStopAtLevel=1")  # C1 only: faster start, slower heavy queries
    if extra:
        options += shlex.split(extra)
    return options


def _check_java() -> str:
    java = shutil.which("java")
    if not java:
        raise Neo4jScriptError("java not found on PATH (Neo4j 5.26 needs Java 17 or 21)")
    out = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [java, "-version"], capture_output=True, text=True, check=False
    ).stderr
    first = out.splitlines()[0] if out else ""
    try:
        major = int(first.split('"')[1].split(".")[0])
    except (IndexError, ValueError):
        major = 0
    if major and major < 17:
        raise Neo4jScriptError(f"Neo4j 5.26 needs Java 17 or 21, found: {first}")
    return java


def ensure_runner(version: str) -> tuple[Path, Path]:
    """Build the launcher once per (version, sources); return (build dir, classpath file).

    The first call downloads Neo4j and its dependencies into ~/.m2 (about 150 MB).
    """
    build = cache_dir() / f"runner-{version}-{_runner_stamp(version)}"
    cp_file = build / "classpath.txt"
    jar = build / "target" / "neo4j-runner-1.0.jar"
    build.parent.mkdir(parents=True, exist_ok=True)
    with (build.parent / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # concurrent starts build only once
        if jar.is_file() and cp_file.is_file():
            if all(Path(p).exists() for p in cp_file.read_text().strip().split(os.pathsep) if p):
                return build, cp_file
            log("cached classpath refers to missing jars (~/.m2 cleaned?); rebuilding")
        mvn = shutil.which("mvn")
        if not mvn:
            raise Neo4jScriptError("mvn (Maven 3.8+) not found on PATH; needed to fetch Neo4j")
        build.mkdir(parents=True, exist_ok=True)
        build_log = build / "build.log"
        cmd = [
            mvn,
            "-B",
            "-q",
            "-f",
            str(RUNNER_PROJECT / "pom.xml"),
            f"-Dneo4j.version={version}",
            f"-Drunner.build.dir={build / 'target'}",
            f"-Dmdep.outputFile={cp_file}",
            "package",
            "dependency:build-classpath",
        ]
        if os.environ.get("NEO4J_MAVEN_REPO"):  # e.g. to measure a cold download
            cmd.insert(2, f"-Dmaven.repo.local={os.environ['NEO4J_MAVEN_REPO']}")
        log(
            f"building the Neo4j {version} launcher (first run downloads Neo4j from Maven Central "
            f"into ~/.m2; log: {build_log})"
        )
        t0 = time.monotonic()
        with build_log.open("w") as out:
            rc = subprocess.run(  # noqa: S603 - fixed argv, no shell
                cmd,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=RUNNER_PROJECT,
            ).returncode
        if rc != 0 or not jar.is_file() or not cp_file.is_file():
            cp_file.unlink(missing_ok=True)
            raise Neo4jScriptError(
                f"Maven build of the launcher failed (exit {rc}); last lines of {build_log}:\n"
                + _tail(build_log, 40)
            )
        log(f"launcher built in {time.monotonic() - t0:.1f} s")
        return build, cp_file


# --------------------------------------------------------------------------- helpers


def _tail(path: Path, lines: int = 40) -> str:
    try:
        with path.open("rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 64 * 1024))
            data = f.read().decode("utf-8", "replace")
    except OSError as e:
        return f"  (cannot read {path}: {e})"
    return "\n".join("  | " + line for line in data.splitlines()[-lines:])


def port_is_free(port: int) -> bool:
    """Tell whether 127.0.0.1:port can be bound (with SO_REUSEADDR, like the Bolt server)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    """Return a port that is free on 127.0.0.1 now (picked by the kernel)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def tcp_answers(port: int, timeout: float = 1.0) -> bool:
    """Tell whether a TCP connect to 127.0.0.1:port succeeds."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def _read_int(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def runner_pid(inst: Path) -> int | None:
    """Return the pid of the live launcher JVM of ``inst``, else None (checks for reused pids)."""
    pid = _read_int(inst / PID_FILE)
    if pid is None:
        return None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return None
    if RUNNER_MAIN.encode() not in cmdline or str(inst / HOME_SUBDIR).encode() not in cmdline:
        return None
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat.rsplit(")", 1)[1].split()[0] == "Z":  # zombie: exited, not yet reaped
            return None
    except (OSError, IndexError):
        pass
    return pid


def exports(port: int, password: str, inst: Path) -> str:
    """Return the ``export NAME=value`` lines that `start` prints."""
    pairs = [
        ("NEO4J_URI", f"bolt://127.0.0.1:{port}"),
        ("NEO4J_USER", USER),
        ("NEO4J_PASSWORD", password),
        ("ORGMODEL_NEO4J_DIR", str(inst)),
    ]
    return "".join(f"export {k}={shlex.quote(v)}\n" for k, v in pairs)


def _last_password(inst: Path) -> str | None:
    """Return the password that the last successful start in ``inst`` set (from its env file)."""
    try:
        for line in (inst / ENV_FILE).read_text().splitlines():
            if line.startswith("export NEO4J_PASSWORD="):
                values = shlex.split(line[len("export NEO4J_PASSWORD=") :])
                return values[0] if values else ""
    except (OSError, ValueError):
        pass
    return None


def write_conf(inst: Path, port: int, pagecache: str) -> Path:
    """Write the neo4j.conf of an instance and return its path."""
    conf = inst / CONF_FILE
    conf.write_text(
        "# Written by scripts/neo4j on every start; edits are overwritten.\n"
        "server.bolt.enabled=true\n"
        f"server.bolt.listen_address=127.0.0.1:{port}\n"
        f"server.bolt.advertised_address=127.0.0.1:{port}\n"
        "server.bolt.tls_level=DISABLED\n"
        "server.http.enabled=false\n"
        "server.https.enabled=false\n"
        "dbms.security.auth_enabled=true\n"
        "dbms.security.auth_minimum_password_length=1\n"
        f"server.memory.pagecache.size={pagecache}\n"
        "dbms.memory.transaction.total.max=512m\n"
        "db.tx_log.preallocate=false\n"
        "db.tx_log.rotation.retention_policy=2 files\n"
        "dbms.usage_report.enabled=false\n"
        "# Bolt waits 2 x 5 s for idle netty threads on shutdown by default; tests restart often.\n"
        "internal.server.bolt.thread_pool_shutdown_wait_time=1s\n"
        "internal.server.bolt.connection_shutdown_wait_time=1s\n"
    )
    return conf


def _driver_check(port: int, password: str) -> tuple[bool, str]:
    """(ok, message): a real Bolt handshake + auth + `RETURN 1` via the Python driver."""
    try:
        import neo4j  # optional dependency
    except ImportError:
        return True, "python neo4j driver not installed; checked TCP only"
    try:
        with neo4j.GraphDatabase.driver(
            f"bolt://127.0.0.1:{port}",
            auth=(USER, password),
            connection_timeout=5,
            max_connection_lifetime=30,
        ) as drv:
            records, _, _ = drv.execute_query("RETURN 1 AS one", database_="neo4j")
            if records and records[0]["one"] == 1:
                return True, f"RETURN 1 answered (driver {neo4j.__version__})"
            return False, "unexpected answer to RETURN 1"
    except neo4j.exceptions.AuthError as e:  # would not get better by waiting
        raise Neo4jScriptError(f"Bolt answers but authentication failed: {e}") from e
    except Exception as e:  # not ready yet
        return False, f"{type(e).__name__}: {e}"


# --------------------------------------------------------------------------- commands


def resolve_instance(args: argparse.Namespace, for_start: bool) -> tuple[Path, int | None]:
    """Instance dir and port from --dir/--port (port may be None when only --dir is known)."""
    port = args.port
    if args.dir:
        inst = Path(args.dir).resolve()
        if port is None:
            port = _read_int(inst / PORT_FILE)  # restart on the port it had
    else:
        if port is None and for_start:
            port = DEFAULT_PORT if port_is_free(DEFAULT_PORT) else free_port()
        if port is None:
            raise Neo4jScriptError("internal: no port")
        inst = cache_dir() / f"data-{port}"
    return inst, port


def _wait_ready(
    proc: subprocess.Popen[bytes], inst: Path, port: int, password: str, timeout: float
) -> str:
    """Poll until the runner wrote its ready file and Bolt answers; return the check message."""
    log_path = inst / LOG_FILE
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while True:
        rc = proc.poll()
        if rc is not None:
            raise Neo4jScriptError(
                f"Neo4j exited with code {rc} while starting; last lines of "
                f"{log_path}:\n{_tail(log_path)}"
            )
        if (inst / READY_FILE).is_file() and tcp_answers(port):
            ok, last = _driver_check(port, password)
            if ok:
                return last
        if time.monotonic() > deadline:
            raise Neo4jScriptError(
                f"Neo4j did not answer on bolt://127.0.0.1:{port} within "
                f"{timeout:.0f} s ({last}); stopped it. Last lines of "
                f"{log_path}:\n{_tail(log_path)}"
            )
        time.sleep(0.25)


def cmd_start(args: argparse.Namespace) -> int:
    """Start a server in the background, wait until Bolt answers, print the exports."""
    if args.port is not None and not (0 < args.port < 65536):
        raise Neo4jScriptError(f"invalid port {args.port}")
    inst, port = resolve_instance(args, for_start=True)
    password = args.password
    pid = runner_pid(inst)
    if pid is not None:
        running_port = _read_int(inst / PORT_FILE)
        if port not in (None, running_port):
            raise Neo4jScriptError(
                f"{inst} is already in use by a server on port {running_port} "
                f"(pid {pid}); stop it first or use another --dir"
            )
        if (inst / READY_FILE).is_file() and (inst / ENV_FILE).is_file():
            env_text = (inst / ENV_FILE).read_text()
            if _last_password(inst) != password:
                raise Neo4jScriptError(
                    f"a server is already running in {inst} (pid {pid}) with "
                    "another password; stop it first"
                )
            log(f"already running (pid {pid}) on bolt://127.0.0.1:{running_port}")
            sys.stdout.write(env_text)
            return 0
        raise Neo4jScriptError(
            f"a server in {inst} (pid {pid}) is starting or hung; "
            f"see {inst / LOG_FILE} or run: scripts/neo4j stop --dir {inst}"
        )
    if port is None:
        port = DEFAULT_PORT if port_is_free(DEFAULT_PORT) else free_port()
    if not port_is_free(port):
        raise Neo4jScriptError(f"port {port} on 127.0.0.1 is already in use")

    java = _check_java()
    version = neo4j_version()
    t0 = time.monotonic()
    build, cp_file = ensure_runner(version)
    jar = build / "target" / "neo4j-runner-1.0.jar"
    classpath = os.pathsep.join([str(jar), cp_file.read_text().strip()])

    inst.mkdir(parents=True, exist_ok=True)
    home = inst / HOME_SUBDIR
    if not args.keep:
        if home.exists():
            shutil.rmtree(home)
        (inst / ENV_FILE).unlink(missing_ok=True)
    home.mkdir(exist_ok=True)
    (inst / READY_FILE).unlink(missing_ok=True)
    conf = write_conf(inst, port, args.pagecache)
    (inst / PORT_FILE).write_text(f"{port}\n")

    jvm = [java, *jvm_options(args.heap, args.gc, args.quick, os.environ.get("NEO4J_JAVA_OPTS"))]
    cmd = [*jvm, "-cp", classpath, RUNNER_MAIN, str(home), str(conf), str(inst / READY_FILE)]
    env = dict(os.environ, NEO4J_RUNNER_PASSWORD=password)
    env.pop("NEO4J_RUNNER_PASSWORD_UNCHANGED", None)
    if args.keep and _last_password(inst) == password:
        # the kept store already has this password: skip ALTER USER (saves a Cypher compile)
        env["NEO4J_RUNNER_PASSWORD_UNCHANGED"] = "1"  # noqa: S105 - a flag, not a password
    log_path = inst / LOG_FILE
    with log_path.open("a" if args.keep else "w") as out:
        out.write(
            f"==== scripts/neo4j start {time.strftime('%Y-%m-%d %H:%M:%S')} port={port} "
            f"keep={args.keep} version={version}\n"
        )
        out.flush()
        proc = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            cmd,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=inst,
            env=env,
            start_new_session=True,
        )
    (inst / PID_FILE).write_text(f"{proc.pid}\n")
    log(
        f"starting Neo4j {version} (pid {proc.pid}) on bolt://127.0.0.1:{port}, dir {inst}, "
        f"log {log_path}"
    )

    try:
        last = _wait_ready(proc, inst, port, password, args.timeout)
    except BaseException:  # failure or Ctrl-C: leave no half-started server behind
        if proc.poll() is None:
            _terminate(proc.pid, 20.0)
        (inst / PID_FILE).unlink(missing_ok=True)
        raise

    env_text = exports(port, password, inst)
    env_file = inst / ENV_FILE
    env_file.touch(mode=0o600)
    env_file.write_text(env_text)
    log(f"ready in {time.monotonic() - t0:.1f} s: bolt://127.0.0.1:{port} ({last})")
    sys.stdout.write(env_text)
    sys.stdout.flush()
    return 0


def _terminate(pid: int, timeout: float) -> str:
    """Send SIGTERM, wait up to ``timeout`` s, then SIGKILL; return how it ended."""

    def alive() -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        with contextlib.suppress(OSError, IndexError):  # a zombie child of ours has exited
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, os.WNOHANG)
                return False
        return True

    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while alive():
        if time.monotonic() > deadline:
            log(f"pid {pid} still running after {timeout:.0f} s; sending SIGKILL")
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            while alive():
                time.sleep(0.1)
            return "killed"
        time.sleep(0.1)
    return "stopped"


def _instances(args: argparse.Namespace) -> list[Path]:
    """Return the instance dirs that --dir/--port name, or all under the cache dir."""
    if args.dir:
        return [Path(args.dir).resolve()]
    if args.port is not None:
        return [cache_dir() / f"data-{args.port}"]
    return sorted(p for p in cache_dir().glob("data-*") if p.is_dir())


def cmd_stop(args: argparse.Namespace) -> int:
    """Stop the instance(s): SIGTERM, wait, SIGKILL. Idempotent."""
    insts = _instances(args)
    stopped = 0
    for inst in insts:
        pid = runner_pid(inst)
        if pid is None:
            if (inst / PID_FILE).exists():
                (inst / PID_FILE).unlink(missing_ok=True)
            (inst / READY_FILE).unlink(missing_ok=True)
            if args.dir or args.port is not None:
                log(f"not running ({inst})")
            continue
        port = _read_int(inst / PORT_FILE)
        t0 = time.monotonic()
        how = _terminate(pid, args.timeout)
        (inst / PID_FILE).unlink(missing_ok=True)
        (inst / READY_FILE).unlink(missing_ok=True)
        log(f"{how} Neo4j pid {pid} (port {port}, dir {inst}) in {time.monotonic() - t0:.1f} s")
        stopped += 1
    if not stopped and not (args.dir or args.port is not None):
        log("no running instance found under " + str(cache_dir()))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Print one line per instance; exit 0 if one runs, else 3."""
    running = 0
    insts = _instances(args)
    for inst in insts:
        pid = runner_pid(inst)
        port = _read_int(inst / PORT_FILE)
        if pid is None:
            print(f"stopped  port={port} dir={inst}")
            continue
        running += 1
        state = (
            "running"
            if (inst / READY_FILE).is_file() and port and tcp_answers(port)
            else "starting"
        )
        print(f"{state}  pid={pid} uri=bolt://127.0.0.1:{port} dir={inst} log={inst / LOG_FILE}")
    if not insts:
        print(f"no instances under {cache_dir()}")
    return 0 if running else 3


def cmd_env(args: argparse.Namespace) -> int:
    """Print the exports of a running instance."""
    for inst in _instances(args):
        if runner_pid(inst) is not None and (inst / ENV_FILE).is_file():
            sys.stdout.write((inst / ENV_FILE).read_text())
            return 0
    log("no running instance found")
    return 3


def cmd_clean(args: argparse.Namespace) -> int:
    """Stop every instance under the cache dir and delete their dirs (not the built launcher)."""
    cmd_stop(argparse.Namespace(dir=None, port=None, timeout=args.timeout))
    for inst in sorted(p for p in cache_dir().glob("data-*") if p.is_dir()):
        shutil.rmtree(inst)
        log(f"removed {inst}")
    return 0


def cmd_restart(args: argparse.Namespace) -> int:
    """Stop, then start with --keep on the same port and dir."""
    inst, port = (
        resolve_instance(args, for_start=False) if (args.dir or args.port) else (None, None)
    )
    if inst is None:
        raise Neo4jScriptError("restart needs --port or --dir")
    if port is None:
        raise Neo4jScriptError(f"no port known for {inst}; pass --port")
    cmd_stop(argparse.Namespace(dir=str(inst), port=port, timeout=args.stop_timeout))
    args.dir, args.port, args.keep = str(inst), port, True
    return cmd_start(args)


HELP = f"""\
Run a real Neo4j {DEFAULT_VERSION.rsplit(".", 1)[0]} LTS Community server (no Docker) for orgmodel.

usage:
  scripts/neo4j start   [--port N] [--password PW] [--dir DIR] [--keep] [--timeout S]
                        [--heap SIZE] [--pagecache SIZE] [--gc g1|parallel] [--quick]
  scripts/neo4j stop    [--port N | --dir DIR] [--timeout S]
  scripts/neo4j restart (--port N | --dir DIR) [--password PW] ...   (stop + start --keep)
  scripts/neo4j status  [--port N | --dir DIR]
  scripts/neo4j env     [--port N | --dir DIR]      (print the exports of a running one)
  scripts/neo4j clean                               (stop all, delete .cache/neo4j/data-*)

start   fetches Neo4j from Maven Central on first use (needs java 17+ and mvn; cached in
        ~/.m2 and .cache/neo4j/), starts it in the background on 127.0.0.1 and waits until
        Bolt answers an authenticated `RETURN 1` (TCP only if the python `neo4j` driver is
        missing). Prints, on stdout only:
            export NEO4J_URI=bolt://127.0.0.1:PORT
            export NEO4J_USER=neo4j
            export NEO4J_PASSWORD=...
            export ORGMODEL_NEO4J_DIR=...
        so use:  eval "$(scripts/neo4j start)"
        Already running in that dir with that password: prints the exports again, exit 0.
  --port N      Bolt port (default: {DEFAULT_PORT} if free, else a free one; with --dir: the
                port that dir used last)
  --password PW password of user neo4j (default: {DEFAULT_PASSWORD}; tests only)
  --dir DIR     instance dir: home/ (data), neo4j.log, neo4j.pid, neo4j.conf, port, env
                (default: .cache/neo4j/data-PORT)
  --keep        keep the data of the last run in DIR (default: start from an empty database)
  --timeout S   seconds to wait for Bolt (default {DEFAULT_START_TIMEOUT:.0f}); on timeout the
                server is stopped and the log tail shown
  --heap SIZE   JVM -Xmx (default {DEFAULT_HEAP});  --pagecache SIZE (default {DEFAULT_PAGECACHE})
  --gc NAME     garbage collector: g1 (default, Neo4j's own: short pauses) or parallel (less
                CPU for bulk loads on few cores, longer pauses; env NEO4J_GC)
  --quick       C1 JIT only (-XX:TieredStopAtLevel=1): starts ~30% faster, heavy queries run
                slower; fine for test suites, not for benchmarks (env NEO4J_QUICK_JVM=1)

stop    SIGTERM (clean DBMS shutdown), wait --timeout (default {DEFAULT_STOP_TIMEOUT:.0f} s), then
        SIGKILL. Without --port/--dir: every instance under .cache/neo4j/. Idempotent.
status  one line per instance; exit 0 if one runs, 3 if none.
clean   stop every instance under .cache/neo4j/ and delete its dir (the built launcher stays).

environment: NEO4J_VERSION (default {DEFAULT_VERSION}), NEO4J_JAVA_OPTS (extra JVM options),
             NEO4J_GC (as --gc),
             NEO4J_QUICK_JVM=1 (as --quick), ORGMODEL_NEO4J_CACHE (default .cache/neo4j),
             NEO4J_MAVEN_REPO (Maven local repository, default ~/.m2/repository).
exit codes:  0 ok, 1 failure (message on stderr), 2 usage, 3 not running (status/env).
"""


def build_parser() -> argparse.ArgumentParser:
    """Return the command-line parser (help text is HELP, not argparse's)."""
    p = argparse.ArgumentParser(
        prog="scripts/neo4j", add_help=False, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("-h", "--help", action="store_true")
    sub = p.add_subparsers(dest="command")

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--port", type=int)
        sp.add_argument("--dir")

    for name in ("start", "restart"):
        sp = sub.add_parser(name, add_help=False)
        common(sp)
        sp.add_argument("-h", "--help", action="store_true")
        sp.add_argument("--password", default=DEFAULT_PASSWORD)
        sp.add_argument("--keep", action="store_true")
        sp.add_argument("--timeout", type=float, default=DEFAULT_START_TIMEOUT)
        sp.add_argument("--stop-timeout", type=float, default=DEFAULT_STOP_TIMEOUT)
        sp.add_argument("--heap", default=DEFAULT_HEAP)
        sp.add_argument("--pagecache", default=DEFAULT_PAGECACHE)
        sp.add_argument("--gc", choices=sorted(GC_OPTIONS),
                        default=os.environ.get("NEO4J_GC") or "g1")
        sp.add_argument(
            "--quick",
            action="store_true",
            default=os.environ.get("NEO4J_QUICK_JVM", "") not in ("", "0"),
        )
    sp = sub.add_parser("stop", add_help=False)
    common(sp)
    sp.add_argument("-h", "--help", action="store_true")
    sp.add_argument("--timeout", type=float, default=DEFAULT_STOP_TIMEOUT)
    sp = sub.add_parser("clean", add_help=False)
    sp.add_argument("-h", "--help", action="store_true")
    sp.add_argument("--timeout", type=float, default=DEFAULT_STOP_TIMEOUT)
    for name in ("status", "env"):
        sp = sub.add_parser(name, add_help=False)
        common(sp)
        sp.add_argument("-h", "--help", action="store_true")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.help or not args.command:
        (sys.stdout if args.help else sys.stderr).write(HELP)
        return 0 if args.help else 2
    if getattr(args, "gc", "g1") not in GC_OPTIONS:  # from NEO4J_GC: argparse checks only flags
        log(f"error: NEO4J_GC={args.gc!r}: choose one of {', '.join(sorted(GC_OPTIONS))}")
        return 2
    handler = {
        "start": cmd_start,
        "stop": cmd_stop,
        "status": cmd_status,
        "env": cmd_env,
        "restart": cmd_restart,
        "clean": cmd_clean,
    }[args.command]
    try:
        return handler(args)
    except Neo4jScriptError as e:
        log(f"error: {e}")
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as e:
        if e.errno == errno.EPIPE:
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
