"""The ``spotlight`` command line."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Literal, NoReturn

import typer
import uvicorn
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from spotlight_trader import logs
from spotlight_trader.cli_accounts import token_app, user_app
from spotlight_trader.cli_journal import journal_app
from spotlight_trader.config import Settings, check_start, load_settings
from spotlight_trader.errors import SpotlightError, TradeFileError
from spotlight_trader.feeds.base import Feed

app = typer.Typer(
    help="Spotlight Trader: live bars, alerts and a voice coach for intraday traders.",
    no_args_is_help=True,
    add_completion=False,
)


def _fail(message: str, code: int = 2) -> NoReturn:
    """Print one ``error:`` line to stderr and exit with ``code``."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _polygon_key(settings: Settings) -> str:
    key = settings.polygon_api_key
    return key.get_secret_value().strip() if key is not None else ""


def _settings(**overrides: object) -> Settings:
    try:
        return load_settings(**{k: v for k, v in overrides.items() if v is not None})
    except SpotlightError as exc:
        _fail(str(exc))


def _start(settings: Settings) -> None:
    """Logging, then the checks every process that runs the market makes before it starts."""
    logs.configure(settings.log_level, settings.log_json)
    try:
        check_start(settings)
    except SpotlightError as exc:
        _fail(str(exc))
    if settings.feed == "polygon" and not _polygon_key(settings):
        _fail(
            "POLYGON_API_KEY is not set: the polygon feed needs a Polygon/Massive API key "
            "(export POLYGON_API_KEY=... or put it in .env)"
        )


def _serve(settings: Settings, feed: Feed | None = None, clock_from_trades: bool = False) -> None:
    from spotlight_trader.feeds.factory import make_feed
    from spotlight_trader.runtime.components import build_components
    from spotlight_trader.runtime.ingest import Ingest
    from spotlight_trader.runtime.web import Server, proxy_options, single_process_app

    _start(settings)
    if feed is None:
        try:
            feed = make_feed(settings)
        except SpotlightError as exc:
            _fail(str(exc))
    ingest = Ingest(build_components(settings), feed, clock_from_trades=clock_from_trades)
    typer.echo(
        f"Spotlight Trader on http://{settings.host}:{settings.port}  "
        f"(feed: {feed.name}, watchlist: {','.join(settings.watchlist)})",
        err=True,
    )
    config = uvicorn.Config(
        single_process_app(ingest),
        host=settings.host,
        port=settings.port,
        # logging is ours (logs.configure): uvicorn's start-up lines only at debug, and
        # every line redacted; access lines only at debug too
        log_config=None,
        log_level=None,
        access_log=settings.log_level == "debug",
        timeout_graceful_shutdown=3,
        **proxy_options(settings),
        # The voice proxy's browser leg heartbeat: protocol pings from the server.
        ws_ping_interval=settings.voice_heartbeat_s,
        ws_ping_timeout=settings.voice_heartbeat_s,
        ws_max_size=settings.voice_max_message_bytes,  # refused while it arrives
    )
    Server(config, ingest.components.streams).run()


@app.command()
def serve(
    feed: Annotated[str | None, typer.Option(help="simulated | polygon (default: FEED)")] = None,
    host: Annotated[str | None, typer.Option(help="Bind address (default: HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default: PORT)")] = None,
    speed: Annotated[
        float | None, typer.Option(help="Simulated market speed, 1 = real time (SIM_SPEED)")
    ] = None,
    delayed: Annotated[
        bool,
        typer.Option(
            "--delayed",
            help="Polygon feed: use the 15-minute delayed host (sets POLYGON_DELAYED)",
        ),
    ] = False,
) -> None:
    """Start the web server with a live (or simulated) market."""
    settings = _settings(
        feed=feed, host=host, port=port, sim_speed=speed, polygon_delayed=True if delayed else None
    )
    _serve(settings)


