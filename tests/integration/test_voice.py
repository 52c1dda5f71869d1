"""Voice coach: token endpoint and the /ws/realtime proxy against a fake upstream, through a
real uvicorn server (tests/fakes/realtime_upstream.py)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import jwt
import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from spotlight_trader.coach.tokens import AUDIENCE, DISABLED_REASON, mint_token
from spotlight_trader.model import Signal
from spotlight_trader.runtime.ingest import Ingest
from spotlight_trader.storage.db import database_url
from spotlight_trader.storage.preferences import Preferences
from tests.conftest import free_port, make_service, running_server, until
from tests.factories import repositories
from tests.fakes.feeds import ScriptedFeed
from tests.fakes.realtime_upstream import FakeRealtime, UpstreamConn

KEY = "sk-upstream-test-key"
SECRET = "test-session-secret-of-sufficient-length"
ORIGIN = "http://127.0.0.1:8000"


def voice_service(upstream_url: str | None, **overrides: Any) -> Ingest:
    settings: dict[str, Any] = {
        "session_secret": SECRET,
        "watchlist": "SPY,AAPL",
        "voice_heartbeat_s": 5.0,
    }
    if upstream_url is not None:
        settings |= {"openai_api_key": KEY, "realtime_url": upstream_url}
    settings |= overrides
    return make_service(ScriptedFeed([], hold=True), **settings)


@contextlib.asynccontextmanager
async def voice_server(
    fake: FakeRealtime | None, **overrides: Any
) -> AsyncIterator[tuple[str, Ingest]]:
    service = voice_service(fake.url if fake else None, **overrides)
    async with running_server(service) as base:
        yield base, service


def ws_url(base: str) -> str:
    return base.replace("http://", "ws://") + "/ws/realtime"


def token_for(service: Ingest, user: str = "local") -> str:
    return mint_token(service.settings, user)[0]


async def browser(base: str, token: str, origin: str | None = ORIGIN) -> ClientConnection:
    return await connect(
        ws_url(base),
        origin=origin,  # type: ignore[arg-type]
        subprotocols=["spotlight.v1", f"spotlight.token.{token}"],  # type: ignore[list-item]
    )


async def recv_json(ws: ClientConnection, wait_s: float = 5.0) -> dict[str, Any]:
    frame = await asyncio.wait_for(ws.recv(), wait_s)
    event: dict[str, Any] = json.loads(frame)
    return event


async def recv_until(ws: ClientConnection, kind: str, wait_s: float = 5.0) -> dict[str, Any]:
    deadline = time.monotonic() + wait_s
    while True:
        event = await recv_json(ws, max(0.01, deadline - time.monotonic()))
        if event.get("type") == kind:
            return event


async def closed_with(ws: ClientConnection, wait_s: float = 5.0) -> tuple[int, str, list[Any]]:
    """Read until the close; (code, reason, events seen)."""
    seen: list[Any] = []
    with pytest.raises(ConnectionClosed) as info:
        async with asyncio.timeout(wait_s):
            while True:
                seen.append(json.loads(await ws.recv()))
    rcvd = info.value.rcvd
    assert rcvd is not None
    return rcvd.code, rcvd.reason, seen


async def ready(ws: ClientConnection) -> None:
    event = await recv_until(ws, "spotlight.session")
    assert event == {"type": "spotlight.session", "state": "ready", "reason": None}


# ----------------------------------------------------------------------------- HTTP


async def test_without_key_status_says_how_to_enable_and_token_is_503() -> None:
    async with voice_server(None) as (base, _), httpx.AsyncClient(base_url=base) as http:
        status = (await http.get("/api/voice/status")).json()
        assert status == {"enabled": False, "reason": DISABLED_REASON, "model": "gpt-realtime-2.1"}
        response = await http.post("/api/voice/token")
        assert response.status_code == 503
        assert response.json() == {"error": DISABLED_REASON, "field": None}


async def test_token_contract_and_rate_limit() -> None:
    async with (
        FakeRealtime() as fake,
        voice_server(fake) as (base, service),
        httpx.AsyncClient(base_url=base) as http,
    ):
        assert (await http.get("/api/voice/status")).json()["enabled"] is True
        response = await http.post("/api/voice/token")
        assert response.status_code == 200
        assert response.headers["cache-control"] == "no-store"
        body = response.json()
        assert set(body) == {"token", "expires_at_ms", "ws_path"}
        assert body["ws_path"] == "/ws/realtime"
        claims = jwt.decode(body["token"], SECRET, algorithms=["HS256"], audience=AUDIENCE)
        assert claims["sub"] == "local"
        assert claims["jti"]
        assert abs(claims["exp"] - time.time() - 60) < 5
        assert body["expires_at_ms"] == claims["exp"] * 1000
        for _ in range(service.settings.voice_token_rate_per_min - 1):
            assert (await http.post("/api/voice/token")).status_code == 200
        limited = await http.post("/api/voice/token")
        assert limited.status_code == 429
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        assert "too many voice tokens" in limited.json()["error"]
        assert "/api/voice/token" in (await http.get("/openapi.json")).json()["paths"]


async def test_token_refused_to_a_foreign_browser_origin() -> None:
    async with (
        FakeRealtime() as fake,
        voice_server(fake, admin_origin="http://localhost:5173/") as (base, _),
        httpx.AsyncClient(base_url=base) as http,
    ):
        foreign = await http.post("/api/voice/token", headers={"Origin": "https://evil.example"})
        assert foreign.status_code == 403
        # refused by the CSRF check every state-changing request passes (api/hardening.py)
        assert foreign.json()["error"].startswith("cross-origin request refused")
        for origin in (ORIGIN, "http://localhost:5173"):
            ok = await http.post("/api/voice/token", headers={"Origin": origin})
            assert ok.status_code == 200


# ----------------------------------------------------------------------------- admission


async def test_bad_tokens_and_origins_are_refused_with_a_reason(
    capsys: pytest.CaptureFixture[str],
) -> None:
    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        settings = service.settings
        now = time.time()
        expired = mint_token(settings, "local", now_s=now - 120)[0]
        wrong_aud = jwt.encode(
            {
                "sub": "local",
                "aud": "someone-else",
                "iat": int(now),
                "exp": int(now) + 60,
                "jti": "x",
            },
            SECRET,
            algorithm="HS256",
        )
        forged = jwt.encode(
            {"sub": "local", "aud": AUDIENCE, "iat": int(now), "exp": int(now) + 60, "jti": "x"},
            "another-secret-of-sufficient-length!",
            algorithm="HS256",
        )
        good = token_for(service)
        cases = [
            (await browser(base, expired), 1008, "expired"),
            (await browser(base, wrong_aud), 1008, "audience"),
            (await browser(base, forged), 1008, "bad signature"),
            (await browser(base, "not-a-jwt"), 1008, "malformed"),
            (await browser(base, good, origin="https://evil.example"), 1008, "origin not allowed"),
            # no Origin and the token only in a subprotocol: a browser context we cannot trust
            (await browser(base, good, origin=None), 1008, "missing Origin"),
            (await connect(ws_url(base), origin=ORIGIN), 1008, "missing token"),  # type: ignore[arg-type]
        ]
        for ws, code, words in cases:
            got_code, reason, _ = await closed_with(ws)
            assert (got_code, words in reason) == (code, True), reason
            assert good not in reason
        assert fake.connections == []  # nothing reached the upstream
        async with httpx.AsyncClient(base_url=base) as http:
            metrics = (await http.get("/metrics")).text
        assert 'spotlight_voice_refusals_total{code="1008"} 7.0' in metrics
        # the SDK way: no Origin, Authorization header → admitted
        ws = await connect(ws_url(base), additional_headers={"Authorization": f"Bearer {good}"})
        await ready(ws)
        assert ws.subprotocol is None
        await ws.close()
    logged = capsys.readouterr()
    assert "voice connection refused" in logged.out + logged.err
    for token in (good, expired, wrong_aud, forged):
        assert token not in logged.out + logged.err


async def test_browser_subprotocol_is_echoed() -> None:
    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        ws = await browser(base, token_for(service))
        assert ws.subprotocol == "spotlight.v1"
        await ready(ws)
        conn = await fake.connection()
        assert conn.path == "/v1/realtime?model=gpt-realtime-2.1"
        assert conn.headers["Authorization"] == f"Bearer {KEY}"
        assert "OpenAI-Beta" not in conn.headers
        await ws.close()


def _signed(claims: dict[str, Any]) -> str:
    return jwt.encode({"aud": AUDIENCE, **claims}, SECRET, algorithm="HS256")


async def test_weak_voice_tokens_are_refused() -> None:
    """Correctly signed, but: a 10-year lifetime, issued in the future, no iat, a subject
    naming no user, or used a second time."""
    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        now = int(time.time())
        ten_years = 10 * 365 * 86_400
        ttl = service.settings.voice_token_ttl_s
        cases = [
            (_signed({"sub": "local", "iat": now, "exp": now + ten_years, "jti": "a"}), "lifetime"),
            (_signed({"sub": "local", "iat": now, "exp": now + ttl + 1, "jti": "b"}), "lifetime"),
            (_signed({"sub": "local", "iat": now + 600, "exp": now + 630, "jti": "c"}), "lifetime"),
            (_signed({"sub": "local", "exp": now + 30, "jti": "d"}), "iat"),
            (_signed({"sub": "ghost", "iat": now, "exp": now + 30, "jti": "e"}), "unknown user"),
        ]
        for token, words in cases:
            code, reason, _ = await closed_with(await browser(base, token))
            assert (code, words in reason) == (1008, True), reason
        once = token_for(service)
        first = await browser(base, once)
        await ready(first)
        await first.close()
        code, reason, _ = await closed_with(await browser(base, once))
        assert (code, reason) == (1008, "voice token already used: fetch a new one")
        # the longest allowed lifetime is fine
        ok = await browser(
            base, _signed({"sub": "local", "iat": now, "exp": now + ttl, "jti": "f"})
        )
        await ready(ok)
        await ok.close()
        assert len(fake.connections) == 2


async def test_fourth_connection_refused_and_abrupt_close_frees_a_slot() -> None:
    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        open_ = [await browser(base, token_for(service)) for _ in range(3)]
        for ws in open_:
            await ready(ws)
        fourth = await browser(base, token_for(service))
        code, reason, _ = await closed_with(fourth)
        assert code == 4029
        assert "at most 3" in reason
        # another user has their own slots
        async with repositories(database_url(service.settings), users=["someone"]):
            pass
        other = await browser(base, token_for(service, "someone"))
        await ready(other)
        # die without a close frame
        open_[0].transport.abort()
        deadline = time.monotonic() + 30  # a hang guard sized for a loaded machine
        while True:
            ws = await browser(base, token_for(service))
            try:
                await ready(ws)
                break
            except ConnectionClosed:
                assert time.monotonic() < deadline, "slot never freed"
                await asyncio.sleep(0.05)
        assert service.settings.voice_max_connections == 3
        for live in [*open_[1:], ws, other]:
            await live.close()


# ----------------------------------------------------------------------------- proxying


async def test_the_users_coach_preferences_shape_the_session() -> None:
    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        prefs = Preferences(coach_voice="cedar", coach_verbosity="brief")
        await service.components.preferences.put(prefs, user="local")
        ws = await browser(base, token_for(service))
        await ready(ws)
        session = (await fake.connection()).received[0]["session"]
        assert session["audio"]["output"]["voice"] == "cedar"
        assert "brevity" in session["instructions"]
        await ws.close()
        await service.components.preferences.put(Preferences(), user="local")
        ws = await browser(base, token_for(service))
        await ready(ws)
        session = (await fake.connection(1)).received[0]["session"]
        assert session["audio"]["output"]["voice"] == "marin"  # REALTIME_VOICE
        assert "brevity" not in session["instructions"]
        await ws.close()


async def test_session_update_is_first_and_early_frames_are_held_in_order() -> None:
    async with (
        FakeRealtime(handshake_delay_s=0.3) as fake,
        voice_server(fake) as (base, service),
    ):
        ws = await browser(base, token_for(service))
        early = [
            {"type": "input_audio_buffer.append", "audio": "AAAA"},
            {"type": "spotlight.context", "symbol": "nvda", "timeframe": 5},
            {"type": "input_audio_buffer.append", "audio": "BBBB"},
            {"type": "conversation.item.create", "item": {"type": "message", "role": "user"}},
        ]
        for event in early:
            await ws.send(json.dumps(event))
        await ready(ws)
        conn = await fake.connection()
        await conn.wait_for("conversation.item.create")
        first = conn.received[0]
        assert first["type"] == "session.update"
        session = first["session"]
        assert session["type"] == "realtime"
        assert "NVDA on the 5-minute chart" in session["instructions"]
        assert session["audio"]["input"]["format"] == {"type": "audio/pcm", "rate": 24000}
        assert session["audio"]["output"]["format"] == {"type": "audio/pcm", "rate": 24000}
        assert session["audio"]["output"]["voice"] == "marin"
        assert session["audio"]["input"]["turn_detection"]["type"] == "server_vad"
        assert session["audio"]["input"]["transcription"]["model"]
        assert {t["name"] for t in session["tools"]} >= {"get_market_snapshot", "get_watchlist"}
        assert conn.received[1:] == [early[0], early[2], early[3]]  # spotlight.* not forwarded
        # a later context change updates the instructions only
        await ws.send(json.dumps({"type": "spotlight.context", "symbol": "TSLA"}))
        await conn.wait_for("session.update", 2)
        update = conn.received[-1]
        assert update["session"]["type"] == "realtime"
        assert "TSLA on the 1-minute chart" in update["session"]["instructions"]
        assert set(update["session"]) == {"type", "instructions"}
        await ws.send(json.dumps({"type": "spotlight.context", "symbol": "not a symbol"}))
        assert (await recv_until(ws, "error"))["error"]["code"] == "invalid_spotlight_context"
        await ws.send(json.dumps({"type": "spotlight.context", "symbol": "SPY", "timeframe": 0}))
        assert (await recv_until(ws, "error"))["error"]["code"] == "invalid_spotlight_context"
        await ws.send(json.dumps({"type": "spotlight.nope"}))
        error = await recv_until(ws, "error")
        assert error["error"]["code"] == "unknown_spotlight_event"
        assert all(not t.startswith("spotlight.") for t in conn.types())
        await ws.close()


async def test_audio_cancel_and_truncate_pass_through() -> None:
    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        fake.hold_responses = True
        ws = await browser(base, token_for(service))
        await ready(ws)
        conn = await fake.connection()
        await conn.send(
            {
                "type": "input_audio_buffer.speech_started",
                "audio_start_ms": 10,
                "item_id": "msg_1",
                "event_id": "e1",
            }
        )
        assert (await recv_until(ws, "input_audio_buffer.speech_started"))["item_id"] == "msg_1"
        await ws.send(json.dumps({"type": "response.create"}))
        delta = await recv_until(ws, "response.output_audio.delta")
        assert len(delta["delta"]) == 1280  # 20 ms of 24 kHz PCM16, untouched
        await recv_until(ws, "response.output_audio_transcript.delta")
        cancel = {"type": "response.cancel"}
        truncate = {
            "type": "conversation.item.truncate",
            "item_id": delta["item_id"],
            "content_index": 0,
            "audio_end_ms": 20,
        }
        await ws.send(json.dumps(cancel))
        await ws.send(json.dumps(truncate))
        done = await recv_until(ws, "response.done")
        assert done["response"]["status"] == "cancelled"
        truncated = await recv_until(ws, "conversation.item.truncated")
        assert truncated["audio_end_ms"] == 20
        await conn.wait_for("conversation.item.truncate")
        assert conn.received[-2:] == [cancel, truncate]  # byte-for-byte the client's events
        # a cancel with nothing active: the upstream error passes through, the session lives
        await ws.send(json.dumps(cancel))
        error = await recv_until(ws, "error")
        assert error["error"]["code"] == "response_cancel_not_active"
        await ws.send(json.dumps({"type": "input_audio_buffer.append", "audio": "AAAA"}))
        await conn.wait_for("input_audio_buffer.append")
        await ws.close()


async def test_client_close_closes_upstream_with_reason() -> None:
    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        ws = await browser(base, token_for(service))
        await ready(ws)
        conn = await fake.connection()
        await ws.close()
        await asyncio.wait_for(conn.closed.wait(), 5)
        assert conn.close_code == 1000
        assert conn.close_reason == "client closed (1000)"


async def test_upstream_close_closes_client_with_reason() -> None:
    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        ws = await browser(base, token_for(service))
        await ready(ws)
        conn = await fake.connection()
        await conn.ws.close(1011, "server error")
        code, reason, seen = await closed_with(ws)
        assert code == 1011
        assert "upstream" in reason
        assert seen[-1]["type"] == "spotlight.session"
        assert seen[-1]["state"] == "closing"


async def test_upstream_session_expiry_is_reported() -> None:
    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        ws = await browser(base, token_for(service))
        await ready(ws)
        conn = await fake.connection()
        await conn.send(
            {
                "type": "error",
                "event_id": "e9",
                "error": {
                    "type": "invalid_request_error",
                    "code": "session_expired",
                    "message": "Your session hit the maximum duration of 60 minutes.",
                    "param": None,
                    "event_id": None,
                },
            }
        )
        code, reason, seen = await closed_with(ws)
        assert code == 4002
        assert "maximum duration" in reason
        assert seen[-2]["type"] == "error"
        assert seen[-1] == {"type": "spotlight.session", "state": "expired", "reason": reason}
        await asyncio.wait_for(conn.closed.wait(), 5)


async def test_upstream_unreachable() -> None:
    dead = f"ws://127.0.0.1:{free_port()}/v1/realtime"
    service = voice_service(dead)
    async with running_server(service) as base:
        for _ in range(service.settings.voice_max_connections + 1):  # each frees its slot
            ws = await browser(base, token_for(service))
            code, reason, seen = await closed_with(ws)
            assert code == 1011
            assert reason.startswith("upstream unreachable")
            assert seen == [{"type": "spotlight.session", "state": "closing", "reason": reason}]
        async with httpx.AsyncClient(base_url=base) as http:
            assert "spotlight_voice_sessions 0.0" in (await http.get("/metrics")).text


async def test_upstream_heartbeat_lost_closes_client() -> None:
    async with FakeRealtime() as fake, voice_server(fake, voice_heartbeat_s=0.2) as (base, svc):
        ws = await browser(base, token_for(svc))
        await ready(ws)
        conn = await fake.connection()
        conn.freeze()
        code, reason, _ = await closed_with(ws)
        assert (code, reason) == (1011, "upstream heartbeat lost")


async def test_client_heartbeat_lost_closes_upstream() -> None:
    async with FakeRealtime() as fake, voice_server(fake, voice_heartbeat_s=0.2) as (base, svc):
        ws = await browser(base, token_for(svc))
        await ready(ws)
        conn = await fake.connection()
        ws.transport.pause_reading()  # pings from the server go unanswered
        await asyncio.wait_for(conn.closed.wait(), 5)
        assert conn.close_code == 1000
        assert conn.close_reason == "client connection lost (heartbeat or network)"
        ws.transport.abort()


async def test_idle_timeout_and_max_session_length() -> None:
    async with FakeRealtime() as fake, voice_server(fake, voice_idle_timeout_s=0.3) as (base, s):
        ws = await browser(base, token_for(s))
        await ready(ws)
        code, reason, seen = await closed_with(ws)
        assert (code, reason) == (4000, "idle timeout")
        assert seen[-1] == {"type": "spotlight.session", "state": "closing", "reason": reason}
        assert (await fake.connection()).close_reason == "idle timeout"
    async with FakeRealtime() as fake, voice_server(fake, voice_max_session_s=0.5) as (base, s):
        ws = await browser(base, token_for(s))
        await ready(ws)
        started = time.monotonic()
        with contextlib.suppress(ConnectionClosed):
            while time.monotonic() - started < 3:  # active: idle never fires
                await ws.send(json.dumps({"type": "input_audio_buffer.append", "audio": "AA"}))
                await asyncio.sleep(0.05)
        assert ws.close_code == 4001
        assert ws.close_reason == "maximum session length reached"


# ----------------------------------------------------------------------------- tools


def tool_turn(name: str, call_id: str, arguments: dict[str, Any]) -> Any:
    async def script(conn: UpstreamConn, _event: dict[str, Any]) -> None:
        await conn.function_call(f"resp_{call_id}", call_id, name, arguments)

    return script


async def test_tool_calls_run_exactly_once_and_the_browser_sees_them() -> None:
    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        fake.responses = [
            tool_turn("get_watchlist", "call_1", {}),
            tool_turn("no_such_tool", "call_2", {}),
        ]
        ws = await browser(base, token_for(service))
        await ready(ws)
        conn = await fake.connection()
        await ws.send(json.dumps({"type": "response.create"}))
        started = await recv_until(ws, "spotlight.tool")
        assert started == {
            "type": "spotlight.tool",
            "name": "get_watchlist",
            "call_id": "call_1",
            "status": "started",
        }
        done = await recv_until(ws, "spotlight.tool")
        assert done["status"] == "done"
        # the proxy answered: output item, then response.create → next scripted turn
        await conn.wait_for("response.create", 2)
        outputs = [e for e in conn.received if e["type"] == "conversation.item.create"]
        item = outputs[0]["item"]
        assert item["type"] == "function_call_output"
        assert item["call_id"] == "call_1"
        assert json.loads(item["output"])["symbols"][0]["symbol"] == "SPY"
        failed = [await recv_until(ws, "spotlight.tool") for _ in range(2)]
        assert [f["status"] for f in failed] == ["started", "error"]
        await conn.wait_for("response.create", 3)  # after the error output, a spoken turn
        spoken = await recv_until(ws, "response.done")
        assert spoken["response"]["output"][0]["type"] == "message"
        await asyncio.sleep(0.2)
        outputs = [e for e in conn.received if e["type"] == "conversation.item.create"]
        assert [o["item"]["call_id"] for o in outputs] == ["call_1", "call_2"]
        assert "unknown tool" in json.loads(outputs[1]["item"]["output"])["error"]
        assert conn.types().count("response.create") == 3
        await ws.close()


async def test_tool_output_after_a_cancelled_response_asks_for_nothing() -> None:
    async def cancelled_turn(conn: UpstreamConn, _event: dict[str, Any]) -> None:
        await conn.function_call("resp_c", "call_c", "get_watchlist", {}, status="cancelled")

    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        fake.responses = [cancelled_turn]
        ws = await browser(base, token_for(service))
        await ready(ws)
        conn = await fake.connection()
        await ws.send(json.dumps({"type": "response.create"}))
        await conn.wait_for("conversation.item.create")
        await asyncio.sleep(0.3)
        assert conn.types().count("response.create") == 1  # only the client's
        assert conn.received[-1]["item"]["call_id"] == "call_c"
        await ws.close()


def alert(symbol: str, explanation: str, user: str = "local") -> Signal:
    """A stored-looking signal of ``user``'s rule."""
    return Signal(
        id=1, rule_id=1, rule_name="VWAP reclaim", version=1, symbol=symbol, seq=1,
        ts_ms=60_000, direction="long", inputs={}, explanation=explanation, user_id=user,
    )  # fmt: skip


