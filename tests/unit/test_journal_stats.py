"""Stats equal an independent pandas computation over the same fills; New York days
and hours (a 23:30 New York fill, DST weeks)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spotlight_trader.journal.executions import Execution, Side, with_keys
from spotlight_trader.journal.stats import compute_stats, ny_day, ny_hour
from spotlight_trader.journal.trips import group_round_trips

D = Decimal
NY = ZoneInfo("America/New_York")


def ms(text: str, tz: ZoneInfo = NY) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=tz).timestamp() * 1000)


SIDES: st.SearchStrategy[Side] = st.sampled_from(["buy", "sell"])
TRIPS = st.lists(
    st.tuples(
        st.integers(0, 60 * 24 * 20),  # open minute over 20 days
        st.integers(1, 600),  # holding minutes
        st.sampled_from(["SPY", "QQQ", "AAPL"]),
        SIDES,
        st.integers(1, 300),  # quantity
        st.integers(1000, 2000),  # entry price, cents
        st.integers(-200, 200),  # move, cents
        st.integers(0, 50),  # commission per fill, cents
    ),
    max_size=30,
)


def _fills(rows: list[tuple[int, int, str, Side, int, int, int, int]]) -> list[Execution]:
    """One round trip per row, each in its own account (so trips never interleave)."""
    start = ms("2025-03-01T00:00:00")
    fills = []
    for i, (minute, hold, symbol, side, qty, price, move, cost) in enumerate(rows):
        opened = start + minute * 60_000
        exit_side: Side = "sell" if side == "buy" else "buy"
        account = f"acct{i}"
        fills.append(
            Execution(
                account, symbol, opened, side, D(qty), D(price) / 100, commission=D(cost) / 100
            )
        )
        fills.append(
            Execution(
                account,
                symbol,
                opened + hold * 60_000,
                exit_side,
                D(qty),
                D(price + move) / 100,
                commission=D(cost) / 100,
            )
        )
    return with_keys(fills)


def _oracle(fills: list[Execution]) -> pd.DataFrame:
    """Per-trip net P&L straight from the fills, with pandas (no journal code)."""
    df = pd.DataFrame(
        {
            "account": [e.account for e in fills],
            "symbol": [e.symbol for e in fills],
            "ts": pd.to_datetime([e.ts_ms for e in fills], unit="ms", utc=True),
            "flow": [float(-e.signed_quantity * e.price - e.cost) for e in fills],
        }
    )
    return df.groupby("account").agg(
        symbol=("symbol", "first"), opened=("ts", "min"), closed=("ts", "max"), net=("flow", "sum")
    )


@settings(max_examples=100, deadline=None)
@given(TRIPS)
def test_stats_equal_a_pandas_computation(
    rows: list[tuple[int, int, str, Side, int, int, int, int]],
) -> None:
    fills = _fills(rows)
    stats = compute_stats(group_round_trips(fills))
    trips = _oracle(fills)
    net = trips["net"]
    wins, losses = net[net > 1e-9], net[net < -1e-9]
    assert stats.trades == len(trips)
    assert (stats.wins, stats.losses) == (len(wins), len(losses))
    assert float(stats.net_pnl) == pytest.approx(net.sum(), abs=1e-6)
    if len(trips) == 0:
        assert stats.win_rate is None and stats.expectancy is None
        return
    assert stats.win_rate == pytest.approx(len(wins) / len(trips))
    expectancy = len(wins) / len(trips) * (wins.mean() if len(wins) else 0) - len(losses) / len(
        trips
    ) * (abs(losses.mean()) if len(losses) else 0)
    assert float(stats.expectancy or 0) == pytest.approx(expectancy, abs=1e-6)
    if len(losses):
        assert stats.profit_factor == pytest.approx(wins.sum() / abs(losses.sum()))
    else:
        assert stats.profit_factor is None
    by_day = net.groupby(trips["closed"].dt.tz_convert(NY).dt.strftime("%Y-%m-%d")).sum()
    assert {
        b.key: pytest.approx(float(b.net_pnl), abs=1e-6) for b in stats.by_day
    } == by_day.to_dict()
    by_symbol = net.groupby(trips["symbol"]).sum()
    assert {
        b.key: pytest.approx(float(b.net_pnl), abs=1e-6) for b in stats.by_symbol
    } == by_symbol.to_dict()
    by_hour = trips.groupby(trips["opened"].dt.tz_convert(NY).dt.strftime("%H:00")).size()
    assert {b.key: b.trades for b in stats.by_hour} == by_hour.to_dict()
    curve = trips.sort_values(["closed"], kind="stable")["net"].cumsum()
    assert float(stats.equity[-1].equity) == pytest.approx(curve.iloc[-1], abs=1e-6)


def test_a_2330_new_york_fill_lands_on_the_new_york_day() -> None:
    late = ms("2025-06-02T23:30:00")  # 03:30 UTC on June 3
    assert datetime.fromtimestamp(late / 1000, ZoneInfo("UTC")).day == 3
    assert ny_day(late) == "2025-06-02"
    fills = with_keys(
        [
            Execution("A", "SPY", late - 60_000, "buy", D(1), D(10)),
            Execution("A", "SPY", late, "sell", D(1), D(11)),
        ]
    )
    assert [b.key for b in compute_stats(group_round_trips(fills)).by_day] == ["2025-06-02"]


@pytest.mark.parametrize(
    ("utc", "day", "hour"),
    [
        ("2025-03-07T14:30:00", "2025-03-07", "09:00"),  # EST (UTC-5), before the spring change
        ("2025-03-10T13:30:00", "2025-03-10", "09:00"),  # EDT (UTC-4), after it
        ("2025-03-09T04:30:00", "2025-03-08", "23:00"),  # the night of the change
        ("2025-10-31T13:30:00", "2025-10-31", "09:00"),  # EDT, before the autumn change
        ("2025-11-03T14:30:00", "2025-11-03", "09:00"),  # EST, after it
        ("2025-11-03T04:59:00", "2025-11-02", "23:00"),
    ],
)
def test_dst_weeks_bucket_by_new_york_wall_clock(utc: str, day: str, hour: str) -> None:
    instant = ms(utc, ZoneInfo("UTC"))
    assert (ny_day(instant), ny_hour(instant)) == (day, hour)


def test_tags_and_r_multiples() -> None:
    fills = with_keys(
        [
            Execution("A", "SPY", 1, "buy", D(10), D(10)),
            Execution("A", "SPY", 2, "sell", D(10), D(12)),
            Execution("A", "SPY", 3, "buy", D(10), D(10)),
            Execution("A", "SPY", 4, "sell", D(10), D(9)),
        ]
    )
    first, second = group_round_trips(fills)
    stats = compute_stats(
        [first, second],
        tags={first.id: ["orb"], second.id: ["orb", "fomo"]},
        r_multiples={first.id: D(2), second.id: D(-1)},
    )
    assert [(b.key, b.trades, b.net_pnl) for b in stats.by_tag] == [
        ("fomo", 1, D(-10)),
        ("orb", 2, D(10)),
    ]
    assert stats.avg_r == 0.5
    assert stats.profit_factor == 2.0
