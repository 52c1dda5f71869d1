"""HTTP hardening over real HTTP (uvicorn + httpx or raw sockets): security headers on every
response, /docs from local files, CSRF (content type and Origin), Host allowlist (DNS
rebinding), CORS allowlist, and body limits enforced while the body streams."""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn
from starlette.requests import Request
from starlette.responses import Response

from spotlight_trader.api.hardening import CSP
from spotlight_trader.runtime.components import build_components
from spotlight_trader.runtime.ingest import Ingest
from spotlight_trader.runtime.web import create_app
from tests.conftest import free_port, make_service, make_settings, running_server, until
from tests.fakes.feeds import ScriptedFeed, synthetic_trades

START = 1_700_000_040_000
APP = "http://app.example:8000"
ADMIN = "http://127.0.0.1:5173"


@contextlib.asynccontextmanager
async def serving(**settings: object) -> AsyncIterator[tuple[Ingest, httpx.AsyncClient]]:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=2, seed=1))
    service = make_service(feed, watchlist="SPY", app_origin=APP, admin_origin=ADMIN, **settings)
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=30) as client,
    ):
        yield service, client


@contextlib.asynccontextmanager
async def server(**settings: object) -> AsyncIterator[tuple[str, httpx.AsyncClient]]:
    async with serving(**settings) as (_service, client):
        yield str(client.base_url).rstrip("/"), client


