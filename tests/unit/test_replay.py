"""ReplayFeed into a real MarketPipeline."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from spotlight_trader.bus import LocalBus
from spotlight_trader.feeds.files import read_trades, write_trades_csv
from spotlight_trader.feeds.replay import ReplayFeed
from spotlight_trader.market.bars import BarBuilder, build_bars
from spotlight_trader.market.pipeline import MarketPipeline
from spotlight_trader.market.ring import MemoryRing
from spotlight_trader.model import Bar, Trade

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SPY = SHARED / "data/ticks/lean/Data/equity/usa/tick/spy/20131007_trade.zip"
T0 = 1_704_205_800_000


async def replay_bars(path: Path, symbols: list[str] | None = None, **kwargs: object) -> list[Bar]:
    ring = MemoryRing(capacity=100_000)
    pipeline = MarketPipeline(ring, LocalBus(), clock_from_trades=False)
    feed = ReplayFeed(path, **kwargs)  # type: ignore[arg-type]
    if symbols is not None:
        await feed.set_symbols(symbols)
    await feed.run(pipeline)
    assert pipeline.ring_rejects == 0
    bars: list[Bar] = []
    for symbol in sorted(await ring.symbols()):
        bars.extend(await ring.since_seq(symbol, -1))
    return bars


def by_key(bars: list[Bar]) -> list[Bar]:
    return sorted(bars, key=lambda b: (b.symbol, b.seq))


def synthetic(n: int, seed: int, *, ordered: bool) -> list[Trade]:
    rng = random.Random(seed)
    conds = [(), (0,), (14, 41), (12,), (37,), (2,), (32,), (15,), (38,), (99,)]
    trades = []
    ts = T0
    for _ in range(n):
        ts += rng.choice([0, 1, 5, 40, 250, 900, 3_000, 20_000])
        late = 0 if ordered or rng.random() > 0.15 else rng.randint(0, 70_000)
        trades.append(
            Trade(
                rng.choice(["AAA", "BBB", "CCC"]),
                ts - late,
                rng.choice([10.0, 10.5, 11.0, 9.75]),
                float(rng.choice([1, 100, 300])),
                rng.choice(conds),
            )
        )
    return trades


async def test_spy_max_speed_equals_build_bars() -> None:
    progress: list[tuple[int, int]] = []
    bars = await replay_bars(SPY, speed=None, on_progress=lambda d, t: progress.append((d, t)))
    expected = build_bars(read_trades(SPY))
    assert len(expected) == 828
    assert by_key(bars) == by_key(expected)
    assert progress[-1] == (250_601, 250_601)
    assert all(d <= t for d, t in progress)


@pytest.mark.parametrize("seed", range(5))
async def test_time_ordered_file_equals_build_bars(tmp_path: Path, seed: int) -> None:
    trades = synthetic(3_000, seed, ordered=True)
    path = tmp_path / "t.csv"
    write_trades_csv(path, trades)
    bars = await replay_bars(path, speed=None, batch_ms=5_000)
    assert by_key(bars) == by_key(build_bars(trades))


@pytest.mark.parametrize("seed", range(5))
async def test_out_of_order_file_equals_per_trade_clock(tmp_path: Path, seed: int) -> None:
    """Batching must not change bars: reference = the clock advanced before every trade."""
    trades = synthetic(3_000, seed, ordered=False)
    path = tmp_path / "t.csv"
    write_trades_csv(path, trades)
    expected: list[Bar] = []
    ref = BarBuilder(expected.append, grace_ms=2_000, max_ahead_ms=10_000)
    clock = -1
    for trade in trades:
        clock = max(clock, trade.ts_ms)
        ref.advance(clock)
        ref.on_trade(trade)
    ref.flush()
    assert ref.stats.late_trades > 0  # the file really has late prints
    for batch_ms in (1, 100, 1_000):
        bars = await replay_bars(path, speed=None, batch_ms=batch_ms)
        assert by_key(bars) == by_key(expected)


async def test_set_symbols_filters(tmp_path: Path) -> None:
    trades = synthetic(2_000, 7, ordered=True)
    path = tmp_path / "t.csv"
    write_trades_csv(path, trades)
    bars = await replay_bars(path, ["bbb"], speed=None)
    assert bars and {b.symbol for b in bars} == {"BBB"}
    assert by_key(bars) == [b for b in by_key(build_bars(trades)) if b.symbol == "BBB"]


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.mark.parametrize("speed", [1.0, 20.0])
async def test_pacing_follows_replay_time(tmp_path: Path, speed: float) -> None:
    trades = [
        Trade("AAA", T0 + offset, 10.0, 100.0) for offset in (0, 500, 500, 2_000, 62_000, 62_010)
    ]
    path = tmp_path / "t.csv"
    write_trades_csv(path, trades)
    fake = FakeTime()
    advanced: list[int] = []
    pipeline = MarketPipeline(MemoryRing(), LocalBus(), clock_from_trades=False)
    original = pipeline.advance

    async def spy_advance(now_ms: int) -> None:
        advanced.append(now_ms)
        await original(now_ms)

    pipeline.advance = spy_advance  # type: ignore[method-assign]
    feed = ReplayFeed(path, speed=speed, sleep=fake.sleep, monotonic=fake.monotonic)
    await feed.run(pipeline)
    # wall time spent = replay time span / speed (the fake clock only moves when sleeping);
    # the last batch (62_000 and 62_010, within batch_ms=100) is paced to its first trade
    assert fake.now - 100.0 == pytest.approx(62.0 / speed)
    assert advanced == [T0, T0 + 500, T0 + 2_000, T0 + 62_000]
    assert [round(s, 9) for s in fake.sleeps if s > 0] == [
        round(x / speed, 9) for x in (0.5, 1.5, 60.0)
    ]
    assert pipeline.stats.bars == 2
