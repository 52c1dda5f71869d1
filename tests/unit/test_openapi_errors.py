"""The OpenAPI document states every error the machinery around a route answers with (the
contract fuzz in tests/integration/test_openapi_contract.py checks the server keeps to it)."""

from __future__ import annotations

from typing import Any

import pytest

from spotlight_trader.runtime.components import build_components
from spotlight_trader.runtime.web import create_app
from tests.conftest import make_settings

# the routes a stranger reaches in password mode (tests/integration/test_accounts_api.py
# shows the server refuses every other one with 401)
PUBLIC = {("get", "/healthz"), ("get", "/readyz"), ("post", "/api/auth/login"),
          ("post", "/api/auth/logout")}  # fmt: skip
WRITES = {"post", "put", "patch", "delete"}
ERROR_BODY = {"$ref": "#/components/schemas/ErrorBody"}


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    settings = make_settings(database_url="sqlite:///:memory:", auth_mode="local")
    return create_app(build_components(settings)).openapi()


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def resolve(document: dict[str, Any], response: dict[str, Any]) -> dict[str, Any]:
    ref = response.get("$ref")
    if ref is None:
        return response
    name = ref.removeprefix("#/components/responses/")
    found: dict[str, Any] = document["components"]["responses"][name]
    return found


def test_every_operation_documents_what_the_hardening_and_the_router_answer(
    document: dict[str, Any],
) -> None:
    found = operations(document)
    assert len(found) > 40
    for method, path, operation in found:
        statuses = set(operation["responses"])
        assert "4XX" not in statuses, (method, path)
        assert "400" in statuses, (method, path)  # Host allowlist
        if (method, path) not in PUBLIC:
            assert "401" in statuses, (method, path)  # sign-in required
        elif path != "/api/auth/login":  # (a wrong password is a 401 too)
            assert "401" not in statuses, (method, path)
        if method in WRITES:
            assert {"403", "413", "415"} <= statuses, (method, path)  # CSRF, size, type
            if (method, path) not in PUBLIC:
                assert "429" in statuses, (method, path)  # the per-user write limit
        if "{" in path:
            assert {"404", "422"} <= statuses, (method, path)
        if operation.get("parameters") or operation.get("requestBody"):
            assert "422" in statuses, (method, path)


def test_error_responses_carry_the_error_body_the_app_sends(document: dict[str, Any]) -> None:
    assert not {"HTTPValidationError", "ValidationError"} & set(document["components"]["schemas"])
    for method, path, operation in operations(document):
        for status, response in operation["responses"].items():
            if int(status) < 400 or (path, status) in {
                ("/readyz", "503"),  # the Health body with the reason
                ("/api/journal/imports", "422"),  # the rows with errors, or ErrorBody
            }:
                continue
            schema = resolve(document, response)["content"]["application/json"]["schema"]
            assert schema == ERROR_BODY, (method, path, status)
        too_many = operation["responses"].get("429")
        if too_many is not None and path != "/stream/market":
            assert "Retry-After" in resolve(document, too_many)["headers"], (method, path)


def test_symbol_parameters_state_the_ticker_pattern(document: dict[str, Any]) -> None:
    symbols = [
        (method, path, parameter["schema"])
        for method, path, operation in operations(document)
        for parameter in operation.get("parameters", [])
        if parameter["name"] == "symbol" and not path.startswith("/api/journal")
    ]
    assert len(symbols) >= 5
    for method, path, schema in symbols:
        options = schema.get("anyOf", [schema])
        text = next(option for option in options if option.get("type") == "string")
        assert text["pattern"] == "^[A-Za-z][A-Za-z0-9.\\-]{0,9}$", (method, path)
        assert text["maxLength"] == 10, (method, path)
