"""The journal page end to end: import a CSV (preview, then import), see the trades with
every execution, the stats and the New York calendar, write a note (autosaved) and find
it by search, open a day's recap. Screenshots in test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, ConsoleErrors, Server

pytestmark = pytest.mark.browser

CSV = """Date,Time,Symbol,Quantity,Price,Side,Commission
06/02/2025,09:31:00,SPY,100,530.00,B,1
06/02/2025,09:35:00,SPY,100,530.40,B,1
06/02/2025,09:40:00,SPY,200,531.50,S,2
06/02/2025,10:00:00,AAPL,10,200,SS,0
06/02/2025,11:30:00,AAPL,10,201,BC,0
06/03/2025,23:30:00,SPY,50,528,B,0.5
06/04/2025,09:50:00,SPY,50,529,S,0.5
"""


def test_import_trades_stats_calendar_note_search(
    page: Page, server: Server, console_errors: ConsoleErrors, tmp_path: Path
) -> None:
    source = tmp_path / "fills.csv"
    source.write_text(CSV)
    page.goto(server.url + "/journal")
    expect(page.get_by_test_id("journal-trades")).to_contain_text("No trades yet")
    page.get_by_test_id("import-file").set_input_files(str(source))
    page.get_by_test_id("import-preview").click()
    expect(page.get_by_test_id("import-result")).to_contain_text(
        "7 rows, 7 fills, 3 trades (preview)"
    )
    page.get_by_test_id("import-go").click()
    expect(page.get_by_test_id("import-result")).to_contain_text("7 new, 0 already stored")

    rows = page.get_by_test_id("trade-row")
    expect(rows).to_have_count(3)
    spy = rows.filter(has_text="2025-06-02").filter(has_text="SPY")
    spy.click()
    expect(page.get_by_test_id("execution")).to_have_count(3)  # every fill, not first/last
    expect(page.get_by_test_id("trade-executions")).to_contain_text("09:35 entry 100 @ 530.40")
    expect(page.get_by_test_id("stat-trades")).to_have_text("3")
    expect(page.get_by_test_id("stat-win-rate")).to_have_text("67%")
    days = page.get_by_test_id("calendar-day")
    expect(days).to_have_count(2)  # the 23:30 New York fill's trade closes on 06-04
    expect(days.first).to_contain_text("06-02")
    expect(days.nth(1)).to_contain_text("06-04")

    page.get_by_test_id("entry-text").fill("Chased the $SPY breakout after the retest #fomo")
    expect(page.get_by_test_id("entry-saved")).to_have_text("saved, version 1")
    page.get_by_test_id("entry-text").fill(
        "Chased the $SPY breakout after the retest, sized too big #fomo"
    )
    expect(page.get_by_test_id("entry-saved")).to_have_text("saved, version 2")
    page.get_by_test_id("search-q").fill("sized breakout")
    page.get_by_test_id("search-go").click()
    expect(page.get_by_test_id("search-hit")).to_have_count(1)
    expect(page.get_by_test_id("search-hit")).to_contain_text("sized too big")

    spy.get_by_role("button", name="recap").click()
    expect(page.get_by_test_id("journal-recap")).to_contain_text("# Recap 2025-06-02")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "journal.png"), full_page=True)
    assert console_errors == []
