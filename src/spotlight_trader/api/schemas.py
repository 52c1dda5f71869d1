"""Response and request bodies of the HTTP API (msgspec structs; OpenAPI is generated
from them in :mod:`.openapi`)."""

from __future__ import annotations

import msgspec

from spotlight_trader.model import Bar, Microbar


class ErrorBody(msgspec.Struct, frozen=True):
    """Every 4xx/5xx JSON body."""

    error: str
    field: str | None = None


class SymbolQuote(msgspec.Struct, frozen=True):
    """A watchlist row."""

    symbol: str
    last: float | None
    prev_close: float | None
    change: float | None
    change_pct: float | None
    last_trade_ms: int | None
    bid: float | None = None
    ask: float | None = None


class SymbolsResponse(msgspec.Struct, frozen=True):
    """``GET /api/symbols``."""

    symbols: list[SymbolQuote]


class SymbolIn(msgspec.Struct, frozen=True):
    """``POST /api/symbols`` body."""

    symbol: str


class SymbolOut(msgspec.Struct, frozen=True):
    """A symbol that was added."""

    symbol: str


class BarsResponse(msgspec.Struct, frozen=True):
    """``GET /api/bars``: oldest first."""

    symbol: str
    bars: list[Bar]


class StreamReady(msgspec.Struct, frozen=True):
    """First event of ``/stream/market``."""

    symbols: list[str]
    cursor: str


class StreamGap(msgspec.Struct, frozen=True):
    """Bars the client missed that the ring no longer holds (fetch them from /api/bars)."""

    symbol: str
    from_seq: int
    to_seq: int


class StreamStatus(msgspec.Struct, frozen=True):
    """Periodic ``status`` event: feed name and clocks (lag = server_ms - clock_ms)."""

    feed: str
    clock_ms: int | None
    server_ms: int


class Health(msgspec.Struct, frozen=True):
    """``/healthz`` and ``/readyz``."""

    status: str
    feed: str
    detail: str | None = None


class VoiceToken(msgspec.Struct, frozen=True):
    """``POST /api/voice/token``: open ``ws_path`` with subprotocols
    ``["spotlight.v1", "spotlight.token.<token>"]`` before ``expires_at_ms``."""

    token: str
    expires_at_ms: int
    ws_path: str


class VoiceStatus(msgspec.Struct, frozen=True):
    """``GET /api/voice/status``: ``reason`` says how to enable the coach when disabled."""

    enabled: bool
    reason: str | None
    model: str


API_SCHEMAS: tuple[type[msgspec.Struct], ...] = (
    Bar,
    Microbar,
    ErrorBody,
    SymbolsResponse,
    SymbolIn,
    SymbolOut,
    BarsResponse,
    StreamReady,
    StreamGap,
    StreamStatus,
    Health,
    VoiceToken,
    VoiceStatus,
)
