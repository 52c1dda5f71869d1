"""What the trade file formats share: the format reader protocol, the row counters, value
parsers, and the conversion of CSV text columns into trades.

Nothing here builds Arrow arrays or scalars from Python objects, nor calls ``to_numpy``: those
paths import pandas when it is installed (a second of start-up). Arithmetic and filtering
happen on Python lists instead.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple, Protocol

import pyarrow as pa
import pyarrow.compute as pc

from spotlight_trader.model import Trade


class Malformed(ValueError):
    """One row could not be parsed."""


class Tally(Protocol):
    """The row counters of one pass over a file (see ``TradeFileReader``)."""

    rows: int
    malformed: int
    skipped: int


class FormatReader(Protocol):
    """How one trade file format turns record batches into trades."""

    @property
    def header(self) -> bool:
        """True if the file names its columns (a CSV header row, a Parquet schema)."""
        ...

    @property
    def columns(self) -> tuple[str, ...]:
        """The format's columns: those read from Parquet; in file order for a headerless CSV."""
        ...

    @property
    def required(self) -> tuple[str, ...]:
        """Columns a header or Parquet schema must have."""
        ...

    def convert(self, batch: pa.RecordBatch, tally: Tally) -> list[Trade]:
        """The trades of ``batch`` (columns named in lower case); rows counted in ``tally``."""
        ...


# ---------------------------------------------------------------------- value parsers


def split_ints(text: str, pattern: re.Pattern[str]) -> tuple[int, ...]:
    """Integers of ``text`` separated by ``pattern``; empty text is none."""
    text = text.strip()
    if not text:
        return ()
    try:
        return tuple(int(part) for part in pattern.split(text) if part)
    except ValueError:
        raise Malformed(f"bad condition list {text!r}") from None


