"""Phone and laptop layouts: the chart first, panels behind tabs, the header never cut off."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import ARTIFACTS, Server
from tests.browser.test_dashboard import open_dashboard

pytestmark = pytest.mark.browser


def inside(page: Page, test_id_or_role: str, width: int) -> None:
    box = page.locator(test_id_or_role).bounding_box()
    assert box is not None, test_id_or_role
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (test_id_or_role, box)


@pytest.mark.parametrize(
    ("name", "width", "height", "watchlist_beside"),
    [("phone", 390, 844, False), ("laptop", 1280, 720, True)],
)
def test_compact_layouts_put_the_chart_first_and_panels_behind_tabs(
    browser: Browser, server: Server, name: str, width: int, height: int, watchlist_beside: bool
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": height},
        timezone_id="America/New_York",
        is_mobile=name == "phone",
        has_touch=name == "phone",
    )
    page = context.new_page()
    try:
        open_dashboard(page, server)
        expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=10_000)
        # the header is whole: status, shortcuts and settings inside the screen
        for sel in (
            "[data-testid=stream-status]",
            "[data-testid=app-header] >> text=Settings",
            "[data-testid=app-header] h1",
        ):
            inside(page, sel, width)
        header = page.get_by_test_id("app-header").bounding_box()
        assert header is not None and header["height"] < 60  # one line, not wrapped away

        # the chart comes first and takes most of the screen; no placeholder panel
        chart = page.get_by_test_id("chart").bounding_box()
        assert chart is not None and chart["height"] >= 0.35 * height
        inside(page, "[data-testid=chart]", width)
        expect(page.get_by_test_id("panel-journal")).to_have_count(0)
        expect(page.get_by_test_id("panel-coach")).to_have_count(0)
        expect(page.get_by_test_id("watch-row-SPY")).to_be_visible()  # beside, or its tab
        assert (page.get_by_test_id("tab-watchlist").count() == 0) == watchlist_beside
        page.screenshot(path=str(ARTIFACTS / f"layout-{name}.png"))

        # panels behind tabs: each opens under the chart, pressing it again gives the space back
        for tab in ("alerts", "rules", "coach"):
            button = page.get_by_test_id(f"tab-{tab}")
            if button.get_attribute("aria-selected") != "true":
                button.click()
            expect(button).to_have_attribute("aria-selected", "true")
            panel = page.get_by_test_id(f"panel-{tab}")
            expect(panel).to_be_visible()
            box = panel.bounding_box()
            chart_now = page.get_by_test_id("chart").bounding_box()
            assert box is not None and chart_now is not None
            assert box["y"] >= chart_now["y"] + chart_now["height"] - 1, "panel under the chart"
            assert box["y"] + box["height"] <= height + 1
        page.screenshot(path=str(ARTIFACTS / f"layout-{name}-coach.png"))
        page.get_by_test_id("tab-coach").click()
        expect(page.get_by_test_id("panel-coach")).to_have_count(0)
        tall = page.get_by_test_id("chart").bounding_box()
        assert tall is not None and chart is not None and tall["height"] >= chart["height"] - 1
    finally:
        context.close()


def test_settings_dialog_takes_traps_and_returns_focus(page: Page, server: Server) -> None:
    open_dashboard(page, server)
    opener = page.get_by_test_id("app-header").get_by_role("button", name="Settings")
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_test_id("panel-settings")
    expect(dialog).to_have_attribute("aria-modal", "true")
    inside = (
        "document.querySelector('[data-testid=panel-settings]').contains(document.activeElement)"
    )
    page.wait_for_function(inside, timeout=5_000)
    for key in ("Tab", "Tab", "Shift+Tab", "Tab"):
        page.keyboard.press(key)
        assert page.evaluate(inside), f"focus left the dialog after {key}"
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    page.wait_for_function(
        "document.activeElement && document.activeElement.textContent.trim() === 'Settings'",
        timeout=5_000,
    )
