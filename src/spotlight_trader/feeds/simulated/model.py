"""The simulated market's model: pure, seeded, and the same in every process.

Everything here is a function of ``(seed, symbol, minute)``: no clock, no I/O, no state
carried from call to call. A restarted server therefore regenerates exactly the bars an
earlier process produced for the same minutes (no price jump at the seam), and history
costs O(minutes), not O(trades). :class:`SymbolSimulator` is the façade over three modules
(docs/simulator.md):

* :mod:`.shape`: what the market looks like (profiles, intraday curve, spreads, venues).
* :mod:`.plan`: levels 1 and 2, the day anchors and the day's path with its minute plans.
* :mod:`.tape`: level 3, a minute's plan realised as prints whose consolidated-rule bar is
  exactly the plan.

:meth:`SymbolSimulator.bars` returns the plans as final bars without making a single print,
which is how history goes into the ring.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from datetime import date
from typing import Final

from spotlight_trader.feeds.simulated.plan import DayPlanner, MinutePlan, day_bounds, day_of_seq
from spotlight_trader.feeds.simulated.shape import (
    SymbolProfile,
    minute_profile,
    profile_for,
    session_spread,
    stable_hash,
)
from spotlight_trader.feeds.simulated.tape import realise
from spotlight_trader.market.conditions import ODD_LOT
from spotlight_trader.model import MINUTE_MS, Bar, Quote, Trade

_DAY_CACHE_SIZE: Final = 48
_TAPE_CACHE_SIZE: Final = 4


class SymbolSimulator:
    """One symbol's seeded market: bars (:meth:`bars`), prints (:meth:`trades`) and quotes
    (:meth:`quote`) for any minute, each a pure function of ``(seed, symbol, minute)``."""

    def __init__(self, symbol: str, *, seed: int, profile: SymbolProfile | None = None) -> None:
        self.symbol = symbol
        self.seed = seed
        self.profile = p = profile if profile is not None else profile_for(symbol)
        self._planner = DayPlanner(symbol, seed, p)
        self._days: OrderedDict[date, dict[int, MinutePlan]] = OrderedDict()
        self._tapes: OrderedDict[int, list[Trade]] = OrderedDict()

    # ------------------------------------------------------------ public

    def plan(self, seq: int) -> MinutePlan | None:
        """The plan of minute ``seq`` (None when no print falls in it)."""
        return self._day(day_of_seq(seq)).get(seq)

    def bars(self, from_seq: int, to_seq: int) -> list[Bar]:
        """Final bars of the minutes ``from_seq <= seq < to_seq``, oldest first."""
        out: list[Bar] = []
        seq = from_seq
        while seq < to_seq:
            day = day_of_seq(seq)
            plans = self._day(day)
            end = min(to_seq, day_bounds(day)[1])
            symbol = self.symbol
            out.extend(plans[s].bar(symbol) for s in range(seq, end) if s in plans)
            seq = end
        return out

    def trades(self, start_ms: int, end_ms: int) -> list[Trade]:
        """Prints with ``start_ms <= ts_ms < end_ms``, in time order."""
        out: list[Trade] = []
        for seq in range(start_ms // MINUTE_MS, (end_ms - 1) // MINUTE_MS + 1):
            tape = self._tape(seq)
            if not tape:
                continue
            if start_ms <= seq * MINUTE_MS and (seq + 1) * MINUTE_MS <= end_ms:
                out.extend(tape)
            else:
                out.extend(t for t in tape if start_ms <= t.ts_ms < end_ms)
        return out

    def quote(self, ts_ms: int) -> Quote:
        """The NBBO at ``ts_ms``: around the newest print before it, with the session's
        spread (sometimes a cent wider) and sizes from a hash of the instant."""
        seq = ts_ms // MINUTE_MS
        price_c = None
        for s in (seq, seq - 1):
            before = [t for t in self._tape(s) if t.ts_ms < ts_ms and ODD_LOT not in t.conditions]
            if before:
                price_c = round(before[-1].price * 100)
                break
        plan = self.plan(seq) or self.plan(seq - 1)
        if price_c is None:
            price_c = (
                plan.close_c if plan is not None else max(1, round(math.exp(self._planner.x0)))
            )
        h = stable_hash(f"quote:{self.seed}:{self.symbol}:{ts_ms}")
        spread = session_spread(self.profile, minute_profile(seq)) + (1 if h % 10 < 3 else 0)
        bid_c = max(1, price_c - spread // 2 - (h >> 8) % 2)
        lots = 30 if minute_profile(seq).session == "regular" else 5
        return Quote(
            symbol=self.symbol,
            ts_ms=ts_ms,
            bid=bid_c / 100.0,
            ask=(bid_c + spread) / 100.0,
            bid_size=float(((h >> 16) % lots + 1) * 100),
            ask_size=float(((h >> 32) % lots + 1) * 100),
        )

    # ------------------------------------------------------------ caches

    def _day(self, day: date) -> dict[int, MinutePlan]:
        cached = self._days.get(day)
        if cached is not None:
            self._days.move_to_end(day)
            return cached
        plans = self._planner.plan_day(day)
        self._days[day] = plans
        if len(self._days) > _DAY_CACHE_SIZE:
            self._days.popitem(last=False)
        return plans

    def _tape(self, seq: int) -> list[Trade]:
        cached = self._tapes.get(seq)
        if cached is not None:
            return cached
        plan = self.plan(seq)
        tape = realise(plan, self.symbol, self.seed) if plan is not None else []
        self._tapes[seq] = tape
        if len(self._tapes) > _TAPE_CACHE_SIZE:
            self._tapes.popitem(last=False)
        return tape


def generate_trades(symbol: str, start_ms: int, end_ms: int, *, seed: int = 7) -> list[Trade]:
    """All prints of ``symbol`` in ``[start_ms, end_ms)``."""
    return SymbolSimulator(symbol, seed=seed).trades(start_ms, end_ms)
