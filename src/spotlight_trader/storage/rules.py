"""Rules, their immutable versions and per-user settings; the engine's
:class:`~spotlight_trader.rules.engine.RuleSource`.

Reading rules is one query however many there are: rules joined with their latest
version (``rules.latest_version``) and the user's settings. A new version takes its
number with ``UPDATE rules SET latest_version = latest_version + 1 ... RETURNING`` as the
first statement of its transaction: that row lock (PostgreSQL) or write lock (SQLite)
serialises concurrent edits of a rule, and the new version is built from the latest one
read under it, so numbers never collide and no edit is lost.
"""

from __future__ import annotations

import time
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from spotlight_trader.model import Frequency
from spotlight_trader.rules.builtins import BUILTINS
from spotlight_trader.rules.core import ActiveRule
from spotlight_trader.rules.model import (
    DEFAULT_FREQUENCY,
    NewVersion,
    Rule,
    RuleVersion,
    UserRuleSettings,
    VersionChange,
    active_rule,
    check_rule_fields,
    check_version_fields,
    clean_settings,
    next_version,
    reverted,
)
from spotlight_trader.storage.tables import rule_versions, rules, user_rule_settings

_VERSION = (
    rule_versions.c.rule_id,
    rule_versions.c.version,
    rule_versions.c.params,
    rule_versions.c.expression,
    rule_versions.c.frequency,
    rule_versions.c.cooldown_s,
    rule_versions.c.intrabar,
    rule_versions.c.created_at_ms,
    rule_versions.c.note,
)
_RULE = (
    rules.c.id,
    rules.c.name,
    rules.c.kind,
    rules.c.builtin,
    rules.c.description,
    *_VERSION,
    user_rule_settings.c.enabled,
    user_rule_settings.c.params.label("settings_params"),
    user_rule_settings.c.symbols,
)
_LATEST = sa.and_(
    rule_versions.c.rule_id == rules.c.id, rule_versions.c.version == rules.c.latest_version
)


def _now_ms() -> int:
    return int(time.time() * 1000)


def _visible(user: str | sa.ColumnElement[str]) -> sa.ColumnElement[bool]:
    """Built-ins (no owner) and ``user``'s own rules."""
    return sa.or_(rules.c.owner_id.is_(None), rules.c.owner_id == user)


def _version(row: sa.Row[*tuple[Any, ...]]) -> RuleVersion:
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
    )


def _rule(row: sa.Row[*tuple[Any, ...]]) -> Rule:
    settings = (
        UserRuleSettings()  # no settings row: the defaults
        if row.enabled is None
        else UserRuleSettings(
            enabled=bool(row.enabled),
            params=dict(row.settings_params or {}),
            symbols=list(row.symbols) if row.symbols is not None else None,
        )
    )
    return Rule(
        id=int(row.id),
        name=row.name,
        kind=row.kind,
        builtin=row.builtin,
        description=row.description,
        version=_version(row),
        settings=settings,
    )


def _user_rules(user: str) -> sa.Select[Any]:
    """Every rule visible to ``user`` at its latest version with ``user``'s settings."""
    settings = sa.and_(
        user_rule_settings.c.rule_id == rules.c.id, user_rule_settings.c.user_id == user
    )
    return (
        sa.select(*_RULE)
        .select_from(rules.join(rule_versions, _LATEST).outerjoin(user_rule_settings, settings))
        .where(_visible(user))
        .order_by(rules.c.id)
    )


async def _fetch_version(
    conn: AsyncConnection, rule_id: int, version: int, user: str
) -> RuleVersion:
    found = (
        await conn.execute(
            sa.select(rules.c.id.label("found"), *_VERSION)
            .select_from(
                rules.outerjoin(
                    rule_versions,
                    sa.and_(
                        rule_versions.c.rule_id == rules.c.id, rule_versions.c.version == version
                    ),
                )
            )
            .where(rules.c.id == rule_id, _visible(user))
        )
    ).one_or_none()
    if found is None:
        raise LookupError(f"no rule {rule_id}")
    if found.version is None:
        raise LookupError(f"rule {rule_id} has no version {version}")
    return _version(found)


async def _take_number(conn: AsyncConnection, rule_id: int, user: str) -> tuple[int, str | None]:
    """Lock ``rule_id`` and take its next version number; (number, builtin)."""
    taken = (
        await conn.execute(
            rules.update()
            .where(rules.c.id == rule_id, _visible(user))
            .values(latest_version=rules.c.latest_version + 1)
            .returning(rules.c.latest_version, rules.c.builtin)
        )
    ).one_or_none()
    if taken is None:
        raise LookupError(f"no rule {rule_id}")
    return int(taken.latest_version), taken.builtin


async def _insert_version(
    conn: AsyncConnection,
    rule_id: int,
    number: int,
    fields: NewVersion,
    created_by: str | None,
) -> RuleVersion:
    now = _now_ms()
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
    )


def _upsert_settings(dialect: str, user: str, rule_id: int, values: dict[str, Any]) -> sa.Insert:
    # one statement (both backends have ON CONFLICT): concurrent first saves cannot collide
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        insert(user_rule_settings)
        .values(user_id=user, rule_id=rule_id, **values)
        .on_conflict_do_update(
            index_elements=[user_rule_settings.c.user_id, user_rule_settings.c.rule_id], set_=values
        )
    )


