"""The ``spotlight`` command line."""

from __future__ import annotations

import json
import sys
from typing import Annotated

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


def main() -> None:
    """Entry point for ``python -m spotlight_trader``."""
    app()
