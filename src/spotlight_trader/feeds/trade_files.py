"""Trade files → :class:`~spotlight_trader.model.Trade`: the project's own format, Polygon flat
files and LEAN/AlgoSeek tick zips. Formats, units and the condition mapping are documented in
``docs/trade-files.md``.

Reading is streamed in batches of a few tens of thousands of rows (pyarrow's CSV and Parquet
readers). Every column is first read as text; a batch is converted with vectorised casts and
falls back to a row-by-row parse only when one of its rows is malformed. A malformed row is
counted in :attr:`TradeFileReader.malformed` and skipped; a file that cannot be opened or
recognised raises :class:`~spotlight_trader.errors.TradeFileError`.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, Final
from zoneinfo import ZoneInfo

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from spotlight_trader.errors import TradeFileError
from spotlight_trader.model import Trade

ProgressHook = Callable[[int, int], None]
"""``on_progress(rows_done, rows_total)``; ``rows_total`` is an estimate until the end."""

NATIVE_COLUMNS: Final = ("symbol", "ts_ms", "price", "size", "conditions", "exchange")
POLYGON_COLUMNS: Final = (
    "ticker",
    "conditions",
    "correction",
    "exchange",
    "id",
    "participant_timestamp",
    "price",
    "sequence_number",
    "sip_timestamp",
    "size",
    "tape",
    "trf_id",
    "trf_timestamp",
)
LEAN_COLUMNS: Final = ("time_ms", "price", "size", "exchange", "conditions", "suspicious")

NEW_YORK: Final = ZoneInfo("America/New_York")
_BLOCK_BYTES: Final = 1 << 20
_MAGIC_GZIP: Final = b"\x1f\x8b"
_MAGIC_ZIP: Final = b"PK\x03\x04"
_MAGIC_PARQUET: Final = b"PAR1"

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


class TradeFormat(StrEnum):
    """Supported trade file formats."""

    CSV = "csv"  # project format, CSV (optionally .gz)
    PARQUET = "parquet"  # project format, Parquet
    POLYGON = "polygon"  # Polygon/Massive flat-file trades CSV (optionally .gz)
    LEAN = "lean"  # LEAN/AlgoSeek trade tick zip


class _Malformed(ValueError):
    """One row could not be parsed."""


# ---------------------------------------------------------------------- small parsers


def lean_conditions(mask: int) -> tuple[int, ...]:
    """Polygon condition ids for a LEAN ``TradeConditionFlags`` bit mask (sorted, unique)."""
    ids = {cid for bit, cid in LEAN_FLAG_CONDITIONS.items() if mask >> bit & 1}
    return tuple(sorted(ids))


def _split_ints(text: str, pattern: re.Pattern[str]) -> tuple[int, ...]:
    text = text.strip()
    if not text:
        return ()
    try:
        return tuple(int(part) for part in pattern.split(text) if part)
    except ValueError:
        raise _Malformed(f"bad condition list {text!r}") from None


_NATIVE_SEP: Final = re.compile(r"[\s|]+")
_POLYGON_SEP: Final = re.compile(r"[\s,]+")


def _native_conditions(text: str) -> tuple[int, ...]:
    return _split_ints(text, _NATIVE_SEP)


def _polygon_conditions(text: str) -> tuple[int, ...]:
    return _split_ints(text.strip("[]"), _POLYGON_SEP)


def _lean_conditions(text: str) -> tuple[int, ...]:
    text = text.strip()
    try:
        mask = int(text, 16) if text else 0
    except ValueError:
        raise _Malformed(f"bad condition mask {text!r}") from None
    if mask < 0 or mask >= 1 << 32:
        raise _Malformed(f"bad condition mask {text!r}")
    return lean_conditions(mask)


def _finite(value: Any) -> float:
    if isinstance(value, bool) or value is None:
        raise _Malformed(f"not a number: {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise _Malformed(f"not a finite number: {value!r}")
    return number


def _opt_int(value: str) -> int:
    value = value.strip()
    return int(value) if value else 0


class _Cached:
    """Memoise a text → value parser (conditions repeat a lot); failures are not cached."""

    __slots__ = ("_cache", "_parse")

    def __init__(self, parse: Callable[[str], tuple[int, ...]]) -> None:
        self._parse = parse
        self._cache: dict[str, tuple[int, ...]] = {}

    def __call__(self, text: str) -> tuple[int, ...]:
        value = self._cache.get(text)
        if value is None:
            value = self._parse(text)
            if len(self._cache) < 100_000:
                self._cache[text] = value
        return value

    def many(self, texts: Iterable[str]) -> list[tuple[int, ...]]:
        cache = self._cache
        get = cache.get
        out: list[tuple[int, ...]] = []
        append = out.append
        for text in texts:
            value = get(text)
            if value is None:
                value = self(text)
            append(value)
        return out


# ---------------------------------------------------------------------- format detection


def _open_text_head(path: Path, n: int = 4096) -> bytes:
    try:
        with path.open("rb") as fh:
            head = fh.read(n)
            if head.startswith(_MAGIC_GZIP):
                fh.seek(0)
                with gzip.open(fh) as gz:
                    return gz.read(n)
            return head
    except (OSError, EOFError) as exc:
        raise TradeFileError(f"{path}: cannot read: {exc}") from exc


def _header_fields(head: bytes) -> list[str]:
    line = head.splitlines()[0] if head else b""
    text = line.decode("utf-8-sig", errors="replace")
    return [field.strip().lower() for field in next(csv.reader([text]), [])]


_LEAN_MEMBER: Final = re.compile(r"(?:^|/)(\d{8})_([^_/]+)_trade_tick\.csv$", re.IGNORECASE)
_LEAN_ZIP_NAME: Final = re.compile(r"^(\d{8})_trade\.zip$", re.IGNORECASE)


def detect_format(path: str | Path) -> TradeFormat:
    """The format of ``path``, from its content (magic bytes, CSV header, zip member names).

    Raises :class:`TradeFileError` if the file is missing, unreadable or of no known format.
    """
    path = Path(path)
    if not path.is_file():
        raise TradeFileError(f"{path}: no such file")
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise TradeFileError(f"{path}: cannot read: {exc}") from exc
    if magic == _MAGIC_PARQUET:
        return TradeFormat.PARQUET
    if magic == _MAGIC_ZIP:
        _lean_member(path)  # raises with a clear message when it is not a LEAN tick zip
        return TradeFormat.LEAN
    fields = _header_fields(_open_text_head(path))
    if fields[:1] == ["ticker"] and "sip_timestamp" in fields:
        return TradeFormat.POLYGON
    if {"symbol", "ts_ms", "price", "size"} <= set(fields):
        return TradeFormat.CSV
    shown = ",".join(fields)[:120] if fields else "(empty)"
    raise TradeFileError(
        f"{path}: unknown trade file format (header {shown!r}); expected the project CSV "
        f"({','.join(NATIVE_COLUMNS)}), Parquet, a Polygon flat-file CSV or a LEAN tick zip"
    )


def _lean_member(path: Path) -> tuple[str, date, str]:
    """(member name, trading date, symbol) of a LEAN trade tick zip."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise TradeFileError(f"{path}: not a readable zip file: {exc}") from exc
    for name in names:
        match = _LEAN_MEMBER.search(name)
        if match:
            day = _parse_date(match.group(1), path)
            return name, day, match.group(2).upper()
    zip_match = _LEAN_ZIP_NAME.match(path.name)
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


