"""The stream cursor: encoding, parsing, de-duplication (the ring and the bus have their
contract suites in tests/contract/)."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spotlight_trader.api.cursor import Cursor
from spotlight_trader.errors import InputError
from spotlight_trader.market.ring import MemoryRing
from spotlight_trader.model import Bar


def bar(seq: int, sym: str = "SPY") -> Bar:
    return Bar(sym, seq, seq * 60_000, (seq + 1) * 60_000, 1.0, 1.0, 1.0, 1.0, 1.0, 1)


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
