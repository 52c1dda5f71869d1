"""Backtest forward returns and their summary against a pandas computation."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spotlight_trader.model import MINUTE_MS, Bar, Signal
from spotlight_trader.rules.outcomes import HORIZONS_MIN, outcomes, summarise

T0 = 28_000_000


@settings(max_examples=50, deadline=None, derandomize=True)
@given(
    closes=st.lists(st.floats(1, 500), min_size=2, max_size=80),
    holes=st.sets(st.integers(0, 79), max_size=10),
    picks=st.lists(
        st.tuples(st.integers(0, 79), st.sampled_from(["long", "short", "neutral"])), max_size=20
    ),
)
def test_forward_returns_match_pandas(
    closes: list[float], holes: set[int], picks: list[tuple[int, str]]
) -> None:
    bars = [
        Bar("SPY", T0 + i, (T0 + i) * MINUTE_MS, (T0 + i + 1) * MINUTE_MS, c, c, c, c, 1, 1)
        for i, c in enumerate(closes)
        if i not in holes
    ]
    signals = [
        Signal(0, 1, "r", 1, "SPY", T0 + i, 0, d, {}, "x")  # type: ignore[arg-type]
        for i, d in picks
    ]
    series = pd.Series({b.seq: b.close for b in bars}).reindex(range(T0, T0 + 120))
    got = outcomes(signals, bars)
    for s, o in zip(signals, got, strict=True):
        for n in HORIZONS_MIN:
            raw = (float(series.loc[s.seq + n]) / float(series.loc[s.seq]) - 1) * 100
            want = None if pd.isna(raw) else (-raw if s.direction == "short" else raw)
            r = o.returns[str(n)]
            assert (r is None) == (want is None)
            if r is not None and want is not None:
                assert abs(r - want) < 1e-9
    frame = pd.DataFrame(
        [{"d": s.direction, **o.returns} for s, o in zip(signals, got, strict=True)],
        columns=["d", *(str(n) for n in HORIZONS_MIN)],
    )
    for row in summarise(signals, got):
        col = frame[str(row.minutes)].astype(float)
        assert row.count == int(col.notna().sum())
        directional = col[(frame["d"] != "neutral") & col.notna()]
        want_hit = None if directional.empty else float((directional > 0).mean())
        assert row.hit_rate == (None if want_hit is None else pytest.approx(want_hit))
        want_avg = None if row.count == 0 else float(col.mean())
        assert row.avg_return_pct == (None if want_avg is None else pytest.approx(want_avg))