class RuleRepository:
    """Rules over one engine. Every method that reads or writes a user's rules, versions or
    settings takes that user as ``user=``; :class:`LookupError` for a rule it cannot see."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def seed_builtins(self) -> int:
        """Insert missing built-in rules (version 1 = defaults); how many were added."""
        added = 0
        async with self.engine.begin() as conn:
            have = set((await conn.execute(sa.select(rules.c.builtin))).scalars())
            for builtin in BUILTINS.values():
                if builtin.name in have:
                    continue
                result = await conn.execute(
                    rules.insert().values(
                        owner_id=None,
                        name=builtin.title,
                        kind="builtin",
                        builtin=builtin.name,
                        description=builtin.description,
                        created_at_ms=_now_ms(),
                        latest_version=1,
                    )
                )
                rule_id = int(result.inserted_primary_key[0])  # type: ignore[index]
                defaults = NewVersion(
                    dict(builtin.defaults), None, DEFAULT_FREQUENCY, 0, False, "built-in defaults"
                )
                await _insert_version(conn, rule_id, 1, defaults, None)
                added += 1
        return added

    async def list_rules(self, *, user: str) -> list[Rule]:
        """Rules visible to ``user`` (built-ins and their own), latest version each."""
        async with self.engine.connect() as conn:
            return [_rule(row) for row in (await conn.execute(_user_rules(user))).all()]

    async def get_rule(self, rule_id: int, *, user: str) -> Rule:
        """One visible rule."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(_user_rules(user).where(rules.c.id == rule_id))).one_or_none()
        if row is None:
            raise LookupError(f"no rule {rule_id}")
        return _rule(row)

    async def create_rule(
        self,
        *,
        user: str,
        name: str,
        expression: str,
        description: str = "",
        frequency: str = DEFAULT_FREQUENCY,
        cooldown_s: int = 0,
        intrabar: bool = False,
        params: dict[str, Any] | None = None,
    ) -> Rule:
        """A new custom rule owned by ``user`` (version 1, enabled for its owner)."""
        name = check_rule_fields(name, description)
        fields = NewVersion(params or {}, expression, frequency, cooldown_s, intrabar)
        check_version_fields(None, fields)
        async with self.engine.begin() as conn:
            result = await conn.execute(
                rules.insert().values(
                    owner_id=user,
                    name=name,
                    kind="custom",
                    builtin=None,
                    description=description,
                    created_at_ms=_now_ms(),
                    latest_version=1,
                )
            )
            rule_id = int(result.inserted_primary_key[0])  # type: ignore[index]
            version = await _insert_version(conn, rule_id, 1, fields, user)
            settings = UserRuleSettings(enabled=True)
            await conn.execute(
                user_rule_settings.insert().values(
                    user_id=user,
                    rule_id=rule_id,
                    enabled=True,
                    params={},
                    symbols=None,
                    updated_at_ms=version.created_at_ms,
                )
            )
        return Rule(rule_id, name, "custom", None, description, version, settings)

    async def versions(self, rule_id: int, *, user: str) -> list[RuleVersion]:
        """Every version of a visible rule, newest first."""
        query = (
            sa.select(*_VERSION)
            .select_from(rule_versions.join(rules, rules.c.id == rule_versions.c.rule_id))
            .where(rules.c.id == rule_id, _visible(user))
            .order_by(rule_versions.c.version.desc())
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        if not rows:  # every rule has a version 1
            raise LookupError(f"no rule {rule_id}")
        return [_version(r) for r in rows]

    async def get_version(self, rule_id: int, version: int, *, user: str) -> RuleVersion:
        """One version of a visible rule."""
        async with self.engine.connect() as conn:
            return await _fetch_version(conn, rule_id, version, user)

    async def add_version(self, rule_id: int, change: VersionChange, *, user: str) -> RuleVersion:
        """Create the next version from the latest one plus ``change``."""
        async with self.engine.begin() as conn:
            number, builtin = await _take_number(conn, rule_id, user)
            base = await _fetch_version(conn, rule_id, number - 1, user)
            fields = next_version(builtin, base, change)
            check_version_fields(builtin, fields)
            return await _insert_version(conn, rule_id, number, fields, user)

    async def revert(self, rule_id: int, version: int, *, user: str) -> RuleVersion:
        """A new version equal to ``version``."""
        async with self.engine.begin() as conn:
            number, builtin = await _take_number(conn, rule_id, user)
            fields = reverted(await _fetch_version(conn, rule_id, version, user))
            check_version_fields(builtin, fields)
            return await _insert_version(conn, rule_id, number, fields, user)

    async def put_settings(
        self, rule_id: int, settings: UserRuleSettings, *, user: str
    ) -> UserRuleSettings:
        """Replace ``user``'s settings of a rule."""
        async with self.engine.begin() as conn:
            builtin = (
                await conn.execute(
                    sa.select(rules.c.builtin).where(rules.c.id == rule_id, _visible(user))
                )
            ).one_or_none()
            if builtin is None:
                raise LookupError(f"no rule {rule_id}")
            clean = clean_settings(builtin[0], settings)
            values = {
                "enabled": clean.enabled,
                "params": clean.params,
                "symbols": clean.symbols,
                "updated_at_ms": _now_ms(),
            }
            await conn.execute(_upsert_settings(conn.dialect.name, user, rule_id, values))
        return clean

    async def active_rules(self, *, user: str | None = None) -> list[ActiveRule]:
        """Every enabled (user, rule) at its latest version, settings layered on top (only
        ``user``'s when given), ordered by user and rule."""
        owner = user_rule_settings.c.user_id
        query = (
            sa.select(owner, *_RULE)
            .select_from(
                user_rule_settings.join(
                    rules, sa.and_(rules.c.id == user_rule_settings.c.rule_id, _visible(owner))
                ).join(rule_versions, _LATEST)
            )
            .where(user_rule_settings.c.enabled.is_(True))
            .order_by(owner, rules.c.id)
        )
        if user is not None:
            query = query.where(owner == user)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        out: list[ActiveRule] = []
        for row in rows:
            rule = _rule(row)
            out.append(active_rule(row.user_id, rule, rule.version, rule.settings))
        return out
