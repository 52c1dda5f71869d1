"""The ``spotlight`` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

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
from spotlight_trader.config import Settings, load_settings
from spotlight_trader.errors import SpotlightError, TradeFileError
from spotlight_trader.feeds.base import Feed

app = typer.Typer(
    help="Spotlight Trader: live bars, alerts and a voice coach for intraday traders.",
    no_args_is_help=True,
    add_completion=False,
)


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
) -> None:
    """Start the web server with a live (or simulated) market."""
    settings = _settings(feed=feed, host=host, port=port, sim_speed=speed)
    _serve(settings)


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


def _file_symbols(path: Path) -> tuple[str, ...]:
    """Every symbol in a trade file, in order of first appearance."""
    from spotlight_trader.feeds.trade_files import TradeFileReader

    seen: dict[str, None] = {}
    for batch in TradeFileReader(path).batches():
        for trade in batch:
            seen.setdefault(trade.symbol)
    return tuple(seen)


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
        watch = symbols.split(",") if symbols else list(_file_symbols(file))
        if not watch:
            raise TradeFileError(f"{file}: no trades")
        settings = _settings(port=port, watchlist=",".join(watch), feed="replay")
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
    except (SpotlightError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
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
    from spotlight_trader.market.bar_files import write_bars_csv

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
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
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
