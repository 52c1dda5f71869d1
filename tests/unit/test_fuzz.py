"""Bounded fuzzing of the parsers that read outside input: only the documented outcomes come
out. The Polygon frame decoder never raises (bad input is counted); the trade-file readers
yield trades or raise :class:`TradeFileError`. (The rule expression language is fuzzed in
``test_expr.py``.)"""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spotlight_trader.errors import TradeFileError
from spotlight_trader.feeds.files import read_trades
from spotlight_trader.feeds.files.native import NATIVE_COLUMNS
from spotlight_trader.feeds.files.polygon import POLYGON_COLUMNS
from spotlight_trader.feeds.polygon.codec import decode_frame
from spotlight_trader.model import Trade

FUZZ = settings(
    max_examples=300,
    derandomize=True,  # a fixed seed: the same examples every run
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)
fields = {
    "ev": st.sampled_from(["T", "Q", "status", "A", "XT"]) | st.text(max_size=3),
    "sym": st.text(max_size=8) | st.sampled_from(["SPY", "AAPL"]),
    "t": st.integers(min_value=-(2**64), max_value=2**64),
    "p": st.floats() | st.integers() | st.text(max_size=4),
    "s": st.integers(min_value=-(2**64), max_value=2**64) | st.floats(),
    "ds": st.text(max_size=8) | st.none(),
    "c": st.lists(st.integers(min_value=-(2**40), max_value=2**40), max_size=4) | json_values,
    "x": st.integers(min_value=-(2**40), max_value=2**40),
    "bp": st.floats(),
    "ap": st.floats(),
    "bs": st.integers(min_value=-(2**64), max_value=2**64),
    "as": st.integers(min_value=-(2**64), max_value=2**64),
    "status": st.text(max_size=10),
    "message": st.text(max_size=20),
}
entries = st.fixed_dictionaries({}, optional=fields)
frames = (
    st.lists(entries | json_values, max_size=6).map(lambda v: json.dumps(v, allow_nan=True))
    | json_values.map(json.dumps)
    | st.binary(max_size=200)
    | st.text(max_size=200)
)


@FUZZ
@given(frame=frames)
def test_polygon_frames_never_raise(frame: str | bytes) -> None:
    out = decode_frame(frame)
    assert out.malformed >= 0 and out.unknown >= 0
    for trade in out.trades:
        assert isinstance(trade, Trade)


cells = st.text(
    alphabet=st.characters(exclude_characters="\r\n,\x00", exclude_categories=["Cs"]),
    max_size=10,
)


def _csv(header: tuple[str, ...], rows: list[list[str]]) -> bytes:
    lines = [",".join(header), *(",".join(r) for r in rows)]
    return ("\n".join(lines) + "\n").encode()


csv_files = st.one_of(
    st.binary(max_size=300),
    st.builds(
        _csv, st.just(NATIVE_COLUMNS), st.lists(st.lists(cells, min_size=6, max_size=7), max_size=5)
    ),
    st.builds(
        _csv,
        st.just(tuple(POLYGON_COLUMNS)),
        st.lists(
            st.lists(cells, min_size=len(POLYGON_COLUMNS), max_size=len(POLYGON_COLUMNS)),
            max_size=5,
        ),
    ),
)


def _check_trade(trade: Any) -> None:
    assert isinstance(trade, Trade)
    assert math.isfinite(trade.price) and math.isfinite(trade.size)


@FUZZ
@given(content=csv_files, suffix=st.sampled_from([".csv", ".csv.gz", ".parquet", ".zip", ""]))
def test_trade_files_yield_trades_or_a_trade_file_error(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"trades{suffix}"
        path.write_bytes(content)
        try:
            trades = read_trades(path)
        except TradeFileError:
            return
        for trade in trades:
            _check_trade(trade)
