"""REST history: 1-minute aggregates from Polygon/Massive as final :class:`Bar` objects.

``GET {rest}/v2/aggs/ticker/{T}/range/1/minute/{from}/{to}?adjusted=true&sort=asc&limit=50000``,
following ``next_url``. Every request carries ``Authorization: Bearer <key>`` (``next_url``
carries no key). ``next_url`` is followed on the *configured* host (its path and query only),
so the key is never sent to a host the user did not configure.

Failures:

* 429: wait ``Retry-After`` seconds when given (else exponential backoff), bounded retries;
* 5xx, timeouts and connection errors: exponential backoff, bounded retries;
* 401/403: :class:`HistoryAuthError` naming the cause, with the server's own error text;
* other 4xx or an unexpected body: :class:`HistoryError`.

``status`` ``OK`` and ``DELAYED`` are both valid. Bars get ``seq = t // 60_000`` (the same
seq as live bars) and are yielded strictly increasing in seq.

The same client asks the ticker reference: ``/v3/reference/tickers/{T}`` (one ticker) and
``/v3/reference/tickers?search=Q&active=true&market=stocks&limit=N`` (a search).
"""

# size: the one Polygon REST client (its retry policy shared by aggregates and the ticker
# reference) and the CLI backfill built on it

from __future__ import annotations

import asyncio
import math
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Final
from urllib.parse import quote, urlsplit

import httpx
import msgspec
import structlog

from spotlight_trader.config import Settings
from spotlight_trader.errors import ConfigError, FeedError
from spotlight_trader.market.ring import BarRing
from spotlight_trader.model import MINUTE_MS, Bar

log = structlog.get_logger(__name__)

PAGE_LIMIT: Final = 50_000
VALID_STATUS: Final = frozenset({"OK", "DELAYED"})


class HistoryError(FeedError):
    """The REST history service failed (after any retries)."""


class HistoryAuthError(HistoryError):
    """The REST API refused the key (401) or the plan (403)."""


class HistoryNotFound(HistoryError):
    """Polygon REST answered 404 (e.g. an unknown ticker)."""


class TickerDetails(msgspec.Struct, frozen=True):
    """The fields of ``/v3/reference/tickers/{ticker}`` the watchlist checks."""

    ticker: str
    name: str | None = None
    market: str | None = None
    active: bool = True


class _TickerBody(msgspec.Struct):
    results: TickerDetails | None = None


class _TickersBody(msgspec.Struct):
    results: list[TickerDetails] = []


class _Agg(msgspec.Struct, gc=False):
    t: int
    o: float
    h: float
    low: float = msgspec.field(name="l")
    c: float = 0.0
    v: float = 0.0
    n: int | None = None


class _AggsPage(msgspec.Struct):
    status: str = ""
    results: list[_Agg] = []
    next_url: str | None = None
    error: str | None = None
    message: str | None = None


class _ErrorBody(msgspec.Struct):
    status: str = ""
    error: str | None = None
    message: str | None = None


_page_decoder: Final = msgspec.json.Decoder(_AggsPage)
_error_decoder: Final = msgspec.json.Decoder(_ErrorBody)


class Page(msgspec.Struct, frozen=True):
    """One response page: its bars (in order) and whether another page follows."""

    bars: list[Bar]
    status: str
    has_next: bool
    skipped: int = 0


def bars_from_page(symbol: str, body: bytes, after_seq: int = -1) -> tuple[Page, str | None]:
    """Parse one aggregates response body; return the page and the raw ``next_url``.
    Bars with seq <= ``after_seq`` (duplicates across pages) and bars with impossible
    prices are skipped and counted in ``Page.skipped``."""
    try:
        page = _page_decoder.decode(body)
    except msgspec.MsgspecError as exc:
        raise HistoryError(f"Polygon REST returned an unreadable aggregates page: {exc}") from None
    if page.status not in VALID_STATUS:
        detail = page.error or page.message or "no detail"
        raise HistoryError(f"Polygon REST aggregates status {page.status!r}: {detail}")
    bars: list[Bar] = []
    skipped = 0
    last = after_seq
    for agg in page.results:
        seq = agg.t // MINUTE_MS
        prices_ok = all(math.isfinite(p) and p > 0 for p in (agg.o, agg.h, agg.low, agg.c))
        if seq <= last or not prices_ok or not (agg.low <= agg.h) or agg.v < 0:
            skipped += 1
            continue
        last = seq
        bars.append(
            Bar(
                symbol=symbol,
                seq=seq,
                bar_start_ms=seq * MINUTE_MS,
                bar_end_ms=(seq + 1) * MINUTE_MS,
                open=agg.o,
                high=agg.h,
                low=agg.low,
                close=agg.c,
                volume=agg.v,
                trades=agg.n or 0,
            )
        )
    return Page(bars, page.status, bool(page.next_url), skipped), page.next_url


