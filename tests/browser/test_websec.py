"""Web security in a real Chromium: a foreign page can neither change anything with
"simple" cross-origin requests (text/plain no-cors POSTs, form posts) nor frame the
dashboard, and /docs works under the strict CSP."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect
from prometheus_client.parser import text_string_to_metric_families

from tests.browser.conftest import ARTIFACTS, Server
from tests.conftest import free_port

pytestmark = pytest.mark.browser

ATTACK = """<!doctype html><title>evil</title><body>
<form id="f" method="POST" action="{target}/api/symbols" enctype="text/plain" target="sink">
<input name='{{"symbol": "EVIL", "x": "' value='"}}'></form>
<iframe name="sink"></iframe>
<iframe id="framed" src="{target}/"></iframe>
</body>"""


class Attacker:
    """A page on another origin (another port) that attacks the server at ``target``."""

    def __init__(self, target: str) -> None:
        page = ATTACK.format(target=target).encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://localhost:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def attacker(server: Server) -> Iterator[Attacker]:
    evil = Attacker(server.url)
    yield evil
    evil.close()


def watchlist(server: Server) -> list[str]:
    body = httpx.get(f"{server.url}/api/symbols", timeout=10).json()
    return [s["symbol"] for s in body["symbols"]]


def refused(server: Server, reason: str) -> float:
    """``spotlight_http_refused_total{reason}`` of the server."""
    text = httpx.get(f"{server.url}/metrics", timeout=10).text
    families = text_string_to_metric_families(text)
    samples = (s for f in families if f.name == "spotlight_http_refused" for s in f.samples)
    return sum(s.value for s in samples if s.labels.get("reason") == reason)


def test_a_foreign_page_cannot_change_anything_or_frame_the_dashboard(
    browser: Browser, server: Server, attacker: Attacker
) -> None:
    before = watchlist(server)
    refused_before = refused(server, "origin")
    # not guarded against CSP reports: the refused frame is this page's expected violation
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(attacker.url)
        results = page.evaluate(
            """async (target) => {
              const out = [];
              const attempts = [
                ["POST", "/api/symbols", '{"symbol": "AMZN"}'],
                ["POST", "/api/rules", '{"name": "evil", "expression": "close > 0"}'],
                ["DELETE", "/api/symbols/SPY", null],
              ];
              for (const [method, path, body] of attempts) {
                const init = {method, mode: "no-cors", credentials: "include", body};
                if (body) init.headers = {"Content-Type": "text/plain"};
                const res = await fetch(target + path, init).then(
                  (r) => r.type, (e) => "blocked: " + e.message);
                out.push(res);
              }
              // a JSON request needs a CORS preflight, which a foreign origin fails
              out.push(await fetch(target + "/api/symbols", {
                method: "POST", headers: {"Content-Type": "application/json"},
                body: '{"symbol": "NFLX"}'}).then((r) => "answered " + r.status,
                (e) => "blocked"));
              return out;
            }""",
            server.url,
        )
        # the two POSTs are sent (their answers hidden from the page: opaque, or blocked by
        # Cross-Origin-Resource-Policy); no-cors DELETE and the JSON POST (its preflight
        # fails) are never sent
        assert all(r == "opaque" or r.startswith("blocked:") for r in results[:3]), results
        assert results[3] == "blocked"
        with page.expect_event("framenavigated", predicate=lambda f: f.name == "sink"):
            page.locator("#f").evaluate("f => f.submit()")
        page.wait_for_load_state("load")  # the frames too, refused or not
        handle = page.locator("#framed").element_handle()
        framed = handle.content_frame() if handle is not None else None
        assert framed is not None
        assert not framed.url.startswith(server.url), framed.url  # refused: an error page
        page.screenshot(path=str(ARTIFACTS / "websec-attacker.png"))
    finally:
        context.close()
    assert watchlist(server) == before
    # the two no-cors POSTs and the form post reached the server and were refused
    assert refused(server, "origin") - refused_before == 3
    rules = httpx.get(f"{server.url}/api/rules", timeout=10).json()["rules"]
    assert all(r["builtin"] for r in rules)


def test_the_dashboard_itself_can_still_write(page: Page, server: Server) -> None:
    """The positive control of the test above: the same origin, as JSON, is allowed."""
    page.goto(server.url)
    status = page.evaluate(
        """async () => (await fetch("/api/symbols", {method: "POST",
             headers: {"Content-Type": "application/json"},
             body: '{"symbol": "AMZN"}'})).status"""
    )
    assert status == 201
    assert "AMZN" in watchlist(server)


def test_docs_render_under_the_strict_csp(page: Page, server: Server) -> None:
    page.goto(f"{server.url}/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Spotlight Trader")
    expect(page.locator(".opblock").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "websec-docs.png"))
