"""Round trips from fills: scale in/out, partials, shorts, reversals, several accounts;
properties: P&L over trips == P&L over fills, and grouping invariants."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from spotlight_trader.journal.executions import Execution, Side, with_keys
from spotlight_trader.journal.trips import cash_flow, group_round_trips, r_multiple

D = Decimal


def fill(
    ts: int,
    side: Side,
    qty: str,
    price: str,
    *,
    account: str = "A",
    symbol: str = "SPY",
    cost: str = "0",
) -> Execution:
    return Execution(account, symbol, ts, side, D(qty), D(price), commission=D(cost))


def test_scale_in_and_out_is_one_trip_with_vwaps() -> None:
    fills = with_keys(
        [
            fill(1, "buy", "100", "10"),
            fill(2, "buy", "100", "11"),
            fill(3, "sell", "50", "12"),
            fill(4, "sell", "150", "13"),
        ]
    )
    [trip] = group_round_trips(fills)
    assert trip.direction == "long"
    assert (trip.opened_ms, trip.closed_ms) == (1, 4)
    assert trip.entry_vwap == D("10.5")
    assert trip.exit_vwap == D("12.75")
    assert trip.gross_pnl == D("450")
    assert trip.max_position == D("200")
    assert [g.role for g in trip.legs] == ["entry", "entry", "exit", "exit"]


def test_short_trip_and_costs() -> None:
    fills = with_keys(
        [fill(1, "sell", "10", "50", cost="1"), fill(2, "buy", "10", "48", cost="1.5")]
    )
    [trip] = group_round_trips(fills)
    assert trip.direction == "short"
    assert trip.gross_pnl == D("20")
    assert trip.costs == D("2.5")
    assert trip.net_pnl == D("17.5")


def test_reversal_through_zero_splits_the_fill_and_its_costs() -> None:
    fills = with_keys([fill(1, "buy", "100", "10"), fill(2, "sell", "300", "12", cost="3")])
    first, second = group_round_trips(fills)
    assert (first.direction, first.closed_ms, first.gross_pnl) == ("long", 2, D("200"))
    assert first.costs == D("1")
    assert (second.direction, second.closed_ms, second.entry_quantity) == ("short", None, D("200"))
    assert second.costs == D("2")
    assert first.id != second.id


def test_open_trip_reports_realised_pnl_on_what_was_exited() -> None:
    fills = with_keys([fill(1, "buy", "100", "10"), fill(2, "sell", "40", "11")])
    [trip] = group_round_trips(fills)
    assert trip.closed_ms is None
    assert trip.gross_pnl == D("40")


def test_accounts_and_symbols_are_separate_books() -> None:
    fills = with_keys(
        [
            fill(1, "buy", "10", "10", account="A"),
            fill(2, "sell", "10", "10", account="B"),
            fill(3, "buy", "10", "10", symbol="QQQ"),
            fill(4, "sell", "10", "11", account="A"),
            fill(5, "buy", "10", "9", account="B"),
            fill(6, "sell", "10", "12", symbol="QQQ"),
        ]
    )
    trips = group_round_trips(fills)
    assert sorted((t.account, t.symbol, t.direction, t.gross_pnl) for t in trips) == [
        ("A", "QQQ", "long", D("20")),
        ("A", "SPY", "long", D("10")),
        ("B", "SPY", "short", D("10")),
    ]


def test_identical_real_fills_keep_apart_and_rekeying_is_stable() -> None:
    raw = [fill(1, "buy", "100", "10"), fill(1, "buy", "100", "10")]
    keys = [e.key for e in with_keys(raw)]
    assert len(set(keys)) == 2
    assert keys == [e.key for e in with_keys(raw)]
    broker = Execution("A", "SPY", 1, "buy", D(1), D(1), exec_id="0001f4e8.6543")
    assert with_keys([broker])[0].key == "x:0001f4e8.6543"


def test_r_multiple_from_the_initial_stop() -> None:
    [trip] = group_round_trips(
        with_keys([fill(1, "buy", "100", "10"), fill(2, "sell", "100", "11")])
    )
    assert r_multiple(trip, D("9.5")) == D(2)
    assert r_multiple(trip, None) is None
    assert r_multiple(trip, D("10")) is None


Row = tuple[int, str, str, Side, int, int, int]
SIDES: st.SearchStrategy[Side] = st.sampled_from(["buy", "sell"])
FILLS = st.lists(
    st.tuples(
        st.integers(0, 50),  # time
        st.sampled_from(["A", "B"]),
        st.sampled_from(["SPY", "QQQ"]),
        SIDES,
        st.integers(1, 500),  # quantity
        st.integers(1, 100_000),  # price in cents
        st.integers(0, 300),  # commission in cents
    ),
    max_size=40,
)


def _flattened(rows: list[Row]) -> list[Execution]:
    """The fills, then one closing fill per book so that every book ends flat."""
    fills = [
        Execution(a, s, t, side, D(q), D(p) / 100, commission=D(c) / 100)
        for (t, a, s, side, q, p, c) in rows
    ]
    positions: dict[tuple[str, str], Decimal] = {}
    for e in fills:
        positions[(e.account, e.symbol)] = (
            positions.get((e.account, e.symbol), D(0)) + e.signed_quantity
        )
    for (a, s), pos in sorted(positions.items()):
        if pos:
            fills.append(Execution(a, s, 60, "sell" if pos > 0 else "buy", abs(pos), D("42.42")))
    return with_keys(fills)


@settings(max_examples=150, deadline=None)
@given(FILLS)
def test_pnl_over_trips_equals_pnl_over_fills(rows: list[Row]) -> None:
    fills = _flattened(rows)
    trips = group_round_trips(fills)
    assert all(t.is_closed for t in trips)
    assert sum((t.gross_pnl for t in trips), D(0)) == cash_flow(fills)
    assert sum((t.costs for t in trips), D(0)) == sum((e.cost for e in fills), D(0))


@settings(max_examples=150, deadline=None)
@given(FILLS)
def test_grouping_invariants(rows: list[Row]) -> None:
    fills = _flattened(rows)
    trips = group_round_trips(fills)
    by_key = {e.key: e for e in fills}
    shares: dict[str, Decimal] = {}
    for t in trips:
        # one book per trip; the position never crosses zero inside a trip
        assert {(by_key[g.key].account, by_key[g.key].symbol) for g in t.legs} == {
            (t.account, t.symbol)
        }
        position = D(0)
        for g in t.legs:
            position += g.quantity if g.role == "entry" else -g.quantity
            assert position >= 0
            shares[g.key] = shares.get(g.key, D(0)) + g.quantity
        assert position == 0 and t.entry_quantity == t.exit_quantity
    # every fill is used exactly once in full (a reversal's two parts add up)
    assert shares == {k: e.quantity for k, e in by_key.items()}
    # trips of one book do not overlap in time
    for a in trips:
        for b in trips:
            if a is not b and (a.account, a.symbol) == (b.account, b.symbol):
                assert (a.closed_ms or 0) <= b.opened_ms or (b.closed_ms or 0) <= a.opened_ms
