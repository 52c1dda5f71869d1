"""Settings: defaults, the feed choice, and one clear line for a bad value."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from spotlight_trader.config import DEFAULT_WATCHLIST, check_start, load_settings
from spotlight_trader.errors import ConfigError


def test_defaults_cover_the_default_watchlist() -> None:
    settings = load_settings()
    assert settings.feed == "simulated"
    assert {"SPY", "QQQ", "AAPL", "NVDA", "TSLA"} <= set(settings.watchlist)
    assert settings.watchlist == DEFAULT_WATCHLIST
    assert settings.ring_capacity == 5_000


def test_polygon_key_selects_the_polygon_feed_unless_feed_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POLYGON_API_KEY", "k")
    assert load_settings().feed == "polygon"
    monkeypatch.setenv("FEED", "simulated")
    assert load_settings().feed == "simulated"


def test_watchlist_is_normalised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHLIST", " spy, brk.b ,SPY,qqq")
    assert load_settings().watchlist == ("SPY", "BRK.B", "QQQ")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PORT", "abc"),
        ("PORT", "70000"),
        ("FEED", "bloomberg"),
        ("WATCHLIST", "SPY,$$$"),
        ("WATCHLIST", ","),
        ("RING_CAPACITY", "0"),
        ("SIM_SPEED", "-1"),
        ("BAR_GRACE_MS", "soon"),
    ],
)
def test_bad_value_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"invalid setting {name}"):
        load_settings()


def test_serve_stops_with_one_line(tmp_path: Path) -> None:
    spotlight = Path(sys.executable).with_name("spotlight")
    done = subprocess.run(
        [str(spotlight), "serve"],
        env={"PORT": "abc", "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: invalid setting PORT")


@pytest.mark.parametrize("name", ["OPENAI_API_KEY", "POLYGON_API_KEY"])
def test_blank_api_keys_count_as_unset(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv(name, "  ")
    settings = load_settings()
    assert getattr(settings, name.lower()) is None
    assert settings.feed == "simulated"


STRONG = "s" * 32


def test_auth_mode_is_explicit_and_local_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().auth_mode == "local"
    monkeypatch.setenv("AUTH_MODE", "password")
    assert load_settings().auth_mode == "password"
    monkeypatch.setenv("AUTH_MODE", "ldap")
    with pytest.raises(ConfigError, match="invalid setting AUTH_MODE"):
        load_settings()


@pytest.mark.parametrize("secret", ["a", "x" * 31, "é" * 15])
def test_weak_session_secret_is_refused(monkeypatch: pytest.MonkeyPatch, secret: str) -> None:
    monkeypatch.setenv("SESSION_SECRET", secret)
    with pytest.raises(ConfigError, match=r"invalid setting SESSION_SECRET: .*32 bytes"):
        load_settings()


def test_session_secret_of_32_bytes_is_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SESSION_SECRET", "é" * 16)  # 16 characters, 32 bytes
    assert load_settings().session_secret.get_secret_value() == "é" * 16


@pytest.mark.parametrize("host", ["127.0.0.1", "127.9.8.7", "::1", "[::1]", "localhost"])
def test_local_mode_serves_on_loopback(host: str) -> None:
    check_start(load_settings(host=host))


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.com", ""])
def test_local_mode_refuses_other_hosts(host: str) -> None:
    with pytest.raises(ConfigError, match=rf"AUTH_MODE=local .* HOST={re.escape(host)}:"):
        check_start(load_settings(host=host))
    check_start(load_settings(host=host, auth_mode="password", session_secret=STRONG))


def test_password_mode_needs_a_session_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="SESSION_SECRET: required with AUTH_MODE=password"):
        check_start(load_settings(auth_mode="password"))
    monkeypatch.setenv("SESSION_SECRET", STRONG)
    check_start(load_settings(auth_mode="password"))


def test_several_processes_need_a_session_secret() -> None:
    check_start(load_settings())
    with pytest.raises(ConfigError, match="SESSION_SECRET: required when 2 processes"):
        check_start(load_settings(), processes=2)
    check_start(load_settings(session_secret=STRONG), processes=2)


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"HOST": "0.0.0.0"}, "error: AUTH_MODE=local serves one implicit user"),
        ({"AUTH_MODE": "password"}, "error: invalid setting SESSION_SECRET: required"),
        ({"SESSION_SECRET": "a"}, "error: invalid setting SESSION_SECRET: must be"),
    ],
)
def test_serve_refuses_unsafe_settings_with_one_line(
    tmp_path: Path, env: dict[str, str], says: str
) -> None:
    spotlight = Path(sys.executable).with_name("spotlight")
    done = subprocess.run(
        [str(spotlight), "serve"],
        env={**env, "PATH": "/usr/bin:/bin", "DATA_DIR": str(tmp_path)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(says), lines
