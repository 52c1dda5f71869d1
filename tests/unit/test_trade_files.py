"""Trade file readers: formats, malformed rows, detection, units."""

from __future__ import annotations

import gzip
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from spotlight_trader.errors import TradeFileError
from spotlight_trader.feeds.files import (
    TradeFileReader,
    TradeFormat,
    detect_format,
    lean_conditions,
    read_trades,
    write_trades_csv,
    write_trades_parquet,
)
from spotlight_trader.model import Trade

TRADES = [
    Trade("SPY", 1_704_205_800_123, 470.25, 100.0, (14, 41), 11),
    Trade("SPY", 1_704_205_800_123, 470.3, 37.0, (37,), 12),
    Trade("AAPL", 1_704_205_861_000, 185.125, 5_000.0, (), 4),
    Trade("AAPL", 1_704_205_862_500, 0.0001, 1.5, (12, 2), 0),
]

POLYGON_HEADER = (
    "ticker,conditions,correction,exchange,id,participant_timestamp,price,sequence_number,"
    "sip_timestamp,size,tape,trf_id,trf_timestamp"
)


@pytest.mark.parametrize("name", ["t.csv", "t.csv.gz", "t.parquet"])
def test_native_round_trip(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith("parquet"):
        write_trades_parquet(path, TRADES)
    else:
        write_trades_csv(path, TRADES)
    reader = TradeFileReader(path)
    assert reader.format is (TradeFormat.PARQUET if "parquet" in name else TradeFormat.CSV)
    assert list(reader) == TRADES
    assert (reader.rows, reader.trades, reader.malformed) == (4, 4, 0)
    assert reader.count_rows() == 4


def test_native_csv_pipe_separator_optional_columns_and_case(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Symbol,TS_MS,price,size,conditions\nspy ,1000000000000,1.5,10,14|41\n")
    assert read_trades(path) == [Trade("SPY", 1_000_000_000_000, 1.5, 10.0, (14, 41), 0)]


def test_parquet_with_text_conditions(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    table = pa.table(
        {
            "symbol": ["SPY", "SPY"],
            "ts_ms": pa.array([1_000_000_000_000, None], pa.int64()),
            "price": [1.0, 2.0],
            "size": [1.0, 2.0],
            "conditions": ["14 41", ""],
        }
    )
    pq.write_table(table, path)
    reader = TradeFileReader(path)
    assert list(reader) == [Trade("SPY", 1_000_000_000_000, 1.0, 1.0, (14, 41), 0)]
    assert reader.malformed == 1


def test_malformed_rows_are_counted_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    lines = [
        "symbol,ts_ms,price,size,conditions,exchange",
        "SPY,1000000000000,1.5,10,0,11",
        "SPY,notanumber,1.5,10,0,11",  # bad ts
        "SPY,1000000000001,1.5,10,1 x,11",  # bad conditions
        "SPY,1000000000002,nan,10,,",  # non-finite price
        "SPY,1000000000003,1.5",  # too few columns
        ",1000000000004,1.5,10,,",  # empty symbol
        "SPY,1000000000005,1.5,10,,",
    ]
    path.write_text("\n".join(lines) + "\n")
    reader = TradeFileReader(path)
    trades = list(reader)
    assert [t.ts_ms for t in trades] == [1_000_000_000_000, 1_000_000_000_005]
    assert (reader.rows, reader.malformed, reader.trades) == (7, 5, 2)


def test_slow_path_agrees_with_fast_path(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    write_trades_csv(good, TRADES)
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text() + "SPY,x,1,1,,\n")
    assert read_trades(bad) == read_trades(good) == TRADES


@pytest.mark.parametrize(
    "content",
    [b"", b"hello,world\n1,2\n", b"\x00\x01\x02garbage", b"PK\x03\x04not really a zip"],
)
def test_unknown_format_raises(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(content)
    with pytest.raises(TradeFileError):
        detect_format(path)
    with pytest.raises(TradeFileError):
        TradeFileReader(path)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(TradeFileError, match="no such file"):
        TradeFileReader(tmp_path / "nope.csv")


def test_zip_without_lean_ticks_raises(tmp_path: Path) -> None:
    path = tmp_path / "20131007_trade.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("20131007_spy_minute_trade.csv", "14400000,1,1,1,1,1\n")
    with pytest.raises(TradeFileError, match="LEAN trade tick"):
        detect_format(path)


def _polygon_rows() -> list[str]:
    return [
        POLYGON_HEADER,
        'AAPL,"12,37",0,4,1,1651181822461636600,162.07,100,1651181822461979400,7,3,3,'
        "1651181822461636600",
        "AAPL,,0,11,2,0,162.1,101,1651181822999999999,100,3,,",
        "AAPL,,1,11,3,0,162.2,102,1651181823000000000,100,3,,",  # corrected: skipped
        "AAPL,,0,11,4,0,abc,103,1651181823000000000,100,3,,",  # malformed
    ]


@pytest.mark.parametrize("gz", [False, True])
def test_polygon_flat_file_ns_to_ms(tmp_path: Path, gz: bool) -> None:
    text = "\n".join(_polygon_rows()) + "\n"
    path = tmp_path / ("trades.csv.gz" if gz else "trades.csv")
    if gz:
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text)
    reader = TradeFileReader(path)
    assert reader.format is TradeFormat.POLYGON
    trades = list(reader)
    assert trades == [
        Trade("AAPL", 1_651_181_822_461, 162.07, 7.0, (12, 37), 4),
        Trade("AAPL", 1_651_181_822_999, 162.1, 100.0, (), 11),
    ]
    assert (reader.rows, reader.skipped, reader.malformed) == (4, 1, 1)


def _lean_zip(tmp_path: Path, rows: list[str]) -> Path:
    folder = tmp_path / "tick" / "spy"
    folder.mkdir(parents=True)
    path = folder / "20131007_trade.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("20131007_spy_Trade_Tick.csv", "\n".join(rows) + "\n")
    return path


def test_lean_known_row_time_zone_price_exchange(tmp_path: Path) -> None:
    path = _lean_zip(tmp_path, ["14400464,1674100,100,P,20002000,0"])
    reader = TradeFileReader(path)
    assert reader.format is TradeFormat.LEAN
    [trade] = list(reader)
    expected_ms = int(datetime(2013, 10, 7, 8, 0, 0, 464_000, tzinfo=UTC).timestamp() * 1000)
    assert trade == Trade("SPY", expected_ms, 167.41, 100.0, (12, 41), 11)


def test_lean_winter_offset_and_bad_rows(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    folder.mkdir()
    path = folder / "20131209_trade.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "20131209_qqq_Trade_Tick.csv",
            "34200000,800000,5,Q,1,0\n"  # 09:30 EST = 14:30 UTC
            "34200001,800000,5,Q,1,1\n"  # suspicious: skipped
            "99999999,800000,5,Q,1,0\n"  # time of day out of range
            "34200002,80.5,5,Q,1,0\n"  # not deci-cents
            "34200003,800000,5,Q,zz,0\n",  # bad mask
        )
    reader = TradeFileReader(path)
    trades = list(reader)
    expected_ms = int(datetime(2013, 12, 9, 14, 30, tzinfo=UTC).timestamp() * 1000)
    assert trades == [Trade("QQQ", expected_ms, 80.0, 5.0, (0,), 12)]
    assert (reader.rows, reader.skipped, reader.malformed) == (5, 1, 3)


def test_lean_condition_mapping() -> None:
    assert lean_conditions(0x20000020) == (14, 41)  # ISO + TradeThroughExempt
    assert lean_conditions(0x4800) == (32,)  # Sold + OutOfSequence
    assert lean_conditions(0x100200) == (2, 10)  # AveragePrice + DerivativelyPriced
    assert lean_conditions(0x1000000) == (15,)
    assert lean_conditions(0x40000000) == ()  # "Undocumented": neutral
    assert lean_conditions(0x80000000) == (37,)


def test_progress_hook(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    write_trades_csv(path, TRADES * 1000)
    calls: list[tuple[int, int]] = []
    reader = TradeFileReader(path, on_progress=lambda d, t: calls.append((d, t)), block_bytes=4096)
    assert len(list(reader)) == 4000
    assert len(calls) > 2
    assert calls[-1] == (4000, 4000)
    assert all(d <= t for d, t in calls)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert reader.total_bytes == path.stat().st_size
