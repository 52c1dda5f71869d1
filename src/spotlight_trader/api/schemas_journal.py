"""Bodies of the journal API (``/api/journal/...``). Money, prices and quantities are
exact decimals encoded as strings."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import msgspec

from spotlight_trader.journal.entries import Entry, EntryVersion
from spotlight_trader.journal.excursion import Excursion
from spotlight_trader.journal.recap import Recap, RuleActivity
from spotlight_trader.journal.stats import Bucket, EquityPoint, Stats


class RowIssue(msgspec.Struct, frozen=True):
    """A row of an import that cannot be imported (or a warning about it)."""

    line: int
    message: str


class FillOut(msgspec.Struct, frozen=True):
    """One execution. ``id`` is 0 in a preview (not stored yet)."""

    id: int
    account: str
    symbol: str
    ts_ms: int
    side: Literal["buy", "sell"]
    quantity: Decimal
    price: Decimal
    commission: Decimal
    fees: Decimal
    key: str


class ImportResponse(msgspec.Struct, frozen=True):
    """``POST /api/journal/imports``: the preview (the first 500 fills), and what was stored
    (nothing when ``preview`` or when there are errors)."""

    format: str
    rows: int
    preview: bool
    ok: bool
    fill_count: int
    fills: list[FillOut]
    error_count: int
    errors: list[RowIssue]
    warnings: list[RowIssue]
    added: int
    already_stored: int
    import_id: int | None
    trades: int


class LegOut(msgspec.Struct, frozen=True):
    """The part of one execution in a trade."""

    execution_id: int
    ts_ms: int
    role: Literal["entry", "exit"]
    quantity: Decimal
    price: Decimal
    cost: Decimal


class TradeOut(msgspec.Struct, frozen=True):
    """A round trip. ``day`` is the New York day of its close (or open, while open)."""

    id: int
    account: str
    symbol: str
    direction: Literal["long", "short"]
    opened_ms: int
    closed_ms: int | None
    day: str
    entry_quantity: Decimal
    exit_quantity: Decimal
    entry_vwap: Decimal
    exit_vwap: Decimal | None
    max_position: Decimal
    gross_pnl: Decimal
    costs: Decimal
    net_pnl: Decimal
    stop: Decimal | None
    r_multiple: Decimal | None
    tags: list[str]
    legs: list[LegOut]


class TradesResponse(msgspec.Struct, frozen=True):
    """``GET /api/journal/trades``: newest first."""

    trades: list[TradeOut]


class TradeMetaIn(msgspec.Struct, frozen=True):
    """``PUT /api/journal/trades/{id}``: the initial stop (for R) and tags."""

    stop: Decimal | None = None
    tags: list[str] = []


class FillIn(msgspec.Struct, frozen=True):
    """A fill entered by hand (``ts_ms`` UTC)."""

    symbol: str
    ts_ms: int
    side: Literal["buy", "sell"]
    quantity: Decimal
    price: Decimal
    account: str = "default"
    commission: Decimal = Decimal(0)
    fees: Decimal = Decimal(0)


class FillsIn(msgspec.Struct, frozen=True):
    """``POST /api/journal/fills``: one fill, or a whole trade as its fills."""

    fills: list[FillIn]


class FillsOut(msgspec.Struct, frozen=True):
    """Stored fills."""

    added: int


class EntryIn(msgspec.Struct, frozen=True):
    """``POST /api/journal/entries``: Markdown; ``day`` defaults to today in New York."""

    body: str
    day: str | None = None
    trade_ids: list[int] = []
    signal_ids: list[int] = []
    tags: list[str] = []


class EntryEdit(msgspec.Struct, frozen=True):
    """``PUT /api/journal/entries/{id}`` (autosave): the new text; links kept if omitted."""

    body: str
    trade_ids: list[int] | None = None
    signal_ids: list[int] | None = None


class EntriesResponse(msgspec.Struct, frozen=True):
    """Entries, newest first (search: best first)."""

    entries: list[Entry]


class HistoryResponse(msgspec.Struct, frozen=True):
    """Earlier versions of an entry, oldest first."""

    versions: list[EntryVersion]


class InsightsResponse(msgspec.Struct, frozen=True):
    """Rule-based sentences about the filtered trades."""

    insights: list[str]


JOURNAL_SCHEMAS: tuple[type[msgspec.Struct], ...] = (
    RowIssue,
    FillOut,
    ImportResponse,
    LegOut,
    TradeOut,
    TradesResponse,
    TradeMetaIn,
    FillIn,
    FillsIn,
    FillsOut,
    EntryIn,
    EntryEdit,
    Entry,
    EntryVersion,
    EntriesResponse,
    HistoryResponse,
    Stats,
    Bucket,
    EquityPoint,
    Recap,
    RuleActivity,
    InsightsResponse,
    Excursion,
)
