"""The simulated market: a seeded model (:mod:`.model` over :mod:`.shape`, :mod:`.plan` and
:mod:`.tape`) and the feed that paces it (:mod:`.feed`). See docs/simulator.md."""

from spotlight_trader.feeds.simulated.feed import SimulatedFeed
from spotlight_trader.feeds.simulated.model import SymbolSimulator, generate_trades
from spotlight_trader.feeds.simulated.plan import MinutePlan
from spotlight_trader.feeds.simulated.shape import (
    EXCHANGE_IDS,
    KNOWN_PROFILES,
    SymbolProfile,
    minute_profile,
    profile_for,
    volume_curve,
)

__all__ = [
    "EXCHANGE_IDS",
    "KNOWN_PROFILES",
    "MinutePlan",
    "SimulatedFeed",
    "SymbolProfile",
    "SymbolSimulator",
    "generate_trades",
    "minute_profile",
    "profile_for",
    "volume_curve",
]
