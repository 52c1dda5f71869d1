"""Incremental indicators vs pandas batch references over long random series."""

from __future__ import annotations

from datetime import date
from typing import cast

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spotlight_trader.market.session import et_to_ms, trading_day
from spotlight_trader.model import MINUTE_MS, Bar
from spotlight_trader.rules.indicators import EMA, RSI, SymbolIndicators

closes = st.lists(
    st.floats(min_value=1.0, max_value=1_000.0, allow_nan=False), min_size=1, max_size=600
)


def ema_reference(values: list[float], n: int) -> pd.Series:
    s = pd.Series(values, dtype=float)
    seeded = s.copy()
    seeded.iloc[: n - 1] = np.nan
    if len(s) >= n:
        seeded.iloc[n - 1] = s.iloc[:n].mean()
    return seeded.iloc[n - 1 :].ewm(span=n, adjust=False).mean().reindex(s.index)


def rsi_reference(values: list[float], n: int) -> pd.Series:
    s = pd.Series(values, dtype=float)
    delta = s.diff()
    gains, losses = delta.clip(lower=0), (-delta).clip(lower=0)

    def rma(x: pd.Series) -> pd.Series:
        seeded = x.copy()
        seeded.iloc[:n] = np.nan
        if len(x) > n:
            seeded.iloc[n] = x.iloc[1 : n + 1].mean()
        return seeded.iloc[n:].ewm(alpha=1 / n, adjust=False).mean().reindex(x.index)

    g, lo = rma(gains), rma(losses)
    rsi = 100 - 100 / (1 + g / lo)
    return rsi.where(lo != 0, 100.0).where(g.notna())


