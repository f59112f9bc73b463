"""Rendering: autoescaped templates, JSON that cannot end its <script>, no outside URLs."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from orgmodel.contract import EdgeView, NodeView
from viz.builders import ViewGraph, assemble, edge_dict, node_dict
from viz.render import STATIC_DIR, Page, _environment, render_start, render_view, script_safe_json
from viz.stakeholder_csv import stakeholders_csv

VIZ = Path(__file__).resolve().parents[2] / "viz"
EVIL = '<img src=x onerror="window.__pwned=1">'
CLOSE = "</script><script>alert(1)</script>"


def evil_graph():  # type: ignore[no-untyped-def]
    nodes = [
        node_dict(NodeView(id="unit:a", name=EVIL, kind="Unit", source="seed", confidence="low",
                           description=CLOSE), "da", {"unit:a": (EVIL, None)}, (0.0, 0.0)),
        node_dict(NodeView(id="unit:b", name="B", kind="Unit", source="seed",
                           confidence="high"), "da", {}, (200.0, 0.0)),
    ]
    edge = EdgeView(key="k", type="COLLABORATES_WITH", source_id="unit:a", target_id="unit:b",
                    topic=EVIL, strength=3, source="seed", confidence="high")
    return assemble("collaboration", nodes, [edge_dict(edge, "da")], total=2,
                    extra={"topics": [EVIL]})


def test_script_safe_json_escapes_markup() -> None:
    text = script_safe_json({"name": CLOSE, "q": "'&'"})
    assert "<" not in text and ">" not in text and "&" not in text and "'" not in text
    assert "\\u003c/script\\u003e" in text


def test_data_is_escaped_in_html_and_in_the_embedded_json() -> None:
    html = render_view(evil_graph(), Page(as_of=date(2025, 1, 1)))
    assert "<img src=x" not in html and "<script><script>" not in html
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in html  # table and topics
    assert html.count("</script>") == html.count("<script")
    embedded = render_view(evil_graph(), Page(mode="site", as_of=date(2025, 1, 1)))
    config = re.search(r'<script type="application/json" id="orgmodel-config">(.*?)</script>',
                       embedded, re.S)
    assert config is not None and "\\u003cimg src=x" in config.group(1)
    assert "\\u003c/script\\u003e" in config.group(1)
    assert embedded.count("</script>") == embedded.count("<script")


def test_served_pages_load_only_from_the_app() -> None:
    html = render_view(evil_graph(), Page(as_of=date(2025, 1, 1)))
    urls = re.findall(r'(?:src|href|action)="([^"]*)"', html)
    assert urls and all(u.startswith(("/", "#", "?", "data:")) for u in urls), urls
    assert re.search(r'<script src="/static/vendor/vis-network/vis-network.min.js\?v=\w+">', html)
    start = render_start(Page(), query=EVIL, answers=[])
    assert "<img src=x" not in start and "&lt;img src=x" in start
    assert all(u.startswith(("/", "#", "?", "data:")) for u in
               re.findall(r'(?:src|href|action)="([^"]*)"', start))


def test_single_file_inlines_everything_and_forbids_the_network() -> None:
    html = render_view(evil_graph(), Page(mode="single", as_of=date(2025, 1, 1)))
    assert "<script src=" not in html and '<link rel="stylesheet"' not in html
    assert "default-src 'none'" in html
    vis_network = (STATIC_DIR / "vendor/vis-network/vis-network.min.js").read_text()
    assert vis_network in html  # vis-network itself is inside
    assert "<img src=x" not in html


def test_only_a_served_page_offers_a_search_form_to_a_visitor_without_scripts() -> None:
    # A static page's search answers in the browser; without scripts its form led nowhere
    # (in a single file, to a start page that is not there).
    def noscript(mode: str) -> str:
        html = render_view(evil_graph(), Page(mode=mode, as_of=date(2025, 1, 1)))  # type: ignore[arg-type]
        return "".join(re.findall(r"<noscript><div class=\"toolbar\">(.*?)</noscript>", html, re.S))

    assert 'id="search-form"' in noscript("served")
    for mode in ("single", "site"):
        assert 'id="search-form"' not in noscript(mode) and "static-note" in noscript(mode)


def test_site_pages_use_relative_assets() -> None:
    page = Page(mode="site", lang="en", prefix="../", as_of=date(2025, 1, 1))
    html = render_view(evil_graph(), page)
    assert 'src="../static/js/orgview.bundle.js"' in html
    assert 'href="../collaboration.html"' in html  # the Danish twin of an English page
    assert page.link("org", "en") == "../en/org.html"


def test_autoescape_is_on() -> None:
    template = _environment().from_string("{{ value }}")
    assert template.render(value="<b>") == "&lt;b&gt;"


def test_no_inner_html_safe_filter_or_outside_urls_in_our_code() -> None:
    own = [*VIZ.glob("*.py"), *(VIZ / "templates").glob("*.html"),
           *(STATIC_DIR / "js").glob("*.js"), *(STATIC_DIR / "css").glob("*.css")]
    for path in own:
        text = path.read_text(encoding="utf-8")
        assert "innerHTML" not in text, path
        assert "|safe" not in text.replace(" ", ""), path
        assert not re.search(r"(src|href)=[\"']?https?://", text), path
        assert "@import" not in text and "fonts.googleapis" not in text, path


def test_the_stakeholder_csv_runs_no_formula_from_the_data() -> None:
    # A spreadsheet runs a cell that starts with "=", "+", "-" or "@" as a formula: a name in
    # the data must come out as the text it is.
    graph = ViewGraph("stakeholders", [{"id": "post:x", "label": "=HYPERLINK(\"http://x\")"}],
                      [], {}, 1, table=[{"id": "post:x", "influence": 0.5, "interest": 0.25,
                                         "quadrant": "monitor", "distance": 2,
                                         "via": ["@SUM(A1)"], "tie": "+leder -x"}])
    rows = list(csv.reader(io.StringIO(stakeholders_csv(graph, "en"))))
    assert rows[1] == ["'=HYPERLINK(\"http://x\")", "50", "25", "Monitor", "2", "'+leder -x",
                       "'@SUM(A1)", "post:x"]
