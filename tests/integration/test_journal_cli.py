"""``spotlight journal import/export``: all or nothing, idempotent, and an exported CSV
imports into a fresh database as the same trades."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from spotlight_trader import cli

FILLS = """Date,Time,Symbol,Quantity,Price,Side,Commission
2025-06-02,09:30:00.250,SPY,10,500,B,1
2025-06-02,09:45:00,SPY,30,501.5,S,1
2025-06-02,09:50:00,SPY,20,502,B,0.5
2025-06-02,23:30:00,AAPL,5,200,B,0
2025-06-03,09:31:00,AAPL,5,201,S,0
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_import_export_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "fills.csv"
    source.write_text(FILLS)
    bad = tmp_path / "bad.csv"
    bad.write_text(FILLS + "2025-06-03,09:32:00,AAPL,5,-201,S,0\n")
    code, _, err = run("journal", "import", str(bad), "--tz", "America/New_York")
    assert code == 2 and "line 7: Price: must be positive" in err and "nothing imported" in err
    code, out, _ = run("journal", "export", "--format", "csv")
    assert out.count("\n") == 1  # header only: nothing was stored

    code, out, _ = run(
        "journal", "import", str(source), "--tz", "America/New_York", "--account", "cash"
    )
    assert code == 0 and "5 new fills stored" in out
    code, out, _ = run(
        "journal", "import", str(source), "--tz", "America/New_York", "--account", "cash"
    )
    assert "0 new fills stored, 5 already there" in out

    code, md, _ = run("journal", "export", "--format", "md")
    assert code == 0 and md.startswith("# Recap 2025-06-02") and "# Recap 2025-06-03" in md
    code, exported, _ = run("journal", "export", "--format", "csv")
    assert exported.splitlines()[1] == "2025-06-02,13:30:00.250,SPY,10,500,B,1,0,cash"
    again = tmp_path / "exported.csv"
    again.write_text(exported)

    monkeypatch.setenv("DATA_DIR", str(tmp_path / "fresh"))
    code, out, _ = run("journal", "import", str(again), "--tz", "UTC")
    assert code == 0 and "5 new fills stored" in out
    code, md_again, _ = run("journal", "export", "--format", "md")
    assert md_again == md
