"""A price alert placed from the chart: right-click a price (or Alt+A), check the level, set
it; the rule is scoped to the symbol, shows in Rules, and fires into the feed."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, ConsoleErrors, Server
from tests.browser.test_dashboard import hook, open_dashboard, wait_for

pytestmark = pytest.mark.browser
LONG = 15_000


def rules_named(server: Server, name: str) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = server.http.get("/api/rules").json()["rules"]
    return [r for r in rules if r["name"] == name]


def test_right_click_sets_a_price_alert_that_fires(
    page: Page, server: Server, console_errors: ConsoleErrors
) -> None:
    open_dashboard(page, server)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=LONG)
    symbol = hook(page, "selected()")
    chart = page.get_by_test_id("chart")
    box = chart.bounding_box()
    assert box is not None

    # right-click a price: the dialog offers that level, on the far side of the live price
    chart.click(button="right", position={"x": box["width"] * 0.4, "y": box["height"] * 0.25})
    dialog = page.get_by_test_id("price-alert")
    expect(dialog).to_be_visible()
    level = float(page.get_by_test_id("price-alert-level").input_value())
    now = float(re.sub(r"[^0-9.]", "", dialog.get_by_text(re.compile(r"^now ")).inner_text()))
    side = "above" if level >= now else "below"
    expect(page.get_by_test_id("price-alert-plan")).to_have_text(
        f"Fires once when {symbol} trades at or {side} {level:.2f}."
    )
    page.screenshot(path=str(ARTIFACTS / "price-alert-dialog.png"))
    # Escape closes it and gives the focus back
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)

    # Alt+A from the keyboard opens it too; a level the minute has traded at fires at once.
    # Wait for a new minute to begin so the level stays inside the forming minute's range
    first = hook(page, "candles()")[-1]["time"]
    wait_for(lambda: hook(page, "candles()")[-1]["time"] > first, 75, "a new minute")
    chart.focus()
    page.keyboard.press("Alt+a")
    expect(dialog).to_be_visible()
    forming = hook(page, "candles()")[-1]
    target = f"{forming['high']:.2f}"
    page.get_by_test_id("price-alert-level").fill(target)
    page.get_by_test_id("price-alert-create").click()
    expect(page.get_by_test_id("price-alert-note")).to_contain_text("Price alert set", timeout=LONG)
    expect(dialog).to_have_count(0)

    # the rule: this symbol only, on, once, intrabar, at the typed level
    (rule,) = [
        r
        for r in server.http.get("/api/rules").json()["rules"]
        if r["kind"] == "custom" and target in r["name"]
    ]
    assert rule["settings"]["enabled"] is True and rule["settings"]["symbols"] == [symbol]
    version = rule["version"]
    assert version["frequency"] == "once" and version["intrabar"] is True
    assert version["expression"] in (f"high >= {target}", f"low <= {target}")
    expect(page.get_by_test_id(f"rule-{rule['id']}")).to_contain_text(rule["name"])

    # and it fires into the feed, once
    wait_for(
        lambda: any(a["rule_id"] == rule["id"] for a in hook(page, "alerts()")), 30, "the alert"
    )
    page.screenshot(path=str(ARTIFACTS / "price-alert-fired.png"))
    fired = [a for a in hook(page, "alerts()") if a["rule_id"] == rule["id"]]
    assert len(fired) == 1 and fired[0]["symbol"] == symbol
    assert console_errors == []
