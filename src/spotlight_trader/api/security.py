"""Who is asking: the user identity of a request.

The mode is a setting (``AUTH_MODE``), never inferred. ``local`` (the default, ``make
run``): every request acts as the built-in user ``local`` (the server binds to loopback
only, :func:`~spotlight_trader.config.check_start`). ``password``: ``Authorization: Bearer
<token>`` resolved through the :class:`UserDirectory` installed on ``app.state.users`` (the
storage layer's :class:`~spotlight_trader.storage.users.UserRepository`).
"""

from __future__ import annotations

from typing import Protocol

from starlette.requests import HTTPConnection

from spotlight_trader.config import Settings
from spotlight_trader.errors import AuthError
from spotlight_trader.model import LOCAL_USER

__all__ = ["LOCAL_USER", "UserDirectory", "current_user_id"]


class UserDirectory(Protocol):
    """Resolves API tokens to user ids."""

    async def user_for_token(self, token: str) -> str | None:
        """The id of the user owning ``token``, or None."""
        ...


def _settings(conn: HTTPConnection) -> Settings:
    settings: Settings = conn.app.state.components.settings
    return settings


async def current_user_id(conn: HTTPConnection) -> str:
    """The user id of an HTTP request or WebSocket; :class:`AuthError` if unauthenticated."""
    if _settings(conn).auth_mode == "local":
        return LOCAL_USER
    directory: UserDirectory = conn.app.state.users
    header = conn.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise AuthError("sign-in required: send Authorization: Bearer <token>")
    user = await directory.user_for_token(token.strip())
    if user is None:
        raise AuthError("unknown or revoked API token")
    return user