@app.command()
def ingest(
    feed: Annotated[str | None, typer.Option(help="simulated | polygon (default: FEED)")] = None,
) -> None:
    """Hold the market feed as the one leader (needs REDIS_URL): stand by until the lease is
    free, then stream bars and alerts into Redis; stand by again if the lease is lost."""
    from spotlight_trader.feeds.factory import make_feed
    from spotlight_trader.runtime.leader import run_ingest

    settings = _settings(feed=feed)
    _start(settings)
    if not settings.redis_url:
        _fail("REDIS_URL is not set: spotlight ingest keeps its leader lease in Redis")
    if settings.feed == "replay":
        _fail("spotlight ingest runs a live feed: FEED=simulated or FEED=polygon")
    typer.echo(
        f"spotlight ingest (feed: {settings.feed}, watchlist: {','.join(settings.watchlist)})",
        err=True,
    )
    try:
        asyncio.run(run_ingest(settings, make_feed))
    except SpotlightError as exc:
        _fail(str(exc), 1)


def _parse_day(raw: str, option: str) -> date:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        _fail(f"{option} must be a date like 2025-01-31, got {raw[:30]!r}")


def _et(ts_ms: int | None) -> str:
    from spotlight_trader.market.session import et_datetime

    return "-" if ts_ms is None else et_datetime(ts_ms).strftime("%Y-%m-%d %H:%M %Z")


