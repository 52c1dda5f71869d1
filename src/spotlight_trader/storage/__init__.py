"""Storage: SQLAlchemy 2 (async Core) over SQLite (default) or PostgreSQL.

``db`` makes engines and runs the Alembic migrations, ``tables`` declares the schema, and
one repository per resource reads and writes it: ``users`` (accounts, API tokens),
``rules`` (rules, versions, per-user settings) and ``signals``. The rule types and their
validation live in :mod:`spotlight_trader.rules.model`.
"""
