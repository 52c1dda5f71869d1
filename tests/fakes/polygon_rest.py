"""A fake Polygon/Massive REST aggregates endpoint as an ``httpx.MockTransport``.

Serves ticker reference data (``/v3/reference/tickers/{ticker}``, shaped like Polygon's
documented ticker-details answer, 404 ``NOT_FOUND`` for an unknown ticker; the ticker list
``/v3/reference/tickers?search=&active=&market=&limit=`` like the documented "All Tickers"
answer: ``results`` sorted by ticker, ``count``, ``next_url`` when cut at ``limit``) and per-symbol
minute aggregates (shaped like the recorded mock
``v2/aggs/ticker/AAPL/range/1/day/2005-04-01/2005-04-04.json``), paginated with an absolute
``next_url`` on the public host (as the real API does), and can be scripted to answer the
first requests with errors (429 with ``Retry-After``, 401, 403, 5xx, timeouts).
:func:`serve_http` puts the same fake behind a real local HTTP server.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast

import httpx

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
MOCKS = SHARED / "data" / "polygon" / "test_rest" / "mocks"
_PATH = re.compile(r"^/v2/aggs/ticker/([^/]+)/range/1/minute/([^/]+)/([^/]+)$")
_TICKER = re.compile(r"^/v3/reference/tickers/([^/]+)$")

ERROR_BODIES = {
    401: {"status": "ERROR", "request_id": "r401", "error": "Unknown API Key"},
    403: {
        "status": "NOT_AUTHORIZED",
        "request_id": "834a28975ffae6b825b7680097dbc5a8",
        "message": "You are not entitled to this data. Please upgrade your plan at "
        "https://polygon.io/pricing",
    },
    429: {
        "status": "ERROR",
        "request_id": "r429",
        "error": "You've exceeded the maximum requests per minute, please wait or upgrade "
        "your subscription to continue. https://polygon.io/pricing",
    },
    500: {"status": "ERROR", "request_id": "r500", "error": "internal error"},
}


def recorded_aggs() -> dict[str, Any]:
    """The recorded aggregates response of the official client's tests."""
    path = MOCKS / "v2/aggs/ticker/AAPL/range/1/day/2005-04-01/2005-04-04.json"
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def agg(
    t_ms: int, o: float, h: float, low: float, c: float, v: float, n: int | None = 10
) -> dict[str, Any]:
    """One result row shaped like the recorded ones."""
    row = dict(recorded_aggs()["results"][0])
    row.update(t=t_ms, o=o, h=h, l=low, c=c, v=v, vw=(h + low) / 2)
    if n is None:
        row.pop("n", None)
    else:
        row["n"] = n
    return row


def ticker(
    symbol: str, name: str, *, active: bool = True, market: str = "stocks"
) -> dict[str, Any]:
    """Ticker details as ``/v3/reference/tickers/{ticker}`` returns them (documented fields)."""
    return {
        "ticker": symbol,
        "name": name,
        "market": market,
        "locale": "us",
        "primary_exchange": "XNAS",
        "type": "CS",
        "active": active,
        "currency_name": "usd",
    }


def _bound(raw: str, end: bool) -> int:
    if raw.isdigit():
        return int(raw)
    from datetime import UTC, datetime

    day = datetime.fromisoformat(raw).replace(tzinfo=UTC)
    ms = int(day.timestamp() * 1000)
    return ms + 86_400_000 - 1 if end else ms