def csp_directives(value: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in value.split(";"):
        name, *sources = part.split()
        out[name] = sources
    return out


async def test_every_response_carries_the_security_headers(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>t</title>")
    (dist / "assets" / "app.js").write_text("console.log(1)")
    # a trusted TLS proxy on loopback (TRUST_PROXY): its X-Forwarded-Proto turns on HSTS
    async with server(web_dist=dist, trust_proxy="127.0.0.1") as (_base, client):
        responses = [
            await client.get("/"),
            await client.get("/assets/app.js"),
            await client.get("/api/symbols"),
            await client.get("/api/nope"),
            await client.get("/healthz"),
            await client.get("/metrics"),
            await client.get("/openapi.json"),
            await client.post("/api/symbols", content=b"x", headers={"content-type": "text/plain"}),
        ]
        statuses = [r.status_code for r in responses]
        assert statuses == [200, 200, 200, 404, 200, 200, 200, 415]
        for response in responses:
            headers = response.headers
            assert headers["content-security-policy"] == CSP
            assert headers["x-content-type-options"] == "nosniff"
            assert headers["referrer-policy"] == "no-referrer"
            assert "microphone=(self)" in headers["permissions-policy"]
            assert headers["x-frame-options"] == "DENY"
            assert "strict-transport-security" not in headers  # plain HTTP
        csp = csp_directives(CSP)
        assert csp["script-src"] == ["'self'"]  # no inline script, no eval, no blob:
        assert csp["connect-src"] == ["'self'"]
        assert csp["frame-ancestors"] == ["'none'"]
        assert "'unsafe-eval'" not in CSP
        # behind the trusted TLS proxy: HSTS
        https = await client.get("/healthz", headers={"x-forwarded-proto": "https"})
        assert https.headers["strict-transport-security"].startswith("max-age=31536000")


async def test_docs_are_served_from_this_server_without_inline_script() -> None:
    async with server() as (base, client):
        page = await client.get("/docs")
        assert page.status_code == 200
        assert (
            "'unsafe-inline'"
            not in csp_directives(page.headers["content-security-policy"])["script-src"]
        )
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.text, re.S)
        assert scripts and all(body.strip() == "" for _attrs, body in scripts)  # no inline
        urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert urls and all(urlsplit(u).netloc == "" for u in urls)  # nothing from a CDN
        for url in urls:
            asset = await client.get(url)
            assert asset.status_code == 200, url
            assert len(asset.content) > 100
        assert "SwaggerUIBundle" in (await client.get("/docs/swagger-ui-bundle.js")).text
        assert "redoc.standalone" not in (await client.get("/redoc")).text  # no CDN ReDoc
        assert base  # the page's own URLs resolve against this server


async def test_text_plain_and_form_bodies_are_refused_with_415_and_change_nothing() -> None:
    async with server() as (_base, client):
        for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
            headers = {"content-type": content_type} if content_type else {}
            response = await client.post(
                "/api/symbols", content=b'{"symbol": "AMZN"}', headers=headers
            )
            assert response.status_code == 415, content_type
            assert response.json()["error"].startswith("request bodies must be application/json")
        refused = await client.post(
            "/api/rules",
            content=b'{"name": "x", "expression": "close > 1"}',
            headers={"content-type": "text/plain;charset=UTF-8"},
        )
        assert refused.status_code == 415
        symbols = [s["symbol"] for s in (await client.get("/api/symbols")).json()["symbols"]]
        assert symbols == ["SPY"]
        rules = (await client.get("/api/rules")).json()["rules"]
        assert all(r["builtin"] for r in rules)
        # the same request as JSON works
        ok = await client.post("/api/symbols", json={"symbol": "AMZN"})
        assert ok.status_code == 201


async def test_foreign_origins_are_refused_and_allowed_ones_pass() -> None:
    async with server() as (base, client):
        body = {"symbol": "AMZN"}
        for origin in ("http://evil.example", "null", "http://app.example:8001", APP + ".evil"):
            response = await client.post("/api/symbols", json=body, headers={"origin": origin})
            assert response.status_code == 403, origin
        cross = await client.delete("/api/symbols/SPY", headers={"sec-fetch-site": "cross-site"})
        assert cross.status_code == 403
        assert [s["symbol"] for s in (await client.get("/api/symbols")).json()["symbols"]] == [
            "SPY"
        ]
        for origin, symbol in ((APP, "AMZN"), (ADMIN, "IBM"), (base, "MU")):
            response = await client.post(
                "/api/symbols", json={"symbol": symbol}, headers={"origin": origin}
            )
            assert response.status_code == 201, origin
        # reads are not state-changing: a foreign Origin on GET is answered (CORS keeps the
        # answer from the foreign page)
        assert (
            await client.get("/api/symbols", headers={"origin": "http://evil.example"})
        ).status_code == 200


async def test_cors_allows_exactly_the_configured_origins() -> None:
    async with server() as (_base, client):
        for origin, allowed in ((APP, True), (ADMIN, True), ("http://evil.example", False)):
            preflight = await client.options(
                "/api/symbols",
                headers={
                    "origin": origin,
                    "access-control-request-method": "POST",
                    "access-control-request-headers": "content-type",
                },
            )
            got = preflight.headers.get("access-control-allow-origin")
            assert (got == origin) is allowed, (origin, got)
            assert got != "*"
            simple = await client.get("/api/symbols", headers={"origin": origin})
            assert (simple.headers.get("access-control-allow-origin") == origin) is allowed


async def raw_request(port: int, head: str) -> str:
    """Send a raw request head and return the status line of the answer."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(head.encode())
        await writer.drain()
        return (await reader.readline()).decode().strip()
    finally:
        writer.close()


async def test_unknown_hosts_are_refused_for_http_and_websockets() -> None:
    async with server(allowed_hosts="trader.internal") as (base, client):
        port = urlsplit(base).port
        assert port is not None
        for host in ("evil.example", "evil.example:" + str(port), "127.0.0.1.evil.example"):
            response = await client.get("/api/symbols", headers={"host": host})
            assert response.status_code == 400, host
            assert response.json()["error"] == "host not allowed"
        for host in ("127.0.0.1", "localhost:1", "[::1]:8000", "app.example", "TRADER.internal"):
            assert (await client.get("/healthz", headers={"host": host})).status_code == 200
        upgrade = (
            "GET /ws/realtime HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n"
        )
        refused = await raw_request(port, upgrade.format(host="evil.example"))
        assert refused.startswith("HTTP/1.1 403"), refused


def rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


async def send_chunked(port: int, path: str, total: int) -> tuple[str, int]:
    """POST ``total`` bytes as a chunked JSON body until the server answers: the status line
    and how many bytes were sent by then."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
    )
    size = 64 * 1024
    block = f"{size:x}\r\n".encode() + b" " * size + b"\r\n"
    sent = 0

    async def pump() -> None:
        nonlocal sent
        while sent < total:
            writer.write(block)
            await writer.drain()
            sent += size
        writer.write(b"0\r\n\r\n")
        await writer.drain()

    task = asyncio.create_task(pump())
    try:
        status = (await reader.readline()).decode().strip()
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, ConnectionError):
            await task
        writer.close()
    return status, sent


