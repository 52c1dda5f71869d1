"""The official ``openai`` SDK as a client: a whole session through the proxy to the fake."""

from __future__ import annotations

import asyncio
from typing import Any

from openai import AsyncOpenAI
from openai.types.realtime import SessionUpdateEvent

from spotlight_trader.coach import policy
from spotlight_trader.coach.tools import REGISTRY
from tests.conftest import make_settings
from tests.fakes.realtime_upstream import FakeRealtime
from tests.integration.test_voice import KEY, token_for, voice_server


def test_session_update_is_valid_for_the_sdk() -> None:
    settings = make_settings()
    event = policy.session_update(settings, policy.ViewContext("SPY", 5), REGISTRY.schemas())
    parsed = SessionUpdateEvent.model_validate(event)
    assert parsed.session.type == "realtime"
    SessionUpdateEvent.model_validate(policy.instructions_update(None))


async def test_sdk_completes_a_session_through_the_proxy() -> None:
    async with FakeRealtime() as fake, voice_server(fake) as (base, service):
        port = base.rsplit(":", 1)[1]
        client = AsyncOpenAI(
            api_key=token_for(service), websocket_base_url=f"ws://127.0.0.1:{port}/ws"
        )
        seen: list[str] = []
        async with client.realtime.connect(model="gpt-realtime-2.1") as conn:
            async with asyncio.timeout(10):
                async for event in conn:
                    seen.append(event.type)
                    if str(event.type) == "spotlight.session":  # ours, not in the SDK's types
                        ours: Any = {"type": "spotlight.context", "symbol": "AAPL"}
                        await conn.send(ours)  # the proxy's own event: not in the SDK's types
                        await conn.conversation.item.create(
                            item={
                                "type": "message",
                                "role": "user",
                                "content": [{"type": "input_text", "text": "How is AAPL?"}],
                            }
                        )
                        await conn.response.create()
                    if event.type == "response.done":
                        await conn.response.cancel()
                    if event.type == "error":
                        assert event.error.code == "response_cancel_not_active"
                        break
        upstream = fake.connections[0]
        assert upstream.headers["Authorization"] == f"Bearer {KEY}"  # never the JWT
        assert upstream.types()[0] == "session.update"
        assert upstream.types()[1:] == [
            "session.update",  # the spotlight.context change
            "conversation.item.create",
            "response.create",
            "response.cancel",
        ]
        assert seen[:3] == ["session.created", "session.updated", "spotlight.session"]
        assert "response.output_audio.delta" in seen
        assert "response.output_audio_transcript.delta" in seen
        assert seen[-2:] == ["response.done", "error"]
