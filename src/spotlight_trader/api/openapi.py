"""OpenAPI for msgspec bodies: component schemas come from msgspec, routes reference them.

FastAPI only derives schemas from pydantic models; our bodies are msgspec structs (fast on
the hot path, one definition), so :func:`install` merges msgspec's JSON Schema components
into the generated document. The web client's types are generated from this document.
"""

from __future__ import annotations

from typing import Any

import msgspec
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from spotlight_trader.api.account_schemas import ACCOUNT_SCHEMAS
from spotlight_trader.api.schemas import API_SCHEMAS
from spotlight_trader.api.schemas_journal import JOURNAL_SCHEMAS
from spotlight_trader.api.schemas_webhooks import WEBHOOK_SCHEMAS

_REF = "#/components/schemas/{name}"


def _ref(struct: type[msgspec.Struct]) -> dict[str, str]:
    return {"$ref": _REF.format(name=struct.__name__)}


def json_response(struct: type[msgspec.Struct], status: int = 200) -> dict[int | str, Any]:
    """``responses=`` value documenting a JSON body of type ``struct`` (+ the error body)."""
    error = {
        "description": "Error",
        "content": {"application/json": {"schema": {"$ref": _REF.format(name="ErrorBody")}}},
    }
    return {
        status: {"description": "OK", "content": {"application/json": {"schema": _ref(struct)}}},
        "4XX": error,
    }


def json_body(struct: type[msgspec.Struct]) -> dict[str, Any]:
    """``openapi_extra=`` value documenting a JSON request body of type ``struct``."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _ref(struct)}},
        }
    }


def install(app: FastAPI, extra_paths: dict[str, Any] | None = None) -> None:
    """Make ``app.openapi()`` include the msgspec component schemas and ``extra_paths``
    (endpoints served outside FastAPI's routing, described by hand)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, routes=app.routes, description=app.description
            )
            _, components = msgspec.json.schema_components(
                API_SCHEMAS + ACCOUNT_SCHEMAS + JOURNAL_SCHEMAS + WEBHOOK_SCHEMAS, ref_template=_REF
            )
            schema.setdefault("components", {}).setdefault("schemas", {}).update(components)
            schema.setdefault("paths", {}).update(extra_paths or {})
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
