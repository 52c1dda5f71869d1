"""Used voice tokens: each token (its ``jti``) opens one voice session, and only for a user
that exists. Rows are kept until the token would have expired anyway, then pruned."""

from __future__ import annotations

import time

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.errors import TokenError
from spotlight_trader.storage.tables import users, voice_token_uses


class VoiceTokenLedger:
    """The coach admission's ledger of used voice tokens, in the database (so single use
    holds across processes)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def claim(self, jti: str, *, user: str, expires_at_ms: int) -> None:
        """Record the use of token ``jti`` of ``user``; :class:`TokenError` when it was used
        before or ``user`` names no account."""
        now_ms = int(time.time() * 1000)
        async with self.engine.begin() as conn:
            await conn.execute(
                voice_token_uses.delete().where(voice_token_uses.c.expires_at_ms < now_ms)
            )
            if await conn.scalar(sa.select(users.c.id).where(users.c.id == user)) is None:
                raise TokenError("voice token rejected: unknown user")
            try:
                async with conn.begin_nested():
                    await conn.execute(
                        voice_token_uses.insert().values(
                            jti=jti[:64], user_id=user, expires_at_ms=expires_at_ms
                        )
                    )
            except sa.exc.IntegrityError:
                raise TokenError("voice token already used: fetch a new one") from None
