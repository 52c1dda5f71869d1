"""Engines and migrations. The database URL comes from ``DATABASE_URL`` or defaults to the
SQLite file ``spotlight.db`` under ``DATA_DIR``.

Migrations run only when asked (``spotlight db upgrade``, ``spotlight user add`` and the
single-process lifespan of ``spotlight serve``), never when an engine or a repository is
made. SQLite enforces foreign keys on every connection (as PostgreSQL does), except while
migrations copy tables; they are checked afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from spotlight_trader.config import Settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def data_dir(settings: Settings) -> Path:
    """``DATA_DIR`` or the platform's user data directory."""
    if settings.data_dir is not None:
        return settings.data_dir
    import platformdirs

    return Path(platformdirs.user_data_dir("spotlight-trader", appauthor=False))


def database_url(settings: Settings) -> str:
    """The async SQLAlchemy URL to use (drivers: aiosqlite, asyncpg)."""
    url = settings.database_url
    if not url:
        directory = data_dir(settings)
        directory.mkdir(parents=True, exist_ok=True)
        return f"sqlite+aiosqlite:///{directory / 'spotlight.db'}"
    return async_url(url)


def async_url(url: str) -> str:
    """Pick the async driver for plain ``sqlite://`` and ``postgresql://`` URLs."""
    for prefix, driver in (
        ("postgresql://", "postgresql+asyncpg://"),
        ("postgres://", "postgresql+asyncpg://"),
        ("sqlite://", "sqlite+aiosqlite://"),
    ):
        if url.startswith(prefix):
            return driver + url[len(prefix) :]
    return url


def make_engine(url: str, *, schema: str | None = None) -> AsyncEngine:
    """An async engine; ``schema`` sets PostgreSQL's search_path (tests isolate with it)."""
    connect_args: dict[str, Any] = {}
    if schema is not None:
        connect_args["server_settings"] = {"search_path": schema}
    engine = create_async_engine(url, connect_args=connect_args, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine.sync_engine, "connect", _enforce_foreign_keys)
    return engine


def _enforce_foreign_keys(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def alembic_config() -> Config:
    """Alembic configuration pointing at the packaged migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _migrate(connection: sa.Connection, direction: str, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    if direction == "upgrade":
        command.upgrade(config, revision)
    else:
        command.downgrade(config, revision)


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Apply migrations up to ``revision``."""
    await _run(engine, "upgrade", revision)


async def downgrade(engine: AsyncEngine, revision: str = "-1") -> None:
    """Revert migrations down to ``revision`` (``base`` = empty database)."""
    await _run(engine, "downgrade", revision)


async def _run(engine: AsyncEngine, direction: str, revision: str) -> None:
    async with engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            async with conn.begin():
                await conn.run_sync(_migrate, direction, revision)
            return
        # SQLite's batch migrations copy, drop and rename tables: with foreign keys on,
        # dropping a table would cascade into the tables that reference it. The pragma
        # only takes effect outside a transaction.
        await conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        await conn.commit()
        try:
            async with conn.begin():
                await conn.run_sync(_migrate, direction, revision)
                await conn.run_sync(_check_foreign_keys)
        finally:
            await conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            await conn.commit()


def _check_foreign_keys(connection: sa.Connection) -> None:
    """Fail like PostgreSQL would if a migration left rows without their parent row."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        table, rowid, parent = broken[0], broken[1], broken[2]
        raise sa.exc.IntegrityError(
            "PRAGMA foreign_key_check",
            None,
            ValueError(f"{table} row {rowid} references a missing {parent} row"),
        )


def _current(connection: sa.Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


async def current_revision(engine: AsyncEngine) -> str | None:
    """The database's revision (None = not migrated)."""
    async with engine.connect() as conn:
        return await conn.run_sync(_current)


def head_revision() -> str | None:
    """The newest revision of the packaged migrations."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()
