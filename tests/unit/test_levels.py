"""The outlier rule for session levels (market/levels.py): against the pandas oracle, and
the invariants it must keep (bars untouched, level prices inside the bar, quiet sessions)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spotlight_trader.market.bars import BarBuilder, build_bars
from spotlight_trader.market.levels import MIN_MOVE, NBBO, OK, RANGE, LevelFilter, judge
from spotlight_trader.model import Bar, LevelBar, Microbar, Quote, Trade
from tests.oracle import oracle_bars, trades_frame
from tests.oracle_levels import level_prints

PRE = 1_704_200_400_000  # 2024-01-02 08:00 ET (pre-market of a full session)
REGULAR = 1_704_207_600_000  # 2024-01-02 10:00 ET
SYMBOLS = ("SPY", "QQQ")
CONDITIONS = [(), (), (0,), (12,), (14, 41), (2,), (37,), (32,), (38,), (15,)]
BOUNDED = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def tapes(draw: st.DrawFn, start_ms: int = PRE) -> list[Trade]:
    """Two symbols over ~20 minutes: a random walk in cents with stray prints far from it,
    repeated stamps, minute gaps and some prints that arrive late."""
    n = draw(st.integers(min_value=0, max_value=250))
    offsets = sorted(draw(st.lists(st.integers(0, 20 * 60_000), min_size=n, max_size=n)))
    walk = {s: 100.0 + 50 * i for i, s in enumerate(SYMBOLS)}
    trades: list[Trade] = []
    for offset in offsets:
        symbol = draw(st.sampled_from(SYMBOLS))
        walk[symbol] = round(walk[symbol] + draw(st.sampled_from([-0.02, -0.01, 0, 0.01])), 2)
        price = walk[symbol]
        if draw(st.integers(0, 99)) < 6:  # a stray print
            price = round(price + draw(st.sampled_from([-2.5, -0.6, 0.3, 0.9, 3.0])), 2)
        ts = start_ms + offset
        if draw(st.integers(0, 99)) < 5:  # stamped a while before its arrival
            ts -= draw(st.integers(1, 90_000))
        size = float(draw(st.sampled_from([100, 200, 7_000])))
        trades.append(Trade(symbol, ts, price, size, draw(st.sampled_from(CONDITIONS))))
    return trades


def with_levels(
    trades: list[Trade], k: float = 10.0, quotes: list[Quote] | None = None
) -> tuple[list[Bar], list[Microbar], list[LevelBar], LevelFilter]:
    bars: list[Bar] = []
    microbars: list[Microbar] = []
    levels: list[LevelBar] = []
    rule = LevelFilter(levels.append, k=k)
    builder = BarBuilder(bars.append, microbars.append, clock_from_trades=True, levels=rule)
    for quote in quotes or []:
        builder.on_quote(quote)
    builder.on_trades(trades)
    builder.flush()
    return bars, microbars, levels, rule


@BOUNDED
@given(tapes())
def test_bars_and_microbars_are_untouched(trades: list[Trade]) -> None:
    bars, microbars, _, _ = with_levels(trades)
    plain_micro: list[Microbar] = []
    plain: list[Bar] = []
    builder = BarBuilder(plain.append, plain_micro.append, clock_from_trades=True)
    builder.on_trades(trades)
    builder.flush()
    assert bars == plain == build_bars(trades)
    assert microbars == plain_micro


@BOUNDED
@given(tapes())
def test_outliers_equal_the_pandas_rule(trades: list[Trade]) -> None:
    bars, _, levels, rule = with_levels(trades)
    if not trades:
        assert levels == [] and rule.stats.range_outliers == 0
        return
    frame = trades_frame(trades)
    expected = level_prints(frame, 10.0)
    flagged = expected[expected["outlier"]]
    assert rule.stats.range_outliers == len(flagged) and rule.stats.nbbo_outliers == 0
    # reported with the bar of their minute (a minute without a bar reports nothing)
    made = oracle_bars(frame)
    with_bar = set(zip(made["symbol"].tolist(), made["seq"].tolist(), strict=True))
    rows = zip(
        flagged["symbol"].tolist(),
        flagged["ts_ms"].tolist(),
        flagged["price"].tolist(),
        strict=True,
    )
    want = sorted((sym, ts, price) for sym, ts, price in rows if (sym, ts // 60_000) in with_bar)
    got = sorted((lv.symbol, o.ts_ms, o.price) for lv in levels for o in lv.outliers)
    assert got == want
    assert all(o.reason == "range" for lv in levels for o in lv.outliers)
    assert len({(lv.symbol, lv.seq) for lv in levels}) == len(levels)
    assert {(lv.symbol, lv.seq) for lv in levels} <= {(b.symbol, b.seq) for b in bars}


@BOUNDED
@given(tapes())
def test_level_prices_are_inside_the_bar(trades: list[Trade]) -> None:
    bars, _, levels, _ = with_levels(trades)
    by_key = {(b.symbol, b.seq): b for b in bars}
    for lv in levels:
        bar = by_key[(lv.symbol, lv.seq)]
        assert lv.low <= min(lv.open, lv.close) <= max(lv.open, lv.close) <= lv.high
        flat = lv.open == lv.high == lv.low == lv.close  # no good print: the reference price
        assert flat or bar.low <= lv.low <= lv.high <= bar.high


@BOUNDED
@given(tapes(start_ms=REGULAR))
def test_the_range_test_leaves_the_regular_session_alone(trades: list[Trade]) -> None:
    _, _, levels, rule = with_levels(trades)
    assert levels == [] and rule.stats.range_outliers == 0


@BOUNDED
@given(tapes())
def test_k_zero_turns_the_range_test_off(trades: list[Trade]) -> None:
    _, _, levels, rule = with_levels(trades, k=0.0)
    assert levels == [] and rule.stats.range_outliers == 0


def steady(start_ms: int, minutes: int, price: float = 100.0) -> list[Trade]:
    """Two prints a minute, a cent apart: ranges of 0.01."""
    out: list[Trade] = []
    for m in range(minutes):
        out.append(Trade("SPY", start_ms + m * 60_000 + 1_000, price, 100.0))
        out.append(Trade("SPY", start_ms + m * 60_000 + 30_000, price + 0.01, 100.0))
    return out


def test_a_stray_pre_market_print_is_volume_only_for_levels() -> None:
    tape = steady(PRE, 10)
    at = PRE + 10 * 60_000
    tape += [
        Trade("SPY", at + 1_000, 100.01, 300.0),
        Trade("SPY", at + 2_000, 100.80, 7_000.0),  # 0.79 away; limit max(0.1, 0.1) = 0.1
        Trade("SPY", at + 3_000, 100.00, 100.0),
    ]
    bars, _, levels, rule = with_levels(tape)
    stray = bars[-1]
    assert (stray.high, stray.volume) == (100.80, 7_400.0)  # the bar keeps it
    (lv,) = levels
    assert (lv.open, lv.high, lv.low, lv.close) == (100.01, 100.01, 100.00, 100.00)
    assert [(o.price, o.size, o.reason) for o in lv.outliers] == [(100.80, 7_000.0, "range")]
    assert rule.stats.range_outliers == 1


def test_a_real_move_is_followed_from_its_fourth_print() -> None:
    tape = steady(PRE, 10)
    at = PRE + 10 * 60_000
    tape += [Trade("SPY", at + i * 1_000, 101.0, 100.0) for i in range(1, 6)]
    _, _, levels, _ = with_levels(tape)
    (lv,) = levels
    # the last five prints hold the old price until the fourth new one
    assert [o.ts_ms for o in lv.outliers] == [at + 1_000, at + 2_000, at + 3_000]
    assert (lv.high, lv.low) == (101.0, 101.0)


def test_a_print_outside_the_quote_is_an_outlier_in_any_session() -> None:
    quote = Quote("SPY", REGULAR, 100.0, 100.02, 100.0, 100.0)
    tape = [
        Trade("SPY", REGULAR + 1_000, 100.01, 100.0),
        Trade("SPY", REGULAR + 2_000, 100.60, 100.0),  # 0.58 above the ask; t = 0.5 % × 100.01
        Trade("SPY", REGULAR + 3_000, 100.40, 100.0),  # inside the tolerance
        Trade("SPY", REGULAR + 9_000, 101.00, 100.0),  # the quote is 9 s old: not judged
    ]
    _, _, levels, rule = with_levels(tape, quotes=[quote])
    (lv,) = levels
    assert [(o.price, o.reason) for o in lv.outliers] == [(100.60, "nbbo")]
    assert lv.high == 101.00 and rule.stats.nbbo_outliers == 1


@pytest.mark.parametrize(
    ("price", "ref", "typical", "regular", "bid", "ask", "verdict"),
    [
        (101.0, 100.0, 0.1, False, 0, 0, OK),  # exactly k × typical away: not beyond
        (101.01, 100.0, 0.1, False, 0, 0, RANGE),
        (100.1, 100.0, 0.0, False, 0, 0, OK),  # the floor: 0.1 % of the price
        (100.0 + 100.0 * MIN_MOVE * 1.5, 100.0, 0.0, False, 0, 0, RANGE),
        (105.0, 100.0, 0.1, True, 0, 0, OK),  # regular session: no range test
        (105.0, -1.0, 0.1, False, 0, 0, OK),  # no reference yet
        (105.0, 100.0, -1.0, False, 0, 0, OK),  # no typical range yet
        (99.0, 100.0, 0.1, True, 99.99, 100.01, NBBO),
    ],
)
def test_judge(
    price: float, ref: float, typical: float, regular: bool, bid: float, ask: float, verdict: int
) -> None:
    assert judge(price, ref, typical, regular, 10.0, bid, ask, 50.0) == verdict
