"""Response and request bodies of the HTTP API (msgspec structs; OpenAPI is generated
from them in :mod:`.openapi`)."""

from __future__ import annotations

from typing import Annotated

import msgspec

from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.market.view import ReplayStatus
from spotlight_trader.model import SYMBOL_INPUT_PATTERN, Bar, Frequency, Microbar, Signal
from spotlight_trader.rules.expr import MAX_CHARS, ExpressionError
from spotlight_trader.rules.model import (
    MAX_DESCRIPTION,
    MAX_ID,
    MAX_NAME,
    Rule,
    RuleVersion,
    UserRuleSettings,
    VersionChange,
)
from spotlight_trader.rules.outcomes import HorizonSummary, SignalOutcome
from spotlight_trader.rules.params import ParamSpec

SymbolText = Annotated[str, msgspec.Meta(pattern=SYMBOL_INPUT_PATTERN, max_length=10)]
VersionNumber = Annotated[int, msgspec.Meta(ge=1, le=MAX_ID)]


class ErrorBody(msgspec.Struct, frozen=True):
    """Every 4xx/5xx JSON body."""

    error: str
    field: str | None = None


class SymbolQuote(msgspec.Struct, frozen=True):
    """A watchlist row. ``volume``: today's volume (New York day, extended hours included)
    over the final bars up to ``volume_seq`` (add the forming minute's volume for the live
    figure); ``rvol`` and ``gap_pct``: the rules engine's values as of the last final bar
    (none outside the regular session / before the day's first regular bar); ``notes``: why
    ``rvol`` or ``gap_pct`` is empty, e.g. "RVOL needs 3 sessions of history; 1 loaded"."""

    symbol: str
    last: float | None
    prev_close: float | None
    change: float | None
    change_pct: float | None
    last_trade_ms: int | None
    bid: float | None = None
    ask: float | None = None
    volume: float | None = None
    volume_seq: int | None = None
    rvol: float | None = None
    gap_pct: float | None = None
    notes: dict[str, str] = msgspec.field(default_factory=dict)


class SymbolsResponse(msgspec.Struct, frozen=True):
    """``GET /api/symbols``."""

    symbols: list[SymbolQuote]


class SymbolIn(msgspec.Struct, frozen=True):
    """``POST /api/symbols`` body."""

    symbol: SymbolText


class SymbolOut(msgspec.Struct, frozen=True, omit_defaults=True):
    """A symbol that was added (its history is in, see ``POST /api/symbols``): its name
    when the feed's reference data has one, and ``simulated`` when its market is made up
    by the simulator."""

    symbol: str
    name: str | None = None
    simulated: bool = False


class SymbolMatch(msgspec.Struct, frozen=True):
    """A ticker the feed's reference data offers for a search: its name when it has one,
    ``simulated`` when its market is made up, and whether it is on your watchlist."""

    symbol: str
    name: str | None
    simulated: bool
    on_watchlist: bool


class SymbolSearchResponse(msgspec.Struct, frozen=True):
    """``GET /api/symbols/search``: best match first."""

    results: list[SymbolMatch]


class ReplaySpeedIn(msgspec.Struct, frozen=True):
    """``POST /api/replay/speed`` body: replay time per wall time, or null for as fast as
    possible."""

    speed: Annotated[float, msgspec.Meta(gt=0)] | None


class ReplayJumpIn(msgspec.Struct, frozen=True):
    """``POST /api/replay/jump`` body: a New York time of day on the replayed day."""

    time: Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]


class BarsResponse(msgspec.Struct, frozen=True):
    """``GET /api/bars``: oldest first."""

    symbol: str
    bars: list[Bar]


class StudyPoint(msgspec.Struct, frozen=True):
    """The rule engine's indicators after one final 1-minute bar (``null`` while not warmed
    up; ``vwap`` only during the regular session)."""

    seq: int
    vwap: float | None
    ema9: float | None
    ema21: float | None
    rsi14: float | None


class IndicatorsResponse(msgspec.Struct, frozen=True):
    """``GET /api/indicators``: oldest first, one point per final bar of ``/api/bars``."""

    symbol: str
    points: list[StudyPoint]


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
    """``status`` event: the market's lifecycle phase (with warm-up progress ``done`` of
    ``total``), the feed name and clocks (lag = server_ms - clock_ms). Sent on connect, on
    every phase change and every 5 s."""

    feed: str
    clock_ms: int | None
    server_ms: int
    phase: Phase = Phase.LIVE
    detail: str = ""
    done: int | None = None
    total: int | None = None


