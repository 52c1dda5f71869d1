"""Insights and the daily recap: deterministic sentences and Markdown from the data."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from spotlight_trader.journal.executions import Execution, with_keys
from spotlight_trader.journal.insights import insights
from spotlight_trader.journal.recap import build_recap
from spotlight_trader.journal.trips import RoundTrip, group_round_trips
from spotlight_trader.model import Direction, Signal

D = Decimal
NY = ZoneInfo("America/New_York")


def ms(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=NY).timestamp() * 1000)


def trip(account: str, start: str, minutes: int, move: str, side: str = "buy") -> list[Execution]:
    opened = ms(start)
    out = "sell" if side == "buy" else "buy"
    return [
        Execution(account, "SPY", opened, "buy" if side == "buy" else "sell", D(100), D(500)),
        Execution(
            account,
            "SPY",
            opened + minutes * 60_000,
            "sell" if out == "sell" else "buy",
            D(100),
            D(500) + D(move),
        ),
    ]


def signal(at: str, direction: Direction, name: str = "VWAP reclaim") -> Signal:
    return Signal(1, 1, name, 1, "SPY", ms(at) // 60_000, ms(at), direction, {}, "x")


def day_of_trips() -> list[RoundTrip]:
    fills = [
        *trip("a", "2025-06-02T09:35:00", 5, "1"),  # win, 5 min
        *trip("b", "2025-06-02T10:00:00", 5, "1"),  # win, 5 min
        *trip("c", "2025-06-02T11:05:00", 20, "-1"),  # loss, 20 min
        *trip("d", "2025-06-02T11:40:00", 20, "-1"),  # loss, 20 min
        *trip("e", "2025-06-02T13:00:00", 20, "1", side="sell"),  # short, loss (price rose)
    ]
    return group_round_trips(with_keys(fills))


def test_insights_say_what_the_numbers_show() -> None:
    trips = day_of_trips()
    said = insights(trips, signals=[signal("2025-06-02T12:58:00", "long")])
    assert said == [
        "You held losers 4.0× longer than winners (20 min vs 5 min).",
        "3 of 3 losses came after 11:00 New York time.",
        "You traded against an alert 1 time (VWAP reclaim); net −$100.00 on those trades.",
    ]
    assert insights([]) == []


def test_recap_is_deterministic_markdown() -> None:
    trips = day_of_trips()
    signals = [
        signal("2025-06-02T09:33:00", "long", "ORB"),
        signal("2025-06-02T15:00:00", "long", "ORB"),
    ]
    recap = build_recap("2025-06-02", trips, signals=signals)
    assert (recap.trades, recap.wins, recap.losses, recap.net_pnl) == (5, 2, 3, D(-100))
    assert [(r.rule_name, r.fired, r.acted_on) for r in recap.rules] == [("ORB", 2, 1)]
    assert recap.markdown.startswith(
        "# Recap 2025-06-02\n\n**5 trades**, 2 won, 3 lost; net −$100.00"
    )
    assert "| 09:35 | SPY | long | 100 | 500.00 | 501.00 | $100.00 |" in recap.markdown
    assert build_recap("2025-06-02", trips, signals=signals) == recap
    assert build_recap("2025-06-03", trips).trades == 0
