"""Views benchmark: time until the network is interactive, and page weight; ours vs pyvis.

For synthetic municipalities of 500 and 5,000 nodes (``orgmodel.synthetic``), each view is

* served by ``orgmodel serve`` (the API app with the views plugin) in its own process on
  loopback and opened in headless Chromium: time from navigation start to the page's
  ``orgmodel-ready`` mark (the first draw of the network, when it takes clicks), cold (new
  browser context, empty cache) and warm (the same page loaded again); when the panel of
  controls, put in after the network is on screen, was in (``orgmodel-controls``, cold); and
  the bytes of the page's own HTML, of its graph JSON (fetched when too big to embed) and of
  the static files (cached after the first visit);
* built the way pyvis does by default on the same graph (the view's whole node and edge set):
  ``Network()`` + ``from_nx`` + ``write_html``, opened from disk. Its template loads
  vis-network, bootstrap and tom-select from CDNs; route interception answers the vis-network
  requests with pyvis's own bundled copy (serving the page without its integrity hashes,
  which that copy does not match) and aborts the rest, so it neither hangs nor leaves the
  machine. Time until its physics stabilisation is done (its loading bar goes away),
  which is when pyvis's page takes clicks (pages of up to 100 nodes have no loading bar:
  until vis reports the network stabilised), cold (a new context) and warm (the same page
  again, when the first load took under a minute). With every CDN request blocked, pyvis's
  default page draws nothing at all; the script checks that too. Also the size of pyvis's
  ``cdn_resources="in_line"`` file.
* and, as the floor of any vis-network page, the same network (nodes, edges and options as the
  view gave them to vis-network) in a page of vis-network alone (``vis_floor``), loaded the
  same way as ours: how much of a view's time is vis-network's own.

Run from the repository root (needs Chromium at /usr/bin/chromium and Playwright)::

    python bench/views_bench.py                  # 500 and 5,000 nodes, 5 runs each
    python bench/views_bench.py --sizes 500 --runs 2
    python bench/views_bench.py --sizes 5000 --views stakeholders --runs 9 --pyvis-runs 5

Results go to ``bench/results/views.json`` and two Markdown tables to stdout: each view
against pyvis, and each view against vis-network alone.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import networkx as nx
from api_bench import free_port, start_server, stop_process
from playwright.sync_api import Browser, Page, Request, Route, sync_playwright
from pyvis.network import Network
from vis_floor import FloorSite, take_network

from orgmodel.loader import load_dataset
from orgmodel.store.memory import MemoryStore
from orgmodel.synthetic import write_jsonl
from viz.views import gather_view

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("ORGMODEL_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
VIEWS = {"org": "/views/org", "collaboration": "/views/collaboration",
         "stakeholders": "/views/stakeholders?post=post%3Ap5",
         "responsibilities": "/views/responsibilities"}
PYVIS_LIB = Path(str(__import__("pyvis").__file__)).parent / "templates" / "lib" / "vis-9.1.2"
PYVIS_TIMEOUT_S = 600  # default of --pyvis-timeout
PYVIS_WARM_LIMIT_S = 60  # pyvis pages loaded again (warm) only when the first load took less
READY = "performance.getEntriesByName('orgmodel-ready')[0].startTime"
#: Our pages put their panel of controls in after the network is on screen (docs/views.md).
CONTROLS_SHOWN = "!window.orgmodelView.controlsShown || window.orgmodelView.controlsShown()"
CONTROLS = "(performance.getEntriesByName('orgmodel-controls')[0] || {}).startTime || null"
#: pyvis's page takes clicks once its physics stabilisation is done: its loading bar fades
#: (pages of over 100 nodes), or vis reports the network stabilised (smaller pages, no bar).
PYVIS_DONE = """() => {
    const bar = document.getElementById('loadingBar');
    if (bar) { return bar.style.opacity === '0'; }
    return typeof network !== 'undefined' && network.physics && network.physics.stabilized;
}"""
#: Run in pyvis's page from its start: notes the time of the first animation frame at which
#: PYVIS_DONE holds, so its time is exact to a frame (polling from outside would add up to the
#: polling interval to pyvis's time).
PYVIS_WATCH = f"""(() => {{
    const done = {PYVIS_DONE};
    const tick = () => {{
        try {{ if (done()) {{ window.__pyvisDone = performance.now(); return; }} }} catch (e) {{}}
        requestAnimationFrame(tick);
    }};
    requestAnimationFrame(tick);
}})();"""


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(int(memory) / 2**20, 1),
            "python": platform.python_version(), "os": platform.platform(),
            "load_average": os.getloadavg()}


class Server:
    """``orgmodel serve`` on ``data_dir`` in a process of its own, as in production.

    Not a thread of this process: the Playwright client that drives the browser runs here,
    and a server sharing its interpreter lock would add the client's work to every page load.
    """

    def __init__(self, data_dir: Path) -> None:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.process = start_server(port, neo4j=False, data_dir=data_dir, timeout=300)

    def stop(self) -> None:
        stop_process(self.process)


def page_bytes(url: str) -> dict[str, int]:
    """Bytes of a view's HTML and graph JSON, as sent (gzip) and unpacked."""
    sizes: dict[str, int] = {}
    with httpx.Client(timeout=60) as client:
        plain = client.get(url, headers={"Accept-Encoding": "identity"})
        packed = client.get(url, headers={"Accept-Encoding": "gzip"})
        sizes["html"] = len(plain.content)
        sizes["html_gzip"] = int(packed.headers["content-length"])
        found = re.search(r'id="orgmodel-config">(.*?)</script>', plain.text, re.S)
        config = json.loads(found.group(1)) if found else {}
        sizes["data"] = sizes["data_gzip"] = 0
        if config.get("payload") is None and config.get("urls", {}).get("data"):
            data_url = url.split("/views/")[0] + config["urls"]["data"]
            sizes["data"] = len(client.get(data_url, headers={"Accept-Encoding": "identity"})
                                .content)
            sizes["data_gzip"] = int(client.get(data_url, headers={"Accept-Encoding": "gzip"})
                                     .headers["content-length"])
        assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', plain.text)
        sizes["assets"] = sum(len(client.get(url.split("/views/")[0] + a).content)
                              for a in assets)
    return sizes


