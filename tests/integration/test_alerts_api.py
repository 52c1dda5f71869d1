"""Rules and signals over HTTP against a real server; alert events on /stream/market."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from httpx_sse import aconnect_sse
from typer.testing import CliRunner

from spotlight_trader import cli
from spotlight_trader.rules.builtins import BUILTINS
from spotlight_trader.storage.db import database_url, head_revision
from tests.conftest import make_service, make_settings, running_server, until
from tests.factories import repositories
from tests.fakes.feeds import ScriptedFeed, synthetic_trades

SYMBOLS = ["SPY", "QQQ", "AAPL"]
START = 1_700_000_040_000
JSON = {"content-type": "application/json"}
SIGNAL_KEYS = {
    "id", "rule_id", "rule_name", "version", "symbol", "seq", "ts_ms", "direction", "inputs",
    "explanation", "user_id", "key",
}  # fmt: skip


async def test_rules_api_contract() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=5), hold=True)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        rules = (await client.get("/api/rules")).json()["rules"]
        assert sorted(r["builtin"] for r in rules) == sorted(BUILTINS)
        orb = next(r for r in rules if r["builtin"] == "orb")
        assert orb["kind"] == "builtin" and orb["settings"] == {
            "enabled": False,
            "params": {},
            "symbols": None,
            "cooldown_s": None,
            "expires_at_ms": None,
        }
        assert set(orb["version"]) == {
            "rule_id", "version", "params", "expression", "frequency", "cooldown_s",
            "intrabar", "created_at_ms", "note", "fire_mode",
        }  # fmt: skip
        assert orb["version"]["params"] == {"minutes": 15, "confirmation": "close", "side": "both"}

        ok = (await client.post("/api/rules/validate", json={"expression": "close > vwap"})).json()
        assert ok == {"ok": True, "error": None, "fields": ["close", "vwap"], "reasons": []}
        bad = (await client.post("/api/rules/validate", json={"expression": "close >"})).json()
        assert bad["ok"] is False and bad["error"]["position"] == 7
        assert "number" in bad["error"]["expected"] and bad["fields"] == []

        body = {
            "name": "Above VWAP",
            "expression": "close > vwap and rvol >= 2",
            "frequency": "once_per_bar",
            "cooldown_s": 60,
            "intrabar": True,
            "description": "trend",
        }
        created = await client.post("/api/rules", json=body)
        assert created.status_code == 201
        rule = created.json()
        assert rule["kind"] == "custom" and rule["builtin"] is None
        assert rule["version"]["version"] == 1 and rule["version"]["intrabar"] is True
        assert rule["settings"]["enabled"] is True
        rid = rule["id"]

        bad_rule = await client.post("/api/rules", json={**body, "expression": "close >> 1"})
        assert bad_rule.status_code == 422
        assert bad_rule.json()["field"] == "expression" and "at 7" in bad_rule.json()["error"]
        bad_freq = await client.post("/api/rules", json={**body, "frequency": "hourly"})
        assert bad_freq.status_code == 422 and bad_freq.json()["field"] == "frequency"
        assert rule["version"]["fire_mode"] == "becomes_true" and rule["paused_reason"] is None
        bad_mode = await client.post("/api/rules", json={**body, "fire_mode": "sometimes"})
        assert bad_mode.status_code == 422 and bad_mode.json()["field"] == "fire_mode"
        resumed = await client.post(f"/api/rules/{rid}/resume")
        assert resumed.status_code == 200 and resumed.json()["paused_at_ms"] is None
        assert (await client.post("/api/rules/999/resume")).status_code == 404

        v2 = await client.post(
            f"/api/rules/{rid}/versions", json={"expression": "close > vwap", "note": "simpler"}
        )
        assert v2.status_code == 201 and v2.json()["version"] == 2
        assert v2.json()["cooldown_s"] == 60 and v2.json()["note"] == "simpler"
        reverted = await client.post(f"/api/rules/{rid}/revert", json={"version": 1})
        assert reverted.status_code == 201
        assert reverted.json()["version"] == 3
        assert reverted.json()["expression"] == "close > vwap and rvol >= 2"
        versions = (await client.get(f"/api/rules/{rid}/versions")).json()["versions"]
        assert [v["version"] for v in versions] == [3, 2, 1]
        missing = await client.post(f"/api/rules/{rid}/revert", json={"version": 9})
        assert missing.status_code == 404

        settings = await client.put(
            f"/api/rules/{orb['id']}/settings",
            json={"enabled": True, "params": {"minutes": 5}, "symbols": ["spy"]},
        )
        assert settings.json() == {
            "enabled": True,
            "params": {"minutes": 5},
            "symbols": ["SPY"],
            "cooldown_s": None,
            "expires_at_ms": None,
        }
        bad_settings = await client.put(
            f"/api/rules/{orb['id']}/settings",
            json={"enabled": True, "params": {"minutes": 7}, "symbols": None},
        )
        assert bad_settings.status_code == 422 and bad_settings.json()["field"] == "params"
        assert (await client.get("/api/rules/999/versions")).status_code == 404
        not_json = await client.post("/api/rules", content=b"{", headers=JSON)
        assert not_json.status_code == 400 and "error" in not_json.json()
        assert (await client.get("/api/signals")).json() == {"signals": []}
        assert (await client.get("/api/signals", params={"limit": 0})).status_code == 422
        spec = (await client.get("/openapi.json")).json()
        assert {"Rule", "RuleVersion", "UserRuleSettings", "Signal"} <= set(
            spec["components"]["schemas"]
        )
        assert {p["name"] for p in spec["paths"]["/api/signals"]["get"]["parameters"]} == {
            "symbol",
            "rule_id",
            "limit",
        }


async def _read_alerts(
    client: httpx.AsyncClient, feed: ScriptedFeed, rng: random.Random, idle: Callable[[], bool]
) -> tuple[list[dict[str, Any]], int]:
    received: list[dict[str, Any]] = []
    last_id: str | None = None
    reconnects = 0
    released = False
    final = False
    while True:
        headers = {"Last-Event-ID": last_id} if last_id else {}
        budget = rng.randint(1, 25)
        async with aconnect_sse(
            client,
            "GET",
            "/stream/market",
            params={"symbols": ",".join(SYMBOLS)},
            headers=headers,
        ) as source:
            async for event in source.aiter_sse():
                if event.id:
                    last_id = event.id
                if event.event == "ready" and not released:
                    feed.release.set()
                    released = True
                if event.event == "alert":
                    received.append(json.loads(event.data))
                    assert event.id.endswith(f",alerts:{received[-1]['id']}")
                budget -= 1
                if budget <= 0 and not feed.done.is_set():
                    break
                if feed.done.is_set() and event.event == "status":
                    break
        if feed.done.is_set() and budget > 0:
            if final:
                return received, reconnects
            # the last minutes' signals may be stored after the feed ends: once the engine
            # has evaluated everything, resume once more; the replay must bring them
            await until(idle)
            final = True
        reconnects += 1


async def test_alert_events_resume_losslessly() -> None:
    trades = synthetic_trades(SYMBOLS, START, minutes=120, seed=8)
    feed = ScriptedFeed(trades, batch=12, pause_s=0.003, hold=True)
    service = make_service(feed, watchlist=",".join(SYMBOLS))
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        rule = (
            await client.post(
                "/api/rules",
                json={"name": "up", "expression": "close > open", "fire_mode": "while_true"},
            )
        ).json()
        received, reconnects = await _read_alerts(
            client, feed, random.Random(5), lambda: service.engine.idle
        )
        stored = (await client.get("/api/signals", params={"limit": 1000})).json()["signals"]
        # backtest the same version over the ring: same bars → same signals
        for symbol in SYMBOLS:
            bt = await client.post(f"/api/rules/{rule['id']}/backtest", json={"symbol": symbol})
            assert bt.status_code == 200
            expected = [(s["seq"], s["explanation"]) for s in stored if s["symbol"] == symbol]
            got = [(s["seq"], s["explanation"]) for s in bt.json()["signals"]]
            assert got == expected[::-1] and all(s["id"] == 0 for s in bt.json()["signals"])
        by_symbol = await client.get("/api/signals", params={"symbol": "spy", "limit": 1000})
        assert {s["symbol"] for s in by_symbol.json()["signals"]} == {"SPY"}
    assert reconnects >= 10
    assert len(stored) > 100
    assert [s["id"] for s in received] == sorted(s["id"] for s in stored)
    assert received == stored[::-1]
    first = received[0]
    assert set(first) == SIGNAL_KEYS
    assert first["rule_id"] == rule["id"] and first["version"] == 1
    assert first["inputs"].keys() == {"close", "open"}
    assert first["explanation"].endswith(" ET") and "close > open" in first["explanation"]


async def test_tokens_separate_users(tmp_path: Path) -> None:
    settings = make_settings()
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=3), hold=True)
    service = make_service(feed, watchlist="SPY", auth_mode="password", session_secret="k" * 32)
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        async with repositories(database_url(settings)) as repos:
            for name in ("alice", "bob"):
                await repos.users.add_user(name)
            _, alice = await repos.users.create_token(user="alice", name="t")
            _, bob = await repos.users.create_token(user="bob", name="t")
        assert (await client.get("/api/rules")).status_code == 401
        a = {"Authorization": f"Bearer {alice}"}
        b = {"Authorization": f"Bearer {bob}"}
        made = await client.post(
            "/api/rules", json={"name": "mine", "expression": "close > 1"}, headers=a
        )
        rid = made.json()["id"]
        assert rid in {r["id"] for r in (await client.get("/api/rules", headers=a)).json()["rules"]}
        assert rid not in {
            r["id"] for r in (await client.get("/api/rules", headers=b)).json()["rules"]
        }
        assert (await client.get(f"/api/rules/{rid}/versions", headers=b)).status_code == 404
        orb = next(
            r for r in (await client.get("/api/rules", headers=a)).json()["rules"] if r["builtin"]
        )
        await client.put(
            f"/api/rules/{orb['id']}/settings",
            json={"enabled": True, "params": {}, "symbols": None},
            headers=a,
        )
        theirs = next(
            r
            for r in (await client.get("/api/rules", headers=b)).json()["rules"]
            if r["id"] == orb["id"]
        )
        assert theirs["settings"]["enabled"] is False
        bad = {"Authorization": "Bearer nope"}
        assert (await client.get("/api/signals", headers=bad)).status_code == 401


def test_cli_db_upgrade_and_downgrade(tmp_path: Path) -> None:
    env = {"DATA_DIR": str(tmp_path / "d")}
    runner = CliRunner()
    up = runner.invoke(cli.app, ["db", "upgrade"], env=env, catch_exceptions=False)
    assert up.exit_code == 0 and f"revision {head_revision()}" in up.output
    down = runner.invoke(cli.app, ["db", "downgrade", "base"], env=env, catch_exceptions=False)
    assert down.exit_code == 0 and "revision base" in down.output
    assert (tmp_path / "d" / "spotlight.db").is_file()


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/rules", {"name": "x"}, "expression"),
        ("/api/rules/validate", {}, "expression"),
    ],
)
async def test_bad_bodies_name_the_field(path: str, body: dict[str, Any], field: str) -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=3), hold=True)
    async with (
        running_server(make_service(feed, watchlist="SPY")) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        response = await client.post(path, json=body)
        assert response.status_code == 422
        assert response.json()["field"] == field


async def test_every_rules_body_route_rejects_bad_bodies_with_4xx_json() -> None:
    feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=5), hold=True)
    service = make_service(feed, watchlist="SPY")
    async with (
        running_server(service) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        rid = (await client.get("/api/rules")).json()["rules"][0]["id"]
        routes = [
            ("POST", "/api/rules", "name"),
            ("POST", "/api/rules/validate", "expression"),
            ("POST", f"/api/rules/{rid}/versions", None),
            ("POST", f"/api/rules/{rid}/revert", "version"),
            ("PUT", f"/api/rules/{rid}/settings", None),  # every setting has a default
            ("POST", f"/api/rules/{rid}/backtest", "symbol"),
        ]
        for method, path, required in routes:
            huge = await client.request(
                method, path, content=b"[" + b"1," * 20_000 + b"1]", headers=JSON
            )
            assert huge.status_code == 413, path
            not_json = await client.request(method, path, content=b"{nope", headers=JSON)
            assert not_json.status_code == 400 and "JSON object" in not_json.json()["error"], path
            wrong_type = await client.request(method, path, content=b"[1, 2]", headers=JSON)
            assert wrong_type.status_code == 422 and "invalid body" in wrong_type.json()["error"]
            if required is not None:  # (every field of a version edit is optional)
                missing = await client.request(method, path, content=b"{}", headers=JSON)
                assert missing.status_code == 422, path
                assert missing.json()["field"] == required, (path, missing.json())
        assert (await client.get(f"/api/rules/{rid}/versions")).json()["versions"][0][
            "version"
        ] == 1