def finite(value: Any) -> float:
    """``value`` as a finite float."""
    if isinstance(value, bool) or value is None:
        raise Malformed(f"not a number: {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise Malformed(f"not a finite number: {value!r}")
    return number


def opt_int(value: str) -> int:
    """An integer, or 0 for empty text."""
    value = value.strip()
    return int(value) if value else 0


def finite_floats(arr: pa.Array) -> list[float]:
    """A numeric or text column as finite floats."""
    values = arr.cast(pa.float64())
    if len(values) and not pc.all(pc.is_finite(values)).as_py():
        raise Malformed("non-finite number")
    return list(values.to_pylist())


class Cached:
    """Memoise a text → conditions parser (conditions repeat a lot); failures are not cached."""

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
        """``self(text)`` for each of ``texts``."""
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


def keep_mask(
    flags: pa.Array, tally: Tally, keep: tuple[str, ...], skip: Callable[[str], bool]
) -> list[bool] | None:
    """Which rows to convert, by a text flag column: a row whose (stripped) flag is in ``keep``
    is kept, one that ``skip`` accepts is counted as skipped, any other as malformed.

    None, without a pass in Python, when every flag is in ``keep`` as it stands.
    """
    if all(value in keep for value in pc.unique(flags).to_pylist()):
        return None
    mask: list[bool] = []
    for text in flags.to_pylist():
        text = text.strip()
        if text in keep:
            mask.append(True)
            continue
        mask.append(False)
        if skip(text):
            tally.skipped += 1
        else:
            tally.malformed += 1
    return mask


# ---------------------------------------------------------------------- text formats


class _Columns(NamedTuple):
    symbol: pa.Array | None
    ts: pa.Array
    price: pa.Array
    size: pa.Array
    conditions: pa.Array | None
    exchange: pa.Array | None


class TextFormat:
    """A CSV format read as text columns; a subclass names its columns and value rules.

    A batch is converted with vectorised casts, and row by row (with the same rules) when one
    of its rows is malformed.
    """

    header = True
    columns: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    symbol_column: str | None = "symbol"
    """None: every trade is of :attr:`symbol`, the file's one symbol."""
    symbol = ""
    ts_column = "ts_ms"
    conditions: Cached
    price_scale = 0
    """> 0: prices are integers in units of 1/price_scale dollars."""
    exchange_ids: Mapping[str, int] | None = None
    """Exchange codes → ids; None: the exchange column holds ids."""

    def keep(self, batch: pa.RecordBatch, tally: Tally) -> list[bool] | None:
        """Rows to convert (the others are counted here), or None for all."""
        return None

    def timestamps(self, values: list[int]) -> list[int]:
        """Timestamp column values → Unix ms."""
        return values

    def convert(self, batch: pa.RecordBatch, tally: Tally) -> list[Trade]:
        """Text columns → trades."""
        keep = self.keep(batch, tally)
        n = batch.num_rows
        tally.rows += n
        names = batch.schema.names

        def column(name: str | None) -> pa.Array | None:
            return batch.column(names.index(name)) if name in names else None

        cols = _Columns(
            column(self.symbol_column),
            batch.column(names.index(self.ts_column)),
            batch.column(names.index("price")),
            batch.column(names.index("size")),
            column("conditions"),
            column("exchange"),
        )
        try:
            trades = self._vectorised(cols, n)
        except (pa.ArrowInvalid, ValueError):
            return self._row_by_row(cols, n, keep, tally)
        if keep is not None:
            trades = [t for t, k in zip(trades, keep, strict=True) if k]
        return trades

    def _vectorised(self, cols: _Columns, n: int) -> list[Trade]:
        if cols.symbol is None:
            symbols: list[str] = [self.symbol] * n
        else:
            upper = pc.utf8_upper(pc.utf8_trim_whitespace(cols.symbol))
            if n and pc.min(pc.utf8_length(upper)).as_py() == 0:
                raise Malformed("empty symbol")
            symbols = upper.to_pylist()
        ts = self.timestamps(cols.ts.cast(pa.int64()).to_pylist())
        if self.price_scale:
            scale = float(self.price_scale)
            prices = [p / scale for p in cols.price.cast(pa.int64()).to_pylist()]
        else:
            prices = finite_floats(cols.price)
        sizes = finite_floats(cols.size)
        if cols.conditions is None:
            conds: list[tuple[int, ...]] = [()] * n
        else:
            conds = self.conditions.many(cols.conditions.to_pylist())
        if cols.exchange is None:
            exchanges = [0] * n
        elif self.exchange_ids is not None:
            get = self.exchange_ids.get
            exchanges = [get(x, 0) for x in cols.exchange.to_pylist()]
        elif n and pc.min(pc.utf8_length(cols.exchange)).as_py() == 0:
            exchanges = [opt_int(x) for x in cols.exchange.to_pylist()]
        else:
            exchanges = cols.exchange.cast(pa.int64()).to_pylist()
        return list(map(Trade, symbols, ts, prices, sizes, conds, exchanges))

    def _row_by_row(
        self, cols: _Columns, n: int, keep: list[bool] | None, tally: Tally
    ) -> list[Trade]:
        symbols = cols.symbol.to_pylist() if cols.symbol is not None else [self.symbol] * n
        ts_l = cols.ts.to_pylist()
        prices = cols.price.to_pylist()
        sizes = cols.size.to_pylist()
        conds = cols.conditions.to_pylist() if cols.conditions is not None else [""] * n
        exchanges = cols.exchange.to_pylist() if cols.exchange is not None else [""] * n
        scale = self.price_scale
        ids = self.exchange_ids
        out: list[Trade] = []
        for i in range(n):
            if keep is not None and not keep[i]:
                continue  # counted as skipped or malformed already
            try:
                symbol = str(symbols[i]).strip().upper()
                if not symbol:
                    raise Malformed("empty symbol")
                ts = self.timestamps([int(ts_l[i])])[0]
                price = int(prices[i]) / float(scale) if scale else finite(prices[i])
                exchange = ids.get(exchanges[i], 0) if ids is not None else opt_int(exchanges[i])
                out.append(
                    Trade(symbol, ts, price, finite(sizes[i]), self.conditions(conds[i]), exchange)
                )
            except (ValueError, OverflowError):
                tally.malformed += 1
        return out
