"""The watchlist's day volume: the final bars of the newest New York day (extended hours
included), checked against pandas on random bars loaded as history and then streamed."""

from __future__ import annotations

import asyncio

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from spotlight_trader.bus import LocalBus
from spotlight_trader.market.pipeline import MarketPipeline
from spotlight_trader.market.ring import MemoryRing
from spotlight_trader.model import MINUTE_MS, Bar

START_SEQ = 1_741_780_800_000 // MINUTE_MS  # 2025-03-12 08:00 ET


def bar(symbol: str, seq: int, volume: float) -> Bar:
    start = seq * MINUTE_MS
    return Bar(symbol, seq, start, start + MINUTE_MS, 10.0, 10.5, 9.5, 10.2, volume, 1)


@st.composite
def days(draw: st.DrawFn) -> tuple[list[Bar], int]:
    """Bars of two symbols over up to three days (gaps of up to a day between them), and
    how many of them are loaded as history before the rest stream in."""
    bars: list[Bar] = []
    for symbol in ("SPY", "AMD"):
        seq = START_SEQ + draw(st.integers(0, 600))
        for _ in range(draw(st.integers(1, 40))):
            volume = float(draw(st.integers(0, 50_000)))
            bars.append(bar(symbol, seq, volume))
            seq += draw(st.sampled_from([1, 1, 1, 7, 90, 1_440]))
    bars.sort(key=lambda b: b.seq)
    return bars, draw(st.integers(0, len(bars)))


@given(days())
def test_day_volume_is_the_newest_new_york_day_of_final_bars(case: tuple[list[Bar], int]) -> None:
    bars, loaded = case
    pipeline = MarketPipeline(MemoryRing(5_000), LocalBus())

    async def feed() -> None:
        await pipeline.load_history(bars[:loaded])
        for b in bars[loaded:]:
            await pipeline.store_bar(b)

    asyncio.run(feed())
    frame = pd.DataFrame(
        {"symbol": b.symbol, "seq": b.seq, "volume": b.volume, "start": b.bar_start_ms}
        for b in bars
    )
    frame["day"] = (
        pd.to_datetime(frame.start, unit="ms", utc=True).dt.tz_convert("America/New_York").dt.date
    )
    for symbol, rows in frame.groupby("symbol"):
        newest = rows[rows.day == rows.day.max()]
        day, volume, seq = pipeline.day_volume[str(symbol)]
        assert day == newest.day.iloc[0]
        assert volume == newest.volume.sum()
        assert seq == newest.seq.max()
