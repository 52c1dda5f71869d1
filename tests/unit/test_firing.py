"""Firing modes of custom rules and the circuit breaker, against independent oracles
(pandas for transitions, a sliding-window count for the breaker)."""

from __future__ import annotations

from datetime import date

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from spotlight_trader.market.session import et_to_ms
from spotlight_trader.model import MINUTE_MS, Bar
from spotlight_trader.rules.core import BREAKER_FIRES, BREAKER_WINDOW_MS, ActiveRule, AlertCore

DAY = date(2024, 3, 4)
OPEN = 9 * 60 + 30


def _bar(symbol: str, minute: int, close: float) -> Bar:
    start = et_to_ms(DAY, OPEN + minute)
    return Bar(symbol, start // MINUTE_MS, start, start + MINUTE_MS, close, close, close, close,
               100, 1)  # fmt: skip


def _custom(fire_mode: str | None = None, **kw: object) -> ActiveRule:
    extra = {} if fire_mode is None else {"fire_mode": fire_mode}
    return ActiveRule(
        user_id="local", rule_id=1, rule_name="r", version=1, builtin=None,
        expression="close > 100", params={}, frequency="every_time", **extra, **kw,  # type: ignore[arg-type]
    )  # fmt: skip


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from([99.0, 100.0, 101.0]), min_size=1, max_size=60))
def test_default_fires_on_the_transition_and_while_true_on_every_bar(closes: list[float]) -> None:
    true = pd.Series(closes) > 100
    becomes = (true & ~true.shift(1, fill_value=True)).to_numpy().nonzero()[0].tolist()
    every = true.to_numpy().nonzero()[0].tolist()
    for rule, expected in ((_custom(), becomes), (_custom("while_true"), every)):
        core = AlertCore([rule])
        got = [i for i, c in enumerate(closes) if core.on_bar(_bar("NVDA", i, c))]
        assert got == expected


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    st.lists(
        st.tuples(st.integers(0, 11), st.sampled_from(["A", "B", "C", "D", "E", "F", "G"])),
        min_size=1,
        max_size=80,
        unique=True,
    )
)
def test_breaker_pauses_after_more_than_15_fires_in_3_minutes(
    events: list[tuple[int, str]],
) -> None:
    """Each (minute, symbol) is a bar where the rule holds; the oracle counts the signals
    delivered within the window ending at each new one."""
    events.sort()
    accepted: list[int] = []
    tripped_at: int | None = None
    for minute, _symbol in events:
        ts = et_to_ms(DAY, OPEN + minute) + MINUTE_MS
        recent = [t for t in accepted if ts - t < BREAKER_WINDOW_MS]
        if len(recent) >= BREAKER_FIRES:
            tripped_at = ts
            break
        accepted.append(ts)

    core = AlertCore([_custom("while_true")])
    got: list[int] = []
    for minute, symbol in events:
        got += [s.ts_ms for s in core.on_bar(_bar(symbol, minute, 101))]
    assert got == accepted
    if tripped_at is None:
        assert core.tripped == []
    else:
        assert [(t.rule_id, t.at_ms) for t in core.tripped] == [(1, tripped_at)]
        assert "more than 15 signals within 3 minutes" in core.tripped[0].reason


def test_a_resumed_rule_starts_a_fresh_window() -> None:
    core = AlertCore([_custom("while_true")])
    symbols = [f"S{i}" for i in range(BREAKER_FIRES + 1)]
    assert len([s for sym in symbols for s in core.on_bar(_bar(sym, 0, 101))]) == BREAKER_FIRES
    assert len(core.tripped) == 1
    assert core.on_bar(_bar("S0", 1, 101)) == []  # paused
    core.set_rules([])  # the engine drops it (paused in the store) ...
    core.set_rules([_custom("while_true")])  # ... and loads it again on resume
    assert len([s for sym in symbols for s in core.on_bar(_bar(sym, 2, 101))]) == BREAKER_FIRES


def test_expiry_stops_a_rule_at_its_time() -> None:
    expires = et_to_ms(DAY, OPEN + 3)
    core = AlertCore([_custom("while_true", expires_at_ms=expires)])
    got = [i for i in range(6) if core.on_bar(_bar("NVDA", i, 101))]
    assert got == [0, 1, 2]
