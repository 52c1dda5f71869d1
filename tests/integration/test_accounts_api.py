"""Password mode over real HTTP: every route needs a user unless it is on the public list,
sign-in with an HttpOnly SameSite=Lax cookie, sessions that end at once on the server,
throttling and lockout, API tokens created, used and revoked."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
from httpx_sse import aconnect_sse

from spotlight_trader.runtime.components import build_components
from spotlight_trader.runtime.web import create_app
from spotlight_trader.storage.db import database_url
from tests.conftest import make_service, make_settings, running_server
from tests.factories import repositories
from tests.fakes.feeds import ScriptedFeed, synthetic_trades

START = 1_700_000_040_000
SECRET = "k" * 32
PASSWORDS = {"alice": "alice's long password", "bob": "bob's long password"}
# the only routes a stranger reaches in password mode
PUBLIC = {("GET", "/healthz"), ("GET", "/readyz"), ("POST", "/api/auth/login"),
          ("POST", "/api/auth/logout")}  # fmt: skip


@contextlib.asynccontextmanager
async def password_server(**overrides: Any) -> AsyncIterator[str]:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=3), hold=True)
    service = make_service(
        feed, watchlist="SPY", auth_mode="password", session_secret=SECRET, **overrides
    )
    async with running_server(service) as base:
        async with repositories(database_url(service.settings)) as repos:
            for name, password in PASSWORDS.items():
                await repos.users.add_user(name, password=password)
        yield base


async def sign_in(
    client: httpx.AsyncClient, name: str, password: str | None = None
) -> httpx.Response:
    return await client.post(
        "/api/auth/login", json={"name": name, "password": password or PASSWORDS[name]}
    )


def operations() -> list[tuple[str, str]]:
    """Every operation in the API's schema (routes added later are in it too)."""
    settings = make_settings(auth_mode="password", session_secret=SECRET)
    doc = create_app(build_components(settings)).openapi()
    return [
        (method.upper(), re.sub(r"\{[^}]+\}", "1", path))
        for path, item in doc["paths"].items()
        for method in item
        if method in {"get", "post", "put", "delete", "patch"}
    ]


async def test_every_route_but_the_public_ones_needs_a_user() -> None:
    found = operations()
    assert {("GET", "/api/symbols"), ("GET", "/stream/market"), ("GET", "/metrics")} <= set(found)
    async with password_server() as base, httpx.AsyncClient(base_url=base, timeout=10) as client:
        for method, path in found:
            if (method, path) in PUBLIC:
                continue
            for headers in (
                {},
                {"Authorization": "Bearer st_nope"},
                {"Cookie": "spotlight_session=x"},
            ):
                response = await client.request(method, path, json={}, headers=headers)
                assert response.status_code == 401, (method, path, headers, response.status_code)
                assert response.json()["error"]
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.post("/api/auth/logout")).status_code == 204


def _cookie_header(response: httpx.Response) -> str:
    (header,) = response.headers.get_list("set-cookie")
    return header


async def test_sign_in_sets_a_strict_cookie_and_sign_out_ends_it_on_the_server() -> None:
    async with password_server() as base:
        async with httpx.AsyncClient(base_url=base, timeout=10) as client:
            assert (await sign_in(client, "alice", "wrong password!")).status_code == 401
            assert (await sign_in(client, "nobody", "wrong password!")).status_code == 401
            ok = await sign_in(client, "ALICE", PASSWORDS["alice"])
            assert ok.status_code == 200 and ok.json() == {"user": "alice", "auth_mode": "password"}
            header = _cookie_header(ok)
            assert "HttpOnly" in header and "SameSite=lax" in header and "Path=/" in header
            assert "Secure" not in header  # plain http, no trusted proxy
            assert PASSWORDS["alice"] not in header and ok.headers["cache-control"] == "no-store"
            cookie = client.cookies["spotlight_session"]
            assert (await client.get("/api/auth/me")).json()["user"] == "alice"
            assert (await client.get("/api/symbols")).status_code == 200
            out = await client.post("/api/auth/logout")
            assert out.status_code == 204 and 'spotlight_session=""' in _cookie_header(out)
        # the old cookie, replayed, is dead: the session is gone on the server
        async with httpx.AsyncClient(base_url=base, timeout=10) as replay:
            response = await replay.get(
                "/api/symbols", headers={"Cookie": f"spotlight_session={cookie}"}
            )
            assert response.status_code == 401


async def test_the_cookie_is_secure_behind_a_trusted_https_proxy(tmp_path: Path) -> None:
    async with password_server(trust_proxy="127.0.0.1") as base:
        async with httpx.AsyncClient(base_url=base, timeout=10) as client:
            ok = await client.post(
                "/api/auth/login",
                json={"name": "bob", "password": PASSWORDS["bob"]},
                headers={"X-Forwarded-Proto": "https"},
            )
            assert ok.status_code == 200 and "Secure" in _cookie_header(ok)
    # TRUST_PROXY unset: the header is not believed
    async with password_server(data_dir=tmp_path / "second") as base:
        async with httpx.AsyncClient(base_url=base, timeout=10) as client:
            ok = await client.post(
                "/api/auth/login",
                json={"name": "bob", "password": PASSWORDS["bob"]},
                headers={"X-Forwarded-Proto": "https"},
            )
            assert ok.status_code == 200 and "Secure" not in _cookie_header(ok)