class Health(msgspec.Struct, frozen=True):
    """``/healthz`` and ``/readyz``: ``status`` is ``ok``/``ready`` or, when not ready, the
    lifecycle phase (``warming``, ``reconnecting``, ``failed``, ...)."""

    status: str
    feed: str
    phase: Phase | None = None
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


class RulesResponse(msgspec.Struct, frozen=True):
    """``GET /api/rules``."""

    rules: list[Rule]


class RuleCreate(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``POST /api/rules``: a custom rule (version 1)."""

    name: Annotated[str, msgspec.Meta(max_length=MAX_NAME)]
    expression: Annotated[str, msgspec.Meta(max_length=MAX_CHARS)]
    frequency: Frequency = "once_per_bar_close"
    cooldown_s: Annotated[int, msgspec.Meta(ge=0, le=MAX_ID)] = 0
    intrabar: bool = False
    description: Annotated[str, msgspec.Meta(max_length=MAX_DESCRIPTION)] = ""
    fire_mode: str = "becomes_true"
    # your symbol scope from the start (null: the watchlist; each must be on it), so that
    # the rule never runs wider than meant between its creation and a settings change
    symbols: list[str] | None = None


class ValidateRequest(msgspec.Struct, frozen=True):
    """``POST /api/rules/validate``; with ``symbol``, also why it cannot fire there yet."""

    expression: str
    symbol: str | None = None


class ValidateResponse(msgspec.Struct, frozen=True):
    """Whether an expression is valid; where and why not; the fields it reads; why it
    cannot fire yet on the symbol asked about (e.g. "RVOL needs 3 sessions of history;
    1 loaded")."""

    ok: bool
    error: ExpressionError | None
    fields: list[str]
    reasons: list[str] = []


class Readiness(msgspec.Struct, frozen=True):
    """``GET /api/rules/{id}/readiness``: why the rule cannot fire on ``symbol`` yet
    (empty: it can)."""

    symbol: str
    reasons: list[str]


class BacktestResponse(msgspec.Struct, frozen=True):
    """``POST /api/rules/{id}/backtest``: would-be signals (oldest first, id 0) and why the
    rule could not fire by the end of the bars, if something never warmed up."""

    signals: list[Signal]
    reasons: list[str]
    outcomes: list[SignalOutcome] = []  # per signal, same order: forward returns
    summary: list[HorizonSummary] = []  # per horizon (5/15/30 min): count, hit rate, avg


class VersionsResponse(msgspec.Struct, frozen=True):
    """``GET /api/rules/{id}/versions``: newest first."""

    versions: list[RuleVersion]


class VersionCreate(VersionChange, frozen=True, forbid_unknown_fields=True):
    """``POST /api/rules/{id}/versions``: unset fields keep the latest version's value."""


class RevertRequest(msgspec.Struct, frozen=True):
    """``POST /api/rules/{id}/revert``."""

    version: VersionNumber


class BacktestRequest(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``POST /api/rules/{id}/backtest``: run a version (default: latest) over stored bars."""

    symbol: SymbolText
    version: VersionNumber | None = None
    limit: Annotated[int, msgspec.Meta(ge=1, le=MAX_ID)] | None = None


class SignalsResponse(msgspec.Struct, frozen=True):
    """``GET /api/signals`` (newest first) and backtests (oldest first, id 0)."""

    signals: list[Signal]


API_SCHEMAS: tuple[type[msgspec.Struct], ...] = (
    Bar,
    Microbar,
    Signal,
    Rule,
    RuleVersion,
    UserRuleSettings,
    ExpressionError,
    ParamSpec,
    RulesResponse,
    RuleCreate,
    ValidateRequest,
    ValidateResponse,
    VersionsResponse,
    VersionCreate,
    RevertRequest,
    BacktestRequest,
    BacktestResponse,
    Readiness,
    SignalsResponse,
    ErrorBody,
    SymbolsResponse,
    SymbolIn,
    SymbolOut,
    SymbolSearchResponse,
    ReplayStatus,
    ReplaySpeedIn,
    ReplayJumpIn,
    BarsResponse,
    IndicatorsResponse,
    StreamReady,
    StreamGap,
    StreamStatus,
    Health,
    VoiceToken,
    VoiceStatus,
)
