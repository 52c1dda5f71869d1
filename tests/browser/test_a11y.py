"""Accessibility: axe-core (web/node_modules/axe-core, an npm devDependency) finds no serious
or critical WCAG 2.1 A/AA violation on any screen: the dashboard, its drawers and overlays,
the rule drawer, the journal, the phone layout and the sign-in page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import ARTIFACTS, ConsoleErrors, Server, guard_csp
from tests.browser.test_accounts import password_server  # noqa: F401 - fixture
from tests.browser.test_dashboard import open_dashboard
from tests.conftest import REPO

pytestmark = pytest.mark.browser

AXE = REPO / "web" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}
# What we hold the screens to: WCAG 2.0/2.1, levels A and AA.
RUN = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page: Page, screen: str) -> list[str]:
    """Run axe on the page as it is; save the screenshot and the full report; the serious
    and critical violations as readable lines (rule, impact, first targets)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # evaluated through the DevTools protocol: the page's CSP does not apply to it
        page.evaluate(AXE.read_text())
    report: dict[str, Any] = page.evaluate("(options) => window.axe.run(document, options)", RUN)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"a11y-{screen}.png"))
    (ARTIFACTS / f"a11y-{screen}.json").write_text(json.dumps(report["violations"], indent=1))
    return [
        f"{screen}: {v['id']} ({v['impact']}) {v['help']}: "
        + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in report["violations"]
        if v["impact"] in SERIOUS
    ]


def test_dashboard_screens_have_no_serious_violations(
    page: Page, server: Server, console_errors: ConsoleErrors
) -> None:
    found: list[str] = []
    open_dashboard(page, server)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=30_000)
    found += violations(page, "dashboard")

    page.keyboard.press("?")
    expect(page.get_by_test_id("shortcuts")).to_be_visible()
    found += violations(page, "shortcuts")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("shortcuts")).to_be_hidden()

    page.get_by_role("button", name="Settings").click()
    expect(page.get_by_test_id("panel-settings")).to_be_visible()
    page.get_by_test_id("integration-openai").wait_for()
    found += violations(page, "settings")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("panel-settings")).to_be_hidden()

    page.get_by_text("VWAP reclaim", exact=True).first.click()
    expect(page.get_by_role("dialog")).to_be_visible()
    found += violations(page, "rule-drawer")
    page.keyboard.press("Escape")

    page.goto(server.url + "/journal")
    expect(page.get_by_test_id("page-journal")).to_be_visible(timeout=15_000)
    found += violations(page, "journal")
    assert found == [], "\n".join(found)
    assert console_errors == []


def test_phone_and_sign_in_have_no_serious_violations(
    browser: Browser,
    password_server: Server,  # noqa: F811 - the fixture imported above
) -> None:
    from tests.browser.test_accounts import PASSWORD

    context = guard_csp(
        browser.new_context(
            viewport={"width": 390, "height": 844},
            timezone_id="America/New_York",
            is_mobile=True,
            has_touch=True,
        )
    )
    page = context.new_page()
    found: list[str] = []
    page.goto(password_server.url)
    page.wait_for_url("**/login", timeout=15_000)
    expect(page.get_by_test_id("page-login")).to_be_visible()
    found += violations(page, "sign-in")
    page.get_by_label("User name").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_function(
        "() => window.__spotlight && window.__spotlight.candles().length > 0", timeout=30_000
    )
    found += violations(page, "phone")
    for tab in ("watchlist", "alerts", "coach"):
        button = page.get_by_test_id(f"tab-{tab}")
        if button.count():
            button.click()
            found += violations(page, f"phone-{tab}")
    context.close()
    assert found == [], "\n".join(found)


def test_axe_is_installed() -> None:
    assert AXE.is_file(), "run `make install` (axe-core is a web devDependency)"
    assert Path(AXE).stat().st_size > 100_000
