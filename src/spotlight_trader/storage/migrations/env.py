"""Alembic environment: migrations always run on a connection handed in by
:mod:`spotlight_trader.storage.db` (async engines run them through ``run_sync``)."""

from __future__ import annotations

from alembic import context

from spotlight_trader.storage.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `spotlight db upgrade` (storage.db.migrate)")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
