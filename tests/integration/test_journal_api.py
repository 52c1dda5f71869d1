"""The journal over HTTP against a real server, on SQLite and PostgreSQL: preview,
all-or-nothing import, re-import, trades, stats, entries with history, search, recap."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from spotlight_trader.runtime.components import build_components
from spotlight_trader.runtime.ingest import Ingest
from spotlight_trader.storage.db import make_engine
from tests.conftest import make_settings, running_server
from tests.fakes.feeds import ScriptedFeed
from tests.storage_backends import BACKENDS, database

CSV = """Date,Time,Symbol,Quantity,Price,Side,Commission
06/02/2025,09:31:00,SPY,100,530.00,B,1
06/02/2025,09:40:00,SPY,100,531.50,S,1
06/02/2025,10:00:00,AAPL,10,200,SS,0
06/02/2025,11:30:00,AAPL,10,201,BC,0
06/03/2025,09:45:00,SPY,50,528,B,0.5
06/03/2025,09:50:00,SPY,50,529,S,0.5
"""
BAD = CSV + "06/03/2025,10:00:00,SPY,50,-1,B,0\n13/03/2025,10:00:00,SPY,50,1,B,0\n"


@pytest.fixture(params=BACKENDS)
async def client(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    async with database(request.param, tmp_path) as (url, schema):
        components = build_components(make_settings(), engine=make_engine(url, schema=schema))
        service = Ingest(components, ScriptedFeed([], hold=True))
        async with (
            running_server(service) as base,
            httpx.AsyncClient(base_url=base, timeout=30) as c,
        ):
            yield c


async def upload(client: httpx.AsyncClient, text: str, **form: str) -> httpx.Response:
    files = {"file": ("fills.csv", text.encode(), "text/csv")}
    return await client.post(
        "/api/journal/imports", files=files, data={"tz": "America/New_York", **form}
    )


async def test_import_preview_then_store_then_reimport(client: httpx.AsyncClient) -> None:
    bad = await upload(client, BAD)
    assert bad.status_code == 422
    body = bad.json()
    assert body["ok"] is False and body["added"] == 0 and body["error_count"] == 2
    assert [(e["line"], e["message"].split(":")[0]) for e in body["errors"]] == [
        (8, "Price"),
        (9, "Date"),
    ]
    assert (await client.get("/api/journal/trades")).json() == {"trades": []}  # nothing written

    preview = (await upload(client, CSV, preview="true", account="cash")).json()
    assert (
        preview["ok"]
        and preview["preview"]
        and preview["fill_count"] == 6
        and preview["trades"] == 3
    )
    assert preview["fills"][0]["price"] == "530.00" and preview["added"] == 0
    assert (await client.get("/api/journal/trades")).json() == {"trades": []}

    stored = (await upload(client, CSV, account="cash")).json()
    assert (stored["added"], stored["already_stored"]) == (6, 0) and stored["import_id"]
    again = (await upload(client, CSV, account="cash")).json()
    assert (again["added"], again["already_stored"], again["import_id"]) == (0, 6, None)
    other = (await upload(client, CSV, account="ira")).json()
    assert other["added"] == 6

    trades = (await client.get("/api/journal/trades", params={"account": "cash"})).json()["trades"]
    assert [(t["symbol"], t["direction"], t["day"], t["net_pnl"]) for t in trades] == [
        ("SPY", "long", "2025-06-03", "49.0"),
        ("AAPL", "short", "2025-06-02", "-10"),
        ("SPY", "long", "2025-06-02", "148.00"),
    ]
    spy = trades[2]
    assert [leg["role"] for leg in spy["legs"]] == ["entry", "exit"]
    one = (await client.get(f"/api/journal/trades/{spy['id']}")).json()
    assert one == spy
    assert (await client.get("/api/journal/trades/999999")).status_code == 404
    excursion = (await client.get(f"/api/journal/trades/{spy['id']}/excursion")).json()
    assert excursion["available"] is False and excursion["mae"] is None
    assert excursion["reason"] == "no 1-minute bars of SPY are stored"  # the ring has none

    meta = await client.put(
        f"/api/journal/trades/{spy['id']}", json={"stop": "529.00", "tags": ["ORB"]}
    )
    assert meta.status_code == 200 and meta.json()["tags"] == ["orb"]
    assert meta.json()["r_multiple"] == "1.48"

    stats = (await client.get("/api/journal/stats", params={"account": "cash"})).json()
    assert (stats["trades"], stats["wins"], stats["losses"]) == (3, 2, 1)
    assert stats["net_pnl"] == "187.00" and stats["avg_r"] == 1.48
    assert [(b["key"], b["net_pnl"]) for b in stats["by_day"]] == [
        ("2025-06-02", "138.00"),
        ("2025-06-03", "49.0"),
    ]
    assert [b["key"] for b in stats["by_tag"]] == ["orb"]
    day = (
        await client.get("/api/journal/stats", params={"from": "2025-06-03", "to": "2025-06-03"})
    ).json()
    assert day["trades"] == 2  # cash and ira
    tagged = (await client.get("/api/journal/trades", params={"tag": "orb"})).json()["trades"]
    assert [t["id"] for t in tagged] == [spy["id"]]
    assert (await client.get("/api/journal/stats", params={"from": "June"})).status_code == 422


async def test_manual_fills(client: httpx.AsyncClient) -> None:
    fills: list[dict[str, Any]] = [
        {
            "symbol": "tsla",
            "ts_ms": 1_748_871_000_000,
            "side": "buy",
            "quantity": "10",
            "price": "300",
        },
        {
            "symbol": "TSLA",
            "ts_ms": 1_748_871_600_000,
            "side": "sell",
            "quantity": "10",
            "price": "303.5",
        },
    ]
    made = await client.post("/api/journal/fills", json={"fills": fills})
    assert made.status_code == 201 and made.json() == {"added": 2}
    [trade] = (await client.get("/api/journal/trades")).json()["trades"]
    assert (trade["symbol"], trade["account"], trade["gross_pnl"]) == ("TSLA", "default", "35.0")
    bad = await client.post("/api/journal/fills", json={"fills": [{**fills[0], "price": "-1"}]})
    assert bad.status_code == 422


async def test_entries_history_search_and_recap(client: httpx.AsyncClient) -> None:
    await upload(client, CSV, account="cash")
    trades = (await client.get("/api/journal/trades")).json()["trades"]
    made = await client.post(
        "/api/journal/entries",
        json={
            "body": "Waited for the $SPY ORB retest #orb",
            "day": "2025-06-02",
            "trade_ids": [trades[-1]["id"]],
        },
    )
    assert made.status_code == 201
    entry = made.json()
    assert (entry["symbols"], entry["tags"], entry["version"]) == (["SPY"], ["orb"], 1)
    edit = {
        "body": "Waited for the $SPY ORB retest, then scaled out too early #orb #mistake/early-exit"
    }
    edited = (await client.put(f"/api/journal/entries/{entry['id']}", json=edit)).json()
    assert edited["version"] == 2 and edited["trade_ids"] == entry["trade_ids"]
    history = (await client.get(f"/api/journal/entries/{entry['id']}/history")).json()
    assert [v["body"] for v in history["versions"]] == [entry["body"]]
    found = (await client.get("/api/journal/search", params={"q": "scaled early"})).json()
    assert [e["id"] for e in found["entries"]] == [entry["id"]]
    assert (await client.get("/api/journal/search", params={"q": "nothing-like-this"})).json() == {
        "entries": []
    }
    linked = (await client.get("/api/journal/entries", params={"trade": trades[-1]["id"]})).json()
    assert [e["id"] for e in linked["entries"]] == [entry["id"]]

    recap = (await client.get("/api/journal/recap", params={"date": "2025-06-02"})).json()
    assert (recap["trades"], recap["wins"], recap["losses"], recap["net_pnl"]) == (
        2,
        1,
        1,
        "138.00",
    )
    assert recap["entries"] == 1 and "scaled out too early" in recap["markdown"]
    md = await client.get("/api/journal/recap", params={"date": "2025-06-02", "format": "md"})
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# Recap 2025-06-02") and md.text == recap["markdown"]
    assert (
        await client.get("/api/journal/recap", params={"date": "2025-13-40"})
    ).status_code == 422
