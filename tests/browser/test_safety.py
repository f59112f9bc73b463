"""Text from the data is shown as text in every view and never runs: names and descriptions
that are HTML or script (an <img onerror>, a javascript: link, a </script>) stay text."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from browserkit import (
    EVIL_LINK,
    EVIL_NAME,
    EVIL_SCRIPT,
    EVIL_URL_TAG,
    VIEWS,
    LiveApp,
    Recorder,
    allow,
    hover_tooltip,
    open_view,
    screenshot,
)

pytestmark = pytest.mark.browser


def assert_nothing_ran(page: Any) -> None:
    assert page.evaluate("window.__pwned") is None
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.locator("script:not([src]):not([type='application/json'])").count() == 0


@pytest.mark.parametrize("view", VIEWS)
def test_html_in_names_and_descriptions_stays_text(view: str, page: Any, evil_app: LiveApp,
                                                   recorder: Recorder) -> None:
    allow(recorder, evil_app)
    open_view(page, f"{evil_app.url}/views/{view}")
    assert_nothing_ran(page)
    assert page.evaluate("window.orgmodelView.nodeData.get('unit:evil').label") == EVIL_NAME
    # The accessible table shows the name as text, visibly.
    cell = page.locator("#table a.node-link[data-node='unit:evil']").first
    assert cell.text_content() == EVIL_NAME
    assert cell.is_visible()
    # The tooltip shows the name, the description (a javascript: link) and the source's title
    # (a </script>) as text.
    tooltip = hover_tooltip(page, "unit:evil")
    text = tooltip.text_content()
    assert EVIL_NAME in text and EVIL_LINK in text and EVIL_SCRIPT in text
    sources = page.locator("#table dl.sources").text_content() or ""
    assert EVIL_SCRIPT in sources and EVIL_URL_TAG in sources
    assert tooltip.locator("a, img").count() == 0
    assert_nothing_ran(page)
    screenshot(page, f"safety-{view}")


def test_script_close_tag_in_a_name_does_not_break_out(page: Any, evil_app: LiveApp,
                                                       recorder: Recorder) -> None:
    allow(recorder, evil_app)
    open_view(page, f"{evil_app.url}/views/responsibilities")
    assert page.evaluate("window.orgmodelView.nodeData.get('task:evil').label") == EVIL_SCRIPT
    assert EVIL_SCRIPT in page.locator("#table").text_content()
    assert_nothing_ran(page)


def test_search_results_and_edge_details_are_text(page: Any, evil_app: LiveApp,
                                                  recorder: Recorder) -> None:
    allow(recorder, evil_app)
    open_view(page, f"{evil_app.url}/views/collaboration")
    page.fill("#search-input", "img onerror")
    page.click("#search-form button[type=submit]")
    page.wait_for_function("window.orgmodelView.selected() !== null")
    # Both the unit and its chief's post carry the name; either may rank first.
    assert page.evaluate("window.orgmodelView.selected()") in {"unit:evil",
                                                              "post:chef-okonomi-og-stab"}
    assert EVIL_NAME in page.locator("#search-results").text_content()
    assert EVIL_NAME in page.text_content("#status")
    assert EVIL_LINK in page.locator("#table").text_content()  # the edge's description
    options = page.locator("#topic-select option").all_text_contents()
    assert EVIL_LINK in options
    assert_nothing_ran(page)


@pytest.mark.parametrize("path", ["/", "/?q=" + quote(EVIL_NAME), "/views/org/table",
                                  "/views/stakeholders/table"])
def test_server_rendered_pages_escape_data(path: str, page: Any, evil_app: LiveApp,
                                           recorder: Recorder) -> None:
    allow(recorder, evil_app)
    page.goto(evil_app.url + path)
    assert_nothing_ran(page)
    if "q=" in path:
        assert EVIL_NAME in page.text_content("#answers h2")
    if "table" in path:
        assert EVIL_NAME in page.text_content("#table")
