"""Contract fuzz: schemathesis against the server's own OpenAPI document (issue 11).

Every operation of the schema is called over real HTTP (uvicorn on loopback, the app of
``spotlight serve``) with generated requests, valid and invalid (both generation modes), in
both auth modes: ``AUTH_MODE=local``, and ``AUTH_MODE=password`` signed in with a session
cookie and a matching Origin (so the CSRF rules pass and the routes themselves are reached).
Each response must not be a server error and must match the schema: a documented status
code, its content type and its body schema. Bounded and deterministic: at most
:data:`EXAMPLES` generated examples per operation, derandomized, no deadline, no example
database.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from spotlight_trader.api.security import SESSION_COOKIE
from spotlight_trader.config import Settings
from spotlight_trader.runtime.components import build_components
from spotlight_trader.runtime.web import create_app
from tests.conftest import make_service, make_settings, running_server
from tests.fakes.feeds import ScriptedFeed, synthetic_trades

Case = schemathesis.Case[Any]  # a generated request of any operation
START = 1_700_000_040_000
EXAMPLES = 20
USER, PASSWORD = "fuzzer", "the fuzzer's long password"
# Limits a fuzzer reaches within seconds are raised so it gets to the routes behind them
# (the limits themselves are tested in test_hardening.py and test_accounts_api.py).
SETTINGS: dict[str, object] = {
    "watchlist": "SPY",
    "session_secret": "k" * 32,
    "openai_api_key": "sk-contract-test",  # /api/voice/token mints tokens (no upstream call)
    "write_rate_per_min": 100_000,
    "login_rate_per_min": 10_000,
    "login_max_attempts": 10_000,
}
# Not called as a plain request: /stream/market is an SSE stream that does not end by
# itself (its contract and its errors are tested in test_stream.py). The voice WebSocket
# (/ws/realtime) is not an OpenAPI operation.
EXCLUDED_PATHS = ["/stream/market"]
# these end the session the fuzzer is signed in with: it signs in again after them
SESSION_ENDING = frozenset(
    {"/api/auth/logout", "/api/account/sign-out-everywhere", "/api/account/password"}
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _document() -> dict[str, Any]:
    """The OpenAPI document the app serves, built as ``spotlight openapi`` builds it."""
    settings = make_settings(database_url="sqlite:///:memory:", **SETTINGS)
    return create_app(build_components(settings)).openapi()


schema = schemathesis.openapi.from_dict(_document()).exclude(path=EXCLUDED_PATHS)
schema.config.generation.update(modes=list(schemathesis.GenerationMode), deterministic=True)
# explicit examples and fuzzing (at most EXAMPLES cases an operation); not the coverage
# phase's boundary cases (about 60 more per operation: minutes more on two cores)
schema.config.phases.update(phases=["examples", "fuzzing"])
fuzz_settings = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


class Client:
    """Calls a running server as a signed-in browser tab: its Origin, and in password mode
    its session cookie (signing in again once a call ended the session)."""

    def __init__(self, base: str, auth_mode: str) -> None:
        self.base = base
        self.auth_mode = auth_mode
        self.headers = {"Origin": base}
        self.sign_in()

    def sign_in(self) -> None:
        """Sign in (password mode) and keep the session cookie for the next calls."""
        if self.auth_mode != "password":
            return
        response = requests.post(
            f"{self.base}/api/auth/login",
            json={"name": USER, "password": PASSWORD},
            headers={"Origin": self.base},
            timeout=30,
        )
        response.raise_for_status()
        self.headers["Cookie"] = f"{SESSION_COOKIE}={response.cookies[SESSION_COOKIE]}"

    def check(self, case: Case) -> None:
        """Call ``case`` and validate the response against the schema."""
        response = case.call(base_url=self.base, headers=self.headers, timeout=60)
        try:
            case.validate_response(response, checks=CHECKS)
        finally:
            if case.path in SESSION_ENDING:
                self.sign_in()


def _clean(environ: pytest.MonkeyPatch) -> None:
    """Keep the developer's settings out (module fixtures run before tests/conftest's)."""
    names = {name.upper() for name in Settings.model_fields}
    for name in list(os.environ):
        if name.upper() in names:
            environ.delenv(name)


@contextlib.contextmanager
def serving(data_dir: Path, auth_mode: str) -> Iterator[Client]:
    """``spotlight serve``'s app around a scripted feed on a free port, in a thread with
    its own event loop (schemathesis calls it synchronously); in password mode with the
    fuzzer's account."""
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    started = threading.Event()
    outcome: list[str | BaseException] = []

    async def main() -> None:
        feed = ScriptedFeed(synthetic_trades(["SPY"], START, minutes=30, seed=3))
        service = make_service(feed, data_dir=data_dir, auth_mode=auth_mode, **SETTINGS)
        async with running_server(service) as url:
            if auth_mode == "password":
                await service.components.users.add_user(USER, password=PASSWORD)
            outcome.append(url)
            started.set()
            await stop.wait()

    def run() -> None:
        try:
            loop.run_until_complete(main())
        except BaseException as exc:
            outcome.append(exc)
        finally:
            started.set()
            loop.close()

    thread = threading.Thread(target=run, name=f"contract-{auth_mode}", daemon=True)
    thread.start()
    try:
        assert started.wait(120), "the server did not start"
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        yield Client(outcome[0], auth_mode)
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(60)


@pytest.fixture(scope="module")
def local_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    with pytest.MonkeyPatch.context() as environ:
        _clean(environ)
        with serving(tmp_path_factory.mktemp("contract-local"), "local") as client:
            yield client


@pytest.fixture(scope="module")
def password_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    with pytest.MonkeyPatch.context() as environ:
        _clean(environ)
        with serving(tmp_path_factory.mktemp("contract-password"), "password") as client:
            yield client


def test_the_schema_is_the_one_the_server_serves(local_client: Client) -> None:
    served = requests.get(f"{local_client.base}/openapi.json", timeout=30)
    assert served.json() == _document()


@schema.parametrize()
@fuzz_settings
def test_local_mode(case: Case, local_client: Client) -> None:
    local_client.check(case)


@schema.parametrize()
@fuzz_settings
def test_password_mode_signed_in(case: Case, password_client: Client) -> None:
    password_client.check(case)
