"""Webhooks of the current user: one per rule and one for every other rule, and each rule's
delivery log (see docs/alerts.md, "Webhooks"). The secret is write-only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.responses import Response

from spotlight_trader.api.deps import ComponentsDep, CurrentUser, RulesDep
from spotlight_trader.api.openapi import json_body, json_response
from spotlight_trader.api.responses import MsgspecResponse, decode_body, error_response
from spotlight_trader.api.schemas_webhooks import DeliveriesResponse, WebhookView, view
from spotlight_trader.api.security import current_user_id
from spotlight_trader.errors import InputError
from spotlight_trader.rules.model import MAX_ID
from spotlight_trader.rules.webhooks import WebhookTarget, check_target
from spotlight_trader.storage.webhooks import MAX_DELIVERIES

router = APIRouter(dependencies=[Depends(current_user_id)])
MAX_BODY_BYTES = 16_384
RuleId = Annotated[int, Path(ge=0, le=MAX_ID, description="Rule id")]


async def _exists(rules: RulesDep, rule_id: int, user: str) -> bool:
    try:
        await rules.get_rule(rule_id, user=user)
    except LookupError:
        return False
    return True


async def _put(
    request: Request, components: ComponentsDep, rule_id: int | None, user: str
) -> Response:
    try:
        target = check_target(await decode_body(request, WebhookTarget, MAX_BODY_BYTES))
    except InputError as exc:
        return error_response(422, str(exc), str(exc).split(":", 1)[0])
    await components.webhooks.put(target, rule_id=rule_id, user=user)
    return MsgspecResponse(view(target))


async def _get(components: ComponentsDep, rule_id: int | None, user: str) -> Response:
    target = await components.webhooks.get(rule_id=rule_id, user=user)
    if target is None:
        return error_response(404, "no webhook")
    return MsgspecResponse(view(target))


async def _delete(components: ComponentsDep, rule_id: int | None, user: str) -> Response:
    if not await components.webhooks.delete(rule_id=rule_id, user=user):
        return error_response(404, "no webhook")
    return Response(status_code=204)


@router.put(
    "/api/webhook",
    responses=json_response(WebhookView),
    openapi_extra=json_body(WebhookTarget),
    summary="Your webhook for every rule without its own",
)
async def put_user_webhook(
    request: Request, user: CurrentUser, components: ComponentsDep
) -> Response:
    """Set the URL, message template (``{{ticker}}``-style placeholders), secret and
    switch of the webhook that gets the signals of your rules without a webhook of their own."""
    return await _put(request, components, None, user)


@router.get(
    "/api/webhook", responses=json_response(WebhookView), summary="Your webhook for every rule"
)
async def get_user_webhook(user: CurrentUser, components: ComponentsDep) -> Response:
    """The per-user webhook (without its secret)."""
    return await _get(components, None, user)


@router.delete(
    "/api/webhook",
    status_code=204,
    responses={204: {"description": "Removed"}},
    summary="Remove your webhook for every rule",
)
async def delete_user_webhook(user: CurrentUser, components: ComponentsDep) -> Response:
    """Signals of rules without their own webhook are no longer sent anywhere."""
    return await _delete(components, None, user)


@router.put(
    "/api/rules/{rule_id}/webhook",
    responses=json_response(WebhookView),
    openapi_extra=json_body(WebhookTarget),
    summary="The webhook of one of your rules",
)
async def put_rule_webhook(
    request: Request, rule_id: RuleId, user: CurrentUser, rules: RulesDep, components: ComponentsDep
) -> Response:
    """This rule's signals go here instead of your per-user webhook."""
    if not await _exists(rules, rule_id, user):
        return error_response(404, f"no rule {rule_id}", "id")
    return await _put(request, components, rule_id, user)


@router.get(
    "/api/rules/{rule_id}/webhook",
    responses=json_response(WebhookView),
    summary="The webhook of one of your rules",
)
async def get_rule_webhook(
    rule_id: RuleId, user: CurrentUser, components: ComponentsDep
) -> Response:
    """The rule's own webhook (without its secret); 404 when it uses the per-user one."""
    return await _get(components, rule_id, user)


@router.delete(
    "/api/rules/{rule_id}/webhook",
    status_code=204,
    responses={204: {"description": "Removed"}},
    summary="Remove the webhook of one of your rules",
)
async def delete_rule_webhook(
    rule_id: RuleId, user: CurrentUser, components: ComponentsDep
) -> Response:
    """The rule's signals go to your per-user webhook again (if any)."""
    return await _delete(components, rule_id, user)


@router.get(
    "/api/rules/{rule_id}/webhook/deliveries",
    responses=json_response(DeliveriesResponse),
    summary="Webhook delivery log of one of your rules",
)
async def rule_deliveries(
    rule_id: RuleId,
    user: CurrentUser,
    components: ComponentsDep,
    limit: Annotated[int, Query(ge=1, le=MAX_DELIVERIES)] = 100,
) -> Response:
    """Every attempt, newest first: signal key, attempt number, HTTP status (null when the
    receiver did not answer: see ``error``), time and duration."""
    found = await components.webhooks.deliveries(rule_id, user=user, limit=limit)
    return MsgspecResponse(DeliveriesResponse(found))
