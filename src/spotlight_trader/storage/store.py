"""The :class:`Store`: users, rules and their immutable versions, per-user settings, signals.

Every method is one short transaction. Rule versions are only ever inserted: editing a
rule adds a version, reverting adds a copy of an old one. It also implements the
:class:`~spotlight_trader.api.security.UserDirectory` protocol (API tokens are stored as
SHA-256 hashes).
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections.abc import Iterable, Sequence
from typing import Any, Literal, cast

import msgspec
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from spotlight_trader.errors import InputError
from spotlight_trader.model import Direction, Frequency, Signal, normalise_symbol
from spotlight_trader.rules.builtins import BUILTINS, check_params
from spotlight_trader.rules.core import FREQUENCIES, ActiveRule
from spotlight_trader.rules.expr import InvalidExpression, compile_expression
from spotlight_trader.storage.tables import (
    rule_versions,
    rules,
    signals,
    user_rule_settings,
    users,
)

USER_NAME = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")
MAX_COOLDOWN_S = 7 * 86_400
MAX_NOTE = 500
MAX_SCOPE = 200
DEFAULT_FREQUENCY = "once_per_bar_close"
MULTI_USER_RECHECK_S = 2.0


def _now_ms() -> int:
    return int(time.time() * 1000)


def hash_token(token: str) -> str:
    """SHA-256 hex of an API token (the only form stored)."""
    return hashlib.sha256(token.encode()).hexdigest()


class RuleVersion(msgspec.Struct, frozen=True):
    """One immutable version of a rule."""

    rule_id: int
    version: int
    params: dict[str, Any]
    expression: str | None
    frequency: Frequency
    cooldown_s: int
    intrabar: bool
    created_at_ms: int
    note: str | None


class UserRuleSettings(msgspec.Struct, frozen=True):
    """A user's layer over a rule: on/off, parameter overrides, symbol scope (None = all)."""

    enabled: bool = False
    params: dict[str, Any] = {}
    symbols: list[str] | None = None


class Rule(msgspec.Struct, frozen=True):
    """A rule as one user sees it: the latest version and that user's settings."""

    id: int
    name: str
    kind: Literal["builtin", "custom"]
    builtin: str | None
    description: str
    version: RuleVersion
    settings: UserRuleSettings


class VersionChange(msgspec.Struct, frozen=True):
    """Fields of a new version; unset fields keep the previous version's value."""

    params: dict[str, Any] | None = None
    expression: str | None = None
    frequency: str | None = None
    cooldown_s: int | None = None
    intrabar: bool | None = None
    note: str | None = None


def _version(row: sa.Row[Any]) -> RuleVersion:
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


def _signal(row: sa.Row[Any]) -> Signal:
    return Signal(
        id=int(row.id),
        rule_id=int(row.rule_id),
        rule_name=row.rule_name,
        version=int(row.version),
        symbol=row.symbol,
        seq=int(row.seq),
        ts_ms=int(row.ts_ms),
        direction=cast(Direction, row.direction),
        inputs={k: float(v) for k, v in (row.inputs or {}).items()},
        explanation=row.explanation,
        user_id=row.user_id,
    )


def check_version_fields(
    builtin: str | None,
    params: dict[str, Any],
    expression: str | None,
    frequency: str,
    cooldown_s: int,
    note: str | None,
) -> None:
    """:class:`InputError` (naming the field) if a version would be invalid."""
    if frequency not in FREQUENCIES:
        raise InputError(f"frequency must be one of {', '.join(FREQUENCIES)}")
    if (
        not isinstance(cooldown_s, int)
        or isinstance(cooldown_s, bool)
        or not 0 <= cooldown_s <= MAX_COOLDOWN_S
    ):
        raise InputError(f"cooldown_s must be an integer from 0 to {MAX_COOLDOWN_S}")
    if note is not None and len(note) > MAX_NOTE:
        raise InputError(f"note longer than {MAX_NOTE} characters")
    check_params(builtin, params)
    if builtin is None:
        if expression is None:
            raise InputError("expression is required for a custom rule")
        try:
            compile_expression(expression)
        except InvalidExpression as exc:
            raise InputError(f"expression: {exc}") from None
    elif expression is not None:
        raise InputError("expression: built-in rules have no expression")


def normalise_scope(symbols: Sequence[str] | None) -> list[str] | None:
    """Upper-cased, de-duplicated symbol scope; :class:`InputError` if malformed."""
    if symbols is None:
        return None
    if len(symbols) > MAX_SCOPE:
        raise InputError(f"symbols: at most {MAX_SCOPE}")
    return list(dict.fromkeys(normalise_symbol(s) for s in symbols))


