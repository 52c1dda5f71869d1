"""Rules as users see and edit them: immutable versions, per-user settings, their checks.

Pure domain types and validation (no I/O): the storage layer persists them, the API
serves them, :func:`active_rule` turns them into what the engine runs. A rule is a series
of immutable versions; editing creates the next one from the latest (:func:`next_version`),
reverting creates a copy of an old one (:func:`reverted`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

import msgspec

from spotlight_trader.errors import InputError
from spotlight_trader.model import Frequency, normalise_symbol
from spotlight_trader.rules.builtins import BUILTINS, check_params
from spotlight_trader.rules.core import FIRE_MODES, FREQUENCIES, ActiveRule
from spotlight_trader.rules.expr import InvalidExpression, compile_expression
from spotlight_trader.rules.params import ParamSpec

MAX_COOLDOWN_S = 7 * 86_400
MAX_NOTE = 500
MAX_SCOPE = 200
MAX_NAME = 200
MAX_DESCRIPTION = 2_000
DEFAULT_FREQUENCY = "once_per_bar_close"
DEFAULT_FIRE_MODE = "becomes_true"
FireMode = Literal["becomes_true", "while_true"]
MAX_ID = 2**63 - 1  # ids and version numbers are 64-bit signed in every database
# a parameter is a scalar: a nested value in a request is refused while it is decoded
ParamValue = int | float | str | bool
Params = dict[Annotated[str, msgspec.Meta(max_length=64)], ParamValue]


class RuleVersion(msgspec.Struct, frozen=True):
    """One immutable version of a rule."""

    rule_id: int
    version: int
    params: Params
    expression: str | None
    frequency: Frequency
    cooldown_s: int
    intrabar: bool
    created_at_ms: int
    note: str | None
    fire_mode: FireMode = "becomes_true"


class UserRuleSettings(msgspec.Struct, frozen=True):
    """A user's layer over a rule: on/off, parameter overrides, symbol scope (None = all),
    a cooldown override (None = the version's) and an optional expiry (Unix ms)."""

    enabled: bool = False
    params: Params = {}
    symbols: list[str] | None = None
    cooldown_s: int | None = None
    expires_at_ms: int | None = None


class Rule(msgspec.Struct, frozen=True):
    """A rule as one user sees it: the latest version and that user's settings."""

    id: int
    name: str
    kind: Literal["builtin", "custom"]
    builtin: str | None
    description: str
    version: RuleVersion
    settings: UserRuleSettings
    paused_reason: str | None = None  # set while the circuit breaker holds it
    paused_at_ms: int | None = None
    params_schema: list[ParamSpec] = []  # what its params mean and may be


class VersionChange(msgspec.Struct, frozen=True):
    """Fields of a new version; unset fields keep the previous version's value."""

    params: Params | None = None
    expression: str | None = None
    frequency: str | None = None
    cooldown_s: int | None = None
    intrabar: bool | None = None
    note: str | None = None
    fire_mode: str | None = None


class NewVersion(msgspec.Struct, frozen=True):
    """Every field a version is created with, before :func:`check_version_fields`."""

    params: Params
    expression: str | None
    frequency: str
    cooldown_s: int
    intrabar: bool
    note: str | None = None
    fire_mode: str = DEFAULT_FIRE_MODE


def next_version(builtin: str | None, base: RuleVersion, change: VersionChange) -> NewVersion:
    """``change`` over ``base`` (a built-in's new params are layered over its defaults)."""
    params = base.params if change.params is None else change.params
    if builtin is not None and change.params is not None:
        params = {**BUILTINS[builtin].defaults, **change.params}
    return NewVersion(
        params=params,
        expression=base.expression if change.expression is None else change.expression,
        frequency=change.frequency or base.frequency,
        cooldown_s=base.cooldown_s if change.cooldown_s is None else change.cooldown_s,
        intrabar=base.intrabar if change.intrabar is None else change.intrabar,
        note=change.note,
        fire_mode=change.fire_mode or base.fire_mode,
    )


def reverted(old: RuleVersion) -> NewVersion:
    """A copy of ``old``, noted as a revert."""
    return NewVersion(
        params=old.params,
        expression=old.expression,
        frequency=old.frequency,
        cooldown_s=old.cooldown_s,
        intrabar=old.intrabar,
        note=f"revert to version {old.version}",
        fire_mode=old.fire_mode,
    )


def check_version_fields(builtin: str | None, fields: NewVersion) -> None:
    """:class:`InputError` (naming the field) if a version would be invalid."""
    if fields.frequency not in FREQUENCIES:
        raise InputError(f"frequency must be one of {', '.join(FREQUENCIES)}")
    if fields.fire_mode not in FIRE_MODES:
        raise InputError(f"fire_mode must be one of {', '.join(FIRE_MODES)}")
    _check_cooldown(fields.cooldown_s)
    if fields.note is not None and len(fields.note) > MAX_NOTE:
        raise InputError(f"note longer than {MAX_NOTE} characters")
    check_params(builtin, fields.params)
    if builtin is None:
        if fields.expression is None:
            raise InputError("expression is required for a custom rule")
        try:
            compile_expression(fields.expression)
        except InvalidExpression as exc:
            raise InputError(f"expression: {exc}") from None
    elif fields.expression is not None:
        raise InputError("expression: built-in rules have no expression")


def _check_cooldown(cooldown_s: object) -> None:
    if (
        not isinstance(cooldown_s, int)
        or isinstance(cooldown_s, bool)
        or not 0 <= cooldown_s <= MAX_COOLDOWN_S
    ):
        raise InputError(f"cooldown_s must be an integer from 0 to {MAX_COOLDOWN_S}")


def check_rule_fields(name: str, description: str) -> str:
    """The stripped name of a new custom rule; :class:`InputError` if name or description
    is out of bounds."""
    name = name.strip()
    if not 1 <= len(name) <= MAX_NAME:
        raise InputError(f"name must have 1 to {MAX_NAME} characters")
    if len(description) > MAX_DESCRIPTION:
        raise InputError(f"description longer than {MAX_DESCRIPTION} characters")
    return name


def normalise_scope(symbols: Sequence[str] | None) -> list[str] | None:
    """Upper-cased, de-duplicated symbol scope; :class:`InputError` if malformed."""
    if symbols is None:
        return None
    if len(symbols) > MAX_SCOPE:
        raise InputError(f"symbols: at most {MAX_SCOPE}")
    return list(dict.fromkeys(normalise_symbol(s) for s in symbols))


def clean_settings(builtin: str | None, settings: UserRuleSettings) -> UserRuleSettings:
    """``settings`` with checked params and a normalised scope; :class:`InputError` if bad."""
    check_params(builtin, settings.params)
    if settings.cooldown_s is not None:
        _check_cooldown(settings.cooldown_s)
    expires = settings.expires_at_ms
    if expires is not None and (isinstance(expires, bool) or not 0 <= expires < 2**53):
        raise InputError("expires_at_ms must be a Unix time in milliseconds")
    return UserRuleSettings(
        enabled=settings.enabled,
        params=dict(settings.params),
        symbols=normalise_scope(settings.symbols),
        cooldown_s=settings.cooldown_s,
        expires_at_ms=expires,
    )


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
        cooldown_s=version.cooldown_s if settings.cooldown_s is None else settings.cooldown_s,
        intrabar=version.intrabar,
        symbols=frozenset(settings.symbols) if settings.symbols is not None else None,
        fire_mode=version.fire_mode,
        expires_at_ms=settings.expires_at_ms,
    )
