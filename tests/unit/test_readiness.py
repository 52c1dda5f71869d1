"""Typed parameter ranges and "cannot fire yet" reasons."""

from __future__ import annotations

import pytest

from spotlight_trader.errors import InputError
from spotlight_trader.rules.builtins import BUILTINS, check_params
from spotlight_trader.rules.params import SPECS, param_specs
from spotlight_trader.rules.readiness import blockers


def test_every_builtin_parameter_has_a_spec_that_admits_its_default() -> None:
    for name, rule in BUILTINS.items():
        specs = {s.name: s for s in param_specs(name)}
        assert set(specs) == set(rule.defaults), name
        for key, default in rule.defaults.items():
            spec = specs[key]
            assert spec.label and spec.help
            if spec.kind == "choice":
                assert spec.choices == rule.choices[key] and default in spec.choices
            else:
                assert spec.minimum is not None and spec.maximum is not None
                assert spec.minimum <= default <= spec.maximum
    assert set(SPECS) == {None, *BUILTINS}


@pytest.mark.parametrize(
    ("builtin", "params", "message"),
    [
        ("rvol_spike", {"threshold": -5}, "RVOL threshold must be from 0.1 to 100 ×"),
        ("rsi_extreme", {"oversold": 60}, "Oversold must be from 0 to 50"),
        ("gap_up", {"min_gap_pct": 0}, "Minimum gap must be from 0.1 to 100 %"),
    ],
)
def test_out_of_range_parameters_are_rejected(
    builtin: str, params: dict[str, float], message: str
) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        check_params(builtin, params)
    check_params(builtin, {k: BUILTINS[builtin].defaults[k] for k in params})  # in range


def test_reasons_name_what_is_missing() -> None:
    snap: dict[str, object] = {"close": 1.0, "rvol": None, "vwap": 1.0, "orh5": None}
    assert blockers("rvol_spike", None, {}, "SPY", snap, (1, 3)) == [
        "RVOL needs 3 sessions of history; 1 loaded"
    ]
    assert blockers("vwap_reclaim", None, {"min_rvol": 0}, "SPY", snap, (1, 3)) == []
    assert blockers("vwap_reclaim", None, {"min_rvol": 2}, "SPY", snap, (1, 3)) == [
        "RVOL needs 3 sessions of history; 1 loaded"
    ]
    assert blockers("orb", None, {"minutes": 5}, "SPY", snap, (3, 3)) == [
        "orh5 has no value yet (once the 5-minute opening range is complete)",
        "orl5 has no value yet (once the 5-minute opening range is complete)",
    ]
    assert blockers(None, "close > ema9 and rvol > 2", {}, "SPY", snap, (0, 3)) == [
        "ema9 has no value yet (after 9 bars)",
        "RVOL needs 3 sessions of history; 0 loaded",
    ]
    assert blockers(None, "close > 1", {}, "AMD", None, (0, 3)) == ["no bars of AMD loaded yet"]
