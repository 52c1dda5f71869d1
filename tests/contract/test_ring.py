"""The ring contract: strictly increasing seq per symbol, slicing by seq, capacity and
the eviction mark that makes ``gap`` events honest."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spotlight_trader.market.ring import BarRing
from spotlight_trader.model import Bar

MakeRing = Callable[[int], BarRing]


def bar(seq: int, sym: str = "SPY") -> Bar:
    return Bar(sym, seq, seq * 60_000, (seq + 1) * 60_000, 1.0, 1.0, 1.0, 1.0, 1.0, 1)


# seq 0 is the minute of 1970-01-01 00:00 UTC, which no feed makes (and Redis reserves the
# stream id 0-0), so the model starts at 1.
@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seqs=st.lists(st.integers(1, 10_000), unique=True, max_size=300).map(sorted),
    capacity=st.integers(1, 50),
    after=st.integers(-1, 10_001),
    n=st.integers(0, 60),
)
def test_matches_a_list_model(
    make_ring: MakeRing, seqs: list[int], capacity: int, after: int, n: int
) -> None:
    async def run() -> None:
        ring = make_ring(capacity)
        for s in seqs:
            assert await ring.append(bar(s))
        kept = seqs[-capacity:]
        got = await ring.since_seq("SPY", after)
        assert [b.seq for b in got] == [s for s in kept if s > after]
        recent = await ring.recent("SPY", n)
        assert [b.seq for b in recent] == (kept[-n:] if n else [])
        before = await ring.recent("SPY", n, before_seq=after)
        older = [s for s in kept if s < after]
        assert [b.seq for b in before] == (older[-n:] if n else [])
        evicted = await ring.evicted_through("SPY")
        dropped = seqs[:-capacity] if len(seqs) > capacity else []
        assert evicted == (dropped[-1] if dropped else None)
        assert (await ring.last("SPY")) == (bar(seqs[-1]) if seqs else None)

    asyncio.run(run())


async def test_refuses_seq_that_is_not_past_the_last(make_ring: MakeRing) -> None:
    ring = make_ring(5)
    assert await ring.append(bar(10))
    assert not await ring.append(bar(10))
    assert not await ring.append(bar(9))
    assert [b.seq for b in await ring.since_seq("SPY", -1)] == [10]
    for s in range(11, 20):
        assert await ring.append(bar(s))
    assert [b.seq for b in await ring.since_seq("SPY", -1, limit=2)] == [15, 16]
    assert (await ring.last("SPY")) == bar(19)


async def test_symbols_are_independent(make_ring: MakeRing) -> None:
    ring = make_ring(10)
    assert await ring.append(bar(5, "SPY"))
    assert await ring.append(bar(3, "QQQ"))  # older than SPY's: another symbol, fine
    assert await ring.since_seq("AAPL", 0) == []
    assert await ring.last("AAPL") is None
    assert sorted(await ring.symbols()) == ["QQQ", "SPY"]
    assert await ring.evicted_through("QQQ") is None
