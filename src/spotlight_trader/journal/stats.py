"""Statistics over closed round trips (formulas: ``trading-domain.md`` §5.3).

A win has net P&L > 0, a loss < 0; a trip at exactly zero counts in ``trades`` but is
neither. Money stays exact (``Decimal``); ratios are floats. Days, hours and the equity
curve are in New York time: a trip belongs to the New York day of its close and to the
New York hour of its open."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal

import msgspec

from spotlight_trader.journal.executions import ZERO
from spotlight_trader.journal.trips import RoundTrip
from spotlight_trader.market.session import et_datetime


class Bucket(msgspec.Struct, frozen=True):
    """Trades and net P&L of one group (a day, a symbol, a tag, an hour)."""

    key: str
    trades: int
    wins: int
    net_pnl: Decimal


class EquityPoint(msgspec.Struct, frozen=True):
    """Cumulative net P&L after the trip that closed at ``ts_ms``."""

    ts_ms: int
    trip_id: str
    equity: Decimal


class Stats(msgspec.Struct, frozen=True):
    """The journal's summary numbers (ratios are None when undefined, e.g. no trades)."""

    trades: int
    wins: int
    losses: int
    win_rate: float | None
    avg_win: Decimal | None
    avg_loss: Decimal | None
    expectancy: Decimal | None
    profit_factor: float | None
    avg_r: float | None
    gross_pnl: Decimal
    net_pnl: Decimal
    costs: Decimal
    by_day: tuple[Bucket, ...]
    by_symbol: tuple[Bucket, ...]
    by_tag: tuple[Bucket, ...]
    by_hour: tuple[Bucket, ...]
    equity: tuple[EquityPoint, ...]


def ny_day(ts_ms: int) -> str:
    """The New York calendar day of an instant, ``YYYY-MM-DD``."""
    return et_datetime(ts_ms).date().isoformat()


def ny_hour(ts_ms: int) -> str:
    """The New York hour of an instant, ``HH:00``."""
    return f"{et_datetime(ts_ms).hour:02d}:00"


def _buckets(
    trips: Iterable[RoundTrip], keys: Callable[[RoundTrip], Iterable[str]]
) -> tuple[Bucket, ...]:
    count: dict[str, int] = defaultdict(int)
    wins: dict[str, int] = defaultdict(int)
    pnl: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for t in trips:
        for k in keys(t):
            count[k] += 1
            wins[k] += t.net_pnl > 0
            pnl[k] += t.net_pnl
    return tuple(Bucket(k, count[k], wins[k], pnl[k]) for k in sorted(count))


def _mean(values: Sequence[Decimal]) -> Decimal | None:
    return sum(values, ZERO) / len(values) if values else None


def compute_stats(
    trips: Iterable[RoundTrip],
    *,
    tags: Mapping[str, Sequence[str]] | None = None,
    r_multiples: Mapping[str, Decimal] | None = None,
) -> Stats:
    """Stats of the closed trips among ``trips``; ``tags`` and ``r_multiples`` by trip id
    (trips without a tag or an R are left out of ``by_tag`` / ``avg_r``)."""
    tags = tags or {}
    r_multiples = r_multiples or {}
    closed = sorted(
        (t for t in trips if t.closed_ms is not None), key=lambda t: (t.closed_ms, t.id)
    )
    net = [t.net_pnl for t in closed]
    won = [p for p in net if p > 0]
    lost = [p for p in net if p < 0]
    n = len(closed)
    avg_win, avg_loss = _mean(won), _mean(lost)
    expectancy = None
    if n:
        expectancy = (len(won) * (avg_win or ZERO) + len(lost) * (avg_loss or ZERO)) / n
    gross_loss = -sum(lost, ZERO)
    rs = [r_multiples[t.id] for t in closed if t.id in r_multiples]
    equity: list[EquityPoint] = []
    running = ZERO
    for t in closed:
        running += t.net_pnl
        equity.append(EquityPoint(t.closed_ms or 0, t.id, running))
    return Stats(
        trades=n,
        wins=len(won),
        losses=len(lost),
        win_rate=len(won) / n if n else None,
        avg_win=avg_win,
        avg_loss=avg_loss,
        expectancy=expectancy,
        profit_factor=float(sum(won, ZERO) / gross_loss) if gross_loss else None,
        avg_r=float(sum(rs, ZERO) / len(rs)) if rs else None,
        gross_pnl=sum((t.gross_pnl for t in closed), ZERO),
        net_pnl=sum(net, ZERO),
        costs=sum((t.costs for t in closed), ZERO),
        by_day=_buckets(closed, lambda t: (ny_day(t.closed_ms or 0),)),
        by_symbol=_buckets(closed, lambda t: (t.symbol,)),
        by_tag=_buckets(closed, lambda t: tags.get(t.id, ())),
        by_hour=_buckets(closed, lambda t: (ny_hour(t.opened_ms),)),
        equity=tuple(equity),
    )