def _error_text(response: httpx.Response) -> str:
    try:
        body = _error_decoder.decode(response.content)
        text = body.error or body.message or body.status
    except msgspec.MsgspecError:
        text = response.text.strip()[:200]
    return text or response.reason_phrase or "no detail"


def _retry_after_s(response: httpx.Response) -> float | None:
    raw = response.headers.get("Retry-After")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff


def _as_bound(value: date | datetime | str | int) -> str:
    """A REST ``from``/``to`` path segment: ``YYYY-MM-DD`` or a ms timestamp."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return str(int(value.timestamp() * 1000))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class HistoryService:
    """Async client of the aggregates endpoint. Use as an async context manager or call
    :meth:`aclose`. ``transport`` and ``sleep`` are injectable for tests."""

    def __init__(
        self,
        api_key: str,
        base_url: str = "https://api.massive.com",
        *,
        timeout_s: float = 10.0,
        max_retries: int = 4,
        backoff_base_s: float = 0.5,
        backoff_max_s: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if not api_key:
            raise ConfigError("invalid setting POLYGON_API_KEY: not set (needed for REST history)")
        self.base_url = base_url.rstrip("/")
        self.max_retries = max_retries
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        self._sleep = sleep
        self._client = httpx.AsyncClient(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {api_key}", "Accept": "application/json"},
            timeout=timeout_s,
            transport=transport,
            follow_redirects=False,
        )
        self.requests = 0
        self.retries = 0
        self.pages = 0

    @classmethod
    def from_settings(
        cls, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> HistoryService:
        """A service configured by ``POLYGON_API_KEY``, ``POLYGON_REST_URL`` and friends."""
        key = settings.polygon_api_key.get_secret_value() if settings.polygon_api_key else ""
        return cls(
            key,
            settings.polygon_rest_url,
            timeout_s=settings.polygon_rest_timeout_s,
            max_retries=settings.polygon_rest_retries,
            transport=transport,
        )

    async def __aenter__(self) -> HistoryService:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP client."""
        await self._client.aclose()

    async def pages_of(
        self,
        symbol: str,
        date_from: date | datetime | str | int,
        date_to: date | datetime | str | int,
    ) -> AsyncIterator[Page]:
        """Yield the 1-minute bars of ``symbol`` page by page, oldest first."""
        url: str | None = (
            f"/v2/aggs/ticker/{symbol}/range/1/minute/{_as_bound(date_from)}/{_as_bound(date_to)}"
        )
        params: dict[str, str] | None = {
            "adjusted": "true",
            "sort": "asc",
            "limit": str(PAGE_LIMIT),
        }
        last_seq = -1
        while url is not None:
            body = await self._get(url, params, symbol)
            page, next_url = bars_from_page(symbol, body, last_seq)
            self.pages += 1
            if page.bars:
                last_seq = page.bars[-1].seq
            yield page
            url = self._local(next_url) if next_url else None
            params = None  # next_url carries its own query (cursor)

    async def ticker_details(self, symbol: str) -> TickerDetails | None:
        """Polygon's reference data of ``symbol``, or None when it lists no such ticker."""
        try:
            body = await self._get(f"/v3/reference/tickers/{quote(symbol, safe='')}", None, symbol)
        except HistoryNotFound:
            return None
        try:
            return msgspec.json.decode(body, type=_TickerBody).results
        except msgspec.ValidationError as exc:
            raise HistoryError(f"Polygon REST ticker details for {symbol}: {exc}") from exc

    async def search_tickers(self, query: str, limit: int) -> list[TickerDetails]:
        """Polygon's active stock tickers whose ticker or name matches ``query`` (its order).
        Asked once, without retries: a symbol box wants its answer now (and a plan's request
        budget is better spent on history)."""
        params = {"search": query, "active": "true", "market": "stocks", "limit": str(limit)}
        body = await self._get("/v3/reference/tickers", params, query, retries=0)
        try:
            return msgspec.json.decode(body, type=_TickersBody).results
        except msgspec.ValidationError as exc:
            raise HistoryError(f"Polygon REST ticker search for {query}: {exc}") from exc

    async def minute_bars(
        self,
        symbol: str,
        date_from: date | datetime | str | int,
        date_to: date | datetime | str | int,
    ) -> list[Bar]:
        """All 1-minute bars of ``symbol`` in the range, oldest first."""
        bars: list[Bar] = []
        async for page in self.pages_of(symbol, date_from, date_to):
            bars.extend(page.bars)
        return bars

    def _local(self, next_url: str) -> str:
        parts = urlsplit(next_url)
        return f"{parts.path}?{parts.query}" if parts.query else parts.path

    async def _get(
        self, url: str, params: dict[str, str] | None, symbol: str, retries: int | None = None
    ) -> bytes:
        retries = self.max_retries if retries is None else retries
        attempt = 0
        while True:
            self.requests += 1
            try:
                response = await self._client.get(url, params=params)
            except httpx.TimeoutException as exc:
                problem = f"timed out ({type(exc).__name__})"
                wait = self._backoff(attempt)
            except httpx.TransportError as exc:
                problem = f"connection failed ({type(exc).__name__}: {exc})"
                wait = self._backoff(attempt)
            else:
                status = response.status_code
                if status == 200:
                    return response.content
                text = _error_text(response)
                if status == 401:
                    raise HistoryAuthError(
                        f"Polygon REST rejected the API key (401 Unauthorized: {text}); "
                        "check POLYGON_API_KEY"
                    )
                if status == 403:
                    raise HistoryAuthError(
                        f"Polygon REST refused access to {symbol} minute aggregates "
                        f"(403 Forbidden: {text}); the plan of POLYGON_API_KEY does not "
                        "include this data"
                    )
                if status == 429:
                    problem = f"rate limited (429: {text})"
                    after = _retry_after_s(response)
                    wait = after if after is not None else self._backoff(attempt)
                elif status >= 500:
                    problem = f"server error ({status}: {text})"
                    wait = self._backoff(attempt)
                elif status == 404:
                    raise HistoryNotFound(f"Polygon REST: not found (404: {text})")
                else:
                    raise HistoryError(f"Polygon REST request failed ({status}: {text})")
            if attempt >= retries:
                raise HistoryError(
                    f"Polygon REST history for {symbol} {problem}; "
                    f"gave up after {attempt + 1} attempts"
                )
            attempt += 1
            self.retries += 1
            log.warning("polygon rest retry", symbol=symbol, problem=problem, wait_s=wait)
            await self._sleep(wait)

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self.backoff_max_s, self.backoff_base_s * 2**attempt)
        return random.uniform(ceiling / 2, ceiling)