class FakeRest:
    """Minute aggregates per symbol; ``script`` holds responses for the first requests:
    an int status, ``(status, headers)``, or ``"timeout"``."""

    def __init__(self, page_size: int = 50_000, status: str = "OK") -> None:
        self.bars: dict[str, list[dict[str, Any]]] = {}
        self.tickers: dict[str, dict[str, Any]] = {}  # ticker -> details (see ticker())
        self.page_size = page_size
        self.status = status
        self.script: list[Any] = []
        self.requests: list[httpx.Request] = []

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.script:
            step = self.script.pop(0)
            if step == "timeout":
                raise httpx.ReadTimeout("read timed out", request=request)
            status, headers = step if isinstance(step, tuple) else (step, {})
            return httpx.Response(status, json=ERROR_BODIES.get(status, {}), headers=headers)
        if request.headers.get("Authorization") != "Bearer test-key":
            return httpx.Response(401, json=ERROR_BODIES[401])
        if request.url.path == "/v3/reference/tickers":
            return self._search(request.url.params)
        ticker = _TICKER.match(request.url.path)
        if ticker is not None:
            details = self.tickers.get(ticker.group(1))
            if details is None:
                missing = {
                    "status": "NOT_FOUND",
                    "request_id": "r4",
                    "message": "Ticker not found.",
                }
                return httpx.Response(404, json=missing)
            return httpx.Response(200, json={"results": details, "status": "OK", "request_id": "t"})
        match = _PATH.match(request.url.path)
        if match is None:
            return httpx.Response(404, json={"status": "NOT_FOUND", "message": "no route"})
        symbol, lo_raw, hi_raw = match.groups()
        lo, hi = _bound(lo_raw, False), _bound(hi_raw, True)
        rows = [r for r in self.bars.get(symbol, []) if lo <= r["t"] <= hi]
        page = rows[: self.page_size]  # like the real API: next_url moves `from` on
        body: dict[str, Any] = {
            "ticker": symbol,
            "queryCount": len(page),
            "resultsCount": len(page),
            "adjusted": True,
            "results": page,
            "status": self.status,
            "request_id": f"req{len(self.requests)}",
            "count": len(page),
        }
        if self.page_size < len(rows):
            nxt = rows[self.page_size]["t"]
            cursor = base64.urlsafe_b64encode(f"limit={self.page_size}&sort=asc".encode()).decode()
            body["next_url"] = (
                f"https://api.massive.com/v2/aggs/ticker/{symbol}/range/1/minute/{nxt}/{hi_raw}"
                f"?cursor={cursor}"
            )
        return httpx.Response(200, json=body)

    def _search(self, params: httpx.QueryParams) -> httpx.Response:
        """Tickers whose ticker or name contains ``search`` (any case), as Polygon matches."""
        term = params.get("search", "").casefold()
        active = params.get("active", "true") == "true"
        market = params.get("market")
        limit = int(params.get("limit", "100"))
        found = [
            t
            for _, t in sorted(self.tickers.items())
            if (term in t["ticker"].casefold() or term in t["name"].casefold())
            and t["active"] == active
            and market in (None, t["market"])
        ]
        body: dict[str, Any] = {
            "results": found[:limit],
            "status": "OK",
            "request_id": f"req{len(self.requests)}",
            "count": len(found[:limit]),
        }
        if len(found) > limit:
            body["next_url"] = "https://api.massive.com/v3/reference/tickers?cursor=bmV4dA"
        return httpx.Response(200, json=body)


class _Handler(BaseHTTPRequestHandler):
    rest: FakeRest  # set on a per-server subclass

    def do_GET(self) -> None:
        host, port = cast(tuple[str, int], self.server.server_address)[:2]
        request = httpx.Request(
            "GET", f"http://{host}:{port}{self.path}", headers=dict(self.headers.items())
        )
        try:
            response = self.rest.handle(request)
        except httpx.TimeoutException:
            time.sleep(1.0)  # a real server that does not answer in time
            self.close_connection = True
            return
        body = response.content
        self.send_response(response.status_code)
        for name, value in response.headers.items():
            if name.lower() not in ("content-length", "connection"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        return None


@contextlib.contextmanager
def serve_http(rest: FakeRest) -> Iterator[str]:
    """Serve ``rest`` over real HTTP on a free local port (for code in another process, or
    code that only takes a URL); yields the base URL to use as ``POLYGON_REST_URL``."""
    handler = type("FakeRestHandler", (_Handler,), {"rest": rest})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="fake-rest", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
