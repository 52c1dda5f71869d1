"""Storage test backends: a fresh SQLite file, or a fresh schema in the real PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from spotlight_trader.storage.db import make_engine

PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]


async def _pg_reachable() -> str | None:
    engine = make_engine(PG_URL)
    try:
        async with engine.connect() as conn:
            await conn.execute(sa.text("select 1"))
    except Exception as exc:  # any connection failure
        return f"{type(exc).__name__}: {exc}"
    finally:
        await engine.dispose()
    return None


@contextlib.asynccontextmanager
async def database(backend: str, tmp_path: Path) -> AsyncIterator[tuple[str, str | None]]:
    """(url, schema) of an empty database; PostgreSQL uses a throw-away schema."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.db'}", None
        return
    problem = await _pg_reachable()
    if problem is not None:
        message = f"PostgreSQL at {PG_URL} is unreachable ({problem})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " and CI=true: storage must be tested on PostgreSQL")
        pytest.skip(message)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL)
    async with admin.begin() as conn:
        await conn.execute(sa.text(f'create schema "{schema}"'))
    try:
        yield PG_URL, schema
    finally:
        async with admin.begin() as conn:
            await conn.execute(sa.text(f'drop schema "{schema}" cascade'))
        await admin.dispose()
