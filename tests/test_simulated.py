"""SimulatedFeed: determinism, tape realism, sessions, and driving a real MarketPipeline."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Sequence
from datetime import date

import pytest

from spotlight_trader.bus import LocalBus
from spotlight_trader.errors import FeedError
from spotlight_trader.feeds.base import Feed
from spotlight_trader.feeds.simulated import (
    EXCHANGE_IDS,
    KNOWN_PROFILES,
    SimulatedFeed,
    SymbolProfile,
    SymbolSimulator,
    generate_trades,
    minute_profile,
    profile_for,
)
from spotlight_trader.market.conditions import FORM_T, ISO, ODD_LOT
from spotlight_trader.market.pipeline import MarketPipeline
from spotlight_trader.market.ring import MemoryRing
from spotlight_trader.market.session import et_to_ms, session_of
from spotlight_trader.model import MINUTE_MS, Bar, Quote, Trade, seq_of

WEDNESDAY = date(2025, 3, 12)
SATURDAY = date(2025, 3, 15)
WATCHLIST = ("SPY", "QQQ", "AAPL", "NVDA", "TSLA", "MSFT", "AMD", "META")


def et(day: date, hhmm: str) -> int:
    hour, minute = hhmm.split(":")
    return et_to_ms(day, int(hour) * 60 + int(minute))


class RecordingSink:
    """A MarketSink that keeps everything it is given."""

    def __init__(self) -> None:
        self.trades: list[Trade] = []
        self.quotes: list[Quote] = []
        self.clock: list[int] = []

    async def ingest(self, trades: Sequence[Trade]) -> None:
        self.trades.extend(trades)

    def on_quote(self, quote: Quote) -> None:
        self.quotes.append(quote)

    async def advance(self, now_ms: int) -> None:
        self.clock.append(now_ms)

    def count_malformed(self, n: int = 1) -> None:
        raise AssertionError("the simulator never sends malformed input")


class RecordingPipeline(MarketPipeline):
    """A real pipeline that also records the trades it ingests."""

    def __init__(self) -> None:
        super().__init__(MemoryRing(), LocalBus())
        self.trades: list[Trade] = []
        self.bars: list[Bar] = []

    async def ingest(self, trades: Sequence[Trade]) -> None:
        self.trades.extend(trades)
        await super().ingest(trades)

    async def store_bar(self, bar: Bar) -> bool:
        stored = await super().store_bar(bar)
        if stored:
            self.bars.append(bar)
        return stored


async def wait_until(condition: Callable[[], bool]) -> None:
    """Poll ``condition`` for up to 20 s (a guard against hanging, not a speed check)."""
    for _ in range(1_000):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not met within 20 s")


async def history_of(symbols: Sequence[str], *, seed: int = 7, start_ms: int) -> list[Trade]:
    """Run a feed until it goes live; return the history trades it sent."""
    sink = RecordingSink()
    feed = SimulatedFeed(symbols, seed=seed, history_minutes=60, start_ms=start_ms)
    task = asyncio.create_task(feed.run(sink))
    try:
        await wait_until(lambda: feed.sim_now_ms is not None)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    return [t for t in sink.trades if t.ts_ms < start_ms]


# ---------------------------------------------------------------- determinism


def test_generator_is_deterministic_and_independent_of_windowing() -> None:
    start, end = et(WEDNESDAY, "09:30"), et(WEDNESDAY, "10:00")
    whole = generate_trades("SPY", start, end, seed=11)
    assert len(whole) > 1_000
    assert whole == generate_trades("SPY", start, end, seed=11)

    sim = SymbolSimulator("SPY", seed=11, start_ms=start)
    cuts = sorted(random.Random(3).sample(range(start + 1, end), 500))
    pieces: list[Trade] = []
    for cut in [*cuts, end]:
        pieces.extend(sim.generate(cut))
    assert pieces == whole

    assert generate_trades("SPY", start, end, seed=12) != whole
    assert [t.ts_ms for t in whole] == sorted(t.ts_ms for t in whole)
    assert all(start <= t.ts_ms < end for t in whole)


async def test_feed_history_is_deterministic_per_seed_and_symbol() -> None:
    start = et(WEDNESDAY, "11:00")
    first = await history_of(["SPY", "QQQ"], start_ms=start)
    again = await history_of(["SPY", "QQQ"], start_ms=start)
    assert len(first) > 500
    assert first == again
    assert {t.symbol for t in first} == {"SPY", "QQQ"}
    assert [t.ts_ms for t in first] == sorted(t.ts_ms for t in first)

    alone = await history_of(["SPY"], start_ms=start)
    widened = await history_of(["NVDA", "SPY", "IBM"], start_ms=start)
    spy = [t for t in first if t.symbol == "SPY"]
    assert alone == spy
    assert [t for t in widened if t.symbol == "SPY"] == spy

    other_seed = await history_of(["SPY"], seed=8, start_ms=start)
    assert other_seed != spy


# ---------------------------------------------------------------- tape realism


def test_prices_are_positive_cents_near_the_profile() -> None:
    start = et(WEDNESDAY, "09:30")
    for symbol in [*KNOWN_PROFILES, "ZZZQ"]:
        trades = generate_trades(symbol, start, start + 60 * MINUTE_MS, history=True)
        reference = profile_for(symbol).price
        assert trades, symbol
        for trade in trades:
            assert trade.price > 0
            assert round(trade.price, 2) == trade.price
            assert 0.8 * reference < trade.price < 1.2 * reference, (symbol, trade)


def test_unknown_symbols_get_a_stable_plausible_price() -> None:
    assert profile_for("ZZZQ") == profile_for("ZZZQ")
    prices = {profile_for(s).price for s in ("ZZZQ", "ABCD", "XYZ", "IBM", "BRK.B")}
    assert len(prices) == 5
    assert all(10 <= p < 500 for p in prices)


def test_price_never_reaches_zero() -> None:
    penny = SymbolProfile(price=0.004, annual_vol=3.0, trades_per_s=5.0, spread_cents=1)
    start = et(WEDNESDAY, "09:30")
    sim = SymbolSimulator("PENNY", seed=1, start_ms=start, profile=penny)
    trades = sim.generate(start + 120 * MINUTE_MS)
    assert trades
    assert min(t.price for t in trades) >= 0.01
    quote = sim.quote(start + 120 * MINUTE_MS)
    assert 0 < quote.bid < quote.ask


def test_conditions_sizes_and_venues_over_a_full_day() -> None:
    day = generate_trades("SPY", et(WEDNESDAY, "00:00"), et(WEDNESDAY, "23:59"), history=True)
    live = generate_trades("SPY", et(WEDNESDAY, "11:00"), et(WEDNESDAY, "11:30"))
    for trades in (day, live):
        for trade in trades:
            regular = session_of(trade.ts_ms) == "regular"
            assert (FORM_T in trade.conditions) is not regular, trade
            assert (ODD_LOT in trade.conditions) is (trade.size < 100), trade
            assert ISO not in trade.conditions or regular, trade
            assert trade.exchange in EXCHANGE_IDS
            assert 1 <= trade.exchange <= 21
            assert trade.size >= 1 and trade.size == int(trade.size)
    assert {session_of(t.ts_ms) for t in day} == {"closed", "pre", "regular", "post"}

    odd_share = sum(t.size < 100 for t in live) / len(live)
    assert 0.10 <= odd_share <= 0.20
    iso_share = sum(ISO in t.conditions for t in live) / len(live)
    assert 0.03 <= iso_share <= 0.15
    lots = [t.size for t in live if t.size >= 100]
    assert sum(s % 100 == 0 for s in lots) / len(lots) > 0.8
    assert sum(s == 100 for s in lots) / len(lots) > 0.4  # most prints are one round lot
    assert max(t.size for t in live + day) >= 5_000  # heavy tail: some blocks
    assert len({t.exchange for t in live}) >= 10


def test_volume_is_u_shaped_over_the_regular_session() -> None:
    for symbol in ("SPY", "AAPL", "ZZZQ"):
        trades = generate_trades(
            symbol, et(WEDNESDAY, "04:00"), et(WEDNESDAY, "20:00"), history=True
        )

        def volume(a: str, b: str, trades: list[Trade] = trades) -> float:
            lo, hi = et(WEDNESDAY, a), et(WEDNESDAY, b)
            return sum(t.size for t in trades if lo <= t.ts_ms < hi)

        opening = volume("09:30", "10:00")
        midday = volume("12:45", "13:15")
        closing = volume("15:30", "16:00")
        assert opening > 1.5 * midday, symbol
        assert closing > 1.5 * midday, symbol
        assert volume("08:00", "08:30") < 0.5 * midday, symbol  # pre-market is light
        assert volume("17:00", "17:30") < 0.5 * midday, symbol  # after-hours is light


def test_live_rate_in_regular_hours() -> None:
    midday = generate_trades("SPY", et(WEDNESDAY, "12:00"), et(WEDNESDAY, "12:10"))
    opening = generate_trades("SPY", et(WEDNESDAY, "09:30"), et(WEDNESDAY, "09:40"))
    assert 2 <= len(midday) / 600 <= 30
    assert len(opening) > 2 * len(midday)
    assert len(opening) / 600 <= 40


@pytest.mark.parametrize(
    ("day", "hhmm"), [(SATURDAY, "12:00"), (WEDNESDAY, "02:00"), (WEDNESDAY, "22:30")]
)
def test_nights_and_weekends_still_print(day: date, hhmm: str) -> None:
    start = et(day, hhmm)
    assert minute_profile(seq_of(start)).session == "closed"
    for history, least in ((False, 80), (True, 30)):
        # ZZZQ is a quiet unknown symbol: only the night-time floor keeps it printing
        trades = generate_trades("ZZZQ", start, start + 10 * MINUTE_MS, history=history)
        assert len(trades) >= least
        assert all(FORM_T in t.conditions for t in trades)
        assert {seq_of(t.ts_ms) for t in trades} == set(range(seq_of(start), seq_of(start) + 10))


def test_quotes_straddle_the_price() -> None:
    start = et(WEDNESDAY, "10:00")
    sim = SymbolSimulator("META", seed=7, start_ms=start)
    trades = sim.generate(start + MINUTE_MS)
    quote = sim.quote(start + MINUTE_MS)
    assert quote.symbol == "META"
    assert 0 < quote.bid < quote.ask <= quote.bid + 0.10
    assert abs(trades[-1].price - quote.bid) < 0.5
    assert quote.bid_size >= 100 and quote.ask_size >= 100


def test_constructor_validates() -> None:
    with pytest.raises(ValueError):
        SimulatedFeed(["SPY"], speed=0)
    with pytest.raises(ValueError):
        SimulatedFeed(["SPY"], history_minutes=-1)
    feed: Feed = SimulatedFeed(["SPY", "SPY", "QQQ"])
    assert feed.name == "simulated"
    assert isinstance(feed, SimulatedFeed) and feed.symbols == ["SPY", "QQQ"]


# ---------------------------------------------------------------- the feed in a pipeline


async def test_history_fills_the_ring_then_goes_live() -> None:
    start = et(WEDNESDAY, "15:00")
    history = 390
    pipeline = RecordingPipeline()
    feed = SimulatedFeed(WATCHLIST, seed=7, speed=120, history_minutes=history, start_ms=start)
    task = asyncio.create_task(feed.run(pipeline))
    ring = pipeline.ring
    try:
        # the last history minute is final once the clock passes its end + grace
        await wait_until(lambda: (feed.sim_now_ms or 0) > start + 5_000)
        for symbol in WATCHLIST:
            bars = await ring.since_seq(symbol, -1)
            seqs = [b.seq for b in bars]
            assert seqs == sorted(set(seqs)), symbol
            assert seqs[0] == seq_of(start) - history, symbol
            in_history = [s for s in seqs if s < seq_of(start)]
            assert history - 10 <= len(in_history) <= history, symbol
            for bar in bars:
                assert 0 < bar.low <= min(bar.open, bar.close) <= max(bar.open, bar.close)
                assert max(bar.open, bar.close) <= bar.high
                assert bar.volume > 0
            quote = pipeline.builder.quote(symbol)
            assert quote is not None and quote.bid < quote.ask
        # live: bars keep coming past the history
        await wait_until(lambda: (feed.sim_now_ms or 0) > start + 3 * MINUTE_MS)
        last = await ring.last("SPY")
        assert last is not None and last.seq >= seq_of(start)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert pipeline.stats.late_trades == 0
    assert pipeline.stats.rejected == 0
    assert pipeline.ring_rejects == 0
    assert feed.sim_now_ms is None


async def test_set_symbols_adds_and_removes_at_run_time() -> None:
    start = et(SATURDAY, "03:00")
    pipeline = RecordingPipeline()
    feed = SimulatedFeed(["SPY", "QQQ"], speed=120, history_minutes=30, start_ms=start)
    task = asyncio.create_task(feed.run(pipeline))
    try:
        await wait_until(lambda: feed.sim_now_ms is not None)
        await feed.set_symbols(["SPY", "IBM"])
        changed_at = feed.sim_now_ms
        assert changed_at is not None
        await wait_until(lambda: any(t.symbol == "IBM" for t in pipeline.trades))
        first_ibm = next(t for t in pipeline.trades if t.symbol == "IBM")
        assert first_ibm.ts_ms == changed_at  # prints from the moment it was added
        await wait_until(lambda: sum(b.symbol == "IBM" for b in pipeline.bars) >= 2)
        ibm = await pipeline.ring.since_seq("IBM", -1)
        assert [b.seq for b in ibm] == sorted({b.seq for b in ibm})
        assert feed.symbols == ["SPY", "IBM"]
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    late_qqq = [t for t in pipeline.trades if t.symbol == "QQQ" and t.ts_ms >= changed_at]
    assert late_qqq == []
    assert pipeline.stats.late_trades == 0 and pipeline.stats.rejected == 0


async def test_real_time_clock_follows_the_injected_clock() -> None:
    now = [1_741_800_000.0]  # a fake wall clock the test moves by hand
    sink = RecordingSink()
    feed = SimulatedFeed(["AAPL"], history_minutes=5, clock=lambda: now[0])
    task = asyncio.create_task(feed.run(sink))
    try:
        await wait_until(lambda: feed.sim_now_ms is not None)
        assert feed.sim_now_ms == 1_741_800_000_000
        assert sink.clock[0] >= 1_741_800_000_000 - 5 * MINUTE_MS
        now[0] += 12.0
        await wait_until(lambda: sink.clock[-1] == 1_741_800_012_000)
        assert sink.clock == sorted(sink.clock)
        assert all(b - a <= 5_000 for a, b in zip(sink.clock, sink.clock[1:], strict=False))
        with pytest.raises(FeedError):
            await feed.run(sink)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert sink.trades and max(t.ts_ms for t in sink.trades) < 1_741_800_012_000
