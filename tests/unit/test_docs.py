"""The README documents every setting and every CLI command."""

from __future__ import annotations

from spotlight_trader.cli import app
from spotlight_trader.config import Settings
from tests.conftest import REPO


def test_readme_lists_every_setting() -> None:
    readme = (REPO / "README.md").read_text()
    missing = [name.upper() for name in Settings.model_fields if f"`{name.upper()}`" not in readme]
    assert missing == []


def test_readme_lists_every_command() -> None:
    readme = (REPO / "README.md").read_text()
    commands = [
        c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
    ]
    assert commands
    assert [c for c in commands if f"spotlight {c}" not in readme] == []
