"""Alert rules and signals of the current user (see docs/alerts.md)."""

from __future__ import annotations

from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.responses import Response

from spotlight_trader.api.deps import (
    ComponentsDep,
    CurrentUser,
    RulesControlDep,
    RulesDep,
    SignalsDep,
)
from spotlight_trader.api.openapi import json_body, json_response
from spotlight_trader.api.responses import MsgspecResponse, decode_body, error_response
from spotlight_trader.api.schemas import (
    BacktestRequest,
    RevertRequest,
    RuleCreate,
    RulesResponse,
    SignalsResponse,
    ValidateRequest,
    ValidateResponse,
    VersionCreate,
    VersionsResponse,
)
from spotlight_trader.api.security import current_user_id
from spotlight_trader.errors import InputError
from spotlight_trader.model import normalise_symbol
from spotlight_trader.rules.engine import backtest
from spotlight_trader.rules.expr import validate
from spotlight_trader.rules.model import (
    MAX_ID,
    Rule,
    RuleVersion,
    UserRuleSettings,
    active_rule,
)

# every route here acts for a user: the router resolves (and checks) it for each one
router = APIRouter(dependencies=[Depends(current_user_id)])
MAX_BODY_BYTES = 16_384
MAX_SIGNALS = 1_000
T = TypeVar("T")
# a 64-bit id: larger numbers get 422, never a database overflow
RuleId = Annotated[int, Path(ge=0, le=MAX_ID, description="Rule id")]


async def _decode(request: Request, kind: type[T]) -> T:
    return await decode_body(request, kind, MAX_BODY_BYTES)


def _field_of(exc: InputError) -> str | None:
    head = str(exc).split(":", 1)[0].split(" ", 1)[0].split(".", 1)[0]
    known = {"expression", "frequency", "cooldown_s", "params", "symbols", "name", "note"}
    return head if head in known else None


def _input_error(exc: InputError) -> Response:
    return error_response(422, str(exc), _field_of(exc))


def _not_found(rule_id: int) -> Response:
    return error_response(404, f"no rule {rule_id}", "id")


@router.get("/api/rules", responses=json_response(RulesResponse), summary="Alert rules")
async def list_rules(user: CurrentUser, rules: RulesDep) -> Response:
    """Built-in rules and the user's own, each with its latest version and the user's
    settings (built-ins start disabled)."""
    return MsgspecResponse(RulesResponse(await rules.list_rules(user=user)))


@router.post(
    "/api/rules",
    status_code=201,
    responses=json_response(Rule, 201),
    openapi_extra=json_body(RuleCreate),
    summary="Create a custom rule",
)
async def create_rule(
    request: Request, user: CurrentUser, rules: RulesDep, control: RulesControlDep
) -> Response:
    """A custom expression rule (version 1), enabled for its creator."""
    try:
        body = await _decode(request, RuleCreate)
        rule = await rules.create_rule(
            user=user,
            name=body.name,
            expression=body.expression,
            description=body.description,
            frequency=body.frequency,
            cooldown_s=body.cooldown_s,
            intrabar=body.intrabar,
        )
    except InputError as exc:
        return _input_error(exc)
    await control.rules_changed(user)
    return MsgspecResponse(rule, status_code=201)


@router.post(
    "/api/rules/validate",
    responses=json_response(ValidateResponse),
    openapi_extra=json_body(ValidateRequest),
    summary="Check a rule expression",
)
async def validate_rule(request: Request) -> Response:
    """Parse and type-check an expression: the error position and what was expected."""
    body = await _decode(request, ValidateRequest)
    error, fields = validate(body.expression)
    return MsgspecResponse(ValidateResponse(ok=error is None, error=error, fields=fields))


@router.get(
    "/api/rules/{rule_id}/versions",
    responses=json_response(VersionsResponse),
    summary="Versions of a rule",
)
async def list_versions(rule_id: RuleId, user: CurrentUser, rules: RulesDep) -> Response:
    """Every version, newest first."""
    try:
        versions = await rules.versions(rule_id, user=user)
    except LookupError:
        return _not_found(rule_id)
    return MsgspecResponse(VersionsResponse(versions))


