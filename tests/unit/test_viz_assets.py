"""The views' static files, served from memory over HTTP (a real ASGI app, httpx)."""

from __future__ import annotations

import httpx

from orgmodel.store.memory import MemoryStore
from tests.unit.test_viz_routes import run
from viz.render import STATIC_DIR, asset_version
from viz.routes import create_views_app


def test_assets_are_gzipped_versioned_and_revalidated(memory_store: MemoryStore) -> None:
    path = "vendor/vis-network/vis-network.min.js"
    original = (STATIC_DIR / path).read_bytes()

    async def check(client: httpx.AsyncClient) -> None:
        url = f"/static/{path}?v={asset_version(path)}"
        packed = await client.get(url, headers={"accept-encoding": "gzip"})
        assert packed.status_code == 200
        assert packed.headers["content-encoding"] == "gzip"
        assert packed.headers["content-type"] == "text/javascript; charset=utf-8"
        assert "immutable" in packed.headers["cache-control"]
        assert int(packed.headers["content-length"]) < len(original) / 2
        assert packed.content == original  # httpx unpacks it
        plain = await client.get(url, headers={"accept-encoding": "identity"})
        assert plain.content == original and "content-encoding" not in plain.headers
        refused = await client.get(url, headers={"accept-encoding": "gzip;q=0, identity"})
        assert refused.content == original and "content-encoding" not in refused.headers
        page = await client.get("/views/org", headers={"accept-encoding": "gzip;q=0"})
        assert page.status_code == 200 and "content-encoding" not in page.headers
        assert "content-encoding" in (await client.get("/views/org", headers={
            "accept-encoding": "br, gzip;q=0.8"})).headers
        unversioned = await client.get(f"/static/{path}")
        assert unversioned.headers["cache-control"] == "public, max-age=3600"
        again = await client.get(url, headers={"if-none-match": packed.headers["etag"]})
        assert again.status_code == 304 and again.content == b""
        head = await client.head("/static/css/views.css", headers={"accept-encoding": "identity"})
        assert head.status_code == 200 and head.content == b""
        assert int(head.headers["content-length"]) == (STATIC_DIR / "css/views.css").stat().st_size
        licence = await client.get("/static/vendor/vis-network/LICENSE-MIT")
        assert licence.headers["content-type"] == "text/plain; charset=utf-8"

    run(create_views_app(memory_store), check)


def test_only_the_static_files_are_served(memory_store: MemoryStore) -> None:
    async def check(client: httpx.AsyncClient) -> None:
        for path in ("/static/nothing.js", "/static/../routes.py", "/static/%2e%2e/routes.py",
                     "/static/js", "/static/"):
            response = await client.get(path)
            assert response.status_code == 404, path
            assert "def " not in response.text
            # a problem document, as every other error of the app (it was text/plain); "../"
            # leaves /static before the request is sent, for this bare app's router to answer
            if response.url.path.startswith("/static"):
                assert response.headers["content-type"] == "application/problem+json", path
                assert response.json()["type"] == "urn:orgmodel:problem:not-found"
        posted = await client.post("/static/css/views.css")
        assert posted.status_code == 405 and posted.headers["allow"] == "GET, HEAD"
        assert posted.json()["title"] == "Method not allowed"

    run(create_views_app(memory_store), check)
