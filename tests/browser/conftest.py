"""Browser end-to-end fixtures: a real ``spotlight serve`` process and headless Chromium."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    sync_playwright,
)

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


# The browser suite pins the market clock: every server's simulated day starts at this
# New York time (a Wednesday's regular session), whenever and however often it starts, so
# daytime and night-time runs behave the same and a restart continues the same day.
SIM_START = "2025-03-12T10:30:00-04:00"


class Server:
    """A ``spotlight serve`` subprocess that can be stopped and started again on one port."""

    def __init__(self, env: dict[str, str], port: int) -> None:
        self.env = env
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = ARTIFACTS / f"serve-{port}.log"
        # One client for every request the tests make (no TLS context per call); timeouts are
        # sized for a loaded 2-core machine, readiness polls use their own short one.
        self.http = httpx.Client(base_url=self.url, timeout=30)

    def spawn(self) -> None:
        """Start the process; do not wait for it."""
        ARTIFACTS.mkdir(exist_ok=True)
        spotlight = Path(sys.executable).with_name("spotlight")
        self.proc = subprocess.Popen(
            [str(spotlight), "serve", "--port", str(self.port)],
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )

    def readiness(self) -> int | None:
        """The /readyz status code, or None while nothing answers."""
        try:
            return self.http.get("/readyz", timeout=5).status_code
        except httpx.HTTPError:
            return None

    def wait_ready(self, timeout_s: float = 90) -> None:
        """Wait for /readyz 200 (history in the ring, feed live); sized for a loaded machine."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                raise RuntimeError(f"spotlight serve exited: {self.log.read_text()[-2000:]}")
            if self.readiness() == 200:
                return
            time.sleep(0.05)
        raise RuntimeError(f"spotlight serve did not become ready in {timeout_s:g} s")

    def start(self) -> None:
        """Start and wait until ready."""
        self.spawn()
        self.wait_ready()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


def serve_env(data_dir: Path, **settings: str) -> dict[str, str]:
    """The environment for ``spotlight serve``: the developer's settings removed, a fresh
    data directory (its own SQLite database), and the market clock pinned to
    :data:`SIM_START` at this moment (``SIM_EPOCH``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SIM_", "FEED", "WATCHLIST"))}
    env.pop("DATABASE_URL", None)
    env.update(
        {
            "LOG_LEVEL": "warning",
            "DATA_DIR": str(data_dir),
            "SIM_START": SIM_START,
            "SIM_EPOCH": datetime.now(UTC).isoformat(),
            **settings,
        }
    )
    return env


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """The product on its default feed (simulated, real time, pinned clock)."""
    srv = Server(serve_env(tmp_path), free_port())
    srv.start()
    yield srv
    srv.stop()
    srv.http.close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: make browsers installs it")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


# Every page reports Content-Security-Policy violations to the console; a test during which
# any page saw one fails (the CSP is strict: api/hardening.py).
CSP_REPORTER = """document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`
    + ` at ${e.sourceFile}:${e.lineNumber}`);
});"""
_csp_violations: list[str] = []


def guard_csp(context: BrowserContext) -> BrowserContext:
    """Record the CSP violations of every page of ``context`` (see :func:`_no_csp_violations`)."""
    context.add_init_script(CSP_REPORTER)

    def on_console(msg: ConsoleMessage) -> None:
        if msg.text.startswith("CSP violation") or "Content Security Policy" in msg.text:
            _csp_violations.append(msg.text)

    context.on("console", on_console)
    return context


@pytest.fixture(autouse=True)
def _no_csp_violations() -> Iterator[None]:
    """Fail the test when any guarded page violated the Content-Security-Policy."""
    _csp_violations.clear()
    yield
    found, _csp_violations[:] = list(_csp_violations), []
    assert not found, f"Content-Security-Policy violations: {found}"


class ConsoleErrors(list[str]):
    """Console errors and uncaught page errors seen by a page."""


@pytest.fixture
def console_errors() -> ConsoleErrors:
    return ConsoleErrors()


@pytest.fixture
def page(browser: Browser, console_errors: ConsoleErrors) -> Iterator[Page]:
    context = guard_csp(
        browser.new_context(viewport={"width": 1600, "height": 900}, timezone_id="America/New_York")
    )
    page = context.new_page()

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            console_errors.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: console_errors.append(str(exc)))
    yield page
    context.close()
