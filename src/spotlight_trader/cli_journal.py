"""``spotlight journal``: import fill files and export the journal (docs/journal.md)."""

from __future__ import annotations

import asyncio
import hashlib
import sys
from pathlib import Path
from typing import Annotated, Literal, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from spotlight_trader.config import Settings, load_settings
from spotlight_trader.errors import SpotlightError
from spotlight_trader.model import LOCAL_USER

journal_app = typer.Typer(help="The trading journal: import fills, export trades and notes.")


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _settings() -> Settings:
    try:
        return load_settings()
    except SpotlightError as exc:
        _fail(str(exc))


@journal_app.command("import")
def journal_import(
    file: Annotated[
        Path, typer.Argument(help="Fill file: generic CSV, IBKR Flex trades, thinkorswim")
    ],
    format: Annotated[
        Literal["auto", "generic", "ibkr", "tos"], typer.Option("--format", help="File format")
    ] = "auto",
    tz: Annotated[
        str | None, typer.Option(help="Time zone of the file's times (default: JOURNAL_TZ)")
    ] = None,
    account: Annotated[
        str | None, typer.Option(help="Account of every fill (default: the file's)")
    ] = None,
    user: Annotated[str, typer.Option(help="Whose journal")] = LOCAL_USER,
    preview: Annotated[bool, typer.Option("--preview", help="Only check, store nothing")] = False,
) -> None:
    """Import fills all or nothing (any bad row: nothing stored, the rows are listed);
    importing the same file again stores nothing."""
    from spotlight_trader.journal.formats.base import JournalFormat
    from spotlight_trader.journal.importer import decode, parse_fills
    from spotlight_trader.runtime.components import build_components, wall_ms
    from spotlight_trader.storage.db import upgrade
    from spotlight_trader.storage.journal import ImportMeta

    settings = _settings()
    try:
        data = file.read_bytes()
    except OSError as exc:
        _fail(f"{file}: cannot read: {exc.strerror}")
    tz_name = tz or settings.journal_tz
    try:
        text = decode(data, settings.journal_max_import_bytes)
        total = text.count("\n") + 1
        progress = Progress(
            TextColumn("[bold]reading"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("lines"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
        )
        with progress:
            task = progress.add_task("read", total=total)
            result = parse_fills(
                text,
                tz=tz_name,
                account=account,
                fmt=None if format == "auto" else JournalFormat(format),
                progress=lambda rows: progress.update(task, completed=rows),
            )
            progress.update(task, completed=total)
    except SpotlightError as exc:
        _fail(str(exc))
    for w in result.warnings[:20]:
        typer.echo(f"warning: line {w.line}: {w.message}", err=True)
    if not result.ok:
        for e in result.errors[:50]:
            typer.echo(f"line {e.line}: {e.message}", err=True)
        _fail(f"{result.error_count} bad row(s) of {result.rows}; nothing imported")
    if preview:
        typer.echo(
            f"{result.format}: {result.rows} rows, {len(result.executions)} fills; "
            "nothing stored (preview)"
        )
        return
    meta = ImportMeta(
        result.format, tz_name, file.name, hashlib.sha256(data).hexdigest(), result.rows, account
    )

    async def store() -> tuple[int, int]:
        components = build_components(settings)
        try:
            await upgrade(components.database)
            stored = await components.journal.store_fills(
                result.executions, user=user, meta=meta, now_ms=wall_ms()
            )
            return stored.added, stored.already_stored
        finally:
            await components.close()

    try:
        added, already = asyncio.run(store())
    except SpotlightError as exc:
        _fail(str(exc))
    typer.echo(
        f"{result.format}: {result.rows} rows; {added} new fills stored, {already} already there"
    )


@journal_app.command("export")
def journal_export(
    format: Annotated[
        Literal["md", "csv"], typer.Option("--format", help="md: daily recaps; csv: fills")
    ] = "md",
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="File to write (default: stdout)")
    ] = None,
    tz: Annotated[str, typer.Option(help="Time zone of the CSV's times")] = "UTC",
    user: Annotated[str, typer.Option(help="Whose journal")] = LOCAL_USER,
) -> None:
    """Write the journal as Markdown (one recap per New York day, with notes) or the fills
    as the generic CSV (re-importable with the same --tz)."""
    from spotlight_trader.journal.export import fills_csv, journal_markdown
    from spotlight_trader.journal.importer import zone
    from spotlight_trader.runtime.components import build_components
    from spotlight_trader.storage.db import upgrade

    settings = _settings()
    try:
        zone_info = zone(tz)
    except SpotlightError as exc:
        _fail(str(exc))

    async def build() -> str:
        components = build_components(settings)
        try:
            await upgrade(components.database)
            if format == "csv":
                fills = await components.journal.fills(user=user)
                return fills_csv((e for _, e in fills), zone_info)
            trips = await components.journal.trips(user=user)
            return journal_markdown(
                [t.trip for t in trips],
                signals=await components.signals.list_signals(user=user, limit=100_000),
                entries=await components.entries.list_entries(user=user, limit=1_000_000),
                tags={t.trip.id: t.tags for t in trips},
            )
        finally:
            await components.close()

    text = asyncio.run(build())
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text)
        typer.echo(f"wrote {out}", err=True)
