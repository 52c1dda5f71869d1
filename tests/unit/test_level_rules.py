"""Level prices in the indicators and the rules: a minute's LevelBar replaces its prices for
session levels and VWAP only, and a signal says which outlier it ignored when it mattered."""

from __future__ import annotations

import pytest

from spotlight_trader.model import MINUTE_MS, Bar, LevelBar, Outlier
from spotlight_trader.rules.core import ActiveRule, AlertCore
from spotlight_trader.rules.indicators import SymbolIndicators
from spotlight_trader.rules.outliers import outlier_note, would_move

PRE = 1_704_200_400_000  # 2024-01-02 08:00 ET
OPEN = 1_704_205_800_000  # 09:30 ET


def bar(start_ms: int, o: float, h: float, low: float, c: float, v: float = 1_000.0) -> Bar:
    seq = start_ms // MINUTE_MS
    return Bar("SPY", seq, start_ms, start_ms + MINUTE_MS, o, h, low, c, v, 3)


def stray(at: Bar, price: float, o: float, h: float, low: float, c: float) -> LevelBar:
    return LevelBar(
        "SPY", at.seq, o, h, low, c, (Outlier(at.bar_start_ms + 1, price, 7e3, "range"),)
    )


def test_levels_and_vwap_read_the_level_prices_the_rest_reads_the_bar() -> None:
    plain = SymbolIndicators("SPY")
    robust = SymbolIndicators("SPY")
    pre = [bar(PRE + i * MINUTE_MS, 100.0, 100.2, 99.9, 100.1) for i in range(3)]
    spike = bar(PRE + 3 * MINUTE_MS, 100.1, 105.0, 100.0, 100.1)
    for each in pre:
        plain.push(each)
        robust.push(each)
    plain.push(spike)
    robust.push(spike, stray(spike, 105.0, 100.1, 100.3, 100.0, 100.1))
    assert (plain.pmh, robust.pmh) == (105.0, 100.3)
    first = bar(OPEN, 100.0, 100.4, 99.8, 100.2, 2_000.0)
    second = bar(OPEN + MINUTE_MS, 100.2, 103.0, 99.0, 102.9, 3_000.0)
    level = stray(second, 103.0, 100.2, 100.6, 99.0, 100.5)
    snap_a = plain.push(first)
    snap_b = robust.push(first)
    assert {**snap_a, "pmh": None} == {**snap_b, "pmh": None}  # no outliers: its own prices
    a = plain.push(second)
    b = robust.push(second, level)
    tp = ((100.4 + 99.8 + 100.2) / 3 * 2_000 + (100.6 + 99.0 + 100.5) / 3 * 3_000) / 5_000
    assert b["vwap"] == pytest.approx(tp)
    assert (a["hod"], b["hod"]) == (103.0, 100.6)
    assert b["close"] == a["close"] == 102.9 and b["high"] == 103.0  # the bar's own fields
    assert b["ema9"] == a["ema9"] and b["pmh"] == 100.3
    assert robust.outliers == [(105.0, -87, "pre"), (103.0, 1, "regular")]


def test_a_signal_names_the_outlier_it_ignored() -> None:
    rule = ActiveRule("local", 1, "PM high", 1, "pm_high_break", None, {}, cooldown_s=0)
    core = AlertCore([rule])
    spike = bar(PRE, 100.0, 105.0, 99.9, 100.1)
    core.on_bars([stray(spike, 105.0, 100.0, 100.3, 99.9, 100.1), spike])
    out = core.on_bars(
        [bar(OPEN, 100.0, 100.2, 99.9, 100.1), bar(OPEN + MINUTE_MS, 100.1, 100.5, 100.0, 100.4)]
    )
    (signal,) = out
    assert signal.inputs["pmh"] == 100.3
    assert signal.explanation == (
        "SPY closed 100.40 above the pre-market high 100.30, 09:31 ET; "
        "ignored 1 outlier print at 105.00"
    )


def test_a_level_bar_for_another_minute_is_not_used() -> None:
    core = AlertCore()
    first = bar(PRE, 100.0, 105.0, 99.9, 100.1)
    core.on_bars([stray(first, 105.0, 100.0, 100.3, 99.9, 100.1)])
    core.on_bars([bar(PRE - MINUTE_MS, 100.0, 100.1, 99.9, 100.0), first])
    assert core.indicators["SPY"].pmh == 105.0


@pytest.mark.parametrize(
    ("field", "value", "outlier", "moves"),
    [
        ("pmh", 100.0, (101.0, -60, "pre"), True),
        ("pmh", 102.0, (101.0, -60, "pre"), False),  # the level is above it anyway
        ("pmh", 100.0, (101.0, 400, "other"), False),  # after hours
        ("pml", 100.0, (99.0, -60, "pre"), True),
        ("hod", 100.0, (101.0, 3, "regular"), True),
        ("hod", 100.0, (101.0, -60, "pre"), False),
        ("prior_lod", 100.0, (99.0, 3, "regular"), True),
        ("orh5", 100.0, (101.0, 4, "regular"), True),
        ("orh5", 100.0, (101.0, 5, "regular"), False),  # after the 5-minute window
        ("orl", 100.0, (99.0, 14, "regular"), True),
        ("vwap", 100.0, (99.0, 30, "regular"), True),
        ("close", 100.0, (101.0, 3, "regular"), False),  # not a level
    ],
)
def test_would_move(field: str, value: float, outlier: tuple[float, int, str], moves: bool) -> None:
    assert would_move(field, value, outlier) is moves


def test_outlier_note_counts_each_price_once() -> None:
    day = [(101.0, -60, "pre"), (101.0, -50, "pre"), (102.5, 2, "regular"), (98.0, -40, "pre")]
    note = outlier_note(day, {"pmh": 100.0, "hod": 100.0, "close": 100.2})
    assert note == "; ignored 2 outlier prints at 101.00, 102.50"
    assert outlier_note(day, {"close": 100.2}) == ""
