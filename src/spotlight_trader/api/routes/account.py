"""Sign-in and the signed-in account (docs/security.md).

``public``: ``POST /api/auth/login`` and ``POST /api/auth/logout`` (they work without a
session). ``router`` (a signed-in user): who am I, change password, sign out everywhere,
API tokens.
"""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from starlette.responses import Response

from spotlight_trader.api.account_schemas import (
    AccountSettings,
    Integrations,
    LoginRequest,
    Me,
    PasswordChange,
    TokenCreate,
    TokenCreated,
    TokensResponse,
)
from spotlight_trader.api.deps import ComponentsDep, CurrentUser
from spotlight_trader.api.openapi import json_body, json_response
from spotlight_trader.api.responses import MsgspecResponse, decode_body, error_response
from spotlight_trader.api.security import (
    SESSION_COOKIE,
    clear_session_cookie,
    current_user_id,
    now_ms,
    set_session_cookie,
)
from spotlight_trader.storage.passwords import check_password
from spotlight_trader.storage.preferences import Preferences

public = APIRouter(tags=["account"])
router = APIRouter(tags=["account"], dependencies=[Depends(current_user_id)])
MAX_BODY_BYTES = 4_096


def _too_many(message: str, retry_after: float) -> Response:
    response = error_response(429, message)
    response.headers["Retry-After"] = str(max(1, math.ceil(retry_after)))
    return response


@public.post(
    "/api/auth/login",
    responses={**json_response(Me), **json_response(Me, 429)},
    openapi_extra=json_body(LoginRequest),
    summary="Sign in (password mode)",
)
async def login(request: Request, components: ComponentsDep) -> Response:
    """Check a user name and password and start a session (an HttpOnly, SameSite=Lax
    cookie). 401 for a wrong pair, 429 (with ``Retry-After``) when this address or this
    account made too many attempts; 409 in local mode (nobody signs in)."""
    if components.settings.auth_mode == "local":
        return error_response(409, "AUTH_MODE=local: there is nothing to sign in to")
    body = await decode_body(request, LoginRequest, MAX_BODY_BYTES)
    client = request.client.host if request.client else "unknown"
    wait = await components.login.per_client.hit(f"login:client:{client}")
    if wait is not None:
        return _too_many("too many sign-in attempts from this address; wait", wait)
    name = body.name.strip().lower()
    wait = await components.login.per_account.hit(f"login:account:{name}")
    if wait is not None:
        return _too_many(
            f"account locked after too many sign-in attempts; try again in {math.ceil(wait)} s",
            wait,
        )
    user = await components.users.check_password(name, body.password)
    if user is None:
        return error_response(401, "wrong user name or password")
    cookie = await components.sessions.create(user=user, now_ms=now_ms())
    response = MsgspecResponse(Me(user=user, auth_mode="password"))
    response.headers["Cache-Control"] = "no-store"
    set_session_cookie(response, request, cookie)
    return response


@public.post("/api/auth/logout", status_code=204, summary="Sign out this session")
async def logout(request: Request, components: ComponentsDep) -> Response:
    """End this browser's session (at once, on the server) and drop its cookie."""
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        await components.sessions.end(cookie)
    response = Response(status_code=204)
    clear_session_cookie(response, request)
    return response


@router.get("/api/auth/me", responses=json_response(Me), summary="Who is signed in")
async def me(user: CurrentUser, components: ComponentsDep) -> Response:
    """The signed-in user (``local`` in local mode); 401 when nobody is."""
    return MsgspecResponse(Me(user=user, auth_mode=components.settings.auth_mode))


@router.post(
    "/api/account/password",
    status_code=204,
    openapi_extra=json_body(PasswordChange),
    summary="Change your password",
)
async def change_password(
    request: Request, user: CurrentUser, components: ComponentsDep
) -> Response:
    """Set a new password (the current one is required); every other session ends."""
    if components.settings.auth_mode == "local":
        return error_response(409, "AUTH_MODE=local: the local user has no password")
    body = await decode_body(request, PasswordChange, MAX_BODY_BYTES)
    wait = await components.login.per_account.hit(f"login:account:{user}")
    if wait is not None:
        return _too_many("too many password attempts; wait", wait)
    if await components.users.check_password(user, body.current) is None:
        return error_response(403, "current password is wrong", "current")
    check_password(body.new)
    await components.users.set_password(user=user, password=body.new)
    await components.sessions.end_all(user=user, keep=request.cookies.get(SESSION_COOKIE))
    return Response(status_code=204)


@router.post("/api/account/sign-out-everywhere", status_code=204, summary="End every session")
async def sign_out_everywhere(
    request: Request, user: CurrentUser, components: ComponentsDep
) -> Response:
    """End every session of this user, this one included (API tokens stay valid)."""
    await components.sessions.end_all(user=user)
    response = Response(status_code=204)
    clear_session_cookie(response, request)
    return response


@router.get("/api/account/tokens", responses=json_response(TokensResponse), summary="API tokens")
async def list_tokens(user: CurrentUser, components: ComponentsDep) -> Response:
    """Your API tokens (names, ids, when made and last used; never the tokens)."""
    return MsgspecResponse(TokensResponse(await components.users.list_tokens(user=user)))


@router.post(
    "/api/account/tokens",
    status_code=201,
    responses=json_response(TokenCreated, 201),
    openapi_extra=json_body(TokenCreate),
    summary="Create an API token",
)
async def create_token(request: Request, user: CurrentUser, components: ComponentsDep) -> Response:
    """A new API token for scripts (``Authorization: Bearer …``), shown this once."""
    body = await decode_body(request, TokenCreate, MAX_BODY_BYTES)
    made, token = await components.users.create_token(user=user, name=body.name)
    return MsgspecResponse(
        TokenCreated(id=made.id, name=made.name, created_at_ms=made.created_at_ms, token=token),
        status_code=201,
        headers={"Cache-Control": "no-store"},
    )


@router.delete("/api/account/tokens/{token_id}", status_code=204, summary="Revoke an API token")
async def revoke_token(
    token_id: Annotated[str, Path(pattern=r"^[0-9a-f]{1,16}$", description="The token's id")],
    user: CurrentUser,
    components: ComponentsDep,
) -> Response:
    """Revoke one of your tokens at once; 404 if you have no token with this id."""
    if not await components.users.revoke_token(token_id, user=user):
        return error_response(404, f"no such token: {token_id}", "token_id")
    return Response(status_code=204)


async def _settings(user: str, components: ComponentsDep) -> AccountSettings:
    settings = components.settings
    return AccountSettings(
        user=user,
        auth_mode=settings.auth_mode,
        preferences=await components.preferences.get(user=user),
        integrations=Integrations(
            polygon=settings.polygon_api_key is not None,
            openai=settings.openai_api_key is not None,
        ),
    )


@router.get(
    "/api/account/settings",
    responses=json_response(AccountSettings),
    summary="Your preferences and the integrations",
)
async def get_settings(user: CurrentUser, components: ComponentsDep) -> Response:
    """Your dashboard preferences, and whether Polygon and OpenAI keys are set (never the
    keys)."""
    return MsgspecResponse(await _settings(user, components))


@router.put(
    "/api/account/settings",
    responses=json_response(AccountSettings),
    openapi_extra=json_body(Preferences),
    summary="Save your preferences",
)
async def put_settings(request: Request, user: CurrentUser, components: ComponentsDep) -> Response:
    """Replace your preferences (every field; unknown fields are refused)."""
    prefs = await decode_body(request, Preferences, MAX_BODY_BYTES)
    await components.preferences.put(prefs, user=user)
    return MsgspecResponse(await _settings(user, components))
