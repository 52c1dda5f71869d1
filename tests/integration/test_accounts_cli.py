"""``spotlight user …`` and ``spotlight token …`` against a real (SQLite) database."""

from __future__ import annotations

import asyncio
from pathlib import Path

from typer.testing import CliRunner

from spotlight_trader import cli
from spotlight_trader.storage.db import make_engine
from spotlight_trader.storage.users import UserRepository

PASSWORD = "a long enough password"


def test_users_and_tokens_from_the_command_line(tmp_path: Path) -> None:
    env = {"DATA_DIR": str(tmp_path)}
    runner = CliRunner()

    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        done = runner.invoke(cli.app, list(args), env=env, input=stdin)
        return done.exit_code, done.stdout, done.stderr

    assert run("user", "add", "Carol", stdin=PASSWORD + "\n")[:2] == (0, "user carol created\n")
    code, _, err = run("user", "add", "carol", stdin=PASSWORD + "\n")
    assert code == 2 and err == "error: user 'carol' already exists\n"
    code, _, err = run("user", "add", "dave", stdin="short\n")
    assert code == 2 and err.startswith("error: password: 10 to")
    code, out, _ = run("user", "list")
    assert code == 0 and out.startswith("carol\t") and "\tpassword\t0 token(s)" in out

    code, token, err = run("token", "create", "carol", "--name", "backtests")
    token = token.strip()
    assert code == 0 and token.startswith("st_") and "shown once" in err
    token_id = token.split("_")[1]
    code, out, _ = run("token", "list", "carol")
    assert code == 0 and out.startswith(f"{token_id}\tbacktests\t") and token not in out

    async def owner() -> str | None:
        engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'spotlight.db'}")
        try:
            return await UserRepository(engine).user_for_token(token)
        finally:
            await engine.dispose()

    assert asyncio.run(owner()) == "carol"
    assert run("token", "revoke", "dave", token_id)[0] == 2  # not dave's
    assert run("token", "revoke", "carol", token_id)[:2] == (0, f"token {token_id} revoked\n")
    assert asyncio.run(owner()) is None

    code, out, _ = run("user", "passwd", "carol", stdin="another long password\n")
    assert code == 0 and out == "password of carol changed; 0 session(s) ended\n"
    assert run("user", "remove", "carol")[:2] == (0, "user carol removed\n")
    assert run("user", "remove", "carol")[0] == 2
    assert run("user", "list")[1] == ""
