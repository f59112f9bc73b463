"""Property-based tests from the app's own OpenAPI schema: no 5xx, no schema violations."""

from __future__ import annotations

import schemathesis
from httpapi import LiveServer
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
