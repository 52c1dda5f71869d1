"""Webhooks end to end: a real server delivers a signal to a real local HTTP receiver that
fails, stalls and then succeeds; the delivery log, the headers and the logs are checked."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import uvicorn

from spotlight_trader.model import MINUTE_MS, Trade
from tests.conftest import free_port, make_service, running_server, until
from tests.fakes.feeds import ScriptedFeed

START = 1_704_207_600_000  # 2024-01-02 10:00 ET
SECRET = "whsec-9f8e7d6c5b4a"
HOOK_PATH = "/hook/private-path-token"

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


@dataclass
class Receiver:
    """Answers its requests in turn: an int is a status, "stall" never answers (until the
    test ends); every request is kept."""

    script: list[int | str]
    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    release: asyncio.Event = field(default_factory=asyncio.Event)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        content = b""
        while True:
            message = await receive()
            content += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        self.requests.append((headers, content))
        step = self.script[min(len(self.requests), len(self.script)) - 1]
        if step == "stall":
            await self.release.wait()
            step = 200
        await send({"type": "http.response.start", "status": int(step), "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


@contextlib.asynccontextmanager
async def serving(app: Receiver) -> AsyncIterator[str]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    task = asyncio.create_task(server.serve())
    await until(lambda: server.started or task.done())
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        app.release.set()
        server.should_exit = True
        await asyncio.wait_for(task, 10)


def tape() -> list[Trade]:
    return [Trade("SPY", START + m * MINUTE_MS + 1_000, 100.0 + m, 100.0) for m in range(3)]


async def one_signal(client: httpx.AsyncClient) -> int:
    """A custom rule that fires once (on the first bar with close > 100)."""
    rule = await client.post(
        "/api/rules",
        json={"name": "Above 100", "expression": "close > 100", "frequency": "once"},
    )
    assert rule.status_code == 201
    return int(rule.json()["id"])


async def test_fails_stalls_then_succeeds(capfd: pytest.CaptureFixture[str]) -> None:
    receiver = Receiver([500, "stall", 200])
    feed = ScriptedFeed(tape(), batch=1, hold=True)
    service = make_service(feed, watchlist="SPY", webhook_backoff_s=0.05, webhook_attempts=4)
    async with (
        serving(receiver) as hook,
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        rule_id = await one_signal(client)
        target = {
            "url": hook + HOOK_PATH,
            "template": '{"text": "{{ticker}} closed {{close}} ({{rule}})"}',
            "secret": SECRET,
        }
        put = await client.put(f"/api/rules/{rule_id}/webhook", json=target)
        assert put.status_code == 200 and SECRET not in put.text
        shown = (await client.get(f"/api/rules/{rule_id}/webhook")).json()
        assert shown == {
            "url": target["url"],
            "template": target["template"],
            "enabled": True,
            "has_secret": True,
        }
        feed.release.set()
        await asyncio.wait_for(feed.done.wait(), 30)
        await until(lambda: service.engine.signals == 1 and service.engine.idle)
        await until(lambda: service.webhooks.idle, within_s=60)
        log = (await client.get(f"/api/rules/{rule_id}/webhook/deliveries")).json()["deliveries"]
        (signal,) = (await client.get("/api/signals")).json()["signals"]
        metrics = (await client.get("/metrics")).text

    assert [(d["attempt"], d["status_code"]) for d in log] == [(3, 200), (2, None), (1, 500)]
    assert log[1]["error"] == "timeout after 3 s" and log[1]["duration_ms"] >= 2_900
    assert {d["signal_key"] for d in log} == {signal["key"]}
    assert len(receiver.requests) == 3
    for headers, content in receiver.requests:
        assert headers["idempotency-key"] == signal["key"]
        assert headers["content-type"] == "application/json"
        mac = hmac.new(
            SECRET.encode(), headers["x-spotlight-timestamp"].encode() + b"." + content, "sha256"
        )
        assert headers["x-spotlight-signature"] == "sha256=" + mac.hexdigest()
        assert json.loads(content) == {"text": "SPY closed 101 (Above 100)"}
    assert 'spotlight_webhook_signals_total{outcome="delivered"} 1.0' in metrics
    out, err = capfd.readouterr()
    assert SECRET not in out + err and "private-path-token" not in out + err


async def test_user_webhook_applies_and_a_4xx_is_final() -> None:
    receiver = Receiver([404])
    feed = ScriptedFeed(tape(), batch=1, hold=True)
    service = make_service(feed, watchlist="SPY", webhook_backoff_s=0.05)
    async with (
        serving(receiver) as hook,
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        rule_id = await one_signal(client)
        assert (await client.get(f"/api/rules/{rule_id}/webhook")).status_code == 404
        put = await client.put("/api/webhook", json={"url": hook + "/all"})
        assert put.json()["has_secret"] is False
        feed.release.set()
        await asyncio.wait_for(feed.done.wait(), 30)
        await until(lambda: service.engine.signals == 1 and service.engine.idle)
        await until(lambda: service.webhooks.idle and service.webhooks.failed == 1)
        log = (await client.get(f"/api/rules/{rule_id}/webhook/deliveries")).json()["deliveries"]
        assert (await client.delete("/api/webhook")).status_code == 204
        assert (await client.delete("/api/webhook")).status_code == 404
        bad = await client.put("/api/webhook", json={"url": "file:///etc/passwd"})
        assert bad.status_code == 422 and bad.json()["field"] == "url"
    assert [(d["attempt"], d["status_code"]) for d in log] == [(1, 404)]
    (headers, content) = receiver.requests[0]
    assert "x-spotlight-signature" not in headers
    assert json.loads(content)["message"].startswith("SPY Above 100 (neutral): ")
