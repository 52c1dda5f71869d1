"""An independent pandas implementation of the 1-minute bar rules, for tests only.

Written from the rules text (market/bars.py docstring, ARCHITECTURE.md invariants 1-3) and the
eligibility table in shared/reference/polygon.md. It imports nothing from
``spotlight_trader.market``; the condition table below is re-encoded from polygon.md.

Rules:
* seq = ts_ms // 60_000.
* Permission of a print = intersection over its conditions of (high/low, open/close, volume);
  unknown ids are neutral; Form T (12) updates everything (extended-hours exception), 13 is
  like 32.
* Rejected (dropped): price not in (0, 1e7), size not in (0, 1e12), ts outside
  [2000-01-01, 2100-01-01), or ts > clock + max_ahead_ms, where clock is the latest ts of the
  earlier-received accepted prints (any symbol).
* Ineligible (no permission): dropped; does not move the clock.
* Late: seq < the highest seq of earlier-received eligible prints of the same symbol, or
  seq <= (clock - grace_ms) // 60_000 - 1.
* A minute emits a bar only if it has an accepted open/close-eligible print; open = earliest
  such print by ts (ties: first received), close = latest (ties: last received); high/low over
  high/low-eligible prints; volume over volume-eligible prints; trades = accepted prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

HL, OC, VOL = 1, 2, 4
FULL = HL | OC | VOL

# polygon.md, "Trade-condition eligibility" (consolidated columns), re-typed here.
TABLE: dict[int, int] = {}
for _cid in (0, 1, 3, 4, 8, 9, 11, 14, 18, 19, 23, 24, 25, 28, 30, 34, 36, 41):
    TABLE[_cid] = FULL
for _cid in (5, 10, 17, 22, 32):
    TABLE[_cid] = HL | VOL
for _cid in (2, 7, 20, 21, 29, 37, 52, 53):
    TABLE[_cid] = VOL
TABLE[15] = 0
TABLE[16] = 0
TABLE[38] = HL | OC
for _cid in (6, 27, 31, 35, 55):  # legacy, all-✓ per the table note
    TABLE[_cid] = FULL
TABLE[33] = HL | VOL  # legacy, like 32
TABLE[12] = FULL  # Form T: "extended-hours trades can update OHLC for minute bars"
TABLE[13] = HL | VOL  # like 32

TS_MIN = int(pd.Timestamp("2000-01-01", tz="UTC").value // 1_000_000)
TS_MAX = int(pd.Timestamp("2100-01-01", tz="UTC").value // 1_000_000)

BAR_FIELDS = [
    "symbol",
    "seq",
    "bar_start_ms",
    "bar_end_ms",
    "open",
    "high",
    "low",
    "close",
    "volume",
    "trades",
]


def permission(conditions: Iterable[int]) -> int:
    perm = FULL
    for cid in conditions:
        perm &= TABLE.get(int(cid), FULL)
    return perm


def trades_frame(trades: Iterable[Any]) -> pd.DataFrame:
    """Objects with symbol/ts_ms/price/size/conditions → a frame in arrival order."""
    rows = [(t.symbol, t.ts_ms, t.price, t.size, tuple(t.conditions)) for t in trades]
    return pd.DataFrame(rows, columns=["symbol", "ts_ms", "price", "size", "conditions"])


def accepted_prints(
    df: pd.DataFrame, *, grace_ms: int = 2_000, max_ahead_ms: int = 6 * 3_600_000
) -> pd.DataFrame:
    """The prints of ``df`` (arrival order) the bar rules accept, in arrival order, with
    their ``perm`` and ``seq`` columns."""
    df = df.reset_index(drop=True).copy()
    n = len(df)
    if n == 0:
        return df.assign(perm=pd.Series(dtype="int64"), seq=pd.Series(dtype="int64"))
    df["arrival"] = np.arange(n)
    df["ts_ms"] = df["ts_ms"].astype("int64")
    df["price"] = df["price"].astype("float64")
    df["size"] = df["size"].astype("float64")
    perms = {c: permission(c) for c in df["conditions"].unique()}
    df["perm"] = df["conditions"].map(perms).astype("int64")
    df["seq"] = df["ts_ms"] // 60_000

    sane = (
        (df["price"] > 0)
        & (df["price"] < 1e7)
        & (df["size"] > 0)
        & (df["size"] < 1e12)
        & (df["ts_ms"] >= TS_MIN)
        & (df["ts_ms"] < TS_MAX)
    )

    # The clock depends on which prints were accepted, and "ahead" rejection on the clock:
    # inherently sequential, so one plain pass. Late prints never move it (their ts is below
    # the clock), so "accepted" here can be "sane, not ahead, eligible".
    ts = df["ts_ms"].to_numpy()
    ok = sane.to_numpy() & (df["perm"].to_numpy() != 0)
    clock_before = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    ahead = np.zeros(n, dtype=bool)
    clock: int | None = None
    for i in range(n):
        if clock is not None:
            clock_before[i] = clock
            if ts[i] > clock + max_ahead_ms:
                ahead[i] = True
                continue
        if ok[i] and (clock is None or ts[i] > clock):
            clock = int(ts[i])
    df["eligible"] = ok & ~ahead
    has_clock = clock_before != np.iinfo(np.int64).min
    clock_final = np.where(has_clock, (clock_before - grace_ms) // 60_000 - 1, -(2**62))

    # highest seq of earlier-received eligible prints of the same symbol
    seq_elig = df["seq"].where(df["eligible"])
    prior_max = seq_elig.groupby(df["symbol"]).transform(lambda s: s.cummax().shift(1).ffill())
    late = df["eligible"] & (
        (df["seq"] < prior_max.fillna(-np.inf)) | (df["seq"].to_numpy() <= clock_final)
    )
    return df[df["eligible"] & ~late]


def oracle_bars(
    df: pd.DataFrame, *, grace_ms: int = 2_000, max_ahead_ms: int = 6 * 3_600_000
) -> pd.DataFrame:
    """Final bars for trades in ``df`` (arrival order), sorted by (symbol, seq)."""
    acc = accepted_prints(df, grace_ms=grace_ms, max_ahead_ms=max_ahead_ms)
    if acc.empty:
        return pd.DataFrame(columns=BAR_FIELDS)

    keys = ["symbol", "seq"]
    trades = acc.groupby(keys).size().rename("trades")
    vol_rows = acc[(acc["perm"] & VOL) != 0]
    volume = vol_rows.groupby(keys)["size"].sum().rename("volume")
    hl_rows = acc[(acc["perm"] & HL) != 0]
    high = hl_rows.groupby(keys)["price"].max().rename("high")
    low = hl_rows.groupby(keys)["price"].min().rename("low")
    oc_rows = acc[(acc["perm"] & OC) != 0].sort_values(["ts_ms", "arrival"], kind="stable")
    open_ = oc_rows.groupby(keys)["price"].first().rename("open")
    close = oc_rows.groupby(keys)["price"].last().rename("close")

    # only minutes with an open/close-eligible print make a bar
    bars = open_.to_frame().join([high, low, close, volume, trades], how="left")
    bars["volume"] = bars["volume"].fillna(0.0)
    bars = bars.reset_index()
    bars["bar_start_ms"] = bars["seq"] * 60_000
    bars["bar_end_ms"] = bars["bar_start_ms"] + 60_000
    bars["trades"] = bars["trades"].astype("int64")
    return bars[BAR_FIELDS].sort_values(keys).reset_index(drop=True)


def bars_frame(bars: Iterable[Any]) -> pd.DataFrame:
    """Bar objects → a frame sorted like :func:`oracle_bars`."""
    rows = [tuple(getattr(b, f) for f in BAR_FIELDS) for b in bars]
    frame = pd.DataFrame(rows, columns=BAR_FIELDS)
    return frame.sort_values(["symbol", "seq"]).reset_index(drop=True)


def assert_same_bars(actual: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Exact equality of every field (floats compared exactly)."""
    a = actual.reset_index(drop=True)
    e = expected.reset_index(drop=True)
    assert len(a) == len(e), f"{len(a)} bars, oracle has {len(e)}"
    for field in BAR_FIELDS:
        left = a[field].tolist()
        right = e[field].tolist()
        if left != right:
            bad = next(i for i, (x, y) in enumerate(zip(left, right, strict=True)) if x != y)
            raise AssertionError(
                f"field {field!r} differs at bar {bad}: {left[bad]!r} != {right[bad]!r}\n"
                f"actual: {a.iloc[bad].to_dict()}\noracle: {e.iloc[bad].to_dict()}"
            )


