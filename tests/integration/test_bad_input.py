"""Bad input never makes a server error: huge integers in paths, queries and bodies, deeply
nested JSON, and look-alike symbols, over real HTTP on SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from spotlight_trader.errors import InputError
from spotlight_trader.model import normalise_symbol
from spotlight_trader.runtime.components import build_components
from spotlight_trader.runtime.ingest import Ingest
from spotlight_trader.storage.db import make_engine
from tests.conftest import make_settings, running_server
from tests.fakes.feeds import ScriptedFeed, synthetic_trades
from tests.storage_backends import BACKENDS, database

HUGE = [2**63, 2**63 + 1, 2**64, 10**30]


@contextlib.asynccontextmanager
async def api(backend: str, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    feed = ScriptedFeed(synthetic_trades(["SPY"], 1_700_000_040_000, minutes=3), hold=True)
    async with database(backend, tmp_path) as (url, schema):
        components = build_components(
            make_settings(watchlist="SPY", write_rate_per_min=10_000),
            engine=make_engine(url, schema=schema),
        )
        async with (
            running_server(Ingest(components, feed)) as base,
            httpx.AsyncClient(base_url=base, timeout=30) as client,
        ):
            yield client


@pytest.mark.parametrize("backend", BACKENDS)
async def test_integers_past_64_bits_get_422_not_500(backend: str, tmp_path: Path) -> None:
    async with api(backend, tmp_path) as client:
        # a custom rule of this user's (built-ins are read-only templates: 403 before the body)
        created = await client.post("/api/rules", json={"name": "mine", "expression": "close > 1"})
        rid = created.json()["id"]
        for n in [*HUGE, 2**63 - 1]:
            expected = 404 if n == 2**63 - 1 else 422  # the largest id is merely absent
            calls = [
                client.get(f"/api/rules/{n}/versions"),
                client.post(f"/api/rules/{n}/versions", json={"note": "x"}),
                client.post(f"/api/rules/{n}/revert", json={"version": 1}),
                client.put(f"/api/rules/{n}/settings", json={"enabled": True}),
                client.post(f"/api/rules/{n}/backtest", json={"symbol": "SPY"}),
            ]
            for call in calls:
                response = await call
                assert response.status_code == expected, (n, response.url, response.text)
                assert "error" in response.json()
            signals = await client.get("/api/signals", params={"rule_id": str(n)})
            assert signals.status_code == (200 if n == 2**63 - 1 else 422), signals.text
            entries = await client.get("/api/journal/entries", params={"trade": str(n)})
            assert entries.status_code == (200 if n == 2**63 - 1 else 422), entries.text
        for n in HUGE:
            for path, body in (
                (f"/api/rules/{rid}/revert", {"version": n}),
                (f"/api/rules/{rid}/backtest", {"symbol": "SPY", "version": n}),
                (f"/api/rules/{rid}/backtest", {"symbol": "SPY", "limit": n}),
                (f"/api/rules/{rid}/versions", {"cooldown_s": n}),
                ("/api/rules", {"name": "r", "expression": "close > 1", "cooldown_s": n}),
            ):
                response = await client.post(path, json=body)
                assert response.status_code == 422, (path, body, response.text)
            bars = await client.get("/api/bars", params={"symbol": "SPY", "beforeSeq": str(n)})
            assert bars.status_code == 422


@pytest.mark.parametrize("backend", BACKENDS)
async def test_deeply_nested_json_is_refused_and_changes_nothing(
    backend: str, tmp_path: Path
) -> None:
    async with api(backend, tmp_path) as client:
        # a custom rule of this user's (built-ins are read-only templates: 403 before the body)
        created = await client.post("/api/rules", json={"name": "mine", "expression": "close > 1"})
        rid = created.json()["id"]
        rules = (await client.get("/api/rules")).json()["rules"]
        deep = "[" * 1_000 + "]" * 1_000
        for path, body, method in (
            (f"/api/rules/{rid}/settings", '{"enabled": true, "params": {"a": %s}}', "PUT"),
            (f"/api/rules/{rid}/versions", '{"params": {"minutes": %s}}', "POST"),
            ("/api/rules/validate", '{"expression": %s}', "POST"),
            ("/api/symbols", '{"symbol": %s}', "POST"),
            ("/api/rules", "%s", "POST"),
        ):
            response = await client.request(
                method,
                path,
                content=(body % deep).encode(),
                headers={"content-type": "application/json"},
            )
            assert response.status_code in (400, 422), (path, response.text)
            assert "error" in response.json()
        assert (await client.get("/api/rules")).json()["rules"] == rules
        versions = (await client.get(f"/api/rules/{rid}/versions")).json()["versions"]
        assert [v["version"] for v in versions] == [1]


async def test_look_alike_symbols_are_refused_over_http(tmp_path: Path) -> None:
    async with api("sqlite", tmp_path) as client:
        for symbol in ("ı", "ß", "spı", "ＳＰＹ", "Ǆ", "ﬀ", "AAPL\u0130"):
            added = await client.post("/api/symbols", json={"symbol": symbol})
            assert added.status_code == 422, (symbol, added.text)
            bars = await client.get("/api/bars", params={"symbol": symbol})
            assert bars.status_code == 422, symbol
            removed = await client.delete(f"/api/symbols/{symbol}")
            assert removed.status_code == 422, symbol
        symbols = [s["symbol"] for s in (await client.get("/api/symbols")).json()["symbols"]]
        assert symbols == ["SPY"]
        assert (await client.post("/api/symbols", json={"symbol": "brk.b"})).json() == {
            "symbol": "BRK.B"
        }


@given(st.text(max_size=12))
def test_a_symbol_is_accepted_only_when_it_is_ascii_before_upper_casing(raw: str) -> None:
    # independent oracle: ASCII letters, digits, '.' and '-', a letter first, at most 10
    stripped = raw.strip()
    valid = (
        0 < len(stripped) <= 10
        and stripped.isascii()
        and stripped[0].isalpha()
        and all(c.isalnum() or c in ".-" for c in stripped)
    )
    try:
        symbol = normalise_symbol(raw)
    except InputError:
        assert not valid, raw
    else:
        assert valid, raw
        assert symbol == stripped.upper() and len(symbol) == len(stripped)
