"""Proactive call-outs (``VOICE_PROACTIVE_ALERTS=true``): the alerts of one user's rules on
that user's watchlist symbols, handed to their open session so that the coach can mention
them unprompted."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from spotlight_trader.bus import Bus, SubscriberOverflow, signal_topic
from spotlight_trader.coach import frames
from spotlight_trader.model import Signal

#: How often the followed watchlist is re-read (a change is followed within this).
WATCHLIST_POLL_S = 1.0


async def follow_alerts(
    user: str,
    watchlist: Callable[[], Awaitable[list[str]]],
    bus: Bus,
    announce: Callable[[str, str], Awaitable[None]],
) -> None:
    """``announce(symbol, explanation)`` for every alert of ``user``'s rules on a symbol of
    ``watchlist()`` (re-read every :data:`WATCHLIST_POLL_S`), until cancelled. Other users'
    alerts on the same symbols are never announced."""
    while True:
        symbols = tuple(await watchlist())
        sub = bus.subscribe([signal_topic(s) for s in symbols], maxsize=100)
        try:
            while True:
                try:
                    _topic, signal = await asyncio.wait_for(sub.get(), WATCHLIST_POLL_S)
                except TimeoutError:
                    if tuple(await watchlist()) != symbols:
                        break
                    continue
                if isinstance(signal, Signal) and signal.user_id == user and signal.explanation:
                    await announce(signal.symbol, signal.explanation)
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
