"""Who is asking: the user identity of a request (docs/security.md).

The mode is a setting (``AUTH_MODE``), never inferred. ``local`` (the default, ``make
run``): every request acts as the built-in user ``local`` (the server binds to loopback
only, :func:`~spotlight_trader.config.check_start`). ``password``: ``Authorization: Bearer
<API token>`` (scripts) or the session cookie set by ``POST /api/auth/login`` (the
dashboard); anything else is :class:`AuthError` (401).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

from starlette.requests import HTTPConnection
from starlette.responses import Response

from spotlight_trader.config import Settings
from spotlight_trader.errors import AuthError
from spotlight_trader.limits import RateLimiter
from spotlight_trader.model import LOCAL_USER
from spotlight_trader.storage.sessions import SessionStore

__all__ = [
    "LOCAL_USER",
    "SESSION_COOKIE",
    "LoginThrottle",
    "UserDirectory",
    "clear_session_cookie",
    "current_user_id",
    "set_session_cookie",
]

SESSION_COOKIE = "spotlight_session"


class UserDirectory(Protocol):
    """Resolves API tokens to user ids."""

    async def user_for_token(self, token: str) -> str | None:
        """The id of the user owning ``token``, or None."""
        ...


@dataclass(frozen=True)
class LoginThrottle:
    """Sign-in limits: attempts per client address (throttling) and per account (a
    temporary lockout once an account has taken its attempts for the window)."""

    per_client: RateLimiter
    per_account: RateLimiter


def _settings(conn: HTTPConnection) -> Settings:
    settings: Settings = conn.app.state.components.settings
    return settings


def now_ms() -> int:
    """Wall clock, Unix ms (session expiry)."""
    return int(time.time() * 1000)


async def current_user_id(conn: HTTPConnection) -> str:
    """The user id of an HTTP request or WebSocket; :class:`AuthError` if unauthenticated.
    A present ``Authorization`` header decides alone (a bad token is not rescued by a
    cookie)."""
    if _settings(conn).auth_mode == "local":
        return LOCAL_USER
    header = conn.headers.get("authorization")
    if header is not None:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthError("send Authorization: Bearer <API token>")
        directory: UserDirectory = conn.app.state.users
        user = await directory.user_for_token(token.strip())
        if user is None:
            raise AuthError("unknown or revoked API token")
        return user
    cookie = conn.cookies.get(SESSION_COOKIE)
    if cookie:
        sessions: SessionStore = conn.app.state.components.sessions
        found = await sessions.resolve(cookie, now_ms=now_ms())
        if found is not None:
            return found
        raise AuthError("session ended: sign in again")
    raise AuthError("sign-in required")


def set_session_cookie(response: Response, conn: HTTPConnection, cookie: str) -> None:
    """The session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS (as the request
    arrived, or as a trusted proxy says it did: ``TRUST_PROXY``)."""
    response.set_cookie(
        SESSION_COOKIE,
        cookie,
        max_age=_settings(conn).session_max_s,
        path="/",
        httponly=True,
        samesite="lax",
        secure=conn.url.scheme in ("https", "wss"),
    )


def clear_session_cookie(response: Response, conn: HTTPConnection) -> None:
    """Tell the browser to drop the session cookie."""
    response.delete_cookie(
        SESSION_COOKIE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=conn.url.scheme in ("https", "wss"),
    )
