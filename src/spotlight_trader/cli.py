"""The ``spotlight`` command line."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import date
from typing import Annotated, NoReturn

import typer
import uvicorn

from spotlight_trader import logs
from spotlight_trader.config import Settings, load_settings
from spotlight_trader.errors import SpotlightError
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
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def _serve(settings: Settings, feed: Feed | None = None, clock_from_trades: bool = False) -> None:
    from spotlight_trader.api.app import create_app
    from spotlight_trader.feeds.factory import make_feed
    from spotlight_trader.service import MarketService

    logs.configure(settings.log_level, settings.log_json)
    if feed is None and settings.feed == "polygon" and not _polygon_key(settings):
        _fail(
            "POLYGON_API_KEY is not set: the polygon feed needs a Polygon/Massive API key "
            "(export POLYGON_API_KEY=... or put it in .env)"
        )
    if feed is None:
        try:
            feed = make_feed(settings)
        except SpotlightError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
    service = MarketService(settings, feed, clock_from_trades=clock_from_trades)
    typer.echo(
        f"Spotlight Trader on http://{settings.host}:{settings.port}  "
        f"(feed: {feed.name}, watchlist: {','.join(settings.watchlist)})",
        err=True,
    )
    uvicorn.run(
        create_app(service),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        access_log=False,
        timeout_graceful_shutdown=3,
    )


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

    from spotlight_trader.market.history import BackfillProgress, HistoryError
    from spotlight_trader.market.history import backfill as run_backfill
    from spotlight_trader.market.ring import MemoryRing
    from spotlight_trader.model import MINUTE_MS
    from spotlight_trader.service import normalise_symbol

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
    from spotlight_trader.api.app import create_app
    from spotlight_trader.service import MarketService

    class _NoFeed:
        name = "none"

        async def run(self, sink: object) -> None:
            return None

        async def set_symbols(self, symbols: object) -> None:
            return None

    service = MarketService(_settings(), _NoFeed())
    json.dump(create_app(service).openapi(), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


def main() -> None:
    """Entry point for ``python -m spotlight_trader``."""
    app()