async def test_sign_out_everywhere_and_password_change_end_other_sessions() -> None:
    async with password_server() as base:
        clients = [httpx.AsyncClient(base_url=base, timeout=10) for _ in range(3)]
        async with contextlib.AsyncExitStack() as stack:
            for c in clients:
                await stack.enter_async_context(c)
                assert (await sign_in(c, "alice")).status_code == 200
            a, b, c = clients
            bob = await stack.enter_async_context(httpx.AsyncClient(base_url=base, timeout=10))
            assert (await sign_in(bob, "bob")).status_code == 200

            change = {"current": "not it at all", "new": "a brand new password"}
            wrong = await a.post("/api/account/password", json=change)
            assert wrong.status_code == 403 and wrong.json()["field"] == "current"
            short = await a.post(
                "/api/account/password", json={"current": PASSWORDS["alice"], "new": "x"}
            )
            assert short.status_code == 422
            change["current"] = PASSWORDS["alice"]
            assert (await a.post("/api/account/password", json=change)).status_code == 204
            assert (await a.get("/api/auth/me")).status_code == 200  # this session stays
            assert (await b.get("/api/auth/me")).status_code == 401
            assert (await c.get("/api/auth/me")).status_code == 401
            assert (await sign_in(b, "alice")).status_code == 401  # old password
            assert (await sign_in(b, "alice", change["new"])).status_code == 200

            assert (await a.post("/api/account/sign-out-everywhere")).status_code == 204
            assert (await a.get("/api/auth/me")).status_code == 401
            assert (await b.get("/api/auth/me")).status_code == 401
            assert (await bob.get("/api/auth/me")).json()["user"] == "bob"  # not bob's


async def test_sign_in_is_throttled_per_address_and_locked_per_account(tmp_path: Path) -> None:
    async with password_server(login_max_attempts=3, login_rate_per_min=100) as base:
        async with httpx.AsyncClient(base_url=base, timeout=10) as client:
            for _ in range(3):
                assert (await sign_in(client, "alice", "guess guess guess")).status_code == 401
            locked = await sign_in(client, "alice")  # the right password, but locked
            assert locked.status_code == 429 and "locked" in locked.json()["error"]
            assert 1 <= int(locked.headers["retry-after"]) <= 900
            assert (await sign_in(client, "bob")).status_code == 200  # another account is not
    async with password_server(login_rate_per_min=2, data_dir=tmp_path / "second") as base:
        async with httpx.AsyncClient(base_url=base, timeout=10) as client:
            assert (await sign_in(client, "alice", "guess guess guess")).status_code == 401
            assert (await sign_in(client, "bob", "guess guess guess")).status_code == 401
            throttled = await sign_in(client, "bob")
            assert throttled.status_code == 429 and "address" in throttled.json()["error"]


async def test_api_tokens_are_shown_once_and_revoked_at_once() -> None:
    async with password_server() as base:
        async with (
            httpx.AsyncClient(base_url=base, timeout=10) as alice,
            httpx.AsyncClient(base_url=base, timeout=10) as bob,
            httpx.AsyncClient(base_url=base, timeout=10) as script,
        ):
            await sign_in(alice, "alice")
            await sign_in(bob, "bob")
            made = await alice.post("/api/account/tokens", json={"name": "my script"})
            assert made.status_code == 201 and made.headers["cache-control"] == "no-store"
            token, token_id = made.json()["token"], made.json()["id"]
            bearer = {"Authorization": f"Bearer {token}"}
            assert (await script.get("/api/auth/me", headers=bearer)).json()["user"] == "alice"
            listed = (await alice.get("/api/account/tokens")).json()["tokens"]
            assert [t["id"] for t in listed] == [token_id] and token not in str(listed)
            assert (await bob.get("/api/account/tokens")).json()["tokens"] == []
            assert (await bob.delete(f"/api/account/tokens/{token_id}")).status_code == 404
            assert (await script.get("/api/symbols", headers=bearer)).status_code == 200
            assert (await alice.delete(f"/api/account/tokens/{token_id}")).status_code == 204
            assert (await script.get("/api/symbols", headers=bearer)).status_code == 401
            # a bad token is not rescued by a good cookie
            assert (await alice.get("/api/auth/me", headers=bearer)).status_code == 401


