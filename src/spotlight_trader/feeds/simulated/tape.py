"""Level 3 of the simulated market: a minute's plan realised as prints.

:func:`realise` makes prints whose consolidated-rule bar is exactly the plan: the first and
last price-setting prints are the open and close, two of them hit the high and low, odd lots
are priced inside the range, and sizes add up to the planned volume. Pure and compiled with
mypyc (docs/simulator.md).
"""

from __future__ import annotations

from bisect import bisect_right

from spotlight_trader.feeds.simulated.plan import MinutePlan, draw_lots, rng_for
from spotlight_trader.feeds.simulated.shape import (
    EXTENDED_VENUES,
    ISO_P,
    REGULAR_VENUES,
    TRF,
    minute_profile,
)
from spotlight_trader.market.conditions import FORM_T, ISO, ODD_LOT
from spotlight_trader.model import MINUTE_MS, Trade


def split(total: int, weights: list[float], lo: int, hi: int) -> list[int]:
    """``len(weights)`` integers in ``lo..hi`` that add up to ``total``, each above ``lo``
    in proportion to its weight (zero weights stay at ``lo`` unless nothing else can take
    the rest). Needs ``len * lo <= total <= len * hi``."""
    count = len(weights)
    out = [lo] * count
    rest = total - count * lo
    if rest <= 0:
        return out
    room = hi - lo
    weight = sum(weights)
    if weight > 0:
        for i, w in enumerate(weights):
            add = min(room, int(rest * w / weight))
            out[i] += add
        rest = total - sum(out)
    order = sorted(range(count), key=lambda i: -weights[i])
    while rest > 0:
        for i in order:
            add = min(hi - out[i], rest)
            out[i] += add
            rest -= add
            if rest == 0:
                break
    return out


def realise(plan: MinutePlan, symbol: str, seed: int) -> list[Trade]:
    """The prints of one minute whose consolidated bar is exactly ``plan``, in time order."""
    rng = rng_for(seed, symbol, "tape", plan.seq)
    n = plan.trades
    start = plan.seq * MINUTE_MS
    times = sorted(rng.sample(range(MINUTE_MS), n))
    odd = set(rng.sample(range(n), plan.odd_lots)) if plan.odd_lots else set()
    priced = [i for i in range(n) if i not in odd]
    m = len(priced)
    o, hi, lo, c = plan.open_c, plan.high_c, plan.low_c, plan.close_c
    # prices of the price-setting prints: open, close, one high and one low inside
    price: dict[int, int] = {priced[0]: o, priced[-1]: c}
    interior = priced[1:-1]
    rng.shuffle(interior)
    if hi > max(o, c):
        price[interior.pop()] = hi
    if lo < min(o, c):
        price[interior.pop()] = lo
    spread = plan.spread_c
    for k, i in enumerate(priced):
        if i not in price:
            drift = o + (c - o) * k / max(1, m - 1)
            noise = rng.gauss(0.0, max(1.0, (hi - lo) / 4.0))
            price[i] = min(hi, max(lo, round(drift + noise)))
    # sizes: blocks, plain round lots (+ mixed remainders), odd lots
    plain = list(priced)
    rng.shuffle(plain)
    block_at = {plain.pop(): size for size in plan.blocks}
    lots = split(plan.round_lots, [float(draw_lots(rng) - 1) for _ in plain], 1, 10**9)
    size = {i: 100 * lot for i, lot in zip(plain, lots, strict=True)}
    if plan.mixed:
        remainders = split(plan.mixed_shares, [rng.random() for _ in range(plan.mixed)], 1, 99)
        for i, extra in zip(rng.sample(plain, plan.mixed), remainders, strict=True):
            size[i] += extra
    size.update(block_at)
    odd_order = sorted(odd)
    if odd_order:
        odd_sizes = split(plan.odd_shares, [rng.random() for _ in odd_order], 1, 99)
        size.update(zip(odd_order, odd_sizes, strict=True))
    # conditions, venues, odd-lot prices
    regular = minute_profile(plan.seq).session == "regular"
    ids, cum = REGULAR_VENUES if regular else EXTENDED_VENUES
    out: list[Trade] = []
    last = o
    for i in range(n):
        if i in odd:
            p_c = min(hi, max(lo, last + rng.randint(-spread, spread)))
            conditions: tuple[int, ...] = (ODD_LOT,) if regular else (FORM_T, ODD_LOT)
        else:
            p_c = last = price[i]
            if not regular:
                conditions = (FORM_T,)
            elif i not in block_at and rng.random() < ISO_P:
                conditions = (ISO,)
            else:
                conditions = ()
        exchange = TRF if i in block_at else ids[bisect_right(cum, rng.random())]
        out.append(
            Trade(
                symbol=symbol,
                ts_ms=start + times[i],
                price=p_c / 100.0,
                size=float(size[i]),
                conditions=conditions,
                exchange=exchange,
            )
        )
    return out
