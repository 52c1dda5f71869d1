"""Interactive Brokers Flex Query trades as CSV (Activity or Trade Confirmation Flex
Query, "Trades" section, column headers on, section codes off). Columns used:
``Symbol``, ``DateTime`` (``yyyyMMdd;HHmmss`` or ``yyyy-MM-dd;HH:mm:ss``; or ``TradeDate`` +
``TradeTime``), ``Quantity`` (signed), ``TradePrice``, and when present ``Buy/Sell``,
``IBCommission`` (negative = paid), ``Taxes``, ``IBExecID``, ``ClientAccountID``,
``AssetClass`` (only ``STK``) and ``LevelOfDetail`` (only ``EXECUTION`` rows)."""

from __future__ import annotations

import re
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

REQUIRED = ("Symbol", "Quantity", "TradePrice")
_SPLIT = re.compile(r"[;,\sT]+")


def _local(row: list[str], index: dict[str, int]) -> datetime:
    stamp = field(row, index, "datetime")
    if stamp:
        parts = _SPLIT.split(stamp, maxsplit=1)
        if len(parts) != 2:
            raise RowProblem(f"DateTime: not yyyyMMdd;HHmmss: {stamp[:30]!r}")
        return datetime.combine(parse_date(parts[0], "DateTime"), parse_time(parts[1], "DateTime"))
    return datetime.combine(
        parse_date(field(row, index, "tradedate"), "TradeDate"),
        parse_time(field(row, index, "tradetime"), "TradeTime"),
    )


def read_ibkr(records: Records) -> Iterator[Draft | RowError]:
    """Drafts from a Flex Query trades CSV (repeated header lines are skipped)."""
    first = next(records, None)
    if first is None:
        raise InputError("ibkr: the file is empty")
    header = first[1]
    index = columns_of(header, REQUIRED, "ibkr")
    if "datetime" not in index and not {"tradedate", "tradetime"} <= set(index):
        raise InputError("ibkr: missing column(s) DateTime (or TradeDate and TradeTime)")
    for line, row in records:
        if not any(v.strip() for v in row) or row == header:
            continue
        level = field(row, index, "levelofdetail").upper()
        asset = field(row, index, "assetclass").upper()
        if level and level != "EXECUTION":
            continue  # ORDER / CLOSED_LOT summary rows repeat the executions
        try:
            if asset and asset != "STK":
                raise RowProblem(f"AssetClass: only stocks (STK) are supported, got {asset[:10]!r}")
            side, qty = signed_fill(
                decimal(field(row, index, "quantity"), "Quantity"), field(row, index, "buy/sell")
            )
            commission = field(row, index, "ibcommission")
            taxes = field(row, index, "taxes")
            yield Draft(
                line=line,
                local=_local(row, index),
                symbol=symbol(field(row, index, "symbol")),
                side=side,
                quantity=qty,
                price=decimal(field(row, index, "tradeprice"), "TradePrice", positive=True),
                commission=abs(decimal(commission, "IBCommission")) if commission else ZERO,
                fees=abs(decimal(taxes, "Taxes")) if taxes else ZERO,
                exec_id=field(row, index, "ibexecid") or None,
                account=field(row, index, "clientaccountid") or None,
            )
        except RowProblem as exc:
            yield RowError(line, str(exc))


def matches_ibkr(header: list[str]) -> bool:
    """True for a Flex Query trades header."""
    names = {h.strip().lower() for h in header}
    return "tradeprice" in names and bool(
        names & {"ibexecid", "ibcommission", "clientaccountid", "buy/sell"}
    )
