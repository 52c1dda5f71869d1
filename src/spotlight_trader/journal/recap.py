"""The daily recap: built deterministically from the day's data (no model) — alerts
fired, trades and P&L, which rules' alerts were acted on, notes and insights — as a
struct and as Markdown."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal

import msgspec

from spotlight_trader.journal.entries import Entry
from spotlight_trader.journal.executions import ZERO
from spotlight_trader.journal.insights import acted_on, insights, money
from spotlight_trader.journal.stats import ny_day
from spotlight_trader.journal.trips import RoundTrip
from spotlight_trader.market.session import et_clock
from spotlight_trader.model import Signal


class RuleActivity(msgspec.Struct, frozen=True):
    """How often a rule's alert fired on the day and how many of those a trade followed."""

    rule_name: str
    fired: int
    acted_on: int


class Recap(msgspec.Struct, frozen=True):
    """One New York day of the journal."""

    day: str
    trades: int
    wins: int
    losses: int
    gross_pnl: Decimal
    net_pnl: Decimal
    alerts: int
    rules: list[RuleActivity]
    entries: int
    insights: list[str]
    markdown: str


def build_recap(
    day: str,
    trips: Sequence[RoundTrip],
    *,
    signals: Sequence[Signal] = (),
    entries: Sequence[Entry] = (),
    tags: Mapping[str, Sequence[str]] | None = None,
) -> Recap:
    """The recap of New York day ``day`` (``YYYY-MM-DD``) from all of the given data (the
    parts of another day are left out here)."""
    todays = [t for t in trips if t.closed_ms is not None and ny_day(t.closed_ms) == day]
    fired = sorted((s for s in signals if ny_day(s.ts_ms) == day), key=lambda s: (s.ts_ms, s.id))
    notes = [e for e in entries if e.day == day]
    count = Counter(s.rule_name for s in fired)
    acted = Counter(s.rule_name for s in fired if any(acted_on(s, t) for t in todays))
    rules = [RuleActivity(name, count[name], acted[name]) for name in sorted(count)]
    said = insights(todays, signals=fired, tags=tags)
    wins = sum(1 for t in todays if t.net_pnl > 0)
    losses = sum(1 for t in todays if t.net_pnl < 0)
    gross = sum((t.gross_pnl for t in todays), ZERO)
    net = sum((t.net_pnl for t in todays), ZERO)
    lines = [
        f"# Recap {day}",
        "",
        f"**{len(todays)} trades**, {wins} won, {losses} lost; "
        f"net {money(net)} (gross {money(gross)}).",
        "",
    ]
    if todays:
        lines += [
            "## Trades",
            "",
            "| time | symbol | side | qty | entry | exit | net |",
            "|---|---|---|---|---|---|---|",
        ]
        for t in todays:
            lines.append(
                f"| {et_clock(t.opened_ms)} | {t.symbol} | {t.direction} | {t.entry_quantity} | "
                f"{t.entry_vwap:.2f} | {(t.exit_vwap or ZERO):.2f} | {money(t.net_pnl)} |"
            )
        lines.append("")
    lines += ["## Alerts", ""]
    if rules:
        lines += [f"- {r.rule_name}: fired {r.fired}, acted on {r.acted_on}" for r in rules]
    else:
        lines.append("- none fired")
    lines.append("")
    if said:
        lines += ["## Insights", "", *(f"- {s}" for s in said), ""]
    if notes:
        lines += ["## Notes", ""]
        for e in sorted(notes, key=lambda e: e.id):
            lines += [e.body.strip(), ""]
    return Recap(
        day,
        len(todays),
        wins,
        losses,
        gross,
        net,
        len(fired),
        rules,
        len(notes),
        said,
        "\n".join(lines),
    )
