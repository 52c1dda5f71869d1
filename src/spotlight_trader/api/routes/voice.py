"""Voice coach routes (docs/voice.md): whether it is enabled, its short-lived tokens, and
the ``/ws/realtime`` WebSocket proxied to the OpenAI Realtime API."""

from __future__ import annotations

import math

from fastapi import APIRouter, WebSocket
from starlette.responses import Response

from spotlight_trader.api.deps import ComponentsDep, CurrentUser, OptionalMarketDep, VoiceStateDep
from spotlight_trader.api.openapi import json_response
from spotlight_trader.api.responses import MsgspecResponse, error_response
from spotlight_trader.api.schemas import VoiceStatus, VoiceToken
from spotlight_trader.coach import admission
from spotlight_trader.coach.policy import CoachStyle
from spotlight_trader.coach.session import VoiceSession
from spotlight_trader.coach.tokens import DISABLED_REASON, mint_token

WS_PATH = "/ws/realtime"

router = APIRouter()  # signed in (the app adds the user dependency)
ws = APIRouter()  # /ws/realtime authenticates with its voice token at admission


@router.get(
    "/api/voice/status", responses=json_response(VoiceStatus), summary="Voice coach availability"
)
async def voice_status(components: ComponentsDep) -> Response:
    """Whether the voice coach is enabled and, if not, how to enable it."""
    settings = components.settings
    enabled = settings.openai_api_key is not None
    return MsgspecResponse(
        VoiceStatus(
            enabled=enabled,
            reason=None if enabled else DISABLED_REASON,
            model=settings.realtime_model,
        )
    )


@router.post(
    "/api/voice/token",
    responses=json_response(VoiceToken),
    summary="A short-lived token for /ws/realtime",
)
async def voice_token(
    user_id: CurrentUser, components: ComponentsDep, voice: VoiceStateDep
) -> Response:
    """Mint a voice token for the requesting user (503 without OPENAI_API_KEY, 429 when
    called too often; a foreign browser origin gets 403 from api/hardening.py)."""
    settings = components.settings
    if settings.openai_api_key is None:
        return error_response(503, DISABLED_REASON)
    retry_after = await voice.limiter.hit(user_id)
    if retry_after is not None:
        response = error_response(
            429, f"too many voice tokens: at most {voice.limiter.limit} per minute"
        )
        response.headers["Retry-After"] = str(max(1, math.ceil(retry_after)))
        return response
    token, expires_at_ms = mint_token(settings, user_id)
    return MsgspecResponse(
        VoiceToken(token=token, expires_at_ms=expires_at_ms, ws_path=WS_PATH),
        headers={"Cache-Control": "no-store"},
    )


@ws.websocket(WS_PATH)
async def realtime_ws(
    websocket: WebSocket,
    components: ComponentsDep,
    voice: VoiceStateDep,
    access: OptionalMarketDep,
) -> None:
    """The voice session: admission (origin, token, enabled, market, slots; a refusal is a
    close code), then one :class:`~spotlight_trader.coach.session.VoiceSession`."""
    settings = components.settings
    user_id = await admission.admit(websocket, settings, voice, market_running=access is not None)
    if user_id is None:
        return
    assert access is not None  # admit() refuses the connection without a market
    try:
        prefs = await components.preferences.get(user=user_id)
        session = VoiceSession(
            websocket,
            user_id,
            settings=settings,
            market=access.view,
            ring=components.ring,
            bus=components.bus,
            rules=components.rules,
            signals=components.signals,
            voice=voice,
            journal=components.journal,
            entries=components.entries,
            watchlists=access.watchlist,
            style=CoachStyle(voice=prefs.coach_voice, verbosity=prefs.coach_verbosity),
        )
        await session.run()
    finally:
        await admission.release(voice, user_id)
