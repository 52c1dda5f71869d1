"""Logging set-up: structlog to stderr, console or JSON lines, with secrets redacted.

Library internals (Alembic's migration chatter, uvicorn's start-up lines, websockets and
httpx) are written only at ``LOG_LEVEL=debug``. Whatever the level, every line passes
:func:`redact` on its way out: ``Authorization`` and ``Cookie`` headers, WebSocket
subprotocols (which carry the voice token), Polygon ``auth`` frames, bearer tokens and
OpenAI keys never reach the log.
"""

from __future__ import annotations

import io
import logging
import re
import sys
from typing import Any, TextIO, cast

import structlog

# Library loggers that talk about their own machinery at INFO; quiet unless debugging.
CHATTY = ("alembic", "uvicorn", "uvicorn.error", "websockets", "httpx", "httpcore", "asyncio")

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # header lines and key=value pairs: "Authorization: Bearer ...", "cookie=..."
    (
        re.compile(
            r"(?i)\b(authorization|proxy-authorization|cookie|set-cookie|"
            r"sec-websocket-protocol|x-api-key|api-key)(['\"]?\s*[:=]\s*['\"]?)([^\r\n'\"]+)"
        ),
        r"\1\2[redacted]",
    ),
    # header tuples in library traces: "(b'set-cookie', b'spotlight_session=...')"
    (
        re.compile(
            r"(?i)(\(b?['\"](?:authorization|proxy-authorization|cookie|set-cookie|"
            r"sec-websocket-protocol|x-api-key|api-key)['\"],\s*b?['\"])([^'\"]*)"
        ),
        r"\1[redacted]",
    ),
    # Polygon's auth action: {"action":"auth","params":"<key>"} (also when truncated)
    (re.compile(r'("action"\s*:\s*"auth"\s*,\s*"params"\s*:\s*")([^"]*)'), r"\1[redacted]"),
    (re.compile(r"(?i)\bbearer\s+[A-Za-z0-9._~+/=-]+"), "Bearer [redacted]"),
    (re.compile(r"\bsk-[A-Za-z0-9_-]{8,}"), "sk-[redacted]"),
    (re.compile(r"(spotlight\.token\.|openai-insecure-api-key\.)[A-Za-z0-9._-]+"), r"\1[redacted]"),
    (re.compile(r"(?i)([?&](?:apikey|api_key|token|key)=)[^&\s'\"]+"), r"\1[redacted]"),
)


_handler: logging.Handler | None = None  # the handler configure() installed


def redact(text: str) -> str:
    """``text`` with every credential we know the shape of replaced by ``[redacted]``."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    """A formatter whose output (message, arguments and tracebacks) is redacted."""

    def format(self, record: logging.LogRecord) -> str:
        """The formatted record, redacted."""
        return redact(super().format(record))


class _Stderr(io.TextIOBase):
    """Whatever ``sys.stderr`` is when a line is written (tests swap it)."""

    def write(self, text: str) -> int:
        """Write to the current stderr."""
        return sys.stderr.write(text)

    def flush(self) -> None:
        """Flush the current stderr."""
        sys.stderr.flush()


def _redact_rendered(_logger: Any, _method: str, rendered: Any) -> Any:
    return redact(rendered) if isinstance(rendered, str) else rendered


def configure(level: str = "info", json: bool = False) -> None:
    """Route structlog and stdlib logging to stderr at ``level`` (library chatter only at
    ``debug``), redacting secrets at every level."""
    global _handler
    numeric = logging.getLevelName(level.upper())
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(RedactingFormatter("%(message)s"))
    root.addHandler(_handler)
    root.setLevel(numeric)
    quiet = numeric if level == "debug" else max(numeric, logging.WARNING)
    for name in CHATTY:
        logging.getLogger(name).setLevel(quiet)
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            renderer,
            _redact_rendered,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.PrintLoggerFactory(cast(TextIO, _Stderr())),
        # not cached: a later configure() (another level, another stderr) applies everywhere
        cache_logger_on_first_use=False,
    )
