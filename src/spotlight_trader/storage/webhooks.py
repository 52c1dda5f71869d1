"""WebhookRepository: each user's webhook targets (per rule, or one for every rule) and the
delivery log. Every method takes ``user=``; secrets are stored, never read back by routes."""

from __future__ import annotations

import time

import msgspec
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.rules.webhooks import WebhookTarget
from spotlight_trader.storage.tables import webhook_deliveries, webhooks

MAX_DELIVERIES = 500


class Delivery(msgspec.Struct, frozen=True):
    """One attempt to deliver a signal: the HTTP status (None: no answer, see ``error``)."""

    rule_id: int
    signal_key: str
    attempt: int
    status_code: int | None
    error: str | None
    at_ms: int
    duration_ms: int


def _scope(rule_id: int | None) -> sa.ColumnElement[bool]:
    column = webhooks.c.rule_id
    return column.is_(None) if rule_id is None else column == rule_id


class WebhookRepository:
    """Webhook targets and deliveries over one engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def put(self, target: WebhookTarget, *, rule_id: int | None, user: str) -> None:
        """Set ``user``'s webhook for ``rule_id`` (None: for every rule without its own)."""
        row = {
            "user_id": user,
            "rule_id": rule_id,
            "url": target.url,
            "template": target.template,
            "secret": target.secret,
            "enabled": target.enabled,
            "updated_at_ms": int(time.time() * 1000),
        }
        async with self.engine.begin() as conn:
            await conn.execute(
                sa.delete(webhooks).where(webhooks.c.user_id == user, _scope(rule_id))
            )
            await conn.execute(sa.insert(webhooks).values(**row))

    async def get(self, *, rule_id: int | None, user: str) -> WebhookTarget | None:
        """``user``'s webhook for exactly ``rule_id`` (None: the per-user one)."""
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    sa.select(
                        webhooks.c.url, webhooks.c.template, webhooks.c.secret, webhooks.c.enabled
                    ).where(webhooks.c.user_id == user, _scope(rule_id))
                )
            ).first()
        if row is None:
            return None
        return WebhookTarget(row.url, row.template, row.secret, bool(row.enabled))

    async def delete(self, *, rule_id: int | None, user: str) -> bool:
        """Remove it; whether there was one."""
        async with self.engine.begin() as conn:
            done = await conn.execute(
                sa.delete(webhooks).where(webhooks.c.user_id == user, _scope(rule_id))
            )
        return bool(done.rowcount)

    async def target_for(self, rule_id: int, *, user: str) -> WebhookTarget | None:
        """Where ``user``'s signals of ``rule_id`` go: the rule's webhook, else the user's;
        None when neither exists or the one that applies is disabled."""
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    sa.select(
                        webhooks.c.rule_id,
                        webhooks.c.url,
                        webhooks.c.template,
                        webhooks.c.secret,
                        webhooks.c.enabled,
                    ).where(
                        webhooks.c.user_id == user,
                        sa.or_(webhooks.c.rule_id == rule_id, webhooks.c.rule_id.is_(None)),
                    )
                )
            ).all()
        chosen = next((r for r in rows if r.rule_id is not None), None) or next(iter(rows), None)
        if chosen is None or not chosen.enabled:
            return None
        return WebhookTarget(chosen.url, chosen.template, chosen.secret, True)

    async def record(self, delivery: Delivery, *, user: str) -> None:
        """Log one attempt."""
        async with self.engine.begin() as conn:
            await conn.execute(
                sa.insert(webhook_deliveries).values(user_id=user, **msgspec.to_builtins(delivery))
            )

    async def deliveries(
        self, rule_id: int, *, user: str, limit: int = MAX_DELIVERIES
    ) -> list[Delivery]:
        """``user``'s delivery attempts for ``rule_id``, newest first."""
        c = webhook_deliveries.c
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    sa.select(
                        c.rule_id,
                        c.signal_key,
                        c.attempt,
                        c.status_code,
                        c.error,
                        c.at_ms,
                        c.duration_ms,
                    )
                    .where(c.user_id == user, c.rule_id == rule_id)
                    .order_by(c.id.desc())
                    .limit(min(limit, MAX_DELIVERIES))
                )
            ).all()
        return [Delivery(*row) for row in rows]
