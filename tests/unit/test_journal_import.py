"""Fill files → executions: the three formats, detection, time zones, and malformed
files (clear per-row errors, or one file-level InputError); a bounded fuzz."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spotlight_trader.errors import InputError
from spotlight_trader.journal.formats.base import JournalFormat
from spotlight_trader.journal.importer import decode, detect_journal_format, parse_fills
from spotlight_trader.journal.trips import group_round_trips

D = Decimal
GENERIC = """Date,Time,Symbol,Quantity,Price,Side,Commission,Fees
06/02/2025,09:31:05,SPY,100,530.10,B,1.00,0.02
2025-06-02,09:35:10,spy,100,531.10,S,1.00,0.03
6/2/2025,10:00:00,AAPL,50,200,SS,0.5,
2025-06-02,10:05:00,AAPL,50,199.5,BC,0.5,0.01
"""
IBKR = (
    '"ClientAccountID","AssetClass","Symbol","DateTime","Quantity","TradePrice",'
    '"IBCommission","Buy/Sell","IBExecID","LevelOfDetail"\n'
    "U1234567,STK,NVDA,20250602;093012,200,135.25,-1.0,BUY,0000e1a7.683d8a1c.01.01,EXECUTION\n"
    'U1234567,STK,NVDA,20250602;093012,200,135.25,-1.0,BUY,"",ORDER\n'
    "U1234567,STK,NVDA,20250602;101500,-200,136.75,-1.02,SELL,0000e1a7.683d9b2d.01.01,EXECUTION\n"
)
TOS = """Account Statement for 123456789 (ira) since 6/2/25 through 6/2/25

Cash Balance
DATE,TIME,TYPE,REF #,DESCRIPTION,Misc Fees,Commissions & Fees,AMOUNT,BALANCE
6/2/25,09:30:41,TRD,="1234",BOT +100 TSLA @340.10,,,-34010.00,0.00

Account Trade History
,Exec Time,Spread,Side,Qty,Pos Effect,Symbol,Exp,Strike,Type,Price,Net Price,Order Type
,6/2/25 09:30:41,STOCK,BUY,+100,TO OPEN,TSLA,,,STOCK,340.10,340.10,LMT
,6/2/25 09:48:02,STOCK,SELL,-100,TO CLOSE,TSLA,,,STOCK,342.35,342.35,LMT

