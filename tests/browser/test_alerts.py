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
    # always true: it fires on every bar only when asked to (the default is the transition)
    expect(page.get_by_test_id("rule-fire-mode")).to_have_value("becomes_true")
    page.get_by_test_id("rule-fire-mode").select_option("while_true")
    page.get_by_test_id("rule-create").click()
    wait_for(
        lambda: any(
            r["name"] == "Close above 1" for r in server.http.get("/api/rules").json()["rules"]
        ),
        10,
        "the rule to exist",
    )
    rule = rule_named(server, "Close above 1")
    assert rule["version"]["fire_mode"] == "while_true"
    rule_id = rule["id"]
    row = page.get_by_test_id(f"rule-{rule_id}")
    expect(row).to_be_visible(timeout=5_000)

    # switch it off, then enable it in the UI; the server's per-user settings follow
    toggle = page.get_by_test_id(f"rule-toggle-{rule_id}")
    if row.get_attribute("data-enabled") == "true":
        toggle.click()
        expect(row).to_have_attribute("data-enabled", "false", timeout=5_000)
        wait_for(  # the switch is optimistic: the PUT may still be on its way
            lambda: rule_named(server, "Close above 1")["settings"]["enabled"] is False,
            5,
            "the server's setting",
        )
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
    wait_for(  # the switch is optimistic: the PUT may still be on its way
        lambda: rule_named(server, "Close above 1")["settings"]["enabled"] is True,
        5,
        "the server's setting",
    )

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
            str(signal["id"]) in m["ids"] for m in page.evaluate("window.__spotlight.markers()")
        ),
        10,
        "a chart marker for the alert",
    )
    # the chart is held on the alert's candle: its legend lists the alerts of that candle
    expect(page.get_by_test_id("legend-alerts")).to_contain_text("Close above 1", timeout=10_000)
    page.screenshot(path=str(ARTIFACTS / "alerts.png"))
    assert console_errors == []


# Records the page's alert announcements at the browser API: oscillator starts (the chime)
# and speechSynthesis utterances. Installed before the app loads; the real calls still run.
ANNOUNCEMENT_PROBE = """
(() => {
  window.__announced = { chimes: 0, spoken: [] };
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.__announced.chimes += 1;
    return start.apply(this, args);
  };
  if ("speechSynthesis" in window) {
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (u) => {
      window.__announced.spoken.push(u.text);
      return speak(u);
    };
  }
})();
"""


def test_new_alerts_chime_and_speak_as_the_stored_preferences_say(
    page: Page, fast_server: Server, console_errors: ConsoleErrors
) -> None:
    server = fast_server
    page.context.add_init_script(ANNOUNCEMENT_PROBE)
    open_dashboard(page, server)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=10_000)
    prefs = server.http.get("/api/account/settings").json()["preferences"]
    assert (prefs["alert_sound"], prefs["alert_speech"]) == (True, False)  # the defaults
    sound, speak = page.get_by_test_id("alerts-sound"), page.get_by_test_id("alerts-speak")
    expect(sound).to_be_checked(timeout=10_000)
    expect(speak).not_to_be_checked()

    # a rule that fires on every closed minute of every symbol
    made = server.http.post(
        "/api/rules",
        json={"name": "Every bar", "expression": "close > 0", "fire_mode": "while_true"},
        headers={"Origin": server.url},
    )
    assert made.status_code == 201, made.text
    rule_id = made.json()["id"]

    def announced() -> dict[str, Any]:
        result: dict[str, Any] = page.evaluate("window.__announced")
        return result

    def live_alert_count() -> int:
        alerts: list[dict[str, Any]] = page.evaluate("window.__spotlight.alerts()")
        return sum(1 for a in alerts if a["rule_id"] == rule_id)

    wait_for(lambda: announced()["chimes"] > 0, 60, "a chime for a new alert")
    assert live_alert_count() > 0
    assert announced()["spoken"] == []  # speech is off

    # speech switched on in the Alerts panel is stored for the user and used at once
    speak.click()
    wait_for(
        lambda: server.http.get("/api/account/settings").json()["preferences"]["alert_speech"],
        10,
        "the stored speech preference",
    )
    spoken = wait_for(lambda: announced()["spoken"], 60, "a spoken alert")
    assert spoken[0].startswith("Every bar. ")

    # sound switched off: no more chimes while alerts keep arriving
    sound.click()
    wait_for(
        lambda: not server.http.get("/api/account/settings").json()["preferences"]["alert_sound"],
        10,
        "the stored sound preference",
    )
    chimes, count = announced()["chimes"], live_alert_count()
    wait_for(lambda: live_alert_count() > count, 60, "another alert")
    assert announced()["chimes"] == chimes
    expect(sound).not_to_be_checked()
    expect(speak).to_be_checked()

    # one time on a card: its bar's start in New York, as in the explanation
    newest = next(
        a for a in page.evaluate("window.__spotlight.alerts()") if a["rule_id"] == rule_id
    )
    shown = page.get_by_test_id(f"alert-{newest['id']}").locator("time").inner_text()
    assert shown in newest["explanation"], (shown, newest["explanation"])
    page.screenshot(path=str(ARTIFACTS / "alerts-announce.png"))
    assert console_errors == []
