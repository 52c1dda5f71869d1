"""Session levels on the real SPY day (2013-10-07): the outlier rule against pandas.

One 7,000-share print at 168.08 (08:14:16 ET, SPY near 167.60) was the pre-market high
and "pre-market high break" fired 9 times between 10:12 and 14:45 (issue 14).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from spotlight_trader.bus import LocalBus
from spotlight_trader.feeds.files import TradeFileReader
from spotlight_trader.market.levels import LevelStats
from spotlight_trader.market.pipeline import MarketPipeline
from spotlight_trader.market.ring import MemoryRing
from spotlight_trader.model import Bar, Signal
from spotlight_trader.rules.core import ActiveRule, AlertCore
from tests.oracle import HL, assert_same_bars, bars_frame, lean_ticks_frame, oracle_bars
from tests.oracle_levels import NEW_YORK, level_prints

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
TICKS = SHARED / "data/ticks/lean/Data/equity/usa/tick/spy/20131007_trade.zip"
K = 10.0  # the LEVEL_OUTLIER_K default


@dataclass
class Run:
    bars: list[Bar]
    signals: list[Signal]
    core: AlertCore
    stats: LevelStats


def replay(k: float) -> Run:
    """The day through the live pipeline (replay clock) into an alert core running the
    pre-market high break without a cooldown (so every cross shows)."""
    rule = ActiveRule("local", 1, "PM high break", 1, "pm_high_break", None, {}, cooldown_s=0)
    core = AlertCore([rule])
    bars: list[Bar] = []
    signals: list[Signal] = []

    def on_bar(bar: Bar) -> None:
        bars.append(bar)
        signals.extend(core.on_bar(bar))

    async def run() -> MarketPipeline:
        pipeline = MarketPipeline(
            MemoryRing(5_000),
            LocalBus(),
            clock_from_trades=True,
            max_ahead_ms=6 * 3_600_000,
            outlier_k=k,
            outlier_nbbo_bps=50.0 if k else 0.0,
        )
        pipeline.level_listeners.append(core.on_levels)
        pipeline.bar_listeners.append(on_bar)
        for batch in TradeFileReader(TICKS).batches():
            await pipeline.ingest(batch)
        await pipeline.flush()
        return pipeline

    pipeline = asyncio.run(run())
    return Run(bars, signals, core, pipeline.level_stats)


@pytest.fixture(scope="module")
def ticks() -> pd.DataFrame:
    return lean_ticks_frame(str(TICKS), "SPY", "2013-10-07")


@pytest.fixture(scope="module")
def robust() -> Run:
    return replay(K)


@pytest.fixture(scope="module")
def raw() -> Run:
    return replay(0.0)


def expected_pmh(ticks: pd.DataFrame) -> tuple[float, pd.DataFrame]:
    """The pandas pre-market high with the outlier rule, and the rejected prints."""
    prints = level_prints(ticks, K)
    et = pd.to_datetime(prints["ts_ms"], unit="ms", utc=True).dt.tz_convert(NEW_YORK)
    minutes = et.dt.hour * 60 + et.dt.minute
    pre = prints[(minutes >= 240) & (minutes < 570)]
    good_hl = pre[((pre["perm"] & HL) != 0) & ~pre["outlier"]]
    return float(good_hl["price"].max()), prints[prints["outlier"]]


def pmh_at_open(run: Run) -> float:
    """The pre-market high the rules saw at the first regular bar."""
    ind = run.core.indicators["SPY"]
    assert ind.pmh is not None
    return ind.pmh


def test_pre_market_high_equals_pandas_with_the_outlier_rule(
    ticks: pd.DataFrame, robust: Run, raw: Run
) -> None:
    pmh, outliers = expected_pmh(ticks)
    stray = outliers[outliers["price"] == 168.08]
    assert len(stray) == 1 and int(stray["size"].iloc[0]) == 7_000
    assert pmh_at_open(raw) == 168.08  # what the issue saw
    assert pmh_at_open(robust) == pmh < 168.08
    assert robust.stats.range_outliers == len(outliers) and robust.stats.nbbo_outliers == 0
    assert 999_789 in outliers["size"].tolist()  # the after-hours print at 168.90 too


def test_pre_market_high_break_flood_is_gone(ticks: pd.DataFrame, robust: Run, raw: Run) -> None:
    times = [s.explanation.rsplit(", ", 1)[-1] for s in raw.signals]
    assert len(raw.signals) == 9 and times[0] == "10:12 ET" and times[-1] == "14:45 ET"
    assert all(s.inputs["pmh"] == 168.08 for s in raw.signals)
    pmh, _ = expected_pmh(ticks)
    assert len(robust.signals) < len(raw.signals)
    for signal in robust.signals:
        assert signal.inputs["pmh"] == pmh
        assert signal.inputs["close"] > pmh
        assert signal.explanation.endswith("; ignored 1 outlier print at 168.08")


def test_bars_stay_as_the_consolidated_rules_make_them(ticks: pd.DataFrame, robust: Run) -> None:
    assert_same_bars(bars_frame(robust.bars), oracle_bars(ticks, grace_ms=2_000))