@pytest.mark.parametrize("n", [9, 21])
@settings(max_examples=60, deadline=None)
@given(values=closes)
def test_ema_matches_pandas(n: int, values: list[float]) -> None:
    ema = EMA(n)
    ref = ema_reference(values, n)
    for i, x in enumerate(values):
        peeked = ema.peek(x)
        got = ema.push(x)
        assert peeked == got
        if i < n - 1:
            assert got is None
        else:
            assert got == pytest.approx(ref.iloc[i], rel=1e-9, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(values=closes)
def test_rsi_matches_pandas(values: list[float]) -> None:
    n = 14
    rsi = RSI(n)
    ref = rsi_reference(values, n)
    for i, x in enumerate(values):
        peeked = rsi.peek(x)
        got = rsi.push(x)
        assert peeked == got
        if i < n:
            assert got is None
        else:
            assert got == pytest.approx(ref.iloc[i], rel=1e-7, abs=1e-7)


def _bar(start_ms: int, o: float, h: float, lo: float, c: float, v: float) -> Bar:
    return Bar("T", start_ms // MINUTE_MS, start_ms, start_ms + MINUTE_MS, o, h, lo, c, v, 1)


def _day_bars(day: date, prices: list[float], volumes: list[float], first_min: int) -> list[Bar]:
    start = et_to_ms(day, first_min)
    out = []
    for i, (p, v) in enumerate(zip(prices, volumes, strict=True)):
        out.append(_bar(start + i * MINUTE_MS, p, p + 0.5, p - 0.5, p + 0.1, v))
    return out


sessions = st.lists(
    st.tuples(
        st.floats(min_value=10, max_value=500),  # base price
        st.integers(min_value=0, max_value=2**31),  # seed
        st.integers(min_value=40, max_value=420),  # minutes of the day from 09:00
    ),
    min_size=1,
    max_size=5,
)


@settings(max_examples=25, deadline=None)
@given(days=sessions)
def test_session_indicators_match_pandas(days: list[tuple[float, int, int]]) -> None:
    """VWAP, HOD/LOD, opening ranges, PMH/PML, prior close, gap and RVOL recomputed in
    batch with pandas for each session of a multi-day random series."""
    trading = [
        d for d in pd.bdate_range("2024-03-04", periods=12).date if trading_day(d).is_session
    ]
    ind = SymbolIndicators("T", rvol_sessions=3, rvol_min_sessions=2)
    frames = []
    for (base, seed, minutes), day in zip(days, trading, strict=False):
        rng = np.random.default_rng(seed)
        prices = list(base + np.cumsum(rng.normal(0, 0.3, minutes)))
        volumes = list(rng.integers(1, 5_000, minutes).astype(float))
        bars = _day_bars(day, prices, volumes, 9 * 60)  # 09:00: 30 pre-market minutes
        for bar in bars:
            snap = ind.push(bar)
            frames.append({"day": day, "start": bar.bar_start_ms, **snap})
    df = pd.DataFrame(frames)
    prev_close = None
    curves: list[pd.Series] = []
    for day, g in df.groupby("day", sort=True):
        td = trading_day(cast(date, day))
        reg = g[(g.start >= td.open_ms) & (g.start < td.close_ms)]
        pre = g[g.start < td.open_ms]
        assert pre.pmh.iloc[-1] == pytest.approx(pre.high.max())
        assert pre.pml.iloc[-1] == pytest.approx(pre.low.min())
        tp = (reg.high + reg.low + reg.close) / 3
        vwap = (tp * reg.volume).cumsum() / reg.volume.cumsum()
        np.testing.assert_allclose(reg.vwap, vwap, rtol=1e-9)
        np.testing.assert_allclose(reg.hod, reg.high.cummax())
        np.testing.assert_allclose(reg.lod, reg.low.cummin())
        offset = (reg.start - td.open_ms) // MINUTE_MS
        for n in (5, 15, 30):
            window = reg[offset < n]
            armed = reg[offset >= n - 1]
            if len(armed):
                assert (armed[f"orh{n}"] == window.high.max()).all()
                assert (armed[f"orl{n}"] == window.low.min()).all()
            assert reg[offset < n - 1][f"orh{n}"].isna().all()
        if prev_close is None:
            assert g.prev_close.isna().all()
            assert reg.gap_pct.isna().all()
        else:
            assert (g.prev_close == prev_close).all()
            gap = (reg.open.iloc[0] - prev_close) / prev_close * 100
            assert reg.gap_pct.iloc[0] == pytest.approx(gap)
        cum = reg.volume.cumsum().set_axis(offset.to_numpy())
        if len(curves) >= 2:
            hist = curves[-3:]
            avg = cast(pd.Series, sum(c.reindex(offset.to_numpy()) for c in hist)) / len(hist)
            np.testing.assert_allclose(reg.rvol, cum / avg.to_numpy(), rtol=1e-9)
        else:
            assert reg.rvol.isna().all()
        full = cum.reindex(range(390)).ffill()
        curves.append(full)
        prev_close = reg.close.iloc[-1]


def test_rvol_reports_insufficient_history() -> None:
    ind = SymbolIndicators("T", rvol_sessions=10, rvol_min_sessions=3)
    day = date(2024, 3, 4)
    ind.push(_bar(et_to_ms(day, 600), 1, 1, 1, 1, 100))
    assert ind.rvol_status == "insufficient history: 0 of 3 sessions needed for time-of-day RVOL"


def test_half_day_and_holiday_sessions() -> None:
    half = trading_day(date(2024, 11, 29))
    assert half.is_session and (half.close_ms - half.open_ms) // MINUTE_MS == 210
    assert not trading_day(date(2024, 12, 25)).is_session
    ind = SymbolIndicators("T")
    snap = ind.push(_bar(half.close_ms + 5 * MINUTE_MS, 10, 11, 9, 10, 100))  # 13:05 ET
    assert snap["regular"] == 0.0 and snap["hod"] is None and snap["vwap"] is None
    xmas = trading_day(date(2024, 12, 25))
    snap = ind.push(_bar(xmas.open_ms + 10 * MINUTE_MS, 10, 11, 9, 10, 100))
    assert snap["regular"] == 0.0 and snap["minutes_since_open"] is None


def test_peek_does_not_change_state() -> None:
    ind = SymbolIndicators("T")
    day = date(2024, 3, 4)
    bars = _day_bars(day, [10 + i * 0.1 for i in range(60)], [100.0] * 60, 9 * 60 + 20)
    for bar in bars[:-1]:
        ind.push(bar)
    last = bars[-1]
    peeked = ind.peek(last.bar_start_ms, last.open, last.high, last.low, last.close, last.volume)
    assert peeked == ind.peek(last.bar_start_ms, last.open, last.high, last.low, last.close, 100.0)
    assert peeked == ind.push(last)