@app.command()
def backfill(
    symbol: Annotated[str, typer.Argument(help="Ticker, e.g. AAPL")],
    date_from: Annotated[
        str, typer.Option("--from", help="First day, YYYY-MM-DD (inclusive)", show_default=False)
    ],
    date_to: Annotated[
        str, typer.Option("--to", help="Last day, YYYY-MM-DD (inclusive)", show_default=False)
    ],
) -> None:
    """Fetch 1-minute bars of SYMBOL from Polygon/Massive REST into the bar ring and print a
    summary (needs POLYGON_API_KEY; POLYGON_REST_URL overrides the host)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    from spotlight_trader.feeds.polygon.rest import BackfillProgress, HistoryError
    from spotlight_trader.feeds.polygon.rest import backfill as run_backfill
    from spotlight_trader.market.ring import MemoryRing
    from spotlight_trader.model import MINUTE_MS, normalise_symbol

    try:
        ticker = normalise_symbol(symbol)
    except SpotlightError as exc:
        _fail(str(exc))
    start = _parse_day(date_from, "--from")
    end = _parse_day(date_to, "--to")
    if end < start:
        _fail(f"--to {end} is before --from {start}")
    settings = _settings()
    logs.configure("warning" if settings.log_level in ("debug", "info") else settings.log_level)
    if not _polygon_key(settings):
        _fail(
            "POLYGON_API_KEY is not set: backfill needs a Polygon/Massive API key "
            "(export POLYGON_API_KEY=... or put it in .env)"
        )
    days = (end - start).days + 1
    # big enough for every minute of the range, so "stored" means kept
    ring = MemoryRing(max(settings.ring_capacity, days * 86_400_000 // MINUTE_MS))
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("[bold]{task.fields[symbol]}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[pages]} pages, {task.fields[bars]:,} bars"),
        TextColumn("{task.fields[last]}"),
        console=console,
        transient=False,
    )
    task = progress.add_task("backfill", total=1.0, symbol=ticker, pages=0, bars=0, last="")

    def on_progress(p: BackfillProgress) -> None:
        progress.update(task, completed=p.fraction, pages=p.pages, bars=p.bars, last=_et(p.last_ms))

    try:
        with progress:
            summary = asyncio.run(
                run_backfill(
                    ticker, start, end, settings=settings, ring=ring, on_progress=on_progress
                )
            )
    except HistoryError as exc:
        _fail(str(exc), 1)
    except SpotlightError as exc:  # configuration problems (e.g. the key)
        _fail(str(exc))
    typer.echo(
        f"{summary.symbol} {start}..{end}: {summary.bars_fetched:,} bars fetched, "
        f"{summary.bars_stored:,} stored, {summary.pages} page{'s' if summary.pages != 1 else ''}"
    )
    typer.echo(f"first bar {_et(summary.first_ms)}, last bar {_et(summary.last_ms)}")


@app.command()
def openapi() -> None:
    """Print the OpenAPI document (the web client's types are generated from it)."""
    from spotlight_trader.runtime.components import build_components
    from spotlight_trader.runtime.web import create_app

    app = create_app(build_components(_settings()))  # no feed, no database connection
    json.dump(app.openapi(), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        MofNCompleteColumn(),
        TextColumn("rows"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )


@app.command()
def replay(
    file: Annotated[
        Path, typer.Argument(help="Trade file: project CSV/Parquet, Polygon flat file, LEAN zip")
    ],
    speed: Annotated[float, typer.Option(help="Replay speed, N × real time")] = 1.0,
    max_speed: Annotated[bool, typer.Option("--max-speed", help="As fast as possible")] = False,
    symbols: Annotated[
        str | None, typer.Option(help="Comma-separated symbols (default: every symbol in the file)")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (default: PORT)")] = None,
) -> None:
    """Replay recorded trades through the live pipeline and serve them like a live market."""
    from spotlight_trader.feeds.replay import ReplayFeed

    try:
        settings = _settings(port=port)
        progress = _progress()
        task = progress.add_task(f"replay {file.name}", total=None)

        def on_progress(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)
            if done >= total:
                progress.stop()

        feed = ReplayFeed(
            file,
            speed=None if max_speed else speed,
            on_progress=on_progress,
            grace_ms=settings.bar_grace_ms,
        )
        in_file = feed.file_symbols()
        watch = symbols.split(",") if symbols else in_file
        if not watch:
            raise TradeFileError(f"{file}: no trades")
        settings = _settings(port=port, watchlist=",".join(watch), feed="replay")
    except (SpotlightError, ValueError) as exc:
        _fail(str(exc))
    progress.start()
    try:
        _serve(settings, feed)
    finally:
        progress.stop()


@app.command()
def bars(
    file: Annotated[Path, typer.Argument(help="Trade file (any supported format)")],
    out: Annotated[Path, typer.Option("-o", "--out", help="CSV file to write")],
    grace_ms: Annotated[
        int | None, typer.Option(help="Finality grace (default: BAR_GRACE_MS)")
    ] = None,
) -> None:
    """Build 1-minute bars from a trade file as fast as possible and write them as CSV."""
    from spotlight_trader.feeds.files.bar_csv import write_bars_csv

    settings = _settings(bar_grace_ms=grace_ms)
    progress = _progress()
    task = progress.add_task(f"bars {file.name}", total=None)
    try:
        with progress:
            summary = write_bars_csv(
                file,
                out,
                grace_ms=settings.bar_grace_ms,
                on_progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
    except SpotlightError as exc:
        _fail(str(exc))
    stats = summary.builder
    typer.echo(
        f"{summary.bars:,} bars → {out}  ({summary.rows:,} rows, {stats.trades:,} trades, "
        f"{stats.ineligible:,} ineligible, {stats.late_trades:,} late, "
        f"{stats.rejected + summary.malformed:,} rejected/malformed, {summary.skipped:,} skipped; "
        f"{summary.seconds:.2f} s, {summary.trades_per_second:,.0f} trades/s)",
        err=True,
    )


def main() -> None:
    """Entry point for ``python -m spotlight_trader``."""
    app()


db_app = typer.Typer(help="Database migrations (DATABASE_URL, default SQLite under DATA_DIR).")
app.add_typer(db_app, name="db")
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")
app.add_typer(journal_app, name="journal")


def _db_url(settings: Settings) -> str:
    from spotlight_trader.storage.db import database_url

    return database_url(settings)


def _migrate(direction: Literal["upgrade", "downgrade"], revision: str) -> None:
    """Run Alembic ``direction`` to ``revision`` and print where the database ends up."""
    from spotlight_trader.storage import db

    settings = _settings()
    step = db.upgrade if direction == "upgrade" else db.downgrade

    async def run() -> str | None:
        engine = db.make_engine(_db_url(settings))
        try:
            await step(engine, revision)
            return await db.current_revision(engine)
        finally:
            await engine.dispose()

    try:
        now = asyncio.run(run())
    except Exception as exc:
        _fail(f"{direction} failed: {type(exc).__name__}: {exc}", 1)
    typer.echo(f"database at revision {now or 'base'}")


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision")] = "head",
) -> None:
    """Migrate the database up to REVISION (default: the newest)."""
    _migrate("upgrade", revision)


@db_app.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision; 'base' empties it")] = "-1",
) -> None:
    """Migrate the database down to REVISION (default: one step)."""
    _migrate("downgrade", revision)
