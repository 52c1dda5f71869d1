"""BarBuilder (batch mode) against the independent pandas oracle."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spotlight_trader.market.bars import BarBuilder, build_bars
from spotlight_trader.model import Bar, Trade
from tests.oracle import assert_same_bars, bars_frame, oracle_bars, trades_frame

T0 = 1_704_205_800_000  # 2024-01-02 14:30:00 UTC, a minute boundary

CONDITION_SETS = [
    (),
    (0,),
    (14, 41),
    (12,),  # Form T: full
    (12, 14),
    (13,),  # like 32
    (32,),
    (10,),
    (2,),  # volume only
    (37,),  # odd lot: volume only
    (2, 12),
    (15,),  # nothing
    (16,),
    (38,),  # H/L + O/C, no volume
    (99,),  # unknown: neutral
    (200, 0),
    (33,),
    (8, 41),
    (25,),
    (29, 41),
]

PRICES = [100.0, 100.25, 100.5, 99.75, 101.0, 100.125, 99.5]


@st.composite
def trade_sequences(draw: st.DrawFn) -> list[Trade]:
    n = draw(st.integers(min_value=0, max_value=60))
    # a time line of duplicates and gaps, ~6 minutes long
    base_times = sorted(
        draw(
            st.lists(
                st.one_of(
                    st.integers(0, 360_000),
                    st.sampled_from([0, 59_999, 60_000, 61_999, 62_000, 120_000, 180_500]),
                ),
                min_size=n,
                max_size=n,
            )
        )
    )
    trades: list[Trade] = []
    for offset in base_times:
        kind = draw(st.integers(0, 99))
        ts = T0 + offset
        if kind < 20:  # arrives late: stamped up to ~90 s before its place in the stream
            ts -= draw(st.integers(0, 90_000))
        elif kind < 22:  # far in the future (max-ahead) or before 2000
            ts = draw(st.sampled_from([T0 + 7 * 3_600_000, T0 + 40_000_000, 900_000_000_000]))
        price = draw(st.sampled_from(PRICES))
        if draw(st.integers(0, 49)) == 0:
            price = draw(st.sampled_from([0.0, -1.0, 2e7]))
        size = float(draw(st.sampled_from([1, 100, 100, 200, 37, 5_000])))
        if draw(st.integers(0, 49)) == 0:
            size = 0.0
        trades.append(
            Trade(
                symbol=draw(st.sampled_from(["AAA", "BBB", "CCC"])),
                ts_ms=ts,
                price=price,
                size=size,
                conditions=draw(st.sampled_from(CONDITION_SETS)),
            )
        )
    # local shuffles: swap some neighbours (out-of-order arrival within a few prints)
    for _ in range(draw(st.integers(0, max(0, n // 3)))):
        i = draw(st.integers(0, max(0, n - 2)))
        if i + 1 < n:
            trades[i], trades[i + 1] = trades[i + 1], trades[i]
    return trades


def builder_bars(trades: list[Trade], grace_ms: int, max_ahead_ms: int) -> list[Bar]:
    out: list[Bar] = []
    builder = BarBuilder(
        out.append, grace_ms=grace_ms, clock_from_trades=True, max_ahead_ms=max_ahead_ms
    )
    builder.on_trades(trades)
    builder.flush()
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trades=trade_sequences(), grace_ms=st.sampled_from([0, 500, 2_000, 30_000, 60_000]))
def test_build_bars_equals_oracle(trades: list[Trade], grace_ms: int) -> None:
    expected = oracle_bars(trades_frame(trades), grace_ms=grace_ms)
    assert_same_bars(bars_frame(build_bars(trades, grace_ms=grace_ms)), expected)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    trades=trade_sequences(),
    grace_ms=st.sampled_from([0, 2_000]),
    max_ahead_ms=st.sampled_from([1_000, 30_000, 120_000]),
)
def test_builder_max_ahead_equals_oracle(
    trades: list[Trade], grace_ms: int, max_ahead_ms: int
) -> None:
    expected = oracle_bars(trades_frame(trades), grace_ms=grace_ms, max_ahead_ms=max_ahead_ms)
    assert_same_bars(bars_frame(builder_bars(trades, grace_ms, max_ahead_ms)), expected)


def _t(
    sym: str, offset_ms: int, price: float, size: float = 100, cond: tuple[int, ...] = ()
) -> Trade:
    return Trade(sym, T0 + offset_ms, price, size, cond)


def test_grace_rule_boundary() -> None:
    """Minute 0 of AAA stays open until the clock reaches its end + grace, not a ms earlier."""
    for clock_offset, accepted in ((61_999, True), (62_000, False)):
        trades = [
            _t("AAA", 10_000, 100.0),
            _t("BBB", clock_offset, 50.0),  # moves the clock
            _t("AAA", 30_000, 101.0),  # straggler for AAA's minute 0
        ]
        bars = build_bars(trades, grace_ms=2_000)
        aaa = [b for b in bars if b.symbol == "AAA"]
        assert len(aaa) == 1
        assert (aaa[0].close, aaa[0].trades) == ((101.0, 2) if accepted else (100.0, 1))
        assert_same_bars(bars_frame(bars), oracle_bars(trades_frame(trades), grace_ms=2_000))


def test_same_symbol_later_minute_finalises_immediately() -> None:
    trades = [_t("AAA", 10_000, 100.0), _t("AAA", 60_500, 100.5), _t("AAA", 59_000, 99.0)]
    bars = build_bars(trades, grace_ms=60_000)
    assert [(b.seq - T0 // 60_000, b.close, b.trades) for b in bars] == [
        (0, 100.0, 1),
        (1, 100.5, 1),
    ]
    assert_same_bars(bars_frame(bars), oracle_bars(trades_frame(trades), grace_ms=60_000))


def test_volume_only_minute_emits_no_bar() -> None:
    trades = [_t("AAA", 1_000, 100.0, cond=(37,)), _t("AAA", 61_000, 100.0, cond=(0,))]
    bars = build_bars(trades)
    assert [b.seq - T0 // 60_000 for b in bars] == [1]
    assert oracle_bars(trades_frame(trades))["seq"].tolist() == [T0 // 60_000 + 1]


def test_oracle_is_not_vacuous() -> None:
    """The comparison can fail: a deliberately wrong bar is rejected."""
    trades = [_t("AAA", 1_000, 100.0), _t("AAA", 1_000, 101.0), _t("AAA", 2_000, 99.0, cond=(32,))]
    expected = oracle_bars(trades_frame(trades))
    row = expected.iloc[0]
    assert (row.open, row.high, row.low, row.close, row.volume, row.trades) == (
        100.0,
        101.0,
        99.0,
        101.0,
        300.0,
        3,
    )
    wrong = bars_frame(build_bars(trades[:2]))
    try:
        assert_same_bars(wrong, expected)
    except AssertionError:
        return
    raise AssertionError("oracle comparison accepted a wrong bar")