@pytest.mark.parametrize("path", ["/api/symbols", "/api/rules"])
async def test_a_huge_chunked_body_is_refused_without_reading_it(path: str) -> None:
    total = 200 * 1024 * 1024
    async with server(http_max_body_bytes=1_048_576) as (base, _client):
        port = urlsplit(base).port
        assert port is not None
        before = rss_bytes()
        status, sent = await send_chunked(port, path, total)
        grown = rss_bytes() - before
    assert status.startswith("HTTP/1.1 413"), status
    assert sent < 32 * 1024 * 1024, f"the server read {sent} bytes before refusing"
    assert grown < 32 * 1024 * 1024, f"RSS grew {grown / 2**20:.0f} MiB"


async def test_a_declared_length_over_the_limit_is_refused_before_the_body() -> None:
    async with server() as (base, _client):
        port = urlsplit(base).port
        assert port is not None
        head = (
            f"POST /api/rules HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            "Content-Type: application/json\r\nContent-Length: 209715200\r\n\r\n"
        )
        # not a byte of the body is sent, yet the answer comes
        status = await asyncio.wait_for(raw_request(port, head), 10)
        assert status.startswith("HTTP/1.1 413"), status


async def test_route_limits_apply_while_streaming_too() -> None:
    async with server() as (base, client):
        port = urlsplit(base).port
        assert port is not None
        status, _sent = await send_chunked(port, "/api/symbols", 64 * 1024 * 4)
        assert status.startswith("HTTP/1.1 413"), status  # the route's 4 KB, not 1 MiB
        big = await client.post(
            "/api/symbols",
            content=b'{"symbol": "' + b"A" * 5000 + b'"}',
            headers={"content-type": "application/json"},
        )
        assert big.status_code == 413
        assert "4096" in big.json()["error"]


async def test_the_middleware_limit_covers_a_route_that_reads_everything() -> None:
    """A route that reads its whole body (no limit of its own) still gets at most
    HTTP_MAX_BODY_BYTES: the middleware counts while the body streams."""

    async def greedy(request: Request) -> Response:
        return Response(str(len(await request.body())))

    # a route added later to the product's app, knowing nothing of limits
    app = create_app(build_components(make_settings(http_max_body_bytes=1_048_576)))
    app.add_route("/greedy", greedy, methods=["POST"])
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    task = asyncio.create_task(srv.serve())
    try:
        await until(lambda: srv.started or task.done())
        before = rss_bytes()
        status, sent = await send_chunked(port, "/greedy", 200 * 1024 * 1024)
        grown = rss_bytes() - before
        small, _ = await send_chunked(port, "/greedy", 512 * 1024)
    finally:
        srv.should_exit = True
        await asyncio.wait_for(task, 10)
    assert status.startswith("HTTP/1.1 413"), status
    assert sent < 32 * 1024 * 1024 and grown < 32 * 1024 * 1024, (sent, grown)
    assert small.startswith("HTTP/1.1 200"), small


async def test_streams_per_user_are_capped_and_freed_on_disconnect() -> None:
    async with serving(stream_max_per_user=2) as (service, client):
        params = {"symbols": "SPY"}
        async with contextlib.AsyncExitStack() as stack:
            for _ in range(2):
                response = await stack.enter_async_context(
                    client.stream("GET", "/stream/market", params=params)
                )
                assert response.status_code == 200
            refused = await client.get("/stream/market", params=params)
            assert refused.status_code == 429
            assert "at most 2" in refused.json()["error"]
        # both closed: their slots are free once the server saw the disconnects
        slots = service.components.stream_slots

        async def all_free() -> bool:
            return await slots.held("local") == 0

        await until(all_free)
        async with client.stream("GET", "/stream/market", params=params) as again:
            assert again.status_code == 200


async def test_writes_are_rate_limited_per_user_reads_are_not() -> None:
    async with server(write_rate_per_min=3) as (_base, client):
        statuses = [
            (await client.post("/api/rules/validate", json={"expression": "close > 1"})).status_code
            for _ in range(4)
        ]
        assert statuses == [200, 200, 200, 429]
        limited = await client.delete("/api/symbols/SPY")
        assert limited.status_code == 429
        assert int(limited.headers["retry-after"]) >= 1
        reads = [(await client.get("/api/symbols")).status_code for _ in range(10)]
        assert reads == [200] * 10
