"""Settings: defaults, the feed choice, and one clear line for a bad value."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from spotlight_trader.config import DEFAULT_WATCHLIST, load_settings
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
