"""Who may open ``/ws/realtime``, and how a session ends (docs/voice.md).

Checked in this order, before any upstream traffic; a refused connection is accepted and
then closed with a code and a reason, so browsers and the SDK both see why:

* Origin: a present ``Origin`` must be ``APP_ORIGIN`` or ``ADMIN_ORIGIN``. A missing Origin
  (non-browser clients such as the official SDK) is allowed only when the token comes in
  the ``Authorization: Bearer`` header, which browsers cannot set on a WebSocket.
* Token: ``Authorization: Bearer <jwt>`` or the subprotocol ``spotlight.token.<jwt>``
  offered together with ``spotlight.v1`` (echoed back). Signature, expiry and audience are
  verified, its lifetime is at most ``VOICE_TOKEN_TTL_S``, its ``sub`` must name an existing
  user and it opens one session only (its ``jti`` is claimed in a :class:`TokenLedger`);
  the token is never logged.
* Enabled (``OPENAI_API_KEY``), and the market running in this process.
* At most ``VOICE_MAX_CONNECTIONS`` per user: :func:`admit` takes the slot,
  :func:`release` (in a ``finally``) gives it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

import structlog
from starlette.websockets import WebSocket

from spotlight_trader.coach.tokens import DISABLED_REASON, VoiceClaims, verify_token
from spotlight_trader.config import Settings
from spotlight_trader.errors import TokenError
from spotlight_trader.limits import ConnectionSlots, RateLimiter

log = structlog.get_logger(__name__)

SUBPROTOCOL = "spotlight.v1"
TOKEN_PREFIX = "spotlight.token."

# Close codes (docs/voice.md). 1008 and 4xxx are final: clients must not retry blindly.
POLICY = 1008
IDLE = 4000
MAX_SESSION = 4001
UPSTREAM_EXPIRED = 4002
TOO_MANY = 4029
DISABLED = 4503
UPSTREAM_FAILED = 1011
TOO_BIG = 1009  # a frame over VOICE_MAX_MESSAGE_BYTES, or too many bytes held while connecting


@dataclass(frozen=True)
class End:
    """How a session ended: the close code and reason sent to whichever leg is still open."""

    by: str  # "client", "upstream", "proxy"
    code: int
    reason: str
    state: str = "closing"  # spotlight.session state announced to the client


class TokenLedger(Protocol):
    """Where used voice tokens are recorded (storage's ``VoiceTokenLedger``)."""

    async def claim(self, jti: str, *, user: str, expires_at_ms: int) -> None:
        """Record a token's use; :class:`TokenError` when it was used before or its user
        does not exist."""
        ...


@dataclass
class VoiceState:
    """Per-app voice bookkeeping: the token rate limit, the connection slots, the ledger
    of used tokens and the counters ``/metrics`` reads (``Components.voice``)."""

    limiter: RateLimiter
    slots: ConnectionSlots
    ledger: TokenLedger
    sessions: int = 0
    sessions_total: int = 0
    tool_calls: int = 0
    rejections: dict[str, int] = field(default_factory=dict)


def close_reason(text: str) -> str:
    """A close reason within the 123-byte limit."""
    data = text.encode()
    return text if len(data) <= 123 else data[:120].decode(errors="ignore") + "..."


def allowed_origins(settings: Settings) -> set[str]:
    """Browser origins allowed to get voice tokens and open /ws/realtime."""
    origins = {settings.app_origin.rstrip("/")}
    if settings.admin_origin:
        origins.add(settings.admin_origin.rstrip("/"))
    return origins


def check(
    settings: Settings, headers: Mapping[str, str], offered: list[str]
) -> tuple[End | None, VoiceClaims | None]:
    """Check origin, token and that the coach is enabled: (refusal, None) or (None, the
    token's claims)."""
    origin = headers.get("origin")
    scheme, _, value = headers.get("authorization", "").partition(" ")
    header_token = value.strip() if scheme.lower() == "bearer" else ""
    proto_token = next((p[len(TOKEN_PREFIX) :] for p in offered if p.startswith(TOKEN_PREFIX)), "")
    if origin is None:
        if not header_token:
            return End("proxy", POLICY, "missing Origin: send Authorization: Bearer <token>"), None
    elif origin.rstrip("/") not in allowed_origins(settings):
        return End("proxy", POLICY, "origin not allowed"), None
    token = header_token or proto_token
    if not token:
        return End("proxy", POLICY, f"missing token: offer subprotocol {TOKEN_PREFIX}<token>"), None
    if proto_token and not header_token and SUBPROTOCOL not in offered:
        return End("proxy", POLICY, f"offer subprotocol {SUBPROTOCOL} with the token"), None
    if settings.openai_api_key is None:
        return End("proxy", DISABLED, DISABLED_REASON), None
    try:
        return None, verify_token(settings, token)
    except TokenError as exc:
        return End("proxy", POLICY, str(exc)), None


async def _claim(state: VoiceState, claims: VoiceClaims) -> End | None:
    try:
        await state.ledger.claim(claims.jti, user=claims.user, expires_at_ms=claims.expires_at_ms)
    except TokenError as exc:
        return End("proxy", POLICY, str(exc))
    return None


async def admit(
    websocket: WebSocket, settings: Settings, state: VoiceState, *, market_running: bool
) -> str | None:
    """Admit or refuse a new connection. Admitted: the socket is accepted, the user holds a
    slot (give it back with :func:`release`) and their id is returned. Refused: the refusal
    is counted, the socket is accepted and closed with the code and reason, and None is
    returned."""
    offered = list(websocket.scope.get("subprotocols") or [])
    subprotocol = SUBPROTOCOL if SUBPROTOCOL in offered else None
    refusal, claims = check(settings, websocket.headers, offered)
    user_id = claims.user if claims is not None else ""
    if refusal is None and not market_running:
        refusal = End("proxy", UPSTREAM_FAILED, "the market is not running in this process")
    if refusal is None and claims is not None:
        refusal = await _claim(state, claims)
    if refusal is None and not await state.slots.acquire(user_id):
        refusal = End("proxy", TOO_MANY, f"at most {state.slots.limit} voice connections")
    if refusal is not None:
        state.rejections[str(refusal.code)] = state.rejections.get(str(refusal.code), 0) + 1
        log.info("voice connection refused", code=refusal.code, reason=refusal.reason)
        await websocket.accept(subprotocol=subprotocol)
        await websocket.close(refusal.code, close_reason(refusal.reason))
        return None
    state.sessions += 1
    state.sessions_total += 1
    try:
        await websocket.accept(subprotocol=subprotocol)
    except BaseException:
        await release(state, user_id)
        raise
    return user_id


async def release(state: VoiceState, user_id: str) -> None:
    """The admitted session of ``user_id`` ended: free its slot."""
    state.sessions -= 1
    await state.slots.release(user_id)
