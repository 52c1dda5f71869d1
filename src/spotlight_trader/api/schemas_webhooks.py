"""Webhook request and response bodies (msgspec; in the OpenAPI document)."""

from __future__ import annotations

import msgspec

from spotlight_trader.rules.webhooks import WebhookTarget
from spotlight_trader.storage.webhooks import Delivery


class WebhookView(msgspec.Struct, frozen=True):
    """A webhook as it is shown: the secret never leaves the server (``has_secret``)."""

    url: str
    template: str
    enabled: bool
    has_secret: bool


class DeliveriesResponse(msgspec.Struct, frozen=True):
    """A rule's delivery attempts, newest first."""

    deliveries: list[Delivery]


def view(target: WebhookTarget) -> WebhookView:
    """What a route may show of ``target``."""
    return WebhookView(target.url, target.template, target.enabled, target.secret is not None)


WEBHOOK_SCHEMAS: tuple[type[msgspec.Struct], ...] = (
    WebhookTarget,
    WebhookView,
    Delivery,
    DeliveriesResponse,
)
