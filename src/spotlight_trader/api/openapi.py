"""The OpenAPI document: msgspec bodies, and every error status a route really returns.

FastAPI only derives schemas from pydantic models; our bodies are msgspec structs (fast on
the hot path, one definition), so :func:`install` merges msgspec's JSON Schema components
into the generated document. It also documents, per operation, the errors that come from
the machinery around every route rather than from the route itself (so routes added later
get them by default), each with the :class:`~spotlight_trader.api.schemas.ErrorBody` body:

- 400 from the hardening middleware (``Host`` not allowed, a bad ``Content-Length``) and,
  with a JSON body, a body that is not JSON;
- 401 when the route needs a user (:func:`~spotlight_trader.api.security.current_user_id`);
- 403, 413 and 415 for state-changing methods (foreign Origin, body size, media type), and
  429 when such a route is also rate limited per user (``limit_writes``);
- 404 for a route with path parameters (nothing has that id), 422 for one with parameters
  or a body (FastAPI's validation, answered by the app's handler with ``ErrorBody``);
- 503 when the route needs the market side, which an app may be built without.

Route-specific errors are declared with :func:`errors`. The web client's types are
generated from this document (``make api``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from http import HTTPStatus
from typing import Any

import msgspec
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.routing import BaseRoute

from spotlight_trader.api.account_schemas import ACCOUNT_SCHEMAS
from spotlight_trader.api.deps import WRITE_METHODS, limit_writes, market
from spotlight_trader.api.schemas import API_SCHEMAS
from spotlight_trader.api.schemas_journal import JOURNAL_SCHEMAS
from spotlight_trader.api.schemas_webhooks import WEBHOOK_SCHEMAS
from spotlight_trader.api.security import current_user_id

_REF = "#/components/schemas/{name}"
ERROR_CONTENT = {"application/json": {"schema": {"$ref": _REF.format(name="ErrorBody")}}}
_RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}}
# what each error status means in this API (the response's description)
_MEANING = {
    400: "Host not allowed, bad Content-Length, or a body that is not JSON",
    401: "Sign-in required",
    403: "Refused: a foreign Origin (CSRF), or not allowed",
    404: "Nothing with this id",
    409: "Conflicts with the current state or mode",
    413: "Body too large",
    415: "Body not application/json",
    422: "Invalid parameters or body",
    429: "Too many requests; retry after Retry-After seconds",
    503: "Not available now",
}
# FastAPI's own 422 body, replaced by ErrorBody (the app's handler answers with it)
_FASTAPI_VALIDATION = ("HTTPValidationError", "ValidationError")


def ref(struct: type[msgspec.Struct]) -> dict[str, str]:
    """A reference to the component schema of ``struct``."""
    return {"$ref": _REF.format(name=struct.__name__)}


def error(status: int) -> dict[str, Any]:
    """The response object of an error ``status`` (``ErrorBody``; 429 with Retry-After)."""
    out: dict[str, Any] = {
        "description": _MEANING.get(status, HTTPStatus(status).phrase),
        "content": ERROR_CONTENT,
    }
    if status == 429:
        out["headers"] = _RETRY_AFTER
    return out


def errors(*statuses: int) -> dict[int | str, Any]:
    """``responses=`` entries for errors a route returns itself (e.g. 404, 409, 503)."""
    return {status: error(status) for status in statuses}


def json_response(struct: type[msgspec.Struct], status: int = 200) -> dict[int | str, Any]:
    """``responses=`` value documenting a JSON body of type ``struct``."""
    return {status: {"description": "OK", "content": {"application/json": {"schema": ref(struct)}}}}


def json_body(struct: type[msgspec.Struct]) -> dict[str, Any]:
    """``openapi_extra=`` value documenting a JSON request body of type ``struct``."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ref(struct)}},
        }
    }


def _calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for dep in dependant.dependencies:
        if dep.call is not None:
            yield dep.call
        yield from _calls(dep)


def implied_errors(
    path: str, method: str, dependant: Dependant, operation: dict[str, Any]
) -> set[int]:
    """The error statuses the machinery around a route (its dependencies, the hardening
    middleware, validation) can answer ``method`` on ``path`` with."""
    calls = set(_calls(dependant))
    found = {400}
    if current_user_id in calls:
        found.add(401)
    if method in WRITE_METHODS:
        found |= {403, 413, 415}
        if limit_writes in calls:
            found.add(429)
    if "{" in path:
        found.add(404)
    if operation.get("parameters") or operation.get("requestBody"):
        found.add(422)
    if market in calls:
        found.add(503)
    return found


def _is_fastapi_validation(response: dict[str, Any] | None) -> bool:
    if response is None:
        return False
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return bool(schema.get("$ref", "").endswith("/HTTPValidationError"))


def document_errors(schema: dict[str, Any], routes: Sequence[BaseRoute]) -> None:
    """Give every operation of ``schema`` the errors :func:`implied_errors` finds (where the
    route does not document that status itself) and replace FastAPI's validation body by
    ``ErrorBody``."""
    paths = schema.get("paths", {})
    # the routes as FastAPI's own schema generation sees them: with the dependencies of the
    # routers they are included in
    for context in iter_route_contexts(routes):
        path = context.path_format
        if not isinstance(context.original_route, APIRoute) or not path:
            continue
        for method in context.methods or ():
            operation = paths.get(path, {}).get(method.lower())
            if operation is None:
                continue
            responses: dict[str, Any] = operation.setdefault("responses", {})
            for status in sorted(implied_errors(path, method, context.dependant, operation)):
                if _is_fastapi_validation(responses.get(str(status))):
                    del responses[str(status)]
                responses.setdefault(str(status), error(status))
    components = schema.get("components", {}).get("schemas", {})
    for name in _FASTAPI_VALIDATION:
        components.pop(name, None)


def share_errors(schema: dict[str, Any]) -> None:
    """Move every response that is :func:`error` of its status into
    ``components.responses`` (``Error400``, ...) and refer to it from the operations."""
    shared: dict[str, Any] = {}
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            responses = operation.get("responses", {})
            for status, response in responses.items():
                if status.isdigit() and int(status) >= 400 and response == error(int(status)):
                    shared[f"Error{status}"] = response
                    responses[status] = {"$ref": f"#/components/responses/Error{status}"}
    if shared:
        components = schema.setdefault("components", {}).setdefault("responses", {})
        components.update(dict(sorted(shared.items())))


def install(app: FastAPI, extra_paths: dict[str, Any] | None = None) -> None:
    """Make ``app.openapi()`` include the msgspec component schemas, the errors of every
    operation (:func:`document_errors`, shared by :func:`share_errors`) and ``extra_paths``
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
            document_errors(schema, app.routes)
            schema.setdefault("paths", {}).update(extra_paths or {})
            share_errors(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
