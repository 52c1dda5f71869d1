"""Logs: library chatter only at debug, and no secret at any level — checked on the real
key flows (Polygon auth, the voice upstream with the browser's token) at debug level."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import httpx
import pytest
import structlog

from spotlight_trader import logs
from spotlight_trader.feeds.polygon.feed import PolygonFeed
from spotlight_trader.market.lifecycle import Phase
from tests.conftest import until
from tests.fakes.polygon_ws import FakePolygonServer
from tests.fakes.realtime_upstream import FakeRealtime
from tests.integration.test_accounts_api import PASSWORDS, password_server, sign_in
from tests.integration.test_polygon_feed import make_pipeline
from tests.integration.test_voice import KEY, ORIGIN, browser, ready, voice_server


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """Leave logging as it was (pytest's capture handlers, levels, structlog)."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    levels = {name: logging.getLogger(name).level for name in logs.CHATTY}
    config = structlog.get_config()
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, value in levels.items():
        logging.getLogger(name).setLevel(value)
    structlog.configure(**config)


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("> Authorization: Bearer sk-live-abcdefghijkl", "sk-live-abcdefghijkl"),
        ("< sec-websocket-protocol: spotlight.v1, spotlight.token.eyJhbGciOi.x.y", "eyJhbGciOi"),
        ('> TEXT \'{"action":"auth","params":"pk_1234567890"}\' [44 bytes]', "pk_1234567890"),
        ('> TEXT \'{"action": "auth", "params": "pk_12345...\' [90 bytes]', "pk_12345"),
        ("GET https://api.massive.com/v2/aggs?apiKey=pk_secret&limit=5", "pk_secret"),
        ("headers={'cookie': 'session=abc123def'}", "abc123def"),
        (
            "return_value=(b'HTTP/1.1', 200, [(b'set-cookie', b's=abc123def; HttpOnly')])",
            "abc123def",
        ),
        ("headers=[(b'host', b'x'), (b'authorization', b'Basic dXNlcjpwYXNz')]", "dXNlcjpwYXNz"),
        ("subprotocols openai-insecure-api-key.sk-proj-999999999", "sk-proj-999999999"),
        ("token sk-abcdefghijklmnop in a message", "sk-abcdefghijklmnop"),
    ],
)
def test_redact_removes_every_credential_shape(line: str, secret: str) -> None:
    redacted = logs.redact(line)
    assert secret not in redacted
    assert "[redacted]" in redacted


def test_redact_leaves_ordinary_lines_alone() -> None:
    line = '> TEXT \'{"action":"subscribe","params":"T.AAPL,Q.AAPL"}\' [47 bytes]'
    assert logs.redact(line) == line


def test_library_internals_only_at_debug(capfd: pytest.CaptureFixture[str]) -> None:
    logs.configure("info")
    logging.getLogger("alembic.runtime.migration").info("Context impl SQLiteImpl.")
    logging.getLogger("uvicorn.error").info("Started server process [1]")
    logging.getLogger("spotlight_trader.x").info("our own line")
    err = capfd.readouterr().err
    assert "Context impl" not in err and "Started server process" not in err
    assert "our own line" in err
    logs.configure("debug")
    logging.getLogger("alembic.runtime.migration").info("Context impl SQLiteImpl.")
    assert "Context impl" in capfd.readouterr().err


async def test_no_secret_reaches_the_log_at_debug(capfd: pytest.CaptureFixture[str]) -> None:
    logs.configure("debug")
    polygon_key = "pk-polygon-secret-0123456789"
    async with FakePolygonServer(api_key=polygon_key) as server:
        feed = PolygonFeed(polygon_key, ws_url=server.url, backoff_base_s=0.05)
        pipeline = make_pipeline()
        await feed.set_symbols(["AAPL"])
        task = asyncio.create_task(feed.run(pipeline))
        try:
            await until(lambda: pipeline.lifecycle.state.phase is Phase.LIVE)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
    async with (
        FakeRealtime() as fake,
        voice_server(fake) as (base, service),
        httpx.AsyncClient(base_url=base) as http,
    ):
        token = (await http.post("/api/voice/token", headers={"Origin": ORIGIN})).json()["token"]
        ws = await browser(base, token)
        await ready(ws)
        await ws.close()
        # nor any answer: metrics, status, health, the schema, refusals and errors
        bad_ws = await browser(base, token[:-4] + "AAAA")
        answers = [
            (await http.get(path)).text
            for path in ("/metrics", "/api/voice/status", "/healthz", "/readyz", "/openapi.json")
        ]
        answers.append((await http.post("/api/voice/token", headers={"Origin": "http://x"})).text)
        answers.append((await http.get("/api/bars", params={"symbol": token[:8]})).text)
        await bad_ws.wait_closed()
        answers.append(str(bad_ws.close_reason))
        session_secret = service.settings.session_secret.get_secret_value()
    out = capfd.readouterr()
    text = out.out + out.err
    assert "> GET" in text or "= connection is OPEN" in text  # debug lines were written
    for secret in (polygon_key, KEY, token, token.split(".")[2], session_secret):
        assert secret not in text
        for answer in answers:
            assert secret not in answer


async def test_sign_in_and_tokens_log_no_password_cookie_or_token(
    capfd: pytest.CaptureFixture[str],
) -> None:
    logs.configure("debug")
    async with password_server() as base, httpx.AsyncClient(base_url=base, timeout=30) as http:
        origin = {"Origin": base}
        refused = await http.post(
            "/api/auth/login", json={"name": "alice", "password": "alice's wrong password"}
        )
        assert refused.status_code == 401
        signed_in = await sign_in(http, "alice")
        assert signed_in.status_code == 200, signed_in.text
        cookie = next(iter(http.cookies.values()))
        made = await http.post("/api/account/tokens", json={"name": "script"}, headers=origin)
        assert made.status_code == 201, made.text
        api_token = made.json()["token"]
        answers = [made.text]
        async with httpx.AsyncClient(base_url=base, timeout=30) as script:
            used = await script.get(
                "/api/symbols", headers={"Authorization": f"Bearer {api_token}"}
            )
            assert used.status_code == 200
            answers.append(
                (await script.get("/api/symbols", headers={"Cookie": f"x={cookie}"})).text
            )
        answers += [(await http.get(path)).text for path in ("/metrics", "/api/account/settings")]
        assert (await http.post("/api/auth/logout", headers=origin)).status_code in {200, 204}
    out = capfd.readouterr()
    text = out.out + out.err
    assert "sign" in text.lower() or "login" in text.lower()  # the flow was logged
    for secret in (PASSWORDS["alice"], "alice's wrong password", cookie, api_token):
        leaks = [line for line in text.splitlines() if secret in line]
        assert leaks == [], leaks[:3]
        for answer in answers[1:]:
            assert secret not in answer
