"""Trade files → :class:`~spotlight_trader.model.Trade`: the project's own format
(:mod:`.native`), Polygon flat files (:mod:`.polygon`) and LEAN/AlgoSeek tick zips
(:mod:`.lean`), recognised by :mod:`.detect` and read by :mod:`.reader`; :mod:`.writers` writes
the project format. Formats, units and the condition mapping are documented in
``docs/trade-files.md``.

Reading is streamed in batches of a few tens of thousands of rows (pyarrow's CSV and Parquet
readers). Every CSV column is first read as text; a batch is converted with vectorised casts and
falls back to a row-by-row parse only when one of its rows is malformed. A malformed row is
counted in :attr:`TradeFileReader.malformed` and skipped; a file that cannot be opened or
recognised raises :class:`~spotlight_trader.errors.TradeFileError`.
"""

from spotlight_trader.feeds.files.detect import TradeFormat, detect_format
from spotlight_trader.feeds.files.lean import lean_conditions, lean_midnight_offsets_ms
from spotlight_trader.feeds.files.reader import ProgressHook, TradeFileReader, read_trades
from spotlight_trader.feeds.files.writers import write_trades_csv, write_trades_parquet

__all__ = [
    "ProgressHook",
    "TradeFileReader",
    "TradeFormat",
    "detect_format",
    "lean_conditions",
    "lean_midnight_offsets_ms",
    "read_trades",
    "write_trades_csv",
    "write_trades_parquet",
]
