"""The real SPY day (LEAN/AlgoSeek ticks, 2013-10-07) through the batch bar path."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from oracle import BAR_FIELDS, assert_same_bars, lean_ticks_frame, oracle_bars
from spotlight_trader.market.bar_files import write_bars_csv

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LEAN = SHARED / "data/ticks/lean/Data/equity/usa"
TICKS = LEAN / "tick/spy/20131007_trade.zip"
MINUTES = LEAN / "minute/spy/20131007_trade.zip"

pytestmark = pytest.mark.skipif(not TICKS.is_file(), reason="shared/ data folder not present")


@pytest.fixture(scope="module")
def spy_bars(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("bars") / "spy.csv"
    summary = write_bars_csv(TICKS, out, grace_ms=2_000)
    print(
        f"\nwrite_bars_csv: {summary.builder.trades} trades in {summary.seconds:.3f} s "
        f"({summary.trades_per_second:,.0f} trades/s), {summary.bars} bars"
    )
    assert summary.rows == 250_601 and summary.malformed == 0
    frame = pd.read_csv(out, dtype={"symbol": str})
    assert list(frame.columns) == BAR_FIELDS
    return frame.sort_values(["symbol", "seq"]).reset_index(drop=True)


def test_spy_day_equals_oracle(spy_bars: pd.DataFrame) -> None:
    ticks = lean_ticks_frame(str(TICKS), "SPY", "2013-10-07")
    expected = oracle_bars(ticks, grace_ms=2_000)
    assert len(expected) > 800
    assert_same_bars(spy_bars, expected)


def test_report_agreement_with_lean_minutes(spy_bars: pd.DataFrame) -> None:
    """Reported, not asserted: LEAN's minute bars follow AlgoSeek's rules, not Polygon's."""
    with zipfile.ZipFile(MINUTES) as zf:
        text = zf.read(zf.namelist()[0]).decode()
    lean = pd.read_csv(
        io.StringIO(text), header=None, names=["ms", "open", "high", "low", "close", "volume"]
    )
    midnight_ms = pd.Timestamp("2013-10-07", tz="America/New_York").value // 1_000_000
    lean["seq"] = (midnight_ms + lean["ms"]) // 60_000
    for col in ("open", "high", "low", "close"):
        lean[col] = lean[col] / 10_000
    merged = lean.merge(spy_bars, on="seq", how="left", suffixes=("_lean", ""))
    have = merged["open"].notna()
    vol = have & (merged["volume"] == merged["volume_lean"])
    full = vol.copy()
    for col in ("open", "high", "low", "close"):
        full &= merged[col] == merged[f"{col}_lean"]
    print(
        f"\nLEAN minute bars: {len(lean)}; ours: {len(spy_bars)}; present in both: {have.sum()}; "
        f"volume equal: {vol.sum()}/{len(lean)}; full OHLCV equal: {full.sum()}/{len(lean)}"
    )
    assert len(lean) == 828
