"""Rule-based insights: plain sentences with their numbers, from closed trips and the
alerts that fired (no model, deterministic). Each rule speaks only when its data is
there and the pattern is strong enough to mention."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from spotlight_trader.journal.executions import ZERO
from spotlight_trader.journal.trips import RoundTrip
from spotlight_trader.market.session import et_datetime
from spotlight_trader.model import Signal

ACT_WINDOW_MS = 15 * 60_000  # a trip opened this soon after an alert on its symbol acts on it
LATE_HOUR = 11  # New York hour after which "late" losses are counted


def money(value: Decimal) -> str:
    """``$1,234.50`` / ``−$12.00``."""
    sign = "−" if value < 0 else ""
    return f"{sign}${abs(value):,.2f}"


def acted_on(signal: Signal, trip: RoundTrip) -> bool:
    """True if ``trip`` opened on the alert's symbol within 15 minutes after it."""
    return trip.symbol == signal.symbol and 0 <= trip.opened_ms - signal.ts_ms <= ACT_WINDOW_MS


def against(signal: Signal, trip: RoundTrip) -> bool:
    """True if ``trip`` acted on the alert in the opposite direction."""
    return (
        acted_on(signal, trip)
        and signal.direction in {"long", "short"}
        and signal.direction != trip.direction
    )


def _minutes(ms: float) -> str:
    return f"{ms / 60_000:.0f} min"


def insights(
    trips: Sequence[RoundTrip],
    *,
    signals: Sequence[Signal] = (),
    tags: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """Sentences about ``trips`` (closed ones only)."""
    closed = [t for t in trips if t.closed_ms is not None]
    won = [t for t in closed if t.net_pnl > 0]
    lost = [t for t in closed if t.net_pnl < 0]
    out: list[str] = []
    if won and lost:
        hold_win = sum(t.holding_ms or 0 for t in won) / len(won)
        hold_loss = sum(t.holding_ms or 0 for t in lost) / len(lost)
        if hold_win > 0 and hold_loss / hold_win >= 1.2:
            out.append(
                f"You held losers {hold_loss / hold_win:.1f}× longer than winners "
                f"({_minutes(hold_loss)} vs {_minutes(hold_win)})."
            )
        elif hold_loss > 0 and hold_win / hold_loss >= 1.2:
            out.append(
                f"You held winners {hold_win / hold_loss:.1f}× longer than losers "
                f"({_minutes(hold_win)} vs {_minutes(hold_loss)})."
            )
    if len(lost) >= 3:
        late = sum(1 for t in lost if et_datetime(t.opened_ms).hour >= LATE_HOUR)
        if late / len(lost) >= 0.6:
            out.append(f"{late} of {len(lost)} losses came after {LATE_HOUR}:00 New York time.")
    opposed = [(s, t) for t in closed for s in signals if against(s, t)]
    if opposed:
        names = sorted({s.rule_name for s, _ in opposed})
        net = sum((t.net_pnl for t in dict.fromkeys(t for _, t in opposed)), ZERO)
        out.append(
            f"You traded against an alert {len(opposed)} time{'s' if len(opposed) > 1 else ''} "
            f"({', '.join(names)}); net {money(net)} on those trades."
        )
    by_tag: dict[str, list[RoundTrip]] = {}
    for t in closed:
        for tag in (tags or {}).get(t.id, ()):
            by_tag.setdefault(tag, []).append(t)
    for tag, group in sorted(by_tag.items()):
        if len(group) >= 3:
            wins = sum(1 for t in group if t.net_pnl > 0)
            net = sum((t.net_pnl for t in group), ZERO)
            out.append(
                f"#{tag}: won {wins} of {len(group)} ({wins / len(group):.0%}), net {money(net)}."
            )
    return out
