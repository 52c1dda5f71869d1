"""REST history service against a fake aggregates endpoint (httpx.MockTransport)."""

from __future__ import annotations

import json

import pytest

from spotlight_trader.feeds.polygon.rest import (
    BackfillProgress,
    HistoryAuthError,
    HistoryError,
    HistoryService,
    backfill,
    bars_from_page,
)
from spotlight_trader.market.ring import MemoryRing
from spotlight_trader.model import MINUTE_MS
from tests.conftest import make_settings
from tests.fakes.polygon_rest import FakeRest, agg, recorded_aggs

T0 = 1_767_000_000_000 // MINUTE_MS * MINUTE_MS  # a minute boundary


def _rest(n: int, page_size: int = 50_000, symbol: str = "AAPL") -> FakeRest:
    rest = FakeRest(page_size=page_size)
    rest.bars[symbol] = [
        agg(T0 + i * MINUTE_MS, 10 + i, 11 + i, 9 + i, 10.5 + i, 100 * i) for i in range(n)
    ]
    return rest


class _Sleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def _service(rest: FakeRest, sleep: _Sleeps | None = None, retries: int = 3) -> HistoryService:
    return HistoryService(
        "test-key",
        "http://rest.test",
        transport=rest.transport,
        max_retries=retries,
        sleep=sleep or _Sleeps(),
    )


def test_recorded_page_parses() -> None:
    page, next_url = bars_from_page("AAPL", json.dumps(recorded_aggs()).encode())
    assert next_url is None
    assert len(page.bars) == len(recorded_aggs()["results"])
    first = recorded_aggs()["results"][0]
    assert page.bars[0].seq == first["t"] // MINUTE_MS
    assert page.bars[0].trades == first["n"]
    assert page.bars[0].low == first["l"]


async def test_pagination_three_pages_resends_auth() -> None:
    rest = _rest(7, page_size=3)
    async with _service(rest) as history:
        pages = [p async for p in history.pages_of("AAPL", T0, T0 + 10 * MINUTE_MS)]
    assert len(pages) == 3
    bars = [b for p in pages for b in p.bars]
    assert [b.seq for b in bars] == [T0 // MINUTE_MS + i for i in range(7)]
    assert all(b.bar_end_ms - b.bar_start_ms == MINUTE_MS for b in bars)
    assert len(rest.requests) == 3
    for req in rest.requests:
        assert req.headers["Authorization"] == "Bearer test-key"
        assert req.url.host == "rest.test"  # next_url followed on the configured host
    first = rest.requests[0].url
    assert first.path == f"/v2/aggs/ticker/AAPL/range/1/minute/{T0}/{T0 + 10 * MINUTE_MS}"
    assert dict(first.params) == {"adjusted": "true", "sort": "asc", "limit": "50000"}
    assert rest.requests[1].url.params["cursor"]
    assert rest.requests[1].url.path.endswith(f"/minute/{T0 + 3 * MINUTE_MS}/{T0 + 10 * MINUTE_MS}")


async def test_429_then_success_honours_retry_after() -> None:
    rest = _rest(2)
    rest.script = [(429, {"Retry-After": "7"}), 429]
    sleeps = _Sleeps()
    async with _service(rest, sleeps) as history:
        bars = await history.minute_bars("AAPL", T0, T0 + MINUTE_MS)
    assert len(bars) == 2
    assert sleeps.calls[0] == 7.0
    assert len(sleeps.calls) == 2 and 0 < sleeps.calls[1] <= 30


async def test_429_forever_gives_up() -> None:
    rest = _rest(2)
    rest.script = [429] * 10
    async with _service(rest, retries=2) as history:
        with pytest.raises(HistoryError, match=r"rate limited.*3 attempts"):
            await history.minute_bars("AAPL", T0, T0 + MINUTE_MS)
    assert len(rest.requests) == 3


async def test_401_names_the_key() -> None:
    rest = _rest(2)
    rest.script = [401]
    async with _service(rest) as history:
        with pytest.raises(HistoryAuthError, match=r"401.*Unknown API Key.*POLYGON_API_KEY"):
            await history.minute_bars("AAPL", T0, T0 + MINUTE_MS)
    assert len(rest.requests) == 1  # no retry


async def test_403_names_the_plan() -> None:
    rest = _rest(2)
    rest.script = [403]
    async with _service(rest) as history:
        with pytest.raises(HistoryAuthError, match=r"403.*not entitled.*plan"):
            await history.minute_bars("AAPL", T0, T0 + MINUTE_MS)


async def test_timeout_and_5xx_are_retried() -> None:
    rest = _rest(3)
    rest.script = ["timeout", 500, 503]
    async with _service(rest) as history:
        bars = await history.minute_bars("AAPL", T0, T0 + 5 * MINUTE_MS)
    assert len(bars) == 3
    assert len(rest.requests) == 4


async def test_timeout_forever_is_a_clear_error() -> None:
    rest = _rest(3)
    rest.script = ["timeout"] * 10
    async with _service(rest, retries=1) as history:
        with pytest.raises(HistoryError, match="timed out"):
            await history.minute_bars("AAPL", T0, T0 + 5 * MINUTE_MS)


async def test_delayed_status_is_valid() -> None:
    rest = _rest(2)
    rest.status = "DELAYED"
    async with _service(rest) as history:
        assert len(await history.minute_bars("AAPL", T0, T0 + MINUTE_MS)) == 2


async def test_missing_n_and_bad_rows() -> None:
    rest = FakeRest()
    rest.bars["AAPL"] = [
        agg(T0, 10, 11, 9, 10, 5, n=None),
        agg(T0 + MINUTE_MS, -1, 11, 9, 10, 5),  # impossible price: skipped
        agg(T0 + 2 * MINUTE_MS, 10, 11, 9, 10, 5),
    ]
    async with _service(rest) as history:
        bars = await history.minute_bars("AAPL", T0, T0 + 5 * MINUTE_MS)
    assert [b.seq - T0 // MINUTE_MS for b in bars] == [0, 2]
    assert bars[0].trades == 0


async def test_backfill_into_ring(tmp_path: object) -> None:
    start = 1_767_225_600_000  # 2026-01-01T00:00Z
    rest = FakeRest(page_size=4)
    rest.bars["SPY"] = [agg(start + i * MINUTE_MS, 5, 6, 4, 5, 10) for i in range(10)]
    ring = MemoryRing(100)
    progress: list[BackfillProgress] = []
    settings = make_settings(polygon_api_key="test-key", polygon_rest_url="http://rest.test")
    summary = await backfill(
        "spy",
        "2026-01-01",
        "2026-01-01",
        settings=settings,
        ring=ring,
        on_progress=progress.append,
        transport=rest.transport,
    )
    assert (summary.bars_fetched, summary.bars_stored, summary.pages) == (10, 10, 3)
    assert summary.first_ms == start and summary.last_ms == start + 9 * MINUTE_MS
    assert [p.pages for p in progress] == [1, 2, 3] and progress[-1].fraction == 1.0
    assert [b.seq for b in await ring.recent("SPY", 100)] == [
        start // MINUTE_MS + i for i in range(10)
    ]
    assert rest.requests[0].url.path == "/v2/aggs/ticker/SPY/range/1/minute/2026-01-01/2026-01-01"