def measure_ours(browser: Browser, url: str, runs: int) -> dict[str, Any]:
    cold: list[float] = []
    warm: list[float] = []
    controls: list[float] = []  # when the panel of controls was in, cold
    shown = 0
    for _ in range(runs):
        # bypass_csp: Playwright's polling evaluates strings, which the app's CSP forbids.
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
        page = context.new_page()
        outside: list[str] = []
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))

        def note_outside(request: Request, seen: list[str] = outside, own: str = origin) -> None:
            if not request.url.startswith((own, "data:")):
                seen.append(request.url)

        page.on("request", note_outside)
        for bucket in (cold, warm):
            page.goto(url)
            page.wait_for_function("window.orgmodelView && window.orgmodelView.ready()",
                                   timeout=60_000)
            bucket.append(page.evaluate(READY))
            if bucket is cold:
                page.wait_for_function(CONTROLS_SHOWN, timeout=60_000)
                if (mark := page.evaluate(CONTROLS)) is not None:
                    controls.append(mark)
        shown = page.evaluate("window.orgmodelView.nodeCount()")
        context.close()
        assert not outside, outside
    return {"cold_ms": statistics.median(cold), "warm_ms": statistics.median(warm),
            "cold_all": cold, "warm_all": warm, "nodes_shown": shown,
            "controls_cold_ms": statistics.median(controls) if controls else None}


def measure_floor(browser: Browser, url: str, runs: int, folder: Path) -> dict[str, Any]:
    """The view's network in a page of vis-network alone (``vis_floor``), loaded like ours."""
    site = FloorSite(folder, take_network(browser, url))
    try:
        return measure_ours(browser, site.url, runs)
    finally:
        site.stop()


def view_graph(store: MemoryStore, view: str) -> nx.MultiDiGraph:
    """The view's whole graph (every node and edge, not only the part a big view opens on)."""
    post = "post:p5" if view == "stakeholders" else None
    data = gather_view(store, view, as_of=__import__("datetime").date.today(), post=post)
    graph = nx.MultiDiGraph()
    for node in data.subgraph.nodes:
        graph.add_node(node.id, label=node.name, title=node.kind.value)
    for edge in data.subgraph.edges:
        graph.add_edge(edge.source_id, edge.target_id)
    return graph


def pyvis_files(graph: nx.MultiDiGraph, folder: Path) -> dict[str, Any]:
    """pyvis's default page (local) and its in_line page for ``graph``; build times and sizes."""
    start = time.perf_counter()
    net = Network()
    net.from_nx(graph)
    built = time.perf_counter() - start
    cwd = Path.cwd()
    os.chdir(folder)  # write_html puts its lib/ folder next to the working directory
    try:
        start = time.perf_counter()
        net.write_html("default.html")
        written = time.perf_counter() - start
        inline = Network(cdn_resources="in_line")
        inline.from_nx(graph)
        inline.write_html("inline.html")
    finally:
        os.chdir(cwd)
    return {"build_s": round(built + written, 3), "edges_kept": len(net.edges),
            "default_bytes": (folder / "default.html").stat().st_size,
            "inline_bytes": (folder / "inline.html").stat().st_size}


