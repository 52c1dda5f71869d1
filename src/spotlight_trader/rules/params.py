"""The typed parameter schema of every rule: label, unit, help, range or choices.

One schema: the server enforces it (:func:`~spotlight_trader.rules.builtins.check_params`
checks ranges from here) and serves it with each rule (``Rule.params_schema``), and the
client renders its inputs from it (labels, units, help, min/max)."""

from __future__ import annotations

from typing import Any, Final, Literal

import msgspec


class ParamSpec(msgspec.Struct, frozen=True):
    """One parameter: ``kind`` number (within [minimum, maximum]) or choice (of ``choices``)."""

    name: str
    label: str
    kind: Literal["number", "choice"]
    help: str
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: list[Any] | None = None


_SIDE = ParamSpec(
    "side", "Side", "choice", "Which breaks fire: long (up), short (down) or both.",
    choices=["long", "short", "both"],
)  # fmt: skip
_MIN_RVOL = ParamSpec(
    "min_rvol", "Minimum relative volume", "number",
    "Fire only when time-of-day RVOL is at least this; 0 = no volume filter.",
    unit="×", minimum=0, maximum=100,
)  # fmt: skip
_GAP = ParamSpec(
    "min_gap_pct", "Minimum gap", "number",
    "How far the first regular open must be from the prior close.",
    unit="%", minimum=0.1, maximum=100,
)  # fmt: skip

SPECS: Final[dict[str | None, list[ParamSpec]]] = {
    None: [  # custom expression rules
        ParamSpec(
            "direction", "Direction", "choice", "The direction its alerts are marked with.",
            choices=["long", "short", "neutral"],
        ),
    ],
    "vwap_reclaim": [_MIN_RVOL],
    "vwap_loss": [_MIN_RVOL],
    "orb": [
        ParamSpec(
            "minutes", "Opening range", "choice",
            "Length of the opening range from the regular open.", unit="min",
            choices=[5, 15, 30],
        ),
        ParamSpec(
            "confirmation", "Confirmation", "choice",
            "touch: the first trade beyond the range; close: a close beyond it.",
            choices=["touch", "close"],
        ),
        _SIDE,
    ],
    "rvol_spike": [
        ParamSpec(
            "threshold", "RVOL threshold", "number",
            "Fires when time-of-day relative volume rises through this.",
            unit="×", minimum=0.1, maximum=100,
        ),
    ],
    "new_hod": [],
    "new_lod": [],
    "ema_cross": [_SIDE],
    "rsi_extreme": [
        ParamSpec(
            "overbought", "Overbought", "number", "RSI(14) at or above this is overbought.",
            minimum=50, maximum=100,
        ),
        ParamSpec(
            "oversold", "Oversold", "number", "RSI(14) at or below this is oversold.",
            minimum=0, maximum=50,
        ),
    ],
    "gap_up": [_GAP],
    "gap_down": [_GAP],
    "pm_high_break": [],
    "pm_low_break": [],
}  # fmt: skip


def param_specs(builtin: str | None) -> list[ParamSpec]:
    """The schema of a built-in's parameters (``None``: a custom rule's)."""
    return SPECS.get(builtin, [])


def out_of_range(builtin: str | None, key: str, value: float) -> str | None:
    """Why ``value`` is outside ``key``'s range (naming range and unit), or None."""
    spec = next((s for s in param_specs(builtin) if s.name == key), None)
    if spec is None or spec.kind != "number":
        return None
    low, high = spec.minimum, spec.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        unit = f" {spec.unit}" if spec.unit else ""
        return f"{spec.label} must be from {low:g} to {high:g}{unit}"
    return None