async def test_proactive_alerts_are_the_users_own_on_the_users_watchlist() -> None:
    async with (
        FakeRealtime() as fake,
        voice_server(fake, voice_proactive_alerts=True) as (base, service),
    ):
        ws = await browser(base, token_for(service))
        await ready(ws)
        conn = await fake.connection()
        await until(lambda: service.bus.subscriber_count("signal:SPY") > 0)
        service.bus.publish("signal:SPY", alert("SPY", "another trader's rule", user="bob"))
        service.bus.publish("signal:ZZZZ", alert("ZZZZ", "not on the watchlist"))
        service.bus.publish("signal:SPY", alert("SPY", "SPY reclaimed VWAP on 2x volume"))
        await conn.wait_for("response.create")
        items = [e for e in conn.received if e["type"] == "conversation.item.create"]
        assert len(items) == 1
        text = items[0]["item"]["content"][0]["text"]
        assert "SPY reclaimed VWAP" in text
        # Another user's watchlist change is not followed; the user's own is.
        await service.components.users.add_user("bob")
        await service.add_symbol("ZZZZ", user="bob")
        await service.add_symbol("QQQ", user="local")
        await until(lambda: service.bus.subscriber_count("signal:QQQ") > 0)
        assert service.bus.subscriber_count("signal:ZZZZ") == 0
        service.bus.publish("signal:QQQ", alert("QQQ", "QQQ opening range break"))
        await conn.wait_for("response.create", 2)
        texts = [
            e["item"]["content"][0]["text"]
            for e in conn.received
            if e["type"] == "conversation.item.create"
        ]
        assert len(texts) == 2
        assert "QQQ opening range break" in texts[1]
        await ws.close()


