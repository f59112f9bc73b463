"""Property-based tests from the app's own OpenAPI schema: no 5xx, no schema violations."""

from __future__ import annotations

from collections.abc import Callable

import schemathesis
from httpapi import ANNA, LiveServer
from hypothesis import HealthCheck, given, settings


def test_read_endpoints_answer_as_documented(live_api: LiveServer) -> None:
    schema = schemathesis.openapi.from_url(f"{live_api.url}/openapi.json")
    operations = [result.ok() for result in schema.include(method="GET").get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def answers_as_documented(case: schemathesis.Case) -> None:
            case.call_and_validate()

        answers_as_documented()


def test_writes_never_answer_a_server_error(start_server: Callable[..., LiveServer]) -> None:
    server = start_server()
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    operations = [result.ok() for result in schema.exclude(method="GET").get_all_operations()]
    # create, replace, patch and delete nodes and edges; a batch; a node's successor
    assert len(operations) == 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=10, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def no_server_error(case: schemathesis.Case) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {ANNA}"}
            response = case.call()
            assert response.status_code < 500, response.text

        no_server_error()
