"""Proactive call-outs (``VOICE_PROACTIVE_ALERTS=true``): the alerts on the watchlist
symbols, handed to an open session so that the coach can mention them unprompted."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from spotlight_trader.bus import Bus, SubscriberOverflow, signal_topic
from spotlight_trader.coach import frames
from spotlight_trader.market.view import MarketView


async def follow_alerts(
    market: MarketView, bus: Bus, announce: Callable[[str, str], Awaitable[None]]
) -> None:
    """``announce(symbol, explanation)`` for every alert on a watchlist symbol, until
    cancelled (the subscription follows watchlist changes within a second)."""
    while True:
        symbols = tuple(market.watchlist())
        sub = bus.subscribe([signal_topic(s) for s in symbols], maxsize=100)
        try:
            while tuple(market.watchlist()) == symbols:
                try:
                    topic, signal = await asyncio.wait_for(sub.get(), 1.0)
                except TimeoutError:
                    continue
                explanation = getattr(signal, "explanation", None)
                if isinstance(explanation, str) and explanation:
                    await announce(topic.partition(":")[2], explanation)
        except SubscriberOverflow:
            await asyncio.sleep(0.1)
        finally:
            sub.close()


def alert_item(symbol: str, explanation: str) -> str:
    """The short system item that tells the model about an alert."""
    return frames.system_message(
        f"Alert just fired on {symbol}: {explanation[:500]} "
        "Mention it to the trader in one short sentence if it matters now."
    )
