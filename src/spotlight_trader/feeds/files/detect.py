"""Which format a trade file is in, from its content: magic bytes, CSV header, zip members."""

from __future__ import annotations

import csv
import gzip
from enum import StrEnum
from pathlib import Path
from typing import Final

from spotlight_trader.errors import TradeFileError
from spotlight_trader.feeds.files.lean import lean_member
from spotlight_trader.feeds.files.native import NATIVE_COLUMNS, NATIVE_REQUIRED

MAGIC_GZIP: Final = b"\x1f\x8b"
_MAGIC_ZIP: Final = b"PK\x03\x04"
_MAGIC_PARQUET: Final = b"PAR1"


class TradeFormat(StrEnum):
    """Supported trade file formats."""

    CSV = "csv"  # project format, CSV (optionally .gz)
    PARQUET = "parquet"  # project format, Parquet
    POLYGON = "polygon"  # Polygon/Massive flat-file trades CSV (optionally .gz)
    LEAN = "lean"  # LEAN/AlgoSeek trade tick zip


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
        lean_member(path)  # raises with a clear message when it is not a LEAN tick zip
        return TradeFormat.LEAN
    head = _text_head(path)
    fields = header_fields(head.splitlines()[0] if head else b"", errors="replace")
    if fields[:1] == ["ticker"] and "sip_timestamp" in fields:
        return TradeFormat.POLYGON
    if set(NATIVE_REQUIRED) <= set(fields):
        return TradeFormat.CSV
    shown = ",".join(fields)[:120] if fields else "(empty)"
    raise TradeFileError(
        f"{path}: unknown trade file format (header {shown!r}); expected the project CSV "
        f"({','.join(NATIVE_COLUMNS)}), Parquet, a Polygon flat-file CSV or a LEAN tick zip"
    )


def _text_head(path: Path, n: int = 4096) -> bytes:
    try:
        with path.open("rb") as fh:
            head = fh.read(n)
            if head.startswith(MAGIC_GZIP):
                fh.seek(0)
                with gzip.open(fh) as gz:
                    return gz.read(n)
            return head
    except (OSError, EOFError) as exc:
        raise TradeFileError(f"{path}: cannot read: {exc}") from exc


def header_fields(line: bytes, errors: str = "strict") -> list[str]:
    """The stripped, lower-cased names of a CSV header line (UTF-8, an optional BOM)."""
    text = line.decode("utf-8-sig", errors=errors)
    return [field.strip().lower() for field in next(csv.reader([text]), [])]
