"""Webhooks, the pure part: targets, TradingView-style message templates, the body and its
HMAC-SHA256 signature, which attempts are retried and when (no I/O here; the sender is
:mod:`spotlight_trader.runtime.webhooks`)."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from datetime import UTC, datetime
from typing import Final
from urllib.parse import urlsplit

import msgspec

from spotlight_trader.errors import InputError
from spotlight_trader.model import MINUTE_MS, Signal

DEFAULT_TEMPLATE: Final = "{{ticker}} {{rule}} ({{direction}}): {{explanation}}"
MAX_URL: Final = 2_000
MAX_TEMPLATE: Final = 4_000
MAX_SECRET: Final = 200
TIMEOUT_S: Final = 3.0
SIGNATURE_HEADER: Final = "X-Spotlight-Signature"
TIMESTAMP_HEADER: Final = "X-Spotlight-Timestamp"
KEY_HEADER: Final = "Idempotency-Key"
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


class WebhookTarget(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Where a rule's (or a user's) signals are POSTed: ``url`` (http or https),
    ``template`` (the message, ``{{ticker}}``-style placeholders), ``secret`` (signs the
    body; None = unsigned) and ``enabled``."""

    url: str
    template: str = DEFAULT_TEMPLATE
    secret: str | None = None
    enabled: bool = True


def check_target(target: WebhookTarget) -> WebhookTarget:
    """``target`` if it is usable, else :class:`InputError` naming the field."""
    parts = urlsplit(target.url)
    if len(target.url) > MAX_URL or parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError("url: an http:// or https:// URL with a host is needed")
    if not target.template.strip() or len(target.template) > MAX_TEMPLATE:
        raise InputError(f"template: 1 to {MAX_TEMPLATE} characters")
    if target.secret is not None and not 1 <= len(target.secret) <= MAX_SECRET:
        raise InputError(f"secret: 1 to {MAX_SECRET} characters")
    return target


def _iso(ts_ms: int) -> str:
    return datetime.fromtimestamp(ts_ms / 1000, UTC).isoformat().replace("+00:00", "Z")


def placeholders(signal: Signal) -> dict[str, str]:
    """The values a template may use: ``ticker``, ``rule``, ``rule_id``, ``direction``,
    ``explanation``, ``time`` (the bar's start, UTC ISO), ``timenow`` (when it fired),
    ``interval`` (1), ``key`` and every input the rule read (``close``, ``vwap``, ...)."""
    values = {name: f"{value:g}" for name, value in signal.inputs.items()}
    values.update(
        ticker=signal.symbol,
        rule=signal.rule_name,
        rule_id=str(signal.rule_id),
        direction=signal.direction,
        explanation=signal.explanation,
        time=_iso(signal.seq * MINUTE_MS),
        timenow=_iso(signal.ts_ms),
        interval="1",
        key=signal.key,
    )
    return values


def render(template: str, signal: Signal) -> str:
    """The message: each known ``{{name}}`` replaced (unknown ones stay as written). In a
    template that is JSON (starts with ``{`` or ``[``) values are JSON-escaped."""
    values = placeholders(signal)
    escape = template.lstrip()[:1] in ("{", "[")

    def value(match: re.Match[str]) -> str:
        found = values.get(match.group(1))
        if found is None:
            return match.group(0)
        return json.dumps(found)[1:-1] if escape else found

    return _PLACEHOLDER.sub(value, template)


def body(template: str, signal: Signal) -> bytes:
    """The POST body: the rendered template itself when it is a JSON object or array
    (TradingView's convention), else ``{"message": …, "signal": {…}}``."""
    message = render(template, signal)
    try:
        parsed = json.loads(message)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict | list):
        return json.dumps(parsed, separators=(",", ":")).encode()
    wrapped = {"message": message, "signal": msgspec.to_builtins(signal)}
    return json.dumps(wrapped, separators=(",", ":")).encode()


def signature(secret: str, timestamp_ms: int, content: bytes) -> str:
    """``sha256=<hex>``: HMAC-SHA256 with ``secret`` over ``"<timestamp_ms>." + body``."""
    mac = hmac.new(secret.encode(), f"{timestamp_ms}.".encode() + content, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def retryable(status: int | None) -> bool:
    """Whether an attempt that ended with ``status`` (None: no answer, e.g. a timeout) is
    tried again: no answer, 408, 429 and 5xx are; any other status is final."""
    return status is None or status in (408, 429) or status >= 500


def backoff_s(attempt: int, base_s: float) -> float:
    """The wait after failed attempt ``attempt`` (1-based): base, 2 × base, 4 × base, …"""
    return float(base_s * 2 ** (attempt - 1))
