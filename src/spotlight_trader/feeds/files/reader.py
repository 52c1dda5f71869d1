""":class:`TradeFileReader`: opens a trade file (plain, gzip, Parquet or a zip member), counts
its rows and streams its record batches through the reader of its format."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, Final

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from spotlight_trader.errors import TradeFileError
from spotlight_trader.feeds.files.base import FormatReader
from spotlight_trader.feeds.files.detect import (
    MAGIC_GZIP,
    TradeFormat,
    detect_format,
    header_fields,
)
from spotlight_trader.feeds.files.lean import LeanTicks, lean_member
from spotlight_trader.feeds.files.native import NativeCsv, NativeParquet
from spotlight_trader.feeds.files.polygon import PolygonTrades
from spotlight_trader.model import Trade

ProgressHook = Callable[[int, int], None]
"""``on_progress(rows_done, rows_total)``; ``rows_total`` is an estimate until the end."""

_BLOCK_BYTES: Final = 1 << 20
_PARQUET_BATCH_ROWS: Final = 65_536


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
        self._block_bytes = block_bytes
        self._total_rows: int | None = None
        self.rows = 0
        self.trades = 0
        self.malformed = 0
        self.skipped = 0
        self.lean_date: date | None = None
        self.lean_symbol: str | None = None
        self._format_reader: FormatReader
        if self.format is TradeFormat.LEAN:
            self._lean_name, day, lean_symbol = lean_member(self.path)
            if symbol:
                lean_symbol = symbol.upper()
            self.lean_date, self.lean_symbol = day, lean_symbol
            self._format_reader = LeanTicks(day, lean_symbol)
        elif self.format is TradeFormat.POLYGON:
            self._format_reader = PolygonTrades()
        elif self.format is TradeFormat.PARQUET:
            self._format_reader = NativeParquet()
        else:
            self._format_reader = NativeCsv()

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
        records = (
            self._parquet_records() if self.format is TradeFormat.PARQUET else self._csv_records()
        )
        try:
            for record_batch in records:
                batch = self._format_reader.convert(record_batch, self)
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

    def _open_binary(self) -> io.BufferedIOBase | io.RawIOBase:
        if self.format is TradeFormat.LEAN:
            zf = zipfile.ZipFile(self.path)
            return _ZipMember(zf, self._lean_name)
        fh = self.path.open("rb")
        if fh.read(2) == MAGIC_GZIP:
            fh.seek(0)
            return gzip.GzipFile(fileobj=fh, mode="rb")  # closes only itself; fh via GC
        fh.seek(0)
        return fh

    def _count_rows(self) -> int:
        if self.format is TradeFormat.PARQUET:
            return int(self._parquet_file().metadata.num_rows)
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
        return max(0, lines - (1 if self._format_reader.header else 0))

    def _parquet_file(self) -> Any:
        try:
            return pq.ParquetFile(self.path)
        except (OSError, pa.ArrowException) as exc:
            raise TradeFileError(f"{self.path}: not a readable Parquet file: {exc}") from exc

    def _parquet_records(self) -> Iterator[pa.RecordBatch]:
        """The format's columns, named in lower case."""
        pf = self._parquet_file()
        names = [name.lower() for name in pf.schema_arrow.names]
        missing = [c for c in self._format_reader.required if c not in names]
        if missing:
            raise TradeFileError(f"{self.path}: Parquet file lacks column(s) {', '.join(missing)}")
        columns = [
            pf.schema_arrow.names[names.index(c)] for c in self._format_reader.columns if c in names
        ]
        for rb in pf.iter_batches(batch_size=_PARQUET_BATCH_ROWS, columns=columns):
            yield rb.rename_columns([c.lower() for c in rb.schema.names])

    def _csv_records(self) -> Iterator[pa.RecordBatch]:
        """Every column as text, named by the header (lower case) or the format."""
        with self._open_binary() as fh:
            yield from self._csv_reader(fh)

    def _csv_reader(self, fh: io.BufferedIOBase | io.RawIOBase) -> Any:
        def invalid_row(row: Any) -> str:
            self.rows += 1
            self.malformed += 1
            return "skip"

        if self._format_reader.header:
            try:
                names = self._read_header(fh)
            except UnicodeDecodeError as exc:
                raise TradeFileError(f"{self.path}: header is not text: {exc}") from exc
        else:
            names = list(self._format_reader.columns)
        try:
            return pacsv.open_csv(
                fh,
                read_options=pacsv.ReadOptions(
                    block_size=self._block_bytes, column_names=names, use_threads=True
                ),
                parse_options=pacsv.ParseOptions(invalid_row_handler=invalid_row),
                convert_options=pacsv.ConvertOptions(
                    column_types={name: pa.string() for name in names},
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
        except pa.ArrowInvalid as exc:
            if "Empty CSV file" in str(exc):
                return iter(())
            raise TradeFileError(f"{self.path}: not a readable CSV file: {exc}") from exc

    def _read_header(self, fh: io.BufferedIOBase | io.RawIOBase) -> list[str]:
        fields = header_fields(fh.readline())
        missing = [name for name in self._format_reader.required if name not in fields]
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


def read_trades(path: str | Path, **kwargs: Any) -> list[Trade]:
    """All trades of ``path`` (see :class:`TradeFileReader` for the keyword arguments)."""
    return list(TradeFileReader(path, **kwargs))
