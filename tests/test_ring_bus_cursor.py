"""Ring slicing and capacity, bus overflow policy, cursor encoding."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spotlight_trader.api.cursor import Cursor
from spotlight_trader.bus import LocalBus, SubscriberOverflow, bar_topic, microbar_topic
from spotlight_trader.errors import InputError
from spotlight_trader.market.ring import MemoryRing
from spotlight_trader.model import Bar


def bar(seq: int, sym: str = "SPY") -> Bar:
    return Bar(sym, seq, seq * 60_000, (seq + 1) * 60_000, 1.0, 1.0, 1.0, 1.0, 1.0, 1)


@given(
    seqs=st.lists(st.integers(0, 10_000), unique=True, max_size=300).map(sorted),
    capacity=st.integers(1, 50),
    after=st.integers(-1, 10_001),
    n=st.integers(0, 60),
)
def test_ring_matches_list_model(seqs: list[int], capacity: int, after: int, n: int) -> None:
    ring = MemoryRing(capacity)
    for s in seqs:
        assert ring.append_nowait(bar(s))
    kept = seqs[-capacity:]
    got = asyncio.run(ring.since_seq("SPY", after))
    assert [b.seq for b in got] == [s for s in kept if s > after]
    recent = asyncio.run(ring.recent("SPY", n))
    assert [b.seq for b in recent] == (kept[-n:] if n else [])
    before = asyncio.run(ring.recent("SPY", n, before_seq=after))
    older = [s for s in kept if s < after]
    assert [b.seq for b in before] == (older[-n:] if n else [])


async def test_ring_rejects_out_of_order_and_limits() -> None:
    ring = MemoryRing(5)
    assert await ring.append(bar(10))
    assert not await ring.append(bar(10))
    assert not await ring.append(bar(9))
    for s in range(11, 20):
        await ring.append(bar(s))
    assert [b.seq for b in await ring.since_seq("SPY", -1, limit=2)] == [15, 16]
    assert (await ring.last("SPY")) == bar(19)
    assert await ring.since_seq("QQQ", 0) == []


async def test_bus_coalesces_microbars_and_keeps_order() -> None:
    bus = LocalBus()
    sub = bus.subscribe([bar_topic("SPY"), microbar_topic("SPY")], maxsize=10)
    bus.publish(microbar_topic("SPY"), "m1")
    bus.publish(bar_topic("SPY"), "b1")
    bus.publish(microbar_topic("SPY"), "m2")
    bus.publish(microbar_topic("SPY"), "m3")
    got = [sub.get_nowait() for _ in range(2)]
    assert got == [(bar_topic("SPY"), "b1"), (microbar_topic("SPY"), "m3")]
    assert sub.get_nowait() is None


async def test_bus_overflow_closes_subscriber_instead_of_dropping() -> None:
    bus = LocalBus()
    sub = bus.subscribe([bar_topic("SPY")], maxsize=3)
    for i in range(4):
        bus.publish(bar_topic("SPY"), i)
    assert sub.overflowed and bus.overflows == 1
    assert [sub.get_nowait() for _ in range(3)] == [(bar_topic("SPY"), i) for i in range(3)]
    with pytest.raises(SubscriberOverflow):
        await sub.get()
    assert bus.subscriber_count(bar_topic("SPY")) == 0


async def test_bus_microbars_never_overflow() -> None:
    bus = LocalBus()
    sub = bus.subscribe([microbar_topic("SPY")], maxsize=1)
    for i in range(1000):
        bus.publish(microbar_topic("SPY"), i)
    assert not sub.overflowed and len(sub) == 1
    assert await sub.get() == (microbar_topic("SPY"), 999)


async def test_get_waits_for_publish() -> None:
    bus = LocalBus()
    sub = bus.subscribe([bar_topic("A")])
    task = asyncio.create_task(sub.get())
    await asyncio.sleep(0)
    bus.publish(bar_topic("A"), "x")
    assert await asyncio.wait_for(task, 1) == (bar_topic("A"), "x")


@given(
    st.dictionaries(
        st.from_regex(r"[A-Z][A-Z0-9.\-]{0,9}", fullmatch=True),
        st.none() | st.integers(0, 10**12),
        min_size=1,
    )
)
def test_cursor_round_trip(seqs: dict[str, int | None]) -> None:
    cursor = Cursor(seqs)
    parsed = Cursor.parse(cursor.encode())
    assert all(parsed.get(s) == q for s, q in seqs.items())


@pytest.mark.parametrize(
    "bad", ["", "SPY", "SPY:x", "spy:1", "SPY:1,,", "SPY:-1", "A" * 30000, "SPY:1;DROP"]
)
def test_cursor_rejects_garbage(bad: str) -> None:
    with pytest.raises(InputError):
        Cursor.parse(bad)


def test_cursor_advance_dedupes() -> None:
    cursor = Cursor({"SPY": None})
    assert (
        cursor.advance("SPY", 5) and not cursor.advance("SPY", 5) and not cursor.advance("SPY", 4)
    )
    assert cursor.encode() == "SPY:5"


@given(n=st.integers(0, 40), capacity=st.integers(1, 10))
def test_ring_reports_what_it_evicted(n: int, capacity: int) -> None:
    ring = MemoryRing(capacity)
    for s in range(0, 2 * n, 2):  # every other minute: empty minutes are not evictions
        ring.append_nowait(bar(s))
    evicted = asyncio.run(ring.evicted_through("SPY"))
    kept = list(range(0, 2 * n, 2))[-capacity:] if n else []
    dropped = list(range(0, 2 * n, 2))[: max(0, n - capacity)]
    assert evicted == (dropped[-1] if dropped else None)
    assert [b.seq for b in asyncio.run(ring.since_seq("SPY", -1))] == kept
