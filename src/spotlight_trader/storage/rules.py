"""Rules, their immutable versions and per-user settings; the engine's
:class:`~spotlight_trader.rules.engine.RuleSource`.

Reading rules is one query however many there are: rules joined with their latest
version (``rules.latest_version``) and the user's settings. A new version takes its
number with ``UPDATE rules SET latest_version = latest_version + 1 ... RETURNING`` as the
first statement of its transaction: that row lock (PostgreSQL) or write lock (SQLite)
serialises concurrent edits of a rule, and the new version is built from the latest one
read under it, so numbers never collide and no edit is lost.

Built-in rules are read-only templates defined in code (:mod:`~spotlight_trader.rules.builtins`):
users change them only through their own settings layer (params, cooldown, symbols), never
by versions; :meth:`RuleRepository.seed_builtins` adds a version when the code's template
changes. Custom rules are capped per user, deleted softly and can be duplicated.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from spotlight_trader.errors import QuotaError, ReadOnlyError
from spotlight_trader.model import LOCAL_USER
from spotlight_trader.rules.builtins import BUILTINS
from spotlight_trader.rules.core import ActiveRule
from spotlight_trader.rules.model import (
    DEFAULT_FIRE_MODE,
    DEFAULT_FREQUENCY,
    MAX_NAME,
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
    normalise_scope,
    reverted,
)
from spotlight_trader.rules.params import param_specs
from spotlight_trader.storage.rule_rows import (
    LATEST,
    RULE_COLUMNS,
    VERSION_COLUMNS,
    fetch_version,
    insert_version,
    now_ms,
    rule_of,
    take_number,
    upsert_settings,
    user_rules,
    version_of,
    visible,
)
from spotlight_trader.storage.tables import rule_versions, rules, user_rule_settings, users


def _matches(version: RuleVersion, template: NewVersion) -> bool:
    return (
        version.params == template.params
        and version.frequency == template.frequency
        and version.cooldown_s == template.cooldown_s
        and version.intrabar == template.intrabar
    )


def _writable(builtin: str | None) -> None:
    if builtin is not None:
        raise ReadOnlyError(
            "built-in rules are read-only templates: change your settings (parameters, "
            "cooldown, symbols), they apply to you only"
        )


class RuleRepository:
    """Rules over one engine. Every method that reads or writes a user's rules, versions or
    settings takes that user as ``user=``; :class:`LookupError` for a rule it cannot see."""

    def __init__(self, engine: AsyncEngine, *, max_rules: int = 200) -> None:
        self.engine = engine
        self.max_rules = max_rules

    async def seed_builtins(self) -> int:
        """Insert missing built-in rules (version 1 = the code's template) and add a version
        to those whose latest differs from the template; how many were added or renewed."""
        added = 0
        async with self.engine.begin() as conn:
            have = {
                row.builtin: row
                for row in (
                    await conn.execute(
                        sa.select(rules.c.builtin, *VERSION_COLUMNS)
                        .select_from(rules.join(rule_versions, LATEST))
                        .where(rules.c.builtin.is_not(None))
                    )
                ).all()
            }
            for builtin in BUILTINS.values():
                template = NewVersion(
                    dict(builtin.defaults),
                    None,
                    DEFAULT_FREQUENCY,
                    builtin.cooldown_s,
                    False,
                    "built-in defaults",
                )
                row = have.get(builtin.name)
                if row is not None:
                    if _matches(version_of(row), template):
                        continue
                    # built-ins are visible to every user: any name takes the lock
                    number, _ = await take_number(conn, int(row.rule_id), LOCAL_USER)
                    await insert_version(conn, int(row.rule_id), number, template, None)
                    added += 1
                    continue
                result = await conn.execute(
                    rules.insert().values(
                        owner_id=None,
                        name=builtin.title,
                        kind="builtin",
                        builtin=builtin.name,
                        description=builtin.description,
                        created_at_ms=now_ms(),
                        latest_version=1,
                    )
                )
                rule_id = int(result.inserted_primary_key[0])  # type: ignore[index]
                await insert_version(conn, rule_id, 1, template, None)
                added += 1
        return added

    async def list_rules(self, *, user: str) -> list[Rule]:
        """Rules visible to ``user`` (built-ins and their own), latest version each."""
        async with self.engine.connect() as conn:
            return [rule_of(row) for row in (await conn.execute(user_rules(user))).all()]

    async def get_rule(self, rule_id: int, *, user: str) -> Rule:
        """One visible rule."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(user_rules(user).where(rules.c.id == rule_id))).one_or_none()
        if row is None:
            raise LookupError(f"no rule {rule_id}")
        return rule_of(row)

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
        fire_mode: str = DEFAULT_FIRE_MODE,
        symbols: list[str] | None = None,
    ) -> Rule:
        """A new custom rule owned by ``user`` (version 1, enabled for its owner on
        ``symbols``, None: every watchlist symbol); :class:`QuotaError` once ``user`` has
        ``max_rules``."""
        name = check_rule_fields(name, description)
        fields = NewVersion(
            params or {}, expression, frequency, cooldown_s, intrabar, fire_mode=fire_mode
        )
        check_version_fields(None, fields)
        settings = UserRuleSettings(enabled=True, symbols=normalise_scope(symbols))
        async with self.engine.begin() as conn:
            return await self._insert_custom(conn, user, name, description, fields, settings)

    async def _insert_custom(
        self,
        conn: AsyncConnection,
        user: str,
        name: str,
        description: str,
        fields: NewVersion,
        settings: UserRuleSettings | None = None,
    ) -> Rule:
        # the user's row lock serialises concurrent creates: the cap holds exactly
        await conn.execute(
            users.update().where(users.c.id == user).values(created_at_ms=users.c.created_at_ms)
        )
        owned = await conn.scalar(
            sa.select(sa.func.count())
            .select_from(rules)
            .where(rules.c.owner_id == user, rules.c.deleted_at_ms.is_(None))
        )
        if int(owned or 0) >= self.max_rules:
            raise QuotaError(
                f"rules: at most {self.max_rules} custom rules per user (RULES_PER_USER); "
                "delete one first"
            )
        result = await conn.execute(
            rules.insert().values(
                owner_id=user,
                name=name,
                kind="custom",
                builtin=None,
                description=description,
                created_at_ms=now_ms(),
                latest_version=1,
            )
        )
        rule_id = int(result.inserted_primary_key[0])  # type: ignore[index]
        version = await insert_version(conn, rule_id, 1, fields, user)
        settings = settings or UserRuleSettings(enabled=True)
        await conn.execute(
            user_rule_settings.insert().values(
                user_id=user,
                rule_id=rule_id,
                enabled=settings.enabled,
                params=settings.params,
                symbols=settings.symbols,
                cooldown_s=settings.cooldown_s,
                expires_at_ms=settings.expires_at_ms,
                updated_at_ms=version.created_at_ms,
            )
        )
        return Rule(
            rule_id, name, "custom", None, description, version, settings,
            params_schema=param_specs(None),
        )  # fmt: skip

    async def duplicate(self, rule_id: int, *, user: str) -> Rule:
        """A private copy of ``user``'s custom rule (its latest version and ``user``'s
        settings) named "… (copy)"; :class:`ReadOnlyError` for a built-in."""
        original = await self.get_rule(rule_id, user=user)
        if original.builtin is not None:
            raise ReadOnlyError(
                "built-in rules are templates: change your settings (parameters, cooldown, "
                "symbols) instead of copying them"
            )
        v = original.version
        fields = NewVersion(
            v.params, v.expression, v.frequency, v.cooldown_s, v.intrabar,
            f"copy of rule {rule_id} version {v.version}", v.fire_mode,
        )  # fmt: skip
        name = check_rule_fields(f"{original.name} (copy)"[:MAX_NAME], original.description)
        async with self.engine.begin() as conn:
            return await self._insert_custom(
                conn, user, name, original.description, fields, original.settings
            )

    async def delete(self, rule_id: int, *, user: str) -> None:
        """Delete ``user``'s custom rule: it stops and disappears from lists; its versions
        and signals stay (the journal refers to them). :class:`ReadOnlyError` for a
        built-in (switch it off instead)."""
        async with self.engine.begin() as conn:
            row = (
                await conn.execute(
                    sa.select(rules.c.builtin).where(rules.c.id == rule_id, visible(user))
                )
            ).one_or_none()
            if row is None:
                raise LookupError(f"no rule {rule_id}")
            if row.builtin is not None:
                raise ReadOnlyError("built-in rules cannot be deleted: switch them off")
            await conn.execute(
                rules.update().where(rules.c.id == rule_id).values(deleted_at_ms=now_ms())
            )

    async def versions(self, rule_id: int, *, user: str) -> list[RuleVersion]:
        """Every version of a visible rule, newest first."""
        query = (
            sa.select(*VERSION_COLUMNS)
            .select_from(rule_versions.join(rules, rules.c.id == rule_versions.c.rule_id))
            .where(rules.c.id == rule_id, visible(user))
            .order_by(rule_versions.c.version.desc())
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        if not rows:  # every rule has a version 1
            raise LookupError(f"no rule {rule_id}")
        return [version_of(r) for r in rows]

    async def get_version(self, rule_id: int, version: int, *, user: str) -> RuleVersion:
        """One version of a visible rule."""
        async with self.engine.connect() as conn:
            return await fetch_version(conn, rule_id, version, user)

    async def add_version(self, rule_id: int, change: VersionChange, *, user: str) -> RuleVersion:
        """Create the next version from the latest one plus ``change`` (custom rules only:
        :class:`ReadOnlyError` for a built-in)."""
        async with self.engine.begin() as conn:
            number, builtin = await take_number(conn, rule_id, user)
            _writable(builtin)
            base = await fetch_version(conn, rule_id, number - 1, user)
            fields = next_version(builtin, base, change)
            check_version_fields(builtin, fields)
            return await insert_version(conn, rule_id, number, fields, user)

    async def revert(self, rule_id: int, version: int, *, user: str) -> RuleVersion:
        """A new version equal to ``version`` (custom rules only)."""
        async with self.engine.begin() as conn:
            number, builtin = await take_number(conn, rule_id, user)
            _writable(builtin)
            fields = reverted(await fetch_version(conn, rule_id, version, user))
            check_version_fields(builtin, fields)
            return await insert_version(conn, rule_id, number, fields, user)

    async def put_settings(
        self, rule_id: int, settings: UserRuleSettings, *, user: str
    ) -> UserRuleSettings:
        """Replace ``user``'s settings of a rule."""
        async with self.engine.begin() as conn:
            builtin = (
                await conn.execute(
                    sa.select(rules.c.builtin).where(rules.c.id == rule_id, visible(user))
                )
            ).one_or_none()
            if builtin is None:
                raise LookupError(f"no rule {rule_id}")
            clean = clean_settings(builtin[0], settings)
            values = {
                "enabled": clean.enabled,
                "params": clean.params,
                "symbols": clean.symbols,
                "cooldown_s": clean.cooldown_s,
                "expires_at_ms": clean.expires_at_ms,
                "updated_at_ms": now_ms(),
            }
            await conn.execute(upsert_settings(conn.dialect.name, user, rule_id, values))
        return clean

    async def pause(self, rule_id: int, reason: str, at_ms: int, *, user: str) -> None:
        """The circuit breaker paused ``user``'s ``rule_id`` (kept until :meth:`resume`)."""
        async with self.engine.begin() as conn:
            await conn.execute(
                user_rule_settings.update()
                .where(
                    user_rule_settings.c.user_id == user, user_rule_settings.c.rule_id == rule_id
                )
                .values(paused_at_ms=at_ms, paused_reason=reason)
            )

    async def resume(self, rule_id: int, *, user: str) -> Rule:
        """Clear a pause of ``user``'s rule; the rule."""
        async with self.engine.begin() as conn:
            await conn.execute(
                user_rule_settings.update()
                .where(
                    user_rule_settings.c.user_id == user, user_rule_settings.c.rule_id == rule_id
                )
                .values(paused_at_ms=None, paused_reason=None)
            )
        return await self.get_rule(rule_id, user=user)

    async def active_rules(
        self, *, user: str | None = None, rule_id: int | None = None
    ) -> list[ActiveRule]:
        """Every enabled, unpaused (user, rule) at its latest version, settings layered on
        top (only ``user``'s, only ``rule_id`` when given), ordered by user and rule."""
        owner = user_rule_settings.c.user_id
        query = (
            sa.select(owner, *RULE_COLUMNS)
            .select_from(
                user_rule_settings.join(
                    rules, sa.and_(rules.c.id == user_rule_settings.c.rule_id, visible(owner))
                ).join(rule_versions, LATEST)
            )
            .where(
                user_rule_settings.c.enabled.is_(True), user_rule_settings.c.paused_at_ms.is_(None)
            )
            .order_by(owner, rules.c.id)
        )
        if user is not None:
            query = query.where(owner == user)
        if rule_id is not None:
            query = query.where(rules.c.id == rule_id)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        out: list[ActiveRule] = []
        for row in rows:
            rule = rule_of(row)
            out.append(active_rule(row.user_id, rule, rule.version, rule.settings))
        return out
