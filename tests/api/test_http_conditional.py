"""Conditional reads and gzip over HTTP: what a client polling the API saves."""

from __future__ import annotations

import gzip

import httpx
from httpapi import ANNA, READER, LiveServer


def test_a_read_answered_again_unchanged_is_a_304_without_a_body(live_api: LiveServer) -> None:
    with live_api.client() as http:
        for path in ("/api/v1/nodes/task:lon", "/api/v1/owners?q=l%C3%B8n",
                     "/api/v1/chain/post:chef-okonomi-og-stab"):
            first = http.get(path)
            assert first.status_code == 200 and first.headers["cache-control"] == "no-cache"
            tag = first.headers["etag"]
            again = http.get(path, headers={"If-None-Match": tag})
            assert again.status_code == 304, path
            assert again.content == b"" and again.headers["etag"] == tag
            assert "content-type" not in again.headers
            # A tag of another answer is no match: the whole answer comes.
            other = http.get(path, headers={"If-None-Match": 'W/"0000"'})
            assert other.status_code == 200 and other.content == first.content


def test_a_read_answered_with_an_error_or_the_export_is_kept_by_no_cache(
        live_api: LiveServer) -> None:
    # The API client's probe: a 404 had no Cache-Control (cacheable by default, so a node
    # created after it stayed missing for a cache), nor had the export, which holds persons
    with live_api.client() as http:
        missing = http.get("/api/v1/nodes/unit:findes-ikke")
        assert missing.status_code == 404 and missing.headers["cache-control"] == "no-store"
        wrong = http.get("/api/v1/owners")
        assert wrong.status_code == 422 and wrong.headers["cache-control"] == "no-store"
    with live_api.client(READER) as reader:  # the export takes a token, a reader's too
        export = reader.get("/api/v1/export")
        assert export.status_code == 200 and export.headers["cache-control"] == "no-store"


def test_a_write_changes_the_tag_so_the_next_read_is_whole(editable_api: LiveServer) -> None:
    with editable_api.client(ANNA) as http:
        before = http.get("/api/v1/owners?q=l%C3%B8n")
        record = http.get("/api/v1/nodes/task:lon")
        changed = http.put("/api/v1/nodes/task:lon", headers={"If-Match": record.headers["etag"]},
                           json={**record.json()["record"], "name": "Lønudbetaling"})
        assert changed.status_code == 200, changed.text
        after = http.get("/api/v1/owners?q=l%C3%B8n",
                         headers={"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200 and "Lønudbetaling" in after.text


def test_a_nodes_tag_changes_with_its_edges_and_date(editable_api: LiveServer) -> None:
    # The API client's probe: the node's tag was its record's alone, so a client holding the
    # node's old edges, or another date's, was told 304 Not Modified.
    with editable_api.client(ANNA) as http:
        read = http.get("/api/v1/nodes/task:lon")
        tag = read.headers["etag"]
        added = http.post("/api/v1/edges", json={
            "type": "RESPONSIBLE_FOR", "from": "unit:okonomi-og-indkob", "to": "task:lon",
            "raci": "C", "source": "seed", "confidence": "low"})
        assert added.status_code == 201, added.text
        again = http.get("/api/v1/nodes/task:lon", headers={"If-None-Match": tag})
        assert again.status_code == 200 and again.headers["etag"] != tag
        assert "unit:okonomi-og-indkob" in {e["source_id"] for e in again.json()["edges"]}
        dated = http.get("/api/v1/nodes/task:lon", params={"as_of": "2022-06-01"},
                         headers={"If-None-Match": again.headers["etag"]})
        assert dated.status_code == 200
        # ... and the tag read is the one a write's If-Match takes (its record's part counts)
        changed = http.put("/api/v1/nodes/task:lon", headers={"If-Match": again.headers["etag"]},
                           json={**again.json()["record"], "name_en": "Pay"})
        assert changed.status_code == 200, changed.text


def test_answers_of_the_api_are_gzipped_for_a_client_that_asks(live_api: LiveServer) -> None:
    url = f"{live_api.url}/api/v1/nodes?limit=500"
    with httpx.Client() as raw:
        with raw.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as packed:
            body = b"".join(packed.iter_raw())
            assert packed.headers["content-encoding"] == "gzip"
        plain = raw.get(url, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert gzip.decompress(body) == plain.content and len(body) < len(plain.content) / 4


def test_a_trailing_slash_is_redirected_by_a_relative_location(live_api: LiveServer) -> None:
    # Starlette's own redirect went to an absolute http:// URL: wrong behind a TLS proxy.
    with live_api.client(follow_redirects=False) as http:
        for path, meant in (("/api/v1/owners/?q=l%C3%B8n", "/api/v1/owners?q=l%C3%B8n"),
                            ("/api/v1/search/?q=it", "/api/v1/search?q=it")):
            moved = http.get(path)
            assert moved.status_code == 307 and moved.headers["location"] == meant, path
        assert http.get("/api/v1/owners/", params={"q": "løn"},
                        follow_redirects=True).json()["results"]
        assert http.get("/api/v1/nowhere/").status_code == 404  # no path meant: not found
