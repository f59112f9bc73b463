"""What a keyboard, a screen reader or a phone gets from the views (a probe with axe-core found
these; each test fails without its mend)."""

from __future__ import annotations

from typing import Any

import pytest
from browserkit import (
    LiveApp,
    Recorder,
    allow,
    hover_tooltip,
    open_view,
    touch_context,
    wait_for_view,
)

pytestmark = pytest.mark.browser


def test_a_wide_table_on_a_phone_scrolls_from_the_keyboard(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # Below 700 px a table scrolls in its own box; nothing in a row of text takes focus, so
    # the Source and Confidence columns were out of a keyboard's reach.
    allow(recorder, albertslund_app)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{albertslund_app.url}/views/org/table?lang=en")
    boxes = page.locator(".table-scroll")
    assert boxes.count() >= 2
    wide = page.locator(".table-scroll[aria-labelledby=edges-heading]")
    assert wide.get_attribute("tabindex") == "0" and wide.get_attribute("role") == "region"
    assert page.evaluate("e => e.scrollWidth > e.clientWidth", wide.element_handle())
    wide.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("box => box.scrollLeft > 0", arg=wide.element_handle())


def test_an_answers_table_on_a_phone_is_read_whole_or_scrolls_from_the_keyboard(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # The accessibility probe: at 320 px the start page's Sikkerhed column was cut ("Sikkerh",
    # "høj (see") in a box that no keyboard could scroll.
    allow(recorder, albertslund_app)
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(f"{albertslund_app.url}/?q=l%C3%B8n")
    box = page.locator("article.answer .table-scroll").first
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    assert box.get_attribute("aria-labelledby") == "answer-1"
    # every cell's text is in the box's reach: the box is as wide as the table, or scrolls
    whole = page.evaluate("""b => [...b.querySelectorAll('th, td')].every(
        c => c.scrollWidth <= c.clientWidth + 1)""", box.element_handle())
    assert whole or page.evaluate("b => b.scrollWidth > b.clientWidth", box.element_handle())
    assert page.evaluate("() => document.documentElement.scrollWidth <= 320")


def test_a_name_followed_from_the_table_page_takes_the_keyboard_to_the_drawing(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # The accessibility probe: the view opened with the node selected and said, but the
    # keyboard was on the page's top, a header and a panel of some thirty Tabs away.
    allow(recorder, albertslund_app)
    page.goto(f"{albertslund_app.url}/views/org/table")
    page.locator("a.node-link", has_text="Borgmester").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.orgmodelView && window.orgmodelView.selected() === "
                           "'post:borgmester'")
    page.wait_for_function("document.getElementById('network').contains(document.activeElement)")
    assert "Borgmester" in (page.text_content("#status") or "")


def test_on_a_narrow_screen_tab_goes_to_the_drawing_before_the_panel_below_it(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # The accessibility probe: at 200 % zoom (683 px) focus went from the skip links down into
    # the panel below the drawing, some thirty controls, then back up to the drawing.
    allow(recorder, albertslund_app)
    page.set_viewport_size({"width": 683, "height": 800})
    open_view(page, f"{albertslund_app.url}/views/collaboration")
    page.wait_for_selector("body[data-controls]")
    order = """() => {
        const all = [...document.querySelectorAll('#panel, .canvas-wrap')];
        return all.map(e => e.id || e.className);
    }"""
    assert page.evaluate(order) == ["canvas-wrap", "panel"]
    drawn_at = page.evaluate("document.querySelector('.canvas-wrap').getBoundingClientRect().top")
    assert drawn_at < page.evaluate("document.getElementById('panel').getBoundingClientRect().top")
    # ... and on a wide screen the panel is beside the drawing, before it, as before
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function("document.getElementById('panel').nextElementSibling === "
                           "document.querySelector('.canvas-wrap')")


def test_a_node_searched_for_at_high_zoom_is_brought_into_view(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # The accessibility probe: at 200 % zoom (683 x 450) the node was selected in a drawing
    # that lay above the screen, its middle out of sight.
    allow(recorder, albertslund_app)
    page.set_viewport_size({"width": 683, "height": 450})
    open_view(page, f"{albertslund_app.url}/views/org")
    page.wait_for_selector("body[data-controls]")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.fill("#search-input", "Borgmester")
    page.press("#search-input", "Enter")
    page.wait_for_function("window.orgmodelView.selected() === 'post:borgmester'")
    box = page.evaluate("(b => [b.top, b.bottom])(document.getElementById('network')"
                        ".getBoundingClientRect())")
    middle = (box[0] + box[1]) / 2
    assert 0 <= middle <= 450, box


def test_a_node_clicked_or_tapped_is_said_in_the_status_line(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # The accessibility probe: a tap selected the node and said nothing.
    allow(recorder, albertslund_app)
    open_view(page, f"{albertslund_app.url}/views/case-route")
    point = page.evaluate("""id => {
        const v = window.orgmodelView, p = v.network.canvasToDOM(v.network.getPositions([id])[id]);
        const box = document.querySelector('#network canvas').getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }""", "body:okonomiudvalget")
    page.mouse.click(point[0], point[1])
    page.wait_for_function("window.orgmodelView.selected() === 'body:okonomiudvalget'")
    said = page.text_content("#status") or ""
    assert said.startswith("Økonomiudvalget — ")
    # ... with what it is, which was in the tooltip alone (out of a keyboard's reach)
    assert "Beskrivelse: " in said, said


def test_the_search_box_says_it_has_a_list_and_how_many_it_holds(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # The accessibility probe: no aria-expanded or aria-controls, and the status line said the
    # first hit alone.
    allow(recorder, albertslund_app)
    open_view(page, f"{albertslund_app.url}/views/org")
    page.wait_for_selector("body[data-controls]")
    page.fill("#search-input", "enhed")
    page.press("#search-input", "Enter")
    page.wait_for_function("document.querySelectorAll('#search-results li').length > 1")
    assert page.get_attribute("#search-input", "aria-controls") == "search-results"
    assert page.get_attribute("#search-input", "aria-expanded") == "true"
    count = page.locator("#search-results li").count()
    page.wait_for_function("c => document.getElementById('status').textContent.includes("
                           "'(' + c + ')')", arg=count)


def test_on_a_phone_a_tables_words_stay_whole(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # Cells that could break anywhere shrank to a letter's width: "Organisation og Politik"
    # stood one letter a line, a row some 300 px tall, and a KLE number broke at its dots.
    allow(recorder, albertslund_app)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{albertslund_app.url}/views/responsibilities/table")
    row = page.locator("table.data tbody tr").first
    owner = row.locator("td").nth(1)  # the accountable owner, after the KLE number
    assert owner.inner_text().startswith("Organisation og Politik")
    lines = ("c => { const r = document.createRange(); r.selectNodeContents(c);"
             " return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }")
    assert owner.evaluate(lines) <= 3
    assert row.locator("td.kle").evaluate(lines) == 1
    # ... while a source key still breaks anywhere, and the page does not scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_on_a_phone_the_status_line_says_all_of_a_selection(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # Clamped to two lines, it cut a selection's source and confidence off.
    allow(recorder, albertslund_app)
    page.set_viewport_size({"width": 375, "height": 800})
    open_view(page, f"{albertslund_app.url}/views/responsibilities?lang=en")
    page.fill("#search-input", "payroll")
    page.press("#search-input", "Enter")
    page.wait_for_function("document.getElementById('status').textContent.includes('Found')")
    status = page.locator("#status")
    assert "Confidence" in (status.text_content() or "")
    assert page.evaluate("e => e.scrollHeight <= e.clientHeight + 1", status.element_handle())
    # ... under the drawing, which a longer text no longer moves
    assert page.evaluate("""() => document.getElementById('status').getBoundingClientRect().top
        >= document.getElementById('network').getBoundingClientRect().bottom""")


def test_a_node_opened_from_the_table_page_is_said_and_the_drawing_says_how_much_it_shows(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # The node was selected without a word, and the drawing's name still counted every node
    # after a filter hid most of them.
    allow(recorder, albertslund_app)
    page.goto(f"{albertslund_app.url}/views/org/table")
    page.locator("a.node-link[data-node='unit:okonomi-og-stab']").first.click()
    wait_for_view(page)
    page.wait_for_function("document.getElementById('status').textContent"
                           ".startsWith('Fundet: Økonomi og Stab')")
    drawing = page.locator("#network .vis-network")
    total = page.evaluate("window.orgmodelView.nodeCount()")
    assert drawing.get_attribute("aria-label") == (
        f"Organisationsdiagram: Viser {total} af {total} noder.")
    page.locator("input.kind-filter[value='Post']").uncheck()
    shown = page.evaluate("window.orgmodelView.visibleNodeCount()")
    assert shown < total
    assert drawing.get_attribute("aria-label") == (
        f"Organisationsdiagram: Viser {shown} af {total} noder.")


def test_escape_closes_a_tooltip_and_danish_data_on_english_pages_says_so(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    allow(recorder, albertslund_app)
    open_view(page, f"{albertslund_app.url}/views/org?lang=en")
    tooltip = hover_tooltip(page, "unit:okonomi-og-stab")
    page.keyboard.press("Escape")
    assert tooltip.evaluate("tip => tip.style.visibility") == "hidden"
    # A description the data has English for is not marked Danish (one without is:
    # tests/unit/test_viz_routes.py); the source titles are Danish.
    page.goto(f"{albertslund_app.url}/views/org/table?lang=en")
    assert page.locator("td.desc:not([lang])").count() > 0
    assert page.locator("dl.sources dd[lang='da']").count() > 0
    # The RACI letters say what they stand for.
    page.goto(f"{albertslund_app.url}/views/responsibilities/table?lang=en")
    assert page.locator("th abbr[title='Accountable']").count() > 0


def test_a_danish_name_on_an_english_view_is_said_in_danish(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # WCAG 3.1.2: the mayor's holder, whose name the data has in Danish only, was said with
    # English pronunciation in the status line and the tooltip of an English page.
    allow(recorder, albertslund_app)
    open_view(page, f"{albertslund_app.url}/views/org?lang=en")
    page.evaluate("window.orgmodelView.select('person:lars-gravgaard-hansen')")
    assert page.locator("#status span[lang='da']").first.text_content() == "Lars Gravgaard Hansen"
    assert "\ue000" not in (page.locator("#status").text_content() or "")
    tooltip = hover_tooltip(page, "person:lars-gravgaard-hansen")
    assert tooltip.locator(".tip-title").get_attribute("lang") == "da"
    tooltip = hover_tooltip(page, "post:borgmester")  # "Mayor": English, not marked
    assert tooltip.locator(".tip-title").get_attribute("lang") is None
    # ... and on a Danish page nothing is marked: the page is Danish
    open_view(page, f"{albertslund_app.url}/views/org")
    page.evaluate("window.orgmodelView.select('person:lars-gravgaard-hansen')")
    assert page.locator("#status span[lang]").count() == 0


def test_relation_types_differ_by_the_mark_at_their_end_in_drawing_and_legend(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # WCAG 1.4.1: the collaboration network told "member of", "supports" and "takes part in"
    # apart by colour alone; a reader who cannot tell purple from teal could not.
    allow(recorder, albertslund_app)
    open_view(page, f"{albertslund_app.url}/views/collaboration")
    marks = set(page.evaluate("""() => Object.values(window.orgmodelView.network.body.edges)
        .map(edge => edge.options.arrows.to.enabled ? edge.options.arrows.to.type : "none")"""))
    assert {"crow", "diamond", "circle", "none"} <= marks
    legend = page.locator("input.type-filter")
    shapes = {}
    for index in range(legend.count()):
        box = legend.nth(index)
        swatch = box.locator("xpath=following-sibling::*[local-name()='svg'][1]")
        shapes[box.get_attribute("value")] = swatch.evaluate(
            "svg => [...svg.children].slice(1).map(e => e.tagName + (e.getAttribute('points')"
            " || e.getAttribute('d') || '')).join(',')")
    assert shapes["COLLABORATES_WITH"] == ""  # a symmetric relation: a bare line
    drawn_marks = [shape for key, shape in shapes.items() if key != "COLLABORATES_WITH"]
    assert all(drawn_marks) and len(set(drawn_marks)) == len(drawn_marks)


@pytest.mark.parametrize("view", ["org", "collaboration"])
def test_on_a_phone_a_focus_keeps_its_names_legible(
        view: str, page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # The intranet probe: at 375 px a focus on Økonomi og Stab was fitted whole at a scale of
    # 0.27 (0.18 at ±2), coloured boxes with no text.
    allow(recorder, albertslund_app)
    page.set_viewport_size({"width": 375, "height": 740})
    open_view(page, f"{albertslund_app.url}/views/{view}")
    page.evaluate("window.orgmodelView.select('unit:okonomi-og-stab')")
    page.select_option("#focus-depth", "2")
    page.click("#focus-button")
    network = "window.orgmodelView.network"
    assert page.evaluate(f"{network}.getScale()") >= 0.45
    # ... with the focused node in view
    at = page.evaluate(f"{network}.canvasToDOM({network}.getPosition('unit:okonomi-og-stab'))")
    box = page.locator("#network").bounding_box()
    assert 0 <= at["x"] <= box["width"] and 0 <= at["y"] <= box["height"]


def _drawing_with_controls(page: Any, app: LiveApp, recorder: Recorder, view: str) -> Any:
    """Open ``view`` with its panel of controls in; the drawing's frame (the keys' stop)."""
    allow(recorder, app)
    open_view(page, f"{app.url}/views/{view}")
    page.wait_for_selector("body[data-controls]")
    return page.locator("#network .vis-network")


def _selected_at(page: Any) -> dict[str, Any]:
    return page.evaluate("""(() => {
        const v = window.orgmodelView, id = v.selected();
        return id === null ? {id: null} : Object.assign({id: id}, v.network.getPositions([id])[id]);
    })()""")


def test_the_arrow_keys_select_nodes_in_the_drawing_and_enter_focuses(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # The accessibility probes: the drawing's keys only panned and zoomed; no node could be
    # chosen in it without a mouse.
    frame = _drawing_with_controls(page, albertslund_app, recorder, "collaboration")
    assert frame.get_attribute("aria-describedby") == "drawing-keys"
    assert "piletasterne" in (page.text_content("#drawing-keys") or "")
    frame.focus()
    page.keyboard.press("ArrowRight")  # nothing selected: the node nearest the middle
    first = _selected_at(page)
    assert first["id"] is not None
    label = page.evaluate("id => window.orgmodelView.nodeData.get(id).label", first["id"])
    assert (page.text_content("#status") or "").startswith(f"{label} — ")
    # Each arrow goes that way, never back or straight aside, until no node lies further.
    here = first
    for _ in range(page.evaluate("window.orgmodelView.visibleNodeCount()")):
        page.keyboard.press("ArrowRight")
        there = _selected_at(page)
        if there["id"] == here["id"]:
            break
        ahead = there["x"] - here["x"]
        assert ahead > 0 and abs(there["y"] - here["y"]) <= 2 * ahead
        here = there
    assert here["id"] != first["id"]
    assert page.text_content("#status") == "Ingen node længere i den retning."
    # The node keeps the keyboard's selection on screen and in the permalink.
    assert f"sel={here['id']}" in page.evaluate("decodeURIComponent(location.hash)")
    page.keyboard.press("ArrowLeft")
    assert _selected_at(page)["x"] < here["x"]
    # Enter focuses on the node selected (its neighbours only); Enter again shows all.
    total = page.evaluate("window.orgmodelView.visibleNodeCount()")
    chosen = page.evaluate("window.orgmodelView.selected()")
    page.keyboard.press("Enter")
    page.wait_for_function("id => window.orgmodelView.state().focus === id", arg=chosen)
    assert page.evaluate("window.orgmodelView.visibleNodeCount()") < total
    page.keyboard.press("Enter")
    page.wait_for_function("window.orgmodelView.state().focus === null")
    assert page.evaluate("window.orgmodelView.visibleNodeCount()") == total
    # Escape takes the selection away, and says so.
    page.keyboard.press("Escape")
    assert page.evaluate("window.orgmodelView.selected()") is None
    assert page.evaluate("window.orgmodelView.network.getSelectedNodes().length") == 0
    assert page.text_content("#status") == "Intet valgt."


def test_a_white_label_off_a_highlighted_path_turns_ink_and_back(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # The accessibility probe: off a path, a unit's white label stayed white on its paled
    # blue, 2.7:1.
    allow(recorder, albertslund_app)
    open_view(page, f"{albertslund_app.url}/views/org")
    unit_font = """(() => {
        const v = window.orgmodelView, path = v.pathIds.nodes;
        const id = [...v.nodeData.keys()].find(
            k => v.nodeData.get(k).kind === 'Unit' && !path.has(k) && !v.nodes.get(k).hidden);
        const own = (v.nodes.get(id).font || {}).color;
        return own || v.config.options.groups.Unit.font.color;
    })()"""
    assert page.evaluate(unit_font) == "#ffffff"
    page.fill("#path-from", "Chef for Økonomi og Stab")
    page.fill("#path-to", "Borgmester")
    page.click("#path-form button[type=submit]")
    page.wait_for_function("window.orgmodelView.state().path !== null")
    assert page.evaluate(unit_font) == "#1b1b1b"
    page.click("#focus-clear")  # shows all again, the path too
    page.wait_for_function("window.orgmodelView.state().path === null")
    assert page.evaluate(unit_font) == "#ffffff"


def test_the_keyboard_in_the_drawing_keeps_what_a_visitor_chose(
        page: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # The keyboard probe: Enter focused on a node a filter had hidden (a blank drawing); the
    # second Enter threw the path away and fitted all, no label legible; + zoomed about the
    # middle, and the selection left the screen; each arrow was a step of the history.
    frame = _drawing_with_controls(page, albertslund_app, recorder, "org")
    frame.focus()
    page.keyboard.press("Enter")
    assert page.text_content("#status") == "Intet valgt: vælg en node med piletasterne først."
    steps = page.evaluate("history.length")
    for key in ("ArrowDown", "ArrowDown", "ArrowRight"):
        page.keyboard.press(key)
    assert page.evaluate("history.length") == steps + 1  # the walk is one step
    chosen = page.evaluate("window.orgmodelView.selected()")
    kind = page.evaluate("id => window.orgmodelView.nodeData.get(id).kind", chosen)
    # a filter hides the node selected: Enter says so, and focuses on nothing
    page.locator(f"input.kind-filter[value='{kind}']").uncheck()
    frame.focus()
    page.keyboard.press("Enter")
    assert "er skjult af et filter" in (page.text_content("#status") or "")
    assert page.evaluate("window.orgmodelView.state().focus") is None
    page.locator(f"input.kind-filter[value='{kind}']").check()
    # a path chosen stays through a focus and its end
    page.fill("#path-from", "Chef for Økonomi og Stab")
    page.fill("#path-to", "Borgmester")
    page.click("#path-form button[type=submit]")
    page.wait_for_function("window.orgmodelView.state().path !== null")
    frame.focus()
    page.keyboard.press("ArrowUp")
    chosen = page.evaluate("window.orgmodelView.selected()")
    page.keyboard.press("Enter")
    page.wait_for_function("id => window.orgmodelView.state().focus === id", arg=chosen)
    page.keyboard.press("Enter")
    page.wait_for_function("window.orgmodelView.state().focus === null")
    assert page.evaluate("window.orgmodelView.state().path") is not None
    assert page.evaluate("window.orgmodelView.network.getScale()") >= 0.45
    assert off_screen_ids(page, [chosen]) == []
    # + zooms in about the node selected, which stays on screen
    for _ in range(8):
        page.keyboard.press("+")
    assert off_screen_ids(page, [chosen]) == []


def off_screen_ids(page: Any, ids: list[str]) -> list[str]:
    """Those of ``ids`` whose middle is outside the drawing."""
    return list(page.evaluate("""ids => {
        const v = window.orgmodelView, box = document.getElementById('network');
        return ids.filter(id => {
            const p = v.network.canvasToDOM(v.network.getPosition(id));
            return p.x < 0 || p.y < 0 || p.x > box.clientWidth || p.y > box.clientHeight;
        });
    }""", ids))


def test_on_a_touch_screen_the_line_of_keys_shows_when_a_keyboard_takes_the_drawing(
        browser: Any, albertslund_app: LiveApp, recorder: Recorder) -> None:
    # The keyboard probe: hidden on every touch screen, a tablet's keyboard cover too.
    allow(recorder, albertslund_app)
    tablet = touch_context(browser, recorder, 1024, 768)
    try:
        page = tablet.new_page()
        open_view(page, f"{albertslund_app.url}/views/collaboration")
        keys = page.locator("#drawing-keys")
        assert not keys.is_visible()
        page.locator("a.skip-link[href='#network']").focus()
        page.keyboard.press("Enter")  # the skip link takes the keyboard to the drawing
        page.wait_for_function(
            "document.activeElement && document.activeElement.className === 'vis-network'")
        assert keys.is_visible()
    finally:
        tablet.close()
