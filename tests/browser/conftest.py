"""Browser tests: the API app with the views, served by a real uvicorn on loopback, driven by
Playwright in Debian's Chromium (helpers in browserkit.py).

Every test page records every request and console message; a test fails if a request leaves
the app's origin (only ``data:``/``blob:`` and, for files, ``file:`` are allowed) or if the
console shows an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browserkit import ALBERTSLUND, CHROMIUM, CHROMIUM_ARGS, LiveApp, Recorder, write_evil_dataset

from orgmodel.synthetic import write_jsonl


@pytest.fixture(scope="session")
def albertslund_app() -> Iterator[LiveApp]:
    app = LiveApp(ALBERTSLUND).start()
    yield app
    app.stop()


@pytest.fixture(scope="session")
def evil_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    folder = tmp_path_factory.mktemp("evil")
    write_evil_dataset(folder)
    app = LiveApp(folder).start()
    yield app
    app.stop()


@pytest.fixture(scope="session")
def big_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    folder = tmp_path_factory.mktemp("synthetic")
    write_jsonl(folder, 5000)
    app = LiveApp(folder).start()
    yield app
    app.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder(allowed=("data:", "blob:"))


@pytest.fixture
def context(browser: Any, recorder: Recorder) -> Iterator[Any]:
    # bypass_csp: Playwright's polling needs eval, which the app's CSP forbids. It also makes
    # the XSS tests stronger: data must stay text because of the code, not because of the CSP.
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="da-DK",
                              accept_downloads=True, bypass_csp=True)
    ctx.on("request", lambda request: recorder.requests.append(request.url))

    def watch(page: Any) -> None:
        page.on("console", lambda m: recorder.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: recorder.errors.append(str(e)))

    ctx.on("page", watch)
    yield ctx
    ctx.close()
    assert recorder.outside() == [], "requests left the app"
    assert recorder.errors == [], "console errors"


@pytest.fixture
def page(context: Any) -> Any:
    return context.new_page()
