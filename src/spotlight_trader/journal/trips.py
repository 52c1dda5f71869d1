"""Round trips: fills grouped flat-to-flat per account and symbol.

A trip opens when the position leaves zero and closes when it returns to zero; fills in
the same direction scale in, opposite fills scale out. A fill that takes the position
through zero (a reversal) is split: the part that flattens closes the trip, the rest opens
the next one, and its commission and fees are shared in proportion to the quantities
(rounded to 1e-8, so that the two parts add up exactly to the fill's)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Literal

import msgspec

from spotlight_trader.journal.executions import ZERO, Execution

Direction = Literal["long", "short"]
COST_QUANTUM = Decimal("1e-8")  # a reversal's cost share is rounded to this
Role = Literal["entry", "exit"]


class Leg(msgspec.Struct, frozen=True):
    """The part of one execution that belongs to a trip."""

    key: str
    ts_ms: int
    role: Role
    quantity: Decimal
    price: Decimal
    cost: Decimal


class RoundTrip(msgspec.Struct, frozen=True):
    """A trade from flat to flat (``closed_ms`` is None while the position is open).

    P&L is realised P&L: on the quantity exited, exit VWAP against entry VWAP; for a closed
    trip that is exactly the cash flow of its legs. ``net_pnl`` = gross − every cost."""

    id: str
    account: str
    symbol: str
    direction: Direction
    opened_ms: int
    closed_ms: int | None
    legs: tuple[Leg, ...]
    entry_quantity: Decimal
    exit_quantity: Decimal
    entry_vwap: Decimal
    exit_vwap: Decimal | None
    max_position: Decimal
    gross_pnl: Decimal
    costs: Decimal
    net_pnl: Decimal

    @property
    def is_closed(self) -> bool:
        """True once the position is back to zero."""
        return self.closed_ms is not None

    @property
    def holding_ms(self) -> int | None:
        """Closing time minus opening time (None while open)."""
        return None if self.closed_ms is None else self.closed_ms - self.opened_ms


def build_trip(account: str, symbol: str, direction: Direction, legs: Sequence[Leg]) -> RoundTrip:
    """The trip made of ``legs`` (in time order; at least one entry)."""
    entries = [g for g in legs if g.role == "entry"]
    exits = [g for g in legs if g.role == "exit"]
    entry_qty = sum((g.quantity for g in entries), ZERO)
    exit_qty = sum((g.quantity for g in exits), ZERO)
    entry_notional = sum((g.quantity * g.price for g in entries), ZERO)
    exit_notional = sum((g.quantity * g.price for g in exits), ZERO)
    matched = entry_notional if exit_qty == entry_qty else entry_notional * exit_qty / entry_qty
    gross = exit_notional - matched if direction == "long" else matched - exit_notional
    costs = sum((g.cost for g in legs), ZERO)
    position = ZERO
    peak = ZERO
    for g in legs:
        position += g.quantity if g.role == "entry" else -g.quantity
        peak = max(peak, position)
    return RoundTrip(
        id=entries[0].key,
        account=account,
        symbol=symbol,
        direction=direction,
        opened_ms=legs[0].ts_ms,
        closed_ms=legs[-1].ts_ms if exit_qty == entry_qty else None,
        legs=tuple(legs),
        entry_quantity=entry_qty,
        exit_quantity=exit_qty,
        entry_vwap=entry_notional / entry_qty,
        exit_vwap=exit_notional / exit_qty if exits else None,
        max_position=peak,
        gross_pnl=gross,
        costs=costs,
        net_pnl=gross - costs,
    )


def _leg(e: Execution, role: Role, quantity: Decimal, cost: Decimal) -> Leg:
    return Leg(e.key, e.ts_ms, role, quantity, e.price, cost)


def _group_one(account: str, symbol: str, fills: Sequence[Execution]) -> list[RoundTrip]:
    trips: list[RoundTrip] = []
    legs: list[Leg] = []
    direction: Direction = "long"
    position = ZERO  # signed
    for e in fills:
        qty = e.signed_quantity
        if position == 0 or (position > 0) == (qty > 0):
            if position == 0:
                direction = "long" if qty > 0 else "short"
            legs.append(_leg(e, "entry", e.quantity, e.cost))
            position += qty
            continue
        closing = min(abs(qty), abs(position))
        rest = e.quantity - closing
        cost_closing = (
            e.cost if rest == 0 else (e.cost * closing / e.quantity).quantize(COST_QUANTUM)
        )
        legs.append(_leg(e, "exit", closing, cost_closing))
        position += closing if qty > 0 else -closing
        if position == 0:
            trips.append(build_trip(account, symbol, direction, legs))
            legs = []
        if rest > 0:  # reversal: the rest opens the next trip
            direction = "long" if qty > 0 else "short"
            legs.append(_leg(e, "entry", rest, e.cost - cost_closing))
            position = rest if qty > 0 else -rest
    if legs:
        trips.append(build_trip(account, symbol, direction, legs))
    return trips


def group_round_trips(executions: Iterable[Execution]) -> list[RoundTrip]:
    """Every round trip of ``executions`` (any order; ties in time keep the given order),
    sorted by opening time."""
    books: dict[tuple[str, str], list[Execution]] = defaultdict(list)
    for e in executions:
        books[(e.account, e.symbol)].append(e)
    trips: list[RoundTrip] = []
    for (account, symbol), fills in books.items():
        fills.sort(key=lambda e: e.ts_ms)  # stable: same-instant fills keep their order
        trips.extend(_group_one(account, symbol, fills))
    trips.sort(key=lambda t: (t.opened_ms, t.account, t.symbol, t.id))
    return trips


def cash_flow(executions: Iterable[Execution]) -> Decimal:
    """Gross P&L of a set of fills that ends flat: money in minus money out."""
    return sum((-e.signed_quantity * e.price for e in executions), ZERO)


def r_multiple(trip: RoundTrip, stop: Decimal | None) -> Decimal | None:
    """Net P&L in units of the initial risk 1R = |entry VWAP − stop| × entry quantity
    (None without a stop or with a stop at the entry price)."""
    if stop is None:
        return None
    risk = abs(trip.entry_vwap - stop) * trip.entry_quantity
    return None if risk == 0 else trip.net_pnl / risk