async def test_local_mode_has_nobody_to_sign_in() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=3), hold=True)
    async with (
        running_server(make_service(feed, watchlist="SPY")) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        assert (await client.get("/api/auth/me")).json() == {"user": "local", "auth_mode": "local"}
        assert (await sign_in(client, "alice")).status_code == 409
        assert (await client.get("/metrics")).status_code == 200


async def test_watchlists_are_per_user_and_nobody_breaks_another_users_stream() -> None:
    feeds = [ScriptedFeed(synthetic_trades(["SPY"], START, minutes=3), hold=True) for _ in "ab"]
    overrides = {"watchlist": "SPY,QQQ", "auth_mode": "password", "session_secret": SECRET}
    first = make_service(feeds[0], **overrides)
    async with running_server(first) as base:
        async with repositories(database_url(first.settings)) as repos:
            for name, password in PASSWORDS.items():
                await repos.users.add_user(name, password=password)
        async with (
            httpx.AsyncClient(base_url=base, timeout=10) as alice,
            httpx.AsyncClient(base_url=base, timeout=10) as bob,
            httpx.AsyncClient(base_url=base, timeout=10) as stranger,
        ):
            await sign_in(alice, "alice")
            await sign_in(bob, "bob")

            def listed(response: httpx.Response) -> list[str]:
                return [row["symbol"] for row in response.json()["symbols"]]

            assert (await alice.post("/api/symbols", json={"symbol": "amzn"})).status_code == 201
            assert listed(await alice.get("/api/symbols")) == ["SPY", "QQQ", "AMZN"]
            assert listed(await bob.get("/api/symbols")) == ["SPY", "QQQ"]
            assert feeds[0].symbols == ["SPY", "QQQ", "AMZN"]  # the union is streamed
            # neither a stranger nor bob can take AMZN (or SPY) from alice
            assert (await stranger.delete("/api/symbols/AMZN")).status_code == 401
            gone = await bob.delete("/api/symbols/AMZN")
            assert gone.status_code == 404 and gone.json()["field"] == "symbol"
            assert (await bob.delete("/api/symbols/SPY")).status_code == 204
            assert listed(await bob.get("/api/symbols")) == ["QQQ"]
            assert listed(await alice.get("/api/symbols")) == ["SPY", "QQQ", "AMZN"]
            assert feeds[0].symbols == ["SPY", "QQQ", "AMZN"]
            last = await bob.delete("/api/symbols/QQQ")
            assert last.status_code == 422 and "at least one" in last.json()["error"]
            params = {"symbols": "SPY,AMZN"}
            async with aconnect_sse(alice, "GET", "/stream/market", params=params) as source:
                ready = await anext(source.aiter_sse())
                assert ready.event == "ready" and ready.json()["symbols"] == ["SPY", "AMZN"]
            assert (await alice.delete("/api/symbols/AMZN")).status_code == 204
            assert feeds[0].symbols == ["SPY", "QQQ"]  # nobody has it any more
            assert (await alice.post("/api/symbols", json={"symbol": "NVDA"})).status_code == 201
    # a restart keeps every user's watchlist and streams their union at once
    second = make_service(feeds[1], **overrides)
    async with running_server(second) as base:
        async with httpx.AsyncClient(base_url=base, timeout=10) as alice:
            await sign_in(alice, "alice")
            assert listed(await alice.get("/api/symbols")) == ["SPY", "QQQ", "NVDA"]
        assert feeds[1].symbols == ["SPY", "QQQ", "NVDA"]


async def test_settings_are_per_user_and_integrations_never_show_a_key() -> None:
    key = "sk-do-not-show-this-0123456789"
    async with password_server(openai_api_key=key) as base:
        async with (
            httpx.AsyncClient(base_url=base, timeout=10) as alice,
            httpx.AsyncClient(base_url=base, timeout=10) as bob,
        ):
            await sign_in(alice, "alice")
            await sign_in(bob, "bob")
            got = await alice.get("/api/account/settings")
            body = got.json()
            assert body["integrations"] == {"polygon": False, "openai": True}
            assert key not in got.text and body["user"] == "alice"
            defaults = body["preferences"]
            assert defaults["coach_voice"] is None and defaults["default_timeframe"] == 1
            mine = {**defaults, "coach_verbosity": "brief", "default_timeframe": 5,
                    "chart_up_colour": "#00aaff", "alert_speech": True,
                    "alert_mutes": [{"kind": "symbol", "key": "SPY", "until_ms": 1_900_000}],
                    "alerts_cleared_through": 41, "alerts_acked": [42, 44]}  # fmt: skip
            saved = await alice.put("/api/account/settings", json=mine)
            assert saved.status_code == 200 and saved.json()["preferences"] == mine
            assert (await alice.get("/api/account/settings")).json()["preferences"] == mine
            assert (await bob.get("/api/account/settings")).json()["preferences"] == defaults
            for bad in (
                {**mine, "chart_up_colour": "red"},
                {**mine, "default_timeframe": 7},
                {**mine, "coach_voice": "darth"},
                {**mine, "extra": 1},
                {**mine, "alert_mutes": [{"kind": "user", "key": "bob", "until_ms": 1}]},
                {**mine, "alert_mutes": [{"kind": "rule", "key": "", "until_ms": 1}]},
                {**mine, "alerts_acked": list(range(501))},
                {**mine, "alerts_cleared_through": -1},
            ):
                assert (await alice.put("/api/account/settings", json=bad)).status_code == 422
            assert (await alice.get("/api/account/settings")).json()["preferences"] == mine
