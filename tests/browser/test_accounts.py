"""Password mode in headless Chromium against a real ``spotlight serve``: the login page,
the Settings panel (account, integrations, preferences stored per user) and signing out."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, ConsoleErrors, Server, serve_env
from tests.conftest import REPO, free_port

pytestmark = pytest.mark.browser
PASSWORD = "alice's browser password"
# the page's own requests that are refused before sign-in (the browser logs each one)
EXPECTED = ("401 (Unauthorized)", "Failed to load resource")


@pytest.fixture
def password_server(tmp_path: Path) -> Iterator[Server]:
    env = serve_env(tmp_path, AUTH_MODE="password", SESSION_SECRET="b" * 40)
    spotlight = Path(sys.executable).with_name("spotlight")
    subprocess.run(
        [str(spotlight), "user", "add", "alice"],
        env=env,
        input=PASSWORD + "\n",
        text=True,
        check=True,
        capture_output=True,
        cwd=REPO,
        timeout=60,
    )
    srv = Server(env, free_port())
    srv.start()
    yield srv
    srv.stop()
    srv.http.close()


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"accounts-{name}.png"))


def test_login_settings_and_logout(
    page: Page, password_server: Server, console_errors: ConsoleErrors
) -> None:
    server = password_server
    assert server.http.get("/api/symbols").status_code == 401
    page.goto(server.url)
    page.wait_for_url("**/login", timeout=15_000)  # the dashboard's first 401 leads here
    expect(page.get_by_test_id("page-login")).to_be_visible()
    page.get_by_label("User name").fill("alice")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("wrong user name or password")
    shot(page, "login-refused")

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(server.url + "/", timeout=15_000)
    page.wait_for_function(
        "() => window.__spotlight && window.__spotlight.candles().length > 0", timeout=30_000
    )
    cookies = {c["name"]: c for c in page.context.cookies()}
    session = cookies["spotlight_session"]
    assert session["httpOnly"] and session["sameSite"] == "Lax"
    assert page.evaluate("document.cookie") == ""  # scripts cannot read it

    page.get_by_role("button", name="Settings").click()
    panel = page.get_by_test_id("panel-settings")
    expect(panel.get_by_test_id("settings-user")).to_have_text("alice")
    expect(panel.get_by_test_id("integration-polygon")).to_contain_text("not set")
    expect(panel.get_by_test_id("integration-openai")).to_contain_text("not set")
    panel.get_by_label("Coach verbosity").select_option("brief")
    panel.get_by_label("Default timeframe").select_option("5")
    panel.get_by_role("button", name="Save preferences").click()
    expect(panel.get_by_text("saved", exact=True)).to_be_visible()
    panel.get_by_label("Token name").fill("browser test")
    panel.get_by_role("button", name="Create").click()
    token = panel.get_by_test_id("new-token").locator("code").inner_text()
    assert token.startswith("st_")
    expect(panel.get_by_test_id("api-tokens")).to_contain_text("browser test")
    shot(page, "settings")
    assert (
        server.http.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"}).json()["user"]
        == "alice"
    )

    page.reload()  # preferences are the server's, not the page's
    # the default timeframe applies (this browser never picked one)
    page.wait_for_function("() => window.__spotlight.timeframe() === 5", timeout=15_000)
    page.get_by_role("button", name="Settings").click()
    panel = page.get_by_test_id("panel-settings")
    expect(panel.get_by_label("Coach verbosity")).to_have_value("brief")
    expect(panel.get_by_label("Default timeframe")).to_have_value("5")

    panel.get_by_role("button", name="Sign out", exact=True).click()
    page.wait_for_url("**/login", timeout=15_000)
    shot(page, "signed-out")
    replay = server.http.get(
        "/api/symbols", headers={"Cookie": f"spotlight_session={session['value']}"}
    )
    assert replay.status_code == 401  # ended on the server, not only in the browser
    page.goto(server.url)
    page.wait_for_url("**/login", timeout=15_000)
    unexpected = [e for e in console_errors if not any(s in e for s in EXPECTED)]
    assert unexpected == []
