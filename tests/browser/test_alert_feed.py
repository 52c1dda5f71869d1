"""Managing the alert feed in the browser: filter by symbol, mute a symbol for a while,
acknowledge and clear; the state is the user's stored preferences, so it survives a reload."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, ConsoleErrors, Server
from tests.browser.test_alerts import fast_server  # noqa: F401 - the fixture
from tests.browser.test_dashboard import open_dashboard, wait_for

pytestmark = pytest.mark.browser
LONG = 15_000


def rows(page: Page) -> list[dict[str, Any]]:
    """The feed's rows as shown: id, symbol, acknowledged, muted."""
    found: list[dict[str, Any]] = page.locator("[data-testid^='alert-row-']").evaluate_all(
        """els => els.map(e => ({
            id: Number(e.dataset.testid.slice('alert-row-'.length)),
            symbol: e.querySelector('[data-symbol]').dataset.symbol,
            acked: e.dataset.acked === 'true',
            muted: e.dataset.muted === 'true',
        }))"""
    )
    return found


def prefs(server: Server) -> dict[str, Any]:
    got: dict[str, Any] = server.http.get("/api/account/settings").json()["preferences"]
    return got


def test_filter_mute_ack_and_clear_the_feed(
    page: Page,
    fast_server: Server,  # noqa: F811 - the fixture
    console_errors: ConsoleErrors,
) -> None:
    server = fast_server
    rule = server.http.post(
        "/api/rules",
        json={"name": "Every bar", "expression": "close > 0", "fire_mode": "while_true"},
    ).json()
    settings: dict[str, Any] = {"enabled": True, "symbols": None, "params": {}, "cooldown_s": None}
    assert server.http.put(f"/api/rules/{rule['id']}/settings", json=settings).status_code == 200
    open_dashboard(page, server)
    wait_for(lambda: {r["symbol"] for r in rows(page)} >= {"SPY", "QQQ", "AAPL"}, 60, "alerts")

    # filter by symbol: only QQQ's alerts, then all again
    page.get_by_test_id("alerts-filter-symbol").select_option("QQQ")
    wait_for(lambda: rows(page) and all(r["symbol"] == "QQQ" for r in rows(page)), 10, "QQQ")
    page.get_by_test_id("alerts-filter-symbol").select_option("")

    # mute SPY for 15 minutes from one of its alerts: it leaves the feed and stays out
    spy = next(r for r in rows(page) if r["symbol"] == "SPY")
    page.get_by_test_id(f"alert-mute-{spy['id']}").locator("summary").click()
    page.get_by_test_id(f"alert-mute-{spy['id']}-symbol-15").click()
    expect(page.get_by_test_id("alerts-mute-symbol-SPY")).to_be_visible()
    wait_for(lambda: all(r["symbol"] != "SPY" for r in rows(page)), 10, "SPY to leave the feed")
    wait_for(lambda: prefs(server)["alert_mutes"], 10, "the stored mute")
    (mute,) = prefs(server)["alert_mutes"]
    assert mute["kind"] == "symbol" and mute["key"] == "SPY"
    expect(page.get_by_test_id("alerts-show-muted")).to_be_visible(timeout=LONG)
    page.get_by_test_id("alerts-show-muted").check()
    wait_for(lambda: any(r["symbol"] == "SPY" and r["muted"] for r in rows(page)), 10, "muted")
    page.get_by_test_id("alerts-show-muted").uncheck()

    # acknowledge one, then all that are shown
    first = rows(page)[0]
    page.get_by_test_id(f"alert-ack-{first['id']}").click()
    wait_for(lambda: first["id"] in prefs(server)["alerts_acked"], 10, "the stored ack")
    shown = {r["id"] for r in rows(page)}
    page.get_by_test_id("alerts-ack-all").click()
    wait_for(lambda: shown <= set(prefs(server)["alerts_acked"]), 10, "every shown alert acked")
    page.screenshot(path=str(ARTIFACTS / "alert-feed-managed.png"))

    # clear: what was there leaves the feed (new alerts keep coming), and a reload agrees
    newest = max(r["id"] for r in rows(page))
    page.get_by_test_id("alerts-clear").click()
    wait_for(lambda: prefs(server)["alerts_cleared_through"] >= newest, 10, "the stored clear")
    wait_for(lambda: all(r["id"] > newest for r in rows(page)), 10, "the feed to clear")
    page.reload()
    open_dashboard(page, server)
    expect(page.get_by_test_id("alerts-mute-symbol-SPY")).to_be_visible(timeout=LONG)
    wait_for(lambda: rows(page), 30, "new alerts after the reload")
    through = prefs(server)["alerts_cleared_through"]
    assert all(r["id"] > through and r["symbol"] != "SPY" for r in rows(page))
    assert console_errors == []
