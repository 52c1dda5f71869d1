"""Alert rules and signals of the current user (see docs/alerts.md)."""

from __future__ import annotations

from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.responses import Response

from spotlight_trader.api.deps import (
    ComponentsDep,
    CurrentUser,
    MarketViewDep,
    RulesControlDep,
    RulesDep,
    SignalsDep,
)
from spotlight_trader.api.openapi import json_body, json_response
from spotlight_trader.api.params import OptionalSymbolQuery, SymbolQuery
from spotlight_trader.api.responses import MsgspecResponse, decode_body, error_response
from spotlight_trader.api.schemas import (
    BacktestRequest,
    BacktestResponse,
    Readiness,
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
from spotlight_trader.errors import InputError, ReadOnlyError
from spotlight_trader.market.view import MarketView
from spotlight_trader.model import normalise_symbol
from spotlight_trader.rules.engine import backtest
from spotlight_trader.rules.expr import validate
from spotlight_trader.rules.model import (
    MAX_ID,
    Rule,
    RuleVersion,
    UserRuleSettings,
    active_rule,
    normalise_scope,
)
from spotlight_trader.rules.outcomes import outcomes, summarise
from spotlight_trader.rules.readiness import blockers

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
    known = {
        "expression", "frequency", "fire_mode", "cooldown_s", "params", "symbols", "name",
        "note", "expires_at_ms",
    }  # fmt: skip
    return head if head in known else None


def _input_error(exc: InputError) -> Response:
    return error_response(422, str(exc), _field_of(exc))


def _not_found(rule_id: int) -> Response:
    return error_response(404, f"no rule {rule_id}", "id")


def _read_only(exc: ReadOnlyError) -> Response:
    return error_response(403, str(exc), "id")


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
    request: Request,
    user: CurrentUser,
    rules: RulesDep,
    control: RulesControlDep,
    view: MarketViewDep,
) -> Response:
    """A custom expression rule (version 1), enabled for its creator (on ``symbols`` when
    given; each must be on the watchlist)."""
    try:
        body = await _decode(request, RuleCreate)
        _check_scope(view, body.symbols)
        rule = await rules.create_rule(
            user=user,
            name=body.name,
            expression=body.expression,
            description=body.description,
            frequency=body.frequency,
            cooldown_s=body.cooldown_s,
            intrabar=body.intrabar,
            fire_mode=body.fire_mode,
            symbols=body.symbols,
        )
    except InputError as exc:
        return _input_error(exc)
    await control.rules_changed(user, rule.id)
    return MsgspecResponse(rule, status_code=201)


def _check_scope(view: MarketView, symbols: list[str] | None) -> None:
    """:class:`InputError` unless every symbol of a scope is on the watchlist."""
    if symbols is None:
        return
    watched = set(view.watchlist())
    missing = [s for s in normalise_scope(symbols) or [] if s not in watched]
    if missing:
        raise InputError(f"symbols: not on the watchlist: {', '.join(missing)}")


@router.post(
    "/api/rules/validate",
    responses=json_response(ValidateResponse),
    openapi_extra=json_body(ValidateRequest),
    summary="Check a rule expression",
)
async def validate_rule(request: Request, view: MarketViewDep) -> Response:
    """Parse and type-check an expression: the error position and what was expected;
    with ``symbol``, why it cannot fire there yet."""
    body = await _decode(request, ValidateRequest)
    error, fields = validate(body.expression)
    reasons: list[str] = []
    if error is None and body.symbol:
        try:
            symbol = normalise_symbol(body.symbol)
        except InputError as exc:
            return error_response(422, str(exc), "symbol")
        reasons = blockers(
            None, body.expression, {}, symbol, view.indicators(symbol),
            view.history_sessions(symbol),
        )  # fmt: skip
    return MsgspecResponse(
        ValidateResponse(ok=error is None, error=error, fields=fields, reasons=reasons)
    )


@router.get(
    "/api/rules/{rule_id}/readiness",
    responses=json_response(Readiness),
    summary="Why a rule cannot fire yet",
)
async def rule_readiness(
    rule_id: RuleId,
    user: CurrentUser,
    rules: RulesDep,
    view: MarketViewDep,
    symbol: SymbolQuery,
) -> Response:
    """The indicator values the rule reads that have no value yet on ``symbol``, in
    words (e.g. "RVOL needs 3 sessions of history; 1 loaded"); empty when it can fire."""
    try:
        name = normalise_symbol(symbol)
        rule = await rules.get_rule(rule_id, user=user)
    except LookupError:
        return _not_found(rule_id)
    except InputError as exc:
        return error_response(422, str(exc), "symbol")
    params = {**rule.version.params, **rule.settings.params}
    reasons = blockers(
        rule.builtin, rule.version.expression, params, name, view.indicators(name),
        view.history_sessions(name),
    )  # fmt: skip
    return MsgspecResponse(Readiness(symbol=name, reasons=reasons))


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
    except ReadOnlyError as exc:
        return _read_only(exc)
    except InputError as exc:
        return _input_error(exc)
    await control.rules_changed(user, rule_id)
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
    except ReadOnlyError as exc:
        return _read_only(exc)
    except InputError as exc:
        return _input_error(exc)
    await control.rules_changed(user, rule_id)
    return MsgspecResponse(version, status_code=201)


