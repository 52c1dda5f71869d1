"""thinkorswim Account Statement CSV (Monitor → Account Statement → Export to File): the
"Account Trade History" section, header
``,Exec Time,Spread,Side,Qty,Pos Effect,Symbol,Exp,Strike,Type,Price,Net Price,Order Type``,
ended by a blank line. ``Exec Time`` is ``M/D/YY HH:MM:SS``; ``Qty`` is signed; only
``STOCK`` and ``ETF`` rows are read. The section carries no commissions (the statement's
cash section does), so they import as zero."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from spotlight_trader.errors import InputError
from spotlight_trader.journal.formats.base import (
    Draft,
    Records,
    RowError,
    RowProblem,
    columns_of,
    decimal,
    field,
    parse_date,
    parse_time,
    signed_fill,
    symbol,
)

SECTION = "account trade history"
REQUIRED = ("Exec Time", "Side", "Qty", "Symbol", "Type", "Price")


def read_tos(records: Records) -> Iterator[Draft | RowError]:
    """Drafts from the statement's trade history section."""
    for _, row in records:
        if [v.strip().lower() for v in row if v.strip()] == [SECTION]:
            break
    else:
        raise InputError("tos: no 'Account Trade History' section in the file")
    head = next(records, None)
    if head is None:
        raise InputError("tos: the 'Account Trade History' section has no header")
    index = columns_of(head[1], REQUIRED, "tos")
    last_time = ""
    for line, row in records:
        if not any(v.strip() for v in row):
            return  # the section ends at a blank line
        stamp = field(row, index, "exec time") or last_time  # later legs of a spread
        last_time = stamp
        try:
            kind = field(row, index, "type").upper()
            if kind not in {"STOCK", "ETF"}:
                raise RowProblem(f"Type: only STOCK and ETF are supported, got {kind[:10]!r}")
            day, _, clock = stamp.partition(" ")
            side, qty = signed_fill(
                decimal(field(row, index, "qty"), "Qty"), field(row, index, "side")
            )
            yield Draft(
                line=line,
                local=datetime.combine(
                    parse_date(day, "Exec Time"), parse_time(clock, "Exec Time")
                ),
                symbol=symbol(field(row, index, "symbol")),
                side=side,
                quantity=qty,
                price=decimal(field(row, index, "price"), "Price", positive=True),
            )
        except RowProblem as exc:
            yield RowError(line, str(exc))


def is_tos(lines: list[list[str]]) -> bool:
    """True if one of ``lines`` opens the trade history section."""
    return any([v.strip().lower() for v in row if v.strip()] == [SECTION] for row in lines)
