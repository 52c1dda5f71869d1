"""Request dependencies: what a route may use, declared in its signature.

``CurrentUser`` resolves the caller (a route that needs a user cannot forget it: the
routers that serve user data declare it for every route). ``MarketViewDep``,
``WatchlistDep`` and ``RulesControlDep`` are the market as the web side sees it,
``OptionalMarketDep`` the same or None (for the voice WebSocket, which refuses with a close
code), ``RulesDep``, ``SignalsDep``, ``JournalDep`` and ``EntriesDep`` the repositories,
``VoiceStateDep`` the voice coach's limits and counters, ``ComponentsDep`` the rest of the
composition root.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Protocol

from fastapi import Depends
from starlette.requests import HTTPConnection

from spotlight_trader.api.responses import ApiError
from spotlight_trader.api.security import LoginThrottle, current_user_id
from spotlight_trader.api.sse import StreamRegistry
from spotlight_trader.bus import Bus
from spotlight_trader.coach.admission import VoiceState
from spotlight_trader.config import Settings
from spotlight_trader.limits import ConnectionSlots, RateLimiter
from spotlight_trader.market.ring import BarRing
from spotlight_trader.market.view import MarketView, ReplayControl, WatchlistControl
from spotlight_trader.rules.changes import RulesControl
from spotlight_trader.storage.journal import JournalRepository
from spotlight_trader.storage.journal_entries import EntryRepository
from spotlight_trader.storage.preferences import PreferencesRepository
from spotlight_trader.storage.rules import RuleRepository
from spotlight_trader.storage.sessions import SessionStore
from spotlight_trader.storage.signals import SignalRepository
from spotlight_trader.storage.users import UserRepository
from spotlight_trader.storage.webhooks import WebhookRepository


class Components(Protocol):
    """What the web side uses of the composition root
    (:class:`spotlight_trader.runtime.components.Components` has it)."""

    settings: Settings
    ring: BarRing
    bus: Bus
    users: UserRepository
    sessions: SessionStore
    login: LoginThrottle
    rules: RuleRepository
    signals: SignalRepository
    journal: JournalRepository
    entries: EntryRepository
    preferences: PreferencesRepository
    webhooks: WebhookRepository
    voice: VoiceState
    stream_slots: ConnectionSlots
    write_limiter: RateLimiter
    streams: StreamRegistry
    clock_ms: Callable[[], int]


@dataclass(frozen=True)
class MarketAccess:
    """The market side as the web app reaches it (in one process: the running ingest)."""

    view: MarketView
    watchlist: WatchlistControl
    rules: RulesControl
    replay: ReplayControl | None = None


def components(conn: HTTPConnection) -> Components:
    """The composition root the app was built from."""
    found: Components = conn.app.state.components
    return found


def optional_market(conn: HTTPConnection) -> MarketAccess | None:
    """The market side, or None when this app was built without one (e.g. for the schema)."""
    access: MarketAccess | None = conn.app.state.market
    return access


def market(conn: HTTPConnection) -> MarketAccess:
    """The market side; 503 when this app was built without one."""
    access = optional_market(conn)
    if access is None:
        raise ApiError(503, "the market is not running in this process")
    return access


def market_view(access: Annotated[MarketAccess, Depends(market)]) -> MarketView:
    """The read side of the market."""
    return access.view


def watchlist_control(access: Annotated[MarketAccess, Depends(market)]) -> WatchlistControl:
    """Watchlist changes."""
    return access.watchlist


def rules_control(access: Annotated[MarketAccess, Depends(market)]) -> RulesControl:
    """Rule-change notifications to the engine."""
    return access.rules


def rule_repository(conn: HTTPConnection) -> RuleRepository:
    """Rules, versions and settings."""
    return components(conn).rules


def signal_repository(conn: HTTPConnection) -> SignalRepository:
    """Stored signals."""
    return components(conn).signals


def journal_repository(conn: HTTPConnection) -> JournalRepository:
    """Journal fills, imports and trades."""
    return components(conn).journal


def entry_repository(conn: HTTPConnection) -> EntryRepository:
    """Journal entries."""
    return components(conn).entries


def voice_state(conn: HTTPConnection) -> VoiceState:
    """The voice coach's token rate limit, connection slots and counters."""
    return components(conn).voice


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


async def limit_writes(conn: HTTPConnection) -> None:
    """Dependency of every signed-in route: at most ``WRITE_RATE_PER_MIN`` state-changing
    requests per user per minute (429 with ``Retry-After``); reads and WebSockets pass."""
    if conn.scope["type"] != "http" or conn.scope["method"] not in WRITE_METHODS:
        return
    limiter = components(conn).write_limiter
    retry_after = await limiter.hit(await current_user_id(conn))
    if retry_after is not None:
        raise ApiError(
            429,
            f"too many changes: at most {limiter.limit} per minute",
            headers={"Retry-After": str(max(1, math.ceil(retry_after)))},
        )


ComponentsDep = Annotated[Components, Depends(components)]
OptionalMarketDep = Annotated[MarketAccess | None, Depends(optional_market)]
MarketViewDep = Annotated[MarketView, Depends(market_view)]
WatchlistDep = Annotated[WatchlistControl, Depends(watchlist_control)]
RulesControlDep = Annotated[RulesControl, Depends(rules_control)]
RulesDep = Annotated[RuleRepository, Depends(rule_repository)]
SignalsDep = Annotated[SignalRepository, Depends(signal_repository)]
JournalDep = Annotated[JournalRepository, Depends(journal_repository)]
EntriesDep = Annotated[EntryRepository, Depends(entry_repository)]
VoiceStateDep = Annotated[VoiceState, Depends(voice_state)]
CurrentUser = Annotated[str, Depends(current_user_id)]
