"""The production compose file: the services, the Neo4j version the tests use, no default
password, health before traffic, and only settings the app really reads."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
    return data


def _environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    assert isinstance(env, dict), "environment must be a mapping"
    return {str(k): str(v) for k, v in env.items()}


def app_settings() -> set[str]:
    """Every environment variable the app reads: the Neo4j client's and the API's."""
    from orgmodel.store.neo4j_connection import ENVIRONMENT_VARIABLES

    names = set(ENVIRONMENT_VARIABLES)
    if (ROOT / "api" / "settings.py").exists():
        from api.settings import Settings

        for name, field in Settings.model_fields.items():
            choices = getattr(field.validation_alias, "choices", None)
            if choices:
                names |= {c for c in choices if isinstance(c, str) and c.isupper()}
            else:
                names.add(f"ORGMODEL_{name.upper()}")
    return names


def test_the_three_services(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"neo4j", "api", "loader"}


def test_neo4j_is_the_version_the_tests_run(compose: dict[str, Any]) -> None:
    script = (ROOT / "scripts" / "neo4j_server.py").read_text("utf-8")
    tested = re.search(r'DEFAULT_VERSION = "(\d+\.\d+)\.\d+"', script)
    assert tested is not None
    assert compose["services"]["neo4j"]["image"] == f"neo4j:{tested.group(1)}-community"
    assert tested.group(1) == "5.26"


def test_no_password_has_a_default(compose: dict[str, Any]) -> None:
    neo4j = _environment(compose["services"]["neo4j"])
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD:\?[^}]+\}", neo4j["NEO4J_AUTH"])
    for name in ("api", "loader"):
        password = _environment(compose["services"][name])["NEO4J_PASSWORD"]
        assert re.fullmatch(r"\$\{NEO4J_PASSWORD:\?[^}]+\}", password), name
    text = (ROOT / "docker-compose.yml").read_text("utf-8")
    assert "orgmodel-test-password" not in text
    assert not re.search(r"NEO4J_PASSWORD:-", text)


def test_neo4j_keeps_its_data_in_named_volumes(compose: dict[str, Any]) -> None:
    mounts = compose["services"]["neo4j"]["volumes"]
    assert "neo4j-data:/data" in mounts
    for mount in mounts:
        assert mount.split(":")[0] in compose["volumes"], mount


def test_neo4j_health_is_an_authenticated_query(compose: dict[str, Any]) -> None:
    check = " ".join(compose["services"]["neo4j"]["healthcheck"]["test"])
    assert "cypher-shell" in check and "RETURN 1" in check


def test_neo4j_ports_stay_on_the_host(compose: dict[str, Any]) -> None:
    ports = compose["services"]["neo4j"]["ports"]
    assert ports and all(p.startswith("127.0.0.1:") for p in ports)
    assert {p.rsplit(":", 1)[1] for p in ports} == {"7474", "7687"}


def test_api_serves_on_8000_after_neo4j_is_healthy(compose: dict[str, Any]) -> None:
    api = compose["services"]["api"]
    assert api["command"] == ["orgmodel", "serve", "--host", "0.0.0.0", "--port", "8000"]
    assert "8000:8000" in api["ports"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert _environment(api)["NEO4J_URI"] == "bolt://neo4j:7687"


def test_loader_loads_albertslund_once(compose: dict[str, Any]) -> None:
    loader = compose["services"]["loader"]
    assert loader["command"] == ["orgmodel", "load", "--neo4j", "data/albertslund"]
    assert loader["restart"] == "no"
    assert loader["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert compose["services"]["api"]["depends_on"]["loader"]["condition"] == (
        "service_completed_successfully")


def test_environment_names_are_settings_the_app_reads(compose: dict[str, Any]) -> None:
    known = app_settings()
    assert {"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"} <= known
    for name in ("api", "loader"):
        env = _environment(compose["services"][name])
        assert {"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"} <= set(env), name
        assert set(env) - known == set(), f"{name} sets variables nothing reads"


def test_the_image_runs_the_api() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text("utf-8")
    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.M)
    assert "pip install" in dockerfile
    assert 'CMD ["orgmodel", "serve", "--host", "0.0.0.0", "--port", "8000"]' in dockerfile
    ignored = (ROOT / ".dockerignore").read_text("utf-8").split()
    assert ".git" in ignored and "tests" in ignored
