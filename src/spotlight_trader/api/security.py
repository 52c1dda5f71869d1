"""Who is asking: the user identity of a request.

Single-user mode (the default, ``make run``): every request acts as the built-in user
``local``. Multi-user deployments resolve ``Authorization: Bearer <token>`` through a
:class:`UserDirectory` installed on ``app.state.users`` (the storage layer's
:class:`~spotlight_trader.storage.users.UserRepository`).
"""

from __future__ import annotations

from typing import Protocol

from starlette.requests import HTTPConnection

from spotlight_trader.errors import AuthError
from spotlight_trader.model import LOCAL_USER

__all__ = ["LOCAL_USER", "UserDirectory", "current_user_id"]


class UserDirectory(Protocol):
    """Resolves API tokens to user ids."""

    async def multi_user(self) -> bool:
        """True once any user account exists (tokens are then required)."""
        ...

    async def user_for_token(self, token: str) -> str | None:
        """The id of the user owning ``token``, or None."""
        ...


async def current_user_id(conn: HTTPConnection) -> str:
    """The user id of an HTTP request or WebSocket; :class:`AuthError` if unauthenticated."""
    directory: UserDirectory | None = getattr(conn.app.state, "users", None)
    if directory is None or not await directory.multi_user():
        return LOCAL_USER
    header = conn.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise AuthError("sign-in required: send Authorization: Bearer <token>")
    user = await directory.user_for_token(token.strip())
    if user is None:
        raise AuthError("unknown or revoked API token")
    return user
