"""The two legs of a voice session.

The client leg is the browser's (or SDK's) WebSocket, kept alive by uvicorn's pings. The
upstream leg is the WebSocket to the Realtime API (``REALTIME_URL?model=REALTIME_MODEL``
with the server's key; ``websockets`` keepalive pings every ``VOICE_HEARTBEAT_S``).
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any
from urllib.parse import quote

import structlog
from starlette.websockets import WebSocket
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidHandshake

from spotlight_trader.coach.admission import UPSTREAM_FAILED, End, close_reason
from spotlight_trader.config import Settings

log = structlog.get_logger(__name__)

UPSTREAM_MAX_SIZE = 32 * 1024 * 1024
UPSTREAM_CONNECT_TIMEOUT_S = 10.0


class ClientLeg:
    """The browser's (or SDK's) WebSocket; ``open`` until it closed or a send failed."""

    def __init__(self, websocket: WebSocket) -> None:
        self.ws = websocket
        self.open = True

    async def send(self, frame: str | bytes) -> None:
        """Forward a frame; a closed leg is noticed by its reader."""
        if not self.open:
            return
        message: dict[str, Any] = {"type": "websocket.send"}
        message["text" if isinstance(frame, str) else "bytes"] = frame
        try:
            await self.ws.send(message)
        except Exception:  # the client went away mid-send
            self.open = False

    async def close(self, code: int, reason: str) -> None:
        """Close it with ``code`` and ``reason``."""
        with contextlib.suppress(Exception):
            await self.ws.close(code, close_reason(reason))
        self.open = False


def upstream_url(settings: Settings) -> str:
    """``REALTIME_URL`` with ``model`` in the query."""
    sep = "&" if "?" in settings.realtime_url else "?"
    return f"{settings.realtime_url}{sep}model={quote(settings.realtime_model)}"


async def open_upstream(settings: Settings) -> ClientConnection | End:
    """Connect to the Realtime API (``Authorization: Bearer OPENAI_API_KEY``, no
    ``OpenAI-Beta``); the :class:`End` when it cannot be reached."""
    key = settings.openai_api_key
    assert key is not None  # admission refused the connection otherwise
    heartbeat = settings.voice_heartbeat_s
    try:
        return await asyncio.wait_for(
            connect(
                upstream_url(settings),
                additional_headers={"Authorization": f"Bearer {key.get_secret_value()}"},
                ping_interval=heartbeat,
                ping_timeout=heartbeat,
                max_size=UPSTREAM_MAX_SIZE,
                compression=None,
                open_timeout=None,
                close_timeout=min(5.0, heartbeat),
            ),
            timeout=UPSTREAM_CONNECT_TIMEOUT_S,
        )
    except (OSError, InvalidHandshake, TimeoutError) as exc:
        detail = type(exc).__name__
        log.warning("voice upstream unreachable", error=detail)
        return End("upstream", UPSTREAM_FAILED, f"upstream unreachable ({detail})")


def upstream_end(upstream: ClientConnection) -> End:
    """How a closed upstream leg ends the session: a lost heartbeat or connection is 1011,
    a normal close 1000, the upstream's own 4xxx codes pass through."""
    code = upstream.close_code
    reason = upstream.close_reason or ""
    sent = upstream.protocol.close_sent
    if sent is not None and sent.code == 1011 and "keepalive" in sent.reason:
        return End("upstream", UPSTREAM_FAILED, "upstream heartbeat lost")
    if code is None or code in (1006, 1011, 1012, 1013, 1014):
        return End("upstream", UPSTREAM_FAILED, f"upstream connection lost ({code})")
    out = code if code == 1000 or 4000 <= code <= 4999 else UPSTREAM_FAILED
    return End("upstream", out, f"upstream closed ({code}) {reason}".strip())
