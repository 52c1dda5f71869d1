"""A dead connection is unmistakable: banner, dimmed prices and chart, age of the last update."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, ConsoleErrors, Server
from tests.browser.test_dashboard import EXPECTED_WHILE_DOWN, hook, open_dashboard, wait_for

pytestmark = pytest.mark.browser


def opacity(page: Page, test_id: str) -> float:
    return float(page.get_by_test_id(test_id).evaluate("el => getComputedStyle(el).opacity"))


def test_server_down_shows_banner_dims_prices_and_counts_the_age(
    page: Page, server: Server, console_errors: ConsoleErrors
) -> None:
    open_dashboard(page, server)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=10_000)
    symbol = hook(page, "selected()")
    banner = page.get_by_test_id("stale-banner")
    expect(banner).to_have_count(0)
    assert opacity(page, f"watch-last-{symbol}") == 1
    assert opacity(page, "chart") == 1
    # the stream has delivered market data (not only the REST history): its age is what
    # the banner counts (on a loaded machine the first microbar can lag the ready)
    wait_for(lambda: hook(page, "state()")["lastDataAt"] is not None, 30, "streamed data")

    server.stop()
    expect(banner).to_be_visible(timeout=30_000)
    expect(banner).to_contain_text("Not live")
    expect(banner).to_contain_text("last update")
    assert opacity(page, f"watch-last-{symbol}") < 0.6
    assert opacity(page, "toolbar-last") < 0.6
    assert opacity(page, "chart") < 0.7
    # the age counts up while the server is away
    age = page.get_by_test_id("stale-age")
    first = int(age.text_content() or "0")
    wait_for(lambda: int(age.text_content() or "0") >= first + 2, 10, "the age to grow")
    page.screenshot(path=str(ARTIFACTS / "connection-down.png"))

    server.start()
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=60_000)
    expect(banner).to_have_count(0, timeout=10_000)
    assert opacity(page, f"watch-last-{symbol}") == 1
    page.screenshot(path=str(ARTIFACTS / "connection-back.png"))
    unexpected = [e for e in console_errors if not any(s in e for s in EXPECTED_WHILE_DOWN)]
    assert unexpected == []
