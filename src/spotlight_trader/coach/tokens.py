"""Voice tokens: short-lived HS256 JWTs that let a browser (or the SDK) open /ws/realtime.

``POST /api/voice/token`` mints one for the requesting user (rate-limited per user);
``GET /api/voice/status`` says whether the coach is enabled. The OpenAI key never leaves
the server: the proxy authenticates upstream itself.
"""

from __future__ import annotations

import math
import time
import uuid
from dataclasses import dataclass, field

import jwt
from fastapi import APIRouter, Request
from starlette.responses import Response

from spotlight_trader.api.openapi import json_response
from spotlight_trader.api.responses import MsgspecResponse, error_response
from spotlight_trader.api.schemas import VoiceStatus, VoiceToken
from spotlight_trader.api.security import current_user_id
from spotlight_trader.config import Settings
from spotlight_trader.errors import TokenError
from spotlight_trader.limits import ConnectionSlots, RateLimiter

AUDIENCE = "spotlight-realtime"
ALGORITHM = "HS256"
WS_PATH = "/ws/realtime"
DISABLED_REASON = "set OPENAI_API_KEY to enable the voice coach"


def mint_token(settings: Settings, user_id: str, now_s: float | None = None) -> tuple[str, int]:
    """A signed token for ``user_id`` and its expiry (Unix ms)."""
    now = time.time() if now_s is None else now_s
    exp = int(now) + settings.voice_token_ttl_s
    claims = {
        "sub": user_id,
        "aud": AUDIENCE,
        "iat": int(now),
        "exp": exp,
        "jti": uuid.uuid4().hex,
    }
    token = jwt.encode(claims, settings.session_secret.get_secret_value(), algorithm=ALGORITHM)
    return token, exp * 1000


def verify_token(settings: Settings, token: str) -> str:
    """The user id a valid token is bound to; :class:`TokenError` says why it is not valid."""
    try:
        claims = jwt.decode(
            token,
            settings.session_secret.get_secret_value(),
            algorithms=[ALGORITHM],
            audience=AUDIENCE,
            options={"require": ["exp", "sub", "aud", "jti"]},
        )
    except jwt.ExpiredSignatureError:
        raise TokenError("voice token expired: fetch a new one") from None
    except jwt.InvalidAudienceError:
        raise TokenError("voice token rejected: wrong audience") from None
    except jwt.MissingRequiredClaimError as exc:
        raise TokenError(f"voice token rejected: {exc}") from None
    except jwt.InvalidSignatureError:
        raise TokenError("voice token rejected: bad signature") from None
    except jwt.InvalidTokenError:
        raise TokenError("voice token rejected: malformed") from None
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub:
        raise TokenError("voice token rejected: no subject")
    return sub


@dataclass
class VoiceState:
    """Per-app voice bookkeeping (``app.state.voice``)."""

    limiter: RateLimiter
    slots: ConnectionSlots
    sessions: int = 0
    sessions_total: int = 0
    tool_calls: int = 0
    rejections: dict[str, int] = field(default_factory=dict)


def allowed_origins(settings: Settings) -> set[str]:
    """Browser origins allowed to get voice tokens and open /ws/realtime."""
    origins = {settings.app_origin.rstrip("/")}
    if settings.admin_origin:
        origins.add(settings.admin_origin.rstrip("/"))
    return origins


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.components.settings
    return settings


router = APIRouter()


@router.get(
    "/api/voice/status", responses=json_response(VoiceStatus), summary="Voice coach availability"
)
async def voice_status(request: Request) -> Response:
    """Whether the voice coach is enabled and, if not, how to enable it."""
    settings = _settings(request)
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
async def voice_token(request: Request) -> Response:
    """Mint a voice token for the requesting user (403 from a foreign browser origin, 503
    without OPENAI_API_KEY, 429 when called too often)."""
    settings = _settings(request)
    user_id = await current_user_id(request)
    origin = request.headers.get("origin")
    if origin is not None and origin.rstrip("/") not in allowed_origins(settings):
        return error_response(403, "origin not allowed")
    if settings.openai_api_key is None:
        return error_response(503, DISABLED_REASON)
    state: VoiceState = request.app.state.components.voice
    retry_after = state.limiter.hit(user_id)
    if retry_after is not None:
        response = error_response(
            429, f"too many voice tokens: at most {state.limiter.limit} per minute"
        )
        response.headers["Retry-After"] = str(max(1, math.ceil(retry_after)))
        return response
    token, expires_at_ms = mint_token(settings, user_id)
    return MsgspecResponse(
        VoiceToken(token=token, expires_at_ms=expires_at_ms, ws_path=WS_PATH),
        headers={"Cache-Control": "no-store"},
    )
