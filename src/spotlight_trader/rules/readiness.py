"""Why a rule cannot fire yet on a symbol: the indicator values it reads that have no
value (not warmed up), said in words, e.g. "RVOL needs 3 sessions of history; 1 loaded".
Pure: the editor (live indicators) and the backtest (its own run) ask it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from spotlight_trader.rules.expr import compile_expression

# the fields each built-in reads (besides the bar itself)
BUILTIN_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "vwap_reclaim": ("vwap",),
    "vwap_loss": ("vwap",),
    "orb": (),  # the opening-range fields depend on params: see _fields
    "rvol_spike": ("rvol",),
    "new_hod": ("prior_hod",),
    "new_lod": ("prior_lod",),
    "ema_cross": ("ema9", "ema21"),
    "rsi_extreme": ("rsi14",),
    "gap_up": ("prev_close",),
    "gap_down": ("prev_close",),
    "pm_high_break": ("pmh",),
    "pm_low_break": ("pml",),
}
WARMUP: Final[dict[str, str]] = {
    "vwap": "from the first regular-session bar",
    "ema9": "after 9 bars",
    "ema21": "after 21 bars",
    "rsi14": "after 15 bars",
    "hod": "from the first regular-session bar",
    "lod": "from the first regular-session bar",
    "prior_hod": "from the second regular-session bar",
    "prior_lod": "from the second regular-session bar",
    "pmh": "from the first pre-market bar",
    "pml": "from the first pre-market bar",
    "prev_close": "from the second session day",
    "gap_pct": "at the first regular bar of the second session day",
    "rvol": "during the regular session",
    "change_pct": "from the second session day",
    "minutes_since_open": "on session days",
}


def _fields(builtin: str | None, expression: str | None, params: Mapping[str, Any]) -> list[str]:
    if builtin is None:
        return list(compile_expression(expression).fields) if expression else []
    fields = list(BUILTIN_FIELDS.get(builtin, ()))
    if builtin == "orb":
        minutes = int(params.get("minutes", 15))
        fields += [f"orh{minutes}", f"orl{minutes}"]
    if builtin in ("vwap_reclaim", "vwap_loss") and float(params.get("min_rvol", 0)) > 0:
        fields.append("rvol")
    return fields


def blockers(
    builtin: str | None,
    expression: str | None,
    params: Mapping[str, Any],
    symbol: str,
    snapshot: Mapping[str, object] | None,
    sessions: tuple[int, int],
) -> list[str]:
    """Why the rule cannot fire on ``symbol`` now (empty: nothing is missing), given the
    symbol's latest indicator ``snapshot`` and RVOL ``sessions`` (loaded, needed)."""
    if snapshot is None:
        return [f"no bars of {symbol} loaded yet"]
    return list(_reasons(_fields(builtin, expression, params), snapshot, sessions))


def field_blockers(
    fields: Iterable[str], snapshot: Mapping[str, object] | None, sessions: tuple[int, int]
) -> dict[str, str]:
    """Why each of ``fields`` has no value in ``snapshot`` (fields with one are left out)."""
    if snapshot is None:
        return {field: "no bars loaded yet" for field in fields}
    return {
        field: next(iter(_reasons([field], snapshot, sessions)))
        for field in fields
        if snapshot.get(field) is None
    }


def _reasons(
    fields: Iterable[str], snapshot: Mapping[str, object], sessions: tuple[int, int]
) -> Iterable[str]:
    for field in dict.fromkeys(fields):
        if snapshot.get(field) is not None:
            continue
        if field == "rvol":
            have, need = sessions
            if have < need:
                yield f"RVOL needs {need} sessions of history; {have} loaded"
                continue
        when = WARMUP.get(field, "once enough bars are loaded")
        if field.startswith(("orh", "orl")):
            when = f"once the {field[3:]}-minute opening range is complete"
        yield f"{field} has no value yet ({when})"
