"""The symbol boxes offer the watchlist's matches, then the server's tickers: "A" + Enter
goes to AAPL, never adds "A"; a found ticker is added by taking its option."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, ConsoleErrors, Server
from tests.browser.test_a11y import violations
from tests.browser.test_dashboard import hook, open_dashboard, wait_for

pytestmark = pytest.mark.browser

# "A" on the default watchlist: its matches, then the simulator's A tickers not on it
A_OPTIONS = [
    "Go to AAPL",
    "Go to AMD",
    "Add ARM to the watchlist",
    "Add ADBE to the watchlist",
    "Add AMZN to the watchlist",
    "Add AVGO to the watchlist",
]


def type_a_anywhere(page: Page, server: Server) -> None:
    """Open the live dashboard and type "A" on the page (it goes to the jump box)."""
    open_dashboard(page, server)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=10_000)
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.type("A")


def test_jump_box_offers_matches_instead_of_adding_a_prefix(
    page: Page, server: Server, console_errors: ConsoleErrors
) -> None:
    type_a_anywhere(page, server)
    options = page.get_by_test_id("symbol-jump-options")
    expect(options).to_be_visible()
    expect(page.get_by_test_id("jump-go-AAPL")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_test_id("jump-go-AMD")).to_be_visible()
    # the server's search: the universe's A tickers not on the watchlist, never "A" itself
    expect(options.get_by_role("option")).to_have_text(A_OPTIONS)
    expect(page.get_by_test_id("jump-add-A")).to_have_count(0)
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


def test_jump_box_adds_the_highlighted_ticker_the_server_found(
    page: Page, server: Server, console_errors: ConsoleErrors
) -> None:
    type_a_anywhere(page, server)
    amzn = page.get_by_test_id("jump-add-AMZN")
    expect(amzn).to_be_visible()
    for _ in range(4):  # AAPL, AMD (watchlist), ARM, ADBE, then AMZN
        page.keyboard.press("ArrowDown")
    expect(amzn).to_have_attribute("aria-selected", "true")
    jump = page.get_by_test_id("symbol-jump")
    expect(jump).to_have_attribute("aria-activedescendant", "symbol-jump-option-AMZN-true")
    page.screenshot(path=str(ARTIFACTS / "symbol-jump-add-found.png"))
    assert violations(page, "symbol-jump-options") == []
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("watch-row-AMZN")).to_be_visible(timeout=10_000)
    wait_for(lambda: hook(page, "selected()") == "AMZN", 5, "the jump to the added AMZN")
    symbols = [r["symbol"] for r in httpx.get(f"{server.url}/api/symbols").json()["symbols"]]
    assert "AMZN" in symbols and "A" not in symbols

    # typed fast: Enter waits for the search and takes its best option (the exact ticker)
    jump.click()
    jump.press_sequentially("AVGO")
    jump.press("Enter")
    expect(page.get_by_test_id("watch-row-AVGO")).to_be_visible(timeout=10_000)

    # nothing found: nothing to add, and the box says so
    jump.click()
    jump.press_sequentially("ZZZZ1")
    expect(page.get_by_test_id("symbol-jump-none")).to_have_text("No ticker matches ZZZZ1")
    expect(page.get_by_test_id("symbol-jump-options")).to_have_count(0)

    # the watchlist's add box offers the same
    add = page.locator("#add-symbol")
    add.press_sequentially("AR")
    expect(page.get_by_test_id("watch-add-add-ARM")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_test_id("symbol-jump-none")).to_have_count(0)  # closed with its focus
    page.screenshot(path=str(ARTIFACTS / "symbol-add-box-options.png"))
    assert violations(page, "symbol-add-options") == []
    add.press("Enter")
    expect(page.get_by_test_id("watch-row-ARM")).to_be_visible(timeout=10_000)
    add.press_sequentially("AD")
    page.get_by_test_id("watch-add-add-ADBE").click()  # an option takes a click too
    expect(page.get_by_test_id("watch-row-ADBE")).to_be_visible(timeout=10_000)
    assert console_errors == []


def test_without_the_search_the_jump_box_offers_what_it_did(page: Page, server: Server) -> None:
    page.route("**/api/symbols/search**", lambda route: route.abort())
    type_a_anywhere(page, server)
    options = page.get_by_test_id("symbol-jump-options").get_by_role("option")
    expect(options).to_have_text(["Go to AAPL", "Go to AMD", "Add A to the watchlist"])
