"""Request identity: single-user by default, bearer tokens once accounts exist."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.requests import Request

from spotlight_trader.api.security import LOCAL_USER, current_user_id
from spotlight_trader.errors import AuthError


class Directory:
    def __init__(self, tokens: dict[str, str]) -> None:
        self.tokens = tokens

    async def multi_user(self) -> bool:
        return bool(self.tokens)

    async def user_for_token(self, token: str) -> str | None:
        return self.tokens.get(token)


def request(app: Starlette, authorization: str | None = None) -> Request:
    headers = [(b"authorization", authorization.encode())] if authorization else []
    return Request({"type": "http", "app": app, "headers": headers, "method": "GET", "path": "/"})


async def test_single_user_mode_is_the_local_user() -> None:
    app = Starlette()
    assert await current_user_id(request(app)) == LOCAL_USER
    app.state.users = Directory({})
    assert await current_user_id(request(app, "Bearer whatever")) == LOCAL_USER


async def test_tokens_map_to_users_once_accounts_exist() -> None:
    app = Starlette()
    app.state.users = Directory({"t-a": "alice", "t-b": "bob"})
    assert await current_user_id(request(app, "Bearer t-a")) == "alice"
    assert await current_user_id(request(app, "bearer t-b")) == "bob"
    for bad in (None, "Bearer", "Basic t-a", "Bearer nope"):
        with pytest.raises(AuthError):
            await current_user_id(request(app, bad))
