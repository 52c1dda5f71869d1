"""Alerts in the browser: a rule enabled in the UI produces an alert in the feed and a marker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, ConsoleErrors, Server, serve_env
from tests.browser.test_dashboard import open_dashboard, wait_for
from tests.conftest import free_port

pytestmark = pytest.mark.browser


@pytest.fixture
def fast_server(tmp_path: Path) -> Iterator[Server]:
    """The simulated market at 30× (a minute closes every 2 s) with its own database."""
    srv = Server(serve_env(tmp_path, SIM_SPEED="30", WATCHLIST="SPY,QQQ,AAPL"), free_port())
    srv.start()
    yield srv
    srv.stop()
    srv.http.close()


def rule_named(server: Server, name: str) -> dict[str, Any]:
    rules = server.http.get("/api/rules").json()["rules"]
    return next(r for r in rules if r["name"] == name)


def test_rule_enabled_in_the_ui_fires_into_the_feed_and_onto_the_chart(
    page: Page, fast_server: Server, console_errors: ConsoleErrors
) -> None:
    server = fast_server
    open_dashboard(page, server)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=10_000)

    # create a custom rule with live validation
    page.get_by_test_id("rule-new").click()
    editor = page.get_by_test_id("rule-editor")
    expect(editor).to_be_visible()
    page.get_by_test_id("rule-name").fill("Close above 1")
    page.get_by_test_id("rule-expression").fill("close > ")
    expect(page.get_by_test_id("rule-validation")).to_have_attribute(
        "data-status", "error", timeout=5_000
    )
    page.get_by_test_id("rule-expression").fill("close > 1 and volume > 0")
    expect(page.get_by_test_id("rule-validation")).to_have_attribute(
        "data-status", "ok", timeout=5_000
    )
    page.get_by_test_id("rule-create").click()
    wait_for(
        lambda: any(
            r["name"] == "Close above 1" for r in server.http.get("/api/rules").json()["rules"]
        ),
        10,
        "the rule to exist",
    )
    rule = rule_named(server, "Close above 1")
    rule_id = rule["id"]
    row = page.get_by_test_id(f"rule-{rule_id}")
    expect(row).to_be_visible(timeout=5_000)

    # switch it off, then enable it in the UI; the server's per-user settings follow
    toggle = page.get_by_test_id(f"rule-toggle-{rule_id}")
    if row.get_attribute("data-enabled") == "true":
        toggle.click()
        expect(row).to_have_attribute("data-enabled", "false", timeout=5_000)
        assert rule_named(server, "Close above 1")["settings"]["enabled"] is False
    # the newest final minute of every symbol before enabling: only an alert on a later bar
    # can be one that enabling caused (earlier ones may come from before it was switched off)
    newest = {
        symbol: server.http.get("/api/bars", params={"symbol": symbol, "limit": 1}).json()["bars"][
            -1
        ]["seq"]
        for symbol in ("SPY", "QQQ", "AAPL")
    }
    toggle.click()
    expect(row).to_have_attribute("data-enabled", "true", timeout=5_000)
    assert rule_named(server, "Close above 1")["settings"]["enabled"] is True

    # an alert of this rule on a bar that closed after enabling reaches the feed (a minute
    # closes every 2 s at 30×)
    def alert_of_rule() -> dict[str, Any] | None:
        alerts: list[dict[str, Any]] = page.evaluate("window.__spotlight.alerts()")
        return next(
            (a for a in alerts if a["rule_id"] == rule_id and a["seq"] > newest[a["symbol"]]),
            None,
        )

    signal = wait_for(alert_of_rule, 60, "an alert of the new rule in the feed")
    item = page.get_by_test_id(f"alert-{signal['id']}")
    expect(item).to_be_visible()
    expect(item).to_contain_text(signal["symbol"])
    assert signal["version"] == rule["version"]["version"]
    assert signal["explanation"]
    stored = server.http.get(
        "/api/signals",
        params={"rule_id": rule_id, "symbol": signal["symbol"], "limit": 1_000},
    ).json()["signals"]
    assert signal["id"] in [s["id"] for s in stored]  # the one in the feed is the stored one

    # clicking it selects the symbol; the chart carries a marker for that signal
    item.click()
    wait_for(
        lambda: page.evaluate("window.__spotlight.selected()") == signal["symbol"],
        5,
        "the alert's symbol",
    )
    wait_for(
        lambda: any(
            m["id"] == str(signal["id"]) for m in page.evaluate("window.__spotlight.markers()")
        ),
        10,
        "a chart marker for the alert",
    )
    page.screenshot(path=str(ARTIFACTS / "alerts.png"))
    assert console_errors == []
