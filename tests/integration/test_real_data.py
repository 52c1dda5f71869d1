"""The real SPY day (LEAN/AlgoSeek ticks, 2013-10-07) through the batch bar path."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from tests.oracle import BAR_FIELDS, assert_same_bars, lean_ticks_frame, oracle_bars

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
LEAN = SHARED / "data/ticks/lean/Data/equity/usa"
TICKS = LEAN / "tick/spy/20131007_trade.zip"
MINUTES = LEAN / "minute/spy/20131007_trade.zip"


@pytest.fixture(scope="module")
def spy_bars(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """The SPY day through the real ``spotlight bars`` command."""
    out = tmp_path_factory.mktemp("bars") / "spy.csv"
    spotlight = Path(sys.executable).with_name("spotlight")
    done = subprocess.run(
        [str(spotlight), "bars", str(TICKS), "-o", str(out), "--grace-ms", "2000"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    print("\n" + done.stderr.strip().splitlines()[-1])
    assert "250,601 rows" in done.stderr and "0 rejected/malformed" in done.stderr
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
