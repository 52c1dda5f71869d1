"""Alembic migrations (run them with ``spotlight db upgrade``)."""
