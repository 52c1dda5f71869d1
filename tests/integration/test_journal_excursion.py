"""MAE/MFE of trades on the real SPY day (LEAN ticks, 2013-10-07) from our own 1-minute
bars, against a pandas computation over the same bars; missing bars are said, not guessed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spotlight_trader.journal.excursion import excursion
from spotlight_trader.journal.executions import Execution, Side, with_keys
from spotlight_trader.journal.trips import RoundTrip, group_round_trips
from spotlight_trader.model import Bar
from tests.integration.test_real_data import spy_bars  # noqa: F401  (the fixture)

OPEN_MS = 1381152600000  # 2013-10-07 09:30 New York (EDT)
COLUMNS = ["symbol", "seq", "bar_start_ms", "bar_end_ms", "open", "high", "low", "close"]


@dataclass(repr=False)
class Day:
    """The SPY day's bars, as a frame and as our ``Bar`` objects."""

    frame: pd.DataFrame
    bars: list[Bar]

    @property
    def covered(self) -> tuple[int, int]:
        return int(self.frame["seq"].min()), int(self.frame["seq"].max())


def bars_of(frame: pd.DataFrame) -> list[Bar]:
    rows = frame[COLUMNS].itertuples(index=False, name=None)
    return [Bar(s, int(q), int(b), int(e), o, h, lo, c, 0.0, 0) for s, q, b, e, o, h, lo, c in rows]


def make_trip(day: Day, start_min: int, hold_min: int, side: Side) -> RoundTrip:
    opened = OPEN_MS + start_min * 60_000 + 15_000
    closed = opened + hold_min * 60_000
    price = dict(zip(day.frame["seq"].tolist(), day.frame["close"].tolist(), strict=True))
    entry = Decimal(str(price.get(opened // 60_000, 168.0)))
    out: Side = "sell" if side == "buy" else "buy"
    fills = [
        Execution("a", "SPY", opened, side, Decimal(100), entry),
        Execution("a", "SPY", closed, out, Decimal(100), entry + Decimal("0.10")),
    ]
    [trip] = group_round_trips(with_keys(fills))
    return trip


def oracle(frame: pd.DataFrame, trip: RoundTrip) -> tuple[float, float] | None:
    """(MAE, MFE) per share with pandas, None when no bar falls in the span."""
    first, last = trip.opened_ms // 60_000, (trip.closed_ms or 0) // 60_000
    span = frame[(frame["seq"] >= first) & (frame["seq"] <= last)]
    if span.empty:
        return None
    entry, high, low = float(trip.entry_vwap), float(span["high"].max()), float(span["low"].min())
    if trip.direction == "long":
        return max(0.0, entry - low), max(0.0, high - entry)
    return max(0.0, high - entry), max(0.0, entry - low)


@pytest.fixture(scope="module")
def spy(spy_bars: pd.DataFrame) -> Day:  # noqa: F811
    frame = spy_bars[spy_bars["symbol"] == "SPY"].reset_index(drop=True)
    return Day(frame, bars_of(frame))


@settings(max_examples=60, deadline=None)
@given(st.integers(-300, 380), st.integers(0, 120), st.sampled_from(["buy", "sell"]))
def test_mae_mfe_equal_pandas_on_the_spy_day(spy: Day, start: int, hold: int, side: Side) -> None:
    trip = make_trip(spy, start, hold, side)
    got = excursion(trip, spy.bars, covered=spy.covered, stop=trip.entry_vwap - Decimal("0.5"))
    expected = oracle(spy.frame, trip)
    if expected is None:  # a pre-market minute without a print: no bar, no numbers
        assert (got.available, got.mae) == (False, None)
        assert got.reason == "no trades of SPY printed while the trade was open"
        return
    assert got.available, got.reason
    mae, mfe = expected
    assert got.mae == pytest.approx(mae)
    assert got.mfe == pytest.approx(mfe)
    assert got.mfe_money == pytest.approx(mfe * 100)
    assert got.mae_r == pytest.approx(mae / 0.5)


def test_missing_bars_are_reported_never_guessed(spy: Day) -> None:
    trip = make_trip(spy, 60, 30, "buy")
    first, last = trip.opened_ms // 60_000, (trip.closed_ms or 0) // 60_000
    end = spy.covered[1]
    late_start = excursion(trip, spy.bars, covered=(first + 1, end))
    assert not late_start.available and late_start.mae is None
    assert late_start.reason == (
        f"1-minute bars of SPY cover seq {first + 1}–{end}, "
        f"not the whole holding period {first}–{last}"
    )
    nothing = excursion(trip, [], covered=None)
    assert (nothing.available, nothing.reason) == (False, "no 1-minute bars of SPY are stored")
    next_day = make_trip(spy, 60 + 24 * 60, 30, "buy")
    beyond = excursion(next_day, spy.bars, covered=spy.covered)
    assert not beyond.available and "not the whole holding period" in (beyond.reason or "")
