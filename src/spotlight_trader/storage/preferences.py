"""Each user's dashboard preferences: one JSON document per user, validated on the way in
and out by :class:`Preferences` (a stored document that no longer fits reads as the
defaults for the fields that do not)."""

from __future__ import annotations

import time
from typing import Annotated, Any, Literal

import msgspec
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.storage.tables import user_preferences

Colour = Annotated[str, msgspec.Meta(pattern=r"^#[0-9a-fA-F]{6}$")]
Voice = Literal[
    "marin", "cedar", "alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse"
]


MAX_MUTES = 100
MAX_RULE_SOUNDS = 500
RuleKey = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{1,12}$")]
Tone = Literal["chime", "bell", "blip", "off"]
MAX_ACKED = 500
SignalId = Annotated[int, msgspec.Meta(ge=0)]


class AlertMute(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Alerts of one rule (``key`` = the rule id) or one symbol kept quiet and out of the
    feed until ``until_ms`` (Unix ms)."""

    kind: Literal["rule", "symbol"]
    key: Annotated[str, msgspec.Meta(min_length=1, max_length=20)]
    until_ms: Annotated[int, msgspec.Meta(ge=0)]


class Preferences(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Coach voice and verbosity, alert sound and speech, default chart timeframe
    (minutes), candle colours, desktop notifications of alerts, each rule's alert sound (by
    rule id; unset: the chime), and the alert feed's state: mutes, the id through which the
    feed was cleared, and the alerts acknowledged after it."""

    coach_voice: Voice | None = None  # None: the server's REALTIME_VOICE
    coach_verbosity: Literal["brief", "normal", "detailed"] = "normal"
    alert_sound: bool = True
    alert_speech: bool = False
    alert_desktop: bool = False
    rule_sounds: Annotated[dict[RuleKey, Tone], msgspec.Meta(max_length=MAX_RULE_SOUNDS)] = {}
    default_timeframe: Literal[1, 5, 15] = 1
    chart_up_colour: Colour = "#22c55e"
    chart_down_colour: Colour = "#f43f5e"
    alert_mutes: Annotated[list[AlertMute], msgspec.Meta(max_length=MAX_MUTES)] = []
    alerts_cleared_through: SignalId = 0
    alerts_acked: Annotated[list[SignalId], msgspec.Meta(max_length=MAX_ACKED)] = []


def _fields(document: Any) -> Preferences:
    """The valid fields of a stored document over the defaults."""
    kept: dict[str, Any] = {}
    for name, value in (document if isinstance(document, dict) else {}).items():
        try:
            msgspec.convert({name: value}, Preferences)
        except (msgspec.ValidationError, TypeError):
            continue
        kept[name] = value
    return msgspec.convert(kept, Preferences)


class PreferencesRepository:
    """Preferences over one engine, scoped to ``user``."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def get(self, *, user: str) -> Preferences:
        """``user``'s preferences (the defaults until they save some)."""
        async with self.engine.connect() as conn:
            stored = await conn.scalar(
                sa.select(user_preferences.c.prefs).where(user_preferences.c.user_id == user)
            )
        return _fields(stored)

    async def put(self, prefs: Preferences, *, user: str) -> Preferences:
        """Replace ``user``'s preferences."""
        row = {"prefs": msgspec.to_builtins(prefs), "updated_at_ms": int(time.time() * 1000)}
        async with self.engine.begin() as conn:
            done = await conn.execute(
                user_preferences.update().where(user_preferences.c.user_id == user).values(**row)
            )
            if done.rowcount == 0:
                await conn.execute(user_preferences.insert().values(user_id=user, **row))
        return prefs
