"""A fill file → executions, all or nothing: detect (or take) the format, read every row,
convert wall-clock times from the import's time zone, key the fills.

The result is a :class:`ImportPreview`: the executions that would be stored, the rows
that cannot be (with their line and why) and warnings (identical rows, kept as separate
fills). Nothing may be written while ``errors`` is not empty."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec

from spotlight_trader.errors import InputError
from spotlight_trader.journal.executions import Execution, content_hash, with_keys
from spotlight_trader.journal.formats.base import (
    Draft,
    FormatReader,
    JournalFormat,
    Records,
    RowError,
    RowProblem,
    to_utc_ms,
)
from spotlight_trader.journal.formats.generic import matches_generic, read_generic
from spotlight_trader.journal.formats.ibkr import matches_ibkr, read_ibkr
from spotlight_trader.journal.formats.tos import is_tos, read_tos

READERS: dict[JournalFormat, FormatReader] = {
    JournalFormat.GENERIC: read_generic,
    JournalFormat.IBKR: read_ibkr,
    JournalFormat.TOS: read_tos,
}
MAX_ERRORS = 1000  # errors listed; more are counted
DEFAULT_ACCOUNT = "default"


class ImportPreview(msgspec.Struct, frozen=True):
    """What an import would store, and what stops it."""

    format: JournalFormat
    rows: int
    executions: list[Execution]
    errors: list[RowError]
    error_count: int
    warnings: list[RowError]

    @property
    def ok(self) -> bool:
        """True when every row can be imported."""
        return self.error_count == 0


def zone(name: str) -> ZoneInfo:
    """The IANA time zone ``name``; :class:`InputError` if there is none."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"tz: unknown time zone {name[:40]!r}") from None


def _records(text: str) -> Records:
    reader = csv.reader(io.StringIO(text, newline=""))
    for row in reader:
        yield reader.line_num, row


def detect_journal_format(text: str) -> JournalFormat:
    """The format of a fill file, from its first lines."""
    head = [row for _, row in itertools.islice(_records(text), 200)]
    if is_tos(head):
        return JournalFormat.TOS
    if head and matches_ibkr(head[0]):
        return JournalFormat.IBKR
    if head and matches_generic(head[0]):
        return JournalFormat.GENERIC
    shown = ",".join(head[0])[:120] if head else "(empty)"
    raise InputError(
        f"unknown fill file format (first line {shown!r}); expected the generic CSV "
        "(Date,Time,Symbol,Quantity,Price,Side), an IBKR Flex trades CSV or a thinkorswim "
        "account statement"
    )


def decode(data: bytes, max_bytes: int) -> str:
    """The file's text (UTF-8, optional BOM); :class:`InputError` if empty, too big or
    not text."""
    if len(data) > max_bytes:
        raise InputError(f"file: {len(data):,} bytes is more than the {max_bytes:,} allowed")
    if not data.strip():
        raise InputError("file: the file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"file: not UTF-8 text (byte {exc.start})") from None


def parse_fills(
    text: str,
    *,
    tz: str,
    account: str | None = None,
    fmt: JournalFormat | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportPreview:
    """Read ``text`` as a fill file (format detected unless given); never raises for a
    bad row, only for a bad file (:class:`InputError`)."""
    zone_info = zone(tz)
    chosen = fmt or detect_journal_format(text)
    errors: list[RowError] = []
    warnings: list[RowError] = []
    error_count = 0
    fills: list[Execution] = []
    first_exec: dict[str, int] = {}
    first_content: dict[str, int] = {}
    rows = 0
    for item in READERS[chosen](_records(text)):
        rows += 1
        if progress is not None and rows % 5000 == 0:
            progress(rows)
        if isinstance(item, RowError):
            error_count += 1
            if len(errors) < MAX_ERRORS:
                errors.append(item)
            continue
        try:
            fill = _execution(item, zone_info, account)
        except RowProblem as exc:
            error_count += 1
            if len(errors) < MAX_ERRORS:
                errors.append(RowError(item.line, str(exc)))
            continue
        if fill.exec_id:
            seen = first_exec.setdefault(f"{fill.account}|{fill.exec_id}", item.line)
            if seen != item.line:
                error_count += 1
                errors.append(
                    RowError(
                        item.line, f"duplicate execution id {fill.exec_id!r} (first on line {seen})"
                    )
                )
                continue
        else:
            seen = first_content.setdefault(content_hash(fill), item.line)
            if seen != item.line and len(warnings) < MAX_ERRORS:
                warnings.append(
                    RowError(item.line, f"identical to line {seen}; kept as a separate fill")
                )
        fills.append(fill)
    if progress is not None:
        progress(rows)
    if rows == 0:
        raise InputError(f"{chosen}: the file has a header but no rows")
    return ImportPreview(chosen, rows, with_keys(fills), errors, error_count, warnings)


def _execution(d: Draft, tz: ZoneInfo, account: str | None) -> Execution:
    return Execution(
        account=account or d.account or DEFAULT_ACCOUNT,
        symbol=d.symbol,
        ts_ms=to_utc_ms(d.local, tz),
        side=d.side,
        quantity=d.quantity,
        price=d.price,
        commission=d.commission,
        fees=d.fees,
        exec_id=d.exec_id,
    )
