"""What the fill file formats share: the reader protocol, a row's draft fill, per-row
errors and the value parsers (decimals, dates, times, sides, local time → UTC)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Protocol
from zoneinfo import ZoneInfo

import msgspec

from spotlight_trader.errors import InputError
from spotlight_trader.journal.executions import ZERO, Side
from spotlight_trader.model import normalise_symbol


class JournalFormat(StrEnum):
    """Supported fill file formats."""

    GENERIC = "generic"  # Date,Time,Symbol,Quantity,Price,Side[,Commission,Fees]
    IBKR = "ibkr"  # Interactive Brokers Flex Query, trades section as CSV
    TOS = "tos"  # thinkorswim Account Statement CSV, "Account Trade History"


class RowProblem(ValueError):
    """One row cannot be imported; the message says why (the column first, if any)."""


class RowError(msgspec.Struct, frozen=True):
    """A row that cannot be imported: its line in the file (1-based) and why."""

    line: int
    message: str


class Draft(msgspec.Struct, frozen=True):
    """One row as read: a fill in local wall-clock time (the import's time zone)."""

    line: int
    local: datetime
    symbol: str
    side: Side
    quantity: Decimal
    price: Decimal
    commission: Decimal = ZERO
    fees: Decimal = ZERO
    exec_id: str | None = None
    account: str | None = None  # the file's own account column, if it has one


Records = Iterator[tuple[int, list[str]]]  # (1-based line, CSV fields), every line


class FormatReader(Protocol):
    """How one format turns a file's CSV records into drafts."""

    def __call__(self, records: Records) -> Iterator[Draft | RowError]:
        """A draft or an error per data row (the reader finds its own header). Raises
        :class:`InputError` for a file-level problem (no header, missing columns)."""
        ...


def columns_of(header: Sequence[str], required: Sequence[str], fmt: str) -> dict[str, int]:
    """Position of each column by lower-case name; :class:`InputError` naming the missing
    required columns."""
    index = {name.strip().lower(): i for i, name in enumerate(header)}
    missing = [c for c in required if c.lower() not in index]
    if missing:
        shown = ",".join(h.strip() for h in header)[:120] or "(empty)"
        raise InputError(f"{fmt}: missing column(s) {', '.join(missing)} in header {shown!r}")
    return index


def field(row: Sequence[str], index: dict[str, int], name: str) -> str:
    """The stripped value of column ``name`` ('' if the column or the value is absent)."""
    i = index.get(name)
    return row[i].strip() if i is not None and i < len(row) else ""


def decimal(text: str, column: str, *, positive: bool = False, signed: bool = True) -> Decimal:
    """A decimal from ``text`` (thousands separators and a leading ``+`` allowed)."""
    cleaned = text.replace(",", "").replace("$", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise RowProblem(f"{column}: not a number: {text[:30]!r}") from None
    if not value.is_finite():
        raise RowProblem(f"{column}: not a finite number: {text[:30]!r}")
    if positive and value <= 0:
        raise RowProblem(f"{column}: must be positive, got {text[:30]!r}")
    if not signed and value < 0:
        raise RowProblem(f"{column}: must not be negative, got {text[:30]!r}")
    return value


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME = re.compile(r"^(\d{1,2}):?(\d{2}):?(\d{2})(?:\.(\d{1,6}))?$")


def parse_date(text: str, column: str = "Date") -> date:
    """``mm/dd/yyyy`` (or ``m/d/yy``), ``yyyy-mm-dd`` or ``yyyymmdd``; never day-first."""
    for pattern, order in ((_US_DATE, "mdy"), (_ISO_DATE, "ymd"), (_COMPACT_DATE, "ymd")):
        m = pattern.match(text.strip())
        if m is None:
            continue
        parts = dict(zip(order, (int(g) for g in m.groups()), strict=True))
        year = parts["y"] + 2000 if parts["y"] < 100 else parts["y"]
        try:
            return date(year, parts["m"], parts["d"])
        except ValueError:
            break
    raise RowProblem(f"{column}: not a date (mm/dd/yyyy or yyyy-mm-dd): {text[:30]!r}")


def parse_time(text: str, column: str = "Time") -> time:
    """``HH:MM:SS[.ffffff]`` (24-hour) or ``HHMMSS``."""
    m = _TIME.match(text.strip())
    if m is not None:
        hour, minute, second = int(m[1]), int(m[2]), int(m[3])
        micros = int((m[4] or "0").ljust(6, "0"))
        if hour < 24 and minute < 60 and second < 60:
            return time(hour, minute, second, micros)
    raise RowProblem(f"{column}: not a 24-hour time HH:MM:SS: {text[:30]!r}")


_SIDES: dict[str, Side] = {
    "b": "buy",
    "buy": "buy",
    "bc": "buy",  # buy to cover
    "bot": "buy",
    "s": "sell",
    "sell": "sell",
    "ss": "sell",  # sell short
    "sld": "sell",
}


def parse_side(text: str, column: str = "Side") -> Side:
    """``B``/``BUY``/``BC`` → buy, ``S``/``SELL``/``SS`` → sell (any case)."""
    side = _SIDES.get(text.strip().lower())
    if side is None:
        raise RowProblem(f"{column}: not a side (B, S, SS, BC): {text[:20]!r}")
    return side


def signed_fill(quantity: Decimal, side_text: str) -> tuple[Side, Decimal]:
    """Side and positive quantity from a quantity and an optional side: without a side the
    quantity's sign decides; with one, a negative quantity must agree with it."""
    if quantity == 0:
        raise RowProblem("Quantity: must not be zero")
    if not side_text:
        return ("buy" if quantity > 0 else "sell"), abs(quantity)
    side = parse_side(side_text)
    if quantity < 0 and side == "buy":
        raise RowProblem(f"Quantity: negative quantity on a {side_text.strip()} row")
    return side, abs(quantity)


def symbol(text: str) -> str:
    """A ticker (upper case)."""
    try:
        return normalise_symbol(text)
    except InputError as exc:
        raise RowProblem(f"Symbol: {exc}") from None


def to_utc_ms(local: datetime, tz: ZoneInfo) -> int:
    """The instant of a wall-clock time in ``tz``; a time the DST change skips is an error
    (an ambiguous one takes its first occurrence)."""
    aware = local.replace(tzinfo=tz)
    back = aware.astimezone(UTC).astimezone(tz)
    if back.replace(tzinfo=None) != local:
        raise RowProblem(f"Time: {local:%Y-%m-%d %H:%M:%S} does not exist in {tz.key} (DST change)")
    return (aware - _EPOCH) // timedelta(milliseconds=1)
