"""Rule management over HTTP against a real server: read-only built-ins (403), delete,
duplicate, resume, the rules-per-user cap, and that creating a rule loads only it."""

from __future__ import annotations

import httpx

from tests.conftest import make_service, running_server, until
from tests.fakes.feeds import ScriptedFeed, synthetic_trades
from tests.integration.test_rule_management import _Spy

START = 1_700_000_040_000


async def test_manage_rules_over_http() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=3), hold=True)
    service = make_service(feed, watchlist="SPY", rules_per_user=2)
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        rules = (await client.get("/api/rules")).json()["rules"]
        vwap = next(r for r in rules if r["builtin"] == "vwap_reclaim")
        assert vwap["version"]["cooldown_s"] == 600
        edit = await client.post(f"/api/rules/{vwap['id']}/versions", json={"cooldown_s": 1})
        assert edit.status_code == 403 and "read-only" in edit.json()["error"]
        assert (
            await client.post(f"/api/rules/{vwap['id']}/revert", json={"version": 1})
        ).status_code == 403
        assert (await client.delete(f"/api/rules/{vwap['id']}")).status_code == 403
        assert (await client.post(f"/api/rules/{vwap['id']}/duplicate")).status_code == 403
        mine = await client.put(
            f"/api/rules/{vwap['id']}/settings",
            json={"enabled": True, "params": {}, "symbols": None, "cooldown_s": 60},
        )
        assert mine.status_code == 200 and mine.json()["cooldown_s"] == 60

        spy = _Spy(service.components.rules)
        service.engine.rules = spy
        body = {"name": "up", "expression": "close > open"}
        created = (await client.post("/api/rules", json=body)).json()
        assert spy.calls == [{"user": "local", "rule_id": created["id"]}]  # not every rule
        copy = await client.post(f"/api/rules/{created['id']}/duplicate")
        assert copy.status_code == 201 and copy.json()["name"] == "up (copy)"
        full = await client.post("/api/rules", json=body)
        assert full.status_code == 422 and "RULES_PER_USER" in full.json()["error"]

        gone = await client.delete(f"/api/rules/{created['id']}")
        assert gone.status_code == 204
        assert (await client.get(f"/api/rules/{created['id']}/versions")).status_code == 404
        assert (await client.delete(f"/api/rules/{created['id']}")).status_code == 404
        names = [r["name"] for r in (await client.get("/api/rules")).json()["rules"]]
        assert "up" not in names and "up (copy)" in names
        assert (await client.post("/api/rules", json=body)).status_code == 201  # room again
        assert spy.calls and all(c["rule_id"] is not None for c in spy.calls)


async def test_schema_ranges_scope_and_reasons_over_http() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=5), hold=True)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        rules = (await client.get("/api/rules")).json()["rules"]
        rvol = next(r for r in rules if r["builtin"] == "rvol_spike")
        assert rvol["params_schema"] == [
            {
                "name": "threshold", "label": "RVOL threshold", "kind": "number",
                "help": "Fires when time-of-day relative volume rises through this.",
                "unit": "×", "minimum": 0.1, "maximum": 100.0, "choices": None,
            }
        ]  # fmt: skip
        path = f"/api/rules/{rvol['id']}/settings"
        negative = await client.put(path, json={"enabled": True, "params": {"threshold": -5}})
        assert negative.status_code == 422 and negative.json()["field"] == "params"
        assert "RVOL threshold must be from 0.1 to 100 ×" in negative.json()["error"]
        foreign = await client.put(path, json={"enabled": True, "symbols": ["SPY", "TSLA"]})
        assert foreign.status_code == 422 and foreign.json()["field"] == "symbols"
        assert "not on the watchlist: TSLA" in foreign.json()["error"]
        ok = await client.put(path, json={"enabled": True, "symbols": ["spy"]})
        assert ok.status_code == 200

        ready = await client.get(f"/api/rules/{rvol['id']}/readiness", params={"symbol": "SPY"})
        assert ready.json() == {"symbol": "SPY", "reasons": ["no bars of SPY loaded yet"]}
        feed.release.set()
        await until(feed.done.is_set)
        await until(lambda: service.engine.core.last.get("SPY") is not None)
        ready = await client.get(f"/api/rules/{rvol['id']}/readiness", params={"symbol": "SPY"})
        assert ready.json()["reasons"] == ["RVOL needs 3 sessions of history; 0 loaded"]
        bt = await client.post(f"/api/rules/{rvol['id']}/backtest", json={"symbol": "SPY"})
        assert bt.json() == {
            "signals": [],
            "reasons": ["RVOL needs 3 sessions of history; 0 loaded"],
            "outcomes": [],
            "summary": [
                {"minutes": n, "count": 0, "hit_rate": None, "avg_return_pct": None}
                for n in (5, 15, 30)
            ],
        }
        check = {"expression": "close > ema21", "symbol": "SPY"}
        valid = (await client.post("/api/rules/validate", json=check)).json()
        assert valid["ok"] and valid["reasons"] == ["ema21 has no value yet (after 21 bars)"]


async def test_a_rule_created_with_a_scope_never_runs_wider() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY", "QQQ"], START, minutes=4), hold=True)
    service = make_service(feed, watchlist="SPY,QQQ")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        body = {"name": "any", "expression": "close > 0", "fire_mode": "while_true"}
        foreign = await client.post("/api/rules", json={**body, "symbols": ["TSLA"]})
        assert foreign.status_code == 422 and "not on the watchlist: TSLA" in foreign.text
        made = await client.post("/api/rules", json={**body, "symbols": ["spy"]})
        assert made.status_code == 201 and made.json()["settings"]["symbols"] == ["SPY"]
        assert made.json()["settings"]["enabled"] is True
        rule_id = made.json()["id"]
        feed.release.set()
        await until(feed.done.is_set)

        async def mine() -> list[dict[str, object]]:
            signals = (await client.get("/api/signals", params={"limit": 500})).json()["signals"]
            return [s for s in signals if s["rule_id"] == rule_id]

        await until(mine)
        assert {s["symbol"] for s in await mine()} == {"SPY"}