class Store:
    """Async data access over one engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._multi_user = False
        self._multi_user_checked = -1e9

    async def close(self) -> None:
        """Dispose of the engine's connections."""
        await self.engine.dispose()

    # --- users (UserDirectory) ---

    async def add_user(self, name: str) -> tuple[str, str]:
        """Create a user; (user id, API token). The token is shown once, stored hashed."""
        name = name.strip().lower()
        if not USER_NAME.match(name) or name == "local":
            raise InputError("user name: lower-case letters, digits, '.', '_' or '-' (not 'local')")
        token = "st_" + secrets.token_urlsafe(32)
        async with self.engine.begin() as conn:
            exists = await conn.scalar(sa.select(users.c.id).where(users.c.name == name))
            if exists is not None:
                raise InputError(f"user {name!r} already exists")
            await conn.execute(
                users.insert().values(
                    id=name, name=name, token_hash=hash_token(token), created_at_ms=_now_ms()
                )
            )
        self._multi_user = True
        return name, token

    async def multi_user(self) -> bool:
        """True once any user account exists. While there is none the answer is re-checked
        at most every :data:`MULTI_USER_RECHECK_S` seconds (users are added by the CLI)."""
        now = time.monotonic()
        if not self._multi_user and now - self._multi_user_checked >= MULTI_USER_RECHECK_S:
            self._multi_user_checked = now
            async with self.engine.connect() as conn:
                count = await conn.scalar(sa.select(sa.func.count(users.c.id)))
                self._multi_user = (count or 0) > 0
        return self._multi_user

    async def user_for_token(self, token: str) -> str | None:
        """The user owning ``token``."""
        async with self.engine.connect() as conn:
            user = await conn.scalar(
                sa.select(users.c.id).where(users.c.token_hash == hash_token(token))
            )
        return None if user is None else str(user)

    # --- rules ---

    async def seed_builtins(self) -> int:
        """Insert missing built-in rules (version 1 = defaults); how many were added."""
        added = 0
        async with self.engine.begin() as conn:
            have = set((await conn.execute(sa.select(rules.c.builtin))).scalars())
            for builtin in BUILTINS.values():
                if builtin.name in have:
                    continue
                now = _now_ms()
                result = await conn.execute(
                    rules.insert().values(
                        owner_id=None,
                        name=builtin.title,
                        kind="builtin",
                        builtin=builtin.name,
                        description=builtin.description,
                        created_at_ms=now,
                    )
                )
                rule_id = int(result.inserted_primary_key[0])  # type: ignore[index]
                await conn.execute(
                    rule_versions.insert().values(
                        rule_id=rule_id,
                        version=1,
                        params=dict(builtin.defaults),
                        expression=None,
                        frequency=DEFAULT_FREQUENCY,
                        cooldown_s=0,
                        intrabar=False,
                        created_at_ms=now,
                        created_by=None,
                        note="built-in defaults",
                    )
                )
                added += 1
        return added

    @staticmethod
    def _visible(user_id: str) -> sa.ColumnElement[bool]:
        return sa.or_(rules.c.owner_id.is_(None), rules.c.owner_id == user_id)

    async def list_rules(self, user_id: str, rule_id: int | None = None) -> list[Rule]:
        """Rules visible to ``user_id`` (built-ins and their own), latest version each."""
        latest = (
            sa.select(rule_versions.c.rule_id, sa.func.max(rule_versions.c.version).label("v"))
            .group_by(rule_versions.c.rule_id)
            .subquery()
        )
        query = (
            sa.select(rules, rule_versions)
            .join(latest, latest.c.rule_id == rules.c.id)
            .join(
                rule_versions,
                sa.and_(
                    rule_versions.c.rule_id == rules.c.id, rule_versions.c.version == latest.c.v
                ),
            )
            .where(self._visible(user_id))
            .order_by(rules.c.id)
        )
        if rule_id is not None:
            query = query.where(rules.c.id == rule_id)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
            settings_rows = (
                await conn.execute(
                    sa.select(user_rule_settings).where(user_rule_settings.c.user_id == user_id)
                )
            ).all()
        settings = {
            int(r.rule_id): UserRuleSettings(
                enabled=bool(r.enabled),
                params=dict(r.params or {}),
                symbols=list(r.symbols) if r.symbols is not None else None,
            )
            for r in settings_rows
        }
        return [
            Rule(
                id=int(row.id),
                name=row.name,
                kind=row.kind,
                builtin=row.builtin,
                description=row.description,
                version=_version(row),
                settings=settings.get(int(row.id), UserRuleSettings()),
            )
            for row in rows
        ]

    async def get_rule(self, user_id: str, rule_id: int) -> Rule:
        """One visible rule; :class:`LookupError` if there is none."""
        found = await self.list_rules(user_id, rule_id)
        if not found:
            raise LookupError(f"no rule {rule_id}")
        return found[0]

    async def create_rule(
        self,
        user_id: str,
        *,
        name: str,
        expression: str,
        description: str = "",
        frequency: str = DEFAULT_FREQUENCY,
        cooldown_s: int = 0,
        intrabar: bool = False,
        params: dict[str, Any] | None = None,
    ) -> Rule:
        """A new custom rule owned by ``user_id`` (version 1, enabled for its owner)."""
        name = name.strip()
        if not 1 <= len(name) <= 200:
            raise InputError("name must have 1 to 200 characters")
        if len(description) > 2_000:
            raise InputError("description longer than 2000 characters")
        params = params or {}
        check_version_fields(None, params, expression, frequency, cooldown_s, None)
        now = _now_ms()
        async with self.engine.begin() as conn:
            result = await conn.execute(
                rules.insert().values(
                    owner_id=user_id,
                    name=name,
                    kind="custom",
                    builtin=None,
                    description=description,
                    created_at_ms=now,
                )
            )
            rule_id = int(result.inserted_primary_key[0])  # type: ignore[index]
            await conn.execute(
                rule_versions.insert().values(
                    rule_id=rule_id,
                    version=1,
                    params=params,
                    expression=expression,
                    frequency=frequency,
                    cooldown_s=cooldown_s,
                    intrabar=intrabar,
                    created_at_ms=now,
                    created_by=user_id,
                    note=None,
                )
            )
            await conn.execute(
                user_rule_settings.insert().values(
                    user_id=user_id,
                    rule_id=rule_id,
                    enabled=True,
                    params={},
                    symbols=None,
                    updated_at_ms=now,
                )
            )
        return await self.get_rule(user_id, rule_id)

    async def versions(self, user_id: str, rule_id: int) -> list[RuleVersion]:
        """Every version of a visible rule, newest first."""
        await self.get_rule(user_id, rule_id)
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    sa.select(rule_versions)
                    .where(rule_versions.c.rule_id == rule_id)
                    .order_by(rule_versions.c.version.desc())
                )
            ).all()
        return [_version(r) for r in rows]

    async def get_version(self, user_id: str, rule_id: int, version: int) -> RuleVersion:
        """One version; :class:`LookupError` if missing."""
        for v in await self.versions(user_id, rule_id):
            if v.version == version:
                return v
        raise LookupError(f"rule {rule_id} has no version {version}")

    async def add_version(self, user_id: str, rule_id: int, change: VersionChange) -> RuleVersion:
        """Create the next version from the latest one plus ``change``."""
        rule = await self.get_rule(user_id, rule_id)
        base = rule.version
        params = base.params if change.params is None else change.params
        if rule.builtin is not None and change.params is not None:
            params = {**BUILTINS[rule.builtin].defaults, **change.params}
        expression = base.expression if change.expression is None else change.expression
        frequency = change.frequency or base.frequency
        cooldown_s = base.cooldown_s if change.cooldown_s is None else change.cooldown_s
        intrabar = base.intrabar if change.intrabar is None else change.intrabar
        return await self._insert_version(
            user_id, rule, params, expression, frequency, cooldown_s, intrabar, change.note
        )

    async def revert(self, user_id: str, rule_id: int, version: int) -> RuleVersion:
        """A new version equal to ``version``."""
        rule = await self.get_rule(user_id, rule_id)
        old = await self.get_version(user_id, rule_id, version)
        return await self._insert_version(
            user_id,
            rule,
            old.params,
            old.expression,
            old.frequency,
            old.cooldown_s,
            old.intrabar,
            f"revert to version {version}",
        )

    async def _insert_version(
        self,
        user_id: str,
        rule: Rule,
        params: dict[str, Any],
        expression: str | None,
        frequency: str,
        cooldown_s: int,
        intrabar: bool,
        note: str | None,
    ) -> RuleVersion:
        check_version_fields(rule.builtin, params, expression, frequency, cooldown_s, note)
        async with self.engine.begin() as conn:
            latest = await conn.scalar(
                sa.select(sa.func.max(rule_versions.c.version)).where(
                    rule_versions.c.rule_id == rule.id
                )
            )
            version = int(latest or 0) + 1
            await conn.execute(
                rule_versions.insert().values(
                    rule_id=rule.id,
                    version=version,
                    params=params,
                    expression=expression,
                    frequency=frequency,
                    cooldown_s=cooldown_s,
                    intrabar=intrabar,
                    created_at_ms=_now_ms(),
                    created_by=user_id,
                    note=note,
                )
            )
        return await self.get_version(user_id, rule.id, version)

    async def put_settings(
        self, user_id: str, rule_id: int, settings: UserRuleSettings
    ) -> UserRuleSettings:
        """Replace ``user_id``'s settings of a rule."""
        rule = await self.get_rule(user_id, rule_id)
        check_params(rule.builtin, settings.params)
        clean = UserRuleSettings(
            enabled=settings.enabled,
            params=dict(settings.params),
            symbols=normalise_scope(settings.symbols),
        )
        values = {
            "enabled": clean.enabled,
            "params": clean.params,
            "symbols": clean.symbols,
            "updated_at_ms": _now_ms(),
        }
        key = sa.and_(
            user_rule_settings.c.user_id == user_id, user_rule_settings.c.rule_id == rule_id
        )
        async with self.engine.begin() as conn:
            updated = await conn.execute(user_rule_settings.update().where(key).values(**values))
            if updated.rowcount == 0:
                await conn.execute(
                    user_rule_settings.insert().values(user_id=user_id, rule_id=rule_id, **values)
                )
        return clean

    async def active_rules(self, *, user: str | None = None) -> list[ActiveRule]:
        """Every enabled (user, rule) at its latest version, settings layered on top (only
        ``user``'s when given)."""
        query = sa.select(user_rule_settings.c.user_id, user_rule_settings.c.rule_id).where(
            user_rule_settings.c.enabled.is_(True)
        )
        if user is not None:
            query = query.where(user_rule_settings.c.user_id == user)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        out: list[ActiveRule] = []
        for user_id, rule_id in rows:
            try:
                rule = await self.get_rule(user_id, int(rule_id))
            except LookupError:
                continue
            out.append(active_rule(user_id, rule, rule.version, rule.settings))
        return out

    # --- signals ---

    async def insert_signals(self, drafts: Sequence[Signal]) -> list[Signal]:
        """Store signals (in order); the same signals with their database ids."""
        if not drafts:
            return []
        stored: list[Signal] = []
        async with self.engine.begin() as conn:
            for s in drafts:  # one statement each: ids are then assigned in this order
                result = await conn.execute(
                    signals.insert().values(
                        user_id=s.user_id,
                        rule_id=s.rule_id,
                        version=s.version,
                        rule_name=s.rule_name,
                        symbol=s.symbol,
                        seq=s.seq,
                        ts_ms=s.ts_ms,
                        direction=s.direction,
                        inputs=s.inputs,
                        explanation=s.explanation,
                    )
                )
                new_id = int(result.inserted_primary_key[0])  # type: ignore[index]
                stored.append(msgspec.structs.replace(s, id=new_id))
        return stored

    async def list_signals(
        self,
        user_id: str,
        *,
        symbol: str | None = None,
        rule_id: int | None = None,
        limit: int = 100,
    ) -> list[Signal]:
        """A user's signals, newest first."""
        query = sa.select(signals).where(signals.c.user_id == user_id)
        if symbol is not None:
            query = query.where(signals.c.symbol == symbol)
        if rule_id is not None:
            query = query.where(signals.c.rule_id == rule_id)
        query = query.order_by(signals.c.id.desc()).limit(limit)
        async with self.engine.connect() as conn:
            return [_signal(r) for r in (await conn.execute(query)).all()]

    async def signals_after(
        self, user_id: str, symbols: Iterable[str], after_id: int, limit: int = 10_000
    ) -> list[Signal]:
        """A user's signals on ``symbols`` with id > ``after_id``, oldest first (resume)."""
        query = (
            sa.select(signals)
            .where(
                signals.c.user_id == user_id,
                signals.c.symbol.in_(list(symbols)),
                signals.c.id > after_id,
            )
            .order_by(signals.c.id)
            .limit(limit)
        )
        async with self.engine.connect() as conn:
            return [_signal(r) for r in (await conn.execute(query)).all()]

    async def last_signal_id(self, user_id: str) -> int:
        """The newest signal id of ``user_id`` (0 if none)."""
        async with self.engine.connect() as conn:
            value = await conn.scalar(
                sa.select(sa.func.max(signals.c.id)).where(signals.c.user_id == user_id)
            )
        return int(value or 0)


def active_rule(
    user_id: str, rule: Rule, version: RuleVersion, settings: UserRuleSettings
) -> ActiveRule:
    """The runnable form of ``rule`` at ``version`` with ``settings`` layered over it."""
    return ActiveRule(
        user_id=user_id,
        rule_id=rule.id,
        rule_name=rule.name,
        version=version.version,
        builtin=rule.builtin,
        expression=version.expression,
        params={**version.params, **settings.params},
        frequency=version.frequency,
        cooldown_s=version.cooldown_s,
        intrabar=version.intrabar,
        symbols=frozenset(settings.symbols) if settings.symbols is not None else None,
    )


async def open_store(url: str, *, schema: str | None = None, migrate: bool = True) -> Store:
    """Connect, migrate to the newest revision and seed the built-in rules."""
    from spotlight_trader.storage.db import make_engine, upgrade

    engine = make_engine(url, schema=schema)
    if migrate:
        await upgrade(engine)
    store = Store(engine)
    if migrate:
        await store.seed_builtins()
    return store
