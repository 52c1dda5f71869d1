"""The custom rule language: valid/invalid table with exact positions, and fuzzing."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spotlight_trader.rules.expr import (
    MAX_CHARS,
    InvalidExpression,
    compile_expression,
    validate,
)
from spotlight_trader.rules.indicators import FIELDS

SNAP: dict[str, float | None] = dict.fromkeys(FIELDS, None) | {
    "close": 482.10,
    "open": 480.0,
    "high": 482.5,
    "low": 479.9,
    "vwap": 481.35,
    "rvol": 2.4,
    "minutes_since_open": 17.0,
    "volume": 12_000.0,
}

VALID = [
    ("close > vwap and rvol >= 2 and minutes_since_open < 60", True),
    ("close > vwap and rvol >= 3", False),
    ("not close > vwap", False),
    ("close - vwap > 0.5 or volume == 12000", True),
    ("(high - low) / close * 100 < 1", True),
    ("-close < -482", True),
    ("close / 0 > 1", False),  # division by zero: None, comparison false
    ("ema9 > ema21", False),  # not warmed up: None
    ("not ema9 > ema21", True),
    ("true and close != open", True),
    ("false or 1e3 > 999.5", True),
    ("close>=482.1and rvol<=2.4", True),  # a number may touch the keyword
    ("  close   >   .5  ", True),
]

INVALID = [
    # text, position, message fragment, an expected entry
    ("close >", 7, "unexpected end", "number"),
    ("close > > 1", 8, "unexpected '>'", "field"),
    ("clos > 1", 0, "unknown field 'clos'; did you mean close?", "field"),
    ("close > vwapp", 8, "unknown field 'vwapp'", "field"),
    ("close + 1", 0, "must be a condition", None),
    ("(close > 1", 10, "unexpected end", ")"),
    ("close > 1 and 2", 14, "'and' needs a condition", None),
    ("close > 1 and rvol", 14, "'and' needs a condition", None),
    ("not close", 4, "'not' needs a condition", None),
    ("(close > 1) + 2 > 1", 1, "'+' needs a number here", None),
    ("close $ 1", 6, "unexpected character '$'", "comparison (< <= > >= == !=)"),
    ("close > 1 or", 12, "unexpected end", "not"),
    ("", 0, "empty", "field"),
    ("__import__('os') > 1", 10, "unexpected '('", "end of expression"),
    ("_day > 1", 0, "unknown field '_day'", "field"),
    ("Close > 1", 0, "unexpected character 'C'", None),
    ("close > 1 close", 10, "unexpected 'close'", "and"),
    ("close = 1", 6, "unexpected character '='", None),
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_valid_expressions(text: str, expected: bool) -> None:
    compiled = compile_expression(text)
    assert compiled.evaluate(SNAP) is expected


@pytest.mark.parametrize(("text", "position", "message", "expected"), INVALID)
def test_invalid_expressions(text: str, position: int, message: str, expected: str | None) -> None:
    with pytest.raises(InvalidExpression) as info:
        compile_expression(text)
    error = info.value.error
    assert message in error.message
    assert error.position == position
    if expected is not None:
        assert expected in error.expected


def test_fields_used_are_reported() -> None:
    assert validate("close > vwap and rvol >= 2") == (None, ["close", "vwap", "rvol"])


def test_cost_is_bounded() -> None:
    with pytest.raises(InvalidExpression, match="longer than"):
        compile_expression("close > 1 or " * 50 + "close > 1")
    with pytest.raises(InvalidExpression, match="too large"):
        compile_expression(" or ".join(["close > 1"] * 30))
    assert compile_expression("(" * 40 + "close > 1" + ")" * 40).evaluate(SNAP) is True
    with pytest.raises(InvalidExpression, match="nested too deeply"):
        compile_expression("-" * 40 + "close > 1")
    with pytest.raises(InvalidExpression, match="nested too deeply"):
        compile_expression("not " * 60 + "close > 1")
    assert len("x" * MAX_CHARS) == MAX_CHARS


ALPHABET = st.sampled_from(
    [*"()+-*/<>=! .0123456789eE_abc\t\n", "and ", "or ", "not ", "close", "vwap", "rvol", "1e308"]
)
TOKENS = st.lists(ALPHABET, max_size=60).map("".join)
values = st.none() | st.floats(allow_nan=True, allow_infinity=True)


@settings(max_examples=1500, deadline=None)
@given(text=st.one_of(st.text(max_size=80), TOKENS), value=values)
def test_fuzz_parse_error_or_value(text: str, value: float | None) -> None:
    """Arbitrary input: InvalidExpression, or a compiled rule that yields a bool."""
    try:
        compiled = compile_expression(text)
    except InvalidExpression as exc:
        assert 0 <= exc.error.position <= max(len(text), MAX_CHARS)
        return
    snap = dict.fromkeys(FIELDS, value)
    result = compiled.evaluate(snap)
    assert isinstance(result, bool)
    if value is not None and not math.isnan(value):
        compiled.evaluate(dict.fromkeys(FIELDS, 0.0))
