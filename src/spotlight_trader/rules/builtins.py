"""Built-in rules: pure checks over the previous and the current indicator snapshot.

Every "cross" is ``prev ≤ level ∧ curr > level`` (up) over consecutive bars of the same
New York day (trading-domain.md §3). A check returns ``(direction, inputs, explanation)``
when the rule fires on this bar, else ``None``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import msgspec

from spotlight_trader.errors import InputError
from spotlight_trader.rules.indicators import Snapshot
from spotlight_trader.rules.params import out_of_range

Fired = tuple[str, dict[str, float], str]
Check = Callable[[str, Snapshot | None, Snapshot, Mapping[str, Any], str], Fired | None]


class BuiltinRule(msgspec.Struct, frozen=True):
    """A built-in rule: its name, description, default parameters and allowed values."""

    name: str
    title: str
    description: str
    defaults: dict[str, Any]
    choices: dict[str, list[Any]]
    check: Check
    cooldown_s: int = 0  # the template's default: a level that is crossed repeatedly


def _p(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def _rvol_note(s: Snapshot) -> str:
    rvol = s.get("rvol")
    return f" on {rvol:.1f}× relative volume" if rvol is not None else ""


def _same_day(prev: Snapshot | None, cur: Snapshot) -> bool:
    return prev is not None and prev["_day"] == cur["_day"]


def _inputs(s: Snapshot, *keys: str) -> dict[str, float]:
    return {k: float(v) for k in keys if (v := s.get(k)) is not None}


def _vwap(direction: str) -> Check:
    def check(
        sym: str, prev: Snapshot | None, cur: Snapshot, params: Mapping[str, Any], at: str
    ) -> Fired | None:
        if not cur["regular"] or not _same_day(prev, cur):
            return None
        assert prev is not None
        pc, pv, c, v = prev["close"], prev["vwap"], cur["close"], cur["vwap"]
        if pc is None or pv is None or c is None or v is None:
            return None
        if direction == "long":
            if not (pc <= pv and c > v):
                return None
            word = "above"
        else:
            if not (pc >= pv and c < v):
                return None
            word = "below"
        min_rvol = float(params.get("min_rvol", 0))
        rvol = cur.get("rvol")
        if min_rvol > 0 and (rvol is None or rvol < min_rvol):
            return None
        text = f"{sym} closed {_p(c)} {word} session VWAP {_p(v)}{_rvol_note(cur)}, {at} ET"
        return direction, _inputs(cur, "close", "vwap", "rvol"), text

    return check


def _orb(
    sym: str, prev: Snapshot | None, cur: Snapshot, params: Mapping[str, Any], at: str
) -> Fired | None:
    minutes = int(params.get("minutes", 15))
    mso = cur["minutes_since_open"]
    if not cur["regular"] or mso is None or mso < minutes or not _same_day(prev, cur):
        return None
    assert prev is not None
    orh, orl = cur[f"orh{minutes}"], cur[f"orl{minutes}"]
    if orh is None or orl is None:
        return None
    side = str(params.get("side", "both"))
    touch = params.get("confirmation", "close") == "touch"
    c = cur["close"]
    assert c is not None
    long_ok = side in ("long", "both")
    short_ok = side in ("short", "both")
    fired: tuple[str, str] | None = None
    if touch:
        high, low = cur["high"], cur["low"]
        phod, plod = cur["prior_hod"], cur["prior_lod"]
        if long_ok and high is not None and phod is not None and phod <= orh < high:
            fired = "long", f"{sym} traded {_p(high)} above the {minutes}-min opening range high"
        elif short_ok and low is not None and plod is not None and plod >= orl > low:
            fired = "short", f"{sym} traded {_p(low)} below the {minutes}-min opening range low"
    else:
        pc = prev["close"]
        if long_ok and pc is not None and pc <= orh < c:
            fired = "long", f"{sym} closed {_p(c)} above the {minutes}-min opening range high"
        elif short_ok and pc is not None and pc >= orl > c:
            fired = "short", f"{sym} closed {_p(c)} below the {minutes}-min opening range low"
    if fired is None:
        return None
    direction, text = fired
    level = orh if direction == "long" else orl
    return (
        direction,
        {**_inputs(cur, "close", "high", "low"), "orh": orh, "orl": orl},
        f"{text} {_p(level)}{_rvol_note(cur)}, {at} ET",
    )


def _rvol_spike(
    sym: str, prev: Snapshot | None, cur: Snapshot, params: Mapping[str, Any], at: str
) -> Fired | None:
    threshold = float(params.get("threshold", 2.0))
    if not _same_day(prev, cur):
        return None
    assert prev is not None
    pr, r = prev["rvol"], cur["rvol"]
    if pr is None or r is None or not (pr < threshold <= r):
        return None
    text = (
        f"{sym} relative volume rose to {r:.1f}× (threshold {threshold:g}×), "
        f"close {_p(cur['close'])}, {at} ET"
    )
    return "neutral", _inputs(cur, "rvol", "close", "volume"), text


def _new_extreme(direction: str) -> Check:
    def check(
        sym: str, prev: Snapshot | None, cur: Snapshot, params: Mapping[str, Any], at: str
    ) -> Fired | None:
        if not cur["regular"]:
            return None
        if direction == "long":
            level, price = cur["prior_hod"], cur["high"]
            if level is None or price is None or not price > level:
                return None
            text = f"{sym} made a new high of day {_p(price)} (previous {_p(level)})"
        else:
            level, price = cur["prior_lod"], cur["low"]
            if level is None or price is None or not price < level:
                return None
            text = f"{sym} made a new low of day {_p(price)} (previous {_p(level)})"
        return (
            direction,
            {"price": price, "previous": level, **_inputs(cur, "close")},
            f"{text}{_rvol_note(cur)}, {at} ET",
        )

    return check


def _ema_cross(
    sym: str, prev: Snapshot | None, cur: Snapshot, params: Mapping[str, Any], at: str
) -> Fired | None:
    if prev is None:
        return None
    p9, p21, e9, e21 = prev["ema9"], prev["ema21"], cur["ema9"], cur["ema21"]
    if p9 is None or p21 is None or e9 is None or e21 is None:
        return None
    side = str(params.get("side", "both"))
    if side in ("long", "both") and p9 <= p21 and e9 > e21:
        direction, word = "long", "above"
    elif side in ("short", "both") and p9 >= p21 and e9 < e21:
        direction, word = "short", "below"
    else:
        return None
    text = f"{sym} EMA9 {_p(e9)} crossed {word} EMA21 {_p(e21)}, close {_p(cur['close'])}, {at} ET"
    return direction, _inputs(cur, "ema9", "ema21", "close"), text


def _rsi_extreme(
    sym: str, prev: Snapshot | None, cur: Snapshot, params: Mapping[str, Any], at: str
) -> Fired | None:
    if prev is None:
        return None
    pr, r = prev["rsi14"], cur["rsi14"]
    if pr is None or r is None:
        return None
    hi = float(params.get("overbought", 70))
    lo = float(params.get("oversold", 30))
    if pr < hi <= r:
        text = f"{sym} RSI(14) entered overbought at {r:.1f} (≥ {hi:g})"
    elif pr > lo >= r:
        text = f"{sym} RSI(14) entered oversold at {r:.1f} (≤ {lo:g})"
    else:
        return None
    return "neutral", _inputs(cur, "rsi14", "close"), f"{text}, close {_p(cur['close'])}, {at} ET"


def _gap(direction: str) -> Check:
    def check(
        sym: str, prev: Snapshot | None, cur: Snapshot, params: Mapping[str, Any], at: str
    ) -> Fired | None:
        gap, pc = cur["gap_pct"], cur["prev_close"]
        if not cur["_first_regular"] or gap is None or pc is None:
            return None
        minimum = float(params.get("min_gap_pct", 2.0))
        if direction == "long" and gap >= minimum:
            word = "up"
        elif direction == "short" and gap <= -minimum:
            word = "down"
        else:
            return None
        text = (
            f"{sym} gapped {word} {abs(gap):.2f}% at the open: {_p(cur['open'])} vs prior "
            f"close {_p(pc)}, {at} ET"
        )
        return direction, _inputs(cur, "gap_pct", "open", "prev_close"), text

    return check


def _pm_break(direction: str) -> Check:
    def check(
        sym: str, prev: Snapshot | None, cur: Snapshot, params: Mapping[str, Any], at: str
    ) -> Fired | None:
        if not cur["regular"] or not _same_day(prev, cur):
            return None
        assert prev is not None
        pc, c = prev["close"], cur["close"]
        if pc is None or c is None:
            return None
        if direction == "long":
            level = cur["pmh"]
            if level is None or not pc <= level < c:
                return None
            text = f"{sym} closed {_p(c)} above the pre-market high {_p(level)}"
        else:
            level = cur["pml"]
            if level is None or not pc >= level > c:
                return None
            text = f"{sym} closed {_p(c)} below the pre-market low {_p(level)}"
        return direction, _inputs(cur, "close", "pmh", "pml"), f"{text}{_rvol_note(cur)}, {at} ET"

    return check


BUILTINS: Final[dict[str, BuiltinRule]] = {
    r.name: r
    for r in (
        BuiltinRule(
            "vwap_reclaim",
            "VWAP reclaim",
            "Close crosses above session VWAP (regular session).",
            {"min_rvol": 0.0},
            {},
            _vwap("long"),
            cooldown_s=600,
        ),
        BuiltinRule(
            "vwap_loss",
            "VWAP loss",
            "Close crosses below session VWAP (regular session).",
            {"min_rvol": 0.0},
            {},
            _vwap("short"),
            cooldown_s=600,
        ),
        BuiltinRule(
            "orb",
            "Opening range breakout",
            "Price leaves the 5/15/30-minute opening range: touch (high/low beyond the range "
            "for the first time) or close confirmation.",
            {"minutes": 15, "confirmation": "close", "side": "both"},
            {
                "minutes": [5, 15, 30],
                "confirmation": ["touch", "close"],
                "side": ["long", "short", "both"],
            },
            _orb,
            cooldown_s=900,
        ),
        BuiltinRule(
            "rvol_spike",
            "Relative volume spike",
            "Time-of-day relative volume rises through a threshold.",
            {"threshold": 2.0},
            {},
            _rvol_spike,
            cooldown_s=1800,
        ),
        BuiltinRule(
            "new_hod",
            "New high of day",
            "The bar trades above the regular-session high so far.",
            {},
            {},
            _new_extreme("long"),
            cooldown_s=300,
        ),
        BuiltinRule(
            "new_lod",
            "New low of day",
            "The bar trades below the regular-session low so far.",
            {},
            {},
            _new_extreme("short"),
            cooldown_s=300,
        ),
        BuiltinRule(
            "ema_cross",
            "EMA 9/21 cross",
            "EMA(9) crosses EMA(21): above is long, below is short.",
            {"side": "both"},
            {"side": ["long", "short", "both"]},
            _ema_cross,
            cooldown_s=900,
        ),
        BuiltinRule(
            "rsi_extreme",
            "RSI extreme",
            "RSI(14) enters overbought (≥ 70) or oversold (≤ 30).",
            {"overbought": 70.0, "oversold": 30.0},
            {},
            _rsi_extreme,
            cooldown_s=900,
        ),
        BuiltinRule(
            "gap_up",
            "Gap up",
            "At the first regular bar, the open is at least min_gap_pct above the prior close.",
            {"min_gap_pct": 2.0},
            {},
            _gap("long"),
        ),
        BuiltinRule(
            "gap_down",
            "Gap down",
            "At the first regular bar, the open is at least min_gap_pct below the prior close.",
            {"min_gap_pct": 2.0},
            {},
            _gap("short"),
        ),
        BuiltinRule(
            "pm_high_break",
            "Pre-market high break",
            "Close crosses above the pre-market high during the regular session.",
            {},
            {},
            _pm_break("long"),
            cooldown_s=1800,
        ),
        BuiltinRule(
            "pm_low_break",
            "Pre-market low break",
            "Close crosses below the pre-market low during the regular session.",
            {},
            {},
            _pm_break("short"),
            cooldown_s=1800,
        ),
    )
}


def check_params(builtin: str | None, params: Mapping[str, Any], field: str = "params") -> None:
    """:class:`InputError` if ``params`` has unknown keys or bad values for ``builtin``."""
    if not isinstance(params, Mapping):
        raise InputError(f"{field} must be an object")
    if builtin is None:
        allowed = {"direction": ["long", "short", "neutral"]}
        for key, value in params.items():
            if key not in allowed:
                raise InputError(
                    f"{field}: unknown parameter {key!r} (custom rules take direction)"
                )
            if value not in allowed[key]:
                raise InputError(f"{field}.{key} must be one of {allowed[key]}")
        return
    rule = BUILTINS[builtin]
    for key, value in params.items():
        if key not in rule.defaults:
            known = ", ".join(rule.defaults) or "none"
            raise InputError(f"{field}: unknown parameter {key!r} for {builtin} (known: {known})")
        choices = rule.choices.get(key)
        if choices is not None:
            if value not in choices:
                raise InputError(f"{field}.{key} must be one of {choices}")
        elif (
            not isinstance(value, int | float)
            or isinstance(value, bool)
            or value != value
            or abs(value) > 1e9
        ):
            raise InputError(f"{field}.{key} must be a number")
        elif (why := out_of_range(builtin, key, value)) is not None:
            raise InputError(f"{field}.{key}: {why}")