@router.put(
    "/api/rules/{rule_id}/settings",
    responses=json_response(UserRuleSettings),
    openapi_extra=json_body(UserRuleSettings),
    summary="The current user's settings of a rule",
)
async def put_settings(
    request: Request,
    rule_id: RuleId,
    user: CurrentUser,
    rules: RulesDep,
    control: RulesControlDep,
    view: MarketViewDep,
) -> Response:
    """Enable/disable, parameter overrides (checked against the rule's ``params_schema``),
    symbol scope (null = the watchlist; every symbol must be on it), cooldown override,
    expiry."""
    try:
        body = await _decode(request, UserRuleSettings)
        _check_scope(view, body.symbols)
        settings = await rules.put_settings(rule_id, body, user=user)
    except LookupError:
        return _not_found(rule_id)
    except InputError as exc:
        return _input_error(exc)
    await control.rules_changed(user, rule_id)
    return MsgspecResponse(settings)


@router.delete(
    "/api/rules/{rule_id}",
    status_code=204,
    responses={204: {"description": "Deleted"}},
    summary="Delete a custom rule (its signals stay)",
)
async def delete_rule(
    rule_id: RuleId, user: CurrentUser, rules: RulesDep, control: RulesControlDep
) -> Response:
    """The rule stops and leaves the lists; its versions and signals are kept for the
    journal. Built-ins cannot be deleted (403): switch them off."""
    try:
        await rules.delete(rule_id, user=user)
    except LookupError:
        return _not_found(rule_id)
    except ReadOnlyError as exc:
        return _read_only(exc)
    await control.rules_changed(user, rule_id)
    return Response(status_code=204)


@router.post(
    "/api/rules/{rule_id}/duplicate",
    status_code=201,
    responses=json_response(Rule, 201),
    summary="Copy a custom rule",
)
async def duplicate_rule(
    rule_id: RuleId, user: CurrentUser, rules: RulesDep, control: RulesControlDep
) -> Response:
    """A new private rule with the latest version and the caller's settings, named
    "… (copy)". Built-ins are templates (403): change their settings instead."""
    try:
        rule = await rules.duplicate(rule_id, user=user)
    except LookupError:
        return _not_found(rule_id)
    except ReadOnlyError as exc:
        return _read_only(exc)
    except InputError as exc:
        return _input_error(exc)
    await control.rules_changed(user, rule.id)
    return MsgspecResponse(rule, status_code=201)


@router.post(
    "/api/rules/{rule_id}/resume",
    responses=json_response(Rule),
    summary="Resume a rule the circuit breaker paused",
)
async def resume_rule(
    rule_id: RuleId, user: CurrentUser, rules: RulesDep, control: RulesControlDep
) -> Response:
    """Clear the pause (the breaker's window starts afresh); the rule."""
    try:
        rule = await rules.resume(rule_id, user=user)
    except LookupError:
        return _not_found(rule_id)
    await control.rules_changed(user, rule_id)
    return MsgspecResponse(rule)


@router.post(
    "/api/rules/{rule_id}/backtest",
    responses=json_response(BacktestResponse),
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
    settings = UserRuleSettings(True, rule.settings.params, None, rule.settings.cooldown_s)
    runnable = active_rule(user, rule, version, settings)
    ring = components.ring
    bars = await ring.recent(symbol, ring.capacity)
    config = components.settings
    need = min(config.rvol_min_sessions, config.rvol_sessions)
    signals, core = backtest(
        runnable, bars, limit, rvol_sessions=config.rvol_sessions, rvol_min=need
    )
    ind = core.indicators.get(symbol)
    reasons = blockers(
        rule.builtin, version.expression, runnable.params, symbol, core.last.get(symbol),
        (ind.sessions_loaded if ind else 0, need),
    )  # fmt: skip
    found = outcomes(signals, bars)
    return MsgspecResponse(BacktestResponse(signals, reasons, found, summarise(signals, found)))


@router.get("/api/signals", responses=json_response(SignalsResponse), summary="Alert signals")
async def list_signals(
    user: CurrentUser,
    signals: SignalsDep,
    symbol: OptionalSymbolQuery = None,
    rule_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Only this rule")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_SIGNALS, description="Most signals")] = 100,
) -> Response:
    """The current user's signals, newest first."""
    name = normalise_symbol(symbol) if symbol else None
    found = await signals.list_signals(user=user, symbol=name, rule_id=rule_id, limit=limit)
    return MsgspecResponse(SignalsResponse(found))