_INTEGRITY = re.compile(r'\s+integrity="[^"]*"')


def _answer_cdn(route: Route) -> None:
    url = route.request.url
    if url.endswith(".html") and url.startswith("file://"):
        # pyvis's bundled vis-network is not byte-identical to the CDN's, so the page's
        # subresource-integrity hashes would refuse it: serve the page without them.
        body = Path(url.removeprefix("file://")).read_text(encoding="utf-8")
        route.fulfill(body=_INTEGRITY.sub("", body), content_type="text/html")
    elif url.startswith("file://"):
        route.continue_()
    elif "vis-network" in url and url.endswith(".js"):
        route.fulfill(path=PYVIS_LIB / "vis-network.min.js", content_type="text/javascript")
    elif "vis-network" in url and url.endswith(".css"):
        route.fulfill(path=PYVIS_LIB / "vis-network.css", content_type="text/css")
    else:  # bootstrap, tom-select: not needed to draw
        route.abort()


def _pyvis_load(page: Page, page_file: Path, timeout_ms: float) -> float:
    try:
        # Not "load": pyvis lays the graph out in a script that holds the load event.
        page.goto(page_file.as_uri(), wait_until="commit", timeout=timeout_ms)
        page.wait_for_function("window.__pyvisDone !== undefined", timeout=timeout_ms,
                               polling=100)
        done: float = page.evaluate("window.__pyvisDone")
        return done
    except Exception:  # a timeout is a result here
        return float("inf")


def measure_pyvis(browser: Browser, page_file: Path, runs: int,
                  timeout_s: float = PYVIS_TIMEOUT_S,
                  warm_limit_s: float = PYVIS_WARM_LIMIT_S) -> dict[str, Any]:
    """Time until pyvis's page takes clicks; ``inf`` when it did not within ``timeout_s``.

    Cold (a new browser context) like ours, and warm (the same page again in that context)
    when the cold load took under ``warm_limit_s``: pages that take minutes are not waited
    for twice.
    """
    timeout_ms = timeout_s * 1000
    times: list[float] = []
    warm: list[float] = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.route("**/*", _answer_cdn)
        context.add_init_script(PYVIS_WATCH)
        page = context.new_page()
        times.append(_pyvis_load(page, page_file, timeout_ms))
        if times[-1] < warm_limit_s * 1000:
            warm.append(_pyvis_load(page, page_file, timeout_ms))
        context.close()
    blocked = browser.new_context()
    blocked.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                  else r.abort())
    page = blocked.new_page()
    page.goto(page_file.as_uri(), wait_until="commit")
    page.wait_for_timeout(1500)
    draws_offline = page.evaluate("typeof vis !== 'undefined'")
    blocked.close()
    return {"interactive_ms": statistics.median(times), "all": times,
            "warm_ms": statistics.median(warm) if warm else None, "warm_all": warm,
            "timeout_ms": timeout_ms, "draws_with_cdn_blocked": draws_offline}


