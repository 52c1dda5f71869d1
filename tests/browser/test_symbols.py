"""The jump box offers the watchlist's matches: "A" + Enter goes to AAPL, never adds "A"."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, ConsoleErrors, Server
from tests.browser.test_dashboard import hook, open_dashboard, wait_for

pytestmark = pytest.mark.browser


def test_jump_box_offers_matches_instead_of_adding_a_prefix(
    page: Page, server: Server, console_errors: ConsoleErrors
) -> None:
    open_dashboard(page, server)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=10_000)
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.type("A")
    options = page.get_by_test_id("symbol-jump-options")
    expect(options).to_be_visible()
    expect(page.get_by_test_id("jump-go-AAPL")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_test_id("jump-go-AMD")).to_be_visible()
    expect(page.get_by_test_id("jump-add-A")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "symbol-jump-options.png"))
    page.keyboard.press("Enter")
    wait_for(lambda: hook(page, "selected()") == "AAPL", 5, "the jump to AAPL")
    symbols = [r["symbol"] for r in httpx.get(f"{server.url}/api/symbols").json()["symbols"]]
    assert "A" not in symbols

    # the arrow keys choose another match
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.type("A")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_test_id("jump-go-AMD")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    wait_for(lambda: hook(page, "selected()") == "AMD", 5, "the jump to AMD")
    expect(options).to_have_count(0)
    assert console_errors == []
