"""Settings: validated at start, placeholders refused outside development, the serve command."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from api.server import escape_request_line
from api.settings import Settings
from orgmodel.cli import main

STRONG = "anna:0123456789abcdef-strong"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "ORGMODEL_ENV",
                 "ORGMODEL_WRITE_TOKENS", "ORGMODEL_READ_TOKENS", "ORGMODEL_HOST",
                 "ORGMODEL_BENCH_ENDPOINTS", "ORGMODEL_CORS_ORIGINS"):
        monkeypatch.delenv(name, raising=False)


def test_loopback_defaults_to_development_with_a_placeholder_token() -> None:
    settings = Settings()
    assert settings.env == "development" and settings.host == "127.0.0.1"
    assert settings.placeholder_warnings() == [
        "write token of 'editor' is the placeholder 'change-me'"]
    assert not settings.read_requires_token and settings.cors_origins == []


@pytest.mark.parametrize("values", [
    {"host": "0.0.0.0"},  # another host means production unless told otherwise
    {"env": "production"},
    {"env": "production", "write_tokens": "anna:short"},
    {"env": "production", "write_tokens": STRONG, "neo4j_uri": "bolt://db:7687",
     "neo4j_password": "change-me"},
    {"env": "production", "write_tokens": STRONG, "bench_endpoints": True},
])
def test_production_refuses_placeholders(values: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="refused in production"):
        Settings(**values)


def test_production_with_real_secrets_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGMODEL_WRITE_TOKENS", f"{STRONG}, bo:fedcba9876543210-strong")
    monkeypatch.setenv("NEO4J_URI", "bolt://db:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "a-real-password-for-neo4j")
    monkeypatch.setenv("ORGMODEL_CORS_ORIGINS", "https://intranet.example, https://x.example")
    settings = Settings(host="0.0.0.0")
    assert settings.env == "production" and settings.use_neo4j
    assert sorted(settings.write_tokens) == ["anna", "bo"]
    assert settings.cors_origins == ["https://intranet.example", "https://x.example"]


def test_token_lists_must_be_name_token_pairs() -> None:
    with pytest.raises(ValidationError, match="name:token"):
        Settings(write_tokens="just-a-token")


def test_frame_ancestors_replace_the_csp_directive_and_drop_x_frame_options() -> None:
    settings = Settings(frame_ancestors="'self' https://intranet.example")
    assert settings.content_security_policy().endswith(
        "frame-ancestors 'self' https://intranet.example")
    assert settings.content_security_policy().count("frame-ancestors") == 1
    assert settings.frame_options() is None
    assert Settings().frame_options() == "SAMEORIGIN"
    assert Settings(frame_ancestors="'none'").frame_options() == "DENY"


def test_serve_refuses_to_start_with_placeholders_on_a_public_address(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["serve", "--host", "0.0.0.0", "--port", "1"]) == 2
    error = capsys.readouterr().err
    assert "refused in production" in error and "ORGMODEL_WRITE_TOKENS" in error
    assert "change-me" not in error  # secrets are never echoed


def test_curl_style_utf8_request_lines_are_escaped() -> None:
    assert escape_request_line("GET /api/v1/search?q=økonomi HTTP/1.1".encode()) == \
        b"GET /api/v1/search?q=%C3%B8konomi HTTP/1.1"
    assert escape_request_line(b"GET /health HTTP/1.1") == b"GET /health HTTP/1.1"


def test_neo4j_without_a_uri_is_a_settings_error() -> None:
    with pytest.raises(ValidationError, match="NEO4J_URI"):
        Settings(use_neo4j=True)


def test_a_host_that_is_no_address_is_named_before_the_tokens_are(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 999.1.1.1 is no address: said so, not "the token of 'editor' is a placeholder" (a host
    # off loopback means production, whose tokens were checked first).
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert main(["serve", "--host", "999.1.1.1"]) == 2
    told = capsys.readouterr().err
    assert "host: '999.1.1.1' is no IP address or host name" in told and "token" not in told
    for host in ("0.0.0.0", "::1", "intranet.albertslund.dk"):
        assert Settings(host=host, write_tokens="editor:" + "x" * 20, read_tokens="").host == host


def test_serve_names_a_problem_in_the_data_before_it_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    (tmp_path / "org.yaml").write_text(
        "nodes:\n  - {id: task:x, kind: Task, name: X, source: seed, confidence: high}\n",
        encoding="utf-8")
    # No traceback from a failed start-up: the file, line and record, as `orgmodel validate`.
    assert main(["serve", "--port", "1", "--data", str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert "org.yaml:2: task:x: opgaven har ingen ansvarlig (RESPONSIBLE_FOR med raci A)" in error
    assert "Traceback" not in error and f"1 problem(er) i {tmp_path}" in error


def test_serve_reads_the_data_folder_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # It was read twice at start, once to check it and once to serve it: twice the wait on a
    # large folder.
    import anyio
    import httpx

    import api.cli
    import api.server
    import orgmodel.loader

    monkeypatch.delenv("NEO4J_URI", raising=False)
    reads: list[Path] = []
    load = orgmodel.loader.load_dataset

    def counted(folder: Path) -> Any:
        reads.append(folder)
        return load(folder)

    answers: list[int] = []

    def serve(app: Any, **_: Any) -> None:  # the server's start-up and one read, no socket
        async def start_and_read() -> None:
            async with app.router.lifespan_context(app), httpx.AsyncClient(
                    transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
                answers.append((await client.get("/api/v1/nodes/task:lon")).status_code)

        # In a thread of its own: Playwright's sync API (browser tests in the same session)
        # keeps an event loop running in the main thread.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(anyio.run, start_and_read).result()

    monkeypatch.setattr(orgmodel.loader, "load_dataset", counted)
    monkeypatch.setattr(api.cli, "load_dataset", counted)
    monkeypatch.setattr(api.server, "run", serve)
    folder = Path(__file__).resolve().parents[2] / "data" / "albertslund"
    assert main(["serve", "--port", "1", "--data", str(folder), "--no-access-log"]) == 0
    assert answers == [200] and reads == [folder]


def test_serve_reads_a_data_folder_named_though_neo4j_uri_is_set(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from api.cli import _settings

    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    folder = Path(__file__).resolve().parents[2] / "data" / "albertslund"
    named = _settings(argparse.Namespace(data=folder, neo4j=False, host=None, port=None))
    assert not named.use_neo4j and named.data_dir == folder
    assert _settings(argparse.Namespace(data=None, neo4j=False, host=None, port=None)).use_neo4j
    assert _settings(argparse.Namespace(data=folder, neo4j=True, host=None, port=None)).use_neo4j


def test_an_audit_file_left_blank_is_no_audit_file(monkeypatch: pytest.MonkeyPatch) -> None:
    # The administrator's probe: ORGMODEL_AUDIT_FILE= (set, empty) refused to start with
    # "audit_file: . is not a file".
    monkeypatch.setenv("ORGMODEL_AUDIT_FILE", "")
    assert Settings(env="development").audit_file is None
