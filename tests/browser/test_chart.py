"""The chart's interactions: focus on an alert's bar, the live price label, New York dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, ConsoleErrors, Server, serve_env
from tests.browser.test_dashboard import hook, open_dashboard, wait_for
from tests.conftest import free_port

pytestmark = pytest.mark.browser
NY = ZoneInfo("America/New_York")


@pytest.fixture
def fast_server(tmp_path: Path) -> Iterator[Server]:
    """The pinned simulated market at 30× (a minute closes every 2 s), three symbols."""
    srv = Server(serve_env(tmp_path, SIM_SPEED="30", WATCHLIST="SPY,QQQ,AAPL"), free_port())
    srv.start()
    yield srv
    srv.stop()


def ny(sec: int, fmt: str) -> str:
    return datetime.fromtimestamp(sec, tz=UTC).astimezone(NY).strftime(fmt)


def settle(page: Page) -> None:
    """Two animation frames: the chart has drawn what it was told."""
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def test_alert_click_puts_crosshair_and_legend_on_its_bar_and_live_label_stays_live(
    page: Page, fast_server: Server, console_errors: ConsoleErrors
) -> None:
    server = fast_server
    created = httpx.post(
        f"{server.url}/api/rules",
        json={
            "name": "Every bar",
            "expression": "close > 1",
            "frequency": "every_time",
            "fire_mode": "while_true",
        },
    )
    assert created.status_code == 201, created.text
    open_dashboard(page, server)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=10_000)
    symbol = hook(page, "selected()")

    # pan back into history: the newest bars (and their alerts) leave the view
    box = page.get_by_test_id("chart").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.9, y, steps=10)
    page.mouse.up()
    page.mouse.move(box["x"] + box["width"] + 50, y)  # leave the chart
    wait_for(lambda: hook(page, "zoom()")["scrollPosition"] < -30, 5, "the view to scroll back")

    # the live price label is the newest close, not the last visible one, while bars stream
    for _ in range(3):
        last = hook(page, "candles()")[-1]["time"]
        wait_for(lambda: hook(page, "candles()")[-1]["time"] > last, 20, "a new minute")  # noqa: B023
        live, newest = page.evaluate(
            "[window.__spotlight.livePrice(), window.__spotlight.candles().at(-1).close]"
        )
        assert live == newest
    page.screenshot(path=str(ARTIFACTS / "chart-scrolled-back.png"))

    # an alert of the selected symbol, at or near the live edge
    def alert() -> dict[str, Any] | None:
        alerts: list[dict[str, Any]] = hook(page, "alerts()")
        return next((a for a in alerts if a["symbol"] == symbol), None)

    signal = wait_for(alert, 30, f"an alert for {symbol}")
    bar_time = signal["seq"] * 60
    page.get_by_test_id(f"alert-{signal['id']}").click()

    # the crosshair is on the alert's bar, after the centring scroll and autoscale too
    wait_for(lambda: hook(page, "crosshair()") == bar_time, 5, "the crosshair on the bar")
    for _ in range(5):
        settle(page)
        assert hook(page, "crosshair()") == bar_time
    legend = page.get_by_test_id("legend").inner_text()
    assert ny(bar_time, "%H:%M") in legend and ny(bar_time, "%Y") in legend, legend
    bar = next(c for c in hook(page, "candles()") if c["time"] == bar_time)
    assert f"{bar['close']:.2f}" in legend
    page.screenshot(path=str(ARTIFACTS / "chart-alert-focus.png"))

    # pointing at the chart hands the crosshair back to the mouse
    page.mouse.move(box["x"] + 40, y)
    page.mouse.move(box["x"] + 60, y)
    wait_for(lambda: hook(page, "crosshair()") != bar_time, 5, "the crosshair to follow the mouse")
    assert console_errors == []


def test_extended_hours_are_shaded_and_the_legend_has_the_year(
    page: Page, fast_server: Server
) -> None:
    open_dashboard(page, fast_server)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=10_000)
    candles = hook(page, "candles()")
    bands = hook(page, "sessionBands()")
    assert bands, "the day of history has pre-market and after-hours candles"

    def minute_of_day(sec: int) -> int:
        t = datetime.fromtimestamp(sec, tz=UTC).astimezone(NY)
        return t.hour * 60 + t.minute

    shaded = {t for a, b in bands for t in (c["time"] for c in candles) if a <= t <= b}
    for c in candles:  # an independent oracle: zoneinfo's New York clock
        m = minute_of_day(c["time"])
        assert (c["time"] in shaded) == (m < 570 or m >= 960), ny(c["time"], "%H:%M")
    assert ny(candles[-1]["time"], "%Y") in page.get_by_test_id("legend").inner_text()
    # zoom out until a New York day boundary is in view (the screenshot shows its date tick)
    page.get_by_test_id("chart").hover()
    for _ in range(6):
        page.mouse.wheel(0, 400)
    settle(page)
    page.screenshot(path=str(ARTIFACTS / "chart-sessions.png"))


def test_studies_are_the_servers_indicators_timeframes_and_real_time_button(
    page: Page, fast_server: Server, console_errors: ConsoleErrors
) -> None:
    server = fast_server
    open_dashboard(page, server)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=10_000)
    symbol = hook(page, "selected()")

    def server_points() -> dict[int, dict[str, Any]]:
        body = httpx.get(
            f"{server.url}/api/indicators", params={"symbol": symbol, "limit": 5000}
        ).json()
        return {p["seq"] * 60: p for p in body["points"]}

    # VWAP: drawn from the server's values, only inside the regular session
    wait_for(lambda: any("value" in p for p in hook(page, "vwap()")), 15, "the VWAP line")
    drawn = hook(page, "vwap()")
    served = server_points()
    valued = [p for p in drawn if "value" in p]
    assert len(valued) > 30
    for p in valued:
        assert p["value"] == served[p["time"]]["vwap"]
        assert 570 <= int(ny(p["time"], "%H")) * 60 + int(ny(p["time"], "%M")) < 960
    assert all(served[p["time"]]["vwap"] is None for p in drawn if "value" not in p)

    # EMA 9/21 and RSI 14 on demand, equal to the server's (the rules') values
    page.get_by_test_id("study-ema").click()
    page.get_by_test_id("study-rsi").click()
    wait_for(lambda: len(hook(page, "study('rsi14')")) > 30, 10, "the RSI study")
    served = server_points()
    for name in ("ema9", "ema21", "rsi14"):
        line = [p for p in hook(page, f"study('{name}')") if "value" in p]
        assert len(line) > 30, name
        for p in line:
            if p["time"] in served:
                assert p["value"] == served[p["time"]][name], name
    page.screenshot(path=str(ARTIFACTS / "chart-studies.png"))

    # more timeframes, aggregated from the 1-minute bars in New York time
    for tf, step in (("2m", 120), ("30m", 1800), ("1h", 3600)):
        page.get_by_test_id(f"tf-{tf}").click()
        wait_for(lambda: hook(page, "timeframe()") == step // 60, 5, tf)  # noqa: B023
        times = [c["time"] for c in hook(page, "candles()")]
        assert times and all(t % step == 0 for t in times), tf
    page.get_by_test_id("tf-1D").click()
    wait_for(lambda: hook(page, "timeframe()") == 1440, 5, "1D")
    days = [c["time"] for c in hook(page, "candles()")]
    assert days and all(ny(t, "%H:%M") == "00:00" for t in days)
    assert hook(page, "vwap()") == []  # a session VWAP has no daily value
    page.get_by_test_id("tf-1m").click()
    page.screenshot(path=str(ARTIFACTS / "chart-layout.png"))
    # the chart fills the space between the toolbar and the journal (no collapsed rows)
    main = page.locator("main").bounding_box()
    viewport = page.viewport_size
    assert main is not None and viewport is not None
    assert main["y"] + main["height"] >= viewport["height"] - 2

    # scrolled back, "Real time" brings the newest candle back into view
    box = page.get_by_test_id("chart").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] * 0.3  # in the candles' pane
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.9, y, steps=10)
    page.mouse.up()
    button = page.get_by_test_id("go-realtime")
    expect(button).to_be_visible(timeout=5_000)
    button.click()
    wait_for(lambda: hook(page, "zoom()")["scrollPosition"] >= -1, 5, "real time")
    expect(button).to_have_count(0)
    assert console_errors == []


def test_chart_keyboard_pan_zoom_step_and_summary(page: Page, fast_server: Server) -> None:
    open_dashboard(page, fast_server)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=10_000)
    chart = page.get_by_test_id("chart")
    chart.focus()
    assert page.evaluate("document.activeElement.dataset.testid") == "chart"

    before = hook(page, "zoom()")
    page.keyboard.press("ArrowLeft")
    wait_for(
        lambda: hook(page, "zoom()")["scrollPosition"] < before["scrollPosition"] - 5, 5, "a pan"
    )
    page.keyboard.press("+")
    wait_for(lambda: hook(page, "zoom()")["barSpacing"] > before["barSpacing"], 5, "a zoom in")

    # step the crosshair: one candle back from the newest, then forward again
    page.keyboard.press(",")
    times = [c["time"] for c in hook(page, "candles()")]
    wait_for(lambda: hook(page, "crosshair()") in times[-3:-1], 5, "a step back")
    at = hook(page, "crosshair()")
    page.keyboard.press(",")
    wait_for(lambda: hook(page, "crosshair()") == times[times.index(at) - 1], 5, "another step")
    page.keyboard.press(".")
    wait_for(lambda: hook(page, "crosshair()") == at, 5, "a step forward")
    legend = page.get_by_test_id("legend").inner_text()
    assert ny(at, "%H:%M") in legend

    # the accessible summary names the newest candle
    def summary_matches() -> bool:
        text = page.get_by_test_id("chart-summary").text_content() or ""
        last = hook(page, "candles()")[-1]
        return ny(last["time"], "%H:%M") in text and "close" in text

    wait_for(summary_matches, 5, "the summary of the newest candle")
    page.keyboard.press("End")
    wait_for(lambda: hook(page, "zoom()")["scrollPosition"] >= -1, 5, "real time")
    page.screenshot(path=str(ARTIFACTS / "chart-keyboard.png"))
