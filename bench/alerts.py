"""Alerts benchmark: 100 active rules × 500 symbols evaluated at a minute boundary.

Each symbol gets a warm-up of pre-market and regular-session bars (indicators warmed, no
rules), then for each of the measured minutes one final bar per symbol is pushed through
:class:`~spotlight_trader.rules.core.AlertCore` (indicator update + every rule), which is
exactly the engine's work at a minute boundary (storing and publishing signals excluded).
Goal: all 500 symbols evaluated in under 50 ms.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date

from spotlight_trader.market.session import et_to_ms, load_calendar
from spotlight_trader.model import MINUTE_MS, Bar
from spotlight_trader.rules.builtins import BUILTINS
from spotlight_trader.rules.core import ActiveRule, AlertCore

SYMBOLS = 500
RULES = 100
DAY = date(2025, 6, 2)
WARMUP_MINUTES = 90  # 08:30 → 10:00 ET
MEASURED_MINUTES = 30  # 10:00 → 10:30 ET

EXPRESSIONS = [
    "close > vwap and rvol >= {a}",
    "close < vwap and volume > {v}",
    "ema9 > ema21 and rsi14 < {r}",
    "rsi14 > {r} or rsi14 < {lo}",
    "(close - vwap) / vwap * 100 > {p}",
    "high >= hod and minutes_since_open < {m}",
    "close > orh and close > pmh",
    "not close > open and (high - low) / close * 100 > {p}",
    "change_pct > {p} and close > ema9",
    "close < orl or close < pml",
]


def make_rules(rng: random.Random, cooldown_s: int = 0) -> list[ActiveRule]:
    rules: list[ActiveRule] = []
    variants: list[tuple[str, dict[str, object]]] = [
        ("orb", {"minutes": m, "confirmation": c}) for m in (5, 15, 30) for c in ("touch", "close")
    ]
    variants += [(name, {}) for name in BUILTINS if name != "orb"]
    variants += [("rvol_spike", {"threshold": t}) for t in (1.5, 3.0)]
    variants += [("rsi_extreme", {"overbought": 65.0, "oversold": 35.0})]
    for i, (name, params) in enumerate(variants):
        rules.append(
            ActiveRule("bench", i + 1, name, 1, name, None, dict(params), cooldown_s=cooldown_s)
        )
    while len(rules) < RULES:
        template = EXPRESSIONS[len(rules) % len(EXPRESSIONS)]
        text = template.format(
            a=round(rng.uniform(0.5, 3), 2),
            v=rng.randint(1_000, 50_000),
            r=rng.randint(50, 80),
            lo=rng.randint(20, 40),
            p=round(rng.uniform(0.05, 1.5), 2),
            m=rng.randint(10, 120),
        )
        rules.append(
            ActiveRule("bench", len(rules) + 1, "custom", 1, None, text, {}, cooldown_s=cooldown_s)
        )
    return rules


def _bars(rng: random.Random, start_minute: int, minutes: int) -> list[list[Bar]]:
    """``minutes`` rounds of one bar per symbol (a random walk each)."""
    prices = [rng.uniform(10, 500) for _ in range(SYMBOLS)]
    names = [f"S{i:03d}" for i in range(SYMBOLS)]
    rounds: list[list[Bar]] = []
    for k in range(minutes):
        start = et_to_ms(DAY, start_minute + k)
        row = []
        for i, name in enumerate(names):
            p = prices[i]
            c = max(1.0, p * (1 + rng.gauss(0, 0.002)))
            hi, lo = max(p, c) * (1 + rng.random() * 0.001), min(p, c) * (1 - rng.random() * 0.001)
            row.append(
                Bar(name, start // MINUTE_MS, start, start + MINUTE_MS, p, hi, lo, c,
                    float(rng.randint(100, 60_000)), 10)
            )  # fmt: skip
            prices[i] = c
        rounds.append(row)
    return rounds


def run() -> dict[str, object]:
    """Both scenarios: no cooldown (worst case: level conditions re-fire every bar) and a
    5-minute cooldown on every rule (the usual anti-spam setting)."""
    load_calendar()
    return {"cooldown_0s": measure(0), "cooldown_300s": measure(300)}


def measure(cooldown_s: int) -> dict[str, object]:
    """Measure one scenario; a dict of figures."""
    rng = random.Random(42)
    rounds = _bars(rng, 8 * 60 + 30, WARMUP_MINUTES + MEASURED_MINUTES)
    core = AlertCore()
    for row in rounds[:WARMUP_MINUTES]:
        for bar in row:
            core.on_bar(bar)
    core.set_rules(make_rules(rng, cooldown_s))
    times: list[float] = []
    signals = 0
    for row in rounds[WARMUP_MINUTES:]:
        started = time.perf_counter()
        signals += len(core.on_bars(row))
        times.append(time.perf_counter() - started)
    total = sum(times)
    ordered = sorted(times)
    return {
        "symbols": SYMBOLS,
        "active_rules": len(core.rules),
        "minutes_measured": len(times),
        "evaluations_per_minute": SYMBOLS * len(core.rules),
        "boundary_ms_median": round(statistics.median(times) * 1000, 2),
        "boundary_ms_p95": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 2),
        "boundary_ms_max": round(ordered[-1] * 1000, 2),
        "signals": signals,
        "signals_per_minute": round(signals / len(times), 1),
        "signals_per_s": round(signals / total) if total else 0,
        "cooldown_s": cooldown_s,
        "goal_ms": 50,
    }


if __name__ == "__main__":
    print(run())
