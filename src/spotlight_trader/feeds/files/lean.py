"""LEAN/AlgoSeek trade tick zips: New York time of day, prices in 1/10,000 dollars, exchange
letters and condition flag masks mapped to Polygon ids (see docs/trade-files.md)."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Final
from zoneinfo import ZoneInfo

import pyarrow as pa

from spotlight_trader.errors import TradeFileError
from spotlight_trader.feeds.files.base import Cached, Malformed, Tally, TextFormat, keep_mask

LEAN_COLUMNS: Final = ("time_ms", "price", "size", "exchange", "conditions", "suspicious")
NEW_YORK: Final = ZoneInfo("America/New_York")

# LEAN exchange letter → Polygon exchange id (SIP participant letter, Polygon exchanges table).
LEAN_EXCHANGES: Final[dict[str, int]] = {
    "A": 1,
    "B": 2,
    "C": 3,
    "D": 4,
    "E": 5,
    "I": 6,
    "J": 7,
    "K": 8,
    "M": 9,
    "N": 10,
    "P": 11,
    "Q": 12,
    "T": 12,
    "S": 13,
    "L": 14,
    "V": 15,
    "W": 16,
    "X": 17,
    "Y": 18,
    "Z": 19,
    "H": 20,
    "U": 21,
}

# LEAN ``TradeConditionFlags`` bit → Polygon condition id. By name; see docs/trade-files.md.
# Bit 30 ("Undocumented") has no Polygon counterpart and is dropped (neutral).
LEAN_FLAG_CONDITIONS: Final[dict[int, int]] = {
    0: 0,  # Regular
    1: 7,  # Cash
    2: 20,  # NextDay
    3: 29,  # Seller
    4: 36,  # YellowFlag
    5: 14,  # IntermarketSweep
    6: 25,  # OpeningPrints
    7: 8,  # ClosingPrints
    8: 28,  # ReOpeningPrints
    9: 10,  # DerivativelyPriced
    10: 12,  # FormT
    11: 32,  # Sold (SIP "Z": sold out of sequence)
    12: 27,  # Stopped (Stopped Stock)
    13: 12,  # ExtendedHours (Form T: extended-hours print)
    14: 32,  # OutOfSequence
    15: 34,  # Split
    16: 1,  # Acquisition
    17: 4,  # Bunched
    18: 35,  # StockOption
    19: 11,  # Distribution
    20: 2,  # AveragePrice
    21: 9,  # Cross
    22: 21,  # PriceVariation
    23: 23,  # Rule155
    24: 15,  # OfficialClose
    25: 22,  # PriorReferencePrice
    26: 16,  # OfficialOpen
    27: 6,  # CapElection
    28: 3,  # AutoExecution
    29: 41,  # TradeThroughExempt
    31: 37,  # OddLot
}


def lean_conditions(mask: int) -> tuple[int, ...]:
    """Polygon condition ids for a LEAN ``TradeConditionFlags`` bit mask (sorted, unique)."""
    ids = {cid for bit, cid in LEAN_FLAG_CONDITIONS.items() if mask >> bit & 1}
    return tuple(sorted(ids))


def _parse_conditions(text: str) -> tuple[int, ...]:
    text = text.strip()
    try:
        mask = int(text, 16) if text else 0
    except ValueError:
        raise Malformed(f"bad condition mask {text!r}") from None
    if mask < 0 or mask >= 1 << 32:
        raise Malformed(f"bad condition mask {text!r}")
    return lean_conditions(mask)


def lean_midnight_offsets_ms(day: date) -> list[int]:
    """For each hour 0..23 of ``day``: Unix ms of New York local midnight plus the UTC offset
    in force at that wall-clock hour, so ``utc_ms = table[ms // 3_600_000] + ms``.

    An hour that does not exist or repeats on a DST change takes the first (fold=0) offset.
    """
    midnight_naive = datetime(day.year, day.month, day.day)
    epoch = datetime(1970, 1, 1)
    table: list[int] = []
    for hour in range(24):
        wall = midnight_naive + timedelta(hours=hour)
        offset = wall.replace(tzinfo=NEW_YORK).utcoffset()
        assert offset is not None
        local_ms = (midnight_naive - epoch) // timedelta(milliseconds=1)
        table.append(local_ms - offset // timedelta(milliseconds=1))
    return table


_MEMBER: Final = re.compile(r"(?:^|/)(\d{8})_([^_/]+)_trade_tick\.csv$", re.IGNORECASE)
_ZIP_NAME: Final = re.compile(r"^(\d{8})_trade\.zip$", re.IGNORECASE)


def lean_member(path: Path) -> tuple[str, date, str]:
    """(member name, trading date, symbol) of a LEAN trade tick zip."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise TradeFileError(f"{path}: not a readable zip file: {exc}") from exc
    for name in names:
        match = _MEMBER.search(name)
        if match:
            day = _parse_date(match.group(1), path)
            return name, day, match.group(2).upper()
    zip_match = _ZIP_NAME.match(path.name)
    csvs = [name for name in names if name.lower().endswith(".csv")]
    if zip_match and len(csvs) == 1 and "minute" not in csvs[0].lower():
        return csvs[0], _parse_date(zip_match.group(1), path), path.parent.name.upper()
    raise TradeFileError(
        f"{path}: zip holds no LEAN trade tick CSV (found {', '.join(names[:5]) or 'nothing'}); "
        "only tick files such as 20131007_spy_Trade_Tick.csv are supported"
    )


def _parse_date(text: str, path: Path) -> date:
    try:
        return datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        raise TradeFileError(f"{path}: bad date {text!r} in LEAN file name") from None


class LeanTicks(TextFormat):
    """The tick CSV of one symbol and day (no header); a suspicious row is skipped."""

    header = False
    columns = LEAN_COLUMNS
    symbol_column = None
    ts_column = "time_ms"
    conditions = Cached(_parse_conditions)
    price_scale = 10_000
    exchange_ids = LEAN_EXCHANGES

    def __init__(self, day: date, symbol: str) -> None:
        self.symbol = symbol
        self._offsets = lean_midnight_offsets_ms(day)

    def keep(self, batch: pa.RecordBatch, tally: Tally) -> list[bool] | None:
        """Rows LEAN does not mark suspicious."""
        return keep_mask(batch.column("suspicious"), tally, ("0",), _is_one)

    def timestamps(self, values: list[int]) -> list[int]:
        """Milliseconds since New York midnight → Unix ms."""
        if values and (min(values) < 0 or max(values) >= 86_400_000):
            raise Malformed("time of day out of range")
        offsets = self._offsets
        return [offsets[ms // 3_600_000] + ms for ms in values]


def _is_one(text: str) -> bool:
    return text == "1"
