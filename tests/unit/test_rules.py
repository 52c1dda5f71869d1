"""Built-in rules fire exactly at the expected bars of crafted sequences; frequencies."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from spotlight_trader.market.session import et_to_ms
from spotlight_trader.model import MICRO_MS, MINUTE_MS, Bar, FormingBar, Microbar
from spotlight_trader.rules.core import ActiveRule, AlertCore
from tests.unit.test_indicators import ema_reference, rsi_reference

DAY0 = date(2024, 3, 1)  # Friday
DAY = date(2024, 3, 4)  # Monday
OPEN = 9 * 60 + 30


def bar(day: date, minute: int, o: float, h: float, lo: float, c: float, v: float = 100) -> Bar:
    start = et_to_ms(day, minute)
    return Bar("NVDA", start // MINUTE_MS, start, start + MINUTE_MS, o, h, lo, c, v, 1)


def flat(day: date, minute: int, c: float, v: float = 100) -> Bar:
    return bar(day, minute, c, c, c, c, v)


def rule(builtin: str | None = None, expression: str | None = None, **kw: Any) -> ActiveRule:
    params = kw.pop("params", {})
    return ActiveRule(
        user_id=kw.pop("user_id", "local"),
        rule_id=kw.pop("rule_id", 1),
        rule_name=builtin or "custom",
        version=1,
        builtin=builtin,
        expression=expression,
        params=params,
        frequency=kw.pop("frequency", "every_time"),
        **kw,
    )


def fired_at(bars: list[Bar], r: ActiveRule, rvol_min: int = 3) -> list[int]:
    core = AlertCore([r], rvol_sessions=10, rvol_min=rvol_min)
    hits = []
    for i, b in enumerate(bars):
        for signal in core.on_bar(b):
            assert signal.seq == b.seq and signal.rule_id == r.rule_id
            hits.append(i)
    return hits


def premarket(day: date, closes: list[float]) -> list[Bar]:
    return [flat(day, OPEN - len(closes) + i, c) for i, c in enumerate(closes)]


def test_vwap_reclaim_and_loss() -> None:
    closes = [100, 100, 99, 99, 101, 102, 98]
    bars = premarket(DAY, [103, 97]) + [flat(DAY, OPEN + i, c) for i, c in enumerate(closes)]
    assert fired_at(bars, rule("vwap_reclaim")) == [2 + 4]
    assert fired_at(bars, rule("vwap_loss")) == [2 + 2, 2 + 6]
    core = AlertCore([rule("vwap_reclaim")])
    signals = [s for b in bars for s in core.on_bar(b)]
    assert signals[0].explanation == "NVDA closed 101.00 above session VWAP 99.80, 09:34 ET"
    assert signals[0].direction == "long"
    assert signals[0].inputs == {"close": 101.0, "vwap": pytest.approx(99.8)}


def orb_bars() -> list[Bar]:
    rng = [bar(DAY, OPEN + i, 100, 101, 99, 100) for i in range(5)]
    return [
        *premarket(DAY, [100]),
        *rng,
        bar(DAY, OPEN + 5, 100, 101.2, 100.2, 100.5),  # touch above, close inside
        bar(DAY, OPEN + 6, 100.5, 101.6, 100.4, 101.5),  # close above
        bar(DAY, OPEN + 7, 101.5, 102, 101.4, 101.8),
        bar(DAY, OPEN + 8, 101.8, 101.8, 99.9, 100.0),  # back inside
        bar(DAY, OPEN + 9, 100, 101.6, 100, 101.5),  # close above again
        bar(DAY, OPEN + 10, 101.5, 101.5, 98.4, 98.5),  # below the range
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"minutes": 5, "confirmation": "close"}, [7, 10, 11]),
        ({"minutes": 5, "confirmation": "touch"}, [6, 11]),
        ({"minutes": 5, "confirmation": "close", "side": "long"}, [7, 10]),
        ({"minutes": 5, "confirmation": "touch", "side": "short"}, [11]),
        ({"minutes": 15, "confirmation": "close"}, []),
        ({"minutes": 30, "confirmation": "touch"}, []),
    ],
)
def test_opening_range_breakout(params: dict[str, Any], expected: list[int]) -> None:
    assert fired_at(orb_bars(), rule("orb", params=params)) == expected


def test_orb_directions() -> None:
    core = AlertCore([rule("orb", params={"minutes": 5, "confirmation": "touch"})])
    signals = [s for b in orb_bars() for s in core.on_bar(b)]
    assert [s.direction for s in signals] == ["long", "short"]
    assert signals[0].explanation.startswith("NVDA traded 101.20 above the 5-min opening range")


def test_rvol_spike() -> None:
    history = [
        flat(d, OPEN + i, 50)
        for d in (date(2024, 2, 28), date(2024, 2, 29), DAY0)
        for i in range(6)
    ]
    today = [flat(DAY, OPEN + i, 50, v) for i, v in enumerate([100, 100, 700, 100, 100, 900])]
    # cumulative 100,200,900,1000,1100,2000 vs 100..600: rvol 1, 1, 3, 2.5, 2.2, 3.33
    assert fired_at(history + today, rule("rvol_spike")) == [18 + 2]
    assert fired_at(history + today, rule("rvol_spike", params={"threshold": 3.2})) == [18 + 5]
    assert fired_at(history + today, rule("rvol_spike"), rvol_min=4) == []  # too little history


def test_new_high_and_low_of_day() -> None:
    bars = [
        bar(DAY, OPEN - 1, 20, 30, 1, 10),  # pre-market extremes do not count
        bar(DAY, OPEN, 10, 10, 9, 9.5),
        bar(DAY, OPEN + 1, 10, 11, 8.5, 10),
        bar(DAY, OPEN + 2, 10, 10.5, 9, 10),
        bar(DAY, OPEN + 3, 10, 12, 8, 11),
        bar(DAY, OPEN + 4, 11, 12, 8, 11),
        bar(DAY, 16 * 60, 11, 20, 1, 11),  # after hours do not count
    ]
    assert fired_at(bars, rule("new_hod")) == [2, 4]
    assert fired_at(bars, rule("new_lod")) == [2, 4]


def _series_bars(closes: list[float]) -> list[Bar]:
    return [flat(DAY, 5 * 60 + i, c) for i, c in enumerate(closes)]


def test_ema_cross_matches_reference() -> None:
    closes = [100 - 0.5 * i for i in range(30)] + [85 + 1.0 * i for i in range(25)]
    closes += [110 - 1.5 * i for i in range(20)]
    e9, e21 = ema_reference(closes, 9), ema_reference(closes, 21)
    up = [i for i in range(1, len(closes)) if e9[i - 1] <= e21[i - 1] and e9[i] > e21[i]]
    down = [i for i in range(1, len(closes)) if e9[i - 1] >= e21[i - 1] and e9[i] < e21[i]]
    assert up and down
    bars = _series_bars(closes)
    assert fired_at(bars, rule("ema_cross")) == sorted(up + down)
    assert fired_at(bars, rule("ema_cross", params={"side": "long"})) == up


def test_rsi_extreme_matches_reference() -> None:
    closes = [100.0 + (i % 3) - 1 for i in range(20)] + [100 + 2 * i for i in range(10)]
    closes += [120 - 3 * i for i in range(15)] + [80 + (i % 2) for i in range(10)]
    r = rsi_reference(closes, 14)
    entering = [
        i for i in range(1, len(closes)) if (r[i - 1] < 70 <= r[i]) or (r[i - 1] > 30 >= r[i])
    ]
    assert len(entering) >= 2
    assert fired_at(_series_bars(closes), rule("rsi_extreme")) == entering


def test_gap_up_and_down_at_the_open() -> None:
    day0 = [flat(DAY0, OPEN + i, c) for i, c in enumerate([99, 100])]
    for open_, up, down in [(103, [4], []), (97, [], [4]), (101.5, [], [])]:
        day1 = [
            *premarket(DAY, [103, 104]),
            bar(DAY, OPEN, open_, 110, 90, 100),
            flat(DAY, OPEN + 1, 120),
        ]
        bars = day0 + day1
        assert fired_at(bars, rule("gap_up")) == up
        assert fired_at(bars, rule("gap_down")) == down
    core = AlertCore([rule("gap_up")])
    signals = [s for b in [*day0, bar(DAY, OPEN, 103, 110, 90, 100)] for s in core.on_bar(b)]
    assert signals[0].explanation == (
        "NVDA gapped up 3.00% at the open: 103.00 vs prior close 100.00, 09:30 ET"
    )


def test_premarket_high_and_low_break() -> None:
    pre = [
        bar(DAY, 8 * 60 + i, 100, h, lo, 100) for i, (h, lo) in enumerate([(105, 99), (101, 95)])
    ]
    closes = [100, 104, 106, 107, 104, 106, 94]
    bars = pre + [flat(DAY, OPEN + i, c) for i, c in enumerate(closes)]
    assert fired_at(bars, rule("pm_high_break")) == [2 + 2, 2 + 5]
    assert fired_at(bars, rule("pm_low_break")) == [2 + 6]


def test_frequency_once_and_cooldown() -> None:
    bars = [flat(DAY, OPEN + i, 101) for i in range(10)]

    def while_true(**kw: Any) -> ActiveRule:
        return rule(expression="close > 100", fire_mode="while_true", **kw)

    assert fired_at(bars, while_true()) == list(range(10))
    assert fired_at(bars, while_true(frequency="once")) == [0]
    assert fired_at(bars, while_true(cooldown_s=180)) == [0, 3, 6, 9]
    assert fired_at(bars, while_true(symbols=frozenset({"AMD"}))) == []


def test_custom_rule_explanation_shows_counts_as_whole_numbers() -> None:
    core = AlertCore([rule(expression="close > 100 and volume > 1000", fire_mode="while_true")])
    (signal,) = core.on_bar(flat(DAY, OPEN, 101.5, v=169_120))
    assert signal.explanation == (
        "NVDA: close > 100 and volume > 1000 — close 101.50, volume 169,120, 09:30 ET"
    )


def _micro(b: Bar, k: int, close: float) -> Microbar:
    minute = FormingBar(b.seq, b.bar_start_ms, close, close, close, close, 100, 1)
    start = b.bar_start_ms + k * MICRO_MS
    return Microbar("NVDA", start, close, close, close, close, 100, 1, minute)


@pytest.mark.parametrize(
    ("frequency", "expected"),
    [
        ("every_time", ["m", "m", "m", "f"]),
        ("once_per_bar", ["m"]),
        ("once_per_bar_close", ["f"]),
        ("once", ["m"]),
    ],
)
def test_intrabar_frequencies(frequency: str, expected: list[str]) -> None:
    core = AlertCore([rule(expression="close > 100", frequency=frequency, intrabar=True)])
    core.on_bar(flat(DAY, OPEN, 99))
    b = flat(DAY, OPEN + 1, 101)
    got = []
    for k in range(3):
        got += ["m" for _ in core.on_microbar(_micro(b, k, 101))]
    got += ["f" for _ in core.on_bar(b)]
    assert got == expected


def test_final_only_rules_ignore_microbars() -> None:
    core = AlertCore([rule(expression="close > 100")])
    core.on_bar(flat(DAY, OPEN, 99))
    assert core.on_microbar(_micro(flat(DAY, OPEN + 1, 101), 0, 101)) == []
