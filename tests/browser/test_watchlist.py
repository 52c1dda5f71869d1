"""The watchlist's scanning columns in the browser: day volume, RVOL, gap %, bid/ask, sorting
that the ↑/↓ keys follow, and column choices that survive a reload."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, ConsoleErrors, Server, serve_env
from tests.browser.test_dashboard import hook, open_dashboard, wait_for
from tests.conftest import free_port

pytestmark = pytest.mark.browser
NY = ZoneInfo("America/New_York")
LONG = 15_000


@pytest.fixture
def rvol_server(tmp_path: Path) -> Iterator[Server]:
    """The default product with two days of history: RVOL from the prior whole session."""
    env = serve_env(tmp_path, RVOL_MIN_SESSIONS="1", SIM_HISTORY_MINUTES="2880")
    srv = Server(env, free_port())
    srv.start()
    yield srv
    srv.stop()
    srv.http.close()


def column(page: Page, key: str) -> list[tuple[str, float | None]]:
    """(symbol, value) of a column's cells, in the order the rows are shown."""
    cells = page.locator(f"[data-testid^='watch-{key}-']").evaluate_all(
        "els => els.map(e => [e.dataset.testid, e.dataset.value])"
    )
    prefix = f"watch-{key}-"
    return [(tid[len(prefix) :], float(v) if v else None) for tid, v in cells]


def shown_day_volume(page: Page, server: Server) -> tuple[float | None, float]:
    """The selected symbol's volume cell, and what it must be: the day's 1-minute volumes
    (New York day) as the chart holds them (the forming minute included, read in the same
    step as the cell), and from ``/api/bars`` for the earlier minutes the chart does not."""
    symbol, cell, held = page.evaluate(
        """() => {
          const sym = window.__spotlight.selected();
          const el = document.querySelector(`[data-testid='watch-volume-${sym}']`);
          return [sym, el ? el.dataset.value : null, window.__spotlight.volume()];
        }"""
    )
    minutes = {
        b["bar_start_ms"] // 1000: b["volume"]
        for b in server.http.get("/api/bars", params={"symbol": symbol, "limit": 2000}).json()[
            "bars"
        ]
    }
    minutes.update({b["time"]: b["value"] for b in held})
    day = datetime.fromtimestamp(max(minutes), NY).date()
    total = sum(v for t, v in minutes.items() if datetime.fromtimestamp(t, NY).date() == day)
    return (float(cell) if cell else None), total


def volume_is_right(page: Page, server: Server) -> bool:
    cell, expected = shown_day_volume(page, server)
    return cell is not None and cell == expected


def assert_sorted(values: list[tuple[str, float | None]], descending: bool) -> None:
    numbers = [v for _, v in values if v is not None]
    assert numbers == sorted(numbers, reverse=descending)
    # rows without a value come last
    blanks = [i for i, (_, v) in enumerate(values) if v is None]
    assert blanks == list(range(len(numbers), len(values)))


def test_columns_volume_rvol_sort_and_choices(
    page: Page, rvol_server: Server, console_errors: ConsoleErrors
) -> None:
    open_dashboard(page, rvol_server)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=LONG)
    symbols = [r["symbol"] for r in rvol_server.http.get("/api/symbols").json()["symbols"]]

    # the volume cell is the chart's own bars of the day, forming minute included, and moves
    # with the stream (waits until the render has caught up with the latest microbar)
    wait_for(
        lambda: volume_is_right(page, rvol_server),
        20,
        "volume",
    )
    first = shown_day_volume(page, rvol_server)[0]
    wait_for(
        lambda: (shown_day_volume(page, rvol_server)[0] or 0) > (first or 0),
        30,
        "the volume to grow",
    )
    wait_for(
        lambda: volume_is_right(page, rvol_server),
        20,
        "volume after trades",
    )

    # RVOL is the rules engine's: every row has one in the regular session
    wait_for(lambda: all(v is not None for _, v in column(page, "rvol")), 20, "RVOL values")
    api = {r["symbol"]: r for r in rvol_server.http.get("/api/symbols").json()["symbols"]}
    assert all(api[s]["rvol"] is not None for s in symbols)

    # sort by RVOL: high first, then low first, then the watchlist's own order
    page.get_by_test_id("watch-sort-rvol").click()
    expect(page.get_by_test_id("watch-sort-rvol")).to_have_attribute("data-sort", "desc")
    assert_sorted(column(page, "rvol"), descending=True)
    page.get_by_test_id("watch-sort-rvol").click()
    expect(page.get_by_test_id("watch-sort-rvol")).to_have_attribute("data-sort", "asc")
    assert_sorted(column(page, "rvol"), descending=False)
    page.get_by_test_id("watch-sort-rvol").click()
    expect(page.get_by_test_id("watch-sort-rvol")).to_have_attribute("data-sort", "none")
    assert [s for s, _ in column(page, "last")] == symbols

    # sorted by symbol, ↓ moves to the next row as shown, not as the watchlist holds it
    page.get_by_test_id("watch-sort-symbol").click()
    shown = [s for s, _ in column(page, "last")]
    assert shown == sorted(symbols)
    page.get_by_test_id(f"watch-row-{shown[0]}").locator("button").first.click()
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("ArrowDown")
    wait_for(lambda: hook(page, "selected()") == shown[1], 5, f"↓ to select {shown[1]}")

    # choose bid, ask and gap: quotes fill in, and the choices and sort survive a reload
    page.get_by_text("Columns", exact=True).click()
    for key in ("bid", "ask", "gapPct"):
        page.get_by_test_id(f"watch-column-{key}").check()
    page.get_by_test_id("watch-column-rvol").uncheck()
    page.get_by_text("Columns", exact=True).click()
    wait_for(
        lambda: all(v is not None for _, v in column(page, "bid") + column(page, "ask")),
        20,
        "bid and ask",
    )
    bids, asks = dict(column(page, "bid")), dict(column(page, "ask"))
    assert all((bids[s] or 0) < (asks[s] or 0) for s in symbols)
    assert all(v is not None for _, v in column(page, "gapPct"))
    page.screenshot(path=str(ARTIFACTS / "watchlist-columns.png"))
    # scrolled right, the symbol column stays
    panel = page.locator("section[aria-labelledby=watchlist-title]")
    panel.get_by_test_id("watch-scroll").evaluate("e => { e.scrollLeft = e.scrollWidth }")
    panel.screenshot(path=str(ARTIFACTS / "watchlist-columns-scrolled.png"))
    page.reload()
    open_dashboard(page, rvol_server)
    expect(page.get_by_test_id("watch-sort-symbol")).to_have_attribute("data-sort", "asc")
    assert page.locator("[data-testid^='watch-rvol-']").count() == 0
    assert [s for s, _ in column(page, "bid")] == sorted(symbols)
    assert console_errors == []
