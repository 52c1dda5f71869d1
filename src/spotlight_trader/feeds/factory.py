"""Pick the feed named by the settings."""

from __future__ import annotations

from spotlight_trader.config import Settings
from spotlight_trader.errors import ConfigError
from spotlight_trader.feeds.base import Feed


def make_feed(settings: Settings) -> Feed:
    """The live feed for ``settings.feed`` (replay feeds are built by ``spotlight replay``)."""
    if settings.feed == "simulated":
        from spotlight_trader.feeds.simulated import SimulatedFeed

        start, epoch = settings.sim_start, settings.sim_epoch
        return SimulatedFeed(
            settings.watchlist,
            seed=settings.sim_seed,
            speed=settings.sim_speed,
            history_minutes=settings.sim_history_minutes,
            start_ms=int(start.timestamp() * 1000) if start is not None else None,
            epoch_s=epoch.timestamp() if epoch is not None else None,
        )
    if settings.feed == "polygon":
        from spotlight_trader.feeds.polygon.feed import PolygonFeed

        return PolygonFeed.from_settings(settings)
    raise ConfigError(f"invalid setting FEED: {settings.feed!r} is not available in this build")
