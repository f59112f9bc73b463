"""The API's interactive docs work offline and under the app's Content-Security-Policy."""

from __future__ import annotations

from typing import Any

from browserkit import LiveApp, screenshot


def test_docs_render_from_the_apps_own_files(browser: Any, albertslund_app: LiveApp) -> None:
    # No bypass_csp here: the page must start under the real policy (no inline script).
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(albertslund_app.url + "/docs")
        path = page.locator(".opblock-summary-path", has_text="/api/v1/owners")
        path.first.wait_for(timeout=20000)
        screenshot(page, "api-docs")
        assert [u for u in requests if not u.startswith(albertslund_app.url + "/")] == []
        assert errors == []
    finally:
        context.close()
