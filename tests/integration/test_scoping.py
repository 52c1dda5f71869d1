"""User B can neither read, list, change nor delete user A's objects (ids copied from A),
through REST, SSE resume and the voice tools. Each check is also made as A, so it can fail."""

from __future__ import annotations

import httpx
from httpx_sse import aconnect_sse

from spotlight_trader.coach.tools import REGISTRY
from spotlight_trader.coach.tools.registry import ToolContext
from spotlight_trader.model import Signal
from spotlight_trader.storage.db import database_url
from tests.conftest import make_service, running_server
from tests.factories import repositories
from tests.fakes.feeds import ScriptedFeed, synthetic_trades

START = 1_700_000_040_000


async def _events_before_first_bar(client: httpx.AsyncClient, cursor: str) -> list[str]:
    """The kinds of events a resuming stream sends before its first bar."""
    seen: list[str] = []
    params = {"symbols": "SPY", "lastEventId": cursor}
    async with aconnect_sse(client, "GET", "/stream/market", params=params) as source:
        async for event in source.aiter_sse():
            if event.event == "bar":
                return seen
            seen.append(event.event)
    return seen


async def test_user_b_cannot_reach_user_a_objects() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=5))
    service = make_service(feed, watchlist="SPY", auth_mode="password", session_secret="k" * 32)
    async with running_server(service) as base:
        async with repositories(database_url(service.settings)) as repos:
            tokens = {}
            for name in ("alice", "bob"):
                await repos.users.add_user(name)
                tokens[name] = (await repos.users.create_token(user=name, name="t"))[1]
        a = httpx.AsyncClient(
            base_url=base, timeout=10, headers={"Authorization": f"Bearer {tokens['alice']}"}
        )
        b = httpx.AsyncClient(
            base_url=base, timeout=10, headers={"Authorization": f"Bearer {tokens['bob']}"}
        )
        async with a, b:
            made = await a.post("/api/rules", json={"name": "alice's", "expression": "close > 1"})
            rid = made.json()["id"]
            stored = await service.components.signals.insert_signals(
                [
                    Signal(
                        id=0, rule_id=rid, rule_name="alice's", version=1, symbol="SPY",
                        seq=START // 60_000, ts_ms=START + 60_000, direction="long",
                        inputs={"close": 2.0}, explanation="alice's alert", user_id="alice",
                    )
                ]
            )  # fmt: skip
            sid = stored[0].id
            rule_ids = {
                c: {r["id"] for r in (await c.get("/api/rules")).json()["rules"]} for c in (a, b)
            }
            assert rid in rule_ids[a] and rid not in rule_ids[b]
            change = {"expression": "close > 2", "note": "mine now"}
            settings = {"enabled": True, "params": {}, "symbols": None}
            writes = [
                ("GET", f"/api/rules/{rid}/versions", None),
                ("POST", f"/api/rules/{rid}/versions", change),
                ("POST", f"/api/rules/{rid}/revert", {"version": 1}),
                ("PUT", f"/api/rules/{rid}/settings", settings),
                ("POST", f"/api/rules/{rid}/backtest", {"symbol": "SPY"}),
            ]
            for method, path, body in writes:
                theirs = await b.request(method, path, json=body)
                assert theirs.status_code == 404, (method, path, theirs.text)
            versions = (await a.get(f"/api/rules/{rid}/versions")).json()["versions"]
            assert [v["version"] for v in versions] == [1]  # nothing of bob's landed
            for query in ({}, {"rule_id": rid}, {"symbol": "SPY"}):
                mine = (await a.get("/api/signals", params=query)).json()["signals"]
                theirs = (await b.get("/api/signals", params=query)).json()["signals"]
                assert [s["id"] for s in mine] == [sid] and theirs == []
            # SSE resume from before alice's signal: hers are replayed to her only
            cursor = f"SPY:-,alerts:{sid - 1}"
            assert "alert" in await _events_before_first_bar(a, cursor)
            assert "alert" not in await _events_before_first_bar(b, cursor)
        # the voice tools act for the session's user
        components = service.components

        def ctx(user: str) -> ToolContext:
            return ToolContext(
                service.view, service.ring, user, rules=components.rules, signals=components.signals
            )

        for user, sees in (("alice", True), ("bob", False)):
            rules = await REGISTRY.call("list_rules", "{}", ctx(user))
            alerts = await REGISTRY.call("get_recent_alerts", "{}", ctx(user))
            assert ("alice's" in str(rules)) is sees
            assert ("alice's alert" in str(alerts)) is sees


