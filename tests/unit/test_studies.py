"""Chart studies equal the rule engine's inputs and an independent pandas computation."""

from __future__ import annotations

import random
from datetime import date

import pandas as pd
import pytest

from spotlight_trader.market.session import et_to_ms
from spotlight_trader.model import MINUTE_MS, Bar
from spotlight_trader.rules.core import ActiveRule, AlertCore
from spotlight_trader.rules.studies import study_points
from tests.unit.test_indicators import ema_reference, rsi_reference

DAYS = (date(2024, 3, 4), date(2024, 3, 5))  # Monday, Tuesday


def day_bars(seed: int) -> list[Bar]:
    """04:00-20:00 New York of two days, random walk, random volume."""
    rng = random.Random(seed)
    price = 100.0
    bars = []
    for day in DAYS:
        for minute in range(4 * 60, 20 * 60):
            start = et_to_ms(day, minute)
            o = price
            price = max(1.0, price + rng.gauss(0, 0.2))
            h, lo = max(o, price) + rng.random() * 0.1, min(o, price) - rng.random() * 0.1
            v = float(rng.randint(1, 5000))
            bars.append(
                Bar("NVDA", start // MINUTE_MS, start, start + MINUTE_MS, o, h, lo, price, v, 3)
            )
    return bars


def minute_of_day(ms: int) -> int:
    t = pd.Timestamp(ms, unit="ms", tz="UTC").tz_convert("America/New_York")
    return int(t.hour * 60 + t.minute)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_studies_equal_the_rule_inputs_and_pandas(seed: int) -> None:
    bars = day_bars(seed)
    points = study_points("NVDA", bars)
    assert [p.seq for p in points] == [b.seq for b in bars]

    # the rule engine: a custom rule reading the same fields fires on every bar it can
    rule = ActiveRule(
        user_id="local",
        rule_id=1,
        rule_name="reads",
        version=1,
        builtin=None,
        expression="vwap > 0 and ema9 > 0 and ema21 > 0 and rsi14 >= 0",
        params={},
        frequency="every_time",
    )
    core = AlertCore([rule])
    seen = {s.seq: s.inputs for b in bars for s in core.on_bar(b)}
    by_seq = {p.seq: p for p in points}
    assert seen, "the rule fired during the regular session"
    for seq, inputs in seen.items():
        p = by_seq[seq]
        assert (p.ema9, p.ema21, p.rsi14) == (inputs["ema9"], inputs["ema21"], inputs["rsi14"])
        # the chart draws the session VWAP only in its session (the rules keep the day's
        # value through the after-hours)
        if minute_of_day(seq * MINUTE_MS) >= 570 and minute_of_day(seq * MINUTE_MS) < 960:
            assert p.vwap == inputs["vwap"]
        else:
            assert p.vwap is None

    # pandas: VWAP over each day's regular session only, None outside it
    df = pd.DataFrame(
        {
            "day": [
                pd.Timestamp(b.bar_start_ms, unit="ms", tz="UTC")
                .tz_convert("America/New_York")
                .date()
                for b in bars
            ],
            "m": [minute_of_day(b.bar_start_ms) for b in bars],
            "tpv": [(b.high + b.low + b.close) / 3 * b.volume for b in bars],
            "v": [b.volume for b in bars],
        }
    )
    regular = (df.m >= 570) & (df.m < 960)
    reg = df[regular]
    vwap = reg.groupby("day").tpv.cumsum() / reg.groupby("day").v.cumsum()
    for i, p in enumerate(points):
        if regular.iloc[i]:
            assert p.vwap == pytest.approx(vwap.loc[i], rel=1e-12)
        else:
            assert p.vwap is None
    closes = [b.close for b in bars]
    for name, ref in (("ema9", ema_reference(closes, 9)), ("ema21", ema_reference(closes, 21))):
        for i, p in enumerate(points):
            value = getattr(p, name)
            assert (value is None) == pd.isna(ref.iloc[i])
            if value is not None:
                assert value == pytest.approx(ref.iloc[i], rel=1e-9)
    rsi = rsi_reference(closes, 14)
    for i, p in enumerate(points):
        assert (p.rsi14 is None) == pd.isna(rsi.iloc[i])
        if p.rsi14 is not None:
            assert p.rsi14 == pytest.approx(rsi.iloc[i], rel=1e-9, abs=1e-9)