def run(sizes: list[int], runs: int, pyvis_runs: int, out: Path,
        pyvis_timeout_s: float = PYVIS_TIMEOUT_S,
        views: list[str] | None = None) -> dict[str, Any]:
    results: dict[str, Any] = {"machine": machine(), "sizes": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        results["machine"]["chromium"] = browser.version
        for size in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                data_dir = Path(tmp) / "data"
                write_jsonl(data_dir, size)
                store = MemoryStore(load_dataset(data_dir))
                server = Server(data_dir)
                per_view: dict[str, Any] = {}
                for view, path in VIEWS.items():
                    if views and view not in views:
                        continue
                    url = server.url + path
                    ours = measure_ours(browser, url, runs) | page_bytes(url)
                    floor = measure_floor(browser, url, runs, Path(tmp) / f"floor-{view}")
                    graph = view_graph(store, view)
                    folder = Path(tmp) / f"pyvis-{view}"
                    folder.mkdir()
                    theirs = pyvis_files(graph, folder)
                    theirs |= measure_pyvis(browser, folder / "default.html", pyvis_runs,
                                            pyvis_timeout_s)
                    per_view[view] = {"nodes": graph.number_of_nodes(),
                                      "edges": graph.number_of_edges(),
                                      "ours": ours, "floor": floor, "pyvis": theirs}
                    results["sizes"].setdefault(str(size), {"views": {}})["views"][view] = \
                        per_view[view]
                    out.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
                    print(f"{size:>5} {view:<16} ours cold {ours['cold_ms']:.0f} ms, "
                          f"warm {ours['warm_ms']:.0f} ms; vis-network alone cold "
                          f"{floor['cold_ms']:.0f} ms; pyvis {theirs['interactive_ms']:.0f} ms",
                          flush=True)
                server.stop()
                results["sizes"][str(size)] = {"nodes": len(store.dataset.nodes),
                                               "edges": len(store.dataset.edges),
                                               "views": per_view}
        browser.close()
    results["machine"]["load_average_end"] = os.getloadavg()
    return results


def _rows(results: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(size, view, that view's results) for every view of every size measured."""
    for size, block in results["sizes"].items():
        for view, row in block["views"].items():
            yield size, view, row


def _against_pyvis(theirs: dict[str, Any], ms: float) -> tuple[str, str]:
    """pyvis's cold time as a cell, and its ratio to ``ms`` (a bound when pyvis never finished)."""
    if math.isinf(theirs["interactive_ms"]):  # never within the timeout: a bound
        return f"> {theirs['timeout_ms'] / 1000:.0f} s", f"≥ {theirs['timeout_ms'] / ms:.0f}×"
    return f"{theirs['interactive_ms']:.0f} ms", f"{theirs['interactive_ms'] / ms:.1f}×"


def table(results: dict[str, Any]) -> str:
    lines = ["| nodes | view | shown / view nodes | ours cold | ours cold: controls in "
             "| ours warm | pyvis cold | pyvis warm | speed-up cold | speed-up warm | HTML (gzip) "
             "| graph JSON (gzip) | pyvis in_line | HTML / in_line |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for size, view, row in _rows(results):
        ours, theirs = row["ours"], row["pyvis"]
        pyvis_cell, speed_cell = _against_pyvis(theirs, ours["cold_ms"])
        warm = theirs.get("warm_ms")
        warm_cell, warm_speed = ("–", "–") if warm is None or math.isinf(warm) else (
            f"{warm:.0f} ms", f"{warm / ours['warm_ms']:.1f}×")
        controls = ours.get("controls_cold_ms")  # None: a run before the panel came after
        controls_cell = "–" if controls is None else f"{controls:.0f} ms"
        lines.append(
            f"| {size} | {view} | {ours['nodes_shown']} / {row['nodes']} "
            f"| {ours['cold_ms']:.0f} ms | {controls_cell} | {ours['warm_ms']:.0f} ms "
            f"| {pyvis_cell} | {warm_cell} | {speed_cell} | {warm_speed} "
            f"| {ours['html'] / 1000:.0f} kB ({ours['html_gzip'] / 1000:.0f} kB) "
            f"| {ours['data'] / 1000:.0f} kB ({ours['data_gzip'] / 1000:.0f} kB) "
            f"| {theirs['inline_bytes'] / 1000:.0f} kB "
            f"| {100 * ours['html'] / theirs['inline_bytes']:.1f} % |")
    return "\n".join(lines)


def floor_table(results: dict[str, Any]) -> str:
    """Each view against vis-network alone on the same network (see ``vis_floor``)."""
    lines = ["| nodes | view | ours cold | vis-network alone cold | ours warm "
             "| vis-network alone warm | pyvis cold | speed-up cold: ours | speed-up cold: "
             "vis-network alone |",
             "|---|---|---|---|---|---|---|---|---|"]
    for size, view, row in _rows(results):
        ours, floor, theirs = row["ours"], row.get("floor"), row["pyvis"]
        if floor is None:  # results of a run before vis-network alone was measured
            continue
        pyvis_cell, ours_speed = _against_pyvis(theirs, ours["cold_ms"])
        floor_speed = _against_pyvis(theirs, floor["cold_ms"])[1]
        lines.append(
            f"| {size} | {view} | {ours['cold_ms']:.0f} ms | {floor['cold_ms']:.0f} ms "
            f"| {ours['warm_ms']:.0f} ms | {floor['warm_ms']:.0f} ms | {pyvis_cell} "
            f"| {ours_speed} | {floor_speed} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--runs", type=int, default=5, help="loads of each of our views")
    parser.add_argument("--pyvis-runs", type=int, default=2, help="loads of each pyvis page")
    parser.add_argument("--pyvis-timeout", type=float, default=PYVIS_TIMEOUT_S,
                        help="seconds to wait for a pyvis page to take clicks (a page that "
                             "takes longer counts as never, 'inf', and the speed-up as at least "
                             "this timeout over our time)")
    parser.add_argument("--views", nargs="+", choices=list(VIEWS), default=None,
                        help="only these views (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "views.json")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    results = run(args.sizes, args.runs, args.pyvis_runs, args.out, args.pyvis_timeout,
                  args.views)
    args.out.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(json.dumps(results["machine"], default=str))
    print(table(results))
    print()
    print(floor_table(results))


if __name__ == "__main__":
    main()
