"""Browser end-to-end fixtures: a real ``spotlight serve`` process and headless Chromium."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, sync_playwright

from tests.conftest import REPO, free_port

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Server:
    """A ``spotlight serve`` subprocess that can be stopped and started again on one port."""

    def __init__(self, env: dict[str, str], port: int) -> None:
        self.env = env
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = ARTIFACTS / f"serve-{port}.log"

    def start(self) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        spotlight = Path(sys.executable).with_name("spotlight")
        self.proc = subprocess.Popen(
            [str(spotlight), "serve", "--port", str(self.port)],
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"spotlight serve exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("spotlight serve did not become ready in 30 s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


def serve_env(data_dir: Path, **settings: str) -> dict[str, str]:
    """The environment for ``spotlight serve``: the developer's settings removed, a fresh
    data directory (its own SQLite database)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SIM_", "FEED", "WATCHLIST"))}
    env.pop("DATABASE_URL", None)
    env.update({"LOG_LEVEL": "warning", "DATA_DIR": str(data_dir), **settings})
    return env


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """The product on its default feed (simulated, real time)."""
    srv = Server(serve_env(tmp_path), free_port())
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does this)")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class ConsoleErrors(list[str]):
    """Console errors and uncaught page errors seen by a page."""


@pytest.fixture
def console_errors() -> ConsoleErrors:
    return ConsoleErrors()


@pytest.fixture
def page(browser: Browser, console_errors: ConsoleErrors) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1600, "height": 900}, timezone_id="America/New_York"
    )
    page = context.new_page()

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            console_errors.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: console_errors.append(str(exc)))
    yield page
    context.close()