@router.post(
    "/api/rules/{rule_id}/versions",
    status_code=201,
    responses=json_response(RuleVersion, 201),
    openapi_extra=json_body(VersionCreate),
    summary="Edit a rule (new version)",
)
async def add_version(
    request: Request, rule_id: RuleId, user: CurrentUser, rules: RulesDep, control: RulesControlDep
) -> Response:
    """A new immutable version: the latest one with the given fields changed."""
    try:
        change = await _decode(request, VersionCreate)
        version = await rules.add_version(rule_id, change, user=user)
    except LookupError:
        return _not_found(rule_id)
    except InputError as exc:
        return _input_error(exc)
    await control.rules_changed(user)
    return MsgspecResponse(version, status_code=201)


@router.post(
    "/api/rules/{rule_id}/revert",
    status_code=201,
    responses=json_response(RuleVersion, 201),
    openapi_extra=json_body(RevertRequest),
    summary="Revert a rule to an old version (new version)",
)
async def revert_rule(
    request: Request, rule_id: RuleId, user: CurrentUser, rules: RulesDep, control: RulesControlDep
) -> Response:
    """A new version equal to the given old one."""
    try:
        body = await _decode(request, RevertRequest)
        version = await rules.revert(rule_id, body.version, user=user)
    except LookupError as exc:
        return error_response(404, str(exc).strip("'\""), "version")
    except InputError as exc:
        return _input_error(exc)
    await control.rules_changed(user)
    return MsgspecResponse(version, status_code=201)


@router.put(
    "/api/rules/{rule_id}/settings",
    responses=json_response(UserRuleSettings),
    openapi_extra=json_body(UserRuleSettings),
    summary="The current user's settings of a rule",
)
async def put_settings(
    request: Request, rule_id: RuleId, user: CurrentUser, rules: RulesDep, control: RulesControlDep
) -> Response:
    """Enable/disable, parameter overrides, symbol scope (null = the watchlist)."""
    try:
        body = await _decode(request, UserRuleSettings)
        settings = await rules.put_settings(rule_id, body, user=user)
    except LookupError:
        return _not_found(rule_id)
    except InputError as exc:
        return _input_error(exc)
    await control.rules_changed(user)
    return MsgspecResponse(settings)


@router.post(
    "/api/rules/{rule_id}/backtest",
    responses=json_response(SignalsResponse),
    openapi_extra=json_body(BacktestRequest),
    summary="Run a rule version over stored bars",
)
async def backtest_rule(
    request: Request, rule_id: RuleId, user: CurrentUser, rules: RulesDep, components: ComponentsDep
) -> Response:
    """The signals a version (default: the latest) would have produced on the bars the
    ring holds for ``symbol``, oldest first, each with id 0. Nothing is stored."""
    try:
        body = await _decode(request, BacktestRequest)
        symbol = normalise_symbol(body.symbol)
        limit = body.limit if body.limit is not None else MAX_SIGNALS
        if not 1 <= limit <= MAX_SIGNALS:
            raise InputError(f"limit must be from 1 to {MAX_SIGNALS}")
        rule = await rules.get_rule(rule_id, user=user)
        version = (
            rule.version
            if body.version is None
            else await rules.get_version(rule_id, body.version, user=user)
        )
    except LookupError as exc:
        return error_response(404, str(exc).strip("'\""), "id")
    except InputError as exc:
        field = "limit" if str(exc).startswith("limit") else "symbol"
        return error_response(422, str(exc), field)
    settings = UserRuleSettings(True, rule.settings.params, None)
    runnable = active_rule(user, rule, version, settings)
    ring = components.ring
    bars = await ring.recent(symbol, ring.capacity)
    return MsgspecResponse(SignalsResponse(backtest(runnable, bars, limit)))


@router.get("/api/signals", responses=json_response(SignalsResponse), summary="Alert signals")
async def list_signals(
    user: CurrentUser,
    signals: SignalsDep,
    symbol: Annotated[str | None, Query(description="Only this symbol")] = None,
    rule_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Only this rule")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_SIGNALS, description="Most signals")] = 100,
) -> Response:
    """The current user's signals, newest first."""
    name = normalise_symbol(symbol) if symbol else None
    found = await signals.list_signals(user=user, symbol=name, rule_id=rule_id, limit=limit)
    return MsgspecResponse(SignalsResponse(found))
