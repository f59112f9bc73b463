"""vis-network alone: the fastest any vis-network page could show a view, measured in the run.

A view page is more than its network (toolbar, legend, the table twin, the code that filters,
searches and keeps the permalink). To tell how much of a view's time is ours and how much is
vis-network's own, the views benchmark also opens a page holding nothing but the vis-network
bundle the app serves and the nodes, edges and options that the view handed to vis-network
(taken from the view's page once it is drawn, so the same positions, wrapped labels, groups
and hidden items), inline, with no style sheet and no other script. Its time to the first draw
is the floor of every vis-network page on this machine for that graph.

The page is served over HTTP from a folder of its own by Python's ``http.server`` in another
process, like the app's pages come from a server of their own.

Examples
--------
>>> page = floor_page({"nodes": [{"id": "a", "label": "</script>"}], "edges": [],
...                    "options": {}, "width": 800, "height": 600})
>>> "</script>\\"" in page, "<\\\\/script>" in page
(False, True)
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from api_bench import free_port, stop_process
from playwright.sync_api import Browser

#: Read from a drawn view page: what its network was built from, and the size it is drawn at.
TAKE_NETWORK = """() => {
    const network = window.orgmodelView.network;
    const box = document.getElementById('network');
    const config = JSON.parse(document.getElementById('orgmodel-config').textContent);
    const script = [...document.scripts].map(s => s.src).find(s => s.includes('vis-network'));
    return {nodes: network.body.data.nodes.get(), edges: network.body.data.edges.get(),
            options: config.options, width: box.clientWidth, height: box.clientHeight,
            vis: script};
}"""

_PAGE = """<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>vis-network alone</title>
<style>body {{ margin: 0; }} #network {{ width: {width}px; height: {height}px; }}</style>
</head><body><div id="network"></div>
<script type="application/json" id="graph">{graph}</script>
<script src="vis-network.min.js"></script>
<script>
var ready = false;
window.orgmodelView = {{
  ready: function () {{ return ready; }},
  nodeCount: function () {{ return graph.nodes.length; }}
}};
var graph = JSON.parse(document.getElementById("graph").textContent);
var network = new vis.Network(document.getElementById("network"),
  {{ nodes: new vis.DataSet(graph.nodes), edges: new vis.DataSet(graph.edges) }}, graph.options);
network.once("afterDrawing", function () {{ ready = true; performance.mark("orgmodel-ready"); }});
</script></body></html>
"""


def take_network(browser: Browser, url: str) -> dict[str, Any]:
    """What the view at ``url`` gave vis-network, read from the page once it is drawn."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("window.orgmodelView && window.orgmodelView.ready()",
                               timeout=60_000)
        taken: dict[str, Any] = page.evaluate(TAKE_NETWORK)
    finally:
        context.close()
    return taken


def floor_page(taken: dict[str, Any]) -> str:
    """The page of vis-network alone for ``taken`` (see :func:`take_network`).

    The graph sits in a JSON script element; ``</`` is escaped so no label can end it.
    """
    graph = {key: taken[key] for key in ("nodes", "edges", "options")}
    text = json.dumps(graph, ensure_ascii=False).replace("</", "<\\/")
    return _PAGE.format(width=taken["width"], height=taken["height"], graph=text)


class FloorSite:
    """A folder with the floor page and the app's vis-network bundle, served on loopback."""

    def __init__(self, folder: Path, taken: dict[str, Any]) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(floor_page(taken), encoding="utf-8")
        (folder / "vis-network.min.js").write_bytes(httpx.get(taken["vis"], timeout=60).content)
        port = free_port()
        self.url = f"http://127.0.0.1:{port}/index.html"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
             "--directory", str(folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise SystemExit("the floor page's server did not start")

    def stop(self) -> None:
        stop_process(self.process)
