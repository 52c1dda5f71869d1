"""The project's own trade format, as CSV (text columns) or Parquet (typed columns)."""

from __future__ import annotations

import re
from typing import Any, Final

import pyarrow as pa
import pyarrow.compute as pc

from spotlight_trader.feeds.files.base import (
    Cached,
    Malformed,
    Tally,
    TextFormat,
    finite,
    finite_floats,
    split_ints,
)
from spotlight_trader.model import Trade

NATIVE_COLUMNS: Final = ("symbol", "ts_ms", "price", "size", "conditions", "exchange")
NATIVE_REQUIRED: Final = ("symbol", "ts_ms", "price", "size")

_SEP: Final = re.compile(r"[\s|]+")


def _parse_conditions(text: str) -> tuple[int, ...]:
    return split_ints(text, _SEP)


_CONDITIONS: Final = Cached(_parse_conditions)


class NativeCsv(TextFormat):
    """The project CSV: columns by header name, conditions separated by spaces and/or ``|``."""

    columns = NATIVE_COLUMNS
    required = NATIVE_REQUIRED
    conditions = _CONDITIONS


class NativeParquet:
    """The project Parquet: any int/float/string column types; conditions as text or a list
    of ints."""

    header = True
    columns = NATIVE_COLUMNS
    required = NATIVE_REQUIRED

    def convert(self, batch: pa.RecordBatch, tally: Tally) -> list[Trade]:
        """Typed columns → trades; vectorised, row by row if the batch is unusual."""
        n = batch.num_rows
        tally.rows += n
        cols = {name: batch.column(name) for name in batch.schema.names}

        def values(name: str, default: object) -> list[Any]:
            col = cols.get(name)
            return col.to_pylist() if col is not None else [default] * n

        try:
            return _vectorised(cols, n)
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
        for i in range(n):
            try:
                symbol = symbols[i].strip().upper()
                if not symbol:
                    raise Malformed("empty symbol")
                cond = conds[i]
                if cond is None:
                    cond_t: tuple[int, ...] = ()
                elif isinstance(cond, str):
                    cond_t = _CONDITIONS(cond)
                else:
                    cond_t = tuple(_as_int(c) for c in cond)
                exchange = exchanges[i]
                append(
                    Trade(
                        symbol,
                        _as_int(ts_l[i]),
                        finite(prices[i]),
                        finite(sizes[i]),
                        cond_t,
                        _as_int(exchange) if exchange not in (None, "") else 0,
                    )
                )
            except (ValueError, TypeError, AttributeError, OverflowError):
                tally.malformed += 1
        return out


def _vectorised(cols: dict[str, pa.Array], n: int) -> list[Trade]:
    """The path for clean batches; raises on anything unusual."""
    if any(col.null_count for name, col in cols.items() if name != "conditions"):
        raise Malformed("nulls")
    ts_col = cols["ts_ms"]
    if not pa.types.is_integer(ts_col.type):
        raise Malformed("ts_ms is not an integer column")
    upper = pc.utf8_upper(pc.utf8_trim_whitespace(cols["symbol"]))
    if n and pc.min(pc.utf8_length(upper)).as_py() == 0:
        raise Malformed("empty symbol")
    symbols = upper.to_pylist()
    ts = ts_col.to_pylist()
    prices = finite_floats(cols["price"])
    sizes = finite_floats(cols["size"])
    cond_col = cols.get("conditions")
    conds: list[tuple[int, ...]]
    if cond_col is None:
        conds = [()] * n
    elif pa.types.is_list(cond_col.type) or pa.types.is_large_list(cond_col.type):
        if not pa.types.is_integer(cond_col.type.value_type):
            raise Malformed("conditions are not integers")
        conds = [tuple(v) if v else () for v in cond_col.to_pylist()]
    elif pa.types.is_string(cond_col.type) and not cond_col.null_count:
        conds = _CONDITIONS.many(cond_col.to_pylist())
    else:
        raise Malformed("conditions column type")
    exch_col = cols.get("exchange")
    if exch_col is None:
        exchanges = [0] * n
    elif pa.types.is_integer(exch_col.type):
        exchanges = exch_col.to_pylist()
    else:
        raise Malformed("exchange column type")
    return list(map(Trade, symbols, ts, prices, sizes, conds, exchanges))


def _as_int(value: Any) -> int:
    if isinstance(value, bool) or value is None:
        raise Malformed(f"not an integer: {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise Malformed(f"not an integer: {value!r}")
        return int(value)
    return int(str(value).strip())