async def test_proactive_alerts_off_by_default() -> None:
    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        ws = await browser(base, token_for(service))
        await ready(ws)
        assert service.bus.subscriber_count("signal:SPY") == 0
        await ws.close()


async def test_voice_disabled_refuses_the_websocket() -> None:
    service = voice_service(None)
    async with running_server(service) as base:
        ws = await browser(base, token_for(service))
        code, reason, seen = await closed_with(ws)
        assert (code, reason, seen) == (4503, DISABLED_REASON, [])


async def test_held_frames_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from spotlight_trader.coach import session

    monkeypatch.setattr(session, "MAX_HELD", 20)
    async with (
        FakeRealtime(handshake_delay_s=1.0) as fake,
        voice_server(fake) as (base, service),
    ):
        ws = await browser(base, token_for(service))
        for _ in range(25):
            await ws.send(json.dumps({"type": "input_audio_buffer.append", "audio": "AAAA"}))
        code, reason, _ = await closed_with(ws)
        assert (code, reason) == (1011, "upstream not ready: too many frames held")


async def test_bytes_held_while_connecting_are_bounded() -> None:
    async with (
        FakeRealtime(handshake_delay_s=2.0) as fake,
        voice_server(fake, voice_max_held_bytes=65_536) as (base, service),
    ):
        ws = await browser(base, token_for(service))
        audio = "A" * 20_000  # 4 frames: 80 KB > 64 KiB, far below MAX_HELD frames
        for _ in range(4):
            await ws.send(json.dumps({"type": "input_audio_buffer.append", "audio": audio}))
        code, reason, _ = await closed_with(ws)
        assert (code, reason) == (1009, "upstream not ready: too many bytes held")
        assert fake.connections == [] or all(
            e["type"] != "input_audio_buffer.append" for c in fake.connections for e in c.received
        )


async def test_a_message_over_the_limit_closes_the_session() -> None:
    async with (
        FakeRealtime() as fake,
        voice_server(fake, voice_max_message_bytes=4_096) as (base, service),
    ):
        ws = await browser(base, token_for(service))
        await ready(ws)
        await ws.send(json.dumps({"type": "input_audio_buffer.append", "audio": "A" * 4_000}))
        await ws.send(json.dumps({"type": "input_audio_buffer.append", "audio": "A" * 5_000}))
        code, reason, _ = await closed_with(ws)
        assert (code, reason) == (1009, "message larger than 4096 bytes")
