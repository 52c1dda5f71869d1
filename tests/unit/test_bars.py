"""BarBuilder unit tests: minute edges, finality, lateness, grace, eligibility, microbars."""

from __future__ import annotations

import dataclasses

import msgspec
import pytest

from spotlight_trader.market import conditions as c
from spotlight_trader.market.bars import BarBuilder, build_bars
from spotlight_trader.model import MINUTE_MS, Bar, Microbar, Quote, Trade

T0 = 1_700_000_040_000  # a minute boundary
assert T0 % MINUTE_MS == 0


def trade(
    ts: int, price: float = 100.0, size: float = 100, sym: str = "SPY", cond: tuple[int, ...] = ()
) -> Trade:
    return Trade(sym, ts, price, size, cond)


class Recorder:
    def __init__(self, **kwargs: object) -> None:
        self.bars: list[Bar] = []
        self.micro: list[Microbar] = []
        self.builder = BarBuilder(self.bars.append, self.micro.append, **kwargs)  # type: ignore[arg-type]


def test_rollover_at_minute_edge_finalises_previous_minute() -> None:
    r = Recorder()
    r.builder.on_trades([trade(T0, 10), trade(T0 + 59_999, 11), trade(T0 + 60_000, 12)])
    assert [b.seq for b in r.bars] == [T0 // MINUTE_MS]
    bar = r.bars[0]
    assert (bar.open, bar.high, bar.low, bar.close, bar.volume, bar.trades) == (
        10,
        11,
        10,
        11,
        200,
        2,
    )
    assert bar.bar_start_ms == T0 and bar.bar_end_ms == T0 + MINUTE_MS


def test_final_bars_are_frozen() -> None:
    bars = build_bars([trade(T0), trade(T0 + MINUTE_MS)])
    with pytest.raises((AttributeError, TypeError)):
        bars[0].close = 1.0  # type: ignore[misc]


def test_seq_strictly_increasing_and_empty_minutes_emit_nothing() -> None:
    trades = [trade(T0 + m * MINUTE_MS + 5) for m in (0, 1, 3, 7)]
    bars = build_bars(trades)
    assert [b.seq - T0 // MINUTE_MS for b in bars] == [0, 1, 3, 7]


def test_late_trade_for_final_minute_is_counted_and_dropped() -> None:
    r = Recorder()
    r.builder.on_trades([trade(T0, 10), trade(T0 + MINUTE_MS, 11), trade(T0 + 30_000, 99)])
    assert r.builder.stats.late_trades == 1
    r.builder.flush()
    assert all(99 not in (b.open, b.high, b.low, b.close) for b in r.bars)
    assert len(r.bars) == 2


def test_out_of_order_within_forming_minute_sets_open_by_time() -> None:
    bars = build_bars([trade(T0 + 500, 10), trade(T0 + 100, 9), trade(T0 + 900, 11)])
    assert (bars[0].open, bars[0].close, bars[0].low) == (9, 11, 9)


def test_grace_timer_finalises_without_a_new_trade() -> None:
    r = Recorder(grace_ms=2_000)
    r.builder.on_trade(trade(T0 + 10))
    r.builder.advance(T0 + MINUTE_MS + 1_999)
    assert r.bars == []
    r.builder.advance(T0 + MINUTE_MS + 2_000)
    assert [b.seq for b in r.bars] == [T0 // MINUTE_MS]
    # a trade inside the grace window would have counted; after it, it is late
    r.builder.on_trade(trade(T0 + 59_000))
    assert r.builder.stats.late_trades == 1


def test_clock_final_minute_without_trades_rejects_later_prints() -> None:
    r = Recorder(grace_ms=1_000)
    r.builder.advance(T0 + 3 * MINUTE_MS)
    r.builder.on_trade(trade(T0 + MINUTE_MS + 5))  # minute 1 ended 2 minutes ago
    assert r.builder.stats.late_trades == 1


@pytest.mark.parametrize(
    ("cond", "expect"),
    [
        ((c.ODD_LOT,), "volume"),
        ((c.AVERAGE_PRICE,), "volume"),
        ((c.OFFICIAL_CLOSE,), "none"),
        ((c.SOLD_OUT_OF_SEQUENCE,), "high_low"),
        ((c.FORM_T,), "all"),
        ((c.ISO, c.TRADE_THRU_EXEMPT), "all"),
        ((c.ISO, c.ODD_LOT), "volume"),
    ],
)
def test_ineligible_conditions(cond: tuple[int, ...], expect: str) -> None:
    base = [trade(T0, 100, 100), trade(T0 + 1_000, 100, 100)]
    special = trade(T0 + 2_000, 150, 50, cond=cond)
    r = Recorder()
    r.builder.on_trades([*base, special, trade(T0 + 3_000, 100, 100)])
    r.builder.flush()
    bar = r.bars[0]
    assert (bar.volume == 350) is (expect in ("volume", "all", "high_low"))
    assert (bar.high == 150) is (expect in ("all", "high_low"))
    if expect == "none":
        assert r.builder.stats.ineligible == 1 and bar.trades == 3


def test_minute_with_only_volume_prints_emits_no_bar() -> None:
    r = Recorder()
    r.builder.on_trades([trade(T0, 10, 50, cond=(c.ODD_LOT,)), trade(T0 + MINUTE_MS, 11)])
    r.builder.flush()
    assert [b.seq for b in r.bars] == [T0 // MINUTE_MS + 1]
    assert r.builder.stats.unpriced_volume == 50


@pytest.mark.parametrize(
    "bad",
    [
        trade(T0, float("nan")),
        trade(T0, -1.0),
        trade(T0, 0.0),
        trade(T0, float("inf")),
        trade(T0, 10, 0),
        trade(T0, 10, -5),
        trade(0, 10),
        trade(9_999_999_999_999, 10),
    ],
)
def test_implausible_trades_are_rejected(bad: Trade) -> None:
    r = Recorder()
    r.builder.on_trades([trade(T0), bad, trade(T0 + 1)])
    r.builder.flush()
    assert r.builder.stats.rejected == 1
    assert len(r.bars) == 1 and r.bars[0].trades == 2


def test_far_future_relative_to_clock_is_rejected() -> None:
    r = Recorder(max_ahead_ms=5_000)
    r.builder.advance(T0)
    r.builder.on_trade(trade(T0 + 6_000))
    assert r.builder.stats.rejected == 1


def test_microbars_carry_bucket_and_forming_minute() -> None:
    r = Recorder()
    r.builder.on_trades([trade(T0 + 10, 10), trade(T0 + 100, 12), trade(T0 + 260, 11)])
    assert len(r.micro) == 1
    mb = r.micro[0]
    assert mb.bucket_start_ms == T0 and (mb.open, mb.high, mb.close, mb.trades) == (10, 12, 12, 2)
    assert mb.minute.seq == T0 // MINUTE_MS and mb.minute.close == 12 and mb.minute.volume == 200
    r.builder.advance(T0 + 500)  # clock passes the second bucket's end
    assert len(r.micro) == 2 and r.micro[1].minute.close == 11 and r.micro[1].minute.trades == 3


def test_microbar_minute_snapshot_matches_final_bar() -> None:
    r = Recorder()
    r.builder.on_trades([trade(T0 + i * 700, 100 + i % 7, 100) for i in range(80)])
    r.builder.flush()
    last_micro = [m for m in r.micro if m.minute.seq == r.bars[0].seq][-1].minute
    bar = r.bars[0]
    assert (
        last_micro.open,
        last_micro.high,
        last_micro.low,
        last_micro.close,
        last_micro.volume,
    ) == (
        bar.open,
        bar.high,
        bar.low,
        bar.close,
        bar.volume,
    )


def test_quotes_keep_latest_valid() -> None:
    r = Recorder()
    r.builder.on_quote(Quote("SPY", 2, 10.0, 10.1, 100, 100))
    r.builder.on_quote(Quote("SPY", 1, 9.0, 9.1, 100, 100))  # older
    r.builder.on_quote(Quote("SPY", 3, 10.2, 10.1, 100, 100))  # crossed
    q = r.builder.quote("SPY")
    assert q is not None and q.bid == 10.0
    assert r.builder.stats.rejected == 1


def test_stats_is_a_dataclass_snapshot() -> None:
    r = Recorder()
    r.builder.on_trade(trade(T0))
    assert dataclasses.asdict(r.builder.stats)["trades"] == 1
    assert msgspec.json.decode(msgspec.json.encode(build_bars([trade(T0)])), type=list[Bar])[0].seq
