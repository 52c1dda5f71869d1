"""Replay and symbols in the browser: a replay of the shared SPY day has its own badge and a
header bar (New York time, %, pause, speed, jump) and ends as "replay finished", never
"live"; adding symbols offers matches, refuses unknown tickers with the server's reason and
backfills a new one at once. Screenshots in test-artifacts/."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, Server, serve_env
from tests.browser.test_symbols import A_OPTIONS
from tests.conftest import REPO, SHARED, free_port

pytestmark = pytest.mark.browser

SPY_DAY = SHARED / "data/ticks/lean/Data/equity/usa/tick/spy/20131007_trade.zip"
LONG = 60_000  # ms: sized for a loaded 2-core machine (a state, not a speed check)


class ReplayServer(Server):
    """``spotlight replay FILE --speed N`` instead of ``spotlight serve``."""

    def __init__(self, env: dict[str, str], port: int, file: Path, speed: float) -> None:
        super().__init__(env, port)
        self.file = file
        self.speed = speed

    def spawn(self) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        spotlight = Path(sys.executable).with_name("spotlight")
        args = ["replay", str(self.file), "--speed", str(self.speed), "--port", str(self.port)]
        self.proc = subprocess.Popen(
            [str(spotlight), *args],
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )


@pytest.fixture
def replay_server(tmp_path: Path) -> Iterator[Server]:
    srv = ReplayServer(serve_env(tmp_path), free_port(), SPY_DAY, speed=60)
    srv.start()
    yield srv
    srv.stop()
    srv.http.close()


def _shot(page: Page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"replay-{name}.png"))


def test_replay_bar_pauses_speeds_jumps_and_finishes(page: Page, replay_server: Server) -> None:
    page.goto(replay_server.url)
    badge = page.get_by_test_id("stream-status")
    expect(badge).to_have_text("replay", timeout=LONG)
    # record every text the badge shows from here on: it must never say "live"
    page.evaluate(
        """() => {
          const el = document.querySelector('[data-testid="stream-status"]');
          window.__badges = [el.textContent];
          new MutationObserver(() => window.__badges.push(el.textContent))
            .observe(el, {childList: true, characterData: true, subtree: true});
        }"""
    )
    bar = page.get_by_test_id("replay-bar")
    expect(bar).to_be_visible(timeout=LONG)
    expect(page.get_by_test_id("replay-time")).to_contain_text(" ET", timeout=LONG)
    expect(page.get_by_test_id("stream-lag")).to_contain_text(" ET · ", timeout=LONG)

    page.get_by_test_id("replay-toggle").click()
    expect(bar).to_have_attribute("data-state", "paused", timeout=LONG)
    expect(page.get_by_test_id("replay-toggle")).to_have_text("Resume")
    assert replay_server.http.get("/api/replay").json()["state"] == "paused"
    _shot(page, "paused")

    page.get_by_test_id("replay-toggle").click()
    expect(bar).to_have_attribute("data-state", "playing", timeout=LONG)
    page.get_by_test_id("replay-speed").select_option("240")
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"replay-speed\"]').value === '240'",
        timeout=LONG,
    )
    assert replay_server.http.get("/api/replay").json()["speed"] == 240

    # a time already past is refused with the server's reason, shown on the bar
    page.get_by_test_id("replay-jump-time").fill("03:00")
    page.get_by_test_id("replay-jump-go").click()
    expect(page.get_by_test_id("replay-error")).to_contain_text("cannot jump back", timeout=LONG)

    page.get_by_test_id("replay-jump-time").fill("1555")
    page.get_by_test_id("replay-jump-go").click()
    page.wait_for_function(
        """() => {
          const t = document.querySelector('[data-testid="replay-time"]')?.textContent ?? "";
          return t >= "15:55" && !t.startsWith("0");
        }""",
        timeout=LONG,
    )
    expect(page.get_by_test_id("replay-error")).to_have_count(0)
    _shot(page, "jumped")
    status = replay_server.http.get("/api/replay").json()
    assert status["percent"] > 50 and status["state"] in ("playing", "jumping")

    page.get_by_test_id("replay-speed").select_option("max")
    expect(badge).to_have_text("replay finished", timeout=LONG)
    expect(bar).to_have_attribute("data-state", "finished", timeout=LONG)
    expect(page.get_by_test_id("replay-percent")).to_have_text("100%")
    assert replay_server.http.get("/readyz").json()["phase"] == "finished"
    _shot(page, "finished")
    badges: list[str] = page.evaluate("() => window.__badges")
    assert "live" not in badges, badges
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.get_by_test_id("replay-toggle")).to_be_in_viewport()
    _shot(page, "phone")
    page.set_viewport_size({"width": 1600, "height": 900})

    # the replay's reference data is the file: a symbol it does not hold is refused
    page.locator("#add-symbol").fill("AAPL")
    page.locator("#add-symbol").press("Enter")
    expect(page.get_by_role("alert").filter(has_text="Could not add AAPL")).to_contain_text(
        "AAPL is not in the replayed file", timeout=LONG
    )


def test_symbols_offer_matches_refuse_unknowns_and_backfill(page: Page, server: Server) -> None:
    page.goto(server.url)
    expect(page.get_by_test_id("stream-status")).to_have_text("live", timeout=LONG)
    expect(page.get_by_test_id("simulated-tag")).to_have_text("Simulated")

    jump = page.get_by_test_id("symbol-jump")
    jump.click()
    jump.press_sequentially("A")
    options = page.get_by_test_id("symbol-jump-options").get_by_role("option")
    expect(options).to_have_text(A_OPTIONS)
    _shot(page, "jump-a")
    jump.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#watch-row-AAPL')?.getAttribute('aria-current') === 'true'",
        timeout=LONG,
    )
    symbols = [s["symbol"] for s in server.http.get("/api/symbols").json()["symbols"]]
    assert "A" not in symbols

    for typed, reason in (("ZZZZ1", "ZZZZ1 is not one of the simulated market's"),):
        jump.click()
        jump.press_sequentially(typed)
        expect(page.get_by_test_id("symbol-jump-none")).to_be_visible()
        jump.press("Escape")
        # the add box adds what it is given when nothing matches: the server says why not
        page.locator("#add-symbol").press_sequentially(typed)
        page.locator("#add-symbol").press("Enter")
        notice = page.get_by_role("alert").filter(has_text=f"Could not add {typed}")
        expect(notice).to_contain_text(reason, timeout=LONG)
    _shot(page, "refused")
    page.get_by_role("button", name="Dismiss").click()

    jump.click()
    jump.press_sequentially("AMZN")
    jump.press("Enter")
    row = page.get_by_test_id("watch-row-AMZN")
    expect(row).to_be_visible(timeout=LONG)
    # backfilled before the add answered: the price and the change are there at once
    expect(page.get_by_test_id("watch-last-AMZN")).not_to_have_text("—", timeout=LONG)
    for column in ("changePct", "volume"):
        expect(page.get_by_test_id(f"watch-{column}-AMZN")).not_to_have_text("—")
    # RVOL stays empty, and says why: one day of history is fewer sessions than it needs
    expect(page.get_by_test_id("watch-rvol-AMZN")).to_have_attribute(
        "title", re.compile(r"^RVOL needs 3 sessions of history; [0-2] loaded$")
    )
    expect(page.get_by_test_id("legend")).to_contain_text("AMZN", timeout=LONG)
    _shot(page, "added")
