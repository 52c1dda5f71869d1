"""The simulated market: a pure model whose bars are exactly what its tape builds, the same
in every process, and a feed that warms up without publishing history."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Sequence
from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spotlight_trader.bus import LocalBus, bar_topic
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
from spotlight_trader.market.bars import build_bars
from spotlight_trader.market.conditions import FORM_T, ISO, ODD_LOT
from spotlight_trader.market.lifecycle import Lifecycle, MarketState, Phase
from spotlight_trader.market.pipeline import MarketPipeline
from spotlight_trader.market.ring import MemoryRing
from spotlight_trader.market.session import et_to_ms
from spotlight_trader.model import MINUTE_MS, Bar, Quote, Trade, seq_of

WEDNESDAY = date(2025, 3, 12)
SATURDAY = date(2025, 3, 15)
DST_SUNDAY = date(2025, 3, 9)  # a New York day of 23 hours
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
        self.history: list[Bar] = []
        self.states: list[MarketState] = []
        self.lifecycle = Lifecycle()
        self.lifecycle.listeners.append(self.states.append)

    async def ingest(self, trades: Sequence[Trade]) -> None:
        self.trades.extend(trades)

    def on_quote(self, quote: Quote) -> None:
        self.quotes.append(quote)

    async def advance(self, now_ms: int) -> None:
        self.clock.append(now_ms)

    def count_malformed(self, n: int = 1) -> None:
        raise AssertionError("the simulator never sends malformed input")

    async def load_history(self, bars: Sequence[Bar]) -> int:
        self.history.extend(bars)
        return len(bars)

    def report(
        self, phase: Phase, detail: str = "", *, done: int | None = None, total: int | None = None
    ) -> None:
        self.lifecycle.set(phase, detail, done=done, total=total)


class RecordingPipeline(MarketPipeline):
    """A real pipeline that also records the trades it ingests and the bars it stores."""

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
    """Poll ``condition`` for up to 30 s (a guard against hanging, not a speed check)."""
    for _ in range(1_500):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not met within 30 s")


async def history_of(symbols: Sequence[str], *, seed: int = 7, start_ms: int) -> list[Bar]:
    """Run a feed until it goes live; return the history bars it loaded."""
    sink = RecordingSink()
    feed = SimulatedFeed(symbols, seed=seed, history_minutes=60, start_ms=start_ms)
    task = asyncio.create_task(feed.run(sink))
    try:
        await wait_until(lambda: feed.sim_now_ms is not None)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    return sink.history


# ---------------------------------------------------------------- the model


def test_tape_is_deterministic_and_independent_of_windowing() -> None:
    start, end = et(WEDNESDAY, "09:30"), et(WEDNESDAY, "10:00")
    whole = generate_trades("SPY", start, end, seed=11)
    assert len(whole) > 1_000
    assert whole == generate_trades("SPY", start, end, seed=11)

    sim = SymbolSimulator("SPY", seed=11)
    cuts = sorted(random.Random(3).sample(range(start + 1, end), 500))
    pieces: list[Trade] = []
    for a, b in zip([start, *cuts], [*cuts, end], strict=True):
        pieces.extend(sim.trades(a, b))
    assert pieces == whole

    assert generate_trades("SPY", start, end, seed=12) != whole
    assert [t.ts_ms for t in whole] == sorted(t.ts_ms for t in whole)
    assert all(start <= t.ts_ms < end for t in whole)


@settings(max_examples=40, deadline=None)
@given(
    symbol=st.sampled_from([*WATCHLIST, "ZZZQ", "BRK.B"]),
    seed=st.integers(0, 2**31),
    # any minute of two weeks, including a DST change and weekends
    seq=st.integers(seq_of(et(date(2025, 3, 3), "00:00")), seq_of(et(date(2025, 3, 17), "00:00"))),
)
def test_planned_bar_is_exactly_what_the_tape_builds(symbol: str, seed: int, seq: int) -> None:
    """History bars come from the plan without a print; live bars from the prints through
    the real bar builder. They must be the same bar, or a restart would jump."""
    sim = SymbolSimulator(symbol, seed=seed)
    tape = sim.trades(seq * MINUTE_MS, (seq + 1) * MINUTE_MS)
    planned = sim.bars(seq, seq + 1)
    assert build_bars(tape) == planned
    assert planned == SymbolSimulator(symbol, seed=seed).bars(seq, seq + 1)  # any process


def test_bars_do_not_depend_on_how_the_range_is_asked_for() -> None:
    first, last = seq_of(et(DST_SUNDAY, "00:00")) - 600, seq_of(et(DST_SUNDAY, "23:00")) + 600
    whole = SymbolSimulator("NVDA", seed=3).bars(first, last)
    sim = SymbolSimulator("NVDA", seed=3)
    cuts = sorted(random.Random(5).sample(range(first + 1, last), 40))
    pieces: list[Bar] = []
    for a, b in zip([first, *cuts], [*cuts, last], strict=True):
        pieces.extend(sim.bars(a, b))
    assert pieces == whole
    seqs = [b.seq for b in whole]
    assert seqs == sorted(set(seqs)) and len(seqs) > 0.95 * (last - first)
    # consecutive minutes join: a bar opens within a few spreads of the previous close
    jumps = [abs(b.open - a.close) / a.close for a, b in pairwise(whole)]
    assert max(jumps) < 0.01


def test_prices_are_positive_cents_near_the_profile() -> None:
    start = seq_of(et(WEDNESDAY, "09:30"))
    for symbol in [*KNOWN_PROFILES, "ZZZQ"]:
        bars = SymbolSimulator(symbol, seed=7).bars(start, start + 390)
        reference = profile_for(symbol).price
        assert len(bars) == 390, symbol
        for bar in bars:
            for price in (bar.open, bar.high, bar.low, bar.close):
                assert round(price, 2) == price
                assert 0.8 * reference < price < 1.2 * reference, (symbol, bar)
            assert bar.low <= min(bar.open, bar.close) <= max(bar.open, bar.close) <= bar.high


def test_unknown_symbols_get_a_stable_plausible_price() -> None:
    assert profile_for("ZZZQ") == profile_for("ZZZQ")
    prices = {profile_for(s).price for s in ("ZZZQ", "ABCD", "XYZ", "IBM", "BRK.B")}
    assert len(prices) == 5
    assert all(10 <= p < 500 for p in prices)


def test_price_never_reaches_zero() -> None:
    penny = SymbolProfile(price=0.004, annual_vol=3.0, trades_per_s=5.0, spread_cents=1)
    start = et(WEDNESDAY, "09:30")
    sim = SymbolSimulator("PENNY", seed=1, profile=penny)
    trades = sim.trades(start, start + 120 * MINUTE_MS)
    assert trades
    assert min(t.price for t in trades) >= 0.01
    quote = sim.quote(start + 120 * MINUTE_MS)
    assert 0 < quote.bid < quote.ask


@pytest.mark.parametrize(
    ("day", "hhmm"),
    [
        (WEDNESDAY, "02:00"),
        (WEDNESDAY, "08:00"),
        (WEDNESDAY, "11:00"),
        (WEDNESDAY, "17:00"),
        (SATURDAY, "12:00"),
    ],
)
def test_conditions_sizes_and_venues(day: date, hhmm: str) -> None:
    start = et(day, hhmm)
    trades = generate_trades("SPY", start, start + 30 * MINUTE_MS)
    for trade in trades:
        regular = minute_profile(seq_of(trade.ts_ms)).session == "regular"
        assert (FORM_T in trade.conditions) is not regular, trade
        assert (ODD_LOT in trade.conditions) is (trade.size < 100), trade
        assert ISO not in trade.conditions or regular, trade
        assert trade.exchange in EXCHANGE_IDS
        assert trade.size >= 1 and trade.size == int(trade.size)
    if minute_profile(seq_of(start)).session != "regular":
        return
    odd_share = sum(t.size < 100 for t in trades) / len(trades)
    assert 0.10 <= odd_share <= 0.20
    iso_share = sum(ISO in t.conditions for t in trades) / len(trades)
    assert 0.03 <= iso_share <= 0.15
    lots = [t.size for t in trades if t.size >= 100]
    assert sum(s % 100 == 0 for s in lots) / len(lots) > 0.8
    assert sum(s == 100 for s in lots) / len(lots) > 0.4  # most prints are one round lot
    assert max(lots) >= 2_000  # heavy tail
    assert len({t.exchange for t in trades}) >= 10


def test_volume_is_u_shaped_over_the_regular_session() -> None:
    for symbol in ("SPY", "AAPL", "ZZZQ"):
        sim = SymbolSimulator(symbol, seed=7)

        def volume(a: str, b: str, sim: SymbolSimulator = sim) -> float:
            return sum(
                bar.volume for bar in sim.bars(seq_of(et(WEDNESDAY, a)), seq_of(et(WEDNESDAY, b)))
            )

        midday = volume("12:45", "13:15")
        assert volume("09:30", "10:00") > 1.5 * midday, symbol
        assert volume("15:30", "16:00") > 1.5 * midday, symbol
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
    # ZZZQ is a quiet unknown symbol: only the night-time floor keeps it printing
    trades = generate_trades("ZZZQ", start, start + 10 * MINUTE_MS)
    assert len(trades) >= 80
    assert all(FORM_T in t.conditions for t in trades)
    assert {seq_of(t.ts_ms) for t in trades} == set(range(seq_of(start), seq_of(start) + 10))


def test_quotes_straddle_the_price() -> None:
    start = et(WEDNESDAY, "10:00")
    sim = SymbolSimulator("META", seed=7)
    trades = sim.trades(start, start + MINUTE_MS)
    quote = sim.quote(start + MINUTE_MS)
    assert quote == SymbolSimulator("META", seed=7).quote(start + MINUTE_MS)
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


# ---------------------------------------------------------------- the feed


async def test_feed_history_is_deterministic_per_seed_and_symbol() -> None:
    start = et(WEDNESDAY, "11:00")
    first = await history_of(["SPY", "QQQ"], start_ms=start)
    again = await history_of(["SPY", "QQQ"], start_ms=start)
    assert len(first) == 120  # 60 minutes of two symbols, every minute prints
    assert first == again
    assert {b.symbol for b in first} == {"SPY", "QQQ"}
    spy = [b for b in first if b.symbol == "SPY"]
    assert [b.seq for b in spy] == list(range(seq_of(start) - 60, seq_of(start)))

    alone = await history_of(["SPY"], start_ms=start)
    widened = await history_of(["NVDA", "SPY", "IBM"], start_ms=start)
    assert alone == spy
    assert [b for b in widened if b.symbol == "SPY"] == spy
    assert await history_of(["SPY"], seed=8, start_ms=start) != spy


async def test_history_fills_the_ring_unpublished_then_goes_live() -> None:
    start = et(WEDNESDAY, "15:00")
    history = 390
    pipeline = RecordingPipeline()
    states: list[MarketState] = []
    pipeline.lifecycle.listeners.append(states.append)
    published = pipeline.bus.subscribe([bar_topic(s) for s in WATCHLIST], maxsize=100_000)
    feed = SimulatedFeed(WATCHLIST, seed=7, speed=120, history_minutes=history, start_ms=start)
    task = asyncio.create_task(feed.run(pipeline))
    ring = pipeline.ring
    try:
        await wait_until(lambda: pipeline.lifecycle.state.phase is Phase.LIVE)
        # every symbol's history was in the ring before "live", none of it on the bus
        warming = [s for s in states if s.phase is Phase.WARMING]
        assert warming[-1].done == warming[-1].total == history * len(WATCHLIST)
        assert [s.done for s in warming] == sorted(s.done or 0 for s in warming)
        for symbol in WATCHLIST:
            # (live bars may already follow: the clock ran on while the history loaded)
            bars = [b for b in await ring.since_seq(symbol, -1) if b.seq < seq_of(start)]
            assert [b.seq for b in bars] == list(range(seq_of(start) - history, seq_of(start)))
            assert bars == SymbolSimulator(symbol, seed=7).bars(
                seq_of(start) - history, seq_of(start)
            )
        # live: bars keep coming past the history, published; the history never was
        await wait_until(lambda: (feed.sim_now_ms or 0) > start + 3 * MINUTE_MS)
        last = await ring.last("SPY")
        assert last is not None and last.seq >= seq_of(start)
        seen: list[Bar] = []
        while (item := published.get_nowait()) is not None:
            assert isinstance(item[1], Bar)
            seen.append(item[1])
        assert seen and min(b.seq for b in seen) == seq_of(start)
        quote = pipeline.builder.quote("SPY")
        assert quote is not None and quote.bid < quote.ask
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert pipeline.stats.late_trades == 0
    assert pipeline.stats.rejected == 0
    assert pipeline.ring_rejects == 0
    assert feed.sim_now_ms is None


async def test_a_restarted_feed_regenerates_the_bars_an_earlier_one_made_live() -> None:
    """Pinned SIM_START/SIM_EPOCH: the second process's history holds exactly the bars the
    first process built from its live prints, so a chart spanning the restart has no seam."""
    wall = [1_741_800_000.0]
    start = et(WEDNESDAY, "10:58") + 17_000  # mid-minute, on purpose
    first = RecordingPipeline()
    feed = SimulatedFeed(
        ["SPY", "TSLA"],
        speed=60,
        history_minutes=30,
        start_ms=start,
        epoch_s=wall[0],
        clock=lambda: wall[0],
    )
    task = asyncio.create_task(feed.run(first))
    try:
        await wait_until(lambda: feed.sim_now_ms is not None)
        for _ in range(6):  # six simulated minutes, a wall second at a time
            wall[0] += 1.0
            target = start + int((wall[0] - 1_741_800_000.0) * 60_000)

            def reached(t: int = target) -> bool:
                return (feed.sim_now_ms or 0) >= t

            await wait_until(reached)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    live = [b for b in first.bars if b.seq >= seq_of(start)]
    assert {b.symbol for b in live} == {"SPY", "TSLA"} and len(live) >= 10

    restarted = RecordingSink()
    again = SimulatedFeed(
        ["SPY", "TSLA"],
        speed=60,
        history_minutes=30,
        start_ms=start,
        epoch_s=1_741_800_000.0,
        clock=lambda: wall[0] + 0.5,
    )
    task = asyncio.create_task(again.run(restarted))
    try:
        await wait_until(lambda: again.sim_now_ms is not None)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    history = {(b.symbol, b.seq): b for b in restarted.history}
    assert [history[(b.symbol, b.seq)] for b in live] == live
    # and the earlier process's own history matches too
    assert [history.get((b.symbol, b.seq), b) for b in first.bars] == first.bars


async def test_set_symbols_adds_with_history_and_removes_at_run_time() -> None:
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
        assert first_ibm.ts_ms < changed_at + 5_000
        assert seq_of(first_ibm.ts_ms) >= seq_of(changed_at)  # from the minute it was added
        await wait_until(lambda: sum(b.symbol == "IBM" for b in pipeline.bars) >= 2)
        ibm = await pipeline.ring.since_seq("IBM", -1)
        seqs = [b.seq for b in ibm]
        assert seqs == sorted(set(seqs))
        assert len([s for s in seqs if s < seq_of(first_ibm.ts_ms)]) >= 25  # its history
        assert feed.symbols == ["SPY", "IBM"]
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    late_qqq = [t for t in pipeline.trades if t.symbol == "QQQ" and t.ts_ms >= changed_at + 5_000]
    assert late_qqq == []
    assert pipeline.stats.late_trades == 0 and pipeline.stats.rejected == 0


async def test_clock_is_a_pure_function_of_the_wall_clock() -> None:
    now = [1_741_800_000.0]  # a fake wall clock the test moves by hand
    sink = RecordingSink()
    feed = SimulatedFeed(["AAPL"], history_minutes=5, clock=lambda: now[0])
    task = asyncio.create_task(feed.run(sink))
    try:
        await wait_until(lambda: sink.lifecycle.state.phase is Phase.LIVE)
        assert [b.seq for b in sink.history] == list(
            range(1_741_800_000 // 60 - 5, 1_741_800_000 // 60)
        )
        now[0] += 12.0
        await wait_until(lambda: bool(sink.clock) and sink.clock[-1] == 1_741_800_012_000)
        assert sink.clock == sorted(sink.clock)
        assert all(b - a <= 5_000 for a, b in zip(sink.clock, sink.clock[1:], strict=False))
        with pytest.raises(FeedError):
            await feed.run(sink)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert sink.trades and max(t.ts_ms for t in sink.trades) < 1_741_800_012_000
    assert min(t.ts_ms for t in sink.trades) >= 1_741_800_000_000 // MINUTE_MS * MINUTE_MS

    # pinned: SIM_START at SIM_EPOCH, N× from there, whenever the process starts
    pinned = RecordingSink()
    epoch = 1_741_700_000.0
    later = SimulatedFeed(
        ["AAPL"],
        speed=30,
        history_minutes=1,
        start_ms=et(WEDNESDAY, "09:00"),
        epoch_s=epoch,
        clock=lambda: epoch + 100.0,
    )
    task = asyncio.create_task(later.run(pinned))
    try:
        await wait_until(lambda: later.sim_now_ms is not None)
        assert pinned.history[-1].seq == seq_of(et(WEDNESDAY, "09:00") + 100 * 30_000) - 1
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
