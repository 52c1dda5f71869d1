"""Repositories over a migrated test database (the repositories themselves never migrate)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.storage.db import make_engine, upgrade
from spotlight_trader.storage.rules import RuleRepository
from spotlight_trader.storage.signals import SignalRepository
from spotlight_trader.storage.users import UserRepository


@dataclass(frozen=True)
class Repositories:
    """The repositories over one engine, as the composition root builds them."""

    engine: AsyncEngine
    users: UserRepository
    rules: RuleRepository
    signals: SignalRepository


@contextlib.asynccontextmanager
async def repositories(
    url: str, *, schema: str | None = None, users: Iterable[str] = ()
) -> AsyncIterator[Repositories]:
    """Migrate the database at ``url`` (idempotent), seed the built-in rules and add the
    accounts ``users`` (rows the foreign keys need; ``local`` always exists)."""
    engine = make_engine(url, schema=schema)
    try:
        await upgrade(engine)
        repos = Repositories(
            engine, UserRepository(engine), RuleRepository(engine), SignalRepository(engine)
        )
        await repos.rules.seed_builtins()
        for name in users:
            await repos.users.add_user(name)
        yield repos
    finally:
        await engine.dispose()