# ---------------------------------------------------------------------- reader


class TradeFileReader:
    """Streams the trades of one file. Counters are reset at the start of every pass.

    * ``rows`` — data rows read so far (header excluded; malformed and skipped included)
    * ``trades`` — trades yielded
    * ``malformed`` — rows that could not be parsed (skipped)
    * ``skipped`` — well-formed rows left out on purpose (Polygon corrections, LEAN suspicious)
    * ``total_bytes`` — size of the file on disk

    ``on_progress(rows_done, rows_total)`` is called after every batch and once at the end
    (then with ``rows_done == rows_total``). ``rows_total`` comes from :meth:`count_rows`.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        format: TradeFormat | None = None,
        symbol: str | None = None,
        on_progress: ProgressHook | None = None,
        block_bytes: int = _BLOCK_BYTES,
    ) -> None:
        self.path = Path(path)
        self.format = format if format is not None else detect_format(self.path)
        try:
            self.total_bytes = self.path.stat().st_size
        except OSError as exc:
            raise TradeFileError(f"{self.path}: cannot read: {exc}") from exc
        self.on_progress = on_progress
        self._symbol_override = symbol.upper() if symbol else None
        self._block_bytes = block_bytes
        self._total_rows: int | None = None
        self.rows = 0
        self.trades = 0
        self.malformed = 0
        self.skipped = 0
        self.lean_date: date | None = None
        self.lean_symbol: str | None = None
        if self.format is TradeFormat.LEAN:
            self._lean_name, self.lean_date, self.lean_symbol = _lean_member(self.path)
            if self._symbol_override:
                self.lean_symbol = self._symbol_override

    # ------------------------------------------------------------ public

    def count_rows(self) -> int:
        """Number of data rows (a line count for text formats; cached)."""
        if self._total_rows is None:
            self._total_rows = self._count_rows()
        return self._total_rows

    def __iter__(self) -> Iterator[Trade]:
        for batch in self.batches():
            yield from batch

    def batches(self) -> Iterator[list[Trade]]:
        """Yield trades in file order, one list per block of the file."""
        self.rows = self.trades = self.malformed = self.skipped = 0
        total = self.count_rows() if self.on_progress is not None else 0
        try:
            for batch in self._batches():
                self.trades += len(batch)
                if self.on_progress is not None:
                    self.on_progress(self.rows, max(total, self.rows))
                if batch:
                    yield batch
        except (OSError, EOFError, zipfile.BadZipFile, pa.ArrowException) as exc:
            raise TradeFileError(f"{self.path}: read failed after {self.rows} rows: {exc}") from exc
        self._total_rows = self.rows
        if self.on_progress is not None:
            self.on_progress(self.rows, self.rows)

    # ------------------------------------------------------------ internals

    def _open_binary(self) -> io.BufferedIOBase | io.RawIOBase:
        if self.format is TradeFormat.LEAN:
            zf = zipfile.ZipFile(self.path)
            return _ZipMember(zf, self._lean_name)
        fh = self.path.open("rb")
        if fh.read(2) == _MAGIC_GZIP:
            fh.seek(0)
            return gzip.GzipFile(fileobj=fh, mode="rb")  # closes only itself; fh via GC
        fh.seek(0)
        return fh

    def _count_rows(self) -> int:
        if self.format is TradeFormat.PARQUET:
            try:
                return int(pq.ParquetFile(self.path).metadata.num_rows)
            except (OSError, pa.ArrowException) as exc:
                raise TradeFileError(f"{self.path}: not a readable Parquet file: {exc}") from exc
        lines = 0
        last = b"\n"
        try:
            with self._open_binary() as fh:
                while chunk := fh.read(1 << 22):
                    lines += chunk.count(b"\n")
                    last = chunk[-1:]
        except (OSError, EOFError, zipfile.BadZipFile) as exc:
            raise TradeFileError(f"{self.path}: cannot read: {exc}") from exc
        if last != b"\n":
            lines += 1
        has_header = self.format is not TradeFormat.LEAN
        return max(0, lines - (1 if has_header else 0))

    def _batches(self) -> Iterator[list[Trade]]:
        if self.format is TradeFormat.PARQUET:
            yield from self._parquet_batches()
            return
        if self.format is TradeFormat.LEAN:
            convert = self._lean_batch
            names: Sequence[str] | None = LEAN_COLUMNS
        elif self.format is TradeFormat.POLYGON:
            convert = self._polygon_batch
            names = None
        else:
            convert = self._native_batch
            names = None
        with self._open_binary() as fh:
            reader = self._csv_reader(fh, names)
            for record_batch in reader:
                yield convert(record_batch)

    def _csv_reader(self, fh: io.BufferedIOBase | io.RawIOBase, names: Sequence[str] | None) -> Any:
        def invalid_row(row: Any) -> str:
            self.rows += 1
            self.malformed += 1
            return "skip"

        read_options = pacsv.ReadOptions(
            block_size=self._block_bytes,
            column_names=list(names) if names is not None else None,
            use_threads=True,
        )
        try:
            header = None if names is not None else self._read_header(fh)
        except UnicodeDecodeError as exc:
            raise TradeFileError(f"{self.path}: header is not text: {exc}") from exc
        if header is not None:
            read_options = pacsv.ReadOptions(
                block_size=self._block_bytes, column_names=header, use_threads=True
            )
        all_names = list(names) if names is not None else header or []
        convert_options = pacsv.ConvertOptions(
            column_types={name: pa.string() for name in all_names},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        )
        parse_options = pacsv.ParseOptions(invalid_row_handler=invalid_row)
        try:
            return pacsv.open_csv(
                fh,
                read_options=read_options,
                parse_options=parse_options,
                convert_options=convert_options,
            )
        except pa.ArrowInvalid as exc:
            if "Empty CSV file" in str(exc):
                return iter(())
            raise TradeFileError(f"{self.path}: not a readable CSV file: {exc}") from exc

    def _read_header(self, fh: io.BufferedIOBase | io.RawIOBase) -> list[str]:
        line = fh.readline()
        fields = [f.strip().lower() for f in next(csv.reader([line.decode("utf-8-sig")]), [])]
        required = (
            ("ticker", "sip_timestamp", "price", "size")
            if self.format is TradeFormat.POLYGON
            else ("symbol", "ts_ms", "price", "size")
        )
        missing = [name for name in required if name not in fields]
        if missing:
            raise TradeFileError(f"{self.path}: header lacks column(s) {', '.join(missing)}")
        # duplicate or empty names would confuse the reader; make them unique
        seen: dict[str, int] = {}
        unique = []
        for name in fields:
            n = seen.get(name, 0)
            seen[name] = n + 1
            unique.append(name if n == 0 else f"{name}.{n}")
        return unique

    # --- per format -------------------------------------------------------
    # Note: nothing here builds Arrow arrays or scalars from Python objects, nor calls
    # ``to_numpy``: those paths import pandas when it is installed (a second of start-up).
    # Arithmetic and filtering happen on Python lists instead.

    def _native_batch(self, rb: pa.RecordBatch) -> list[Trade]:
        cols = rb.schema.names
        return self._convert(
            rb,
            symbol_col=rb.column(cols.index("symbol")),
            ts_col=rb.column(cols.index("ts_ms")),
            ts_fn=None,
            price_col=rb.column(cols.index("price")),
            size_col=rb.column(cols.index("size")),
            cond_col=rb.column(cols.index("conditions")) if "conditions" in cols else None,
            exch_col=rb.column(cols.index("exchange")) if "exchange" in cols else None,
            parse_cond=_NATIVE_COND,
            keep=None,
        )

    def _polygon_batch(self, rb: pa.RecordBatch) -> list[Trade]:
        cols = rb.schema.names
        keep: list[bool] | None = None
        if "correction" in cols:
            corr = rb.column(cols.index("correction"))
            if _has_other_than(corr, ("", "0")):
                keep = []
                for text in corr.to_pylist():
                    text = text.strip()
                    if text in ("", "0"):
                        keep.append(True)
                        continue
                    keep.append(False)
                    if text.isdigit():
                        self.skipped += 1
                    else:
                        self.malformed += 1
        return self._convert(
            rb,
            symbol_col=rb.column(cols.index("ticker")),
            ts_col=rb.column(cols.index("sip_timestamp")),
            ts_fn=_ns_to_ms,
            price_col=rb.column(cols.index("price")),
            size_col=rb.column(cols.index("size")),
            cond_col=rb.column(cols.index("conditions")) if "conditions" in cols else None,
            exch_col=rb.column(cols.index("exchange")) if "exchange" in cols else None,
            parse_cond=_POLYGON_COND,
            keep=keep,
        )

    def _lean_batch(self, rb: pa.RecordBatch) -> list[Trade]:
        assert self.lean_date is not None and self.lean_symbol is not None
        offsets = lean_midnight_offsets_ms(self.lean_date)
        keep: list[bool] | None = None
        susp = rb.column(5)
        if _has_other_than(susp, ("0",)):
            keep = []
            for text in susp.to_pylist():
                text = text.strip()
                keep.append(text == "0")
                if text == "1":
                    self.skipped += 1  # LEAN marks it suspicious: left out on purpose
                elif text != "0":
                    self.malformed += 1

        def to_utc(times: list[int]) -> list[int]:
            if times and (min(times) < 0 or max(times) >= 86_400_000):
                raise _Malformed("time of day out of range")
            return [offsets[ms // 3_600_000] + ms for ms in times]

        return self._convert(
            rb,
            symbol_col=None,
            ts_col=rb.column(0),
            ts_fn=to_utc,
            price_col=rb.column(1),
            size_col=rb.column(2),
            cond_col=rb.column(4),
            exch_col=rb.column(3),
            parse_cond=_LEAN_COND,
            keep=keep,
            price_scale=10_000,
            exchange_letters=True,
        )

    def _convert(
        self,
        rb: pa.RecordBatch,
        *,
        symbol_col: pa.Array | None,
        ts_col: pa.Array,
        ts_fn: Callable[[list[int]], list[int]] | None,
        price_col: pa.Array,
        size_col: pa.Array,
        cond_col: pa.Array | None,
        exch_col: pa.Array | None,
        parse_cond: _Cached,
        keep: list[bool] | None,
        price_scale: int = 0,
        exchange_letters: bool = False,
    ) -> list[Trade]:
        """Text columns → trades. Vectorised; row by row if any row of the batch is bad.

        ``price_scale`` > 0 means prices are integers in units of 1/price_scale dollars.
        """
        n = rb.num_rows
        self.rows += n
        try:
            if symbol_col is None:
                assert self.lean_symbol is not None
                symbols: list[str] = [self.lean_symbol] * n
            else:
                upper = pc.utf8_upper(pc.utf8_trim_whitespace(symbol_col))
                if n and pc.min(pc.utf8_length(upper)).as_py() == 0:
                    raise _Malformed("empty symbol")
                symbols = upper.to_pylist()
            ts = ts_col.cast(pa.int64()).to_pylist()
            if ts_fn is not None:
                ts = ts_fn(ts)
            if price_scale:
                scale = float(price_scale)
                prices = [p / scale for p in price_col.cast(pa.int64()).to_pylist()]
            else:
                prices = _finite_floats(price_col)
            sizes = _finite_floats(size_col)
            conds = parse_cond.many(cond_col.to_pylist()) if cond_col is not None else [()] * n
            if exch_col is None:
                exchanges = [0] * n
            elif exchange_letters:
                get = LEAN_EXCHANGES.get
                exchanges = [get(x, 0) for x in exch_col.to_pylist()]
            elif n and pc.min(pc.utf8_length(exch_col)).as_py() == 0:
                exchanges = [_opt_int(x) for x in exch_col.to_pylist()]
            else:
                exchanges = exch_col.cast(pa.int64()).to_pylist()
        except (pa.ArrowInvalid, ValueError):
            return self._slow(
                rb,
                symbol_col,
                ts_col,
                ts_fn,
                price_col,
                size_col,
                cond_col,
                exch_col,
                parse_cond,
                keep,
                price_scale,
                exchange_letters,
            )
        trades = list(map(Trade, symbols, ts, prices, sizes, conds, exchanges))
        if keep is not None:
            trades = [t for t, k in zip(trades, keep, strict=True) if k]
        return trades

    def _slow(
        self,
        rb: pa.RecordBatch,
        symbol_col: pa.Array | None,
        ts_col: pa.Array,
        ts_fn: Callable[[list[int]], list[int]] | None,
        price_col: pa.Array,
        size_col: pa.Array,
        cond_col: pa.Array | None,
        exch_col: pa.Array | None,
        parse_cond: _Cached,
        keep: list[bool] | None,
        price_scale: int,
        exchange_letters: bool,
    ) -> list[Trade]:
        """Row-by-row parse with the same rules; used when a batch has a bad row."""
        n = rb.num_rows
        symbols = symbol_col.to_pylist() if symbol_col is not None else [self.lean_symbol] * n
        ts_l = ts_col.to_pylist()
        prices = price_col.to_pylist()
        sizes = size_col.to_pylist()
        conds = cond_col.to_pylist() if cond_col is not None else [""] * n
        exchanges = exch_col.to_pylist() if exch_col is not None else [""] * n
        out: list[Trade] = []
        for i in range(n):
            if keep is not None and not keep[i]:
                continue  # counted as skipped or malformed already
            try:
                symbol = str(symbols[i]).strip().upper()
                if not symbol:
                    raise _Malformed("empty symbol")
                raw_ts = int(ts_l[i])
                ts = ts_fn([raw_ts])[0] if ts_fn else raw_ts
                raw_price = prices[i]
                price = int(raw_price) / float(price_scale) if price_scale else _finite(raw_price)
                if exchange_letters:
                    exchange = LEAN_EXCHANGES.get(exchanges[i], 0)
                else:
                    exchange = _opt_int(exchanges[i])
                out.append(
                    Trade(symbol, ts, price, _finite(sizes[i]), parse_cond(conds[i]), exchange)
                )
            except (ValueError, OverflowError):
                self.malformed += 1
        return out

    def _parquet_batches(self) -> Iterator[list[Trade]]:
        try:
            pf = pq.ParquetFile(self.path)
        except (OSError, pa.ArrowException) as exc:
            raise TradeFileError(f"{self.path}: not a readable Parquet file: {exc}") from exc
        names = [name.lower() for name in pf.schema_arrow.names]
        missing = [c for c in ("symbol", "ts_ms", "price", "size") if c not in names]
        if missing:
            raise TradeFileError(f"{self.path}: Parquet file lacks column(s) {', '.join(missing)}")
        columns = [pf.schema_arrow.names[names.index(c)] for c in NATIVE_COLUMNS if c in names]
        for rb in pf.iter_batches(batch_size=65_536, columns=columns):
            yield self._parquet_batch(rb.rename_columns([c.lower() for c in rb.schema.names]))

    def _parquet_batch(self, rb: pa.RecordBatch) -> list[Trade]:
        """Typed columns (any int/float/string type; conditions as text or list of ints)."""
        n = rb.num_rows
        self.rows += n
        cols = {name: rb.column(name) for name in rb.schema.names}

        def values(name: str, default: object) -> list[Any]:
            col = cols.get(name)
            return col.to_pylist() if col is not None else [default] * n

        try:
            return self._parquet_fast(cols, n)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError, TypeError):
            pass
        symbols = values("symbol", None)
        ts_l = values("ts_ms", None)
        prices = values("price", None)
        sizes = values("size", None)
        conds = values("conditions", "")
        exchanges = values("exchange", 0)
        out: list[Trade] = []
        append = out.append
        parse_text = _NATIVE_COND
        for i in range(n):
            try:
                symbol = symbols[i].strip().upper()
                if not symbol:
                    raise _Malformed("empty symbol")
                cond = conds[i]
                if cond is None:
                    cond_t: tuple[int, ...] = ()
                elif isinstance(cond, str):
                    cond_t = parse_text(cond)
                else:
                    cond_t = tuple(_as_int(c) for c in cond)
                exchange = exchanges[i]
                append(
                    Trade(
                        symbol,
                        _as_int(ts_l[i]),
                        _finite(prices[i]),
                        _finite(sizes[i]),
                        cond_t,
                        _as_int(exchange) if exchange not in (None, "") else 0,
                    )
                )
            except (ValueError, TypeError, AttributeError, OverflowError):
                self.malformed += 1
        return out

    def _parquet_fast(self, cols: dict[str, pa.Array], n: int) -> list[Trade]:
        """Vectorised path for clean batches; raises on anything unusual."""
        if any(col.null_count for name, col in cols.items() if name != "conditions"):
            raise _Malformed("nulls")
        ts_col = cols["ts_ms"]
        if not pa.types.is_integer(ts_col.type):
            raise _Malformed("ts_ms is not an integer column")
        upper = pc.utf8_upper(pc.utf8_trim_whitespace(cols["symbol"]))
        if n and pc.min(pc.utf8_length(upper)).as_py() == 0:
            raise _Malformed("empty symbol")
        symbols = upper.to_pylist()
        ts = ts_col.to_pylist()
        prices = _finite_floats(cols["price"])
        sizes = _finite_floats(cols["size"])
        cond_col = cols.get("conditions")
        conds: list[tuple[int, ...]]
        if cond_col is None:
            conds = [()] * n
        elif pa.types.is_list(cond_col.type) or pa.types.is_large_list(cond_col.type):
            if not pa.types.is_integer(cond_col.type.value_type):
                raise _Malformed("conditions are not integers")
            conds = [tuple(v) if v else () for v in cond_col.to_pylist()]
        elif pa.types.is_string(cond_col.type) and not cond_col.null_count:
            conds = _NATIVE_COND.many(cond_col.to_pylist())
        else:
            raise _Malformed("conditions column type")
        exch_col = cols.get("exchange")
        if exch_col is None:
            exchanges = [0] * n
        elif pa.types.is_integer(exch_col.type):
            exchanges = exch_col.to_pylist()
        else:
            raise _Malformed("exchange column type")
        return list(map(Trade, symbols, ts, prices, sizes, conds, exchanges))


def _as_int(value: Any) -> int:
    if isinstance(value, bool) or value is None:
        raise _Malformed(f"not an integer: {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise _Malformed(f"not an integer: {value!r}")
        return int(value)
    return int(str(value).strip())


class _ZipMember(io.RawIOBase):
    """A zip member that also closes its archive."""

    def __init__(self, zf: zipfile.ZipFile, name: str) -> None:
        super().__init__()
        self._zf = zf
        self._fh = zf.open(name)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._fh.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:
        return self._fh.read(size)

    def readline(self, size: int | None = -1) -> bytes:
        return self._fh.readline(-1 if size is None else size)

    def close(self) -> None:
        if not self.closed:
            self._fh.close()
            self._zf.close()
        super().close()


_NATIVE_COND: Final = _Cached(_native_conditions)
_POLYGON_COND: Final = _Cached(_polygon_conditions)
_LEAN_COND: Final = _Cached(_lean_conditions)


def _ns_to_ms(values: list[int]) -> list[int]:
    return [ns // 1_000_000 for ns in values]


def _finite_floats(arr: pa.Array) -> list[float]:
    values = arr.cast(pa.float64())
    if len(values) and not pc.all(pc.is_finite(values)).as_py():
        raise _Malformed("non-finite number")
    return list(values.to_pylist())


def _has_other_than(arr: pa.Array, allowed: tuple[str, ...]) -> bool:
    """True if ``arr`` (text) holds a value not in ``allowed`` (no Python → Arrow conversion)."""
    values = pc.unique(arr).to_pylist()
    return any(value not in allowed for value in values)


# ---------------------------------------------------------------------- conveniences


def read_trades(path: str | Path, **kwargs: Any) -> list[Trade]:
    """All trades of ``path`` (see :class:`TradeFileReader` for the keyword arguments)."""
    return list(TradeFileReader(path, **kwargs))


def _fmt(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)


def write_trades_csv(path: str | Path, trades: Iterable[Trade]) -> int:
    """Write ``trades`` in the project CSV format (gzip if ``path`` ends in .gz); row count."""
    path = Path(path)
    opener: Callable[..., IO[str]] = gzip.open if path.suffix == ".gz" else open
    n = 0
    with opener(path, "wt", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(NATIVE_COLUMNS)
        for t in trades:
            writer.writerow(
                (
                    t.symbol,
                    t.ts_ms,
                    _fmt(t.price),
                    _fmt(t.size),
                    " ".join(map(str, t.conditions)),
                    t.exchange,
                )
            )
            n += 1
    return n


def write_trades_parquet(path: str | Path, trades: Iterable[Trade]) -> int:
    """Write ``trades`` in the project Parquet format; row count."""
    rows = list(trades)
    table = pa.table(
        {
            "symbol": pa.array([t.symbol for t in rows], pa.string()),
            "ts_ms": pa.array([t.ts_ms for t in rows], pa.int64()),
            "price": pa.array([t.price for t in rows], pa.float64()),
            "size": pa.array([t.size for t in rows], pa.float64()),
            "conditions": pa.array([list(t.conditions) for t in rows], pa.list_(pa.int32())),
            "exchange": pa.array([t.exchange for t in rows], pa.int32()),
        }
    )
    pq.write_table(table, Path(path))
    return len(rows)
