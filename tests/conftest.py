"""Shared fixtures: settings, a service around a scripted feed, a real uvicorn server."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import socket
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
import uvicorn
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from spotlight_trader.config import Settings, load_settings
from spotlight_trader.feeds.base import Feed
from spotlight_trader.runtime.components import build_components
from spotlight_trader.runtime.ingest import Ingest
from spotlight_trader.runtime.web import proxy_options, single_process_app
from tests import redis_backends
from tests.redis_backends import Prefixes

# Property tests are reproducible and never race the clock: a fixed derivation of examples
# (no random seed, no example database carried between runs) and no per-example deadline,
# which a loaded 2-core machine would miss. A test's own @settings adds to this.
hypothesis_settings.register_profile(
    "spotlight",
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
hypothesis_settings.load_profile("spotlight")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Tests run the installed (compiled) package: refuse to run it stale."""
    import spotlight_trader

    installed = Path(spotlight_trader.__file__).resolve().parent
    source = REPO / "src" / "spotlight_trader"
    if installed == source:
        return
    stale = [
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if not (installed / path.relative_to(source)).is_file()
        or (installed / path.relative_to(source)).read_bytes() != path.read_bytes()
    ]
    if stale:
        pytest.exit(
            f"installed package is older than src/ ({stale[0]}, ...): run `make install`", 2
        )


@pytest.fixture(autouse=True)
def _clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's environment out of tests."""
    import os

    for name in list(os.environ):
        if name in Settings.model_fields or name.upper() in {
            f.upper() for f in Settings.model_fields
        }:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(REPO / "tests")  # no .env file here


@pytest.fixture(autouse=True)
def _data_dir(_clean_environ: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Every test gets its own DATA_DIR (so its own SQLite database)."""
    data = tmp_path / "data"
    monkeypatch.setenv("DATA_DIR", str(data))
    return data


def make_settings(**overrides: object) -> Settings:
    """Settings for tests (an isolated data dir is the caller's business)."""
    return load_settings(**overrides)


async def until(predicate: Callable[[], object], within_s: float = 30.0) -> None:
    """Wait for ``predicate()`` (or what it returns, when that is awaitable) to hold: state
    that other tasks change. The limit guards against hanging on a loaded machine; it is
    not a speed check."""

    async def holds() -> object:
        found = predicate()
        return await found if inspect.isawaitable(found) else found

    async with asyncio.timeout(within_s):
        while not await holds():  # noqa: ASYNC110 - state changes in other tasks
            await asyncio.sleep(0.01)


@pytest.fixture
def redis_prefixes() -> Iterator[Prefixes]:
    """Key prefixes on the test Redis, deleted after the test."""
    yield from redis_backends.prefixes()


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[redis_backends.PrivateRedis]:
    """A ``redis-server`` of the test's own (kill and start it to lose or restore it)."""
    private = redis_backends.PrivateRedis(tmp_path, free_port())
    private.start()
    yield private
    private.kill()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.asynccontextmanager
async def running_server(service: Ingest) -> AsyncIterator[str]:
    """Serve ``spotlight serve``'s app around ``service`` with uvicorn on a free port inside
    this event loop."""
    port = free_port()
    config = uvicorn.Config(
        single_process_app(service),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="on",
        ws_ping_interval=service.settings.voice_heartbeat_s,
        ws_ping_timeout=service.settings.voice_heartbeat_s,
        **proxy_options(service.settings),
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        service.components.streams.close_all()
        server.should_exit = True
        await asyncio.wait_for(task, 10)


def make_service(feed: Feed, **overrides: object) -> Ingest:
    """The ingest side (with its components) around a scripted feed and test settings."""
    return Ingest(build_components(make_settings(**overrides)), feed)
