"""The generic format (Tradervue's Generic CSV, ``trading-domain.md`` §5.1):
``Date,Time,Symbol,Quantity,Price[,Side][,Commission][,Fees|TransFee|ECNFee][,Account]``
(``Account`` is ours: ``spotlight journal export --format csv`` writes it)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from spotlight_trader.errors import InputError
from spotlight_trader.journal.executions import ZERO
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

REQUIRED = ("Date", "Time", "Symbol", "Quantity", "Price")
FEE_COLUMNS = ("fees", "transfee", "ecnfee")


def read_generic(records: Records) -> Iterator[Draft | RowError]:
    """Drafts from a generic CSV (header on the first line)."""
    first = next(records, None)
    if first is None:
        raise InputError("generic: the file is empty")
    index = columns_of(first[1], REQUIRED, "generic")
    for line, row in records:
        if not any(v.strip() for v in row):
            continue
        try:
            side, qty = signed_fill(
                decimal(field(row, index, "quantity"), "Quantity"), field(row, index, "side")
            )
            fees = sum(
                (decimal(v, c, signed=False) for c in FEE_COLUMNS if (v := field(row, index, c))),
                ZERO,
            )
            commission = field(row, index, "commission")
            yield Draft(
                line=line,
                local=datetime.combine(
                    parse_date(field(row, index, "date")), parse_time(field(row, index, "time"))
                ),
                symbol=symbol(field(row, index, "symbol")),
                side=side,
                quantity=qty,
                price=decimal(field(row, index, "price"), "Price", positive=True),
                commission=decimal(commission, "Commission", signed=False) if commission else ZERO,
                fees=fees,
                account=field(row, index, "account") or None,
            )
        except RowProblem as exc:
            yield RowError(line, str(exc))


def matches_generic(header: list[str]) -> bool:
    """True for a header with most generic columns (so that a missing one is named)."""
    names = {h.strip().lower() for h in header}
    return len({c.lower() for c in REQUIRED} & names) >= 3
