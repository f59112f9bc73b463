"""Helpers of the browser tests: a live app, datasets, the recorder, page helpers."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn

from orgmodel.loader import load_dataset
from orgmodel.store.memory import MemoryStore

ROOT = Path(__file__).resolve().parents[2]
ALBERTSLUND = ROOT / "data" / "albertslund"
SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("ORGMODEL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VIEWS = ["org", "collaboration", "stakeholders", "responsibilities", "case-route"]

#: Text from the data that must show as text and never run.
EVIL_NAME = '<img src=x onerror="window.__pwned=1">'
EVIL_LINK = "<a href=javascript:alert(1)>x</a>"
EVIL_SCRIPT = "</script><script>window.__pwned=2</script>"
# An address holds no space (the data refuses one): "/" parts the tag's attributes instead.
EVIL_URL_TAG = "<img/src=x/onerror=window.__pwned=3>"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LiveApp:
    """The API app with the views plugin, under uvicorn in a thread."""

    def __init__(self, data_dir: Path) -> None:
        from api.app import create_app
        from api.settings import Settings
        from viz.routes import register

        settings = Settings(env="development", neo4j_uri=None, use_neo4j=False,
                            data_dir=data_dir, write_tokens={"tester": "tester-token-0123456789"})
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(settings, plugins=[register])
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                ws="none", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.store = MemoryStore(load_dataset(data_dir))

    def start(self) -> LiveApp:
        self.thread.start()
        deadline = time.monotonic() + 120
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the app did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def _node(node_id: str, kind: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"id": node_id, "kind": kind, "name": name, "source": "seed", "confidence": "high",
            **extra}


def _edge(edge_type: str, source: str, target: str, **extra: Any) -> dict[str, Any]:
    return {"type": edge_type, "from": source, "to": target, "source": "seed",
            "confidence": "high", **extra}


def write_evil_dataset(folder: Path) -> None:
    """A small organisation whose names, descriptions and source are HTML and script."""
    records = [
        {"key": "seed", "title": "Notat " + EVIL_SCRIPT,
         "url": "https://notat.invalid/" + EVIL_URL_TAG, "confidence": "high"},
        _node("org:kommune", "Organisation", "Kommunen"),
        _node("body:kb", "Body", "Kommunalbestyrelsen", classification="council"),
        _node("body:ou", "Body", "Økonomiudvalget", classification="committee"),
        _node("body:bsu", "Body", "Børne- og Skoleudvalget", classification="committee"),
        _node("unit:evil", "Unit", EVIL_NAME, level="afdeling", description=EVIL_LINK,
              confidence="low"),
        _node("unit:other", "Unit", "Anden afdeling", level="afdeling"),
        _node("post:chef-okonomi-og-stab", "Post", "Chef " + EVIL_NAME, description=EVIL_LINK),
        _node("post:direktor", "Post", "Kommunaldirektør"),
        _node("forum:chefforum", "Forum", "Chefforum"),
        _node("task:evil", "Task", EVIL_SCRIPT, kle="81.15.00", description=EVIL_LINK),
        _node("task:budget", "Task", "Budget", kle="00.30.10"),
        _edge("PART_OF", "body:kb", "org:kommune"),
        _edge("PART_OF", "body:ou", "body:kb"),
        _edge("PART_OF", "body:bsu", "body:kb"),
        _edge("PART_OF", "unit:evil", "org:kommune"),
        _edge("PART_OF", "unit:other", "org:kommune"),
        _edge("PART_OF", "forum:chefforum", "org:kommune"),
        _edge("HEADS", "post:direktor", "org:kommune"),
        _edge("HEADS", "post:chef-okonomi-og-stab", "unit:evil"),
        _edge("POST_IN", "post:chef-okonomi-og-stab", "unit:evil"),
        _edge("REPORTS_TO", "post:chef-okonomi-og-stab", "post:direktor"),
        _edge("MEMBER_OF", "post:chef-okonomi-og-stab", "forum:chefforum"),
        _edge("COLLABORATES_WITH", "unit:evil", "unit:other", topic=EVIL_LINK, strength=4,
              description=EVIL_LINK),
        _edge("RESPONSIBLE_FOR", "unit:evil", "task:evil", raci="A"),
        _edge("RESPONSIBLE_FOR", "unit:other", "task:budget", raci="A"),
        _edge("RESPONSIBLE_FOR", "unit:evil", "task:budget", raci="R"),
        _edge("SUBMITS_TO", "body:bsu", "body:ou", order=1),
        _edge("SUBMITS_TO", "body:ou", "body:kb", order=2),
        _edge("SUPPORTS", "unit:evil", "body:ou", description=EVIL_LINK),
        _edge("PARTICIPATES_IN", "post:chef-okonomi-og-stab", "body:ou", role=EVIL_NAME),
        _edge("ADVISES", "post:chef-okonomi-og-stab", "body:kb", topic="økonomi"),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    (folder / "evil.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass
class Recorder:
    """Requests and console errors of one test's pages."""

    allowed: tuple[str, ...]
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.allowed)]