async def test_journal_watchlist_preferences_and_webhooks_are_per_user() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY", "QQQ"], START, minutes=5))
    service = make_service(feed, watchlist="SPY,QQQ", auth_mode="password", session_secret="k" * 32)
    async with running_server(service) as base:
        async with repositories(database_url(service.settings)) as repos:
            tokens = {}
            for name in ("alice", "bob"):
                await repos.users.add_user(name)
                tokens[name] = (await repos.users.create_token(user=name, name="t"))[1]
        a, b = (
            httpx.AsyncClient(
                base_url=base,
                timeout=30,
                headers={"Authorization": f"Bearer {tokens[name]}", "Origin": base},
            )
            for name in ("alice", "bob")
        )
        async with a, b:
            # journal: a round trip and an entry of alice's
            fills = [
                {"symbol": "SPY", "ts_ms": START + 60_000, "side": "buy", "quantity": "10",
                 "price": "100"},
                {"symbol": "SPY", "ts_ms": START + 120_000, "side": "sell", "quantity": "10",
                 "price": "101"},
            ]  # fmt: skip
            assert (await a.post("/api/journal/fills", json={"fills": fills})).status_code < 300
            trades = (await a.get("/api/journal/trades")).json()["trades"]
            assert len(trades) == 1
            tid = trades[0]["id"]
            made = await a.post("/api/journal/entries", json={"body": "alice's secret plan"})
            assert made.status_code < 300, made.text
            eid = made.json()["id"]
            assert (await b.get("/api/journal/trades")).json()["trades"] == []
            for method, path, body in (
                ("GET", f"/api/journal/trades/{tid}", None),
                ("PUT", f"/api/journal/trades/{tid}", {"tags": ["bob"]}),
                ("GET", f"/api/journal/trades/{tid}/excursion", None),
                ("GET", f"/api/journal/entries/{eid}", None),
                ("PUT", f"/api/journal/entries/{eid}", {"body": "bob was here"}),
                ("GET", f"/api/journal/entries/{eid}/history", None),
            ):
                assert (await b.request(method, path, json=body)).status_code == 404, path
                assert (await a.request("GET", path.removesuffix("/excursion"))).status_code == 200
            found = (await b.get("/api/journal/search", params={"q": "secret"})).json()
            assert "alice" not in str(found)
            assert "secret plan" in str(
                (await a.get("/api/journal/search", params={"q": "secret"})).json()
            )
            assert (await b.get("/api/journal/stats")).json()["trades"] == 0
            assert (await a.get("/api/journal/stats")).json()["trades"] == 1
            entry = (await a.get(f"/api/journal/entries/{eid}")).json()
            assert entry["body"] == "alice's secret plan"  # bob's PUT changed nothing

            # watchlists: bob's change never touches alice's list
            assert (await b.delete("/api/symbols/SPY")).status_code < 300
            assert (await b.post("/api/symbols", json={"symbol": "AAPL"})).status_code < 300
            mine = (await a.get("/api/symbols")).json()
            assert "SPY" in str(mine) and "AAPL" not in str(mine)
            theirs = (await b.get("/api/symbols")).json()
            assert "AAPL" in str(theirs) and "'SPY'" not in str(theirs)

            # preferences
            prefs = (await a.get("/api/account/settings")).json()["preferences"]
            changed = {**prefs, "alert_speech": True, "chart_up_colour": "#123456"}
            assert (await a.put("/api/account/settings", json=changed)).status_code == 200
            bobs = (await b.get("/api/account/settings")).json()["preferences"]
            assert bobs["chart_up_colour"] != "#123456" and bobs["alert_speech"] is False

            # webhooks: alice's target is hers alone
            hook = {"url": "http://127.0.0.1:9/alice-hook", "secret": "alice-webhook-secret"}
            assert (await a.put("/api/webhook", json=hook)).status_code < 300
            assert (await b.get("/api/webhook")).status_code == 404
            assert (await a.get("/api/webhook")).status_code == 200
            assert (await b.delete("/api/webhook")).status_code == 404
            assert (await a.get("/api/webhook")).status_code == 200
