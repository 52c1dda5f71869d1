"""Request identity: the mode is the AUTH_MODE setting, never inferred from accounts."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.requests import Request

from spotlight_trader.api.security import LOCAL_USER, current_user_id
from spotlight_trader.errors import AuthError
from spotlight_trader.runtime.components import build_components
from tests.conftest import make_settings


class Directory:
    def __init__(self, tokens: dict[str, str]) -> None:
        self.tokens = tokens

    async def user_for_token(self, token: str) -> str | None:
        return self.tokens.get(token)


def app_in(mode: str, tokens: dict[str, str]) -> Starlette:
    app = Starlette()
    app.state.components = build_components(make_settings(auth_mode=mode, session_secret="k" * 32))
    app.state.users = Directory(tokens)
    return app


def request(app: Starlette, authorization: str | None = None) -> Request:
    headers = [(b"authorization", authorization.encode())] if authorization else []
    return Request({"type": "http", "app": app, "headers": headers, "method": "GET", "path": "/"})


async def test_local_mode_is_the_local_user_even_when_accounts_exist() -> None:
    app = app_in("local", {"t-a": "alice"})
    assert await current_user_id(request(app)) == LOCAL_USER
    assert await current_user_id(request(app, "Bearer t-a")) == LOCAL_USER


async def test_password_mode_needs_a_token_even_without_accounts() -> None:
    with pytest.raises(AuthError):
        await current_user_id(request(app_in("password", {})))


async def test_tokens_map_to_users_in_password_mode() -> None:
    app = app_in("password", {"t-a": "alice", "t-b": "bob"})
    assert await current_user_id(request(app, "Bearer t-a")) == "alice"
    assert await current_user_id(request(app, "bearer t-b")) == "bob"
    for bad in (None, "Bearer", "Basic t-a", "Bearer nope"):
        with pytest.raises(AuthError):
            await current_user_id(request(app, bad))
