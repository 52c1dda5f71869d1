"""Voice tokens: short-lived HS256 JWTs that let a browser (or the SDK) open /ws/realtime.

:func:`mint_token` signs one for a user (``POST /api/voice/token``); :func:`verify_token`
checks it at admission (:mod:`.admission`).
The OpenAI key never leaves the server: the proxy authenticates upstream itself.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

import jwt

from spotlight_trader.config import Settings
from spotlight_trader.errors import TokenError

AUDIENCE = "spotlight-realtime"
ALGORITHM = "HS256"
DISABLED_REASON = "set OPENAI_API_KEY to enable the voice coach"
CLOCK_SKEW_S = 5  # how far ahead of this clock a token's iat may be


@dataclass(frozen=True)
class VoiceClaims:
    """What a valid voice token says: whose it is, its id (single use) and its expiry."""

    user: str
    jti: str
    expires_at_ms: int


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


def verify_token(settings: Settings, token: str, now_s: float | None = None) -> VoiceClaims:
    """The claims of a valid token; :class:`TokenError` says why it is not valid. Beyond
    signature, audience and expiry, its lifetime (``exp - iat``) may not exceed
    ``VOICE_TOKEN_TTL_S`` and it may not be issued in the future."""
    now = time.time() if now_s is None else now_s
    try:
        claims = jwt.decode(
            token,
            settings.session_secret.get_secret_value(),
            algorithms=[ALGORITHM],
            audience=AUDIENCE,
            options={"require": ["exp", "iat", "sub", "aud", "jti"], "verify_iat": False},
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
    sub, jti, iat, exp = (claims.get(k) for k in ("sub", "jti", "iat", "exp"))
    if not isinstance(sub, str) or not sub:
        raise TokenError("voice token rejected: no subject")
    if not isinstance(jti, str) or not 1 <= len(jti) <= 64:
        raise TokenError("voice token rejected: bad token id")
    if not isinstance(iat, int) or not isinstance(exp, int):
        raise TokenError("voice token rejected: malformed")
    if iat > now + CLOCK_SKEW_S or exp - iat > settings.voice_token_ttl_s:
        raise TokenError("voice token rejected: lifetime longer than VOICE_TOKEN_TTL_S")
    if now >= exp:  # PyJWT checks this too; keep the rule with the clock it is tested with
        raise TokenError("voice token expired: fetch a new one")
    return VoiceClaims(user=sub, jti=jti, expires_at_ms=exp * 1000)
