"""Request and response bodies of sign-in and the account (``/api/auth``, ``/api/account``)."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from spotlight_trader.storage.preferences import Preferences
from spotlight_trader.storage.users import ApiToken

Secret = Annotated[str, msgspec.Meta(min_length=1, max_length=1_024)]


class LoginRequest(msgspec.Struct, frozen=True):
    """``POST /api/auth/login``."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    password: Secret


class Me(msgspec.Struct, frozen=True):
    """Who is signed in, and how the server authenticates."""

    user: str
    auth_mode: Literal["local", "password"]


class PasswordChange(msgspec.Struct, frozen=True):
    """``POST /api/account/password``: the current password and the new one (10 to 1,024
    characters); other sessions are signed out."""

    current: Secret
    new: Secret


class TokenCreate(msgspec.Struct, frozen=True):
    """``POST /api/account/tokens``."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]


class TokenCreated(msgspec.Struct, frozen=True):
    """A new API token: ``token`` is shown this once (only its hash is stored)."""

    id: str
    name: str
    created_at_ms: int
    token: str


class TokensResponse(msgspec.Struct, frozen=True):
    """``GET /api/account/tokens``: never the tokens themselves."""

    tokens: list[ApiToken]


class Integrations(msgspec.Struct, frozen=True):
    """Which server-side keys are configured (never their values)."""

    polygon: bool
    openai: bool


class AccountSettings(msgspec.Struct, frozen=True):
    """``GET /api/account/settings``: your preferences and the server's integrations."""

    user: str
    auth_mode: Literal["local", "password"]
    preferences: Preferences
    integrations: Integrations


ACCOUNT_SCHEMAS: tuple[type[msgspec.Struct], ...] = (
    Preferences,
    Integrations,
    AccountSettings,
    LoginRequest,
    Me,
    PasswordChange,
    TokenCreate,
    TokenCreated,
    TokensResponse,
    ApiToken,
)
