"""Managing the alert feed in the browser: filter by symbol, mute a symbol for a while,
acknowledge and clear; the state is the user's stored preferences, so it survives a reload."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, ConsoleErrors, Server
from tests.browser.test_alerts import fast_server  # noqa: F401 - the fixture
from tests.browser.test_dashboard import hook, open_dashboard, wait_for

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


# Records each sound (oscillator frequency and waveform) and each desktop notification the
# page makes, then lets the real APIs do the rest.
SOUND_AND_NOTIFICATION_PROBE = """
(() => {
  window.__sounds = [];
  window.__notified = [];
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.__sounds.push({ hz: this.frequency.value, type: this.type });
    return start.apply(this, args);
  };
  const Real = window.Notification;
  class Recording extends Real {
    constructor(title, options) {
      window.__notified.push({ title, body: options?.body ?? "", tag: options?.tag ?? "" });
      super(title, options);
    }
  }
  window.Notification = Recording;
})();
"""


def test_each_rule_has_its_own_sound_and_alerts_reach_the_desktop(
    page: Page,
    fast_server: Server,  # noqa: F811 - the fixture
    console_errors: ConsoleErrors,
) -> None:
    server = fast_server
    page.context.grant_permissions(["notifications"], origin=server.url)
    page.context.add_init_script(SOUND_AND_NOTIFICATION_PROBE)
    rule = server.http.post(
        "/api/rules",
        json={"name": "Every bar", "expression": "close > 0", "fire_mode": "while_true"},
    ).json()
    settings: dict[str, Any] = {"enabled": True, "symbols": ["QQQ"], "params": {}}
    settings["cooldown_s"] = None
    assert server.http.put(f"/api/rules/{rule['id']}/settings", json=settings).status_code == 200
    open_dashboard(page, server)

    # the rule's sound: a bell (a triangle wave at 1.5× the direction's pitch), stored at once
    page.get_by_test_id(f"rule-{rule['id']}").get_by_role("button").click()
    page.get_by_test_id("rule-sound").select_option("bell")
    wait_for(
        lambda: prefs(server)["rule_sounds"] == {str(rule["id"]): "bell"}, 10, "the rule's sound"
    )
    page.keyboard.press("Escape")
    # (alerts chimed before the choice; count from when the server has it, which is after
    # the page applied it: the change is optimistic)
    before = len(page.evaluate("window.__sounds"))
    wait_for(lambda: len(page.evaluate("window.__sounds")) > before, 60, "a sound for an alert")
    sounds = page.evaluate("window.__sounds")[before:]
    assert all(s == {"hz": 660 * 1.5, "type": "triangle"} for s in sounds), sounds  # 660 Hz

    # desktop notifications: asked for on the click, stored, and then every new alert shows
    page.get_by_test_id("alerts-desktop").check()
    wait_for(lambda: prefs(server)["alert_desktop"], 10, "the stored desktop preference")
    notified = wait_for(lambda: page.evaluate("window.__notified"), 60, "a notification")
    assert notified[0]["title"] == "QQQ · Every bar"
    assert notified[0]["body"].startswith("QQQ: close > 0")
    alerts = {a["key"]: a for a in hook(page, "alerts()")}
    assert notified[0]["tag"] in alerts

    # "No sound" for the rule: alerts keep coming, silently
    page.get_by_test_id(f"rule-{rule['id']}").get_by_role("button").click()
    page.get_by_test_id("rule-sound").select_option("off")
    wait_for(lambda: prefs(server)["rule_sounds"][str(rule["id"])] == "off", 10, "no sound")
    page.keyboard.press("Escape")
    heard, shown = len(page.evaluate("window.__sounds")), len(page.evaluate("window.__notified"))
    wait_for(lambda: len(page.evaluate("window.__notified")) > shown, 60, "another alert")
    assert len(page.evaluate("window.__sounds")) == heard
    page.screenshot(path=str(ARTIFACTS / "alert-desktop.png"))
    assert console_errors == []
