"""Voice tokens: short-lived HS256 JWTs that let a browser (or the SDK) open /ws/realtime.

:func:`mint_token` signs one for a user (``POST /api/voice/token``); :func:`verify_token`
checks it at admission (:mod:`.admission`).
The OpenAI key never leaves the server: the proxy authenticates upstream itself.
"""

from __future__ import annotations

import time
import uuid

import jwt

from spotlight_trader.config import Settings
from spotlight_trader.errors import TokenError

AUDIENCE = "spotlight-realtime"
ALGORITHM = "HS256"
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
