"""BarBuilder.mark_final: minutes that came from REST become final for one symbol."""

from __future__ import annotations

from spotlight_trader.market.bars import BarBuilder
from spotlight_trader.model import MINUTE_MS, Bar, Trade

M = 29_000_000  # a minute seq


def _t(sym: str, minute: int, sec: float, price: float) -> Trade:
    return Trade(sym, (M + minute) * MINUTE_MS + int(sec * 1000), price, 100)


def test_mark_final_discards_covered_forming_minute_and_makes_prints_late() -> None:
    bars: list[Bar] = []
    b = BarBuilder(bars.append, grace_ms=2_000)
    b.on_trade(_t("AAPL", 0, 1, 10.0))
    b.on_trade(_t("AAPL", 1, 1, 11.0))  # finalises minute 0
    b.on_trade(_t("MSFT", 1, 2, 50.0))
    assert [x.seq for x in bars] == [M]
    dropped = b.mark_final("AAPL", M + 2)
    assert dropped is not None and dropped.seq == M + 1 and dropped.close == 11.0
    assert b.forming("AAPL") is None
    assert b.final_seq("AAPL") == M + 2
    b.on_trade(_t("AAPL", 2, 5, 12.0))  # a minute REST owns now
    assert b.stats.late_trades == 1
    b.on_trade(_t("AAPL", 3, 1, 13.0))
    b.advance((M + 4) * MINUTE_MS + 2_000)
    assert sorted((x.symbol, x.seq) for x in bars) == [
        ("AAPL", M),
        ("AAPL", M + 3),
        ("MSFT", M + 1),
    ]
    assert [x.open for x in bars if x.seq == M + 3] == [
        13.0
    ]  # nothing from the discarded minute leaked in


def test_mark_final_keeps_a_later_forming_minute() -> None:
    bars: list[Bar] = []
    b = BarBuilder(bars.append)
    b.on_trade(_t("AAPL", 5, 1, 10.0))
    assert b.mark_final("AAPL", M + 3) is None
    forming = b.forming("AAPL")
    assert forming is not None and forming.seq == M + 5
    b.flush()
    assert [x.seq for x in bars] == [M + 5]


def test_mark_final_unknown_symbol() -> None:
    b = BarBuilder(lambda bar: None)
    assert b.mark_final("NEW", M) is None
    assert b.final_seq("NEW") == M