# --- LEAN tick file, parsed independently of spotlight_trader.feeds ------------------------

# LEAN TradeConditionFlags bit → Polygon condition id, as in shared/data/ticks/README.md
# (names only; same assumptions as docs/trade-files.md).
LEAN_BITS = {
    0: 0,
    1: 7,
    2: 20,
    3: 29,
    4: 36,
    5: 14,
    6: 25,
    7: 8,
    8: 28,
    9: 10,
    10: 12,
    11: 32,
    12: 27,
    13: 12,
    14: 32,
    15: 34,
    16: 1,
    17: 4,
    18: 35,
    19: 11,
    20: 2,
    21: 9,
    22: 21,
    23: 23,
    24: 15,
    25: 22,
    26: 16,
    27: 6,
    28: 3,
    29: 41,
    31: 37,
}


def lean_ticks_frame(zip_path: str, symbol: str, day: str) -> pd.DataFrame:
    """A LEAN trade tick zip as an arrival-ordered frame (pandas only)."""
    raw = pd.read_csv(
        zip_path,
        header=None,
        names=["ms", "price", "size", "exch", "cond", "susp"],
        dtype={"ms": "int64", "price": "int64", "size": "int64", "exch": "str", "cond": "str"},
    )
    midnight = pd.Timestamp(day, tz="America/New_York")
    # elapsed time since midnight = wall time on a day without a DST change (2013-10-07)
    utc = midnight + pd.to_timedelta(raw["ms"], unit="ms")
    ts_ms = utc.dt.tz_convert("UTC").dt.as_unit("ms").astype("int64")

    def conds(hex_mask: str) -> tuple[int, ...]:
        mask = int(hex_mask, 16)
        return tuple(sorted({cid for bit, cid in LEAN_BITS.items() if mask >> bit & 1}))

    cmap = {h: conds(h) for h in raw["cond"].unique()}
    return pd.DataFrame(
        {
            "symbol": symbol,
            "ts_ms": ts_ms,
            "price": raw["price"] / 10_000,
            "size": raw["size"].astype("float64"),
            "conditions": raw["cond"].map(cmap),
        }
    )[raw["susp"] == 0].reset_index(drop=True)
