"""An independent pandas version of the outlier rule for session levels, for tests only.

Written from docs/alerts.md ("Robust session levels"), importing nothing from
``spotlight_trader.market``: the range test only (no quotes), vectorised per pass with
rolling medians, iterated to its fixed point (a print's verdict depends on the ranges of
earlier minutes only, so the iteration settles).

* price-setting print: may move high/low or open/close;
* ref = median of the previous 5 price-setting prints (outliers included; ≥ 3 needed);
* typical = median of the high − low (outliers excluded) of the last 30 earlier minutes
  with a non-outlier high/low print (≥ 5 needed);
* outlier: outside the regular session and |price − ref| > max(k × typical, 0.001 × ref).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tests.oracle import HL, OC, accepted_prints

NEW_YORK = "America/New_York"


def regular_session(ts_ms: pd.Series) -> pd.Series:
    """09:30 ≤ New York time < 16:00 on a weekday (the test days are full sessions)."""
    et = pd.to_datetime(ts_ms, unit="ms", utc=True).dt.tz_convert(NEW_YORK)
    minutes = et.dt.hour * 60 + et.dt.minute
    return (et.dt.day_of_week < 5) & (minutes >= 570) & (minutes < 960)


def outlier_flags(prints: pd.DataFrame, k: float) -> pd.Series:
    """One symbol's accepted prints (arrival order, columns ``ts_ms price perm seq``) →
    True for each price-setting print the rule rejects (False for the others)."""
    priced = prints[(prints["perm"] & (HL | OC)) != 0]
    price = priced["price"]
    ref = price.shift(1).rolling(5, min_periods=3).median()
    outside = ~regular_session(priced["ts_ms"])
    hl = (priced["perm"] & HL) != 0
    flags = pd.Series(False, index=priced.index)
    for _ in range(1_000):
        good = priced[hl & ~flags]
        grouped = good.groupby("seq")["price"]
        ranges = (grouped.max() - grouped.min()).sort_index()
        medians = ranges.rolling(30, min_periods=5).median().to_numpy()
        # the typical range for a print: the median as of the last range-minute before its own
        at = np.searchsorted(ranges.index.to_numpy(), priced["seq"].to_numpy(), side="left") - 1
        typical = pd.Series(
            np.where(at >= 0, medians[np.clip(at, 0, None)], np.nan), index=priced.index
        )
        limit = np.maximum(k * typical, 0.001 * ref)
        new = outside & ref.notna() & typical.notna() & ((price - ref).abs() > limit)
        if new.equals(flags):
            return flags.reindex(prints.index, fill_value=False)
        flags = new
    raise AssertionError("the outlier rule did not settle")


def level_prints(trades: pd.DataFrame, k: float, *, grace_ms: int = 2_000) -> pd.DataFrame:
    """Accepted prints of every symbol with an ``outlier`` column."""
    acc = accepted_prints(trades, grace_ms=grace_ms)
    parts = [group.assign(outlier=outlier_flags(group, k)) for _, group in acc.groupby("symbol")]
    return pd.concat(parts) if parts else acc.assign(outlier=False)