Equities
Symbol,Description,Qty,Trade Price,Mark,Mark Value
"""


def utc(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp() * 1000)


def test_generic_rows_with_sides_mixed_dates_and_costs() -> None:
    preview = parse_fills(GENERIC, tz="America/New_York", account="main")
    assert preview.ok and preview.format is JournalFormat.GENERIC and preview.rows == 4
    first, _, short, cover = preview.executions
    assert (first.symbol, first.side, first.quantity, first.price) == (
        "SPY",
        "buy",
        D(100),
        D("530.10"),
    )
    assert first.ts_ms == utc("2025-06-02T13:31:05")  # EDT = UTC-4
    assert (first.commission, first.fees, first.account) == (D("1.00"), D("0.02"), "main")
    assert (short.side, cover.side) == ("sell", "buy")
    trips = group_round_trips(preview.executions)
    assert [(t.symbol, t.direction, t.gross_pnl) for t in trips] == [
        ("SPY", "long", D("100.00")),
        ("AAPL", "short", D("25.0")),
    ]


def test_generic_signed_quantity_without_side() -> None:
    text = (
        "Date,Time,Symbol,Quantity,Price\n"
        "2025-01-02,09:30:00,QQQ,-10,500\n2025-01-02,09:31:00,QQQ,10,499\n"
    )
    buys = [(e.side, e.quantity) for e in parse_fills(text, tz="America/New_York").executions]
    assert buys == [("sell", D(10)), ("buy", D(10))]


def test_ibkr_flex_trades_keep_execution_ids_and_accounts() -> None:
    preview = parse_fills(IBKR, tz="America/New_York")
    assert preview.ok and preview.format is JournalFormat.IBKR
    buy, sell = preview.executions  # the ORDER summary row is not a fill
    assert buy.key == "x:0000e1a7.683d8a1c.01.01" and buy.account == "U1234567"
    assert (buy.commission, sell.side, sell.quantity) == (D("1.0"), "sell", D(200))
    assert buy.ts_ms == utc("2025-06-02T13:30:12")


def test_thinkorswim_statement_trade_history_section() -> None:
    preview = parse_fills(TOS, tz="America/New_York", account="tos")
    assert preview.ok and preview.format is JournalFormat.TOS
    assert [(e.side, e.quantity, e.price) for e in preview.executions] == [
        ("buy", D(100), D("340.10")),
        ("sell", D(100), D("342.35")),
    ]


def test_detection() -> None:
    assert detect_journal_format(GENERIC) is JournalFormat.GENERIC
    assert detect_journal_format(IBKR) is JournalFormat.IBKR
    assert detect_journal_format(TOS) is JournalFormat.TOS
    with pytest.raises(InputError, match="unknown fill file format"):
        detect_journal_format("a,b,c\n1,2,3\n")


def test_a_2330_new_york_fill_is_stored_as_the_next_utc_day() -> None:
    text = "Date,Time,Symbol,Quantity,Price,Side\n2025-06-02,23:30:00,SPY,1,500,B\n"
    [fill] = parse_fills(text, tz="America/New_York").executions
    assert fill.ts_ms == utc("2025-06-03T03:30:00")
    [tokyo] = parse_fills(text, tz="Asia/Tokyo").executions
    assert tokyo.ts_ms == utc("2025-06-02T14:30:00")


def test_a_time_skipped_by_dst_is_a_row_error() -> None:
    text = (
        "Date,Time,Symbol,Quantity,Price,Side\n"
        "2025-03-09,02:30:00,SPY,1,500,B\n2025-03-10,02:30:00,SPY,1,500,S\n"
    )
    preview = parse_fills(text, tz="America/New_York")
    assert [(e.line, e.message) for e in preview.errors] == [
        (2, "Time: 2025-03-09 02:30:00 does not exist in America/New_York (DST change)")
    ]


def test_malformed_rows_get_line_numbered_errors() -> None:
    text = (
        "Date,Time,Symbol,Quantity,Price,Side\n"
        "13/02/2025,09:30:00,SPY,1,500,B\n"  # day-first
        "2025/02/03,09:30:00,SPY,1,500,B\n"
        "2025-02-03,25:00:00,SPY,1,500,B\n"
        "2025-02-03,09:30:00,SPY,1,-500,B\n"  # negative price
        "2025-02-03,09:30:00,SPY,abc,500,B\n"
        "2025-02-03,09:30:00,SPY,1,500,X\n"
        "2025-02-03,09:30:00,SPY,-1,500,B\n"
        "2025-02-03,09:30:00,$$$,1,500,B\n"
        "2025-02-03,09:30:00,SPY,0,500,B\n"
        "02/03/2025,09:30:00,SPY,1,500,S\n"  # fine: month-first, mixed with ISO
    )
    preview = parse_fills(text, tz="America/New_York")
    assert not preview.ok
    assert [(e.line, e.message.split(":")[0]) for e in preview.errors] == [
        (2, "Date"),
        (3, "Date"),
        (4, "Time"),
        (5, "Price"),
        (6, "Quantity"),
        (7, "Side"),
        (8, "Quantity"),
        (9, "Symbol"),
        (10, "Quantity"),
    ]
    assert "must be positive, got '-500'" in preview.errors[3].message
    assert len(preview.executions) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Date,Time,Symbol,Price\n2025-01-02,09:30:00,SPY,1\n", "missing column(s) Quantity"),
        ("Date,Time,Symbol,Quantity,Price\n", "header but no rows"),
        ("Date;Time;Symbol\n", "unknown fill file format"),
    ],
)
def test_file_level_problems_raise_one_input_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_fills(text, tz="America/New_York")


def test_empty_huge_and_binary_files_are_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        decode(b"  \n", 1000)
    with pytest.raises(InputError, match="more than the 1,000 allowed"):
        decode(b"x" * 1001, 1000)
    with pytest.raises(InputError, match="not UTF-8"):
        decode(b"\xff\xfe\x00", 1000)
    with pytest.raises(InputError, match="unknown time zone"):
        parse_fills(GENERIC, tz="Mars/Olympus")


def test_a_big_file_reads_every_row() -> None:
    rows = [
        f"2025-06-02,09:{m % 60:02d}:{s:02d},SPY,1,{500 + m % 7}.25,{'B' if s % 2 else 'S'}"
        for m in range(400)
        for s in range(50)
    ]
    preview = parse_fills(
        "Date,Time,Symbol,Quantity,Price,Side\n" + "\n".join(rows), tz="America/New_York"
    )
    assert preview.ok and preview.rows == 20_000 and len(preview.executions) == 20_000


def test_duplicate_rows_are_kept_apart_with_a_warning_and_duplicate_exec_ids_are_errors() -> None:
    text = "Date,Time,Symbol,Quantity,Price,Side\n" + "2025-06-02,09:30:00,SPY,100,500,B\n" * 2
    preview = parse_fills(text, tz="America/New_York")
    assert preview.ok and len({e.key for e in preview.executions}) == 2
    assert [(w.line, w.message) for w in preview.warnings] == [
        (3, "identical to line 2; kept as a separate fill")
    ]
    again = parse_fills(text, tz="America/New_York")
    assert [e.key for e in again.executions] == [e.key for e in preview.executions]
    lines = IBKR.splitlines()
    doubled = "\n".join([*lines, lines[1]])
    bad = parse_fills(doubled, tz="America/New_York")
    assert [(e.line, e.message) for e in bad.errors] == [
        (5, "duplicate execution id '0000e1a7.683d8a1c.01.01' (first on line 2)")
    ]


CELLS = st.sampled_from(
    [
        "2025-06-02",
        "06/02/2025",
        "13/13/2025",
        "09:30:00",
        "24:00:00",
        "SPY",
        "",
        "-1",
        "0",
        "1e3",
        "NaN",
        "B",
        "SS",
        "x",
        '"',
        "1,5",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(
        [
            "Date,Time,Symbol,Quantity,Price,Side",
            "Date,Time,Symbol,Quantity,Price",
            "Symbol,DateTime,Quantity,TradePrice,IBExecID",
            "",
        ]
    ),
    st.lists(st.lists(st.one_of(CELLS, st.text(max_size=6)), max_size=8), max_size=12),
)
def test_fuzz_only_documented_errors(header: str, rows: list[list[str]]) -> None:
    text = "\n".join([header, *(",".join(r) for r in rows)])
    try:
        preview = parse_fills(text, tz="America/New_York", account="fuzz")
    except InputError:
        return
    assert preview.error_count == len(preview.errors)
    assert preview.rows >= len(preview.executions) + preview.error_count
    for e in preview.executions:
        assert e.quantity > 0 and e.price > 0 and e.commission >= 0 and e.fees >= 0
