"""The ``spotlight`` command line: ``backfill`` against a real local HTTP server serving the
fake REST aggregates, and the polygon options of ``serve``."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import structlog
from typer.testing import CliRunner

from spotlight_trader import cli, logs
from spotlight_trader.config import Settings
from spotlight_trader.model import MINUTE_MS
from tests.fakes.polygon_rest import FakeRest, agg, serve_http

# 2025-06-02 (a Monday) 13:30 UTC = 09:30 EDT
OPEN_MS = int(datetime(2025, 6, 2, 13, 30, tzinfo=UTC).timestamp() * 1000)


@pytest.fixture(autouse=True)
def _isolate_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The commands configure logging on the runner's captured stderr, which is closed after
    the call: keep module loggers from caching it, and restore everything afterwards."""
    real = logs.configure

    def configure(level: str = "info", json: bool = False) -> None:
        real(level, json)
        structlog.configure(cache_logger_on_first_use=False)

    monkeypatch.setattr(logs, "configure", configure)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    structlog.reset_defaults()
    root.handlers[:] = handlers
    root.setLevel(level)


def _rest(page_size: int = 3) -> FakeRest:
    rest = FakeRest(page_size=page_size)
    day1 = [OPEN_MS + i * MINUTE_MS for i in range(4)]
    day2 = [OPEN_MS + 86_400_000 + i * MINUTE_MS for i in range(3)]
    rest.bars["AAPL"] = [
        agg(t, 10 + i, 11 + i, 9 + i, 10.5 + i, 100 + i) for i, t in enumerate(day1 + day2)
    ]
    return rest


def _invoke(args: list[str], **env: str) -> Any:
    return CliRunner().invoke(cli.app, args, env=env, catch_exceptions=False)


def test_backfill_fetches_pages_into_the_ring_and_prints_a_summary() -> None:
    rest = _rest(page_size=3)
    with serve_http(rest) as url:
        result = _invoke(
            ["backfill", "aapl", "--from", "2025-06-02", "--to", "2025-06-03"],
            POLYGON_API_KEY="test-key",
            POLYGON_REST_URL=url,
        )
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines == [
        "AAPL 2025-06-02..2025-06-03: 7 bars fetched, 7 stored, 3 pages",
        "first bar 2025-06-02 09:30 EDT, last bar 2025-06-03 09:32 EDT",
    ]
    assert "100%" in result.stderr  # the progress bar ended complete
    assert len(rest.requests) == 3
    first = rest.requests[0].url
    assert first.path == "/v2/aggs/ticker/AAPL/range/1/minute/2025-06-02/2025-06-03"
    assert all(r.headers["authorization"] == "Bearer test-key" for r in rest.requests)


def test_backfill_retries_a_429_then_succeeds() -> None:
    rest = _rest(page_size=50_000)
    rest.script = [(429, {"Retry-After": "0"})]
    with serve_http(rest) as url:
        result = _invoke(
            ["backfill", "AAPL", "--from", "2025-06-02", "--to", "2025-06-02"],
            POLYGON_API_KEY="test-key",
            POLYGON_REST_URL=url,
        )
    assert result.exit_code == 0, result.output
    assert "4 bars fetched, 4 stored, 1 page\n" in result.stdout


@pytest.mark.parametrize(
    ("key", "script", "cause"),
    [
        ("wrong-key", [], r"401 Unauthorized: Unknown API Key.*POLYGON_API_KEY"),
        ("test-key", [403], r"403 Forbidden: You are not entitled to this data"),
    ],
)
def test_backfill_api_errors_exit_1_with_the_cause(key: str, script: list[Any], cause: str) -> None:
    rest = _rest()
    rest.script = script
    with serve_http(rest) as url:
        result = _invoke(
            ["backfill", "AAPL", "--from", "2025-06-02", "--to", "2025-06-02"],
            POLYGON_API_KEY=key,
            POLYGON_REST_URL=url,
        )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert re.search(cause, errors[0]), errors[0]
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["AAPL", "--from", "2025-13-01", "--to", "2025-06-02"], {}, "--from must be a date"),
        (["AAPL", "--from", "2025-06-02", "--to", "June 3"], {}, "--to must be a date"),
        (["AAPL", "--from", "2025-06-03", "--to", "2025-06-02"], {}, "is before --from"),
        (["no way!", "--from", "2025-06-02", "--to", "2025-06-02"], {}, "not a ticker symbol"),
        (
            ["AAPL", "--from", "2025-06-02", "--to", "2025-06-02"],
            {"POLYGON_API_KEY": ""},
            "POLYGON_API_KEY is not set",
        ),
        (
            ["AAPL", "--from", "2025-06-02", "--to", "2025-06-02"],
            {"POLYGON_API_KEY": "k", "POLYGON_REST_TIMEOUT_S": "soon"},
            "invalid setting POLYGON_REST_TIMEOUT_S",
        ),
    ],
)
def test_backfill_bad_arguments_and_config_exit_2(
    args: list[str], env: dict[str, str], message: str
) -> None:
    result = _invoke(["backfill", *args], **env)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], lines


def test_backfill_requires_from_and_to() -> None:
    result = _invoke(["backfill", "AAPL", "--from", "2025-06-02"])
    assert result.exit_code == 2
    assert "--to" in result.stderr


def test_serve_polygon_without_key_fails_with_one_line() -> None:
    result = _invoke(["serve", "--feed", "polygon"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: POLYGON_API_KEY is not set"), lines


def test_serve_delayed_sets_polygon_delayed(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Settings] = []
    monkeypatch.setattr(cli, "_serve", lambda settings, *a, **k: seen.append(settings))
    assert _invoke(["serve", "--feed", "polygon", "--delayed"]).exit_code == 0
    assert _invoke(["serve", "--feed", "polygon"]).exit_code == 0
    assert _invoke(["serve"], POLYGON_DELAYED="true").exit_code == 0
    assert [s.polygon_delayed for s in seen] == [True, False, True]
    assert seen[0].feed == "polygon"

    from spotlight_trader.feeds.polygon.connection import DELAYED_URL, REALTIME_URL, ws_url_for

    assert ws_url_for(seen[0]) == DELAYED_URL
    assert ws_url_for(seen[1]) == REALTIME_URL


@pytest.mark.parametrize(
    ("args", "env", "cause"),
    [
        (["ingest"], {}, "error: REDIS_URL is not set"),
        (["ingest", "--feed", "polygon"], {}, "error: POLYGON_API_KEY is not set"),
        (
            ["ingest"],
            {"REDIS_URL": "redis://127.0.0.1:1/0", "FEED": "replay"},
            "error: spotlight ingest runs a live feed",
        ),
    ],
)
def test_ingest_refuses_to_stand_by_misconfigured(
    args: list[str], env: dict[str, str], cause: str
) -> None:
    result = _invoke(args, **env)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(cause), lines
