"""Rows and statements shared by the rules repository: the columns a rule is read with,
row → domain mapping, the version-number lock, inserts and the settings upsert.

A rule is visible to a user when it is a built-in (no owner) or theirs, and not deleted
(deleted rules keep their versions and signals for the journal)."""

from __future__ import annotations

import time
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from spotlight_trader.model import Frequency
from spotlight_trader.rules.model import (
    FireMode,
    NewVersion,
    Rule,
    RuleVersion,
    UserRuleSettings,
)
from spotlight_trader.rules.params import param_specs
from spotlight_trader.storage.tables import rule_versions, rules, user_rule_settings

VERSION_COLUMNS = (
    rule_versions.c.rule_id,
    rule_versions.c.version,
    rule_versions.c.params,
    rule_versions.c.expression,
    rule_versions.c.frequency,
    rule_versions.c.cooldown_s,
    rule_versions.c.intrabar,
    rule_versions.c.created_at_ms,
    rule_versions.c.note,
    rule_versions.c.fire_mode,
)
RULE_COLUMNS = (
    rules.c.id,
    rules.c.name,
    rules.c.kind,
    rules.c.builtin,
    rules.c.description,
    *VERSION_COLUMNS,
    user_rule_settings.c.enabled,
    user_rule_settings.c.params.label("settings_params"),
    user_rule_settings.c.symbols,
    user_rule_settings.c.cooldown_s.label("settings_cooldown_s"),
    user_rule_settings.c.expires_at_ms,
    user_rule_settings.c.paused_at_ms,
    user_rule_settings.c.paused_reason,
)
LATEST = sa.and_(
    rule_versions.c.rule_id == rules.c.id, rule_versions.c.version == rules.c.latest_version
)


def now_ms() -> int:
    return int(time.time() * 1000)


def visible(user: str | sa.ColumnElement[str]) -> sa.ColumnElement[bool]:
    """Built-ins (no owner) and ``user``'s own rules, not deleted."""
    return sa.and_(
        sa.or_(rules.c.owner_id.is_(None), rules.c.owner_id == user),
        rules.c.deleted_at_ms.is_(None),
    )


def version_of(row: sa.Row[*tuple[Any, ...]]) -> RuleVersion:
    return RuleVersion(
        rule_id=int(row.rule_id),
        version=int(row.version),
        params=dict(row.params or {}),
        expression=row.expression,
        frequency=cast(Frequency, row.frequency),
        cooldown_s=int(row.cooldown_s),
        intrabar=bool(row.intrabar),
        created_at_ms=int(row.created_at_ms),
        note=row.note,
        fire_mode=row.fire_mode,
    )


def rule_of(row: sa.Row[*tuple[Any, ...]]) -> Rule:
    settings = (
        UserRuleSettings()  # no settings row: the defaults
        if row.enabled is None
        else UserRuleSettings(
            enabled=bool(row.enabled),
            params=dict(row.settings_params or {}),
            symbols=list(row.symbols) if row.symbols is not None else None,
            cooldown_s=row.settings_cooldown_s,
            expires_at_ms=row.expires_at_ms,
        )
    )
    return Rule(
        id=int(row.id),
        name=row.name,
        kind=row.kind,
        builtin=row.builtin,
        description=row.description,
        version=version_of(row),
        settings=settings,
        paused_reason=row.paused_reason,
        paused_at_ms=row.paused_at_ms,
        params_schema=param_specs(row.builtin),
    )


def user_rules(user: str) -> sa.Select[Any]:
    """Every rule visible to ``user`` at its latest version with ``user``'s settings."""
    settings = sa.and_(
        user_rule_settings.c.rule_id == rules.c.id, user_rule_settings.c.user_id == user
    )
    return (
        sa.select(*RULE_COLUMNS)
        .select_from(rules.join(rule_versions, LATEST).outerjoin(user_rule_settings, settings))
        .where(visible(user))
        .order_by(rules.c.id)
    )


async def fetch_version(
    conn: AsyncConnection, rule_id: int, version: int, user: str
) -> RuleVersion:
    found = (
        await conn.execute(
            sa.select(rules.c.id.label("found"), *VERSION_COLUMNS)
            .select_from(
                rules.outerjoin(
                    rule_versions,
                    sa.and_(
                        rule_versions.c.rule_id == rules.c.id, rule_versions.c.version == version
                    ),
                )
            )
            .where(rules.c.id == rule_id, visible(user))
        )
    ).one_or_none()
    if found is None:
        raise LookupError(f"no rule {rule_id}")
    if found.version is None:
        raise LookupError(f"rule {rule_id} has no version {version}")
    return version_of(found)


async def take_number(conn: AsyncConnection, rule_id: int, user: str) -> tuple[int, str | None]:
    """Lock ``rule_id`` and take its next version number; (number, builtin)."""
    taken = (
        await conn.execute(
            rules.update()
            .where(rules.c.id == rule_id, visible(user))
            .values(latest_version=rules.c.latest_version + 1)
            .returning(rules.c.latest_version, rules.c.builtin)
        )
    ).one_or_none()
    if taken is None:
        raise LookupError(f"no rule {rule_id}")
    return int(taken.latest_version), taken.builtin


async def insert_version(
    conn: AsyncConnection,
    rule_id: int,
    number: int,
    fields: NewVersion,
    created_by: str | None,
) -> RuleVersion:
    now = now_ms()
    await conn.execute(
        rule_versions.insert().values(
            rule_id=rule_id,
            version=number,
            params=fields.params,
            expression=fields.expression,
            frequency=fields.frequency,
            cooldown_s=fields.cooldown_s,
            intrabar=fields.intrabar,
            created_at_ms=now,
            created_by=created_by,
            note=fields.note,
            fire_mode=fields.fire_mode,
        )
    )
    return RuleVersion(
        rule_id=rule_id,
        version=number,
        params=dict(fields.params),
        expression=fields.expression,
        frequency=cast(Frequency, fields.frequency),
        cooldown_s=fields.cooldown_s,
        intrabar=fields.intrabar,
        created_at_ms=now,
        note=fields.note,
        fire_mode=cast(FireMode, fields.fire_mode),
    )


def upsert_settings(dialect: str, user: str, rule_id: int, values: dict[str, Any]) -> sa.Insert:
    # one statement (both backends have ON CONFLICT): concurrent first saves cannot collide
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        insert(user_rule_settings)
        .values(user_id=user, rule_id=rule_id, **values)
        .on_conflict_do_update(
            index_elements=[user_rule_settings.c.user_id, user_rule_settings.c.rule_id], set_=values
        )
    )