def allow(recorder: Recorder, app: LiveApp) -> None:
    """Let the test's pages ask the app (and nothing else but data: and blob: URLs)."""
    recorder.allowed = ("data:", "blob:", app.url + "/")


#: A view page is in use: its network drawn and interactive, and its panel of controls (put in
#: after the network is on screen) wired.
VIEW_IN_USE = ("window.orgmodelView && window.orgmodelView.ready()"
               " && window.orgmodelView.controlsShown && window.orgmodelView.controlsShown()")


def wait_for_view(page: Any) -> None:
    """Wait until the view page in ``page`` is in use (:data:`VIEW_IN_USE`)."""
    page.wait_for_function(VIEW_IN_USE, timeout=15000)


def open_view(page: Any, url: str) -> None:
    """Go to a view and wait until its network is drawn and its controls are there."""
    page.goto(url)
    wait_for_view(page)


def touch_context(browser: Any, recorder: Recorder, width: int, height: int) -> Any:
    """A browser context of a touch screen (a phone or tablet) whose requests ``recorder`` sees.

    Close it when done; the test's own context is not it.
    """
    touch = browser.new_context(viewport={"width": width, "height": height}, has_touch=True,
                                is_mobile=True, locale="da-DK", bypass_csp=True)
    touch.on("request", lambda request: recorder.requests.append(request.url))
    return touch


def screenshot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def node_point(page: Any, node_id: str, scale: float = 1.2) -> dict[str, float]:
    """Centre a node at a legible scale; return its position on the page, for the mouse.

    The canvas is scrolled to the top first: clicking it focuses it, and a browser scrolls a
    focused element into view, which would move the node under the mouse between two clicks.
    """
    page.evaluate("document.getElementById('network').scrollIntoView()")
    page.evaluate(f"window.orgmodelView.network.focus({node_id!r}, "
                  f"{{scale: {scale}, animation: false}})")
    point: dict[str, float] = page.evaluate(f"""(() => {{
        const network = window.orgmodelView.network;
        const dom = network.canvasToDOM(network.getPositions([{node_id!r}])[{node_id!r}]);
        const rect = document.getElementById('network').getBoundingClientRect();
        return {{x: rect.left + dom.x, y: rect.top + dom.y}};
    }})()""")
    return point


def hover_tooltip(page: Any, node_id: str) -> Any:
    """Hover a node and return its tooltip element (a locator) once it shows that node."""
    page.mouse.move(1, 1)  # off the canvas: any earlier tooltip goes away
    point = node_point(page, node_id)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function("""(label) => {
        const tip = document.querySelector('div.vis-tooltip');
        return tip && tip.style.visibility !== 'hidden' && tip.offsetParent !== null
            && tip.querySelector('.tip-title')
            && tip.querySelector('.tip-title').textContent === label;
    }""", arg=page.evaluate(f"window.orgmodelView.nodeData.get({node_id!r}).label"))
    return page.locator("div.vis-tooltip")