# ------------------------------------------------------------------ CLI backfill


class BackfillProgress(msgspec.Struct, frozen=True):
    """Progress of a backfill after each page: ``fraction`` is by time covered (0..1)."""

    symbol: str
    pages: int
    bars: int
    last_ms: int | None
    fraction: float


class BackfillSummary(msgspec.Struct, frozen=True):
    """What a backfill fetched and stored."""

    symbol: str
    bars_fetched: int
    bars_stored: int
    pages: int
    first_ms: int | None
    last_ms: int | None


def _range_ms(date_from: date | str, date_to: date | str) -> tuple[int, int]:
    start = date.fromisoformat(date_from) if isinstance(date_from, str) else date_from
    end = date.fromisoformat(date_to) if isinstance(date_to, str) else date_to
    lo = int(datetime(start.year, start.month, start.day, tzinfo=UTC).timestamp() * 1000)
    hi = int(datetime(end.year, end.month, end.day, tzinfo=UTC).timestamp() * 1000) + 86_400_000
    return lo, hi


async def backfill(
    symbol: str,
    date_from: date | str,
    date_to: date | str,
    *,
    settings: Settings,
    ring: BarRing,
    on_progress: Callable[[BackfillProgress], None] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> BackfillSummary:
    """Fetch the 1-minute bars of ``symbol`` for ``date_from..date_to`` (inclusive dates,
    ``YYYY-MM-DD``) into ``ring``. Bars at or before the ring's last seq are not stored."""
    symbol = symbol.strip().upper()
    lo, hi = _range_ms(date_from, date_to)
    if hi <= lo:
        raise ConfigError(f"backfill range is empty: {date_from} .. {date_to}")
    fetched = stored = pages = 0
    first_ms: int | None = None
    last_ms: int | None = None
    async with HistoryService.from_settings(settings, transport=transport) as history:
        async for page in history.pages_of(symbol, _as_bound(date_from), _as_bound(date_to)):
            pages += 1
            fetched += len(page.bars)
            for bar in page.bars:
                if await ring.append(bar):
                    stored += 1
            if page.bars:
                if first_ms is None:
                    first_ms = page.bars[0].bar_start_ms
                last_ms = page.bars[-1].bar_start_ms
            if on_progress is not None:
                done = (
                    1.0
                    if not page.has_next
                    else (
                        0.0 if last_ms is None else min(1.0, max(0.0, (last_ms - lo) / (hi - lo)))
                    )
                )
                on_progress(BackfillProgress(symbol, pages, fetched, last_ms, done))
    return BackfillSummary(symbol, fetched, stored, pages, first_ms, last_ms)
